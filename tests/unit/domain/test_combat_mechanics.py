"""The rules that make the classes play differently: crit damage, lifesteal, damage reduction, guard,
mana regeneration, a mana shield, freezing, stacking bleeds, finishers that consume them, executes,
several blows in a row and skills that restore mana. Fought against made-up skills, so the content
can be tuned without these tests noticing."""

from __future__ import annotations

import random
from dataclasses import replace
from typing import Any

import pytest

from game.domain import damage
from game.domain.character import MAX_DAMAGE_REDUCTION, MAX_LIFESTEAL, Stats, derive, derive_full
from game.domain.combat import Attack, Combat, Fighter, LogEntry, StatusEffect, UseSkill, act
from game.domain.combat_state import MAX_REDUCTION_IN_FIGHT
from game.domain.content import Content
from game.domain.content_models import Bonuses, SkillDef, StatusSpec, Text
from game.domain.damage import reduced, shielded, strike


def skill(skill_id: str, **fields: Any) -> SkillDef:
    return SkillDef(
        id=skill_id,
        class_id="warrior",
        name=Text(en=skill_id, ru=skill_id),
        description=Text(en="-", ru="-"),
        kind="active",
        **fields,
    )


SKILLS = [
    skill("stab", damage={"power": 1.0}),
    skill("sure_crit", damage={"power": 1.0, "crit_bonus": 1.0}),
    skill("drain", damage={"power": 1.0, "lifesteal": 0.5}),
    skill("finish", damage={"power": 1.0, "execute_below": 0.3, "execute_power": 2.0}),
    skill("gut", damage={"power": 1.0, "consumes": "bleed", "per_stack": 0.5}),
    skill("flurry", damage={"power": 0.5, "hits": 3}),
    skill(
        "cuts",
        damage={"power": 0.5, "hits": 3},
        target_status={"effect": "bleed", "turns": 3, "power": 0.1, "max_stacks": 5},
    ),
    skill("lacerate", target_status={"effect": "bleed", "turns": 3, "power": 0.1, "max_stacks": 3}),
    skill("freeze", target_status={"effect": "freeze", "turns": 1}),
    skill("wall", self_status={"effect": "guard", "turns": 3, "power": 0.5}),
    skill("shield", self_status={"effect": "mana_shield", "turns": 3, "power": 0.6}),
    skill("focus", mana_gain=0.5),
]


@pytest.fixture
def arena(content: Content) -> Content:
    return replace(content, skills={s.id: s for s in SKILLS})


def fight(**player: Any) -> Combat:
    hero = Fighter(
        level=10,
        hp=500,
        max_hp=500,
        attack=100,
        defence=10,
        crit_chance=0.0,
        dodge_chance=0.0,
        agility=5,
        mana=100,
        max_mana=200,
        magic=80,
        skills=tuple(s.id for s in SKILLS),
    )
    foe = Fighter(level=10, hp=5000, max_hp=5000, attack=80, defence=10, crit_chance=0.0, dodge_chance=0.0, agility=5)
    return Combat(id="c", monster_id="giant_rat", player=replace(hero, **player), monster=foe)


def with_monster(combat: Combat, **changes: Any) -> Combat:
    return replace(combat, monster=replace(combat.monster, **changes))


def hits(combat: Combat, actor: str = "player") -> list[int]:
    return [e.amount or 0 for e in combat.log if e.kind == "hit" and e.actor == actor]


# --- the arithmetic of a blow ------------------------------------------------------------------------


def test_crit_damage_is_the_attackers_own() -> None:
    plain = strike(100, 0, 1.0, random.Random(1))
    brutal = strike(100, 0, 1.0, random.Random(1), crit_damage=2.5)
    assert plain[1] and brutal[1]
    assert brutal[0] == pytest.approx(plain[0] * 2.5 / 1.75, abs=1)


def test_damage_reduction_takes_a_share_but_a_blow_still_hurts() -> None:
    assert reduced(100, 0.3) == 70
    assert reduced(1, 0.9) == 1
    assert reduced(0, 0.5) == 0


