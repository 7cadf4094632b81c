"""The arena in PostgreSQL: the season's row (shared by fights, exclusive for closing), ratings, fights and
season results."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Integer, Row, and_, cast, func, literal, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.orm import aliased

from game.adapters.orm import arena_fights, arena_ratings, arena_season_results, arena_state, characters
from game.application.ports.arena import FightRecord, RatingRecord, SeasonResult

_STATE_ID = 1
_ON_LADDER = (arena_ratings.c.season_wins + arena_ratings.c.season_losses) > 0


def _rating(row: Row[Any]) -> RatingRecord:
    return RatingRecord(
        player_id=row.player_id,
        rating=row.rating,
        games=row.games,
        season_wins=row.season_wins,
        season_losses=row.season_losses,
        day=row.day,
        fights_today=row.fights_today,
        offer_id=row.offer_id,
        name=row.name,
        class_id=row.class_id,
        level=row.level,
    )


def band_centre(low: int, high: int, start: int) -> int:
    """Candidates nearest the middle of their band come first (the widest band's middle is `start`)."""
    return start if high - low > 10**6 else (low + high) // 2


class SqlArenaRepository:
    def __init__(self, conn: AsyncConnection) -> None:
        self._conn = conn

    # --- the season -------------------------------------------------------------------------------

    async def season(self, *, start: int, exclusive: bool = False) -> int:
        await self._conn.execute(
            pg_insert(arena_state).values(id=_STATE_ID, season=start).on_conflict_do_nothing(index_elements=["id"])
        )
        query = select(arena_state.c.season).where(arena_state.c.id == _STATE_ID)
        query = query.with_for_update() if exclusive else query.with_for_update(read=True)
        return int((await self._conn.execute(query)).scalar_one())

    async def set_season(self, season: int) -> None:
        await self._conn.execute(update(arena_state).where(arena_state.c.id == _STATE_ID).values(season=season))

    # --- ratings ----------------------------------------------------------------------------------

    async def ensure_rating(self, player_id: int, *, rating: int, day: int) -> None:
        stmt = pg_insert(arena_ratings).values(player_id=player_id, rating=rating, day=day)
        await self._conn.execute(stmt.on_conflict_do_nothing(index_elements=["player_id"]))

    def _ratings(self) -> Any:
        return select(arena_ratings, characters.c.name, characters.c.class_id, characters.c.level).select_from(
            arena_ratings.join(characters, characters.c.player_id == arena_ratings.c.player_id)
        )

    async def rating(self, player_id: int, *, for_update: bool = False) -> RatingRecord | None:
        query = self._ratings().where(arena_ratings.c.player_id == player_id)
        if for_update:
            query = query.with_for_update(of=arena_ratings)
        row = (await self._conn.execute(query)).first()
        return _rating(row) if row else None

    async def save_rating(self, record: RatingRecord) -> None:
        await self._conn.execute(
            update(arena_ratings)
            .where(arena_ratings.c.player_id == record.player_id)
            .values(
                rating=record.rating,
                games=record.games,
                season_wins=record.season_wins,
                season_losses=record.season_losses,
                day=record.day,
                fights_today=record.fights_today,
                offer_id=record.offer_id,
            )
        )

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
        rating = func.coalesce(arena_ratings.c.rating, literal(start))
        query = (
            select(characters.c.player_id)
            .select_from(characters.outerjoin(arena_ratings, arena_ratings.c.player_id == characters.c.player_id))
            .where(
                characters.c.player_id != exclude,
                rating.between(rating_low, rating_high),
                characters.c.level.between(level_low, level_high),
            )
            .order_by(func.abs(rating - literal(band_centre(rating_low, rating_high, start))), characters.c.player_id)
            .limit(limit)
        )
        return list((await self._conn.execute(query)).scalars())

    # --- fights -----------------------------------------------------------------------------------

    async def add_fight(self, fight: FightRecord) -> int:
        stmt = (
            arena_fights.insert()
            .values(
                season=fight.season,
                at=fight.at,
                challenger_id=fight.challenger_id,
                defender_id=fight.defender_id,
                winner_id=fight.winner_id,
                rounds=fight.rounds,
                challenger_before=fight.challenger_before,
                challenger_after=fight.challenger_after,
                defender_before=fight.defender_before,
                defender_after=fight.defender_after,
                avenged=fight.avenged,
            )
            .returning(arena_fights.c.id)
        )
        return int((await self._conn.execute(stmt)).scalar_one())

    async def fights_of(self, player_id: int, *, limit: int) -> list[FightRecord]:
        f = arena_fights
        c1, c2 = aliased(characters), aliased(characters)
        query = (
            select(f, c1.c.name.label("challenger_name"), c2.c.name.label("defender_name"))
            .select_from(f.join(c1, c1.c.player_id == f.c.challenger_id).join(c2, c2.c.player_id == f.c.defender_id))
            .where(or_(f.c.challenger_id == player_id, f.c.defender_id == player_id))
            .order_by(f.c.id.desc())
            .limit(limit)
        )
        return [
            FightRecord(
                id=r.id,
                season=r.season,
                at=r.at,
                challenger_id=r.challenger_id,
                defender_id=r.defender_id,
                winner_id=r.winner_id,
                rounds=r.rounds,
                challenger_before=r.challenger_before,
                challenger_after=r.challenger_after,
                defender_before=r.defender_before,
                defender_after=r.defender_after,
                avenged=r.avenged,
                challenger_name=r.challenger_name,
                defender_name=r.defender_name,
            )
            for r in await self._conn.execute(query)
        ]

    async def revenge_targets(self, player_id: int, *, since: float) -> list[int]:
        f = arena_fights
        query = (
            select(f.c.challenger_id)
            .where(
                f.c.defender_id == player_id,
                f.c.winner_id == f.c.challenger_id,
                f.c.at >= since,
                f.c.avenged.is_(False),
            )
            .distinct()
            .order_by(f.c.challenger_id)
        )
        return list((await self._conn.execute(query)).scalars())

    async def mark_avenged(self, defender_id: int, challenger_id: int) -> None:
        f = arena_fights
        await self._conn.execute(
            update(f)
            .where(and_(f.c.defender_id == defender_id, f.c.challenger_id == challenger_id, f.c.avenged.is_(False)))
            .values(avenged=True)
        )

    # --- the ladder and the season's end ------------------------------------------------------------

    async def ladder(self, *, limit: int) -> list[RatingRecord]:
        query = (
            self._ratings()
            .where(_ON_LADDER)
            .order_by(arena_ratings.c.rating.desc(), arena_ratings.c.player_id)
            .limit(limit)
        )
        return [_rating(row) for row in await self._conn.execute(query)]

    async def rank_of(self, player_id: int) -> int | None:
        mine = (
            await self._conn.execute(
                select(arena_ratings.c.rating).where(arena_ratings.c.player_id == player_id, _ON_LADDER)
            )
        ).scalar_one_or_none()
        if mine is None:
            return None
        ahead = select(func.count()).where(
            _ON_LADDER,
            or_(
                arena_ratings.c.rating > mine,
                and_(arena_ratings.c.rating == mine, arena_ratings.c.player_id < player_id),
            ),
        )
        return int((await self._conn.execute(ahead)).scalar_one()) + 1

    async def add_result(self, result: SeasonResult) -> bool:
        stmt = (
            pg_insert(arena_season_results)
            .values(
                season=result.season,
                player_id=result.player_id,
                rank=result.rank,
                rating=result.rating,
                prize=result.prize,
            )
            .on_conflict_do_nothing()
            .returning(arena_season_results.c.player_id)
        )
        return (await self._conn.execute(stmt)).first() is not None

    async def reset_season(self, *, start: int) -> None:
        r = arena_ratings
        await self._conn.execute(
            update(r).values(
                # Halfway back, rounded toward `start` as `arena.soft_reset` does.
                rating=start + cast(func.trunc((r.c.rating - start) / 2.0), Integer),
                season_wins=0,
                season_losses=0,
            )
        )
