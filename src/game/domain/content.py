"""Content (classes, locations, monsters, items, recipes, skills, shops) and its validation.

Files are read by an adapter; this module only checks what was read, so a broken reference
stops the start with the file and entry named.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from game.domain.content_models import (
    LANGUAGES,
    RARITIES,
    SLOTS,
    BaseStats,
    Bonuses,
    ClassDef,
    ContentModel,
    ItemDef,
    LocationDef,
    MonsterDef,
    RecipeDef,
    RiftTemplateDef,
    ShopDef,
    SkillDef,
    Text,
    WorldBossDef,
)
from game.domain.errors import ContentError
from game.domain.grammar import PREPOSITIONS, RuForms, RuPlace, forms_of

__all__ = [
    "LANGUAGES",
    "RARITIES",
    "SLOTS",
    "BaseStats",
    "Bonuses",
    "ClassDef",
    "Content",
    "ContentError",
    "ItemDef",
    "LocationDef",
    "MonsterDef",
    "RecipeDef",
    "RiftTemplateDef",
    "ShopDef",
    "SkillDef",
    "Text",
    "WorldBossDef",
    "build_content",
]


@dataclass(frozen=True)
class Content:
    classes: Mapping[str, ClassDef]
    locations: Mapping[str, LocationDef]
    start_location: str
    items: Mapping[str, ItemDef] = field(default_factory=dict)
    monsters: Mapping[str, MonsterDef] = field(default_factory=dict)
    recipes: Mapping[str, RecipeDef] = field(default_factory=dict)
    skills: Mapping[str, SkillDef] = field(default_factory=dict)
    shops: Mapping[str, ShopDef] = field(default_factory=dict)
    rifts: Mapping[str, RiftTemplateDef] = field(default_factory=dict)
    bosses: Mapping[str, WorldBossDef] = field(default_factory=dict)

    def class_skills(self, class_id: str) -> list[SkillDef]:
        return [s for s in self.skills.values() if s.class_id == class_id]


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


# Files that older deployments may not ship yet: missing means "none of these".
OPTIONAL_FILES: dict[str, type[ContentModel]] = {
    "items.json": ItemDef,
    "monsters.json": MonsterDef,
    "recipes.json": RecipeDef,
    "skills.json": SkillDef,
    "shops.json": ShopDef,
    "rifts.json": RiftTemplateDef,
    "bosses.json": WorldBossDef,
}


def build_content(files: Mapping[str, Any]) -> Content:
    """Validate raw file contents (file name → parsed JSON) into `Content`."""
    for required in ("classes.json", "locations.json"):
        if required not in files:
            raise ContentError(required, "*", "file is missing")
    classes = _parse_entries("classes.json", files["classes.json"], ClassDef)
    locations = _parse_entries("locations.json", files["locations.json"], LocationDef)
    optional = {name: _parse_entries(name, files.get(name, []), model) for name, model in OPTIONAL_FILES.items()}
    if not classes:
        raise ContentError("classes.json", "*", "no classes defined")
    towns = [loc.id for loc in locations.values() if loc.town]
    if not towns:
        raise ContentError("locations.json", "*", "no town to start in")
    content = Content(
        classes=classes,
        locations=locations,
        start_location=towns[0],
        items=optional["items.json"],
        monsters=optional["monsters.json"],
        recipes=optional["recipes.json"],
        skills=optional["skills.json"],
        shops=optional["shops.json"],
        rifts=optional["rifts.json"],
        bosses=optional["bosses.json"],
    )
    _check_exits(content)
    _check_locations(content)
    _check_classes(content)
    _check_items(content)
    _check_grammar(content)
    _check_monsters(content)
    _check_recipes(content)
    _check_skills(content)
    _check_shops(content)
    _check_rifts(content)
    _check_bosses(content)
    return content


def _check_exits(content: Content) -> None:
    locations = content.locations
    for loc in locations.values():
        for exit_id in loc.exits:
            if exit_id not in locations:
                raise ContentError("locations.json", loc.id, f"exit to unknown location {exit_id!r}")
            if exit_id == loc.id:
                raise ContentError("locations.json", loc.id, "exit to itself")
            if loc.id not in locations[exit_id].exits:
                raise ContentError("locations.json", loc.id, f"exit to {exit_id!r} has no way back")


def _require_item(content: Content, file: str, entry: str, item_id: str, what: str = "item") -> ItemDef:
    item = content.items.get(item_id)
    if item is None:
        raise ContentError(file, entry, f"unknown {what} {item_id!r}")
    return item


def _check_locations(content: Content) -> None:
    for loc in content.locations.values():
        for spawn in loc.monsters:
            if spawn.monster not in content.monsters:
                raise ContentError("locations.json", loc.id, f"unknown monster {spawn.monster!r}")
        for node in loc.resources:
            item = _require_item(content, "locations.json", loc.id, node.item, "resource")
            if item.kind != "material":
                raise ContentError("locations.json", loc.id, f"resource {node.item!r} is not a material")
        for entry in loc.treasure.items:
            _require_item(content, "locations.json", loc.id, entry.item)
        if loc.town:
            continue
        table = loc.explore
        if table.monster + table.resource + table.treasure + table.nothing == 0:
            raise ContentError("locations.json", loc.id, "explore table has no outcome")
        if table.monster and not loc.monsters:
            raise ContentError("locations.json", loc.id, "explore can find a monster but none is listed")
        if table.resource and not loc.resources:
            raise ContentError("locations.json", loc.id, "explore can find a resource but none is listed")


def _check_classes(content: Content) -> None:
    for cls in content.classes.values():
        for slot, item_id in cls.starting_equipment.items():
            item = _require_item(content, "classes.json", cls.id, item_id)
            if item.slot != slot:
                raise ContentError("classes.json", cls.id, f"{item_id!r} does not go in the {slot} slot")
        for item_id, quantity in cls.starting_items.items():
            _require_item(content, "classes.json", cls.id, item_id)
            if quantity < 1:
                raise ContentError("classes.json", cls.id, f"starting quantity of {item_id!r} below 1")


def _check_items(content: Content) -> None:
    for item in content.items.values():
        for class_id in item.classes:
            if class_id not in content.classes:
                raise ContentError("items.json", item.id, f"made for an unknown class {class_id!r}")


def _check_grammar(content: Content) -> None:
    """Every declined form keeps the capital (or not) of its name's first letter."""
    named: list[tuple[str, Iterable[tuple[str, Text, RuForms | None]]]] = [
        ("locations.json", ((e.id, e.name, e.ru) for e in content.locations.values())),
        ("monsters.json", ((e.id, e.name, e.ru) for e in content.monsters.values())),
        ("items.json", ((e.id, e.name, e.ru) for e in content.items.values())),
        ("rifts.json", ((e.id, e.name, e.ru) for e in content.rifts.values())),
        ("bosses.json", ((e.id, e.name, e.ru) for e in content.bosses.values() if e.name)),
    ]
    for file, entries in named:
        for entry_id, name, forms in entries:
            if forms is None:
                continue
            capital = name.ru[0].isupper()
            for case, form in _declined(forms).items():
                if form[0].isupper() != capital:
                    raise ContentError(file, entry_id, f"ru.{case} {form!r} does not keep the name's capital")


