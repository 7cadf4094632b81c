"""The local Telegram (`local_telegram`) set up as the tests' Bot API: one known token, Telegram's flood
limits by default, and a real `aiogram.Bot` pointed at it.

It answers the way Telegram does (`{"ok": true, "result": ...}`, message ids counting up per chat),
records every request, and enforces flood control: past `global_rate` messages in any sliding second,
or a second message to one chat within `1 / per_chat_rate` seconds, it answers 429 with
`parameters.retry_after`. Chats in `blocked` get 403 "bot was blocked by the user", chats in
`missing` get 400 "chat not found". `inject()` queues canned answers for the next sends.

    async with FakeTelegram(global_rate=30) as tg, tg.bot() as bot:
        await bot.send_message(1, "hi")
    assert tg.sent[0].chat_id == 1
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from typing import Any

from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer

from local_telegram import BotApi, Limits, LocalTelegram
from local_telegram.bot_api import Rejection, Request, Sent

TOKEN = "123456:fake-telegram-token"
BOT_USER = {"id": 123456, "is_bot": True, "first_name": "Riftwalker", "username": "riftwalker_bot"}

__all__ = ["BOT_USER", "TOKEN", "FakeTelegram", "Rejection", "Request", "Sent"]


class FakeTelegram(LocalTelegram):
    def __init__(
        self,
        *,
        global_rate: float | None = 30.0,
        per_chat_rate: float | None = 1.0,
        blocked: set[int] | None = None,
        missing: set[int] | None = None,
        latency: float = 0.0,
        record_requests: bool = True,
    ) -> None:
        super().__init__(
            BotApi(
                token=TOKEN,
                limits=Limits(global_rate=global_rate, per_chat_rate=per_chat_rate),
                blocked=set(blocked or ()),
                missing=set(missing or ()),
                latency=latency,
                record_requests=record_requests,
                long_poll_cap=1.0,  # a stopping bot is not kept waiting
            )
        )

    # The API's state, read and set the way tests want it.
    @property
    def global_rate(self) -> float | None:
        return self.api.limits.global_rate

    @global_rate.setter
    def global_rate(self, value: float | None) -> None:
        self.api.limits.global_rate = value

    @property
    def per_chat_rate(self) -> float | None:
        return self.api.limits.per_chat_rate

    @per_chat_rate.setter
    def per_chat_rate(self, value: float | None) -> None:
        self.api.limits.per_chat_rate = value

    @property
    def latency(self) -> float:
        return self.api.latency

    @latency.setter
    def latency(self, value: float) -> None:
        self.api.latency = value

    @property
    def requests(self) -> list[Request]:
        return self.api.requests

    @property
    def sent(self) -> list[Sent]:
        return self.api.sent

    @property
    def rejections(self) -> list[Rejection]:
        return self.api.rejections

    @property
    def blocked(self) -> set[int]:
        return self.api.blocked

    @property
    def missing(self) -> set[int]:
        return self.api.missing

    @property
    def too_many_requests(self) -> int:
        return sum(1 for r in self.rejections if r.status == 429)

    def sent_to(self, chat_id: int) -> list[Sent]:
        return [s for s in self.sent if s.chat_id == chat_id]

    async def wait_sent(self, count: int) -> None:
        await self.api.wait_sent(count)

    def inject(self, status: int, description: str, *, retry_after: int | None = None, times: int = 1) -> None:
        self.api.inject(status, description, retry_after=retry_after, times=times)

    def flood(self, retry_after: int, *, times: int = 1) -> None:
        self.inject(429, f"Too Many Requests: retry after {retry_after}", retry_after=retry_after, times=times)

    def push_update(self, update: dict[str, Any]) -> int:
        """Queue an update (without `update_id`) for the bot's next `getUpdates`: a player writing to it."""
        return self.api.push_update(update)

    @contextlib.asynccontextmanager
    async def bot(self, **session_kwargs: Any) -> AsyncIterator[Bot]:
        """A real aiogram Bot whose requests come here."""
        session = AiohttpSession(api=TelegramAPIServer.from_base(self.url), **session_kwargs)
        bot = Bot(TOKEN, session=session)
        try:
            yield bot
        finally:
            await session.close()
