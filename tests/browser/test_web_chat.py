"""A player's evening in the web chat: register, fight, a stale button, a notification while the page is
open, and two friends at one world boss — all through clicks and typing in Chromium."""

from __future__ import annotations

import os
import time

import pytest
from playwright.async_api import Page, expect

from local_telegram import BotApiError
from shared.events import Broadcast
from tests.bot.world_helpers import empower, move_to

pytestmark = [pytest.mark.servers, pytest.mark.browser]

TIMEOUT = 20_000  # ms; the machine is shared and slow at times


def last_bot_message(page: Page):
    return page.locator(".row.bot").last


async def register(page: Page, name: str, class_label: str = "Warrior") -> None:
    await page.click("#start")
    await expect(last_bot_message(page)).to_contain_text("Send me your character's name", timeout=TIMEOUT)
    await page.fill("#text", name)
    await page.press("#text", "Enter")
    await last_bot_message(page).locator(f".keyboard button:has-text('{class_label}')").click(timeout=TIMEOUT)
    await expect(page.locator(".row.bot", has_text="steps into Ashford")).to_have_count(1, timeout=TIMEOUT)


async def say(page: Page, text: str) -> None:
    await page.fill("#text", text)
    await page.press("#text", "Enter")


async def rested(redis, player_id: int) -> None:
    await redis.hset(f"account:{player_id}", mapping={"stamina": "100.0", "stamina_at": repr(time.time())})


def player_id(page_url: str) -> int:
    from local_telegram import player_id as id_of

    name = page_url.split("player=")[1].split("&")[0]
    return id_of(name)


async def meet_a_monster(page: Page, redis) -> None:
    pid = player_id(page.url)
    for _ in range(30):
        await rested(redis, pid)
        screen = last_bot_message(page)
        await screen.locator(".keyboard button:has-text('Explore')").first.click(timeout=TIMEOUT)
        await expect(screen.locator(".keyboard button.loading")).to_have_count(0, timeout=TIMEOUT)
        if await last_bot_message(page).locator(".keyboard button:has-text('Attack')").count():
            return
    raise AssertionError("no monster met in 30 explorations")


async def test_register_from_the_start_button_and_see_the_menu(open_chat, web_game):
    page = await open_chat("Alaric")
    await expect(page.locator("#start")).to_be_visible()
    await register(page, "Alaric")
    menu = page.locator(".row.bot", has_text="steps into Ashford")
    await expect(menu).to_contain_text("edited")  # the class question became the character, in place
    await expect(menu.locator(".keyboard button")).to_contain_text(["Town", "Look around"], timeout=TIMEOUT)
    # The command menu is the one the bot published for English.
    await page.click("#menu")
    await expect(page.locator("#commands")).to_contain_text("/inventory")
    await page.locator("#commands").get_by_role("button", name="/me Your character").click()
    await expect(last_bot_message(page)).to_contain_text("Alaric", timeout=TIMEOUT)
    # The greeting travels game → Redis Stream → notifier → local Telegram → the open page.
    await expect(page.locator(".row.bot", has_text="A tip for your first steps")).to_have_count(1, timeout=TIMEOUT)


async def test_a_russian_player_gets_russian_everywhere(open_chat, web_game):
    page = await open_chat("Борис", lang="ru")
    await expect(page.locator("#start")).to_have_text("ЗАПУСТИТЬ")
    await expect(page.locator("#text")).to_have_attribute("placeholder", "Сообщение")
    await page.click("#start")
    await expect(last_bot_message(page)).to_contain_text("Добро пожаловать", timeout=TIMEOUT)
    await page.click("#menu")
    await expect(page.locator("#commands")).to_contain_text("Главное меню")  # the menu set for language "ru"


async def test_a_fight_won_by_clicking_attack(open_chat, web_game, db, redis):
    page = await open_chat("Brienne")
    await register(page, "Brienne")
    pid = player_id(page.url)
    await empower(db, pid)
    await move_to(web_game.container, pid, "meadows")
    await say(page, "/look")
    await expect(last_bot_message(page)).to_contain_text("Meadows", timeout=TIMEOUT)
    await meet_a_monster(page, redis)
    fight = last_bot_message(page)
    for _ in range(40):
        attack = fight.locator(".keyboard button:has-text('Attack')")
        if not await attack.count():
            break
        await attack.first.click()
        await expect(fight.locator(".keyboard button.loading")).to_have_count(0, timeout=TIMEOUT)
    await expect(fight).to_contain_text("XP", timeout=TIMEOUT)  # the rewards of a won fight


