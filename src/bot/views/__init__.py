"""Screens of play: DTO → (text, inline keyboard), in the player's language.

Each module shows one feature; nothing here decides a rule — it shows what the port returned and puts
the ids, turns and versions it was given into the buttons.
"""

from __future__ import annotations

from dataclasses import dataclass

from aiogram.types import InlineKeyboardMarkup


@dataclass(frozen=True)
class Screen:
    text: str
    markup: InlineKeyboardMarkup | None = None
