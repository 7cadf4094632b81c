"""Where the in-memory storage is stricter than PostgreSQL, so a mistake in a use case fails a unit test
at once instead of hanging it or passing by luck (the contract suite covers where the two agree)."""

from __future__ import annotations

import pytest

from game.domain.character import Character, HotState, Stats
from tests.fakes.unit_of_work import FakeUnitOfWorkFactory

HERO = Character(1, "hero", "warrior", 1, 0, 20, Stats(7, 4, 2, 6), 0, 1)
HOT = HotState("ashford", 100, 30, 100.0, 0.0)


async def test_a_read_only_unit_of_work_refuses_to_write():
    uows = FakeUnitOfWorkFactory()
    async with uows(read_only=True) as uow:
        with pytest.raises(RuntimeError):
            await uow.characters.add(HERO, name_key="hero", hot=HOT)
    async with uows(read_only=True) as uow:
        assert await uow.characters.get(1) is None


async def test_a_unit_of_work_waiting_for_a_row_its_caller_holds_fails_instead_of_hanging():
    uows = FakeUnitOfWorkFactory()
    async with uows() as uow:
        await uow.characters.add(HERO, name_key="hero", hot=HOT)
        await uow.commit()
    async with uows() as outer:
        await outer.characters.load(1, for_update=True)
        async with uows() as inner:
            with pytest.raises(RuntimeError, match="deadlock"):
                await inner.characters.load(1, for_update=True)
    async with uows() as again:  # the lock went with the unit of work that held it
        assert await again.characters.load(1, for_update=True) is not None
