"""Direct trades: both sides set what they give, both confirm the same version, one atomic swap; any
change withdraws confirmations; bad input changes nothing."""

from __future__ import annotations

import asyncio

import pytest

from game.api import NotEnoughGold, NotRegistered, UnknownEntry
from game.api.economy import StaleTrade, TradeClosed, TradeRefused
from shared.events import TradeUpdated


async def two(game):
    await game.register(1, name="Alba")
    await game.register(2, name="Borin")
    await game.edit(1, gold=300, items={"iron_ore": 10})
    await game.edit(2, gold=100, items={"copper_ore": 5})


async def test_both_confirm_and_everything_changes_hands_at_once(game):
    await two(game)
    offer = await game.trades.propose_trade(player_id=1, partner="borin")
    assert offer.partner_name == "Borin" and offer.status == "open"
    assert [e.player_id for e in game.events.of_type(TradeUpdated)] == [2]
    mine = await game.trades.set_trade_offer(
        player_id=1, trade_id=offer.id, version=offer.version, gold=50, items={"iron_ore": 4}
    )
    theirs = await game.trades.set_trade_offer(
        player_id=2, trade_id=offer.id, version=mine.version, gold=0, items={"copper_ore": 5}
    )
    assert [(s.item.id, s.quantity) for s in theirs.theirs.items] == [("iron_ore", 4)] and theirs.theirs.gold == 50
    first = await game.trades.confirm_trade(player_id=1, trade_id=offer.id, version=theirs.version)
    assert first.you_confirmed and not first.they_confirmed and first.status == "open"
    done = await game.trades.confirm_trade(player_id=2, trade_id=offer.id, version=theirs.version)
    assert done.status == "done"
    assert await game.gold(1) == 250 and await game.gold(2) == 150
    assert (await game.bag(1)).get("copper_ore") == 5 and (await game.bag(1))["iron_ore"] == 6
    assert (await game.bag(2))["iron_ore"] == 4 and "copper_ore" not in await game.bag(2)
    with pytest.raises(TradeClosed):
        await game.trades.confirm_trade(player_id=1, trade_id=offer.id, version=theirs.version)


async def test_a_change_withdraws_both_confirmations_and_an_old_confirmation_is_stale(game):
    await two(game)
    offer = await game.trades.propose_trade(player_id=1, partner="Borin")
    v2 = await game.trades.set_trade_offer(player_id=1, trade_id=offer.id, version=offer.version, gold=10, items={})
    await game.trades.confirm_trade(player_id=1, trade_id=offer.id, version=v2.version)
    v3 = await game.trades.set_trade_offer(player_id=2, trade_id=offer.id, version=v2.version, gold=1, items={})
    assert not v3.you_confirmed and not v3.they_confirmed
    with pytest.raises(StaleTrade):
        await game.trades.confirm_trade(player_id=2, trade_id=offer.id, version=v2.version)
    assert await game.gold(1) == 300 and await game.gold(2) == 100


async def test_bad_trades_are_refused_and_change_nothing(game):
    await two(game)
    await game.edit(1, items={"riftcaller": 1})
    with pytest.raises(TradeRefused):
        await game.trades.propose_trade(player_id=1, partner="ALBA")
    with pytest.raises(NotRegistered):
        await game.trades.propose_trade(player_id=1, partner="nobody_here")
    offer = await game.trades.propose_trade(player_id=1, partner="Borin")
    for gold, items in [(-1, {}), (2**70, {}), (0, {"riftcaller": 1}), (0, {"dragon_egg": 1}), (0, {"iron_ore": -2})]:
        with pytest.raises(TradeRefused):
            await game.trades.set_trade_offer(
                player_id=1, trade_id=offer.id, version=offer.version, gold=gold, items=items
            )
    with pytest.raises(TradeRefused):  # nothing on either side
        await game.trades.confirm_trade(player_id=1, trade_id=offer.id, version=offer.version)
    await game.register(3)
    with pytest.raises(UnknownEntry):  # someone else's trade
        await game.trades.trade_offer(player_id=3, trade_id=offer.id)
    # More than one has when the swap comes: refused, nothing moves, the trade stays open.
    v = await game.trades.set_trade_offer(player_id=1, trade_id=offer.id, version=offer.version, gold=999, items={})
    await game.trades.confirm_trade(player_id=1, trade_id=offer.id, version=v.version)
    with pytest.raises(NotEnoughGold):
        await game.trades.confirm_trade(player_id=2, trade_id=offer.id, version=v.version)
    assert (
        await game.gold(1) == 300 and (await game.trades.trade_offer(player_id=1, trade_id=offer.id)).status == "open"
    )


async def test_cancel_and_expiry_close_the_trade(game):
    await two(game)
    offer = await game.trades.propose_trade(player_id=1, partner="Borin")
    assert (await game.trades.cancel_trade(player_id=2, trade_id=offer.id)).status == "cancelled"
    with pytest.raises(TradeClosed):
        await game.trades.cancel_trade(player_id=1, trade_id=offer.id)
    later = await game.trades.propose_trade(player_id=1, partner="Borin")
    game.clock.advance(3601)
    assert (await game.trades.trade_offer(player_id=2, trade_id=later.id)).status == "expired"
    assert await game.trades.open_trades(player_id=2) == []
    with pytest.raises(TradeClosed):
        await game.trades.set_trade_offer(player_id=1, trade_id=later.id, version=later.version, gold=1, items={})


async def test_two_confirmations_at_the_same_moment_make_one_swap(game):
    await two(game)
    offer = await game.trades.propose_trade(player_id=1, partner="Borin")
    v = await game.trades.set_trade_offer(player_id=1, trade_id=offer.id, version=offer.version, gold=100, items={})
    results = await asyncio.gather(
        game.trades.confirm_trade(player_id=1, trade_id=offer.id, version=v.version),
        game.trades.confirm_trade(player_id=2, trade_id=offer.id, version=v.version),
    )
    assert sorted(r.status for r in results) == ["done", "open"]
    assert await game.gold(1) == 200 and await game.gold(2) == 200
