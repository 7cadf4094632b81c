"""`ArenaRepository` in memory, with the semantics of `game/adapters/sql_arena.py` (checked against it by
tests/contract/test_driven_ports.py).

The season's row is locked exclusively even where PostgreSQL shares it among fights (this fake has no
shared locks): fights here queue where PostgreSQL lets them run side by side, with the same outcome.
"""

from __future__ import annotations

from dataclasses import replace

from game.application.ports.arena import FightRecord, RatingRecord, SeasonResult
from game.domain.arena import soft_reset
from tests.fakes.database import Transaction

_STATE = "arena_state"


def band_centre(low: int, high: int, start: int) -> int:
    return start if high - low > 10**6 else (low + high) // 2


class FakeArenaRepository:
    def __init__(self, tx: Transaction) -> None:
        self._tx = tx

    # --- the season -------------------------------------------------------------------------------

    async def season(self, *, start: int, exclusive: bool = False) -> int:
        if self._tx.row(_STATE, 1) is None:
            self._tx.write(_STATE, 1, start)
        await self._tx.lock(_STATE, 1)
        return int(self._tx.row(_STATE, 1))

    async def set_season(self, season: int) -> None:
        self._tx.write(_STATE, 1, season)

    # --- ratings ----------------------------------------------------------------------------------

    async def ensure_rating(self, player_id: int, *, rating: int, day: int) -> None:
        await self._tx.lock("arena_ratings", player_id)  # an INSERT waits for another inserting the same key
        if self._tx.row("arena_ratings", player_id) is None:
            self._tx.write("arena_ratings", player_id, RatingRecord(player_id, rating, 0, 0, 0, day, 0, None))

    def _named(self, record: RatingRecord) -> RatingRecord:
        c = self._tx.row("characters", record.player_id).character
        return replace(record, name=c.name, class_id=c.class_id, level=c.level)

    async def rating(self, player_id: int, *, for_update: bool = False) -> RatingRecord | None:
        if for_update and self._tx.row("arena_ratings", player_id) is not None:
            await self._tx.lock("arena_ratings", player_id)
        row = self._tx.row("arena_ratings", player_id)
        return self._named(row) if row else None

    async def save_rating(self, record: RatingRecord) -> None:
        if self._tx.row("arena_ratings", record.player_id) is None:
            return
        await self._tx.lock("arena_ratings", record.player_id)
        self._tx.write("arena_ratings", record.player_id, replace(record, name="", class_id="", level=0))

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
        found = []
        for pid, row in self._tx.rows("characters").items():
            rated = self._tx.row("arena_ratings", pid)
            rating = rated.rating if rated else start
            if (
                pid != exclude
                and rating_low <= rating <= rating_high
                and level_low <= row.character.level <= level_high
            ):
                found.append((abs(rating - band_centre(rating_low, rating_high, start)), pid))
        return [pid for _, pid in sorted(found)[:limit]]

    # --- fights -----------------------------------------------------------------------------------

    async def add_fight(self, fight: FightRecord) -> int:
        fight_id = self._tx.db.next_sequence()
        self._tx.write("arena_fights", fight_id, replace(fight, id=fight_id, challenger_name="", defender_name=""))
        return fight_id

    async def fights_of(self, player_id: int, *, limit: int) -> list[FightRecord]:
        mine = [f for f in self._tx.rows("arena_fights").values() if player_id in (f.challenger_id, f.defender_id)]
        mine.sort(key=lambda f: -f.id)

        def name(pid: int) -> str:
            return str(self._tx.row("characters", pid).character.name)

        return [
            replace(f, challenger_name=name(f.challenger_id), defender_name=name(f.defender_id)) for f in mine[:limit]
        ]

    async def revenge_targets(self, player_id: int, *, since: float) -> list[int]:
        return sorted(
            {
                f.challenger_id
                for f in self._tx.rows("arena_fights").values()
                if f.defender_id == player_id and f.winner_id == f.challenger_id and f.at >= since and not f.avenged
            }
        )

    async def mark_avenged(self, defender_id: int, challenger_id: int) -> None:
        for key, f in self._tx.rows("arena_fights").items():
            if f.defender_id == defender_id and f.challenger_id == challenger_id and not f.avenged:
                self._tx.write("arena_fights", key, replace(f, avenged=True))

    # --- the ladder and the season's end ------------------------------------------------------------

    def _on_ladder(self) -> list[RatingRecord]:
        rows = [r for r in self._tx.rows("arena_ratings").values() if r.season_wins + r.season_losses > 0]
        return sorted(rows, key=lambda r: (-r.rating, r.player_id))

    async def ladder(self, *, limit: int) -> list[RatingRecord]:
        return [self._named(r) for r in self._on_ladder()[:limit]]

    async def rank_of(self, player_id: int) -> int | None:
        for rank, r in enumerate(self._on_ladder(), start=1):
            if r.player_id == player_id:
                return rank
        return None

    async def add_result(self, result: SeasonResult) -> bool:
        key = (result.season, result.player_id)
        if self._tx.row("arena_results", key) is not None:
            return False
        self._tx.write("arena_results", key, result)
        return True

    async def reset_season(self, *, start: int) -> None:
        for pid, r in self._tx.rows("arena_ratings").items():
            reset = replace(r, rating=soft_reset(r.rating), season_wins=0, season_losses=0)
            self._tx.write("arena_ratings", pid, reset)