def test_a_mana_shield_pays_with_mana_while_it_lasts() -> None:
    per_mana = damage.MANA_SHIELD_DAMAGE_PER_MANA
    assert shielded(100, 0.6, 1000) == (40, 60 // per_mana)
    assert shielded(100, 0.6, 10) == (100 - 10 * per_mana, 10)  # only so much can be paid for


def test_a_point_of_mana_started_is_spent(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(damage, "MANA_SHIELD_DAMAGE_PER_MANA", 2)
    assert shielded(100, 0.51, 100) == (49, 26)


# --- in a fight -----------------------------------------------------------------------------------------


def test_lifesteal_heals_by_the_damage_done(arena: Content) -> None:
    combat = fight(hp=100, lifesteal=0.2)
    after = act(combat, Attack(), arena, random.Random(2))
    dealt = hits(after)[0]
    assert LogEntry(kind="heal", actor="player", amount=round(dealt * 0.2)) in after.log
    drained = act(combat, UseSkill("drain"), arena, random.Random(2))
    heal = next(e for e in drained.log if e.kind == "heal")
    assert heal.amount == round(hits(drained)[0] * 0.7) and heal.skill == "drain"


def test_damage_reduction_and_guard_lessen_the_blows_taken(arena: Content) -> None:
    bare = act(fight(), Attack(), arena, random.Random(3))
    tough = act(fight(damage_reduction=0.5), Attack(), arena, random.Random(3))
    assert hits(tough, "monster")[0] == pytest.approx(hits(bare, "monster")[0] * 0.5, abs=1)
    walled = act(fight(), UseSkill("wall"), arena, random.Random(3))
    assert walled.player.current_reduction == 0.5
    piled = replace(walled.player, damage_reduction=0.5)
    assert piled.current_reduction == MAX_REDUCTION_IN_FIGHT


def test_mana_comes_back_each_turn(arena: Content) -> None:
    after = act(fight(mana=0, mana_regen=7), Attack(), arena, random.Random(1))
    assert after.player.mana == 7
    full = act(fight(mana=198, mana_regen=7), Attack(), arena, random.Random(1))
    assert full.player.mana == 200


def test_a_skill_can_restore_mana(arena: Content) -> None:
    after = act(fight(mana=20), UseSkill("focus"), arena, random.Random(1))
    assert after.player.mana == 120
    assert LogEntry(kind="mana", actor="player", amount=100, skill="focus") in after.log


def test_a_crit_bonus_makes_the_blow_critical(arena: Content) -> None:
    after = act(fight(), UseSkill("sure_crit"), arena, random.Random(4))
    assert next(e for e in after.log if e.kind == "hit" and e.actor == "player").crit


def test_an_execute_hits_harder_below_its_threshold(arena: Content) -> None:
    healthy = act(fight(), UseSkill("finish"), arena, random.Random(5))
    weak = act(with_monster(fight(), hp=1000), UseSkill("finish"), arena, random.Random(5))
    assert hits(weak)[0] > 1.7 * hits(healthy)[0]


def test_bleeds_stack_to_their_cap_and_tick_for_every_stack(arena: Content) -> None:
    state = fight()
    for _ in range(4):
        state = act(
            replace(state, player=replace(state.player, cooldowns={})), UseSkill("lacerate"), arena, random.Random(6)
        )
    bleed = state.monster.status("bleed")
    assert bleed is not None and bleed.stacks == 3 and bleed.amount == 3 * 10
    assert bleed.turns == 3 - 1  # started again by the last application, then one phase went by
    ticks = [e.amount for e in state.log if e.kind == "tick" and e.actor == "monster"]
    assert ticks == [30]


def test_a_finisher_consumes_the_stacks_for_power(arena: Content) -> None:
    bleeding = with_monster(fight(), effects=(StatusEffect("bleed", 3, 30, stacks=3),))
    plain = act(fight(), UseSkill("gut"), arena, random.Random(7))
    gutted = act(bleeding, UseSkill("gut"), arena, random.Random(7))
    assert hits(gutted)[0] > 2.2 * hits(plain)[0]
    assert not gutted.monster.has("bleed")
    assert LogEntry(kind="expired", actor="monster", effect="bleed") in gutted.log


def test_a_finisher_that_misses_keeps_the_stacks(arena: Content) -> None:
    bleeding = with_monster(fight(), effects=(StatusEffect("bleed", 3, 30, stacks=3),), dodge_chance=1.0)
    after = act(bleeding, UseSkill("gut"), arena, random.Random(7))
    assert after.monster.status("bleed") is not None


def test_several_blows_in_a_row_each_apply_the_status(arena: Content) -> None:
    after = act(fight(), UseSkill("flurry"), arena, random.Random(8))
    assert len(hits(after)) == 3
    cut = act(fight(), UseSkill("cuts"), arena, random.Random(8))
    bleed = cut.monster.status("bleed")
    assert bleed is not None and bleed.stacks == 3


def test_blows_stop_when_the_target_falls(arena: Content) -> None:
    after = act(with_monster(fight(), hp=5), UseSkill("flurry"), arena, random.Random(8))
    assert after.outcome == "won" and len(hits(after)) == 1


def test_a_frozen_monster_loses_its_turn_and_shatters(arena: Content) -> None:
    frozen = act(fight(), UseSkill("freeze"), arena, random.Random(9))
    assert LogEntry(kind="stunned", actor="monster", effect="freeze") in frozen.log
    assert not hits(frozen, "monster")
    still = with_monster(fight(), effects=(StatusEffect("freeze", 2),))
    bare = act(fight(), Attack(), arena, random.Random(10))
    shattering = act(still, Attack(), arena, random.Random(10))
    assert hits(shattering)[0] == pytest.approx(hits(bare)[0] * damage.FROZEN_DAMAGE_TAKEN, abs=1)


def test_a_mana_shield_trades_mana_for_health(arena: Content) -> None:
    bare = act(fight(), Attack(), arena, random.Random(11))
    shielded_fight = act(fight(), UseSkill("shield"), arena, random.Random(11))
    taken = hits(shielded_fight, "monster")
    assert taken and shielded_fight.player.mana < 100
    assert shielded_fight.player.hp > bare.player.hp


def test_crit_and_dodge_buffs_add_to_the_chances() -> None:
    buffed = replace(
        fight().player,
        crit_chance=0.1,
        dodge_chance=0.1,
        effects=(StatusEffect("crit_up", 2, 30), StatusEffect("dodge_up", 2, 25)),
    )
    assert buffed.current_crit_chance == pytest.approx(0.4)
    assert buffed.current_dodge_chance == pytest.approx(0.35)


def test_magic_resistance_takes_a_share_of_spells_only(arena: Content) -> None:
    bolt = skill("bolt", damage={"power": 1.0, "school": "magic"})
    spells = replace(arena, skills={**arena.skills, "bolt": bolt})
    caster = fight(skills=("bolt",))
    plain = act(caster, UseSkill("bolt"), spells, random.Random(12))
    warded = act(with_monster(caster, magic_resist=0.4), UseSkill("bolt"), spells, random.Random(12))
    assert hits(warded)[0] == pytest.approx(hits(plain)[0] * 0.6, abs=1)
    swung = act(with_monster(fight(), magic_resist=0.4), Attack(), arena, random.Random(12))
    assert hits(swung) == hits(act(fight(), Attack(), arena, random.Random(12)))


def test_a_fight_saved_before_these_rules_still_loads() -> None:
    data = fight().to_dict()
    for name in ("crit_damage", "lifesteal", "damage_reduction", "mana_regen", "magic_resist"):
        data["player"].pop(name)
        data["monster"].pop(name)
    data["monster"]["effects"] = [{"effect": "bleed", "turns": 2, "amount": 5}]
    loaded = Combat.from_dict(data)
    assert loaded.player.crit_damage == 1.75 and loaded.monster.effects[0].stacks == 1


# --- where the numbers come from -----------------------------------------------------------------------


def test_gear_and_passives_bring_the_new_values_within_their_caps() -> None:
    stats = Stats(10, 10, 16, 10)
    base = derive(stats, 5)
    assert base.mana_regen == 3 and base.crit_damage == 1.75  # one, and level 5 and 16 intellect: three a turn
    assert derive_full(stats, 5) == base
    greedy = Bonuses(lifesteal=0.2, damage_reduction=0.3, crit_damage=0.5, mana_regen=3)
    passives = [
        SkillDef(
            id=f"greed{n}",
            class_id="warrior",
            name=Text(en="Greed", ru="Жадность"),
            description=Text(en="-", ru="-"),
            kind="passive",
            bonuses=greedy,
        )
        for n in range(2)
    ]
    full = derive_full(stats, 5, [], passives)
    assert full.lifesteal == MAX_LIFESTEAL and full.damage_reduction == MAX_DAMAGE_REDUCTION
    assert full.crit_damage == pytest.approx(2.75) and full.mana_regen == 9


@pytest.mark.parametrize(
    ("spec", "problem"),
    [
        ({"effect": "stun", "turns": 1, "max_stacks": 3}, "only damage over time stacks"),
        ({"effect": "guard", "turns": 2, "power": 40}, "share"),
    ],
)
def test_statuses_are_checked(spec: dict[str, Any], problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        StatusSpec.model_validate(spec)


@pytest.mark.parametrize(
    ("damage", "problem"),
    [
        ({"power": 1.0, "execute_below": 0.3}, "execute"),
        ({"power": 1.0, "consumes": "bleed"}, "consum"),
        ({"power": 1.0, "per_stack": 0.4}, "consum"),
    ],
)
def test_skill_damage_is_checked(damage: dict[str, Any], problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        skill("broken", damage=damage)
