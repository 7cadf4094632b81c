"""The exchange on real PostgreSQL and Redis: escrow in the order's transaction, counters summed in the
database, expiry, and many traders at once with every coin and item accounted for."""

from __future__ import annotations

import asyncio
import random
import time

import pytest
from sqlalchemy import text

from game.api import GameApi, GameError
from game.api.economy import OrderClosed

ORE = "iron_ore"
pytestmark = pytest.mark.servers


async def seed(db, game: GameApi, players: range, *, gold: int, ore: int) -> None:
    for pid in players:
        await game.register(player_id=pid, name=f"trader{pid}", class_id="warrior")
    async with db.begin() as conn:
        await conn.execute(text("UPDATE characters SET gold = :g"), {"g": gold})
        await conn.execute(
            text("INSERT INTO inventory_items (player_id, item_id, quantity) SELECT player_id, :i, :q FROM characters"),
            {"i": ORE, "q": ore},
        )


async def totals(db) -> tuple[int, int]:
    """Gold: purses + counters + open buy escrow + fees; ore: bags + counters + open sell escrow."""
    async with db.connect() as conn:
        gold = (
            await conn.execute(
                text(
                    "SELECT (SELECT coalesce(sum(gold), 0) FROM characters)"
                    " + (SELECT coalesce(sum(gold), 0) FROM exchange_counters)"
                    " + (SELECT coalesce(sum(remaining * price), 0) FROM exchange_orders"
                    "    WHERE status = 'open' AND side = 'buy')"
                    " + (SELECT coalesce(sum(fee), 0) FROM exchange_fills)"
                )
            )
        ).scalar_one()
        ore = (
            await conn.execute(
                text(
                    "SELECT (SELECT coalesce(sum(quantity), 0) FROM inventory_items WHERE item_id = :i)"
                    " + (SELECT coalesce(sum((items->>:i)::bigint), 0) FROM exchange_counters)"
                    " + (SELECT coalesce(sum(remaining), 0) FROM exchange_orders"
                    "    WHERE status = 'open' AND side = 'sell' AND item_id = :i)"
                ),
                {"i": ORE},
            )
        ).scalar_one()
    return int(gold), int(ore)


async def test_a_trade_settles_in_the_database_and_counters_add_up(game: GameApi, db):
    await seed(db, game, range(1, 4), gold=1000, ore=30)
    before = await totals(db)
    await game.place_order(player_id=1, item_id=ORE, side="sell", price=10, quantity=5)
    await game.place_order(player_id=1, item_id=ORE, side="sell", price=11, quantity=5)
    placed = await game.place_order(player_id=2, item_id=ORE, side="buy", price=11, quantity=7)
    assert [(f.price, f.quantity) for f in placed.fills] == [(10, 5), (11, 2)]
    await game.place_order(player_id=3, item_id=ORE, side="buy", price=11, quantity=1)
    # Two fills credited one counter: the gold and the jsonb sum in SQL.
    mine = await game.my_orders(player_id=1)
    assert mine.counter_gold == (50 - 2) + (33 - 1) and [o.remaining for o in mine.orders] == [2]
    assert (await game.collect(player_id=1)).gold == 80
    assert await totals(db) == before
    market = await game.market(player_id=3, item_id=ORE)
    assert (market.best_ask, market.last_price, market.volume_24h) == (11, 11, 8)
    report = await game.economy_report()
    assert report.fees_24h == 3 and [t.quantity for t in report.most_traded] == [8]


async def test_expired_orders_go_back_to_their_owners_counter(game: GameApi, db):
    await seed(db, game, range(1, 2), gold=1000, ore=30)
    await game.place_order(player_id=1, item_id=ORE, side="sell", price=10, quantity=5)
    await game.place_order(player_id=1, item_id=ORE, side="buy", price=3, quantity=4)
    async with db.begin() as conn:
        await conn.execute(text("UPDATE exchange_orders SET expires_at = 0"))
    assert (await game.expire_orders()).expired == 2
    assert (await game.expire_orders()).expired == 0
    mine = await game.my_orders(player_id=1)
    assert mine.orders == [] and mine.counter_gold == 12 and [s.quantity for s in mine.counter_items] == [5]


