from __future__ import annotations

from dataclasses import replace

import pytest

from game.domain.character import Character, new_character
from game.domain.consumables import use_outside_combat
from game.domain.content import Content
from game.domain.crafting import craft, missing_materials
from game.domain.errors import (
    InventoryFull,
    LevelTooLow,
    MissingMaterials,
    NotEnoughGold,
    NotEnoughSkillPoints,
    NotSellable,
    NotUsable,
    SkillNotLearnable,
    UnknownEntry,
)
from game.domain.inventory import Inventory
from game.domain.shop import buy, inn_price, rest_at_inn, sell
from game.domain.skills import active_skills, learn_skill, learnable_skills, passive_skills


def warrior(content: Content, **changes: int) -> Character:
    return replace(new_character(player_id=1, name="Hero", class_def=content.classes["warrior"]), **changes)


# --- skills -----------------------------------------------------------------------------------


def test_a_level_one_warrior_can_learn_only_the_root_skill(content: Content) -> None:
    assert [s.id for s in learnable_skills(content, "warrior", 1, [])] == ["power_strike"]


def test_learning_spends_points_and_unlocks_the_next(content: Content) -> None:
    learned = learn_skill(warrior(content, level=3, skill_points=2), [], "power_strike", content)
    assert learned.character.skill_points == 1 and learned.skills == {"power_strike"}
    assert "rend" in [s.id for s in learnable_skills(content, "warrior", 3, learned.skills)]


@pytest.mark.parametrize(
    ("skill_id", "level", "learned", "reason"),
    [
        ("rend", 3, [], "missing_prerequisite"),
        ("rend", 2, ["power_strike"], "level_too_low"),
        ("backstab", 5, [], "other_class"),
        ("power_strike", 5, ["power_strike"], "already_learned"),
    ],
)
def test_learning_is_checked(content: Content, skill_id: str, level: int, learned: list[str], reason: str) -> None:
    with pytest.raises(SkillNotLearnable) as err:
        learn_skill(warrior(content, level=level, skill_points=5), learned, skill_id, content)
    assert err.value.details["reason"] == reason


def test_learning_needs_points_and_a_real_skill(content: Content) -> None:
    with pytest.raises(NotEnoughSkillPoints):
        learn_skill(warrior(content, skill_points=0), [], "power_strike", content)
    with pytest.raises(UnknownEntry):
        learn_skill(warrior(content), [], "dance", content)


def test_passives_and_actives_are_told_apart(content: Content) -> None:
    learned = ["toughness", "power_strike", "ghost"]
    assert [s.id for s in passive_skills(content, learned)] == ["toughness"]
    assert active_skills(content, learned) == ["power_strike"]


# --- crafting ---------------------------------------------------------------------------------


def test_crafting_consumes_materials_and_gold(content: Content) -> None:
    recipe = content.recipes["forge_iron_sword"]
    bag = Inventory().add("iron_ore", 5, content.items).add("oak_wood", 1, content.items)
    made = craft(recipe, bag, gold=100, level=3, catalog=content.items)
    assert made.inventory.items == {"iron_ore": 1, "iron_sword": 1}
    assert made.gold == 100 - recipe.gold and made.gold_spent == recipe.gold
    assert made.removed == {"iron_ore": 4, "oak_wood": 1} and made.added == {"iron_sword": 1}


def test_crafting_names_what_is_missing(content: Content) -> None:
    recipe = content.recipes["forge_iron_sword"]
    bag = Inventory().add("iron_ore", 2, content.items)
    assert missing_materials(recipe, bag) == {"iron_ore": 2, "oak_wood": 1}
    with pytest.raises(MissingMaterials) as err:
        craft(recipe, bag, gold=100, level=3, catalog=content.items)
    assert err.value.details["missing"] == [{"item": "iron_ore", "quantity": 2}, {"item": "oak_wood", "quantity": 1}]


