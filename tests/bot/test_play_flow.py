"""Playing through the real Dispatcher: explore, fight, loot, level up, craft, equip, shop, and a death.

Only Telegram is faked (a recording session); the game runs on PostgreSQL and Redis. Where the random
world would make a test slow, SQL sets the stage (strength, a level, materials); fights are still fought
and won through the buttons.
"""

from __future__ import annotations

import logging
import time

import pytest
from sqlalchemy import text

from bot.local_chat import LocalChat
from bot.local_session import ShownMessage
from tests.bot.conftest import register


async def sql(db, query: str, **params):
    async with db.begin() as conn:
        return await conn.execute(text(query), params)


async def empower(db, pid: int) -> None:
    await sql(db, "UPDATE characters SET strength = 60, vitality = 60, agility = 20 WHERE player_id = :p", p=pid)


async def rested(redis, pid: int) -> None:
    """Full stamina, so that a test never runs out of explorations by bad luck."""
    await redis.hset(f"account:{pid}", mapping={"stamina": "100.0", "stamina_at": repr(time.time())})


def labels(message: ShownMessage) -> list[str]:
    return [label for label, _ in message.buttons()]


def has_button(message: ShownMessage, part: str) -> bool:
    return any(part.casefold() in label.casefold() for label in labels(message))


async def go_to(chat: LocalChat, place: str) -> ShownMessage:
    """Travel by the road named `place`, past its warning if it has one (a test's hero may be odd)."""
    await chat.send("/look")
    arrived = (await chat.press_button(place))[-1]
    if has_button(arrived, "Go anyway"):
        arrived = (await chat.press_button("Go anyway"))[-1]
    return arrived


async def meet_a_monster(chat: LocalChat, redis) -> ShownMessage:
    """Explore (from the location screen, then "Explore again") until a fight starts."""
    for _ in range(30):
        await rested(redis, chat.user_id)
        await chat.press_button("Explore")
        # Two empty finds in a row can read the same: Telegram then keeps the message as it was.
        screen = chat.last
        if has_button(screen, "Attack"):
            return screen
    raise AssertionError("no monster met in 30 explorations")


async def fight_to_the_end(chat: LocalChat) -> ShownMessage:
    screen = chat.last
    for _ in range(60):
        if not has_button(screen, "Attack"):
            return screen
        screen = (await chat.press_button("Attack"))[-1]
    raise AssertionError("the fight did not end")


@pytest.fixture(autouse=True)
def no_errors_logged(caplog):
    """Every refusal is answered; nothing reaches the log as an error (an unhandled exception would)."""
    caplog.set_level(logging.INFO)
    yield
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert not errors, [r.getMessage() for r in errors]


async def test_the_main_menu_has_every_entry(new_chat):
    chat = new_chat()
    await register(chat)
    menu = chat.last
    for entry in ["Inventory", "Skills", "Town", "Leaderboard", "Character", "Look around", "Settings", "Rifts"]:
        assert has_button(menu, entry), entry
    # Exploring is for the wild: in town the menu does not offer what would only be refused.
    assert not has_button(menu, "Explore")
    await go_to(chat, "Whispering Meadows")
    wild = (await chat.send("/menu"))[-1]
    assert has_button(wild, "Explore") and not has_button(wild, "Town")


