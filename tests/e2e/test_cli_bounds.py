"""Numbers on the command line are checked where they enter: a clear sentence, no traceback, nothing started."""

from __future__ import annotations

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
