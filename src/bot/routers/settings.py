"""Settings: the language, and which notifications (rifts, world bosses) the player wants."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message

from bot.callbacks import LangCb, NavCb
from bot.i18n import LOCALES, Translator
from bot.middlewares.locale import remember_locale
from bot.screens import player_of, show, toast
from bot.views import fallback
from bot.views import settings as views
from bot.world_callbacks import NotifyCb
from game.api import NotificationsApi, NotificationSettings, NotRegistered


async def _notifications(game: NotificationsApi, player_id: int) -> NotificationSettings | None:
    try:
        return await game.notification_settings(player_id=player_id)
    except NotRegistered:
        return None  # the language can be chosen before there is a character


async def settings(event: Message | CallbackQuery, game: NotificationsApi, t: Translator) -> None:
    await show(event, views.screen(t, await _notifications(game, player_of(event))))


async def set_language(
    query: CallbackQuery, callback_data: LangCb, state: FSMContext, game: NotificationsApi, t: Translator
) -> None:
    if callback_data.code not in LOCALES:
        await toast(query, fallback.stale_button(t), alert=True)
        return
    await remember_locale(state, callback_data.code)
    t = Translator(callback_data.code)  # the rest of this answer speaks the new language
    # Said even when the language was already this one: a tap that changes nothing on screen still answers.
    await toast(query, views.language_chosen(t))
    await show(query, views.screen(t, await _notifications(game, query.from_user.id)))


async def toggle_notification(
    query: CallbackQuery, callback_data: NotifyCb, game: NotificationsApi, t: Translator
) -> None:
    if not views.knows(callback_data.cat):
        await toast(query, fallback.stale_button(t), alert=True)
        return
    notifications = await game.set_notification(
        player_id=query.from_user.id, category=callback_data.cat, enabled=callback_data.on
    )
    await show(query, views.screen(t, notifications))


def build_router() -> Router:
    router = Router(name="settings")
    router.message.register(settings, Command("settings"))
    router.callback_query.register(settings, NavCb.filter(F.to == "settings"))
    router.callback_query.register(set_language, LangCb.filter())
    router.callback_query.register(toggle_notification, NotifyCb.filter())
    return router
