"""World bosses: a large shared HP pool that everyone in the location can strike.

The pool and the tallies live in Redis (one atomic script per attack). The sweep job checkpoints them to
PostgreSQL; if Redis loses a live boss it is rebuilt from the last checkpoint.

Its end is recorded once (a status change in PostgreSQL: one row, so the killing blow answers at once);
from then on the boss is due for settlement, which copies the final tallies to PostgreSQL once, pays every
contributor with claims (a batch per transaction, each batch's contributors told their share as soon as it
commits) and announces the end once, with what each was paid.
The blow that ends a boss starts its settlement in the background of the same process; the settlement
job (`settle_bosses`) finishes any a crash cut short. Settlers that race pay each contributor once.
"""

from __future__ import annotations

import asyncio
import heapq
import logging
from dataclasses import dataclass, field

from game.api import InCombat, UnknownLocation
from game.api.kinds import BossStatus
from game.api.world import (
    BossAlreadyAlive,
    BossAttackResult,
    BossCooldown,
    BossGone,
    BossRankRow,
    BossView,
    InRift,
    WorldEventsReport,
    WrongLocation,
)
from game.application.actions import refusals
from game.application.dice import Dice
from game.application.payouts import Payouts
from game.application.players import Players
from game.application.ports.unit_of_work import UnitOfWorkFactory
from game.application.ports.world_events import BossArena, BossRecord, BossStanding
from game.application.presenters.bosses import boss_view
from game.domain.content import Content
from game.domain.monsters import MonsterStats, monster_at_level
from game.domain.world import WorldMap
from game.domain.world_boss import (
    ATTACK_COOLDOWN_SECONDS,
    BossSpawn,
    attack_damage,
    choose_spawn,
    contribution_rewards,
    fighter_share,
    typical_fighter,
    vigour,
)
from shared.events import BossDefeated, BossEscaped, BossPayout, BossSharesPaid, BossSpawned
from shared.ports import Clock, EventBus

log = logging.getLogger(__name__)

PAYOUT_BATCH = 100  # contributors paid in one transaction
PAYOUT_CONCURRENCY = 4  # batches paid at once
RANKING_SIZE = 5  # the top of the live damage ranking a boss screen shows


