"""A newcomer's mistakes on the command line get a sentence, not a traceback."""

from __future__ import annotations

import os
import subprocess
import sys


def riftwalker(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in {"BOT_TOKEN", "DATABASE_URL", "REDIS_URL"}}
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        env={**clean, "LOG_LEVEL": "ERROR", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_run_without_a_token_says_so():
    result = riftwalker("run")
    assert result.returncode == 2
    assert "BOT_TOKEN is not set" in result.stderr and "Traceback" not in result.stderr


def test_unreachable_postgres_says_where_it_looked():
    result = riftwalker("migrate", DATABASE_URL="postgresql+asyncpg://postgres@127.0.0.1:1/nowhere")
    assert result.returncode == 2
    assert "cannot reach PostgreSQL or Redis" in result.stderr and "127.0.0.1:1" in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_command_lists_the_real_ones():
    result = riftwalker("dance")
    assert result.returncode == 2 and "play" in result.stderr and "run" in result.stderr


def test_a_setting_outside_its_choices_stops_start_up():
    result = riftwalker("migrate", GAME_TRANSPORT="grpc")
    assert result.returncode == 2
    assert "GAME_TRANSPORT='grpc'" in result.stderr and "'inprocess' or 'http'" in result.stderr
    assert "Traceback" not in result.stderr
