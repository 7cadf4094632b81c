"""The event loop the processes run on: uvloop (EVENT_LOOP=uvloop, the default) or asyncio's own (asyncio).

uvloop is installed where it builds (not on Windows); asked for where it is missing, asyncio's loop is used
and a warning says so.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")


def loop_factory(name: str) -> Callable[[], asyncio.AbstractEventLoop] | None:
    """What makes the loop called `name`; None: asyncio's own."""
    if name != "uvloop":
        return None
    try:
        import uvloop
    except ImportError:
        log.warning("EVENT_LOOP=uvloop but uvloop is not installed here: running on asyncio's event loop")
        return None
    return uvloop.new_event_loop


def run(main: Coroutine[Any, Any, T], *, loop: str) -> T:
    """`asyncio.run(main)` on the event loop called `loop`."""
    with asyncio.Runner(loop_factory=loop_factory(loop)) as runner:
        return runner.run(main)
