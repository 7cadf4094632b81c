"""Skill trees, the leaderboards and who wants to hear about what."""

from __future__ import annotations

import pytest

from game.api import NotEnoughSkillPoints, SkillNotLearnable, StaleAction, UnknownEntry


async def test_a_skill_is_learned_with_a_point_once(game):
    await game.register(1)
    tree = await game.skills.skill_tree(player_id=1)
    strike = next(s for s in tree.skills if s.id == "power_strike")
    assert tree.skill_points == 1 and strike.learnable and not strike.learned
    learned = await game.skills.learn_skill(player_id=1, skill_id="power_strike", version=tree.version)
    assert learned.skill_points == 0 and next(s for s in learned.skills if s.id == "power_strike").learned
    assert (await game.record(1)).skills == {"power_strike"}
    with pytest.raises(StaleAction):
        await game.skills.learn_skill(player_id=1, skill_id="power_strike", version=tree.version)
    with pytest.raises(SkillNotLearnable) as again:
        await game.skills.learn_skill(player_id=1, skill_id="power_strike", version=learned.version)
    assert again.value.details["reason"] == "already_learned"


async def test_a_skill_above_the_level_or_the_points_is_refused(game):
    await game.register(1)
    version = (await game.record(1)).version
    with pytest.raises(SkillNotLearnable) as early:
        await game.skills.learn_skill(player_id=1, skill_id="toughness", version=version)
    assert early.value.details["reason"] == "level_too_low"
    edited = await game.edit(1, level=2, skill_points=0)
    with pytest.raises(NotEnoughSkillPoints):
        await game.skills.learn_skill(player_id=1, skill_id="toughness", version=edited.version)
    with pytest.raises(UnknownEntry):
        await game.skills.learn_skill(player_id=1, skill_id="fireball_of_doom", version=edited.version)
    assert (await game.record(1)).skills == frozenset()


async def test_the_level_leaderboard_ranks_by_level_then_xp(game):
    for pid in (1, 2, 3):
        await game.register(pid)
    await game.edit(1, level=3, xp=10)
    await game.edit(2, level=5)
    await game.edit(3, level=3, xp=90)
    board = await game.leaderboards.leaderboard(board="level")
    assert [(r.rank, r.player_id, r.level, r.value) for r in board] == [(1, 2, 5, 0), (2, 3, 3, 90), (3, 1, 3, 10)]
    assert len(await game.leaderboards.leaderboard(board="level", limit=1)) == 1
    with pytest.raises(UnknownEntry):
        await game.leaderboards.leaderboard(board="richest")


async def test_muted_categories_and_blocked_players_get_no_notifications(game):
    for pid in (1, 2, 3):
        await game.register(pid)
    settings = await game.notifications.notification_settings(player_id=1)
    assert settings.categories == ("rifts", "bosses", "guild_chat", "arena", "exchange") and settings.muted == ()
    muted = await game.notifications.set_notification(player_id=1, category="rifts", enabled=False)
    assert muted.muted == ("rifts",)
    await game.notifications.set_reachable(player_id=3, reachable=False)  # blocked the bot
    await game.notifications.set_reachable(player_id=99, reachable=False)  # nobody: nothing to remember
    assert await game.notifications.notification_recipients(category="rifts") == [2]
    assert await game.notifications.notification_recipients(category="bosses") == [1, 2]
    assert await game.notifications.notification_recipients(category="everyone") == [1, 2]
    assert await game.notifications.notification_recipients(category="everyone", after_player_id=1, limit=1) == [2]

    await game.notifications.set_notification(player_id=1, category="rifts", enabled=True)
    await game.notifications.set_reachable(player_id=3, reachable=True)
    assert await game.notifications.notification_recipients(category="rifts") == [1, 2, 3]
    with pytest.raises(UnknownEntry):
        await game.notifications.set_notification(player_id=1, category="gossip", enabled=False)
    with pytest.raises(UnknownEntry):
        await game.notifications.notification_recipients(category="gossip")
