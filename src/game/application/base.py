"""What every group of use cases shares: content, storage ports, events, the clock and the RNG.

`GameService` combines the groups; each lives in its own module and sees only this base.
"""

from __future__ import annotations

import contextlib
import logging
import random
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from game.api import GameError, InCombat, NotRegistered, StaleAction, rule_refusal
from game.application.ports.hot_state import HotStateStore, PlayerLocks
from game.application.ports.snapshot import HotStateSnapshotter
from game.application.ports.unit_of_work import PlayerRecord, UnitOfWork, UnitOfWorkFactory
from game.domain.character import Derived, HotState, derive_full
from game.domain.combat import Combat
from game.domain.content import Content
from game.domain.errors import InventoryFull, RuleViolation
from game.domain.inventory import Inventory
from game.domain.loot import Rewards
from game.domain.progression import gain_xp
from game.domain.skills import passive_skills
from game.domain.world import WorldMap
from shared.events import PlayerLeveledUp
from shared.ports import Clock, EventBus

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Granted:
    applied: bool  # False: this source had already paid out
    kept: dict[str, int] = field(default_factory=dict)
    lost: dict[str, int] = field(default_factory=dict)  # loot with no room in the bag
    level: int = 0
    levels_gained: int = 0
    gold_left: int = 0


def fit_into(inventory: Inventory, items: Mapping[str, int], catalog) -> tuple[Inventory, dict, dict]:
    """Add what fits, unit by unit; the rest is left behind (a full bag never loses what it holds)."""
    kept: dict[str, int] = {}
    lost: dict[str, int] = {}
    for item_id, quantity in sorted(items.items()):
        for _ in range(quantity):
            try:
                inventory = inventory.add(item_id, 1, catalog)
                kept[item_id] = kept.get(item_id, 0) + 1
            except InventoryFull:
                lost[item_id] = lost.get(item_id, 0) + 1
    return inventory, kept, lost


class RehydratingHotState:
    """The hot-state store as use cases see it: the fight of a player whose hash Redis lost is looked up only
    after re-hydrating that player, so every "in a fight?" check (and `get_combat`) sees the saved fight."""

    def __init__(self, inner: HotStateStore, rehydrate: Callable[[int], Awaitable[None]]) -> None:
        self.inner = inner
        self._rehydrate = rehydrate

    async def get(self, player_id: int) -> HotState | None:
        return await self.inner.get(player_id)

    async def put(self, player_id: int, state: HotState, *, mark_changed: bool = True) -> None:
        await self.inner.put(player_id, state, mark_changed=mark_changed)

    async def get_fight(self, player_id: int) -> dict[str, Any] | None:
        fight, known = await self.inner.get_fight_checked(player_id)
        if fight is None and not known:
            await self._rehydrate(player_id)
            fight = await self.inner.get_fight(player_id)
        return fight

    async def get_fight_checked(self, player_id: int) -> tuple[dict[str, Any] | None, bool]:
        return await self.inner.get_fight_checked(player_id)

    async def put_fight(self, player_id: int, fight: dict[str, Any] | None, state: HotState) -> None:
        await self.inner.put_fight(player_id, fight, state)


