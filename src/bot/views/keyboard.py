"""A lean inline-keyboard builder with the part of aiogram's `InlineKeyboardBuilder` API we use.

aiogram's builder deep-copies every button on export (pydantic `__deepcopy__`); on a screen of ten
buttons that was a third of an action's time. Ours builds the markup once, nothing copied, and a plain
button (a label and its callback data) is built once per process: a screen's buttons mostly come back
(Menu, Look around, the roads), and building a pydantic model of Telegram's was most of their cost.
Buttons are never changed once built, so one object serves every markup that shows it.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import chain, cycle, repeat
from typing import Any

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

MAX_WIDTH = 8  # Telegram's limit of buttons in a row


@lru_cache(maxsize=8192)
def plain_button(text: str, callback_data: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(text=text, callback_data=callback_data)


class KeyboardBuilder:
    def __init__(self) -> None:
        self._rows: list[list[InlineKeyboardButton]] = []

    def button(self, *, text: str, callback_data: CallbackData | str | None = None, **kwargs: Any) -> KeyboardBuilder:
        if isinstance(callback_data, CallbackData):
            callback_data = callback_data.pack()
        if kwargs or callback_data is None:
            return self.add(InlineKeyboardButton(text=text, callback_data=callback_data, **kwargs))
        return self.add(plain_button(text, callback_data))

    def add(self, *buttons: InlineKeyboardButton) -> KeyboardBuilder:
        """Fill the last row up to the width limit, then start new ones."""
        for button in buttons:
            if not self._rows or len(self._rows[-1]) >= MAX_WIDTH:
                self._rows.append([])
            self._rows[-1].append(button)
        return self

    def row(self, *buttons: InlineKeyboardButton, width: int = MAX_WIDTH) -> KeyboardBuilder:
        """New rows of at most `width` buttons."""
        for start in range(0, len(buttons), width):
            self._rows.append(list(buttons[start : start + width]))
        return self

    def adjust(self, *sizes: int, repeat_sizes: bool = False) -> KeyboardBuilder:
        """Regroup every button into rows of `sizes`; the last size repeats (or all of them cycle)."""
        sizes = tuple(min(max(size, 1), MAX_WIDTH) for size in sizes) or (MAX_WIDTH,)
        widths = cycle(sizes) if repeat_sizes else chain(sizes, repeat(sizes[-1]))
        buttons = [b for row in self._rows for b in row]
        rows: list[list[InlineKeyboardButton]] = []
        while buttons:
            width = next(widths)
            rows.append(buttons[:width])
            buttons = buttons[width:]
        self._rows = rows
        return self

    def as_markup(self) -> InlineKeyboardMarkup:
        return InlineKeyboardMarkup(inline_keyboard=self._rows)
