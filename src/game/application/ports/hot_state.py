from __future__ import annotations

from collections.abc import Mapping
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from typing import Protocol

from game.domain.character import HotState
from game.domain.running_fight import RunningFight


@dataclass(frozen=True)
class HotRead:
    """One read of what an action needs from the hot store: the player's hot state and fight, the version of
    their durable record, and the version of the world's rifts and bosses."""

    state: HotState | None  # None: missing or damaged (re-hydrated from durable storage)
    fight: RunningFight | None  # None: none running (a damaged one reads as none)
    known: bool  # whether any hot state exists for the player (False: Redis lost it, or never had it)
    record_version: int | None  # the durable record's version as last published (None: not known)
    world_version: int  # bumped by every change to what the world shows (rifts, bosses)


# Once-only button tokens remembered per player: a double tap or a re-delivered press comes within a few
# actions of the first, and a screen drawn this many actions ago is long gone from the chat.
PRESSES_KEPT = 32


class HotStateStore(Protocol):
    """Hot per-player state (Redis `account:{id}`). Every write marks the account changed."""

    async def get(self, player_id: int) -> HotState | None: ...

    async def put(self, player_id: int, state: HotState, *, mark_changed: bool = True) -> None: ...

    async def get_fight(self, player_id: int) -> RunningFight | None:
        """The running fight, or None (a damaged one reads as none)."""
        ...

    async def get_fight_checked(self, player_id: int) -> tuple[RunningFight | None, bool]:
        """The fight, and whether any hot state exists for the player (False: Redis lost it)."""
        ...

    async def put_fight(self, player_id: int, fight: RunningFight | None, state: HotState) -> None:
        """Store (or with None, end) the fight together with the hot state, in one step."""
        ...

    async def read(self, player_id: int) -> HotRead:
        """The hot state, the fight and the versions, in one step."""
        ...

    async def record_version(self, player_id: int) -> int | None:
        """The version of the player's durable record as last published (None: not known)."""
        ...

    async def publish_record_versions(self, versions: Mapping[int, int]) -> None:
        """Raise each player's published record version to at least the one given (never lowers it).
        Every durable write publishes the version it writes before it commits, so a process that cached
        an earlier record sees that it changed."""
        ...

    async def claim_press(self, player_id: int, token: str) -> bool:
        """Claim a drawn button's once-only token (`[A-Za-z0-9_-]{1,32}`) for the player; False if it was
        claimed already. The last `PRESSES_KEPT` claims are kept with the player's hot state, so held
        under the player's lock the claim goes with the action's own writes, in the same step."""
        ...

    async def pressed(self, player_id: int, token: str) -> bool:
        """Whether the token was claimed already (`claim_press`)."""
        ...

    async def world_changed(self) -> None:
        """Bump the world's version: rifts or bosses changed (after the change committed)."""
        ...


class PlayerLocks(Protocol):
    """One action of a player at a time, across processes: a double tap finds the player busy."""

    def hold(self, player_id: int) -> AbstractAsyncContextManager[None]:
        """Raises `Busy` if another action of this player is running."""
        ...
