"""A location screen names who is looking and what is there now: open rifts, a boss alive."""

from __future__ import annotations


async def test_a_location_shows_its_rifts_and_boss_and_the_one_looking(game):
    await game.register(1)
    await game.place(1, "meadows")
    quiet = await game.exploration.look(player_id=1)
    assert quiet.rifts == () and quiet.boss is None
    assert quiet.player_level == 1 and 0 < quiet.hp == quiet.max_hp

    rift = await game.open_rift("meadows")
    elsewhere = await game.open_rift("darkwood")
    boss = await game.administration.admin_spawn_boss(location_id="meadows")
    await game.set_hot(1, hp=5)
    busy = await game.exploration.look(player_id=1)
    assert [r.id for r in busy.rifts] == [rift.id] and elsewhere.id not in {r.id for r in busy.rifts}
    assert busy.rifts[0].min_level == rift.min_level and busy.rifts[0].seconds_left > 0
    assert busy.boss is not None and busy.boss.id == boss.id and busy.boss.hp == boss.max_hp
    assert busy.hp == 5

    game.clock.advance(60 * 60)  # both are gone by now
    later = await game.exploration.look(player_id=1)
    assert later.rifts == () and later.boss is None


async def test_rifts_open_side_by_side_have_names_of_their_own(game):
    fitting = [t for t in game.content.rifts.values() if t.min_tier <= 1 <= t.max_tier]
    opened = [await game.open_rift("meadows", tier=1) for _ in fitting]
    assert len({r.name["en"] for r in opened}) == len(fitting)
