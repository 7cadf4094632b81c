"""Concurrent attacks on one world boss: throughput, and that the shared HP pool stays exact.

Rows:
  script    the Lua attack alone (RedisBossArena.attack), a pool too large to fall
  kill      the same with a pool that falls mid-run: exactly one killing blow, HP ends at 0
  use case  `attack_boss` end to end (player from PostgreSQL, hot state from Redis, the script),
            a pool too large to fall; the tallies are checkpointed to PostgreSQL and checked there
  uc + kill the same with a pool that falls mid-run (the killing attack's time is printed under the table)

Each row: `--players` players × `--attacks` attacks each, `--concurrency` in flight at once.
"exact" checks that the damage recorded per player adds up to the HP the boss lost.

The killing blow (a second table), at each of `--contributors` (1,000 and 10,000): a boss whose tallies
already hold that many contributors (written straight into Redis), felled by one of them through
`attack_boss`, `--kills` times (a fresh boss each time). Per size: the killing attack's latency (median
and worst), the time until every contributor is paid and the end announced, the SQL statements the killing
blow sent ("kill SQL", BEGIN and COMMIT not counted), and "exact": each
contributor's gold grew by exactly what the announcement told them, with one claim each. A kill is
settled before the next one is struck, so the latencies are not those of a process busy paying.
The script uses only what the game offered before the settlement moved after the kill (and fills the damage
ranking only where the game has one), so it can be run against an older checkout
(`PYTHONPATH=<checkout>/src`) for a before/after comparison.

    .venv/bin/python benchmarks/boss.py [--players 1000] [--attacks 5] [--concurrency 100]
    .venv/bin/python benchmarks/boss.py --only-kills --contributors 1000 10000 --kills 5

Servers: BENCH_DATABASE_URL / BENCH_REDIS_URL, else TEST_DATABASE_URL / TEST_REDIS_URL, else embedded
PostgreSQL and Redis. The Redis database is flushed; PostgreSQL gets a scratch database, dropped at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import redis.asyncio as aioredis
from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import create_async_engine

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from game.adapters.redis_world_boss import RedisBossArena, boss_key, damage_key

try:  # the damage ranking a boss screen reads (an older checkout has none)
    from game.adapters.redis_world_boss import ranking_key, ranking_member
except ImportError:
    ranking_key = ranking_member = None  # type: ignore[assignment]
from game.api import GameError
from game.application.ports.world_events import BossRecord
from shared.events import BossDefeated
from tests.fakes.event_bus import InMemoryEventBus
from tests.integration.world_events_game import Clock, build, crowd
from tests.support.services import create_database, drop_database, services_from_env


@dataclass
class Row:
    label: str
    attacks: int
    landed: int
    seconds: float
    max_hp: int
    hp_left: int
    tallied: int
    kills: int
    settle_seconds: float = 0.0

    @property
    def rate(self) -> float:
        return self.attacks / self.seconds

    @property
    def exact(self) -> bool:
        return self.tallied == self.max_hp - self.hp_left


async def run_pool(concurrency: int, calls: list) -> float:
    queue: asyncio.Queue = asyncio.Queue()
    for call in calls:
        queue.put_nowait(call)

    async def worker() -> None:
        while not queue.empty():
            await queue.get_nowait()()

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return time.perf_counter() - started


def boss_record(max_hp: int, now: float) -> BossRecord:
    return BossRecord(
        id=uuid.uuid4().hex[:16],
        boss_def_id="old_tusk",
        monster_id="wild_boar",
        location_id="meadows",
        level=3,
        max_hp=max_hp,
        hp_left=max_hp,
        cooldown_ms=0,
        spawned_at=now,
        deadline=now + 3600,
        status="alive",
    )


async def script_row(label: str, redis, players: int, attacks: int, concurrency: int, max_hp: int) -> Row:
    arena = RedisBossArena(redis)
    now = time.time()
    boss = boss_record(max_hp, now)
    await arena.create(boss)
    landed = kills = 0

    def call(pid: int, damage: int):
        async def go() -> None:
            nonlocal landed, kills
            outcome = await arena.attack(boss.id, pid, damage, now=now)
            landed += outcome.status == "ok"
            kills += outcome.killed

        return go

    calls = [call(pid, 20 + (pid * 7 + n) % 30) for n in range(attacks) for pid in range(1, players + 1)]
    seconds = await run_pool(concurrency, calls)
    live, damage = await arena.snapshot(boss.id)
    assert live is not None
    return Row(label, len(calls), landed, seconds, max_hp, live.hp, sum(damage.values()), kills)


async def use_case_row(
    label: str, engine, redis, ids: list[int], attacks: int, concurrency: int, *, max_hp: int | None
) -> Row:
    game = build(engine, redis, Clock(time.time()), cooldown=0)
    boss = await game.admin_spawn_boss(location_id="meadows", boss_def_id="old_tusk")
    if max_hp is not None:  # a pool of the size this row needs, in both stores
        await redis.hset(boss_key(boss.id), mapping={"hp": max_hp, "max_hp": max_hp})
        async with engine.begin() as conn:
            await conn.execute(
                text("UPDATE world_bosses SET max_hp = :h, hp_left = :h WHERE id = :b"), {"h": max_hp, "b": boss.id}
            )
    landed = kills = 0
    settle = 0.0

    def call(pid: int):
        async def go() -> None:
            nonlocal landed, kills, settle
            try:
                started = time.perf_counter()
                hit = await game.attack_boss(player_id=pid, boss_id=boss.id)
                landed += 1
                if hit.killed:
                    kills += 1
                    settle = time.perf_counter() - started
            except GameError:
                pass

        return go

    calls = [call(pid) for _ in range(attacks) for pid in ids]
    seconds = await run_pool(concurrency, calls)
    if not kills:
        await game.end_expired_bosses()  # checkpoints the tallies to PostgreSQL
    async with engine.connect() as conn:
        tallied = (
            await conn.execute(
                text("SELECT coalesce(sum(damage), 0) FROM boss_damage WHERE boss_id = :b"), {"b": boss.id}
            )
        ).scalar_one()
        row = (await conn.execute(text("SELECT max_hp, hp_left FROM world_bosses WHERE id = :b"), {"b": boss.id})).one()
    if not kills:
        # Nothing to settle: step aside so the next row can spawn in the same place.
        async with engine.begin() as conn:
            await conn.execute(text("UPDATE world_bosses SET status = 'escaped' WHERE id = :b"), {"b": boss.id})
    return Row(label, len(calls), landed, seconds, row.max_hp, row.hp_left, int(tallied), kills, settle)


@dataclass
class KillRow:
    contributors: int
    latencies: list[float]  # seconds, the killing attack
    all_paid: list[float]  # seconds from the blow until every contributor was paid and the end announced
    exact: bool
    statements: int = 0  # SQL statements the killing blow sent (BEGIN and COMMIT not counted)

    @staticmethod
    def ms(values: list[float], share: float) -> float:
        ordered = sorted(values)
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000


async def kill_row(engine, redis, ids: list[int], kills: int) -> KillRow:
    """`kills` bosses, each with `len(ids)` contributors, each felled by one of them; settled one by one."""
    latencies: list[float] = []
    all_paid: list[float] = []
    exact = True
    counted = {"on": False, "n": 0}

    def count(*_: object, **__: object) -> None:
        counted["n"] += counted["on"]

    event.listen(engine.sync_engine, "before_cursor_execute", count)
    statements = 0
    for _ in range(kills):
        events = InMemoryEventBus()
        clock = Clock(time.time())
        game = build(engine, redis, clock, events=events, cooldown=0)
        boss = await game.admin_spawn_boss(location_id="meadows", boss_def_id="old_tusk")
        tallies = {pid: 10 + pid % 50 for pid in ids}
        total = sum(tallies.values())
        await redis.hset(damage_key(boss.id), mapping=tallies)
        if ranking_key is not None:  # as the blows that dealt them would have left it
            await redis.zadd(ranking_key(boss.id), {ranking_member(pid): -d for pid, d in tallies.items()})
        await redis.hset(boss_key(boss.id), mapping={"hp": 1, "max_hp": total + 1})
        async with engine.connect() as conn:
            gold_before = dict((await conn.execute(text("SELECT player_id, gold FROM characters"))).all())
        killer = ids[0]
        while True:  # a swing may miss: the next one is a fresh roll
            clock.advance(0.001)
            counted.update(on=True, n=0)
            started = time.perf_counter()
            hit = await game.attack_boss(player_id=killer, boss_id=boss.id)
            counted["on"] = False
            if hit.killed:
                latencies.append(time.perf_counter() - started)
                statements = max(statements, counted["n"])
                break
        while True:
            async with engine.connect() as conn:
                done = (
                    await conn.execute(text("SELECT announced FROM world_bosses WHERE id = :b"), {"b": boss.id})
                ).scalar_one()
            if done:
                all_paid.append(time.perf_counter() - started)
                break
            await asyncio.sleep(0.01)
        [defeated] = [e for e in events.published if isinstance(e, BossDefeated)]
        told = {p.player_id: p.gold for p in defeated.payouts}
        async with engine.connect() as conn:
            gold_after = dict((await conn.execute(text("SELECT player_id, gold FROM characters"))).all())
            claims = (
                await conn.execute(
                    text("SELECT count(DISTINCT player_id) FROM reward_claims WHERE source_id = :s"),
                    {"s": f"boss:{boss.id}"},
                )
            ).scalar_one()
        exact &= sorted(told) == sorted(ids) and claims == len(ids)
        exact &= all(gold_after[pid] - gold_before[pid] == told[pid] for pid in ids)
    event.remove(engine.sync_engine, "before_cursor_execute", count)
    return KillRow(len(ids), latencies, all_paid, exact, statements)


async def run_kills(server_url: str, redis_url: str, sizes: list[int], kills: int) -> list[KillRow]:
    url = await create_database(server_url, "riftwalker_bench_boss_kill")
    redis = aioredis.Redis.from_url(redis_url)
    engine = create_async_engine(url, pool_size=20, max_overflow=0)
    try:
        await redis.flushdb()
        ids = await crowd(engine, 1_000_000, max(sizes), "meadows", strength=12)
        return [await kill_row(engine, redis, ids[:size], kills) for size in sizes]
    finally:
        await engine.dispose()
        await redis.flushdb()
        await redis.aclose()
        await drop_database(url, server_url=server_url)


async def run_rows(server_url: str, redis_url: str, players: int, attacks: int, concurrency: int) -> list[Row]:
    url = await create_database(server_url, "riftwalker_bench_boss")
    redis = aioredis.Redis.from_url(redis_url)
    engine = create_async_engine(url, pool_size=20, max_overflow=0)
    try:
        await redis.flushdb()
        total = players * attacks
        rows = [
            await script_row("script", redis, players, attacks, concurrency, max_hp=total * 100),
            await script_row("kill", redis, players, attacks, concurrency, max_hp=total * 35 // 2),
        ]
        ids = await crowd(engine, 1_000_000, players, "meadows", strength=12)
        rows.append(await use_case_row("use case", engine, redis, ids, attacks, concurrency, max_hp=total * 1000))
        rows.append(await use_case_row("uc + kill", engine, redis, ids, attacks, concurrency, max_hp=total * 35 // 2))
    finally:
        await engine.dispose()
        await redis.flushdb()
        await redis.aclose()
        await drop_database(url, server_url=server_url)
    return rows


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--players", type=int, default=1000)
    parser.add_argument("--attacks", type=int, default=5)
    parser.add_argument("--concurrency", type=int, default=100)
    parser.add_argument("--contributors", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--kills", type=int, default=5, help="bosses felled at each size")
    parser.add_argument("--only-kills", action="store_true", help="only the killing blow's table")
    args = parser.parse_args()
    services = services_from_env(
        ("BENCH_DATABASE_URL", "TEST_DATABASE_URL"),
        ("BENCH_REDIS_URL", "TEST_REDIS_URL"),
        folder_prefix="riftwalker-bench-",
    )
    rows: list[Row] = []
    try:
        if not args.only_kills:
            rows = await run_rows(
                services.database_url, services.redis_url, args.players, args.attacks, args.concurrency
            )
        kill_rows = await run_kills(services.database_url, services.redis_url, args.contributors, args.kills)
    finally:
        services.stop()
    if rows:
        print_rows(args, rows)
    print(
        f"The killing blow, {args.kills} bosses felled at each size "
        f"(Python {sys.version.split()[0]}, {os.cpu_count()} cores)"
    )
    header = (
        f"| {'contributors':>12} | {'kill p50 ms':>11} | {'kill max ms':>11} "
        f"| {'all paid p50 s':>14} | {'all paid max s':>14} | {'kill SQL':>8} | {'exact':>5} |"
    )
    print(header)
    print("|" + "|".join("-" * len(cell) for cell in header.split("|")[1:-1]) + "|")
    for k in kill_rows:
        print(
            f"| {k.contributors:>12,} | {k.ms(k.latencies, 0.5):>11.1f} | {max(k.latencies) * 1000:>11.1f} "
            f"| {k.ms(k.all_paid, 0.5) / 1000:>14.2f} | {max(k.all_paid):>14.2f} | {k.statements:>8} "
            f"| {'yes' if k.exact else 'NO':>5} |"
        )


def print_rows(args: argparse.Namespace, rows: list[Row]) -> None:
    print(
        f"{args.players} players x {args.attacks} attacks, {args.concurrency} concurrent "
        f"(Python {sys.version.split()[0]}, {os.cpu_count()} cores)"
    )
    header = (
        f"| {'row':<9} | {'attacks':>7} | {'landed':>6} | {'seconds':>7} | {'attacks/s':>9} | {'max HP':>8} "
        f"| {'HP left':>8} | {'sum dmg':>8} | {'kills':>5} | {'exact':>5} |"
    )
    print(header)
    print("|" + "|".join("-" * len(cell) for cell in header.split("|")[1:-1]) + "|")
    for r in rows:
        print(
            f"| {r.label:<9} | {r.attacks:>7} | {r.landed:>6} | {r.seconds:>7.2f} | {r.rate:>9,.0f} | {r.max_hp:>8} "
            f"| {r.hp_left:>8} | {r.tallied:>8} | {r.kills:>5} | {'yes' if r.exact else 'NO':>5} |"
        )
    killed = rows[-1]
    if killed.kills:
        print(f"uc + kill: the killing attack took {killed.settle_seconds * 1000:.1f} ms")


if __name__ == "__main__":
    asyncio.run(main())
