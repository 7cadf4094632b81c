from __future__ import annotations

import random
from collections import Counter

import pytest

from game.domain.content import Content
from game.domain.content_models import LootTable, WeightedItem
from game.domain.errors import NotUsable
from game.domain.exploration import Encounter, explore
from game.domain.loot import Rewards, roll_loot, roll_monster_rewards, roll_rewards, xp_share
from game.domain.monsters import monster_at_level, standard_curve
from game.domain.random_tables import pick_weighted


def test_weights_are_respected_statistically() -> None:
    rng = random.Random(11)
    counts = Counter(pick_weighted([("a", 70), ("b", 25), ("c", 5)], rng) for _ in range(20_000))
    assert counts["a"] / 20_000 == pytest.approx(0.70, abs=0.015)
    assert counts["b"] / 20_000 == pytest.approx(0.25, abs=0.015)
    assert counts["c"] / 20_000 == pytest.approx(0.05, abs=0.01)


def test_a_zero_weight_is_never_picked() -> None:
    rng = random.Random(1)
    assert {pick_weighted([("a", 0), ("b", 3)], rng) for _ in range(200)} == {"b"}


def test_loot_rolls_follow_the_table() -> None:
    table = LootTable(
        rolls=1,
        nothing=50,
        entries=(WeightedItem(item="common", weight=40), WeightedItem(item="epic", weight=10)),
    )
    rng = random.Random(5)
    drops = Counter(k for _ in range(10_000) for k in roll_loot(table, rng))
    assert drops["common"] / 10_000 == pytest.approx(0.4, abs=0.02)
    assert drops["epic"] / 10_000 == pytest.approx(0.1, abs=0.01)


def test_rewards_of_a_monster(content: Content) -> None:
    rat = content.monsters["giant_rat"]
    stats = monster_at_level(rat, rat.level)
    rewards = roll_rewards(stats, rat.loot, random.Random(3))
    assert rewards.xp == stats.xp and stats.gold_low <= rewards.gold <= stats.gold_high
    assert set(rewards.items) <= {e.item for e in rat.loot.entries}
    assert Rewards.from_dict(rewards.to_dict()) == rewards


def test_same_seed_same_rewards(content: Content) -> None:
    wyrm = content.monsters["frost_wyrm"]
    first = roll_monster_rewards(wyrm, 12, random.Random(8), player_level=12)
    assert first == roll_monster_rewards(wyrm, 12, random.Random(8), player_level=12)
    assert first.xp == monster_at_level(wyrm, 12).xp


def test_easy_kills_teach_less() -> None:
    assert xp_share(5, 5) == xp_share(5, 7) == 1.0
    assert xp_share(5, 8) < 1.0
    assert xp_share(1, 30) == pytest.approx(0.1)


def test_monsters_scale_with_level(content: Content) -> None:
    wolf = content.monsters["forest_wolf"]
    same, higher = monster_at_level(wolf, wolf.level), monster_at_level(wolf, wolf.level + 2)
    curve = standard_curve(wolf.level)
    assert (same.hp, same.attack, same.xp) == (
        round(curve.hp * wolf.hp),
        round(curve.attack * wolf.attack),
        round(curve.xp * wolf.xp),
    )
    assert higher.hp > same.hp and higher.attack > same.attack and higher.xp > same.xp
    assert monster_at_level(wolf, -3).level == 1


def test_exploring_finds_everything_the_table_allows(content: Content) -> None:
    meadows = content.locations["meadows"]
    rng = random.Random(2)
    found = [explore(meadows, content, rng) for _ in range(2000)]
    kinds = Counter(e.kind for e in found)
    total = sum(meadows.explore.model_dump().values())
    assert kinds["monster"] / 2000 == pytest.approx(meadows.explore.monster / total, abs=0.04)
    assert set(kinds) == {"monster", "resource", "treasure", "nothing"}
    listed = {s.monster for s in meadows.monsters}
    for encounter in found:
        assert Encounter.from_dict(encounter.to_dict()) == encounter
        if encounter.kind == "monster":
            assert encounter.monster and encounter.monster.monster_id in listed
            assert abs(encounter.monster.level - content.monsters[encounter.monster.monster_id].level) <= 1
        if encounter.kind == "resource":
            assert content.items[encounter.item or ""].kind == "material" and encounter.quantity >= 1
        if encounter.kind == "treasure":
            assert encounter.gold >= meadows.treasure.gold.low


def test_there_is_nothing_to_explore_in_town(content: Content) -> None:
    with pytest.raises(NotUsable):
        explore(content.locations[content.start_location], content, random.Random(1))


# --- loot leans to the player's class -------------------------------------------------------------


def class_table(content: Content) -> LootTable:
    return LootTable(
        rolls=1,
        nothing=10,
        entries=(
            WeightedItem(item="iron_sword", weight=10),  # warrior
            WeightedItem(item="iron_dagger", weight=10),  # rogue
            WeightedItem(item="apprentice_staff", weight=10),  # mage
            WeightedItem(item="iron_ore", weight=10),  # anyone's
        ),
    )


def test_loot_leans_to_the_players_class(content: Content) -> None:
    table = class_table(content)
    for player_class, own in (("warrior", "iron_sword"), ("rogue", "iron_dagger"), ("mage", "apprentice_staff")):
        rng = random.Random(21)
        drops = Counter(
            k for _ in range(8000) for k in roll_loot(table, rng, items=content.items, player_class=player_class)
        )
        # own gear 2×, the others' ½: 80 : 20 : 20 : 40 with nothing at 40, out of 200 quarters
        assert drops[own] / 8000 == pytest.approx(0.40, abs=0.02)
        assert drops["iron_ore"] / 8000 == pytest.approx(0.20, abs=0.02)
        others = [i for i in ("iron_sword", "iron_dagger", "apprentice_staff") if i != own]
        assert all(drops[i] / 8000 == pytest.approx(0.10, abs=0.015) for i in others)


def test_without_a_class_the_table_rolls_as_written(content: Content) -> None:
    table = class_table(content)
    plain = [roll_loot(table, random.Random(n)) for n in range(200)]
    unleaned = [roll_loot(table, random.Random(n), items=content.items) for n in range(200)]
    assert plain == unleaned
    wyrm = content.monsters["frost_wyrm"]
    assert roll_monster_rewards(wyrm, 12, random.Random(8)) == roll_monster_rewards(
        wyrm, 12, random.Random(8), player_class=None, items=content.items
    )


def test_a_monsters_rewards_lean_to_the_class(content: Content) -> None:
    knight = content.monsters["drowned_knight"]
    for player_class, own in (("warrior", "knights_longsword"), ("rogue", "windwalkers")):
        got = Counter(
            item
            for n in range(3000)
            for item in roll_monster_rewards(
                knight, 8, random.Random(n), player_class=player_class, items=content.items
            ).items
        )
        plain = Counter(item for n in range(3000) for item in roll_monster_rewards(knight, 8, random.Random(n)).items)
        assert got[own] > 1.5 * plain[own], (player_class, got[own], plain[own])
