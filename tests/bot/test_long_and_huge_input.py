"""Long texts and numbers past 64 bits, typed or tampered into buttons: a clear answer, nothing changed,
no `{???}`, nothing in the log as an error."""

from __future__ import annotations

import pytest

from bot.callbacks import DropCb
from bot.i18n import Translator
from bot.views import notifications
from shared.events import Broadcast
from tests.bot.conftest import register
from tests.bot.test_admin import ADMIN, published
from tests.bot.test_play_flow import (
    no_errors_logged,  # noqa: F401 — the autouse fixture applies here too
    sql,
)


@pytest.fixture
def settings(settings):
    return settings.model_copy(update={"admin_ids": [ADMIN]})


async def test_a_long_broadcast_reaches_players_whole(new_chat, container):
    admin = new_chat(user_id=ADMIN)
    text = "Hear ye! " + "The rift stirs. " * 190  # ~3,000 characters
    answer = await admin.send(f"/broadcast {text}")
    assert "Broadcast queued" in answer[-1].text
    [event] = await published(container)
    assert isinstance(event, Broadcast) and event.text == text.strip()
    for locale in ("en", "ru"):
        shown = notifications.broadcast(Translator(locale), event.text).text
        assert "{???}" not in shown and shown.endswith(text.strip())


async def test_a_broadcast_longer_than_a_message_is_refused_with_the_reason(new_chat, container):
    admin = new_chat(user_id=ADMIN)
    answer = await admin.send("/broadcast " + "x" * 5000)
    assert answer[-1].text.startswith("📢 Not sent: that is 5,000 characters, and one Telegram message holds 4,0")
    assert await published(container) == []


async def test_lookups_past_64_bits_or_past_a_line_find_nobody(new_chat, game):
    player = new_chat(user_id=501)
    await register(player, name="Alaric")
    admin = new_chat(user_id=ADMIN)
    for query in ("99999999999999999999999", "-99999999999999999999999", "9223372036854775808", "1" * 5000):
        answer = (await admin.send(f"/lookup {query}"))[-1].text
        assert answer.startswith("Nobody goes by “") and len(answer) < 100, query[:30]
    assert (await admin.send("/lookup 9223372036854775807"))[-1].text.startswith("Nobody goes by")
    long_name = "N" * 3000
    answer = (await admin.send(f"/lookup {long_name}"))[-1].text
    assert answer == "Nobody goes by “" + "N" * 63 + "…”."
    answer = (await admin.send("/open_rift " + "z" * 3000))[-1].text
    assert answer.startswith("No place “zzz") and len(answer) < 120
    assert await game.list_rifts() == []


async def test_a_button_tampered_past_64_bits_is_stale(new_chat, game, db):
    chat = new_chat()
    await register(chat)
    await sql(db, "INSERT INTO inventory_items VALUES (:p, 'iron_ore', 4)", p=chat.user_id)
    await chat.send("/inventory")
    bag = await game.inventory(player_id=chat.user_id)
    for forged in (
        DropCb(id="iron_ore", q=1, v=2**64, ok=True).pack(),
        DropCb(id="iron_ore", q=2**63, v=bag.version, ok=True).pack(),
    ):
        await chat.press(forged)
        assert chat.last_alert == "⌛ This button is no longer valid." or chat.last.text.startswith("⌛")
    assert await game.inventory(player_id=chat.user_id) == bag
