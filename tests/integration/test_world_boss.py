"""World bosses on real PostgreSQL and Redis: one shared pool, many attackers at once, paid exactly once."""

from __future__ import annotations

import asyncio

import pytest

from game.adapters.redis_world_boss import boss_key, damage_key
from game.api import GameError, InCombat
from game.api.world import BossAlreadyAlive, BossCooldown, BossGone, WrongLocation
from shared.events import BossDefeated, BossEscaped, BossSpawned
from tests.fakes.event_bus import InMemoryEventBus

from .world_events_game import Clock, build, crowd, move_to, register, scalar, sql


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def events() -> InMemoryEventBus:
    return InMemoryEventBus()


async def gold_of(db, pid: int) -> int:
    return await scalar(db, "SELECT gold FROM characters WHERE player_id = :p", p=pid)


async def test_a_boss_spawns_once_and_refuses_clearly(db, redis, clock, events):
    game = build(db, redis, clock, events=events)
    spawned = await game.spawn_boss_tick(duration_minutes=15)
    [boss] = await game.list_bosses()
    assert spawned.bosses_spawned == (boss.id,)
    assert boss.hp == boss.max_hp and boss.status == "alive" and boss.seconds_left == 15 * 60
    assert (await game.spawn_boss_tick()).bosses_spawned == ()  # one at a time
    [event] = events.published
    assert isinstance(event, BossSpawned) and event.boss_id == boss.id and event.hp == boss.max_hp
    with pytest.raises(BossAlreadyAlive):
        await game.admin_spawn_boss(location_id=boss.location_id)

    pid = await register(game, 1)
    with pytest.raises(WrongLocation):
        await game.attack_boss(player_id=pid, boss_id=boss.id)
    await move_to(game, pid, boss.location_id)
    hit = await game.attack_boss(player_id=pid, boss_id=boss.id)
    assert hit.boss.hp == hit.boss.max_hp - hit.damage and hit.boss.my_damage == hit.damage
    with pytest.raises(BossCooldown) as wait:
        await game.attack_boss(player_id=pid, boss_id=boss.id)
    assert 0 < wait.value.details["seconds_left"] <= 10
    [mine] = await game.list_bosses(player_id=pid)
    assert mine.my_damage == hit.damage and mine.my_cooldown_left > 0
    with pytest.raises(BossGone):
        await game.attack_boss(player_id=pid, boss_id="nobody")


async def test_hundreds_of_concurrent_attacks_add_up_and_the_kill_pays_once(db, redis, clock, events):
    game = build(db, redis, clock, events=events, cooldown=0)
    # A few seconds to live: each newcomer adds about one blow to the pool, so 4 blows each fell it. It starts
    # at 2,000 with its first fighter on the board (so hundreds join before it falls, none replacing the pool).
    boss = await game.admin_spawn_boss(location_id="meadows", boss_def_id="old_tusk", duration_minutes=0.05)
    players = await crowd(db, 10_000, 300, "meadows", strength=12)
    attempts = [pid for pid in players for _ in range(4)]  # 1,200 attacks for a pool that falls sooner

    async def strike(pid: int):
        try:
            return await game.attack_boss(player_id=pid, boss_id=boss.id)
        except GameError as refused:
            return refused

    await redis.hset(boss_key(boss.id), mapping={"hp": 2000, "max_hp": 2000})
    await redis.hset(damage_key(boss.id), str(players[0]), 0)
    results = await asyncio.gather(*(strike(pid) for pid in attempts))
    # The killing blow started the settlement in the background; the job waits for it to finish.
    assert (await game.settle_bosses()).bosses_settled == (boss.id,)
    hits = [r for r in results if not isinstance(r, GameError)]
    refused = [r for r in results if isinstance(r, GameError)]
    assert all(isinstance(r, BossGone) and r.details["status"] == "defeated" for r in refused)
    assert sum(h.killed for h in hits) == 1
    pool = await scalar(db, "SELECT max_hp FROM world_bosses WHERE id = :b", b=boss.id)  # grown with the crowd
    assert pool > 2000  # grown with the crowd
    assert sum(h.damage for h in hits) == pool  # not one point more or less

    tallies = {pid: 0 for pid in players}
    for pid, result in zip(attempts, results, strict=True):
        if not isinstance(result, GameError):
            tallies[pid] += result.damage
    dealt = {pid: d for pid, d in tallies.items() if d > 0}
    rows = await sql(db, "SELECT player_id, damage FROM boss_damage WHERE boss_id = :b", b=boss.id)
    durable = dict(rows.all())
    assert durable == dealt and sum(durable.values()) == pool
    assert await scalar(db, "SELECT status FROM world_bosses WHERE id = :b", b=boss.id) == "defeated"
    assert await scalar(db, "SELECT hp_left FROM world_bosses WHERE id = :b", b=boss.id) == 0

    claims = await scalar(db, "SELECT count(*) FROM reward_claims WHERE source_id = :s", s=f"boss:{boss.id}")
    assert claims == len(dealt)
    assert all([await gold_of(db, pid) > 0 for pid in list(dealt)[:20]])
    defeated = [e for e in events.published if isinstance(e, BossDefeated)]
    assert len(defeated) == 1 and set(defeated[0].contributors) == set(dealt)
    killer = next(h for h in hits if h.killed)
    assert defeated[0].killer_id in dealt and killer.boss.hp == 0

    # The sweep after the kill changes nothing: no second payout, no second announcement.
    golds = {pid: await gold_of(db, pid) for pid in list(dealt)[:20]}
    await game.end_expired_bosses()
    assert {pid: await gold_of(db, pid) for pid in golds} == golds
    assert len([e for e in events.published if isinstance(e, BossDefeated)]) == 1
    board = await game.boss_leaderboard(limit=5)
    assert [row.value for row in board] == sorted(dealt.values(), reverse=True)[:5]
    with pytest.raises(BossGone):
        await game.attack_boss(player_id=players[0], boss_id=boss.id)


