"""The daily reward: claimed once per game day, with a streak that grows for a week."""

from __future__ import annotations

from dataclasses import dataclass, replace

from game.api.economy import DailyClaimed, DailyView
from game.application.actions import Actions
from game.application.players import Players
from game.application.ports.unit_of_work import UnitOfWorkFactory
from game.domain import daily as rules
from shared.ports import Clock


@dataclass(frozen=True, kw_only=True)
class Dailies:
    uow_factory: UnitOfWorkFactory
    players: Players
    actions: Actions
    clock: Clock
    reset_hour: int = 0  # UTC hour at which a game day starts

    async def daily(self, *, player_id: int) -> DailyView:
        async with self.uow_factory(read_only=True) as uow:
            await self.players.record(uow, player_id)
            streak = await uow.exchange.get_streak(player_id)
        return self._view(streak)

    async def claim_daily(self, *, player_id: int) -> DailyClaimed:
        now = self.clock.now()
        async with self.actions.one_at_a_time(player_id), self.uow_factory() as uow:
            before = await self.players.record(uow, player_id, for_update=True)
            claimed = rules.claim(
                await uow.exchange.get_streak(player_id, for_update=True), now, reset_hour=self.reset_hour
            )
            gold = before.character.gold + claimed.gold
            await uow.characters.save(before, replace(before, character=replace(before.character, gold=gold)))
            await uow.exchange.save_streak(player_id, claimed.streak)
            await uow.commit()
        return DailyClaimed(gold=claimed.gold, streak=claimed.streak.days, purse=gold, daily=self._view(claimed.streak))

    def _view(self, streak: rules.Streak) -> DailyView:
        now = self.clock.now()
        state = rules.state(streak, now, reset_hour=self.reset_hour)
        return DailyView(
            streak=state.streak,
            max_streak=rules.STREAK_DAYS,
            claimable=state.claimable,
            seconds_to_next=max(0, int(state.next_claim_at - now)),
            seconds_to_lapse=None if state.lapses_at is None else max(0, int(state.lapses_at - now)),
            gold=state.gold,
            rewards=list(rules.DAILY_GOLD),
        )
