"""Admin commands, for the Telegram ids in `settings.admin_ids` only.

Anyone else falls through to the fallback router and gets the same answer as for any unknown
command: the commands are not advertised, not even by a refusal.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection
from typing import Protocol

from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.types import Message

from bot.i18n import LOCALES, Translator
from bot.screens import show
from bot.views import admin
from bot.views import guild as guild_views
from game.api import AdministrationApi, NotificationsApi, NotRegistered, UnknownLocation
from game.api.ports.guild_administration import GuildAdministrationApi
from shared.events import Broadcast
from shared.ports.event_bus import EventBus

TELEGRAM_MAX_TEXT = 4096
# Longer than any name or id (a signed 64-bit id has at most 20 characters): nobody to look up.
LOOKUP_MAX_CHARS = 64

# The command itself (with an optional @botname) in front of the HTML of the rest of the message.
_COMMAND_PREFIX = re.compile(r"^/\w+(@\w+)?\s*")


class LookupGame(AdministrationApi, NotificationsApi, Protocol):
    """A player found, and what they muted."""


def is_admin(message: Message, admin_ids: Collection[int] = ()) -> bool:
    return message.from_user is not None and message.from_user.id in admin_ids


def _arg(command: CommandObject) -> str | None:
    return (command.args or "").strip() or None


async def open_rift(message: Message, command: CommandObject, game: AdministrationApi, t: Translator) -> None:
    location_id = _arg(command)
    try:
        rift = await game.admin_open_rift(location_id=location_id)
    except UnknownLocation:
        await show(message, admin.unknown_location(t, location_id))
        return
    await show(message, admin.rift_opened(t, rift))


async def spawn_boss(message: Message, command: CommandObject, game: AdministrationApi, t: Translator) -> None:
    location_id = _arg(command)
    try:
        boss = await game.admin_spawn_boss(location_id=location_id)
    except UnknownLocation:
        await show(message, admin.unknown_location(t, location_id))
        return
    await show(message, admin.boss_spawned(t, boss))


async def broadcast(message: Message, command: CommandObject, events: EventBus, t: Translator) -> None:
    if not _arg(command):
        await show(message, admin.broadcast_usage(t))
        return
    # Refused whole rather than cut: a cut could fall inside a tag, a link or a sentence that matters.
    length, most = telegram_length(_COMMAND_PREFIX.sub("", message.text or "", count=1).strip()), broadcast_room()
    if length > most:
        await show(message, admin.broadcast_too_long(t, length=length, most=most))
        return
    # Telegram's entities rendered as HTML: the admin's bold and links stay, everything else is escaped.
    text = _COMMAND_PREFIX.sub("", message.html_text, count=1).strip()
    event = Broadcast(text=text)
    await events.publish(event)
    await show(message, admin.broadcast_queued(t, event.event_id))


async def lookup(message: Message, command: CommandObject, game: LookupGame, t: Translator) -> None:
    query = _arg(command)
    if query is None:
        await show(message, admin.lookup_usage(t))
        return
    try:
        if len(query) > LOOKUP_MAX_CHARS:
            raise NotRegistered("no name or id is that long")
        sheet = await game.find_player(query=query)
    except NotRegistered:
        await show(message, admin.nobody(t, query))
        return
    muted = (await game.notification_settings(player_id=sheet.player_id)).muted
    await show(message, admin.lookup(t, sheet, muted=muted))


# --- players together -----------------------------------------------------------------------------


async def guild_lookup(message: Message, command: CommandObject, game: GuildAdministrationApi, t: Translator) -> None:
    query = _arg(command)
    if query is None:
        await show(message, guild_views.admin_usage(t))
        return
    await show(message, guild_views.admin_lookup(t, await game.admin_find_guild(query=query)))


async def guild_dissolve(message: Message, command: CommandObject, game: GuildAdministrationApi, t: Translator) -> None:
    query = _arg(command) or ""
    if not query.isdigit() or len(query) > 18:
        await show(message, guild_views.admin_usage(t))
        return
    members = await game.admin_dissolve_guild(guild_id=int(query))
    await show(message, guild_views.admin_dissolved(t, int(query), members))


def telegram_length(text: str) -> int:
    """A text's length as Telegram counts it (UTF-16 code units, after its markup is parsed)."""
    return len(text.encode("utf-16-le")) // 2


@functools.cache
def broadcast_room() -> int:
    """How long a broadcast may be, so that it fits one message in every language's wording."""
    wording = max(telegram_length(Translator(locale)("notify-broadcast", text="")) for locale in LOCALES)
    return TELEGRAM_MAX_TEXT - wording


def build_router() -> Router:
    router = Router(name="admin")
    # A router-wide filter: for anyone else these handlers do not exist.
    router.message.filter(is_admin)
    router.message.register(open_rift, Command("open_rift"))
    router.message.register(spawn_boss, Command("spawn_boss"))
    router.message.register(broadcast, Command("broadcast"))
    router.message.register(lookup, Command("lookup"))
    router.message.register(guild_lookup, Command("guild_lookup"))
    router.message.register(guild_dissolve, Command("guild_dissolve"))
    return router
