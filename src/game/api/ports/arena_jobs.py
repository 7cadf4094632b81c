from __future__ import annotations

from typing import Protocol, runtime_checkable

from game.api.arena import SeasonReport


@runtime_checkable
class ArenaJobsApi(Protocol):
    """The arena's scheduled work: a server guards this port apart from player calls."""

    async def close_arena_season(self) -> SeasonReport:
        """When a season is over: rank its ladder, pay its top once, softly reset the ratings and open the
        next. Nothing when no season is due (safe to run any number of times)."""
        ...
