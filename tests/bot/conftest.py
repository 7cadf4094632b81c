from __future__ import annotations

import pytest

from bot.local_chat import LocalChat


@pytest.fixture
async def bot(container):
    return await container.bot()


@pytest.fixture
async def dispatcher(container):
    return await container.dispatcher()


@pytest.fixture
def new_chat(dispatcher, bot):
    """A player's chat with the real Dispatcher; every Bot API request is recorded, nothing leaves."""

    def make(user_id: int = 501, language_code: str | None = "en") -> LocalChat:
        return LocalChat(dispatcher, bot, user_id=user_id, language_code=language_code)

    return make


async def register(chat: LocalChat, name: str = "Alaric", class_label: str = "Warrior") -> None:
    await chat.send("/start")
    await chat.send(name)
    await chat.press_button(class_label)
