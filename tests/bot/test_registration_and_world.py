"""Player flows through the real Dispatcher, RedisStorage FSM and the game on PostgreSQL + Redis."""

from __future__ import annotations

from bot.callbacks import TravelCb
from tests.bot.conftest import register


async def test_registration_then_main_menu(new_chat, game):
    chat = new_chat()
    answer = await chat.send("/start")
    assert "Welcome to" in answer[-1].text and "name" in answer[-1].text
    answer = await chat.send("Alaric")
    labels = [label for label, _ in answer[-1].buttons()]
    assert labels == ["Warrior", "Rogue", "Mage"]
    answer = await chat.press_button("Rogue")
    assert answer[-1].edited, "choosing a class edits the question in place"
    assert "Alaric" in answer[-1].text and "Ashford" in answer[-1].text
    assert "Character" in " ".join(label for label, _ in answer[-1].buttons())
    sheet = await game.get_character(player_id=chat.user_id)
    assert sheet.name == "Alaric" and sheet.class_id == "rogue"


async def test_start_again_shows_the_menu_not_registration(new_chat):
    chat = new_chat()
    await register(chat)
    answer = await chat.send("/start")
    assert "Welcome back" in answer[0].text
    assert "level 1" in answer[-1].text


async def test_bad_names_get_a_clear_answer_and_can_be_retried(new_chat, game):
    chat = new_chat()
    await chat.send("/start")
    for bad in ["x" * 40, "no spaces", "a", "<script>"]:
        answer = await chat.send(bad)
        assert "won't do" in answer[-1].text
    answer = await chat.send("Good_Name")
    assert [label for label, _ in answer[-1].buttons()] == ["Warrior", "Rogue", "Mage"]


async def test_a_taken_name_is_refused(new_chat):
    first = new_chat(user_id=1)
    await register(first, name="Unique")
    second = new_chat(user_id=2)
    await second.send("/start")
    answer = await second.send("UNIQUE")
    assert "already taken" in answer[-1].text


async def test_character_sheet_and_back(new_chat):
    chat = new_chat()
    await register(chat)
    menu = chat.last
    answer = await chat.press_button("Character")
    assert answer[-1].message_id == menu.message_id and answer[-1].edited
    assert "STR" in answer[-1].text and "Alaric" in answer[-1].text
    answer = await chat.press_button("Menu")
    assert "Ashford" in answer[-1].text


async def test_look_and_travel_edit_the_message_in_place(new_chat, game):
    chat = new_chat()
    await register(chat)
    answer = await chat.press_button("Look around")
    location_message = answer[-1]
    assert "Ashford" in location_message.text
    answer = await chat.press_button("Whispering Meadows")
    assert answer[-1].message_id == location_message.message_id
    assert "You travel to Whispering Meadows" in answer[-1].text
    assert (await game.look(player_id=chat.user_id)).id == "meadows"


async def test_a_button_from_an_old_map_changes_nothing(new_chat, game):
    chat = new_chat()
    await register(chat)
    await chat.press_button("Look around")
    old_map = chat.last
    await chat.press_button("Whispering Meadows")  # now in the meadows
    # Pressing "Misty Riverbank" on the old town map: not adjacent to the meadows.
    answer = await chat.press_button("Riverbank", message=old_map)
    assert "old map" in answer[-1].text
    assert (await game.look(player_id=chat.user_id)).id == "meadows"


async def test_forged_travel_is_refused(new_chat, game):
    chat = new_chat()
    await register(chat)
    await chat.press_button("Look around")
    await chat.press(TravelCb(origin="ashford", dest="frostfang").pack())
    assert chat.last.text.startswith("🚫 You can't get there from here.") and "Ashford" in chat.last.text
    await chat.press(TravelCb(origin="ashford", dest="../../etc").pack())
    assert (await game.look(player_id=chat.user_id)).id == "ashford"


async def test_tampered_and_unknown_callbacks_get_a_clear_answer(new_chat):
    chat = new_chat()
    await register(chat)
    for data in ["garbage", "go:only-one-part", "nav", "cls:warrior", "lang:de", "x" * 64]:
        await chat.press(data)
        assert chat.last_alert, data
    assert "no longer valid" in chat.last_alert or "expired" in chat.last_alert


async def test_unknown_command_and_free_text(new_chat):
    chat = new_chat()
    await register(chat)
    answer = await chat.send("/dance")
    assert "don't know that command" in answer[-1].text
    answer = await chat.send("hello there")
    assert "only understand buttons" in answer[-1].text


async def test_unregistered_player_pressing_a_menu_button(new_chat):
    chat = new_chat()
    await chat.send("/start")
    await chat.press("nav:sheet")
    assert "/start" in chat.last_alert


async def test_language_follows_telegram_and_can_be_switched(new_chat):
    chat = new_chat(language_code="ru")
    answer = await chat.send("/start")
    assert "Добро пожаловать" in answer[-1].text
    await chat.send("Святослав")
    await chat.press_button("Воин")
    answer = await chat.press_button("Настройки")
    answer = await chat.press_button("English")
    assert "Language: English" in answer[-1].text
    answer = await chat.press_button("Menu")
    assert "level 1 Warrior" in answer[-1].text


async def test_double_tap_on_class_registers_once(new_chat, game, db):
    from sqlalchemy import text

    chat = new_chat()
    await chat.send("/start")
    question = (await chat.send("Twice"))[-1]
    await chat.press_button("Mage", message=question)
    await chat.press_button("Mage", message=question)
    async with db.connect() as conn:
        assert (await conn.execute(text("SELECT count(*) FROM characters"))).scalar_one() == 1
    assert "expired" in chat.last_alert
