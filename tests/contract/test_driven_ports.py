"""One suite for the game's driven ports, run against the in-memory fakes and the real adapters.

Each test states a behaviour the use cases rely on; a fake that drifts from its adapter fails here.
The real adapters' cases are marked `servers`: `pytest -m "not servers"` runs the fakes alone.
"""

from __future__ import annotations

import asyncio
import functools
import inspect
import time
from collections.abc import Callable
from dataclasses import dataclass, replace

import pytest

from game.adapters.content_files import load_content
from game.adapters.redis_hot_state import RedisHotStateStore, RedisPlayerLocks
from game.adapters.redis_world_boss import RedisBossArena
from game.adapters.snapshot import RedisToPostgresSnapshotter
from game.adapters.sql_arena import SqlArenaRepository
from game.adapters.sql_exchange import SqlExchangeRepository
from game.adapters.sql_guilds import SqlGuildRepository
from game.adapters.sql_settings import SqlSettingsRepository
from game.adapters.sql_unit_of_work import SqlCharacterRepository, SqlUnitOfWork
from game.adapters.sql_world import SqlWorldRepository
from game.api import AlreadyRegistered, Busy, NameTaken
from game.application.ports.arena import ArenaRepository
from game.application.ports.exchange import BountyProgress, BountyStep, ExchangeRepository
from game.application.ports.guilds import GuildRepository
from game.application.ports.hot_state import PRESSES_KEPT, HotStateStore, PlayerLocks
from game.application.ports.snapshot import HotStateSnapshotter
from game.application.ports.unit_of_work import (
    CharacterRepository,
    PlayerRecord,
    SavedHotState,
    SettingsRepository,
    UnitOfWork,
    UnitOfWorkFactory,
)
from game.application.ports.world_events import (
    AttackOutcome,
    BossArena,
    BossDamageRow,
    BossLive,
    BossRecord,
    BossStanding,
    RiftRecord,
    WorldRepository,
)
from game.domain.character import Character, HotState, Stats, derive
from game.domain.combat import start_combat
from game.domain.daily import Streak
from game.domain.equipment import Equipment
from game.domain.exchange import Fill, Order, Payout
from game.domain.inventory import Inventory
from game.domain.monsters import monster_at_level
from game.domain.rifts import RiftRun
from game.domain.running_fight import FightContext, RiftFight, RunningFight, WildFight
from shared.adapters.redis_event_bus import RedisStreamEventBus
from shared.ports import Clock, EventBus, SystemClock
from tests.fakes.arena import FakeArenaRepository
from tests.fakes.clock import START, SettableClock
from tests.fakes.event_bus import InMemoryEventBus
from tests.fakes.exchange import FakeExchangeRepository
from tests.fakes.guilds import FakeGuildRepository
from tests.fakes.hot_state import FakeHotStateStore, FakePlayerLocks
from tests.fakes.snapshot import FakeSnapshotter
from tests.fakes.unit_of_work import (
    FakeCharacterRepository,
    FakeSettingsRepository,
    FakeUnitOfWork,
    FakeUnitOfWorkFactory,
    FakeWorldRepository,
)
from tests.fakes.world_boss import FakeBossArena

REAL = pytest.mark.servers
CONTENT = load_content()

# ================================================================================================
# the unit of work and its repositories
# ================================================================================================


@pytest.fixture(params=["fake", pytest.param("sql", marks=REAL)])
def uow_factory(request: pytest.FixtureRequest) -> UnitOfWorkFactory:
    if request.param == "fake":
        return FakeUnitOfWorkFactory()
    return functools.partial(SqlUnitOfWork, request.getfixturevalue("db"))


HOT = HotState(location_id="ashford", hp=95, mana=40, stamina=100.0, stamina_at=START)


def hero(player_id: int, name: str | None = None, *, level: int = 1, xp: int = 0, gold: int = 20) -> Character:
    return Character(
        player_id=player_id,
        name=name or f"hero{player_id}",
        class_id="warrior",
        level=level,
        xp=xp,
        gold=gold,
        stats=Stats(strength=10, agility=6, intellect=4, vitality=9),
        stat_points=0,
        skill_points=1,
    )


async def add(uow_factory: UnitOfWorkFactory, *characters: Character) -> None:
    async with uow_factory() as uow:
        for c in characters:
            await uow.characters.add(c, name_key=c.name.casefold(), hot=HOT)
        await uow.commit()


async def load(uow_factory: UnitOfWorkFactory, player_id: int) -> PlayerRecord | None:
    async with uow_factory(read_only=True) as uow:
        return await uow.characters.load(player_id)


async def save(uow_factory: UnitOfWorkFactory, before: PlayerRecord, after: PlayerRecord) -> int:
    async with uow_factory() as uow:
        version = await uow.characters.save(before, after)
        await uow.commit()
    return version


async def test_a_committed_character_is_there_for_the_next_unit_of_work(uow_factory):
    await add(uow_factory, hero(1, "Alaric"))
    record = await load(uow_factory, 1)
    assert record == PlayerRecord(hero(1, "Alaric"), 0, Inventory(), Equipment(), frozenset())
    async with uow_factory(read_only=True) as uow:
        assert await uow.characters.get(1) == hero(1, "Alaric")
        assert await uow.characters.get_saved_hot_state(1) == SavedHotState(state=HOT, fight=None)
        assert await uow.characters.id_by_name("alaric") == 1
        assert await uow.characters.get(2) is None
        assert await uow.characters.load(2) is None


async def test_leaving_without_commit_leaves_nothing_behind(uow_factory):
    await add(uow_factory, hero(1))
    async with uow_factory() as uow:
        await uow.characters.add(hero(2, "Ghost"), name_key="ghost", hot=HOT)
        assert await uow.characters.claim(1, "fight:a")
        before = await uow.characters.load(1, for_update=True)
        await uow.characters.save(before, replace(before, character=replace(before.character, gold=999)))
        assert (await uow.characters.load(1)).character.gold == 999  # it sees its own writes
    with pytest.raises(ZeroDivisionError):
        async with uow_factory() as uow:
            await uow.characters.claim(1, "fight:b")
            1 / 0  # noqa: B018
    async with uow_factory() as uow:
        assert await uow.characters.get(2) is None
        assert not await uow.characters.name_taken("ghost")
        assert (await uow.characters.load(1)).character.gold == 20
        assert (await uow.characters.load(1)).version == 0
        assert await uow.characters.claim(1, "fight:a")
        assert await uow.characters.claim(1, "fight:b")


async def test_another_unit_of_work_sees_only_what_was_committed(uow_factory):
    await add(uow_factory, hero(1))
    async with uow_factory() as writer:
        before = await writer.characters.load(1, for_update=True)
        await writer.characters.save(before, replace(before, character=replace(before.character, gold=50)))
        assert (await load(uow_factory, 1)).character.gold == 20
        await writer.commit()
        assert (await load(uow_factory, 1)).character.gold == 50


