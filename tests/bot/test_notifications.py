"""An event published by the game reaches the player as a message, through Redis."""

from __future__ import annotations

from tests.bot.conftest import register


async def test_registration_event_becomes_a_greeting(container, new_chat):
    chat = new_chat(user_id=77)
    await register(chat, name="Greeted")
    bus = await container.event_bus()
    notifier = await container.notifier()
    handled = await bus.consume_pending_once(notifier.handle)
    assert handled == 1
    greeting = chat.last
    assert "tip for your first steps, Greeted" in greeting.text
    assert "Ashford" in greeting.text
    # Acknowledged: a restarted consumer does not deliver it again.
    assert await bus.consume_pending_once(notifier.handle) == 0


async def test_greeting_speaks_the_players_language(container, new_chat):
    chat = new_chat(user_id=78, language_code="ru")
    await register(chat, name="Добрыня", class_label="Воин")
    await (await container.event_bus()).consume_pending_once((await container.notifier()).handle)
    assert "Совет для первых шагов" in chat.last.text
