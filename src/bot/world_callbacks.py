"""Callback data of the living world's screens: rifts, world bosses, notification toggles.

Kept apart from `bot.callbacks` so each feature owns its prefixes. Ids are 16 hex digits, so every
button stays far below Telegram's 64 bytes.
"""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData


class RiftCb(CallbackData, prefix="rf"):
    """`rf:<act>:<rift id>:<steps done>`.

    act: list (the open rifts) | show (my run) | enter | go (the next step) | leave.
    `n` is the run's `steps_done` when the button was drawn: a second press of the same "Go on"
    finds the run moved on and advances nothing.
    """

    act: str
    id: str | None = None
    n: int = -1


class BossCb(CallbackData, prefix="bs"):
    """`bs:<act>:<boss id>`; act: show (the boss screen) | hit (attack it) | top (damage leaderboard)."""

    act: str
    id: str | None = None


class NotifyCb(CallbackData, prefix="ntf"):
    """`ntf:<category>:<1 to hear it, 0 to mute it>`."""

    cat: str
    on: bool
