"""Callback data of the screens players share: the guild and the arena.

Kept apart from `bot.callbacks` so each feature owns its prefixes. Guild ids and player ids are
numbers and item ids short snake_case, so every button stays far below Telegram's 64 bytes.
"""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData


class GuildCb(CallbackData, prefix="gd"):
    """`gd:<act>:<id>:<v>:<p>:<item>`.

    act — screens: home | members | member (one member's screen; `id` the member) | bank | ledger (page
    `p`) | board | requests | link | found | invite | deposit | withdraw | give (an item from the bag) |
    chat; answers to invitations: accept | decline (`id` the guild); request (`id` the guild);
    officer acts, carrying the guild's version `v`: yes | no (a request; `id` the applicant) | kick |
    promote | demote | lead (`id` the member) | take (withdraw one `item`) | leave | disband; put (deposit one
    `item` from the bag); claim (the lead of a leader away for long).
    """

    act: str
    id: int = 0
    v: int = 0
    p: int = 0
    item: str | None = None


class ArenaCb(CallbackData, prefix="ar"):
    """`ar:<act>:<id>`; act: home | find (an opponent) | fight (`id` the opponent found, or one to take
    revenge on) | top (the ladder)."""

    act: str
    id: int = 0
