"""The game in a terminal: a chat with the real bot, buttons as numbered choices.

Reads one line at a time — a message to send, or the number of a button on the last message —
so a session can also be piped in (`printf '/start\\nAlaric\\n1\\n' | riftwalker play`).
"""

from __future__ import annotations

import asyncio
import html
import re
import sys
from typing import TextIO

from bot.local_chat import LocalChat
from bot.local_session import ShownMessage

_TAG = re.compile(r"<[^>]+>")
PROMPT = "> "


def plain(text: str) -> str:
    return html.unescape(_TAG.sub("", text))


def render(message: ShownMessage) -> str:
    head = "✎ (edited)\n" if message.edited else ""
    lines = [head + plain(message.text)]
    for number, (label, _) in enumerate(message.buttons(), start=1):
        lines.append(f"  [{number}] {label}")
    return "\n".join(lines)


class TerminalChat:
    def __init__(self, chat: LocalChat, *, out: TextIO = sys.stdout) -> None:
        self.chat = chat
        self.out = out
        self._printed = 0
        self._alerts = 0

    def flush(self) -> None:
        """Print what the bot said since the last call (answers and notifications alike)."""
        session = self.chat.session
        for message in session.timeline[self._printed :]:
            if message.chat_id == self.chat.user_id:
                print("\n" + render(message), file=self.out)
        self._printed = len(session.timeline)
        for alert in session.alerts[self._alerts :]:
            if alert.text:
                print(f"\n(!) {plain(alert.text)}", file=self.out)
        self._alerts = len(session.alerts)
        self.out.flush()

    async def handle_line(self, line: str) -> None:
        line = line.strip()
        if not line:
            return
        # Numbers press buttons of the newest keyboard, even if a notification came after it.
        last = self.chat.session.last_keyboard(self.chat.user_id)
        if line.isdigit() and last is not None:
            buttons = last.buttons()
            index = int(line) - 1
            if not 0 <= index < len(buttons):
                print(f"(no button {line}: choose 1–{len(buttons)})", file=self.out)
                return
            await self.chat.press(buttons[index][1], message=last)
        else:
            await self.chat.send(line)
        self.flush()

    async def run(self, lines: TextIO = sys.stdin, *, settle: float = 0.3) -> None:
        interactive = lines.isatty()
        print("Riftwalker — type a message, or a button's number. Ctrl-D to leave.", file=self.out)
        await self.chat.send("/start")
        self.flush()
        loop = asyncio.get_running_loop()
        while True:
            if interactive:
                print(PROMPT, end="", file=self.out, flush=True)
            line = await loop.run_in_executor(None, lines.readline)
            if not line:
                break
            await self.handle_line(line)
            await asyncio.sleep(0.05)  # let notifications triggered by this action arrive
            self.flush()
        await asyncio.sleep(settle)
        self.flush()
        print("\nFarewell, riftwalker.", file=self.out)