async def test_a_cancel_racing_a_fill_one_wins(game: GameApi, db):
    await seed(db, game, range(1, 3), gold=1000, ore=30)
    for _ in range(5):
        before = await totals(db)
        resting = await game.place_order(player_id=1, item_id=ORE, side="sell", price=10, quantity=3)
        cancel, fill = await asyncio.gather(
            game.cancel_order(player_id=1, order_id=resting.order.id),
            game.place_order(player_id=2, item_id=ORE, side="buy", price=10, quantity=3),
            return_exceptions=True,
        )
        if isinstance(cancel, OrderClosed):
            assert not isinstance(fill, BaseException) and fill.order.status == "filled"
        else:
            assert not isinstance(cancel, BaseException), cancel
            assert not isinstance(fill, BaseException) and fill.fills == []
            await game.cancel_order(player_id=2, order_id=fill.order.id)
        assert await totals(db) == before


@pytest.mark.slow
async def test_two_hundred_traders_at_once_conserve_every_coin_and_item(game: GameApi, db):
    players = range(1, 201)
    await seed(db, game, players, gold=2000, ore=40)
    before = await totals(db)
    rng = random.Random(7)
    deadline = time.monotonic() + 8.0
    counts = {"placed": 0, "refused": 0, "cancelled": 0}

    async def trader(pid: int) -> None:
        mine: list[int] = []
        while time.monotonic() < deadline:
            roll = rng.random()
            try:
                if roll < 0.7 or not mine:
                    side = "buy" if rng.random() < 0.5 else "sell"
                    placed = await game.place_order(
                        player_id=pid, item_id=ORE, side=side, price=rng.randint(8, 12), quantity=rng.randint(1, 4)
                    )
                    mine.append(placed.order.id)
                    counts["placed"] += 1
                elif roll < 0.9:
                    await game.cancel_order(player_id=pid, order_id=mine.pop(rng.randrange(len(mine))))
                    counts["cancelled"] += 1
                else:
                    await game.collect(player_id=pid)
            except GameError:
                counts["refused"] += 1

    await asyncio.gather(*(trader(pid) for pid in players))
    assert counts["placed"] > 100
    assert await totals(db) == before
    async with db.connect() as conn:
        negative = (await conn.execute(text("SELECT count(*) FROM characters WHERE gold < 0"))).scalar_one()
        # Every unit traded is in exactly one fill: what the buy orders lost equals what the fills record.
        bought = (
            await conn.execute(
                text("SELECT coalesce(sum(quantity - remaining), 0) FROM exchange_orders WHERE side = 'buy'")
            )
        ).scalar_one()
        sold = (
            await conn.execute(
                text("SELECT coalesce(sum(quantity - remaining), 0) FROM exchange_orders WHERE side = 'sell'")
            )
        ).scalar_one()
        filled = (await conn.execute(text("SELECT coalesce(sum(quantity), 0) FROM exchange_fills"))).scalar_one()
    assert negative == 0 and bought == sold == filled


async def test_a_trade_confirmed_twice_at_the_same_moment_swaps_once(game: GameApi, db):
    await seed(db, game, range(1, 3), gold=500, ore=10)
    for _ in range(3):
        offer = await game.propose_trade(player_id=1, partner="trader2")
        v = await game.set_trade_offer(player_id=1, trade_id=offer.id, version=offer.version, gold=40, items={ORE: 2})
        v = await game.set_trade_offer(player_id=2, trade_id=offer.id, version=v.version, gold=5, items={})
        before = await totals(db)
        results = await asyncio.gather(
            *(game.confirm_trade(player_id=p, trade_id=offer.id, version=v.version) for p in (1, 2, 1, 2)),
            return_exceptions=True,
        )
        done = [r for r in results if not isinstance(r, BaseException) and r.status == "done"]
        assert len(done) == 1, results
        assert await totals(db) == before
    assert (await game.get_character(player_id=1)).gold == 500 - 3 * 35
    assert (await game.get_character(player_id=2)).gold == 500 + 3 * 35
