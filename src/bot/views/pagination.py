"""Slicing long lists into pages, and the ◀ n/m ▶ row under them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardButton

T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    items: Sequence[T]
    number: int  # 0-based, clamped into range
    count: int  # at least 1, so an empty list still has a page to show

    @property
    def has_prev(self) -> bool:
        return self.number > 0

    @property
    def has_next(self) -> bool:
        return self.number + 1 < self.count


def paginate(items: Sequence[T], number: int, size: int) -> Page[T]:
    count = max(1, -(-len(items) // size))
    # A page number from an old screen may point past the end once the list shrank: show the last one.
    number = min(max(0, number), count - 1)
    return Page(items=items[number * size : (number + 1) * size], number=number, count=count)


def nav_row(page: Page[T], to_page: Callable[[int], CallbackData]) -> list[InlineKeyboardButton]:
    """Buttons to the neighbouring pages; empty when everything fits on one."""
    if page.count == 1:
        return []
    row = []
    if page.has_prev:
        row.append(InlineKeyboardButton(text="◀️", callback_data=to_page(page.number - 1).pack()))
    row.append(InlineKeyboardButton(text=f"{page.number + 1}/{page.count}", callback_data=to_page(page.number).pack()))
    if page.has_next:
        row.append(InlineKeyboardButton(text="▶️", callback_data=to_page(page.number + 1).pack()))
    return row
