"""What crosses a process boundary survives it: DTOs, refusals and events as JSON."""

from __future__ import annotations

import math

import pytest

from game.api import BadRequest, CharacterSheet, GameError, NameTaken, NotAdjacent, error_from_payload
from game.api.wire import (
    INT64_MAX,
    INT64_MIN,
    MAX_DURATION_DAYS,
    MAX_TEXT,
    dump_result,
    load_arguments,
    load_result,
    port_methods,
)
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
    with pytest.raises(BadRequest, match="teleport"):
        load_arguments("travel", {"player_id": 5, "destination": "x", "teleport": True})
    with pytest.raises(BadRequest, match="destination"):
        load_arguments("travel", {"player_id": 5})


def test_bounds_come_from_the_ports_types():
    assert load_arguments("look", {"player_id": INT64_MAX}) == {"player_id": INT64_MAX}
    assert load_arguments("look", {"player_id": INT64_MIN}) == {"player_id": INT64_MIN}
    for player_id in (INT64_MAX + 1, INT64_MIN - 1):
        with pytest.raises(BadRequest, match="player_id"):
            load_arguments("look", {"player_id": player_id})
    # Optional ids too, and durations: finite, positive, at most a month.
    with pytest.raises(BadRequest):
        load_arguments("list_bosses", {"player_id": 2**70})
    assert load_arguments("list_bosses", {"player_id": None}) == {"player_id": None}
    assert load_arguments("admin_open_rift", {"duration_minutes": 0.5}) == {"duration_minutes": 0.5}
    for minutes in (math.nan, math.inf, 0.0, -3.0, MAX_DURATION_DAYS * 24 * 60 + 1):
        with pytest.raises(BadRequest, match="duration_minutes"):
            load_arguments("admin_open_rift", {"duration_minutes": minutes})
    with pytest.raises(BadRequest, match="name"):
        load_arguments("check_name", {"name": "x" * (MAX_TEXT + 1)})


def test_events_round_trip():
    for event in [
        CharacterCreated(player_id=1, name="A", class_id="mage", location_id="ashford"),
        RiftCollapsed(rift_id="r1", location_id="caves", evicted_player_ids=(1, 2)),
    ]:
        assert event_from_json(event.to_json()) == event
    assert set(EVENT_TYPES) >= {"rift_collapsed", "boss_spawned", "boss_defeated", "boss_escaped"}
    with pytest.raises(UnknownEvent):
        event_from_json('{"kind": "nope"}')
