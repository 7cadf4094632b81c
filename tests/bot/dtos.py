"""Port DTOs as a test needs them, with everything it does not care about filled in: for drawing views
without a game behind them."""

from __future__ import annotations

from typing import Any

from game.api import (
    BossHere,
    BossRankRow,
    BossView,
    CharacterSheet,
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
    Rewards,
    RiftHere,
    RiftInfo,
    RiftProgressView,
    SkillOption,
    Stats,
)


def text(en: str, ru: str | None = None) -> dict[str, str]:
    return {"en": en, "ru": ru or en}


DERIVED = DerivedStats(max_hp=100, max_mana=40, attack=20, defence=8, crit_chance=0.05, dodge_chance=0.05, magic=9)


def sheet(**changes: Any) -> CharacterSheet:
    base: dict[str, Any] = {
        "player_id": 1,
        "name": "Alaric",
        "class_id": "warrior",
        "class_name": text("Warrior", "Воин"),
        "level": 3,
        "xp": 10,
        "xp_to_next": 300,
        "gold": 6920,
        "stats": Stats(strength=7, agility=4, intellect=2, vitality=6),
        "derived": DERIVED,
        "hp": 100,
        "mana": 40,
        "stamina": 100,
        "max_stamina": 100,
        "location_id": "meadows",
        "location_name": text("Whispering Meadows", "Шепчущие луга"),
        "stat_points": 0,
        "skill_points": 0,
        "version": 4,
    }
    return CharacterSheet(**{**base, **changes})


def item(item_id: str = "minor_healing_potion", **changes: Any) -> ItemInfo:
    base: dict[str, Any] = {
        "id": item_id,
        "name": text("Minor Healing Potion", "Малое зелье лечения"),
        "description": text("Restores 45 HP.", "Восстанавливает 45 ОЗ."),
        "kind": "consumable",
        "slot": None,
        "rarity": "common",
        "level": 1,
        "buy_price": 15,
        "sell_price": 3,
        "bonuses": {},
        "effects": {"heal": 45},
    }
    return ItemInfo(**{**base, **changes})


SWORD = item(
    "iron_sword",
    name=text("Iron Sword", "Железный меч"),
    kind="equipment",
    slot="weapon",
    effects={},
    bonuses={"attack": 6},
)
GEM = item("star_shard", name=text("Star Shard", "Звёздный осколок"), kind="material", rarity="rare", effects={})
ORE = item("iron_ore", name=text("Iron Ore", "Железная руда"), kind="material", effects={})


def bag(*entries: tuple[ItemInfo, int], worn: dict[str, ItemInfo] | None = None, version: int = 7) -> InventoryView:
    items = tuple(
        InventoryEntry(item=i, quantity=q, can_equip=i.kind == "equipment", can_use=i.kind == "consumable")
        for i, q in entries
    )
    return InventoryView(
        version=version,
        gold=50,
        capacity=30,
        slots_used=len(items),
        items=items,
        equipment=worn or {},  # type: ignore[arg-type]
        derived=DERIVED,
    )


def fighter(hp: int = 100, max_hp: int = 100, mana: int = 40, max_mana: int = 40, level: int = 3) -> FighterView:
    return FighterView(level=level, hp=hp, max_hp=max_hp, mana=mana, max_mana=max_mana, effects=())


def combat(**changes: Any) -> CombatView:
    base: dict[str, Any] = {
        "id": "c1",
        "turn": 3,
        "outcome": "ongoing",
        "monster_id": "wolf",
        "monster_name": text("Grey Wolf", "Серый волк"),
        "player": fighter(),
        "monster": fighter(60, 90, 0, 0, 2),
        "log": (),
        "skills": (),
        "items": (),
        "flee_chance": 0.5,
    }
    return CombatView(**{**base, **changes})


def log(kind: str, actor: str = "player", **changes: Any) -> CombatLogLine:
    return CombatLogLine(kind=kind, actor=actor, **changes)  # type: ignore[arg-type]


