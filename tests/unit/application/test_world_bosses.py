"""World bosses: spawned once, hit by whoever stands there (a blow per cooldown), paid to each contributor
exactly once when they fall, announced once, rebuilt from the last checkpoint when Redis loses them."""

from __future__ import annotations

import asyncio
from dataclasses import replace

import pytest

from game.api import InCombat, NotRegistered
from game.api.world import (
    BossAlreadyAlive,
    BossAttackResult,
    BossCooldown,
    BossGone,
    BossView,
    InRift,
    WrongLocation,
)
from game.domain.loot import Rewards
from shared.events import BossDefeated, BossEscaped, BossSharesPaid, BossSpawned
from tests.fakes.game import FakeGame

from .play import meet


async def spawn(game: FakeGame, *players: int, location_id: str = "meadows") -> BossView:
    """A boss in `location_id`, and `players` (registered, of the zone's level) standing beside it."""
    for pid in players:
        await game.register(pid)
        await game.place(pid, location_id)
    return await game.administration.admin_spawn_boss(location_id=location_id)


async def hit(game: FakeGame, pid: int, boss: BossView) -> BossAttackResult:
    """A blow that lands (a swing may miss), each after the last one's cooldown."""
    for _ in range(20):
        game.clock.advance(10)
        result = await game.bosses.attack_boss(player_id=pid, boss_id=boss.id)
        if result.damage > 0:
            return result
    raise AssertionError("20 swings and not one landed")


async def test_a_boss_spawns_once_on_the_tick(game):
    report = await game.bosses.spawn_boss_tick(duration_minutes=15)
    [boss] = await game.bosses.list_bosses()
    assert report.bosses_spawned == (boss.id,)
    assert boss.hp == boss.max_hp and boss.status == "alive" and boss.seconds_left == 15 * 60
    assert (await game.bosses.spawn_boss_tick()).bosses_spawned == ()  # one at a time
    with pytest.raises(BossAlreadyAlive):
        await game.administration.admin_spawn_boss(location_id=boss.location_id)
    [event] = game.events.published
    assert isinstance(event, BossSpawned) and (event.boss_id, event.hp) == (boss.id, boss.max_hp)
    assert await game.bosses.get_boss(boss_id=boss.id) == boss
    assert await game.bosses.get_boss(boss_id="nope") is None


async def test_who_cannot_hit_the_boss_is_told_why_and_it_loses_nothing(game):
    boss = await spawn(game, 1)
    await game.register(2)  # in town
    with pytest.raises(WrongLocation):
        await game.bosses.attack_boss(player_id=2, boss_id=boss.id)
    with pytest.raises(BossGone) as unknown:
        await game.bosses.attack_boss(player_id=1, boss_id="no-such-boss")
    assert unknown.value.details["status"] == "unknown"
    with pytest.raises(NotRegistered):
        await game.bosses.attack_boss(player_id=9, boss_id=boss.id)
    rift = await game.open_rift("meadows")
    await game.rifts.enter_rift(player_id=1, rift_id=rift.id)
    with pytest.raises(InRift):
        await game.bosses.attack_boss(player_id=1, boss_id=boss.id)
    await game.rifts.leave_rift(player_id=1)
    await meet(game, 1)
    with pytest.raises(InCombat):
        await game.bosses.attack_boss(player_id=1, boss_id=boss.id)
    assert (await game.bosses.get_boss(boss_id=boss.id)).hp == boss.max_hp


async def test_a_blow_then_a_cooldown_before_the_next(game):
    boss = await spawn(game, 1)
    first = await hit(game, 1, boss)
    assert not first.killed
    assert first.boss.hp == first.boss.max_hp - first.damage and first.boss.my_damage == first.damage
    game.clock.advance(4)
    with pytest.raises(BossCooldown) as wait:
        await game.bosses.attack_boss(player_id=1, boss_id=boss.id)
    assert wait.value.details["seconds_left"] == 6.0
    game.clock.advance(6)
    second = await game.bosses.attack_boss(player_id=1, boss_id=boss.id)
    assert second.boss.my_damage == first.damage + second.damage
    assert second.boss.hp == first.boss.max_hp - first.damage - second.damage


