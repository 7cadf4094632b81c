"""The exchange as players use it: escrow taken at once, trades at the resting price, the seller's fee,
cancel and expiry giving back what is left, counters collected — and bad input changing nothing."""

from __future__ import annotations

import asyncio

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.api import NotEnoughGold, NotEnoughItems, NotOwned, NotRegistered, UnknownEntry
from game.api.economy import BadOrder, NotTradable, NotYourOrder, OrderClosed, TooManyOrders
from shared.events import OrderFilled
from tests.fakes.game import FakeGame, build_game

ORE = "iron_ore"


async def trader(game: FakeGame, pid: int, *, gold: int = 1000, ore: int = 20) -> None:
    await game.register(pid)
    await game.edit(pid, gold=gold, items={ORE: ore})


async def money(game: FakeGame) -> tuple[int, int]:
    """Gold and ore everywhere: purses, bags, escrow, counters, and the fees taken."""
    async with game.uow_factory(read_only=True) as uow:
        purses = await uow.exchange.gold_in_purses()
        escrow_gold, escrow_items = await uow.exchange.escrow_totals()
        counter_gold, counter_items = await uow.exchange.counter_totals()
        fees = await uow.exchange.fees_since(0)
    bags = 0
    for pid in game.uow_factory.db.tables["characters"]:
        bags += (await game.bag(pid)).get(ORE, 0)
    return purses + escrow_gold + counter_gold + fees, bags + escrow_items.get(ORE, 0) + counter_items.get(ORE, 0)


async def test_placing_takes_escrow_at_once_and_a_crossing_order_trades_at_the_resting_price(game):
    await trader(game, 1)
    await trader(game, 2)
    sold = await game.exchange.place_order(player_id=1, item_id=ORE, side="sell", price=10, quantity=5)
    assert sold.fills == [] and sold.order.status == "open"
    assert (await game.bag(1))[ORE] == 15  # five in escrow
    assert sold.market.best_ask == 10 and sold.market.asks[0].quantity == 5

    bought = await game.exchange.place_order(player_id=2, item_id=ORE, side="buy", price=12, quantity=3)
    assert [(f.side, f.price, f.quantity) for f in bought.fills] == [("buy", 10, 3)]
    assert bought.order.status == "filled"
    # The buyer paid 30, not 36: the difference came back; the ore is in the bag.
    assert await game.gold(2) == 1000 - 30 and (await game.bag(2))[ORE] == 23
    # The seller's proceeds, less 5% (1 gold on 30), wait on the counter; the seller is told.
    mine = await game.exchange.my_orders(player_id=1)
    assert mine.counter_gold == 29 and [o.remaining for o in mine.orders] == [2]
    told = [e for e in game.events.of_type(OrderFilled) if not e.taker]
    assert [(e.player_id, e.quantity, e.price, e.remaining, e.fee) for e in told] == [(1, 3, 10, 2, 1)]
    collected = await game.exchange.collect(player_id=1)
    assert collected.gold == 29 and await game.gold(1) == 1029
    market = await game.exchange.market(player_id=2, item_id=ORE)
    assert market.last_price == 10 and market.volume_24h == 3 and market.turnover_24h == 30
    assert [(p.price, p.quantity) for p in market.history] == [(10, 3)]
    trades = await game.exchange.my_trades(player_id=1)
    assert [(t.side, t.quantity, t.fee) for t in trades] == [("sell", 3, 1)]


async def test_cancel_returns_what_is_left_and_a_second_cancel_is_refused(game):
    await trader(game, 1)
    placed = await game.exchange.place_order(player_id=1, item_id=ORE, side="buy", price=7, quantity=4)
    assert await game.gold(1) == 1000 - 28
    after = await game.exchange.cancel_order(player_id=1, order_id=placed.order.id)
    assert after.orders == [] and await game.gold(1) == 1000
    with pytest.raises(OrderClosed):
        await game.exchange.cancel_order(player_id=1, order_id=placed.order.id)
    assert await game.gold(1) == 1000


