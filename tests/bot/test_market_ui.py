"""The market and the daily reward as a player meets them, through the real Dispatcher on real PostgreSQL
and Redis: an order typed in, a quick trade, my orders, the chart, the fill notification — and bad input
answered clearly with nothing changed."""

from __future__ import annotations

from bot.callbacks import DailyCb, MarketCb
from game.api import GameApi
from tests.bot.conftest import register
from tests.bot.test_notifier import consume, make_notifier, tg, tg_bot  # noqa: F401 — fixtures used here
from tests.bot.test_play_flow import (
    no_errors_logged,  # noqa: F401 — the autouse fixture applies here too
    sql,
)


async def two_traders(new_chat, db):
    seller, buyer = new_chat(601), new_chat(602)
    await register(seller, "Seller")
    await register(buyer, "Buyer")
    await sql(db, "INSERT INTO inventory_items VALUES (:p, 'iron_ore', 10)", p=seller.user_id)
    await sql(db, "UPDATE characters SET gold = 500 WHERE player_id = :p", p=buyer.user_id)
    return seller, buyer


async def test_an_order_typed_in_rests_and_a_quick_buy_takes_it(new_chat, game: GameApi, db):
    seller, buyer = await two_traders(new_chat, db)
    await seller.send("/market")
    assert "Market" in seller.last.text and "Iron Ore" in seller.last.text
    await seller.press_button("Iron Ore")
    assert "No one is selling." in seller.last.text
    await seller.press_button("Sell")
    assert "Selling <b>Iron Ore</b> (you have 10): how many, and the least you take for each?" in seller.last.text
    await seller.send("4 x 12")
    assert "✅ You offer 4 × <b>Iron Ore</b> at 12 💰 each or more." in seller.last.text
    assert "12 💰 × 4" in seller.last.text

    await buyer.send("/market")
    await buyer.press_button("Iron Ore")
    await buyer.press_button("1 for 12")
    assert "🤝 Traded at once: 1 × 12 💰." in buyer.last.text
    assert "Last trade at 12 💰 · 1 sold in 24 hours" in buyer.last.text
    assert (await game.get_character(player_id=buyer.user_id)).gold == 488

    await seller.send("/market")
    await seller.press_button("My orders")
    assert "selling 3 of 4 at 12 💰" in seller.last.text and "Waiting for you at the market: 12 💰" in seller.last.text
    await seller.press_button("Collect")
    assert "✅ Collected: 12 💰" in seller.last.text
    await seller.press_button("❌ Iron Ore at 12")
    assert "Order cancelled" in seller.last.text and "You have no open orders." in seller.last.text
    bag = {e.item.id: e.quantity for e in (await game.inventory(player_id=seller.user_id)).items}
    assert bag["iron_ore"] == 9


async def test_the_chart_arrives_as_a_picture_with_its_figures(new_chat, game: GameApi, db):
    seller, buyer = await two_traders(new_chat, db)
    await game.place_order(player_id=seller.user_id, item_id="iron_ore", side="sell", price=10, quantity=3)
    for _ in range(2):
        await game.place_order(player_id=buyer.user_id, item_id="iron_ore", side="buy", price=10, quantity=1)
    await buyer.press(MarketCb(act="item", id="iron_ore").pack())
    await buyer.press_button("Price chart")
    assert buyer.last.picture is not None and buyer.last.picture.startswith(b"\x89PNG")
    assert buyer.last.text == "📈 <b>Iron Ore</b>: 2 trades in 7 days, from 10 to 10 💰, last 10 💰"


async def test_bad_amounts_and_forged_buttons_change_nothing(new_chat, game: GameApi, db):
    seller, buyer = await two_traders(new_chat, db)
    placed = await game.place_order(player_id=seller.user_id, item_id="iron_ore", side="sell", price=10, quantity=3)
    before = (await game.get_character(player_id=buyer.user_id)).gold
    await buyer.press(MarketCb(act="order", id="iron_ore", side="buy").pack())
    for typed, said in [
        ("lots", "Send two whole numbers"),
        ("2.5 3", "Send two whole numbers"),
        ("-1 3", "Send two whole numbers"),
        ("0 5", "The quantity must be a whole number from 1 to 10,000"),
        ("1 0", "The price must be a whole number of gold from 1 to 1,000,000,000"),
        ("1 99999999999999999999999", "The price must be a whole number of gold"),
        ("1 1000", "Not enough gold"),
    ]:
        await buyer.send(typed)
        assert said in buyer.last.text, (typed, buyer.last.text)
    await buyer.press(MarketCb(act="cancel", o=placed.order.id).pack())
    assert buyer.last_alert == "❌ You have no such order."
    await buyer.press(MarketCb(act="quick", id="iron_ore", side="buy", p=0).pack())
    assert buyer.last_alert == "⌛ This button is no longer valid."
    await buyer.press(MarketCb(act="quick", id="iron_ore", side="lend", p=5).pack())
    assert buyer.last_alert == "⌛ This button is no longer valid."
    await buyer.press(MarketCb(act="item", id="dragon_egg").pack())
    assert buyer.last_alert is not None
    await seller.press(MarketCb(act="order", id="riftcaller", side="buy").pack())
    await seller.send("1 5")
    assert "bound to you and cannot be traded" in seller.last.text
    assert (await game.get_character(player_id=buyer.user_id)).gold == before
    assert (await game.my_orders(player_id=seller.user_id)).orders[0].remaining == 3


