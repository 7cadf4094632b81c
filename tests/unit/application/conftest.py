"""The use cases on in-memory fakes: no PostgreSQL, no Redis."""

from __future__ import annotations

import pytest

from tests.fakes.game import FakeGame, build_game


@pytest.fixture
def game() -> FakeGame:
    return build_game()