async def test_a_read_only_unit_of_work_refuses_to_commit(uow_factory):
    async with uow_factory(read_only=True) as uow:
        with pytest.raises(RuntimeError):
            await uow.commit()


async def test_save_bumps_the_version_and_writes_bag_gear_and_skills(uow_factory):
    await add(uow_factory, hero(1))
    empty = await load(uow_factory, 1)
    kitted = replace(
        empty,
        character=replace(empty.character, gold=7, xp=30, skill_points=0),
        inventory=Inventory(items={"health_potion": 3, "wolf_pelt": 2}),
        equipment=Equipment(slots={"weapon": "rusty_sword"}),
        skills=frozenset({"power_strike"}),
    )
    assert await save(uow_factory, empty, kitted) == 1
    assert await load(uow_factory, 1) == replace(kitted, version=1)

    lighter = replace(kitted, inventory=Inventory(items={"health_potion": 1}), equipment=Equipment())
    assert await save(uow_factory, kitted, lighter) == 2
    assert await load(uow_factory, 1) == replace(lighter, version=2)


async def test_save_writes_only_what_changed_from_before(uow_factory):
    """Two saves from the same `before`: both bags' changes stay; the character is the last one written."""
    await add(uow_factory, hero(1))
    before = await load(uow_factory, 1)
    await save(uow_factory, before, replace(before, inventory=Inventory(items={"health_potion": 2})))
    await save(
        uow_factory,
        before,
        replace(before, character=replace(before.character, gold=5), inventory=Inventory(items={"wolf_pelt": 1})),
    )
    after = await load(uow_factory, 1)
    assert after.inventory.items == {"health_potion": 2, "wolf_pelt": 1}
    assert after.character.gold == 5
    assert after.version == 2


async def test_a_source_pays_out_once_per_player(uow_factory):
    await add(uow_factory, hero(1), hero(2))
    async with uow_factory() as uow:
        assert await uow.characters.claim(1, "fight:x")
        assert not await uow.characters.claim(1, "fight:x")
        assert await uow.characters.claim(2, "fight:x")  # another player's payout of the same source
        await uow.commit()
    async with uow_factory() as uow:
        assert not await uow.characters.claim(1, "fight:x")
        assert not await uow.characters.claim(2, "fight:x")
        assert await uow.characters.claim(1, "fight:y")


async def test_for_update_waits_until_the_holder_commits(uow_factory):
    await add(uow_factory, hero(1))

    async def second() -> PlayerRecord:
        async with uow_factory() as uow:
            return await uow.characters.load(1, for_update=True)

    async with uow_factory() as first:
        before = await first.characters.load(1, for_update=True)
        waiting = asyncio.create_task(second())
        await asyncio.sleep(0.1)
        assert not waiting.done()
        await first.characters.save(before, replace(before, character=replace(before.character, gold=1)))
        await first.commit()
        seen = await asyncio.wait_for(waiting, 5)
    assert (seen.version, seen.character.gold) == (1, 1)


async def test_a_claim_comes_with_the_locked_record_only_the_first_time(uow_factory):
    await add(uow_factory, hero(1))
    before = await load(uow_factory, 1)
    async with uow_factory() as uow:
        assert await uow.characters.claim_and_load(1, "fight:a") == (True, before)
        await uow.characters.save(before, replace(before, character=replace(before.character, gold=70)))
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.characters.claim_and_load(1, "fight:a") == (False, None)  # paid already
        claimed, record = await uow.characters.claim_and_load(1, "fight:b")
        assert claimed and record is not None
        assert (record.character.gold, record.version) == (70, 1)
    async with uow_factory() as uow:  # the claim of fight:b was never committed
        assert await uow.characters.claim(1, "fight:b")


async def test_two_claims_of_one_source_at_once_pay_once(uow_factory):
    await add(uow_factory, hero(1))

    async def pay() -> bool:
        async with uow_factory() as uow:
            claimed, before = await uow.characters.claim_and_load(1, "fight:a")
            if not claimed:
                return False
            assert before is not None
            gold = before.character.gold + 5
            await uow.characters.save(before, replace(before, character=replace(before.character, gold=gold)))
            await uow.commit()
            return True

    assert sorted(await asyncio.gather(pay(), pay())) == [False, True]
    assert (await load(uow_factory, 1)).character.gold == 25


async def test_many_players_load_claim_and_save_at_once(uow_factory):
    """The batch forms read, claim and write as their one-player forms do; the unregistered are left out."""
    await add(uow_factory, hero(1), hero(2), hero(3))
    async with uow_factory() as uow:
        assert await uow.characters.claim(2, "boss:b")  # paid already
        await uow.commit()
    kitted = await load(uow_factory, 3)
    await save(
        uow_factory,
        kitted,
        replace(
            kitted, inventory=Inventory(items={"wolf_pelt": 2}), equipment=Equipment(slots={"weapon": "rusty_sword"})
        ),
    )
    async with uow_factory() as uow:
        records = await uow.characters.load_many([3, 9, 1, 2], for_update=True)
        assert sorted(records) == [1, 2, 3]
        assert records[3] == await uow.characters.load(3)
        assert await uow.characters.claim_many("boss:b", [3, 2, 1]) == {1, 3}
        assert await uow.characters.claim_many("boss:b", [1, 3]) == set()  # once
        one, three = records[1], records[3]
        await uow.characters.save_many(
            [
                (
                    three,
                    replace(
                        three,
                        character=replace(three.character, gold=99, xp=7),
                        inventory=Inventory(items={"health_potion": 1}),
                        equipment=Equipment(),
                    ),
                ),
                (
                    one,
                    replace(
                        one,
                        character=replace(one.character, level=2),
                        inventory=Inventory(items={"wolf_pelt": 1}),
                        skills=frozenset({"power_strike"}),
                    ),
                ),
            ]
        )
        await uow.commit()
    first, second, third = [await load(uow_factory, pid) for pid in (1, 2, 3)]
    assert (first.character.level, first.inventory.items, first.skills, first.version) == (
        2,
        {"wolf_pelt": 1},
        frozenset({"power_strike"}),
        1,
    )
    assert second == replace(records[2])  # untouched
    assert (third.character.gold, third.character.xp, third.inventory.items, third.equipment.slots, third.version) == (
        99,
        7,
        {"health_potion": 1},
        {},
        2,
    )
    async with uow_factory() as uow:
        assert await uow.characters.load_many([]) == {}
        assert await uow.characters.claim_many("boss:b", []) == set()
        await uow.characters.save_many([])
        assert await uow.characters.claim_many("boss:b", [1, 2, 3]) == set()
        assert await uow.characters.claim_many("boss:c", [2]) == {2}


async def test_names_of_many_players_in_one_read(uow_factory):
    await add(uow_factory, hero(1, "Ada"), hero(2, "Bo"))
    async with uow_factory(read_only=True) as uow:
        assert await uow.characters.names([2, 1, 9]) == {1: "Ada", 2: "Bo"}
        assert await uow.characters.names([]) == {}


