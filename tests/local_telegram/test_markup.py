"""Telegram's HTML parse mode, for any text: it parses into text and entities that fit it, or is refused
with Telegram's 400; what the web chat draws holds only the tags it allows and no script."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from local_telegram.errors import BotApiError
from local_telegram.markup import parse_html, utf16_len

DRAWN_TAGS = {"b", "i", "u", "s", "span", "a", "code", "pre", "blockquote"}
pieces = st.sampled_from(
    ["<b>", "</b>", "<i>", "</i>", "<a href='javascript:alert(1)'>", "<a href=\"https://x.org\">", "</a>",
     "<script>", "</script>", "<span class=\"tg-spoiler\">", "</span>", "&amp;", "&lt;", "&#128512;", "&nbsp;",
     "<", ">", "&", "'", '"', "text", "⚔️", "😀", " ", "\n", "<pre language=\"py\">", "</pre>", "<img src=x>"]
)  # fmt: skip
texts = st.lists(st.one_of(pieces, st.text(max_size=5)), max_size=14).map("".join)


@given(texts)
def test_any_text_parses_into_fitting_entities_or_is_refused_as_telegram_does(source: str):
    try:
        parsed = parse_html(source)
    except BotApiError as refused:
        assert refused.code == 400 and refused.description.startswith("Bad Request: can't parse entities: ")
        return
    size = utf16_len(parsed.text)
    for entity in parsed.entities:
        assert entity["offset"] >= 0 and entity["length"] > 0 and entity["offset"] + entity["length"] <= size
    tags = {m.lower() for m in re.findall(r"</?([A-Za-z][\w-]*)", parsed.html)}
    assert tags <= DRAWN_TAGS, parsed.html
    assert 'href="javascript' not in parsed.html.lower()


def test_a_javascript_link_is_drawn_without_its_target():
    parsed = parse_html('<a href="javascript:alert(1)">free gold</a> and <a href="https://x.org">a map</a>')
    assert parsed.text == "free gold and a map"
    assert [e["url"] for e in parsed.entities] == ["javascript:alert(1)", "https://x.org"]  # as Telegram keeps it
    assert "<a>free gold</a>" in parsed.html and 'href="https://x.org"' in parsed.html
