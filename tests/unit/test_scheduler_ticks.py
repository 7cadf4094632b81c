from __future__ import annotations

from datetime import UTC, datetime

from scheduler.jobs.lock import tick_of
from scheduler.setup import aligned_start


def test_timers_firing_around_a_boundary_share_its_tick() -> None:
    assert tick_of(299.6, 300) == tick_of(300.0, 300) == tick_of(449.0, 300) == 1
    assert tick_of(451.0, 300) == 2


def test_replicas_started_apart_fire_on_the_same_boundaries() -> None:
    assert aligned_start(1_000.0, 300) == aligned_start(1_199.0, 300) == datetime.fromtimestamp(1_200, UTC)
    assert aligned_start(1_200.0, 300) == datetime.fromtimestamp(1_200, UTC)