async def test_a_fallen_boss_pays_each_contributor_once_and_is_announced_once(game):
    boss = await spawn(game, 1, 2, 3)
    gold = {pid: await game.gold(pid) for pid in (1, 2, 3)}
    blows = [await hit(game, pid, boss) for pid in (1, 2, 3)]
    game.clock.advance(10)
    game.arena.set_hp(boss.id, 1)
    last = await hit(game, 3, boss)
    assert last.killed and last.damage == 1 and last.boss.status == "defeated"
    # The killing blow answers before anyone is paid: the settlement follows it.
    assert {pid: await game.gold(pid) for pid in (1, 2, 3)} == gold
    assert game.claims(3, "boss:") == [] and game.events.of_type(BossDefeated) == []
    assert (await game.bosses.get_boss(boss_id=boss.id)).status == "defeated"
    await game.bosses.settlements_done()

    for pid in (1, 2, 3):
        assert await game.gold(pid) > gold[pid]
        assert game.claims(pid, "boss:") == [f"boss:{boss.id}"]
    [defeated] = game.events.of_type(BossDefeated)
    assert defeated.contributors == (1, 2, 3) and defeated.killer_id == 3
    paid = {pid: await game.gold(pid) for pid in (1, 2, 3)}
    # The announcement tells each contributor what they were paid.
    assert {p.player_id: p.gold for p in defeated.payouts} == {pid: paid[pid] - gold[pid] for pid in (1, 2, 3)}
    # …naming its items in every language, so the notice names them even once they have left the bag.
    assert any(p.items for p in defeated.payouts)
    for payout in defeated.payouts:
        assert payout.item_names == {i: game.content.items[i].name.as_dict() for i in payout.items}

    # The sweep that runs next, and a late attacker, change nothing.
    game.clock.advance(15 * 60)
    await game.bosses.end_expired_bosses()
    with pytest.raises(BossGone) as gone:
        await hit(game, 1, boss)
    assert gone.value.details["status"] == "defeated"
    assert {pid: await game.gold(pid) for pid in (1, 2, 3)} == paid
    assert len(game.events.of_type(BossDefeated)) == 1 and game.events.of_type(BossEscaped) == []

    board = await game.leaderboards.leaderboard(board="boss_damage")
    assert {r.player_id for r in board} == {1, 2, 3}
    assert [r.value for r in board] == sorted((r.value for r in board), reverse=True)
    assert sum(r.value for r in board) == sum(b.damage for b in [*blows, last])  # every blow counted once
    assert await game.leaderboards.boss_leaderboard(limit=1) == board[:1]


async def test_contributors_hear_of_their_share_batch_by_batch_and_the_end_is_announced_once(game, monkeypatch):
    monkeypatch.setattr("game.application.world_bosses.PAYOUT_BATCH", 2)
    players = (1, 2, 3, 4, 5)
    boss = await spawn(game, *players)
    gold = {pid: await game.gold(pid) for pid in players}
    for pid in players:
        await hit(game, pid, boss)
    game.clock.advance(10)
    game.arena.set_hp(boss.id, 1)
    assert (await hit(game, 4, boss)).killed
    await game.bosses.settlements_done()

    notices = game.events.of_type(BossSharesPaid)
    assert len(notices) == 3  # 5 contributors, 2 a batch
    told = [p for notice in notices for p in notice.payouts]
    assert sorted(p.player_id for p in told) == list(players)  # each told once
    assert all(notice.defeated and notice.killer_id == 4 for notice in notices)
    for p in told:  # what each is told is what reached them
        assert await game.gold(p.player_id) == gold[p.player_id] + p.gold
    [defeated] = game.events.of_type(BossDefeated)
    assert defeated.shares_told and sorted(defeated.payouts, key=lambda p: p.player_id) == sorted(
        told, key=lambda p: p.player_id
    )
    kinds = [type(e) for e in game.events.published if isinstance(e, BossSharesPaid | BossDefeated)]
    assert kinds == [BossSharesPaid] * 3 + [BossDefeated]  # the announcement once all are paid

    assert (await game.bosses.settle_bosses()).bosses_settled == ()  # nothing more: no second notice
    assert len(game.events.of_type(BossSharesPaid)) == 3


async def test_payouts_cut_short_by_a_crash_are_finished_by_the_settlement_job(game):
    boss = await spawn(game, 1, 2)
    await hit(game, 1, boss)
    await hit(game, 2, boss)
    game.clock.advance(10)
    game.arena.set_hp(boss.id, 1)
    with game.crash_when_paying(f"boss:{boss.id}"):
        assert (await hit(game, 2, boss)).killed  # the blow is answered; its settlement dies paying
        await game.bosses.settlements_done()
    assert game.claims(1, "boss:") == game.claims(2, "boss:") == []
    assert game.events.of_type(BossDefeated) == []

    assert (await game.bosses.settle_bosses()).bosses_settled == (boss.id,)
    assert (await game.bosses.settle_bosses()).bosses_settled == ()
    for pid in (1, 2):
        assert game.claims(pid, "boss:") == [f"boss:{boss.id}"]
    [defeated] = game.events.of_type(BossDefeated)
    assert defeated.contributors == (1, 2) and defeated.killer_id == 2


