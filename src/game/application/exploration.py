"""Looking around, travelling, exploring."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from game.api import (
    BadRequest,
    ExploreResult,
    InCombat,
    LocationView,
    NotAdjacent,
    NotThere,
    StaleAction,
    UnknownLocation,
)
from game.application.actions import Actions
from game.application.dice import Dice
from game.application.fights import Fights
from game.application.payouts import Payouts
from game.application.players import Players
from game.application.ports.unit_of_work import UnitOfWorkFactory
from game.application.presenters.characters import location_view
from game.application.presenters.items import stacks
from game.application.presenters.names import grammar
from game.application.surroundings import Surroundings
from game.domain.character import MAX_STAMINA
from game.domain.content import Content
from game.domain.exploration import explore
from game.domain.loot import Rewards
from game.domain.running_fight import WildFight
from game.domain.world import WorldMap
from shared.ports import Clock

PRESS = re.compile(r"[A-Za-z0-9_-]{1,32}")  # a button's once-only token


@dataclass(frozen=True, kw_only=True)
class Exploration:
    content: Content
    world: WorldMap
    uow_factory: UnitOfWorkFactory
    players: Players
    actions: Actions
    payouts: Payouts
    fights: Fights
    dice: Dice
    clock: Clock
    surroundings: Surroundings

    async def look(self, *, player_id: int) -> LocationView:
        return await self._view(player_id)

    async def travel(self, *, player_id: int, destination: str) -> LocationView:
        async with self.actions.one_at_a_time(player_id):
            hot = await self.players.known_hot_state(player_id)
            if self.world.location(destination) is None:
                raise UnknownLocation(f"no location {destination!r}", location_id=destination)
            if not self.world.is_adjacent(hot.location_id, destination):
                raise NotAdjacent("you cannot get there from here", origin=hot.location_id, destination=destination)
            if await self.players.hot.get_fight(player_id) is not None:
                raise InCombat("you cannot leave in the middle of a fight")
            await self.players.hot.put(player_id, hot.moved_to(destination))
            # Drawn before the lock is let go: from what the lock's read brought and the move, no more reads.
            return await self._view(player_id)

    async def _view(self, player_id: int) -> LocationView:
        """The location with who is looking (level, HP: for warnings) and what is there now."""
        async with self.uow_factory(read_only=True) as uow:
            record, hot, seen = await self.players.current(uow, player_id)
        hot = self.players.settled(record, hot)
        rifts, boss = await self.surroundings.of(hot.location_id, world_version=seen.world_version)
        view = location_view(self.world, hot.location_id)
        derived = self.players.derived(record)
        return view.model_copy(
            update={
                "player_level": record.character.level,
                "hp": hot.hp,
                "max_hp": derived.max_hp,
                "rifts": rifts,
                "boss": boss,
            }
        )

    async def explore(self, *, player_id: int, press: str | None = None, at: str | None = None) -> ExploreResult:
        if press is not None and not PRESS.fullmatch(press):
            raise BadRequest("press: 1 to 32 letters, digits, '-' or '_'", argument="press")
        async with self.actions.one_at_a_time(player_id):
            # The button's token is claimed with the player's hot state, only once the exploring goes ahead:
            # a refusal (a fight, no stamina) leaves the button as it was. Under the player's lock the claim
            # is written with the stamina spent and the fight begun, in one step.
            hot_store = self.players.hot.inner
            async with self.uow_factory(read_only=True) as uow:
                record = await self.players.record(uow, player_id)
                hot = await self.players.hot_state(uow, player_id)
                if at is not None and at != hot.location_id:
                    raise NotThere("that button was drawn at a place you have left", location=hot.location_id)
                if press is not None and await hot_store.pressed(player_id, press):
                    raise StaleAction("that button was pressed already", press=press)
                if await self.players.hot.get_fight(player_id) is not None:
                    raise InCombat("finish the fight first")
            location = self.content.locations[hot.location_id]
            now = self.clock.now()
            hot = self.players.settled(record, hot)
            tired = hot.spend_stamina(location.stamina_cost, now)  # raises NotEnoughStamina
            if press is not None and not await hot_store.claim_press(player_id, press):
                raise StaleAction("that button was pressed already", press=press)
            encounter_id = self.dice.new_id("explore", player_id)
            encounter = explore(location, self.content, self.dice.rng("explore", encounter_id))
            base: dict[str, Any] = dict(
                kind=encounter.kind,
                location_id=location.id,
                location_name=location.name.as_dict(),
                location_forms=grammar(location.ru),
                stamina=int(tired.stamina_now(now)),
                max_stamina=MAX_STAMINA,
            )
            if encounter.kind == "monster":
                assert encounter.monster is not None
                fight = await self.fights.begin(
                    player_id=player_id, record=record, hot=tired, monster=encounter.monster, context=WildFight()
                )
                fighting = replace(tired, activity="combat")  # as the fight is stored
                return ExploreResult(**base, combat=fight, sheet=self.players.sheet(record, fighting))
            if encounter.kind in ("resource", "treasure"):
                items = dict(encounter.items)
                if encounter.item:
                    items[encounter.item] = items.get(encounter.item, 0) + encounter.quantity
                # A pressed button's find is paid once by its token: should the process die between the
                # payout and the claim's write, the same press again pays nothing more.
                source = f"explore:press:{press}" if press is not None else f"explore:{encounter_id}"
                granted = await self.payouts.grant(player_id, source, Rewards(xp=0, gold=encounter.gold, items=items))
                if press is not None and not granted.applied:
                    # This press found something before (its claim since lost, or pushed out of the hash by
                    # later ones): it explores nothing more, and the stamina stays.
                    raise StaleAction("that button was pressed already", press=press)
                await self.players.hot.put(player_id, tired)
                async with self.uow_factory(read_only=True) as uow:
                    record = await self.players.record(uow, player_id)  # with what was found
                return ExploreResult(
                    **base,
                    found=stacks(self.content, granted.kept),
                    lost=stacks(self.content, granted.lost),
                    gold=granted.gold,
                    sheet=self.players.sheet(record, tired),
                )
            await self.players.hot.put(player_id, tired)
            return ExploreResult(**base, sheet=self.players.sheet(record, tired))
