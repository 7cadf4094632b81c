"""How every router answers: show a screen, toast a button, and whose chat it is.

A screen replaces the pressed message in place, or arrives as a new message when there is none to edit.
"""

from __future__ import annotations

import contextlib

from aiogram.exceptions import TelegramBadRequest
from aiogram.types import BufferedInputFile, CallbackQuery, Message

from bot.views import Screen


async def show(event: Message | CallbackQuery, screen: Screen) -> None:
    text, markup = screen.text, screen.markup
    if isinstance(event, CallbackQuery):
        message = event.message
        if isinstance(message, Message):
            try:
                await message.edit_text(text, reply_markup=markup)
            except TelegramBadRequest as exc:
                if "message is not modified" not in str(exc):
                    await message.answer(text, reply_markup=markup)
        elif event.bot is not None:
            # The message is too old to edit (or gone): a fresh one.
            await event.bot.send_message(event.from_user.id, text, reply_markup=markup)
        with contextlib.suppress(TelegramBadRequest):
            await event.answer()
    else:
        await event.answer(text, reply_markup=markup)


async def toast(query: CallbackQuery, text: str, *, alert: bool = False) -> None:
    """A short note over the chat (`alert`: one the player has to close)."""
    with contextlib.suppress(TelegramBadRequest):  # already answered, or too old to answer
        await query.answer(text, show_alert=alert)


def player_of(event: Message | CallbackQuery) -> int:
    """The player who wrote or pressed. Every update of a private chat has one; a channel post
    has none and means a misrouted update, not a player."""
    if event.from_user is None:
        raise LookupError("an update without a sender")
    return event.from_user.id


async def show_picture(query: CallbackQuery, picture: bytes, *, filename: str, caption: str) -> None:
    """A picture (a chart) as a new photo message, its figures in the caption."""
    if query.bot is not None:
        await query.bot.send_photo(query.from_user.id, BufferedInputFile(picture, filename=filename), caption=caption)
    with contextlib.suppress(TelegramBadRequest):
        await query.answer()
