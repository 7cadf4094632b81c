"""What players and admins type is shown as they typed it, never read as HTML."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from bot.i18n import Translator
from bot.views import notifications
from game.api import LocationView
from tests.bot.conftest import register

ADMIN = 4242
NAME = "<b>x</b>&"
SHOWN = "&lt;b&gt;x&lt;/b&gt;&amp;"


@pytest.fixture
def settings(settings):
    return settings.model_copy(update={"admin_ids": [ADMIN]})


def literal_name(shown: str) -> bool:
    return SHOWN in shown and NAME not in shown


async def test_a_name_with_markup_shows_literally_everywhere(new_chat, db):
    chat = new_chat(user_id=501)
    await register(chat, name="Alaric")
    # The game refuses such a name; one already stored (an older rule, an import) must still be safe.
    async with db.begin() as conn:
        await conn.execute(text("UPDATE characters SET name = :n WHERE player_id = 501"), {"n": NAME})

    for command in ("/menu", "/me", "/top", "/start"):
        answer = await chat.send(command)
        assert any(literal_name(m.text) for m in answer), command

    admin = new_chat(user_id=ADMIN)
    assert literal_name((await admin.send("/lookup 501"))[-1].text)


async def test_what_an_admin_typed_shows_literally(new_chat):
    admin = new_chat(user_id=ADMIN)
    assert (await admin.send(f"/open_rift {NAME}"))[-1].text == f"No place “{SHOWN}” can take that."
    assert (await admin.send(f"/lookup {NAME}"))[-1].text == f"Nobody goes by “{SHOWN}”."


def test_a_greeting_names_the_player_literally():
    here = LocationView.model_validate(
        {
            "id": "ashford",
            "name": {"en": "Ashford", "ru": "Эшфорд"},
            "description": {"en": "", "ru": ""},
            "level": 1,
            "is_town": True,
            "exits": [],
        }
    )
    assert literal_name(notifications.greeting(Translator("en"), NAME, here).text)
