"""The closed sets of values that cross the port: pydantic checks them on the wire, mypy in the code."""

from __future__ import annotations

from typing import Literal

ItemKind = Literal["equipment", "consumable", "material"]
Slot = Literal["weapon", "head", "chest", "legs", "feet", "trinket"]
Rarity = Literal["common", "uncommon", "rare", "epic", "legendary"]
SkillKind = Literal["active", "passive"]
Side = Literal["player", "monster"]
FightOutcome = Literal["ongoing", "won", "lost", "fled"]
CombatAction = Literal["attack", "skill", "item", "flee"]
LogKind = Literal[
    "skill",
    "item",
    "hit",
    "miss",
    "heal",
    "mana",
    "status",
    "tick",
    "expired",
    "cleanse",
    "stunned",
    "flee_failed",
    "fled",
    "won",
    "lost",
]
EncounterKind = Literal["monster", "resource", "treasure", "nothing"]
# What a fight is a step of; None: a fight out in the wild.
FightPart = Literal["rift"]
SnapshotMode = Literal["changed", "all"]
Leaderboard = Literal["level", "boss_damage"]
NotificationCategory = Literal["rifts", "bosses", "guild_chat", "arena", "exchange"]
# Recipients of a message that cannot be muted (announcements).
RecipientCategory = Literal["rifts", "bosses", "exchange", "everyone"]

RiftStatus = Literal["open", "collapsed"]
RiftStepKind = Literal["monster", "elite", "boss", "treasure", "trap", "shrine"]
RunStatus = Literal["active", "cleared", "left", "collapsed", "fallen"]
BossStatus = Literal["alive", "defeated", "escaped"]
# A name's grammatical gender: masculine, feminine, neuter, or a plural-only name ("Шепчущие луга").
Gender = Literal["m", "f", "n", "pl"]
