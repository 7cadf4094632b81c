"""The periodic copy of hot state (Redis) to durable storage, asked of the game through its port."""

from __future__ import annotations

import logging

from game.api import MaintenanceApi, SnapshotReport
from shared.metrics import SNAPSHOT_ROWS, SNAPSHOT_SECONDS

log = logging.getLogger(__name__)

JOB_NAME = "snapshot"


async def snapshot_changed(game: MaintenanceApi) -> SnapshotReport:
    report = await game.snapshot_hot_state(full=False)
    log.info("snapshot: %d accounts written in %.3fs", report.accounts_written, report.seconds)
    SNAPSHOT_SECONDS.observe(report.seconds)
    SNAPSHOT_ROWS.inc(report.accounts_written)
    return report
