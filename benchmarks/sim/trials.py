"""Group content measured apart: a rift of each tier walked by a level-appropriate player, and a world
boss fought by crowds of every size."""

from __future__ import annotations

import heapq
import random
from dataclasses import dataclass, replace

from benchmarks.sim.newcomer import KEEP_POTIONS, Newcomer
from game.api import GameError
from game.api.world import BossCooldown, BossGone
from game.application.ports.unit_of_work import PlayerRecord
from game.domain.character import HotState
from game.domain.equipment import Equipment
from game.domain.inventory import Inventory
from game.domain.rifts import min_level, rift_zones
from tests.fakes.game import FakeGame, build_game

CLASSES = ("warrior", "rogue", "mage")
RARITIES_A_PLAYER_HAS = ("common", "uncommon")


async def hero_of_level(game: FakeGame, player_id: int, class_id: str, level: int, rng: random.Random) -> Newcomer:
    """A player who got to `level` the ordinary way: points spent, skills learned, the best gear of their
    level that shops, loot and the forge give, a few potions."""
    sim = Newcomer(game, player_id, class_id, rng)
    await game.api.register(player_id=player_id, name=f"hero{player_id}", class_id=class_id)
    await game.edit(player_id, level=level, stat_points=3 * (level - 1), skill_points=level)
    sheet = await sim.grow(await game.api.get_character(player_id=player_id))
    while sheet.skill_points > 0:
        before = sheet.skill_points
        sheet = await sim.grow(sheet)
        if sheet.skill_points == before:
            break
    gear = best_gear(game, class_id, level, sim)
    potions = [i for i in game.content.items.values() if i.use and i.use.heal and i.level <= level]
    potion = {max(potions, key=lambda i: i.level).id: KEEP_POTIONS} if potions else {}
    await game.edit(player_id, items={**dict.fromkeys(gear, 1), **potion})
    for item_id in gear:
        bag = await game.api.inventory(player_id=player_id)
        await game.api.equip(player_id=player_id, item_id=item_id, version=bag.version)
    await game.heal(player_id)
    return sim


def best_gear(game: FakeGame, class_id: str, level: int, sim: Newcomer) -> list[str]:
    best: dict[str, str] = {}
    for item in game.content.items.values():
        if item.kind != "equipment" or item.level > level or item.rarity not in RARITIES_A_PLAYER_HAS:
            continue
        slot = item.slot or ""
        if slot not in best or sim.score(item.id) > sim.score(best[slot]):
            best[slot] = item.id
    return list(best.values())


@dataclass
class RiftTrial:
    tier: int
    class_id: str
    cleared: bool


async def rift_trials(tiers: list[int], per_class: int, seed: int) -> list[RiftTrial]:
    results = []
    for tier in tiers:
        for class_id in CLASSES:
            for n in range(per_class):
                rng = random.Random(f"{seed}:rift:{tier}:{class_id}:{n}")
                game = build_game(seed=rng.getrandbits(32))
                zones = sorted(rift_zones(game.content), key=lambda z: (abs(z.level - tier), z.id))
                sim = await hero_of_level(game, 1, class_id, min_level(tier), rng)
                rift = await game.open_rift(zones[0].id, tier=tier, seed=rng.getrandbits(31))
                await game.place(1, rift.location_id)
                await sim.walk_rift(rift, await sim.sheet())
                results.append(RiftTrial(tier, class_id, any(sim.record.rifts.get(tier, []))))
    return results


@dataclass
class BossTrial:
    players: int
    killed: bool
    hp: int
    damage: int
    paid: int  # contributors who got something


async def boss_trials(crowds: list[int], trials: int, seed: int, *, minutes: float = 15.0) -> list[BossTrial]:
    results = []
    for crowd in crowds:
        for n in range(trials if crowd < 300 else max(1, trials // 3)):
            rng = random.Random(f"{seed}:boss:{crowd}:{n}")
            results.append(await boss_trial(crowd, rng, minutes))
    return results


async def boss_trial(crowd: int, rng: random.Random, minutes: float) -> BossTrial:
    game = build_game(seed=rng.getrandbits(32))
    boss_zones = sorted({b for spec in game.content.bosses.values() for b in spec.locations})
    location = rng.choice(boss_zones)
    level = game.content.locations[location].level
    template = await hero_of_level(game, 1, rng.choice(CLASSES), level, rng)
    ids = list(range(1, crowd + 1))
    await clone(game, template, ids[1:], location, rng)
    await game.place(1, location)
    boss = await game.api.admin_spawn_boss(location_id=location, duration_minutes=minutes)
    gold_before = {pid: await game.gold(pid) for pid in ids}
    start = game.clock.now()
    # Players arrive over the first third of the window and strike whenever their breath is back.
    queue = [(start + rng.uniform(0, minutes * 20), pid) for pid in ids]
    heapq.heapify(queue)
    killed = False
    while queue:
        when, pid = heapq.heappop(queue)
        if when >= boss.deadline:
            break
        game.clock.set(max(game.clock.now(), when))
        try:
            hit = await game.api.attack_boss(player_id=pid, boss_id=boss.id)
        except BossCooldown as wait:
            heapq.heappush(queue, (game.clock.now() + float(wait.details["seconds_left"]) + 0.5, pid))
            continue
        except BossGone:
            break
        except GameError:
            continue
        if hit.killed:
            killed = True
            break
        heapq.heappush(queue, (game.clock.now() + hit.boss.cooldown_seconds + rng.uniform(1, 4), pid))
    game.clock.set(max(game.clock.now(), boss.deadline + 1))
    await game.api.end_expired_bosses()
    await game.api.settle_bosses()  # a kill's payouts run after it: wait for them as the worker's job would
    final = await game.api.get_boss(boss_id=boss.id)
    paid = 0
    for pid in ids:
        if await game.gold(pid) > gold_before[pid]:
            paid += 1
    pool = final.max_hp if final else boss.max_hp  # grown with the crowd
    dealt = pool - (final.hp if final else 0)
    return BossTrial(crowd, killed, pool, dealt, paid)


async def clone(game: FakeGame, template: Newcomer, ids: list[int], location: str, rng: random.Random) -> None:
    """Copies of a geared hero, quicker than gearing a thousand one by one (durable rows and hot state)."""
    record = await game.record(template.pid)
    hot: HotState = await game.hot_state(template.pid)
    async with game.uow_factory() as uow:
        for pid in ids:
            character = replace(record.character, player_id=pid, name=f"hero{pid}")
            await uow.characters.add(character, name_key=f"hero{pid}", hot=hot)
            empty = PlayerRecord(character, 0, Inventory(), Equipment(), frozenset())
            await uow.characters.save(empty, replace(record, character=character))
        await uow.commit()
    for pid in ids:
        await game.hot.put(pid, replace(hot, location_id=location))
