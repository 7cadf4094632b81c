"""Guilds: founding, joining (invitation, link, request), ranks, the bank with its ledger, the board, chat.

Every act runs in one transaction that first locks the guild's row, then the characters it moves gold or
items of, always in that order; membership itself is decided by storage (one guild per player).
"""

from __future__ import annotations

import math
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, replace

from game.api import GameError, NotEnoughGold, NotRegistered, StaleAction, rule_refusal
from game.api.guilds import (
    AlreadyInGuild,
    GuildMember,
    GuildNameTaken,
    GuildNotFound,
    GuildPending,
    GuildPerks,
    GuildSummary,
    GuildView,
    InvalidGuildName,
    LedgerEntry,
    LedgerPage,
    MyGuild,
    NotInGuild,
)
from game.application.actions import Actions, refusals
from game.application.players import Players
from game.application.ports.guilds import GuildRecord, MemberRecord, PendingRecord
from game.application.ports.unit_of_work import UnitOfWork, UnitOfWorkFactory
from game.application.presenters.items import stacks
from game.domain import guilds as rules
from game.domain.character import name_key
from game.domain.content import Content
from shared.events import Event, GuildMessage, GuildNotice
from shared.ports import Clock, EventBus

GUILD_CHAT = "guild_chat"  # the notification category a member mutes guild chat with
MAX_MESSAGE = 500
BOARD_MAX = 50


@dataclass(frozen=True)
class _Seat:
    """A member's guild as one transaction read it, the guild's row locked."""

    guild: GuildRecord
    member: MemberRecord
    members: list[MemberRecord]


