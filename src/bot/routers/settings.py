"""Settings: the language, and which notifications (rifts, world bosses) the player wants."""

from __future__ import annotations

import contextlib

from aiogram import F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message

from bot.callbacks import LangCb, NavCb
from bot.i18n import LOCALES, Translator
from bot.keyboards.builder import KeyboardBuilder
from bot.middlewares.locale import remember_locale
from bot.screens import show
from bot.world_callbacks import NotifyCb
from game.api import GameApi, NotificationSettings, NotRegistered

# Literal keys, so the i18n check sees each one.
TOGGLES = {
    ("rifts", True): lambda t: t("btn-notify-rifts-on"),
    ("rifts", False): lambda t: t("btn-notify-rifts-off"),
    ("bosses", True): lambda t: t("btn-notify-bosses-on"),
    ("bosses", False): lambda t: t("btn-notify-bosses-off"),
}
TOGGLED = {
    ("rifts", True): lambda t: t("notify-rifts-enabled"),
    ("rifts", False): lambda t: t("notify-rifts-muted"),
    ("bosses", True): lambda t: t("notify-bosses-enabled"),
    ("bosses", False): lambda t: t("notify-bosses-muted"),
}


def _text(t: Translator, notifications: NotificationSettings | None) -> str:
    text = t("settings", language=t("language-name"))
    if notifications is not None:

        def state(category: str) -> str:
            return t("notify-state-off") if category in notifications.muted else t("notify-state-on")

        text += "\n" + t("settings-notifications", rifts=state("rifts"), bosses=state("bosses"))
    return text


def _keyboard(t: Translator, notifications: NotificationSettings | None) -> InlineKeyboardMarkup:
    kb = KeyboardBuilder()
    kb.button(text=t("btn-lang-en"), callback_data=LangCb(code="en"))
    kb.button(text=t("btn-lang-ru"), callback_data=LangCb(code="ru"))
    rows = [2]
    if notifications is not None:
        for category in notifications.categories:
            enabled = category not in notifications.muted
            label = TOGGLES.get((category, enabled))
            if label is None:  # a category newer than this bot
                continue
            # The button names the state it sets, so a repeated press changes nothing.
            kb.button(text=label(t), callback_data=NotifyCb(cat=category, on=not enabled))
            rows.append(1)
    kb.button(text=t("btn-menu"), callback_data=NavCb(to="menu"))
    kb.adjust(*rows, 1)
    return kb.as_markup()


async def _notifications(game: GameApi, player_id: int) -> NotificationSettings | None:
    try:
        return await game.notification_settings(player_id=player_id)
    except NotRegistered:
        return None  # the language can be chosen before there is a character


async def _draw(event: Message | CallbackQuery, game: GameApi, t: Translator) -> None:
    notifications = await _notifications(game, event.from_user.id)
    await show(event, _text(t, notifications), _keyboard(t, notifications))


async def settings(event: Message | CallbackQuery, game: GameApi, t: Translator) -> None:
    await _draw(event, game, t)


async def set_language(
    query: CallbackQuery, callback_data: LangCb, state: FSMContext, game: GameApi, t: Translator
) -> None:
    if callback_data.code not in LOCALES:
        await query.answer(t("stale-button"), show_alert=True)
        return
    await remember_locale(state, callback_data.code)
    t = Translator(callback_data.code)
    await query.answer(t("language-set"))
    await _draw(query, game, t)


async def toggle_notification(query: CallbackQuery, callback_data: NotifyCb, game: GameApi, t: Translator) -> None:
    if (callback_data.cat, callback_data.on) not in TOGGLED:
        await query.answer(t("stale-button"), show_alert=True)
        return
    notifications = await game.set_notification(
        player_id=query.from_user.id, category=callback_data.cat, enabled=callback_data.on
    )
    with contextlib.suppress(TelegramBadRequest):
        await query.answer(TOGGLED[(callback_data.cat, callback_data.on)](t))
    await show(query, _text(t, notifications), _keyboard(t, notifications))


def build_router() -> Router:
    router = Router(name="settings")
    router.message.register(settings, Command("settings"))
    router.callback_query.register(settings, NavCb.filter(F.to == "settings"))
    router.callback_query.register(set_language, LangCb.filter())
    router.callback_query.register(toggle_notification, NotifyCb.filter())
    return router
