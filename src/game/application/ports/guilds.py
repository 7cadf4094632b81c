"""What the guild use cases need of durable storage: guilds, their members, pending invitations and
requests, the bank and its ledger. Every method runs inside the unit of work's transaction."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from game.domain.guilds import Rank


@dataclass(frozen=True)
class GuildRecord:
    id: int
    name: str
    tag: str
    level: int
    xp: int
    gold: int
    leader_id: int
    invite_code: str
    created_at: float
    version: int = 0
    arena_points: int = 0
    gold_peak: int = 0  # the bank's highest balance so far: deposits above it bring guild XP


@dataclass(frozen=True)
class MemberRecord:
    guild_id: int
    player_id: int
    rank: Rank
    joined_at: float
    last_active: float
    contributed: int = 0
    # Read along with the member (from the character): for the roster.
    name: str = ""
    class_id: str = ""
    level: int = 0


@dataclass(frozen=True)
class PendingRecord:
    guild_id: int
    player_id: int
    kind: str  # invite | request
    at: float
    guild_name: str = ""
    guild_tag: str = ""
    player_name: str = ""


@dataclass(frozen=True)
class LedgerRecord:
    id: int
    guild_id: int
    at: float
    player_id: int | None
    player_name: str | None
    kind: str
    item_id: str | None
    quantity: int


@dataclass(frozen=True)
class GuildBoardRecord:
    guild: GuildRecord
    members: int


class GuildRepository(Protocol):
    async def add_guild(self, guild: GuildRecord, *, name_key: str, tag_key: str) -> int | None:
        """Insert (its `id` is ignored); the new id, or None if the name or the tag is taken."""
        ...

    async def get_guild(self, guild_id: int, *, for_update: bool = False) -> GuildRecord | None: ...

    async def guild_by_code(self, code: str) -> GuildRecord | None: ...

    async def guild_by_key(self, key: str) -> GuildRecord | None:
        """By the folded key of its name or of its tag."""
        ...

    async def save_guild(self, guild: GuildRecord) -> int:
        """Write level, XP, gold (and its peak), leader and arena points; bumps and returns the version."""
        ...

    async def delete_guild(self, guild_id: int) -> None:
        """The guild and everything of it (members, pending, bank, ledger)."""
        ...

    async def members(self, guild_id: int) -> list[MemberRecord]:
        """By rank (leader first), then by who joined first."""
        ...

    async def membership(self, player_id: int) -> MemberRecord | None: ...

    async def add_member(self, member: MemberRecord) -> bool:
        """False if the player is in a guild already (the storage, not a check before, decides)."""
        ...

    async def update_member(self, member: MemberRecord) -> None:
        """Write rank, last activity and contribution."""
        ...

    async def remove_member(self, guild_id: int, player_id: int) -> bool: ...

    async def add_pending(self, pending: PendingRecord) -> None:
        """An invitation or a request (again: its time is renewed)."""
        ...

    async def remove_pending(self, guild_id: int, player_id: int, kind: str) -> bool: ...

    async def clear_pending(self, player_id: int) -> None:
        """Every invitation and request of a player (they joined a guild)."""
        ...

    async def pending_of_player(self, player_id: int) -> list[PendingRecord]:
        """Oldest first."""
        ...

    async def pending_of_guild(self, guild_id: int, kind: str) -> list[PendingRecord]:
        """Oldest first."""
        ...

    async def bank_items(self, guild_id: int) -> dict[str, int]: ...

    async def set_bank_item(self, guild_id: int, item_id: str, quantity: int) -> None:
        """0 takes the item out of the bank."""
        ...

    async def add_ledger(
        self, guild_id: int, *, at: float, player_id: int | None, kind: str, item_id: str | None, quantity: int
    ) -> None: ...

    async def ledger(self, guild_id: int, *, offset: int, limit: int) -> tuple[list[LedgerRecord], int]:
        """A page, newest first, and how many entries there are in all."""
        ...

    async def top_guilds(self, limit: int) -> list[GuildBoardRecord]:
        """By level, then XP, then the oldest."""
        ...

    async def tags_of(self, player_ids: list[int]) -> dict[int, str]:
        """The guild tag of each of these players who is in a guild."""
        ...

    async def chat_recipients(self, guild_id: int, *, muted_category: str, exclude: int) -> list[int]:
        """Members who can be reached and did not mute `muted_category`, `exclude` left out, by id."""
        ...
