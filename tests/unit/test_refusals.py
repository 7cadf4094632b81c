"""Every refusal of the game port is declared once, in `bot.views.refusals.EXPLAIN`, with words in
every language."""

from __future__ import annotations

import game.api
import game.api.arena
import game.api.economy
import game.api.guilds
import game.api.world
from bot.i18n import LOCALES, Translator, message_ids
from bot.views.refusals import EXPLAIN, explain
from game.api import GameError, NameTaken, NotEnoughGold, SkillNotLearnable
from game.api.world import BossGone


def port_errors() -> set[type[GameError]]:
    """The refusals the port exports (the base `GameError` is the fallback, not a refusal)."""
    found = set()
    for module in (game.api, game.api.world, game.api.guilds, game.api.arena, game.api.economy):
        for name in dir(module):
            value = getattr(module, name)
            if isinstance(value, type) and issubclass(value, GameError) and value is not GameError:
                found.add(value)
    return found


def test_every_refusal_of_the_port_has_an_entry():
    errors = port_errors()
    assert BossGone in errors and NameTaken in errors  # both modules are read
    missing = {cls.code for cls in errors} - set(EXPLAIN)
    assert not missing, f"no entry for {sorted(missing)}"


def test_every_entry_is_a_code_of_the_port():
    unknown = set(EXPLAIN) - {cls.code for cls in port_errors()}
    assert not unknown, f"entries for codes the port does not have: {sorted(unknown)}"


def test_every_key_of_the_table_exists_in_every_language():
    for locale in LOCALES:
        known = message_ids(locale)
        for code, entry in EXPLAIN.items():
            missing = entry.keys() - known
            assert not missing, f"{code}: {sorted(missing)} missing in {locale}"


def test_details_fill_the_text_and_variants_follow_them():
    t = Translator("en")
    assert "100" in explain(t, NotEnoughGold(needed=100, available=7))
    assert "7" in explain(t, NotEnoughGold(needed=100, available=7))
    assert explain(t, SkillNotLearnable(reason="already_learned")) == t("err-skill-known")
    assert explain(t, SkillNotLearnable(reason="something new")) == t("err-skill-not-learnable")
    assert explain(t, BossGone(status="escaped")) == t("boss-gone-escaped")


def test_a_refusal_shows_what_a_player_typed_literally():
    text = explain(Translator("en"), NameTaken(name="<b>x</b>&"))
    assert "&lt;b&gt;x&lt;/b&gt;&amp;" in text and "<b>x</b>" not in text


def test_an_unknown_code_still_says_something():
    text = explain(Translator("ru"), GameError("a <reason>"))  # as a newer game's code would arrive
    assert "a &lt;reason&gt;" in text
