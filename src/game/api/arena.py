"""The arena through the port: DTOs and refusals of `game.api.ports.arena`.

Times are epoch seconds from the game's clock.
"""

from __future__ import annotations

from game.api.dto import Dto
from game.api.errors import RuleRefused


class ArenaStanding(Dto):
    player_id: int
    name: str
    class_id: str
    level: int
    rating: int
    provisional: bool  # still in the first games, when the rating moves faster
    wins: int  # this season
    losses: int
    rank: int | None  # on this season's ladder; None before a first fight this season
    guild_tag: str | None = None  # shown next to the name


class ArenaOpponent(Dto):
    player_id: int
    name: str
    class_id: str
    level: int
    rating: int


class ArenaFightView(Dto):
    id: int
    season: int
    at: float
    challenger_id: int
    challenger_name: str
    defender_id: int
    defender_name: str
    winner_id: int
    rounds: int
    challenger_change: int
    defender_change: int
    challenger_rating: int  # after the fight
    defender_rating: int


class ArenaView(Dto):
    me: ArenaStanding
    fights_left: int  # today
    daily_cap: int
    season: int
    season_seconds_left: int
    offer: ArenaOpponent | None  # the opponent found for the player, waiting for the fight
    revenge: list[ArenaOpponent]  # who beat the player lately and can be fought back
    recent: list[ArenaFightView]  # the player's latest fights, newest first


class ArenaResult(Dto):
    fight: ArenaFightView
    won: bool
    arena: ArenaView


class ArenaLadder(Dto):
    season: int
    top: list[ArenaStanding]
    me: ArenaStanding | None  # the asking player's own place, wherever it is


class SeasonPrize(Dto):
    player_id: int
    rank: int
    rating: int
    gold: int


class SeasonReport(Dto):
    closed: int | None  # the season closed now; None: none was due
    season: int  # the season running now
    prizes: list[SeasonPrize]


class ArenaRefused(RuleRefused):
    """`details["reason"]`: daily_cap | no_opponent | not_offered | self."""

    code = "arena_refused"
