"""Rifts: opened and collapsed on time, entered by who may, walked a step at a time; a fight in a rift
ends the rift's way (won: on, lost: out, fled: the same step again); chests and the reward pay once."""

from __future__ import annotations

import pytest

from game.api import InCombat, StaleAction, UnknownLocation
from game.api.world import InRift, NotInRift, RiftAdvance, RiftClosed, RiftLevelTooLow, WrongLocation
from game.application.fight_endings import FightPaid
from game.domain.running_fight import RiftFight
from shared.events import RiftCollapsed, RiftOpened
from tests.fakes.game import FakeGame

from .play import meet, play_out, press

# Seeded so the rift is known: floor 1 is a monster, a chest, a monster and a shrine; floor 2 two chests,
# a shrine and the boss. (The tests look at what each step is, so another layout would only slow them.)
SEED = 3
FIGHTS = ("monster", "elite", "boss")


async def walker(game: FakeGame, pid: int = 1, *, seed: int = SEED) -> str:
    """A strong hero standing in the meadows, inside a freshly opened rift; its id."""
    await game.register(pid)
    await game.empower(pid)
    await game.place(pid, "meadows")
    rift = await game.open_rift("meadows", seed=seed)
    await game.rifts.enter_rift(player_id=pid, rift_id=rift.id)
    return rift.id


async def advance(game: FakeGame, pid: int = 1) -> RiftAdvance:
    """One step, a moment after the last (a fight's id comes from the moment it starts)."""
    game.clock.advance(1)
    return await game.rifts.advance_rift(player_id=pid)


async def walk_to(game: FakeGame, kinds: tuple[str, ...], pid: int = 1) -> RiftAdvance:
    """Advance (winning the fights on the way) until a step of one of `kinds`; that step, not finished."""
    for _ in range(40):
        step = await advance(game, pid)
        if step.step.kind in kinds:
            return step
        if step.step.combat is not None:
            assert (await play_out(game, pid, step.step.combat)).outcome == "won"
    raise AssertionError(f"no {kinds} step in this rift")


async def test_rifts_open_on_the_tick_and_collapse_on_time(game):
    opened = await game.rifts.open_rifts_tick(duration_minutes=30, max_open=1)
    [rift] = await game.rifts.list_rifts()
    assert opened.rifts_opened == (rift.id,) and rift.seconds_left == 30 * 60 and rift.status == "open"
    assert (await game.rifts.open_rifts_tick(max_open=1)).rifts_opened == ()  # enough are open
    [event] = game.events.of_type(RiftOpened)
    assert (event.rift_id, event.location_id) == (rift.id, rift.location_id)

    game.clock.advance(30 * 60)
    assert await game.rifts.list_rifts() == []
    closed = await game.rifts.close_expired_rifts()
    assert closed.rifts_collapsed == (rift.id,) and closed.players_evicted == 0
    assert (await game.rifts.close_expired_rifts()).rifts_collapsed == ()  # once
    [collapsed] = game.events.of_type(RiftCollapsed)
    assert collapsed.rift_id == rift.id and collapsed.evicted_player_ids == ()


async def test_a_rift_opens_only_where_rifts_can(game):
    with pytest.raises(UnknownLocation):
        await game.administration.admin_open_rift(location_id="ashford")
    info = await game.administration.admin_open_rift(location_id="darkwood", tier=2)
    assert (info.location_id, info.tier, info.min_level) == ("darkwood", 2, 2)


async def test_who_may_not_enter_a_rift_is_told_why(game):
    await game.register(1)
    rift = await game.open_rift("meadows")
    with pytest.raises(WrongLocation) as elsewhere:
        await game.rifts.enter_rift(player_id=1, rift_id=rift.id)  # still in town
    assert elsewhere.value.details == {"location_id": "meadows"}
    await game.place(1, "meadows")
    deep = await game.open_rift("meadows", tier=4)
    with pytest.raises(RiftLevelTooLow) as weak:
        await game.rifts.enter_rift(player_id=1, rift_id=deep.id)
    assert weak.value.details == {"needed": 4, "level": 1}
    with pytest.raises(RiftClosed):
        await game.rifts.enter_rift(player_id=1, rift_id="no-such-rift")
    await meet(game, 1)
    with pytest.raises(InCombat):
        await game.rifts.enter_rift(player_id=1, rift_id=rift.id)
    assert await game.rifts.rift_progress(player_id=1) is None


