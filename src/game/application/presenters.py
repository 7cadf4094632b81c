"""Domain → DTO: the only place that shapes what crosses the port."""

from __future__ import annotations

from collections.abc import Mapping

from game.api import (
    CharacterSheet,
    ClassInfo,
    CombatLogLine,
    CombatView,
    DerivedStats,
    ExitInfo,
    FighterView,
    InventoryEntry,
    InventoryView,
    ItemInfo,
    ItemStack,
    LocationView,
    SkillOption,
    Stats,
    StatusView,
)
from game.application.ports.unit_of_work import PlayerRecord
from game.domain.character import MAX_STAMINA, Derived, HotState, xp_to_next
from game.domain.combat import Combat, Fighter, LogEntry, flee_chance
from game.domain.content import ClassDef, Content, ItemDef
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
    )


def character_sheet(
    content: Content, record: PlayerRecord, hot: HotState, derived: Derived, *, now: float, in_combat: bool = False
) -> CharacterSheet:
    character = record.character
    location = content.locations[hot.location_id]
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
        stamina=int(hot.stamina_now(now)),
        max_stamina=MAX_STAMINA,
        location_id=location.id,
        location_name=location.name.as_dict(),
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
        description=here.description.as_dict(),
        level=here.level,
        is_town=here.town,
        exits=tuple(ExitInfo(id=e.id, name=e.name.as_dict(), level=e.level) for e in world.exits(here.id)),
    )


# --- items -----------------------------------------------------------------------------------------


def item_info(item: ItemDef) -> ItemInfo:
    bonuses = {k: v for k, v in item.bonuses.model_dump().items() if v}
    effects: dict[str, int] = {}
    if item.use is not None:
        effects = {k: int(v) for k, v in (("heal", item.use.heal), ("mana", item.use.mana)) if v}
        if item.use.cleanse:
            effects["cleanse"] = 1
        if item.use.status is not None:
            effects[item.use.status.effect] = item.use.status.turns
    return ItemInfo(
        id=item.id,
        name=item.name.as_dict(),
        description=item.description.as_dict(),
        kind=item.kind,
        slot=item.slot,
        rarity=item.rarity,
        level=item.level,
        buy_price=item.price or None,
        sell_price=item.sell_price,
        bonuses=bonuses,
        effects=effects,
    )


def stacks(content: Content, items: Mapping[str, int]) -> tuple[ItemStack, ...]:
    return tuple(
        ItemStack(item=item_info(content.items[i]), quantity=q) for i, q in sorted(items.items()) if i in content.items
    )


def _can_use(item: ItemDef) -> bool:
    return item.use is not None and bool(item.use.heal or item.use.mana)


def inventory_entries(content: Content, record: PlayerRecord) -> tuple[InventoryEntry, ...]:
    level = record.character.level
    entries = []
    for item_id, quantity in record.inventory.items.items():
        item = content.items.get(item_id)
        if item is None:  # removed from the content: kept in storage, not shown
            continue
        entries.append(
            InventoryEntry(
                item=item_info(item),
                quantity=quantity,
                can_equip=item.kind == "equipment" and level >= item.level,
                can_use=_can_use(item),
            )
        )
    order = {"equipment": 0, "consumable": 1, "material": 2}
    return tuple(sorted(entries, key=lambda e: (order.get(e.item.kind, 3), -e.item.level, e.item.id)))


def inventory_view(content: Content, record: PlayerRecord, derived: Derived) -> InventoryView:
    return InventoryView(
        version=record.version,
        gold=record.character.gold,
        capacity=record.inventory.capacity,
        slots_used=record.inventory.slots_used(content.items),
        items=inventory_entries(content, record),
        equipment={
            slot: item_info(content.items[item_id])
            for slot, item_id in record.equipment.slots.items()
            if item_id in content.items
        },
        derived=derived_stats(derived),
    )


# --- fights ----------------------------------------------------------------------------------------


def _fighter(f: Fighter) -> FighterView:
    return FighterView(
        level=f.level,
        hp=f.hp,
        max_hp=f.max_hp,
        mana=f.mana,
        max_mana=f.max_mana,
        effects=tuple(StatusView(effect=e.effect, turns=e.turns) for e in f.effects),
    )


def _log_line(content: Content, entry: LogEntry) -> CombatLogLine:
    skill = content.skills.get(entry.skill) if entry.skill else None
    item = content.items.get(entry.item) if entry.item else None
    return CombatLogLine(
        kind=entry.kind,
        actor=entry.actor,
        target=entry.target,
        amount=entry.amount,
        crit=entry.crit,
        skill=skill.name.as_dict() if skill else None,
        item=item.name.as_dict() if item else None,
        effect=entry.effect,
        turns=entry.turns,
    )


def combat_view(content: Content, combat: Combat, record: PlayerRecord, **extra) -> CombatView:
    p = combat.player
    skills = []
    for skill_id in p.skills:
        skill = content.skills.get(skill_id)
        if skill is None:
            continue
        left = p.cooldowns.get(skill_id, 0)
        skills.append(
            SkillOption(
                id=skill_id,
                name=skill.name.as_dict(),
                mana=skill.mana,
                cooldown_left=left,
                ready=not left and skill.mana <= p.mana,
            )
        )
    usable = {
        item_id: quantity
        for item_id, quantity in record.inventory.items.items()
        if item_id in content.items and content.items[item_id].use is not None
    }
    monster = content.monsters[combat.monster_id]
    return CombatView(
        id=combat.id,
        turn=combat.turn,
        outcome=combat.outcome,
        monster_id=combat.monster_id,
        monster_name=monster.name.as_dict(),
        player=_fighter(p),
        monster=_fighter(combat.monster),
        log=tuple(_log_line(content, e) for e in combat.log),
        skills=tuple(skills),
        items=stacks(content, usable),
        flee_chance=flee_chance(combat),
        **extra,
    )
