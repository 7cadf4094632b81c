"""What crosses a process boundary survives it: DTOs, refusals and events as JSON."""

from __future__ import annotations

import pytest

from game.api import CharacterSheet, GameError, NameTaken, NotAdjacent, error_from_payload
from game.api.wire import dump_result, load_arguments, load_result, port_methods
from shared.events import EVENT_TYPES, CharacterCreated, RiftCollapsed, UnknownEvent, event_from_json


def test_every_port_method_takes_keyword_only_arguments():
    for name, signature in port_methods().items():
        params = [p for p in signature.parameters.values() if p.name != "self"]
        assert all(p.kind is p.KEYWORD_ONLY for p in params), name


def test_refusals_round_trip_with_code_and_details():
    err = NotAdjacent("far", origin="a", destination="b")
    back = error_from_payload(err.to_payload())
    assert type(back) is NotAdjacent and back.details == {"origin": "a", "destination": "b"}
    assert type(error_from_payload({"code": "from_the_future", "message": "?"})) is GameError
    assert isinstance(error_from_payload(NameTaken("x").to_payload()), NameTaken)


def test_results_are_typed_on_the_way_back():
    raw = dump_result("list_classes", [])
    assert load_result("list_classes", raw) == []
    with pytest.raises(ValueError):
        load_result("get_character", {"name": "missing fields"})
    assert CharacterSheet.model_fields  # the DTO the port promises


def test_arguments_are_validated():
    assert load_arguments("travel", {"player_id": "5", "destination": "x"}) == {"player_id": 5, "destination": "x"}
    with pytest.raises(TypeError):
        load_arguments("travel", {"player_id": 5, "destination": "x", "teleport": True})


def test_events_round_trip():
    for event in [
        CharacterCreated(player_id=1, name="A", class_id="mage", location_id="ashford"),
        RiftCollapsed(rift_id="r1", location_id="caves", evicted_player_ids=(1, 2)),
    ]:
        assert event_from_json(event.to_json()) == event
    assert set(EVENT_TYPES) >= {"rift_collapsed", "boss_spawned", "boss_defeated", "boss_escaped"}
    with pytest.raises(UnknownEvent):
        event_from_json('{"kind": "nope"}')