async def test_a_batch_locks_its_players_until_it_commits(uow_factory):
    await add(uow_factory, hero(1), hero(2))

    async def racer() -> set[int]:
        async with uow_factory() as uow:
            await uow.characters.load_many([2, 1], for_update=True)
            return await uow.characters.claim_many("boss:b", [1, 2])

    async with uow_factory() as first:
        await first.characters.load_many([1, 2], for_update=True)
        waiting = asyncio.create_task(racer())
        await asyncio.sleep(0.1)
        assert not waiting.done()
        assert await first.characters.claim_many("boss:b", [1, 2]) == {1, 2}
        await first.commit()
    assert await asyncio.wait_for(waiting, 5) == set()  # the racer pays no one twice


async def test_names_are_unique_regardless_of_case_and_a_refused_add_spoils_nothing(uow_factory):
    await add(uow_factory, hero(1, "Alaric"))
    async with uow_factory() as uow:
        await uow.characters.add(hero(2, "Brenna"), name_key="brenna", hot=HOT)
        with pytest.raises(NameTaken):
            await uow.characters.add(hero(3, "ALARIC"), name_key="alaric", hot=HOT)
        with pytest.raises(AlreadyRegistered):
            await uow.characters.add(hero(1, "Other"), name_key="other", hot=HOT)
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        assert await uow.characters.name_taken("alaric") and await uow.characters.name_taken("brenna")
        assert not await uow.characters.name_taken("other")
        assert await uow.characters.get(3) is None
        assert (await uow.characters.get(1)).name == "Alaric"


async def test_leaders_by_level_then_xp(uow_factory):
    await add(
        uow_factory,
        hero(1, level=3, xp=10),
        hero(2, level=5, xp=0),
        hero(3, level=3, xp=50),
        hero(4, level=1, xp=99),
    )
    async with uow_factory(read_only=True) as uow:
        top = await uow.characters.top_by_level(3)
    assert [(r.player_id, r.level, r.xp) for r in top] == [(2, 5, 0), (3, 3, 50), (1, 3, 10)]
    assert top[0].name == "hero2" and top[0].class_id == "warrior"


# --- settings -----------------------------------------------------------------------------------


async def test_notification_recipients_leave_out_the_muted_and_the_unreachable(uow_factory):
    await add(uow_factory, *(hero(pid) for pid in range(1, 7)))
    async with uow_factory() as uow:
        assert await uow.settings.muted(1) == frozenset()
        await uow.settings.set_muted(2, frozenset({"rifts"}))
        await uow.settings.set_muted(3, frozenset({"rifts", "bosses"}))
        await uow.settings.set_reachable(3, True)  # keeps what 3 muted
        await uow.settings.set_reachable(4, False)
        await uow.settings.set_reachable(5, False)
        await uow.settings.set_reachable(5, True)
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        assert await uow.settings.muted(3) == {"rifts", "bosses"}
        assert await uow.settings.recipients("rifts", after=0, limit=100) == [1, 5, 6]
        assert await uow.settings.recipients("bosses", after=0, limit=100) == [1, 2, 5, 6]
        assert await uow.settings.recipients("everyone", after=0, limit=100) == [1, 2, 3, 5, 6]
        assert await uow.settings.recipients("everyone", after=2, limit=2) == [3, 5]


# --- rifts --------------------------------------------------------------------------------------


def rift(rift_id: str, *, location_id: str = "whispering_woods", closes_at: float = START + 1800) -> RiftRecord:
    return RiftRecord(
        id=rift_id,
        location_id=location_id,
        tier=1,
        template_id="hollow_den",
        seed=42,
        opened_at=START,
        closes_at=closes_at,
        status="open",
    )


async def add_rifts(uow_factory: UnitOfWorkFactory, *rifts: RiftRecord) -> None:
    async with uow_factory() as uow:
        for r in rifts:
            await uow.world.add_rift(r)
        await uow.commit()


async def test_open_rifts_by_closing_time_and_the_expired_ones(uow_factory):
    await add_rifts(uow_factory, rift("b", closes_at=START + 60), rift("a", closes_at=START + 600), rift("c"))
    async with uow_factory(read_only=True) as uow:
        assert await uow.world.get_rift("a") == rift("a", closes_at=START + 600)
        assert await uow.world.get_rift("zzz") is None
        assert [r.id for r in await uow.world.open_rifts()] == ["b", "a", "c"]
        assert [r.id for r in await uow.world.expired_rifts(START + 600)] == ["b", "a"]


async def test_a_rift_collapses_once_and_ends_the_runs_in_it(uow_factory):
    await add(uow_factory, hero(1), hero(2), hero(3))
    await add_rifts(uow_factory, rift("r"), rift("other"))
    async with uow_factory() as uow:
        await uow.world.add_run(RiftRun(rift_id="r", player_id=2, fighting=True), START)
        await uow.world.add_run(RiftRun(rift_id="r", player_id=1), START)
        await uow.world.add_run(RiftRun(rift_id="r", player_id=3, status="left"), START)
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.world.collapse_rift("r", START + 10) == [1, 2]
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.world.collapse_rift("r", START + 20) is None  # another replica got there first
        assert await uow.world.collapse_rift("missing", START + 20) is None
        assert (await uow.world.get_rift("r")).status == "collapsed"
        assert [r.id for r in await uow.world.open_rifts()] == ["other"]
        assert await uow.world.active_run(2) is None
        assert await uow.world.last_run(2) == RiftRun(rift_id="r", player_id=2, status="collapsed", fighting=False)
        assert (await uow.world.last_run(3)).status == "left"


async def test_one_active_run_per_player_and_one_walk_per_rift(uow_factory):
    await add(uow_factory, hero(1))
    await add_rifts(uow_factory, rift("r1"), rift("r2"))
    async with uow_factory() as uow:
        assert await uow.world.add_run(RiftRun(rift_id="r1", player_id=1), START)
        assert not await uow.world.add_run(RiftRun(rift_id="r2", player_id=1), START)  # already in one
        await uow.commit()
    async with uow_factory() as uow:
        run = await uow.world.active_run(1, for_update=True)
        await uow.world.save_run(replace(run, status="left"), START + 5)
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.world.active_run(1) is None
        assert not await uow.world.add_run(RiftRun(rift_id="r1", player_id=1), START + 6)  # walked already
        assert await uow.world.add_run(RiftRun(rift_id="r2", player_id=1), START + 6)
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        assert (await uow.world.active_run(1)).rift_id == "r2"


