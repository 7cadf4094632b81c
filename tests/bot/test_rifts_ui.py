"""Rifts through the real Dispatcher, the FSM and the game on PostgreSQL + Redis."""

from __future__ import annotations

import asyncio

from bot.world_callbacks import RiftCb
from tests.bot.conftest import register
from tests.bot.world_helpers import button_data, empower, full_health, is_fight, move_to, win_fight


def rift_buttons(message, act: str) -> list[str]:
    return [d for d in button_data(message, "rf:") if RiftCb.unpack(d).act == act]


async def test_the_list_shows_tier_level_and_time_and_enter_is_refused_elsewhere(new_chat, game):
    chat = new_chat()
    await register(chat)
    answer = await chat.send("/rifts")
    assert "No rift is open" in answer[-1].text

    rift = await game.admin_open_rift(location_id="caves", duration_minutes=30)
    answer = await chat.send("/rifts")
    text = answer[-1].text
    assert rift.name["en"] in text and "Caves" in text
    assert f"Tier {rift.tier}" in text and f"from level {rift.min_level}" in text and "30 min" in text
    # Far away (and above a newcomer's level): no button that could only be refused.
    assert not rift_buttons(answer[-1], "enter") and not button_data(answer[-1], "go:")

    # An Enter button from elsewhere (an old screen, a forged press) names the place and moves nothing.
    listed = answer[-1]
    await chat.press(RiftCb(act="enter", id=rift.id).pack(), message=listed)
    assert chat.last_alert == "📍 This rift is in Echoing Caves: travel there first."
    assert chat.last.message_id == listed.message_id and chat.last.text == listed.text  # nothing moved
    assert await game.rift_progress(player_id=chat.user_id) is None


async def test_a_rift_one_road_away_offers_the_road(new_chat, game, db):
    chat = new_chat()
    await register(chat)
    await empower(db, chat.user_id)
    rift = await game.admin_open_rift(location_id="meadows")
    listed = (await chat.send("/rifts"))[-1]
    assert not rift_buttons(listed, "enter")
    [road] = button_data(listed, "go:")
    assert road == "go:ashford:meadows"
    arrived = (await chat.press(road, message=listed))[-1]
    if button_data(arrived, "gox:"):  # the strong hero's HP lags its new maximum: the road warns first
        arrived = (await chat.press(button_data(arrived, "gox:")[0], message=arrived))[-1]
    assert (await game.look(player_id=chat.user_id)).id == "meadows" and "Whispering Meadows" in arrived.text
    listed = (await chat.send("/rifts"))[-1]
    assert rift_buttons(listed, "enter") == [f"rf:enter:{rift.id}:-1"]


async def test_too_low_a_level_is_refused_with_the_level_needed(new_chat, game, container):
    chat = new_chat()
    await register(chat)
    rift = await game.admin_open_rift(location_id="caves")
    await move_to(container, chat.user_id, "caves")
    listed = (await chat.send("/rifts"))[-1]
    assert "📍" in listed.text  # the rift where the player stands is marked
    assert f"from level {rift.min_level}" in listed.text and not rift_buttons(listed, "enter")  # it would refuse
    await chat.press(RiftCb(act="enter", id=rift.id).pack(), message=listed)  # an old or forged button
    assert chat.last_alert == f"🔒 This rift needs level {rift.min_level}; you are level 1."
    assert await game.rift_progress(player_id=chat.user_id) is None


async def test_walking_a_rift_to_its_chest(new_chat, game, container, db):
    chat = new_chat()
    await register(chat)
    await empower(db, chat.user_id)
    await full_health(container, chat.user_id)  # a trap takes a share of the (empowered) maximum
    rift = await game.admin_open_rift(location_id="meadows")
    await move_to(container, chat.user_id, "meadows")

    listed = (await chat.send("/rifts"))[-1]
    entered = (await chat.press(rift_buttons(listed, "enter")[0], message=listed))[-1]
    assert entered.message_id == listed.message_id and entered.edited  # the list turns into the run
    total = rift.floors * rift.steps_per_floor
    assert f"Floor 1/{rift.floors} · step 1/{rift.steps_per_floor} · 0/{total} done" in entered.text
    assert "The rift closes in" in entered.text
    assert rift_buttons(entered, "go") == ["rf:go::0"] and rift_buttons(entered, "leave")

    fights = 0
    screen = entered
    for _ in range(total * 2):
        go = rift_buttons(screen, "go")
        if not go:
            break
        screen = (await chat.press(go[0], message=screen))[-1]
        if is_fight(screen):
            fights += 1
            assert "Floor" in screen.text and "step" in screen.text  # the step is named above the fight
            won = await win_fight(chat)
            assert not is_fight(won)
            # The finished fight offers the way back to the run, and not a way out into the wild.
            assert not any(data.startswith("ex:") for _, data in won.buttons())
            screen = (await chat.press(rift_buttons(won, "show")[0], message=won))[-1]
        else:
            assert any(word in screen.text for word in ("treasure", "trap", "shrine")), screen.text
    assert fights >= 2  # at least an encounter and the rift's lord
    assert "Rift cleared!" in screen.text and "The rift's chest:" in screen.text
    assert "XP" in screen.text
    assert rift_buttons(screen, "list")  # the way back to the open rifts
    # The finished run is no longer the player's: no way back into it, no second walk through it.
    listed = (await chat.send("/rifts"))[-1]
    assert not rift_buttons(listed, "show") and not rift_buttons(listed, "enter")
    assert "You have walked this one" in listed.text
    progress = await game.rift_progress(player_id=chat.user_id)
    assert progress.status == "cleared" and progress.steps_done == total


