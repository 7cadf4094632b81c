"""Answers to the admin commands."""

from __future__ import annotations

from collections.abc import Sequence

from bot.i18n import Translator
from bot.views import Screen
from bot.views.common import duration, literal
from game.api import BossView, CharacterSheet, RiftInfo


def rift_opened(t: Translator, rift: RiftInfo) -> Screen:
    return Screen(
        t(
            "admin-rift-opened",
            name=t.pick(rift.name),
            location=t.pick(rift.location_name),
            tier=rift.tier,
            id=rift.id,
            left=duration(t, rift.seconds_left),
        )
    )


def boss_spawned(t: Translator, boss: BossView) -> Screen:
    return Screen(
        t(
            "admin-boss-spawned",
            name=t.pick(boss.name),
            location=t.pick(boss.location_name),
            hp=boss.max_hp,
            id=boss.id,
            left=duration(t, boss.seconds_left),
        )
    )


# What an admin typed, said back: a line's worth, never a message's.
ECHO_CHARS = 64


def _echo(typed: str) -> str:
    return literal(typed if len(typed) <= ECHO_CHARS else typed[: ECHO_CHARS - 1] + "…")


def unknown_location(t: Translator, location_id: str | None) -> Screen:
    return Screen(t("admin-unknown-location", location=_echo(location_id or "")))


def broadcast_usage(t: Translator) -> Screen:
    return Screen(t("admin-broadcast-usage"))


def broadcast_too_long(t: Translator, *, length: int, most: int) -> Screen:
    return Screen(t("admin-broadcast-too-long", length=length, max=most))


def broadcast_queued(t: Translator, event_id: str) -> Screen:
    return Screen(t("admin-broadcast-queued", id=event_id))


def lookup_usage(t: Translator) -> Screen:
    return Screen(t("admin-lookup-usage"))


def nobody(t: Translator, query: str) -> Screen:
    return Screen(t("admin-lookup-none", query=_echo(query)))


def lookup(t: Translator, sheet: CharacterSheet, *, muted: Sequence[str]) -> Screen:
    lines = [
        t(
            "admin-lookup",
            name=literal(sheet.name),
            id=str(sheet.player_id),  # an id, not an amount: never grouped
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
    return Screen("\n".join(lines))
