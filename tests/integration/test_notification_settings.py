"""Who is told about rifts and bosses: muted categories and players who blocked the bot."""

from __future__ import annotations

import pytest

from game.api import GameApi, UnknownEntry


async def all_recipients(game: GameApi, category: str, page: int) -> list[int]:
    found, after = [], 0
    while batch := await game.notification_recipients(category=category, after_player_id=after, limit=page):
        found += batch
        after = batch[-1]
    return found


async def test_muting_and_blocking_remove_a_player_from_the_lists(game: GameApi):
    for pid in range(1, 8):
        await game.register(player_id=pid, name=f"Listener{pid}", class_id="mage")
    assert await all_recipients(game, "bosses", page=3) == list(range(1, 8))

    settings = await game.set_notification(player_id=2, category="bosses", enabled=False)
    assert settings.muted == ("bosses",) and set(settings.categories) == {
        "rifts",
        "bosses",
        "guild_chat",
        "arena",
        "exchange",
    }
    await game.set_reachable(player_id=5, reachable=False)

    assert await all_recipients(game, "bosses", page=3) == [1, 3, 4, 6, 7]
    assert await all_recipients(game, "rifts", page=2) == [1, 2, 3, 4, 6, 7]

    await game.set_notification(player_id=2, category="bosses", enabled=True)
    await game.set_reachable(player_id=5, reachable=True)
    assert await all_recipients(game, "bosses", page=100) == list(range(1, 8))
    assert (await game.notification_settings(player_id=2)).muted == ()


async def test_unknown_categories_are_refused(game: GameApi):
    await game.register(player_id=1, name="Listener", class_id="rogue")
    with pytest.raises(UnknownEntry):
        await game.set_notification(player_id=1, category="spam", enabled=False)
    with pytest.raises(UnknownEntry):
        await game.notification_recipients(category="spam")