async def test_a_batch_where_some_were_already_paid_pays_only_the_rest(game):
    """A batch is read, claimed and saved at once: who was paid for the source already, or is no longer
    registered, is left out, and everyone else is paid once."""
    for pid in (1, 2, 3, 4):
        await game.register(pid)
    gold = {pid: await game.gold(pid) for pid in (1, 2, 3, 4)}
    share = Rewards(xp=5, gold=7, items={"wolf_pelt": 1})
    earlier = await game.bosses.payouts.grant_many("boss:b1", {2: share, 4: share})  # a settler cut short
    assert sorted(earlier) == [2, 4]
    paid = await game.bosses.payouts.grant_many("boss:b1", {pid: share for pid in (1, 2, 3, 4, 9)})
    assert sorted(paid) == [1, 3] and paid[1].gold == 7 and paid[1].kept == {"wolf_pelt": 1}
    assert {pid: await game.gold(pid) - gold[pid] for pid in (1, 2, 3, 4)} == {1: 7, 2: 7, 3: 7, 4: 7}
    assert {pid: (await game.bag(pid)).get("wolf_pelt") for pid in (1, 2, 3, 4)} == {1: 1, 2: 1, 3: 1, 4: 1}
    assert all(game.claims(pid, "boss:") == ["boss:b1"] for pid in (1, 2, 3, 4))
    assert await game.bosses.payouts.grant_many("boss:b1", {pid: share for pid in (1, 2, 3, 4)}) == {}  # a retry


async def test_a_settlement_after_a_crash_pays_only_those_not_yet_paid(game):
    """Paid but not yet marked so (the settler died in between): the next settlement skips them."""
    quiet = replace(game.bosses, settle_at_once=False)
    boss = await spawn(game, 1, 2, 3)
    for pid in (1, 2, 3):
        await hit(game, pid, boss)
    game.clock.advance(10)
    game.arena.set_hp(boss.id, 1)
    for _ in range(20):
        game.clock.advance(10)
        if (await quiet.attack_boss(player_id=3, boss_id=boss.id)).killed:
            break
    gold = {pid: await game.gold(pid) for pid in (1, 2, 3)}
    await game.bosses.payouts.grant_many(f"boss:{boss.id}", {2: Rewards(xp=0, gold=1)})  # the earlier settler
    assert (await game.bosses.settle_bosses()).bosses_settled == (boss.id,)
    [defeated] = game.events.of_type(BossDefeated)
    shares = {p.player_id: p.gold for p in defeated.payouts}
    assert await game.gold(2) == gold[2] + 1  # not paid twice
    assert [p.player_id for e in game.events.of_type(BossSharesPaid) for p in e.payouts] == [1, 3]  # nor told
    assert {pid: await game.gold(pid) - gold[pid] for pid in (1, 3)} == {1: shares[1], 3: shares[3]}


async def test_a_kill_whose_process_died_before_settling_is_settled_by_the_job_once(game):
    """The kill is recorded, the process dies before its settlement starts; after the restart the job pays
    everyone once, however many times it runs, and two settlers at once pay once too."""
    quiet = replace(game.bosses, settle_at_once=False)  # a process that dies right after answering
    boss = await spawn(game, 1, 2, 3)
    gold = {pid: await game.gold(pid) for pid in (1, 2, 3)}
    for pid in (1, 2, 3):
        await hit(game, pid, boss)
    game.clock.advance(10)
    game.arena.set_hp(boss.id, 1)
    for _ in range(20):
        game.clock.advance(10)
        if (killed := await quiet.attack_boss(player_id=3, boss_id=boss.id)).damage:
            break
    assert killed.killed
    assert {pid: await game.gold(pid) for pid in (1, 2, 3)} == gold and game.events.of_type(BossDefeated) == []
    assert await game.leaderboards.leaderboard(board="boss_damage") == []  # not even tallied yet

    restarted, other = replace(game.bosses), replace(game.bosses)  # two replicas' jobs, racing
    reports = await asyncio.gather(restarted.settle_bosses(), other.settle_bosses(), game.bosses.settle_bosses())
    assert sum(len(r.bosses_settled) for r in reports) == 1
    [defeated] = game.events.of_type(BossDefeated)
    assert defeated.contributors == (1, 2, 3) and defeated.killer_id == 3
    for payout in defeated.payouts:
        assert game.claims(payout.player_id, "boss:") == [f"boss:{boss.id}"]
        assert await game.gold(payout.player_id) == gold[payout.player_id] + payout.gold
    board = await game.leaderboards.leaderboard(board="boss_damage")
    assert sorted(r.player_id for r in board) == [1, 2, 3]  # each counted once


