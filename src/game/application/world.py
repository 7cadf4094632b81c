"""Looking around, travelling, exploring."""

from __future__ import annotations

from game.api import ExploreResult, InCombat, LocationView, NotAdjacent, UnknownLocation
from game.application import presenters
from game.application.combat import CombatUseCases
from game.domain.character import MAX_STAMINA
from game.domain.exploration import explore
from game.domain.loot import Rewards


class WorldUseCases(CombatUseCases):
    async def look(self, *, player_id: int) -> LocationView:
        hot = await self._known_hot_state(player_id)
        return presenters.location_view(self._world, hot.location_id)

    async def travel(self, *, player_id: int, destination: str) -> LocationView:
        async with self._one_action(player_id):
            hot = await self._known_hot_state(player_id)
            if self._world.location(destination) is None:
                raise UnknownLocation(f"no location {destination!r}", location_id=destination)
            if not self._world.is_adjacent(hot.location_id, destination):
                raise NotAdjacent("you cannot get there from here", origin=hot.location_id, destination=destination)
            if await self._hot.get_fight(player_id) is not None:
                raise InCombat("you cannot leave in the middle of a fight")
            await self._hot.put(player_id, hot.moved_to(destination))
        return presenters.location_view(self._world, destination)

    async def explore(self, *, player_id: int) -> ExploreResult:
        async with self._one_action(player_id):
            if await self._hot.get_fight(player_id) is not None:
                raise InCombat("finish the fight first")
            async with self._uow_factory(read_only=True) as uow:
                record = await self._player(uow, player_id)
                hot = await self._hot_state(uow, player_id)
            location = self._content.locations[hot.location_id]
            now = self._clock.now()
            tired = hot.spend_stamina(location.stamina_cost, now)  # raises NotEnoughStamina
            encounter_id = self._new_id("explore", player_id)
            encounter = explore(location, self._content, self._rng("explore", encounter_id))
            base = dict(
                kind=encounter.kind,
                location_id=location.id,
                location_name=location.name.as_dict(),
                stamina=int(tired.stamina_now(now)),
                max_stamina=MAX_STAMINA,
            )
            if encounter.kind == "monster":
                assert encounter.monster is not None
                fight = await self._begin_fight(
                    player_id=player_id, record=record, hot=tired, monster=encounter.monster, context={"kind": "wild"}
                )
                return ExploreResult(**base, combat=fight)
            if encounter.kind in ("resource", "treasure"):
                items = dict(encounter.items)
                if encounter.item:
                    items[encounter.item] = items.get(encounter.item, 0) + encounter.quantity
                granted = await self._grant(
                    player_id, f"explore:{encounter_id}", Rewards(xp=0, gold=encounter.gold, items=items)
                )
                await self._hot.put(player_id, tired)
                return ExploreResult(
                    **base,
                    found=presenters.stacks(self._content, granted.kept),
                    lost=presenters.stacks(self._content, granted.lost),
                    gold=encounter.gold,
                )
            await self._hot.put(player_id, tired)
            return ExploreResult(**base)