@dataclass(frozen=True, kw_only=True)
class Guilds:
    content: Content
    uow_factory: UnitOfWorkFactory
    players: Players
    actions: Actions
    events: EventBus
    clock: Clock
    founding_cost: int = rules.FOUNDING_COST
    leader_inactive_days: int = rules.LEADER_INACTIVE_DAYS

    # --- reading ----------------------------------------------------------------------------------

    async def my_guild(self, *, player_id: int) -> MyGuild:
        async with self.uow_factory() as uow:
            await self.players.record(uow, player_id)
            member = await uow.guilds.membership(player_id)
            if member is not None:
                await uow.guilds.update_member(replace(member, last_active=self.clock.now()))
                await uow.commit()
            view = await self._view_of(uow, member.guild_id, viewer=player_id) if member else None
            pending = await uow.guilds.pending_of_player(player_id) if member is None else []
        return MyGuild(
            guild=view,
            invitations=[_pending(p) for p in pending if p.kind == "invite"],
            requests=[_pending(p) for p in pending if p.kind == "request"],
            founding_cost=self.founding_cost,
        )

    async def guild_info(self, *, player_id: int, guild_id: int) -> GuildView:
        async with self.uow_factory(read_only=True) as uow:
            await self.players.record(uow, player_id)
            view = await self._view_of(uow, guild_id, viewer=player_id)
        if view is None:
            raise GuildNotFound("there is no such guild", guild_id=guild_id)
        return view

    async def guild_board(self, *, limit: int = 10) -> list[GuildSummary]:
        async with self.uow_factory(read_only=True) as uow:
            rows = await uow.guilds.top_guilds(max(1, min(limit, BOARD_MAX)))
        return [
            GuildSummary(
                id=r.guild.id,
                name=r.guild.name,
                tag=r.guild.tag,
                level=r.guild.level,
                members=r.members,
                arena_points=r.guild.arena_points,
            )
            for r in rows
        ]

    async def guild_ledger(self, *, player_id: int, page: int = 1) -> LedgerPage:
        async with self.uow_factory(read_only=True) as uow:
            member = await self._member(uow, player_id)
            with refusals():
                rules.require(member.rank, "read_ledger")
            size = rules.LEDGER_PAGE
            _, total = await uow.guilds.ledger(member.guild_id, offset=0, limit=0)
            pages = max(1, math.ceil(total / size))
            page = max(1, min(page, pages))
            rows, _ = await uow.guilds.ledger(member.guild_id, offset=(page - 1) * size, limit=size)
        entries = [
            LedgerEntry(
                id=r.id,
                at=r.at,
                player_id=r.player_id,
                player_name=r.player_name,
                kind=r.kind,
                item_id=r.item_id,
                quantity=r.quantity,
            )
            for r in rows
        ]
        return LedgerPage(entries=entries, page=page, pages=pages)

    # --- founding and joining ---------------------------------------------------------------------

    async def found_guild(self, *, player_id: int, name: str, tag: str) -> GuildView:
        if not rules.is_valid_guild_name(name):
            raise InvalidGuildName("3–24 letters, digits, spaces, _ or -", name=name, field="name")
        if not rules.is_valid_tag(tag):
            raise InvalidGuildName("a tag is 2–4 letters", name=tag, field="tag")
        name, tag = rules.normalize_guild_name(name), tag.strip().upper()
        now = self.clock.now()
        async with self.actions.one_at_a_time(player_id), self.uow_factory() as uow:
            before = await self.players.record(uow, player_id, for_update=True)
            if await uow.guilds.membership(player_id) is not None:
                raise AlreadyInGuild("you are in a guild already")
            if before.character.gold < self.founding_cost:
                raise NotEnoughGold(
                    "not enough gold to found a guild", needed=self.founding_cost, available=before.character.gold
                )
            record = GuildRecord(0, name, tag, 1, 0, 0, player_id, secrets.token_hex(5), now)
            guild_id = await uow.guilds.add_guild(record, name_key=rules.guild_key(name), tag_key=rules.guild_key(tag))
            if guild_id is None:
                raise GuildNameTaken("that name or tag is taken", name=name, tag=tag)
            paid = replace(before.character, gold=before.character.gold - self.founding_cost)
            await uow.characters.save(before, replace(before, character=paid))
            await uow.guilds.add_member(MemberRecord(guild_id, player_id, "leader", now, now))
            await uow.guilds.clear_pending(player_id)
            await uow.guilds.add_ledger(
                guild_id, at=now, player_id=player_id, kind="founded", item_id=None, quantity=self.founding_cost
            )
            await uow.commit()
            view = await self._view_of(uow, guild_id, viewer=player_id)
        assert view is not None
        return view

    async def invite_to_guild(self, *, player_id: int, name: str) -> GuildPending:
        async with self.uow_factory() as uow:
            seat = await self._seat(uow, player_id)
            with refusals():
                rules.require(seat.member.rank, "invite")
            invitee_id = await uow.characters.id_by_name(name_key(name.strip()))
            if invitee_id is None:
                raise NotRegistered("there is no player by that name", name=name)
            if await uow.guilds.membership(invitee_id) is not None:
                raise AlreadyInGuild("that player is in a guild already", name=name)
            self._check_room(seat)
            pending = PendingRecord(seat.guild.id, invitee_id, "invite", self.clock.now())
            await uow.guilds.add_pending(pending)
            await uow.commit()
            mine = await uow.guilds.pending_of_player(invitee_id)
            invited = next(p for p in mine if p.guild_id == seat.guild.id and p.kind == "invite")
        await self._publish(seat.guild, "invited", [invitee_id], player_id=invitee_id, player_name=invited.player_name)
        return _pending(invited)

    async def accept_invitation(self, *, player_id: int, guild_id: int) -> GuildView:
        return await self._join(player_id, guild_id, via="invite")

    async def decline_invitation(self, *, player_id: int, guild_id: int) -> MyGuild:
        async with self.uow_factory() as uow:
            await self.players.record(uow, player_id)
            if not await uow.guilds.remove_pending(guild_id, player_id, "invite"):
                raise GuildNotFound("there is no such invitation", guild_id=guild_id)
            await uow.commit()
        return await self.my_guild(player_id=player_id)

    async def join_by_code(self, *, player_id: int, code: str) -> GuildView:
        async with self.uow_factory(read_only=True) as uow:
            guild = await uow.guilds.guild_by_code(code.strip()[:64])
        if guild is None:
            raise GuildNotFound("this invite link is not valid (any more)", code=code[:64])
        return await self._join(player_id, guild.id, via="link")

    async def request_to_join(self, *, player_id: int, guild_id: int) -> MyGuild:
        async with self.uow_factory() as uow:
            await self.players.record(uow, player_id)
            if await uow.guilds.membership(player_id) is not None:
                raise AlreadyInGuild("you are in a guild already")
            if await uow.guilds.get_guild(guild_id) is None:
                raise GuildNotFound("there is no such guild", guild_id=guild_id)
            guild = await uow.guilds.get_guild(guild_id)
            assert guild is not None
            await uow.guilds.add_pending(PendingRecord(guild_id, player_id, "request", self.clock.now()))
            await uow.commit()
            officers = [m.player_id for m in await uow.guilds.members(guild_id) if rules.may(m.rank, "answer_requests")]
            name = (await self.players.record(uow, player_id)).character.name
        await self._publish(guild, "requested", officers, player_id=player_id, player_name=name)
        return await self.my_guild(player_id=player_id)

    async def answer_request(self, *, player_id: int, applicant_id: int, accept: bool, version: int) -> GuildView:
        async with self.uow_factory() as uow:
            seat = await self._seat(uow, player_id, version=version)
            with refusals():
                rules.require(seat.member.rank, "answer_requests")
            asked = await uow.guilds.pending_of_guild(seat.guild.id, "request")
            if not any(p.player_id == applicant_id for p in asked):
                raise GuildNotFound("there is no such request", player_id=applicant_id)
            if not accept:
                await uow.guilds.remove_pending(seat.guild.id, applicant_id, "request")
                await uow.guilds.save_guild(seat.guild)
                await uow.commit()
                return await self._view_or_gone(uow, seat.guild.id, player_id)
        return await self._join(applicant_id, seat.guild.id, via="request", viewer=player_id)

    async def _join(self, player_id: int, guild_id: int, *, via: str, viewer: int | None = None) -> GuildView:
        now = self.clock.now()
        async with self.uow_factory() as uow:
            guild = await uow.guilds.get_guild(guild_id, for_update=True)
            if guild is None:
                raise GuildNotFound("there is no such guild", guild_id=guild_id)
            record = await self.players.record(uow, player_id, for_update=True)
            if via != "link":
                mine = await uow.guilds.pending_of_player(player_id)
                kind = "invite" if via == "invite" else "request"
                if not any(p.guild_id == guild_id and p.kind == kind for p in mine):
                    raise GuildNotFound(f"there is no such {kind}", guild_id=guild_id)
            if await uow.guilds.membership(player_id) is not None:
                raise AlreadyInGuild("already in a guild", player_id=player_id)
            members = await uow.guilds.members(guild_id)
            self._check_room(_Seat(guild, members[0], members))
            if not await uow.guilds.add_member(MemberRecord(guild_id, player_id, "member", now, now)):
                raise AlreadyInGuild("already in a guild", player_id=player_id)
            await uow.guilds.clear_pending(player_id)
            await uow.guilds.save_guild(guild)
            await uow.commit()
            view = await self._view_or_gone(uow, guild_id, viewer or player_id)
        await self._tell(guild, "joined", members, player_id=player_id, player_name=record.character.name)
        return view

    # --- leaving and ranks ------------------------------------------------------------------------

    async def leave_guild(self, *, player_id: int) -> MyGuild:
        async with self.uow_factory() as uow:
            seat = await self._seat(uow, player_id)
            if seat.member.rank == "leader":
                raise rules_refused("leader_leaves", "the leader hands over the lead or disbands the guild first")
            await uow.guilds.remove_member(seat.guild.id, player_id)
            await uow.guilds.save_guild(seat.guild)
            await uow.commit()
        await self._tell(seat.guild, "left", seat.members, player_id=player_id, player_name=seat.member.name)
        return await self.my_guild(player_id=player_id)

    async def kick_member(self, *, player_id: int, member_id: int, version: int) -> GuildView:
        async with self.uow_factory() as uow:
            seat = await self._seat(uow, player_id, version=version)
            target = _member_in(seat, member_id)
            with refusals():
                rules.check_kick(seat.member.rank, target.rank)
            await uow.guilds.remove_member(seat.guild.id, member_id)
            await uow.guilds.save_guild(seat.guild)
            await uow.commit()
            view = await self._view_or_gone(uow, seat.guild.id, player_id)
        await self._tell(
            seat.guild, "kicked", seat.members, player_id=member_id, player_name=target.name, actor=player_id
        )
        return view

    async def promote_member(self, *, player_id: int, member_id: int, version: int) -> GuildView:
        return await self._rerank(player_id, member_id, version, rules.promoted, "promoted")

    async def demote_member(self, *, player_id: int, member_id: int, version: int) -> GuildView:
        return await self._rerank(player_id, member_id, version, rules.demoted, "demoted")

    async def _rerank(self, player_id: int, member_id: int, version: int, rule: object, what: str) -> GuildView:
        async with self.uow_factory() as uow:
            seat = await self._seat(uow, player_id, version=version)
            target = _member_in(seat, member_id)
            with refusals():
                rank = rule(seat.member.rank, target.rank)  # type: ignore[operator]
            await uow.guilds.update_member(replace(target, rank=rank))
            await uow.guilds.save_guild(seat.guild)
            await uow.commit()
            view = await self._view_or_gone(uow, seat.guild.id, player_id)
        await self._tell(seat.guild, what, seat.members, player_id=member_id, player_name=target.name, actor=player_id)
        return view

    async def hand_over_lead(self, *, player_id: int, member_id: int, version: int) -> GuildView:
        async with self.uow_factory() as uow:
            seat = await self._seat(uow, player_id, version=version)
            if seat.member.rank != "leader":
                raise_not_permitted(seat.member.rank, "hand_over")
            target = _member_in(seat, member_id)
            if target.player_id == player_id:
                raise rules_refused("already_leader", "you lead this guild already")
            return await self._crown(uow, seat, target, old_rank="officer", viewer=player_id)

    async def claim_lead(self, *, player_id: int) -> GuildView:
        async with self.uow_factory() as uow:
            seat = await self._seat(uow, player_id)
            leader = next(m for m in seat.members if m.rank == "leader")
            if leader.player_id == player_id:
                raise rules_refused("already_leader", "you lead this guild already")
            if not rules.leader_inactive(leader.last_active, self.clock.now(), self.leader_inactive_days):
                raise rules_refused("leader_active", "the leader has not been away long enough")
            seniority = [rules.Seniority(m.player_id, m.rank, m.joined_at) for m in seat.members]
            if rules.successor(seniority, leader.player_id) != player_id:
                raise rules_refused("not_successor", "only the most senior officer may take over the lead")
            return await self._crown(
                uow, replace(seat, member=leader), seat.member, old_rank="officer", viewer=player_id
            )

    async def _crown(
        self, uow: UnitOfWork, seat: _Seat, heir: MemberRecord, *, old_rank: str, viewer: int
    ) -> GuildView:
        await uow.guilds.update_member(replace(seat.member, rank=old_rank))  # type: ignore[arg-type]
        await uow.guilds.update_member(replace(heir, rank="leader"))
        await uow.guilds.save_guild(replace(seat.guild, leader_id=heir.player_id))
        await uow.commit()
        view = await self._view_or_gone(uow, seat.guild.id, viewer)
        await self._tell(seat.guild, "new_leader", seat.members, player_id=heir.player_id, player_name=heir.name)
        return view

    async def disband_guild(self, *, player_id: int, version: int) -> MyGuild:
        async with self.uow_factory() as uow:
            seat = await self._seat(uow, player_id, version=version)
            with refusals():
                rules.require(seat.member.rank, "disband")
            if await uow.guilds.bank_items(seat.guild.id):
                raise rules_refused("bank_has_items", "take the items out of the bank first")
            await self._dissolve(uow, seat.guild, seat.members)
            await uow.commit()
        await self._tell(seat.guild, "disbanded", seat.members, actor=player_id)
        return await self.my_guild(player_id=player_id)

    async def _dissolve(self, uow: UnitOfWork, guild: GuildRecord, members: list[MemberRecord]) -> None:
        """The bank's gold shared equally among the members; the rest of the guild is gone."""
        shares = rules.disband_shares(guild.gold, [m.player_id for m in members])
        for pid in sorted(shares):
            if shares[pid]:
                before = await self.players.record(uow, pid, for_update=True)
                richer = replace(before.character, gold=before.character.gold + shares[pid])
                await uow.characters.save(before, replace(before, character=richer))
        await uow.guilds.delete_guild(guild.id)

    # --- the bank ---------------------------------------------------------------------------------

    async def deposit_gold(self, *, player_id: int, amount: int) -> GuildView:
        if amount <= 0:
            raise rules_refused("bad_quantity", "a positive amount is needed", quantity=amount)
        async with self.actions.one_at_a_time(player_id), self.uow_factory() as uow:
            seat = await self._seat(uow, player_id)
            before = await self.players.record(uow, player_id, for_update=True)
            if before.character.gold < amount:
                raise NotEnoughGold("not that much gold", needed=amount, available=before.character.gold)
            poorer = replace(before.character, gold=before.character.gold - amount)
            await uow.characters.save(before, replace(before, character=poorer))
            banked = seat.guild.gold + amount
            xp = rules.deposit_xp(banked, seat.guild.gold_peak)
            guild = replace(seat.guild, gold=banked, gold_peak=max(banked, seat.guild.gold_peak))
            return await self._banked(uow, seat, guild, "deposit_gold", None, amount, xp)

    async def withdraw_gold(self, *, player_id: int, amount: int, version: int) -> GuildView:
        async with self.actions.one_at_a_time(player_id), self.uow_factory() as uow:
            seat = await self._seat(uow, player_id, version=version)
            with refusals():
                rules.require(seat.member.rank, "withdraw")
                left = rules.gold_withdrawal(seat.guild.gold, amount)
            before = await self.players.record(uow, player_id, for_update=True)
            richer = replace(before.character, gold=before.character.gold + amount)
            await uow.characters.save(before, replace(before, character=richer))
            return await self._banked(uow, seat, replace(seat.guild, gold=left), "withdraw_gold", None, amount, 0)

    async def deposit_item(self, *, player_id: int, item_id: str, quantity: int) -> GuildView:
        async with self.actions.one_at_a_time(player_id), self.uow_factory() as uow:
            seat = await self._seat(uow, player_id)
            before = await self.players.record(uow, player_id, for_update=True)
            bank = await uow.guilds.bank_items(seat.guild.id)
            with refusals():
                stored = rules.bank_after_item_deposit(
                    bank, item_id, quantity, rules.perks(seat.guild.level).bank_slots
                )
                bag = before.inventory.remove(item_id, quantity)
            await uow.characters.save(before, replace(before, inventory=bag))
            await uow.guilds.set_bank_item(seat.guild.id, item_id, stored[item_id])
            return await self._banked(uow, seat, seat.guild, "deposit_item", item_id, quantity, 0)

    async def withdraw_item(self, *, player_id: int, item_id: str, quantity: int, version: int) -> GuildView:
        async with self.actions.one_at_a_time(player_id), self.uow_factory() as uow:
            seat = await self._seat(uow, player_id, version=version)
            before = await self.players.record(uow, player_id, for_update=True)
            bank = await uow.guilds.bank_items(seat.guild.id)
            with refusals():
                rules.require(seat.member.rank, "withdraw")
                left = rules.bank_after_item_withdrawal(bank, item_id, quantity)
                bag = before.inventory.add(item_id, quantity, self.content.items)
            await uow.characters.save(before, replace(before, inventory=bag))
            await uow.guilds.set_bank_item(seat.guild.id, item_id, left.get(item_id, 0))
            return await self._banked(uow, seat, seat.guild, "withdraw_item", item_id, quantity, 0)

    async def _banked(
        self, uow: UnitOfWork, seat: _Seat, guild: GuildRecord, kind: str, item_id: str | None, quantity: int, xp: int
    ) -> GuildView:
        """Write the bank's movement with its ledger line and the guild XP it brought, and commit."""
        now = self.clock.now()
        await uow.guilds.add_ledger(
            guild.id, at=now, player_id=seat.member.player_id, kind=kind, item_id=item_id, quantity=quantity
        )
        level_before = guild.level
        guild = _grown(guild, xp)
        await uow.guilds.update_member(replace(seat.member, last_active=now, contributed=seat.member.contributed + xp))
        await uow.guilds.save_guild(guild)
        await uow.commit()
        view = await self._view_or_gone(uow, guild.id, seat.member.player_id)
        if guild.level > level_before:
            await self._tell(guild, "level_up", seat.members, level=guild.level)
        return view

    # --- chat -------------------------------------------------------------------------------------

    async def send_guild_message(self, *, player_id: int, text: str) -> int:
        text = " ".join(text.split())[:MAX_MESSAGE]
        if not text:
            raise rules_refused("empty_message", "say something")
        async with self.uow_factory(read_only=True) as uow:
            member = await self._member(uow, player_id)
            guild = await uow.guilds.get_guild(member.guild_id)
            if guild is None:
                raise NotInGuild("you are not in a guild")
            recipients = await uow.guilds.chat_recipients(guild.id, muted_category=GUILD_CHAT, exclude=player_id)
            name = (await self.players.record(uow, player_id)).character.name
        if recipients:
            await self.events.publish(
                GuildMessage(
                    guild_id=guild.id,
                    guild_tag=guild.tag,
                    author_id=player_id,
                    author_name=name,
                    text=text,
                    recipients=tuple(recipients),
                )
            )
        return len(recipients)

    # --- operators --------------------------------------------------------------------------------

    async def admin_find_guild(self, *, query: str) -> GuildView:
        query = query.strip()
        async with self.uow_factory(read_only=True) as uow:
            guild = await uow.guilds.get_guild(int(query)) if query.isdigit() and len(query) < 18 else None
            if guild is None and query:
                guild = await uow.guilds.guild_by_key(rules.guild_key(query))
            view = await self._view_of(uow, guild.id, viewer=None) if guild else None
        if view is None:
            raise GuildNotFound("there is no such guild", query=query[:64])
        return view

    async def admin_dissolve_guild(self, *, guild_id: int) -> int:
        async with self.uow_factory() as uow:
            guild = await uow.guilds.get_guild(guild_id, for_update=True)
            if guild is None:
                raise GuildNotFound("there is no such guild", guild_id=guild_id)
            members = await uow.guilds.members(guild_id)
            await self._dissolve(uow, guild, members)
            await uow.commit()
        await self._tell(guild, "disbanded", members)
        return len(members)

    # --- helpers ----------------------------------------------------------------------------------

    async def _member(self, uow: UnitOfWork, player_id: int) -> MemberRecord:
        member = await uow.guilds.membership(player_id)
        if member is None:
            await self.players.record(uow, player_id)  # NotRegistered before NotInGuild
            raise NotInGuild("you are not in a guild")
        return member

    async def _seat(self, uow: UnitOfWork, player_id: int, *, version: int | None = None) -> _Seat:
        """The player's guild, its row locked until the transaction ends; checks the button's version."""
        member = await self._member(uow, player_id)
        guild = await uow.guilds.get_guild(member.guild_id, for_update=True)
        now_member = await uow.guilds.membership(player_id)  # as it is now that the guild is ours
        if guild is None or now_member is None or now_member.guild_id != guild.id:
            raise NotInGuild("you are not in a guild")
        if version is not None and version != guild.version:
            raise StaleAction("this was drawn for an earlier state of the guild", version=guild.version)
        members = await uow.guilds.members(guild.id)
        return _Seat(guild, next(m for m in members if m.player_id == player_id), members)

    def _check_room(self, seat: _Seat) -> None:
        room = rules.perks(seat.guild.level).max_members
        if len(seat.members) >= room:
            raise rules_refused("guild_full", "the guild has no room for another member", max_members=room)

    async def _view_or_gone(self, uow: UnitOfWork, guild_id: int, viewer: int) -> GuildView:
        view = await self._view_of(uow, guild_id, viewer=viewer)
        if view is None:
            raise GuildNotFound("there is no such guild", guild_id=guild_id)
        return view

    async def _view_of(self, uow: UnitOfWork, guild_id: int, *, viewer: int | None) -> GuildView | None:
        guild = await uow.guilds.get_guild(guild_id)
        if guild is None:
            return None
        members = await uow.guilds.members(guild_id)
        mine = next((m for m in members if m.player_id == viewer), None)
        rank = mine.rank if mine else None
        answering = rank is not None and rules.may(rank, "answer_requests")
        insider = rank is not None or viewer is None
        requests = await uow.guilds.pending_of_guild(guild_id, "request") if answering or viewer is None else []
        bank = await uow.guilds.bank_items(guild_id) if insider else {}
        perks = rules.perks(guild.level)
        leader = next((m for m in members if m.rank == "leader"), None)
        away = leader is not None and rules.leader_inactive(
            leader.last_active, self.clock.now(), self.leader_inactive_days
        )
        return GuildView(
            id=guild.id,
            name=guild.name,
            tag=guild.tag,
            level=guild.level,
            xp=guild.xp,
            xp_next=rules.xp_for_level(guild.level + 1) if guild.level < rules.MAX_LEVEL else None,
            perks=GuildPerks(
                max_members=perks.max_members,
                bank_slots=perks.bank_slots,
                xp_bonus_percent=perks.xp_bonus_percent,
                gold_bonus_percent=perks.gold_bonus_percent,
            ),
            leader_id=guild.leader_id,
            members=[
                GuildMember(
                    player_id=m.player_id,
                    name=m.name,
                    class_id=m.class_id,
                    level=m.level,
                    rank=m.rank,
                    joined_at=m.joined_at,
                    contributed=m.contributed,
                )
                for m in members
            ],
            bank_gold=guild.gold if insider else 0,
            bank_items=list(stacks(self.content, {k: v for k, v in bank.items() if k in self.content.items})),
            invite_code=guild.invite_code if answering or viewer is None else "",
            my_rank=rank,
            requests=[_pending(p) for p in requests],
            version=guild.version,
            leader_away=away,
        )

    async def _tell(
        self,
        guild: GuildRecord,
        what: str,
        members: list[MemberRecord],
        *,
        player_id: int | None = None,
        player_name: str | None = None,
        level: int | None = None,
        actor: int | None = None,
    ) -> None:
        """Members are told (the actor and the one it happened to are told by their own screens;
        a kicked member is told too)."""
        told = {m.player_id for m in members} | ({player_id} if player_id is not None and what == "kicked" else set())
        if what != "kicked" and player_id is not None:
            told.discard(player_id)
        if actor is not None:
            told.discard(actor)
        await self._publish(guild, what, told, player_id=player_id, player_name=player_name, level=level)

    async def _publish(
        self,
        guild: GuildRecord,
        what: str,
        recipients: Iterable[int],
        *,
        player_id: int | None = None,
        player_name: str | None = None,
        level: int | None = None,
    ) -> None:
        told = tuple(sorted(set(recipients)))
        if not told:
            return
        event: Event = GuildNotice(
            guild_id=guild.id,
            guild_name=guild.name,
            guild_tag=guild.tag,
            what=what,
            player_id=player_id,
            player_name=player_name,
            level=level,
            recipients=told,
        )
        await self.events.publish(event)


