"""Guilds on real PostgreSQL and Redis: races decided by storage, the bank never below zero."""

from __future__ import annotations

import asyncio

import pytest

from game.api import GameError
from game.api.guilds import AlreadyInGuild, GuildNotFound, GuildNotPermitted, GuildRefused
from game.domain.guilds import FOUNDING_COST

from .world_events_game import Clock, build, register, scalar, sql


async def found(db, game, leader: int, name: str, tag: str) -> int:
    await register(game, leader)
    await sql(db, "UPDATE characters SET gold = :g WHERE player_id = :p", g=FOUNDING_COST + 1000, p=leader)
    return (await game.found_guild(player_id=leader, name=name, tag=tag)).id


async def test_a_guild_is_founded_joined_banked_and_read_back(db, redis):
    game = build(db, redis, Clock())
    guild_id = await found(db, game, 1, "Iron Wolves", "IW")
    await register(game, 2, name="Mira")
    await game.invite_to_guild(player_id=1, name="MIRA")
    view = await game.accept_invitation(player_id=2, guild_id=guild_id)
    assert [(m.name, m.rank) for m in view.members] == [("hero1", "leader"), ("Mira", "member")]
    await game.deposit_gold(player_id=1, amount=300)
    view = await game.withdraw_gold(player_id=1, amount=100, version=view.version + 1)
    assert view.bank_gold == 200
    ledger = await game.guild_ledger(player_id=2)
    assert [(e.kind, e.quantity, e.player_name) for e in ledger.entries] == [
        ("withdraw_gold", 100, "hero1"),
        ("deposit_gold", 300, "hero1"),
        ("founded", FOUNDING_COST, "hero1"),
    ]
    board = await game.guild_board()
    assert [(g.name, g.tag, g.members) for g in board] == [("Iron Wolves", "IW", 2)]
    with pytest.raises(GuildNotPermitted):
        await game.kick_member(player_id=2, member_id=1, version=view.version)
    with pytest.raises(GuildRefused):
        await game.kick_member(player_id=1, member_id=1, version=view.version)
    mine = await game.leave_guild(player_id=2)
    assert mine.guild is None
    assert await scalar(db, "SELECT count(*) FROM guild_members") == 1


async def test_two_officers_taking_the_last_gold_at_once_one_gets_it(db, redis):
    game = build(db, redis, Clock())
    guild_id = await found(db, game, 1, "Iron Wolves", "IW")
    code = (await game.my_guild(player_id=1)).guild.invite_code
    await register(game, 2)
    await game.join_by_code(player_id=2, code=code)
    view = await game.promote_member(player_id=1, member_id=2, version=(await game.my_guild(player_id=1)).guild.version)
    view = await game.deposit_gold(player_id=1, amount=500)
    money = "SELECT (SELECT sum(gold) FROM characters) + (SELECT sum(gold) FROM guilds)"
    before = await scalar(db, money)
    results = await asyncio.gather(
        game.withdraw_gold(player_id=1, amount=500, version=view.version),
        game.withdraw_gold(player_id=2, amount=500, version=view.version),
        return_exceptions=True,
    )
    assert sum(not isinstance(r, Exception) for r in results) == 1
    assert all(isinstance(r, GameError) for r in results if isinstance(r, Exception))
    assert await scalar(db, "SELECT gold FROM guilds WHERE id = :g", g=guild_id) == 0
    assert await scalar(db, money) == before  # no coin made or lost
    withdrawn = await scalar(db, "SELECT count(*) FROM guild_ledger WHERE kind = 'withdraw_gold'")
    assert withdrawn == 1


async def test_a_player_accepted_by_two_guilds_at_once_is_in_exactly_one(db, redis):
    game = build(db, redis, Clock())
    first = await found(db, game, 1, "Iron Wolves", "IW")
    second = await found(db, game, 2, "Red Ravens", "RR")
    await register(game, 3)
    await game.request_to_join(player_id=3, guild_id=first)
    await game.request_to_join(player_id=3, guild_id=second)
    v1 = (await game.my_guild(player_id=1)).guild.version
    v2 = (await game.my_guild(player_id=2)).guild.version
    results = await asyncio.gather(
        game.answer_request(player_id=1, applicant_id=3, accept=True, version=v1),
        game.answer_request(player_id=2, applicant_id=3, accept=True, version=v2),
        return_exceptions=True,
    )
    assert sum(not isinstance(r, Exception) for r in results) == 1
    assert all(isinstance(r, AlreadyInGuild | GuildNotFound) for r in results if isinstance(r, Exception))
    assert await scalar(db, "SELECT count(*) FROM guild_members WHERE player_id = 3") == 1
    assert await scalar(db, "SELECT count(*) FROM guild_pending WHERE player_id = 3") == 0


async def test_disbanding_pays_the_members_and_leaves_nothing_behind(db, redis):
    game = build(db, redis, Clock())
    guild_id = await found(db, game, 1, "Iron Wolves", "IW")
    code = (await game.my_guild(player_id=1)).guild.invite_code
    await register(game, 2)
    await game.join_by_code(player_id=2, code=code)
    view = await game.deposit_gold(player_id=1, amount=100)
    before = await scalar(db, "SELECT gold FROM characters WHERE player_id = 2")
    await game.disband_guild(player_id=1, version=view.version)
    assert await scalar(db, "SELECT gold FROM characters WHERE player_id = 2") == before + 50
    for table in ("guilds", "guild_members", "guild_ledger", "guild_pending", "guild_bank_items"):
        assert await scalar(db, f"SELECT count(*) FROM {table}") == 0, table
    with pytest.raises(GuildNotFound):
        await game.guild_info(player_id=2, guild_id=guild_id)
