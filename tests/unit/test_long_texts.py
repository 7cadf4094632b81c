"""Long values (a broadcast, what someone typed) reach the text whole: Fluent would replace the whole
message with `{???}` for a value over 2,500 characters."""

from __future__ import annotations

from fluent.syntax import FluentParser, ast
from fluent.syntax.visitor import Visitor

from bot.i18n import FLUENT_MAX_VALUE, LOCALES, Translator, _locales_root


class _Variables(Visitor):
    def __init__(self) -> None:
        self.names: set[str] = set()

    def visit_VariableReference(self, node: ast.VariableReference) -> None:
        self.names.add(node.id.name)


def messages_and_variables(locale: str) -> dict[str, set[str]]:
    found = {}
    for path in sorted((_locales_root() / locale).glob("*.ftl")):
        for entry in FluentParser().parse(path.read_text(encoding="utf-8")).body:
            if isinstance(entry, ast.Message) and entry.value is not None:
                visitor = _Variables()
                visitor.visit(entry.value)
                found[entry.id.name] = visitor.names
    return found


def test_no_text_in_any_language_turns_into_question_marks_with_long_values():
    long_value = "Ω" * 3000 + "end"
    checked = 0
    for locale in LOCALES:
        t = Translator(locale)
        for key, names in messages_and_variables(locale).items():
            if not names:
                continue
            text = t(key, **dict.fromkeys(names, long_value))
            assert "{???}" not in text and "\ue000" not in text, (locale, key)
            checked += 1
    assert checked > 100


def test_a_long_broadcast_reaches_the_text_whole():
    body = "<b>News</b> " + "x" * (FLUENT_MAX_VALUE * 2)
    for locale in LOCALES:
        text = Translator(locale)("notify-broadcast", text=body)
        assert text.endswith(body) and len(text) < len(body) + 10
    # Short values are untouched by the detour.
    assert Translator("en")("notify-broadcast", text="hi").endswith("hi")
