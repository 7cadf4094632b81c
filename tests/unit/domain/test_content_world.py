"""The world to level 30: how much there is, that it hangs together, that the classes are told apart,
and that Russian names carry their gender and cases. Broken new fields name their file and entry."""

from __future__ import annotations

import itertools
from collections import Counter, deque
from typing import Any

import pytest

from game.domain.content import SLOTS, Content, ContentError, build_content
from game.domain.grammar import CASES
from game.domain.progression import MAX_LEVEL

CLASSES = ("warrior", "rogue", "mage")
IDENTITY = ("id", "name", "description", "class_id", "level", "requires", "cost")


def entry(files: dict[str, Any], file: str, entry_id: str) -> dict[str, Any]:
    return next(e for e in files[file] if e["id"] == entry_id)


def refused(files: dict[str, Any]) -> ContentError:
    with pytest.raises(ContentError) as err:
        build_content(files)
    return err.value


# --- how much ------------------------------------------------------------------------------------------


def test_there_is_content_to_level_thirty(content: Content) -> None:
    assert len(content.locations) >= 14
    assert len(content.monsters) >= 45
    assert len(content.items) >= 150
    assert len(content.recipes) >= 50
    assert max(loc.level for loc in content.locations.values()) >= MAX_LEVEL - 2
    assert max(r.level for r in content.recipes.values()) >= 25
    elites = [m for m in content.monsters.values() if m.elite]
    assert len(elites) >= 8 and all(m.hp >= 1.2 for m in elites)


def test_every_class_has_ten_skills_with_capstones_past_level_twenty(content: Content) -> None:
    for class_id in CLASSES:
        skills = content.class_skills(class_id)
        assert len(skills) >= 10, class_id
        late = [s for s in skills if s.level >= 20]
        assert {s.kind for s in late} == {"active", "passive"}, class_id
        assert all(s.requires for s in late), class_id


def test_no_two_skills_work_alike(content: Content) -> None:
    def mechanics(skill_id: str) -> str:
        dumped = content.skills[skill_id].model_dump()
        return repr({k: v for k, v in dumped.items() if k not in IDENTITY})

    seen = Counter(mechanics(s) for s in content.skills)
    assert max(seen.values()) == 1, [s for s in content.skills if seen[mechanics(s)] > 1]
    assert mechanics("backstab") != mechanics("power_strike")


def test_the_classes_play_differently(content: Content) -> None:
    by_class = {c: content.class_skills(c) for c in CLASSES}

    def uses(class_id: str, test: Any) -> bool:
        return any(test(s) for s in by_class[class_id])

    # Warrior: guard, self-healing blows, damage reduction, a taunt.
    assert uses("warrior", lambda s: s.self_status and s.self_status.effect == "guard")
    assert uses("warrior", lambda s: s.damage and s.damage.lifesteal)
    assert uses("warrior", lambda s: s.bonuses.damage_reduction > 0)
    assert uses("warrior", lambda s: s.target_status and s.target_status.effect == "attack_down" and s.self_status)
    # Rogue: crits, stacking bleeds and a finisher for them, evasion.
    assert uses("rogue", lambda s: s.damage and s.damage.crit_bonus)
    assert uses("rogue", lambda s: s.bonuses.crit_damage > 0)
    assert uses("rogue", lambda s: s.target_status and s.target_status.max_stacks > 1)
    assert uses("rogue", lambda s: s.damage and s.damage.consumes == "bleed")
    assert uses("rogue", lambda s: s.self_status and s.self_status.effect == "dodge_up")
    # Mage: magic, freezing, burning, a mana shield, mana back.
    assert all(s.damage.school == "magic" for s in by_class["mage"] if s.damage)
    assert uses("mage", lambda s: s.target_status and s.target_status.effect == "freeze")
    assert uses("mage", lambda s: s.target_status and s.target_status.effect == "burn")
    assert uses("mage", lambda s: s.self_status and s.self_status.effect == "mana_shield")
    assert uses("mage", lambda s: s.mana_gain or s.bonuses.mana_regen)
    assert not uses("warrior", lambda s: s.damage and s.damage.school == "magic")


