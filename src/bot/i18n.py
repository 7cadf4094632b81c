"""Player-facing texts in every language the bot speaks (Fluent files in `bot/locales/<lang>/`)."""

from __future__ import annotations

import logging
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from babel import Locale
from fluent.runtime import FluentBundle, FluentResource
from fluent.runtime.resolver import CurrentEnvironment, Pattern, ResolverEnvironment
from fluent.runtime.types import FluentFloat, FluentInt, FluentNone, FluentNumber, fluent_number
from fluent.runtime.utils import native_to_fluent

log = logging.getLogger(__name__)

LOCALES = ("en", "ru")
DEFAULT_LOCALE = "en"


def _locales_root() -> Path:
    return Path(str(resources.files("bot.locales")))


# --- numbers: formatted once per locale and value ------------------------------------------------------
# Fluent formats a number argument by cloning the locale's babel pattern and applying it, on every call; a
# screen shows a dozen numbers (HP, mana, gold, XP), mostly the same few values again and again.

_DEFAULT_OPTIONS = FluentNumber.default_number_format_options


@lru_cache(maxsize=8192)
def _formatted(locale: Locale, kind: type[FluentInt] | type[FluentFloat], value: float) -> str:
    return str(kind(value).format(locale))


class _Int(FluentInt):
    """A number argument with Fluent's default options, its text taken from `_formatted`."""

    def __new__(cls, value: int) -> _Int:
        self = int.__new__(cls, value)
        self.options = _DEFAULT_OPTIONS
        return self

    def format(self, locale: Locale) -> str:
        if self.options is _DEFAULT_OPTIONS:
            return _formatted(locale, FluentInt, int(self))
        return str(super().format(locale))


class _Float(FluentFloat):
    def __new__(cls, value: float) -> _Float:
        self = float.__new__(cls, value)
        self.options = _DEFAULT_OPTIONS
        return self

    def format(self, locale: Locale) -> str:
        if self.options is _DEFAULT_OPTIONS:
            return _formatted(locale, FluentFloat, float(self))
        return str(super().format(locale))


def _to_fluent(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, FluentNumber):
        return _Int(value)
    if isinstance(value, float) and not isinstance(value, FluentNumber):
        return _Float(value)
    return native_to_fluent(value)


class _Bundle(FluentBundle):
    """`FluentBundle` with its number arguments formatted through `_formatted` (the same text)."""

    def format_pattern(
        self, pattern: Pattern, args: dict[str, Any] | None = None
    ) -> tuple[str | FluentNone, list[Exception]]:
        fluent_args = {name: _to_fluent(value) for name, value in args.items()} if args else {}
        errors: list[Exception] = []
        env = ResolverEnvironment(context=self, current=CurrentEnvironment(args=fluent_args), errors=errors)
        try:
            result = pattern(env)
        except ValueError as e:
            errors.append(e)
            result = "{???}"
        return result, errors


@cache
def bundle(locale: str) -> FluentBundle:
    """The locale's texts, read and parsed once per process (each message compiled on its first use)."""
    b = _Bundle([locale], use_isolating=False)
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
    for v in args.values():
        if isinstance(v, str) and len(v) > FLUENT_MAX_VALUE:
            break
    else:  # the usual case: nothing long
        return args, long_values
    short = dict(args)
    for name, value in args.items():
        if isinstance(value, str) and len(value) > FLUENT_MAX_VALUE:
            # Private-use characters no text of ours contains.
            token = f"\ue000{len(long_values)}\ue001"
            long_values[token] = value
            short[name] = token
    return short, long_values


def _text(bundle_: FluentBundle, locale: str, key: str, args: dict[str, Any]) -> str:
    if not bundle_.has_message(key):
        log.error("missing text %r in locale %s", key, locale)
        return key
    pattern = bundle_.get_message(key).value
    if pattern is None:  # a message of attributes only: it has no text of its own
        log.error("text %r in locale %s has no value", key, locale)
        return key
    args, long_values = _set_aside_long_values(args)
    text, errors = bundle_.format_pattern(pattern, args)
    if errors:
        log.error("text %r (%s): %s", key, locale, errors)
    if not isinstance(text, str):
        return key  # resolved to nothing: shown like a missing text
    for token, value in long_values.items():
        text = text.replace(token, value)
    return text


# --- whole texts: formatted once per locale, key and arguments -----------------------------------------
# A screen is a dozen texts, most of them the same from one action to the next (a button's label, a line
# with the same HP): each kept after its first formatting, when its arguments are plain and short.
_KEPT_TYPES = frozenset({str, int, float, bool, type(None)})
_KEPT_STR = 200


@lru_cache(maxsize=16_384)
def _kept_text(locale: str, key: str, args: tuple[tuple[str, type, Any], ...]) -> str:
    return _text(bundle(locale), locale, key, {name: value for name, _, value in args})


class Translator:
    """`t("key", name=...)` in one locale; `t.pick(local_text)` for content texts ({"en": …, "ru": …})."""

    def __init__(self, locale: str) -> None:
        self.locale = locale if locale in LOCALES else DEFAULT_LOCALE
        self._bundle = bundle(self.locale)

    def __call__(self, key: str, **args: Any) -> str:
        if all(type(v) in _KEPT_TYPES and (type(v) is not str or len(v) <= _KEPT_STR) for v in args.values()):
            # With each value's type: 1, 1.0 and True are equal keys, and Fluent writes them differently.
            return _kept_text(self.locale, key, tuple((name, type(v), v) for name, v in args.items()))
        return _text(self._bundle, self.locale, key, args)

    def number(self, value: float) -> str:
        """A number as this locale writes it: the very formatting Fluent gives a number argument
        (`6,920` in English, `6 920` in Russian), for the numbers a view puts together itself."""
        if isinstance(value, int | float) and not isinstance(value, FluentNumber):
            return _to_fluent(value).format(self._bundle._babel_locale)  # type: ignore[no-any-return]
        return str(fluent_number(value).format(self._bundle._babel_locale))

    def pick(self, local_text: dict[str, str]) -> str:
        return local_text.get(self.locale) or local_text.get(DEFAULT_LOCALE) or next(iter(local_text.values()), "")
