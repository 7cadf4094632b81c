"""A careful newcomer, played through the game's port on in-memory storage with a simulated clock.

The policy is the one a careful human follows: spend points as they come, heal before the next fight
(a potion, the inn, or waiting while HP comes back), buy the next piece of gear when it is affordable,
use skills, flee a fight that is being lost, move on when the zone is too easy, walk the rifts that
open where they are. Every action costs the human time it takes to read and tap; waiting for stamina
or HP is counted apart, as time blocked.
"""

from __future__ import annotations

import random
from collections import deque
from dataclasses import dataclass, field

from game.api import (
    CharacterSheet,
    CombatView,
    GameError,
    InventoryView,
    NotEnoughStamina,
    ShopView,
)
from game.api.world import RiftInfo
from game.domain.content import Content
from game.domain.content_models import ItemDef
from tests.fakes.game import FakeGame

# Seconds a human spends on each kind of step: reading the screen and tapping.
THINK = {"menu": 3.0, "explore": 5.0, "turn": 4.0, "travel": 5.0, "shop": 8.0, "rift": 5.0}
HEAL_BELOW = 0.65  # rest or drink before exploring again below this share of HP
POTION_IN_FIGHT_BELOW = 0.45
FLEE_BELOW = 0.35
FLEE_WORTH_IT = 0.35  # below this chance, a failed flee costs a free blow: fight on
KEEP_POTIONS = 5  # a careful player carries enough for a rift
WAIT_STEP = 30.0  # how long a blocked player waits before looking again
# Stat points per class, in the order a careful player spends them.
STAT_PLAN = {
    "warrior": ("strength", "vitality", "strength"),
    "rogue": ("agility", "strength", "vitality"),
    "mage": ("intellect", "vitality", "intellect"),
}
CHECKPOINTS_MIN = (15, 30, 60, 120, 240, 480)
MILESTONES = (2, 5, 10, 20, 30)


@dataclass
class Tally:
    won: int = 0
    lost: int = 0
    fled: int = 0

    @property
    def fights(self) -> int:
        return self.won + self.lost + self.fled


@dataclass
class Snapshot:
    minute: int
    level: int
    gold: int
    deaths: int
    won: int
    lost: int
    fled: int
    blocked_share: float
    blocked_hp_share: float


@dataclass
class Record:
    """What one simulated player did, for the harness's tables."""

    class_id: str
    level_at: dict[int, float] = field(default_factory=dict)  # level → minute reached
    snapshots: list[Snapshot] = field(default_factory=list)
    fights: Tally = field(default_factory=Tally)
    at_zone_level: dict[str, Tally] = field(default_factory=dict)  # zone → fights at the zone's level
    rifts: dict[int, list[bool]] = field(default_factory=dict)  # tier → cleared?
    deaths: int = 0
    blocked_seconds: float = 0.0
    blocked_hp_seconds: float = 0.0  # the part of it spent waiting for HP (the rest: stamina)
    gold_earned: int = 0  # from fights and finds
    gold_sold: int = 0  # from loot sold to the shop
    gold_spent: dict[str, int] = field(default_factory=dict)  # inn, shop, death
    gear_bought: int = 0
    killers: dict[str, int] = field(default_factory=dict)  # monster → fights it won against the player


def gear_score(item: ItemDef, class_id: str) -> float:
    """How much a piece of gear is worth to a class: weapons count for fighters, spell power for mages."""
    b = item.bonuses
    main = {"warrior": b.strength, "rogue": b.agility, "mage": b.intellect}.get(class_id, 0)
    power = b.magic if class_id == "mage" else b.attack
    return power + b.defence * 1.2 + b.max_hp * 0.2 + main * 2 + b.vitality * 2