async def test_a_saved_run_is_read_back_as_written_and_the_latest_is_last(uow_factory):
    await add(uow_factory, hero(1))
    await add_rifts(uow_factory, rift("r1"), rift("r2"))
    walked = RiftRun(rift_id="r1", player_id=1, floor=1, step=2, gold=30, items={"wolf_pelt": 2, "bone": 1})
    async with uow_factory() as uow:
        await uow.world.add_run(RiftRun(rift_id="r1", player_id=1), START)
        await uow.world.save_run(walked, START + 10)
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        assert await uow.world.active_run(1) == walked
        assert await uow.world.last_run(1) == walked
    async with uow_factory() as uow:
        await uow.world.save_run(replace(walked, status="cleared", reward_paid=True), START + 20)
        await uow.world.add_run(RiftRun(rift_id="r2", player_id=1), START + 30)
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        assert await uow.world.last_run(1) == RiftRun(rift_id="r2", player_id=1)
        assert await uow.world.last_run(2) is None


async def test_a_locked_run_waits_for_the_holder(uow_factory):
    await add(uow_factory, hero(1))
    await add_rifts(uow_factory, rift("r"))
    async with uow_factory() as uow:
        await uow.world.add_run(RiftRun(rift_id="r", player_id=1), START)
        await uow.commit()

    async def second() -> RiftRun | None:
        async with uow_factory() as uow:
            return await uow.world.active_run(1, for_update=True)

    async with uow_factory() as first:
        run = await first.world.active_run(1, for_update=True)
        waiting = asyncio.create_task(second())
        await asyncio.sleep(0.1)
        assert not waiting.done()
        await first.world.save_run(replace(run, status="fallen"), START + 1)
        await first.commit()
    assert await asyncio.wait_for(waiting, 5) is None  # by then it was no longer active


# --- world bosses -------------------------------------------------------------------------------


def boss(
    boss_id: str,
    *,
    location_id: str = "frostfang",
    hp: int = 1000,
    deadline: float = START + 900,
    cooldown_ms: int = 10_000,
) -> BossRecord:
    return BossRecord(
        id=boss_id,
        boss_def_id="frost_wyrm",
        monster_id="frost_wyrm",
        location_id=location_id,
        level=12,
        max_hp=hp,
        hp_left=hp,
        cooldown_ms=cooldown_ms,
        spawned_at=START,
        deadline=deadline,
        status="alive",
    )


async def test_one_alive_boss_per_location(uow_factory):
    async with uow_factory() as uow:
        assert await uow.world.add_boss(boss("b1", deadline=START + 900))
        assert not await uow.world.add_boss(boss("b2"))  # same place, while b1 lives
        assert not await uow.world.add_boss(boss("b1", location_id="elsewhere"))  # same id
        assert await uow.world.add_boss(boss("b3", location_id="whispering_woods", deadline=START + 60))
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        assert [b.id for b in await uow.world.alive_bosses()] == ["b3", "b1"]
        assert await uow.world.get_boss("b1") == boss("b1")
        assert await uow.world.get_boss("b2") is None


async def test_a_boss_grown_by_its_crowd_keeps_its_new_maximum(uow_factory):
    await add(uow_factory, hero(1))
    async with uow_factory() as uow:
        await uow.world.add_boss(boss("b1", hp=1000))
        await uow.world.checkpoint_boss("b1", 900, {1: 100})
        assert (await uow.world.get_boss("b1")).max_hp == 1000  # not told: unchanged
        await uow.world.checkpoint_boss("b1", 1300, {1: 200}, max_hp=1500)
        await uow.commit()
    async with uow_factory() as uow:
        grown = await uow.world.get_boss("b1")
        assert (grown.hp_left, grown.max_hp) == (1300, 1500)
        await uow.world.end_boss("b1", status="defeated", hp_left=0, killer_id=1, now=START)
        await uow.world.tally_boss("b1", {1: 1800}, max_hp=1800)
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        ended = await uow.world.get_boss("b1")
        assert (ended.status, ended.hp_left, ended.max_hp) == ("defeated", 0, 1800)


async def test_a_boss_ends_once_and_its_tallies_add_to_the_leaderboard(uow_factory):
    await add(uow_factory, hero(1, "Cara"), hero(2, "ben"), hero(3, "Abe"))
    async with uow_factory() as uow:
        await uow.world.add_boss(boss("b1"))
        await uow.world.checkpoint_boss("b1", 700, {1: 200, 2: 100, 3: 0})
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        assert (await uow.world.get_boss("b1")).hp_left == 700
        assert await uow.world.boss_damage("b1") == [BossDamageRow(1, 200, False), BossDamageRow(2, 100, False)]
        assert await uow.world.unannounced_bosses() == []
    async with uow_factory() as uow:
        assert await uow.world.end_boss("b1", status="defeated", hp_left=0, killer_id=2, now=START + 5)
        assert not await uow.world.end_boss("b1", status="escaped", hp_left=9, killer_id=None, now=START)
        await uow.commit()
    async with uow_factory() as uow:
        ended = await uow.world.get_boss("b1")
        assert (ended.status, ended.hp_left, ended.killer_id, ended.announced) == ("defeated", 0, 2, False)
        assert not ended.tallied  # the end alone: its settlement is due
        assert await uow.world.alive_bosses() == []
        assert [b.id for b in await uow.world.unannounced_bosses()] == ["b1"]
        assert await uow.world.top_boss_damage(10) == []
        final = {1: 600, 2: 400, 99: 50}  # 99: a character deleted meanwhile, left out
        assert await uow.world.tally_boss("b1", final)
        assert not await uow.world.tally_boss("b1", {1: 1})  # once
        await uow.commit()
    async with uow_factory() as uow:
        assert (await uow.world.get_boss("b1")).tallied
        assert await uow.world.boss_damage("b1") == [BossDamageRow(1, 600, False), BossDamageRow(2, 400, False)]
        # a checkpoint after the end changes nothing about the boss itself
        await uow.world.checkpoint_boss("b1", 500, {})
        assert (await uow.world.get_boss("b1")).hp_left == 0
        await uow.world.mark_paid("b1", [2])
        assert await uow.world.mark_announced("b1")
        assert not await uow.world.mark_announced("b1")
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.world.boss_damage("b1") == [BossDamageRow(1, 600, False), BossDamageRow(2, 400, True)]
        assert await uow.world.unannounced_bosses() == []
        assert await uow.world.add_boss(boss("b2"))  # the place is free again
        await uow.world.end_boss("b2", status="escaped", hp_left=800, killer_id=None, now=START)
        await uow.world.tally_boss("b2", {3: 400})
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        board = await uow.world.top_boss_damage(10)
        assert [(r.player_id, r.name, r.damage) for r in board] == [(1, "Cara", 600), (3, "Abe", 400), (2, "ben", 400)]
        assert len(await uow.world.top_boss_damage(1)) == 1


# ================================================================================================
# the boss arena
# ================================================================================================


