"""What comes back with time is computed from timestamps: however often it is measured, the same amount."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from game.domain.character import HotState, Stats, derive

DERIVED = derive(Stats(10, 8, 6, 9), 3)
START = HotState(location_id="meadows", hp=1, mana=0, stamina=0.0, stamina_at=0.0)


@given(st.lists(st.floats(min_value=0.5, max_value=120), min_size=1, max_size=60))
def test_measuring_often_loses_nothing(waits: list[float]) -> None:
    often, now = START, 0.0
    for wait in waits:
        now += wait
        often = often.settled(now, DERIVED)
    once = START.settled(now, DERIVED)
    assert abs(often.hp - once.hp) <= 1 and abs(often.mana - once.mana) <= 1
    assert abs(often.stamina - once.stamina) < 1e-6


def test_full_is_full_and_the_timers_say_when() -> None:
    hp_in, mana_in, stamina_in = START.seconds_until_full(DERIVED)
    assert hp_in > 0 and mana_in > 0 and stamina_in > 0
    assert START.settled(hp_in, DERIVED).hp == DERIVED.max_hp
    assert START.settled(mana_in, DERIVED).mana == DERIVED.max_mana
    assert START.settled(hp_in * 10, DERIVED).seconds_until_full(DERIVED) == (0, 0, 0)


def test_nothing_but_stamina_comes_back_in_a_fight() -> None:
    fighting = replace(START, activity="combat").settled(3600, DERIVED)
    assert (fighting.hp, fighting.mana) == (START.hp, START.mana) and fighting.stamina > 0
