"""The bot's one way of doing things, checked on its source: routers draw nothing themselves, and
HTML is escaped in one place."""

from __future__ import annotations

import re
from pathlib import Path

BOT = Path(__file__).resolve().parents[2] / "src" / "bot"
TEXT_CALL = re.compile(r"""\bt\(\s*["']""")
DRAWING = re.compile(r"\b(KeyboardBuilder|InlineKeyboardButton|InlineKeyboardMarkup)\b")
ANSWERING = re.compile(r"\.(answer|edit_text|send_message)\(")


def sources(folder: str) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted((BOT / folder).glob("*.py"))}


def test_routers_ask_views_for_their_texts_and_keyboards():
    for name, source in sources("routers").items():
        assert not TEXT_CALL.search(source), f"routers/{name} writes a text itself"
        assert not DRAWING.search(source), f"routers/{name} builds a keyboard itself"


def test_routers_answer_only_through_show_and_toast():
    for name, source in sources("routers").items():
        assert not ANSWERING.search(source), f"routers/{name} answers Telegram directly"


def test_html_is_escaped_in_one_place():
    escaping = [p.relative_to(BOT).as_posix() for p in BOT.rglob("*.py") if "html.escape(" in p.read_text("utf-8")]
    assert escaping == ["views/common.py"]


def test_handlers_and_the_notifier_depend_on_narrow_ports():
    # Only the dispatcher holds the whole port: it hands it to every handler by name.
    wide = {f"routers/{name}" for name, source in sources("routers").items() if re.search(r"\bGameApi\b", source)}
    if re.search(r"\bGameApi\b", (BOT / "notifier.py").read_text("utf-8")):
        wide.add("notifier.py")
    assert not wide, f"typed to the whole GameApi: {sorted(wide)}"