@dataclass
class Arena:
    port: BossArena
    clock: SettableClock
    real: bool

    def boss(self, boss_id: str = "b", *, hp: int = 1000, cooldown_ms: int = 200) -> BossRecord:
        # Deadlines from the machine's time: Redis lets a boss's keys expire an hour after its deadline.
        return boss(boss_id, hp=hp, deadline=self.clock.now() + 900, cooldown_ms=cooldown_ms)

    async def elapse(self, seconds: float) -> None:
        """Let time pass: the game's clock, and Redis's own for cooldowns."""
        self.clock.advance(seconds)
        if self.real:
            await asyncio.sleep(seconds)


@pytest.fixture(params=["fake", pytest.param("redis", marks=REAL)])
def arena(request: pytest.FixtureRequest) -> Arena:
    clock = SettableClock(time.time())
    if request.param == "fake":
        return Arena(FakeBossArena(clock), clock, real=False)
    return Arena(RedisBossArena(request.getfixturevalue("redis")), clock, real=True)


async def test_a_boss_is_put_up_once(arena):
    b = arena.boss()
    assert await arena.port.create(b)
    assert not await arena.port.create(replace(b, max_hp=5))
    assert await arena.port.state("b") == BossLive(hp=1000, max_hp=1000, status="alive", killer_id=None)
    assert await arena.port.snapshot("b") == (BossLive(1000, 1000, "alive", None), {})
    assert await arena.port.player_status("b", 1) == (0, 0)


async def test_a_boss_nobody_put_up_is_missing(arena):
    assert await arena.port.state("nope") is None
    assert await arena.port.snapshot("nope") == (None, {})
    assert await arena.port.player_status("nope", 1) == (0, 0)
    assert (await arena.port.attack("nope", 1, 50, now=arena.clock.now())).status == "missing"
    assert await arena.port.escape("nope") is None


async def test_a_blow_takes_hp_and_starts_that_players_cooldown(arena):
    await arena.port.create(arena.boss(cooldown_ms=300))
    hit = await arena.port.attack("b", 1, 120, now=arena.clock.now())
    assert hit == AttackOutcome(status="ok", dealt=120, hp_left=880, killed=False, player_total=120)

    again = await arena.port.attack("b", 1, 120, now=arena.clock.now())
    assert (again.status, again.dealt, again.hp_left) == ("cooldown", 0, 880)
    assert 0 < again.cooldown_left_ms <= 300
    dealt, wait = await arena.port.player_status("b", 1)
    assert dealt == 120 and 0 < wait <= 300

    other = await arena.port.attack("b", 2, 10, now=arena.clock.now())  # a cooldown is per player
    assert (other.status, other.hp_left, other.player_total) == ("ok", 870, 10)

    await arena.elapse(0.35)
    later = await arena.port.attack("b", 1, 5, now=arena.clock.now())
    assert (later.status, later.player_total, later.hp_left) == ("ok", 125, 865)
    assert await arena.port.snapshot("b") == (BossLive(865, 1000, "alive", None), {1: 125, 2: 10})


async def test_without_a_cooldown_blows_follow_at_once_and_nothing_is_negative(arena):
    await arena.port.create(arena.boss(cooldown_ms=0))
    now = arena.clock.now()
    assert (await arena.port.attack("b", 1, 10, now=now)).status == "ok"
    nothing = await arena.port.attack("b", 1, -40, now=now)
    assert (nothing.status, nothing.dealt, nothing.hp_left, nothing.player_total) == ("ok", 0, 990, 10)
    assert await arena.port.player_status("b", 1) == (10, 0)


async def test_hp_never_goes_below_zero_and_one_blow_kills(arena):
    await arena.port.create(arena.boss(hp=100))
    now = arena.clock.now()
    await arena.port.attack("b", 1, 70, now=now)
    kill = await arena.port.attack("b", 2, 500, now=now)
    assert kill == AttackOutcome(status="ok", dealt=30, hp_left=0, killed=True, player_total=30)
    late = await arena.port.attack("b", 3, 50, now=now)
    assert (late.status, late.dealt, late.hp_left, late.killed) == ("defeated", 0, 0, False)
    assert await arena.port.state("b") == BossLive(hp=0, max_hp=100, status="defeated", killer_id=2)
    assert await arena.port.escape("b") == "defeated"  # a dead boss does not get away
    await arena.port.forget("b")
    assert (await arena.port.state("b")).status == "defeated"  # a late attacker still learns how it ended


async def test_many_attackers_at_once_add_up_to_exactly_the_pool(arena):
    await arena.port.create(arena.boss(hp=100, cooldown_ms=0))
    now = arena.clock.now()
    outcomes = await asyncio.gather(*(arena.port.attack("b", pid, 7, now=now) for pid in range(1, 41)))
    assert sum(o.dealt for o in outcomes) == 100
    assert [o.killed for o in outcomes].count(True) == 1
    live, tallies = await arena.port.snapshot("b")
    assert live.hp == 0 and live.status == "defeated"
    assert sum(tallies.values()) == 100
    assert all(tallies.get(pid, 0) == o.dealt for pid, o in zip(range(1, 41), outcomes, strict=True))


async def test_past_its_deadline_a_boss_cannot_be_hit_and_escapes_once(arena):
    b = arena.boss()
    await arena.port.create(b)
    late = await arena.port.attack("b", 1, 50, now=b.deadline)
    assert (late.status, late.dealt, late.hp_left) == ("expired", 0, 1000)
    assert await arena.port.escape("b") == "escaped"
    assert await arena.port.escape("b") == "escaped"
    assert (await arena.port.attack("b", 1, 50, now=arena.clock.now())).status == "escaped"
    assert await arena.port.state("b") == BossLive(hp=1000, max_hp=1000, status="escaped", killer_id=None)


async def test_a_newcomers_first_blow_grows_the_pool_and_nobody_elses_does(arena):
    await arena.port.create(arena.boss(hp=1000, cooldown_ms=0))
    now = arena.clock.now()
    first = await arena.port.attack("b", 1, 100, now=now, join_hp=600)  # the first fighter's share is the pool
    assert first.hp_left == 500
    assert (await arena.port.state("b")).max_hp == 600
    newcomer = await arena.port.attack("b", 2, 100, now=now, join_hp=500)
    assert newcomer.hp_left == 900
    assert await arena.port.state("b") == BossLive(hp=900, max_hp=1100, status="alive", killer_id=None)
    again = await arena.port.attack("b", 2, 100, now=now, join_hp=500)  # a returning fighter
    assert again.hp_left == 800
    plain = await arena.port.attack("b", 3, 100, now=now)  # nothing to add
    assert plain.hp_left == 700
    assert (await arena.port.state("b")).max_hp == 1100


async def test_the_first_fighters_share_keeps_what_the_boss_already_lost(arena):
    assert await arena.port.create(arena.boss(hp=1000, cooldown_ms=0), {}, hp=700)  # restored after a loss
    first = await arena.port.attack("b", 1, 100, now=arena.clock.now(), join_hp=200)
    assert first.hp_left == 100  # the share is what is left: 200, less this blow
    assert (await arena.port.state("b")).max_hp == 500


