from __future__ import annotations

import json
import random
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.domain.combat import (
    Attack,
    Combat,
    Flee,
    LogEntry,
    StatusEffect,
    UseItem,
    UseSkill,
    act,
    flee_chance,
    ready_skills,
    start_combat,
    strike,
)
from game.domain.content import Content
from game.domain.errors import CombatOver, NotUsable, SkillNotReady
from game.domain.monsters import monster_at_level

from .simulation import make_hero


def new_fight(content: Content, class_id: str = "warrior", monster: str = "giant_rat", level: int = 3) -> Combat:
    hero = make_hero(content, class_id, level)
    return start_combat(
        "c1",
        derived=hero.derived,
        hp=hero.derived.max_hp,
        mana=hero.derived.max_mana,
        agility=hero.agility,
        level=level,
        skills=hero.skills,
        monster=monster_at_level(content.monsters[monster], level),
    )


def kinds(combat: Combat) -> list[str]:
    return [e.kind for e in combat.log]


@given(st.integers(0, 5000), st.integers(-50, 5000), st.floats(0, 1), st.integers(0, 2**32), st.booleans())
def test_damage_is_never_negative(attack: int, defence: int, crit: float, seed: int, magic: bool) -> None:
    amount, _ = strike(attack, defence, crit, random.Random(seed), magic=magic)
    assert amount >= 0
    assert (amount >= 1) == (attack > 0)


def test_more_defence_means_less_damage() -> None:
    low = strike(50, 0, 0.0, random.Random(1))[0]
    high = strike(50, 100, 0.0, random.Random(1))[0]
    assert high < low


def test_an_attack_hurts_the_monster_then_the_monster_answers(content: Content) -> None:
    combat = new_fight(content)
    after = act(combat, Attack(), content, random.Random(4))
    assert after.turn == 2 and combat.turn == 1  # the old state is untouched
    assert after.log[0].actor == "player" and after.log[0].kind in ("hit", "miss")
    assert any(e.actor == "monster" and e.kind in ("hit", "miss") for e in after.log)
    assert after.monster.hp <= combat.monster.hp


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 2**32), st.sampled_from(["warrior", "rogue", "mage"]))
def test_same_seed_same_fight_and_it_round_trips(content: Content, seed: int, class_id: str) -> None:
    def play(rng: random.Random) -> list[Combat]:
        states = [new_fight(content, class_id, "forest_wolf", 3)]
        while not states[-1].over and len(states) < 40:
            ready = ready_skills(states[-1], content)
            action = UseSkill(ready[0]) if ready and rng.random() < 0.5 else Attack()
            states.append(act(states[-1], action, content, rng))
        return states

    first, second = play(random.Random(seed)), play(random.Random(seed))
    assert first == second
    for state in first:
        assert Combat.from_dict(json.loads(json.dumps(state.to_dict()))) == state
        assert state.player.hp >= 0 and state.monster.hp >= 0


def test_a_finished_fight_accepts_no_more_actions(content: Content) -> None:
    combat = replace(new_fight(content), outcome="won")
    with pytest.raises(CombatOver):
        act(combat, Attack(), content, random.Random(1))


def test_killing_the_monster_wins_before_it_can_answer(content: Content) -> None:
    combat = new_fight(content)
    combat = replace(combat, monster=replace(combat.monster, hp=1, dodge_chance=0.0))
    won = act(combat, Attack(), content, random.Random(1))
    assert won.outcome == "won" and kinds(won) == ["hit", "won"]


def test_dying_loses(content: Content) -> None:
    combat = new_fight(content, monster="cave_troll")
    combat = replace(
        combat,
        player=replace(combat.player, hp=1, dodge_chance=0.0),
        monster=replace(combat.monster, hp=10_000, max_hp=10_000),
    )
    lost = act(combat, Attack(), content, random.Random(2))
    assert lost.outcome == "lost" and lost.log[-1].kind == "lost" and lost.player.hp == 0


def test_a_skill_costs_mana_and_cools_down(content: Content) -> None:
    combat = new_fight(content)
    skill = content.skills["rend"]
    after = act(combat, UseSkill("rend"), content, random.Random(3))
    assert after.player.mana == combat.player.mana - skill.mana
    assert after.player.cooldowns["rend"] == skill.cooldown - 1
    assert "rend" not in ready_skills(after, content)
    with pytest.raises(SkillNotReady) as err:
        act(after, UseSkill("rend"), content, random.Random(3))
    assert err.value.details["reason"] == "cooldown"
    state = after
    for _ in range(skill.cooldown - 1):
        state = replace(act(state, Attack(), content, random.Random(5)), outcome="ongoing")
    assert "rend" in ready_skills(state, content)


