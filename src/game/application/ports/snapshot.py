from __future__ import annotations

from typing import Protocol

from game.api import SnapshotReport


class HotStateSnapshotter(Protocol):
    """Copies hot state to durable storage in one set-based write per run."""

    async def run(self, *, full: bool) -> SnapshotReport: ...
