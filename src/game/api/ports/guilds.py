from __future__ import annotations

from typing import Protocol, runtime_checkable

from game.api.guilds import GuildPending, GuildSummary, GuildView, LedgerPage, MyGuild


@runtime_checkable
class GuildsApi(Protocol):
    """Guilds as their members use them. Acts on a guild's state carry the `version` of the guild the
    button was drawn for (`StaleAction` otherwise). Refusals common to all: `NotRegistered`, `NotInGuild`,
    `GuildNotPermitted` (the rank does not allow it), `GuildRefused` (a guild rule; `reason` names it)."""

    async def my_guild(self, *, player_id: int) -> MyGuild:
        """The player's guild (and its pending requests if they may answer them), or their invitations."""
        ...

    async def guild_info(self, *, player_id: int, guild_id: int) -> GuildView:
        """Any guild as its board shows it (`GuildNotFound` if there is none)."""
        ...

    async def found_guild(self, *, player_id: int, name: str, tag: str) -> GuildView:
        """Found a guild for gold. Refusals: `AlreadyInGuild`, `InvalidGuildName`, `GuildNameTaken`,
        `NotEnoughGold`."""
        ...

    async def invite_to_guild(self, *, player_id: int, name: str) -> GuildPending:
        """An officer invites a player by name. Refusals: `NotRegistered` (no such player), `AlreadyInGuild`."""
        ...

    async def accept_invitation(self, *, player_id: int, guild_id: int) -> GuildView:
        """Join a guild that invited the player. Refusals: `GuildNotFound` (no invitation), `AlreadyInGuild`,
        `GuildRefused` (`guild_full`)."""
        ...

    async def decline_invitation(self, *, player_id: int, guild_id: int) -> MyGuild: ...

    async def join_by_code(self, *, player_id: int, code: str) -> GuildView:
        """Join through an invite link's code. Refusals: `GuildNotFound`, `AlreadyInGuild`, `GuildRefused`."""
        ...

    async def request_to_join(self, *, player_id: int, guild_id: int) -> MyGuild:
        """Ask to join; an officer answers. Refusals: `GuildNotFound`, `AlreadyInGuild`."""
        ...

    async def answer_request(self, *, player_id: int, applicant_id: int, accept: bool, version: int) -> GuildView:
        """An officer accepts or declines a request. Refusals: `GuildNotFound` (no such request),
        `AlreadyInGuild` (the applicant joined another guild meanwhile)."""
        ...

    async def leave_guild(self, *, player_id: int) -> MyGuild:
        """Leave (a leader hands over the lead or disbands first: `GuildRefused` `leader_leaves`)."""
        ...

    async def kick_member(self, *, player_id: int, member_id: int, version: int) -> GuildView: ...

    async def promote_member(self, *, player_id: int, member_id: int, version: int) -> GuildView: ...

    async def demote_member(self, *, player_id: int, member_id: int, version: int) -> GuildView: ...

    async def hand_over_lead(self, *, player_id: int, member_id: int, version: int) -> GuildView:
        """The leader makes a member the leader and becomes an officer."""
        ...

    async def claim_lead(self, *, player_id: int) -> GuildView:
        """The most senior officer replaces a leader inactive for long (`GuildRefused` otherwise)."""
        ...

    async def disband_guild(self, *, player_id: int, version: int) -> MyGuild:
        """The leader disbands: the bank's gold is shared equally among the members; the bank must hold no
        items (`GuildRefused` `bank_has_items`)."""
        ...

    async def deposit_gold(self, *, player_id: int, amount: int) -> GuildView: ...

    async def withdraw_gold(self, *, player_id: int, amount: int, version: int) -> GuildView:
        """Officers and the leader. Refusal: `GuildRefused` `bank_short`."""
        ...

    async def deposit_item(self, *, player_id: int, item_id: str, quantity: int) -> GuildView:
        """From the bag. Refusals: `NotOwned`, `NotEnoughItems`, `GuildRefused` `bank_full`."""
        ...

    async def withdraw_item(self, *, player_id: int, item_id: str, quantity: int, version: int) -> GuildView:
        """Into the bag. Refusals: `InventoryFull`, `GuildRefused` `bank_short`."""
        ...

    async def guild_ledger(self, *, player_id: int, page: int = 1) -> LedgerPage:
        """The bank's movements, newest first."""
        ...

    async def guild_board(self, *, limit: int = 10) -> list[GuildSummary]:
        """Guilds by level, then XP."""
        ...

    async def send_guild_message(self, *, player_id: int, text: str) -> int:
        """A message to every other member (those who muted guild chat excepted); returns how many it goes to.
        Refusal: `GuildRefused` `empty_message`."""
        ...
