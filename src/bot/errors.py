"""The last safety net: an update that failed unexpectedly (storage down, a bug) still gets an answer.

The failure is logged with its traceback once; the player is told to try again instead of facing silence.
"""

from __future__ import annotations

import contextlib
import logging

from aiogram import Router
from aiogram.exceptions import TelegramAPIError
from aiogram.types import ErrorEvent

from bot.i18n import Translator, pick_locale
from bot.screens import show, toast
from bot.views import fallback

log = logging.getLogger(__name__)


async def on_error(event: ErrorEvent) -> bool:
    update = event.update
    log.error("update %s failed: %r", update.update_id, event.exception, exc_info=event.exception)
    query, message = update.callback_query, update.message
    asking = query or message
    user = asking.from_user if asking is not None else None
    t = Translator(pick_locale(user.language_code if user else None))
    # Telegram itself may be the problem: then there is nobody to tell.
    said = fallback.service_unavailable(t)
    with contextlib.suppress(TelegramAPIError, OSError):
        if query is not None:
            await toast(query, said.text, alert=True)
        elif message is not None:
            await show(message, said)
    return True


def build_router() -> Router:
    router = Router(name="errors")
    router.errors.register(on_error)
    return router
