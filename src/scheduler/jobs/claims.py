"""Forgetting old once-only marks: each press of a button such as Explore leaves one (a second tap on the same
screen does nothing), and a day on no screen shows that button. Asked of the game through its port, once per
tick across replicas (see `jobs.lock`)."""

from __future__ import annotations

import logging

from game.api import MaintenanceApi

log = logging.getLogger(__name__)

PRUNE_PRESS_CLAIMS = "maintenance:prune_press_claims"
INTERVAL_SECONDS = 3600.0


async def prune_press_claims(game: MaintenanceApi) -> int:
    pruned = await game.prune_press_claims()
    if pruned:
        log.info("%s: %d button presses forgotten", PRUNE_PRESS_CLAIMS, pruned)
    return pruned
