"""A content name's grammar → the forms that cross the port with it."""

from __future__ import annotations

from game.api import Grammar, NameForms
from game.domain.grammar import RuForms, forms_of

# The forms of each content name, built once: content is loaded once and never changes, and a screen names
# the same few places and monsters again and again. Keyed by identity, the name kept alive beside its forms.
_FORMS: dict[int, tuple[RuForms, NameForms]] = {}


def grammar(ru: RuForms | None) -> Grammar:
    """The Russian gender and case forms of a name (a place's with where/whither); none if it has none."""
    if ru is None:
        return {}
    kept = _FORMS.get(id(ru))
    if kept is None or kept[0] is not ru:
        kept = (ru, NameForms(gender=ru.gender, cases=forms_of(ru), proper=ru.proper))
        if len(_FORMS) >= 50_000:  # content reloaded many times over (tests): start afresh
            _FORMS.clear()
        _FORMS[id(ru)] = kept
    return {"ru": kept[1]}