def test_gear_for_every_slot_and_class_all_the_way_up(content: Content) -> None:
    gear = [i for i in content.items.values() if i.kind == "equipment"]
    for class_id in CLASSES:
        for slot in SLOTS:
            levels = [i.level for i in gear if i.slot == slot and (class_id in i.classes or not i.classes)]
            assert levels and max(levels) >= 24, (class_id, slot)
        weapons = sorted(i.level for i in gear if i.slot == "weapon" and class_id in i.classes)
        assert weapons[-1] >= MAX_LEVEL and all(b - a <= 4 for a, b in itertools.pairwise(weapons))


def test_gear_leans_to_its_class(content: Content) -> None:
    def made_for(class_id: str, slot: str) -> list[Any]:
        return [i for i in content.items.values() if class_id in i.classes and i.slot == slot and i.level >= 12]

    assert all(i.bonuses.max_hp > 0 for i in made_for("warrior", "chest"))
    assert any(i.bonuses.damage_reduction > 0 for i in made_for("warrior", "weapon"))  # sword and shield
    assert all(i.bonuses.agility > 0 for i in made_for("rogue", "weapon"))
    assert all(i.bonuses.magic > 0 for i in made_for("mage", "weapon"))
    assert all(i.bonuses.max_mana > 0 for i in made_for("mage", "chest"))


def test_consumables_scale_with_level(content: Content) -> None:
    potions = [i for i in content.items.values() if i.use and i.use.heal and i.id.endswith(("potion", "of_life"))]
    heals = sorted((i.level, i.use.heal) for i in potions if i.use and not i.use.mana)
    assert heals[-1][0] >= 25 and all(b[1] >= a[1] for a, b in itertools.pairwise(heals))
    statuses = {i.use.status.effect for i in content.items.values() if i.use and i.use.status}
    assert {"attack_up", "defence_up", "dodge_up", "crit_up", "guard"} <= statuses


# --- it hangs together -----------------------------------------------------------------------------------


def test_every_place_can_be_walked_to_from_town(content: Content) -> None:
    seen, queue = {content.start_location}, deque([content.start_location])
    while queue:
        for nxt in content.locations[queue.popleft()].exits:
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    assert seen == set(content.locations)


def test_every_town_has_its_shop_and_every_zone_its_treasure(content: Content) -> None:
    for loc in content.locations.values():
        if loc.town:
            assert loc.id in content.shops and content.shops[loc.id].stock, loc.id
        else:
            assert loc.treasure.items and loc.treasure.gold.high > 0, loc.id


def obtainable(content: Content) -> set[str]:
    found: set[str] = set()
    for loc in content.locations.values():
        found |= {n.item for n in loc.resources} | {t.item for t in loc.treasure.items}
    for monster in content.monsters.values():
        found |= {e.item for e in monster.loot.entries}
    for shop in content.shops.values():
        found |= set(shop.stock)
    for cls in content.classes.values():
        found |= set(cls.starting_equipment.values()) | set(cls.starting_items)
    return found | {r.result for r in content.recipes.values()}


def test_every_item_can_be_found_bought_or_made(content: Content) -> None:
    assert set(content.items) - obtainable(content) == set()


def test_every_recipe_needs_only_what_the_world_gives(content: Content) -> None:
    made = {r.result for r in content.recipes.values()}
    found = obtainable(content) - made
    for recipe in content.recipes.values():
        assert set(recipe.materials) <= found, recipe.id
        assert recipe.level <= content.items[recipe.result].level or content.items[recipe.result].kind != "equipment"


