"""Benchmark of the hot-state snapshot (Redis → PostgreSQL), every way measured in the same run.

    .venv/bin/python benchmarks/snapshot.py --sizes 10000 100000 [1000000]

1M accounts take a few minutes (seeding them most of it), so that size is asked for, not run by default.

Servers: BENCH_DATABASE_URL / BENCH_REDIS_URL, else TEST_DATABASE_URL / TEST_REDIS_URL, else PostgreSQL and
Redis on 127.0.0.1; when those are unreachable, embedded servers are started. A scratch PostgreSQL database is
created and dropped; the chosen Redis database is FLUSHED.

Every third account is mid-fight: its hash holds a running fight (~0.7 kB of JSON), which goes to `accounts.fight`
(--no-fights: none is, and the column is written NULL throughout).
For N accounts with a share of them changed (10% by default), it times (medians of --repeat runs):
  project        RedisToPostgresSnapshotter.run(full=False): the changed accounts
  project --all  RedisToPostgresSnapshotter.run(full=True): every account
  seed           SCAN every account:*, pipelined HGETALL, UPDATE … FROM (VALUES …) with bound parameters over
                 all accounts, chunked only at PostgreSQL's 32767-parameter limit
  read: …        the read side alone (changed ids → COPY text in Python): the project's Lua batch pick +
                 SORT … GET, formatted as COPY text
  write: …       the changed rows, already in Python memory, written four ways; "write: COPY" (a bare COPY
                 into a temporary table + one UPDATE … FROM) is the floor the project is held to
Above --compare-up-to accounts (100k by default) only the project and the floor are run: the others hold every
account in memory and take minutes there. A last table puts each size's project, floor and memory side by side:
the project's peak must not grow with the number of accounts.
Peak memory is tracemalloc's peak of Python allocations during one more, traced run (tracing slows Python
down, so it is kept out of the timed runs); rows already in memory before the run do not count.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import redis.asyncio as aioredis
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.local_services import start_local_services
from game.adapters.redis_hot_state import CHANGED_SET, FIELDS, account_key
from game.adapters.snapshot import FIRST_BATCH_ROWS, RedisToPostgresSnapshotter
from tests.support.services import create_database, drop_database

Row = tuple[int, str, int, int, float, float, str, str | None]
COLUMNS = ("player_id", "location_id", "hp", "mana", "stamina", "stamina_at", "activity", "fight")
CHARACTER_COLUMNS = (
    "player_id", "name", "name_key", "class_id", "level", "xp", "gold",
    "strength", "agility", "intellect", "vitality", "stat_points", "skill_points",
)  # fmt: skip
MAX_BIND_PARAMS = 32767
SET_FROM_S = (
    "location_id = s.location_id, hp = s.hp, mana = s.mana, stamina = s.stamina,"
    " stamina_at = s.stamina_at, activity = s.activity, fight = s.fight, saved_at = now()"
)
CASTS = ("bigint", "text", "integer", "integer", "double precision", "double precision", "text", "jsonb")


# --- servers ---------------------------------------------------------------------------------


async def reachable(db_url: str, redis_url: str) -> bool:
    try:
        engine = create_async_engine(db_url)
        async with engine.connect() as conn:
            await conn.execute(text("SELECT 1"))
        await engine.dispose()
        client = aioredis.Redis.from_url(redis_url)
        await client.ping()
        await client.aclose()
    except Exception:
        return False
    return True


async def pick_servers(stack: contextlib.AsyncExitStack) -> tuple[str, str]:
    db_url = os.environ.get("BENCH_DATABASE_URL") or os.environ.get("TEST_DATABASE_URL")
    redis_url = os.environ.get("BENCH_REDIS_URL") or os.environ.get("TEST_REDIS_URL")
    db_url = db_url or "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
    redis_url = redis_url or "redis://127.0.0.1:6379/15"
    if await reachable(db_url, redis_url):
        return db_url, redis_url
    print("servers unreachable: starting embedded PostgreSQL and Redis", file=sys.stderr)
    services = start_local_services(Path(tempfile.mkdtemp(prefix="riftwalker-bench-")))
    stack.callback(services.stop)
    return services.database_url, services.redis_url


# --- data ------------------------------------------------------------------------------------


FIGHTS = True  # --no-fights turns it off


def hot(player_id: int, version: int = 0) -> dict[str, str]:
    state = {
        "location": f"rift-{(player_id + version) % 40}",
        "hp": str(50 + (player_id + version) % 100),
        "mana": str((player_id * 7 + version) % 60),
        "stamina": repr((player_id % 1000) / 10 + version),
        "stamina_at": repr(1_795_700_000.0 + player_id / 7 + version),
        "activity": ("idle", "walking", "combat")[player_id % 3],
    }
    if FIGHTS and state["activity"] == "combat":
        state["fight"] = fight(player_id, version)
    return state


def fighter(level: int, hp: int, skills: list[str], effects: list[dict]) -> dict:
    return {
        "level": level, "hp": hp, "max_hp": 120, "attack": 14, "defence": 6, "crit_chance": 0.07,
        "dodge_chance": 0.05, "agility": 7, "mana": 20, "max_mana": 30, "magic": 3, "skills": skills,
        "cooldowns": {s: 2 for s in skills}, "effects": effects,
    }  # fmt: skip


def fight(player_id: int, version: int) -> str:
    """A running fight shaped like `Combat.to_dict()` mid-fight, as `RedisHotStateStore.put_fight` writes it."""
    combat = {
        "id": f"{player_id * 2654435761 % 2**64:016x}",
        "monster_id": "forest_wolf",
        "player": fighter(1 + player_id % 30, 40 + version % 80, ["power_strike"], []),
        "monster": fighter(1 + player_id % 30, 80 - version % 80, [], [{"effect": "bleed", "turns": 2, "amount": 3}]),
        "turn": 1 + version,
        "outcome": "ongoing",
        "log": [
            {"kind": "hit", "actor": "player", "target": "monster", "amount": 11},
            {"kind": "hit", "actor": "monster", "target": "player", "amount": 5, "crit": True},
        ],
        "consumed_item": None,
    }
    return json.dumps({"combat": combat, "context": {}}, separators=(",", ":"))


async def seed(engine: AsyncEngine, redis: aioredis.Redis, n: int) -> None:
    await redis.flushdb(asynchronous=True)  # freed off Redis's main thread: 1M hashes take seconds
    async with engine.begin() as conn:
        await conn.execute(text("TRUNCATE characters CASCADE"))
    for start in range(1, n + 1, 50_000):
        ids = range(start, min(n, start + 49_999) + 1)
        async with engine.connect() as conn:
            pg = (await conn.get_raw_connection()).driver_connection
            async with pg.transaction():
                await pg.copy_records_to_table(
                    "characters",
                    records=[(i, f"p{i}", f"p{i}", "warrior", 1, 0, 0, 5, 5, 5, 5, 0, 0) for i in ids],
                    columns=CHARACTER_COLUMNS,
                )
                await pg.copy_records_to_table(
                    "accounts",
                    records=[(i, "town", 10, 5, 50.0, 1000.0, "idle", None) for i in ids],
                    columns=COLUMNS,
                )
        async with redis.pipeline(transaction=False) as pipe:
            for i in ids:
                pipe.hset(account_key(i), mapping=hot(i))
            await pipe.execute()
    async with engine.connect() as conn:
        await conn.execution_options(isolation_level="AUTOCOMMIT")
        await conn.execute(text("VACUUM ANALYZE characters, accounts"))


async def change(redis: aioredis.Redis, ids: Sequence[int], version: int) -> None:
    """What players do between two snapshots: new values, and the marks."""
    for start in range(0, len(ids), 10_000):
        async with redis.pipeline(transaction=False) as pipe:
            for i in ids[start : start + 10_000]:
                pipe.hset(account_key(i), mapping=hot(i, version))
            pipe.sadd(CHANGED_SET, *ids[start : start + 10_000])
            await pipe.execute()


async def rows_in_memory(redis: aioredis.Redis, ids: Sequence[int]) -> list[Row]:
    async with redis.pipeline(transaction=False) as pipe:
        for i in ids:
            pipe.hmget(account_key(i), *FIELDS)
        replies = await pipe.execute()
    return [
        (i, loc.decode(), int(hp), int(mana), float(st), float(at), act.decode(), fight and fight.decode())
        for i, (loc, hp, mana, st, at, act, fight) in zip(ids, replies, strict=True)
    ]


# --- the ways ----------------------------------------------------------------------------------


@contextlib.asynccontextmanager
async def raw_transaction(engine: AsyncEngine):
    async with engine.connect() as conn:
        pg = (await conn.get_raw_connection()).driver_connection
        async with pg.transaction():
            yield pg


async def seed_way(engine: AsyncEngine, redis: aioredis.Redis) -> int:
    """SCAN + pipelined HGETALL, then UPDATE … FROM (VALUES …) over every account."""
    keys = [key async for key in redis.scan_iter(match="account:*", count=1000)]
    async with redis.pipeline(transaction=False) as pipe:
        for key in keys:
            pipe.hgetall(key)
        hashes = await pipe.execute()
    rows = [
        (
            int(key[len(b"account:") :]),
            h[b"location"].decode(),
            int(h[b"hp"]),
            int(h[b"mana"]),
            float(h[b"stamina"]),
            float(h[b"stamina_at"]),
            h.get(b"activity", b"idle").decode(),
            h[b"fight"].decode() if b"fight" in h else None,
        )
        for key, h in zip(keys, hashes, strict=True)
        if h
    ]
    return await write_values(engine, rows)


async def write_values(engine: AsyncEngine, rows: list[Row]) -> int:
    per = MAX_BIND_PARAMS // len(COLUMNS)
    written = 0
    async with raw_transaction(engine) as pg:
        for start in range(0, len(rows), per):
            chunk = rows[start : start + per]
            width = len(COLUMNS)
            values = ",".join(
                "(" + ",".join(f"${r * width + c + 1}::{CASTS[c]}" for c in range(width)) + ")"
                for r in range(len(chunk))
            )
            status = await pg.execute(
                f"UPDATE accounts AS a SET {SET_FROM_S} FROM (VALUES {values}) AS s({', '.join(COLUMNS)})"
                " WHERE a.player_id = s.player_id",
                *(value for row in chunk for value in row),
            )
            written += int(status.split()[-1])
    return written


async def write_unnest(engine: AsyncEngine, rows: list[Row]) -> int:
    columns = [list(column) for column in zip(*rows, strict=True)]
    async with raw_transaction(engine) as pg:
        status = await pg.execute(
            f"UPDATE accounts AS a SET {SET_FROM_S} FROM unnest("
            + ", ".join(f"${c + 1}::{CASTS[c]}[]" for c in range(len(COLUMNS)))
            + f") AS s({', '.join(COLUMNS)}) WHERE a.player_id = s.player_id",
            *columns,
        )
    return int(status.split()[-1])


async def write_executemany(engine: AsyncEngine, rows: list[Row]) -> int:
    async with raw_transaction(engine) as pg:
        await pg.executemany(
            "UPDATE accounts SET location_id = $2, hp = $3, mana = $4, stamina = $5, stamina_at = $6,"
            " activity = $7, fight = $8, saved_at = now() WHERE player_id = $1",
            rows,
        )
    return len(rows)


async def write_copy(engine: AsyncEngine, rows: list[Row]) -> int:
    async with raw_transaction(engine) as pg:
        await pg.execute(
            "CREATE TEMPORARY TABLE bench_rows (player_id bigint, location_id text, hp integer, mana integer,"
            " stamina double precision, stamina_at double precision, activity text, fight jsonb) ON COMMIT DROP"
        )
        await pg.copy_records_to_table("bench_rows", records=rows, columns=COLUMNS)
        status = await pg.execute(
            f"UPDATE accounts AS a SET {SET_FROM_S} FROM bench_rows AS s WHERE a.player_id = s.player_id"
        )
    return int(status.split()[-1])


# --- the read side alone: the changed ids → COPY text in Python -------------------------------------


async def read_project(snapshotter: RedisToPostgresSnapshotter, redis: aioredis.Redis, ids: Sequence[int]) -> int:
    await redis.sadd("bench:ids", *ids)
    count = 0
    async for lines in snapshotter._batches(["bench:batch", "bench:cursor", "bench:ids"], check_fights=False):
        count += lines.count(b"\n")
    await redis.delete("bench:ids")
    return count


async def longest_batch_read(
    snapshotter: RedisToPostgresSnapshotter, redis: aioredis.Redis, ids: Sequence[int]
) -> float:
    """The longest single read of a batch from Redis, one at a time (so none waits behind another): how long
    Redis is held at most. Seconds, round trip included."""
    await redis.sadd("bench:ids", *ids)
    await redis.delete("bench:cursor")
    longest, want, last = 0.0, FIRST_BATCH_ROWS, False
    while not last:
        started = time.perf_counter()
        last, _ = await snapshotter._fetch(["bench:batch", "bench:cursor", "bench:ids"], want)
        longest = max(longest, time.perf_counter() - started)
        want = min(2 * want, snapshotter._chunk_rows)
    await redis.delete("bench:ids", "bench:cursor")
    return longest


# --- measuring ---------------------------------------------------------------------------------


@dataclass
class Way:
    name: str
    run: Callable[[], Awaitable[int]]
    prepare: Callable[[], Awaitable[None]]
    seconds: list[float]
    rows: int = 0
    peak_mb: float = 0.0

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


async def vacuum(engine: AsyncEngine) -> None:
    async with engine.connect() as conn:
        await conn.execution_options(isolation_level="AUTOCOMMIT")
        await conn.execute(text("VACUUM accounts"))


async def measure(
    engine: AsyncEngine, redis: aioredis.Redis, n: int, share: float, repeat: int, chunk: int, *, compare: bool
) -> list[Way]:
    await seed(engine, redis, n)
    changed_ids = sorted(random.Random(n).sample(range(1, n + 1), max(1, int(n * share))))
    snapshotter = RedisToPostgresSnapshotter(redis, engine, chunk_rows=chunk)
    version = 0

    async def mark() -> None:
        nonlocal version
        version += 1
        await change(redis, changed_ids, version)
        await vacuum(engine)

    async def clean() -> None:
        await redis.delete(CHANGED_SET)
        await vacuum(engine)

    await change(redis, changed_ids, 0)
    in_memory = await rows_in_memory(redis, changed_ids)
    await redis.delete(CHANGED_SET)

    ways = [
        Way("project", lambda: written(snapshotter.run(full=False)), mark, []),
        Way("project --all", lambda: written(snapshotter.run(full=True)), clean, []),
        Way("seed", lambda: seed_way(engine, redis), clean, []),
        Way("read: COPY text", lambda: read_project(snapshotter, redis, changed_ids), clean, []),
        Way("write: VALUES", lambda: write_values(engine, in_memory), clean, []),
        Way("write: executemany", lambda: write_executemany(engine, in_memory), clean, []),
        Way("write: unnest", lambda: write_unnest(engine, in_memory), clean, []),
        Way("write: COPY (floor)", lambda: write_copy(engine, in_memory), clean, []),
    ]
    if not compare:
        ways = [way for way in ways if way.name in ("project", "write: COPY (floor)")]
    for _ in range(repeat):  # interleaved, so drift on a noisy machine spreads over every way
        for way in ways:
            await way.prepare()
            started = time.perf_counter()
            way.rows = await way.run()
            way.seconds.append(time.perf_counter() - started)
    await clean()
    longest = max([await longest_batch_read(snapshotter, redis, changed_ids) for _ in range(repeat)])
    for way in ways:
        await way.prepare()
        tracemalloc.start()
        await way.run()
        way.peak_mb = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    return ways, longest


async def written(report) -> int:
    return (await report).accounts_written


def table(n: int, share: float, ways: list[Way]) -> str:
    by = {w.name: w for w in ways}
    project, floor = by["project"], by["write: COPY (floor)"]
    lines = [
        f"N = {n:,} accounts, {share:.0%} changed ({project.rows:,} rows); medians of {len(project.seconds)}",
        f"{'way':<22}{'rows':>10}{'seconds':>10}{'rows/s':>11}{'peak MB':>9}{'÷ project':>11}",
    ]
    for w in ways:
        lines.append(
            f"{w.name:<22}{w.rows:>10,}{w.median:>10.3f}{w.rows / w.median:>11,.0f}{w.peak_mb:>9.1f}"
            f"{w.median / project.median:>10.2f}x"
        )
    seed_ = by.get("seed")
    vs_seed = f"seed / project = {seed_.median / project.median:.1f}x (aim ≥ 25x); " if seed_ else ""
    lines.append(f"{vs_seed}project / floor = {project.median / floor.median:.2f}x (aim ≤ 1.3x)")
    return "\n".join(lines)


def summary(share: float, results: dict[int, list[Way]]) -> str:
    lines = [
        f"Summary ({share:.0%} changed): the project against its floor, and its memory, by number of accounts",
        f"{'accounts':>10}{'rows':>10}{'project s':>11}{'floor s':>9}{'ratio':>8}{'project peak MB':>17}",
    ]
    for n, ways in results.items():
        by = {w.name: w for w in ways}
        project, floor = by["project"], by["write: COPY (floor)"]
        lines.append(
            f"{n:>10,}{project.rows:>10,}{project.median:>11.3f}{floor.median:>9.3f}"
            f"{project.median / floor.median:>7.2f}x{project.peak_mb:>17.1f}"
        )
    return "\n".join(lines)


async def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--changed", type=float, default=0.10, help="share of accounts changed (default 0.10)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--chunk-rows", type=int, default=1000)
    parser.add_argument("--fights", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument(
        "--compare-up-to", type=int, default=100_000, help="largest size run with every way (default 100000)"
    )
    args = parser.parse_args(argv)
    global FIGHTS
    FIGHTS = args.fights

    async with contextlib.AsyncExitStack() as stack:
        db_url, redis_url = await pick_servers(stack)
        url = await create_database(db_url, "riftwalker_bench")
        stack.push_async_callback(drop_database, url, server_url=db_url)
        engine = create_async_engine(url)
        stack.push_async_callback(engine.dispose)
        redis = aioredis.Redis.from_url(redis_url)
        stack.push_async_callback(redis.aclose)
        stack.push_async_callback(redis.flushdb, asynchronous=True)
        print("peak MB: tracemalloc peak of Python allocations, one extra traced run per way\n")
        results = {}
        for n in args.sizes:
            compare = n <= args.compare_up_to
            results[n], longest = await measure(
                engine, redis, n, args.changed, args.repeat, args.chunk_rows, compare=compare
            )
            print(table(n, args.changed, results[n]))
            print(f"longest single read of a batch (one MULTI, round trip included): {longest * 1000:.1f} ms\n")
        print(summary(args.changed, results))


if __name__ == "__main__":
    asyncio.run(main())
