"""Benchmark of the exchange: orders placed and matched per second through the use case, on one core.

    .venv/bin/python benchmarks/exchange.py [--traders 1 100] [--orders 3000]

Servers: BENCH_DATABASE_URL / BENCH_REDIS_URL, else TEST_DATABASE_URL / TEST_REDIS_URL, else embedded
PostgreSQL and Redis. A scratch PostgreSQL database is created, migrated and dropped; the chosen Redis
database is FLUSHED (give the benchmark one of its own).

Rows:
  rules alone        the pure matching engine on an in-memory book: the floor of the arithmetic
  use case, N        N traders at once placing limit orders through the port as the bot calls it (escrow,
                     book lock, match, fills, counters, one PostgreSQL transaction each). Ten market makers
                     (set up untimed) rest deep bids and asks around one mid price; each trader's order
                     crosses them at a random depth, so every order trades, at one to five price levels
Each use-case row ends with the conservation check: gold (purses + counters + open buy escrow + fees) and
items (bags + counters + open sell escrow) are what they were before the row.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import platform
import random
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import redis.asyncio as aioredis
from sqlalchemy import text

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.containers import Container
from game.api import GameApi, GameError
from game.domain.exchange import ExchangeRules, Order, match
from shared.config import Settings
from tests.support.services import create_database, drop_database, services_from_env

ITEM = "iron_ore"
MID = 100


def rules_alone(orders: int) -> tuple[float, int]:
    """The engine on an in-memory book: (orders per second, fills)."""
    rng = random.Random(1)
    rules = ExchangeRules()
    book: dict[int, Order] = {}
    fills = 0
    start = time.perf_counter()
    for i in range(orders):
        side = "buy" if rng.random() < 0.5 else "sell"
        price = MID + rng.randint(-5, 5)
        incoming = Order(i, i % 100, ITEM, side, price, 3, 3, float(i), float(i) + 1e9)  # type: ignore[arg-type]
        done = match(incoming, [o for o in book.values() if o.side != side], now=float(i), rules=rules)
        for o in (*done.touched, done.order):
            if o.remaining:
                book[o.id] = o
            else:
                book.pop(o.id, None)
        fills += len(done.fills)
    return orders / (time.perf_counter() - start), fills


async def totals(engine: object) -> tuple[int, int]:
    async with engine.connect() as conn:  # type: ignore[attr-defined]
        row = (
            await conn.execute(
                text(
                    "SELECT (SELECT coalesce(sum(gold), 0) FROM characters)"
                    " + (SELECT coalesce(sum(gold), 0) FROM exchange_counters)"
                    " + (SELECT coalesce(sum(remaining * price), 0) FROM exchange_orders"
                    "    WHERE status = 'open' AND side = 'buy')"
                    " + (SELECT coalesce(sum(fee), 0) FROM exchange_fills),"
                    " (SELECT coalesce(sum(quantity), 0) FROM inventory_items WHERE item_id = :i)"
                    " + (SELECT coalesce(sum((items->>:i)::bigint), 0) FROM exchange_counters)"
                    " + (SELECT coalesce(sum(remaining), 0) FROM exchange_orders"
                    "    WHERE status = 'open' AND side = 'sell')"
                ),
                {"i": ITEM},
            )
        ).one()
    return int(row[0]), int(row[1])


async def make_market(game: GameApi, makers: list[int]) -> None:
    """Deep bids below the mid price and asks above it (untimed)."""
    for pid in makers:
        for step in range(1, 6):
            await game.place_order(player_id=pid, item_id=ITEM, side="sell", price=MID + step, quantity=10_000)
            await game.place_order(player_id=pid, item_id=ITEM, side="buy", price=MID - step, quantity=10_000)


async def use_case(game: GameApi, engine: object, traders: list[int], orders: int) -> tuple[float, int, int, bool]:
    """(orders per second, fills, refused, conserved) for `traders` placing `orders` in all."""
    before = await totals(engine)
    rng = random.Random(len(traders))
    per_trader = max(1, orders // len(traders))
    counts = {"refused": 0}

    async def trade(pid: int) -> None:
        for _ in range(per_trader):
            buy = rng.random() < 0.5
            depth = rng.randint(1, 5)
            try:
                await game.place_order(
                    player_id=pid,
                    item_id=ITEM,
                    side="buy" if buy else "sell",
                    price=MID + depth if buy else MID - depth,
                    quantity=rng.randint(1, 40),
                )
            except GameError:
                counts["refused"] += 1

    async with engine.connect() as conn:  # type: ignore[attr-defined]
        fills_before = (await conn.execute(text("SELECT count(*) FROM exchange_fills"))).scalar_one()
    start = time.perf_counter()
    await asyncio.gather(*(trade(pid) for pid in traders))
    elapsed = time.perf_counter() - start
    async with engine.connect() as conn:  # type: ignore[attr-defined]
        fills = (await conn.execute(text("SELECT count(*) FROM exchange_fills"))).scalar_one() - fills_before
    conserved = await totals(engine) == before
    return per_trader * len(traders) / elapsed, int(fills), counts["refused"], conserved


async def run(trader_counts: Sequence[int], orders: int) -> None:
    async with contextlib.AsyncExitStack() as stack:
        services = services_from_env(
            ("BENCH_DATABASE_URL", "TEST_DATABASE_URL"),
            ("BENCH_REDIS_URL", "TEST_REDIS_URL"),
            folder_prefix="riftwalker-bench-",
        )
        stack.callback(services.stop)
        database_url = await create_database(services.database_url, "riftwalker_bench")
        stack.push_async_callback(drop_database, database_url, server_url=services.database_url)
        redis = aioredis.Redis.from_url(services.redis_url)
        await redis.flushdb()
        stack.push_async_callback(redis.aclose)
        settings = Settings(_env_file=None, database_url=database_url, redis_url=services.redis_url, bot_token=None)
        container = Container(settings=settings, local_bot=True)
        await container.init_resources()
        stack.push_async_callback(container.shutdown_resources)
        game: GameApi = await container.game()
        engine = await container.engine()

        print(
            f"exchange benchmark · Python {platform.python_version()} · {os.cpu_count()} cores · {orders} orders a row"
        )
        floor, floor_fills = rules_alone(orders)
        rows = [("rules alone (in memory)", floor, floor_fills, 0, True)]
        first = 1
        makers = list(range(900_001, 900_011))
        for pid in makers:
            await game.register(player_id=pid, name=f"Maker{pid}", class_id="warrior")
        async with engine.begin() as conn:
            await conn.execute(text("UPDATE characters SET gold = 100000000"))
            await conn.execute(
                text("INSERT INTO inventory_items SELECT player_id, :i, 100000 FROM characters"), {"i": ITEM}
            )
        await make_market(game, makers)
        for count in trader_counts:
            traders = list(range(first, first + count))
            first += count
            for pid in traders:
                await game.register(player_id=pid, name=f"Bench{pid}", class_id="warrior")
            async with engine.begin() as conn:
                await conn.execute(
                    text("UPDATE characters SET gold = 10000000 WHERE player_id = ANY(:ids)"), {"ids": traders}
                )
                await conn.execute(
                    text("INSERT INTO inventory_items SELECT unnest(CAST(:ids AS bigint[])), :i, 3000"),
                    {"ids": traders, "i": ITEM},
                )
            rate, fills, refused, conserved = await use_case(game, engine, traders, orders)
            rows.append((f"use case, {count} trader{'s' if count > 1 else ''}", rate, fills, refused, conserved))
        print(f"{'row':<28}{'orders/s':>10}{'fills':>8}{'refused':>9}{'vs rules':>10}  conserved")
        for name, rate, fills, refused, conserved in rows:
            print(
                f"{name:<28}{rate:>10,.0f}{fills:>8}{refused:>9}{rate / floor:>10.3f}  {'yes' if conserved else 'NO'}"
            )
        if not all(r[4] for r in rows):
            raise SystemExit("gold or items were not conserved")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--traders", type=int, nargs="+", default=[1, 100])
    parser.add_argument("--orders", type=int, default=3000)
    args = parser.parse_args(argv)
    asyncio.run(run(args.traders, args.orders))


if __name__ == "__main__":
    main()
