"""What the exchange and the daily reward keep durably: orders, fills, counters and streaks."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from game.domain.daily import Streak
from game.domain.exchange import Fill, Level, Order, Payout, Side
from game.domain.trades import Trade


@dataclass(frozen=True)
class BountyProgress:
    period: str
    bounty_id: str
    progress: int
    paid: bool


@dataclass(frozen=True)
class BountyStep:
    """`amount` more towards a bounty of a period, never beyond its `target`."""

    period: str
    bounty_id: str
    amount: int
    target: int


@dataclass(frozen=True)
class TradedItem:
    item_id: str
    quantity: int
    gold: int


class ExchangeRepository(Protocol):
    async def lock_book(self, item_id: str) -> None:
        """Serialise matching on one item's book until the transaction ends."""
        ...

    async def next_order_id(self) -> int: ...

    async def add_order(self, order: Order) -> None: ...

    async def get_order(self, order_id: int, *, for_update: bool = False) -> Order | None: ...

    async def save_orders(self, orders: Sequence[Order], *, now: float) -> None:
        """Write the remaining quantity and status of orders already stored."""
        ...

    async def crossing(self, item_id: str, side: Side, price: int) -> list[Order]:
        """Open orders on `side` of the book that an order of the other side at `price` would trade with,
        best first."""
        ...

    async def book(self, item_id: str) -> list[Order]:
        """Every open order of one item."""
        ...

    async def player_orders(self, player_id: int, *, open_only: bool, limit: int) -> list[Order]:
        """A player's orders, newest first."""
        ...

    async def count_open(self, player_id: int) -> int: ...

    async def expired(self, now: float, *, limit: int) -> list[Order]:
        """Open orders whose time ran out, the oldest first."""
        ...

    async def add_fills(self, fills: Sequence[Fill]) -> None: ...

    async def levels(self, item_id: str, side: Side, *, limit: int) -> list[Level]:
        """The best `limit` price levels of one side of an item's book, best first."""
        ...

    async def fills(self, item_id: str, *, since: float, limit: int) -> list[Fill]:
        """One item's latest `limit` fills since `since`, the oldest first."""
        ...

    async def volume(self, item_id: str, *, since: float) -> tuple[int, int]:
        """Units traded and gold paid for them since `since`."""
        ...

    async def last_fill(self, item_id: str) -> Fill | None: ...

    async def player_fills(self, player_id: int, *, limit: int) -> list[Fill]:
        """Fills a player bought or sold in, newest first."""
        ...

    async def credit(self, payouts: dict[int, Payout]) -> None:
        """Add to players' counters (in player order, so concurrent credits lock rows alike)."""
        ...

    async def counter(self, player_id: int, *, for_update: bool = False) -> Payout: ...

    async def set_counter(self, player_id: int, payout: Payout) -> None:
        """Replace what waits on a player's counter (after they collected)."""
        ...

    async def active_items(self, limit: int) -> list[str]:
        """Items with open orders, the busiest first."""
        ...

    async def fees_since(self, since: float) -> int: ...

    async def most_traded(self, since: float, *, limit: int) -> list[TradedItem]: ...

    async def escrow_totals(self) -> tuple[int, dict[str, int]]:
        """Gold held by open buy orders, and items by open sell orders (for the money supply)."""
        ...

    async def counter_totals(self) -> tuple[int, dict[str, int]]: ...

    async def gold_in_purses(self) -> int: ...

    async def streaks_claimed_since(self, since: float) -> list[Streak]: ...

    async def get_streak(self, player_id: int, *, for_update: bool = False) -> Streak: ...

    async def save_streak(self, player_id: int, streak: Streak) -> None: ...

    async def bounty_progress(self, player_id: int, periods: Sequence[str]) -> list[BountyProgress]: ...

    async def add_bounty_progress(self, player_id: int, steps: Sequence[BountyStep]) -> None:
        """Count each step towards its bounty (never beyond its target); a bounty at most once in `steps`."""
        ...

    async def mark_bounty_paid(self, player_id: int, period: str, bounty_id: str, target: int) -> bool:
        """Mark a done bounty paid; False if it is not done or was paid already."""
        ...

    async def add_trade(self, trade: Trade) -> None: ...

    async def get_trade(self, trade_id: int, *, for_update: bool = False) -> Trade | None: ...

    async def save_trade(self, trade: Trade) -> None: ...

    async def player_trades(self, player_id: int, *, open_only: bool, limit: int) -> list[Trade]:
        """Trades a player is part of, newest first."""
        ...

    async def add_invitation(self, invitee_id: int, inviter_id: int, *, at: float) -> bool:
        """Record who invited a player; False if someone already had."""
        ...

    async def inviter_of(self, invitee_id: int) -> int | None:
        """Who invited this player, while the inviter is not rewarded yet (None: nobody, or paid)."""
        ...

    async def mark_invitation_rewarded(self, invitee_id: int) -> bool:
        """False if it was already (the reward is paid once)."""
        ...

    async def invitation_counts(self, inviter_id: int) -> tuple[int, int]:
        """(players who joined by this inviter's link, of them rewarded)."""
        ...

    async def add_gold_flows(self, day: str, player_id: int, flows: Mapping[str, int]) -> None:
        """Add to the day's gold sources (positive) and sinks (negative) by kind; spread over a few rows
        by player so that payouts do not queue behind one row."""
        ...

    async def gold_flows(self, day: str) -> dict[str, int]: ...
