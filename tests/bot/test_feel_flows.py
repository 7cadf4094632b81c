"""The feel of play through the real Dispatcher and the game on PostgreSQL + Redis: where a fight leads,
what the bag offers, when exploring is possible again, the warnings before a road, the first pointers."""

from __future__ import annotations

import time

from bot.world_callbacks import RiftCb
from tests.bot.conftest import register
from tests.bot.test_play_flow import (
    go_to,
    has_button,
    labels,
    no_errors_logged,  # noqa: F401 — the autouse fixture applies here too
    sql,
)
from tests.bot.world_helpers import button_data, empower, is_fight, move_to


def rift_buttons(message, act: str) -> list[str]:
    return [d for d in button_data(message, "rf:") if RiftCb.unpack(d).act == act]


async def into_a_rift_fight(chat, game, container):
    """The player, in the meadows, walks an open rift there until a fight starts; its screen."""
    await game.admin_open_rift(location_id="meadows")
    await move_to(container, chat.user_id, "meadows")
    listed = (await chat.send("/rifts"))[-1]
    screen = (await chat.press(rift_buttons(listed, "enter")[0], message=listed))[-1]
    for _ in range(12):
        screen = (await chat.press(rift_buttons(screen, "go")[0], message=screen))[-1]
        if is_fight(screen):
            return screen
    raise AssertionError("no fight in the rift")


async def test_fleeing_a_rift_fight_leads_back_to_the_rift(new_chat, game, container, db):
    chat = new_chat()
    await register(chat, class_label="Rogue")
    await sql(db, "UPDATE characters SET agility = 400, vitality = 200 WHERE player_id = :p", p=chat.user_id)
    screen = await into_a_rift_fight(chat, game, container)
    for _ in range(20):
        screen = (await chat.press_button("Flee", message=screen))[-1]
        if not is_fight(screen):
            break
    # The last turn in words (a bleed may tick first), ending in the getaway, said once.
    assert screen.text.split("\n\n")[0].endswith("🏃 You slip away!") and screen.text.count("slip away") == 1
    assert "🧭 Floor" in screen.text and "Roads lead to" not in screen.text  # the rift's screen, not the zone's
    assert rift_buttons(screen, "go") and not button_data(screen, "go:")
    assert (await game.rift_progress(player_id=chat.user_id)).status == "active"


async def test_a_lost_rift_fight_leads_to_how_the_run_ended_not_back_into_it(new_chat, game, container, db, redis):
    chat = new_chat()
    await register(chat)
    await sql(db, "UPDATE characters SET strength = 1, vitality = 1, agility = 1 WHERE player_id = :p", p=chat.user_id)
    await redis.hset(f"account:{chat.user_id}", "hp", 1)
    screen = await into_a_rift_fight(chat, game, container)
    for _ in range(60):
        if not is_fight(screen):
            break
        screen = (await chat.press_button("Attack", message=screen))[-1]
    run = await game.rift_progress(player_id=chat.user_id)
    if run.status == "active":  # the weakling won a fight after all: back in and on to the next
        assert labels(screen)[0] == "🌀 Back to the rift"
        return
    assert run.status == "fallen" and "You have fallen." in screen.text
    assert labels(screen)[0] == "🌀 How the run ended" and "🌀 Back to the rift" not in labels(screen)
    ended = (await chat.press(rift_buttons(screen, "show")[0], message=screen))[-1]
    assert "You fell inside the rift" in ended.text and not rift_buttons(ended, "go")
    listed = (await chat.send("/rifts"))[-1]
    assert "You have walked this one" in listed.text and not rift_buttons(listed, "show")


async def test_dropping_one_or_all_and_gear_after_a_confirmation(new_chat, game, db):
    chat = new_chat()
    await register(chat)
    pid = chat.user_id
    await sql(db, "INSERT INTO inventory_items VALUES (:p, 'iron_ore', 4), (:p, 'iron_sword', 1)", p=pid)
    bag = (await chat.send("/inventory"))[-1]
    detail = (await chat.press_button("Iron Ore", message=bag))[-1]
    assert has_button(detail, "Drop one") and has_button(detail, "Drop all (4)")
    after = (await chat.press_button("Drop one", message=detail))[-1]
    assert after.text.startswith("🗑 You dropped Iron Ore.")
    assert {e.item.id: e.quantity for e in (await game.inventory(player_id=pid)).items}["iron_ore"] == 3

    detail = (await chat.press_button("Iron Ore", message=after))[-1]
    gone = (await chat.press_button("Drop all", message=detail))[-1]
    assert gone.text.startswith("🗑 You dropped Iron Ore ×3.")
    assert "iron_ore" not in {e.item.id for e in (await game.inventory(player_id=pid)).items}

    # Gear asks first: Keep it changes nothing, Yes drops it.
    detail = (await chat.press_button("Iron Sword", message=gone))[-1]
    asked = (await chat.press_button("Drop one", message=detail))[-1]
    assert "Whatever you drop is gone for good." in asked.text
    kept = (await chat.press_button("Keep it", message=asked))[-1]
    still = {e.item.id for e in (await game.inventory(player_id=pid)).items}
    assert "Iron Sword" in kept.text and "iron_sword" in still
    asked = (await chat.press_button("Drop one", message=kept))[-1]
    dropped = (await chat.press_button("Yes, drop it", message=asked))[-1]
    assert dropped.text.startswith("🗑 You dropped Iron Sword.")
    assert "iron_sword" not in {e.item.id for e in (await game.inventory(player_id=pid)).items}