class Newcomer:
    def __init__(self, game: FakeGame, player_id: int, class_id: str, rng: random.Random) -> None:
        self.game = game
        self.api = game.api
        self.content: Content = game.content
        self.pid = player_id
        self.class_id = class_id
        self.rng = rng
        self.record = Record(class_id)
        self.started = 0.0
        self.walked_rifts: set[str] = set()
        self.shopped_at = 0  # the level the player last went shopping at

    # --- the clock ----------------------------------------------------------------------------

    def minutes(self) -> float:
        return (self.game.clock.now() - self.started) / 60

    def spend(self, kind: str) -> None:
        self.game.clock.advance(THINK[kind] * self.rng.uniform(0.7, 1.3))

    def wait(self, seconds: float, *, for_hp: bool = False) -> None:
        self.game.clock.advance(seconds)
        self.record.blocked_seconds += seconds
        if for_hp:
            self.record.blocked_hp_seconds += seconds

    # --- a session ----------------------------------------------------------------------------

    async def play(self, minutes: float, *, world_ticks: bool = True) -> Record:
        sheet = await self.api.register(player_id=self.pid, name=f"sim{self.pid}", class_id=self.class_id)
        self.started = self.game.clock.now()
        self.record.level_at[1] = 0.0
        next_tick = 0.0
        checkpoints = deque(CHECKPOINTS_MIN)
        while self.minutes() < minutes:
            if world_ticks and self.minutes() >= next_tick:
                await self.world_tick()
                next_tick = self.minutes() + 5
            while checkpoints and self.minutes() >= checkpoints[0]:
                self.snapshot(checkpoints.popleft(), sheet)
            sheet = await self.step(sheet)
        while checkpoints and checkpoints[0] <= minutes:
            self.snapshot(checkpoints.popleft(), sheet)
        return self.record

    async def world_tick(self) -> None:
        await self.api.close_expired_rifts()
        await self.api.open_rifts_tick(duration_minutes=30, max_open=3)

    def snapshot(self, minute: int, sheet: CharacterSheet) -> None:
        active = max(1.0, (self.game.clock.now() - self.started))
        f = self.record.fights
        self.record.snapshots.append(
            Snapshot(
                minute,
                sheet.level,
                sheet.gold,
                self.record.deaths,
                f.won,
                f.lost,
                f.fled,
                self.record.blocked_seconds / active,
                self.record.blocked_hp_seconds / active,
            )
        )

    async def step(self, sheet: CharacterSheet) -> CharacterSheet:
        sheet = await self.grow(sheet)
        if sheet.in_combat:
            combat = await self.api.get_combat(player_id=self.pid)
            if combat is not None:
                await self.fight(combat, sheet)
            return await self.sheet()
        if sheet.hp < sheet.derived.max_hp * HEAL_BELOW:
            return await self.recover(sheet)
        here = sheet.location_id
        if self.content.locations[here].town:
            await self.shop(sheet)
            self.shopped_at = sheet.level
        elif sheet.level > self.shopped_at and await self.upgrade_affordable(sheet):
            await self.go(here, self.town(sheet.level, here))
            return await self.sheet()
        rift = await self.rift_here(sheet)
        if rift is not None:
            await self.walk_rift(rift, sheet)
            return await self.sheet()
        target = self.zone_for(sheet.level)
        if here != target:
            await self.go(here, target)
            return await self.sheet()
        try:
            self.spend("explore")
            result = await self.api.explore(player_id=self.pid)
        except NotEnoughStamina as refused:
            needed = float(refused.details.get("needed", 5)) - float(refused.details.get("available", 0))
            self.wait(max(WAIT_STEP, needed * 60))
            return sheet
        self.record.gold_earned += result.gold
        if result.combat is not None:
            await self.fight(result.combat, sheet)
        await self.wear_loot()
        return await self.sheet()

    async def wear_loot(self) -> None:
        """Put on what dropped when it beats what is worn (a careful player looks at every drop)."""
        bag = await self.api.inventory(player_id=self.pid)
        for entry in bag.items:
            if entry.can_equip and self.better(entry.item.id, bag):
                self.spend("menu")
                bag = await self.api.equip(player_id=self.pid, item_id=entry.item.id, version=bag.version)

    async def sheet(self) -> CharacterSheet:
        sheet = await self.api.get_character(player_id=self.pid)
        for level in range(2, sheet.level + 1):
            self.record.level_at.setdefault(level, self.minutes())
        return sheet

    # --- growing ------------------------------------------------------------------------------

    async def grow(self, sheet: CharacterSheet) -> CharacterSheet:
        plan = STAT_PLAN.get(sheet.class_id, ("strength", "vitality", "agility"))
        spent = 0
        while sheet.stat_points > 0:
            stat = plan[(sheet.level * 3 + sheet.stat_points + spent) % len(plan)]
            sheet = await self.api.allocate_stat(player_id=self.pid, stat=stat, version=sheet.version)
            spent += 1
        if sheet.skill_points > 0:
            tree = await self.api.skill_tree(player_id=self.pid)
            for skill in sorted(tree.skills, key=lambda s: (s.kind != "active", s.level)):
                if skill.learnable:
                    tree = await self.api.learn_skill(player_id=self.pid, skill_id=skill.id, version=tree.version)
                    self.spend("menu")
                    break
            sheet = await self.api.get_character(player_id=self.pid)
        return sheet

    # --- healing ------------------------------------------------------------------------------

    async def recover(self, sheet: CharacterSheet) -> CharacterSheet:
        bag = await self.api.inventory(player_id=self.pid)
        potion = self.healing_potion(bag)
        if potion is not None:
            self.spend("menu")
            try:
                await self.api.use_item(player_id=self.pid, item_id=potion, version=bag.version)
                return await self.sheet()
            except GameError:
                pass
        town = self.town(sheet.level, sheet.location_id)
        inn = None
        if sheet.location_id == town:
            inn = await self.api.inn(player_id=self.pid)
        elif sheet.gold >= self.inn_price_guess(sheet.level, town):
            await self.go(sheet.location_id, town)
            inn = await self.api.inn(player_id=self.pid)
        if inn is not None and inn.gold >= inn.price:
            self.spend("menu")
            await self.api.rest_at_inn(player_id=self.pid)
            self.record.gold_spent["inn"] = self.record.gold_spent.get("inn", 0) + inn.price
            return await self.sheet()
        # Nothing to heal with: wait while HP comes back by itself, if it does; else fight on, carefully.
        before = sheet.hp
        self.wait(WAIT_STEP * 4, for_hp=True)
        sheet = await self.sheet()
        if sheet.hp <= before and sheet.hp >= sheet.derived.max_hp * 0.3:
            return await self.explore_anyway(sheet)
        if sheet.hp <= before:
            return await self.explore_anyway(sheet)
        return sheet

    async def explore_anyway(self, sheet: CharacterSheet) -> CharacterSheet:
        target = self.zone_for(sheet.level)
        if sheet.location_id != target:
            await self.go(sheet.location_id, target)
        try:
            self.spend("explore")
            result = await self.api.explore(player_id=self.pid)
        except NotEnoughStamina:
            self.wait(WAIT_STEP)
            return await self.sheet()
        if result.combat is not None:
            await self.fight(result.combat, sheet)
        return await self.sheet()

    def healing_potion(self, bag: InventoryView) -> str | None:
        potions = [e for e in bag.items if e.can_use and e.item.effects.get("heal")]
        return min(potions, key=lambda e: e.item.effects["heal"]).item.id if potions else None

    def inn_price_guess(self, level: int, town: str) -> int:
        shop = self.content.shops.get(town)
        return (shop.inn_price + shop.inn_price_per_level * (level - 1)) if shop else 0

    # --- shopping -----------------------------------------------------------------------------

    async def shop(self, sheet: CharacterSheet) -> None:
        view = await self.api.shop(player_id=self.pid)
        self.spend("shop")
        reserve = self.inn_price_guess(sheet.level, sheet.location_id)
        view = await self.sell_junk(view)
        bag = await self.api.inventory(player_id=self.pid)
        for offer in sorted(view.offers, key=lambda o: -(o.buy_price or 0)):
            if offer.kind != "equipment" or offer.level > sheet.level or not offer.buy_price:
                continue
            if self.content.items[offer.id].classes and self.class_id not in self.content.items[offer.id].classes:
                continue
            if offer.buy_price > view.gold - reserve or not self.better(offer.id, bag):
                continue
            view = await self.api.buy(player_id=self.pid, item_id=offer.id, quantity=1, version=view.version)
            self.record.gold_spent["shop"] = self.record.gold_spent.get("shop", 0) + offer.buy_price
            self.record.gear_bought += 1
            bag = await self.api.inventory(player_id=self.pid)
            bag = await self.api.equip(player_id=self.pid, item_id=offer.id, version=bag.version)
            view = await self.api.shop(player_id=self.pid)
        have = sum(e.quantity for e in bag.items if e.item.effects.get("heal"))
        potions = [o for o in view.offers if o.effects.get("heal") and o.buy_price and o.level <= sheet.level]
        if potions and have < KEEP_POTIONS:
            potion = max(potions, key=lambda o: o.effects["heal"])  # the strongest a player of this level may buy
            count = min(KEEP_POTIONS - have, max(0, (view.gold - reserve) // (potion.buy_price or 1)))
            if count > 0:
                await self.api.buy(player_id=self.pid, item_id=potion.id, quantity=count, version=view.version)
                spent = count * (potion.buy_price or 0)
                self.record.gold_spent["shop"] = self.record.gold_spent.get("shop", 0) + spent

    async def upgrade_affordable(self, sheet: CharacterSheet) -> bool:
        """Whether the nearest town sells a piece of gear better than what is worn, for the gold at hand."""
        town = self.town(sheet.level, sheet.location_id)
        shop = self.content.shops.get(town)
        if shop is None:
            return False
        budget = sheet.gold - self.inn_price_guess(sheet.level, town)
        bag = await self.api.inventory(player_id=self.pid)
        for item_id in shop.stock:
            item = self.content.items[item_id]
            if item.kind != "equipment" or item.level > sheet.level or item.price > budget:
                continue
            if (not item.classes or self.class_id in item.classes) and self.better(item_id, bag):
                return True
        self.shopped_at = sheet.level
        return False

    async def sell_junk(self, view: ShopView) -> ShopView:
        """Materials no recipe the player can make soon needs, and gear they do not wear, go for gold."""
        for entry in view.sellable:
            if entry.item.kind == "consumable":
                continue
            before = view.gold
            view = await self.api.sell(
                player_id=self.pid, item_id=entry.item.id, quantity=entry.quantity, version=view.version
            )
            self.record.gold_sold += view.gold - before
        return view

    def better(self, item_id: str, bag: InventoryView) -> bool:
        item = self.content.items[item_id]
        if item.classes and self.class_id not in item.classes:
            return False
        worn = bag.equipment.get(item.slot) if item.slot else None
        return worn is None or self.score(item.id) > self.score(worn.id)

    def score(self, item_id: str) -> float:
        return gear_score(self.content.items[item_id], self.class_id)

    # --- fighting -----------------------------------------------------------------------------

    async def fight(self, combat: CombatView, sheet: CharacterSheet) -> None:
        zone = sheet.location_id
        zone_level = self.content.locations[zone].level if zone in self.content.locations else 0
        level = sheet.level
        while combat.outcome == "ongoing":
            self.spend("turn")
            action, skill, item = self.choose(combat)
            try:
                combat = await self.api.combat_action(
                    player_id=self.pid,
                    combat_id=combat.id,
                    turn=combat.turn,
                    action=action,
                    skill_id=skill,
                    item_id=item,
                )
            except GameError:
                combat = await self.api.combat_action(
                    player_id=self.pid, combat_id=combat.id, turn=combat.turn, action="attack"
                )
        tally = self.record.fights
        if combat.outcome == "won":
            tally.won += 1
            if combat.rewards is not None:
                self.record.gold_earned += combat.rewards.gold
        elif combat.outcome == "lost":
            tally.lost += 1
            self.record.deaths += 1
            self.record.killers[combat.monster_id] = self.record.killers.get(combat.monster_id, 0) + 1
            self.record.gold_spent["death"] = self.record.gold_spent.get("death", 0) + (combat.gold_lost or 0)
        else:
            tally.fled += 1
        if combat.part_of is None and level == zone_level:
            zone_tally = self.record.at_zone_level.setdefault(zone, Tally())
            setattr(zone_tally, combat.outcome, getattr(zone_tally, combat.outcome) + 1)

    def choose(self, combat: CombatView) -> tuple[str, str | None, str | None]:
        me = combat.player
        share = me.hp / max(1, me.max_hp)
        heals = [i for i in combat.items if i.item.effects.get("heal")]
        if share < POTION_IN_FIGHT_BELOW and heals:
            return "item", None, max(heals, key=lambda i: i.item.effects["heal"]).item.id
        # Losing: the foe would last longer than the player at this pace, and running is a fair bet.
        if share < FLEE_BELOW and self.losing(combat) and combat.flee_chance >= FLEE_WORTH_IT:
            return "flee", None, None
        ready = [s for s in combat.skills if s.ready]
        heals = [s for s in ready if self.content.skills[s.id].heal]
        if heals and share < 0.5:
            return "skill", min(heals, key=lambda s: s.id).id, None
        hits = [s for s in ready if not self.content.skills[s.id].heal]
        if hits:
            best = max(hits, key=lambda s: (s.mana, s.id))  # ties broken by name: the same run every time
            return "skill", best.id, None
        return "attack", None, None

    def losing(self, combat: CombatView) -> bool:
        """The player's share of health left is below the foe's: a careful player's rule of thumb."""
        me, foe = combat.player, combat.monster
        return me.hp / max(1, me.max_hp) < foe.hp / max(1, foe.max_hp)

    # --- rifts --------------------------------------------------------------------------------

    async def rift_here(self, sheet: CharacterSheet) -> RiftInfo | None:
        for rift in await self.api.list_rifts():
            if rift.id in self.walked_rifts or rift.min_level > sheet.level or rift.seconds_left < 300:
                continue
            if rift.location_id == self.zone_for(sheet.level) or rift.location_id == sheet.location_id:
                return rift
        return None

    async def walk_rift(self, rift: RiftInfo, sheet: CharacterSheet) -> None:
        self.walked_rifts.add(rift.id)
        if sheet.location_id != rift.location_id:
            await self.go(sheet.location_id, rift.location_id)
        try:
            progress = await self.api.enter_rift(player_id=self.pid, rift_id=rift.id)
        except GameError:
            return
        while progress.status == "active":
            sheet = await self.sheet()
            if sheet.hp < sheet.derived.max_hp * 0.35:
                bag = await self.api.inventory(player_id=self.pid)
                potion = self.healing_potion(bag)
                if potion is None:
                    await self.api.leave_rift(player_id=self.pid)
                    break
                await self.api.use_item(player_id=self.pid, item_id=potion, version=bag.version)
            self.spend("rift")
            try:
                moved = await self.api.advance_rift(player_id=self.pid, steps_done=progress.steps_done)
            except GameError:
                break
            if moved.step.combat is not None:
                await self.fight(moved.step.combat, sheet)
            progress = await self.api.rift_progress(player_id=self.pid) or moved.progress
        final = await self.api.rift_progress(player_id=self.pid)
        cleared = final is not None and final.status == "cleared"
        self.record.rifts.setdefault(rift.tier, []).append(cleared)

    # --- the map ------------------------------------------------------------------------------

    def town(self, level: int, here: str) -> str:
        """The nearest town a player of this level may use (the higher towns sell the higher gear)."""
        towns = [loc.id for loc in self.content.locations.values() if loc.town and loc.level <= level]
        return min(towns, key=lambda town: len(self.path(here, town)))

    def zone_for(self, level: int) -> str:
        zones = [loc for loc in self.content.locations.values() if not loc.town and loc.level <= level]
        if not zones:
            zones = [min((loc for loc in self.content.locations.values() if not loc.town), key=lambda z: z.level)]
        return max(zones, key=lambda z: (z.level, z.id)).id

    async def go(self, origin: str, destination: str) -> None:
        for stop in self.path(origin, destination)[1:]:
            self.spend("travel")
            await self.api.travel(player_id=self.pid, destination=stop)

    def path(self, origin: str, destination: str) -> list[str]:
        previous: dict[str, str | None] = {origin: None}
        queue = deque([origin])
        while queue:
            here = queue.popleft()
            if here == destination:
                break
            for road in self.content.locations[here].exits:
                if road not in previous:
                    previous[road] = here
                    queue.append(road)
        route, at = [], destination
        while at is not None:
            route.append(at)
            at = previous.get(at)
        return route[::-1]
