"""One suite for the GameApi port, run against every adapter: callers cannot tell them apart."""

from __future__ import annotations

import pytest

from game.api import (
    BadRequest,
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
    async with seam.served(inprocess, await container.nonce_store()) as url:
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


async def test_the_exchange_and_its_refusals_cross_the_wire(port: GameApi, db):
    from sqlalchemy import text

    from game.api.economy import BadOrder, MarketView, NotYourOrder, OrderPlaced

    await port.register(player_id=21, name="Seller", class_id="warrior")
    await port.register(player_id=22, name="Buyer", class_id="rogue")
    async with db.begin() as conn:
        await conn.execute(text("INSERT INTO inventory_items VALUES (21, 'iron_ore', 5)"))
        await conn.execute(text("UPDATE characters SET gold = 100"))
    sold = await port.place_order(player_id=21, item_id="iron_ore", side="sell", price=7, quantity=3)
    bought = await port.place_order(player_id=22, item_id="iron_ore", side="buy", price=9, quantity=2)
    assert isinstance(bought, OrderPlaced) and [(f.price, f.quantity) for f in bought.fills] == [(7, 2)]
    assert OrderPlaced.model_validate_json(bought.model_dump_json()) == bought
    market = await port.market(player_id=22, item_id="iron_ore")
    assert isinstance(market, MarketView) and market.best_ask == 7 and market.last_price == 7
    with pytest.raises(BadOrder) as bad:
        await port.place_order(player_id=22, item_id="iron_ore", side="buy", price=10**12, quantity=1)
    assert bad.value.details["field"] == "price"
    with pytest.raises(BadRequest):  # past 64 bits: refused at the port, before the exchange sees it
        await port.place_order(player_id=22, item_id="iron_ore", side="buy", price=2**70, quantity=1)
    with pytest.raises(NotYourOrder):
        await port.cancel_order(player_id=22, order_id=sold.order.id)
    assert (await port.my_orders(player_id=21)).counter_gold == 14
    assert (await port.daily(player_id=21)).claimable
    assert (await port.expire_orders()).expired == 0
    assert (await port.economy_report()).fees_24h == 0
