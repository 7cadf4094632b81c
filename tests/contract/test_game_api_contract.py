"""One suite for the GameApi port, run against every adapter: callers cannot tell them apart."""

from __future__ import annotations

import pytest

from game.api import (
    CharacterSheet,
    GameApi,
    GameError,
    InvalidName,
    LocationView,
    NameTaken,
    NotAdjacent,
    NotRegistered,
)
from tests.support import seam


@pytest.fixture(params=["inprocess", "http"])
async def port(request, container) -> GameApi:
    inprocess = await container.game()
    if request.param == "inprocess":
        yield inprocess
        return
    async with seam.served(inprocess) as url:
        client = seam.client(url)
        yield client
        await client.close()


def test_both_adapters_satisfy_the_protocol(port):
    assert isinstance(port, GameApi)


async def test_register_look_travel(port: GameApi):
    classes = await port.list_classes()
    assert {c.id for c in classes} >= {"warrior", "rogue", "mage"}
    sheet = await port.register(player_id=11, name="Contract", class_id=classes[0].id)
    assert isinstance(sheet, CharacterSheet)
    assert sheet == (await port.get_character(player_id=11))
    here = await port.look(player_id=11)
    assert isinstance(here, LocationView) and here.exits
    there = await port.travel(player_id=11, destination=here.exits[0].id)
    assert there.id == here.exits[0].id


async def test_refusals_keep_their_type_and_details(port: GameApi):
    with pytest.raises(NotRegistered):
        await port.look(player_id=12)
    with pytest.raises(InvalidName) as invalid:
        await port.check_name(name="no spaces allowed")
    assert invalid.value.code == "invalid_name"
    await port.register(player_id=12, name="Taken", class_id="rogue")
    with pytest.raises(NameTaken) as taken:
        await port.check_name(name="taken")
    assert taken.value.details["name"] == "taken"
    with pytest.raises(NotAdjacent) as far:
        await port.travel(player_id=12, destination="frostfang")
    assert far.value.details == {"origin": "ashford", "destination": "frostfang"}
    assert isinstance(far.value, GameError)


async def test_dtos_round_trip_through_json(port: GameApi):
    sheet = await port.register(player_id=13, name="Json", class_id="mage")
    assert CharacterSheet.model_validate_json(sheet.model_dump_json()) == sheet
    view = await port.look(player_id=13)
    assert LocationView.model_validate_json(view.model_dump_json()) == view
