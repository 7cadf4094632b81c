"""PostgreSQL restarting under a running game: a request may be told to try again, nothing is lost,
and the game carries on without being restarted itself. Uses a PostgreSQL of its own (embedded),
so restarting it disturbs nothing else."""

from __future__ import annotations

import asyncio
import contextlib
import tempfile
from pathlib import Path

import pytest

from app.local_services import start_embedded_postgres
from game.adapters.migrations import upgrade_to_head_async
from game.api import ServiceUnavailable
from shared.config import Settings


@pytest.fixture
async def own_postgres():
    url, server = start_embedded_postgres(Path(tempfile.mkdtemp(prefix="riftwalker-restart-")))
    await upgrade_to_head_async(url)
    yield url, server
    server.cleanup()


def restart(server) -> None:
    from embedded_postgres._commands import pg_ctl

    pg_ctl(["-w", "-m", "fast", "restart"], pgdata=server.pgdata, user=server.system_user, timeout=60)


async def eventually(call, attempts: int = 3):
    """What a player does when told to try again: try again."""
    failures = 0
    for _ in range(attempts):
        try:
            return await call(), failures
        except ServiceUnavailable:
            failures += 1
            await asyncio.sleep(0.2)
    raise AssertionError("still unavailable after PostgreSQL came back")


@pytest.mark.slow
async def test_a_restart_costs_at_most_a_retry_and_loses_nothing(own_postgres, redis_url, redis):
    from app.containers import Container

    url, server = own_postgres
    container = Container(settings=Settings(_env_file=None, database_url=url, redis_url=redis_url), local_bot=True)
    try:
        game = await container.game()
        await game.register(player_id=31, name="Steady", class_id="warrior")
        await game.travel(player_id=31, destination="meadows")
        bag = await game.inventory(player_id=31)

        await asyncio.to_thread(restart, server)

        sheet, failures = await eventually(lambda: game.get_character(player_id=31))
        assert failures <= 1 and sheet.name == "Steady" and sheet.location_id == "meadows"
        # The change made before the restart is still waiting in Redis and reaches PostgreSQL now.
        report, _ = await eventually(lambda: game.snapshot_hot_state())
        assert report.accounts_written == 1
        # Durable actions work again, against the version drawn before the restart.
        after, _ = await eventually(lambda: game.unequip(player_id=31, slot="weapon", version=bag.version))
        assert "weapon" not in after.equipment
    finally:
        with contextlib.suppress(Exception):
            await container.shutdown_resources()
