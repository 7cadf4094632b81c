"""Hot per-player state and player locks in memory, with the semantics of `game/adapters/redis_hot_state.py`.

The running fight is kept as JSON text, as Redis keeps it: every read decodes it afresh, and a damaged
one reads as no fight at all.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager

from game.api import Busy
from game.application.ports.hot_state import PRESSES_KEPT, HotRead
from game.domain.character import HotState
from game.domain.running_fight import RunningFight


class FakeHotStateStore:
    def __init__(self) -> None:
        self.states: dict[int, HotState] = {}
        self.fights: dict[int, str] = {}  # player id → the running fight, as JSON
        self.changed: set[int] = set()  # accounts written since the last snapshot
        self.record_versions: dict[int, int] = {}  # published, as the hash's `rv` (see `record_version`)
        self.world_version = 0
        self.presses: dict[int, list[str]] = {}  # claimed once-only button tokens, oldest first

    async def get(self, player_id: int) -> HotState | None:
        return self.states.get(player_id)

    async def put(self, player_id: int, state: HotState, *, mark_changed: bool = True) -> None:
        self.states[player_id] = state
        if mark_changed:
            self.changed.add(player_id)

    async def get_fight(self, player_id: int) -> RunningFight | None:
        raw = self.fights.get(player_id)
        if not raw:
            return None
        try:
            return RunningFight.from_dict(json.loads(raw))
        except ValueError:
            return None

    async def get_fight_checked(self, player_id: int) -> tuple[RunningFight | None, bool]:
        return await self.get_fight(player_id), player_id in self.states

    async def put_fight(self, player_id: int, fight: RunningFight | None, state: HotState) -> None:
        self.states[player_id] = state
        if fight is None:
            self.fights.pop(player_id, None)
        else:
            self.fights[player_id] = json.dumps(fight.to_dict(), separators=(",", ":"))
        self.changed.add(player_id)

    async def read(self, player_id: int) -> HotRead:
        fight, known = await self.get_fight_checked(player_id)
        return HotRead(
            state=self.states.get(player_id),
            fight=fight,
            known=known,
            record_version=await self.record_version(player_id),
            world_version=self.world_version,
        )

    async def record_version(self, player_id: int) -> int | None:
        # Never known: the use cases then read every record from the (fake) storage, which tests may change
        # behind the game's back; the versions published are still kept, for tests to look at.
        return None

    async def publish_record_versions(self, versions: Mapping[int, int]) -> None:
        for player_id, version in versions.items():
            self.record_versions[player_id] = max(version, self.record_versions.get(player_id, version))

    async def claim_press(self, player_id: int, token: str) -> bool:
        kept = self.presses.setdefault(player_id, [])
        if token in kept:
            return False
        kept.append(token)
        del kept[:-PRESSES_KEPT]
        return True

    async def pressed(self, player_id: int, token: str) -> bool:
        return token in self.presses.get(player_id, [])

    async def world_changed(self) -> None:
        self.world_version += 1

    # --- what tests do to it ------------------------------------------------------------------

    def flush(self) -> None:
        """Lose everything, as a restarted Redis without persistence does."""
        self.states.clear()
        self.fights.clear()
        self.changed.clear()
        self.presses.clear()

    def forget(self, player_id: int) -> None:
        """Lose one player's hash."""
        self.states.pop(player_id, None)
        self.fights.pop(player_id, None)
        self.presses.pop(player_id, None)


class FakePlayerLocks:
    """One action per player at a time: a second `hold` while the first runs raises `Busy`."""

    def __init__(self) -> None:
        self.held: set[int] = set()

    @asynccontextmanager
    async def hold(self, player_id: int) -> AsyncIterator[None]:
        if player_id in self.held:
            raise Busy("another action is still being processed")
        self.held.add(player_id)
        try:
            yield
        finally:
            self.held.discard(player_id)
