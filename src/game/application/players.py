"""A player as the use cases read them: the durable record, the hot state (re-hydrated when Redis lost it)
and the stats that gear and passive skills make of them."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Awaitable, Callable

from game.api import CharacterSheet, NotRegistered
from game.application.ports.hot_state import HotRead, HotStateStore
from game.application.ports.unit_of_work import PlayerRecord, UnitOfWork, UnitOfWorkFactory
from game.application.presenters.characters import character_sheet
from game.application.records import RecordCache
from game.domain.character import Derived, HotState, derive_full
from game.domain.content import Content
from game.domain.running_fight import RunningFight
from game.domain.skills import passive_skills
from game.domain.world import WorldMap
from shared.ports import Clock

log = logging.getLogger(__name__)


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

    async def get_fight(self, player_id: int) -> RunningFight | None:
        fight, known = await self.inner.get_fight_checked(player_id)
        if fight is None and not known:
            await self._rehydrate(player_id)
            fight = await self.inner.get_fight(player_id)
        return fight

    async def put_fight(self, player_id: int, fight: RunningFight | None, state: HotState) -> None:
        await self.inner.put_fight(player_id, fight, state)


_DERIVED_KEPT = 10_000  # builds whose derived values are kept (all forgotten at once past it)


class Players:
    def __init__(
        self,
        *,
        content: Content,
        world: WorldMap,
        uow_factory: UnitOfWorkFactory,
        hot_state: HotStateStore,
        clock: Clock,
        records: RecordCache | None = None,
    ) -> None:
        self._clock = clock
        self._content = content
        self._world = world
        self._uow_factory = uow_factory
        self.hot = RehydratingHotState(hot_state, self._rehydrate)
        self.records = records if records is not None else RecordCache()
        self._derived: dict[tuple[object, ...], Derived] = {}

    async def record(self, uow: UnitOfWork, player_id: int, *, for_update: bool = False) -> PlayerRecord:
        """The durable record: this process's copy when it is as recent as the version published in the hot
        hash, else read from `uow` (always so `for_update`)."""
        version = None if for_update else await self.hot.inner.record_version(player_id)
        return await self._record(uow, player_id, version, for_update=for_update)

    async def _record(
        self, uow: UnitOfWork, player_id: int, version: int | None, *, for_update: bool = False
    ) -> PlayerRecord:
        if not for_update and version is not None:
            kept = self.records.get(player_id, version)
            if kept is not None:
                return kept
        record = await uow.characters.load(player_id, for_update=for_update)
        if record is None:
            raise NotRegistered("no character yet: /start to create one")
        self.records.put(record)
        if not for_update and (version is None or version < record.version):
            # Redis lost it (or never had it): published again, so the next action can use the copy.
            await self.hot.inner.publish_record_versions({player_id: record.version})
        return record

    async def claimed_record(self, uow: UnitOfWork, player_id: int, source_id: str) -> PlayerRecord | None:
        """Claim `source_id` for the player and, if it had not paid out before, the durable record locked for
        update (as `record(for_update=True)` reads it), in one round trip; None if it had."""
        claimed, record = await uow.characters.claim_and_load(player_id, source_id)
        if not claimed:
            return None
        if record is None:
            raise NotRegistered("no character yet: /start to create one")
        self.records.put(record)
        return record

    def sheet(self, record: PlayerRecord, hot: HotState) -> CharacterSheet:
        """The character sheet of `record` and `hot` as they are now (what an action's screen shows of them)."""
        return character_sheet(
            self._content, record, hot, self.derived(record), now=self._clock.now(), in_combat=hot.activity == "combat"
        )

    async def current(self, uow: UnitOfWork, player_id: int) -> tuple[PlayerRecord, HotState, HotRead]:
        """The record and the hot state (re-hydrated if need be) with one read of the hot store, and that
        read (the world's version for what the location shows)."""
        seen = await self.hot.inner.read(player_id)
        record = await self._record(uow, player_id, seen.record_version)
        hot = seen.state
        if hot is None or self._world.location(hot.location_id) is None:
            hot = await self.hot_state(uow, player_id)
        return record, hot, seen

    async def hot_state(self, uow: UnitOfWork, player_id: int) -> HotState:
        """Hot state from Redis, or re-hydrated from the last snapshot when Redis lost it (the fight too)."""
        hot = await self.hot.get(player_id)
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
        if fight is not None and await self.hot.inner.get_fight(player_id) is None:
            await self.hot.put_fight(player_id, fight, state)
        else:
            await self.hot.put(player_id, state, mark_changed=False)
        return state

    async def known_hot_state(self, player_id: int) -> HotState:
        """Hot state alone, when that is all an action needs: only a registered player has one,
        so PostgreSQL is asked only when Redis has lost it."""
        hot = await self.hot.get(player_id)
        if hot is not None and self._world.location(hot.location_id) is not None:
            return hot
        async with self._uow_factory(read_only=True) as uow:
            return await self.hot_state(uow, player_id)

    def settled(self, record: PlayerRecord, hot: HotState) -> HotState:
        """The hot state as it is now: what came back with time (stamina; HP and mana out of a fight)."""
        return hot.settled(self._clock.now(), self.derived(record))

    async def heal_after_level_up(self, record: PlayerRecord) -> None:
        """A level-up restores HP and mana (outside a fight; a fight's own ending does it for a win)."""
        player_id = record.character.player_id
        hot = await self.hot.get(player_id)
        if hot is None or hot.activity == "combat":
            return
        derived = self.derived(record)
        await self.hot.put(player_id, hot.settled(self._clock.now(), derived).restored(derived))

    def derived(self, record: PlayerRecord) -> Derived:
        """Stats with gear and passive skills counted: worked out once for each build (stats, level, gear,
        skills), which an action asks for several times and a player keeps for many actions."""
        c = record.character
        build = (c.stats, c.level, frozenset(record.equipment.slots.items()), record.skills)
        derived = self._derived.get(build)
        if derived is None:
            gear = record.equipment.item_defs(self._content.items)
            derived = derive_full(c.stats, c.level, gear, passive_skills(self._content, record.skills))
            if len(self._derived) >= _DERIVED_KEPT:
                self._derived.clear()
            self._derived[build] = derived
        return derived

    async def _rehydrate(self, player_id: int) -> None:
        async with self._uow_factory(read_only=True) as uow:
            with contextlib.suppress(NotRegistered):  # no character, so no fight either
                await self.hot_state(uow, player_id)

    def _resumable(self, fight: RunningFight | None) -> RunningFight | None:
        """The saved fight if it can go on: not over, against a monster the content still has."""
        if fight is None or fight.combat.over or fight.combat.monster_id not in self._content.monsters:
            return None
        return fight
