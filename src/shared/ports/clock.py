from __future__ import annotations

import time
from typing import Protocol


class Clock(Protocol):
    """Wall-clock seconds since the epoch. Rules take time from here, never from the system."""

    def now(self) -> float: ...


class SystemClock:
    def now(self) -> float:
        return time.time()
