"""`riftwalker play` in the browser: the local Telegram (Bot API and web chat) and the bot, which reaches it
the way `riftwalker run` reaches Telegram — long polling over HTTP to `TELEGRAM_API_URL`."""

from __future__ import annotations

import asyncio
import contextlib
import errno
import logging
import os
import signal
import socket
import sys
import webbrowser
from collections.abc import AsyncIterator
from pathlib import Path

from pydantic import SecretStr

from app.local_services import DataDirLock
from local_telegram import BotApi, Limits, LocalTelegram
from shared.config import Settings

log = logging.getLogger(__name__)

# The local Telegram knows one bot; its token never leaves this machine.
LOCAL_TOKEN = "7000000001:local-riftwalker"


@contextlib.asynccontextmanager
async def local_telegram(
    *,
    host: str = "127.0.0.1",
    port: int = 0,
    limits: Limits | None = None,
    token: str = LOCAL_TOKEN,
    state_file: Path | None = None,
) -> AsyncIterator[LocalTelegram]:
    """The local Telegram on `host:port`, or on a free port when that one is taken; its chats kept in
    `state_file` between runs when one is given."""
    api = BotApi(token=token, bot_name="Riftwalker", bot_username="riftwalker_bot", limits=limits or Limits())
    server = LocalTelegram(api, host=host, port=port, state_file=state_file)
    try:
        await server.start()
    except OSError as error:
        if error.errno != errno.EADDRINUSE or port == 0:
            raise
        print(f"Port {port} is taken; using a free one instead.", file=sys.stderr)
        server = LocalTelegram(api, host=host, port=0, state_file=state_file)
        await server.start()
    try:
        yield server
    finally:
        await server.stop()


def bot_settings(settings: Settings, server: LocalTelegram) -> Settings:
    return settings.model_copy(update={"bot_token": SecretStr(LOCAL_TOKEN), "telegram_api_url": server.url})


def addresses(server: LocalTelegram) -> list[str]:
    """Where players open the chat: this machine, and its network addresses when it listens on all."""
    urls = [f"{server.url}/"]
    if server.host in {"0.0.0.0", "::", ""}:
        with contextlib.suppress(OSError):
            probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            probe.connect(("10.255.255.255", 1))  # no packet is sent: this only picks the outgoing interface
            urls.append(f"http://{probe.getsockname()[0]}:{server.port}/")
            probe.close()
    return urls


def can_open_browser() -> bool:
    if sys.platform in {"darwin", "win32"}:
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


async def play_in_browser(
    settings: Settings, *, host: str, port: int, open_browser: bool, limits: Limits, claim: DataDirLock | None = None
) -> None:
    from app.cli import run_bot

    chats = settings.play_data_dir / "telegram-chats.json"  # players find their chats as they left them
    async with local_telegram(host=host, port=port, limits=limits, state_file=chats) as server:
        urls = addresses(server)
        if claim is not None:
            claim.note(urls[-1])  # a second `play` on this data folder is sent here
        print("Riftwalker is ready. Open the chat in a browser:", file=sys.stderr)
        for url in urls:
            print(f"  {url}", file=sys.stderr)
        print("Each player opens it in a tab of their own (a name each). Ctrl-C stops the game.", file=sys.stderr)
        if open_browser and can_open_browser():
            await asyncio.get_running_loop().run_in_executor(None, webbrowser.open, urls[0])
        await run_bot(bot_settings(settings, server))
    print("The game has stopped; its world waits in the data folder for the next `make play`.", file=sys.stderr)


async def serve_local_telegram(*, host: str, port: int, token: str | None, limits: Limits) -> None:
    """The local Telegram alone, until SIGINT or SIGTERM: for a bot run elsewhere (`riftwalker run`)."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        loop.add_signal_handler(sig, stop.set)
    async with local_telegram(host=host, port=port, limits=limits, token=token or LOCAL_TOKEN) as server:
        print(f"A local Telegram on {server.url}: start the bot with", file=sys.stderr)
        print(f"  TELEGRAM_API_URL={server.url} BOT_TOKEN={server.api.token} riftwalker run", file=sys.stderr)
        print("and open the chat at:", file=sys.stderr)
        for url in addresses(server):
            print(f"  {url}", file=sys.stderr)
        await stop.wait()
