"""Every day: the daily reward (once per game day, a streak that grows for a week) and the bounties (the
day's three and the week's one), counted from the events of what players do and paid once each."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace

from game.api import UnknownEntry
from game.api.economy import BountyClaimed, BountyNotDone, BountyView, DailyClaimed, DailyView
from game.application.actions import Actions
from game.application.players import Players
from game.application.ports.exchange import BountyProgress, BountyStep
from game.application.ports.unit_of_work import UnitOfWork, UnitOfWorkFactory
from game.domain import bounties as board
from game.domain import daily as rules
from shared.events import Event, ItemCrafted
from shared.ports import Clock, EventBus
from shared.ports.event_bus import EventHandler

log = logging.getLogger(__name__)


@dataclass(frozen=True, kw_only=True)
class Dailies:
    uow_factory: UnitOfWorkFactory
    players: Players
    actions: Actions
    clock: Clock
    reset_hour: int = 0  # UTC hour at which a game day starts

    # --- the daily reward ---------------------------------------------------------------------

    async def daily(self, *, player_id: int) -> DailyView:
        async with self.uow_factory(read_only=True) as uow:
            await self.players.record(uow, player_id)
            streak = await uow.exchange.get_streak(player_id)
            return await self._view(uow, player_id, streak)

    async def claim_daily(self, *, player_id: int) -> DailyClaimed:
        now = self.clock.now()
        async with self.actions.one_at_a_time(player_id), self.uow_factory() as uow:
            before = await self.players.record(uow, player_id, for_update=True)
            streak = await uow.exchange.get_streak(player_id, for_update=True)
            claimed = rules.claim(streak, now, reset_hour=self.reset_hour)
            gold = before.character.gold + claimed.gold
            await uow.characters.save(before, replace(before, character=replace(before.character, gold=gold)))
            await uow.exchange.save_streak(player_id, claimed.streak)
            await uow.exchange.add_gold_flows(rules.ledger_day(now), player_id, {"daily": claimed.gold})
            view = await self._view(uow, player_id, claimed.streak)
            await uow.commit()
        return DailyClaimed(gold=claimed.gold, streak=claimed.streak.days, purse=gold, daily=view)

    # --- bounties -----------------------------------------------------------------------------

    async def claim_bounty(self, *, player_id: int, bounty_id: str) -> BountyClaimed:
        bounty = board.BOUNTIES.get(bounty_id)
        if bounty is None:
            raise UnknownEntry(f"no bounty {bounty_id!r}", bounty=bounty_id)
        period = board.period_key(bounty.period, self.clock.now(), reset_hour=self.reset_hour)
        async with self.actions.one_at_a_time(player_id), self.uow_factory() as uow:
            before = await self.players.record(uow, player_id, for_update=True)
            if not await uow.exchange.mark_bounty_paid(player_id, period, bounty.id, bounty.target):
                raise BountyNotDone("that bounty is not done, or was paid already", bounty=bounty.id)
            gold = before.character.gold + bounty.gold
            await uow.characters.save(before, replace(before, character=replace(before.character, gold=gold)))
            await uow.exchange.add_gold_flows(rules.ledger_day(self.clock.now()), player_id, {"bounties": bounty.gold})
            view = await self._view(uow, player_id, await uow.exchange.get_streak(player_id))
            await uow.commit()
        shown = next(b for b in view.bounties if b.id == bounty.id)
        return BountyClaimed(bounty=shown, gold=bounty.gold, purse=gold, daily=view)

    async def track(self, event: Event) -> None:
        """Count an event towards the bounties it belongs to (a failure here never fails the action)."""
        counted = _counted(event)
        if counted is None:
            return
        kind, player_id = counted
        now = self.clock.now()
        try:
            async with self.uow_factory() as uow:
                await count_progress(uow, player_id, kind, now, reset_hour=self.reset_hour)
                await uow.commit()
        except Exception:
            log.exception("bounty progress of player %s not counted for %s", player_id, event.kind)

    # --- views --------------------------------------------------------------------------------

    async def _view(self, uow: UnitOfWork, player_id: int, streak: rules.Streak) -> DailyView:
        now = self.clock.now()
        state = rules.state(streak, now, reset_hour=self.reset_hour)
        periods = {p: board.period_key(p, now, reset_hour=self.reset_hour) for p in ("day", "week")}
        rows = await uow.exchange.bounty_progress(player_id, list(periods.values()))
        found = {(r.period, r.bounty_id): r for r in rows}
        views = []
        for bounty in (*board.DAILY_BOUNTIES, *board.WEEKLY_BOUNTIES):
            row = found.get((periods[bounty.period], bounty.id)) or BountyProgress("", bounty.id, 0, False)
            ends = board.period_end(bounty.period, now, reset_hour=self.reset_hour)
            views.append(
                BountyView(
                    id=bounty.id,
                    kind=bounty.kind,
                    period=bounty.period,
                    target=bounty.target,
                    progress=row.progress,
                    gold=bounty.gold,
                    paid=row.paid,
                    seconds_left=max(0, int(ends - now)),
                )
            )
        return DailyView(
            streak=state.streak,
            max_streak=rules.STREAK_DAYS,
            claimable=state.claimable,
            seconds_to_next=max(0, int(state.next_claim_at - now)),
            seconds_to_lapse=None if state.lapses_at is None else max(0, int(state.lapses_at - now)),
            gold=state.gold,
            rewards=list(rules.DAILY_GOLD),
            bounties=views,
        )


async def count_progress(
    uow: UnitOfWork, player_id: int, kind: board.BountyKind, now: float, *, reset_hour: int
) -> None:
    """One more of `kind` towards the player's bounties of the day and the week, in `uow`'s transaction."""
    steps = [
        BountyStep(board.period_key(bounty.period, now, reset_hour=reset_hour), bounty.id, 1, bounty.target)
        for bounty in board.counted(kind)
    ]
    await uow.exchange.add_bounty_progress(player_id, steps)


def _counted(event: Event) -> tuple[board.BountyKind, int] | None:
    # Trades are counted by the exchange itself, in the transaction of the order; won fights by their
    # payout, in its transaction (`Payouts.grant`).
    if isinstance(event, ItemCrafted):
        return "crafted", event.player_id
    return None


class CountingEvents:
    """The event bus as the use cases whose events count for something see it (bounties, invitations):
    each event is published, then handed to every counter."""

    def __init__(self, inner: EventBus, *counters: Callable[[Event], Awaitable[None]]) -> None:
        self._inner = inner
        self._counters = counters

    async def publish(self, event: Event) -> None:
        await self._inner.publish(event)
        for count in self._counters:
            await count(event)

    async def run_consumer(self, handler: EventHandler) -> None:
        await self._inner.run_consumer(handler)
