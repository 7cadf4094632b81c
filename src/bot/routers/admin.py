"""Admin commands, for the Telegram ids in `settings.admin_ids` only.

Anyone else falls through to the fallback router and gets the same answer as for any unknown
command: the commands are not advertised, not even by a refusal.
"""

from __future__ import annotations

import html
import re
from collections.abc import Collection

from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.types import Message

from bot.i18n import Translator
from bot.views.world_events import duration
from game.api import GameApi, NotRegistered, UnknownLocation
from game.api.world import BossAlreadyAlive
from shared.events import Broadcast
from shared.ports.event_bus import EventBus

# The command itself (with an optional @botname) in front of the HTML of the rest of the message.
_COMMAND_PREFIX = re.compile(r"^/\w+(@\w+)?\s*")


def is_admin(message: Message, admin_ids: Collection[int] = ()) -> bool:
    return message.from_user is not None and message.from_user.id in admin_ids


def _arg(command: CommandObject) -> str | None:
    return (command.args or "").strip() or None


async def open_rift(message: Message, command: CommandObject, game: GameApi, t: Translator) -> None:
    location_id = _arg(command)
    try:
        rift = await game.admin_open_rift(location_id=location_id)
    except UnknownLocation:
        await message.answer(t("admin-unknown-location", location=html.escape(location_id or "")))
        return
    await message.answer(
        t(
            "admin-rift-opened",
            name=t.pick(rift.name),
            location=t.pick(rift.location_name),
            tier=rift.tier,
            id=rift.id,
            left=duration(t, rift.seconds_left),
        )
    )


async def spawn_boss(message: Message, command: CommandObject, game: GameApi, t: Translator) -> None:
    location_id = _arg(command)
    try:
        boss = await game.admin_spawn_boss(location_id=location_id)
    except UnknownLocation:
        await message.answer(t("admin-unknown-location", location=html.escape(location_id or "")))
        return
    except BossAlreadyAlive:
        await message.answer(t("err-boss-alive"))
        return
    await message.answer(
        t(
            "admin-boss-spawned",
            name=t.pick(boss.name),
            location=t.pick(boss.location_name),
            hp=boss.max_hp,
            id=boss.id,
            left=duration(t, boss.seconds_left),
        )
    )


async def broadcast(message: Message, command: CommandObject, events: EventBus, t: Translator) -> None:
    if not _arg(command):
        await message.answer(t("admin-broadcast-usage"))
        return
    # The HTML of the message keeps the admin's bold and links, and escapes everything else.
    text = _COMMAND_PREFIX.sub("", message.html_text, count=1).strip()
    event = Broadcast(text=text)
    await events.publish(event)
    await message.answer(t("admin-broadcast-queued", id=event.event_id))


async def lookup(message: Message, command: CommandObject, game: GameApi, t: Translator) -> None:
    query = _arg(command)
    if query is None:
        await message.answer(t("admin-lookup-usage"))
        return
    try:
        sheet = await game.find_player(query=query)
    except NotRegistered:
        await message.answer(t("admin-lookup-none", query=html.escape(query)))
        return
    muted = (await game.notification_settings(player_id=sheet.player_id)).muted
    lines = [
        t(
            "admin-lookup",
            name=html.escape(sheet.name),
            id=sheet.player_id,
            **{"class": t.pick(sheet.class_name)},
            level=sheet.level,
            xp=sheet.xp,
            gold=sheet.gold,
            location=t.pick(sheet.location_name),
            hp=sheet.hp,
            max_hp=sheet.derived.max_hp,
        )
    ]
    if sheet.in_combat:
        lines.append(t("admin-lookup-fighting"))
    if muted:
        lines.append(t("admin-lookup-muted", muted=", ".join(muted)))
    await message.answer("\n".join(lines))


def build_router() -> Router:
    router = Router(name="admin")
    # A router-wide filter: for anyone else these handlers do not exist.
    router.message.filter(is_admin)
    router.message.register(open_rift, Command("open_rift"))
    router.message.register(spawn_boss, Command("spawn_boss"))
    router.message.register(broadcast, Command("broadcast"))
    router.message.register(lookup, Command("lookup"))
    return router
