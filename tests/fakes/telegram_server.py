"""A local stand-in for the Telegram Bot API, served over real HTTP for a real `aiogram.Bot`.

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

import asyncio
import contextlib
import itertools
import json
import math
import socket
import time
from collections import defaultdict, deque
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiohttp import web

TOKEN = "123456:fake-telegram-token"
BOT_USER = {"id": 123456, "is_bot": True, "first_name": "Riftwalker", "username": "riftwalker_bot"}
SEND_METHODS = frozenset({"sendMessage", "sendPhoto", "sendDocument", "copyMessage", "forwardMessage"})


@dataclass(frozen=True)
class Request:
    method: str
    params: dict[str, Any]
    at: float  # time.monotonic() when it arrived


@dataclass(frozen=True)
class Sent:
    chat_id: int
    message_id: int
    text: str | None
    reply_markup: dict[str, Any] | None
    at: float


@dataclass(frozen=True)
class Rejection:
    chat_id: int | None
    status: int
    description: str
    retry_after: int | None
    at: float


@dataclass
class _Canned:
    status: int
    description: str
    retry_after: int | None = None


@dataclass
class FakeTelegram:
    global_rate: float | None = 30.0  # messages in any sliding second; None: unlimited
    per_chat_rate: float | None = 1.0  # messages a second to one chat; None: unlimited
    blocked: set[int] = field(default_factory=set)
    missing: set[int] = field(default_factory=set)
    latency: float = 0.0  # seconds each answer takes, like a real round trip
    requests: list[Request] = field(default_factory=list)
    sent: list[Sent] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    record_requests: bool = True  # off for very long runs

    def __post_init__(self) -> None:
        self._window: deque[float] = deque()
        self._last_to_chat: dict[int, float] = {}
        self._message_ids: dict[int, itertools.count[int]] = defaultdict(lambda: itertools.count(1))
        self._canned: deque[_Canned] = deque()
        self._progress = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self._updates: list[dict[str, Any]] = []
        self._update_ids = itertools.count(1)
        self._new_update = asyncio.Event()
        self.url = ""

    # ---- what tests read
    @property
    def too_many_requests(self) -> int:
        return sum(1 for r in self.rejections if r.status == 429)

    def sent_to(self, chat_id: int) -> list[Sent]:
        return [s for s in self.sent if s.chat_id == chat_id]

    async def wait_sent(self, count: int) -> None:
        """Return once `count` messages have been accepted."""
        while len(self.sent) < count:
            self._progress.clear()
            await self._progress.wait()

    def inject(self, status: int, description: str, *, retry_after: int | None = None, times: int = 1) -> None:
        """Answer the next `times` sends with this error instead of handling them."""
        self._canned.extend(_Canned(status, description, retry_after) for _ in range(times))

    def flood(self, retry_after: int, *, times: int = 1) -> None:
        self.inject(429, f"Too Many Requests: retry after {retry_after}", retry_after=retry_after, times=times)

    def push_update(self, update: dict[str, Any]) -> None:
        """Queue an update (without `update_id`) for the bot's next `getUpdates`: a player writing to it."""
        self._updates.append({"update_id": next(self._update_ids), **update})
        self._new_update.set()

    # ---- lifecycle
    async def __aenter__(self) -> FakeTelegram:
        app = web.Application()
        app.router.add_post("/bot{token}/{method}", self._handle)
        app.router.add_get("/bot{token}/{method}", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))  # a free port, chosen by the kernel
        await web.SockSite(self._runner, sock).start()
        self.url = f"http://127.0.0.1:{sock.getsockname()[1]}"
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    @contextlib.asynccontextmanager
    async def bot(self, **session_kwargs: Any) -> AsyncIterator[Bot]:
        """A real aiogram Bot whose requests come here."""
        session = AiohttpSession(api=TelegramAPIServer.from_base(self.url), **session_kwargs)
        bot = Bot(TOKEN, session=session)
        try:
            yield bot
        finally:
            await session.close()

    # ---- the API
    async def _handle(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != TOKEN:
            return _error(401, "Unauthorized")
        method = request.match_info["method"]
        params = dict(await request.post()) if request.method == "POST" else dict(request.query)
        now = time.monotonic()
        if self.record_requests:
            self.requests.append(Request(method, params, now))
        if self.latency:
            await asyncio.sleep(self.latency)
        if method in SEND_METHODS:
            return self._send(params, now)
        handler = getattr(self, f"_api_{method}", None)
        if handler is None:
            return _error(404, "Not Found")
        result = handler(params)
        if asyncio.iscoroutine(result):
            result = await result
        return _ok(result)

    def _send(self, params: dict[str, Any], now: float) -> web.Response:
        chat_id = int(params["chat_id"])
        if self._canned:
            canned = self._canned.popleft()
            return self._reject(chat_id, canned.status, canned.description, canned.retry_after, now)
        if chat_id in self.blocked:
            return self._reject(chat_id, 403, "Forbidden: bot was blocked by the user", None, now)
        if chat_id in self.missing:
            return self._reject(chat_id, 400, "Bad Request: chat not found", None, now)
        if self.global_rate is not None:
            while self._window and self._window[0] <= now - 1.0:
                self._window.popleft()
            if len(self._window) >= self.global_rate:
                wait = math.ceil(self._window[0] + 1.0 - now)
                return self._reject(chat_id, 429, f"Too Many Requests: retry after {wait}", max(1, wait), now)
        if self.per_chat_rate is not None:
            last = self._last_to_chat.get(chat_id)
            interval = 1.0 / self.per_chat_rate
            if last is not None and now - last < interval:
                wait = math.ceil(last + interval - now)
                return self._reject(chat_id, 429, f"Too Many Requests: retry after {wait}", max(1, wait), now)
        self._window.append(now)
        self._last_to_chat[chat_id] = now
        message = self._message(chat_id, params)
        self.sent.append(Sent(chat_id, message["message_id"], message.get("text"), message.get("reply_markup"), now))
        self._progress.set()
        return _ok(message)

    def _reject(
        self, chat_id: int | None, status: int, description: str, retry_after: int | None, now: float
    ) -> web.Response:
        self.rejections.append(Rejection(chat_id, status, description, retry_after, now))
        return _error(status, description, retry_after)

    def _message(self, chat_id: int, params: dict[str, Any], message_id: int | None = None) -> dict[str, Any]:
        message: dict[str, Any] = {
            "message_id": message_id if message_id is not None else next(self._message_ids[chat_id]),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private", "first_name": f"Player {chat_id}"},
            "from": BOT_USER,
            "text": params.get("text", ""),
        }
        if markup := params.get("reply_markup"):
            message["reply_markup"] = json.loads(markup)
        return message

    # Named after Telegram's methods, so `_handle` finds them by name.
    def _api_getMe(self, params: dict[str, Any]) -> dict[str, Any]:
        return {**BOT_USER, "can_join_groups": False, "can_read_all_group_messages": False}

    def _api_editMessageText(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = int(params["chat_id"])
        message = self._message(chat_id, params, int(params["message_id"]))
        message["edit_date"] = int(time.time())
        return message

    def _api_answerCallbackQuery(self, params: dict[str, Any]) -> bool:
        return True

    def _api_deleteMessage(self, params: dict[str, Any]) -> bool:
        return True

    def _api_deleteWebhook(self, params: dict[str, Any]) -> bool:
        return True

    def _api_setWebhook(self, params: dict[str, Any]) -> bool:
        return True

    def _api_setMyCommands(self, params: dict[str, Any]) -> bool:
        return True

    async def _api_getUpdates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        """Long polling, as Telegram does it: what is at or past `offset`, waiting a little for more."""
        offset = int(params.get("offset") or 0)
        self._updates = [u for u in self._updates if u["update_id"] >= offset]  # confirmed ones are gone
        if not self._updates:
            self._new_update.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._new_update.wait(), timeout=min(float(params.get("timeout") or 0), 1.0))
        return list(self._updates)


def _ok(result: Any) -> web.Response:
    return web.json_response({"ok": True, "result": result})


def _error(status: int, description: str, retry_after: int | None = None) -> web.Response:
    body: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
    if retry_after is not None:
        body["parameters"] = {"retry_after": retry_after}
    return web.json_response(body, status=status)
