"""Names a player can tell apart: at least one letter, one alphabet, no look-alike of a name taken."""

from __future__ import annotations

import pytest

from game.api import InvalidName, NameTaken


@pytest.mark.parametrize("name", ["---", "___", "1234", "-_-", "Аlaric", "Tοm", "ab", "a" * 17, "Al aric", "<b>"])
async def test_names_nobody_could_read_or_tell_apart_are_refused(game, name):
    with pytest.raises(InvalidName):
        await game.characters.check_name(name=name)
    with pytest.raises(InvalidName):
        await game.characters.register(player_id=1, name=name, class_id="warrior")


@pytest.mark.parametrize("taken, lookalike", [("Alaric", "ALARIC"), ("Tom", "Том"), ("Сова", "COBA"), ("Mia", "Mіa")])
async def test_a_look_alike_of_a_taken_name_is_taken(game, taken, lookalike):
    await game.register(1, name=taken)
    with pytest.raises((NameTaken, InvalidName)):
        await game.characters.check_name(name=lookalike)
    with pytest.raises((NameTaken, InvalidName)):
        await game.characters.register(player_id=2, name=lookalike, class_id="rogue")


@pytest.mark.parametrize("name", ["Алар1к", "Rogue_77", "Ёжик", "x-ray"])
async def test_ordinary_names_in_either_alphabet_are_fine(game, name):
    assert await game.characters.check_name(name=name) == name
