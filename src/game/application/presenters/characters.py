"""Characters and places → DTOs."""

from __future__ import annotations

from game.api import CharacterSheet, ClassInfo, DerivedStats, ExitInfo, LocationView, Stats
from game.application.ports.unit_of_work import PlayerRecord
from game.application.presenters.names import grammar
from game.domain.character import MAX_STAMINA, Derived, HotState, xp_to_next
from game.domain.content import ClassDef, Content
from game.domain.world import WorldMap


def class_info(class_def: ClassDef) -> ClassInfo:
    return ClassInfo(
        id=class_def.id,
        name=class_def.name.as_dict(),
        description=class_def.description.as_dict(),
        stats=Stats(**class_def.stats.model_dump()),
    )


def derived_stats(d: Derived) -> DerivedStats:
    return DerivedStats(
        max_hp=d.max_hp,
        max_mana=d.max_mana,
        attack=d.attack,
        defence=d.defence,
        crit_chance=d.crit_chance,
        dodge_chance=d.dodge_chance,
        magic=d.magic,
    )


def character_sheet(
    content: Content, record: PlayerRecord, hot: HotState, derived: Derived, *, now: float, in_combat: bool = False
) -> CharacterSheet:
    character = record.character
    location = content.locations[hot.location_id]
    hot = hot.settled(now, derived)
    hp_in, mana_in, stamina_in = hot.seconds_until_full(derived)
    return CharacterSheet(
        player_id=character.player_id,
        name=character.name,
        class_id=character.class_id,
        class_name=content.classes[character.class_id].name.as_dict(),
        level=character.level,
        xp=character.xp,
        xp_to_next=xp_to_next(character.level),
        gold=character.gold,
        stats=Stats(
            strength=character.stats.strength,
            agility=character.stats.agility,
            intellect=character.stats.intellect,
            vitality=character.stats.vitality,
        ),
        derived=derived_stats(derived),
        hp=min(hot.hp, derived.max_hp),
        mana=min(hot.mana, derived.max_mana),
        stamina=int(hot.stamina),
        max_stamina=MAX_STAMINA,
        hp_full_in=0 if in_combat else hp_in,
        mana_full_in=0 if in_combat else mana_in,
        stamina_full_in=stamina_in,
        explore_cost=round(location.stamina_cost) if not location.town else 0,
        explore_in=0 if location.town else hot.seconds_until_stamina(location.stamina_cost),
        location_id=location.id,
        location_name=location.name.as_dict(),
        location_forms=grammar(location.ru),
        stat_points=character.stat_points,
        skill_points=character.skill_points,
        version=record.version,
        in_combat=in_combat,
    )


def location_view(world: WorldMap, location_id: str) -> LocationView:
    here = world.location(location_id)
    assert here is not None
    return LocationView(
        id=here.id,
        name=here.name.as_dict(),
        name_forms=grammar(here.ru),
        description=here.description.as_dict(),
        level=here.level,
        is_town=here.town,
        exits=tuple(
            ExitInfo(id=e.id, name=e.name.as_dict(), name_forms=grammar(e.ru), level=e.level)
            for e in world.exits(here.id)
        ),
    )
