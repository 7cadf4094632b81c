"""Guild chat and guild events, from the game through the Redis stream and the rate-limited fan-out to a
fake Bot API: every member who wants it once, the author and those who muted guild chat never."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import text

from game.domain.guilds import FOUNDING_COST
from shared.events import Event
from tests.bot.test_notifier import (  # noqa: F401 — the fixtures these tests use
    consume,
    drain,
    make_notifier,
    speaks,
    tg,
    tg_bot,
)

MEMBERS = list(range(201, 207))


async def a_guild(game, db) -> int:
    for pid in MEMBERS:
        await game.register(player_id=pid, name=f"m{pid}", class_id="mage")
    async with db.begin() as conn:
        await conn.execute(text("UPDATE characters SET gold = :g WHERE player_id = 201"), {"g": FOUNDING_COST})
    view = await game.found_guild(player_id=201, name="Night Owls", tag="NO")
    for pid in MEMBERS[1:]:
        await game.join_by_code(player_id=pid, code=view.invite_code)
    return view.id


async def test_guild_chat_reaches_each_listening_member_once(game, db, container, make_notifier, tg, tg_bot):  # noqa: F811 — the imported fixtures
    await a_guild(game, db)
    await game.set_notification(player_id=204, category="guild_chat", enabled=False)
    await speaks(container, tg_bot, 203, "ru")
    await drain(container)  # greetings and "joined" notices are another test's business

    assert await game.send_guild_message(player_id=202, text="Raid at <dusk> & bring potions") == 4
    notifier = await make_notifier()
    seen: list[Event] = []

    async def handle(event: Event) -> None:
        seen.append(event)
        await notifier.handle(event)

    assert await (await container.event_bus()).consume_pending_once(handle) == 1
    assert Counter(s.chat_id for s in tg.sent) == {201: 1, 203: 1, 205: 1, 206: 1}
    [english] = tg.sent_to(201)
    assert english.text == "💬 [NO] <b>m202</b>\nRaid at &lt;dusk&gt; &amp; bring potions"
    assert english.reply_markup["inline_keyboard"][0][0]["callback_data"].startswith("gd:chat")
    assert tg.sent_to(203)[0].text.startswith("💬 [NO] <b>m202</b>")
    # Read again after a restart (the stream re-delivers): nobody is written to twice.
    report = await (await make_notifier()).handle(seen[0])
    assert report is not None and report.sent == 0
    assert len(tg.sent) == 4


async def test_members_hear_who_joined_and_the_newcomer_does_not(game, db, container, make_notifier, tg, tg_bot):  # noqa: F811 — the imported fixtures
    await a_guild(game, db)
    await drain(container)
    await game.register(player_id=210, name="Late", class_id="rogue")
    await drain(container)
    code = (await game.my_guild(player_id=201)).guild.invite_code
    await game.join_by_code(player_id=210, code=code)
    notifier = await make_notifier()
    await consume(container, notifier)
    joined = [s for s in tg.sent if "Late joined the guild" in (s.text or "")]
    assert sorted(s.chat_id for s in joined) == MEMBERS
    assert not tg.sent_to(210)


async def test_an_invitee_is_told_with_buttons_to_answer(game, db, container, make_notifier, tg, tg_bot):  # noqa: F811
    guild_id = await a_guild(game, db)
    await game.register(player_id=230, name="Newcomer", class_id="rogue")
    await drain(container)
    await game.invite_to_guild(player_id=201, name="newcomer")
    await consume(container, await make_notifier())
    [told] = tg.sent_to(230)
    assert told.text == "✉️ [NO] Night Owls invites you to join."
    buttons = [b["callback_data"] for row in told.reply_markup["inline_keyboard"] for b in row]
    assert buttons == [f"gd:accept:{guild_id}:0:0:", f"gd:decline:{guild_id}:0:0:"]