async def test_shopping_in_town(open_chat, web_game):
    page = await open_chat("Sansa")
    await register(page, "Sansa")
    menu_id = await page.locator(".row.bot", has_text="steps into Ashford").get_attribute("data-id")
    screen = page.locator(f".row[data-id='{menu_id}']")
    for label in ("Town", "Shop"):
        await screen.locator(f".keyboard button:has-text('{label}')").first.click(timeout=TIMEOUT)
        await expect(screen.locator(".keyboard button.loading")).to_have_count(0, timeout=TIMEOUT)
    buy = screen.locator(".keyboard button", has_text="Buy ").first
    await expect(buy).to_be_visible(timeout=TIMEOUT)
    await buy.click()
    await expect(screen).to_contain_text("Bought", timeout=TIMEOUT)  # the shop, redrawn in place
    game = await web_game.container.game()
    assert (await game.get_character(player_id=player_id(page.url))).gold < 20


async def test_a_stale_button_is_answered_by_a_popup_and_changes_nothing(open_chat, web_game):
    page = await open_chat("Cersei")
    await page.click("#start")
    await expect(last_bot_message(page)).to_contain_text("Send me your character's name", timeout=TIMEOUT)
    await say(page, "Cersei")
    first = page.locator(".row.bot", has_text="choose your class").last
    await expect(first.locator(".keyboard button:has-text('Rogue')")).to_be_visible(timeout=TIMEOUT)
    first_id = await first.get_attribute("data-id")
    # Begun again: the name is kept and the class asked anew; the first question's buttons are still on the screen.
    await say(page, "/start")
    second = last_bot_message(page)
    await expect(second).to_contain_text("Your name Cersei is kept", timeout=TIMEOUT)
    await expect(second).to_contain_text("choose your class", timeout=TIMEOUT)
    assert await second.get_attribute("data-id") != first_id
    await second.locator(".keyboard button:has-text('Warrior')").click()
    await expect(page.locator(".row.bot", has_text="steps into Ashford")).to_have_count(1, timeout=TIMEOUT)
    # The old question's Rogue: the bot answers with a popup, and the character stays a Warrior.
    await page.locator(f".row[data-id='{first_id}'] .keyboard button:has-text('Rogue')").click()
    await expect(page.locator("#alert")).to_be_visible(timeout=TIMEOUT)
    await expect(page.locator("#alert-text")).to_have_text("This choice has expired: send /start to begin again.")
    await expect(page.locator(f".row[data-id='{first_id}'] .keyboard button.loading")).to_have_count(0)
    await page.click("#alert-ok")
    await expect(page.locator("#alert")).to_be_hidden()
    game = await web_game.container.game()
    sheet = await game.get_character(player_id=player_id(page.url))
    assert sheet.class_id == "warrior"


class TestAFloodOfTaps:
    @pytest.fixture
    def setting_overrides(self) -> dict[str, object]:
        return {"throttle_rate": 0.05, "throttle_burst": 4}  # registering takes three

    async def test_is_slowed_down_by_a_toast_that_fades(self, open_chat, web_game):
        page = await open_chat("Tyrion")
        await register(page, "Tyrion")
        menu_id = await page.locator(".row.bot", has_text="steps into Ashford").get_attribute("data-id")
        menu = page.locator(f".row[data-id='{menu_id}']")
        await menu.locator(".keyboard button:has-text('Character')").click()
        await expect(menu.locator(".keyboard button.loading")).to_have_count(0, timeout=TIMEOUT)
        await menu.locator(".keyboard button").first.click()
        toast = page.locator("#toast")
        await expect(toast).to_be_visible(timeout=TIMEOUT)
        await expect(toast).to_contain_text("too many actions at once")
        await expect(page.locator("#alert")).to_be_hidden()  # a toast, not a popup
        await expect(toast).to_be_hidden(timeout=TIMEOUT)


