from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from game.adapters.content_files import load_content
from game.domain.content import SLOTS, Content, ContentError, build_content


def entry(files: dict[str, Any], file: str, entry_id: str) -> dict[str, Any]:
    return next(e for e in files[file] if e["id"] == entry_id)


def test_the_shipped_content_loads_through_the_adapter() -> None:
    loaded = load_content()
    assert loaded.start_location == "ashford"


def test_the_shipped_content_has_the_minimum_amounts(content: Content) -> None:
    assert len(content.locations) >= 8
    assert len(content.monsters) >= 20
    assert len(content.items) >= 60
    assert len(content.recipes) >= 15
    assert {s.slot for s in content.items.values() if s.kind == "equipment"} == set(SLOTS)
    kinds = Counter(i.kind for i in content.items.values())
    assert kinds["consumable"] >= 5 and kinds["material"] >= 10
    for class_id in content.classes:
        skills = content.class_skills(class_id)
        assert len(skills) >= 6
        assert {s.kind for s in skills} == {"active", "passive"}
    assert content.shops[content.start_location].stock


def test_every_rarity_appears_in_some_loot_table(content: Content) -> None:
    rarities = {content.items[e.item].rarity for m in content.monsters.values() for e in m.loot.entries}
    assert rarities == {"common", "uncommon", "rare", "epic", "legendary"}


def test_every_wilderness_zone_has_monsters_and_resources(content: Content) -> None:
    for loc in content.locations.values():
        if not loc.town:
            assert loc.monsters and loc.resources, loc.id


def test_active_skills_cover_every_kind_of_effect(content: Content) -> None:
    actives = [s for s in content.skills.values() if s.kind == "active"]
    assert any(s.damage for s in actives)
    assert any(s.heal for s in actives)
    assert any(s.self_status for s in actives)
    effects = {s.target_status.effect for s in actives if s.target_status}
    assert "stun" in effects and effects & {"bleed", "burn", "poison"}


def test_every_player_facing_text_has_both_languages(raw_files: dict[str, Any]) -> None:
    raw_files["items.json"][0]["name"] = {"en": "Sword"}
    with pytest.raises(ContentError) as err:
        build_content(raw_files)
    assert err.value.file == "items.json" and "name.ru" in err.value.problem


def test_missing_optional_files_mean_none_of_them(raw_files: dict[str, Any]) -> None:
    for loc in raw_files["locations.json"]:
        loc["monsters"], loc["resources"], loc["treasure"] = [], [], {}
        loc["explore"] = {"monster": 0, "resource": 0, "treasure": 0, "nothing": 1}
    for cls in raw_files["classes.json"]:
        cls.pop("starting_equipment"), cls.pop("starting_items")
    minimal = {"classes.json": raw_files["classes.json"], "locations.json": raw_files["locations.json"]}
    assert build_content(minimal).items == {}


def _break(files: dict[str, Any], file: str, entry_id: str, **changes: Any) -> None:
    entry(files, file, entry_id).update(changes)


@pytest.mark.parametrize(
    ("file", "entry_id", "changes", "problem"),
    [
        ("monsters.json", "giant_rat", {"loot": {"entries": [{"item": "ghost_item", "weight": 1}]}}, "ghost_item"),
        ("recipes.json", "forge_iron_sword", {"materials": {"unobtainium": 1}}, "unobtainium"),
        ("recipes.json", "forge_iron_sword", {"result": "ghost_sword"}, "ghost_sword"),
        ("locations.json", "meadows", {"monsters": [{"monster": "dragon", "weight": 1}]}, "dragon"),
        ("locations.json", "meadows", {"resources": [{"item": "moon_rock", "weight": 1}]}, "moon_rock"),
        ("locations.json", "meadows", {"resources": [{"item": "bread", "weight": 1}]}, "not a material"),
        ("locations.json", "meadows", {"exits": ["ashford", "darkwood", "nowhere"]}, "nowhere"),
        ("skills.json", "rend", {"requires": ["ghost_skill"]}, "ghost_skill"),
        ("skills.json", "rend", {"requires": ["backstab"]}, "another class"),
        ("skills.json", "rend", {"class_id": "bard"}, "bard"),
        ("shops.json", "ashford", {"stock": ["phantom"]}, "phantom"),
        ("shops.json", "ashford", {"stock": ["frostbrand"]}, "no price"),
        ("classes.json", "warrior", {"starting_equipment": {"head": "rusty_sword"}}, "head"),
        ("items.json", "bread", {"use": None}, "use"),
        ("items.json", "rusty_sword", {"slot": None}, "slot"),
    ],
)
def test_a_broken_reference_names_file_and_entry(
    raw_files: dict[str, Any], file: str, entry_id: str, changes: dict[str, Any], problem: str
) -> None:
    _break(raw_files, file, entry_id, **changes)
    with pytest.raises(ContentError) as err:
        build_content(raw_files)
    assert (err.value.file, err.value.entry) == (file, entry_id)
    assert problem in err.value.problem
    assert file in str(err.value) and entry_id in str(err.value)


def test_a_prerequisite_cycle_is_refused(raw_files: dict[str, Any]) -> None:
    _break(raw_files, "skills.json", "power_strike", requires=["rend"], level=3)
    with pytest.raises(ContentError) as err:
        build_content(raw_files)
    assert err.value.file == "skills.json" and "cycle" in err.value.problem


def test_a_prerequisite_above_the_skills_level_is_refused(raw_files: dict[str, Any]) -> None:
    _break(raw_files, "skills.json", "power_strike", level=5)
    with pytest.raises(ContentError, match="higher level") as err:
        build_content(raw_files)
    assert err.value.entry == "rend"


def test_a_duplicate_id_is_refused(raw_files: dict[str, Any]) -> None:
    raw_files["items.json"].append(dict(raw_files["items.json"][0]))
    with pytest.raises(ContentError, match="duplicate id"):
        build_content(raw_files)


def test_a_zone_that_can_meet_monsters_must_list_some(raw_files: dict[str, Any]) -> None:
    _break(raw_files, "locations.json", "meadows", monsters=[])
    with pytest.raises(ContentError) as err:
        build_content(raw_files)
    assert err.value.entry == "meadows" and "monster" in err.value.problem
