"""Coming back to the bot in the middle of a fight (a restarted `play`, a new device): /start offers it."""

from __future__ import annotations

from bot.local_chat import LocalChat
from tests.bot.test_play_bad_input import fighting
from tests.bot.test_play_flow import has_button


async def test_start_in_the_middle_of_a_fight_offers_the_way_back(new_chat, game, db, redis, dispatcher, bot):
    chat = await fighting(new_chat, db, redis, strong=False)
    combat = await game.get_combat(player_id=chat.user_id)
    # A new process: a fresh chat for the same player, which starts with /start as `play` does.
    again = LocalChat(dispatcher, bot, user_id=chat.user_id)
    menu = (await again.send("/start"))[-1]
    assert has_button(menu, "Back to the fight")
    assert not has_button(menu, "Explore"), "no exploring during a fight"
    shown = (await again.press_button("Back to the fight", message=menu))[-1]
    assert has_button(shown, "Attack")
    assert (await game.get_combat(player_id=chat.user_id)).turn == combat.turn, "showing it played no turn"