async def test_one_rift_at_a_time_each_walked_once_and_none_after_it_closed(game):
    first = await walker(game)
    second = await game.open_rift("meadows")
    with pytest.raises(InRift) as inside:
        await game.rifts.enter_rift(player_id=1, rift_id=second.id)
    assert inside.value.details == {"rift_id": first}
    left = await game.rifts.leave_rift(player_id=1)
    assert left.status == "left"
    with pytest.raises(RiftClosed) as again:
        await game.rifts.enter_rift(player_id=1, rift_id=first)
    assert again.value.details["reason"] == "already_entered"
    game.clock.advance(31 * 60)
    with pytest.raises(RiftClosed):
        await game.rifts.enter_rift(player_id=1, rift_id=second.id)


async def test_walking_and_leaving_need_a_rift(game):
    await game.register(1)
    with pytest.raises(NotInRift):
        await game.rifts.advance_rift(player_id=1)
    with pytest.raises(NotInRift):
        await game.rifts.leave_rift(player_id=1)


async def test_a_step_button_pressed_twice_moves_the_rift_once(game):
    await walker(game)
    fight = await walk_to(game, FIGHTS)
    await play_out(game, 1, fight.step.combat)
    done = (await game.rifts.rift_progress(player_id=1)).steps_done
    step = await game.rifts.advance_rift(player_id=1, steps_done=done)
    assert step.progress.steps_done == done + 1 or step.step.combat is not None
    if step.step.combat is not None:  # the step is a fight: the repeated press is sent back to it
        with pytest.raises(InCombat):
            await game.rifts.advance_rift(player_id=1, steps_done=done)
        assert (await game.rifts.rift_progress(player_id=1)).steps_done == done
        return
    with pytest.raises(StaleAction) as stale:
        await game.rifts.advance_rift(player_id=1, steps_done=done)
    assert stale.value.details["steps_done"] == step.progress.steps_done


async def test_a_rift_fight_won_moves_the_rift_on(game):
    await walker(game)
    fight = await walk_to(game, FIGHTS)
    combat = fight.step.combat
    assert combat.part_of == "rift" and fight.progress.fighting
    with pytest.raises(InCombat):
        await game.rifts.advance_rift(player_id=1)
    with pytest.raises(InCombat):
        await game.rifts.leave_rift(player_id=1)
    won = await play_out(game, 1, combat)
    assert won.outcome == "won" and won.part_of == "rift" and won.rewards is not None
    progress = await game.rifts.rift_progress(player_id=1)
    assert progress.status == "active" and not progress.fighting
    assert progress.steps_done == fight.progress.steps_done + 1


async def test_a_rift_fight_lost_ends_the_run(game):
    await walker(game)
    await game.weaken(1)
    fight = await walk_to(game, FIGHTS)
    lost = await play_out(game, 1, fight.step.combat)
    assert lost.outcome == "lost"
    progress = await game.rifts.rift_progress(player_id=1)
    assert progress.status == "fallen" and not progress.fighting
    with pytest.raises(NotInRift):
        await game.rifts.advance_rift(player_id=1)
    assert (await game.hot_state(1)).location_id == "ashford"


async def test_a_rift_fight_fled_leaves_the_step_to_try_again(game):
    await walker(game)
    fight = await walk_to(game, FIGHTS)
    fled = await play_out(game, 1, fight.step.combat, action="flee")
    assert fled.outcome == "fled"
    progress = await game.rifts.rift_progress(player_id=1)
    assert progress.status == "active" and not progress.fighting
    assert progress.steps_done == fight.progress.steps_done
    again = await advance(game)
    assert again.step.kind == fight.step.kind and again.step.combat.monster_id == fight.step.combat.monster_id
    assert (again.step.floor, again.step.step) == (fight.step.floor, fight.step.step)


async def test_a_rift_chest_pays_once_even_replayed_after_a_crash(game):
    rift_id = await walker(game)
    while True:  # up to the chest, remembering the run as it was before each step
        async with game.uow_factory(read_only=True) as uow:
            before = await uow.world.active_run(1)
        gold = await game.gold(1)
        step = await advance(game)
        if step.step.kind == "treasure":
            break
        if step.step.combat is not None:
            await play_out(game, 1, step.step.combat)
    chest = step.step
    assert chest.gold > 0 and await game.gold(1) == gold + chest.gold
    assert step.progress.looted_gold >= chest.gold
    claim = f"rift:{rift_id}:{before.floor}:{before.step}"
    assert claim in game.claims(1, "rift:")

    # The process died after paying, before the run moved on: the same step is walked again.
    async with game.uow_factory() as uow:
        await uow.world.save_run(before, game.clock.now())
        await uow.commit()
    replay = await advance(game)
    assert replay.step.kind == "treasure" and replay.step.gold == 0 and replay.step.found == ()
    assert await game.gold(1) == gold + chest.gold
    assert game.claims(1, "rift:").count(claim) == 1


