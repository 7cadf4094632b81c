"""The exchange's matching engine and escrow: price, then time; the resting order's price; the seller's fee;
and, for any sequence of placing, cancelling and expiring, no coin or item made or lost."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.domain.exchange import (
    MAX_PRICE,
    BadOrder,
    ExchangeRules,
    NotTradable,
    Order,
    OrderClosed,
    Payout,
    TooManyOrders,
    close,
    depth,
    match,
    new_order,
)

RULES = ExchangeRules(fee_percent=5, max_open_orders=10, order_days=7)


def order(oid: int, player: int, side: str, price: int, quantity: int, at: float = 0.0) -> Order:
    return Order(oid, player, "iron_ore", side, price, quantity, quantity, at, at + 100)  # type: ignore[arg-type]


def test_a_buy_takes_the_cheapest_asks_first_then_the_earliest_and_pays_their_price():
    book = [order(1, 10, "sell", 12, 5, at=1), order(2, 11, "sell", 10, 2, at=3), order(3, 12, "sell", 10, 4, at=2)]
    done = match(order(9, 20, "buy", 12, 7, at=5), book, now=5, rules=RULES)
    assert [(f.sell_order_id, f.price, f.quantity) for f in done.fills] == [(3, 10, 4), (2, 10, 2), (1, 12, 1)]
    assert done.order.status == "filled" and done.order.remaining == 0
    assert {o.id: (o.remaining, o.status) for o in done.touched} == {3: (0, "filled"), 2: (0, "filled"), 1: (4, "open")}


def test_the_seller_pays_the_fee_and_a_buyer_below_its_limit_gets_the_difference_back():
    done = match(order(9, 20, "buy", 15, 10, at=5), [order(1, 10, "sell", 10, 10)], now=5, rules=RULES)
    (fill,) = done.fills
    assert (fill.price, fill.quantity, fill.fee) == (10, 10, 5)  # 5% of 100
    assert done.payouts[10] == Payout(gold=95)
    assert done.payouts[20] == Payout(gold=50, items={"iron_ore": 10})  # escrowed 150, paid 100


def test_a_sell_into_bids_trades_at_the_bid_and_rests_what_is_left():
    book = [order(1, 10, "buy", 20, 3), order(2, 11, "buy", 25, 1, at=1), order(3, 12, "buy", 5, 9)]
    done = match(order(9, 20, "sell", 18, 6, at=2), book, now=2, rules=RULES)
    assert [(f.buy_order_id, f.price, f.quantity) for f in done.fills] == [(2, 25, 1), (1, 20, 3)]
    assert (done.order.remaining, done.order.status) == (2, "open")
    assert done.payouts[20].gold == (25 - 1) + (60 - 3)  # fee 1 on 25, 3 on 60


def test_orders_that_do_not_cross_trade_nothing():
    done = match(order(9, 20, "buy", 9, 3), [order(1, 10, "sell", 10, 5)], now=0, rules=RULES)
    assert done.fills == () and done.order.remaining == 3 and not done.payouts


@pytest.mark.parametrize("price", [0, -1, 2.5, True, "10", MAX_PRICE + 1, 2**64])
def test_a_price_that_is_not_a_sensible_whole_number_is_refused(price):
    with pytest.raises(BadOrder):
        new_order(
            order_id=1, player_id=1, item_id="x", side="buy", price=price, quantity=1,
            tradable=True, open_orders=0, now=0, rules=RULES,
        )  # fmt: skip


def test_bound_items_and_too_many_orders_are_refused():
    base = dict(order_id=1, player_id=1, item_id="x", side="sell", price=1, quantity=1, now=0, rules=RULES)
    with pytest.raises(NotTradable):
        new_order(**base, tradable=False, open_orders=0)
    with pytest.raises(TooManyOrders):
        new_order(**base, tradable=True, open_orders=10)


def test_a_closed_order_cannot_be_closed_again_and_depth_sums_levels():
    closed, back = close(order(1, 10, "buy", 7, 3), "cancelled")
    assert back == Payout(gold=21)
    with pytest.raises(OrderClosed):
        close(closed, "expired")
    book = [order(1, 1, "sell", 5, 2), order(2, 2, "sell", 5, 3), order(3, 3, "sell", 4, 1), order(4, 4, "buy", 3, 1)]
    assert [(lv.price, lv.quantity, lv.orders) for lv in depth(book, "sell")] == [(4, 1, 1), (5, 5, 2)]


# --- conservation: a whole market run on the rules alone ----------------------------------------


@dataclass
class Market:
    """Players' purses and bags, the open orders' escrow, counters and fees: what the storage would hold."""

    purses: dict[int, int]
    bags: dict[int, int]  # one item, "iron_ore"
    orders: dict[int, Order] = field(default_factory=dict)
    counters: dict[int, Payout] = field(default_factory=dict)
    fees: int = 0
    fills: list = field(default_factory=list)
    next_id: int = 1

    def totals(self) -> tuple[int, int]:
        escrow = [o.escrow() for o in self.orders.values()]
        gold = sum(self.purses.values()) + sum(c.gold for c in self.counters.values())
        gold += sum(e.gold for e in escrow) + self.fees
        items = sum(self.bags.values()) + sum(c.items.get("iron_ore", 0) for c in self.counters.values())
        items += sum(e.items.get("iron_ore", 0) for e in escrow)
        return gold, items

    def credit(self, player: int, payout: Payout) -> None:
        self.counters[player] = self.counters.get(player, Payout()) + payout

    def place(self, player: int, side: str, price: int, quantity: int, now: float) -> None:
        if side == "buy" and self.purses[player] < price * quantity:
            return
        if side == "sell" and self.bags[player] < quantity:
            return
        incoming = new_order(
            order_id=self.next_id, player_id=player, item_id="iron_ore", side=side, price=price,  # type: ignore[arg-type]
            quantity=quantity, tradable=True, open_orders=0, now=now, rules=RULES,
        )  # fmt: skip
        self.next_id += 1
        if side == "buy":
            self.purses[player] -= price * quantity
        else:
            self.bags[player] -= quantity
        done = match(incoming, [o for o in self.orders.values() if o.status == "open"], now=now, rules=RULES)
        for o in (*done.touched, done.order):
            self.orders[o.id] = o
        for who, payout in done.payouts.items():
            self.credit(who, payout)
        self.fees += sum(f.fee for f in done.fills)
        self.fills.extend(done.fills)

    def close(self, order_id: int, status: str) -> None:
        o = self.orders.get(order_id)
        if o is None or o.status != "open":
            return
        closed, back = close(o, status)  # type: ignore[arg-type]
        self.orders[order_id] = closed
        self.credit(o.player_id, back)


step = st.one_of(
    st.tuples(
        st.just("place"),
        st.integers(1, 4),
        st.sampled_from(["buy", "sell"]),
        st.integers(1, 40),
        st.integers(1, 12),
    ),
    st.tuples(st.sampled_from(["cancel", "expire"]), st.integers(1, 30)),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(step, max_size=60))
def test_gold_and_items_are_conserved_for_any_sequence_of_place_cancel_and_expire(steps):
    market = Market(purses={p: 300 for p in range(1, 5)}, bags={p: 20 for p in range(1, 5)})
    before = market.totals()
    for now, s in enumerate(steps):
        if s[0] == "place":
            market.place(s[1], s[2], s[3], s[4], float(now))
        else:
            market.close(s[1], "cancelled" if s[0] == "cancel" else "expired")
        assert market.totals() == before
        assert all(v >= 0 for v in market.purses.values()) and all(v >= 0 for v in market.bags.values())
        assert all(c.gold >= 0 for c in market.counters.values())
        assert all(0 <= o.remaining <= o.quantity for o in market.orders.values())
    # Every unit traded is one fill's: what the orders lost equals what the fills record.
    traded = sum(o.filled for o in market.orders.values() if o.side == "buy")
    assert (
        traded
        == sum(f.quantity for f in market.fills)
        == sum(o.filled for o in market.orders.values() if o.side == "sell")
    )
    # The book is never left crossed: the best bid is below the best ask.
    bids = depth(list(market.orders.values()), "buy", levels=1)
    asks = depth(list(market.orders.values()), "sell", levels=1)
    if bids and asks:
        assert bids[0].price < asks[0].price


def test_an_order_past_its_time_is_what_the_job_closes():
    placed = new_order(
        order_id=1, player_id=1, item_id="x", side="sell", price=3, quantity=2,
        tradable=True, open_orders=0, now=100.0, rules=RULES,
    )  # fmt: skip
    assert placed.expires_at == 100.0 + 7 * 86400
    closed, back = close(replace(placed, remaining=1), "expired")
    assert closed.status == "expired" and back == Payout(items={"x": 1})
