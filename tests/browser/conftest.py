"""The game played in a real browser: Chromium from the system's packages, driven by Playwright, in the
web chat of the local Telegram; the bot long-polls it over HTTP as it would Telegram, on the test
PostgreSQL and Redis.

Nothing here downloads a browser: Playwright is pointed at the system's Chromium (`/usr/bin/chromium`,
or `RIFTWALKER_CHROMIUM`). Without one the tests are skipped, saying why.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import os
import shutil
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from app.containers import Container
from app.play_web import bot_settings, local_telegram
from app.runtime import running_game
from bot.commands import publish_commands
from local_telegram import LocalTelegram

pytestmark = [pytest.mark.servers, pytest.mark.browser]


def chromium_path() -> str | None:
    candidates = [os.environ.get("RIFTWALKER_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")]
    return next((c for c in candidates if c and Path(c).exists()), None)


@pytest.fixture(scope="session")
async def browser() -> AsyncIterator[Any]:
    playwright_api = pytest.importorskip("playwright.async_api", reason="Playwright is not installed (make test)")
    executable = chromium_path()
    if executable is None:
        pytest.skip("no Chromium on this machine: `apt-get install chromium` (scripts/browser_deps.sh does it)")
    async with playwright_api.async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=executable, headless=True)
        yield browser
        await browser.close()


@dataclass
class WebGame:
    server: LocalTelegram
    container: Container

    @property
    def url(self) -> str:
        return self.server.url


@pytest.fixture
def setting_overrides() -> dict[str, object]:
    """Settings a test changes for its bot (overridden where one needs to)."""
    return {}


@pytest.fixture
async def web_game(settings, setting_overrides: dict[str, object]) -> AsyncIterator[WebGame]:
    """The local Telegram and the bot on it, polling, with the scheduler and the notifier running."""
    settings = settings.model_copy(update=setting_overrides)
    thresholds = gc.get_threshold()
    async with contextlib.AsyncExitStack() as stack:
        # A started game freezes the process's heap and collects less often (`app.heap`): undone after the
        # test, so that what the tests leave behind is collected as usual.
        stack.callback(gc.set_threshold, *thresholds)
        stack.callback(gc.unfreeze)
        server = await stack.enter_async_context(local_telegram())
        rt = await stack.enter_async_context(
            running_game(bot_settings(settings, server), local_bot=False, migrate=False)
        )
        await publish_commands(rt.bot)
        polling = asyncio.create_task(
            rt.dispatcher.start_polling(rt.bot, handle_signals=False, close_bot_session=False, polling_timeout=1)
        )
        try:
            yield WebGame(server=server, container=rt.container)
        finally:
            with contextlib.suppress(RuntimeError):  # polling that never started
                await rt.dispatcher.stop_polling()
            await asyncio.wait_for(polling, 10)


@pytest.fixture
async def open_chat(browser, web_game: WebGame) -> AsyncIterator[Callable[..., Awaitable[Any]]]:
    """Opens a player's chat in a page of its own (a browser context each: two players, two windows)."""
    contexts = []
    errors: list[str] = []

    async def open_(name: str, lang: str = "en") -> Any:
        context = await browser.new_context(viewport={"width": 520, "height": 900}, locale=lang)
        contexts.append(context)
        page = await context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        await page.goto(f"{web_game.url}/?player={name}&lang={lang}")
        await page.wait_for_selector("#status:has-text('bot'), #status:has-text('бот')")
        return page

    yield open_
    for context in contexts:
        await context.close()
    assert not errors, errors  # the page's script never threw
