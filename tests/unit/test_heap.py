"""A composed process leaves what it built at startup out of the collector's full passes."""

from __future__ import annotations

import gc

from app.heap import YOUNG_THRESHOLD, settle_startup_heap


def test_the_startup_heap_is_frozen_and_young_objects_are_collected_less_often():
    before = gc.get_threshold()
    try:
        settle_startup_heap()
        assert gc.get_freeze_count() > 10_000  # the interpreter, the libraries, the tests' own imports
        assert gc.get_threshold()[0] == YOUNG_THRESHOLD
        frozen = gc.get_freeze_count()
        gc.collect()
        assert gc.get_freeze_count() == frozen  # a full pass leaves the frozen alone
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)