def skill(skill_id: str = "power_strike", *, ready: bool = True, cooldown_left: int = 0, mana: int = 5) -> SkillOption:
    name = text("Power Strike", "Мощный удар")
    return SkillOption(id=skill_id, name=name, mana=mana, cooldown_left=cooldown_left, ready=ready)


def rewards(xp: int = 25, gold: int = 10, **changes: Any) -> Rewards:
    base: dict[str, Any] = {"xp": xp, "gold": gold, "items": (), "items_lost": (), "level": 3, "levels_gained": 0}
    return Rewards(**{**base, **changes})


def stack(info: ItemInfo, quantity: int) -> ItemStack:
    return ItemStack(item=info, quantity=quantity)


def rift(**changes: Any) -> RiftInfo:
    base: dict[str, Any] = {
        "id": "r1",
        "template_id": "fractured_hollow",
        "name": text("Fractured Hollow", "Расколотая лощина"),
        "description": text("A tear.", "Разрыв."),
        "location_id": "meadows",
        "location_name": text("Whispering Meadows", "Шепчущие луга"),
        "tier": 1,
        "min_level": 1,
        "floors": 2,
        "steps_per_floor": 4,
        "closes_at": 0.0,
        "seconds_left": 1500,
        "status": "open",
    }
    return RiftInfo(**{**base, **changes})


def run(status: str = "active", **changes: Any) -> RiftProgressView:
    base: dict[str, Any] = {
        "rift": rift(),
        "status": status,
        "floor": 1,
        "step": 2,
        "steps_done": 1,
        "steps_total": 8,
        "fighting": False,
        "looted_gold": 0,
        "looted_items": (),
    }
    return RiftProgressView(**{**base, **changes})


def place(**changes: Any) -> LocationView:
    base: dict[str, Any] = {
        "id": "meadows",
        "name": text("Whispering Meadows", "Шепчущие луга"),
        "description": text("Tall grass.", "Высокая трава."),
        "level": 1,
        "is_town": False,
        "exits": (
            ExitInfo(id="ashford", name=text("Ashford", "Эшфорд"), level=1),
            ExitInfo(id="darkwood", name=text("Darkwood Forest", "Темнолесье"), level=3),
            ExitInfo(id="ruins", name=text("Sunken Ruins", "Затонувшие руины"), level=7),
        ),
        "player_level": 3,
        "hp": 100,
        "max_hp": 100,
    }
    return LocationView(**{**base, **changes})


def rift_here(**changes: Any) -> RiftHere:
    base: dict[str, Any] = {
        "id": "r1",
        "name": text("Fractured Hollow", "Расколотая лощина"),
        "tier": 1,
        "min_level": 1,
        "seconds_left": 1500,
    }
    return RiftHere(**{**base, **changes})


def boss_here() -> BossHere:
    return BossHere(id="b1", name=text("Old Tusk", "Старый Клык"), hp=5000, max_hp=6920, seconds_left=600)


def boss(**changes: Any) -> BossView:
    base: dict[str, Any] = {
        "id": "b1",
        "boss_def_id": "old_tusk",
        "monster_id": "wild_boar",
        "name": text("Old Tusk", "Старый Клык"),
        "description": text("Tusks first.", "Сначала клыки."),
        "location_id": "meadows",
        "location_name": text("Whispering Meadows", "Шепчущие луга"),
        "level": 3,
        "hp": 5000,
        "max_hp": 6920,
        "status": "alive",
        "deadline": 0.0,
        "seconds_left": 600,
        "cooldown_seconds": 10.0,
    }
    return BossView(**{**base, **changes})


def ranking(*damage: int) -> tuple[BossRankRow, ...]:
    return tuple(
        BossRankRow(rank=n, player_id=100 + n, name=f"Hunter{n}", damage=d) for n, d in enumerate(damage, start=1)
    )