async def test_a_newcomer_held_back_by_nothing_but_a_cooldown_adds_nothing(arena):
    await arena.port.create(arena.boss(hp=1000, cooldown_ms=60_000))
    now = arena.clock.now()
    await arena.port.attack("b", 1, 100, now=now)
    await arena.port.attack("b", 1, 100, now=now, join_hp=500)  # on cooldown: refused, and no growth
    assert await arena.port.state("b") == BossLive(hp=900, max_hp=1000, status="alive", killer_id=None)


async def test_a_boss_restored_from_its_checkpoint_goes_on_from_there(arena):
    b = arena.boss()
    assert await arena.port.create(b, {1: 300, 2: 100}, hp=600)
    assert await arena.port.snapshot("b") == (BossLive(600, 1000, "alive", None), {1: 300, 2: 100})
    assert not await arena.port.create(b, {}, hp=1000)  # a restore never overwrites a live boss
    hit = await arena.port.attack("b", 1, 50, now=arena.clock.now())
    assert (hit.hp_left, hit.player_total) == (550, 350)


async def test_the_standing_reads_the_top_the_count_and_a_players_place(arena):
    await arena.port.create(arena.boss(hp=100_000, cooldown_ms=60_000))
    now = arena.clock.now()
    for pid, dealt in [(10, 50), (9, 50), (3, 70), (4, 0), (7, 20), (1_000_000_000_001, 70), (5, 10)]:
        await arena.port.attack("b", pid, dealt, now=now)
    standing = await arena.port.standing("b", 7, top=4)
    assert standing.live == BossLive(hp=100_000 - 270, max_hp=100_000, status="alive", killer_id=None)
    # most damage first; a tie goes to the lower id, however many digits it has; who dealt none is not ranked
    assert standing.top == ((3, 70), (1_000_000_000_001, 70), (9, 50), (10, 50))
    assert (standing.fighters, standing.damage, standing.rank) == (6, 20, 5)
    assert 0 < standing.cooldown_ms <= 60_000
    assert (await arena.port.standing("b", 4, top=4)).damage == 0
    assert (await arena.port.standing("b", 4, top=4)).rank is None
    assert (await arena.port.standing("b", 8, top=4)).rank is None
    anonymous = await arena.port.standing("b", None, top=2)
    assert (anonymous.top, anonymous.rank, anonymous.damage, anonymous.cooldown_ms) == (
        ((3, 70), (1_000_000_000_001, 70)),
        None,
        0,
        0,
    )
    await arena.port.attack("b", 6, 100, now=now)  # a blow moves the ranking at once
    assert (await arena.port.standing("b", 6, top=1)).top == ((6, 100),)
    assert (await arena.port.standing("b", 3, top=1)).rank == 2
    assert await arena.port.standing("nope", 1, top=5) == BossStanding(live=None)


async def test_a_restored_boss_is_ranked_from_its_checkpoint(arena):
    assert await arena.port.create(arena.boss(cooldown_ms=0), {1: 300, 2: 100, 3: 0, 12: 300}, hp=400)
    standing = await arena.port.standing("b", 2, top=5)
    assert (standing.top, standing.fighters, standing.rank) == (((1, 300), (12, 300), (2, 100)), 3, 3)
    await arena.port.attack("b", 2, 250, now=arena.clock.now())
    assert (await arena.port.standing("b", 2, top=1)).top == ((2, 350),)


async def test_a_dead_boss_keeps_its_ranking_without_a_cooldown(arena):
    await arena.port.create(arena.boss(hp=100, cooldown_ms=60_000))
    now = arena.clock.now()
    await arena.port.attack("b", 1, 60, now=now)
    await arena.port.attack("b", 2, 60, now=now)
    await arena.port.forget("b")
    standing = await arena.port.standing("b", 2, top=5)
    assert standing.live.status == "defeated" and standing.top == ((1, 60), (2, 40))
    assert (standing.rank, standing.cooldown_ms) == (2, 0)


# ================================================================================================
# hot state, player locks and the snapshot
# ================================================================================================


@dataclass
class Hot:
    store: HotStateStore
    locks: PlayerLocks


@pytest.fixture(params=["fake", pytest.param("redis", marks=REAL)])
def hot(request: pytest.FixtureRequest) -> Hot:
    if request.param == "fake":
        return Hot(FakeHotStateStore(), FakePlayerLocks())
    redis = request.getfixturevalue("redis")
    return Hot(RedisHotStateStore(redis), RedisPlayerLocks(redis))


def running_fight(fight_id: str = "f1", *, context: FightContext | None = None) -> RunningFight:
    combat = start_combat(
        fight_id,
        derived=derive(hero(1).stats, 1),
        hp=80,
        mana=20,
        agility=6,
        level=1,
        skills=["power_strike"],
        monster=monster_at_level(CONTENT.monsters["giant_rat"], 2),
    )
    return RunningFight(combat=combat, context=context or WildFight())


FIGHT = running_fight()


async def test_hot_state_is_kept_per_player(hot):
    assert await hot.store.get(1) is None
    assert await hot.store.get_fight_checked(1) == (None, False)  # nothing at all: Redis lost it, or never had it
    await hot.store.put(1, HOT)
    assert await hot.store.get(1) == HOT
    assert await hot.store.get(2) is None
    assert await hot.store.get_fight(1) is None
    assert await hot.store.get_fight_checked(1) == (None, True)
    moved = replace(HOT, location_id="meadows", stamina=72.5, stamina_at=START + 30, hp_carry=0.25, mana_carry=0.5)
    await hot.store.put(1, moved, mark_changed=False)
    assert await hot.store.get(1) == moved


async def test_a_fight_goes_with_the_hot_state_and_ends_with_none(hot):
    fighting = replace(HOT, hp=40, mana=5, activity="combat")
    await hot.store.put_fight(1, FIGHT, fighting)
    assert await hot.store.get(1) == fighting
    assert await hot.store.get_fight(1) == FIGHT
    assert await hot.store.get_fight_checked(1) == (FIGHT, True)

    await hot.store.put(1, replace(fighting, stamina=50.0))  # hot state alone leaves the fight running
    assert await hot.store.get_fight(1) == FIGHT

    await hot.store.put_fight(1, None, replace(fighting, activity="idle"))
    assert await hot.store.get_fight(1) is None
    assert await hot.store.get(1) == replace(fighting, activity="idle")


async def test_a_fight_says_what_it_is_part_of(hot):
    in_rift = running_fight("f2", context=RiftFight(rift_id="r1", floor=1, step=3))
    await hot.store.put_fight(1, in_rift, HOT)
    back = await hot.store.get_fight(1)
    assert back == in_rift and back.context == RiftFight(rift_id="r1", floor=1, step=3)


