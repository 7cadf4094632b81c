"""Rifts on real PostgreSQL and Redis: opening, entering, walking, collapsing, surviving restarts."""

from __future__ import annotations

import pytest

from game.api import InCombat
from game.api.world import InRift, NotInRift, RiftClosed, RiftLevelTooLow, WrongLocation
from shared.events import RiftCollapsed, RiftOpened
from tests.fakes.event_bus import InMemoryEventBus

from .world_events_game import Clock, build, empower, move_to, register, scalar, set_hp, sql

PID = 7001


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def events() -> InMemoryEventBus:
    return InMemoryEventBus()


@pytest.fixture
async def game(db, redis, clock, events):
    return build(db, redis, clock, events=events)


async def play_out(game, combat, pid: int = PID):
    while combat.outcome == "ongoing":
        combat = await game.combat_action(player_id=pid, combat_id=combat.id, turn=combat.turn, action="attack")
    return combat


async def test_a_rift_opens_is_listed_and_closes_on_time(game, events, clock):
    opened = await game.open_rifts_tick(duration_minutes=30, max_open=2)
    assert len(opened.rifts_opened) == 1
    [rift] = await game.list_rifts()
    assert rift.id == opened.rifts_opened[0]
    assert rift.seconds_left == 30 * 60 and rift.status == "open"
    assert rift.tier == game.content.locations[rift.location_id].level
    assert [type(e) for e in events.published] == [RiftOpened]

    await game.open_rifts_tick(duration_minutes=30, max_open=2)
    await game.open_rifts_tick(duration_minutes=30, max_open=2)  # the cap holds
    rifts = await game.list_rifts()
    assert len(rifts) == 2 and len({r.location_id for r in rifts}) == 2

    clock.advance(30 * 60)
    closed = await game.close_expired_rifts()
    assert sorted(closed.rifts_collapsed) == sorted(r.id for r in rifts)
    assert await game.list_rifts() == []
    assert (await game.close_expired_rifts()).rifts_collapsed == ()  # only once


async def test_entering_needs_the_place_the_level_and_an_open_rift(game, db, clock):
    await register(game, PID)
    rift = await game.admin_open_rift(location_id="caves", duration_minutes=10)
    with pytest.raises(WrongLocation) as where:
        await game.enter_rift(player_id=PID, rift_id=rift.id)
    assert where.value.details["location_id"] == "caves"
    await move_to(game, PID, "caves")
    with pytest.raises(RiftLevelTooLow) as low:
        await game.enter_rift(player_id=PID, rift_id=rift.id)
    assert low.value.details == {"needed": rift.min_level, "level": 1}
    await empower(db, PID, level=rift.min_level)
    progress = await game.enter_rift(player_id=PID, rift_id=rift.id)
    assert progress.status == "active" and progress.floor == 1 and progress.step == 1
    assert progress.steps_total == rift.floors * rift.steps_per_floor
    with pytest.raises(InRift):
        await game.enter_rift(player_id=PID, rift_id=rift.id)
    other = await game.admin_open_rift(location_id="caves", duration_minutes=10)
    with pytest.raises(InRift):
        await game.enter_rift(player_id=PID, rift_id=other.id)

    await game.leave_rift(player_id=PID)
    with pytest.raises(RiftClosed):  # one walk per rift
        await game.enter_rift(player_id=PID, rift_id=rift.id)
    clock.advance(11 * 60)
    with pytest.raises(RiftClosed):
        await game.enter_rift(player_id=PID, rift_id=other.id)
    with pytest.raises(RiftClosed):
        await game.enter_rift(player_id=PID, rift_id="no-such-rift")


async def test_walking_a_rift_to_the_end_pays_the_chest_exactly_once(game, db):
    await register(game, PID)
    await empower(db, PID)
    rift = await game.admin_open_rift(location_id="darkwood")
    await move_to(game, PID, "darkwood")
    await game.enter_rift(player_id=PID, rift_id=rift.id)
    gold_before = await scalar(db, "SELECT gold FROM characters WHERE player_id = :p", p=PID)
    kinds, treasure_gold = [], 0
    while True:
        moved = await game.advance_rift(player_id=PID)
        kinds.append(moved.step.kind)
        treasure_gold += moved.step.gold
        if moved.step.combat is not None:
            with pytest.raises(InCombat):  # the fight comes first
                await game.advance_rift(player_id=PID)
            assert (await game.rift_progress(player_id=PID)).fighting
            done = await play_out(game, moved.step.combat)
            assert done.outcome == "won"
        progress = await game.rift_progress(player_id=PID)
        if progress.status != "active":
            break
    assert progress.status == "cleared"
    assert len(kinds) == progress.steps_total and kinds[-1] == "boss" and kinds[-2] == "shrine"
    assert progress.reward is not None and progress.looted_gold == treasure_gold
    paid = await scalar(db, "SELECT count(*) FROM reward_claims WHERE source_id = :s", s=f"rift:{rift.id}:reward")
    assert paid == 1
    gold_after = await scalar(db, "SELECT gold FROM characters WHERE player_id = :p", p=PID)
    assert gold_after - gold_before >= progress.reward.gold + treasure_gold
    again = await game.rift_progress(player_id=PID)
    assert again == progress
    assert await scalar(db, "SELECT gold FROM characters WHERE player_id = :p", p=PID) == gold_after
    with pytest.raises(NotInRift):
        await game.advance_rift(player_id=PID)


