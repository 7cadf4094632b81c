"""The exchange and daily streaks in PostgreSQL."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Integer, Row, bindparam, func, insert, or_, select, text, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncConnection

from game.adapters.orm import (
    bounty_progress,
    characters,
    daily_streaks,
    exchange_counters,
    exchange_fills,
    exchange_order_ids,
    exchange_orders,
    gold_flows,
    invitations,
    trade_offers,
)
from game.application.ports.exchange import BountyProgress, BountyStep, TradedItem
from game.domain.daily import Streak
from game.domain.exchange import Fill, Level, Order, Payout, Side
from game.domain.trades import Offer, Trade

# Upserts built once, run with a list of rows: one statement, compiled once (a statement holding its rows'
# values would be compiled anew at every call).
_GOLD_FLOW = pg_insert(gold_flows)
_ADD_GOLD_FLOW = _GOLD_FLOW.on_conflict_do_update(
    index_elements=["day", "source", "shard"], set_={"amount": gold_flows.c.amount + _GOLD_FLOW.excluded.amount}
)
# A step counts up to its bounty's target; each row brings its own step (`step_amount`, `step_target`).
_COUNT_BOUNTY = pg_insert(bounty_progress).on_conflict_do_update(
    index_elements=["player_id", "period", "bounty_id"],
    set_={
        "progress": func.least(
            bounty_progress.c.progress + bindparam("step_amount", type_=Integer),
            bindparam("step_target", type_=Integer),
        )
    },
)
_OPEN = exchange_orders.c.status == "open"
FLOW_SHARDS = 16


def _order(row: Row[Any]) -> Order:
    return Order(
        id=row.id,
        player_id=row.player_id,
        item_id=row.item_id,
        side=row.side,
        price=row.price,
        quantity=row.quantity,
        remaining=row.remaining,
        placed_at=row.placed_at,
        expires_at=row.expires_at,
        status=row.status,
    )


def _fill(row: Row[Any]) -> Fill:
    return Fill(
        item_id=row.item_id,
        buy_order_id=row.buy_order_id,
        sell_order_id=row.sell_order_id,
        buyer_id=row.buyer_id,
        seller_id=row.seller_id,
        price=row.price,
        quantity=row.quantity,
        fee=row.fee,
        at=row.at,
        taker=row.taker,
    )


def _trade(row: Row[Any]) -> Trade:
    m = row._mapping
    return Trade(
        id=m["id"],
        a_id=m["a_id"],
        b_id=m["b_id"],
        a=Offer(gold=m["a_gold"], items={k: int(v) for k, v in m["a_items"].items()}),
        b=Offer(gold=m["b_gold"], items={k: int(v) for k, v in m["b_items"].items()}),
        version=m["version"],
        a_ok=m["a_ok"],
        b_ok=m["b_ok"],
        status=m["status"],
        created_at=m["created_at"],
        expires_at=m["expires_at"],
    )


def _trade_values(trade: Trade) -> dict[str, object]:
    return {
        "a_gold": trade.a.gold,
        "a_items": dict(trade.a.items),
        "b_gold": trade.b.gold,
        "b_items": dict(trade.b.items),
        "version": trade.version,
        "a_ok": trade.a_ok,
        "b_ok": trade.b_ok,
        "status": trade.status,
    }


class SqlExchangeRepository:
    def __init__(self, conn: AsyncConnection) -> None:
        self._conn = conn

    async def lock_book(self, item_id: str) -> None:
        # A transaction-scoped advisory lock per item: held until COMMIT or ROLLBACK.
        await self._conn.execute(
            text("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))"), {"key": f"book:{item_id}"}
        )

    async def next_order_id(self) -> int:
        return int((await self._conn.execute(select(exchange_order_ids.next_value()))).scalar_one())

    async def add_order(self, order: Order) -> None:
        await self._conn.execute(
            insert(exchange_orders).values(
                id=order.id,
                player_id=order.player_id,
                item_id=order.item_id,
                side=order.side,
                price=order.price,
                quantity=order.quantity,
                remaining=order.remaining,
                status=order.status,
                placed_at=order.placed_at,
                expires_at=order.expires_at,
                closed_at=None if order.status == "open" else order.placed_at,
            )
        )

    async def get_order(self, order_id: int, *, for_update: bool = False) -> Order | None:
        query = select(exchange_orders).where(exchange_orders.c.id == order_id)
        if for_update:
            query = query.with_for_update()
        row = (await self._conn.execute(query)).first()
        return _order(row) if row else None

    async def save_orders(self, orders: Sequence[Order], *, now: float) -> None:
        for order in orders:
            await self._conn.execute(
                update(exchange_orders)
                .where(exchange_orders.c.id == order.id)
                .values(
                    remaining=order.remaining,
                    status=order.status,
                    closed_at=None if order.status == "open" else now,
                )
            )

    async def crossing(self, item_id: str, side: Side, price: int) -> list[Order]:
        o = exchange_orders.c
        if side == "sell":
            query = select(exchange_orders).where(o.price <= price).order_by(o.price, o.placed_at, o.id)
        else:
            query = select(exchange_orders).where(o.price >= price).order_by(o.price.desc(), o.placed_at, o.id)
        query = query.where(_OPEN, o.item_id == item_id, o.side == side)
        return [_order(r) for r in await self._conn.execute(query)]

    async def book(self, item_id: str) -> list[Order]:
        query = select(exchange_orders).where(_OPEN, exchange_orders.c.item_id == item_id)
        return [_order(r) for r in await self._conn.execute(query)]

    async def player_orders(self, player_id: int, *, open_only: bool, limit: int) -> list[Order]:
        query = select(exchange_orders).where(exchange_orders.c.player_id == player_id)
        if open_only:
            query = query.where(_OPEN)
        query = query.order_by(exchange_orders.c.id.desc()).limit(limit)
        return [_order(r) for r in await self._conn.execute(query)]

    async def count_open(self, player_id: int) -> int:
        query = select(func.count()).where(exchange_orders.c.player_id == player_id, _OPEN)
        return int((await self._conn.execute(query)).scalar_one())

    async def expired(self, now: float, *, limit: int) -> list[Order]:
        query = (
            select(exchange_orders)
            .where(_OPEN, exchange_orders.c.expires_at <= now)
            .order_by(exchange_orders.c.expires_at, exchange_orders.c.id)
            .limit(limit)
        )
        return [_order(r) for r in await self._conn.execute(query)]

    async def add_fills(self, fills: Sequence[Fill]) -> None:
        if not fills:
            return
        await self._conn.execute(
            insert(exchange_fills),
            [
                {
                    "item_id": f.item_id,
                    "buy_order_id": f.buy_order_id,
                    "sell_order_id": f.sell_order_id,
                    "buyer_id": f.buyer_id,
                    "seller_id": f.seller_id,
                    "price": f.price,
                    "quantity": f.quantity,
                    "fee": f.fee,
                    "taker": f.taker,
                    "at": f.at,
                }
                for f in fills
            ],
        )

    async def levels(self, item_id: str, side: Side, *, limit: int) -> list[Level]:
        o = exchange_orders.c
        best = o.price.desc() if side == "buy" else o.price
        query = (
            select(o.price, func.sum(o.remaining), func.count())
            .where(_OPEN, o.item_id == item_id, o.side == side, o.remaining > 0)
            .group_by(o.price)
            .order_by(best)
            .limit(limit)
        )
        return [Level(int(r[0]), int(r[1]), int(r[2])) for r in await self._conn.execute(query)]

    async def fills(self, item_id: str, *, since: float, limit: int) -> list[Fill]:
        f = exchange_fills.c
        query = (
            select(exchange_fills)
            .where(f.item_id == item_id, f.at >= since)
            .order_by(f.at.desc(), f.id.desc())
            .limit(limit)
        )
        return [_fill(r) for r in reversed((await self._conn.execute(query)).all())]

    async def volume(self, item_id: str, *, since: float) -> tuple[int, int]:
        f = exchange_fills.c
        query = select(func.coalesce(func.sum(f.quantity), 0), func.coalesce(func.sum(f.quantity * f.price), 0)).where(
            f.item_id == item_id, f.at >= since
        )
        quantity, gold = (await self._conn.execute(query)).one()
        return int(quantity), int(gold)

    async def last_fill(self, item_id: str) -> Fill | None:
        f = exchange_fills.c
        query = select(exchange_fills).where(f.item_id == item_id).order_by(f.at.desc(), f.id.desc()).limit(1)
        row = (await self._conn.execute(query)).first()
        return _fill(row) if row else None

    async def player_fills(self, player_id: int, *, limit: int) -> list[Fill]:
        f = exchange_fills.c
        query = (
            select(exchange_fills)
            .where(or_(f.buyer_id == player_id, f.seller_id == player_id))
            .order_by(f.id.desc())
            .limit(limit)
        )
        return [_fill(r) for r in await self._conn.execute(query)]

    async def credit(self, payouts: dict[int, Payout]) -> None:
        for player_id in sorted(payouts):
            payout = payouts[player_id]
            items = {k: v for k, v in payout.items.items() if v}
            stmt = pg_insert(exchange_counters).values(player_id=player_id, gold=payout.gold, items=items)
            c = exchange_counters.c
            # jsonb has no "add the numbers" merge: sum key by key over both objects.
            merged = text(
                "(SELECT coalesce(jsonb_object_agg(k, s), '{}'::jsonb) FROM ("
                " SELECT k, sum(v::bigint) AS s FROM ("
                "  SELECT key AS k, value AS v FROM jsonb_each_text(exchange_counters.items)"
                "  UNION ALL SELECT key, value FROM jsonb_each_text(excluded.items)) AS both_"
                " GROUP BY k) AS sums)"
            )
            await self._conn.execute(
                stmt.on_conflict_do_update(
                    index_elements=["player_id"], set_={"gold": c.gold + stmt.excluded.gold, "items": merged}
                )
            )

    async def counter(self, player_id: int, *, for_update: bool = False) -> Payout:
        query = select(exchange_counters).where(exchange_counters.c.player_id == player_id)
        if for_update:
            query = query.with_for_update()
        row = (await self._conn.execute(query)).first()
        if row is None:
            return Payout()
        return Payout(gold=row.gold, items={k: int(v) for k, v in row._mapping["items"].items() if int(v)})

    async def set_counter(self, player_id: int, payout: Payout) -> None:
        items = {k: v for k, v in payout.items.items() if v}
        stmt = pg_insert(exchange_counters).values(player_id=player_id, gold=payout.gold, items=items)
        await self._conn.execute(
            stmt.on_conflict_do_update(
                index_elements=["player_id"], set_={"gold": stmt.excluded.gold, "items": stmt.excluded["items"]}
            )
        )

    async def active_items(self, limit: int) -> list[str]:
        o = exchange_orders.c
        query = select(o.item_id).where(_OPEN).group_by(o.item_id).order_by(func.count().desc(), o.item_id).limit(limit)
        return list((await self._conn.execute(query)).scalars())

    async def fees_since(self, since: float) -> int:
        query = select(func.coalesce(func.sum(exchange_fills.c.fee), 0)).where(exchange_fills.c.at >= since)
        return int((await self._conn.execute(query)).scalar_one())

    async def most_traded(self, since: float, *, limit: int) -> list[TradedItem]:
        f = exchange_fills.c
        quantity = func.sum(f.quantity)
        query = (
            select(f.item_id, quantity, func.sum(f.quantity * f.price))
            .where(f.at >= since)
            .group_by(f.item_id)
            .order_by(quantity.desc(), f.item_id)
            .limit(limit)
        )
        return [TradedItem(r[0], int(r[1]), int(r[2])) for r in await self._conn.execute(query)]

    async def escrow_totals(self) -> tuple[int, dict[str, int]]:
        o = exchange_orders.c
        gold = select(func.coalesce(func.sum(o.remaining * o.price), 0)).where(_OPEN, o.side == "buy")
        items = select(o.item_id, func.sum(o.remaining)).where(_OPEN, o.side == "sell").group_by(o.item_id)
        held = {r[0]: int(r[1]) for r in await self._conn.execute(items) if r[1]}
        return int((await self._conn.execute(gold)).scalar_one()), held

    async def counter_totals(self) -> tuple[int, dict[str, int]]:
        gold = int(
            (await self._conn.execute(select(func.coalesce(func.sum(exchange_counters.c.gold), 0)))).scalar_one()
        )
        items: dict[str, int] = {}
        for (raw,) in await self._conn.execute(select(exchange_counters.c["items"])):
            for k, v in raw.items():
                if int(v):
                    items[k] = items.get(k, 0) + int(v)
        return gold, items

    async def gold_in_purses(self) -> int:
        return int((await self._conn.execute(select(func.coalesce(func.sum(characters.c.gold), 0)))).scalar_one())

    async def streaks_claimed_since(self, since: float) -> list[Streak]:
        s = daily_streaks.c
        query = select(s.days, s.last_claim_at).where(s.last_claim_at >= since)
        return [Streak(days=r.days, last_claim_at=r.last_claim_at) for r in await self._conn.execute(query)]

    async def get_streak(self, player_id: int, *, for_update: bool = False) -> Streak:
        query = select(daily_streaks).where(daily_streaks.c.player_id == player_id)
        if for_update:
            query = query.with_for_update()
        row = (await self._conn.execute(query)).first()
        return Streak(days=row.days, last_claim_at=row.last_claim_at) if row else Streak()

    async def save_streak(self, player_id: int, streak: Streak) -> None:
        assert streak.last_claim_at is not None
        stmt = pg_insert(daily_streaks).values(
            player_id=player_id, days=streak.days, last_claim_at=streak.last_claim_at
        )
        await self._conn.execute(
            stmt.on_conflict_do_update(
                index_elements=["player_id"],
                set_={"days": stmt.excluded.days, "last_claim_at": stmt.excluded.last_claim_at},
            )
        )

    async def bounty_progress(self, player_id: int, periods: Sequence[str]) -> list[BountyProgress]:
        b = bounty_progress.c
        query = select(bounty_progress).where(b.player_id == player_id, b.period.in_(list(periods)))
        return [BountyProgress(r.period, r.bounty_id, r.progress, r.paid) for r in await self._conn.execute(query)]

    async def add_bounty_progress(self, player_id: int, steps: Sequence[BountyStep]) -> None:
        # One statement for all of them (a won fight counts towards the day's bounty and the week's).
        if not steps:
            return
        if len({s.bounty_id for s in steps}) != len(steps):
            raise ValueError("a bounty counted twice in one call")
        rows = [
            {
                "player_id": player_id,
                "period": s.period,
                "bounty_id": s.bounty_id,
                "progress": min(s.amount, s.target),
                "step_amount": s.amount,
                "step_target": s.target,
            }
            for s in steps
        ]
        await self._conn.execute(_COUNT_BOUNTY, rows)

    async def mark_bounty_paid(self, player_id: int, period: str, bounty_id: str, target: int) -> bool:
        b = bounty_progress.c
        stmt = (
            update(bounty_progress)
            .where(b.player_id == player_id, b.period == period, b.bounty_id == bounty_id)
            .where(b.progress >= target, b.paid.is_(False))
            .values(paid=True)
            .returning(b.player_id)
        )
        return (await self._conn.execute(stmt)).first() is not None

    async def add_trade(self, trade: Trade) -> None:
        await self._conn.execute(
            insert(trade_offers).values(
                id=trade.id,
                a_id=trade.a_id,
                b_id=trade.b_id,
                created_at=trade.created_at,
                expires_at=trade.expires_at,
                **_trade_values(trade),
            )
        )

    async def get_trade(self, trade_id: int, *, for_update: bool = False) -> Trade | None:
        query = select(trade_offers).where(trade_offers.c.id == trade_id)
        if for_update:
            query = query.with_for_update()
        row = (await self._conn.execute(query)).first()
        return _trade(row) if row else None

    async def save_trade(self, trade: Trade) -> None:
        await self._conn.execute(
            update(trade_offers).where(trade_offers.c.id == trade.id).values(**_trade_values(trade))
        )

    async def player_trades(self, player_id: int, *, open_only: bool, limit: int) -> list[Trade]:
        c = trade_offers.c
        query = select(trade_offers).where(or_(c.a_id == player_id, c.b_id == player_id))
        if open_only:
            query = query.where(c.status == "open")
        query = query.order_by(c.id.desc()).limit(limit)
        return [_trade(r) for r in await self._conn.execute(query)]

    async def add_invitation(self, invitee_id: int, inviter_id: int, *, at: float) -> bool:
        stmt = (
            pg_insert(invitations)
            .values(invitee_id=invitee_id, inviter_id=inviter_id, at=at)
            .on_conflict_do_nothing()
            .returning(invitations.c.invitee_id)
        )
        return (await self._conn.execute(stmt)).first() is not None

    async def inviter_of(self, invitee_id: int) -> int | None:
        c = invitations.c
        query = select(c.inviter_id).where(c.invitee_id == invitee_id, c.rewarded.is_(False))
        return (await self._conn.execute(query)).scalar_one_or_none()

    async def mark_invitation_rewarded(self, invitee_id: int) -> bool:
        c = invitations.c
        stmt = (
            update(invitations)
            .where(c.invitee_id == invitee_id, c.rewarded.is_(False))
            .values(rewarded=True)
            .returning(c.invitee_id)
        )
        return (await self._conn.execute(stmt)).first() is not None

    async def invitation_counts(self, inviter_id: int) -> tuple[int, int]:
        c = invitations.c
        query = select(func.count(), func.count().filter(c.rewarded)).where(c.inviter_id == inviter_id)
        joined, rewarded = (await self._conn.execute(query)).one()
        return int(joined), int(rewarded)

    async def add_gold_flows(self, day: str, player_id: int, flows: Mapping[str, int]) -> None:
        rows = [
            {"day": day, "source": source, "shard": player_id % FLOW_SHARDS, "amount": amount}
            for source, amount in sorted(flows.items())
            if amount
        ]
        if not rows:
            return
        await self._conn.execute(_ADD_GOLD_FLOW, rows)

    async def gold_flows(self, day: str) -> dict[str, int]:
        c = gold_flows.c
        query = select(c.source, func.sum(c.amount)).where(c.day == day).group_by(c.source)
        return {r[0]: int(r[1]) for r in await self._conn.execute(query)}
