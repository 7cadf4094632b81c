"""What a newcomer's first hour in both languages turned up: /help that left out the market, the daily
reward, trades and invitations; a command menu without the guild and the arena; a language button
that, pressed for the language already spoken, answered nothing at all; a bleed that ticked as fire;
and /town in the wilds, a refusal with no way on."""

from __future__ import annotations

import re

from bot.commands import COMMANDS
from bot.i18n import Translator
from bot.views import combat
from game.api import CombatLogLine
from tests.bot.conftest import register
from tests.bot.test_play_flow import no_errors_logged, sql  # noqa: F401 — the autouse fixture applies here too

COMMAND = re.compile(r"^\s*/(\w+)", re.M)


def test_help_names_every_command_of_the_menu_in_both_languages():
    for locale in ("en", "ru"):
        listed = set(COMMAND.findall(Translator(locale)("help")))
        assert {command for command, _, _ in COMMANDS} <= listed, locale


def test_the_command_menu_leads_to_the_guild_and_the_arena():
    menu = [command for command, _, _ in COMMANDS]
    assert "guild" in menu and "arena" in menu
    assert len(menu) == len(set(menu))


async def test_help_points_to_the_market_and_the_daily_reward(new_chat):
    chat = new_chat(language_code="ru")
    await register(chat, "Ярослава", "Разбойник")
    answer = (await chat.send("/help"))[-1].text
    assert "/market — рынок игроков" in answer
    assert "/daily — награда дня и поручения" in answer
    for command in ("/market", "/daily", "/trades", "/invite", "/guild", "/arena"):
        assert command in answer


async def test_choosing_a_language_always_answers_even_the_one_already_spoken(new_chat):
    chat = new_chat()
    await register(chat)
    await chat.send("/settings")
    shown = chat.last
    await chat.press_button("English")
    assert chat.last_alert == "🌐 The bot now speaks English."
    assert chat.last.text == shown.text  # the same screen: only the note says the tap was heard

    await chat.press_button("Русский")
    assert chat.last_alert == "🌐 Теперь бот говорит по-русски."
    assert "Язык бота — русский" in chat.last.text
    answer = (await chat.send("/menu"))[-1].text
    assert "Воин, уровень 1" in answer


def test_what_hurts_each_turn_shows_its_own_sign_a_bleed_is_no_fire():
    en, ru = Translator("en"), Translator("ru")

    def tick(t: Translator, effect: str, actor: str = "player", **monster: str) -> str:
        return combat.log_line(t, CombatLogLine(kind="tick", actor=actor, effect=effect, amount=3), monster)

    assert tick(en, "bleed") == "🩸 Bleeding: you lose 3 HP."
    assert tick(ru, "bleed") == "🩸 «Кровотечение» отнимает у тебя 3 ОЗ."
    assert tick(en, "burn", "monster", monster_the="the Green Slime") == "🔥 Burning: the Green Slime loses 3 HP."
    assert tick(ru, "poison", "monster", monster_gen="зелёной слизи").startswith("🤢 «")


async def test_town_asked_for_in_the_wilds_shows_the_roads_back_instead_of_a_bare_refusal(new_chat):
    chat = new_chat(language_code="ru")
    await register(chat, "Ярослава", "Разбойник")
    await chat.send("/look")
    await chat.press_button("Шепчущие луга")
    answer = (await chat.send("/town"))[-1]
    assert answer.text.startswith("🏘 Это есть только в городе. Сначала вернись туда.")
    assert "📍 <b>Шепчущие луга</b>" in answer.text
    labels = [label for label, _ in answer.buttons()]
    assert any("Эшфорд" in label for label in labels) and any("Меню" in label for label in labels)
    # The road it offers leads to the square.
    await chat.press_button("Эшфорд", message=answer)
    await chat.press_button("Город")
    assert chat.last.text.startswith("🏘 <b>Городская площадь</b>.")


def test_a_market_order_is_asked_for_without_a_plural_english_cannot_make_of_an_item_name():
    en = Translator("en")
    assert en("order-ask-buy", item="Slime Glob").startswith("🛒 Buying <b>Slime Glob</b>: how many do you want,")
    assert en("order-ask-sell", item="Slime Glob", held=18).startswith(
        "💰 Selling <b>Slime Glob</b> (you have 18): how many,"
    )


