"""Webhook mode: Telegram posts each update to `WEBHOOK_URL` + `WEBHOOK_PATH`; any number of bot replicas
can stand behind a balancer, since FSM, locks, throttling and the once-per-update claim live in Redis.

Each request must carry `X-Telegram-Bot-Api-Secret-Token` equal to `WEBHOOK_SECRET` (else 401: a stranger
cannot inject updates). An update is answered after it was handled, not before: a replica that dies
mid-update leaves it unanswered, and Telegram delivers it again. The webhook is registered once, by
`riftwalker set-webhook`, not by every replica as it starts.
"""

from __future__ import annotations

import asyncio
import logging
import re
import signal

from aiogram import Bot
from aiogram.webhook.aiohttp_server import SimpleRequestHandler
from aiohttp import web

from app.runtime import running_game
from bot.commands import publish_commands
from shared.config import Settings

log = logging.getLogger(__name__)

# Telegram's rule for the secret token: 1-256 characters, A-Z, a-z, 0-9, _ and -.
_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")
ALLOWED_UPDATES = ["message", "callback_query"]


def webhook_secret(settings: Settings) -> str:
    secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else ""
    if len(secret) < 16 or not _SECRET.fullmatch(secret):
        raise RuntimeError(
            "WEBHOOK_SECRET must be set for webhook mode: 16 to 256 characters of A-Z, a-z, 0-9, _ and -"
        )
    return secret


def webhook_url(settings: Settings) -> str:
    if not settings.webhook_url:
        raise RuntimeError("WEBHOOK_URL is not set: the public https address Telegram posts updates to")
    return settings.webhook_url.rstrip("/") + settings.webhook_path


async def serve_webhook(settings: Settings) -> None:
    secret = webhook_secret(settings)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    async with running_game(settings, local_bot=False) as rt:
        await publish_commands(rt.bot)
        app = web.Application()
        SimpleRequestHandler(
            dispatcher=rt.dispatcher, bot=rt.bot, handle_in_background=False, secret_token=secret
        ).register(app, path=settings.webhook_path)
        # On a stop the listener closes first; updates being handled get up to 10 s.
        runner = web.AppRunner(app, handle_signals=False, shutdown_timeout=10.0)
        await runner.setup()
        try:
            await web.TCPSite(runner, settings.webhook_host, settings.webhook_port).start()
            log.info(
                "webhook: listening on %s:%d%s", settings.webhook_host, settings.webhook_port, settings.webhook_path
            )
            await stop.wait()
            log.info("webhook: stopping")
        finally:
            await runner.cleanup()


async def set_webhook(bot: Bot, settings: Settings, *, delete: bool = False) -> str:
    """Register (or remove) the webhook with Telegram; what was done, in a sentence."""
    if delete:
        await bot.delete_webhook(drop_pending_updates=False)
        return "webhook removed: the bot can long-poll again"
    url = webhook_url(settings)
    await bot.set_webhook(
        url, secret_token=webhook_secret(settings), allowed_updates=ALLOWED_UPDATES, drop_pending_updates=False
    )
    return f"webhook set: {url}"
