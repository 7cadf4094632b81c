"""Prints `export TEST_…_URL=…` for a PostgreSQL and a Redis already answering on this machine.

Whatever is not found is left unset, and the test fixtures start embedded servers instead.
"""

from __future__ import annotations

import asyncio
import os
import shlex

PG_CANDIDATES = [
    "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres",
    "postgresql+asyncpg://postgres@127.0.0.1:5432/test",
]
REDIS_CANDIDATES = ["redis://127.0.0.1:6379/15"]


async def _pg_ok(url: str) -> bool:
    import asyncpg

    try:
        conn = await asyncio.wait_for(asyncpg.connect(url.replace("+asyncpg", "")), 3)
    except Exception:
        return False
    try:
        return bool(await conn.fetchval("SELECT rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user"))
    finally:
        await conn.close()


async def _redis_ok(url: str) -> bool:
    from redis.asyncio import Redis

    client = Redis.from_url(url, socket_connect_timeout=2)
    try:
        return bool(await client.ping())
    except Exception:
        return False
    finally:
        await client.aclose()


async def main() -> None:
    if not os.environ.get("TEST_DATABASE_URL"):
        for url in PG_CANDIDATES:
            if await _pg_ok(url):
                print(f"export TEST_DATABASE_URL={shlex.quote(url)}")
                break
        else:
            print("# no PostgreSQL answering: the tests start an embedded one")
    if not os.environ.get("TEST_REDIS_URL"):
        for url in REDIS_CANDIDATES:
            if await _redis_ok(url):
                print(f"export TEST_REDIS_URL={shlex.quote(url)}")
                break
        else:
            print("# no Redis answering: the tests start an embedded one")


if __name__ == "__main__":
    asyncio.run(main())
