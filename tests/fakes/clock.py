"""A clock that stands still until told otherwise."""

from __future__ import annotations

START = 1_800_000_000.0  # any fixed instant: tests never depend on the machine's time


class SettableClock:
    def __init__(self, now: float = START) -> None:
        self.value = now

    def now(self) -> float:
        return self.value

    def advance(self, seconds: float) -> None:
        self.value += seconds

    def set(self, now: float) -> None:
        self.value = now
