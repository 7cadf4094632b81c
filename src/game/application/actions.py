"""How a player's state-changing action runs: one at a time per player, domain refusals turned into the
port's, and the common shape of a durable change (check the screen's version, apply a rule, save)."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, replace

from game.api import GameError, InCombat, StaleAction, rule_refusal
from game.application.players import Players
from game.application.ports.hot_state import PlayerLocks
from game.application.ports.unit_of_work import PlayerRecord, UnitOfWorkFactory
from game.domain.character import HotState
from game.domain.daily import ledger_day
from game.domain.errors import RuleViolation
from shared.ports import Clock

# A pure rule: the record and hot state before → the new record and, if it changed, the new hot state.
Change = Callable[[PlayerRecord, HotState], tuple[PlayerRecord, HotState | None]]


@contextlib.contextmanager
def refusals() -> Iterator[None]:
    """Domain refusals leave as the port's errors, with their code and details."""
    try:
        yield
    except RuleViolation as violation:
        error: GameError = rule_refusal(violation.code, violation.message, violation.details)
        raise error from None


@dataclass(frozen=True, kw_only=True)
class Actions:
    locks: PlayerLocks
    uow_factory: UnitOfWorkFactory
    players: Players
    clock: Clock | None = None  # with it, a change's gold `flow` is added to the day's figures

    @contextlib.asynccontextmanager
    async def one_at_a_time(self, player_id: int) -> AsyncIterator[None]:
        """One state-changing action of a player at a time (a double tap finds it `Busy`)."""
        async with self.locks.hold(player_id):
            with refusals():
                yield

    async def change(
        self,
        player_id: int,
        version: int | None,
        change: Change,
        *,
        outside_fights: bool = True,
        flow: str | None = None,
    ) -> tuple[PlayerRecord, HotState]:
        """One durable action: checks the version the button was drawn for (None: any), applies `change`,
        saves, commits; returns the record (with its new version) and the hot state after it. `flow` names
        what the change's gold counts as in the day's economy figures (the shop, the inn, …)."""
        async with self.one_at_a_time(player_id):
            if outside_fights and await self.players.hot.get_fight(player_id) is not None:
                raise InCombat("not in the middle of a fight")
            async with self.uow_factory() as uow:
                before = await self.players.record(uow, player_id, for_update=True)
                if version is not None and before.version != version:
                    raise StaleAction("this was drawn for an earlier state", version=before.version)
                hot = self.players.settled(before, await self.players.hot_state(uow, player_id))
                after, new_hot = change(before, hot)
                new_version = await uow.characters.save(before, after)
                gold = after.character.gold - before.character.gold
                if flow is not None and gold and self.clock is not None:
                    await uow.exchange.add_gold_flows(ledger_day(self.clock.now()), player_id, {flow: gold})
                await uow.commit()
            if new_hot is not None:
                await self.players.hot.put(player_id, new_hot)
                hot = new_hot
        return replace(after, version=new_version), hot