async def test_a_cleared_rift_pays_its_reward_once(game):
    rift_id = await walker(game)
    boss = await walk_to(game, ("boss",))
    gold = await game.gold(1)
    won = await play_out(game, 1, boss.step.combat)
    progress = await game.rifts.rift_progress(player_id=1)
    assert progress.status == "cleared" and progress.steps_done == progress.steps_total
    assert progress.reward is not None
    assert await game.gold(1) == gold + won.rewards.gold + progress.reward.gold
    assert game.claims(1, f"rift:{rift_id}:reward") == [f"rift:{rift_id}:reward"]
    await game.rifts.rift_progress(player_id=1)  # looking again pays nothing more
    assert await game.gold(1) == gold + won.rewards.gold + progress.reward.gold
    with pytest.raises(NotInRift):
        await game.rifts.advance_rift(player_id=1)


async def test_a_reward_lost_to_a_crash_is_paid_when_the_player_looks_again(game):
    rift_id = await walker(game)
    boss = await walk_to(game, ("boss",))
    with game.crash_when_paying(f"rift:{rift_id}:reward"), pytest.raises(ConnectionError):
        await play_out(game, 1, boss.step.combat)
    assert game.claims(1, f"rift:{rift_id}:reward") == []
    gold = await game.gold(1)
    progress = await game.rifts.rift_progress(player_id=1)
    assert progress.status == "cleared"
    assert await game.gold(1) == gold + progress.reward.gold
    await game.rifts.rift_progress(player_id=1)
    assert await game.gold(1) == gold + progress.reward.gold


async def test_a_collapse_throws_the_players_out_mid_fight_keeping_their_wounds(game):
    rift_id = await walker(game)
    fight = await walk_to(game, FIGHTS)
    combat = await press(game, 1, fight.step.combat)  # a turn or so in
    if combat.outcome != "ongoing":
        combat = (await walk_to(game, FIGHTS)).step.combat
    game.clock.advance(30 * 60)
    report = await game.rifts.close_expired_rifts()
    assert report.rifts_collapsed == (rift_id,) and report.players_evicted == 1
    [event] = game.events.of_type(RiftCollapsed)
    assert event.evicted_player_ids == (1,)
    assert await game.fights.get_combat(player_id=1) is None
    hot = await game.hot_state(1)
    assert hot.hp == combat.player.hp and hot.activity == "idle" and hot.location_id == "meadows"
    assert (await game.rifts.rift_progress(player_id=1)).status == "collapsed"
    with pytest.raises(StaleAction):
        await press(game, 1, combat)


async def test_a_run_keeps_what_its_fights_paid_and_a_replayed_ending_adds_nothing(game):
    await walker(game)
    gold = await game.gold(1)
    fight = await walk_to(game, FIGHTS)
    won = await play_out(game, 1, fight.step.combat)
    assert won.rewards is not None
    progress = await game.rifts.rift_progress(player_id=1)
    assert (progress.fights_xp, progress.fights_gold) == (won.rewards.xp, won.rewards.gold)
    assert {s.item.id: s.quantity for s in progress.fights_items} == {s.item.id: s.quantity for s in won.rewards.items}
    assert await game.gold(1) - gold == won.rewards.gold + progress.looted_gold
    # The same ending told twice (a retry) is a fight of an earlier step: the run counts it once.
    step = RiftFight(rift_id=progress.rift.id, floor=fight.step.floor - 1, step=fight.step.step - 1)
    await game.fights.endings.fight_over(1, step, "won", FightPaid(xp=99, gold=99))
    again = await game.rifts.rift_progress(player_id=1)
    assert (again.fights_xp, again.fights_gold) == (progress.fights_xp, progress.fights_gold)
    left = await game.rifts.leave_rift(player_id=1)
    assert left.status == "left" and left.fights_gold == progress.fights_gold
