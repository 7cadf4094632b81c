"""A content name's grammar → the forms that cross the port with it."""

from __future__ import annotations

from game.api import Grammar, NameForms
from game.domain.grammar import RuForms, forms_of


def grammar(ru: RuForms | None) -> Grammar:
    """The Russian gender and case forms of a name (a place's with where/whither); none if it has none."""
    if ru is None:
        return {}
    return {"ru": NameForms(gender=ru.gender, cases=forms_of(ru), proper=ru.proper)}
