"""Rifts: generated from a seed, opened and collapsed by the scheduler, walked a step at a time.

Where state lives: a rift is a row (its seed regenerates it); a player's run is a row written with every
step, so a restart or a flushed Redis loses nothing. Only a running fight is in Redis; if Redis loses it,
the run still says which step's fight was due and the next `advance_rift` starts it again.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, replace

from game.api import Busy, CombatView, InCombat, NotRegistered, StaleAction, UnknownLocation
from game.api.kinds import FightOutcome
from game.api.world import (
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
from game.application.actions import Actions, refusals
from game.application.dice import Dice
from game.application.fight_endings import FightEndings, FightPaid
from game.application.fights import Fights
from game.application.payouts import Payouts
from game.application.players import Players
from game.application.ports.unit_of_work import UnitOfWork, UnitOfWorkFactory
from game.application.ports.world_events import RiftRecord
from game.application.presenters.items import stacks
from game.application.presenters.rifts import progress_view, rift_info
from game.domain.content import Content
from game.domain.content_models import LocationDef
from game.domain.loot import Rewards
from game.domain.rifts import (
    Rift,
    RiftRun,
    choose_template,
    fight_paid,
    generate_rift,
    min_level,
    next_step,
    rift_tier,
    rift_zones,
    shrine_vitals,
    step_done,
    trap_hp,
)
from game.domain.running_fight import FightContext, RiftFight, RunningFight
from shared.events import RiftCollapsed, RiftOpened
from shared.ports import Clock, EventBus

log = logging.getLogger(__name__)

# A collapse waits this long for an evicted player's action in flight before ending their rift fight.
EVICT_LOCK_TRIES, EVICT_LOCK_PAUSE = 5, 0.05


@dataclass(frozen=True, kw_only=True)
class Rifts:
    content: Content
    uow_factory: UnitOfWorkFactory
    players: Players
    actions: Actions
    payouts: Payouts
    fights: Fights
    endings: FightEndings
    dice: Dice
    events: EventBus
    clock: Clock

    def __post_init__(self) -> None:
        # A fight of a rift step ends here, whichever use case played its last turn.
        self.endings.register(RiftFight.kind, self._fight_over)

    async def list_rifts(self) -> list[RiftInfo]:
        now = self.clock.now()
        async with self.uow_factory() as uow:
            records = await uow.world.open_rifts()
        return [rift_info(self.content, r, now) for r in records if r.closes_at > now]

    async def enter_rift(self, *, player_id: int, rift_id: str) -> RiftProgressView:
        async with self.actions.one_at_a_time(player_id):
            now = self.clock.now()
            if await self.players.hot.get_fight(player_id) is not None:
                raise InCombat("finish the fight first")
            async with self.uow_factory() as uow:
                record = await self.players.record(uow, player_id)
                hot = await self.players.hot_state(uow, player_id)
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
            return self._progress(run, rift, now, level=record.character.level)

    async def advance_rift(self, *, player_id: int, steps_done: int | None = None) -> RiftAdvance:
        async with self.actions.one_at_a_time(player_id):
            now = self.clock.now()
            fight = await self.players.hot.get_fight(player_id)
            async with self.uow_factory() as uow:
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
                record = await self.players.record(uow, player_id)
                hot = self.players.settled(record, await self.players.hot_state(uow, player_id))
                derived = self.players.derived(record)
                base = dict(floor=run.floor + 1, step=run.step + 1, kind=step.kind, max_hp=derived.max_hp)
                base["max_mana"] = derived.max_mana
                combat: CombatView | None = None
                if step.is_fight:
                    # Marked first: if the fight is lost with Redis, the run still knows it is due.
                    run = replace(run, fighting=True)
                    await uow.world.save_run(run, now)
                    await uow.commit()
                    assert step.monster is not None
                    context = RiftFight(rift_id=run.rift_id, floor=run.floor, step=run.step)
                    combat = await self.fights.begin(
                        player_id=player_id, record=record, hot=hot, monster=step.monster, context=context
                    )
                    view = RiftStepView(**base, combat=combat, hp=combat.player.hp, mana=combat.player.mana)
                elif step.kind == "treasure":
                    # The claim makes the chest pay once, even if this step is replayed after a crash.
                    granted = await self.payouts.grant(
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
                        found=stacks(self.content, granted.kept),
                        lost=stacks(self.content, granted.lost),
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
                    await self.players.hot.put(player_id, hot.with_vitals(new_hp, new_mana, derived))
                    view = RiftStepView(
                        **base, hp_change=new_hp - hp, mana_change=new_mana - mana, hp=new_hp, mana=new_mana
                    )
            level = record.character.level
            if run.status == "cleared":
                run, level = await self._pay_rift_reward(run, rift)
            return RiftAdvance(step=view, progress=self._progress(run, record_rift, now, level=level))

    async def leave_rift(self, *, player_id: int) -> RiftProgressView:
        async with self.actions.one_at_a_time(player_id):
            now = self.clock.now()
            fight = await self.players.hot.get_fight(player_id)
            async with self.uow_factory() as uow:
                run = await uow.world.active_run(player_id, for_update=True)
                if run is None:
                    raise NotInRift("you are not in a rift")
                if fight is not None and _rift_of(fight) == run.rift_id:
                    raise InCombat("flee or finish the fight first")
                run = replace(run, status="left", fighting=False)
                await uow.world.save_run(run, now)
                rift = await uow.world.get_rift(run.rift_id)
                record = await self.players.record(uow, player_id)
                await uow.commit()
            assert rift is not None
            return self._progress(run, rift, now, level=record.character.level)

    async def rift_progress(self, *, player_id: int) -> RiftProgressView | None:
        now = self.clock.now()
        async with self.uow_factory() as uow:
            record = await self.players.record(uow, player_id)
            run = await uow.world.last_run(player_id)
            rift = await uow.world.get_rift(run.rift_id) if run else None
        if run is None or rift is None:
            return None
        level = record.character.level
        if run.status == "cleared" and not run.reward_paid:  # a crash came between the boss and the chest
            run, level = await self._pay_rift_reward(run, self._rift(rift))
        if not run.active:
            await self._end_rift_fight(player_id, run.rift_id)  # a collapse that could not reach the fight
        return self._progress(run, rift, now, level=level)

    async def _fight_over(self, player_id: int, context: FightContext, outcome: FightOutcome, paid: FightPaid) -> None:
        """A rift fight moves the run on (won), ends it (lost) or leaves the step to try again (fled)."""
        assert isinstance(context, RiftFight)
        now = self.clock.now()
        async with self.uow_factory() as uow:
            run = await uow.world.active_run(player_id, for_update=True)
            if run is None or run.rift_id != context.rift_id:
                return  # the rift collapsed (or was left) while the fight went on
            if (run.floor, run.step) != (context.floor, context.step):
                return  # a fight of an earlier step, replayed
            record = await uow.world.get_rift(run.rift_id)
            assert record is not None
            rift = self._rift(record)
            if outcome == "won":
                run = fight_paid(step_done(rift, run), xp=paid.xp, gold=paid.gold, items=paid.items)
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
        now = self.clock.now()
        async with self.uow_factory() as uow:
            live = [r for r in await uow.world.open_rifts() if r.closes_at > now]
        if len(live) >= max_open:
            return WorldEventsReport()
        taken = {r.location_id for r in live}
        zones = sorted((z for z in rift_zones(self.content) if z.id not in taken), key=lambda z: z.id)
        if not zones:
            return WorldEventsReport()
        rng = self.dice.rng("rift-tick", round(now))
        info = await self._open_rift(rng.choice(zones), None, duration_minutes, self._fresh_seed("tick"))
        return WorldEventsReport(rifts_opened=(info.id,))

    async def open_now(
        self, *, location_id: str | None = None, tier: int | None = None, duration_minutes: float = 30.0
    ) -> RiftInfo:
        zones = sorted(rift_zones(self.content), key=lambda z: z.id)
        rng = self.dice.rng("rift-admin", self.clock.now())
        if location_id is None:
            zone = rng.choice(zones)
        else:
            found = [z for z in zones if z.id == location_id]
            if not found:
                raise UnknownLocation("no rift can open there", location_id=location_id)
            zone = found[0]
        return await self._open_rift(zone, tier, duration_minutes, self._fresh_seed("admin", zone.id))

    async def close_expired_rifts(self) -> WorldEventsReport:
        now = self.clock.now()
        async with self.uow_factory() as uow:
            expired = await uow.world.expired_rifts(now)
        collapsed, evicted = [], 0
        for rift in expired:
            players = await self._collapse(rift)
            if players is not None:
                collapsed.append(rift.id)
                evicted += len(players)
        return WorldEventsReport(rifts_collapsed=tuple(collapsed), players_evicted=evicted)

    async def _open_rift(self, zone: LocationDef, tier: int | None, duration_minutes: float, seed: int) -> RiftInfo:
        now = self.clock.now()
        tier = max(1, tier if tier is not None else rift_tier(zone))
        async with self.uow_factory(read_only=True) as uow:
            beside = frozenset(r.template_id for r in await uow.world.open_rifts() if r.location_id == zone.id)
        with refusals():
            template = choose_template(self.content, tier, self.dice.rng("rift-template", seed), avoid=beside)
        record = RiftRecord(
            id=self.dice.new_id("rift", zone.id, seed),
            location_id=zone.id,
            tier=tier,
            template_id=template.id,
            seed=seed,
            opened_at=now,
            closes_at=now + duration_minutes * 60,
            status="open",
        )
        async with self.uow_factory() as uow:
            await uow.world.add_rift(record)
            await uow.commit()
        await self.events.publish(
            RiftOpened(rift_id=record.id, location_id=zone.id, tier=tier, closes_at=record.closes_at)
        )
        return rift_info(self.content, record, now)

    async def _collapse(self, rift: RiftRecord) -> list[int] | None:
        async with self.uow_factory() as uow:
            evicted = await uow.world.collapse_rift(rift.id, self.clock.now())
            await uow.commit()
        if evicted is None:
            return None  # another replica collapsed it
        for player_id in evicted:
            await self._end_rift_fight(player_id, rift.id, wait=True)
        await self.events.publish(
            RiftCollapsed(rift_id=rift.id, location_id=rift.location_id, evicted_player_ids=tuple(evicted))
        )
        return evicted

    async def _end_rift_fight(self, player_id: int, rift_id: str, *, wait: bool = False) -> None:
        """End a fight that belonged to a rift now closed; the player keeps the HP it left them."""
        for attempt in range(EVICT_LOCK_TRIES if wait else 1):
            try:
                async with self.actions.one_at_a_time(player_id):
                    fight = await self.players.hot.get_fight(player_id)
                    if fight is None or _rift_of(fight) != rift_id:
                        return
                    async with self.uow_factory() as uow:
                        record = await self.players.record(uow, player_id)
                        hot = await self.players.hot_state(uow, player_id)
                    fighter = fight.combat.player
                    hot = self.players.settled(record, hot)
                    left = hot.with_vitals(fighter.hp, fighter.mana, self.players.derived(record))
                    await self.players.hot.put_fight(player_id, None, replace(left, activity="idle"))
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
            self.content,
            seed=record.seed,
            location_id=record.location_id,
            tier=record.tier,
            template_id=record.template_id,
        )

    async def _pay_rift_reward(self, run: RiftRun, rift: Rift) -> tuple[RiftRun, int]:
        granted = await self.payouts.grant(run.player_id, f"rift:{run.rift_id}:reward", rift.reward)
        paid = replace(run, reward_paid=True)
        async with self.uow_factory() as uow:
            await uow.world.save_run(paid, self.clock.now())
            await uow.commit()
        return paid, granted.level

    def _fresh_seed(self, *why: object) -> int:
        """A rift's seed is stored with it; drawn from the game's dice (and the clock), so a seeded game
        replays the same rifts while every rift of a live one differs."""
        return self.dice.fresh("rift-seed", *why).getrandbits(63)

    def _progress(self, run: RiftRun, record: RiftRecord, now: float, *, level: int) -> RiftProgressView:
        return progress_view(self.content, run, record, self._rift(record), now, level=level)


def _rift_of(fight: RunningFight) -> str | None:
    return fight.context.rift_id if isinstance(fight.context, RiftFight) else None
