"""World boss rules: where it spawns, how hard an attack hits, rewards by contribution."""

from __future__ import annotations

import itertools
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.domain.character import Derived
from game.domain.content import Content
from game.domain.errors import UnknownEntry
from game.domain.world_boss import attack_damage, boss_locations, choose_spawn, contribution_rewards


def test_a_spawn_is_a_scaled_monster_with_a_large_pool(content: Content) -> None:
    spawn = choose_spawn(content, random.Random(1), location_id="caves")
    spec = content.bosses[spawn.boss_def_id]
    assert spawn.location_id == "caves" and "caves" in spec.locations
    assert spawn.monster.level == content.locations["caves"].level + spec.level_bonus
    assert spawn.max_hp == round(spawn.monster.hp * spec.hp_multiplier)


def test_spawns_go_only_where_bosses_live(content: Content) -> None:
    for seed in range(30):
        spawn = choose_spawn(content, random.Random(seed))
        assert spawn.location_id in content.bosses[spawn.boss_def_id].locations
    assert "ashford" not in boss_locations(content)
    with pytest.raises(UnknownEntry):
        choose_spawn(content, random.Random(1), location_id="ashford")
    with pytest.raises(UnknownEntry):
        choose_spawn(content, random.Random(1), boss_def_id="nobody")


def test_an_attack_uses_the_better_of_weapon_and_magic(content: Content) -> None:
    boss = choose_spawn(content, random.Random(1), location_id="caves").monster
    brute = Derived(max_hp=100, max_mana=10, attack=200, defence=5, crit_chance=0.0, dodge_chance=0.0, magic=5)
    mage = Derived(max_hp=100, max_mana=10, attack=5, defence=5, crit_chance=0.0, dodge_chance=0.0, magic=200)
    weak = Derived(max_hp=100, max_mana=10, attack=5, defence=5, crit_chance=0.0, dodge_chance=0.0, magic=5)
    hits = [attack_damage(d, boss, random.Random(3)) for d in (brute, mage, weak)]
    assert hits[0] > hits[2] and hits[1] > hits[2]


damages = st.dictionaries(st.integers(1, 10_000), st.integers(0, 5_000), min_size=1, max_size=40)


@settings(max_examples=80, deadline=None)
@given(damage=damages)
def test_rewards_follow_contribution(damage: dict[int, int]) -> None:
    from .conftest import _CONTENT as content

    spawn = choose_spawn(content, random.Random(5), location_id="caves")
    killer = max(damage)
    rewards = contribution_rewards(content, spawn.boss_def_id, spawn.monster, damage, killer_id=killer, seed="boss-1")
    contributors = {pid for pid, d in damage.items() if d > 0}
    assert set(rewards) == contributors
    ordered = sorted(contributors, key=lambda pid: damage[pid])
    for lower, higher in itertools.pairwise(ordered):
        assert rewards[higher].xp >= rewards[lower].xp
        assert rewards[higher].gold >= rewards[lower].gold
    assert rewards == contribution_rewards(
        content, spawn.boss_def_id, spawn.monster, dict(reversed(list(damage.items()))), killer_id=killer, seed="boss-1"
    )


def test_the_top_hitter_and_the_killer_get_loot_rolls(content: Content) -> None:
    spawn = choose_spawn(content, random.Random(5), location_id="ruins")
    damage = {1: 900, 2: 50, 3: 50}
    with_items = 0
    for n in range(30):
        rewards = contribution_rewards(content, spawn.boss_def_id, spawn.monster, damage, killer_id=3, seed=f"b{n}")
        assert not rewards[2].items
        with_items += bool(rewards[1].items) + bool(rewards[3].items)
    assert with_items > 0
    assert contribution_rewards(content, spawn.boss_def_id, spawn.monster, {1: 0}, killer_id=None, seed="x") == {}
