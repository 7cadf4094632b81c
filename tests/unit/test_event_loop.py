"""The processes run on the event loop EVENT_LOOP names, and on asyncio's own where uvloop is missing."""

from __future__ import annotations

import asyncio
import sys

import pytest

from app import event_loop
from shared.config import Settings

uvloop = pytest.importorskip("uvloop")  # not installed on Windows


async def loop_kind() -> type:
    return type(asyncio.get_running_loop())


def test_uvloop_is_the_default() -> None:
    assert Settings(_env_file=None).event_loop == "uvloop"
    assert event_loop.run(loop_kind(), loop="uvloop") is uvloop.Loop


def test_asyncio_turns_it_off() -> None:
    kind = event_loop.run(loop_kind(), loop="asyncio")
    assert kind is not uvloop.Loop and issubclass(kind, asyncio.BaseEventLoop)


def test_without_uvloop_the_process_runs_on_asyncio_and_says_so(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setitem(sys.modules, "uvloop", None)  # as where it is not installed: importing it fails

    kind = event_loop.run(loop_kind(), loop="uvloop")

    assert kind is not uvloop.Loop and issubclass(kind, asyncio.BaseEventLoop)
    assert "uvloop is not installed" in caplog.text


def test_the_result_and_errors_come_back_as_from_asyncio_run() -> None:
    async def fails() -> None:
        raise LookupError("gone")

    with pytest.raises(LookupError, match="gone"):
        event_loop.run(fails(), loop="uvloop")