async def test_a_potion_at_full_hp_says_there_is_nothing_to_restore(new_chat, game, redis):
    chat = new_chat()
    await register(chat)
    pid = chat.user_id
    full = (await chat.send("/inventory"))[-1]
    assert "Use" in labels(full)  # the button stays where it is, whatever the HP
    bag = await game.inventory(player_id=pid)
    await chat.press_button("Use", message=full)
    assert chat.last_alert == "🧪 Your HP and mana are already full: keep it for later."
    assert await game.inventory(player_id=pid) == bag
    await redis.hset(f"account:{pid}", "hp", 20)
    hurt = (await chat.send("/inventory"))[-1]
    used = (await chat.press_button("Use", message=hurt))[-1]
    assert "You use Minor Healing Potion" in used.text


async def test_without_stamina_the_time_until_the_next_exploration_is_shown(new_chat, game, redis):
    chat = new_chat()
    await register(chat)
    pid = chat.user_id
    place = await go_to(chat, "Whispering Meadows")
    await redis.hset(f"account:{pid}", mapping={"stamina": "0.0", "stamina_at": repr(time.time())})
    sheet = await game.get_character(player_id=pid)
    assert sheet.explore_in > 0, "the game says when the next exploration is possible"
    await chat.press_button("Explore", message=place)  # the button drawn while there was stamina
    said = f"⚡ Not enough stamina: {sheet.explore_cost} needed, you have 0. You can explore again in "
    assert chat.last_alert.startswith(said)
    look = (await chat.send("/look"))[-1]
    assert has_button(look, "⏳ Explore in")
    menu = (await chat.send("/menu"))[-1]
    assert "⚡ next exploration in" in menu.text and has_button(menu, "⏳ Explore in")


async def test_pressing_explore_early_says_how_long_is_left_and_leaves_the_screen(new_chat, game, redis):
    chat = new_chat()
    await register(chat)
    pid = chat.user_id
    await go_to(chat, "Whispering Meadows")
    await redis.hset(f"account:{pid}", mapping={"stamina": "0.0", "stamina_at": repr(time.time())})
    look = (await chat.send("/look"))[-1]
    waiting = next(label for label in labels(look) if label.startswith("⏳ Explore in"))
    before = (look.text, labels(look))
    answered = await chat.press_button(waiting, message=look)
    assert not answered, "no screen redrawn, no new message"
    assert "You can explore again in " in chat.last_alert
    assert (chat.last.text, labels(chat.last)) == before
    assert (await game.get_character(player_id=pid)).stamina == 0


async def test_a_road_far_above_the_player_warns_first(new_chat, game, container):
    chat = new_chat()
    await register(chat)
    await move_to(container, chat.user_id, "darkwood")
    here = (await chat.send("/look"))[-1]
    assert has_button(here, "⚠️ ➡️ Sunken Ruins")
    warning = (await chat.press_button("Sunken Ruins", message=here))[-1]
    assert "Its monsters are level 7, and you are level 1" in warning.text
    assert (await game.look(player_id=chat.user_id)).id == "darkwood"
    stayed = (await chat.press_button("Stay here", message=warning))[-1]
    assert "Darkwood Forest" in stayed.text
    warning = (await chat.press_button("Sunken Ruins", message=stayed))[-1]
    went = (await chat.press_button("Go anyway", message=warning))[-1]
    assert "You travel to Sunken Ruins" in went.text and (await game.look(player_id=chat.user_id)).id == "ruins"


async def test_setting_out_hurt_warns_and_offers_the_inn(new_chat, game, redis):
    chat = new_chat()
    await register(chat)
    await redis.hset(f"account:{chat.user_id}", "hp", 10)
    here = (await chat.send("/look"))[-1]
    warning = (await chat.press_button("Whispering Meadows", message=here))[-1]
    assert "You have only 10 of" in warning.text and has_button(warning, "Rest at the inn first")
    inn = (await chat.press_button("Rest at the inn first", message=warning))[-1]
    assert "The Inn" in inn.text and has_button(inn, "Rest (")


async def test_the_first_free_skill_point_is_pointed_out_once(new_chat):
    chat = new_chat()
    await register(chat)
    first = chat.last
    assert "You have a free skill point" in first.text and has_button(first, "Skills •1")
    again = (await chat.send("/menu"))[-1]
    assert "You have a free skill point" not in again.text and has_button(again, "Skills •1")
    sheet = (await chat.send("/me"))[-1]
    assert "You have a free skill point" not in sheet.text and has_button(sheet, "Skills •1")


async def test_inside_a_rift_the_boss_screen_leads_back_to_the_rift(new_chat, game, container, db):
    chat = new_chat()
    await register(chat)
    await empower(db, chat.user_id)
    await game.admin_spawn_boss(location_id="meadows", boss_def_id="old_tusk")
    await game.admin_open_rift(location_id="meadows")
    await move_to(container, chat.user_id, "meadows")
    here = (await chat.send("/look"))[-1]
    entered = (await chat.press(rift_buttons(here, "enter")[0], message=here))[-1]
    assert rift_buttons(entered, "go")
    boss = (await chat.send("/boss"))[-1]
    assert "leave it to strike the boss" in boss.text
    assert not button_data(boss, "bs:hit") and rift_buttons(boss, "show")
