"""The bot's one way of doing things, checked on its source: texts and keyboards come from the views,
answers go through `bot.screens`, handlers depend on narrow ports, and HTML is escaped in one place."""

from __future__ import annotations

import asyncio
import re
import threading
from pathlib import Path

from aiogram import F, Router
from aiogram.fsm.storage.memory import MemoryStorage

from bot.dispatcher import build_dispatcher, filters_inline

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


def test_no_filter_of_the_dispatcher_waits_for_a_worker_thread():
    """aiogram hands a plain-function filter (a state, `F.text`) to a thread; the bot's run on the loop."""

    def filters(router: Router) -> list:
        found = [f for o in router.observers.values() for h in o.handlers for f in h.filters or ()]
        found += [f for o in router.observers.values() for f in o._handler.filters or ()]
        return found + [f for sub in router.sub_routers for f in filters(sub)]

    dp = build_dispatcher(game=None, storage=MemoryStorage())
    assert filters(dp) and all(f.awaitable for f in filters(dp))

    seen: list[threading.Thread] = []

    def on_loop(text: str) -> bool:
        seen.append(threading.current_thread())
        return text == "hi"

    router = Router()
    router.message.register(lambda: None, F.text == "hi", on_loop)
    filters_inline(router)
    [magic, plain] = router.message.handlers[0].filters

    async def check() -> tuple[object, object]:
        return await magic.call(type("M", (), {"text": "hi"})()), await plain.call("hi")

    assert asyncio.run(check()) == (True, True)
    assert seen == [threading.main_thread()]
