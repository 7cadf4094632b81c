"""Numbers on the command line are checked where they enter: a clear sentence, no traceback, nothing started."""

from __future__ import annotations

import os
import subprocess
import sys


def test_a_player_id_past_64_bits_or_not_a_number_is_refused():
    for value, said in (("99999999999999999999999", "out of range"), ("0", "out of range"), ("ten", "not a whole")):
        result = subprocess.run(
            [sys.executable, "-m", "app", "play", "--player", value],
            input="",
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 2, result.stderr
        assert said in result.stderr and "Traceback" not in result.stderr
        assert "Starting local PostgreSQL" not in result.stderr


def test_a_password_in_a_url_is_never_printed():
    result = subprocess.run(
        [sys.executable, "-m", "app", "migrate"],
        env={
            **os.environ,
            "DATABASE_URL": "postgresql+asyncpg://admin:hunter2-secret@127.0.0.1:1/x",
            "LOG_LEVEL": "ERROR",
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "hunter2" not in result.stderr + result.stdout
    assert "admin:***@127.0.0.1:1" in result.stderr
