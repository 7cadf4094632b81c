"""What the bot says to what it does not understand."""

from __future__ import annotations

from bot.i18n import Translator
from bot.views import Screen


def unknown_command(t: Translator) -> Screen:
    return Screen(t("unknown-command"))


def free_text(t: Translator) -> Screen:
    return Screen(t("free-text"))


def stale_button(t: Translator) -> str:
    """A button the bot no longer (or never) drew."""
    return t("stale-button")
