"""Driven ports of rifts and world bosses: durable records (PostgreSQL) and the live boss pool (Redis)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from game.api.kinds import BossStatus, RiftStatus
from game.domain.rifts import RiftRun


@dataclass(frozen=True)
class RiftRecord:
    """An opened rift: everything else about it is regenerated from the seed."""

    id: str
    location_id: str
    tier: int
    template_id: str
    seed: int
    opened_at: float
    closes_at: float
    status: RiftStatus


@dataclass(frozen=True)
class BossRecord:
    id: str
    boss_def_id: str
    monster_id: str
    location_id: str
    level: int
    max_hp: int
    hp_left: int  # as of the last checkpoint, or final once ended
    cooldown_ms: int
    spawned_at: float
    deadline: float
    status: BossStatus
    killer_id: int | None = None
    announced: bool = False  # the end was published (after every payout)
    tallied: bool = False  # its final tallies and leaderboard totals were recorded (once ended)


@dataclass(frozen=True)
class BossLeaderRecord:
    player_id: int
    name: str
    class_id: str
    level: int
    damage: int


@dataclass(frozen=True)
class BossDamageRow:
    player_id: int
    damage: int
    paid: bool


class WorldRepository(Protocol):
    """Rifts, rift runs and world bosses, inside the unit of work's transaction."""

    # rifts
    async def add_rift(self, rift: RiftRecord) -> None: ...

    async def get_rift(self, rift_id: str) -> RiftRecord | None: ...

    async def open_rifts(self) -> list[RiftRecord]: ...

    async def expired_rifts(self, now: float) -> list[RiftRecord]:
        """Open rifts whose time has run out."""
        ...

    async def collapse_rift(self, rift_id: str, now: float) -> list[int] | None:
        """Close the rift and end its active runs (status `collapsed`); the evicted players, or None if
        it was not open any more (another replica got there first)."""
        ...

    # runs
    async def active_run(self, player_id: int, *, for_update: bool = False) -> RiftRun | None: ...

    async def last_run(self, player_id: int) -> RiftRun | None:
        """The most recent run, active or ended."""
        ...

    async def add_run(self, run: RiftRun, now: float) -> bool:
        """False if the player is already in an active run (a unique index has the last word)."""
        ...

    async def save_run(self, run: RiftRun, now: float) -> None: ...

    # world bosses
    async def add_boss(self, boss: BossRecord) -> bool:
        """False if a boss is already alive in that location."""
        ...

    async def get_boss(self, boss_id: str) -> BossRecord | None: ...

    async def alive_bosses(self) -> list[BossRecord]: ...

    async def unannounced_bosses(self) -> list[BossRecord]:
        """Ended bosses not yet settled: tallies, payouts or the announcement still to do (oldest end first)."""
        ...

    async def checkpoint_boss(
        self, boss_id: str, hp_left: int, damage: Mapping[int, int], *, max_hp: int | None = None
    ) -> None:
        """Record the live pool and tallies of an alive boss (what a lost Redis is rebuilt from)."""
        ...

    async def boss_damage(self, boss_id: str) -> list[BossDamageRow]: ...

    async def end_boss(
        self, boss_id: str, *, status: BossStatus, hp_left: int, killer_id: int | None, now: float
    ) -> bool:
        """Record that an alive boss ended (one row: cheap enough for the blow that kills it); its settlement
        is due from then on. False if it had already ended."""
        ...

    async def tally_boss(self, boss_id: str, damage: Mapping[int, int], *, max_hp: int | None = None) -> bool:
        """Record an ended boss's final tallies and add them to each player's leaderboard total, once
        (False if already done). Players no longer registered are left out."""
        ...

    async def mark_paid(self, boss_id: str, player_ids: Sequence[int]) -> None: ...

    async def mark_announced(self, boss_id: str) -> bool:
        """True for the one caller that flips it."""
        ...

    async def top_boss_damage(self, limit: int) -> list[BossLeaderRecord]: ...


@dataclass(frozen=True)
class BossLive:
    hp: int
    max_hp: int
    status: BossStatus
    killer_id: int | None


@dataclass(frozen=True)
class BossStanding:
    """What a boss screen shows of the live pool, read at one instant: the top of the ranking, how many
    fought, and one player's damage, place and cooldown. `live` None: Redis does not hold the boss."""

    live: BossLive | None
    top: tuple[tuple[int, int], ...] = ()  # (player id, damage), most damage first; ties go to the lower id
    fighters: int = 0  # players who dealt any damage
    damage: int = 0  # the player's own
    rank: int | None = None  # the player's place (1 is first), None if they dealt none
    cooldown_ms: int = 0  # the player's cooldown left (0 once the boss ended)


AttackStatus = Literal["ok", "cooldown", "defeated", "escaped", "expired", "missing"]


@dataclass(frozen=True)
class AttackOutcome:
    status: AttackStatus
    dealt: int = 0
    hp_left: int = 0
    killed: bool = False
    player_total: int = 0
    cooldown_left_ms: int = 0


class BossArena(Protocol):
    """The live HP pool of world bosses, shared by every process; each call is atomic."""

    async def create(self, boss: BossRecord, damage: Mapping[int, int] | None = None, *, hp: int | None = None) -> bool:
        """Put the boss up (with tallies and HP when restoring a checkpoint); False if it already exists."""
        ...

    async def attack(self, boss_id: str, player_id: int, damage: int, *, now: float, join_hp: int = 0) -> AttackOutcome:
        """Check the cooldown, take up to `damage` off the pool (never below 0), add it to the player's
        tally, start the cooldown, and say whether this blow killed it — as one step. A player's first blow
        at a boss others already fight first adds `join_hp` to the pool and its maximum; the very first
        fighter's `join_hp` replaces the HP it has left (what it took stays taken)."""
        ...

    async def state(self, boss_id: str) -> BossLive | None: ...

    async def snapshot(self, boss_id: str) -> tuple[BossLive | None, dict[int, int]]:
        """The pool and every tally, read at one instant (they always add up)."""
        ...

    async def standing(self, boss_id: str, player_id: int | None, *, top: int) -> BossStanding:
        """The boss, the `top` of its damage ranking, the count of fighters and `player_id`'s own damage,
        place and cooldown, read at one instant, at a cost that does not grow with the crowd."""
        ...

    async def player_status(self, boss_id: str, player_id: int) -> tuple[int, int]:
        """(damage dealt so far, cooldown left in ms)."""
        ...

    async def escape(self, boss_id: str) -> str | None:
        """Mark an alive boss escaped; returns the final status (or None if Redis lost it)."""
        ...

    async def forget(self, boss_id: str) -> None:
        """Drop the live state of a settled boss."""
        ...
