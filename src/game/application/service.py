"""The game's use cases: the in-process implementation of `game.api.GameApi`."""

from __future__ import annotations

import logging

from game.api import (
    AlreadyRegistered,
    CharacterSheet,
    ClassInfo,
    InvalidName,
    LocationView,
    NameTaken,
    NotAdjacent,
    NotRegistered,
    SnapshotReport,
    UnknownClass,
    UnknownLocation,
)
from game.application import presenters
from game.application.ports.hot_state import HotStateStore
from game.application.ports.snapshot import HotStateSnapshotter
from game.application.ports.unit_of_work import UnitOfWork, UnitOfWorkFactory
from game.domain.character import (
    Character,
    HotState,
    fresh_hot_state,
    is_valid_name,
    name_key,
    new_character,
    normalize_name,
)
from game.domain.content import Content
from game.domain.world import WorldMap
from shared.events import CharacterCreated
from shared.ports import Clock, EventBus

log = logging.getLogger(__name__)


class GameService:
    def __init__(
        self,
        *,
        content: Content,
        uow_factory: UnitOfWorkFactory,
        hot_state: HotStateStore,
        snapshotter: HotStateSnapshotter,
        events: EventBus,
        clock: Clock,
    ) -> None:
        self._content = content
        self._world = WorldMap(content)
        self._uow_factory = uow_factory
        self._hot = hot_state
        self._snapshotter = snapshotter
        self._events = events
        self._clock = clock

    # --- characters -------------------------------------------------------------------------

    async def list_classes(self) -> list[ClassInfo]:
        return [presenters.class_info(c) for c in self._content.classes.values()]

    async def check_name(self, *, name: str) -> str:
        if not is_valid_name(name):
            raise InvalidName("3–16 letters, digits, _ or -", name=name)
        async with self._uow_factory() as uow:
            if await uow.characters.name_taken(name_key(name)):
                raise NameTaken("that name is taken", name=normalize_name(name))
        return normalize_name(name)

    async def register(self, *, player_id: int, name: str, class_id: str) -> CharacterSheet:
        if not is_valid_name(name):
            raise InvalidName("3–16 letters, digits, _ or -", name=name)
        class_def = self._content.classes.get(class_id)
        if class_def is None:
            raise UnknownClass(f"no class {class_id!r}", class_id=class_id)
        character = new_character(player_id=player_id, name=name, class_def=class_def)
        hot = fresh_hot_state(character, location_id=self._world.start, now=self._clock.now())
        async with self._uow_factory() as uow:
            if await uow.characters.get(player_id) is not None:
                raise AlreadyRegistered("this player already has a character")
            if await uow.characters.name_taken(name_key(name)):
                raise NameTaken("that name is taken", name=character.name)
            await uow.characters.add(character, name_key=name_key(name), hot=hot)
            await uow.commit()
        await self._hot.put(player_id, hot, mark_changed=False)
        await self._events.publish(
            CharacterCreated(player_id=player_id, name=character.name, class_id=class_id, location_id=hot.location_id)
        )
        return presenters.character_sheet(self._content, character, hot, now=self._clock.now())

    async def get_character(self, *, player_id: int) -> CharacterSheet:
        async with self._uow_factory() as uow:
            character = await self._character(uow, player_id)
            hot = await self._hot_state(uow, player_id)
        return presenters.character_sheet(self._content, character, hot, now=self._clock.now())

    # --- world ------------------------------------------------------------------------------

    async def look(self, *, player_id: int) -> LocationView:
        async with self._uow_factory() as uow:
            await self._character(uow, player_id)
            hot = await self._hot_state(uow, player_id)
        return presenters.location_view(self._world, hot.location_id)

    async def travel(self, *, player_id: int, destination: str) -> LocationView:
        async with self._uow_factory() as uow:
            await self._character(uow, player_id)
            hot = await self._hot_state(uow, player_id)
        if self._world.location(destination) is None:
            raise UnknownLocation(f"no location {destination!r}", location_id=destination)
        if not self._world.is_adjacent(hot.location_id, destination):
            raise NotAdjacent("you cannot get there from here", origin=hot.location_id, destination=destination)
        await self._hot.put(player_id, hot.moved_to(destination))
        return presenters.location_view(self._world, destination)

    # --- maintenance ------------------------------------------------------------------------

    async def snapshot_hot_state(self, *, full: bool = False) -> SnapshotReport:
        return await self._snapshotter.run(full=full)

    # --- helpers ----------------------------------------------------------------------------

    async def _character(self, uow: UnitOfWork, player_id: int) -> Character:
        character = await uow.characters.get(player_id)
        if character is None:
            raise NotRegistered("no character yet: /start to create one")
        return character

    async def _hot_state(self, uow: UnitOfWork, player_id: int) -> HotState:
        """Hot state from Redis, or re-hydrated from the last snapshot when Redis lost it."""
        hot = await self._hot.get(player_id)
        if hot is not None and self._world.location(hot.location_id) is not None:
            return hot
        saved = await uow.characters.get_saved_hot_state(player_id)
        if saved is None:
            raise NotRegistered("no character yet: /start to create one")
        if self._world.location(saved.location_id) is None:  # content changed under a saved state
            saved = saved.moved_to(self._world.start)
        log.info("re-hydrated hot state of player %s from durable storage", player_id)
        await self._hot.put(player_id, saved, mark_changed=False)
        return saved
