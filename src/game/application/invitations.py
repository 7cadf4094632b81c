"""Invitations: a newcomer who came by a player's link names them once; when the newcomer reaches level
5 the inviter is paid, once per invitee (counted from the level-up event)."""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

from game.api.economy import InvitationView
from game.application.actions import refusals
from game.application.players import Players
from game.application.ports.unit_of_work import UnitOfWorkFactory
from game.domain import invitations as rules
from game.domain.daily import ledger_day
from shared.events import Event, InviteRewarded, PlayerLeveledUp
from shared.ports import Clock, EventBus

log = logging.getLogger(__name__)


@dataclass(frozen=True, kw_only=True)
class Invitations:
    uow_factory: UnitOfWorkFactory
    players: Players
    events: EventBus
    clock: Clock

    async def invitation(self, *, player_id: int) -> InvitationView:
        async with self.uow_factory(read_only=True) as uow:
            await self.players.record(uow, player_id)
            joined, rewarded = await uow.exchange.invitation_counts(player_id)
        return InvitationView(
            code=rules.code_of(player_id),
            joined=joined,
            rewarded=rewarded,
            reward_gold=rules.INVITE_GOLD,
            reward_level=rules.REWARD_LEVEL,
        )

    async def accept_referral(self, *, player_id: int, code: str) -> None:
        with refusals():
            inviter_id = rules.inviter_of(code)
            async with self.uow_factory() as uow:
                me = await self.players.record(uow, player_id, for_update=True)
                if inviter_id is None or await uow.characters.get(inviter_id) is None:
                    raise rules.InvitationRefused("no player has that code", reason="unknown")
                rules.check(
                    inviter_id, player_id, me.character.level, await uow.exchange.inviter_of(player_id) is not None
                )
                if not await uow.exchange.add_invitation(player_id, inviter_id, at=self.clock.now()):
                    raise rules.InvitationRefused("this player was invited already", reason="already")
                await uow.commit()

    async def track(self, event: Event) -> None:
        """A level-up to the reward's level pays the invitee's inviter, once."""
        if not isinstance(event, PlayerLeveledUp) or event.level < rules.REWARD_LEVEL:
            return
        try:
            async with self.uow_factory() as uow:
                inviter_id = await uow.exchange.inviter_of(event.player_id)
                if inviter_id is None or not await uow.exchange.mark_invitation_rewarded(event.player_id):
                    return
                inviter = await uow.characters.load(inviter_id, for_update=True)
                if inviter is None:
                    return
                paid = replace(inviter.character, gold=inviter.character.gold + rules.INVITE_GOLD)
                await uow.characters.save(inviter, replace(inviter, character=paid))
                day = ledger_day(self.clock.now())
                await uow.exchange.add_gold_flows(day, inviter_id, {"invitations": rules.INVITE_GOLD})
                invitee = await uow.characters.get(event.player_id)
                await uow.commit()
        except Exception:
            log.exception("invitation reward for player %s not paid", event.player_id)
            return
        await self.events.publish(
            InviteRewarded(player_id=inviter_id, invitee_name=invitee.name if invitee else "?", gold=rules.INVITE_GOLD)
        )