class UseCaseBase:
    def __init__(
        self,
        *,
        content: Content,
        uow_factory: UnitOfWorkFactory,
        hot_state: HotStateStore,
        locks: PlayerLocks,
        snapshotter: HotStateSnapshotter,
        events: EventBus,
        clock: Clock,
        seed: int | None = None,
    ) -> None:
        self._content = content
        self._world = WorldMap(content)
        self._uow_factory = uow_factory
        self._hot = RehydratingHotState(hot_state, self._rehydrate)
        self._locks = locks
        self._snapshotter = snapshotter
        self._events = events
        self._clock = clock
        # Every random outcome is drawn from an RNG seeded by the game's seed and what is being
        # decided (a fight's id and turn, …): replaying the same press gives the same result.
        self._seed = seed if seed is not None else random.SystemRandom().getrandbits(64)

    def _rng(self, *parts: object) -> random.Random:
        return random.Random(f"{self._seed}:" + ":".join(map(str, parts)))

    def _new_id(self, *parts: object) -> str:
        return f"{self._rng('id', *parts, self._clock.now()).getrandbits(64):016x}"

    # --- loading ------------------------------------------------------------------------------

    async def _player(self, uow: UnitOfWork, player_id: int, *, for_update: bool = False) -> PlayerRecord:
        record = await uow.characters.load(player_id, for_update=for_update)
        if record is None:
            raise NotRegistered("no character yet: /start to create one")
        return record

    async def _hot_state(self, uow: UnitOfWork, player_id: int) -> HotState:
        """Hot state from Redis, or re-hydrated from the last snapshot when Redis lost it (the fight too)."""
        hot = await self._hot.get(player_id)
        if hot is not None and self._world.location(hot.location_id) is not None:
            return hot
        saved = await uow.characters.get_saved_hot_state(player_id)
        if saved is None:
            raise NotRegistered("no character yet: /start to create one")
        state, fight = saved.state, self._resumable(saved.fight) if hot is None else None
        if self._world.location(state.location_id) is None:  # content changed under a saved state
            state, fight = state.moved_to(self._world.start), None
        log.info("re-hydrated hot state of player %s from durable storage", player_id)
        # A fight still in Redis (beside a damaged hash) is newer than the saved one: it stays.
        if fight is not None and await self._hot.inner.get_fight(player_id) is None:
            await self._hot.put_fight(player_id, fight, state)
        else:
            await self._hot.put(player_id, state, mark_changed=False)
        return state

    async def _rehydrate(self, player_id: int) -> None:
        async with self._uow_factory(read_only=True) as uow:
            with contextlib.suppress(NotRegistered):  # no character, so no fight either
                await self._hot_state(uow, player_id)

    def _resumable(self, fight: dict[str, Any] | None) -> dict[str, Any] | None:
        """The saved fight if it can go on: well formed, not over, against a monster the content still has."""
        try:
            combat = Combat.from_dict(fight["combat"]) if fight else None
        except (KeyError, TypeError, ValueError):
            return None
        if combat is None or combat.over or combat.monster_id not in self._content.monsters:
            return None
        return fight

    async def _known_hot_state(self, player_id: int) -> HotState:
        """Hot state alone, when that is all an action needs: only a registered player has one,
        so PostgreSQL is asked only when Redis has lost it."""
        hot = await self._hot.get(player_id)
        if hot is not None and self._world.location(hot.location_id) is not None:
            return hot
        async with self._uow_factory(read_only=True) as uow:
            return await self._hot_state(uow, player_id)

    def _derived(self, record: PlayerRecord) -> Derived:
        """Stats with gear and passive skills counted."""
        c = record.character
        gear = record.equipment.item_defs(self._content.items)
        return derive_full(c.stats, c.level, gear, passive_skills(self._content, record.skills))

    async def _grant(self, player_id: int, source_id: str, rewards: Rewards) -> Granted:
        """Pay XP, gold and items exactly once per `source_id`, in one transaction."""
        async with self._uow_factory() as uow:
            if not await uow.characters.claim(player_id, source_id):
                return Granted(applied=False)
            before = await self._player(uow, player_id, for_update=True)
            progress = gain_xp(before.character, rewards.xp)
            character = replace(progress.character, gold=progress.character.gold + rewards.gold)
            inventory, kept, lost = fit_into(before.inventory, rewards.items, self._content.items)
            after = replace(before, character=character, inventory=inventory)
            await uow.characters.save(before, after)
            await uow.commit()
        if progress.levels_gained:
            await self._events.publish(PlayerLeveledUp(player_id=player_id, level=character.level))
        return Granted(
            applied=True,
            kept=kept,
            lost=lost,
            level=character.level,
            levels_gained=progress.levels_gained,
            gold_left=character.gold,
        )

    async def _change(
        self,
        player_id: int,
        version: int | None,
        change: Callable[[PlayerRecord, HotState], tuple[PlayerRecord, HotState | None]],
        *,
        outside_fights: bool = True,
    ) -> tuple[PlayerRecord, HotState]:
        """One durable action: checks the version the button was drawn for (None: any), applies `change`
        (a pure rule returning the new record and, if it changed, the new hot state), saves, commits."""
        async with self._one_action(player_id):
            if outside_fights and await self._hot.get_fight(player_id) is not None:
                raise InCombat("not in the middle of a fight")
            async with self._uow_factory() as uow:
                before = await self._player(uow, player_id, for_update=True)
                if version is not None and before.version != version:
                    raise StaleAction("this was drawn for an earlier state", version=before.version)
                hot = await self._hot_state(uow, player_id)
                after, new_hot = change(before, hot)
                new_version = await uow.characters.save(before, after)
                await uow.commit()
            if new_hot is not None:
                await self._hot.put(player_id, new_hot)
                hot = new_hot
        return replace(after, version=new_version), hot

    # --- guarding -----------------------------------------------------------------------------

    @contextlib.asynccontextmanager
    async def _one_action(self, player_id: int) -> AsyncIterator[None]:
        """One state-changing action of a player at a time; domain refusals become the port's."""
        async with self._locks.hold(player_id):
            with self._refusals():
                yield

    @staticmethod
    @contextlib.contextmanager
    def _refusals() -> Iterator[None]:
        try:
            yield
        except RuleViolation as violation:
            error: GameError = rule_refusal(violation.code, violation.message, violation.details)
            raise error from None
