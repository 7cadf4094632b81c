"""A Bot API session that answers locally, the way Telegram would, and records every request.

It lets the real Dispatcher run with no network: `riftwalker play` prints what it records, and the
tests assert on it.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import AsyncGenerator
from dataclasses import dataclass, field
from typing import Any

from aiogram import Bot
from aiogram.client.session.base import BaseSession
from aiogram.exceptions import TelegramBadRequest
from aiogram.methods import (
    AnswerCallbackQuery,
    DeleteMessage,
    EditMessageReplyMarkup,
    EditMessageText,
    GetMe,
    SendMessage,
    SendPhoto,
    TelegramMethod,
)
from aiogram.methods.base import TelegramType
from aiogram.types import BufferedInputFile, Chat, InlineKeyboardMarkup, Message, User

BOT_USER = User(id=1, is_bot=True, first_name="Riftwalker", username="riftwalker_bot")


@dataclass
class ShownMessage:
    """A message as the player currently sees it (edits applied)."""

    chat_id: int
    message_id: int
    text: str
    markup: InlineKeyboardMarkup | None
    edited: bool = False
    picture: bytes | None = None  # a photo's (the text is its caption)

    def buttons(self) -> list[tuple[str, str]]:
        """(label, callback data) of every inline button, row by row."""
        if self.markup is None:
            return []
        return [(b.text, b.callback_data or "") for row in self.markup.inline_keyboard for b in row]


@dataclass
class Alert:
    chat_id: int | None
    text: str
    show_alert: bool


@dataclass
class LocalSession(BaseSession):
    requests: list[TelegramMethod[Any]] = field(default_factory=list)
    messages: dict[tuple[int, int], ShownMessage] = field(default_factory=dict)
    alerts: list[Alert] = field(default_factory=list)
    # Every send or edit, in order: what a player's screen went through.
    timeline: list[ShownMessage] = field(default_factory=list)
    answered_queries: set[str] = field(default_factory=set)
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def __post_init__(self) -> None:
        super().__init__()

    async def close(self) -> None:
        return None

    async def stream_content(self, url: str, *args: Any, **kwargs: Any) -> AsyncGenerator[bytes, None]:
        yield b""

    async def make_request(self, bot: Bot, method: TelegramMethod[TelegramType], timeout: int | None = None) -> Any:  # noqa: ASYNC109
        self.requests.append(method)
        if isinstance(method, GetMe):
            return BOT_USER
        if isinstance(method, SendMessage):
            chat_id = int(method.chat_id)
            shown = ShownMessage(chat_id, next(self._ids), method.text, _markup(method.reply_markup))
            self.messages[(chat_id, shown.message_id)] = shown
            self.timeline.append(shown)
            return self._message(bot, shown)
        if isinstance(method, SendPhoto):
            chat_id = int(method.chat_id)
            photo = method.photo
            data = photo.data if isinstance(photo, BufferedInputFile) else b""
            shown = ShownMessage(
                chat_id, next(self._ids), method.caption or "", _markup(method.reply_markup), picture=data
            )
            self.messages[(chat_id, shown.message_id)] = shown
            self.timeline.append(shown)
            return self._message(bot, shown)
        if isinstance(method, EditMessageText | EditMessageReplyMarkup):
            before = None
            if method.chat_id is not None and method.message_id is not None:  # not an inline message's
                key = (int(method.chat_id), method.message_id)
                before = self.messages.get(key)
            if before is None:
                raise TelegramBadRequest(method=method, message="Bad Request: message to edit not found")
            # Only the markup changes, or a text edit without a text (a rich message's): the text stays.
            text = (method.text if isinstance(method, EditMessageText) else None) or before.text
            markup = _markup(method.reply_markup)
            if text == before.text and markup == before.markup:
                raise TelegramBadRequest(method=method, message="Bad Request: message is not modified")
            after = ShownMessage(before.chat_id, before.message_id, text, markup, edited=True)
            self.messages[key] = after
            self.timeline.append(after)
            return self._message(bot, after)
        if isinstance(method, AnswerCallbackQuery):
            if method.callback_query_id in self.answered_queries:  # Telegram takes one answer per query
                raise TelegramBadRequest(method=method, message="Bad Request: query is too old or already answered")
            self.answered_queries.add(method.callback_query_id)
            self.alerts.append(Alert(None, method.text or "", bool(method.show_alert)))
            return True
        if isinstance(method, DeleteMessage):
            self.messages.pop((int(method.chat_id), int(method.message_id)), None)
            return True
        return True

    def last_message(self, chat_id: int) -> ShownMessage | None:
        for shown in reversed(self.timeline):
            if shown.chat_id == chat_id:
                return self.messages.get((chat_id, shown.message_id), shown)
        return None

    def last_keyboard(self, chat_id: int) -> ShownMessage | None:
        """The newest message of the chat that still has buttons (as currently shown)."""
        for shown in reversed(self.timeline):
            current = self.messages.get((chat_id, shown.message_id))
            if shown.chat_id == chat_id and current is not None and current.buttons():
                return current
        return None

    @staticmethod
    def _message(bot: Bot, shown: ShownMessage) -> Message:
        return Message.model_validate(
            {
                "message_id": shown.message_id,
                "date": int(time.time()),
                "chat": Chat(id=shown.chat_id, type="private"),
                "from": BOT_USER,
                "text": shown.text,
                "reply_markup": shown.markup,
                "edit_date": int(time.time()) if shown.edited else None,
            },
            context={"bot": bot},
        )


def _markup(markup: Any) -> InlineKeyboardMarkup | None:
    return markup if isinstance(markup, InlineKeyboardMarkup) else None
