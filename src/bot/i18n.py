"""Player-facing texts in every language the bot speaks (Fluent files in `bot/locales/<lang>/`)."""

from __future__ import annotations

import logging
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from fluent.runtime import FluentBundle, FluentResource
from fluent.runtime.types import fluent_number

log = logging.getLogger(__name__)

LOCALES = ("en", "ru")
DEFAULT_LOCALE = "en"


def _locales_root() -> Path:
    return Path(str(resources.files("bot.locales")))


@cache
def bundle(locale: str) -> FluentBundle:
    b = FluentBundle([locale], use_isolating=False)
    for path in sorted((_locales_root() / locale).glob("*.ftl")):
        b.add_resource(FluentResource(path.read_text(encoding="utf-8")))
    return b


def message_ids(locale: str) -> set[str]:
    return set(bundle(locale)._messages)


def pick_locale(language_code: str | None, default: str = DEFAULT_LOCALE) -> str:
    """Telegram sends e.g. 'ru', 'en-US', 'uk'; Russian speakers of neighbouring locales get Russian."""
    if not language_code:
        return default
    lang = language_code.split("-")[0].lower()
    if lang in LOCALES:
        return lang
    if lang in {"uk", "be", "kk"}:
        return "ru"
    return default


# Fluent replaces the whole text with `{???}` when an inserted value is longer than this (a guard against
# runaway messages); a long value (a broadcast, what someone typed) is inserted after formatting instead.
FLUENT_MAX_VALUE = 2500


def _set_aside_long_values(args: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    long_values: dict[str, str] = {}
    if not any(isinstance(v, str) and len(v) > FLUENT_MAX_VALUE for v in args.values()):
        return args, long_values
    short = dict(args)
    for name, value in args.items():
        if isinstance(value, str) and len(value) > FLUENT_MAX_VALUE:
            # Private-use characters no text of ours contains.
            token = f"\ue000{len(long_values)}\ue001"
            long_values[token] = value
            short[name] = token
    return short, long_values


class Translator:
    """`t("key", name=...)` in one locale; `t.pick(local_text)` for content texts ({"en": …, "ru": …})."""

    def __init__(self, locale: str) -> None:
        self.locale = locale if locale in LOCALES else DEFAULT_LOCALE
        self._bundle = bundle(self.locale)

    def __call__(self, key: str, **args: Any) -> str:
        if not self._bundle.has_message(key):
            log.error("missing text %r in locale %s", key, self.locale)
            return key
        pattern = self._bundle.get_message(key).value
        if pattern is None:  # a message of attributes only: it has no text of its own
            log.error("text %r in locale %s has no value", key, self.locale)
            return key
        args, long_values = _set_aside_long_values(args)
        text, errors = self._bundle.format_pattern(pattern, args)
        if errors:
            log.error("text %r (%s): %s", key, self.locale, errors)
        if not isinstance(text, str):
            return key  # resolved to nothing: shown like a missing text
        for token, value in long_values.items():
            text = text.replace(token, value)
        return text

    def number(self, value: float) -> str:
        """A number as this locale writes it: the very formatting Fluent gives a number argument
        (`6,920` in English, `6 920` in Russian), for the numbers a view puts together itself."""
        return str(fluent_number(value).format(self._bundle._babel_locale))

    def pick(self, local_text: dict[str, str]) -> str:
        return local_text.get(self.locale) or local_text.get(DEFAULT_LOCALE) or next(iter(local_text.values()), "")
