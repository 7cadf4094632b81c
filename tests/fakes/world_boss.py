"""The live HP pool of world bosses in memory, with the semantics of `game/adapters/redis_world_boss.py`.

Each call runs to its end without yielding, as each Lua script does in Redis: the pool never goes
below 0, the tallies add up to the HP lost, and exactly one blow kills. Cooldowns are measured on the
game's clock (`now` of the attack, `clock` for `player_status`), so a test moves them on by advancing it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from game.application.ports.world_events import AttackOutcome, BossLive, BossRecord, BossStanding
from shared.ports import Clock


@dataclass
class _Pool:
    hp: int
    max_hp: int
    status: str
    deadline: float
    cooldown_ms: int
    killer_id: int | None = None
    damage: dict[int, int] = field(default_factory=dict)
    ready_at: dict[int, float] = field(default_factory=dict)  # when each attacker's cooldown ends

    def live(self) -> BossLive:
        return BossLive(hp=self.hp, max_hp=self.max_hp, status=self.status, killer_id=self.killer_id)


class FakeBossArena:
    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._pools: dict[str, _Pool] = {}

    async def create(self, boss: BossRecord, damage: Mapping[int, int] | None = None, *, hp: int | None = None) -> bool:
        if boss.id in self._pools:
            return False
        self._pools[boss.id] = _Pool(
            hp=hp if hp is not None else boss.max_hp,
            max_hp=boss.max_hp,
            status=boss.status,
            deadline=boss.deadline,
            cooldown_ms=boss.cooldown_ms,
            damage=dict(damage or {}),
        )
        return True

    async def attack(self, boss_id: str, player_id: int, damage: int, *, now: float, join_hp: int = 0) -> AttackOutcome:
        pool = self._pools.get(boss_id)
        if pool is None:
            return AttackOutcome(status="missing")
        if pool.status != "alive":
            return AttackOutcome(status=pool.status, hp_left=pool.hp)
        if pool.deadline <= now:
            return AttackOutcome(status="expired", hp_left=pool.hp)
        wait = _ms_left(pool.ready_at.get(player_id, 0.0), now)
        if wait > 0:
            return AttackOutcome(status="cooldown", hp_left=pool.hp, cooldown_left_ms=wait)
        if join_hp > 0 and player_id not in pool.damage:
            if pool.damage:
                pool.hp += join_hp
                pool.max_hp += join_hp
            else:
                pool.max_hp, pool.hp = pool.max_hp - pool.hp + join_hp, join_hp
        dealt = min(pool.hp, max(0, int(damage)))
        pool.hp -= dealt
        pool.damage[player_id] = pool.damage.get(player_id, 0) + dealt
        if pool.cooldown_ms > 0:
            pool.ready_at[player_id] = now + pool.cooldown_ms / 1000
        killed = pool.hp == 0
        if killed:
            pool.status, pool.killer_id = "defeated", player_id
        return AttackOutcome(
            status="ok", dealt=dealt, hp_left=pool.hp, killed=killed, player_total=pool.damage[player_id]
        )

    async def state(self, boss_id: str) -> BossLive | None:
        pool = self._pools.get(boss_id)
        return pool.live() if pool else None

    async def snapshot(self, boss_id: str) -> tuple[BossLive | None, dict[int, int]]:
        pool = self._pools.get(boss_id)
        return (pool.live(), dict(pool.damage)) if pool else (None, {})

    async def standing(self, boss_id: str, player_id: int | None, *, top: int) -> BossStanding:
        pool = self._pools.get(boss_id)
        if pool is None:
            return BossStanding(live=None)
        ranked = sorted(((pid, d) for pid, d in pool.damage.items() if d > 0), key=lambda row: (-row[1], row[0]))
        place = next((i for i, (pid, _) in enumerate(ranked, start=1) if pid == player_id), None)
        wait = 0
        if player_id is not None and pool.status == "alive":
            wait = _ms_left(pool.ready_at.get(player_id, 0.0), self._clock.now())
        return BossStanding(
            live=pool.live(),
            top=tuple(ranked[:top]),
            fighters=len(ranked),
            damage=pool.damage.get(player_id, 0) if player_id is not None else 0,
            rank=place,
            cooldown_ms=wait,
        )

    async def player_status(self, boss_id: str, player_id: int) -> tuple[int, int]:
        pool = self._pools.get(boss_id)
        if pool is None:
            return 0, 0
        return pool.damage.get(player_id, 0), _ms_left(pool.ready_at.get(player_id, 0.0), self._clock.now())

    async def escape(self, boss_id: str) -> str | None:
        pool = self._pools.get(boss_id)
        if pool is None:
            return None
        if pool.status == "alive":
            pool.status = "escaped"
        return pool.status

    async def forget(self, boss_id: str) -> None:
        """A settled boss lingers (Redis keeps it an hour), so a late attacker learns how it ended."""

    # --- what tests do to it ------------------------------------------------------------------

    def set_hp(self, boss_id: str, hp: int) -> None:
        """Wound a live boss, so a test needs a blow or two rather than hundreds."""
        self._pools[boss_id].hp = hp

    def flush(self) -> None:
        """Lose every boss, as a restarted Redis without persistence does."""
        self._pools.clear()


def _ms_left(until: float, now: float) -> int:
    return max(0, math.ceil(round((until - now) * 1000, 3)))