@dataclass(frozen=True, kw_only=True)
class WorldBosses:
    content: Content
    world: WorldMap
    uow_factory: UnitOfWorkFactory
    players: Players
    payouts: Payouts
    arena: BossArena
    dice: Dice
    events: EventBus
    clock: Clock
    cooldown_seconds: float = ATTACK_COOLDOWN_SECONDS
    # The blow that ends a boss starts its settlement in this process at once (the job is the backstop).
    settle_at_once: bool = True
    _settling: dict[str, asyncio.Task[bool]] = field(default_factory=dict, init=False, repr=False, compare=False)
    _background: set[asyncio.Task[None]] = field(default_factory=set, init=False, repr=False, compare=False)

    @property
    def _boss_cooldown_ms(self) -> int:
        return round(self.cooldown_seconds * 1000)

    async def list_bosses(self, *, player_id: int | None = None) -> list[BossView]:
        now = self.clock.now()
        async with self.uow_factory() as uow:
            bosses = await uow.world.alive_bosses()
        return [await self._live_view(boss, now, player_id) for boss in bosses]

    async def get_boss(self, *, boss_id: str, player_id: int | None = None) -> BossView | None:
        async with self.uow_factory(read_only=True) as uow:
            boss = await uow.world.get_boss(boss_id)
        if boss is None:
            return None
        return await self._live_view(boss, self.clock.now(), player_id)

    async def attack_boss(self, *, player_id: int, boss_id: str) -> BossAttackResult:
        now = self.clock.now()
        async with self.uow_factory(read_only=True) as uow:  # reads alone: no transaction to begin and end
            boss = await uow.world.get_boss(boss_id)
            if boss is None:
                raise BossGone("no such boss", boss_id=boss_id, status="unknown")
            record = await self.players.record(uow, player_id)
            hot = await self.players.hot_state(uow, player_id)
            run = await uow.world.active_run(player_id)
        if boss.status != "alive":
            raise BossGone("the boss is gone", boss_id=boss_id, status=boss.status)
        if hot.location_id != boss.location_id:
            raise WrongLocation("the boss is elsewhere", location_id=boss.location_id)
        if run is not None:
            raise InRift("not from inside a rift", rift_id=run.rift_id)
        if await self.players.hot.get_fight(player_id) is not None:
            raise InCombat("finish the fight first")
        derived, monster = self.players.derived(record), self._boss_monster(boss)
        damage = attack_damage(derived, monster, self.dice.rng("boss", boss_id, player_id, now))
        # Counted only on a player's first blow: the boss grows with the crowd that comes.
        join = fighter_share(derived, monster, boss.deadline - now, self.cooldown_seconds, self._vigour(boss.id))
        outcome = await self.arena.attack(boss_id, player_id, damage, now=now, join_hp=join)
        if outcome.status == "missing":  # Redis lost it: rebuild from the checkpoint, then strike
            await self._restore_boss(boss)
            outcome = await self.arena.attack(boss_id, player_id, damage, now=now, join_hp=join)
        if outcome.status == "cooldown":
            raise BossCooldown("catch your breath first", seconds_left=round(outcome.cooldown_left_ms / 1000, 1))
        if outcome.status == "expired":
            await self.arena.escape(boss_id)
            if await self._end(boss):
                self._settle_soon(boss_id)
            raise BossGone("the boss got away", boss_id=boss_id, status="escaped")
        if outcome.status != "ok":
            raise BossGone("the boss is gone", boss_id=boss_id, status=outcome.status)
        if outcome.killed:
            # Only the end is recorded before the answer: the tallies, payouts and announcement follow it.
            async with self.uow_factory() as uow:
                await uow.world.end_boss(boss_id, status="defeated", hp_left=0, killer_id=player_id, now=now)
                await uow.commit()
        view = await self._live_view(boss, now, player_id)
        if outcome.killed:
            self._settle_soon(boss_id)
        return BossAttackResult(damage=outcome.dealt, killed=outcome.killed, boss=view)

    # --- bosses: the jobs and admin -----------------------------------------------------------

    async def spawn_boss_tick(self, *, duration_minutes: float = 15.0) -> WorldEventsReport:
        async with self.uow_factory() as uow:
            if await uow.world.alive_bosses():
                return WorldEventsReport()
        now = self.clock.now()
        with refusals():
            spawn = choose_spawn(self.content, self.dice.rng("boss-tick", round(now)))
        try:
            view = await self._spawn(spawn, duration_minutes)
        except BossAlreadyAlive:
            return WorldEventsReport()
        return WorldEventsReport(bosses_spawned=(view.id,))

    async def spawn_now(
        self, *, location_id: str | None = None, boss_def_id: str | None = None, duration_minutes: float = 15.0
    ) -> BossView:
        if location_id is not None and self.world.location(location_id) is None:
            raise UnknownLocation(f"no location {location_id!r}", location_id=location_id)
        rng = self.dice.rng("boss-admin", self.clock.now())
        with refusals():
            spawn = choose_spawn(self.content, rng, location_id=location_id, boss_def_id=boss_def_id)
        return await self._spawn(spawn, duration_minutes)

    async def end_expired_bosses(self) -> WorldEventsReport:
        now = self.clock.now()
        async with self.uow_factory() as uow:
            alive = await uow.world.alive_bosses()
        ended, recovered = [], []
        for boss in alive:
            live, damage = await self.arena.snapshot(boss.id)
            if live is None and boss.deadline > now:
                await self._restore_boss(boss)
                recovered.append(boss.id)
                continue
            if live is not None and live.status == "alive" and boss.deadline > now:
                async with self.uow_factory() as uow:
                    await uow.world.checkpoint_boss(boss.id, live.hp, damage, max_hp=live.max_hp)
                    await uow.commit()
                continue
            if live is not None and live.status == "alive":
                await self.arena.escape(boss.id)
            if await self._end(boss):
                ended.append(boss.id)
                await self.settle_boss(boss.id)
        return WorldEventsReport(bosses_ended=tuple(ended), bosses_recovered=tuple(recovered))

    async def settle_bosses(self) -> WorldEventsReport:
        """Settle every ended boss not yet settled: a crash cut its settlement short, or it is still running
        elsewhere (then the claims let both finish it, each contributor paid once)."""
        async with self.uow_factory(read_only=True) as uow:
            pending = await uow.world.unannounced_bosses()
        settled = [boss.id for boss in pending if await self.settle_boss(boss.id)]
        return WorldEventsReport(bosses_settled=tuple(settled))

    async def settle_boss(self, boss_id: str) -> bool:
        """Settle an ended boss (see the module's docstring); True if this call announced its end. In one
        process a boss is settled by one task at a time: a second caller waits for the first."""
        task = self._settling.get(boss_id)
        if task is None:
            task = asyncio.get_running_loop().create_task(self._settle(boss_id), name=f"settle-boss-{boss_id}")
            self._settling[boss_id] = task
            task.add_done_callback(lambda _: self._settling.pop(boss_id, None))
        return await asyncio.shield(task)

    async def settlements_done(self) -> None:
        """Wait for the settlements this process started in the background (a graceful stop; tests)."""
        while self._background:
            await asyncio.gather(*self._background, return_exceptions=True)

    # --- bosses: helpers ----------------------------------------------------------------------

    async def _spawn(self, spawn: BossSpawn, duration_minutes: float) -> BossView:
        now = self.clock.now()
        boss_id = self.dice.fresh_id("boss", spawn.location_id, spawn.boss_def_id)
        # Shown until the first fighter comes, whose own share then replaces it: a typical player of the zone.
        level = self.content.locations[spawn.location_id].level
        pool = fighter_share(
            typical_fighter(level), spawn.monster, duration_minutes * 60, self.cooldown_seconds, self._vigour(boss_id)
        )
        boss = BossRecord(
            id=boss_id,
            boss_def_id=spawn.boss_def_id,
            monster_id=spawn.monster.monster_id,
            location_id=spawn.location_id,
            level=spawn.monster.level,
            max_hp=pool,
            hp_left=pool,
            cooldown_ms=self._boss_cooldown_ms,
            spawned_at=now,
            deadline=now + duration_minutes * 60,
            status="alive",
        )
        async with self.uow_factory() as uow:
            if not await uow.world.add_boss(boss):
                raise BossAlreadyAlive("a boss is already there", location_id=spawn.location_id)
            await uow.commit()
        # Durable first: if the process dies here, the sweep finds the boss missing in Redis and creates it.
        await self.arena.create(boss)
        await self.events.publish(
            BossSpawned(
                boss_id=boss.id,
                monster_id=boss.monster_id,
                location_id=boss.location_id,
                hp=boss.max_hp,
                deadline=boss.deadline,
            )
        )
        return self._view(boss, now, hp=boss.max_hp, status="alive", mine=(0, 0))

    async def _restore_boss(self, boss: BossRecord) -> None:
        async with self.uow_factory() as uow:
            rows = await uow.world.boss_damage(boss.id)
        if await self.arena.create(boss, {r.player_id: r.damage for r in rows}, hp=boss.hp_left):
            log.warning("boss %s re-created from its checkpoint (hp %s)", boss.id, boss.hp_left)

    async def _end(self, boss: BossRecord) -> bool:
        """Record the end of a boss Redis no longer holds alive (as Redis has it, or escaped if Redis lost
        it); True if this call recorded it."""
        live = await self.arena.state(boss.id)
        if live is not None and live.status == "alive":
            return False
        status: BossStatus
        if live is None:  # Redis lost it after its deadline: the checkpoint is all there is
            status, hp_left, killer = "escaped", boss.hp_left, None
        else:
            status, hp_left, killer = live.status, live.hp, live.killer_id
        async with self.uow_factory() as uow:
            ended = await uow.world.end_boss(
                boss.id, status=status, hp_left=hp_left, killer_id=killer, now=self.clock.now()
            )
            await uow.commit()
        return ended

    def _settle_soon(self, boss_id: str) -> None:
        """Start the settlement in the background; if it fails, the settlement job finishes it."""
        if not self.settle_at_once:
            return

        async def settle() -> None:
            try:
                await self.settle_boss(boss_id)
            except Exception:
                log.warning("boss %s: settlement cut short; the settlement job finishes it", boss_id, exc_info=True)

        task = asyncio.get_running_loop().create_task(settle(), name=f"settle-boss-soon-{boss_id}")
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    async def _settle(self, boss_id: str) -> bool:
        """Final tallies (once), every contributor not yet paid (claims make a retry harmless), then the
        announcement (once)."""
        async with self.uow_factory(read_only=True) as uow:
            boss = await uow.world.get_boss(boss_id)
        if boss is None or boss.status == "alive" or boss.announced:
            return False
        if not boss.tallied:
            await self._tally(boss)
        async with self.uow_factory(read_only=True) as uow:
            boss = await uow.world.get_boss(boss_id)
            rows = await uow.world.boss_damage(boss_id)
        if boss is None or boss.announced:
            return False
        damage = {r.player_id: r.damage for r in rows}
        # A kill pays a full share for a fair share of the damage; an escape still pays a part of it.
        rewards = contribution_rewards(
            self.content,
            boss.boss_def_id,
            self._boss_monster(boss),
            damage,
            killer_id=boss.killer_id,
            seed=f"{self.dice.seed}:boss:{boss.id}",
            max_hp=boss.max_hp,
            killed=boss.status == "defeated",
        )
        unpaid = [r.player_id for r in rows if not r.paid and r.player_id in rewards]
        gate = asyncio.Semaphore(PAYOUT_CONCURRENCY)
        defeated = boss.status == "defeated"

        def payout(pid: int) -> BossPayout:
            r = rewards[pid]
            names = {i: self.content.items[i].name.as_dict() for i in r.items if i in self.content.items}
            return BossPayout(
                player_id=pid, damage=damage[pid], xp=r.xp, gold=r.gold, items=dict(r.items), item_names=names
            )

        async def pay(batch: list[int]) -> None:
            async with gate:
                granted = await self.payouts.grant_many(f"boss:{boss_id}", {pid: rewards[pid] for pid in batch})
                async with self.uow_factory() as uow:
                    await uow.world.mark_paid(boss_id, batch)
                    await uow.commit()
            if granted:  # those this call paid (not those a settler before it did) hear of their share now
                await self.events.publish(
                    BossSharesPaid(
                        boss_id=boss.id,
                        monster_id=boss.monster_id,
                        location_id=boss.location_id,
                        defeated=defeated,
                        killer_id=boss.killer_id if defeated else None,
                        payouts=tuple(payout(pid) for pid in sorted(granted)),
                    )
                )

        await asyncio.gather(*(pay(unpaid[i : i + PAYOUT_BATCH]) for i in range(0, len(unpaid), PAYOUT_BATCH)))
        async with self.uow_factory() as uow:
            first = await uow.world.mark_announced(boss_id)
            await uow.commit()
        if not first:
            return False
        contributors = tuple(sorted(pid for pid, d in damage.items() if d > 0))
        paid = tuple(payout(pid) for pid in sorted(rewards))
        if defeated:
            event: BossDefeated | BossEscaped = BossDefeated(
                boss_id=boss.id,
                monster_id=boss.monster_id,
                location_id=boss.location_id,
                contributors=contributors,
                killer_id=boss.killer_id,
                payouts=paid,
                shares_told=True,
            )
        else:
            event = BossEscaped(
                boss_id=boss.id,
                monster_id=boss.monster_id,
                location_id=boss.location_id,
                contributors=contributors,
                payouts=paid,
                shares_told=True,
            )
        await self.events.publish(event)
        await self.arena.forget(boss.id)
        return True

    async def _tally(self, boss: BossRecord) -> None:
        """Copy the final tallies from Redis (no blow lands on an ended boss, so they are final) to PostgreSQL,
        with the pool as it grew; if Redis lost them, the last checkpoint stands."""
        live, damage = await self.arena.snapshot(boss.id)
        grown: int | None = None
        if live is None or live.status == "alive":
            async with self.uow_factory(read_only=True) as uow:
                damage = {r.player_id: r.damage for r in await uow.world.boss_damage(boss.id)}
        else:
            grown = live.max_hp
        async with self.uow_factory() as uow:
            await uow.world.tally_boss(boss.id, damage, max_hp=grown)
            await uow.commit()

    def _boss_monster(self, boss: BossRecord) -> MonsterStats:
        return monster_at_level(self.content.monsters[boss.monster_id], boss.level)

    def _vigour(self, boss_id: str) -> float:
        return vigour(self.dice.rng("boss-vigour", boss_id))

    def _view(self, boss: BossRecord, now: float, *, hp: int, status: BossStatus, mine: tuple[int, int]) -> BossView:
        return boss_view(self.content, boss, now, hp=hp, status=status, mine=mine)

    async def _live_view(self, boss: BossRecord, now: float, player_id: int | None) -> BossView:
        """The boss as it stands: its pool (grown with the crowd), the live ranking and the player's place.
        Redis holds a boss until an hour after it is settled, so it is asked first, ended or not; only the top
        of its ranking is read, and the player's place, not the whole crowd (it may be thousands)."""
        standing = await self.arena.standing(boss.id, player_id, top=RANKING_SIZE)
        live = standing.live
        if live is None:  # Redis lost it (or let it go): the tallies PostgreSQL holds
            standing = await self._durable_standing(boss.id, player_id)
        async with self.uow_factory(read_only=True) as uow:
            names = await uow.characters.names([pid for pid, _ in standing.top])
        ranking = tuple(
            BossRankRow(rank=i, player_id=pid, name=names.get(pid, "?"), damage=dealt)
            for i, (pid, dealt) in enumerate(standing.top, start=1)
        )
        view = self._view(
            boss,
            now,
            hp=live.hp if live else boss.hp_left,
            status=live.status if live else boss.status,
            mine=(standing.damage, standing.cooldown_ms if live is not None and live.status == "alive" else 0),
        )
        return view.model_copy(
            update={
                "max_hp": live.max_hp if live else boss.max_hp,
                "ranking": ranking,
                "my_rank": standing.rank,
                "fighters": standing.fighters,
            }
        )

    async def _durable_standing(self, boss_id: str, player_id: int | None) -> BossStanding:
        """The standing from the tallies in PostgreSQL (the checkpoint, or final once tallied)."""
        async with self.uow_factory(read_only=True) as uow:
            damage = {r.player_id: r.damage for r in await uow.world.boss_damage(boss_id)}
        fighters = [pid for pid, d in damage.items() if d > 0]
        top = heapq.nsmallest(RANKING_SIZE, fighters, key=lambda pid: (-damage[pid], pid))
        mine = damage.get(player_id, 0) if player_id is not None else 0
        rank = None
        if player_id is not None and mine > 0:
            rank = 1 + sum(1 for pid in fighters if (-damage[pid], pid) < (-mine, player_id))
        return BossStanding(
            live=None,
            top=tuple((pid, damage[pid]) for pid in top),
            fighters=len(fighters),
            damage=mine,
            rank=rank,
        )
