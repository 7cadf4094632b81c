"""Fixtures on real PostgreSQL and Redis.

`TEST_DATABASE_URL` / `TEST_REDIS_URL` name running servers; without them an embedded PostgreSQL
and Redis are started for the session. Each session works in a database of its own, dropped at the end.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
import redis.asyncio as aioredis
from redis import Redis as SyncRedis
from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from tests.support.services import create_database, drop_database, services_from_env


@pytest.fixture(scope="session")
def service_urls() -> Iterator[tuple[str, str]]:
    services = services_from_env(("TEST_DATABASE_URL",), ("TEST_REDIS_URL",), folder_prefix="riftwalker-test-")
    try:
        yield services.database_url, services.redis_url
    finally:
        services.stop()


@pytest.fixture(scope="session")
def database_url(service_urls: tuple[str, str]) -> Iterator[str]:
    """A fresh, migrated database for this test session."""
    server_url = service_urls[0]
    url = asyncio.run(create_database(server_url, "riftwalker_test"))
    yield url
    asyncio.run(drop_database(url, server_url=server_url))


@pytest.fixture(scope="session")
def redis_url(service_urls: tuple[str, str]) -> str:
    return service_urls[1]


# A change a test makes by hand in PostgreSQL, as an operator with psql would: the game's processes keep the
# records (and the world's rifts and bosses) they read, checked against versions in Redis that the game's own
# writes publish. A hand-made change publishes nothing, so the engine the tests use drops the published record
# versions and bumps the world's version after any such statement, and the game reads PostgreSQL again.
_WRITE = re.compile(r"^\s*(UPDATE|INSERT|DELETE)\b", re.IGNORECASE)
_RECORD_TABLES = re.compile(r"\b(characters|inventory_items|equipment|learned_skills)\b", re.IGNORECASE)
_WORLD_TABLES = re.compile(r"\b(rifts|world_bosses)\b", re.IGNORECASE)
_FORGET_RECORD_VERSIONS = """
local cursor = '0'
repeat
  local page = redis.call('SCAN', cursor, 'MATCH', 'account:*', 'COUNT', 1000)
  cursor = page[1]
  for _, key in ipairs(page[2]) do redis.call('HDEL', key, 'rv') end
until cursor == '0'
return 1
"""


def _changed_by_hand(client: SyncRedis, statement: str) -> None:
    if not _WRITE.match(statement):
        return
    if _RECORD_TABLES.search(statement):
        client.eval(_FORGET_RECORD_VERSIONS, 0)
    if _WORLD_TABLES.search(statement):
        client.incr("world:version")


@pytest.fixture(scope="session")
async def engine(database_url: str, redis_url: str) -> AsyncIterator[AsyncEngine]:
    engine = create_async_engine(database_url, pool_size=10)
    client = SyncRedis.from_url(redis_url)

    @event.listens_for(engine.sync_engine, "after_cursor_execute")
    def changed_by_hand(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        _changed_by_hand(client, statement)

    yield engine
    client.close()
    await engine.dispose()


@pytest.fixture(scope="session")
async def redis_client(redis_url: str) -> AsyncIterator[aioredis.Redis]:
    client = aioredis.Redis.from_url(redis_url)
    yield client
    await client.aclose()


async def _truncate_all(engine: AsyncEngine) -> None:
    async with engine.begin() as conn:
        tables = (
            (
                await conn.execute(
                    text(
                        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename != 'alembic_version'"
                    )
                )
            )
            .scalars()
            .all()
        )
        if tables:
            await conn.execute(text(f"TRUNCATE {', '.join(tables)} CASCADE"))


@pytest.fixture
async def db(engine: AsyncEngine) -> AsyncEngine:
    """The session's database, emptied before the test."""
    await _truncate_all(engine)
    return engine


@pytest.fixture
async def redis(redis_client: aioredis.Redis) -> aioredis.Redis:
    """The session's Redis, flushed before the test."""
    await redis_client.flushdb()
    return redis_client


@pytest.fixture
def settings(database_url: str, redis_url: str, db: AsyncEngine, redis: aioredis.Redis):
    """Settings pointing at the test services, which are emptied before the test."""
    from shared.config import Settings

    # Tests press buttons faster than any player could: throttling is off the scale here, and
    # tests/bot/test_throttling.py sets the limits it checks.
    return Settings(
        _env_file=None,
        database_url=database_url,
        redis_url=redis_url,
        bot_token=None,
        throttle_rate=10_000.0,
        throttle_burst=10_000,
    )


@pytest.fixture
async def container(settings):
    """The application as `riftwalker` composes it, with a local (recording) Telegram session."""
    from app.containers import Container

    container = Container(settings=settings, local_bot=True)
    await container.init_resources()
    yield container
    await container.shutdown_resources()


@pytest.fixture
async def game(container):
    return await container.game()
