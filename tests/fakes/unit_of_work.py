"""The unit of work and its repositories in memory, with the semantics of `game/adapters/sql_unit_of_work.py`,
`sql_settings.py` and `sql_world.py` (checked against them by tests/contract/test_driven_ports.py).

    uow_factory = FakeUnitOfWorkFactory()          # its `db` is what PostgreSQL would hold
    async with uow_factory() as uow:
        ...
        await uow.commit()                         # leave without it and nothing happened
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Self

from game.api import AlreadyRegistered, NameTaken
from game.api.kinds import BossStatus
from game.application.ports.unit_of_work import LeaderRecord, PlayerRecord, SavedHotState
from game.application.ports.world_events import BossDamageRow, BossLeaderRecord, BossRecord, RiftRecord
from game.domain.character import Character, HotState
from game.domain.equipment import Equipment
from game.domain.inventory import Inventory
from game.domain.rifts import RiftRun
from tests.fakes.arena import FakeArenaRepository
from tests.fakes.database import FakeDatabase, Transaction
from tests.fakes.exchange import FakeExchangeRepository
from tests.fakes.guilds import FakeGuildRepository


@dataclass(frozen=True)
class CharacterRow:
    character: Character
    name_key: str
    version: int
    created: int  # insertion order, as `created_at`


@dataclass(frozen=True)
class SettingsRow:
    muted: frozenset[str] = frozenset()
    reachable: bool = True


@dataclass(frozen=True)
class RunRow:
    run: RiftRun
    updated_at: float
    written: int  # write order, to break ties of `updated_at`


@dataclass(frozen=True)
class DamageTotal:
    damage: int
    bosses: int


class FakeCharacterRepository:
    def __init__(self, tx: Transaction) -> None:
        self._tx = tx

    async def get(self, player_id: int) -> Character | None:
        row = self._tx.row("characters", player_id)
        return row.character if row else None

    async def load(self, player_id: int, *, for_update: bool = False) -> PlayerRecord | None:
        if for_update:
            await self._tx.lock("characters", player_id)
        row = self._tx.row("characters", player_id)
        if row is None:
            return None
        return PlayerRecord(
            character=row.character,
            version=row.version,
            inventory=Inventory(items=self._owned("inventory", player_id)),
            equipment=Equipment(slots=self._owned("equipment", player_id)),
            skills=frozenset(self._owned("skills", player_id)),
        )

    def _owned(self, table: str, player_id: int) -> dict:
        return {key[1]: value for key, value in sorted(self._tx.rows(table).items()) if key[0] == player_id}

    async def save(self, before: PlayerRecord, after: PlayerRecord) -> int:
        pid = after.character.player_id
        await self._tx.lock("characters", pid)  # an UPDATE locks the row it changes
        row = self._tx.row("characters", pid)
        if row is None:
            raise LookupError(f"no character {pid}")
        # Everything that changes about a character; its id, name and class never do.
        c = after.character
        kept = replace(
            row.character,
            level=c.level,
            xp=c.xp,
            gold=c.gold,
            stats=c.stats,
            stat_points=c.stat_points,
            skill_points=c.skill_points,
        )
        version = row.version + 1
        self._tx.write("characters", pid, replace(row, character=kept, version=version))
        # Only what differs between `before` and `after` is written, as the SQL adapter does.
        self._sync("inventory", pid, before.inventory.items, after.inventory.items)
        self._sync("equipment", pid, before.equipment.slots, after.equipment.slots)
        for skill_id in after.skills - before.skills:
            self._tx.write("skills", (pid, skill_id), True)
        return version

    def _sync(self, table: str, pid: int, before: Mapping, after: Mapping) -> None:
        for key in before:
            if key not in after:
                self._tx.delete(table, (pid, key))
        for key, value in after.items():
            if before.get(key) != value:
                self._tx.write(table, (pid, key), value)

    async def claim(self, player_id: int, source_id: str) -> bool:
        if source_id.startswith(self._tx.db.failing_claims):
            raise ConnectionError(f"storage went away while paying {source_id}")
        if self._tx.row("claims", (player_id, source_id)) is not None:
            return False
        self._tx.write("claims", (player_id, source_id), self._tx.db.now())  # when it was claimed
        return True

    async def claim_and_load(self, player_id: int, source_id: str) -> tuple[bool, PlayerRecord | None]:
        if not await self.claim(player_id, source_id):
            return False, None
        return True, await self.load(player_id, for_update=True)

    async def names(self, player_ids: Collection[int]) -> dict[int, str]:
        rows = {pid: self._tx.row("characters", pid) for pid in set(player_ids)}
        return {pid: row.character.name for pid, row in rows.items() if row is not None}

    async def load_many(self, player_ids: Collection[int], *, for_update: bool = False) -> dict[int, PlayerRecord]:
        loaded = {}
        for pid in sorted(set(player_ids)):  # locked in id order
            record = await self.load(pid, for_update=for_update)
            if record is not None:
                loaded[pid] = record
        return loaded

    async def claim_many(self, source_id: str, player_ids: Collection[int]) -> set[int]:
        return {pid for pid in sorted(set(player_ids)) if await self.claim(pid, source_id)}

    async def save_many(self, changes: Sequence[tuple[PlayerRecord, PlayerRecord]]) -> dict[int, int]:
        return {
            after.character.player_id: await self.save(before, after)
            for before, after in sorted(changes, key=lambda change: change[1].character.player_id)
        }

    async def name_taken(self, name_key: str) -> bool:
        return await self.id_by_name(name_key) is not None

    async def id_by_name(self, name_key: str) -> int | None:
        for pid, row in self._tx.rows("characters").items():
            if row.name_key == name_key:
                return pid
        return None

    async def add(self, character: Character, *, name_key: str, hot: HotState) -> None:
        if self._tx.row("characters", character.player_id) is not None:
            raise AlreadyRegistered("this player already has a character")
        if await self.name_taken(name_key):
            raise NameTaken("that name is taken", name=character.name)
        row = CharacterRow(character, name_key, version=0, created=self._tx.db.next_sequence())
        self._tx.write("characters", character.player_id, row)
        self._tx.write("accounts", character.player_id, SavedHotState(state=saved(hot), fight=None))

    async def get_saved_hot_state(self, player_id: int) -> SavedHotState | None:
        return self._tx.row("accounts", player_id)

    async def top_by_level(self, limit: int) -> list[LeaderRecord]:
        rows = sorted(
            self._tx.rows("characters").values(), key=lambda r: (-r.character.level, -r.character.xp, r.created)
        )
        leaders = [r.character for r in rows[:limit]]
        return [LeaderRecord(c.player_id, c.name, c.class_id, c.level, c.xp) for c in leaders]


class FakeSettingsRepository:
    def __init__(self, tx: Transaction) -> None:
        self._tx = tx

    async def muted(self, player_id: int) -> frozenset[str]:
        row = self._tx.row("settings", player_id)
        return row.muted if row else frozenset()

    async def set_muted(self, player_id: int, muted: frozenset[str]) -> None:
        row = self._tx.row("settings", player_id) or SettingsRow()
        self._tx.write("settings", player_id, replace(row, muted=frozenset(muted)))

    async def set_reachable(self, player_id: int, reachable: bool) -> None:
        row = self._tx.row("settings", player_id) or SettingsRow()
        self._tx.write("settings", player_id, replace(row, reachable=reachable))

    async def recipients(self, category: str, *, after: int, limit: int) -> list[int]:
        def wanted(pid: int) -> bool:
            row = self._tx.row("settings", pid) or SettingsRow()
            return row.reachable and (category == "everyone" or category not in row.muted)

        return [pid for pid in sorted(self._tx.rows("characters")) if pid > after and wanted(pid)][:limit]


class FakeWorldRepository:
    def __init__(self, tx: Transaction) -> None:
        self._tx = tx

    # --- rifts --------------------------------------------------------------------------------

    async def add_rift(self, rift: RiftRecord) -> None:
        if self._tx.row("rifts", rift.id) is not None:
            raise KeyError(f"rift {rift.id} exists")
        self._tx.write("rifts", rift.id, rift)

    async def get_rift(self, rift_id: str) -> RiftRecord | None:
        return self._tx.row("rifts", rift_id)

    async def open_rifts(self) -> list[RiftRecord]:
        found = [r for r in self._tx.rows("rifts").values() if r.status == "open"]
        return sorted(found, key=lambda r: (r.closes_at, r.id))

    async def expired_rifts(self, now: float) -> list[RiftRecord]:
        return [r for r in await self.open_rifts() if r.closes_at <= now]

    async def collapse_rift(self, rift_id: str, now: float) -> list[int] | None:
        rift = self._tx.row("rifts", rift_id)
        if rift is None or rift.status != "open":
            return None
        self._tx.write("rifts", rift_id, replace(rift, status="collapsed"))
        evicted = []
        for (rid, pid), row in self._tx.rows("runs").items():
            if rid == rift_id and row.run.status == "active":
                self._write_run(replace(row.run, status="collapsed", fighting=False), now)
                evicted.append(pid)
        return sorted(evicted)

    # --- runs ---------------------------------------------------------------------------------

    async def active_run(self, player_id: int, *, for_update: bool = False) -> RiftRun | None:
        for (rift_id, pid), row in self._tx.rows("runs").items():
            if pid == player_id and row.run.status == "active":
                if for_update:
                    await self._tx.lock("runs", (rift_id, pid))
                    return await self.active_run(player_id)  # as it is once the lock is ours
                return _copy(row.run)
        return None

    async def last_run(self, player_id: int) -> RiftRun | None:
        mine = [row for (_, pid), row in self._tx.rows("runs").items() if pid == player_id]
        if not mine:
            return None
        return _copy(max(mine, key=lambda r: (r.updated_at, r.written)).run)

    async def add_run(self, run: RiftRun, now: float) -> bool:
        if self._tx.row("runs", (run.rift_id, run.player_id)) is not None:
            return False  # this rift was walked already
        if run.status == "active" and await self.active_run(run.player_id) is not None:
            return False  # one active run per player
        self._write_run(run, now)
        return True

    async def save_run(self, run: RiftRun, now: float) -> None:
        if self._tx.row("runs", (run.rift_id, run.player_id)) is None:
            return
        await self._tx.lock("runs", (run.rift_id, run.player_id))
        self._write_run(run, now)

    def _write_run(self, run: RiftRun, now: float) -> None:
        self._tx.write("runs", (run.rift_id, run.player_id), RunRow(_copy(run), now, self._tx.db.next_sequence()))

    # --- world bosses -------------------------------------------------------------------------

    async def add_boss(self, boss: BossRecord) -> bool:
        if self._tx.row("bosses", boss.id) is not None:
            return False
        if boss.status == "alive" and any(b.location_id == boss.location_id for b in await self.alive_bosses()):
            return False  # one alive boss per location
        self._tx.write("bosses", boss.id, replace(boss, killer_id=None, announced=False, tallied=False))
        return True

    async def get_boss(self, boss_id: str) -> BossRecord | None:
        return self._tx.row("bosses", boss_id)

    async def alive_bosses(self) -> list[BossRecord]:
        alive = [b for b in self._tx.rows("bosses").values() if b.status == "alive"]
        return sorted(alive, key=lambda b: b.deadline)

    async def unannounced_bosses(self) -> list[BossRecord]:
        return [b for b in self._tx.rows("bosses").values() if b.status != "alive" and not b.announced]

    async def checkpoint_boss(
        self, boss_id: str, hp_left: int, damage: Mapping[int, int], *, max_hp: int | None = None
    ) -> None:
        boss = self._tx.row("bosses", boss_id)
        if boss is not None and boss.status == "alive":
            grown = boss.max_hp if max_hp is None else max_hp
            self._tx.write("bosses", boss_id, replace(boss, hp_left=hp_left, max_hp=grown))
        self._upsert_damage(boss_id, damage)

    def _upsert_damage(self, boss_id: str, damage: Mapping[int, int]) -> None:
        for pid, dealt in damage.items():
            if dealt > 0:
                row = self._tx.row("boss_damage", (boss_id, pid))
                paid = row.paid if row else False
                self._tx.write("boss_damage", (boss_id, pid), BossDamageRow(pid, dealt, paid))

    async def boss_damage(self, boss_id: str) -> list[BossDamageRow]:
        return [row for (bid, _), row in sorted(self._tx.rows("boss_damage").items()) if bid == boss_id]

    async def end_boss(
        self, boss_id: str, *, status: BossStatus, hp_left: int, killer_id: int | None, now: float
    ) -> bool:
        boss = self._tx.row("bosses", boss_id)
        if boss is None or boss.status != "alive":
            return False
        self._tx.write("bosses", boss_id, replace(boss, status=status, hp_left=hp_left, killer_id=killer_id))
        return True

    async def tally_boss(self, boss_id: str, damage: Mapping[int, int], *, max_hp: int | None = None) -> bool:
        boss = self._tx.row("bosses", boss_id)
        if boss is None or boss.status == "alive" or boss.tallied:
            return False
        grown = boss.max_hp if max_hp is None else max_hp
        self._tx.write("bosses", boss_id, replace(boss, tallied=True, max_hp=grown))
        final = {pid: d for pid, d in damage.items() if d > 0 and self._tx.row("characters", pid) is not None}
        self._upsert_damage(boss_id, final)
        for pid, dealt in final.items():
            total = self._tx.row("boss_totals", pid) or DamageTotal(0, 0)
            self._tx.write("boss_totals", pid, DamageTotal(total.damage + dealt, total.bosses + 1))
        return True

    async def mark_paid(self, boss_id: str, player_ids: Sequence[int]) -> None:
        for player_id in player_ids:
            row = self._tx.row("boss_damage", (boss_id, player_id))
            if row is not None:
                self._tx.write("boss_damage", (boss_id, player_id), replace(row, paid=True))

    async def mark_announced(self, boss_id: str) -> bool:
        boss = self._tx.row("bosses", boss_id)
        if boss is None or boss.announced:
            return False
        self._tx.write("bosses", boss_id, replace(boss, announced=True))
        return True

    async def top_boss_damage(self, limit: int) -> list[BossLeaderRecord]:
        board = []
        for pid, total in self._tx.rows("boss_totals").items():
            row = self._tx.row("characters", pid)
            if row is not None:
                c = row.character
                board.append(BossLeaderRecord(pid, c.name, c.class_id, c.level, total.damage))
        board.sort(key=lambda r: (-r.damage, r.name.lower()))
        return board[:limit]


def saved(state: HotState) -> HotState:
    """What the `accounts` table keeps of a hot state: the fractions of a point regained stay in Redis."""
    return replace(state, hp_carry=0.0, mana_carry=0.0)


def _copy(run: RiftRun) -> RiftRun:
    """Runs carry a mapping: each reader gets its own, as each SELECT does."""
    return replace(run, items=dict(sorted(run.items.items())))


class FakeUnitOfWork:
    """One transaction over a `FakeDatabase`: everything done through it commits together or not at all."""

    def __init__(self, db: FakeDatabase, *, read_only: bool = False) -> None:
        self._db = db
        self._read_only = read_only
        self._tx: Transaction | None = None

    async def __aenter__(self) -> Self:
        self._tx = self._db.transaction(read_only=self._read_only)
        self.characters = FakeCharacterRepository(self._tx)
        self.settings = FakeSettingsRepository(self._tx)
        self.world = FakeWorldRepository(self._tx)
        self.guilds = FakeGuildRepository(self._tx)
        self.arena = FakeArenaRepository(self._tx)
        self.exchange = FakeExchangeRepository(self._tx)
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self._tx is not None
        self._tx.rollback()  # whatever was not committed is dropped
        self._tx = None

    async def commit(self) -> None:
        assert self._tx is not None
        self._tx.commit()


class FakeUnitOfWorkFactory:
    """`UnitOfWorkFactory` over one in-memory database (`.db`), shared by every unit of work it opens."""

    def __init__(self, db: FakeDatabase | None = None) -> None:
        self.db = db if db is not None else FakeDatabase()

    def __call__(self, *, read_only: bool = False) -> FakeUnitOfWork:
        return FakeUnitOfWork(self.db, read_only=read_only)
