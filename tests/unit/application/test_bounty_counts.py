"""Won fights count towards the bounties exactly once each, in the wild and in rifts, even when telling
of the win fails and the player presses the turn again."""

from __future__ import annotations

import pytest

from shared.events import FightWon
from tests.fakes.game import FakeGame

from .play import meet, play_out, press
from .test_rifts import FIGHTS, walk_to, walker


async def progress(game: FakeGame, player_id: int = 1) -> dict[str, int]:
    return {b.id: b.progress for b in (await game.dailies.daily(player_id=player_id)).bounties}


async def test_three_wins_in_the_wild_and_in_a_rift_are_three(game):
    await walker(game)  # a strong hero, in a rift in the meadows
    rift_fight = await walk_to(game, FIGHTS)
    assert (await play_out(game, 1, rift_fight.step.combat)).outcome == "won"
    await game.rifts.leave_rift(player_id=1)
    for _ in range(2):
        assert (await play_out(game, 1, await meet(game, 1))).outcome == "won"
    assert await progress(game) == {"win_fights": 3, "craft": 0, "trade": 0, "weekly_fights": 3}


async def test_a_win_whose_telling_failed_still_counts_once_when_the_turn_is_pressed_again(game, monkeypatch):
    await game.register(1)
    await game.empower(1)
    fight = await meet(game, 1)
    while True:  # up to the last blow
        nxt = await press(game, 1, fight)
        if nxt.outcome == "won":
            break
        fight = nxt
    assert (await progress(game))["win_fights"] == 1
    # The next fight: the event bus breaks just as the win is told.
    second = await meet(game, 1)
    inner = game.events.publish

    async def broken(event):
        if isinstance(event, FightWon):
            raise ConnectionError("the event bus went away")
        await inner(event)

    monkeypatch.setattr(game.events, "publish", broken)
    turn = second
    with pytest.raises(ConnectionError):
        for _ in range(100):
            turn = await press(game, 1, turn)
    monkeypatch.setattr(game.events, "publish", inner)
    again = await press(game, 1, turn)  # the same turn, pressed again
    assert again.outcome == "won"
    assert (await progress(game))["win_fights"] == 2
    assert (await progress(game))["weekly_fights"] == 2
