"""Every text exists in every language, and every key the bot uses exists."""

from __future__ import annotations

import re
from pathlib import Path

from bot.i18n import LOCALES, Translator, message_ids, pick_locale

BOT_SOURCE = Path(__file__).resolve().parents[2] / "src" / "bot"
KEY_USE = re.compile(r"""\bt\(\s*["']([a-z0-9-]+)["']""")


def test_languages_have_the_same_keys():
    keys = {locale: message_ids(locale) for locale in LOCALES}
    for locale in LOCALES:
        for other in LOCALES:
            missing = keys[other] - keys[locale]
            assert not missing, f"missing in {locale}: {sorted(missing)}"


def test_every_key_used_in_the_bot_exists():
    used = set()
    for path in BOT_SOURCE.rglob("*.py"):
        if path.name == "i18n.py":  # its docstring shows an example key
            continue
        used |= set(KEY_USE.findall(path.read_text(encoding="utf-8")))
    assert used, "the scan found no keys: the pattern is stale"
    for locale in LOCALES:
        missing = used - message_ids(locale)
        assert not missing, f"used but missing in {locale}: {sorted(missing)}"


def test_texts_render_with_arguments():
    assert "Alaric" in Translator("en")("welcome-back", name="Alaric")
    assert "Alaric" in Translator("ru")("welcome-back", name="Alaric")
    assert Translator("en").pick({"en": "Town", "ru": "Город"}) == "Town"
    assert Translator("ru").pick({"en": "Town", "ru": "Город"}) == "Город"


def test_locale_from_telegram():
    assert pick_locale("ru") == "ru"
    assert pick_locale("en-US") == "en"
    assert pick_locale("uk") == "ru"
    assert pick_locale("de") == "en"
    assert pick_locale(None) == "en"
