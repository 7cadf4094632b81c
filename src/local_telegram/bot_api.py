"""The Bot API's state and methods, with Telegram's semantics: chats, messages, updates, callback queries,
the command menu, webhooks, flood control and blocked users.

`BotApi.call(method, params)` is what an HTTP request to `/bot<token>/<method>` does; the web chat
acts for the players through `say`, `press` and `set_blocked`, and follows its chat through `watch`.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import hashlib
import itertools
import json
import logging
import math
import re
import struct
import time
from collections import defaultdict, deque
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any

import aiohttp

from local_telegram.errors import NOT_MODIFIED, BotApiError, bad_request, blocked
from local_telegram.markup import Parsed, parse

log = logging.getLogger(__name__)

MAX_TEXT = 4096
MAX_CAPTION = 1024
MAX_CALLBACK_DATA = 64  # bytes
MAX_LONG_POLL = 50.0  # seconds a getUpdates may wait, whatever `timeout` asks
QUERY_LIFETIME = 15 * 60.0
SEND_METHODS = frozenset({"sendmessage", "sendphoto", "senddocument", "copymessage", "forwardmessage"})
# Updates a bot gets when it names none (Telegram leaves these three out unless asked for).
OPT_IN_UPDATES = frozenset({"chat_member", "message_reaction", "message_reaction_count"})
_COMMAND = re.compile(r"^[a-z0-9_]{1,32}$")
_TOKEN = re.compile(r"^(\d+):[A-Za-z0-9_-]+$")


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
class Limits:
    """Flood control: past `global_rate` messages in any sliding second, or a second message to one chat
    within `1 / per_chat_rate` seconds, sends are answered 429 with `retry_after`. None: no limit."""

    global_rate: float | None = None
    per_chat_rate: float | None = None


@dataclass
class User:
    id: int
    first_name: str
    language_code: str | None = "en"
    blocked: bool = False

    def api(self) -> dict[str, Any]:
        user: dict[str, Any] = {"id": self.id, "is_bot": False, "first_name": self.first_name}
        if self.language_code:
            user["language_code"] = self.language_code
        return user

    def chat(self) -> dict[str, Any]:
        return {"id": self.id, "type": "private", "first_name": self.first_name}


@dataclass
class Photo:
    file_id: str
    data: bytes | None  # None: a URL the bot named, shown as it is
    url: str | None
    width: int
    height: int
    content_type: str = "image/jpeg"

    def sizes(self) -> list[dict[str, Any]]:
        size: dict[str, Any] = {
            "file_id": self.file_id,
            "file_unique_id": self.file_id[-16:],
            "width": self.width,
            "height": self.height,
        }
        if self.data is not None:
            size["file_size"] = len(self.data)
        return [size]


@dataclass
class Message:
    chat_id: int
    message_id: int
    from_bot: bool
    date: int
    body: Parsed  # the text, or a photo's caption
    markup: dict[str, Any] | None = None
    photo: Photo | None = None
    edit_date: int | None = None

    def api(self, bot: dict[str, Any], user: User) -> dict[str, Any]:
        message: dict[str, Any] = {
            "message_id": self.message_id,
            "from": bot if self.from_bot else user.api(),
            "chat": user.chat(),
            "date": self.date,
        }
        if self.edit_date is not None:
            message["edit_date"] = self.edit_date
        if self.photo is not None:
            message["photo"] = self.photo.sizes()
            if self.body.text:
                message["caption"] = self.body.text
                if self.body.entities:
                    message["caption_entities"] = self.body.entities
        else:
            message["text"] = self.body.text
            if self.body.entities:
                message["entities"] = self.body.entities
        if self.markup is not None:
            message["reply_markup"] = self.markup
        return message

    def view(self) -> dict[str, Any]:
        """What the web chat draws."""
        keyboard = (self.markup or {}).get("inline_keyboard") or []
        return {
            "id": self.message_id,
            "from": "bot" if self.from_bot else "user",
            "html": self.body.html,
            "date": self.date,
            "edited": self.edit_date is not None,
            "photo": (self.photo.url or f"/ui/files/{self.photo.file_id}") if self.photo else None,
            "buttons": [
                [{k: b[k] for k in ("text", "callback_data", "url") if k in b} for b in row if isinstance(b, dict)]
                for row in keyboard
                if isinstance(row, list)
            ],
        }


@dataclass
class _Query:
    chat_id: int
    message_id: int
    at: float
    answered: bool = False


@dataclass
class _Canned:
    status: int
    description: str
    retry_after: int | None = None


Handler = Callable[[dict[str, Any]], Any]


@dataclass
class BotApi:
    token: str | None = None  # the one token accepted; None: any well-formed token
    bot_name: str = "Riftwalker"
    bot_username: str = "riftwalker_bot"
    limits: Limits = field(default_factory=Limits)
    latency: float = 0.0  # seconds each answer takes, like a real round trip
    record_requests: bool = True  # off for very long runs
    long_poll_cap: float = MAX_LONG_POLL
    blocked: set[int] = field(default_factory=set)  # chat ids answered 403 "bot was blocked by the user"
    missing: set[int] = field(default_factory=set)  # chat ids answered 400 "chat not found"
    requests: list[Request] = field(default_factory=list)
    sent: list[Sent] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.users: dict[int, User] = {}
        self.chats: dict[int, dict[int, Message]] = defaultdict(dict)
        self._message_ids: dict[int, itertools.count[int]] = defaultdict(lambda: itertools.count(1))
        self._updates: deque[dict[str, Any]] = deque()
        self._update_ids = itertools.count(1)
        self._new_update = asyncio.Event()
        self._poll_generation = 0
        self._allowed_updates: frozenset[str] | None = None
        self._queries: dict[str, _Query] = {}
        self._query_ids = itertools.count(1)
        self.commands: dict[tuple[str, str], list[dict[str, str]]] = {}  # (scope type, language) → menu
        self.photos: dict[str, Photo] = {}
        self._window: deque[float] = deque()
        self._last_to_chat: dict[int, float] = {}
        self._canned: deque[_Canned] = deque()
        self._progress = asyncio.Event()
        self._watchers: dict[int, set[asyncio.Queue[dict[str, Any]]]] = defaultdict(set)
        self.webhook: dict[str, Any] | None = None
        self._webhook_task: asyncio.Task[None] | None = None
        self._webhook_error: tuple[int, str] | None = None
        self._methods: dict[str, Handler] = {
            name[len("api_") :].lower(): getattr(self, name) for name in dir(self) if name.startswith("api_")
        }

    # ---- the bot's side -------------------------------------------------------------------------

    def check_token(self, token: str) -> None:
        if (self.token is not None and token != self.token) or not _TOKEN.match(token):
            raise BotApiError(401, "Unauthorized")

    @property
    def bot_user(self) -> dict[str, Any]:
        bot_id = int(_TOKEN.match(self.token).group(1)) if self.token and _TOKEN.match(self.token) else 1  # type: ignore[union-attr]
        return {"id": bot_id, "is_bot": True, "first_name": self.bot_name, "username": self.bot_username}

    async def call(self, method: str, params: dict[str, Any], files: dict[str, tuple[bytes, str]] | None = None) -> Any:
        """Run one Bot API method; raises BotApiError for what Telegram would refuse."""
        now = time.monotonic()
        if self.record_requests:
            self.requests.append(Request(method, params, now))
        if self.latency:
            await asyncio.sleep(self.latency)
        key = method.lower()
        handler = self._methods.get(key)
        if handler is None:
            raise BotApiError(404, "Not Found")
        chat_id = _optional_int(params.get("chat_id"))
        try:
            if key in SEND_METHODS:
                self._admit_send(_chat_id(params), now)
            result = handler({**params, "_files": files or {}, "_now": now})
            if asyncio.iscoroutine(result):
                result = await result
        except BotApiError as error:
            self.rejections.append(Rejection(chat_id, error.code, error.description, error.retry_after, now))
            if chat_id is not None and error.code == 400:
                self._tell(chat_id, {"type": "refused", "method": method, "description": error.description})
            raise
        return result

    def _admit_send(self, chat_id: int, now: float) -> None:
        if self._canned:
            canned = self._canned.popleft()
            raise BotApiError(canned.status, canned.description, retry_after=canned.retry_after)
        if chat_id in self.blocked or (chat_id in self.users and self.users[chat_id].blocked):
            raise blocked()
        if chat_id in self.missing:
            raise bad_request("chat not found")
        limits = self.limits
        if limits.global_rate is not None:
            while self._window and self._window[0] <= now - 1.0:
                self._window.popleft()
            if len(self._window) >= limits.global_rate:
                wait = max(1, math.ceil(self._window[0] + 1.0 - now))
                raise BotApiError(429, f"Too Many Requests: retry after {wait}", retry_after=wait)
        if limits.per_chat_rate is not None:
            last = self._last_to_chat.get(chat_id)
            interval = 1.0 / limits.per_chat_rate
            if last is not None and now - last < interval:
                wait = max(1, math.ceil(last + interval - now))
                raise BotApiError(429, f"Too Many Requests: retry after {wait}", retry_after=wait)
        self._window.append(now)
        self._last_to_chat[chat_id] = now

    def inject(self, status: int, description: str, *, retry_after: int | None = None, times: int = 1) -> None:
        """Answer the next `times` sends with this error instead of handling them."""
        self._canned.extend(_Canned(status, description, retry_after) for _ in range(times))

    async def wait_sent(self, count: int) -> None:
        """Return once `count` messages have been accepted."""
        while len(self.sent) < count:
            self._progress.clear()
            await self._progress.wait()

    # ---- methods, named after Telegram's (case does not matter) ----------------------------------

    def api_getMe(self, params: dict[str, Any]) -> dict[str, Any]:
        return {
            **self.bot_user,
            "can_join_groups": False,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    def api_logOut(self, params: dict[str, Any]) -> bool:
        return True

    def api_close(self, params: dict[str, Any]) -> bool:
        return True

    def api_sendMessage(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = _chat_id(params)
        text = params.get("text")
        if text is None or text == "":
            raise bad_request("message text is empty")
        body = parse(str(text), params.get("parse_mode"), _json(params, "entities"))
        _check_length(body, MAX_TEXT, "message is too long")
        if not body.text.strip():
            raise bad_request("message text is empty")
        markup = _markup(params)
        message = self._store(chat_id, body, markup)
        self.sent.append(Sent(chat_id, message.message_id, str(text), markup, params["_now"]))
        self._progress.set()
        return self._api_message(message)

    def api_sendPhoto(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = _chat_id(params)
        photo = self._photo(params)
        body = parse(str(params.get("caption") or ""), params.get("parse_mode"), _json(params, "caption_entities"))
        _check_length(body, MAX_CAPTION, "message caption is too long")
        markup = _markup(params)
        message = self._store(chat_id, body, markup, photo=photo)
        self.sent.append(Sent(chat_id, message.message_id, params.get("caption"), markup, params["_now"]))
        self._progress.set()
        return self._api_message(message)

    def api_editMessageText(self, params: dict[str, Any]) -> dict[str, Any]:
        message = self._editable(params)
        if message.photo is not None:
            raise bad_request("there is no text in the message to edit")
        text = params.get("text")
        if text is None or text == "":
            raise bad_request("message text is empty")
        body = parse(str(text), params.get("parse_mode"), _json(params, "entities"))
        _check_length(body, MAX_TEXT, "message is too long")
        return self._edit(message, body, _markup(params))

    def api_editMessageCaption(self, params: dict[str, Any]) -> dict[str, Any]:
        message = self._editable(params)
        if message.photo is None:
            raise bad_request("there is no caption in the message to edit")
        body = parse(str(params.get("caption") or ""), params.get("parse_mode"), _json(params, "caption_entities"))
        _check_length(body, MAX_CAPTION, "message caption is too long")
        return self._edit(message, body, _markup(params))

    def api_editMessageReplyMarkup(self, params: dict[str, Any]) -> dict[str, Any]:
        message = self._editable(params)
        return self._edit(message, message.body, _markup(params))

    def api_deleteMessage(self, params: dict[str, Any]) -> bool:
        chat_id = _chat_id(params)
        message_id = _optional_int(params.get("message_id"))
        if message_id is None or self.chats[chat_id].pop(message_id, None) is None:
            raise bad_request("message to delete not found")
        self._tell(chat_id, {"type": "delete", "message_id": message_id})
        return True

    def api_answerCallbackQuery(self, params: dict[str, Any]) -> bool:
        query_id = str(params.get("callback_query_id") or "")
        query = self._queries.get(query_id)
        if query is None or query.answered or params["_now"] - query.at > QUERY_LIFETIME:
            raise bad_request("query is too old and response timeout expired or query ID is invalid")
        query.answered = True
        text = str(params.get("text") or "")
        if len(text) > 200:
            raise bad_request("MESSAGE_TOO_LONG")
        self._tell(
            query.chat_id,
            {
                "type": "answer",
                "message_id": query.message_id,
                "text": text,
                "alert": _bool(params.get("show_alert")),
                "url": params.get("url"),
            },
        )
        return True

    def api_sendChatAction(self, params: dict[str, Any]) -> bool:
        self._tell(_chat_id(params), {"type": "action", "action": params.get("action", "typing")})
        return True

    def api_getChat(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = _chat_id(params)
        return {**self._user(chat_id).chat(), "accent_color_id": 0, "max_reaction_count": 11}

    def api_getFile(self, params: dict[str, Any]) -> dict[str, Any]:
        photo = self.photos.get(str(params.get("file_id") or ""))
        if photo is None or photo.data is None:
            raise bad_request("invalid file_id")
        return {
            "file_id": photo.file_id,
            "file_unique_id": photo.file_id[-16:],
            "file_size": len(photo.data),
            "file_path": f"photos/{photo.file_id}",
        }

    def api_setMyCommands(self, params: dict[str, Any]) -> bool:
        commands = _json(params, "commands")
        if not isinstance(commands, list) or len(commands) > 100:
            raise bad_request("BOT_COMMANDS_TOO_MUCH" if isinstance(commands, list) else "commands must be an array")
        menu = []
        for command in commands:
            if not isinstance(command, dict):
                raise bad_request("BOT_COMMAND_INVALID")
            name = str(command.get("command", "")).lstrip("/")
            description = str(command.get("description", ""))
            if not _COMMAND.match(name) or not 1 <= len(description) <= 256:
                raise bad_request(
                    "BOT_COMMAND_INVALID" if not _COMMAND.match(name) else "BOT_COMMAND_DESCRIPTION_INVALID"
                )
            menu.append({"command": name, "description": description})
        key = self._commands_key(params)
        self.commands[key] = menu
        for chat_id in list(self._watchers):
            self._tell(chat_id, {"type": "commands", "commands": self.menu_for(chat_id)})
        return True

    def api_getMyCommands(self, params: dict[str, Any]) -> list[dict[str, str]]:
        return self.commands.get(self._commands_key(params), [])

    def api_deleteMyCommands(self, params: dict[str, Any]) -> bool:
        self.commands.pop(self._commands_key(params), None)
        for chat_id in list(self._watchers):
            self._tell(chat_id, {"type": "commands", "commands": self.menu_for(chat_id)})
        return True

    async def api_getUpdates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        """Long polling, as Telegram does it: confirmed updates (below `offset`) are forgotten; an empty
        queue waits up to `timeout` seconds; a newer getUpdates ends an older one with 409."""
        if self.webhook is not None:
            raise BotApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete "
                "the webhook first",
            )
        offset = _optional_int(params.get("offset")) or 0
        limit = min(max(_optional_int(params.get("limit")) or 100, 1), 100)
        try:
            timeout = min(max(float(params.get("timeout") or 0), 0.0), self.long_poll_cap)
        except (TypeError, ValueError):
            raise bad_request('parameter "timeout" must be a number') from None
        allowed = _json(params, "allowed_updates")
        if isinstance(allowed, list):
            self._allowed_updates = frozenset(allowed) if allowed else None
        if offset > 0:
            while self._updates and self._updates[0]["update_id"] < offset:
                self._updates.popleft()
        elif offset < 0:
            while len(self._updates) > -offset:
                self._updates.popleft()
        self._poll_generation += 1
        generation = self._poll_generation
        self._new_update.set()  # wakes an older poll, which then sees it was replaced
        self._new_update = asyncio.Event()
        deadline = time.monotonic() + timeout
        while not self._updates:
            left = deadline - time.monotonic()
            if left <= 0:
                break
            self._new_update.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._new_update.wait(), timeout=left)
            if generation != self._poll_generation:
                raise BotApiError(
                    409,
                    "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
                )
        return list(itertools.islice(self._updates, limit))

    def api_setWebhook(self, params: dict[str, Any]) -> bool:
        url = str(params.get("url") or "")
        if not url:
            return self.api_deleteWebhook(params)
        if not url.startswith(("http://", "https://")):
            raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
        if _bool(params.get("drop_pending_updates")):
            self._updates.clear()
        allowed = _json(params, "allowed_updates")
        if isinstance(allowed, list):
            self._allowed_updates = frozenset(allowed) if allowed else None
        self.webhook = {"url": url, "secret_token": params.get("secret_token")}
        self._webhook_error = None
        if self._webhook_task is None or self._webhook_task.done():
            self._webhook_task = asyncio.create_task(self._deliver_webhook(), name="local-telegram-webhook")
        self._new_update.set()
        return True

    def api_deleteWebhook(self, params: dict[str, Any]) -> bool:
        self.webhook = None
        if self._webhook_task is not None:
            self._webhook_task.cancel()
            self._webhook_task = None
        if _bool(params.get("drop_pending_updates")):
            self._updates.clear()
        return True

    def api_getWebhookInfo(self, params: dict[str, Any]) -> dict[str, Any]:
        info: dict[str, Any] = {
            "url": self.webhook["url"] if self.webhook else "",
            "has_custom_certificate": False,
            "pending_update_count": len(self._updates),
        }
        if self._webhook_error is not None:
            info["last_error_date"], info["last_error_message"] = self._webhook_error
        if self._allowed_updates is not None:
            info["allowed_updates"] = sorted(self._allowed_updates)
        return info

    # ---- the players' side (the web chat, tests) ------------------------------------------------

    def player(self, user_id: int, first_name: str | None = None, language_code: str | None = None) -> User:
        """The player with this id, made known (or renamed) here."""
        user = self._user(user_id)
        if first_name:
            user.first_name = first_name
        if language_code:
            user.language_code = language_code
        return user

    def push_update(self, update: dict[str, Any]) -> int:
        """Queue an update (without `update_id`) for the bot; returns its id. Kinds the bot did not ask
        for are dropped, as Telegram does."""
        kind = next((k for k in update if k != "update_id"), "")
        allowed = self._allowed_updates
        if (allowed is not None and kind not in allowed) or (allowed is None and kind in OPT_IN_UPDATES):
            return 0
        update_id = next(self._update_ids)
        self._updates.append({"update_id": update_id, **update})
        self._new_update.set()
        return update_id

    def say(self, user_id: int, text: str) -> Message:
        """The player sends a text message to the bot."""
        user = self._user(user_id)
        if user.blocked:
            self.set_blocked(user_id, False)
        text = text[:MAX_TEXT]
        body = parse(text, None)
        if text.startswith("/"):
            command = text.split()[0]
            body.entities = [{"type": "bot_command", "offset": 0, "length": len(command.encode("utf-16-le")) // 2}]
        message = self._store(user_id, body, None, from_bot=False)
        self.push_update({"message": self._api_message(message)})
        return message

    def press(self, user_id: int, message_id: int, data: str) -> str:
        """The player presses an inline button; returns the callback query's id."""
        message = self.chats[user_id].get(message_id)
        if message is None or not message.from_bot:
            raise LookupError("no such message")
        rows = (message.markup or {}).get("inline_keyboard") or []
        if not any(isinstance(b, dict) and b.get("callback_data") == data for row in rows for b in row):
            raise LookupError("no such button")
        user = self._user(user_id)
        query_id = str(int(hashlib.sha1(f"{user_id}:{next(self._query_ids)}".encode()).hexdigest()[:15], 16))
        self._queries[query_id] = _Query(user_id, message_id, time.monotonic())
        self.push_update(
            {
                "callback_query": {
                    "id": query_id,
                    "from": user.api(),
                    "message": self._api_message(message),
                    "chat_instance": str(-user_id),
                    "data": data,
                }
            }
        )
        return query_id

    def set_blocked(self, user_id: int, value: bool) -> None:
        """The player blocks the bot (its sends then get 403) or restarts it."""
        user = self._user(user_id)
        if user.blocked == value:
            return
        user.blocked = value
        now = int(time.time())
        old, new = ("member", "kicked") if value else ("kicked", "member")
        self.push_update(
            {
                "my_chat_member": {
                    "chat": user.chat(),
                    "from": user.api(),
                    "date": now,
                    "old_chat_member": {"status": old, "user": self.bot_user, **({"until_date": 0} if value else {})},
                    "new_chat_member": {"status": new, "user": self.bot_user, **({"until_date": 0} if value else {})},
                }
            }
        )
        self._tell(user_id, {"type": "blocked", "blocked": value})

    def menu_for(self, chat_id: int) -> list[dict[str, str]]:
        """The command menu this player sees: the most specific list set for their chat and language."""
        language = (self.users[chat_id].language_code if chat_id in self.users else None) or ""
        for key in (("all_private_chats", language), ("all_private_chats", ""), ("default", language), ("default", "")):
            if key in self.commands:
                return self.commands[key]
        return []

    def history(self, chat_id: int) -> list[dict[str, Any]]:
        return [m.view() for m in sorted(self.chats[chat_id].values(), key=lambda m: m.message_id)]

    @contextlib.asynccontextmanager
    async def watch(self, chat_id: int) -> AsyncIterator[asyncio.Queue[dict[str, Any]]]:
        """What happens in this chat from now on, as web-chat events."""
        queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self._watchers[chat_id].add(queue)
        try:
            yield queue
        finally:
            self._watchers[chat_id].discard(queue)
            if not self._watchers[chat_id]:
                del self._watchers[chat_id]

    # ---- kept across restarts (the chats a player comes back to) ---------------------------------

    def state(self) -> dict[str, Any]:
        """Players, chats, the command menu and unconfirmed updates, as JSON."""

        def message(m: Message) -> dict[str, Any]:
            body = {"text": m.body.text, "entities": m.body.entities, "html": m.body.html}
            photo = None
            if m.photo is not None:
                photo = {
                    "file_id": m.photo.file_id,
                    "url": m.photo.url,
                    "data": base64.b64encode(m.photo.data).decode() if m.photo.data is not None else None,
                    "width": m.photo.width,
                    "height": m.photo.height,
                    "content_type": m.photo.content_type,
                }
            return {
                "chat_id": m.chat_id,
                "message_id": m.message_id,
                "from_bot": m.from_bot,
                "date": m.date,
                "body": body,
                "markup": m.markup,
                "photo": photo,
                "edit_date": m.edit_date,
            }

        return {
            "version": 1,
            "users": [vars(u) for u in self.users.values()],
            "messages": [message(m) for chat in self.chats.values() for m in chat.values()],
            "commands": [{"scope": k[0], "language": k[1], "commands": v} for k, v in self.commands.items()],
            "updates": list(self._updates),
        }

    def restore(self, state: dict[str, Any]) -> None:
        """Back to a state `state()` gave (a newer format than this one knows is ignored)."""
        if state.get("version") != 1:
            return
        for user in state["users"]:
            self.users[int(user["id"])] = User(**user)
        for raw in state["messages"]:
            photo = None
            if raw["photo"] is not None:
                data = raw["photo"].pop("data")
                photo = Photo(data=base64.b64decode(data) if data is not None else None, **raw["photo"])
                self.photos[photo.file_id] = photo
            body = Parsed(**raw["body"])
            message = Message(
                raw["chat_id"], raw["message_id"], raw["from_bot"], raw["date"], body, raw["markup"], photo,
                raw["edit_date"],
            )  # fmt: skip
            self.chats[message.chat_id][message.message_id] = message
        for chat_id, chat in self.chats.items():
            self._message_ids[chat_id] = itertools.count(max(chat, default=0) + 1)
        for entry in state["commands"]:
            self.commands[(entry["scope"], entry["language"])] = entry["commands"]
        self._updates.extend(state["updates"])
        last = max((u["update_id"] for u in self._updates), default=0)
        self._update_ids = itertools.count(last + 1)

    async def close(self) -> None:
        if self._webhook_task is not None:
            self._webhook_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._webhook_task

    # ---- inside ---------------------------------------------------------------------------------

    def _user(self, user_id: int) -> User:
        user = self.users.get(user_id)
        if user is None:  # a chat the bot names first: a player who started it before this server did
            user = self.users[user_id] = User(user_id, f"Player {user_id}", None)
        return user

    def _store(
        self,
        chat_id: int,
        body: Parsed,
        markup: dict[str, Any] | None,
        *,
        from_bot: bool = True,
        photo: Photo | None = None,
    ) -> Message:
        self._user(chat_id)
        message = Message(chat_id, next(self._message_ids[chat_id]), from_bot, int(time.time()), body, markup, photo)
        self.chats[chat_id][message.message_id] = message
        if chat_id in self._watchers:
            self._tell(chat_id, {"type": "message", "message": message.view()})
        return message

    def _editable(self, params: dict[str, Any]) -> Message:
        if params.get("inline_message_id"):
            raise bad_request("message to edit not found")
        chat_id = _chat_id(params)
        if chat_id in self.blocked or self._user(chat_id).blocked:
            raise blocked()
        message = self.chats[chat_id].get(_optional_int(params.get("message_id")) or 0)
        if message is None:
            raise bad_request("message to edit not found")
        if not message.from_bot:
            raise bad_request("message can't be edited")
        return message

    def _edit(self, message: Message, body: Parsed, markup: dict[str, Any] | None) -> dict[str, Any]:
        if body.text == message.body.text and body.entities == message.body.entities and markup == message.markup:
            raise bad_request(NOT_MODIFIED)
        message.body, message.markup, message.edit_date = body, markup, int(time.time())
        self._tell(message.chat_id, {"type": "message", "message": message.view()})
        return self._api_message(message)

    def _api_message(self, message: Message) -> dict[str, Any]:
        return message.api(self.bot_user, self._user(message.chat_id))

    def _photo(self, params: dict[str, Any]) -> Photo:
        files: dict[str, tuple[bytes, str]] = params["_files"]
        value = params.get("photo")
        if "photo" in files or (isinstance(value, str) and value.startswith("attach://") and value[9:] in files):
            data, content_type = files.get("photo") or files[str(value)[9:]]
            width, height = _image_size(data)
            if width == 0:
                raise bad_request("IMAGE_PROCESS_FAILED")
            file_id = "AgAC" + hashlib.sha256(data).hexdigest()[:40]
            photo = Photo(file_id, data, None, width, height, content_type)
        elif isinstance(value, str) and value.startswith(("http://", "https://")):
            file_id = "AgAC" + hashlib.sha256(value.encode()).hexdigest()[:40]
            photo = Photo(file_id, None, value, 0, 0)
        elif isinstance(value, str) and value in self.photos:
            return self.photos[value]
        else:
            raise bad_request(
                "wrong file identifier/HTTP URL specified" if value else "there is no photo in the request"
            )
        self.photos[photo.file_id] = photo
        return photo

    def _commands_key(self, params: dict[str, Any]) -> tuple[str, str]:
        scope = _json(params, "scope")
        kind = scope.get("type", "default") if isinstance(scope, dict) else "default"
        return str(kind), str(params.get("language_code") or "")

    def _tell(self, chat_id: int, event: dict[str, Any]) -> None:
        for queue in self._watchers.get(chat_id, ()):
            queue.put_nowait(event)

    async def _deliver_webhook(self) -> None:
        """Posts each update to the webhook until it answers 2xx; a JSON answer naming a method runs it."""
        async with aiohttp.ClientSession() as session:
            delay = 0.5
            while self.webhook is not None:
                if not self._updates:
                    self._new_update.clear()
                    await self._new_update.wait()
                    continue
                update = self._updates[0]
                headers = {}
                if self.webhook.get("secret_token"):
                    headers["X-Telegram-Bot-Api-Secret-Token"] = str(self.webhook["secret_token"])
                try:
                    async with session.post(self.webhook["url"], json=update, headers=headers) as response:
                        if response.status // 100 != 2:
                            raise RuntimeError(f"Wrong response from the webhook: {response.status} {response.reason}")
                        answer = await _reply_method(response)
                except (aiohttp.ClientError, RuntimeError, TimeoutError) as error:
                    self._webhook_error = (int(time.time()), str(error))
                    await asyncio.sleep(delay)
                    delay = min(delay * 2, 10.0)
                    continue
                delay = 0.5
                if self._updates and self._updates[0] is update:
                    self._updates.popleft()
                if answer is not None:
                    method, method_params = answer
                    with contextlib.suppress(BotApiError):
                        await self.call(method, method_params)


