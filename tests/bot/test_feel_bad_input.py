"""Tampered, stale or ill-timed presses of what is new: dropping and its confirmation, the warning before
a road, the rift and boss buttons of a place. Each gets a clear answer and changes nothing (the
`no_errors_logged` fixture checks the log after every test)."""

from __future__ import annotations

import asyncio

from bot.callbacks import DropCb, GoAnywayCb, TravelCb
from bot.world_callbacks import BossCb, RiftCb
from tests.bot.conftest import register
from tests.bot.test_play_bad_input import fighting
from tests.bot.test_play_flow import (
    no_errors_logged,  # noqa: F401 — the autouse fixture applies here too
    sql,
)
from tests.bot.world_helpers import move_to


async def a_bag(chat, game, db):
    await register(chat)
    await sql(db, "INSERT INTO inventory_items VALUES (:p, 'iron_ore', 4), (:p, 'iron_sword', 1)", p=chat.user_id)
    await chat.send("/inventory")
    return await game.inventory(player_id=chat.user_id)


async def test_forged_and_stale_drops_change_nothing(new_chat, game, db):
    chat = new_chat()
    bag = await a_bag(chat, game, db)

    def drop(item_id: str, quantity: int, *, ok: bool = True, version: int = bag.version) -> str:
        return DropCb(id=item_id, q=quantity, v=version, ok=ok).pack()

    await chat.press(drop("iron_ore", 0))
    assert chat.last_alert == "⌛ This button is no longer valid."
    await chat.press(drop("iron_ore", -3))
    assert chat.last_alert == "⌛ This button is no longer valid."
    await chat.press(drop("iron_ore", 99))
    assert chat.last_alert == "🚫 Not enough of that: you need 99, you have 4."
    await chat.press(drop("dragon_egg", 1))
    assert chat.last_alert == "🚫 You don't have that item."
    await chat.press(drop("rusty_sword", 1))  # worn: never dropped
    assert chat.last_alert == "🚫 You don't have that item."
    await chat.press("drop:iron_ore:many:1:1:0")
    assert chat.last_alert == "⌛ This button is no longer valid."
    await chat.press("drop:" + "x" * 70)
    assert chat.last_alert == "⌛ This button is no longer valid."
    assert await game.inventory(player_id=chat.user_id) == bag

    # Asked about what is not in the bag (any more), or is worn: the bag, saying so.
    await chat.press(drop("dragon_egg", 1, ok=False))
    assert chat.last.text.startswith("You don't have that item any more.")
    await chat.press(drop("rusty_sword", 1, ok=False))
    assert chat.last.text.startswith("🚫 You are wearing that: take it off first.")
    assert await game.inventory(player_id=chat.user_id) == bag


async def test_a_confirmation_from_before_the_bag_changed_drops_nothing(new_chat, game, db):
    chat = new_chat()
    bag = await a_bag(chat, game, db)
    asked = (await chat.press(DropCb(id="iron_sword", q=1, v=bag.version).pack()))[-1]
    assert "gone for good" in asked.text
    # Meanwhile the bag changes (another screen, another device).
    await game.drop_item(player_id=chat.user_id, item_id="iron_ore", quantity=1, version=bag.version)
    changed = await game.inventory(player_id=chat.user_id)
    again = (await chat.press(next(d for _, d in asked.buttons() if d.startswith("drop:")), message=asked))[-1]
    assert again.text.startswith("⌛ This button is from an older screen")
    assert await game.inventory(player_id=chat.user_id) == changed
    # The same press twice once it went through: the second finds the sword gone.
    asked = (await chat.press(DropCb(id="iron_sword", q=1, v=changed.version).pack()))[-1]
    yes = next(d for _, d in asked.buttons() if d.startswith("drop:"))
    await chat.press(yes, message=asked)
    after = await game.inventory(player_id=chat.user_id)
    await chat.press(yes, message=asked)
    assert chat.last.text.startswith("⌛ This button is from an older screen")
    assert await game.inventory(player_id=chat.user_id) == after


async def test_dropping_during_a_fight_shows_the_fight(new_chat, game, db, redis):
    chat = await fighting(new_chat, db, redis)
    bag = await game.inventory(player_id=chat.user_id)
    await chat.press(DropCb(id="minor_healing_potion", q=1, v=bag.version, ok=True).pack())
    assert chat.last.text.startswith("⚔️ Not in the middle of a fight")
    assert await game.inventory(player_id=chat.user_id) == bag


async def test_forged_and_stale_roads_past_a_warning(new_chat, game, container):
    chat = new_chat()
    await register(chat)
    await move_to(container, chat.user_id, "darkwood")
    await chat.send("/look")
    # Roads that do not start here, or lead nowhere: the map as it is, nobody moved.
    await chat.press(GoAnywayCb(origin="darkwood", dest="frostfang").pack())
    assert chat.last.text.startswith("🚫 You can't get there from here.")
    await chat.press(GoAnywayCb(origin="ashford", dest="riverbank").pack())
    assert chat.last.text.startswith("⌛ That road was on an old map")
    await chat.press(GoAnywayCb(origin="darkwood", dest="../../etc").pack())
    assert chat.last.text.startswith("🚫 You can't get there from here.")
    for garbage in ("gox:darkwood", "gox:" + "y" * 70, "go:darkwood:ruins:1:2"):
        await chat.press(garbage)
        assert chat.last_alert == "⌛ This button is no longer valid.", garbage
    assert (await game.look(player_id=chat.user_id)).id == "darkwood"
    # A risky road from an old map is not warned about: it is refused for what it is.
    await move_to(container, chat.user_id, "meadows")
    await chat.press(TravelCb(origin="darkwood", dest="ruins").pack())
    assert chat.last.text.startswith("⌛ That road was on an old map")
    assert (await game.look(player_id=chat.user_id)).id == "meadows"


async def test_rift_and_boss_buttons_of_a_place_that_changed(new_chat, game, container):
    chat = new_chat()
    await register(chat)
    await move_to(container, chat.user_id, "meadows")
    rift = await game.admin_open_rift(location_id="meadows", tier=5)  # above a newcomer's level
    boss = await game.admin_spawn_boss(location_id="meadows", boss_def_id="old_tusk", duration_minutes=0.02)
    here = (await chat.send("/look"))[-1]
    assert "You need level" in here.text and not [d for _, d in here.buttons() if d.startswith("rf:enter")]
    # Pressed anyway (a forged button): the level it needs, nothing entered.
    await chat.press(RiftCb(act="enter", id=rift.id).pack(), message=here)
    assert chat.last_alert == f"🔒 This rift needs level {rift.min_level}; you are level 1."
    assert await game.rift_progress(player_id=chat.user_id) is None
    # The boss of an old screen has gone: said, and the bosses as they are now.
    await asyncio.sleep(1.5)
    await chat.press(BossCb(act="hit", id=boss.id).pack(), message=here)
    assert chat.last.text.startswith("🏃 This boss got away.")
