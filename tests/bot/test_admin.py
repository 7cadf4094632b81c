"""Admin commands through the real Dispatcher: they work for `admin_ids` and do not exist for anyone else."""

from __future__ import annotations

import pytest

from shared.events import BossSpawned, Broadcast, Event, RiftOpened
from tests.bot.conftest import register

ADMIN = 4242
COMMANDS = ["/open_rift", "/open_rift meadows", "/spawn_boss meadows", "/broadcast Free gold!", "/lookup Alaric"]


@pytest.fixture
def settings(settings):
    return settings.model_copy(update={"admin_ids": [ADMIN]})


async def published(container) -> list[Event]:
    seen: list[Event] = []

    async def keep(event: Event) -> None:
        seen.append(event)

    await (await container.event_bus()).consume_pending_once(keep)
    return seen


async def test_to_anyone_else_admin_commands_are_unknown_commands(new_chat, game, container):
    player = new_chat(user_id=501)
    await register(player, name="Alaric")
    await published(container)  # the registration's own event
    unknown = (await player.send("/no_such_command"))[-1].text

    for command in COMMANDS:
        answer = await player.send(command)
        assert [m.text for m in answer] == [unknown], command

    assert await game.list_rifts() == []
    assert await game.list_bosses() == []
    assert await published(container) == []


async def test_an_admin_opens_a_rift_and_spawns_a_boss(new_chat, game, container):
    admin = new_chat(user_id=ADMIN)
    answer = await admin.send("/open_rift meadows")
    [rift] = await game.list_rifts()
    assert answer[-1].text.startswith(f"🌀 Rift opened: <b>{rift.name['en']}</b> in Whispering Meadows, tier 1")
    assert f"<code>{rift.id}</code>" in answer[-1].text

    answer = await admin.send("/open_rift")  # anywhere
    assert "Rift opened" in answer[-1].text and len(await game.list_rifts()) == 2

    answer = await admin.send("/open_rift atlantis")
    assert answer[-1].text == "No place “atlantis” can take that."

    answer = await admin.send("/spawn_boss meadows")
    [boss] = await game.list_bosses()
    assert answer[-1].text.startswith(f"👹 Boss spawned: <b>{boss.name['en']}</b> in Whispering Meadows")
    answer = await admin.send("/spawn_boss meadows")
    assert answer[-1].text == "A boss is already there."

    kinds = [type(e) for e in await published(container)]
    assert kinds.count(RiftOpened) == 2 and kinds.count(BossSpawned) == 1


async def test_an_admin_broadcast_is_published_for_the_notifier(new_chat, container):
    admin = new_chat(user_id=ADMIN)
    answer = await admin.send("/broadcast")
    assert answer[-1].text == "Usage: /broadcast &lt;text&gt;"

    answer = await admin.send("/broadcast Double XP tonight <at> the inn & tavern!")
    [event] = await published(container)
    assert isinstance(event, Broadcast)
    # The text is HTML-safe as it will be sent (parse mode HTML).
    assert event.text == "Double XP tonight &lt;at&gt; the inn &amp; tavern!"
    assert event.event_id in answer[-1].text and "Broadcast queued" in answer[-1].text


async def test_an_admin_looks_a_player_up_by_name_or_id(new_chat, game):
    player = new_chat(user_id=501)
    await register(player, name="Alaric")
    await game.set_notification(player_id=501, category="bosses", enabled=False)
    admin = new_chat(user_id=ADMIN)

    by_name = (await admin.send("/lookup alaric"))[-1].text
    assert by_name.startswith("🔎 <b>Alaric</b> · id <code>501</code>")
    assert "Warrior, level 1" in by_name and "Ashford" in by_name and "Muted: bosses" in by_name
    assert (await admin.send("/lookup 501"))[-1].text == by_name

    assert (await admin.send("/lookup Nobody"))[-1].text == "Nobody goes by “Nobody”."
    assert (await admin.send("/lookup"))[-1].text == "Usage: /lookup &lt;name or id&gt;"


async def test_economy_shows_the_money_supply_and_the_days_flows_to_admins_only(new_chat, game, db):
    from sqlalchemy import text

    admin, player = new_chat(user_id=ADMIN), new_chat(user_id=502)
    await register(player, name="Trader")
    async with db.begin() as conn:
        await conn.execute(text("INSERT INTO inventory_items VALUES (502, 'iron_ore', 3)"))
    await game.claim_daily(player_id=502)
    await game.place_order(player_id=502, item_id="iron_ore", side="sell", price=7, quantity=2)
    unknown = (await player.send("/no_such_command"))[-1].text
    assert (await player.send("/economy"))[-1].text == unknown
    await admin.send("/economy")
    report = admin.last.text
    assert report.startswith("💰 <b>The economy</b>")
    assert "Today (UTC) 20 💰 came into the game and 0 💰 left it:" in report
    assert "• daily rewards +20 💰" in report
