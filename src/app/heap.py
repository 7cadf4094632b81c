"""The garbage collector told that what a process built to start is there to stay.

A started process holds some 300,000 objects the collector tracks (the content, the routers, the
libraries' models and types), and they live as long as the process. A full collection walks them all:
about 140 ms on a 2-core machine, during which no player's action moves. `gc.freeze()` puts them in a
generation the collector no longer walks, so a full pass costs only what was made since.

An action makes and drops a few thousand container objects (pydantic models, Telegram types, keyboards),
so the default first threshold (700) ran a young collection several times per action; at 10,000 the
collector ran a fifth as often in all (benchmarks/actions.py, the open-loop rows: p99 down by a third).
"""

from __future__ import annotations

import gc

YOUNG_THRESHOLD = 10_000
OLDER_THRESHOLDS = (20, 20)


def settle_startup_heap() -> None:
    """Call once the process is composed, before it serves anyone."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(YOUNG_THRESHOLD, *OLDER_THRESHOLDS)
