"""Looking around, travelling, exploring: stamina, finds paid once, monsters met in the wild."""

from __future__ import annotations

import pytest

from game.api import BadRequest, InCombat, NotAdjacent, NotEnoughStamina, NotUsable, StaleAction, UnknownLocation
from game.domain.character import STAMINA_REGEN_PER_MINUTE

from .play import explore, meet, play_out


async def test_travel_goes_one_road_at_a_time(game):
    await game.register(1)
    here = await game.exploration.look(player_id=1)
    assert here.id == "ashford" and here.is_town
    assert {e.id for e in here.exits} == {"meadows", "riverbank"}
    there = await game.exploration.travel(player_id=1, destination="meadows")
    assert there.id == "meadows" and not there.is_town
    assert (await game.exploration.look(player_id=1)).id == "meadows"


async def test_travel_elsewhere_is_refused_and_nothing_moves(game):
    await game.register(1)
    game.hot.changed.clear()
    with pytest.raises(NotAdjacent) as far:
        await game.exploration.travel(player_id=1, destination="frostfang")
    assert far.value.details == {"origin": "ashford", "destination": "frostfang"}
    with pytest.raises(UnknownLocation):
        await game.exploration.travel(player_id=1, destination="narnia")
    assert (await game.exploration.look(player_id=1)).id == "ashford"
    assert game.hot.changed == set()  # nothing for the snapshot to write


async def test_there_is_nothing_to_explore_in_town(game):
    await game.register(1)
    stamina = (await game.hot_state(1)).stamina
    with pytest.raises(NotUsable):
        await game.exploration.explore(player_id=1)
    assert (await game.hot_state(1)).stamina == stamina


async def test_exploring_costs_stamina_which_comes_back_with_time(game):
    await game.register(1)
    await game.empower(1)
    await game.exploration.travel(player_id=1, destination="meadows")
    cost = game.content.locations["meadows"].stamina_cost
    first = await explore(game, 1)
    assert first.stamina == first.max_stamina - cost
    if first.combat is not None:
        await play_out(game, 1, first.combat)
    await game.set_hot(1, stamina=0.0, stamina_at=game.clock.now())
    with pytest.raises(NotEnoughStamina):
        await game.exploration.explore(player_id=1)
    game.clock.advance(cost / STAMINA_REGEN_PER_MINUTE * 60)  # just enough comes back
    assert (await game.exploration.explore(player_id=1)).stamina == 0


async def test_what_is_found_goes_into_the_bag_once(game):
    await game.register(1)
    await game.empower(1)
    await game.place(1, "meadows")
    for _ in range(50):
        bag, gold, hot = await game.bag(1), await game.gold(1), await game.hot_state(1)
        found = await explore(game, 1)
        if found.kind in ("resource", "treasure"):
            break
        if found.combat is not None:
            await play_out(game, 1, found.combat)
    else:
        raise AssertionError("nothing found in 50 explorations")
    assert found.found or found.gold
    expected = dict(bag)
    for stack in found.found:
        expected[stack.item.id] = expected.get(stack.item.id, 0) + stack.quantity
    assert await game.bag(1) == expected
    assert await game.gold(1) == gold + found.gold
    [claim] = game.claims(1, "explore:")

    # The same exploration again (a retry after a crash, at the same instant) finds it already paid.
    await game.hot.put(1, hot)
    again = await game.exploration.explore(player_id=1)
    assert again.kind == found.kind and again.found == ()
    assert await game.bag(1) == expected and await game.gold(1) == gold + found.gold
    assert game.claims(1, "explore:") == [claim]


async def test_a_monster_met_in_the_wild_holds_the_player_until_the_fight_ends(game):
    await game.register(1)
    combat = await meet(game, 1)
    assert combat.outcome == "ongoing" and combat.turn == 1 and combat.part_of is None
    assert (await game.characters.get_character(player_id=1)).in_combat
    assert await game.fights.get_combat(player_id=1) == combat
    with pytest.raises(InCombat):
        await game.exploration.explore(player_id=1)
    with pytest.raises(InCombat):
        await game.exploration.travel(player_id=1, destination="ashford")
    assert (await game.exploration.look(player_id=1)).id == "meadows"


async def test_a_pressed_explore_button_explores_once(game):
    """The button's token is claimed with the exploring: the same press again (a double tap, Telegram
    re-delivering it) explores nothing; another button explores; a refusal leaves the button usable."""
    await game.register(1)
    await game.empower(1)
    await game.exploration.travel(player_id=1, destination="meadows")
    cost = game.content.locations["meadows"].stamina_cost
    first = await game.exploration.explore(player_id=1, press="Ab3-_x")
    if first.combat is not None:
        await play_out(game, 1, first.combat)
    stamina = (await game.hot_state(1)).stamina
    with pytest.raises(StaleAction):
        await game.exploration.explore(player_id=1, press="Ab3-_x")
    assert (await game.hot_state(1)).stamina == stamina  # nothing spent, nothing met
    assert await game.fights.get_combat(player_id=1) is None
    assert game.claims(1, "press:") == ["press:explore:Ab3-_x"]

    await game.set_hot(1, stamina=0.0, stamina_at=game.clock.now())
    with pytest.raises(NotEnoughStamina):
        await game.exploration.explore(player_id=1, press="later")
    assert game.claims(1, "press:") == ["press:explore:Ab3-_x"]  # the refused press is not used up
    game.clock.advance(cost / STAMINA_REGEN_PER_MINUTE * 60)
    assert (await game.exploration.explore(player_id=1, press="later")).stamina == 0  # pressed once it is back
    with pytest.raises(BadRequest):
        await game.exploration.explore(player_id=1, press="no:colons")


async def test_presses_a_day_old_are_forgotten_and_younger_ones_kept(game):
    """The worker's hourly job forgets the once-only marks of presses a day old (no screen still shows those
    buttons); a younger press stays guarded, and other claims (a fight's payout) are never forgotten."""
    await game.register(1)
    await game.empower(1)
    await game.exploration.travel(player_id=1, destination="meadows")
    first = await game.exploration.explore(player_id=1, press="old")
    if first.combat is not None:
        await play_out(game, 1, first.combat)
    paid = game.claims(1, "fight:")
    game.clock.advance(20 * 3600)
    await game.heal(1)
    second = await game.exploration.explore(player_id=1, press="young")
    if second.combat is not None:
        await play_out(game, 1, second.combat)
    assert await game.api.prune_press_claims() == 0  # the first is 20 hours old
    game.clock.advance(5 * 3600)
    assert await game.api.prune_press_claims() == 1
    assert game.claims(1, "press:") == ["press:explore:young"]
    assert game.claims(1, "fight:") == paid
    with pytest.raises(StaleAction):
        await game.exploration.explore(player_id=1, press="young")  # still guarded