async def test_another_players_order_cannot_be_cancelled(game):
    await trader(game, 1)
    await trader(game, 2)
    placed = await game.exchange.place_order(player_id=1, item_id=ORE, side="sell", price=7, quantity=4)
    for order_id in (placed.order.id, 999_999):
        with pytest.raises(NotYourOrder):
            await game.exchange.cancel_order(player_id=2, order_id=order_id)
    assert (await game.exchange.my_orders(player_id=1)).orders[0].remaining == 4


async def test_expired_orders_return_their_escrow_once(game):
    await trader(game, 1)
    await game.exchange.place_order(player_id=1, item_id=ORE, side="sell", price=9, quantity=6)
    assert (await game.exchange.expire_orders()).expired == 0
    game.clock.advance(7 * 86400 + 1)
    assert (await game.exchange.expire_orders()).expired == 1
    assert (await game.exchange.expire_orders()).expired == 0
    mine = await game.exchange.my_orders(player_id=1)
    assert mine.orders == [] and [(s.item.id, s.quantity) for s in mine.counter_items] == [(ORE, 6)]
    await game.exchange.collect(player_id=1)
    assert (await game.bag(1))[ORE] == 20


@pytest.mark.parametrize(
    ("price", "quantity"), [(0, 1), (-5, 1), (1, 0), (1, -1), (2.5, 1), (1, 1.5), (2**63, 1), (1, 2**64), (10**30, 1)]
)
async def test_nonsense_numbers_are_refused_and_change_nothing(game, price, quantity):
    await trader(game, 1)
    before = await game.record(1)
    with pytest.raises(BadOrder):
        await game.exchange.place_order(player_id=1, item_id=ORE, side="buy", price=price, quantity=quantity)
    assert await game.record(1) == before


async def test_refusals_name_their_reason_and_change_nothing(game):
    await trader(game, 1, gold=50, ore=3)
    await game.edit(1, items={"riftcaller": 1})
    before = await game.record(1)
    with pytest.raises(NotEnoughGold):
        await game.exchange.place_order(player_id=1, item_id=ORE, side="buy", price=10, quantity=6)
    with pytest.raises(NotEnoughItems):
        await game.exchange.place_order(player_id=1, item_id=ORE, side="sell", price=10, quantity=4)
    with pytest.raises(NotOwned):
        await game.exchange.place_order(player_id=1, item_id="copper_ore", side="sell", price=10, quantity=1)
    with pytest.raises(NotTradable):
        await game.exchange.place_order(player_id=1, item_id="riftcaller", side="sell", price=10, quantity=1)
    with pytest.raises(UnknownEntry):
        await game.exchange.place_order(player_id=1, item_id="no_such_thing", side="buy", price=1, quantity=1)
    with pytest.raises(BadOrder):
        await game.exchange.place_order(player_id=1, item_id=ORE, side="lend", price=1, quantity=1)
    with pytest.raises(NotRegistered):
        await game.exchange.place_order(player_id=77, item_id=ORE, side="buy", price=1, quantity=1)
    assert await game.record(1) == before


async def test_an_order_that_would_trade_with_your_own_is_refused(game):
    await trader(game, 1)
    await game.exchange.place_order(player_id=1, item_id=ORE, side="sell", price=10, quantity=2)
    with pytest.raises(BadOrder) as refused:
        await game.exchange.place_order(player_id=1, item_id=ORE, side="buy", price=11, quantity=1)
    assert refused.value.details["field"] == "own"


async def test_open_orders_are_capped(game):
    await trader(game, 1, gold=10_000)
    for price in range(1, 11):
        await game.exchange.place_order(player_id=1, item_id=ORE, side="buy", price=price, quantity=1)
    with pytest.raises(TooManyOrders):
        await game.exchange.place_order(player_id=1, item_id=ORE, side="buy", price=1, quantity=1)


