"""Every text exists in every language, every key the bot uses exists, and every text is used."""

from __future__ import annotations

import re
from pathlib import Path

from bot.i18n import LOCALES, Translator, _text, bundle, message_ids, pick_locale

BOT_SOURCE = Path(__file__).resolve().parents[2] / "src" / "bot"
# A text is asked for as `t("key", …)`, or declared as a refusal's `say("key", …)`; keys are always
# literal, never built from pieces at run time, so this finds every use.
KEY_USE = re.compile(r"""\b(?:t|say)\(\s*["']([a-z0-9-]+)["']""")
# Texts no code asks for, each with the reason it stays (none today).
UNUSED_ON_PURPOSE: dict[str, str] = {}


def used_keys() -> set[str]:
    used = set()
    for path in BOT_SOURCE.rglob("*.py"):
        if path.name == "i18n.py":  # its docstring shows an example key
            continue
        used |= set(KEY_USE.findall(path.read_text(encoding="utf-8")))
    assert used, "the scan found no keys: the pattern is stale"
    return used


def test_languages_have_the_same_keys():
    keys = {locale: message_ids(locale) for locale in LOCALES}
    for locale in LOCALES:
        for other in LOCALES:
            missing = keys[other] - keys[locale]
            assert not missing, f"missing in {locale}: {sorted(missing)}"


def test_every_key_used_in_the_bot_exists():
    used = used_keys()
    for locale in LOCALES:
        missing = used - message_ids(locale)
        assert not missing, f"used but missing in {locale}: {sorted(missing)}"


def test_every_text_is_used_by_the_bot():
    used = used_keys()
    for locale in LOCALES:
        unused = message_ids(locale) - used - set(UNUSED_ON_PURPOSE)
        assert not unused, f"texts in {locale} nothing uses: {sorted(unused)}"


def test_texts_render_with_arguments():
    assert "Alaric" in Translator("en")("welcome-back", name="Alaric")
    assert "Alaric" in Translator("ru")("welcome-back", name="Alaric")
    assert Translator("en").pick({"en": "Town", "ru": "Город"}) == "Town"
    assert Translator("ru").pick({"en": "Town", "ru": "Город"}) == "Город"


def test_a_text_kept_after_its_first_formatting_reads_as_a_fresh_one():
    """Texts with plain arguments are kept once formatted: the same arguments give the same text, other
    values (or the same value as another type) their own, and long or unhashable arguments go around it."""
    for locale in LOCALES:
        t = Translator(locale)
        fresh = _text(bundle(locale), locale, "explore-stamina", {"stamina": 1234, "max_stamina": 1500})
        assert t("explore-stamina", stamina=1234, max_stamina=1500) == fresh
        assert t("explore-stamina", stamina=1234, max_stamina=1500) == fresh
        assert t("explore-stamina", stamina=12, max_stamina=1500) != fresh
        assert t("explore-stamina", stamina=1.5, max_stamina=1500) == _text(
            bundle(locale), locale, "explore-stamina", {"stamina": 1.5, "max_stamina": 1500}
        )
        long_name = "A" * 3000
        assert long_name in t("welcome-back", name=long_name)
        assert "Alaric" in t("welcome-back", name="Alaric")
        assert t("no-such-text") == "no-such-text"


def test_locale_from_telegram():
    assert pick_locale("ru") == "ru"
    assert pick_locale("en-US") == "en"
    assert pick_locale("uk") == "ru"
    assert pick_locale("de") == "en"
    assert pick_locale(None) == "en"