def _declined(forms: RuForms) -> dict[str, str]:
    declined = forms_of(forms)
    if isinstance(forms, RuPlace):
        for case in ("at", "to"):
            phrase = declined[case]
            declined[case] = phrase[next(len(p) for p in PREPOSITIONS if phrase.startswith(p)) :]
    return declined


def _check_monsters(content: Content) -> None:
    for monster in content.monsters.values():
        for entry in monster.loot.entries:
            _require_item(content, "monsters.json", monster.id, entry.item, "loot item")


def _check_recipes(content: Content) -> None:
    for recipe in content.recipes.values():
        _require_item(content, "recipes.json", recipe.id, recipe.result, "result")
        for material in recipe.materials:
            _require_item(content, "recipes.json", recipe.id, material, "material")


def _check_skills(content: Content) -> None:
    skills = content.skills
    for skill in skills.values():
        if skill.class_id not in content.classes:
            raise ContentError("skills.json", skill.id, f"unknown class {skill.class_id!r}")
        for required in skill.requires:
            prerequisite = skills.get(required)
            if prerequisite is None:
                raise ContentError("skills.json", skill.id, f"unknown prerequisite {required!r}")
            if prerequisite.class_id != skill.class_id:
                raise ContentError("skills.json", skill.id, f"prerequisite {required!r} belongs to another class")
            if prerequisite.level > skill.level:
                raise ContentError("skills.json", skill.id, f"prerequisite {required!r} needs a higher level")
    for skill in skills.values():
        cycle = _find_cycle(skill.id, lambda s: skills[s].requires)
        if cycle:
            raise ContentError("skills.json", skill.id, "prerequisites form a cycle: " + " → ".join(cycle))


def _find_cycle(start: str, edges: Callable[[str], Iterable[str]]) -> list[str]:
    """The path of a cycle reachable from `start`, or [] (skill trees are small: plain recursion)."""

    def walk(node: str, path: list[str]) -> list[str]:
        for nxt in edges(node):
            if nxt in path:
                return [*path[path.index(nxt) :], nxt]
            found = walk(nxt, [*path, nxt])
            if found:
                return found
        return []

    return walk(start, [start])


def _check_shops(content: Content) -> None:
    for shop in content.shops.values():
        location = content.locations.get(shop.id)
        if location is None or not location.town:
            raise ContentError("shops.json", shop.id, "a shop must be in a town")
        for item_id in shop.stock:
            item = _require_item(content, "shops.json", shop.id, item_id)
            if item.price <= 0:
                raise ContentError("shops.json", shop.id, f"{item_id!r} has no price")


def _check_rifts(content: Content) -> None:
    for template in content.rifts.values():
        if template.boss is not None and template.boss not in content.monsters:
            raise ContentError("rifts.json", template.id, f"unknown boss monster {template.boss!r}")
    zones = [loc for loc in content.locations.values() if not loc.town]
    if content.rifts and not any(loc.monsters for loc in zones):
        raise ContentError("rifts.json", "*", "rifts need a zone with monsters")


def _check_bosses(content: Content) -> None:
    for boss in content.bosses.values():
        if boss.monster not in content.monsters:
            raise ContentError("bosses.json", boss.id, f"unknown monster {boss.monster!r}")
        for location_id in boss.locations:
            location = content.locations.get(location_id)
            if location is None:
                raise ContentError("bosses.json", boss.id, f"unknown location {location_id!r}")
            if location.town:
                raise ContentError("bosses.json", boss.id, f"no boss fights in town ({location_id!r})")