async def advance_to_a_fight(game, pid: int = PID):
    for _ in range(40):
        moved = await game.advance_rift(player_id=pid)
        if moved.step.combat is not None:
            return moved
    raise AssertionError("no fight in the rift")


async def test_progress_survives_a_restart_and_a_flushed_redis(game, db, redis, clock, events):
    await register(game, PID)
    await empower(db, PID)
    rift = await game.admin_open_rift(location_id="riverbank")
    await move_to(game, PID, "riverbank")
    await game.enter_rift(player_id=PID, rift_id=rift.id)
    moved = await advance_to_a_fight(game)
    before = await game.rift_progress(player_id=PID)
    assert before.fighting

    restarted = build(db, redis, clock, events=events)  # a new process: nothing kept in memory
    assert await restarted.rift_progress(player_id=PID) == before
    assert (await restarted.get_combat(player_id=PID)).id == moved.step.combat.id

    await redis.flushdb()  # the fight (hot state) is gone; the run is durable
    assert await restarted.get_combat(player_id=PID) is None
    assert await restarted.rift_progress(player_id=PID) == before
    again = await restarted.advance_rift(player_id=PID)
    assert (again.step.floor, again.step.step, again.step.kind) == (moved.step.floor, moved.step.step, moved.step.kind)
    assert again.step.combat.monster_id == moved.step.combat.monster_id
    won = await play_out(restarted, again.step.combat)
    assert won.outcome == "won"
    after = await restarted.rift_progress(player_id=PID)
    assert after.steps_done == before.steps_done + 1 and not after.fighting


async def test_a_collapse_throws_players_out_and_ends_their_rift_fight(game, db, clock, events):
    await register(game, PID)
    await empower(db, PID)
    rift = await game.admin_open_rift(location_id="meadows", duration_minutes=30)
    await move_to(game, PID, "meadows")
    await game.enter_rift(player_id=PID, rift_id=rift.id)
    moved = await advance_to_a_fight(game)
    combat = await game.combat_action(
        player_id=PID, combat_id=moved.step.combat.id, turn=moved.step.combat.turn, action="attack"
    )
    gold = await scalar(db, "SELECT gold FROM characters WHERE player_id = :p", p=PID)

    clock.advance(30 * 60)
    with pytest.raises(RiftClosed):
        await game.advance_rift(player_id=PID)
    report = await game.close_expired_rifts()
    assert report.rifts_collapsed == (rift.id,) and report.players_evicted == 1
    [collapsed] = [e for e in events.published if isinstance(e, RiftCollapsed)]
    assert collapsed.rift_id == rift.id and collapsed.evicted_player_ids == (PID,)

    assert await game.get_combat(player_id=PID) is None
    hot = await game.hot.get(PID)
    assert hot.hp == combat.player.hp and hot.activity == "idle"  # the fight's HP is kept
    progress = await game.rift_progress(player_id=PID)
    assert progress.status == "collapsed" and progress.reward is None
    assert await scalar(db, "SELECT gold FROM characters WHERE player_id = :p", p=PID) == gold  # loot kept
    with pytest.raises(NotInRift):
        await game.advance_rift(player_id=PID)


async def test_losing_a_rift_fight_ends_the_run_and_fleeing_offers_it_again(game, db):
    await register(game, PID)
    await empower(db, PID, level=12)
    rift = await game.admin_open_rift(location_id="frostfang", tier=12)
    await move_to(game, PID, "frostfang")
    await game.enter_rift(player_id=PID, rift_id=rift.id)
    moved = await advance_to_a_fight(game)
    combat = moved.step.combat
    for _ in range(50):
        combat = await game.combat_action(player_id=PID, combat_id=combat.id, turn=combat.turn, action="flee")
        if combat.outcome == "fled":
            break
    assert combat.outcome == "fled"
    again = await game.advance_rift(player_id=PID)
    assert (again.step.floor, again.step.step) == (moved.step.floor, moved.step.step)

    await sql(db, "UPDATE characters SET strength = 1, vitality = 1 WHERE player_id = :p", p=PID)
    await set_hp(game, PID, 1)
    await game.hot.put_fight(PID, None, await game.hot.get(PID))  # walk away from it, as a lost Redis would
    weak = await game.advance_rift(player_id=PID)
    lost = await play_out(game, weak.step.combat)
    assert lost.outcome == "lost"
    progress = await game.rift_progress(player_id=PID)
    assert progress.status == "fallen"
    with pytest.raises(NotInRift):
        await game.leave_rift(player_id=PID)
