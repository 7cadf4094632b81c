"""Servers for tests and benchmarks: the ones named by environment variables, else embedded ones; and
throwaway databases, migrated, on a PostgreSQL server."""

from __future__ import annotations

import logging
import os
import tempfile
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.ext.asyncio import create_async_engine

from app.local_services import LocalServices, start_embedded_postgres, start_embedded_redis
from game.adapters.migrations import upgrade_to_head_async

log = logging.getLogger(__name__)


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
    return LocalServices(database_url=database_url, redis_url=redis_url, handles=tuple(handles))


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
