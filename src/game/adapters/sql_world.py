"""Rifts, rift runs and world bosses on PostgreSQL (SQLAlchemy Core), inside the unit of work's transaction."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Row, func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncConnection

from game.adapters.orm import boss_damage, boss_damage_totals, characters, rift_runs, rifts, world_bosses
from game.api.kinds import BossStatus
from game.application.ports.world_events import BossDamageRow, BossLeaderRecord, BossRecord, RiftRecord
from game.domain.rifts import RiftRun


def _rift(row: Row[Any]) -> RiftRecord:
    return RiftRecord(
        id=row.id,
        location_id=row.location_id,
        tier=row.tier,
        template_id=row.template_id,
        seed=row.seed,
        opened_at=row.opened_at,
        closes_at=row.closes_at,
        status=row.status,
    )


def _run(row: Row[Any]) -> RiftRun:
    return RiftRun(
        rift_id=row.rift_id,
        player_id=row.player_id,
        floor=row.floor,
        step=row.step,
        status=row.status,
        fighting=row.fighting,
        gold=row.gold,
        items={k: int(v) for k, v in (row.items or {}).items()},
        reward_paid=row.reward_paid,
        fights_xp=row.fights_xp,
        fights_gold=row.fights_gold,
        fights_items={k: int(v) for k, v in (row.fights_items or {}).items()},
    )


def _boss(row: Row[Any]) -> BossRecord:
    return BossRecord(
        id=row.id,
        boss_def_id=row.boss_def_id,
        monster_id=row.monster_id,
        location_id=row.location_id,
        level=row.level,
        max_hp=row.max_hp,
        hp_left=row.hp_left,
        cooldown_ms=row.cooldown_ms,
        spawned_at=row.spawned_at,
        deadline=row.deadline,
        status=row.status,
        killer_id=row.killer_id,
        announced=row.announced,
        tallied=row.tallied,
    )


def _run_values(run: RiftRun) -> dict[str, object]:
    return {
        "floor": run.floor,
        "step": run.step,
        "status": run.status,
        "fighting": run.fighting,
        "gold": run.gold,
        "items": dict(sorted(run.items.items())),
        "reward_paid": run.reward_paid,
        "fights_xp": run.fights_xp,
        "fights_gold": run.fights_gold,
        "fights_items": dict(sorted(run.fights_items.items())),
    }


class SqlWorldRepository:
    def __init__(self, conn: AsyncConnection) -> None:
        self._conn = conn

    # --- rifts --------------------------------------------------------------------------------

    async def add_rift(self, rift: RiftRecord) -> None:
        await self._conn.execute(
            pg_insert(rifts).values(
                id=rift.id,
                location_id=rift.location_id,
                tier=rift.tier,
                template_id=rift.template_id,
                seed=rift.seed,
                opened_at=rift.opened_at,
                closes_at=rift.closes_at,
                status=rift.status,
            )
        )

    async def get_rift(self, rift_id: str) -> RiftRecord | None:
        row = (await self._conn.execute(select(rifts).where(rifts.c.id == rift_id))).first()
        return _rift(row) if row else None

    async def open_rifts(self) -> list[RiftRecord]:
        query = select(rifts).where(rifts.c.status == "open").order_by(rifts.c.closes_at, rifts.c.id)
        return [_rift(r) for r in await self._conn.execute(query)]

    async def expired_rifts(self, now: float) -> list[RiftRecord]:
        query = select(rifts).where(rifts.c.status == "open", rifts.c.closes_at <= now).order_by(rifts.c.closes_at)
        return [_rift(r) for r in await self._conn.execute(query)]

    async def collapse_rift(self, rift_id: str, now: float) -> list[int] | None:
        closed = await self._conn.execute(
            update(rifts)
            .where(rifts.c.id == rift_id, rifts.c.status == "open")
            .values(status="collapsed", collapsed_at=now)
            .returning(rifts.c.id)
        )
        if closed.first() is None:
            return None
        evicted = await self._conn.execute(
            update(rift_runs)
            .where(rift_runs.c.rift_id == rift_id, rift_runs.c.status == "active")
            .values(status="collapsed", fighting=False, updated_at=now)
            .returning(rift_runs.c.player_id)
        )
        return sorted(evicted.scalars())

    # --- runs ---------------------------------------------------------------------------------

    async def active_run(self, player_id: int, *, for_update: bool = False) -> RiftRun | None:
        query = select(rift_runs).where(rift_runs.c.player_id == player_id, rift_runs.c.status == "active")
        if for_update:
            query = query.with_for_update()
        row = (await self._conn.execute(query)).first()
        return _run(row) if row else None

    async def last_run(self, player_id: int) -> RiftRun | None:
        query = (
            select(rift_runs).where(rift_runs.c.player_id == player_id).order_by(rift_runs.c.updated_at.desc()).limit(1)
        )
        row = (await self._conn.execute(query)).first()
        return _run(row) if row else None

    async def add_run(self, run: RiftRun, now: float) -> bool:
        stmt = (
            pg_insert(rift_runs)
            .values(rift_id=run.rift_id, player_id=run.player_id, entered_at=now, updated_at=now, **_run_values(run))
            .on_conflict_do_nothing()
            .returning(rift_runs.c.player_id)
        )
        return (await self._conn.execute(stmt)).first() is not None

    async def save_run(self, run: RiftRun, now: float) -> None:
        await self._conn.execute(
            update(rift_runs)
            .where(rift_runs.c.rift_id == run.rift_id, rift_runs.c.player_id == run.player_id)
            .values(updated_at=now, **_run_values(run))
        )

    # --- world bosses -------------------------------------------------------------------------

    async def add_boss(self, boss: BossRecord) -> bool:
        stmt = (
            pg_insert(world_bosses)
            .values(
                id=boss.id,
                boss_def_id=boss.boss_def_id,
                monster_id=boss.monster_id,
                location_id=boss.location_id,
                level=boss.level,
                max_hp=boss.max_hp,
                hp_left=boss.hp_left,
                cooldown_ms=boss.cooldown_ms,
                spawned_at=boss.spawned_at,
                deadline=boss.deadline,
                status=boss.status,
            )
            .on_conflict_do_nothing()
            .returning(world_bosses.c.id)
        )
        return (await self._conn.execute(stmt)).first() is not None

    async def get_boss(self, boss_id: str) -> BossRecord | None:
        row = (await self._conn.execute(select(world_bosses).where(world_bosses.c.id == boss_id))).first()
        return _boss(row) if row else None

    async def alive_bosses(self) -> list[BossRecord]:
        query = select(world_bosses).where(world_bosses.c.status == "alive").order_by(world_bosses.c.deadline)
        return [_boss(r) for r in await self._conn.execute(query)]

    async def unannounced_bosses(self) -> list[BossRecord]:
        query = (
            select(world_bosses)
            .where(world_bosses.c.status != "alive", world_bosses.c.announced.is_(False))
            .order_by(world_bosses.c.ended_at, world_bosses.c.id)
        )
        return [_boss(r) for r in await self._conn.execute(query)]

    async def checkpoint_boss(
        self, boss_id: str, hp_left: int, damage: Mapping[int, int], *, max_hp: int | None = None
    ) -> None:
        grown = {} if max_hp is None else {"max_hp": max_hp}
        await self._conn.execute(
            update(world_bosses)
            .where(world_bosses.c.id == boss_id, world_bosses.c.status == "alive")
            .values(hp_left=hp_left, **grown)
        )
        await self._upsert_damage(boss_id, damage)

    async def _upsert_damage(self, boss_id: str, damage: Mapping[int, int]) -> None:
        rows = [{"boss_id": boss_id, "player_id": pid, "damage": d} for pid, d in sorted(damage.items()) if d > 0]
        for start in range(0, len(rows), 5000):  # well under PostgreSQL's bind-parameter limit
            stmt = pg_insert(boss_damage).values(rows[start : start + 5000])
            await self._conn.execute(
                stmt.on_conflict_do_update(
                    index_elements=["boss_id", "player_id"], set_={"damage": stmt.excluded.damage}
                )
            )

    async def boss_damage(self, boss_id: str) -> list[BossDamageRow]:
        query = (
            select(boss_damage.c.player_id, boss_damage.c.damage, boss_damage.c.paid)
            .where(boss_damage.c.boss_id == boss_id)
            .order_by(boss_damage.c.player_id)
        )
        return [BossDamageRow(*row) for row in await self._conn.execute(query)]

    async def end_boss(
        self, boss_id: str, *, status: BossStatus, hp_left: int, killer_id: int | None, now: float
    ) -> bool:
        ended = await self._conn.execute(
            update(world_bosses)
            .where(world_bosses.c.id == boss_id, world_bosses.c.status == "alive")
            .values(status=status, hp_left=hp_left, killer_id=killer_id, ended_at=now)
            .returning(world_bosses.c.id)
        )
        return ended.first() is not None

    async def tally_boss(self, boss_id: str, damage: Mapping[int, int], *, max_hp: int | None = None) -> bool:
        # The flag flips in the transaction that writes the tallies: a second settler waits for it, then skips.
        grown = {} if max_hp is None else {"max_hp": max_hp}
        flipped = await self._conn.execute(
            update(world_bosses)
            .where(world_bosses.c.id == boss_id, world_bosses.c.status != "alive", world_bosses.c.tallied.is_(False))
            .values(tallied=True, **grown)
            .returning(world_bosses.c.id)
        )
        if flipped.first() is None:
            return False
        ids = sorted(pid for pid, d in damage.items() if d > 0)
        known: set[int] = set()
        for start in range(0, len(ids), 5000):
            query = select(characters.c.player_id).where(characters.c.player_id.in_(ids[start : start + 5000]))
            known.update((await self._conn.execute(query)).scalars())
        final = {pid: damage[pid] for pid in ids if pid in known}  # a character deleted meanwhile is left out
        await self._upsert_damage(boss_id, final)
        rows = [{"player_id": pid, "damage": d, "bosses": 1} for pid, d in sorted(final.items())]
        for start in range(0, len(rows), 5000):
            stmt = pg_insert(boss_damage_totals).values(rows[start : start + 5000])
            await self._conn.execute(
                stmt.on_conflict_do_update(
                    index_elements=["player_id"],
                    set_={
                        "damage": boss_damage_totals.c.damage + stmt.excluded.damage,
                        "bosses": boss_damage_totals.c.bosses + 1,
                    },
                )
            )
        return True

    async def mark_paid(self, boss_id: str, player_ids: Sequence[int]) -> None:
        if not player_ids:
            return
        await self._conn.execute(
            update(boss_damage)
            .where(boss_damage.c.boss_id == boss_id, boss_damage.c.player_id.in_(sorted(player_ids)))
            .values(paid=True)
        )

    async def mark_announced(self, boss_id: str) -> bool:
        flipped = await self._conn.execute(
            update(world_bosses)
            .where(world_bosses.c.id == boss_id, world_bosses.c.announced.is_(False))
            .values(announced=True)
            .returning(world_bosses.c.id)
        )
        return flipped.first() is not None

    async def top_boss_damage(self, limit: int) -> list[BossLeaderRecord]:
        query = (
            select(
                characters.c.player_id,
                characters.c.name,
                characters.c.class_id,
                characters.c.level,
                boss_damage_totals.c.damage,
            )
            .join(characters, characters.c.player_id == boss_damage_totals.c.player_id)
            .order_by(boss_damage_totals.c.damage.desc(), func.lower(characters.c.name))
            .limit(limit)
        )
        return [BossLeaderRecord(*row) for row in await self._conn.execute(query)]
