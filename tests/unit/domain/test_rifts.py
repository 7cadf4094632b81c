"""Rift generation (same seed, same rift; deeper tier, harder rift) and a player's way through one."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.domain.content import Content
from game.domain.rifts import (
    Rift,
    RiftRefused,
    RiftRun,
    choose_template,
    generate_rift,
    min_level,
    next_step,
    rift_tier,
    rift_zones,
    shrine_vitals,
    step_done,
    trap_hp,
)

from .conftest import _CONTENT

ZONES = [loc.id for loc in rift_zones(_CONTENT)]
TEMPLATES = sorted(_CONTENT.rifts)

seeds = st.integers(min_value=0, max_value=2**63 - 1)
zones = st.sampled_from(ZONES)
templates = st.sampled_from(TEMPLATES)
tiers = st.integers(min_value=1, max_value=30)


def _fights(rift: Rift):
    return [step.monster for floor in rift.floors for step in floor if step.monster is not None]


@settings(max_examples=60, deadline=None)
@given(seed=seeds, zone=zones, template=templates, tier=tiers)
def test_the_same_seed_always_gives_the_same_rift(seed: int, zone: str, template: str, tier: int) -> None:
    first = generate_rift(_CONTENT, seed=seed, location_id=zone, tier=tier, template_id=template)
    again = generate_rift(_CONTENT, seed=seed, location_id=zone, tier=tier, template_id=template)
    assert first == again


@settings(max_examples=60, deadline=None)
@given(seed=seeds, zone=zones, template=templates, tiers=st.tuples(tiers, tiers).filter(lambda t: t[0] < t[1]))
def test_a_deeper_tier_is_the_same_rift_only_harder_and_richer(
    seed: int, zone: str, template: str, tiers: tuple[int, int]
) -> None:
    low, high = (generate_rift(_CONTENT, seed=seed, location_id=zone, tier=t, template_id=template) for t in tiers)
    assert [s.kind for f in low.floors for s in f] == [s.kind for f in high.floors for s in f]
    for easy, hard in zip(_fights(low), _fights(high), strict=True):
        assert easy.monster_id == hard.monster_id
        assert hard.level > easy.level
        assert hard.hp >= easy.hp and hard.attack >= easy.attack and hard.defence >= easy.defence
    for easy, hard in zip((s for f in low.floors for s in f), (s for f in high.floors for s in f), strict=True):
        if easy.kind == "trap":
            assert hard.hp_share >= easy.hp_share
        if easy.kind == "treasure":
            assert hard.gold > easy.gold
    assert high.reward.gold > low.reward.gold and high.reward.xp > low.reward.xp
    assert high.min_level >= low.min_level


def test_seeds_make_different_rifts() -> None:
    layouts = {
        tuple(
            s.kind
            for f in generate_rift(_CONTENT, seed=n, location_id="darkwood", tier=3, template_id=t).floors
            for s in f
        )
        for n in range(30)
        for t in TEMPLATES
    }
    assert len(layouts) > 10


@pytest.mark.parametrize("template", TEMPLATES)
def test_the_last_floor_ends_with_a_shrine_then_a_boss_stronger_than_anything_before(
    content: Content, template: str
) -> None:
    rift = generate_rift(content, seed=7, location_id="caves", tier=5, template_id=template)
    last = rift.floors[-1]
    assert [s.kind for s in last[-2:]] == ["shrine", "boss"]
    assert sum(s.kind == "boss" for f in rift.floors for s in f) == 1
    boss = last[-1].monster
    assert boss is not None
    assert all(boss.hp > m.hp for m in _fights(rift) if m is not boss)
    assert len(rift.floors) == content.rifts[template].floors
    assert all(len(f) == content.rifts[template].steps_per_floor for f in rift.floors)


def test_a_template_boss_is_used_when_named(content: Content) -> None:
    rift = generate_rift(content, seed=1, location_id="caves", tier=6, template_id="abyssal_spire")
    assert rift.floors[-1][-1].monster.monster_id == "rift_wraith"


def test_tier_and_level_gate_follow_the_zone(content: Content) -> None:
    assert rift_tier(content.locations["meadows"]) == 1
    assert rift_tier(content.locations["frostfang"]) == 9
    assert min_level(1) == 1 and min_level(9) == 9
    import random

    assert choose_template(content, 1, random.Random(1)).id == "fractured_hollow"  # the only one at tier 1


def test_rewards_hold_only_items_that_exist(content: Content) -> None:
    for seed in range(40):
        rift = generate_rift(content, seed=seed, location_id="ruins", tier=7, template_id="shattered_halls")
        for item_id in rift.reward.items:
            assert content.items[item_id].kind != "material"
        for step in (s for f in rift.floors for s in f if s.kind == "treasure"):
            assert all(i in content.items for i in step.items)


def test_a_run_walks_every_step_then_is_cleared(content: Content) -> None:
    rift = generate_rift(content, seed=3, location_id="darkwood", tier=3, template_id="shattered_halls")
    run = RiftRun(rift_id="r", player_id=1)
    seen = 0
    while run.active:
        step = next_step(rift, run)
        assert step == rift.step(run.floor, run.step)
        run = step_done(rift, run, gold=step.gold, items=step.items)
        seen += 1
    assert seen == rift.total_steps
    assert run.status == "cleared" and run.steps_done(rift) == rift.total_steps
    assert run.gold == sum(s.gold for f in rift.floors for s in f)
    with pytest.raises(RiftRefused):
        next_step(rift, run)


def test_traps_never_kill_and_shrines_never_overheal() -> None:
    assert trap_hp(5, 100, 0.2) == 1
    assert trap_hp(100, 100, 0.2) == 80
    assert shrine_vitals(10, 0, 100, 40, 0.5) == (60, 20)
    assert shrine_vitals(90, 39, 100, 40, 0.5) == (100, 40)


def test_a_rift_draws_the_zones_ordinary_monsters_below_its_tier(content: Content) -> None:
    elites = {s.monster for s in content.locations["steppe"].monsters if content.monsters[s.monster].elite}
    for seed in range(30):
        rift = generate_rift(content, seed=seed, location_id="steppe", tier=12, template_id="shattered_halls")
        for floor in rift.floors:
            for step in floor:
                if step.monster is None:
                    continue
                assert step.monster.monster_id not in elites
                if step.kind == "monster":
                    assert step.monster.level <= rift.tier + len(rift.floors) // 2
        boss = rift.floors[-1][-1].monster
        assert boss is not None and boss.level >= rift.tier


def test_a_zones_rift_toughness_makes_its_rift_monsters_sturdier_and_nothing_else(content: Content) -> None:
    marsh = content.locations["marsh"]
    assert marsh.rift_toughness > 1
    plain = replace(content, locations={**content.locations, "marsh": marsh.model_copy(update={"rift_toughness": 1.0})})
    tough, soft = (
        generate_rift(c, seed=7, location_id="marsh", tier=4, template_id="shattered_halls") for c in (content, plain)
    )
    for hard, easy in zip(_fights(tough), _fights(soft), strict=True):
        assert hard.hp > easy.hp
        assert (hard.monster_id, hard.level, hard.attack, hard.defence) == (
            easy.monster_id,
            easy.level,
            easy.attack,
            easy.defence,
        )
