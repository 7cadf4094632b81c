"""Telegram's HTML parse mode: a message's HTML becomes its plain text and entities, or is refused.

Telegram accepts a small set of tags (`b`, `i`, `u`, `s`, their aliases, `a href`, `code`, `pre`,
`blockquote`, spoilers, custom emoji) and only the named entities `&lt;`, `&gt;`, `&amp;`, `&quot;`
(numeric ones all). Anything else is refused with "Bad Request: can't parse entities: …". Lengths and
offsets count UTF-16 code units, as Telegram's do.

The same pass writes the message as safe HTML for the web chat: the text escaped, the tags normalised.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any

from local_telegram.errors import BotApiError

# tag → (entity type, the tag the web chat draws it with)
TAGS: dict[str, tuple[str, str]] = {
    "b": ("bold", "b"),
    "strong": ("bold", "b"),
    "i": ("italic", "i"),
    "em": ("italic", "i"),
    "u": ("underline", "u"),
    "ins": ("underline", "u"),
    "s": ("strikethrough", "s"),
    "strike": ("strikethrough", "s"),
    "del": ("strikethrough", "s"),
    "tg-spoiler": ("spoiler", "span"),
    "span": ("spoiler", "span"),
    "a": ("text_link", "a"),
    "code": ("code", "code"),
    "pre": ("pre", "pre"),
    "blockquote": ("blockquote", "blockquote"),
    "tg-emoji": ("custom_emoji", "span"),
}
SAFE_LINKS = ("http://", "https://", "tg://", "mailto:")
NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_TAG = re.compile(
    r"<(/?)([A-Za-z][A-Za-z0-9-]*)((?:\s+[A-Za-z_:][-A-Za-z0-9_:.]*(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*)\s*(/?)>"
)
_ATTR = re.compile(r"([A-Za-z_:][-A-Za-z0-9_:.]*)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?")
_ENTITY = re.compile(r"&(#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);")


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@dataclass
class Parsed:
    text: str
    entities: list[dict[str, Any]] = field(default_factory=list)
    html: str = ""  # safe HTML for the web chat

    @property
    def length(self) -> int:
        return utf16_len(self.text)


def _refuse(reason: str) -> BotApiError:
    return BotApiError(400, f"Bad Request: can't parse entities: {reason}")


def plain(text: str) -> Parsed:
    """A text sent without a parse mode: itself, no entities."""
    return Parsed(text=text, entities=[], html=html.escape(text))


def parse_html(source: str) -> Parsed:
    text: list[str] = []
    out: list[str] = []
    length = 0  # UTF-16 units of text so far
    open_tags: list[tuple[str, int, dict[str, Any], str]] = []  # (tag, offset, entity, closing html)
    entities: list[dict[str, Any]] = []
    raw = source.encode("utf-8")
    i = 0

    def byte_offset(index: int) -> int:
        return len(source[:index].encode("utf-8")) if index < len(source) else len(raw)

    def add_text(chunk: str) -> None:
        nonlocal length
        text.append(chunk)
        out.append(html.escape(chunk, quote=False))
        length += utf16_len(chunk)

    while i < len(source):
        char = source[i]
        if char == "<":
            match = _TAG.match(source, i)
            if match is None:
                raise _refuse(
                    f"Unexpected end tag at byte offset {byte_offset(i)}"
                    if source.startswith("</", i)
                    else f"Unsupported start tag at byte offset {byte_offset(i)}"
                )
            closing, name, attrs_text, _ = match.groups()
            name = name.lower()
            if closing:
                if not open_tags:
                    raise _refuse(f"Unexpected end tag at byte offset {byte_offset(i)}")
                tag, offset, opened, end_html = open_tags.pop()
                if tag != name:
                    raise _refuse(
                        f'Unmatched end tag at byte offset {byte_offset(i)}, expected "</{tag}>", found "</{name}>"'
                    )
                if length > offset:
                    opened["offset"], opened["length"] = offset, length - offset
                    entities.append(opened)
                out.append(end_html)
            else:
                if name not in TAGS:
                    raise _refuse(f'Unsupported start tag "{name}" at byte offset {byte_offset(i)}')
                attrs = {k.lower(): html.unescape(v.strip("\"'")) if v else "" for k, v in _ATTR.findall(attrs_text)}
                kind, drawn = TAGS[name]
                entity: dict[str, Any] = {"type": kind}
                start_html = f"<{drawn}>"
                if name == "a":
                    href = attrs.get("href", "")
                    entity["url"] = href
                    # The web chat follows only links a browser should (never javascript: and the like).
                    safe = href.strip().lower().startswith(SAFE_LINKS)
                    start_html = (
                        f'<a href="{html.escape(href)}" target="_blank" rel="noopener noreferrer">' if safe else "<a>"
                    )
                elif name == "span":
                    if attrs.get("class") != "tg-spoiler":
                        raise _refuse(f'Tag "span" must have class "tg-spoiler" at byte offset {byte_offset(i)}')
                    start_html = '<span class="spoiler">'
                elif name == "tg-spoiler":
                    start_html = '<span class="spoiler">'
                elif name == "tg-emoji":
                    entity["custom_emoji_id"] = attrs.get("emoji-id", "")
                    start_html = '<span class="emoji">'
                elif name == "pre" and attrs:
                    entity["language"] = attrs.get("language", "")
                elif name == "blockquote" and "expandable" in attrs:
                    entity["type"] = "expandable_blockquote"
                open_tags.append((name, length, entity, f"</{drawn}>"))
                out.append(start_html)
            i = match.end()
        elif char == "&":
            match = _ENTITY.match(source, i)
            if match is None:
                add_text("&")
                i += 1
                continue
            name = match.group(1)
            if name.startswith("#"):
                try:
                    code = int(name[2:], 16) if name[1] in "xX" else int(name[1:])
                    add_text(chr(code))
                except (ValueError, OverflowError):
                    raise _refuse(f"Invalid character entity at byte offset {byte_offset(i)}") from None
            elif name in NAMED_ENTITIES:
                add_text(NAMED_ENTITIES[name])
            else:  # Telegram keeps an unknown named entity as it was written
                add_text(match.group(0))
            i = match.end()
        else:
            nxt = min((j for j in (source.find("<", i), source.find("&", i)) if j >= 0), default=len(source))
            add_text(source[i:nxt])
            i = nxt
    if open_tags:
        raise _refuse(f'Can\'t find end tag corresponding to start tag "{open_tags[-1][0]}"')
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return Parsed(text="".join(text), entities=entities, html="".join(out))


def parse(text: str, parse_mode: str | None, entities: list[dict[str, Any]] | None = None) -> Parsed:
    """A message's text as Telegram would store it. Markdown modes are read as plain text here."""
    if parse_mode and parse_mode.lower() == "html":
        return parse_html(text)
    parsed = plain(text)
    if entities:
        parsed.entities = entities
    return parsed
