"""The guild through the real Dispatcher: founding by buttons and typed answers, the invite link for a
newcomer and for a player, ranks and the bank by buttons; tampered, stale and ill-typed input changes
nothing and says why."""

from __future__ import annotations

import re

from bot.guild_callbacks import GuildCb
from game.domain.guilds import FOUNDING_COST
from tests.bot.conftest import register
from tests.bot.test_play_flow import (
    no_errors_logged,  # noqa: F401 — the autouse fixture applies here too
    sql,
)


async def a_guild(chat, db) -> str:
    """The chat's player founds "Iron Wolves" [IW] through the menu; returns the invite link."""
    await register(chat)
    await sql(db, "UPDATE characters SET gold = :g WHERE player_id = :p", g=FOUNDING_COST + 500, p=chat.user_id)
    await chat.send("/menu")
    await chat.press_button("Guild")
    assert "not in a guild" in chat.last.text
    await chat.press_button("Found a guild")
    assert "called" in chat.last.text
    await chat.send("Iron Wolves")
    await chat.send("IW")
    home = chat.last
    assert "Your guild is founded" in home.text and "[IW] Iron Wolves" in home.text
    await chat.press_button("Invite link")
    [url] = re.findall(r"https://t\.me/riftwalker_bot\?start=g_\w+", chat.last.text)
    return url


async def test_a_guild_is_founded_and_joined_through_its_link(new_chat, game, db):
    leader = new_chat(601)
    url = await a_guild(leader, db)
    code = url.split("start=")[1]
    assert await game.my_guild(player_id=601)

    # A newcomer comes by the link: registration first, then the guild.
    newcomer = new_chat(602)
    await newcomer.send(f"/start {code}")
    await newcomer.send("Mira")
    await newcomer.press_button("Rogue")
    assert "Welcome to the guild" in newcomer.last.text and "[IW] Iron Wolves" in newcomer.last.text

    # A player who has a character already joins at once.
    player = new_chat(603)
    await register(player, name="Borin")
    await player.send(f"/start {code}")
    assert "Welcome to the guild" in player.last.text
    view = (await game.my_guild(player_id=601)).guild
    assert [m.name for m in view.members] == ["Alaric", "Mira", "Borin"]

    # The leader promotes Borin through the member's screen.
    await leader.send("/guild")
    await leader.press_button("Members")
    await leader.press_button("Borin")
    await leader.press_button("Make an officer")
    assert "Borin, level 1, officer" in leader.last.text

    # Gold into the bank by typing an amount; the ledger lists it.
    await player.send("/guild")
    await player.press_button("Bank")
    await player.press_button("Deposit gold")
    await player.send("15")
    assert "The bank holds 15 gold" in player.last.text
    await player.press_button("Back to the guild")
    await player.press_button("Ledger")
    assert "Borin deposited 15 gold" in player.last.text


async def test_forged_stale_and_ill_typed_guild_input_changes_nothing(new_chat, game, db):
    leader = new_chat(611)
    url = await a_guild(leader, db)
    member = new_chat(612)
    await register(member, name="Mira")
    await member.send(f"/start {url.split('start=')[1]}")
    before = (await game.my_guild(player_id=611)).guild

    # A member pressing an officer's button, forged for them.
    await member.press(GuildCb(act="kick", id=611, v=before.version).pack())
    assert member.last_alert == "🚫 Your rank in the guild does not allow that."
    # The leader kicking themself, a stranger, or with an old version.
    await leader.press(GuildCb(act="kick", id=611, v=before.version).pack())
    assert leader.last_alert == "🚫 The leader cannot be kicked out."
    await leader.press(GuildCb(act="kick", id=999, v=before.version).pack())
    assert leader.last_alert == "🚫 There is no such guild, invitation or request (any more)."
    await leader.press(GuildCb(act="kick", id=612, v=before.version - 1).pack())
    assert leader.last_alert == "⌛ This button is from an older screen: here is the current one."
    # Tampered data that is no guild button at all.
    await leader.press("gd:kick:abc:1:0:")
    assert leader.last_alert == "⌛ This button is no longer valid."
    # A deposit of something that is no amount, and more than the purse holds.
    await member.send("/guild")
    await member.press_button("Bank")
    await member.press_button("Deposit gold")
    await member.send("lots")
    assert "not an amount of gold" in member.last.text
    await member.press_button("Bank")
    await member.press_button("Deposit gold")
    await member.send("999999999999")
    assert member.last.text == "💰 Not enough gold: you need 999,999,999,999, you have 20."
    # An invitation to someone already in a guild, and to no one.
    await leader.send("/guild")
    await leader.press_button("Invite by name")
    await leader.send("Mira")
    assert "Already in a guild" in leader.last.text
    await leader.send("/guild")
    await leader.press_button("Invite by name")
    await leader.send("Nobody")
    assert leader.last.text.startswith("🔎 No player goes by the name “Nobody”.")  # not "you have no character"
    after = (await game.my_guild(player_id=611)).guild
    assert [m.player_id for m in after.members] == [611, 612] and after.bank_gold == 0


async def test_the_tag_shows_on_the_board_and_an_officer_takes_over_from_an_absent_leader(new_chat, game, db, redis):
    leader = new_chat(621)
    url = await a_guild(leader, db)
    officer = new_chat(622)
    await register(officer, name="Mira")
    await officer.send(f"/start {url.split('start=')[1]}")
    view = (await game.my_guild(player_id=621)).guild
    await game.promote_member(player_id=621, member_id=622, version=view.version)
    await officer.send("/top")
    assert "[IW] Alaric" in officer.last.text and "[IW] Mira" in officer.last.text
    await officer.send("/guild")
    await officer.press_button("Members")
    assert "Take over the lead" not in str(officer.last.buttons())
    await sql(db, "UPDATE guild_members SET last_active = last_active - 15 * 86400 WHERE rank = 'leader'")
    await officer.press_button("Back to the guild")
    await officer.press_button("Members")
    await officer.press_button("Take over the lead")
    assert "Mira, level 1, leader" in officer.last.text and "Alaric, level 1, officer" in officer.last.text
