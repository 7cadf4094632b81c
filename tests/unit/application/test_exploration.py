"""Looking around, travelling, exploring: stamina, finds paid once, monsters met in the wild."""

from __future__ import annotations

import pytest

from game.api import BadRequest, InCombat, NotAdjacent, NotEnoughStamina, NotUsable, StaleAction, UnknownLocation
from game.application.ports.hot_state import PRESSES_KEPT
from game.domain.character import MAX_STAMINA, STAMINA_REGEN_PER_MINUTE

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
    assert game.hot.presses[1] == ["Ab3-_x"]

    await game.set_hot(1, stamina=0.0, stamina_at=game.clock.now())
    with pytest.raises(NotEnoughStamina):
        await game.exploration.explore(player_id=1, press="later")
    assert game.hot.presses[1] == ["Ab3-_x"]  # the refused press is not used up
    game.clock.advance(cost / STAMINA_REGEN_PER_MINUTE * 60)
    assert (await game.exploration.explore(player_id=1, press="later")).stamina == 0  # pressed once it is back
    with pytest.raises(BadRequest):
        await game.exploration.explore(player_id=1, press="no:colons")
    assert game.claims(1, "press:") == []  # nothing of it in durable storage


async def test_a_button_stays_once_only_for_the_players_next_explorations(game):
    """The last PRESSES_KEPT tokens are remembered: a screen drawn that many explorations ago is long gone,
    and a press of one of the more recent ones still explores nothing."""
    await game.register(1)
    await game.empower(1)
    await game.exploration.travel(player_id=1, destination="meadows")
    for n in range(PRESSES_KEPT + 1):
        found = await game.exploration.explore(player_id=1, press=f"p{n}")
        if found.combat is not None:
            await play_out(game, 1, found.combat)
        await rested(game, 1)
    with pytest.raises(StaleAction):
        await game.exploration.explore(player_id=1, press="p1")  # still among the last PRESSES_KEPT
    assert (await game.exploration.explore(player_id=1, press="p0")).location_id == "meadows"  # forgotten


async def rested(game, player_id: int) -> None:
    """Healed and rested, a moment on (each exploration an encounter of its own)."""
    game.clock.advance(1)
    await game.heal(player_id)
    await game.set_hot(player_id, stamina=float(MAX_STAMINA), stamina_at=game.clock.now())


async def test_a_pressed_find_is_paid_once_even_if_the_claim_was_lost(game):
    """Should the process die after a find was paid but before the press was written with the hot state (or
    the press be pushed out of the hash by later ones), the same press explores again; meeting a find, it is
    refused as pressed already: that find is not paid twice and no stamina is spent."""
    await game.register(1)
    await game.empower(1)
    await game.exploration.travel(player_id=1, destination="meadows")
    for n in range(200):
        found = await game.exploration.explore(player_id=1, press=f"f{n}")
        if found.combat is not None:
            await play_out(game, 1, found.combat)
        await rested(game, 1)
        if found.kind in ("resource", "treasure"):
            break
    else:
        pytest.fail("no find in 200 explorations")
    token = f"f{n}"
    assert game.claims(1, "explore:press:") == [f"explore:press:{token}"]
    for _ in range(200):  # the same press, its claim lost each time, until it meets a find again
        game.hot.presses[1].remove(token)
        stamina, bag, gold = (await game.hot_state(1)).stamina, await game.bag(1), await game.gold(1)
        try:
            again = await game.exploration.explore(player_id=1, press=token)
        except StaleAction:  # it met a find: that find was paid already, and nothing is spent
            assert (await game.hot_state(1)).stamina == stamina
            assert (await game.bag(1), await game.gold(1)) == (bag, gold)
            assert await game.hot.pressed(1, token)  # claimed again, with the refusal
            break
        if again.combat is not None:
            await play_out(game, 1, again.combat)
        await rested(game, 1)
    else:
        pytest.fail("no second find in 200 explorations")
    assert game.claims(1, "explore:press:") == [f"explore:press:{token}"]