def test_crafting_checks_level_gold_and_room(content: Content) -> None:
    recipe = content.recipes["forge_iron_sword"]
    bag = Inventory(capacity=2).add("iron_ore", 4, content.items).add("oak_wood", 1, content.items)
    with pytest.raises(LevelTooLow):
        craft(recipe, bag, gold=100, level=2, catalog=content.items)
    with pytest.raises(NotEnoughGold):
        craft(recipe, bag, gold=recipe.gold - 1, level=3, catalog=content.items)
    full = Inventory(capacity=2).add("iron_ore", 5, content.items).add("oak_wood", 2, content.items)
    with pytest.raises(InventoryFull):
        craft(recipe, full, gold=100, level=3, catalog=content.items)
    assert craft(recipe, bag, gold=100, level=3, catalog=content.items).inventory.items == {"iron_sword": 1}


# --- shop and inn -----------------------------------------------------------------------------


def test_buying_and_selling(content: Content) -> None:
    shop = content.shops["ashford"]
    potion = content.items["minor_healing_potion"]
    bought = buy(shop, Inventory(), 100, "minor_healing_potion", 3, content.items)
    assert bought.gold == 100 - 3 * potion.price and bought.inventory.count("minor_healing_potion") == 3
    sold = sell(bought.inventory, bought.gold, "minor_healing_potion", 2, content.items)
    assert sold.gold == bought.gold + 2 * potion.sell_price and sold.inventory.count("minor_healing_potion") == 1
    with pytest.raises(NotEnoughGold):
        buy(shop, Inventory(), 1, "minor_healing_potion", 1, content.items)
    with pytest.raises(UnknownEntry):
        buy(shop, Inventory(), 10_000, "frostbrand", 1, content.items)


def test_every_item_sells_for_no_more_than_it_costs(content: Content) -> None:
    for item in content.items.values():
        assert item.price == 0 or item.sell_price <= item.price


def test_items_of_no_value_cannot_be_sold(content: Content) -> None:
    junk = content.items["bone_shard"].model_copy(update={"id": "junk", "sell_price": 0})
    catalog = {**content.items, "junk": junk}
    with pytest.raises(NotSellable):
        sell(Inventory().add("junk", 1, catalog), 0, "junk", 1, catalog)
    with pytest.raises(UnknownEntry):
        sell(Inventory(), 0, "ghost", 1, content.items)


def test_crafted_gear_can_be_sold(content: Content) -> None:
    assert all(content.items[r.result].sell_price > 0 for r in content.recipes.values())


def test_the_inn_restores_for_gold(content: Content) -> None:
    from game.domain.character import fresh_hot_state

    shop, hero = content.shops["ashford"], warrior(content, level=3)
    hot = fresh_hot_state(hero, location_id="ashford", now=0).with_vitals(1, 0, hero.derived)
    rested = rest_at_inn(shop, hot, 100, hero.level, hero.derived)
    assert rested.gold == 100 - inn_price(shop, 3) and rested.hot.hp == hero.derived.max_hp
    with pytest.raises(NotEnoughGold):
        rest_at_inn(shop, hot, 0, hero.level, hero.derived)


def test_potions_work_outside_a_fight_but_buffs_do_not(content: Content) -> None:
    from game.domain.character import fresh_hot_state

    hero = warrior(content)
    hot = fresh_hot_state(hero, location_id="meadows", now=0).with_vitals(10, 0, hero.derived)
    bag = Inventory().add("minor_healing_potion", 1, content.items).add("elixir_of_fury", 1, content.items)
    used = use_outside_combat(bag, hot, "minor_healing_potion", hero.derived, content.items)
    assert used.hot.hp == 10 + content.items["minor_healing_potion"].use.heal  # type: ignore[union-attr]
    assert used.inventory.count("minor_healing_potion") == 0
    with pytest.raises(NotUsable):
        use_outside_combat(bag, hot, "elixir_of_fury", hero.derived, content.items)
    with pytest.raises(NotUsable):
        use_outside_combat(bag.add("iron_ore", 1, content.items), hot, "iron_ore", hero.derived, content.items)