async def killed_without_settling(db, redis, clock, events, *, contributors: int, first_id: int):
    """A boss in the meadows that `contributors` players struck, felled by the last of them in a process that
    dies right after answering (the kill is recorded, its settlement never starts)."""
    game = build(db, redis, clock, events=events, cooldown=0, settle_at_once=False)
    boss = await game.admin_spawn_boss(location_id="meadows", boss_def_id="old_tusk")
    players = await crowd(db, first_id, contributors, "meadows", strength=12)
    await redis.hset(boss_key(boss.id), mapping={"hp": 10**9, "max_hp": 10**9})
    for pid in players:
        while (await game.attack_boss(player_id=pid, boss_id=boss.id)).damage == 0:
            clock.advance(0.001)  # a fresh roll: the dice are drawn from the time of the blow
    await redis.hset(boss_key(boss.id), mapping={"hp": 1})
    while not (blow := await game.attack_boss(player_id=players[-1], boss_id=boss.id)).killed:
        clock.advance(0.001)
    return boss, players, blow


async def test_the_killing_blow_answers_without_paying_and_the_job_pays_everyone_once(db, redis, clock, events):
    boss, players, blow = await killed_without_settling(db, redis, clock, events, contributors=40, first_id=40_000)
    assert blow.killed and blow.boss.status == "defeated" and blow.boss.hp == 0
    assert await scalar(db, "SELECT status FROM world_bosses WHERE id = :b", b=boss.id) == "defeated"
    assert await scalar(db, "SELECT count(*) FROM reward_claims") == 0
    assert await scalar(db, "SELECT coalesce(sum(gold), 0) FROM characters") == 0
    assert not [e for e in events.published if isinstance(e, BossDefeated)]

    restarted = build(db, redis, clock, events=events)  # after the restart, the job runs (twice: no harm)
    assert (await restarted.settle_bosses()).bosses_settled == (boss.id,)
    assert (await restarted.settle_bosses()).bosses_settled == ()
    await paid_exactly_once(db, events, boss.id, players)


async def test_two_settlers_racing_pay_each_contributor_once(db, redis, clock, events):
    boss, players, _ = await killed_without_settling(db, redis, clock, events, contributors=250, first_id=50_000)
    replicas = [build(db, redis, clock, events=events) for _ in range(3)]
    reports = await asyncio.gather(*(r.settle_bosses() for r in replicas), replicas[0].end_expired_bosses())
    assert sum(len(r.bosses_settled) for r in reports) == 1  # one of them announced it
    await paid_exactly_once(db, events, boss.id, players)


async def paid_exactly_once(db, events: InMemoryEventBus, boss_id: str, players: list[int]) -> None:
    """Every contributor holds one claim and exactly the gold the one announcement told them; the
    leaderboard counted the boss once for each."""
    [defeated] = [e for e in events.published if isinstance(e, BossDefeated)]
    assert sorted(defeated.contributors) == players and defeated.killer_id == players[-1]
    told = {p.player_id: p.gold for p in defeated.payouts}
    assert sorted(told) == players and all(g > 0 for g in told.values())
    rows = await sql(
        db, "SELECT player_id, count(*) FROM reward_claims WHERE source_id = :s GROUP BY 1", s=f"boss:{boss_id}"
    )
    assert dict(rows.all()) == dict.fromkeys(players, 1)
    gold = dict((await sql(db, "SELECT player_id, gold FROM characters")).all())
    assert {pid: gold[pid] for pid in players} == told
    assert await scalar(db, "SELECT count(*) FROM boss_damage WHERE boss_id = :b AND NOT paid", b=boss_id) == 0
    totals = await sql(db, "SELECT bosses, count(*) FROM boss_damage_totals GROUP BY 1")
    assert dict(totals.all()) == {1: len(players)}
    assert await scalar(db, "SELECT announced FROM world_bosses WHERE id = :b", b=boss_id)