async def test_explore_fight_win_level_up_learn_craft_equip(new_chat, game, db, redis):
    chat = new_chat()
    await register(chat)
    pid = chat.user_id
    await empower(db, pid)
    await sql(db, "UPDATE characters SET xp = 99 WHERE player_id = :p", p=pid)  # one win from level 2

    meadows = await go_to(chat, "Whispering Meadows")
    assert has_button(meadows, "Explore")
    fight = await meet_a_monster(chat, redis)
    assert fight.message_id == meadows.message_id and fight.edited, "the fight is drawn on the same message"
    assert "level" in fight.text and "▰" in fight.text and "Your move" in fight.text
    assert "Stamina" in fight.text
    assert has_button(fight, "Flee (") and has_button(fight, "Minor Healing Potion ×")  # a treasure may add one
    combat = await game.get_combat(player_id=pid)
    assert combat is not None and combat.outcome == "ongoing"
    # /fight brings the running fight back.
    reopened = (await chat.send("/fight"))[-1]
    assert has_button(reopened, "Attack") and "Your move" in reopened.text

    before = await game.get_character(player_id=pid)
    bag_before = {e.item.id: e.quantity for e in (await game.inventory(player_id=pid)).items}
    won = await fight_to_the_end(chat)
    assert "Victory!" in won.text and "— Turn" in won.text and "is defeated!" in won.text
    assert "Level up!" in won.text and "level 2" in won.text
    assert has_button(won, "Explore again") and has_button(won, "Menu")
    assert await game.get_combat(player_id=pid) is None
    after = await game.get_character(player_id=pid)
    assert after.level == 2 and after.stat_points == before.stat_points + 3
    assert f"+{after.gold - before.gold} gold" in won.text
    assert f"+{after.xp + 100 - 99} XP" in won.text  # from 99 of 100 to level 2 with the rest
    # The loot shown is the loot in the bag.
    bag_after = (await game.inventory(player_id=pid)).items
    for entry in bag_after:
        gained = entry.quantity - bag_before.get(entry.item.id, 0)
        if gained > 0:
            assert f"{entry.item.name['en']} ×{gained}" in won.text

    # The sheet offers the new stat points; a press spends one.
    sheet = (await chat.press_button("Menu"))[-1]
    sheet = (await chat.press_button("Character", message=sheet))[-1]
    assert "Spend your stat points" in sheet.text
    assert [label for label in labels(sheet) if label.startswith("+")] == ["+STR", "+AGI", "+INT", "+VIT"]
    sheet = (await chat.press_button("+VIT"))[-1]
    assert "VIT +1" in sheet.text
    raised = await game.get_character(player_id=pid)
    assert raised.stats.vitality == after.stats.vitality + 1 and raised.stat_points == after.stat_points - 1

    # Skills: the first learnable one, with the point the new level gave.
    tree_screen = (await chat.send("/skills"))[-1]
    assert "Warrior skills" in tree_screen.text and "🔒" in tree_screen.text and "needs level" in tree_screen.text
    learned = (await chat.press_button("Learn Power Strike"))[-1]
    assert "Learned: Power Strike" in learned.text
    tree = await game.skill_tree(player_id=pid)
    assert next(s for s in tree.skills if s.id == "power_strike").learned

    # Back to town; the forge makes an iron sword from materials given here.
    await sql(db, "UPDATE characters SET level = 3, gold = 100 WHERE player_id = :p", p=pid)
    await sql(
        db,
        "INSERT INTO inventory_items VALUES (:p, 'iron_ore', 4), (:p, 'oak_wood', 1) "
        "ON CONFLICT (player_id, item_id) DO UPDATE SET quantity = EXCLUDED.quantity",
        p=pid,
    )
    await go_to(chat, "Ashford")
    town = (await chat.press_button("Town"))[-1]
    assert has_button(town, "Shop") and has_button(town, "Inn") and has_button(town, "Forge")
    forge = (await chat.press_button("Forge"))[-1]
    assert "Iron Ore 4/4 ✓" in forge.text and "Oak Wood 1/1 ✓" in forge.text
    crafted = (await chat.press_button("Craft ⚔️ Iron Sword"))[-1]
    assert "Crafted Iron Sword" in crafted.text
    bag = {e.item.id: e.quantity for e in (await game.inventory(player_id=pid)).items}
    assert bag.get("iron_sword") == 1 and "iron_ore" not in bag

    # Equip it from the inventory; the rusty sword goes back into the bag.
    inventory = (await chat.send("/inventory"))[-1]
    assert "Inventory" in inventory.text and "Rusty Sword" in inventory.text
    row = next(data for label, data in inventory.buttons() if label == "Equip" and "iron_sword" in data)
    equipped = (await chat.press(row))[-1]
    assert "Equipped: Iron Sword" in equipped.text
    state = await game.inventory(player_id=pid)
    assert state.equipment["weapon"].id == "iron_sword"
    assert any(e.item.id == "rusty_sword" for e in state.items)
    # In town the bag sells too.
    assert has_button(equipped, "Sell 7💰")
    detail = (await chat.press_button("Rusty Sword"))[-1]
    assert "Better than bare fists." in detail.text and "Sells for: 7 gold" in detail.text


