"""The arena through the real Dispatcher: finding an opponent, fighting the ghost, the ladder with one's own
place, the defender's notice with its revenge button; forged and replayed presses change nothing."""

from __future__ import annotations

import re

from bot.guild_callbacks import ArenaCb
from tests.bot.conftest import register
from tests.bot.test_notifier import (  # noqa: F401 — the fixtures these tests use
    consume,
    drain,
    make_notifier,
    tg,
    tg_bot,
)
from tests.bot.test_play_flow import (
    no_errors_logged,  # noqa: F401 — the autouse fixture applies here too
    sql,
)


async def test_a_ghost_is_found_and_fought_and_the_ladder_shows_the_fighter(new_chat, game, db):
    await register(new_chat(702), name="Borin")
    chat = new_chat(701)
    await register(chat)
    await chat.send("/menu")
    await chat.press_button("Arena")
    assert "Rating 1,000 (provisional" in chat.last.text and "10 of 10 fights left" in chat.last.text
    await chat.press_button("Find an opponent")
    assert "Borin, Warrior of level 1, rating 1,000" in chat.last.text
    await chat.press_button("Fight Borin")
    text = chat.last.text
    assert re.search(r"(You beat the ghost of Borin|The ghost of Borin beat you) in \d+ rounds?", text)
    assert "9 of 10 fights left" in text and "Latest fights" in text
    await chat.press_button("Arena ladder")
    assert "This season's arena ladder" in chat.last.text and "Alaric" in chat.last.text and "Borin" in chat.last.text


async def test_forged_and_replayed_arena_presses_change_nothing(new_chat, game, db):
    await register(new_chat(712), name="Borin")
    chat = new_chat(711)
    await register(chat)
    await chat.send("/arena")
    await chat.press(ArenaCb(act="fight", id=712).pack())  # never offered
    assert chat.last_alert == "🚫 That is no opponent of yours: find one first."
    await chat.press(ArenaCb(act="fight", id=711).pack())
    assert chat.last_alert == "🚫 You cannot fight your own ghost."
    await chat.press("ar:fight:not-a-number")
    assert chat.last_alert == "⌛ This button is no longer valid."
    await chat.press_button("Find an opponent")
    fight = next(data for label, data in chat.last.buttons() if label.startswith("⚔️ Fight"))
    await chat.press(fight)
    await chat.press(fight, message=chat.last)  # the same button again
    assert chat.last_alert == "🚫 That is no opponent of yours: find one first."
    assert (await game.arena(player_id=711)).fights_left == 9
    await sql(db, "UPDATE arena_ratings SET fights_today = 10 WHERE player_id = 711")
    await chat.press(ArenaCb(act="find").pack())
    assert chat.last_alert == "🎟 No arena fights left today (the limit is 10). Come back tomorrow!"


async def test_the_defender_hears_the_result_with_a_revenge_button(new_chat, game, db, container, make_notifier, tg):  # noqa: F811
    await game.register(player_id=721, name="Mira", class_id="mage")
    await game.register(player_id=722, name="Borin", class_id="warrior")
    await sql(db, "UPDATE characters SET strength = 300, vitality = 300 WHERE player_id = 722")
    await drain(container)
    await sql(db, "INSERT INTO arena_ratings (player_id, rating, day, offer_id) VALUES (722, 1000, 0, 721)")
    result = await game.arena_fight(player_id=722, opponent_id=721)
    assert result.won
    await consume(container, await make_notifier())
    [told] = tg.sent_to(721)
    assert told.text.startswith("⚔️ Borin challenged your ghost and won. Rating -20, now 980.")
    assert told.reply_markup["inline_keyboard"][0][0]["callback_data"] == "ar:fight:722"