async def _reply_method(response: aiohttp.ClientResponse) -> tuple[str, dict[str, Any]] | None:
    if "json" not in response.content_type:
        return None
    with contextlib.suppress(ValueError):
        body = await response.json()
        if isinstance(body, dict) and isinstance(body.get("method"), str):
            params = {k: v for k, v in body.items() if k != "method"}
            return body["method"], params
    return None


def _optional_int(value: Any) -> int | None:
    if value is None or value == "":
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _chat_id(params: dict[str, Any]) -> int:
    value = params.get("chat_id")
    if value is None or value == "":
        raise bad_request("chat_id is empty")
    chat_id = _optional_int(value)
    if chat_id is None:
        raise bad_request("chat not found")
    return chat_id


def _bool(value: Any) -> bool:
    return value is True or (isinstance(value, str) and value.lower() in {"true", "1"})


def _json(params: dict[str, Any], name: str) -> Any:
    value = params.get(name)
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            raise bad_request(f"can't parse {name} JSON object") from None
    return value


def _check_length(body: Parsed, limit: int, description: str) -> None:
    if body.length > limit:
        raise bad_request(description)


def _markup(params: dict[str, Any]) -> dict[str, Any] | None:
    markup = _json(params, "reply_markup")
    if markup is None:
        return None
    if not isinstance(markup, dict):
        raise bad_request("can't parse reply keyboard markup JSON object")
    if "inline_keyboard" not in markup:
        return markup  # a reply keyboard, or its removal: kept, not drawn
    rows = markup["inline_keyboard"]
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise bad_request('can\'t parse inline keyboard: field "inline_keyboard" must be an Array of Arrays')
    for row in rows:
        for button in row:
            if not isinstance(button, dict) or not isinstance(button.get("text"), str):
                raise bad_request('can\'t parse inline keyboard button: Field "text" must be of type String')
            actions = set(button) - {"text"}
            if not actions:
                raise bad_request(
                    "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"
                )
            data = button.get("callback_data")
            if data is not None and (not isinstance(data, str) or not 1 <= len(data.encode()) <= MAX_CALLBACK_DATA):
                raise bad_request("BUTTON_DATA_INVALID")
            if not button["text"].strip():
                raise bad_request("BUTTON_TEXT_INVALID")
    return markup


def _image_size(data: bytes) -> tuple[int, int]:
    """Width and height of a PNG, JPEG or GIF (0, 0 for anything else)."""
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) >= 24:
        width, height = struct.unpack(">II", data[16:24])
        return int(width), int(height)
    if data[:6] in (b"GIF87a", b"GIF89a") and len(data) >= 10:
        width, height = struct.unpack("<HH", data[6:10])
        return int(width), int(height)
    if data[:2] == b"\xff\xd8":
        i = 2
        while i + 9 < len(data):
            if data[i] != 0xFF:
                i += 1
                continue
            marker = data[i + 1]
            if marker in (0xC0, 0xC1, 0xC2):
                height, width = struct.unpack(">HH", data[i + 5 : i + 9])
                return int(width), int(height)
            i += 2 + int.from_bytes(data[i + 2 : i + 4], "big")
    return 0, 0
