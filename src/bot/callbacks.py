"""Callback data factories: every button says exactly what it acts on."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData


class NavCb(CallbackData, prefix="nav"):
    """Open a screen: menu, sheet, look, settings."""

    to: str


class ClassCb(CallbackData, prefix="cls"):
    class_id: str


class TravelCb(CallbackData, prefix="go"):
    # The origin tells a button from an old map apart from a forged or mistaken destination.
    origin: str
    dest: str


class LangCb(CallbackData, prefix="lang"):
    code: str