async def test_a_notification_arrives_while_the_page_is_open(open_chat, web_game):
    page = await open_chat("Davos")
    await register(page, "Davos")
    before = await page.locator(".row.bot").count()
    bus = await web_game.container.event_bus()
    await bus.publish(Broadcast(text="🌩 A storm gathers over the Whispering Meadows."))
    arrived = page.locator(".row.bot", has_text="A storm gathers")
    await expect(arrived).to_have_count(1, timeout=TIMEOUT)
    assert await page.locator(".row.bot").count() > before
    # Arrived while nobody typed: the newest message, on the page without a reload.
    await expect(last_bot_message(page)).to_contain_text("A storm gathers")
    # A photo the bot sends shows as a picture with its caption.
    png = bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
    )
    await web_game.server.api.call(
        "sendPhoto",
        {"chat_id": str(player_id(page.url)), "caption": "<b>The map</b> of Ashford", "parse_mode": "HTML"},
        {"photo": (png, "image/png")},
    )
    picture = last_bot_message(page).locator("img")
    await expect(picture).to_be_visible(timeout=TIMEOUT)
    assert await picture.evaluate("img => img.complete && img.naturalWidth") == 1
    await expect(last_bot_message(page).locator("b")).to_have_text("The map")


async def test_what_telegram_would_refuse_is_shown_not_fatal(open_chat, web_game):
    page = await open_chat("Gendry")
    await page.click("#start")
    await expect(last_bot_message(page)).to_contain_text("Send me your character's name", timeout=TIMEOUT)
    api = web_game.server.api
    for text, parse_mode in (("<blink>boo</blink>", "HTML"), ("x" * 5000, None)):
        with pytest.raises(BotApiError):
            await api.call("sendMessage", {"chat_id": player_id(page.url), "text": text, "parse_mode": parse_mode})
    refused = page.locator(".system.refused")
    await expect(refused).to_have_count(2, timeout=TIMEOUT)
    await expect(refused.first).to_contain_text('Unsupported start tag "blink"')
    await expect(refused.last).to_contain_text("message is too long")
    # The chat goes on.
    await say(page, "Gendry")
    await expect(last_bot_message(page)).to_contain_text("choose your class", timeout=TIMEOUT)


async def test_two_players_in_two_pages_hit_the_same_boss(open_chat, web_game, db):
    ann, bob = await open_chat("Ann"), await open_chat("Bob")
    for page, name in ((ann, "Ann"), (bob, "Bob")):
        await register(page, name)
        pid = player_id(page.url)
        await empower(db, pid)
        await move_to(web_game.container, pid, "meadows")
    game = await web_game.container.game()
    await game.admin_spawn_boss(location_id="meadows", boss_def_id="old_tusk")
    landed: set[str] = set()
    for _ in range(4):  # a blow may glance off; the boss lets one strike again after a breath
        for page, name in ((ann, "Ann"), (bob, "Bob")):
            if name in landed:
                continue
            await say(page, "/boss")
            screen = page.locator(".row.bot", has_text="Old Tusk").last
            await expect(screen.locator(".keyboard button").first).to_be_visible(timeout=TIMEOUT)
            await (
                screen.locator(".keyboard button", has_text="Strike")
                .or_(screen.locator(".keyboard button", has_text="Attack"))
                .first.click(timeout=TIMEOUT)
            )
            await expect(screen.locator(".keyboard button.loading")).to_have_count(0, timeout=TIMEOUT)
            if "You strike for" in await screen.inner_text():
                landed.add(name)
        if landed == {"Ann", "Bob"}:
            break
        await ann.wait_for_timeout(10_500)
    assert landed == {"Ann", "Bob"}, "each landed a blow"
    # Each sees the other's damage on the boss screen.
    for page, other in ((ann, "Bob"), (bob, "Ann")):
        await say(page, "/boss")
        await expect(last_bot_message(page)).to_contain_text(f"{other} — ", timeout=TIMEOUT)
    if os.environ.get("RIFTWALKER_SCREENSHOT"):  # a picture of the chat, for a look at it
        await ann.wait_for_timeout(800)  # the smooth scroll to the newest message
        await ann.screenshot(path=os.environ["RIFTWALKER_SCREENSHOT"])
