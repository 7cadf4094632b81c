"""Whatever no feature router took: unknown commands, free text, foreign or outdated buttons.

Registered last, so it only sees what nothing else understood.
"""

from __future__ import annotations

from aiogram import F, Router
from aiogram.types import CallbackQuery, Message

from bot.i18n import Translator
from bot.screens import show, toast
from bot.views import fallback


async def unknown_command(message: Message, t: Translator) -> None:
    await show(message, fallback.unknown_command(t))


async def free_text(message: Message, t: Translator) -> None:
    await show(message, fallback.free_text(t))


async def unknown_button(query: CallbackQuery, t: Translator) -> None:
    await toast(query, fallback.stale_button(t), alert=True)


def build_router() -> Router:
    router = Router(name="fallback")
    router.message.register(unknown_command, F.text.startswith("/"))
    router.message.register(free_text)
    router.callback_query.register(unknown_button)
    return router
