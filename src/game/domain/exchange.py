"""The exchange's rules: limit orders with escrow, matched by price then time.

Pure: orders and fills are plain data; the caller passes the clock's time and stores what comes out.

Escrow. Placing an order takes what it could cost at once: a buy order the gold for its whole quantity at
its limit price, a sell order the items. A fill pays from escrow: the buyer gets the items (and, if the
trade happened below its limit, the difference back), the seller gets the price less the fee. Whatever is
left when an order is cancelled or expires goes back to its owner. What the exchange pays out waits on the
player's counter (gold and items), which they collect into their purse and bag; so a trade never needs the
other side's bag to have room, nor the other side to be there.

Conservation: for any sequence of placing, cancelling, expiring and filling,
gold (purses + counters + escrow of open buy orders + fees) and items (bags + counters + escrow of open
sell orders) stay what they were.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from game.domain.errors import RuleViolation

Side = Literal["buy", "sell"]
OrderStatus = Literal["open", "filled", "cancelled", "expired"]

# Numbers a player may type: anything beyond is refused before it reaches storage (BIGINT) or arithmetic.
MAX_PRICE = 1_000_000_000
MAX_QUANTITY = 10_000


class BadOrder(RuleViolation):
    """A price or quantity the exchange does not take (0, negative, fractional, too large)."""

    code = "bad_order"


class NotTradable(RuleViolation):
    """Bound items (rewards that belong to who earned them) are not traded."""

    code = "not_tradable"


class TooManyOrders(RuleViolation):
    code = "too_many_orders"


class NotYourOrder(RuleViolation):
    """Someone else's order, or none with that id."""

    code = "not_your_order"


class OrderClosed(RuleViolation):
    """The order already filled, was cancelled or expired."""

    code = "order_closed"


@dataclass(frozen=True)
class ExchangeRules:
    fee_percent: int = 5  # of the seller's proceeds: the economy's main gold sink
    max_open_orders: int = 10  # per player
    order_days: float = 7.0  # an order expires this long after it was placed

    def fee(self, proceeds: int) -> int:
        """The fee on a trade worth `proceeds`, rounded down (so a 1-gold trade is free, never negative)."""
        return proceeds * self.fee_percent // 100


@dataclass(frozen=True)
class Order:
    id: int
    player_id: int
    item_id: str
    side: Side
    price: int  # per unit: the limit
    quantity: int  # as placed
    remaining: int
    placed_at: float
    expires_at: float
    status: OrderStatus = "open"

    @property
    def filled(self) -> int:
        return self.quantity - self.remaining

    def escrow(self) -> Payout:
        """What this order still holds in escrow, as the payout that would return it."""
        if self.status != "open" or self.remaining == 0:
            return Payout()
        if self.side == "buy":
            return Payout(gold=self.remaining * self.price)
        return Payout(items={self.item_id: self.remaining})


@dataclass(frozen=True)
class Fill:
    item_id: str
    buy_order_id: int
    sell_order_id: int
    buyer_id: int
    seller_id: int
    price: int  # per unit: the resting order's
    quantity: int
    fee: int  # taken from the seller
    at: float
    taker: Side  # the side of the order that arrived and crossed the book


@dataclass(frozen=True)
class Payout:
    """Gold and items owed to a player (onto their counter)."""

    gold: int = 0
    items: Mapping[str, int] = field(default_factory=dict)

    def __add__(self, other: Payout) -> Payout:
        items = dict(self.items)
        for item_id, quantity in other.items.items():
            items[item_id] = items.get(item_id, 0) + quantity
        return Payout(gold=self.gold + other.gold, items=items)

    @property
    def empty(self) -> bool:
        return self.gold == 0 and not any(self.items.values())


@dataclass(frozen=True)
class Matched:
    order: Order  # the incoming order after matching (open with what is left, or filled)
    touched: tuple[Order, ...]  # resting orders that traded, as they are after it
    fills: tuple[Fill, ...]
    payouts: Mapping[int, Payout]  # by player: what the fills pay out of escrow


def check_number(name: str, value: object, limit: int) -> int:
    """A whole number from 1 to `limit` (bool, fractions, text and huge numbers refused)."""
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= limit:
        raise BadOrder(f"{name} must be a whole number from 1 to {limit}", field=name, limit=limit)
    return value


