"""The game's dice: the same question gives the same answer; something new is never the same twice."""

from __future__ import annotations

from game.application.dice import Dice
from tests.fakes.clock import SettableClock


def test_two_new_things_at_the_same_instant_get_different_ids_and_a_seeded_game_replays_them() -> None:
    clock = SettableClock()
    dice = Dice(clock, seed=42)
    first, second = dice.fresh_id("fight", 7), dice.fresh_id("fight", 7)  # one player, one instant
    assert first != second
    again = Dice(clock, seed=42)
    assert (again.fresh_id("fight", 7), again.fresh_id("fight", 7)) == (first, second)


def test_the_same_question_gives_the_same_answer() -> None:
    dice = Dice(SettableClock(), seed=42)
    assert dice.rng("fight", "abc", 3).random() == dice.rng("fight", "abc", 3).random()
    assert dice.rng("fight", "abc", 3).random() != dice.rng("fight", "abc", 4).random()