async def test_a_boss_not_slain_in_time_escapes_and_still_pays_by_contribution(game):
    boss = await spawn(game, 1)
    gold = await game.gold(1)
    await hit(game, 1, boss)
    game.clock.advance(15 * 60)
    with pytest.raises(BossGone) as late:
        await game.bosses.attack_boss(player_id=1, boss_id=boss.id)
    assert late.value.details["status"] == "escaped"
    assert (await game.bosses.end_expired_bosses()).bosses_ended == ()  # already ended by that blow
    await game.bosses.settlements_done()
    [escaped] = game.events.of_type(BossEscaped)
    assert escaped.contributors == (1,)
    assert game.claims(1, "boss:") == [f"boss:{boss.id}"]
    [payout] = escaped.payouts
    assert payout.player_id == 1 and payout.gold > 0 and payout.items == {}  # no loot from an escape
    assert await game.gold(1) == gold + payout.gold
    assert await game.bosses.list_bosses() == []


async def test_the_sweep_lets_an_unslain_boss_escape(game):
    boss = await spawn(game, 1)
    game.clock.advance(15 * 60)
    report = await game.bosses.end_expired_bosses()
    assert report.bosses_ended == (boss.id,)
    assert (await game.bosses.get_boss(boss_id=boss.id)).status == "escaped"
    assert len(game.events.of_type(BossEscaped)) == 1
    assert (await game.bosses.end_expired_bosses()).bosses_ended == ()
    assert len(game.events.of_type(BossEscaped)) == 1


async def test_a_boss_redis_lost_comes_back_from_its_last_checkpoint(game):
    boss = await spawn(game, 1)
    first = await hit(game, 1, boss)
    await game.bosses.end_expired_bosses()  # the sweep checkpoints the live pool
    await hit(game, 1, boss)  # after the checkpoint: lost with Redis
    await game.maintenance.snapshot_hot_state()  # (where the player stands is not)
    game.lose_redis()
    [listed] = await game.bosses.list_bosses()
    assert listed.hp == first.boss.max_hp - first.damage
    third = await hit(game, 1, boss)
    assert third.boss.hp == first.boss.max_hp - first.damage - third.damage
    assert third.boss.my_damage == first.damage + third.damage

    game.arena.flush()
    report = await game.bosses.end_expired_bosses()
    assert report.bosses_recovered == (boss.id,)
    assert (await game.bosses.get_boss(boss_id=boss.id)).hp == first.boss.max_hp - first.damage


async def test_the_pool_grows_with_each_newcomer_and_never_with_a_returning_fighter(game):
    boss = await spawn(game, 1, 2, 3)
    first = await hit(game, 1, boss)
    # The first fighter's own share replaces the guess at a typical player the boss spawned with.
    assert first.boss.max_hp != boss.max_hp
    assert first.boss.hp == first.boss.max_hp - first.damage
    second = await hit(game, 2, boss)
    grown = second.boss.max_hp
    assert grown > first.boss.max_hp
    assert second.boss.hp == grown - first.damage - second.damage
    game.clock.advance(10)
    again = await hit(game, 1, boss)
    assert again.boss.max_hp == grown  # a returning fighter adds nothing
    assert again.boss.fighters == 2


async def test_the_live_ranking_shows_who_hit_hardest_and_your_place(game):
    boss = await spawn(game, 1, 2, 3)
    for pid in (1, 2, 3):
        await hit(game, pid, boss)
    view = await game.bosses.get_boss(boss_id=boss.id, player_id=2)
    assert view.fighters == 3
    assert [r.damage for r in view.ranking] == sorted((r.damage for r in view.ranking), reverse=True)
    assert {r.name for r in view.ranking} == {"hero1", "hero2", "hero3"}
    assert view.my_rank == next(r.rank for r in view.ranking if r.player_id == 2)
    assert (await game.bosses.get_boss(boss_id=boss.id, player_id=9)).my_rank is None
