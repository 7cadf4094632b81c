"""Data crossing the port: frozen pydantic models that round-trip through JSON.

No domain object ever leaves `game`; these are copies shaped for callers.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

# Player-facing text in every language the game speaks: {"en": "...", "ru": "..."}.
LocalText = dict[str, str]


class Dto(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Stats(Dto):
    strength: int
    agility: int
    intellect: int
    vitality: int


class DerivedStats(Dto):
    max_hp: int
    max_mana: int
    attack: int
    defence: int
    crit_chance: float
    dodge_chance: float


class ClassInfo(Dto):
    id: str
    name: LocalText
    description: LocalText
    stats: Stats


class CharacterSheet(Dto):
    player_id: int
    name: str
    class_id: str
    class_name: LocalText
    level: int
    xp: int
    xp_to_next: int
    gold: int
    stats: Stats
    derived: DerivedStats
    hp: int
    mana: int
    stamina: int
    max_stamina: int
    location_id: str
    location_name: LocalText
    stat_points: int
    skill_points: int


class ExitInfo(Dto):
    id: str
    name: LocalText
    level: int


class LocationView(Dto):
    id: str
    name: LocalText
    description: LocalText
    level: int
    is_town: bool
    exits: tuple[ExitInfo, ...]


class SnapshotReport(Dto):
    mode: str  # "changed" or "all"
    accounts_written: int
    seconds: float
