"""Turn-based fights: starting one, playing a turn, paying out exactly once."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from game.api import CombatView, NotOwned, StaleAction, UnknownEntry
from game.api import Rewards as RewardsView
from game.application import presenters
from game.application.base import UseCaseBase
from game.application.ports.unit_of_work import PlayerRecord
from game.domain.character import HotState, sum_bonuses
from game.domain.combat import Action, Attack, Combat, Flee, UseItem, UseSkill, act, start_combat
from game.domain.loot import roll_monster_rewards
from game.domain.monsters import MonsterStats
from game.domain.progression import die
from game.domain.skills import active_skills, passive_skills


class CombatUseCases(UseCaseBase):
    async def get_combat(self, *, player_id: int) -> CombatView | None:
        fight = await self._hot.get_fight(player_id)
        if fight is None:
            return None
        async with self._uow_factory(read_only=True) as uow:
            record = await self._player(uow, player_id)
        combat = Combat.from_dict(fight["combat"])
        return presenters.combat_view(self._content, combat, record, part_of=_part_of(fight.get("context")))

    async def _begin_fight(
        self, *, player_id: int, record: PlayerRecord, hot: HotState, monster: MonsterStats, context: dict[str, Any]
    ) -> CombatView:
        """Start a fight (stored with the hot state); `context` tells `_on_fight_over` what it was part of."""
        derived = self._derived(record)
        gear = record.equipment.item_defs(self._content.items)
        bonus = sum_bonuses(
            [i.bonuses for i in gear] + [s.bonuses for s in passive_skills(self._content, record.skills)]
        )
        combat = start_combat(
            self._new_id("fight", player_id),
            derived=derived,
            hp=hot.hp,
            mana=hot.mana,
            agility=record.character.stats.agility + bonus.agility,
            level=record.character.level,
            skills=active_skills(self._content, record.skills),
            monster=monster,
        )
        await self._hot.put_fight(
            player_id, {"combat": combat.to_dict(), "context": context}, replace(hot, activity="combat")
        )
        return presenters.combat_view(self._content, combat, record, part_of=_part_of(context))

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
        async with self._one_action(player_id):
            fight = await self._hot.get_fight(player_id)
            if fight is None or fight["combat"]["id"] != combat_id:
                raise StaleAction("that fight is over", combat_id=combat_id)
            combat = Combat.from_dict(fight["combat"])
            if combat.turn != turn:
                raise StaleAction("that turn has been played", turn=combat.turn)
            async with self._uow_factory(read_only=True) as uow:
                record = await self._player(uow, player_id)
                hot = await self._hot_state(uow, player_id)
            move = self._action(action, skill_id, item_id, record)
            # Seeded by fight and turn: a replay after a crash plays out exactly the same.
            after = act(combat, move, self._content, self._rng("fight", combat.id, combat.turn))
            if after.consumed_item:
                await self._consume(player_id, after.consumed_item, f"use:{combat.id}:{combat.turn}")
            extra, new_hot = await self._settle(player_id, record, hot, after)
            context = fight.get("context") or {}
            if after.over:
                await self._hot.put_fight(player_id, None, new_hot)
                await self._on_fight_over(player_id=player_id, context=context, outcome=after.outcome)
            else:
                await self._hot.put_fight(player_id, {"combat": after.to_dict(), "context": context}, new_hot)
            if after.consumed_item or after.outcome in ("won", "lost"):
                # The bag changed (a potion, loot, a payout): show it as it is now.
                async with self._uow_factory(read_only=True) as uow:
                    record = await self._player(uow, player_id)
        return presenters.combat_view(self._content, after, record, part_of=_part_of(context), **extra)

    async def _on_fight_over(self, *, player_id: int, context: dict[str, Any], outcome: str) -> None:
        """Hook for what a fight was part of (a rift floor, …). Wild fights need nothing more."""

    # --- helpers ----------------------------------------------------------------------------

    def _action(self, action: str, skill_id: str | None, item_id: str | None, record: PlayerRecord) -> Action:
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

    async def _consume(self, player_id: int, item_id: str, source_id: str) -> None:
        async with self._uow_factory() as uow:
            if not await uow.characters.claim(player_id, source_id):
                return  # this turn's item was already taken (a replay)
            before = await self._player(uow, player_id, for_update=True)
            if before.inventory.count(item_id) < 1:
                raise NotOwned("you do not have that item", item=item_id)
            after = replace(before, inventory=before.inventory.remove(item_id, 1))
            await uow.characters.save(before, after)
            await uow.commit()

    async def _settle(
        self, player_id: int, record: PlayerRecord, hot: HotState, after: Combat
    ) -> tuple[dict[str, Any], HotState]:
        """Pay out a win, charge a death; the hot state the fight leaves behind."""
        derived = self._derived(record)
        left = hot.with_vitals(after.player.hp, after.player.mana, derived)
        if after.outcome == "won":
            monster = self._content.monsters[after.monster_id]
            rewards = roll_monster_rewards(
                monster, after.monster.level, self._rng("loot", after.id), player_level=record.character.level
            )
            granted = await self._grant(player_id, f"fight:{after.id}", rewards)
            view = RewardsView(
                xp=rewards.xp,
                gold=rewards.gold,
                items=presenters.stacks(self._content, granted.kept if granted.applied else rewards.items),
                items_lost=presenters.stacks(self._content, granted.lost),
                level=granted.level or record.character.level,
                levels_gained=granted.levels_gained,
            )
            return {"rewards": view}, replace(left, activity="idle")
        if after.outcome == "lost":
            gold_lost = await self._charge_death(player_id, f"death:{after.id}")
            town = self._content.locations[self._world.start]
            respawned = replace(hot.moved_to(town.id).restored(derived), activity="idle")
            return {"gold_lost": gold_lost, "respawn_location": town.name.as_dict()}, respawned
        if after.outcome == "fled":
            return {}, replace(left, activity="idle")
        return {}, replace(left, activity="combat")

    async def _charge_death(self, player_id: int, source_id: str) -> int:
        async with self._uow_factory() as uow:
            if not await uow.characters.claim(player_id, source_id):
                return 0
            before = await self._player(uow, player_id, for_update=True)
            death = die(before.character)
            await uow.characters.save(before, replace(before, character=death.character))
            await uow.commit()
        return death.gold_lost


def _part_of(context: dict[str, Any] | None) -> str | None:
    kind = (context or {}).get("kind")
    return None if kind in (None, "wild") else kind
