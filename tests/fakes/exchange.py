"""The exchange's storage in memory, with the semantics of `game/adapters/sql_exchange.py`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from game.application.ports.exchange import BountyProgress, BountyStep, TradedItem
from game.domain.daily import Streak
from game.domain.exchange import Fill, Level, Order, Payout, Side, depth, priority
from game.domain.trades import Trade
from tests.fakes.database import Transaction


class FakeExchangeRepository:
    def __init__(self, tx: Transaction) -> None:
        self._tx = tx

    async def lock_book(self, item_id: str) -> None:
        await self._tx.lock("books", item_id)

    async def next_order_id(self) -> int:
        return self._tx.db.next_sequence()

    async def add_order(self, order: Order) -> None:
        if self._tx.row("orders", order.id) is not None:
            raise KeyError(f"order {order.id} exists")
        self._tx.write("orders", order.id, order)

    async def get_order(self, order_id: int, *, for_update: bool = False) -> Order | None:
        if for_update and self._tx.row("orders", order_id) is not None:
            await self._tx.lock("orders", order_id)
        return self._tx.row("orders", order_id)

    async def save_orders(self, orders: Sequence[Order], *, now: float) -> None:
        for order in orders:
            stored = self._tx.row("orders", order.id)
            if stored is not None:
                await self._tx.lock("orders", order.id)
                self._tx.write("orders", order.id, replace(stored, remaining=order.remaining, status=order.status))

    def _open(self) -> list[Order]:
        return [o for o in self._tx.rows("orders").values() if o.status == "open"]

    async def crossing(self, item_id: str, side: Side, price: int) -> list[Order]:
        found = [
            o
            for o in self._open()
            if o.item_id == item_id and o.side == side and (o.price <= price if side == "sell" else o.price >= price)
        ]
        return sorted(found, key=priority)

    async def book(self, item_id: str) -> list[Order]:
        return [o for o in self._open() if o.item_id == item_id]

    async def player_orders(self, player_id: int, *, open_only: bool, limit: int) -> list[Order]:
        mine = [
            o
            for o in self._tx.rows("orders").values()
            if o.player_id == player_id and (o.status == "open" or not open_only)
        ]
        return sorted(mine, key=lambda o: -o.id)[:limit]

    async def count_open(self, player_id: int) -> int:
        return sum(1 for o in self._open() if o.player_id == player_id)

    async def expired(self, now: float, *, limit: int) -> list[Order]:
        return sorted((o for o in self._open() if o.expires_at <= now), key=lambda o: (o.expires_at, o.id))[:limit]

    async def add_fills(self, fills: Sequence[Fill]) -> None:
        for fill in fills:
            self._tx.write("fills", self._tx.db.next_sequence(), fill)

    def _fills(self) -> list[Fill]:
        return [f for _, f in sorted(self._tx.rows("fills").items())]

    async def levels(self, item_id: str, side: Side, *, limit: int) -> list[Level]:
        return depth([o for o in self._open() if o.item_id == item_id], side, levels=limit)

    async def fills(self, item_id: str, *, since: float, limit: int) -> list[Fill]:
        found = sorted((f for f in self._fills() if f.item_id == item_id and f.at >= since), key=lambda f: f.at)
        return found[-limit:]

    async def volume(self, item_id: str, *, since: float) -> tuple[int, int]:
        found = [f for f in self._fills() if f.item_id == item_id and f.at >= since]
        return sum(f.quantity for f in found), sum(f.quantity * f.price for f in found)

    async def last_fill(self, item_id: str) -> Fill | None:
        mine = [f for f in self._fills() if f.item_id == item_id]
        return max(mine, key=lambda f: f.at) if mine else None

    async def player_fills(self, player_id: int, *, limit: int) -> list[Fill]:
        mine = [f for f in self._fills() if player_id in (f.buyer_id, f.seller_id)]
        return list(reversed(mine))[:limit]

    async def credit(self, payouts: dict[int, Payout]) -> None:
        for player_id in sorted(payouts):
            await self._tx.lock("counters", player_id)
            had = self._tx.row("counters", player_id) or Payout()
            self._tx.write("counters", player_id, _clean(had + payouts[player_id]))

    async def counter(self, player_id: int, *, for_update: bool = False) -> Payout:
        if for_update:
            await self._tx.lock("counters", player_id)
        return self._tx.row("counters", player_id) or Payout()

    async def set_counter(self, player_id: int, payout: Payout) -> None:
        await self._tx.lock("counters", player_id)
        self._tx.write("counters", player_id, _clean(payout))

    async def active_items(self, limit: int) -> list[str]:
        counts: dict[str, int] = {}
        for o in self._open():
            counts[o.item_id] = counts.get(o.item_id, 0) + 1
        return sorted(counts, key=lambda i: (-counts[i], i))[:limit]

    async def fees_since(self, since: float) -> int:
        return sum(f.fee for f in self._fills() if f.at >= since)

    async def most_traded(self, since: float, *, limit: int) -> list[TradedItem]:
        totals: dict[str, TradedItem] = {}
        for f in self._fills():
            if f.at >= since:
                t = totals.get(f.item_id, TradedItem(f.item_id, 0, 0))
                totals[f.item_id] = TradedItem(f.item_id, t.quantity + f.quantity, t.gold + f.quantity * f.price)
        return sorted(totals.values(), key=lambda t: (-t.quantity, t.item_id))[:limit]

    async def escrow_totals(self) -> tuple[int, dict[str, int]]:
        gold, items = 0, {}
        for o in self._open():
            if o.side == "buy":
                gold += o.remaining * o.price
            elif o.remaining:
                items[o.item_id] = items.get(o.item_id, 0) + o.remaining
        return gold, items

    async def counter_totals(self) -> tuple[int, dict[str, int]]:
        total = Payout()
        for payout in self._tx.rows("counters").values():
            total = total + payout
        return total.gold, {k: v for k, v in total.items.items() if v}

    async def gold_in_purses(self) -> int:
        return sum(row.character.gold for row in self._tx.rows("characters").values())

    async def streaks_claimed_since(self, since: float) -> list[Streak]:
        return [
            s for s in self._tx.rows("streaks").values() if s.last_claim_at is not None and s.last_claim_at >= since
        ]

    async def get_streak(self, player_id: int, *, for_update: bool = False) -> Streak:
        if for_update and self._tx.row("streaks", player_id) is not None:
            await self._tx.lock("streaks", player_id)
        return self._tx.row("streaks", player_id) or Streak()

    async def save_streak(self, player_id: int, streak: Streak) -> None:
        self._tx.write("streaks", player_id, streak)

    async def bounty_progress(self, player_id: int, periods: Sequence[str]) -> list[BountyProgress]:
        return [
            row
            for (pid, period, _), row in sorted(self._tx.rows("bounties").items())
            if pid == player_id and period in periods
        ]

    async def add_bounty_progress(self, player_id: int, steps: Sequence[BountyStep]) -> None:
        for step in steps:
            key = (player_id, step.period, step.bounty_id)
            await self._tx.lock("bounties", key)
            row = self._tx.row("bounties", key) or BountyProgress(step.period, step.bounty_id, 0, False)
            self._tx.write("bounties", key, replace(row, progress=min(row.progress + step.amount, step.target)))

    async def mark_bounty_paid(self, player_id: int, period: str, bounty_id: str, target: int) -> bool:
        key = (player_id, period, bounty_id)
        row = self._tx.row("bounties", key)
        if row is None:
            return False
        await self._tx.lock("bounties", key)
        row = self._tx.row("bounties", key)
        if row.progress < target or row.paid:
            return False
        self._tx.write("bounties", key, replace(row, paid=True))
        return True

    async def add_trade(self, trade: Trade) -> None:
        self._tx.write("trades", trade.id, trade)

    async def get_trade(self, trade_id: int, *, for_update: bool = False) -> Trade | None:
        if for_update and self._tx.row("trades", trade_id) is not None:
            await self._tx.lock("trades", trade_id)
        return self._tx.row("trades", trade_id)

    async def save_trade(self, trade: Trade) -> None:
        stored = self._tx.row("trades", trade.id)
        if stored is not None:
            await self._tx.lock("trades", trade.id)
            # Its parties and times never change.
            self._tx.write("trades", trade.id, replace(trade, a_id=stored.a_id, b_id=stored.b_id))

    async def player_trades(self, player_id: int, *, open_only: bool, limit: int) -> list[Trade]:
        mine = [
            t for t in self._tx.rows("trades").values() if t.party(player_id) and (t.status == "open" or not open_only)
        ]
        return sorted(mine, key=lambda t: -t.id)[:limit]

    async def add_invitation(self, invitee_id: int, inviter_id: int, *, at: float) -> bool:
        if self._tx.row("invitations", invitee_id) is not None:
            return False
        self._tx.write("invitations", invitee_id, (inviter_id, False))
        return True

    async def inviter_of(self, invitee_id: int) -> int | None:
        row = self._tx.row("invitations", invitee_id)
        return row[0] if row is not None and not row[1] else None

    async def mark_invitation_rewarded(self, invitee_id: int) -> bool:
        await self._tx.lock("invitations", invitee_id)
        row = self._tx.row("invitations", invitee_id)
        if row is None or row[1]:
            return False
        self._tx.write("invitations", invitee_id, (row[0], True))
        return True

    async def invitation_counts(self, inviter_id: int) -> tuple[int, int]:
        mine = [rewarded for inviter, rewarded in self._tx.rows("invitations").values() if inviter == inviter_id]
        return len(mine), sum(1 for r in mine if r)

    async def add_gold_flows(self, day: str, player_id: int, flows: Mapping[str, int]) -> None:
        for source, amount in flows.items():
            if amount:
                key = (day, source)
                self._tx.write("gold_flows", key, (self._tx.row("gold_flows", key) or 0) + amount)

    async def gold_flows(self, day: str) -> dict[str, int]:
        return {source: amount for (d, source), amount in self._tx.rows("gold_flows").items() if d == day}


def _clean(payout: Payout) -> Payout:
    return Payout(gold=payout.gold, items={k: v for k, v in sorted(payout.items.items()) if v})
