"""The arena on the in-memory fakes: finding an opponent, fighting its ghost, ratings, the daily cap,
revenge, the ladder with one's own place, and the season's end paid once."""

from __future__ import annotations

from dataclasses import replace

import pytest

from game.api.arena import ArenaRefused
from game.domain import arena as rules
from shared.events import ArenaDefended
from tests.fakes.game import FakeGame


async def players(game: FakeGame, *ids: int, level: int = 5) -> None:
    for pid in ids:
        await game.register(pid, class_id=("warrior", "rogue", "mage")[pid % 3])
        await game.edit(pid, level=level)


async def fight(game: FakeGame, challenger: int, defender: int):
    """`challenger` is offered `defender` (as matchmaking would) and fights them."""
    await game.pvp.find_opponent(player_id=challenger)
    ratings = game.uow_factory.db.tables["arena_ratings"]
    ratings[challenger] = replace(ratings[challenger], offer_id=defender)
    return await game.api.arena_fight(player_id=challenger, opponent_id=defender)


async def test_an_opponent_is_found_and_fought_and_both_ratings_move_once(game):
    await players(game, 1, 2)
    view = await game.api.find_opponent(player_id=1)
    assert view.offer is not None and view.offer.player_id == 2 and view.offer.rating == rules.START_RATING
    result = await game.api.arena_fight(player_id=1, opponent_id=2)
    f = result.fight
    assert f.challenger_id == 1 and f.defender_id == 2 and f.winner_id in (1, 2) and f.rounds >= 1
    assert abs(f.challenger_change) == 20 and f.defender_change == -f.challenger_change  # provisional K = 40
    assert result.arena.me.rating == f.challenger_rating and result.arena.fights_left == rules.DAILY_CAP - 1
    assert result.arena.offer is None and result.arena.recent[0].id == f.id
    theirs = await game.api.arena(player_id=2)
    assert theirs.me.rating == f.defender_rating and theirs.me.wins + theirs.me.losses == 1
    with pytest.raises(ArenaRefused) as again:  # the offer was used: a second press fights nobody
        await game.api.arena_fight(player_id=1, opponent_id=2)
    assert again.value.details["reason"] == "not_offered"


async def test_forged_and_self_opponents_are_refused_and_change_nothing(game):
    await players(game, 1, 2, 3)
    await game.api.find_opponent(player_id=1)
    offered = (await game.api.arena(player_id=1)).offer
    assert offered is not None
    other = 3 if offered.player_id == 2 else 2
    for opponent, reason in ((other, "not_offered"), (1, "self"), (999_999, "not_offered")):
        with pytest.raises(ArenaRefused) as refused:
            await game.api.arena_fight(player_id=1, opponent_id=opponent)
        assert refused.value.details["reason"] == reason
    view = await game.api.arena(player_id=1)
    assert view.recent == [] and view.me.rating == rules.START_RATING and view.fights_left == rules.DAILY_CAP


async def test_the_daily_cap_stops_fights_until_tomorrow(game):
    await players(game, 1, 2)
    for _ in range(rules.DAILY_CAP):
        await fight(game, 1, 2)
    with pytest.raises(ArenaRefused) as capped:
        await game.api.find_opponent(player_id=1)
    assert capped.value.details["reason"] == "daily_cap"
    game.clock.advance(86400)
    assert (await game.api.find_opponent(player_id=1)).fights_left == rules.DAILY_CAP


async def test_the_defender_is_told_and_may_take_revenge_once(game):
    await players(game, 1, 2)
    await game.empower(1)  # the challenger wins
    result = await fight(game, 1, 2)
    assert result.won
    [told] = game.events.of_type(ArenaDefended)
    assert told.defender_id == 2 and told.challenger_name == "hero1" and not told.defender_won
    assert told.rating_change == result.fight.defender_change
    view = await game.api.arena(player_id=2)
    assert [o.player_id for o in view.revenge] == [1]
    await game.api.arena_fight(player_id=2, opponent_id=1)  # revenge needs no offer
    assert (await game.api.arena(player_id=2)).revenge == []
    with pytest.raises(ArenaRefused):
        await game.api.arena_fight(player_id=2, opponent_id=1)


async def test_a_defender_who_muted_the_arena_is_not_told(game):
    await players(game, 1, 2)
    await game.api.set_notification(player_id=2, category="arena", enabled=False)
    await fight(game, 1, 2)
    assert game.events.of_type(ArenaDefended) == []


async def test_the_ladder_shows_the_top_and_ones_own_place(game):
    await players(game, 1, 2, 3, 4)
    await game.empower(1)
    await fight(game, 1, 2)
    await fight(game, 1, 3)
    ladder = await game.api.arena_ladder(player_id=4)
    assert ladder.top[0].player_id == 1 and ladder.top[0].rank == 1 and len(ladder.top) == 3
    assert ladder.me is not None and ladder.me.rank is None and ladder.me.rating == rules.START_RATING
    mine = await game.api.arena_ladder(player_id=3, limit=1)
    assert [s.player_id for s in mine.top] == [1] and mine.me is not None and mine.me.rank in (2, 3)


async def test_the_season_closes_once_pays_its_top_and_resets_softly(game):
    await players(game, 1, 2, 3)
    await game.empower(1)
    await fight(game, 1, 2)
    await fight(game, 1, 3)
    assert (await game.api.close_arena_season()).closed is None  # not over yet
    season = (await game.api.arena(player_id=1)).season
    rating = (await game.api.arena(player_id=1)).me.rating
    gold = [await game.gold(p) for p in (1, 2, 3)]
    game.clock.set(rules.season_ends(season) + 60)
    report = await game.api.close_arena_season()
    assert report.closed == season and report.season == season + 1
    top = report.prizes[0]
    assert (top.player_id, top.rank, top.gold) == (1, 1, rules.prize(1))
    assert await game.gold(1) - gold[0] == rules.prize(1)
    assert sum(p.gold for p in report.prizes) == sum(rules.prize(r) for r in range(1, 4))
    again = await game.api.close_arena_season()
    assert again.closed is None and [await game.gold(p) for p in (1, 2, 3)] == [
        g + rules.prize(p.rank) for g, p in zip(gold, sorted(report.prizes, key=lambda p: p.player_id), strict=True)
    ]
    me = (await game.api.arena(player_id=1)).me
    assert me.rating == rules.soft_reset(rating) and me.wins == 0 and me.rank is None
    assert (await game.api.arena_ladder()).top == []


async def test_an_arena_win_is_a_point_for_the_winners_guild(game):
    await players(game, 1, 2)
    await game.edit(1, gold=5000)
    await game.api.found_guild(player_id=1, name="Arena Hawks", tag="AH")
    await game.empower(1)
    await fight(game, 1, 2)
    [row] = await game.api.guild_board()
    assert row.arena_points == 1
