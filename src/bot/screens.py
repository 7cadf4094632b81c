"""Showing a screen: edit the pressed message in place, or send a new one when there is none to edit."""

from __future__ import annotations

import contextlib

from aiogram.exceptions import TelegramBadRequest
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message


async def show(event: Message | CallbackQuery, text: str, markup: InlineKeyboardMarkup | None = None) -> None:
    if isinstance(event, CallbackQuery):
        message = event.message
        if isinstance(message, Message):
            try:
                await message.edit_text(text, reply_markup=markup)
            except TelegramBadRequest as exc:
                if "message is not modified" not in str(exc):
                    await message.answer(text, reply_markup=markup)
        elif event.from_user:
            # The message is too old to edit (or gone): a fresh one.
            await event.bot.send_message(event.from_user.id, text, reply_markup=markup)
        with contextlib.suppress(TelegramBadRequest):
            await event.answer()
    else:
        await event.answer(text, reply_markup=markup)
