"""Settings: the language, and which notifications (rifts, world bosses) the player wants."""

from __future__ import annotations

from bot.callbacks import LangCb, nav
from bot.i18n import Translator
from bot.views import Screen
from bot.views.common import Text
from bot.views.keyboard import KeyboardBuilder
from bot.world_callbacks import NotifyCb
from game.api import NotificationSettings

# Literal keys, so the i18n check sees each one.
TOGGLES: dict[tuple[str, bool], Text] = {
    ("rifts", True): lambda t: t("btn-notify-rifts-on"),
    ("rifts", False): lambda t: t("btn-notify-rifts-off"),
    ("bosses", True): lambda t: t("btn-notify-bosses-on"),
    ("bosses", False): lambda t: t("btn-notify-bosses-off"),
    # Players together.
    ("guild_chat", True): lambda t: t("btn-notify-guild-chat-on"),
    ("guild_chat", False): lambda t: t("btn-notify-guild-chat-off"),
    ("arena", True): lambda t: t("btn-notify-arena-on"),
    ("arena", False): lambda t: t("btn-notify-arena-off"),
    # the player economy
    ("exchange", True): lambda t: t("btn-notify-exchange-on"),
    ("exchange", False): lambda t: t("btn-notify-exchange-off"),
}


def screen(t: Translator, notifications: NotificationSettings | None) -> Screen:
    """None: no character yet, so only the language (it can be chosen before there is one)."""
    text = t("settings", language=t("language-name"))
    if notifications is not None:

        def state(category: str) -> str:
            return t("notify-state-off") if category in notifications.muted else t("notify-state-on")

        text += "\n" + t("settings-notifications", rifts=state("rifts"), bosses=state("bosses"))
        if "guild_chat" in notifications.categories:
            text += "\n" + t("settings-guild-chat", state=state("guild_chat"))
        if "arena" in notifications.categories:
            text += "\n" + t("settings-arena", state=state("arena"))
        if "exchange" in notifications.categories:
            text += "\n" + t("settings-notifications-exchange", state=state("exchange"))
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
    kb.button(text=t("btn-menu"), callback_data=nav("menu"))
    kb.adjust(*rows, 1)
    return Screen(text, kb.as_markup())


def knows(category: str) -> bool:
    """A category of notifications this bot has buttons for (a newer one's button would be forged)."""
    return (category, True) in TOGGLES


def language_chosen(t: Translator) -> str:
    return t("language-chosen")
