"""The living world: rifts that open and collapse, world bosses many players fight at once.

Where state lives:
- A rift is a row (its seed regenerates it); a player's run is a row written with every step, so a restart
  or a flushed Redis loses nothing. Only a running fight is in Redis; if Redis loses it, the run still says
  which step's fight was due and the next `advance_rift` starts it again.
- A boss's HP pool and tallies live in Redis (one Lua script per attack). The sweep job checkpoints them to
  PostgreSQL; if Redis loses a live boss it is rebuilt from the last checkpoint. Its end is settled once
  (a status change in PostgreSQL), rewards are paid with claims, and the end is announced once.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import uuid
from dataclasses import replace
from typing import Any

from game.api import Busy, CombatView, InCombat, LeaderboardRow, NotRegistered, StaleAction, UnknownLocation
from game.api import Rewards as RewardsView
from game.api.world import (
    BossAlreadyAlive,
    BossAttackResult,
    BossCooldown,
    BossGone,
    BossView,
    InRift,
    NotInRift,
    RiftAdvance,
    RiftClosed,
    RiftInfo,
    RiftLevelTooLow,
    RiftProgressView,
    RiftStepView,
    WorldEventsReport,
    WrongLocation,
)
from game.application import presenters
from game.application.base import UseCaseBase
from game.application.ports.unit_of_work import UnitOfWork
from game.application.ports.world_events import BossArena, BossRecord, RiftRecord
from game.domain.content_models import LocationDef
from game.domain.loot import Rewards
from game.domain.monsters import MonsterStats, monster_at_level
from game.domain.rifts import (
    Rift,
    RiftRun,
    choose_template,
    generate_rift,
    min_level,
    next_step,
    rift_tier,
    rift_zones,
    shrine_vitals,
    step_done,
    trap_hp,
)
from game.domain.world_boss import (
    ATTACK_COOLDOWN_SECONDS,
    BossSpawn,
    attack_damage,
    choose_spawn,
    contribution_rewards,
)
from shared.events import BossDefeated, BossEscaped, BossSpawned, RiftCollapsed, RiftOpened

log = logging.getLogger(__name__)

RIFT_CONTEXT = "rift"
# A collapse waits this long for an evicted player's action in flight before ending their rift fight.
EVICT_LOCK_TRIES, EVICT_LOCK_PAUSE = 5, 0.05
PAYOUT_CONCURRENCY = 8  # parallel payout transactions when a boss falls


class WorldEventUseCases(UseCaseBase):
    def __init__(
        self, *, boss_arena: BossArena, boss_cooldown_seconds: float = ATTACK_COOLDOWN_SECONDS, **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self._arena = boss_arena
        self._boss_cooldown_ms = round(boss_cooldown_seconds * 1000)

    # ============================================================================================
    # rifts
    # ============================================================================================

    async def list_rifts(self) -> list[RiftInfo]:
        now = self._clock.now()
        async with self._uow_factory() as uow:
            records = await uow.world.open_rifts()
        return [self._rift_info(r, now) for r in records if r.closes_at > now]

    async def enter_rift(self, *, player_id: int, rift_id: str) -> RiftProgressView:
        async with self._one_action(player_id):
            now = self._clock.now()
            if await self._hot.get_fight(player_id) is not None:
                raise InCombat("finish the fight first")
            async with self._uow_factory() as uow:
                record = await self._player(uow, player_id)
                hot = await self._hot_state(uow, player_id)
                rift = await self._open_rift_record(uow, rift_id, now)
                if hot.location_id != rift.location_id:
                    raise WrongLocation("that rift is elsewhere", location_id=rift.location_id)
                needed = min_level(rift.tier)
                if record.character.level < needed:
                    raise RiftLevelTooLow(
                        "not strong enough for this rift", needed=needed, level=record.character.level
                    )
                current = await uow.world.active_run(player_id)
                if current is not None:
                    raise InRift("you are already in a rift", rift_id=current.rift_id)
                run = RiftRun(rift_id=rift.id, player_id=player_id)
                if not await uow.world.add_run(run, now):
                    raise RiftClosed("you have already walked this rift", rift_id=rift_id, reason="already_entered")
                await uow.commit()
            return self._progress_view(run, rift, now, level=record.character.level)

    async def advance_rift(self, *, player_id: int, steps_done: int | None = None) -> RiftAdvance:
        async with self._one_action(player_id):
            now = self._clock.now()
            fight = await self._hot.get_fight(player_id)
            async with self._uow_factory() as uow:
                run = await uow.world.active_run(player_id, for_update=True)
                if run is None:
                    raise NotInRift("you are not in a rift")
                record_rift = await self._open_rift_record(uow, run.rift_id, now)
                done = run.steps_done(self._rift(record_rift))
                if steps_done is not None and steps_done != done:
                    # The button was drawn before the last step: a repeated press moves nothing.
                    raise StaleAction("the rift has moved on", steps_done=done)
                if fight is not None:
                    raise InCombat("finish the fight first")
                rift = self._rift(record_rift)
                step = next_step(rift, run)
                record = await self._player(uow, player_id)
                hot = await self._hot_state(uow, player_id)
                derived = self._derived(record)
                base = dict(floor=run.floor + 1, step=run.step + 1, kind=step.kind, max_hp=derived.max_hp)
                base["max_mana"] = derived.max_mana
                combat: CombatView | None = None
                if step.is_fight:
                    # Marked first: if the fight is lost with Redis, the run still knows it is due.
                    run = replace(run, fighting=True)
                    await uow.world.save_run(run, now)
                    await uow.commit()
                    assert step.monster is not None
                    context = {"kind": RIFT_CONTEXT, "rift_id": run.rift_id, "floor": run.floor, "step": run.step}
                    combat = await self._begin_fight(
                        player_id=player_id, record=record, hot=hot, monster=step.monster, context=context
                    )
                    view = RiftStepView(**base, combat=combat, hp=combat.player.hp, mana=combat.player.mana)
                elif step.kind == "treasure":
                    # The claim makes the chest pay once, even if this step is replayed after a crash.
                    granted = await self._grant(
                        player_id,
                        f"rift:{run.rift_id}:{run.floor}:{run.step}",
                        Rewards(xp=0, gold=step.gold, items=dict(step.items)),
                    )
                    run = step_done(rift, run, gold=step.gold if granted.applied else 0, items=granted.kept)
                    await uow.world.save_run(run, now)
                    await uow.commit()
                    view = RiftStepView(
                        **base,
                        gold=step.gold if granted.applied else 0,
                        found=presenters.stacks(self._content, granted.kept),
                        lost=presenters.stacks(self._content, granted.lost),
                        hp=min(hot.hp, derived.max_hp),
                        mana=min(hot.mana, derived.max_mana),
                    )
                else:
                    hp, mana = min(hot.hp, derived.max_hp), min(hot.mana, derived.max_mana)
                    if step.kind == "trap":
                        new_hp, new_mana = trap_hp(hp, derived.max_hp, step.hp_share), mana
                    else:
                        new_hp, new_mana = shrine_vitals(hp, mana, derived.max_hp, derived.max_mana, step.hp_share)
                    run = step_done(rift, run)
                    await uow.world.save_run(run, now)
                    await uow.commit()
                    # The step is committed before HP changes: a crash in between skips a trap, never springs it twice.
                    await self._hot.put(player_id, hot.with_vitals(new_hp, new_mana, derived))
                    view = RiftStepView(
                        **base, hp_change=new_hp - hp, mana_change=new_mana - mana, hp=new_hp, mana=new_mana
                    )
            level = record.character.level
            if run.status == "cleared":
                run, level = await self._pay_rift_reward(run, rift)
            return RiftAdvance(step=view, progress=self._progress_view(run, record_rift, now, level=level))

    async def leave_rift(self, *, player_id: int) -> RiftProgressView:
        async with self._one_action(player_id):
            now = self._clock.now()
            fight = await self._hot.get_fight(player_id)
            async with self._uow_factory() as uow:
                run = await uow.world.active_run(player_id, for_update=True)
                if run is None:
                    raise NotInRift("you are not in a rift")
                if fight is not None and _rift_of_fight(fight) == run.rift_id:
                    raise InCombat("flee or finish the fight first")
                run = replace(run, status="left", fighting=False)
                await uow.world.save_run(run, now)
                rift = await uow.world.get_rift(run.rift_id)
                record = await self._player(uow, player_id)
                await uow.commit()
            assert rift is not None
            return self._progress_view(run, rift, now, level=record.character.level)

    async def rift_progress(self, *, player_id: int) -> RiftProgressView | None:
        now = self._clock.now()
        async with self._uow_factory() as uow:
            record = await self._player(uow, player_id)
            run = await uow.world.last_run(player_id)
            rift = await uow.world.get_rift(run.rift_id) if run else None
        if run is None or rift is None:
            return None
        level = record.character.level
        if run.status == "cleared" and not run.reward_paid:  # a crash came between the boss and the chest
            run, level = await self._pay_rift_reward(run, self._rift(rift))
        if not run.active:
            await self._end_rift_fight(player_id, run.rift_id)  # a collapse that could not reach the fight
        return self._progress_view(run, rift, now, level=level)

    async def _on_fight_over(self, *, player_id: int, context: dict[str, Any], outcome: str) -> None:
        """A rift fight moves the run on (won), ends it (lost) or leaves the step to try again (fled)."""
        if context.get("kind") != RIFT_CONTEXT:
            parent = getattr(super(), "_on_fight_over", None)
            if parent is not None:
                await parent(player_id=player_id, context=context, outcome=outcome)
            return
        now = self._clock.now()
        async with self._uow_factory() as uow:
            run = await uow.world.active_run(player_id, for_update=True)
            if run is None or run.rift_id != context.get("rift_id"):
                return  # the rift collapsed (or was left) while the fight went on
            if (run.floor, run.step) != (context.get("floor"), context.get("step")):
                return  # a fight of an earlier step, replayed
            record = await uow.world.get_rift(run.rift_id)
            assert record is not None
            rift = self._rift(record)
            if outcome == "won":
                run = step_done(rift, run)
            elif outcome == "lost":
                run = replace(run, status="fallen", fighting=False)
            else:
                run = replace(run, fighting=False)
            await uow.world.save_run(run, now)
            await uow.commit()
        if run.status == "cleared":
            await self._pay_rift_reward(run, rift)

    # --- rifts: the jobs and admin ------------------------------------------------------------

    async def open_rifts_tick(self, *, duration_minutes: float = 30.0, max_open: int = 3) -> WorldEventsReport:
        now = self._clock.now()
        async with self._uow_factory() as uow:
            live = [r for r in await uow.world.open_rifts() if r.closes_at > now]
        if len(live) >= max_open:
            return WorldEventsReport()
        taken = {r.location_id for r in live}
        zones = sorted((z for z in rift_zones(self._content) if z.id not in taken), key=lambda z: z.id)
        if not zones:
            return WorldEventsReport()
        rng = self._rng("rift-tick", round(now))
        info = await self._open_rift(rng.choice(zones), None, duration_minutes, _fresh_seed())
        return WorldEventsReport(rifts_opened=(info.id,))

    async def admin_open_rift(
        self, *, location_id: str | None = None, tier: int | None = None, duration_minutes: float = 30.0
    ) -> RiftInfo:
        zones = sorted(rift_zones(self._content), key=lambda z: z.id)
        rng = self._rng("rift-admin", self._clock.now())
        if location_id is None:
            zone = rng.choice(zones)
        else:
            found = [z for z in zones if z.id == location_id]
            if not found:
                raise UnknownLocation("no rift can open there", location_id=location_id)
            zone = found[0]
        return await self._open_rift(zone, tier, duration_minutes, _fresh_seed())

    async def close_expired_rifts(self) -> WorldEventsReport:
        now = self._clock.now()
        async with self._uow_factory() as uow:
            expired = await uow.world.expired_rifts(now)
        collapsed, evicted = [], 0
        for rift in expired:
            players = await self._collapse(rift)
            if players is not None:
                collapsed.append(rift.id)
                evicted += len(players)
        return WorldEventsReport(rifts_collapsed=tuple(collapsed), players_evicted=evicted)

    async def _open_rift(self, zone: LocationDef, tier: int | None, duration_minutes: float, seed: int) -> RiftInfo:
        now = self._clock.now()
        tier = max(1, tier if tier is not None else rift_tier(zone))
        with self._refusals():
            template = choose_template(self._content, tier, self._rng("rift-template", seed))
        record = RiftRecord(
            id=uuid.uuid4().hex[:16],
            location_id=zone.id,
            tier=tier,
            template_id=template.id,
            seed=seed,
            opened_at=now,
            closes_at=now + duration_minutes * 60,
            status="open",
        )
        async with self._uow_factory() as uow:
            await uow.world.add_rift(record)
            await uow.commit()
        await self._events.publish(
            RiftOpened(rift_id=record.id, location_id=zone.id, tier=tier, closes_at=record.closes_at)
        )
        return self._rift_info(record, now)

    async def _collapse(self, rift: RiftRecord) -> list[int] | None:
        async with self._uow_factory() as uow:
            evicted = await uow.world.collapse_rift(rift.id, self._clock.now())
            await uow.commit()
        if evicted is None:
            return None  # another replica collapsed it
        for player_id in evicted:
            await self._end_rift_fight(player_id, rift.id, wait=True)
        await self._events.publish(
            RiftCollapsed(rift_id=rift.id, location_id=rift.location_id, evicted_player_ids=tuple(evicted))
        )
        return evicted

    async def _end_rift_fight(self, player_id: int, rift_id: str, *, wait: bool = False) -> None:
        """End a fight that belonged to a rift now closed; the player keeps the HP it left them."""
        for attempt in range(EVICT_LOCK_TRIES if wait else 1):
            try:
                async with self._locks.hold(player_id):
                    fight = await self._hot.get_fight(player_id)
                    if fight is None or _rift_of_fight(fight) != rift_id:
                        return
                    async with self._uow_factory() as uow:
                        record = await self._player(uow, player_id)
                        hot = await self._hot_state(uow, player_id)
                    fighter = fight["combat"]["player"]
                    left = hot.with_vitals(int(fighter["hp"]), int(fighter["mana"]), self._derived(record))
                    await self._hot.put_fight(player_id, None, replace(left, activity="idle"))
                    return
            except Busy:
                if attempt + 1 < EVICT_LOCK_TRIES and wait:
                    await asyncio.sleep(EVICT_LOCK_PAUSE)
            except NotRegistered:
                return
        log.info("rift %s: fight of player %s left to end on its own", rift_id, player_id)

    # --- rifts: helpers -----------------------------------------------------------------------

    async def _open_rift_record(self, uow: UnitOfWork, rift_id: str, now: float) -> RiftRecord:
        rift = await uow.world.get_rift(rift_id)
        if rift is None or rift.status != "open" or rift.closes_at <= now:
            raise RiftClosed("that rift has closed", rift_id=rift_id)
        return rift

    def _rift(self, record: RiftRecord) -> Rift:
        return generate_rift(
            self._content,
            seed=record.seed,
            location_id=record.location_id,
            tier=record.tier,
            template_id=record.template_id,
        )

    async def _pay_rift_reward(self, run: RiftRun, rift: Rift) -> tuple[RiftRun, int]:
        granted = await self._grant(run.player_id, f"rift:{run.rift_id}:reward", rift.reward)
        paid = replace(run, reward_paid=True)
        async with self._uow_factory() as uow:
            await uow.world.save_run(paid, self._clock.now())
            await uow.commit()
        return paid, granted.level

    def _rift_info(self, record: RiftRecord, now: float) -> RiftInfo:
        template = self._content.rifts[record.template_id]
        location = self._content.locations[record.location_id]
        return RiftInfo(
            id=record.id,
            template_id=template.id,
            name=template.name.as_dict(),
            description=template.description.as_dict(),
            location_id=location.id,
            location_name=location.name.as_dict(),
            tier=record.tier,
            min_level=min_level(record.tier),
            floors=template.floors,
            steps_per_floor=template.steps_per_floor,
            closes_at=record.closes_at,
            seconds_left=max(0, int(record.closes_at - now)),
            status=record.status if record.closes_at > now else "collapsed",
        )

    def _progress_view(self, run: RiftRun, record: RiftRecord, now: float, *, level: int) -> RiftProgressView:
        rift = self._rift(record)
        cleared = run.status == "cleared"
        reward = None
        if cleared:
            reward = RewardsView(
                xp=rift.reward.xp,
                gold=rift.reward.gold,
                items=presenters.stacks(self._content, rift.reward.items),
                items_lost=(),
                level=level,
                levels_gained=0,
            )
        return RiftProgressView(
            rift=self._rift_info(record, now),
            status=run.status,
            floor=len(rift.floors) if cleared else run.floor + 1,
            step=rift.steps_per_floor if cleared else run.step + 1,
            steps_done=run.steps_done(rift),
            steps_total=rift.total_steps,
            fighting=run.fighting,
            looted_gold=run.gold,
            looted_items=presenters.stacks(self._content, run.items),
            reward=reward,
        )

    # ============================================================================================
    # world bosses
    # ============================================================================================

    async def list_bosses(self, *, player_id: int | None = None) -> list[BossView]:
        now = self._clock.now()
        async with self._uow_factory() as uow:
            bosses = await uow.world.alive_bosses()
        views = []
        for boss in bosses:
            live = await self._arena.state(boss.id)
            mine = await self._arena.player_status(boss.id, player_id) if player_id is not None else (0, 0)
            hp = live.hp if live else boss.hp_left
            status = live.status if live else boss.status
            views.append(self._boss_view(boss, now, hp=hp, status=status, mine=mine))
        return views

    async def get_boss(self, *, boss_id: str, player_id: int | None = None) -> BossView | None:
        async with self._uow_factory(read_only=True) as uow:
            boss = await uow.world.get_boss(boss_id)
        if boss is None:
            return None
        live = await self._arena.state(boss.id) if boss.status == "alive" else None
        mine = await self._arena.player_status(boss.id, player_id) if player_id is not None and live else (0, 0)
        hp = live.hp if live else boss.hp_left
        return self._boss_view(boss, self._clock.now(), hp=hp, status=live.status if live else boss.status, mine=mine)

    async def attack_boss(self, *, player_id: int, boss_id: str) -> BossAttackResult:
        now = self._clock.now()
        async with self._uow_factory() as uow:
            boss = await uow.world.get_boss(boss_id)
            if boss is None:
                raise BossGone("no such boss", boss_id=boss_id, status="unknown")
            record = await self._player(uow, player_id)
            hot = await self._hot_state(uow, player_id)
            run = await uow.world.active_run(player_id)
        if boss.status != "alive":
            raise BossGone("the boss is gone", boss_id=boss_id, status=boss.status)
        if hot.location_id != boss.location_id:
            raise WrongLocation("the boss is elsewhere", location_id=boss.location_id)
        if run is not None:
            raise InRift("not from inside a rift", rift_id=run.rift_id)
        if await self._hot.get_fight(player_id) is not None:
            raise InCombat("finish the fight first")
        damage = attack_damage(
            self._derived(record), self._boss_monster(boss), self._rng("boss", boss_id, player_id, now)
        )
        outcome = await self._arena.attack(boss_id, player_id, damage, now=now)
        if outcome.status == "missing":  # Redis lost it: rebuild from the checkpoint, then strike
            await self._restore_boss(boss)
            outcome = await self._arena.attack(boss_id, player_id, damage, now=now)
        if outcome.status == "cooldown":
            raise BossCooldown("catch your breath first", seconds_left=round(outcome.cooldown_left_ms / 1000, 1))
        if outcome.status == "expired":
            await self._arena.escape(boss_id)
            await self._settle_boss(boss)
            raise BossGone("the boss got away", boss_id=boss_id, status="escaped")
        if outcome.status != "ok":
            raise BossGone("the boss is gone", boss_id=boss_id, status=outcome.status)
        if outcome.killed:
            await self._settle_boss(boss)
        view = self._boss_view(
            boss,
            now,
            hp=outcome.hp_left,
            status="defeated" if outcome.killed else "alive",
            mine=(outcome.player_total, 0 if outcome.killed else boss.cooldown_ms),
        )
        return BossAttackResult(damage=outcome.dealt, killed=outcome.killed, boss=view)

    async def boss_leaderboard(self, *, limit: int = 10) -> list[LeaderboardRow]:
        async with self._uow_factory() as uow:
            rows = await uow.world.top_boss_damage(max(1, min(limit, 100)))
        return [
            LeaderboardRow(
                rank=i, player_id=r.player_id, name=r.name, class_id=r.class_id, level=r.level, value=r.damage
            )
            for i, r in enumerate(rows, start=1)
        ]

    # --- bosses: the jobs and admin -----------------------------------------------------------

    async def spawn_boss_tick(self, *, duration_minutes: float = 15.0) -> WorldEventsReport:
        async with self._uow_factory() as uow:
            if await uow.world.alive_bosses():
                return WorldEventsReport()
        now = self._clock.now()
        with self._refusals():
            spawn = choose_spawn(self._content, self._rng("boss-tick", round(now)))
        try:
            view = await self._spawn(spawn, duration_minutes)
        except BossAlreadyAlive:
            return WorldEventsReport()
        return WorldEventsReport(bosses_spawned=(view.id,))

    async def admin_spawn_boss(
        self, *, location_id: str | None = None, boss_def_id: str | None = None, duration_minutes: float = 15.0
    ) -> BossView:
        if location_id is not None and self._world.location(location_id) is None:
            raise UnknownLocation(f"no location {location_id!r}", location_id=location_id)
        rng = self._rng("boss-admin", self._clock.now())
        with self._refusals():
            spawn = choose_spawn(self._content, rng, location_id=location_id, boss_def_id=boss_def_id)
        return await self._spawn(spawn, duration_minutes)

    async def end_expired_bosses(self) -> WorldEventsReport:
        now = self._clock.now()
        async with self._uow_factory() as uow:
            alive = await uow.world.alive_bosses()
            unfinished = await uow.world.unannounced_bosses()
        ended, recovered = [], []
        for boss in alive:
            live, damage = await self._arena.snapshot(boss.id)
            if live is None and boss.deadline > now:
                await self._restore_boss(boss)
                recovered.append(boss.id)
                continue
            if live is not None and live.status == "alive" and boss.deadline > now:
                async with self._uow_factory() as uow:
                    await uow.world.checkpoint_boss(boss.id, live.hp, damage)
                    await uow.commit()
                continue
            if live is not None and live.status == "alive":
                await self._arena.escape(boss.id)
            if await self._settle_boss(boss):
                ended.append(boss.id)
        for boss in unfinished:
            await self._finish_boss(boss.id)
        return WorldEventsReport(bosses_ended=tuple(ended), bosses_recovered=tuple(recovered))

    # --- bosses: helpers ----------------------------------------------------------------------

    async def _spawn(self, spawn: BossSpawn, duration_minutes: float) -> BossView:
        now = self._clock.now()
        boss = BossRecord(
            id=uuid.uuid4().hex[:16],
            boss_def_id=spawn.boss_def_id,
            monster_id=spawn.monster.monster_id,
            location_id=spawn.location_id,
            level=spawn.monster.level,
            max_hp=spawn.max_hp,
            hp_left=spawn.max_hp,
            cooldown_ms=self._boss_cooldown_ms,
            spawned_at=now,
            deadline=now + duration_minutes * 60,
            status="alive",
        )
        async with self._uow_factory() as uow:
            if not await uow.world.add_boss(boss):
                raise BossAlreadyAlive("a boss is already there", location_id=spawn.location_id)
            await uow.commit()
        # Durable first: if the process dies here, the sweep finds the boss missing in Redis and creates it.
        await self._arena.create(boss)
        await self._events.publish(
            BossSpawned(
                boss_id=boss.id,
                monster_id=boss.monster_id,
                location_id=boss.location_id,
                hp=boss.max_hp,
                deadline=boss.deadline,
            )
        )
        return self._boss_view(boss, now, hp=boss.max_hp, status="alive", mine=(0, 0))

    async def _restore_boss(self, boss: BossRecord) -> None:
        async with self._uow_factory() as uow:
            rows = await uow.world.boss_damage(boss.id)
        if await self._arena.create(boss, {r.player_id: r.damage for r in rows}, hp=boss.hp_left):
            log.warning("boss %s re-created from its checkpoint (hp %s)", boss.id, boss.hp_left)

    async def _settle_boss(self, boss: BossRecord) -> bool:
        """Record the end of a boss once (status, final tallies, leaderboard), then pay and announce.
        True if this call recorded the end."""
        live, damage = await self._arena.snapshot(boss.id)
        if live is not None and live.status == "alive":
            return False
        if live is None:  # Redis lost it after its deadline: the checkpoint is all there is
            async with self._uow_factory() as uow:
                damage = {r.player_id: r.damage for r in await uow.world.boss_damage(boss.id)}
            status, hp_left, killer = "escaped", boss.hp_left, None
        else:
            status, hp_left, killer = live.status, live.hp, live.killer_id
        async with self._uow_factory() as uow:
            ended = await uow.world.end_boss(
                boss.id, status=status, hp_left=hp_left, killer_id=killer, damage=damage, now=self._clock.now()
            )
            await uow.commit()
        await self._finish_boss(boss.id)
        return ended

    async def _finish_boss(self, boss_id: str) -> None:
        """Pay every contributor not yet paid (claims make a retry harmless), then announce the end once."""
        async with self._uow_factory() as uow:
            boss = await uow.world.get_boss(boss_id)
            rows = await uow.world.boss_damage(boss_id)
        if boss is None or boss.status == "alive" or boss.announced:
            return
        damage = {r.player_id: r.damage for r in rows}
        if boss.status == "defeated":
            rewards = contribution_rewards(
                self._content,
                boss.boss_def_id,
                self._boss_monster(boss),
                damage,
                killer_id=boss.killer_id,
                seed=f"{self._seed}:boss:{boss.id}",
            )
            gate = asyncio.Semaphore(PAYOUT_CONCURRENCY)

            async def pay(player_id: int) -> None:
                async with gate:
                    with contextlib.suppress(NotRegistered):  # a character deleted meanwhile
                        await self._grant(player_id, f"boss:{boss_id}", rewards[player_id])
                    async with self._uow_factory() as uow:
                        await uow.world.mark_paid(boss_id, player_id)
                        await uow.commit()

            await asyncio.gather(*(pay(r.player_id) for r in rows if not r.paid and r.player_id in rewards))
        async with self._uow_factory() as uow:
            first = await uow.world.mark_announced(boss_id)
            await uow.commit()
        if not first:
            return
        contributors = tuple(sorted(pid for pid, d in damage.items() if d > 0))
        if boss.status == "defeated":
            event: BossDefeated | BossEscaped = BossDefeated(
                boss_id=boss.id,
                monster_id=boss.monster_id,
                location_id=boss.location_id,
                contributors=contributors,
                killer_id=boss.killer_id,
            )
        else:
            event = BossEscaped(
                boss_id=boss.id, monster_id=boss.monster_id, location_id=boss.location_id, contributors=contributors
            )
        await self._events.publish(event)
        await self._arena.forget(boss.id)

    def _boss_monster(self, boss: BossRecord) -> MonsterStats:
        return monster_at_level(self._content.monsters[boss.monster_id], boss.level)

    def _boss_view(self, boss: BossRecord, now: float, *, hp: int, status: str, mine: tuple[int, int]) -> BossView:
        spec = self._content.bosses.get(boss.boss_def_id)
        monster = self._content.monsters[boss.monster_id]
        name = spec.name if spec is not None and spec.name is not None else monster.name
        location = self._content.locations[boss.location_id]
        return BossView(
            id=boss.id,
            boss_def_id=boss.boss_def_id,
            monster_id=boss.monster_id,
            name=name.as_dict(),
            description=monster.description.as_dict(),
            location_id=location.id,
            location_name=location.name.as_dict(),
            level=boss.level,
            hp=hp,
            max_hp=boss.max_hp,
            status=status,
            deadline=boss.deadline,
            seconds_left=max(0, int(boss.deadline - now)),
            cooldown_seconds=boss.cooldown_ms / 1000,
            my_damage=mine[0],
            my_cooldown_left=round(mine[1] / 1000, 1),
        )


def _fresh_seed() -> int:
    """A rift's seed is stored with it, so it can come from anywhere; unique ones keep rifts apart."""
    return random.SystemRandom().getrandbits(63)


def _rift_of_fight(fight: dict[str, Any]) -> str | None:
    context = fight.get("context") or {}
    return context.get("rift_id") if context.get("kind") == RIFT_CONTEXT else None