def new_order(
    *,
    order_id: int,
    player_id: int,
    item_id: str,
    side: Side,
    price: object,
    quantity: object,
    tradable: bool,
    open_orders: int,
    now: float,
    rules: ExchangeRules,
) -> Order:
    """An order as it is placed, once the rules allow it (the caller takes its escrow)."""
    checked_price = check_number("price", price, MAX_PRICE)
    checked_quantity = check_number("quantity", quantity, MAX_QUANTITY)
    if not tradable:
        raise NotTradable("that item is bound to its owner", item=item_id)
    if open_orders >= rules.max_open_orders:
        raise TooManyOrders("too many open orders", limit=rules.max_open_orders)
    return Order(
        id=order_id,
        player_id=player_id,
        item_id=item_id,
        side=side,
        price=checked_price,
        quantity=checked_quantity,
        remaining=checked_quantity,
        placed_at=now,
        expires_at=now + rules.order_days * 86400,
    )


def crosses(incoming: Order, resting: Order) -> bool:
    if incoming.side == "buy":
        return resting.side == "sell" and resting.price <= incoming.price
    return resting.side == "buy" and resting.price >= incoming.price


def priority(order: Order) -> tuple[int, float, int]:
    """The book's order on one side: best price first (lowest ask, highest bid), then the earliest."""
    return (order.price if order.side == "sell" else -order.price, order.placed_at, order.id)


def match(incoming: Order, book: Iterable[Order], *, now: float, rules: ExchangeRules) -> Matched:
    """Cross `incoming` with the resting orders of `book` (any order: they are sorted here) by price,
    then time; each trade at the resting order's price, partial fills allowed."""
    order = incoming
    touched: list[Order] = []
    fills: list[Fill] = []
    payouts: dict[int, Payout] = {}

    def pay(player_id: int, payout: Payout) -> None:
        payouts[player_id] = payouts.get(player_id, Payout()) + payout

    candidates = sorted(
        (
            o
            for o in book
            if o.side != incoming.side and o.status == "open" and o.remaining > 0 and o.item_id == incoming.item_id
        ),
        key=priority,
    )
    for resting in candidates:
        if order.remaining == 0 or not crosses(order, resting):
            break
        quantity = min(order.remaining, resting.remaining)
        price = resting.price
        buy, sell = (order, resting) if order.side == "buy" else (resting, order)
        proceeds = price * quantity
        fee = rules.fee(proceeds)
        fills.append(
            Fill(
                item_id=order.item_id,
                buy_order_id=buy.id,
                sell_order_id=sell.id,
                buyer_id=buy.player_id,
                seller_id=sell.player_id,
                price=price,
                quantity=quantity,
                fee=fee,
                at=now,
                taker=order.side,
            )
        )
        # The buyer escrowed its own limit per unit; a trade below it gives the difference back.
        pay(buy.player_id, Payout(gold=(buy.price - price) * quantity, items={order.item_id: quantity}))
        pay(sell.player_id, Payout(gold=proceeds - fee))
        order = _take(order, quantity)
        touched.append(_take(resting, quantity))
    return Matched(order=order, touched=tuple(touched), fills=tuple(fills), payouts=payouts)


def _take(order: Order, quantity: int) -> Order:
    remaining = order.remaining - quantity
    return replace(order, remaining=remaining, status="filled" if remaining == 0 else order.status)


def close(order: Order, status: OrderStatus) -> tuple[Order, Payout]:
    """Cancel or expire an open order: it closes and its escrow goes back to its owner."""
    if order.status != "open":
        raise OrderClosed("that order is no longer open", order_id=order.id, status=order.status)
    return replace(order, status=status), order.escrow()


@dataclass(frozen=True)
class Level:
    price: int
    quantity: int
    orders: int


def depth(orders: Sequence[Order], side: Side, *, levels: int = 5) -> list[Level]:
    """The best `levels` price levels of one side of a book, best first."""
    by_price: dict[int, Level] = {}
    for o in orders:
        if o.side == side and o.status == "open" and o.remaining > 0:
            seen = by_price.get(o.price, Level(o.price, 0, 0))
            by_price[o.price] = Level(o.price, seen.quantity + o.remaining, seen.orders + 1)
    return sorted(by_price.values(), key=lambda lv: lv.price, reverse=side == "buy")[:levels]
