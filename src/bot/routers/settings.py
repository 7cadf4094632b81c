"""Settings: the language."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message

from bot import keyboards
from bot.callbacks import LangCb, NavCb
from bot.i18n import LOCALES, Translator
from bot.middlewares.locale import remember_locale
from bot.screens import show


async def settings(event: Message | CallbackQuery, t: Translator) -> None:
    await show(event, t("settings", language=t("language-name")), keyboards.settings(t))


async def set_language(query: CallbackQuery, callback_data: LangCb, state: FSMContext, t: Translator) -> None:
    if callback_data.code not in LOCALES:
        await query.answer(t("stale-button"), show_alert=True)
        return
    await remember_locale(state, callback_data.code)
    t = Translator(callback_data.code)
    await query.answer(t("language-set"))
    await show(query, t("settings", language=t("language-name")), keyboards.settings(t))


def build_router() -> Router:
    router = Router(name="settings")
    router.message.register(settings, Command("settings"))
    router.callback_query.register(settings, NavCb.filter(F.to == "settings"))
    router.callback_query.register(set_language, LangCb.filter())
    return router