async def add_guild_xp(
    uow_factory: UnitOfWorkFactory, events: EventBus, guild_id: int, player_id: int, xp: int
) -> None:
    """A member's contribution of `xp` (a share of a fight's) to their guild; its members hear of a level-up."""
    if xp <= 0:
        return
    async with uow_factory() as uow:
        guild = await uow.guilds.get_guild(guild_id, for_update=True)
        member = await uow.guilds.membership(player_id)
        if guild is None or member is None or member.guild_id != guild_id:
            return  # left (or the guild is gone) meanwhile
        grown = _grown(guild, xp)
        await uow.guilds.update_member(replace(member, contributed=member.contributed + xp))
        await uow.guilds.save_guild(grown)
        await uow.commit()
        members = await uow.guilds.members(guild_id) if grown.level > guild.level else []
    if members:
        await events.publish(
            GuildNotice(
                guild_id=guild_id,
                guild_name=grown.name,
                guild_tag=grown.tag,
                what="level_up",
                level=grown.level,
                recipients=tuple(sorted(m.player_id for m in members)),
            )
        )


def _grown(guild: GuildRecord, xp: int) -> GuildRecord:
    total = guild.xp + xp
    return replace(guild, xp=total, level=max(guild.level, rules.level_for_xp(total)))


def _member_in(seat: _Seat, member_id: int) -> MemberRecord:
    target = next((m for m in seat.members if m.player_id == member_id), None)
    if target is None:
        raise GuildNotFound("that player is not in your guild", player_id=member_id)
    return target


def _pending(p: PendingRecord) -> GuildPending:
    return GuildPending(
        guild_id=p.guild_id,
        guild_name=p.guild_name,
        guild_tag=p.guild_tag,
        player_id=p.player_id,
        player_name=p.player_name,
        kind=p.kind,
        at=p.at,
    )


def rules_refused(reason: str, message: str, **details: object) -> GameError:
    """A guild rule's refusal, as the port's error."""
    return rule_refusal(rules.GuildRefused.code, message, {"reason": reason, **details})


def raise_not_permitted(rank: str, power: str) -> None:
    raise rule_refusal(rules.NotPermitted.code, f"a {rank} may not {power}", {"rank": rank, "power": power})