def test_rifts_and_world_bosses_reach_the_new_tiers(content: Content) -> None:
    deep = [t for t in content.rifts.values() if t.min_tier >= 10]
    assert len(deep) >= 3 and all(t.boss for t in deep)
    assert all(t.max_tier >= MAX_LEVEL for t in content.rifts.values())
    haunted = {loc for boss in content.bosses.values() for loc in boss.locations}
    zones = [loc for loc in content.locations.values() if not loc.town]
    assert all(z.id in haunted for z in zones if z.level >= 12), [z.id for z in zones if z.id not in haunted]


# --- Russian ------------------------------------------------------------------------------------------------


def test_every_named_entry_carries_its_gender_and_cases(content: Content) -> None:
    named = [*content.locations.values(), *content.monsters.values(), *content.items.values(), *content.rifts.values()]
    named += [b for b in content.bosses.values() if b.name]
    for entry_def in named:
        forms = entry_def.ru
        assert forms is not None and forms.gender in ("m", "f", "n", "pl"), entry_def.id
        assert all(getattr(forms, case) for case in CASES), entry_def.id
    for loc in content.locations.values():
        assert loc.ru.at.split(" ", 1)[0] in ("в", "во", "на") and loc.ru.to.split(" ", 1)[0] in ("в", "во", "на")


def test_a_one_word_feminine_name_in_a_takes_u_in_the_accusative(content: Content) -> None:
    """A cheap check of the forms: a feminine word ending in -а/-я ends in -у/-ю when it is the object."""
    for entry_def in [*content.monsters.values(), *content.items.values()]:
        head = entry_def.name.ru.split(" ")[-1] if " " not in entry_def.ru.acc else None
        if entry_def.ru.gender == "f" and head and head[-1] in "ая":
            assert entry_def.ru.acc[-1] in "ую", entry_def.id


@pytest.mark.parametrize(
    ("file", "entry_id", "change", "problem"),
    [
        ("monsters.json", "giant_rat", lambda e: e["ru"].pop("gen"), "ru.gen"),
        ("monsters.json", "giant_rat", lambda e: e.pop("ru"), "ru"),
        ("items.json", "iron_sword", lambda e: e["ru"].update(gender="x"), "ru.gender"),
        ("items.json", "iron_sword", lambda e: e["ru"].update(acc="железный меч"), "capital"),
        ("locations.json", "meadows", lambda e: e["ru"].update(at="Шепчущих лугах"), "preposition"),
        ("locations.json", "meadows", lambda e: e["ru"].pop("to"), "ru.to"),
        ("rifts.json", "fractured_hollow", lambda e: e.pop("ru"), "ru"),
        ("bosses.json", "old_tusk", lambda e: e.pop("ru"), "Russian forms"),
        ("items.json", "iron_sword", lambda e: e.update(classes=["bard"]), "bard"),
        ("items.json", "bread", lambda e: e.update(classes=["warrior"]), "classes"),
        ("monsters.json", "giant_rat", lambda e: e.update(hp=85), "hp"),
        ("monsters.json", "giant_rat", lambda e: e.update(magic_resist=0.9), "magic_resist"),
        ("skills.json", "lacerate", lambda e: e["target_status"].update(max_stacks=20), "max_stacks"),
        ("skills.json", "shield_bash", lambda e: e["target_status"].update(max_stacks=3), "stacks"),
        ("skills.json", "eviscerate", lambda e: e["damage"].pop("per_stack"), "consum"),
        ("skills.json", "execute", lambda e: e["damage"].pop("execute_power"), "execute"),
        ("skills.json", "shield_wall", lambda e: e["self_status"].update(power=50), "share"),
        ("items.json", "minor_healing_potion", lambda e: e["use"].update(heal=0), "use"),
    ],
)
def test_new_fields_are_checked_naming_file_and_entry(
    raw_files: dict[str, Any], file: str, entry_id: str, change: Any, problem: str
) -> None:
    change(entry(raw_files, file, entry_id))
    err = refused(raw_files)
    assert (err.file, err.entry) == (file, entry_id)
    assert problem in err.problem