async def test_bought_items_that_do_not_fit_wait_on_the_counter(game):
    await trader(game, 1)
    await trader(game, 2, ore=50)  # one whole stack
    await game.exchange.place_order(player_id=1, item_id=ORE, side="sell", price=1, quantity=20)
    record = await game.record(2)
    # Fill the buyer's bag with something else, leaving no room at all.
    free = record.inventory.free_slots(game.content.items)
    await game.edit(2, items={"wolf_pelt": 50 * free})
    placed = await game.exchange.place_order(player_id=2, item_id=ORE, side="buy", price=1, quantity=20)
    assert sum(f.quantity for f in placed.fills) == 20
    mine = await game.exchange.my_orders(player_id=2)
    assert [(s.item.id, s.quantity) for s in mine.counter_items] == [(ORE, 20)]
    assert (await money(game))[1] == 70
    # Room made, the next collect takes them.
    await game.edit(2, items={"wolf_pelt": 0})
    collected = await game.exchange.collect(player_id=2)
    assert [(s.item.id, s.quantity) for s in collected.items] == [(ORE, 20)] and collected.left_items == []


async def test_the_economy_report_counts_the_money_supply_and_the_fees(game):
    await trader(game, 1)
    await trader(game, 2)
    await game.exchange.place_order(player_id=1, item_id=ORE, side="sell", price=100, quantity=2)
    await game.exchange.place_order(player_id=2, item_id=ORE, side="buy", price=100, quantity=1)
    await game.exchange.place_order(player_id=2, item_id=ORE, side="buy", price=50, quantity=1)
    report = await game.exchange.economy_report()
    assert report.fees_24h == 5 and report.escrow_gold == 50 and report.counter_gold == 95
    assert report.money_supply == 2000 - 5
    assert [(t.item.id, t.quantity, t.gold) for t in report.most_traded] == [(ORE, 1, 100)]


# --- conservation through the use case, with concurrent traders --------------------------------

action = st.one_of(
    st.tuples(
        st.just("place"), st.integers(1, 4), st.sampled_from(["buy", "sell"]), st.integers(1, 30), st.integers(1, 8)
    ),
    st.tuples(st.just("cancel"), st.integers(1, 4), st.integers(0, 40)),
    st.tuples(st.just("collect"), st.integers(1, 4)),
    st.tuples(st.just("expire"), st.integers(0, 3)),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(action, max_size=30))
def test_any_sequence_of_actions_at_once_conserves_gold_and_items(actions):
    async def run() -> None:
        game = build_game()
        for pid in range(1, 5):
            await trader(game, pid, gold=400, ore=20)
        before = await money(game)
        order_ids: list[int] = []

        async def one(a: tuple) -> None:
            try:
                if a[0] == "place":
                    placed = await game.exchange.place_order(
                        player_id=a[1], item_id=ORE, side=a[2], price=a[3], quantity=a[4]
                    )
                    order_ids.append(placed.order.id)
                elif a[0] == "cancel":
                    oid = order_ids[a[2] % len(order_ids)] if order_ids else 1
                    await game.exchange.cancel_order(player_id=a[1], order_id=oid)
                elif a[0] == "collect":
                    await game.exchange.collect(player_id=a[1])
                else:
                    game.clock.advance(a[1] * 3 * 86400)
                    await game.exchange.expire_orders()
            except Exception as refused:  # a refusal changes nothing; anything else fails the test
                from game.api import GameError

                assert isinstance(refused, GameError), refused

        # Half at once (as many players pressing together), half one by one.
        half = len(actions) // 2
        await asyncio.gather(*(one(a) for a in actions[:half]))
        for a in actions[half:]:
            await one(a)
        assert await money(game) == before
        for pid in range(1, 5):
            assert await game.gold(pid) >= 0

    asyncio.run(run())


# --- the daily reward ---------------------------------------------------------------------------


