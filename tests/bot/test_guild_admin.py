"""Admins look a guild up and dissolve it through the real Dispatcher; for anyone else the commands do not
exist."""

from __future__ import annotations

import pytest

from game.domain.guilds import FOUNDING_COST
from tests.bot.conftest import register
from tests.bot.test_play_flow import sql

ADMIN = 4343


@pytest.fixture
def settings(settings):
    return settings.model_copy(update={"admin_ids": [ADMIN]})


async def test_an_admin_looks_a_guild_up_and_dissolves_it(new_chat, game, db):
    await register(new_chat(801), name="Mira")
    await sql(db, "UPDATE characters SET gold = :g WHERE player_id = 801", g=FOUNDING_COST + 90)
    view = await game.found_guild(player_id=801, name="Iron Wolves", tag="IW")
    await game.deposit_gold(player_id=801, amount=90)
    player = new_chat(802)
    await register(player, name="Borin")
    unknown = (await player.send("/no_such_command"))[-1].text
    assert (await player.send(f"/guild_dissolve {view.id}"))[-1].text == unknown

    admin = new_chat(ADMIN)
    await admin.send("/guild_lookup iw")
    assert f"Guild {view.id} [IW] Iron Wolves, level 1" in admin.last.text and "Mira" in admin.last.text
    await admin.send("/guild_lookup nothing-like-it")
    assert admin.last.text == "🚫 There is no such guild, invitation or request (any more)."
    await admin.send("/guild_dissolve wolves")
    assert admin.last.text.startswith("/guild_lookup")
    await admin.send(f"/guild_dissolve {view.id}")
    assert admin.last.text == f"💥 Guild {view.id} is dissolved; its 1 member had a share of its gold."
    assert (await game.my_guild(player_id=801)).guild is None
    assert (await game.get_character(player_id=801)).gold == 90  # the bank's gold came back
