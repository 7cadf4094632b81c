"""Keeping durable storage up to date with the hot state, and free of what no longer matters."""

from __future__ import annotations

from dataclasses import dataclass

from game.api import SnapshotReport
from game.application.ports.snapshot import HotStateSnapshotter
from game.application.ports.unit_of_work import UnitOfWorkFactory
from shared.ports import Clock

# A button's press is claimed once (`press:<action>:<token>`), so a second tap on the same screen does nothing.
# A day on, no screen still shows that button: the claim guards nothing any more.
PRESS_CLAIMS = "press:"
PRESS_CLAIM_DAYS = 1.0
PRUNE_CHUNK = 5000  # claims forgotten in one transaction: short ones, so no payout waits long on them


@dataclass(frozen=True, kw_only=True)
class Maintenance:
    snapshotter: HotStateSnapshotter
    uow_factory: UnitOfWorkFactory
    clock: Clock

    async def snapshot_hot_state(self, *, full: bool = False) -> SnapshotReport:
        return await self.snapshotter.run(full=full)

    async def prune_press_claims(self) -> int:
        """Forget the claims of button presses older than a day; how many went."""
        older_than = self.clock.now() - PRESS_CLAIM_DAYS * 86400
        pruned = 0
        while True:
            async with self.uow_factory() as uow:
                gone = await uow.characters.prune_claims(PRESS_CLAIMS, older_than=older_than, limit=PRUNE_CHUNK)
                await uow.commit()
            pruned += gone
            if gone < PRUNE_CHUNK:
                return pruned