async def test_shop_inn_and_leaderboard(new_chat, game, db, redis):
    chat = new_chat()
    await register(chat)
    pid = chat.user_id
    await chat.send("/town")
    shop = (await chat.press_button("Shop"))[-1]
    assert "Bread" in shop.text and has_button(shop, "×5")
    bought = (await chat.press_button("Buy Bread"))[-1]
    assert "Bought Bread. " in bought.text
    assert (await game.get_character(player_id=pid)).gold == 20 - 4
    selling = (await chat.press_button("Sell"))[-1]
    assert "The shopkeeper will buy" in selling.text
    sold = (await chat.press_button("Sell Bread"))[-1]
    assert "Sold Bread. " in sold.text

    await redis.hset(f"account:{pid}", "hp", 3)
    await chat.press_button("Town")
    inn = (await chat.press_button("Inn"))[-1]
    assert "❤️ 3/" in inn.text
    rested_screen = (await chat.press_button("Rest"))[-1]
    assert "wake up refreshed" in rested_screen.text
    sheet = await game.get_character(player_id=pid)
    assert sheet.hp == sheet.derived.max_hp

    other = new_chat(user_id=777)
    await register(other, name="Bronwyn", class_label="Mage")
    await sql(db, "UPDATE characters SET level = 4 WHERE player_id = 777")
    board = (await chat.send("/top"))[-1]
    lines = board.text.splitlines()
    assert lines.index(next(x for x in lines if "Bronwyn" in x)) < lines.index(next(x for x in lines if "Alaric" in x))
    assert "🥇 Bronwyn — Mage, level 4" in board.text


async def test_death_respawns_in_town_poorer(new_chat, game, db, redis):
    chat = new_chat()
    await register(chat)
    pid = chat.user_id
    await sql(
        db, "UPDATE characters SET gold = 100, vitality = 1, strength = 1, agility = 1 WHERE player_id = :p", p=pid
    )
    await go_to(chat, "Whispering Meadows")
    await meet_a_monster(chat, redis)
    await redis.hset(f"account:{pid}", "hp", 1)  # one blow from death; the fight keeps its own HP …
    combat = await game.get_combat(player_id=pid)
    gold_before = (await game.get_character(player_id=pid)).gold
    end = await fight_to_the_end(chat)
    if "Victory" in end.text:
        pytest.skip("the weakened hero won anyway")
    assert combat is not None
    assert "You have fallen" in end.text and "You wake up in Ashford" in end.text
    sheet = await game.get_character(player_id=pid)
    lost = gold_before - sheet.gold
    # A tenth of the gold, and never less than two nights at the inn (10 gold at level 1).
    assert f"You lost {lost} gold." in end.text and lost == min(gold_before, max(-(-gold_before // 10), 20))
    assert sheet.location_id == "ashford" and sheet.hp == sheet.derived.max_hp
    assert has_button(end, "Look around") and not has_button(end, "Attack")
    assert (await game.inventory(player_id=pid)).equipment["weapon"].id == "rusty_sword"


async def test_fleeing_returns_to_the_location(new_chat, game, db, redis):
    chat = new_chat()
    await register(chat, class_label="Rogue")
    pid = chat.user_id
    await sql(db, "UPDATE characters SET agility = 200, vitality = 60 WHERE player_id = :p", p=pid)  # flee at 90%
    await go_to(chat, "Whispering Meadows")
    await meet_a_monster(chat, redis)
    for _ in range(20):
        screen = (await chat.press_button("Flee"))[-1]
        if not has_button(screen, "Flee"):
            break
    assert "Whispering Meadows" in screen.text
    # The getaway is said once, not by the log and again under it.
    assert screen.text.count("You slip away!") == 1 and "You got away" not in screen.text
    assert has_button(screen, "Explore")
    assert await game.get_combat(player_id=pid) is None


async def test_russian_fight_screen(new_chat, game, db, redis):
    chat = new_chat(language_code="ru")
    await chat.send("/start")
    await chat.send("Ратибор")
    await chat.press_button("Воин")
    await empower(db, chat.user_id)
    await chat.send("/look")
    await chat.press_button("Луга")
    if has_button(chat.last, "Всё равно идти"):  # more max HP than HP: the road warns first
        await chat.press_button("Всё равно идти")
    for _ in range(30):
        await rested(redis, chat.user_id)
        await chat.press_button("Исследовать")
        screen = chat.last
        if has_button(screen, "Атаковать"):
            break
    assert "Твой ход" in screen.text and has_button(screen, "Бежать")
    screen = (await chat.press_button("Атаковать"))[-1]
    assert "Ход 1" in screen.text
