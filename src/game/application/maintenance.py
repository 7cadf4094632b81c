"""Keeping durable storage up to date with the hot state."""

from __future__ import annotations

from game.api import SnapshotReport
from game.application.ports.snapshot import HotStateSnapshotter


class Maintenance:
    def __init__(self, *, snapshotter: HotStateSnapshotter) -> None:
        self._snapshotter = snapshotter

    async def snapshot_hot_state(self, *, full: bool = False) -> SnapshotReport:
        return await self._snapshotter.run(full=full)
