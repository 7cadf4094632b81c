from __future__ import annotations

import os

import pytest
from dependency_injector import providers

from bot.local_chat import LocalChat
from tests.support import seam

# The bot's flows run with the game in this process and behind `serve-game`'s HTTP server — the same
# flows, the same answers: the proof that the seam is real. `TEST_GAME_TRANSPORTS=inprocess` for one.
GAME_TRANSPORTS = [t for t in os.environ.get("TEST_GAME_TRANSPORTS", "inprocess,http").split(",") if t]


@pytest.fixture(params=GAME_TRANSPORTS)
async def container(request, settings):
    """The application as `riftwalker` composes it, with a local (recording) Telegram session, and the game
    in process or across the HTTP seam."""
    from app.containers import Container

    container = Container(settings=settings, local_bot=True)
    await container.init_resources()
    try:
        if request.param == "http":
            async with seam.served(await container.core.game(), await container.nonce_store()) as url:
                client = seam.client(url)
                remote = providers.Object(client)
                remote.enable_async_mode()  # awaited like the providers it stands in for
                container.game.override(remote)
                try:
                    yield container
                finally:
                    container.game.reset_override()
                    await client.close()
        else:
            yield container
    finally:
        await container.shutdown_resources()


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
