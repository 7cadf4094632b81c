from __future__ import annotations

from typing import Protocol, runtime_checkable

from game.api.dto import SnapshotReport


@runtime_checkable
class MaintenanceApi(Protocol):
    """Keeping durable storage up to date: no player calls this."""

    async def snapshot_hot_state(self, *, full: bool = False) -> SnapshotReport:
        """Copy hot state (Redis) to durable storage: changed accounts only, or all with `full`."""
        ...
