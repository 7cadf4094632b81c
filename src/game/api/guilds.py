"""Guilds through the port: DTOs and refusals of `game.api.ports.guilds`.

Times are epoch seconds from the game's clock.
"""

from __future__ import annotations

from typing import Literal

from game.api.dto import Dto, ItemStack
from game.api.errors import GameError, RuleRefused

GuildRank = Literal["leader", "officer", "member"]
LedgerKind = Literal["deposit_gold", "withdraw_gold", "deposit_item", "withdraw_item", "founded", "disbanded"]
PendingKind = Literal["invite", "request"]


class GuildMember(Dto):
    player_id: int
    name: str
    class_id: str
    level: int
    rank: GuildRank
    joined_at: float
    contributed: int  # guild XP this member brought


class GuildPerks(Dto):
    max_members: int
    bank_slots: int
    xp_bonus_percent: int
    gold_bonus_percent: int


class GuildSummary(Dto):
    id: int
    name: str
    tag: str
    level: int
    members: int
    arena_points: int


class GuildView(Dto):
    id: int
    name: str
    tag: str
    level: int
    xp: int
    xp_next: int | None  # total XP of the next level; None at the top
    perks: GuildPerks
    leader_id: int
    members: list[GuildMember]
    bank_gold: int
    bank_items: list[ItemStack]
    invite_code: str
    my_rank: GuildRank | None  # None: the viewer is not a member
    requests: list[GuildPending]  # join requests waiting (shown to officers and the leader)
    version: int  # bumped by every change of the guild: buttons carry it
    leader_away: bool = False  # the leader has been inactive long enough to be replaced


class GuildPending(Dto):
    guild_id: int
    guild_name: str
    guild_tag: str
    player_id: int
    player_name: str
    kind: PendingKind
    at: float


class MyGuild(Dto):
    """A player's place among guilds: the guild they are in, or the invitations waiting for them."""

    guild: GuildView | None
    invitations: list[GuildPending]
    requests: list[GuildPending]  # their own requests, waiting for an answer
    founding_cost: int


class LedgerEntry(Dto):
    id: int
    at: float
    player_id: int | None
    player_name: str | None
    kind: LedgerKind
    item_id: str | None
    quantity: int  # gold, or the count of items


class LedgerPage(Dto):
    entries: list[LedgerEntry]
    page: int
    pages: int


class GuildReport(Dto):
    """What an operator sees of a guild."""

    guild: GuildView


# --- refusals --------------------------------------------------------------------------------------


class GuildRefused(RuleRefused):
    """A guild rule forbids it; `details["reason"]` names the rule (e.g. `kick_leader`, `bank_short`)."""

    code = "guild_refused"


class GuildNotPermitted(RuleRefused):
    """The player's rank does not allow this."""

    code = "guild_not_permitted"


class NotInGuild(GameError):
    code = "not_in_guild"


class AlreadyInGuild(GameError):
    code = "already_in_guild"


class GuildNotFound(GameError):
    """No such guild (a forged id, an old link, a disbanded guild)."""

    code = "guild_not_found"


class GuildNameTaken(GameError):
    code = "guild_name_taken"


class InvalidGuildName(GameError):
    code = "invalid_guild_name"


GuildView.model_rebuild()