async def test_no_quick_buy_is_offered_against_the_players_own_offer(new_chat, db):
    from tests.bot.test_market_ui import two_traders

    seller, buyer = await two_traders(new_chat, db)
    await sql(db, "UPDATE characters SET gold = 500 WHERE player_id = :p", p=seller.user_id)
    await seller.send("/market")
    await seller.press_button("Iron Ore")
    await seller.press_button("Sell")
    await seller.send("4 12")
    assert "12 💰 × 4" in seller.last.text
    own = [label for label, _ in seller.last.buttons()]
    assert "🛒 1 for 12 💰" not in own and "🛒 Buy" in own  # only a refusal was behind it

    await buyer.send("/market")
    await buyer.press_button("Iron Ore")
    assert "🛒 1 for 12 💰" in [label for label, _ in buyer.last.buttons()]
    # The same for a bid: the seller, who holds ore, is offered no quick sale into their own bid.
    await seller.send("/market")
    await seller.press_button("Iron Ore")
    await seller.press_button("🛒 Buy")
    await seller.send("2 10")
    assert "10 💰 × 2" in seller.last.text
    assert not any(label.startswith("💰 1 for") for label, _ in seller.last.buttons())


def test_a_boss_not_yet_struck_is_named_whatever_its_gender():
    # "Мать трясины" is feminine: "по нему" was wrong for her; "по боссу" fits every boss.
    assert Translator("ru")("boss-my-damage-none") == "⚔️ Твоих ударов по боссу ещё не было."


async def test_the_invitation_counts_read_as_sentences_with_numbers_in_both_languages(new_chat):
    chat = new_chat()
    await register(chat)
    answer = (await chat.send("/invite"))[-1].text
    # Was "Joined by your link 0, reached level 5 0."
    assert "👥 Friends who joined by your link: 0 · of them reached level 5: 0" in answer
    ru = Translator("ru")("invite-counts", joined=3, level=5, rewarded=1)
    assert ru == "👥 Друзей пришло по твоей ссылке: 3 · из них доросли до 5-го уровня: 1"


async def test_founding_a_guild_without_the_gold_is_refused_before_the_name_is_asked(new_chat):
    chat = new_chat()
    await register(chat)
    await chat.send("/guild")
    home = chat.last
    await chat.press_button("Found a guild")
    assert chat.last_alert == "💰 Not enough gold: you need 500, you have 20."
    assert chat.last.text == home.text  # still the guild's screen, nothing asked
    answer = (await chat.send("Night Owls"))[-1].text
    assert "tag" not in answer and "I only understand buttons and commands" in answer


def test_the_forge_makes_potions_too_so_russian_does_not_say_forged():
    ru = Translator("ru")
    assert ru("btn-craft", name="🧪 Малое зелье лечения") == "⚒ Изготовить: 🧪 Малое зелье лечения"
    assert "можно изготовить" in ru("forge-legend") and "выковать" not in ru("forge-legend")


def test_a_fall_trails_off_with_the_same_ellipsis_in_both_languages():
    assert Translator("en")("log-lost") == "💀 You collapse…"
    assert Translator("ru")("log-lost").endswith("…")


async def test_a_trade_offered_to_a_name_nobody_has_says_so_rather_than_send_the_asker_to_start(new_chat):
    chat = new_chat(language_code="ru")
    await register(chat, "Ярослава", "Разбойник")
    answer = (await chat.send("/trade Alaric"))[-1].text
    assert answer.startswith("🔎 Игрока с именем «Alaric» нет.")
    assert "/start" not in answer
    # Someone with no character at all is still sent to /start.
    stranger = new_chat(777)
    assert "/start" in (await stranger.send("/trade Ярослава"))[-1].text


def test_an_antidote_is_offered_in_a_fight_only_while_there_is_something_to_wash_away():
    from game.api import StatusView
    from tests.bot import dtos

    antidote = dtos.item("antidote", name=dtos.text("Antidote", "Противоядие"), effects={"cleanse": 1})
    view = dtos.combat(items=(dtos.stack(antidote, 1),))

    def offered(player) -> list[str]:
        shown = combat.screen(Translator("en"), view.model_copy(update={"player": player}))
        return [b.text for row in shown.markup.inline_keyboard for b in row if "Antidote" in b.text]

    # Healthy: it would be spent for nothing ("Your ailments are washed away" with none there).
    assert offered(dtos.fighter()) == []
    assert offered(dtos.fighter().model_copy(update={"effects": (StatusView(effect="attack_up", turns=2),)})) == []
    assert offered(dtos.fighter().model_copy(update={"effects": (StatusView(effect="poison", turns=2),)})) == [
        "🧪 Antidote"
    ]