async def test_a_second_press_of_go_on_advances_nothing(new_chat, game, container, db):
    chat = new_chat()
    await register(chat)
    await empower(db, chat.user_id)
    await game.admin_open_rift(location_id="meadows")
    await move_to(container, chat.user_id, "meadows")
    listed = (await chat.send("/rifts"))[-1]
    entered = (await chat.press(rift_buttons(listed, "enter")[0], message=listed))[-1]
    snapshot = entered  # screens are replaced, never changed: this one keeps its old buttons
    go = rift_buttons(entered, "go")[0]

    await chat.press(go, message=snapshot)
    done = (await game.rift_progress(player_id=chat.user_id)).steps_done
    if is_fight(chat.last):
        await win_fight(chat)
        done = (await game.rift_progress(player_id=chat.user_id)).steps_done
    # The same "Go on" again (a double tap, or the button of an older screen).
    await chat.press(go, message=snapshot)
    assert chat.last.text.startswith("⌛ That step is already behind you: here is where you are now.")
    assert (await game.rift_progress(player_id=chat.user_id)).steps_done == done
    assert f"{done}/" in chat.last.text


async def test_leaving_keeps_the_loot_and_a_fight_must_end_first(new_chat, game, container, db):
    chat = new_chat()
    await register(chat)
    await empower(db, chat.user_id)
    await game.admin_open_rift(location_id="meadows")
    await move_to(container, chat.user_id, "meadows")
    listed = (await chat.send("/rifts"))[-1]
    screen = (await chat.press(rift_buttons(listed, "enter")[0], message=listed))[-1]
    leave = rift_buttons(screen, "leave")[0]
    while not is_fight(screen):
        screen = (await chat.press(rift_buttons(screen, "go")[0], message=screen))[-1]
    # A fight is on: the old Leave button is refused and the fight is shown again, saying why.
    await chat.press(leave, message=listed)
    assert is_fight(chat.last) and chat.last.text.startswith("⚔️ Not in the middle of a fight")
    assert (await game.rift_progress(player_id=chat.user_id)).status == "active"

    won = await win_fight(chat)
    screen = (await chat.send("/rifts"))[-1]
    assert rift_buttons(screen, "leave"), (won.text, screen.text)
    answer = await chat.press(rift_buttons(screen, "leave")[0], message=screen)
    assert "You walked out of the rift, keeping what you looted." in answer[-1].text
    assert (await game.rift_progress(player_id=chat.user_id)).status == "left"
    # The run is over: the old Leave button says so instead of failing.
    await chat.press(leave, message=screen)
    assert chat.last.text.startswith("You are not in a rift.")
    # One walk per rift: entering it again is refused, and the list is shown as it is now.
    first_list = listed
    listed = (await chat.send("/rifts"))[-1]
    assert not rift_buttons(listed, "enter")
    await chat.press(rift_buttons(first_list, "enter")[0], message=first_list)
    assert chat.last.text.startswith("🌀 That rift has closed.")
    assert "You have walked this one" in chat.last.text and not rift_buttons(chat.last, "show")


async def test_a_rift_that_ran_out_of_time_refuses_the_next_step(new_chat, game, container, db):
    chat = new_chat()
    await register(chat)
    await empower(db, chat.user_id)
    await game.admin_open_rift(location_id="meadows", duration_minutes=0.04)  # 2.4 s: room for a busy machine
    await move_to(container, chat.user_id, "meadows")
    listed = (await chat.send("/rifts"))[-1]
    entered = (await chat.press(rift_buttons(listed, "enter")[0], message=listed))[-1]
    await asyncio.sleep(2.5)
    await chat.press(rift_buttons(entered, "go")[0], message=entered)
    assert chat.last.text.startswith("🌀 That rift has closed.")


async def test_an_unregistered_player_is_told_to_start(new_chat):
    chat = new_chat(user_id=9999)
    answer = await chat.send("/rifts")
    assert "/start" in answer[-1].text


async def test_the_main_menu_leads_to_the_rifts(new_chat, game):
    chat = new_chat()
    await register(chat)
    await game.admin_open_rift(location_id="darkwood")
    menu = (await chat.send("/menu"))[-1]
    answer = await chat.press_button("Rifts", message=menu)
    assert "Open rifts" in answer[-1].text and "Darkwood" in answer[-1].text
