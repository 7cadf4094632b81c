"""Turn-based fights: starting one, playing a turn, paying out exactly once; what the fight was part of
decides what happens when it ends (`FightEndings`)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from game.api import CombatView, NotOwned, StaleAction, UnknownEntry
from game.api import Rewards as RewardsView
from game.api.kinds import FightPart
from game.application.actions import Actions
from game.application.dice import Dice
from game.application.fight_endings import FightEndings, FightPaid
from game.application.payouts import Payouts
from game.application.players import Players
from game.application.ports.unit_of_work import PlayerRecord, UnitOfWorkFactory
from game.application.presenters.combat import combat_view
from game.application.presenters.items import stacks
from game.application.presenters.names import grammar
from game.domain.character import HotState, sum_bonuses
from game.domain.combat import Action, Attack, Combat, Flee, UseItem, UseSkill, act, start_combat
from game.domain.content import Content
from game.domain.loot import roll_monster_rewards
from game.domain.monsters import MonsterStats
from game.domain.running_fight import FightContext, RiftFight, RunningFight
from game.domain.shop import inn_price
from game.domain.skills import active_skills, passive_skills
from game.domain.world import WorldMap
from shared.events import FightWon
from shared.ports import EventBus


@dataclass(frozen=True, kw_only=True)
class Fights:
    content: Content
    world: WorldMap
    uow_factory: UnitOfWorkFactory
    players: Players
    actions: Actions
    payouts: Payouts
    dice: Dice
    endings: FightEndings
    events: EventBus | None = None  # wins are told (the bounties count them with the payout itself)

    async def get_combat(self, *, player_id: int) -> CombatView | None:
        fight = await self.players.hot.get_fight(player_id)
        if fight is None:
            return None
        async with self.uow_factory(read_only=True) as uow:
            record = await self.players.record(uow, player_id)
        return combat_view(self.content, fight.combat, record, part_of=part_of(fight.context))

    async def begin(
        self, *, player_id: int, record: PlayerRecord, hot: HotState, monster: MonsterStats, context: FightContext
    ) -> CombatView:
        """Start a fight, stored with the hot state; `context` says what its ending leads to."""
        derived = self.players.derived(record)
        gear = record.equipment.item_defs(self.content.items)
        bonus = sum_bonuses(
            [i.bonuses for i in gear] + [s.bonuses for s in passive_skills(self.content, record.skills)]
        )
        combat = start_combat(
            self.dice.new_id("fight", player_id),
            derived=derived,
            hp=hot.hp,
            mana=hot.mana,
            agility=record.character.stats.agility + bonus.agility,
            level=record.character.level,
            skills=active_skills(self.content, record.skills),
            monster=monster,
        )
        await self.players.hot.put_fight(player_id, RunningFight(combat, context), replace(hot, activity="combat"))
        return combat_view(self.content, combat, record, part_of=part_of(context))

    async def combat_action(
        self,
        *,
        player_id: int,
        combat_id: str,
        turn: int,
        action: str,
        skill_id: str | None = None,
        item_id: str | None = None,
    ) -> CombatView:
        async with self.actions.one_at_a_time(player_id):
            fight = await self.players.hot.get_fight(player_id)
            if fight is None or fight.id != combat_id:
                raise StaleAction("that fight is over", combat_id=combat_id)
            combat = fight.combat
            if combat.turn != turn:
                raise StaleAction("that turn has been played", turn=combat.turn)
            async with self.uow_factory(read_only=True) as uow:
                record = await self.players.record(uow, player_id)
                hot = await self.players.hot_state(uow, player_id)
            move = _action(action, skill_id, item_id, record)
            # Seeded by fight and turn: a replay after a crash plays out exactly the same.
            after = act(combat, move, self.content, self.dice.rng("fight", combat.id, combat.turn))
            if after.consumed_item:
                await self.payouts.consume(player_id, after.consumed_item, f"use:{combat.id}:{combat.turn}")
            extra, new_hot = await self._settle(player_id, record, hot, after)
            if after.over:
                await self.players.hot.put_fight(player_id, None, new_hot)
                await self.endings.fight_over(player_id, fight.context, after.outcome, _paid(extra.get("rewards")))
            else:
                await self.players.hot.put_fight(player_id, replace(fight, combat=after), new_hot)
            if after.consumed_item or after.outcome in ("won", "lost"):
                # The bag changed (a potion, loot, a payout): show it as it is now.
                async with self.uow_factory(read_only=True) as uow:
                    record = await self.players.record(uow, player_id)
            if after.outcome == "won":
                extra["sheet"] = self.players.sheet(record, new_hot)
        return combat_view(self.content, after, record, part_of=part_of(fight.context), **extra)

    async def _settle(
        self, player_id: int, record: PlayerRecord, hot: HotState, after: Combat
    ) -> tuple[dict[str, Any], HotState]:
        """Pay out a win, charge a death; the hot state the fight leaves behind."""
        derived = self.players.derived(record)
        hot = self.players.settled(record, hot)  # during a fight only stamina comes back
        left = hot.with_vitals(after.player.hp, after.player.mana, derived)
        if after.outcome == "won":
            monster = self.content.monsters[after.monster_id]
            rewards = roll_monster_rewards(
                monster,
                after.monster.level,
                self.dice.rng("loot", after.id),
                player_level=record.character.level,
                player_class=record.character.class_id,  # loot leans to the player's class
                items=self.content.items,
            )
            granted = await self.payouts.grant(
                player_id, f"fight:{after.id}", rewards, guild_bonus=True, shown=True, counts="fights_won"
            )
            if granted.applied and self.events is not None:
                await self.events.publish(
                    FightWon(player_id=player_id, monster_id=after.monster_id, combat_id=after.id)
                )
            view = RewardsView(
                xp=granted.xp if granted.applied else rewards.xp,
                gold=granted.gold if granted.applied else rewards.gold,
                items=stacks(self.content, granted.kept if granted.applied else rewards.items),
                items_lost=stacks(self.content, granted.lost),
                level=granted.level or record.character.level,
                levels_gained=granted.levels_gained,
            )
            if granted.levels_gained:  # a level-up heals
                grown = replace(record, character=replace(record.character, level=granted.level))
                left = left.restored(self.players.derived(grown))
            return {"rewards": view}, replace(left, activity="idle")
        if after.outcome == "lost":
            town = self.content.locations[self.world.start]
            shop = self.content.shops.get(town.id)
            rest = inn_price(shop, record.character.level) if shop else 0
            death = await self.payouts.charge_death(player_id, f"death:{after.id}", rest_price=rest)
            respawned = replace(hot.moved_to(town.id).restored(derived), activity="idle")
            lost = {"gold_lost": death.gold_lost, "xp_lost": death.xp_lost}
            return {**lost, "respawn_location": town.name.as_dict(), "respawn_forms": grammar(town.ru)}, respawned
        if after.outcome == "fled":
            return {}, replace(left, activity="idle")
        return {}, replace(left, activity="combat")


def part_of(context: FightContext) -> FightPart | None:
    return "rift" if isinstance(context, RiftFight) else None


def _action(action: str, skill_id: str | None, item_id: str | None, record: PlayerRecord) -> Action:
    if action == "attack":
        return Attack()
    if action == "flee":
        return Flee()
    if action == "skill" and skill_id:
        return UseSkill(skill_id)
    if action == "item" and item_id:
        if record.inventory.count(item_id) < 1:
            raise NotOwned("you do not have that item", item=item_id)
        return UseItem(item_id)
    raise UnknownEntry(f"no such action {action!r}", action=action)


def _paid(rewards: RewardsView | None) -> FightPaid | None:
    """What a won fight's rewards put in the player's hands (the bag's share of its loot)."""
    if rewards is None:
        return None
    return FightPaid(xp=rewards.xp, gold=rewards.gold, items={s.item.id: s.quantity for s in rewards.items})