async def test_a_button_token_is_claimed_once_and_the_newest_are_kept(hot):
    assert not await hot.store.pressed(1, "a")
    assert await hot.store.claim_press(1, "a")
    assert await hot.store.pressed(1, "a")
    assert not await hot.store.claim_press(1, "a")  # a double tap, a re-delivered press
    assert not await hot.store.pressed(2, "a") and await hot.store.claim_press(2, "a")  # each player's own
    for n in range(PRESSES_KEPT):
        assert await hot.store.claim_press(1, f"t-{n}_X")
    assert not await hot.store.pressed(1, "a")  # the oldest made room
    assert await hot.store.pressed(1, "t-0_X") and await hot.store.pressed(1, f"t-{PRESSES_KEPT - 1}_X")
    await hot.store.put(1, HOT)
    assert await hot.store.get(1) == HOT and await hot.store.pressed(1, "t-0_X")  # beside the hot state


@REAL
async def test_a_claim_under_the_players_lock_is_written_with_the_release(redis):
    store = RedisHotStateStore(redis)
    await store.put(1, HOT)
    async with store.hold(1):
        assert await store.claim_press(1, "a")
        assert not await store.claim_press(1, "a")
        assert await store.pressed(1, "a")
        assert await redis.hget("account:1", "presses") is None  # not written yet: it goes with the release
    assert await redis.hget("account:1", "presses") == b"a"
    with pytest.raises(ZeroDivisionError):
        async with store.hold(1):
            assert await store.claim_press(1, "b")
            1 / 0  # noqa: B018
    assert await store.pressed(1, "b")  # what the action did before it failed is written all the same


async def test_a_second_action_of_the_same_player_finds_it_busy(hot):
    async with hot.locks.hold(1):
        with pytest.raises(Busy):
            async with hot.locks.hold(1):
                pass
        async with hot.locks.hold(2):  # others are not held up
            pass
    async with hot.locks.hold(1):  # free again once the action is over
        pass


async def test_an_action_that_fails_frees_the_player(hot):
    with pytest.raises(ZeroDivisionError):
        async with hot.locks.hold(1):
            1 / 0  # noqa: B018
    async with hot.locks.hold(1):
        pass


@dataclass
class Snapshot:
    hot: HotStateStore
    uow_factory: UnitOfWorkFactory
    snapshotter: HotStateSnapshotter

    async def saved(self, player_id: int) -> SavedHotState | None:
        async with self.uow_factory(read_only=True) as uow:
            return await uow.characters.get_saved_hot_state(player_id)


@pytest.fixture(params=["fake", pytest.param("real", marks=REAL)])
def snapshot(request: pytest.FixtureRequest) -> Snapshot:
    if request.param == "fake":
        store, uows = FakeHotStateStore(), FakeUnitOfWorkFactory()
        return Snapshot(store, uows, FakeSnapshotter(store, uows.db))
    redis, db = request.getfixturevalue("redis"), request.getfixturevalue("db")
    return Snapshot(
        RedisHotStateStore(redis), functools.partial(SqlUnitOfWork, db), RedisToPostgresSnapshotter(redis, db)
    )


async def test_the_snapshot_copies_what_changed_once(snapshot):
    await add(snapshot.uow_factory, hero(1), hero(2))
    walked = replace(HOT, location_id="meadows", hp=60)
    fighting = replace(HOT, hp=30, activity="combat")
    await snapshot.hot.put(1, walked)
    await snapshot.hot.put_fight(2, FIGHT, fighting)
    await snapshot.hot.put(3, HOT)  # no character: nothing to update

    report = await snapshot.snapshotter.run(full=False)
    assert (report.mode, report.accounts_written) == ("changed", 2)
    assert await snapshot.saved(1) == SavedHotState(state=walked, fight=None)
    assert await snapshot.saved(2) == SavedHotState(state=fighting, fight=FIGHT)
    assert (await snapshot.snapshotter.run(full=False)).accounts_written == 0

    await snapshot.hot.put_fight(2, None, replace(fighting, activity="idle"))  # the fight ended
    assert (await snapshot.snapshotter.run(full=False)).accounts_written == 1
    assert await snapshot.saved(2) == SavedHotState(state=replace(fighting, activity="idle"), fight=None)


async def test_what_is_saved_leaves_out_the_fractions_of_a_point_regained(snapshot):
    await snapshot.hot.put(1, HOT)
    async with snapshot.uow_factory() as uow:
        await uow.characters.add(hero(1), name_key="hero1", hot=replace(HOT, hp_carry=0.75))
        await uow.commit()
    assert await snapshot.saved(1) == SavedHotState(state=HOT, fight=None)
    await snapshot.hot.put(1, replace(HOT, hp=50, hp_carry=0.5, mana_carry=0.25))
    await snapshot.snapshotter.run(full=False)
    assert await snapshot.saved(1) == SavedHotState(state=replace(HOT, hp=50), fight=None)


async def test_an_unmarked_write_waits_for_a_full_snapshot(snapshot):
    await add(snapshot.uow_factory, hero(1))
    rested = replace(HOT, hp=20)
    await snapshot.hot.put(1, rested, mark_changed=False)
    assert (await snapshot.snapshotter.run(full=False)).accounts_written == 0
    assert await snapshot.saved(1) == SavedHotState(state=HOT, fight=None)
    report = await snapshot.snapshotter.run(full=True)
    assert (report.mode, report.accounts_written) == ("all", 1)
    assert await snapshot.saved(1) == SavedHotState(state=rested, fight=None)


# ================================================================================================
# the exchange's storage
# ================================================================================================


def an_order(oid: int, player: int, side: str, price: int, quantity: int, *, at: float = 0.0) -> Order:
    return Order(oid, player, "iron_ore", side, price, quantity, quantity, at, at + 100)  # type: ignore[arg-type]