async def test_the_daily_reward_is_claimed_once(new_chat, game: GameApi):
    chat = new_chat(603)
    await register(chat, "Daily")
    gold = (await game.get_character(player_id=chat.user_id)).gold
    await chat.send("/daily")
    assert "🔥 Day 1 of 7 in a row" in chat.last.text
    await chat.press_button("Claim 20")
    assert "✅ 20 💰 claimed, day 1 of your streak." in chat.last.text
    assert "Claimed today. The next one, 25 💰" in chat.last.text
    await chat.press(DailyCb(act="claim").pack())  # an old button
    assert chat.last_alert == "You have already claimed today's reward. Come back tomorrow!"
    assert (await game.get_character(player_id=chat.user_id)).gold == gold + 20


async def test_a_filled_order_is_told_to_its_owner_unless_muted(container, game: GameApi, db, make_notifier, tg):  # noqa: F811
    for pid in (701, 702):
        await game.register(player_id=pid, name=f"t{pid}", class_id="warrior")
    await sql(db, "INSERT INTO inventory_items VALUES (701, 'iron_ore', 10)")
    await sql(db, "UPDATE characters SET gold = 500")
    await consume(container, await make_notifier())  # the greetings
    tg.sent.clear()
    await game.place_order(player_id=701, item_id="iron_ore", side="sell", price=10, quantity=3)
    await game.place_order(player_id=702, item_id="iron_ore", side="buy", price=10, quantity=2)
    assert (
        await consume(container, await make_notifier()) == 2
    )  # the seller's fill and the buyer's (seen on screen, told to nobody)
    [told] = tg.sent_to(701)
    assert told.text.startswith("🤝 Your order traded: you sold 2 × <b>Iron Ore</b> at 10 💰; after the fee, 19 💰")
    assert "1 still on offer." in told.text
    await game.set_notification(player_id=701, category="exchange", enabled=False)
    await game.place_order(player_id=702, item_id="iron_ore", side="buy", price=10, quantity=1)
    await consume(container, await make_notifier())
    assert len(tg.sent_to(701)) == 1  # muted: the second fill is not told


async def test_a_direct_trade_through_the_buttons(new_chat, game: GameApi, db):
    from bot.callbacks import TradeCb

    alba, borin = new_chat(611), new_chat(612)
    await register(alba, "Alba")
    await register(borin, "Borin")
    await sql(db, "UPDATE characters SET gold = 200")
    await sql(db, "INSERT INTO inventory_items VALUES (612, 'iron_ore', 3)")
    await alba.send("/trade")
    assert "Send <code>/trade Name</code>" in alba.last.text
    await alba.send("/trade nobody")
    assert alba.last.text  # a clear refusal, nothing made
    await alba.send("/trade borin")
    assert "🤝 <b>Trade with Borin</b>" in alba.last.text
    await alba.press_button("+100 💰")
    assert "• 100 💰" in alba.last.text
    [offer] = await game.open_trades(player_id=612)
    await borin.send("/trades")
    await borin.press_button("Alba")
    await borin.press_button("+ Iron Ore")
    stale = TradeCb(act="ok", t=offer.id, v=offer.version - 1).pack()
    await alba.press(stale)
    assert alba.last_alert.startswith("⌛ The offer changed")
    await alba.press_button("Refresh")
    await alba.press_button("Confirm")
    assert "✅ You confirmed this offer." in alba.last.text
    await borin.press_button("Refresh")
    await borin.press_button("Confirm")
    assert "🎉 The trade is done" in borin.last.text
    assert (await game.get_character(player_id=611)).gold == 100
    assert (await game.get_character(player_id=612)).gold == 300


async def test_a_newcomer_by_an_invitation_link_counts_for_the_inviter(new_chat, game: GameApi):
    host = new_chat(621)
    await register(host, "Host")
    await host.send("/invite")
    assert "?start=ref_" in host.last.text and "Friends who joined by your link: 0" in host.last.text
    code = (await game.invitation(player_id=621)).code
    guest = new_chat(622)
    await guest.send(f"/start ref_{code}")
    await guest.send("Guest")
    await guest.press_button("Rogue")
    assert (await game.invitation(player_id=621)).joined == 1
    # Their own link, or nonsense: registration goes on, nobody is counted.
    for pid, link in ((623, "ref_" + "zz"), (624, "ref_%%")):
        chat = new_chat(pid)
        await chat.send(f"/start {link}")
        await chat.send(f"Newbie{pid}")
        await chat.press_button("Mage")
        assert (await game.get_character(player_id=pid)).level == 1
    await host.press_button("Menu")
    await host.send("/invite")
    assert "Friends who joined by your link: 1" in host.last.text
