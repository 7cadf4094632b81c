"""Everything the bot says: DTO → (text, inline keyboard), in the player's language.

One module per feature. A function returning a `Screen` draws a message; one returning `str` words a
notice (a toast, the line above a redrawn screen). Routers and the notifier only choose which to show
(through `bot.screens`); refusals of the game are worded in `refusals`. Nothing here decides a rule: it
shows what the port returned and puts the ids, turns and versions it was given into the buttons.
"""

from __future__ import annotations

from dataclasses import dataclass

from aiogram.types import InlineKeyboardMarkup


@dataclass(frozen=True)
class Screen:
    text: str
    markup: InlineKeyboardMarkup | None = None
