"""Paying and charging a player durably and exactly once per source (a fight, a chest, a boss, a death)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from game.api import NotOwned
from game.application.dailies import count_progress
from game.application.guilds import add_guild_xp
from game.application.players import Players
from game.application.ports.unit_of_work import PlayerRecord, UnitOfWork, UnitOfWorkFactory
from game.domain import guilds as guild_rules
from game.domain.bounties import BountyKind
from game.domain.content import Content, ItemDef
from game.domain.daily import ledger_day
from game.domain.errors import InventoryFull
from game.domain.inventory import Inventory
from game.domain.loot import Rewards
from game.domain.progression import Death, die, gain_xp
from shared.events import PlayerLeveledUp
from shared.ports import Clock, EventBus


@dataclass(frozen=True)
class Granted:
    applied: bool  # False: this source had already paid out
    kept: dict[str, int] = field(default_factory=dict)
    lost: dict[str, int] = field(default_factory=dict)  # loot with no room in the bag
    level: int = 0
    levels_gained: int = 0
    gold_left: int = 0
    xp: int = 0  # what was paid: the rewards with the guild's bonuses, if any
    gold: int = 0


def fit_into(
    inventory: Inventory, items: Mapping[str, int], catalog: Mapping[str, ItemDef]
) -> tuple[Inventory, dict[str, int], dict[str, int]]:
    """Add what fits, unit by unit; the rest is left behind (a full bag never loses what it holds)."""
    kept: dict[str, int] = {}
    lost: dict[str, int] = {}
    for item_id, quantity in sorted(items.items()):
        for _ in range(quantity):
            try:
                inventory = inventory.add(item_id, 1, catalog)
                kept[item_id] = kept.get(item_id, 0) + 1
            except InventoryFull:
                lost[item_id] = lost.get(item_id, 0) + 1
    return inventory, kept, lost


@dataclass(frozen=True, kw_only=True)
class Payouts:
    content: Content
    uow_factory: UnitOfWorkFactory
    players: Players
    events: EventBus
    clock: Clock | None = None  # with it, the gold paid and charged is added to the day's figures
    reset_hour: int = 0  # when the bounties' day turns (UTC)

    async def grant(
        self,
        player_id: int,
        source_id: str,
        rewards: Rewards,
        *,
        guild_bonus: bool = False,
        shown: bool = False,
        counts: BountyKind | None = None,
    ) -> Granted:
        """Pay XP, gold and items exactly once per `source_id`, in one transaction. `guild_bonus` (a won
        fight): the player's guild adds its bonuses, and a share of the XP goes to the guild. `shown`: the
        player sees what was paid on the screen that paid it, a level gained included. `counts`: what the
        payout counts as towards the bounties (a won fight), counted in the same transaction, so exactly
        once with it: an event published after it could be lost to a crash or a broken connection, and
        the replayed action pays (and tells) nothing more."""
        guild_id = None
        async with self.uow_factory() as uow:
            before = await self.players.claimed_record(uow, player_id, source_id)
            if before is None:
                return Granted(applied=False)
            if guild_bonus:
                member = await uow.guilds.membership(player_id)
                guild = await uow.guilds.get_guild(member.guild_id) if member else None
                if guild is not None:
                    guild_id = guild.id
                    xp, gold = guild_rules.boosted(rewards.xp, rewards.gold, guild.level)
                    rewards = replace(rewards, xp=xp, gold=gold)
            after, granted = self._paid(before, rewards)
            await uow.characters.save(before, after)
            await self._flow(uow, player_id, _FLOW_OF.get(source_id.split(":")[0], "other"), rewards.gold)
            if counts is not None and self.clock is not None:
                await count_progress(uow, player_id, counts, self.clock.now(), reset_hour=self.reset_hour)
            await uow.commit()
        if granted.levels_gained:
            await self.players.heal_after_level_up(after)
            await self.events.publish(PlayerLeveledUp(player_id=player_id, level=granted.level, shown=shown))
        if guild_id is not None:
            # Apart from the payout's transaction, so a guild's row is never locked after a character's.
            await add_guild_xp(
                self.uow_factory, self.events, guild_id, player_id, guild_rules.fight_xp_share(rewards.xp)
            )
        return granted

    def _paid(self, before: PlayerRecord, rewards: Rewards) -> tuple[PlayerRecord, Granted]:
        """The record with `rewards` added (what does not fit in the bag is lost), and what was paid."""
        progress = gain_xp(before.character, rewards.xp)
        character = replace(progress.character, gold=progress.character.gold + rewards.gold)
        inventory, kept, lost = fit_into(before.inventory, rewards.items, self.content.items)
        granted = Granted(
            applied=True,
            kept=kept,
            lost=lost,
            level=character.level,
            levels_gained=progress.levels_gained,
            gold_left=character.gold,
            xp=rewards.xp,
            gold=rewards.gold,
        )
        return replace(before, character=character, inventory=inventory), granted

    async def grant_many(self, source_id: str, rewards: Mapping[int, Rewards]) -> dict[int, Granted]:
        """Pay many players for one `source_id` in one transaction, each exactly once as `grant` does; a player
        already paid for it, or no longer registered, is left out. A batch is a handful of statements whatever
        its size: the players are read and locked in one (in id order), claimed in one, saved in one, and the
        day's figures come last, so two batches never wait on each other in a circle (and a racing payer of
        the same batch waits for this one, then finds every claim taken)."""
        paid: dict[int, tuple[PlayerRecord, Granted]] = {}
        async with self.uow_factory() as uow:
            records = await uow.characters.load_many(rewards, for_update=True)  # a deleted character is left out
            claimed = await uow.characters.claim_many(source_id, records)
            changes: list[tuple[PlayerRecord, PlayerRecord]] = []
            for player_id in sorted(claimed):
                before = records[player_id]
                after, granted = self._paid(before, rewards[player_id])
                changes.append((before, after))
                paid[player_id] = (after, granted)
            await uow.characters.save_many(changes)
            if paid:  # the batch's gold in one row of the day's figures, taken last (never waited on in a circle)
                gold = sum(granted.gold for _, granted in paid.values())
                await self._flow(uow, min(paid), _FLOW_OF.get(source_id.split(":")[0], "other"), gold)
            await uow.commit()
        for player_id, (after, granted) in paid.items():
            if granted.levels_gained:
                await self.players.heal_after_level_up(after)
                await self.events.publish(PlayerLeveledUp(player_id=player_id, level=granted.level))
        return {player_id: granted for player_id, (_, granted) in paid.items()}

    async def charge_death(self, player_id: int, source_id: str, *, rest_price: int = 0) -> Death:
        """The price of dying, once per death (a replay costs nothing more)."""
        async with self.uow_factory() as uow:
            before = await self.players.claimed_record(uow, player_id, source_id)
            if before is None:
                return Death(character=(await self.players.record(uow, player_id)).character, gold_lost=0)
            death = die(before.character, rest_price)
            await uow.characters.save(before, replace(before, character=death.character))
            await self._flow(uow, player_id, "deaths", -death.gold_lost)
            await uow.commit()
        return death

    async def consume(self, player_id: int, item_id: str, source_id: str) -> None:
        """Take one item out of the bag, once per `source_id` (a potion drunk in a fight's turn)."""
        async with self.uow_factory() as uow:
            before = await self.players.claimed_record(uow, player_id, source_id)
            if before is None:
                return  # already taken (a replay)
            if before.inventory.count(item_id) < 1:
                raise NotOwned("you do not have that item", item=item_id)
            after = replace(before, inventory=before.inventory.remove(item_id, 1))
            await uow.characters.save(before, after)
            await uow.commit()

    async def _flow(self, uow: UnitOfWork, player_id: int, source: str, gold: int) -> None:
        if self.clock is not None and gold:
            await uow.exchange.add_gold_flows(ledger_day(self.clock.now()), player_id, {source: gold})


# Where paid gold comes from, by the first part of the source that paid it.
_FLOW_OF = {"fight": "fights", "explore": "treasure", "rift": "rifts", "boss": "bosses"}