def test_skills_need_mana_and_must_be_known(content: Content) -> None:
    combat = new_fight(content)
    broke = replace(combat, player=replace(combat.player, mana=0))
    with pytest.raises(SkillNotReady) as err:
        act(broke, UseSkill("power_strike"), content, random.Random(1))
    assert err.value.details["reason"] == "mana"
    with pytest.raises(SkillNotReady):
        act(combat, UseSkill("fireball"), content, random.Random(1))


def test_a_stunned_monster_skips_its_turn_once(content: Content) -> None:
    combat = new_fight(content, monster="cave_troll", level=5)
    combat = replace(combat, monster=replace(combat.monster, dodge_chance=0.0))
    stunned = act(combat, UseSkill("shield_bash"), content, random.Random(1))
    assert LogEntry(kind="stunned", actor="monster") in stunned.log
    assert not stunned.monster.has("stun")
    assert "stunned" not in kinds(act(stunned, Attack(), content, random.Random(1)))


def test_a_stunned_player_loses_the_action(content: Content) -> None:
    combat = new_fight(content)
    combat = replace(combat, player=replace(combat.player, effects=(StatusEffect("stun", 1),)))
    after = act(combat, UseSkill("power_strike"), content, random.Random(1))
    assert after.log[0] == LogEntry(kind="stunned", actor="player")
    assert after.player.mana == combat.player.mana  # nothing was spent


def test_bleeding_ticks_and_expires(content: Content) -> None:
    combat = new_fight(content, monster="stone_golem", level=6)
    combat = replace(combat, monster=replace(combat.monster, effects=(StatusEffect("bleed", 2, 7),)))
    rng = random.Random(9)
    first = act(combat, Attack(), content, rng)
    assert LogEntry(kind="tick", actor="monster", effect="bleed", amount=7) in first.log
    second = act(first, Attack(), content, rng)
    assert LogEntry(kind="expired", actor="monster", effect="bleed") in second.log
    assert not second.monster.has("bleed")


def test_a_self_buff_serves_its_full_duration(content: Content) -> None:
    combat = new_fight(content, level=5)
    state = act(combat, UseSkill("battle_cry"), content, random.Random(1))
    boosted = [state.player.current_attack > state.player.attack]
    for _ in range(3):
        state = replace(act(state, Attack(), content, random.Random(2)), outcome="ongoing")
        boosted.append(state.player.current_attack > state.player.attack)
    assert boosted == [True, True, True, False]


def test_debuffs_lower_attack_but_never_below_zero(content: Content) -> None:
    combat = new_fight(content)
    weak = replace(combat.monster, effects=(StatusEffect("attack_down", 2, 10_000),))
    assert weak.current_attack == 0


def test_a_potion_heals_and_is_consumed(content: Content) -> None:
    combat = new_fight(content)
    combat = replace(combat, player=replace(combat.player, hp=10))
    after = act(combat, UseItem("minor_healing_potion"), content, random.Random(1))
    assert after.consumed_item == "minor_healing_potion"
    assert after.log[1] == LogEntry(kind="heal", actor="player", amount=45, item="minor_healing_potion")
    assert act(after, Attack(), content, random.Random(1)).consumed_item is None
    with pytest.raises(NotUsable):
        act(combat, UseItem("iron_ore"), content, random.Random(1))


def test_an_antidote_cleanses(content: Content) -> None:
    combat = new_fight(content)
    sick = (StatusEffect("poison", 3, 5), StatusEffect("defence_up", 3, 4))
    combat = replace(combat, player=replace(combat.player, effects=sick))
    after = act(combat, UseItem("antidote"), content, random.Random(1))
    assert not after.player.has("poison")
    assert after.player.has("defence_up")


def test_fleeing_depends_on_agility(content: Content) -> None:
    combat = new_fight(content, class_id="rogue")
    combat = replace(combat, monster=replace(combat.monster, agility=6))  # the chance is relative: pin the foe
    quick = replace(combat, player=replace(combat.player, agility=100))
    slow = replace(combat, player=replace(combat.player, agility=0))
    assert flee_chance(quick) > flee_chance(slow)
    rng = random.Random(1)
    outcomes = [act(quick, Flee(), content, rng).outcome for _ in range(200)]
    assert 0.8 < outcomes.count("fled") / 200 <= 0.95
    slow_tries = [act(slow, Flee(), content, rng) for _ in range(200)]
    assert sum(t.outcome == "fled" for t in slow_tries) / 200 < 0.2
    failed = next(t for t in slow_tries if t.outcome != "fled")
    assert failed.log[0] == LogEntry(kind="flee_failed", actor="player")


def test_the_log_speaks_in_data_not_text(content: Content) -> None:
    after = act(new_fight(content), UseSkill("rend"), content, random.Random(3))
    for entry in after.to_dict()["log"]:
        assert set(entry) <= {"kind", "actor", "target", "amount", "crit", "skill", "item", "effect", "turns"}
