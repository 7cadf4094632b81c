"""Every adapter of the port has every port method with the port's exact signature — declared, not
conjured on demand — so a method added to a narrow port and forgotten in an adapter fails here."""

from __future__ import annotations

import inspect

import pytest

from game.api import OPERATOR_PORTS, PLAYER_PORTS, GameApi
from game.api.wire import port_methods
from game.client.http import HttpGameClient
from game.entrypoints.inprocess import InProcessGame

ADAPTERS = [InProcessGame, HttpGameClient]


def _declared(port: type) -> set[str]:
    return {name for name, value in vars(port).items() if inspect.iscoroutinefunction(value)}


def test_game_api_is_exactly_the_union_of_the_narrow_ports() -> None:
    ports = (*PLAYER_PORTS, *OPERATOR_PORTS)
    union = set().union(*(_declared(p) for p in ports))
    assert set(port_methods()) == union
    # Each method belongs to one port: a server can guard operator ports apart from player ones.
    assert sum(len(_declared(p)) for p in ports) == len(union)
    assert not _declared(GameApi)  # nothing of its own: only the union


@pytest.mark.parametrize("adapter", ADAPTERS, ids=lambda a: a.__name__)
@pytest.mark.parametrize("method", sorted(port_methods()))
def test_adapter_declares_the_method_with_the_ports_signature(adapter: type, method: str) -> None:
    declared = inspect.getattr_static(adapter, method, None)
    assert declared is not None, f"{adapter.__name__} does not declare {method}"
    assert inspect.iscoroutinefunction(declared)
    assert inspect.signature(declared) == inspect.signature(getattr(GameApi, method))


@pytest.mark.parametrize("adapter", ADAPTERS, ids=lambda a: a.__name__)
def test_every_narrow_port_recognises_the_adapter(adapter: type) -> None:
    instance = object.__new__(adapter)  # no I/O: the shape is what is checked
    for port in (*PLAYER_PORTS, *OPERATOR_PORTS, GameApi):
        assert isinstance(instance, port), port.__name__


def test_an_adapter_missing_a_method_is_not_the_port() -> None:
    class Partial:
        async def look(self, *, player_id: int) -> None: ...

    assert not isinstance(Partial(), GameApi)
