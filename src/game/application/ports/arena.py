"""What the arena needs of durable storage: ratings, fights, the season running and its results.
Every method runs inside the unit of work's transaction."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class RatingRecord:
    player_id: int
    rating: int
    games: int  # every arena game ever (the provisional period counts these)
    season_wins: int
    season_losses: int
    day: int  # the day `fights_today` counts
    fights_today: int
    offer_id: int | None  # the opponent found, waiting for the fight
    # Read along (from the character), for the ladder.
    name: str = ""
    class_id: str = ""
    level: int = 0


@dataclass(frozen=True)
class FightRecord:
    id: int
    season: int
    at: float
    challenger_id: int
    defender_id: int
    winner_id: int
    rounds: int
    challenger_before: int
    challenger_after: int
    defender_before: int
    defender_after: int
    avenged: bool = False
    challenger_name: str = ""
    defender_name: str = ""


@dataclass(frozen=True)
class SeasonResult:
    season: int
    player_id: int
    rank: int
    rating: int
    prize: int


class ArenaRepository(Protocol):
    async def season(self, *, start: int, exclusive: bool = False) -> int:
        """The season running, its row locked until the transaction ends: shared by fights (which may run
        side by side), `exclusive` for closing it. Opened at `start` if there was none."""
        ...

    async def set_season(self, season: int) -> None: ...

    async def ensure_rating(self, player_id: int, *, rating: int, day: int) -> None:
        """A rating row for the player if there is none."""
        ...

    async def rating(self, player_id: int, *, for_update: bool = False) -> RatingRecord | None: ...

    async def save_rating(self, record: RatingRecord) -> None: ...

    async def candidates(
        self,
        *,
        rating_low: int,
        rating_high: int,
        level_low: int,
        level_high: int,
        exclude: int,
        limit: int,
        start: int,
    ) -> list[int]:
        """Players in the band (a player never in the arena counts at `start`), `exclude` left out."""
        ...

    async def add_fight(self, fight: FightRecord) -> int:
        """Its `id` is ignored; returns the new one."""
        ...

    async def fights_of(self, player_id: int, *, limit: int) -> list[FightRecord]:
        """As challenger or defender, newest first, with both names."""
        ...

    async def revenge_targets(self, player_id: int, *, since: float) -> list[int]:
        """Challengers who beat the player since then and were not fought back, by id."""
        ...

    async def mark_avenged(self, defender_id: int, challenger_id: int) -> None: ...

    async def ladder(self, *, limit: int) -> list[RatingRecord]:
        """This season's players (a win or a loss), best rating first (then the lower id)."""
        ...

    async def rank_of(self, player_id: int) -> int | None:
        """The player's place on that ladder; None if not on it."""
        ...

    async def add_result(self, result: SeasonResult) -> bool:
        """False if this player's result of that season is there already."""
        ...

    async def reset_season(self, *, start: int) -> None:
        """Every rating halfway back to `start`, the season's tallies cleared (an opponent found stays)."""
        ...
