"""The hot-state snapshot in memory: copies the fake hot-state store into the fake database's `accounts`."""

from __future__ import annotations

from game.api import SnapshotReport
from game.application.ports.unit_of_work import SavedHotState
from tests.fakes.database import FakeDatabase
from tests.fakes.hot_state import FakeHotStateStore
from tests.fakes.unit_of_work import saved


class FakeSnapshotter:
    def __init__(self, hot_state: FakeHotStateStore, db: FakeDatabase) -> None:
        self._hot = hot_state
        self._db = db

    async def run(self, *, full: bool) -> SnapshotReport:
        claimed, self._hot.changed = self._hot.changed, set()  # later writes mark the next run's
        ids = set(self._hot.states) if full else claimed
        accounts = self._db.tables["accounts"]
        written = 0
        for player_id in sorted(ids):
            state = self._hot.states.get(player_id)
            if state is None or player_id not in accounts:
                continue  # only accounts PostgreSQL knows are updated
            accounts[player_id] = SavedHotState(state=saved(state), fight=await self._hot.get_fight(player_id))
            written += 1
        return SnapshotReport(mode="all" if full else "changed", accounts_written=written, seconds=0.0)