async def test_the_book_lists_crossing_orders_best_first_and_saves_fills(uow_factory):
    await add(uow_factory, hero(1), hero(2))
    async with uow_factory() as uow:
        ids = [await uow.exchange.next_order_id() for _ in range(4)]
        assert len(set(ids)) == 4 and ids == sorted(ids)
        await uow.exchange.add_order(an_order(ids[0], 1, "sell", 12, 5, at=1))
        await uow.exchange.add_order(an_order(ids[1], 1, "sell", 10, 2, at=3))
        await uow.exchange.add_order(an_order(ids[2], 2, "sell", 10, 4, at=2))
        await uow.exchange.add_order(an_order(ids[3], 2, "buy", 8, 1, at=2))
        await uow.commit()
    async with uow_factory() as uow:
        await uow.exchange.lock_book("iron_ore")
        crossing = await uow.exchange.crossing("iron_ore", "sell", 11)
        assert [o.id for o in crossing] == [ids[2], ids[1]]
        assert [o.id for o in await uow.exchange.crossing("iron_ore", "buy", 8)] == [ids[3]]
        filled = replace(crossing[0], remaining=0, status="filled")
        await uow.exchange.save_orders([filled], now=5.0)
        fill = Fill("iron_ore", 99, ids[2], 2, 2, 10, 4, 2, 5.0, "buy")
        await uow.exchange.add_fills([fill])
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        assert (await uow.exchange.get_order(ids[2])).status == "filled"  # type: ignore[union-attr]
        assert await uow.exchange.count_open(2) == 1 and await uow.exchange.count_open(1) == 2
        assert [o.id for o in await uow.exchange.player_orders(1, open_only=True, limit=5)] == [ids[1], ids[0]]
        assert await uow.exchange.fills("iron_ore", since=0, limit=5) == [fill]
        assert await uow.exchange.volume("iron_ore", since=0) == (4, 40)
        assert [
            (lv.price, lv.quantity, lv.orders) for lv in await uow.exchange.levels("iron_ore", "sell", limit=5)
        ] == [
            (10, 2, 1),
            (12, 5, 1),
        ]
        assert [lv.price for lv in await uow.exchange.levels("iron_ore", "buy", limit=1)] == [8]
        assert await uow.exchange.last_fill("iron_ore") == fill
        assert await uow.exchange.player_fills(2, limit=5) == [fill]
        assert await uow.exchange.fees_since(0) == 2 and await uow.exchange.fees_since(6) == 0
        assert await uow.exchange.escrow_totals() == (8, {"iron_ore": 7})
        assert await uow.exchange.active_items(5) == ["iron_ore"]
        assert [o.id for o in await uow.exchange.expired(101.5, limit=5)] == [ids[0]]


async def test_counters_add_up_and_are_replaced_on_collect(uow_factory):
    await add(uow_factory, hero(1), hero(2))
    async with uow_factory() as uow:
        await uow.exchange.credit({2: Payout(gold=5, items={"iron_ore": 2}), 1: Payout(gold=3)})
        await uow.exchange.credit({2: Payout(gold=1, items={"iron_ore": 1, "copper_ore": 4})})
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.exchange.counter(2, for_update=True) == Payout(gold=6, items={"copper_ore": 4, "iron_ore": 3})
        assert await uow.exchange.counter_totals() == (9, {"copper_ore": 4, "iron_ore": 3})
        await uow.exchange.set_counter(2, Payout(items={"iron_ore": 1}))
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        assert await uow.exchange.counter(2) == Payout(items={"iron_ore": 1})
        assert await uow.exchange.counter(3) == Payout()


async def test_gold_flows_add_up_by_day_and_kind_whoever_paid(uow_factory):
    async with uow_factory() as uow:
        for pid in range(1, 40):
            await uow.exchange.add_gold_flows("2026-12-02", pid, {"fights": 3, "fees": -1, "inn": 0})
        await uow.exchange.add_gold_flows("2026-12-01", 1, {"fights": 100})
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        assert await uow.exchange.gold_flows("2026-12-02") == {"fights": 117, "fees": -39}
        assert await uow.exchange.gold_flows("2026-11-30") == {}


async def test_streaks_are_kept_per_player(uow_factory):
    await add(uow_factory, hero(1))
    async with uow_factory() as uow:
        assert await uow.exchange.get_streak(1, for_update=True) == Streak()
        await uow.exchange.save_streak(1, Streak(days=3, last_claim_at=50.0))
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        assert await uow.exchange.get_streak(1) == Streak(days=3, last_claim_at=50.0)
        assert await uow.exchange.streaks_claimed_since(40.0) == [Streak(days=3, last_claim_at=50.0)]
        assert await uow.exchange.streaks_claimed_since(60.0) == []
        assert await uow.exchange.gold_in_purses() == 20


async def test_bounty_steps_count_each_bounty_up_to_its_target(uow_factory):
    await add(uow_factory, hero(1))
    await add(uow_factory, hero(2))
    steps = [BountyStep("2026-12-02", "win_fights", 1, 3), BountyStep("2026-W49", "weekly_fights", 2, 60)]
    for _ in range(4):
        async with uow_factory() as uow:
            await uow.exchange.add_bounty_progress(1, steps)
            await uow.commit()
    async with uow_factory() as uow:
        await uow.exchange.add_bounty_progress(2, [BountyStep("2026-12-02", "win_fights", 5, 3)])
        await uow.exchange.add_bounty_progress(2, [])
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        assert set(await uow.exchange.bounty_progress(1, ["2026-12-02", "2026-W49"])) == {
            BountyProgress("2026-12-02", "win_fights", 3, False),
            BountyProgress("2026-W49", "weekly_fights", 8, False),
        }
        assert await uow.exchange.bounty_progress(2, ["2026-12-02", "2026-W49"]) == [
            BountyProgress("2026-12-02", "win_fights", 3, False)
        ]


# ================================================================================================
# every method, with the port's parameters
# ================================================================================================

PORTS = [
    (CharacterRepository, FakeCharacterRepository, SqlCharacterRepository),
    (SettingsRepository, FakeSettingsRepository, SqlSettingsRepository),
    (WorldRepository, FakeWorldRepository, SqlWorldRepository),
    (GuildRepository, FakeGuildRepository, SqlGuildRepository),
    (ArenaRepository, FakeArenaRepository, SqlArenaRepository),
    (ExchangeRepository, FakeExchangeRepository, SqlExchangeRepository),
    (UnitOfWork, FakeUnitOfWork, SqlUnitOfWork),
    (HotStateStore, FakeHotStateStore, RedisHotStateStore),
    (PlayerLocks, FakePlayerLocks, RedisPlayerLocks),
    (BossArena, FakeBossArena, RedisBossArena),
    (HotStateSnapshotter, FakeSnapshotter, RedisToPostgresSnapshotter),
    (EventBus, InMemoryEventBus, RedisStreamEventBus),
    (Clock, SettableClock, SystemClock),
]


def _parameters(function: Callable[..., object]) -> list[tuple[str, object, object]]:
    return [(p.name, p.kind, p.default) for p in inspect.signature(function).parameters.values()]


def _methods(port: type) -> list[str]:
    return [
        name
        for name, value in vars(port).items()
        if callable(value) and (not name.startswith("_") or name in ("__aenter__", "__aexit__"))
    ]


@pytest.mark.parametrize(("port", "fake", "real"), PORTS, ids=[p[0].__name__ for p in PORTS])
def test_the_fake_and_the_adapter_have_every_method_of_the_port(port, fake, real):
    assert _methods(port)
    for name in _methods(port):
        wanted = getattr(port, name)
        for adapter in (fake, real):
            declared = inspect.getattr_static(adapter, name, None)
            assert declared is not None, f"{adapter.__name__} lacks {name}"
            assert inspect.iscoroutinefunction(declared) == inspect.iscoroutinefunction(wanted), name
            if name != "__aexit__":  # `*exc` or three named exception arguments: either will do
                assert _parameters(declared) == _parameters(wanted), f"{adapter.__name__}.{name}"
