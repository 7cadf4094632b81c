"""The game's first use cases on real PostgreSQL and Redis, through the port as callers see it."""

from __future__ import annotations

import asyncio
import contextlib

import pytest
from sqlalchemy import text

from game.api import (
    GameApi,
    InvalidName,
    NameTaken,
    NotAdjacent,
    NotRegistered,
    ServiceUnavailable,
    UnknownClass,
    UnknownLocation,
)
from shared.events import CharacterCreated, event_from_json


async def count_characters(db) -> int:
    async with db.connect() as conn:
        return (await conn.execute(text("SELECT count(*) FROM characters"))).scalar_one()


async def test_register_creates_a_character_in_town(game: GameApi, db, redis):
    sheet = await game.register(player_id=42, name="Alaric", class_id="warrior")
    assert sheet.name == "Alaric"
    assert sheet.level == 1 and sheet.xp == 0
    assert sheet.hp == sheet.derived.max_hp
    assert sheet.location_id == "ashford"
    assert await count_characters(db) == 1
    # Hot state is in Redis; the durable row exists too.
    assert (await redis.hget("account:42", "location")) == b"ashford"
    again = await game.get_character(player_id=42)
    assert again == sheet.model_copy(update={"stamina": again.stamina})


async def test_registration_publishes_an_event_for_the_bot(game: GameApi, redis):
    await game.register(player_id=7, name="Mira", class_id="mage")
    entries = await redis.xrange("events")
    events = [event_from_json(fields[b"event"]) for _, fields in entries]
    assert [type(e) for e in events] == [CharacterCreated]
    assert events[0].player_id == 7 and events[0].name == "Mira"


@pytest.mark.parametrize("name", ["ab", "x" * 17, "bad name", "semi;colon", "<b>", "", "   "])
async def test_bad_names_are_refused_and_change_nothing(game: GameApi, db, name):
    with pytest.raises(InvalidName):
        await game.register(player_id=1, name=name, class_id="rogue")
    assert await count_characters(db) == 0


async def test_names_are_unique_regardless_of_case(game: GameApi, db):
    await game.register(player_id=1, name="Shadow", class_id="rogue")
    with pytest.raises(NameTaken):
        await game.check_name(name="sHaDoW")
    with pytest.raises(NameTaken):
        await game.register(player_id=2, name="SHADOW", class_id="mage")
    assert await count_characters(db) == 1


async def test_cyrillic_names_are_letters_too(game: GameApi):
    sheet = await game.register(player_id=3, name="Ратибор", class_id="warrior")
    assert sheet.name == "Ратибор"


async def test_two_players_racing_for_one_name_one_wins(game: GameApi, db):
    results = await asyncio.gather(
        *(game.register(player_id=100 + i, name="Racer", class_id="rogue") for i in range(5)),
        return_exceptions=True,
    )
    assert sum(not isinstance(r, Exception) for r in results) == 1
    assert all(isinstance(r, NameTaken) for r in results if isinstance(r, Exception))
    assert await count_characters(db) == 1


async def test_unknown_class_is_refused(game: GameApi, db):
    with pytest.raises(UnknownClass):
        await game.register(player_id=1, name="Nobody", class_id="necromancer")
    assert await count_characters(db) == 0


async def test_unregistered_player_gets_not_registered(game: GameApi):
    with pytest.raises(NotRegistered):
        await game.get_character(player_id=999)
    with pytest.raises(NotRegistered):
        await game.look(player_id=999)
    with pytest.raises(NotRegistered):
        await game.travel(player_id=999, destination="meadows")


async def test_travel_to_an_adjacent_location(game: GameApi):
    await game.register(player_id=5, name="Walker", class_id="rogue")
    here = await game.look(player_id=5)
    assert "meadows" in {e.id for e in here.exits}
    there = await game.travel(player_id=5, destination="meadows")
    assert there.id == "meadows"
    assert (await game.look(player_id=5)).id == "meadows"


async def test_travel_elsewhere_is_refused_and_nothing_moves(game: GameApi, redis):
    await game.register(player_id=5, name="Walker", class_id="rogue")
    await redis.delete("accounts:changed")
    with pytest.raises(NotAdjacent):
        await game.travel(player_id=5, destination="frostfang")
    with pytest.raises(UnknownLocation):
        await game.travel(player_id=5, destination="narnia")
    assert (await game.look(player_id=5)).id == "ashford"
    assert await redis.scard("accounts:changed") == 0


async def test_lost_hot_state_is_rehydrated_from_the_last_snapshot(game: GameApi, redis):
    await game.register(player_id=8, name="Phoenix", class_id="mage")
    await game.travel(player_id=8, destination="meadows")
    report = await game.snapshot_hot_state()
    assert report.accounts_written == 1
    await game.travel(player_id=8, destination="darkwood")  # not snapshotted yet
    await redis.flushdb()  # Redis restarted without persistence
    assert (await game.look(player_id=8)).id == "meadows"
    assert (await redis.hget("account:8", "location")) == b"meadows"


async def test_storage_outage_is_a_clear_refusal(settings, db, redis):
    from app.containers import Container

    broken = Container(settings=settings.model_copy(update={"redis_url": "redis://127.0.0.1:1/0"}), local_bot=True)
    await broken.init_resources()
    with contextlib.suppress(ServiceUnavailable):  # PostgreSQL is fine, Redis is not
        await (await broken.game()).register(player_id=9, name="Ghost", class_id="mage")
    with pytest.raises(ServiceUnavailable):
        await (await broken.game()).look(player_id=9)
    await broken.shutdown_resources()
