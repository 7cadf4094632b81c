"""Keeping durable storage up to date with the hot state."""

from __future__ import annotations

from dataclasses import dataclass

from game.api import SnapshotReport
from game.application.ports.snapshot import HotStateSnapshotter


@dataclass(frozen=True, kw_only=True)
class Maintenance:
    snapshotter: HotStateSnapshotter

    async def snapshot_hot_state(self, *, full: bool = False) -> SnapshotReport:
        return await self.snapshotter.run(full=full)
