"""One player's chat with the bot, driven locally: type a message or press a button.

Updates go through the real Dispatcher (filters, middlewares, FSM); the bot's answers land in a
`LocalSession`. The terminal game and the tests both speak through this.
"""

from __future__ import annotations

import itertools
import time
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.types import Update

from bot.local_session import LocalSession, ShownMessage

_update_ids = itertools.count(1)


class LocalChat:
    def __init__(
        self,
        dp: Dispatcher,
        bot: Bot,
        *,
        user_id: int,
        first_name: str = "Player",
        language_code: str | None = "en",
    ) -> None:
        if not isinstance(bot.session, LocalSession):
            raise TypeError("LocalChat needs a Bot on a LocalSession")
        self.dp = dp
        self.bot = bot
        self.session: LocalSession = bot.session
        self.user_id = user_id
        self.user = {"id": user_id, "is_bot": False, "first_name": first_name, "language_code": language_code}
        self._message_ids = itertools.count(1_000_000)

    async def send(self, text: str) -> list[ShownMessage]:
        """Type a message; returns what the bot sent or edited in answer."""
        update = {
            "update_id": next(_update_ids),
            "message": {
                "message_id": next(self._message_ids),
                "date": int(time.time()),
                "chat": {"id": self.user_id, "type": "private"},
                "from": self.user,
                "text": text,
                **(
                    {"entities": [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]}
                    if text.startswith("/")
                    else {}
                ),
            },
        }
        return await self._feed(update)

    async def press(self, data: str, *, message: ShownMessage | None = None) -> list[ShownMessage]:
        """Press a button with callback `data` on `message` (default: the bot's last message)."""
        message = message or self.last
        if message is None:
            raise LookupError("no message to press a button on")
        update = {
            "update_id": next(_update_ids),
            "callback_query": {
                "id": str(next(_update_ids)),
                "from": self.user,
                "chat_instance": str(self.user_id),
                "data": data,
                "message": {
                    "message_id": message.message_id,
                    "date": int(time.time()),
                    "chat": {"id": self.user_id, "type": "private"},
                    "from": {"id": 1, "is_bot": True, "first_name": "Riftwalker"},
                    "text": message.text,
                    **({"reply_markup": message.markup.model_dump(exclude_none=True)} if message.markup else {}),
                },
            },
        }
        return await self._feed(update)

    async def press_button(self, label_part: str, *, message: ShownMessage | None = None) -> list[ShownMessage]:
        """Press the first button whose label contains `label_part`."""
        message = message or self.last
        if message is None:
            raise LookupError("no message to press a button on")
        for label, data in message.buttons():
            if label_part.casefold() in label.casefold():
                return await self.press(data, message=message)
        raise LookupError(f"no button {label_part!r} in {[label for label, _ in message.buttons()]}")

    @property
    def last(self) -> ShownMessage | None:
        return self.session.last_message(self.user_id)

    @property
    def last_alert(self) -> str | None:
        return self.session.alerts[-1].text if self.session.alerts else None

    async def _feed(self, raw: dict[str, Any]) -> list[ShownMessage]:
        before = len(self.session.timeline)
        update = Update.model_validate(raw, context={"bot": self.bot})
        await self.dp.feed_update(self.bot, update)
        return [m for m in self.session.timeline[before:] if m.chat_id == self.user_id]
