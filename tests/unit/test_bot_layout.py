"""The bot's one way of doing things, checked on its source: texts and keyboards come from the views,
answers go through `bot.screens`, handlers depend on narrow ports, and HTML is escaped in one place."""

from __future__ import annotations

import re
from pathlib import Path

BOT = Path(__file__).resolve().parents[2] / "src" / "bot"
TEXT_CALL = re.compile(r"""\bt\(\s*["']""")
DRAWING = re.compile(r"\b(KeyboardBuilder|InlineKeyboardButton|InlineKeyboardMarkup)\b")
ANSWERING = re.compile(r"\.(answer|edit_text|send_message)\(")


def sources(folder: str) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted((BOT / folder).glob("*.py"))}


def handling() -> dict[str, str]:
    """What reacts to updates and events: the routers, the middlewares, the last safety net, the notifier."""
    found = {f"routers/{name}": source for name, source in sources("routers").items()}
    found |= {f"middlewares/{name}": source for name, source in sources("middlewares").items()}
    for name in ("errors.py", "notifier.py"):
        found[name] = (BOT / name).read_text(encoding="utf-8")
    return found


def test_texts_and_keyboards_come_from_the_views():
    for name, source in handling().items():
        assert not TEXT_CALL.search(source), f"{name} writes a text itself"
        assert not DRAWING.search(source), f"{name} builds a keyboard itself"


def test_updates_are_answered_only_through_show_and_toast():
    for name, source in handling().items():
        assert not ANSWERING.search(source), f"{name} answers Telegram directly"


def test_html_is_escaped_in_one_place():
    escaping = [p.relative_to(BOT).as_posix() for p in BOT.rglob("*.py") if "html.escape(" in p.read_text("utf-8")]
    assert escaping == ["views/common.py"]


def test_handlers_and_the_notifier_depend_on_narrow_ports():
    # Only the dispatcher holds the whole port: it hands it to every handler by name.
    wide = {f"routers/{name}" for name, source in sources("routers").items() if re.search(r"\bGameApi\b", source)}
    if re.search(r"\bGameApi\b", (BOT / "notifier.py").read_text("utf-8")):
        wide.add("notifier.py")
    assert not wide, f"typed to the whole GameApi: {sorted(wide)}"
