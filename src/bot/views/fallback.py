"""What the bot says to what it does not understand."""

from __future__ import annotations

from bot.i18n import Translator
from bot.views import Screen


def unknown_command(t: Translator) -> Screen:
    return Screen(t("unknown-command"))


def free_text(t: Translator) -> Screen:
    return Screen(t("free-text"))


def slow_down(t: Translator) -> Screen:
    """To a player who floods the bot: a reply to a message, the text of a toast for a button."""
    return Screen(t("slow-down"))


def service_unavailable(t: Translator) -> Screen:
    """When an update failed for a reason of ours (storage down, a bug): try again."""
    return Screen(t("service-unavailable"))


def stale_button(t: Translator) -> str:
    """A button the bot no longer (or never) drew."""
    return t("stale-button")
