"""Content models (locations, classes, …) and their validation.

Files are read by an adapter; this module only checks what was read, so a broken reference
stops the start with the file and entry named.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from game.domain.errors import ContentError

LANGUAGES = ("en", "ru")


class ContentModel(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def _check_languages(value: dict[str, str]) -> dict[str, str]:
    missing = [lang for lang in LANGUAGES if not value.get(lang)]
    if missing:
        raise ValueError(f"text missing in {', '.join(missing)}")
    return value


class Text(ContentModel):
    en: str = Field(min_length=1)
    ru: str = Field(min_length=1)

    def as_dict(self) -> dict[str, str]:
        return {"en": self.en, "ru": self.ru}


class BaseStats(ContentModel):
    strength: int = Field(ge=1)
    agility: int = Field(ge=1)
    intellect: int = Field(ge=1)
    vitality: int = Field(ge=1)


class ClassDef(ContentModel):
    id: str
    name: Text
    description: Text
    stats: BaseStats


class LocationDef(ContentModel):
    id: str
    name: Text
    description: Text
    level: int = Field(ge=1)
    town: bool = False
    exits: tuple[str, ...]

    @field_validator("exits")
    @classmethod
    def _no_duplicate_exits(cls, exits: tuple[str, ...]) -> tuple[str, ...]:
        if len(set(exits)) != len(exits):
            raise ValueError("an exit is listed twice")
        return exits


@dataclass(frozen=True)
class Content:
    classes: Mapping[str, ClassDef]
    locations: Mapping[str, LocationDef]
    start_location: str


def _parse_entries(file: str, raw: Any, model: type[ContentModel]) -> dict[str, Any]:
    if not isinstance(raw, list):
        raise ContentError(file, "*", "expected a list of entries")
    parsed: dict[str, Any] = {}
    for index, entry in enumerate(raw):
        entry_id = entry.get("id", f"#{index}") if isinstance(entry, dict) else f"#{index}"
        try:
            item = model.model_validate(entry)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise ContentError(file, str(entry_id), f"{where}: {first['msg']}") from None
        if item.id in parsed:  # type: ignore[attr-defined]
            raise ContentError(file, item.id, "duplicate id")  # type: ignore[attr-defined]
        parsed[item.id] = item  # type: ignore[attr-defined]
    return parsed


def build_content(files: Mapping[str, Any]) -> Content:
    """Validate raw file contents (file name → parsed JSON) into `Content`."""
    for required in ("classes.json", "locations.json"):
        if required not in files:
            raise ContentError(required, "*", "file is missing")
    classes = _parse_entries("classes.json", files["classes.json"], ClassDef)
    locations = _parse_entries("locations.json", files["locations.json"], LocationDef)
    if not classes:
        raise ContentError("classes.json", "*", "no classes defined")
    towns = [loc.id for loc in locations.values() if loc.town]
    if not towns:
        raise ContentError("locations.json", "*", "no town to start in")
    for loc in locations.values():
        for exit_id in loc.exits:
            if exit_id not in locations:
                raise ContentError("locations.json", loc.id, f"exit to unknown location {exit_id!r}")
            if exit_id == loc.id:
                raise ContentError("locations.json", loc.id, "exit to itself")
            if loc.id not in locations[exit_id].exits:
                raise ContentError("locations.json", loc.id, f"exit to {exit_id!r} has no way back")
    return Content(classes=classes, locations=locations, start_location=towns[0])
