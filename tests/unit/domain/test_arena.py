"""Arena rules: Elo with a provisional period, seasons and their soft reset, matchmaking bands, and the
duel the fight AI plays for both sides under PvE's combat rules and the arena's own (halved healing)."""

from __future__ import annotations

import random
from dataclasses import replace

from game.domain import arena
from game.domain.character import Stats, derive
from game.domain.combat import StatusEffect, UseSkill, act_alone, player_fighter
from game.domain.skills import active_skills


def test_a_win_against_an_equal_moves_both_by_half_their_k():
    assert arena.rated(1000, 1000, 0, 0) == (1020, 980)  # provisional: K = 40
    assert arena.rated(1000, 1000, 50, 50) == (1010, 990)  # settled: K = 20
    # A provisional winner against a settled loser: each by its own K.
    assert arena.rated(1000, 1000, 0, 50) == (1020, 990)


def test_beating_a_much_stronger_player_pays_more_than_beating_a_weaker_one():
    up, _ = arena.rated(1000, 1400, 50, 50)
    down, _ = arena.rated(1400, 1000, 50, 50)
    assert up - 1000 > 15 and down - 1400 < 5
    assert arena.rated(120, 110, 50, 50)[1] >= arena.MIN_RATING


def test_provisional_period_ends_after_the_first_games():
    assert arena.provisional(arena.PROVISIONAL_GAMES - 1) and not arena.provisional(arena.PROVISIONAL_GAMES)


def test_seasons_run_monday_to_monday_and_reset_softly():
    monday = 1_798_416_000.0  # 2026-12-28 00:00 UTC, a Monday
    season = arena.season_of(monday)
    assert arena.season_of(monday - 1) == season - 1 and arena.season_of(monday + 7 * 86400 - 1) == season
    assert arena.season_ends(season) == monday + 7 * 86400
    assert arena.soft_reset(1400) == 1200 and arena.soft_reset(800) == 900 and arena.soft_reset(1000) == 1000


def test_prizes_go_to_the_top_ten_and_the_daily_cap_resets_with_the_day():
    assert arena.prize(1) > arena.prize(2) > arena.prize(3) > 0 and arena.prize(11) == 0 and arena.prize(0) == 0
    assert arena.fights_left(arena.DAILY_CAP, day=5, today=5) == 0
    assert arena.fights_left(arena.DAILY_CAP, day=4, today=5) == arena.DAILY_CAP


def test_bands_widen_and_end_with_anyone():
    found = arena.bands(1000, 10)
    assert (found[0].rating_low, found[0].rating_high, found[0].level_low, found[0].level_high) == (900, 1100, 8, 12)
    assert found[1].rating_high - found[1].rating_low > found[0].rating_high - found[0].rating_low
    assert found[-1].rating_low < -1000 and found[-1].level_high > 1000
    assert arena.pick([], random.Random(1)) is None and arena.pick([3, 1], random.Random(1)) in (1, 3)


def fighter(content, class_id: str, level: int = 10, *, strength_bonus: int = 0):
    base = content.classes[class_id].stats
    stats = Stats(base.strength + strength_bonus, base.agility, base.intellect, base.vitality)
    derived = derive(stats, level)
    skills = active_skills(content, [s.id for s in content.skills.values() if s.class_id == class_id])
    return player_fighter(derived=derived, hp=10**6, mana=10**6, agility=stats.agility, level=level, skills=skills)


def test_a_duel_is_played_out_and_the_same_seed_gives_the_same_duel(content):
    a, b = fighter(content, "warrior"), fighter(content, "mage")
    first = arena.duel(a, b, content, random.Random(7), fight_id="f1")
    again = arena.duel(a, b, content, random.Random(7), fight_id="f1")
    assert first == again and first.rounds >= 1
    loser_hp = first.defender_hp if first.winner == "challenger" else first.challenger_hp
    assert loser_hp == 0 or first.rounds == arena.MAX_ROUNDS


def test_a_much_stronger_build_wins_nearly_always(content):
    strong = fighter(content, "warrior", strength_bonus=80)
    weak = fighter(content, "warrior")
    wins = sum(
        arena.duel(strong, weak, content, random.Random(seed), fight_id=f"f{seed}").winner == "challenger"
        for seed in range(40)
    )
    assert wins >= 36


def test_the_fight_ai_uses_its_skills(content):
    mage = fighter(content, "mage")
    combat = arena.Combat(id="x", monster_id="ghost", player=mage, monster=fighter(content, "warrior"))
    action = arena.choose_action(combat, content)
    assert isinstance(action, arena.UseSkill)
    spent = replace(mage, mana=0)
    assert isinstance(arena.choose_action(replace(combat, player=spent), content), arena.Attack)


def test_healing_is_halved_in_the_arena_and_whole_against_monsters(content):
    hurt = replace(fighter(content, "warrior"), skills=("second_wind",))
    hurt = replace(hurt, hp=hurt.max_hp // 4)
    combat = arena.Combat(id="x", monster_id="ghost", player=hurt, monster=fighter(content, "mage"))
    rng = random.Random(1)
    whole = act_alone(combat, UseSkill("second_wind"), content, rng)
    halved = act_alone(combat, UseSkill("second_wind"), content, rng, healing=arena.ARENA_HEALING)
    healed = whole.player.hp - hurt.hp
    assert healed == round(hurt.max_hp * content.skills["second_wind"].heal)
    assert halved.player.hp - hurt.hp == round(healed * arena.ARENA_HEALING)


def test_the_fight_ai_finishes_with_the_blow_that_counts_the_stacks(content):
    rogue = fighter(content, "rogue")
    bleeding = replace(fighter(content, "warrior"), effects=(StatusEffect("bleed", turns=3, amount=30, stacks=5),))
    combat = arena.Combat(id="x", monster_id="ghost", player=rogue, monster=bleeding)
    assert arena.choose_action(combat, content) == UseSkill("eviscerate")
