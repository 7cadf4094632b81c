from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.domain.character import (
    MAX_STAMINA,
    STAMINA_REGEN_PER_MINUTE,
    Character,
    HotState,
    Stats,
    derive,
    derive_full,
    fresh_hot_state,
    new_character,
    xp_to_next,
)
from game.domain.content import Content
from game.domain.errors import NotEnoughStamina, NotEnoughStatPoints, RuleViolation, UnknownStat
from game.domain.progression import (
    MAX_LEVEL,
    SKILL_POINTS_PER_LEVEL,
    STAT_POINTS_PER_LEVEL,
    allocate_stats,
    die,
    gain_xp,
    total_xp,
)


def hero(content: Content, **changes: int) -> Character:
    from dataclasses import replace

    return replace(new_character(player_id=7, name="Hero", class_def=content.classes["warrior"]), **changes)


def test_the_curve_grows_every_level_to_the_cap() -> None:
    needs = [xp_to_next(level) for level in range(1, MAX_LEVEL + 1)]
    assert MAX_LEVEL >= 30
    assert all(b > a for a, b in itertools.pairwise(needs))


def test_a_new_character_can_learn_its_first_skill(content: Content) -> None:
    assert hero(content).skill_points == 1


def test_one_level_up_grants_stat_and_skill_points(content: Content) -> None:
    gained = gain_xp(hero(content), xp_to_next(1) + 5)
    assert gained.levels_gained == 1
    assert gained.character.level == 2 and gained.character.xp == 5
    assert gained.character.stat_points == STAT_POINTS_PER_LEVEL
    assert gained.character.skill_points == 1 + SKILL_POINTS_PER_LEVEL


def test_xp_may_cross_several_levels_at_once(content: Content) -> None:
    gained = gain_xp(hero(content), xp_to_next(1) + xp_to_next(2) + xp_to_next(3))
    assert gained.levels_gained == 3 and gained.character.level == 4 and gained.character.xp == 0
    assert gained.character.stat_points == 3 * STAT_POINTS_PER_LEVEL


def test_xp_beyond_the_cap_is_kept(content: Content) -> None:
    top = gain_xp(hero(content), 10**9).character
    assert top.level == MAX_LEVEL
    assert total_xp(top) == 10**9


@given(st.lists(st.integers(min_value=0, max_value=50_000), max_size=20))
def test_applying_xp_never_loses_any(amounts: list[int]) -> None:
    character = Character(1, "Hero", "warrior", 1, 0, 0, Stats(5, 5, 5, 5), 0, 0)
    for amount in amounts:
        before = total_xp(character)
        character = gain_xp(character, amount).character
        assert total_xp(character) == before + amount
        assert character.xp >= 0 and (character.level == MAX_LEVEL or character.xp < xp_to_next(character.level))


def test_negative_xp_is_a_bug() -> None:
    with pytest.raises(ValueError):
        gain_xp(Character(1, "Hero", "warrior", 1, 0, 0, Stats(5, 5, 5, 5), 0, 0), -1)


def test_stat_points_are_spent(content: Content) -> None:
    character = allocate_stats(hero(content, stat_points=3), {"strength": 2, "vitality": 1})
    assert character.stat_points == 0
    assert (character.stats.strength, character.stats.vitality) == (9, 7)


def test_stat_allocation_is_checked(content: Content) -> None:
    with pytest.raises(NotEnoughStatPoints) as err:
        allocate_stats(hero(content, stat_points=2), {"strength": 3})
    assert err.value.details == {"needed": 3, "available": 2}
    with pytest.raises(UnknownStat):
        allocate_stats(hero(content, stat_points=2), {"luck": 1})
    with pytest.raises(RuleViolation):
        allocate_stats(hero(content, stat_points=2), {"strength": -1})


def test_derived_values_count_gear_and_passives(content: Content) -> None:
    stats, level = Stats(8, 4, 2, 7), 3
    bare = derive(stats, level)
    assert derive_full(stats, level) == bare
    sword, charm = content.items["iron_sword"], content.items["wolf_tooth_charm"]
    toughness = content.skills["toughness"]
    full = derive_full(stats, level, [sword, charm], [toughness])
    strength_bonus = sword.bonuses.strength + charm.bonuses.strength
    assert full.attack == bare.attack + sword.bonuses.attack + 2 * strength_bonus
    assert full.max_hp == bare.max_hp + 10 * toughness.bonuses.vitality + toughness.bonuses.max_hp
    assert full.crit_chance == pytest.approx(bare.crit_chance + charm.bonuses.crit_chance)


def test_an_active_skill_changes_no_derived_value(content: Content) -> None:
    stats = Stats(8, 4, 2, 7)
    assert derive_full(stats, 3, [], [content.skills["power_strike"]]) == derive(stats, 3)


def test_stamina_regenerates_from_timestamps_and_is_spent() -> None:
    hot = HotState(location_id="meadows", hp=10, mana=10, stamina=10.0, stamina_at=1000.0)
    assert hot.stamina_now(1000.0 + 60 * 5) == 10.0 + 5 * STAMINA_REGEN_PER_MINUTE
    assert hot.stamina_now(10**9) == MAX_STAMINA
    available = 10.0 + 5 * STAMINA_REGEN_PER_MINUTE
    spent = hot.spend_stamina(available - 3, now=1000.0 + 60 * 5)
    assert (spent.stamina, spent.stamina_at) == (3.0, 1300.0)
    with pytest.raises(NotEnoughStamina):
        spent.spend_stamina(4, now=1300.0)


def test_death_costs_a_tenth_of_the_gold_and_nothing_else(content: Content) -> None:
    character = hero(content, gold=155, xp=40)
    death = die(character)
    assert death.gold_lost == 16 and death.xp_lost == 0
    assert death.character.gold == 139 and death.character.xp == 40 and death.character.level == 1


def test_death_always_costs_more_than_healing(content: Content) -> None:
    poor = hero(content, gold=30, xp=40)
    death = die(poor, rest_price=10)
    assert death.gold_lost == 20  # two rests, not a tenth of 30
    broke = die(hero(content, gold=5, xp=40), rest_price=10)
    assert broke.gold_lost == 5 and 0 < broke.xp_lost <= 40  # what gold could not cover, in this level's XP
    assert broke.character.level == 1
    empty = die(hero(content, gold=0, xp=0), rest_price=10)
    assert (empty.gold_lost, empty.xp_lost, empty.character.level) == (0, 0, 1)  # never below nothing


def test_respawn_restores_hp_and_mana(content: Content) -> None:
    character = hero(content)
    hot = fresh_hot_state(character, location_id="meadows", now=0.0)
    hurt = hot.with_vitals(-5, 3, character.derived)
    assert hurt.hp == 0 and hurt.mana == 3
    again = hurt.moved_to(content.start_location).restored(character.derived)
    assert (again.hp, again.mana) == (character.derived.max_hp, character.derived.max_mana)
