from __future__ import annotations

from typing import Protocol, runtime_checkable

from game.api.world import WorldEventsReport


@runtime_checkable
class WorldJobsApi(Protocol):
    """The scheduler's ticks of the living world, each run once per tick across replicas."""

    async def open_rifts_tick(self, *, duration_minutes: float = 30.0, max_open: int = 3) -> WorldEventsReport:
        """Open one rift in a zone without one, while fewer than `max_open` are open."""
        ...

    async def close_expired_rifts(self) -> WorldEventsReport:
        """Collapse the rifts whose time ran out; publishes `RiftCollapsed` with the evicted players."""
        ...

    async def spawn_boss_tick(self, *, duration_minutes: float = 15.0) -> WorldEventsReport:
        """Spawn a boss if none is alive; publishes `BossSpawned`."""
        ...

    async def end_expired_bosses(self) -> WorldEventsReport:
        """Let bosses past their deadline escape (and settle them), checkpoint the live ones to durable
        storage and re-create any that Redis lost."""
        ...

    async def settle_bosses(self) -> WorldEventsReport:
        """Finish the settlement of every ended boss not yet settled (its blow started it in the background,
        or a crash cut it short): final tallies, each contributor paid once, the end announced once."""
        ...
