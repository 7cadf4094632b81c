"""The arena on real PostgreSQL and Redis: many fights against one ghost at once, and a season closing
while fights run — every rating change applied once, every fight in exactly one season."""

from __future__ import annotations

import asyncio
import itertools

import redis.asyncio as aioredis

from game.domain import arena as rules
from scheduler.jobs import arena as arena_job
from scheduler.jobs.lock import run_once_per_tick
from shared.adapters.redis_lock import RedisJobLock

from .world_events_game import Clock, build, register, scalar, sql

CHALLENGERS = range(10, 60)  # fifty


async def offered(db, challenger: int, defender: int) -> None:
    await sql(
        db,
        "INSERT INTO arena_ratings (player_id, rating, day, offer_id) VALUES (:p, 1000, 0, :d) "
        "ON CONFLICT (player_id) DO UPDATE SET offer_id = :d",
        p=challenger,
        d=defender,
    )


async def test_fifty_fights_against_one_ghost_apply_each_rating_change_once(db, redis):
    game = build(db, redis, Clock())
    await register(game, 1, class_id="mage")
    for pid in CHALLENGERS:
        await register(game, pid, class_id=("warrior", "rogue", "mage")[pid % 3])
        await offered(db, pid, 1)
    results = await asyncio.gather(*(game.arena_fight(player_id=pid, opponent_id=1) for pid in CHALLENGERS))
    assert len(results) == 50 and await scalar(db, "SELECT count(*) FROM arena_fights") == 50
    # Replayed in id order, the fights chain: each started from the rating the previous one left.
    rows = (await sql(db, "SELECT defender_before, defender_after FROM arena_fights ORDER BY id")).all()
    for (_, after), (before, _) in itertools.pairwise(rows):
        assert before == after
    assert rows[0][0] == rules.START_RATING
    final = await scalar(db, "SELECT rating FROM arena_ratings WHERE player_id = 1")
    assert final == rows[-1][1]
    assert await scalar(db, "SELECT games FROM arena_ratings WHERE player_id = 1") == 50
    wins = await scalar(db, "SELECT season_wins + season_losses FROM arena_ratings WHERE player_id = 1")
    assert wins == 50


async def test_a_season_closing_while_fights_run_counts_each_fight_in_one_season(db, redis):
    clock = Clock()
    game = build(db, redis, clock)
    await register(game, 1)
    for pid in CHALLENGERS:
        await register(game, pid)
        await offered(db, pid, 1)
    season = rules.season_of(clock.now())
    await game.arena_fight(player_id=CHALLENGERS[0], opponent_id=1)  # the first fight opens the season
    clock.value = rules.season_ends(season) + 1
    closing = asyncio.gather(
        *(game.arena_fight(player_id=pid, opponent_id=1) for pid in CHALLENGERS[1:]),
        game.close_arena_season(),
    )
    *_, report = await closing
    assert report.closed == season and await scalar(db, "SELECT season FROM arena_state") == season + 1
    by_season = dict((await sql(db, "SELECT season, count(*) FROM arena_fights GROUP BY season")).all())
    assert sum(by_season.values()) == 50 and set(by_season) <= {season, season + 1}
    # The closed season's results list exactly the players of its fights.
    closed_players = {
        r[0]
        for r in (
            await sql(
                db,
                "SELECT challenger_id FROM arena_fights WHERE season = :s UNION SELECT defender_id FROM arena_fights "
                "WHERE season = :s",
                s=season,
            )
        ).all()
    }
    results = {r[0] for r in (await sql(db, "SELECT player_id FROM arena_season_results")).all()}
    assert results <= closed_players and len(results) == min(len(closed_players), len(rules.SEASON_PRIZES))
    # A fight of the new season moved tallies that the reset did not wipe; none of the old season's survive it.
    new_fights = by_season.get(season + 1, 0)
    tallies = await scalar(db, "SELECT sum(season_wins + season_losses) FROM arena_ratings WHERE player_id != 1")
    assert tallies == new_fights
    assert (await game.close_arena_season()).closed is None  # paid once
    assert await scalar(db, "SELECT count(*) FROM reward_claims WHERE source_id LIKE 'arena-season:%'") == min(
        len(closed_players), len(rules.SEASON_PRIZES)
    )


async def test_the_season_job_on_two_replicas_pays_the_top_exactly_once(db, redis, redis_url):
    clock = Clock()
    replicas = [build(db, redis, clock), build(db, redis, clock)]
    await register(replicas[0], 1)
    for pid in (2, 3):
        await register(replicas[0], pid)
        await offered(db, pid, 1)
        await replicas[0].arena_fight(player_id=pid, opponent_id=1)
    season = rules.season_of(clock.now())
    clock.value = rules.season_ends(season) + 1
    other = aioredis.Redis.from_url(redis_url)
    try:
        locks = [RedisJobLock(redis), RedisJobLock(other)]
        interval = 300.0
        reports = await asyncio.gather(
            *(
                run_once_per_tick(lock, clock, arena_job.CLOSE_SEASON, interval, lambda g=g: arena_job.close_season(g))
                for lock, g in zip(locks, replicas, strict=True)
            ),
            # And the game's own guard, should two runs get past the lock (a clock skew, a long pause).
            replicas[0].close_arena_season(),
            replicas[1].close_arena_season(),
        )
    finally:
        await other.aclose()
    closed = [r for r in reports if r is not None and r.closed == season]
    assert len(closed) == 1 and len(closed[0].prizes) == 3
    paid = await scalar(db, "SELECT count(*) FROM reward_claims WHERE source_id = :s", s=f"arena-season:{season}")
    assert paid == 3
    gold = await scalar(db, "SELECT sum(prize) FROM arena_season_results WHERE season = :s", s=season)
    assert gold == sum(rules.prize(rank) for rank in (1, 2, 3))
