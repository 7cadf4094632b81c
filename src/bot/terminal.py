"""The game in a terminal: a chat with the real bot, buttons as numbered choices.

Reads one line at a time — a message to send, or the number of a button on the screen you are on — so
a session can also be piped in (`printf '/start\\nAlaric\\n1\\n' | riftwalker play`). Notifications
(messages the bot sends on its own) print as they arrive, even at the prompt, with keys of their own
(`n1`, `n2`, …), so typed numbers always point at the screen. Ctrl-C and Ctrl-D leave at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import logging
import re
import signal
import sys
import threading
import unicodedata
from collections.abc import Awaitable
from typing import TextIO

from bot.local_chat import LocalChat
from bot.local_session import ShownMessage

log = logging.getLogger(__name__)

_TAG = re.compile(r"<[^>]+>")
PROMPT = "> "
# The terminal's own few lines, in the player's language (the game's texts come from the bot's locales).
TERMINAL_TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "hello": "Riftwalker — type a message, or a button's number. Ctrl-D or Ctrl-C to leave.",
        "failed": "(that did not work; try again)",
        "notice_gone": "(the notification of [{key}] is gone)",
        "no_button": "(no button {line}: choose 1–{count})",
        "farewell": "Farewell, riftwalker.",
    },
    "ru": {
        "hello": "Riftwalker — напиши сообщение или номер кнопки. Ctrl-D или Ctrl-C — выйти.",
        "failed": "(не получилось; попробуй ещё раз)",
        "notice_gone": "(уведомления [{key}] уже нет)",
        "no_button": "(нет кнопки {line}: выбери 1–{count})",
        "farewell": "До встречи, странник разломов.",
    },
}
FAREWELL = TERMINAL_TEXTS["en"]["farewell"]


def plain(text: str) -> str:
    return html.unescape(_TAG.sub("", text))


def clean(line: str) -> str:
    """What was typed, without control characters (a stray escape or NUL is no message)."""
    return "".join(c for c in line if unicodedata.category(c) != "Cc").strip()


def render(message: ShownMessage, keys: list[str] | None = None) -> str:
    head = "✎ (edited)\n" if message.edited else ""
    lines = [head + plain(message.text)]
    buttons = message.buttons()
    keys = keys or [str(n) for n in range(1, len(buttons) + 1)]
    for key, (label, _) in zip(keys, buttons, strict=False):
        lines.append(f"  [{key}] {label}")
    return "\n".join(lines)


class TerminalChat:
    def __init__(self, chat: LocalChat, *, out: TextIO = sys.stdout) -> None:
        self.chat = chat
        self.out = out
        # What is said from now on (a session's earlier messages are another terminal's business).
        self._printed = len(chat.session.timeline)
        self._alerts = len(chat.session.alerts)
        self._screen: int | None = None  # the message id whose buttons the numbers press
        self._answers: set[int] = set()  # ids of messages the player's own actions produced
        self._notice_keys: dict[str, tuple[int, str]] = {}  # "n3" → (message id, callback data)
        self._next_notice = 1
        self._busy = asyncio.Lock()
        self._interactive = False
        language = str(chat.user.get("language_code") or "en")
        self._texts = TERMINAL_TEXTS.get(language[:2], TERMINAL_TEXTS["en"])

    # ---- what the bot said
    def flush(self) -> None:
        """Print what the bot said since the last call: answers as the screen, the rest as notifications."""
        session = self.chat.session
        for message in session.timeline[self._printed :]:
            if message.chat_id != self.chat.user_id:
                continue
            if message.message_id in self._answers:
                if message.buttons():  # an answer without buttons leaves the screen's keys as they were
                    self._screen = message.message_id
                print("\n" + render(message), file=self.out)
            else:
                keys = []
                for _, data in message.buttons():
                    key = f"n{self._next_notice}"
                    self._next_notice += 1
                    self._notice_keys[key] = (message.message_id, data)
                    keys.append(key)
                print("\n🔔 " + render(message, keys), file=self.out)
        self._printed = len(session.timeline)
        for alert in session.alerts[self._alerts :]:
            if alert.text:
                print(f"\n(!) {plain(alert.text)}", file=self.out)
        self._alerts = len(session.alerts)
        self.out.flush()

    def _note_answers(self, messages: list[ShownMessage]) -> None:
        self._answers.update(m.message_id for m in messages)

    # ---- what the player typed
    async def handle_line(self, raw: str) -> None:
        line = clean(raw)
        if not line:
            return
        async with self._busy:
            self.flush()  # whatever came in meanwhile is shown before the answer
            try:
                await self._act(line)
            except Exception:  # one bad line never ends the session
                log.exception("a line failed: %r", line)
                print(self._texts["failed"], file=self.out)
            await asyncio.sleep(0.05)  # let notifications triggered by this action arrive
            self.flush()

    async def _act(self, line: str) -> None:
        session = self.chat.session
        if line.casefold() in self._notice_keys:
            message_id, data = self._notice_keys[line.casefold()]
            message = session.messages.get((self.chat.user_id, message_id))
            if message is None:
                print(self._texts["notice_gone"].format(key=line), file=self.out)
                return
            self._note_answers(await self.chat.press(data, message=message))
            return
        screen = session.messages.get((self.chat.user_id, self._screen)) if self._screen is not None else None
        if line.isascii() and line.isdigit() and screen is not None and screen.buttons():
            buttons = screen.buttons()
            index = int(line) - 1 if len(line) < 6 else -1
            if not 0 <= index < len(buttons):
                print(self._texts["no_button"].format(line=line, count=len(buttons)), file=self.out)
                return
            self._note_answers(await self.chat.press(buttons[index][1], message=screen))
            return
        self._note_answers(await self.chat.send(line))

    # ---- the session
    async def run(self, lines: TextIO = sys.stdin, *, settle: float = 0.3) -> None:
        self._interactive = lines.isatty()
        loop = asyncio.get_running_loop()
        stop = asyncio.Event()
        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            with contextlib.suppress(NotImplementedError, RuntimeError):  # not the main thread, or not Unix
                loop.add_signal_handler(sig, stop.set)
        queue: asyncio.Queue[str | None] = asyncio.Queue()
        threading.Thread(target=_read_lines, args=(lines, loop, queue), name="terminal-input", daemon=True).start()
        watcher = asyncio.create_task(self._watch(stop)) if self._interactive else None
        print(self._texts["hello"], file=self.out)
        try:
            await self.handle_line("/start")
            while not stop.is_set():
                if self._interactive:
                    print(PROMPT, end="", file=self.out, flush=True)
                line = await _first(queue.get(), stop)
                if line is None:
                    break
                await self.handle_line(line)
            else:
                settle = 0.0  # asked to stop: at once
            await asyncio.sleep(settle)
            self.flush()
        finally:
            if watcher is not None:
                watcher.cancel()
            for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
                with contextlib.suppress(NotImplementedError, RuntimeError):
                    loop.remove_signal_handler(sig)
        print(f"\n{self._texts['farewell']}", file=self.out, flush=True)

    async def _watch(self, stop: asyncio.Event) -> None:
        """Notifications that arrive while the player sits at the prompt are printed at once."""
        session = self.chat.session
        while not stop.is_set():
            await asyncio.sleep(0.25)
            if self._busy.locked():
                continue
            fresh = [m for m in session.timeline[self._printed :] if m.chat_id == self.chat.user_id]
            new_alerts = len(session.alerts) > self._alerts
            if fresh or new_alerts:
                print("\r\x1b[K", end="", file=self.out)  # over the prompt
                self.flush()
                print(PROMPT, end="", file=self.out, flush=True)
            else:
                self._printed = len(session.timeline)


def _read_lines(lines: TextIO, loop: asyncio.AbstractEventLoop, queue: asyncio.Queue[str | None]) -> None:
    """Blocking reads on a thread of their own, so that a signal or the end of the game never waits for Enter."""
    try:
        for line in iter(lines.readline, ""):
            loop.call_soon_threadsafe(queue.put_nowait, line)
    except (OSError, ValueError, UnicodeDecodeError):
        pass
    finally:
        with contextlib.suppress(RuntimeError):  # the loop is already closed
            loop.call_soon_threadsafe(queue.put_nowait, None)


async def _first(get: Awaitable[str | None], stop: asyncio.Event) -> str | None:
    """The next line, or None once asked to stop."""
    reading = asyncio.ensure_future(get)
    stopping = asyncio.ensure_future(stop.wait())
    done, _ = await asyncio.wait({reading, stopping}, return_when=asyncio.FIRST_COMPLETED)
    if reading in done:
        stopping.cancel()
        return reading.result()
    reading.cancel()
    return None