async def test_a_boss_not_slain_in_time_escapes_and_pays_by_contribution(db, redis, clock, events):
    game = build(db, redis, clock, events=events)
    boss = await game.admin_spawn_boss(location_id="caves", duration_minutes=5)
    players = await crowd(db, 20_000, 3, "caves")
    hits = [await game.attack_boss(player_id=pid, boss_id=boss.id) for pid in players]
    clock.advance(5 * 60)
    with pytest.raises(BossGone) as late:
        await game.attack_boss(player_id=players[0], boss_id=boss.id)
    assert late.value.details["status"] == "escaped"
    report = await game.end_expired_bosses()
    assert report.bosses_ended == ()  # the late attack already ended it
    await game.settle_bosses()
    escaped = [e for e in events.published if isinstance(e, BossEscaped)]
    assert len(escaped) == 1 and escaped[0].boss_id == boss.id
    assert await scalar(db, "SELECT count(*) FROM reward_claims") == len([h for h in hits if h.damage > 0])
    for payout in escaped[0].payouts:
        assert await gold_of(db, payout.player_id) == payout.gold > 0 and payout.items == {}
    assert await game.list_bosses() == []
    board = await game.boss_leaderboard()
    assert sum(r.value for r in board) == sum(h.damage for h in hits)


async def test_the_sweep_ends_a_boss_at_its_deadline(db, redis, clock, events):
    game = build(db, redis, clock, events=events)
    boss = await game.admin_spawn_boss(location_id="ruins", duration_minutes=5)
    clock.advance(5 * 60)
    assert (await game.end_expired_bosses()).bosses_ended == (boss.id,)
    assert [type(e) for e in events.published] == [BossSpawned, BossEscaped]
    assert (await game.end_expired_bosses()).bosses_ended == ()


async def test_a_flushed_redis_rewinds_a_live_boss_to_its_checkpoint(db, redis, clock, events):
    game = build(db, redis, clock, events=events)
    boss = await game.admin_spawn_boss(location_id="marsh", duration_minutes=15)
    players = await crowd(db, 30_000, 5, "marsh")
    hits = [await game.attack_boss(player_id=pid, boss_id=boss.id) for pid in players[:3]]
    await game.end_expired_bosses()  # checkpoints the pool (grown by the newcomers) and the tallies
    checkpoint_hp, checkpoint_max = (
        await sql(db, "SELECT hp_left, max_hp FROM world_bosses WHERE id = :b", b=boss.id)
    ).one()
    assert checkpoint_max == hits[-1].boss.max_hp > boss.max_hp
    assert checkpoint_hp == checkpoint_max - sum(h.damage for h in hits)
    lost = await game.attack_boss(player_id=players[3], boss_id=boss.id)  # after the checkpoint: lost with Redis
    assert lost.damage >= 0

    await redis.flushdb()
    restarted = build(db, redis, clock, events=events)  # and the process restarted too
    hit = await restarted.attack_boss(player_id=players[4], boss_id=boss.id)
    joined = hit.boss.max_hp - checkpoint_max  # a newcomer's share, on top of the checkpoint
    assert joined > 0 and hit.boss.hp == checkpoint_hp + joined - hit.damage
    [view] = await restarted.list_bosses(player_id=players[0])
    assert view.my_damage == hits[0].damage and view.hp == hit.boss.hp

    await redis.flushdb()
    assert (await restarted.end_expired_bosses()).bosses_recovered == (boss.id,)
    [view] = await restarted.list_bosses()
    assert (view.hp, view.max_hp) == (checkpoint_hp, checkpoint_max)  # the hit after the checkpoint is lost again


async def test_no_attacks_from_inside_a_fight_or_a_rift(db, redis, clock):
    game = build(db, redis, clock)
    boss = await game.admin_spawn_boss(location_id="darkwood")
    pid = await register(game, 5)
    await sql(db, "UPDATE characters SET level = 5 WHERE player_id = :p", p=pid)
    await move_to(game, pid, "darkwood")
    rift = await game.admin_open_rift(location_id="darkwood")
    await game.enter_rift(player_id=pid, rift_id=rift.id)
    from game.api.world import InRift

    with pytest.raises(InRift):
        await game.attack_boss(player_id=pid, boss_id=boss.id)
    await game.leave_rift(player_id=pid)
    for _ in range(30):
        found = await game.explore(player_id=pid)
        if found.combat is not None:
            break
    with pytest.raises(InCombat):
        await game.attack_boss(player_id=pid, boss_id=boss.id)