async def test_the_daily_reward_pays_once_a_day_and_the_streak_grows(game):
    from game.api.economy import AlreadyClaimed

    await game.register(1)
    gold = await game.gold(1)
    first = await game.dailies.claim_daily(player_id=1)
    assert (first.gold, first.streak, first.purse) == (20, 1, gold + 20)
    assert not first.daily.claimable and first.daily.gold == 25
    with pytest.raises(AlreadyClaimed):
        await game.dailies.claim_daily(player_id=1)
    game.clock.advance(86400)
    assert (await game.dailies.claim_daily(player_id=1)).streak == 2
    game.clock.advance(3 * 86400)  # away too long
    assert (await game.dailies.claim_daily(player_id=1)).streak == 1
    assert await game.gold(1) == gold + 20 + 25 + 20
    report = await game.exchange.economy_report()
    assert report.daily_gold_24h == 20


# --- bounties -----------------------------------------------------------------------------------


async def test_bounties_count_what_players_do_and_pay_once(game):
    from game.api.economy import BountyNotDone
    from tests.unit.application.play import meet, play_out

    await trader(game, 1)
    await trader(game, 2)
    await game.empower(1)
    with pytest.raises(BountyNotDone):
        await game.dailies.claim_bounty(player_id=1, bounty_id="trade")
    with pytest.raises(UnknownEntry):
        await game.dailies.claim_bounty(player_id=1, bounty_id="slay_dragons")
    # A trade counts for both sides; a won fight for the day's and the week's fight bounties.
    await game.exchange.place_order(player_id=1, item_id=ORE, side="sell", price=5, quantity=1)
    await game.exchange.place_order(player_id=2, item_id=ORE, side="buy", price=5, quantity=1)
    won = await play_out(game, 1, await meet(game, 1))
    assert won.outcome == "won"
    progress = {b.id: (b.progress, b.target) for b in (await game.dailies.daily(player_id=1)).bounties}
    assert progress == {"win_fights": (1, 5), "craft": (0, 1), "trade": (1, 1), "weekly_fights": (1, 60)}
    assert {b.id: b.progress for b in (await game.dailies.daily(player_id=2)).bounties}["trade"] == 1

    gold = await game.gold(1)
    paid = await game.dailies.claim_bounty(player_id=1, bounty_id="trade")
    assert paid.gold == 30 and paid.bounty.paid and await game.gold(1) == gold + 30
    with pytest.raises(BountyNotDone):
        await game.dailies.claim_bounty(player_id=1, bounty_id="trade")
    assert await game.gold(1) == gold + 30
    # A new day: the day's bounties start again, the week's keeps counting (unless the week turned too).
    game.clock.advance(86400)
    after = {b.id: (b.progress, b.paid) for b in (await game.dailies.daily(player_id=1)).bounties}
    assert after["trade"] == (0, False) and after["win_fights"] == (0, False)


async def test_the_days_gold_sources_and_sinks_are_counted_where_gold_moves(game):
    from tests.unit.application.play import meet, play_out

    await trader(game, 1)
    await trader(game, 2)
    await game.empower(1)
    await game.exchange.place_order(player_id=1, item_id=ORE, side="sell", price=100, quantity=1)
    await game.exchange.place_order(player_id=2, item_id=ORE, side="buy", price=100, quantity=1)
    await game.dailies.claim_daily(player_id=2)
    shop = await game.town.shop(player_id=2)
    await game.town.buy(player_id=2, item_id="minor_healing_potion", quantity=1, version=shop.version)
    before = await game.gold(1)
    won = await play_out(game, 1, await meet(game, 1))
    assert won.outcome == "won"
    fight_gold = await game.gold(1) - before
    flows = (await game.exchange.economy_report()).flows
    assert flows["fees"] == -5 and flows["daily"] == 20 and flows["shop_buys"] == -15
    assert flows.get("fights", 0) == fight_gold
