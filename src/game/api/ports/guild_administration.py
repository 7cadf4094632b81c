from __future__ import annotations

from typing import Protocol, runtime_checkable

from game.api.guilds import GuildView


@runtime_checkable
class GuildAdministrationApi(Protocol):
    """What only admins may do with guilds: a server guards this port apart from player calls."""

    async def admin_find_guild(self, *, query: str) -> GuildView:
        """A guild by id, name or tag (any case); `GuildNotFound` if there is none."""
        ...

    async def admin_dissolve_guild(self, *, guild_id: int) -> int:
        """Dissolve a guild as its leader would disband it; returns how many members it had."""
        ...
