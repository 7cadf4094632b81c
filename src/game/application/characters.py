"""Creating a character, reading it, spending stat points."""

from __future__ import annotations

from dataclasses import dataclass, replace

from game.api import AlreadyRegistered, CharacterSheet, ClassInfo, InvalidName, NameTaken, UnknownClass
from game.application.actions import Actions
from game.application.players import Players
from game.application.ports.unit_of_work import PlayerRecord, UnitOfWorkFactory
from game.application.presenters.characters import character_sheet, class_info
from game.domain.character import HotState, fresh_hot_state, is_valid_name, name_key, new_character, normalize_name
from game.domain.content import Content
from game.domain.equipment import Equipment, starting_loadout
from game.domain.inventory import Inventory
from game.domain.progression import allocate_stats
from game.domain.world import WorldMap
from shared.events import CharacterCreated
from shared.ports import Clock, EventBus

NAME_RULE = "3–16 letters, digits, _ or -"


@dataclass(frozen=True, kw_only=True)
class Characters:
    content: Content
    world: WorldMap
    uow_factory: UnitOfWorkFactory
    players: Players
    actions: Actions
    events: EventBus
    clock: Clock

    async def list_classes(self) -> list[ClassInfo]:
        return [class_info(c) for c in self.content.classes.values()]

    async def check_name(self, *, name: str) -> str:
        if not is_valid_name(name):
            raise InvalidName(NAME_RULE, name=name)
        async with self.uow_factory(read_only=True) as uow:
            if await uow.characters.name_taken(name_key(name)):
                raise NameTaken("that name is taken", name=normalize_name(name))
        return normalize_name(name)

    async def register(self, *, player_id: int, name: str, class_id: str) -> CharacterSheet:
        if not is_valid_name(name):
            raise InvalidName(NAME_RULE, name=name)
        class_def = self.content.classes.get(class_id)
        if class_def is None:
            raise UnknownClass(f"no class {class_id!r}", class_id=class_id)
        character = new_character(player_id=player_id, name=name, class_def=class_def)
        kit = starting_loadout(class_def, self.content.items)
        async with self.uow_factory() as uow:
            if await uow.characters.get(player_id) is not None:
                raise AlreadyRegistered("this player already has a character")
            if await uow.characters.name_taken(name_key(name)):
                raise NameTaken("that name is taken", name=character.name)
            empty = PlayerRecord(character, 0, Inventory(), Equipment(), frozenset())
            record = replace(empty, inventory=kit.inventory, equipment=kit.equipment)
            derived = self.players.derived(record)
            hot = fresh_hot_state(character, location_id=self.world.start, now=self.clock.now())
            hot = hot.with_vitals(derived.max_hp, derived.max_mana, derived)
            await uow.characters.add(character, name_key=name_key(name), hot=hot)
            version = await uow.characters.save(empty, record)
            await uow.commit()
        await self.players.hot.put(player_id, hot, mark_changed=False)
        await self.events.publish(
            CharacterCreated(player_id=player_id, name=character.name, class_id=class_id, location_id=hot.location_id)
        )
        record = replace(record, version=version)
        return character_sheet(self.content, record, hot, derived, now=self.clock.now())

    async def get_character(self, *, player_id: int) -> CharacterSheet:
        async with self.uow_factory(read_only=True) as uow:
            record, hot, _ = await self.players.current(uow, player_id)
        return self.players.sheet(record, hot)  # in a fight: the activity is set with it, in the same write

    async def allocate_stat(self, *, player_id: int, stat: str, version: int) -> CharacterSheet:
        def change(before: PlayerRecord, hot: HotState) -> tuple[PlayerRecord, None]:
            return replace(before, character=allocate_stats(before.character, {stat: 1})), None

        after, hot = await self.actions.change(player_id, version, change, outside_fights=False)
        return character_sheet(self.content, after, hot, self.players.derived(after), now=self.clock.now())
