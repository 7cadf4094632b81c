"""A newcomer's mistakes on the command line get one sentence, not a traceback, and a non-zero exit."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import subprocess
import sys

import pytest
from sqlalchemy.engine import make_url

from local_telegram import BotApi, LocalTelegram

COMMANDS = ["run", "play", "worker", "migrate", "snapshot", "local-telegram", "serve-game"]


def riftwalker(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in {"BOT_TOKEN", "DATABASE_URL", "REDIS_URL"}}
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        env={**clean, "LOG_LEVEL": "ERROR", **env},
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


def one_sentence(result: subprocess.CompletedProcess[str], *words: str) -> str:
    """The error: exit 2, no traceback, one line starting `riftwalker:`, with these words in it."""
    assert result.returncode == 2, result.stderr[-2000:]
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    lines = [line for line in result.stderr.splitlines() if line.startswith("riftwalker")]
    assert len(lines) == 1, result.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def test_run_without_a_token_says_so():
    one_sentence(riftwalker("run"), "BOT_TOKEN is not set")


def test_unreachable_postgres_says_where_it_looked_without_the_password():
    result = riftwalker("migrate", DATABASE_URL="postgresql+asyncpg://alaric:s3cr3t-pw@127.0.0.1:1/nowhere")
    line = one_sentence(result, "cannot reach PostgreSQL", "127.0.0.1:1", "alaric:***@")
    assert "s3cr3t-pw" not in result.stderr + result.stdout, line


@pytest.mark.parametrize(
    ("variable", "value", "words"),
    [
        ("DATABASE_URL", "localhost/riftwalker", "not a URL"),
        ("DATABASE_URL", "mysql://root:hunter2@db/riftwalker", "mysql:// is not supported"),
        ("REDIS_URL", "127.0.0.1:6379", "not a Redis URL"),
        ("REDIS_URL", "http://127.0.0.1:6379", "not a Redis URL"),
    ],
)
def test_a_malformed_url_is_named(variable: str, value: str, words: str):
    result = riftwalker("migrate", **{variable: value})
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"{variable}=" in result.stderr and words in result.stderr
    assert "hunter2" not in result.stderr


def test_unknown_command_lists_the_real_ones():
    result = riftwalker("dance")
    assert result.returncode == 2 and "play" in result.stderr and "run" in result.stderr


def test_a_setting_outside_its_choices_stops_start_up():
    result = riftwalker("migrate", GAME_TRANSPORT="grpc")
    assert result.returncode == 2
    assert "GAME_TRANSPORT='grpc'" in result.stderr and "'inprocess' or 'http'" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("player", ["0", "-5", "99999999999999999999", "²", "abc"])
def test_a_player_id_out_of_range_is_refused_before_anything_starts(player: str):
    result = riftwalker("play", "--terminal", "--player", player)
    assert result.returncode == 2 and "argument --player" in result.stderr and "Traceback" not in result.stderr
    assert "Starting local PostgreSQL" not in result.stderr


def test_a_token_that_is_no_token_is_named():
    one_sentence(riftwalker("run", BOT_TOKEN="not-a-token"), "BOT_TOKEN is not a bot token")


@pytest.mark.parametrize("command", COMMANDS)
def test_every_subcommand_and_option_has_help(command: str):
    result = riftwalker(command, "--help")
    assert result.returncode == 0
    lines = result.stdout.split("options:", 1)[1].splitlines()
    for number, line in enumerate(lines):
        if not line.startswith("  -"):
            continue
        said_here = re.search(r"\S\s{2,}\S", line.strip()) is not None  # flags, then the help on this line
        said_below = number + 1 < len(lines) and lines[number + 1].startswith(" " * 10)
        assert said_here or said_below, f"{command}: {line!r} has no help"
    top = riftwalker("--help").stdout
    assert re.search(rf"^\s+{command}\s+\S", top, re.MULTILINE), f"{command} has no help in the list"


@pytest.mark.servers
def test_plain_postgresql_urls_get_their_driver_and_alembic_keeps_quiet(database_url: str):
    plain = make_url(database_url).set(drivername="postgresql").render_as_string(hide_password=False)
    result = riftwalker("migrate", DATABASE_URL=plain, LOG_LEVEL="INFO")
    assert result.returncode == 0, result.stderr
    assert "database is up to date" in result.stdout
    assert "alembic" not in result.stderr, "no library noise"


@pytest.mark.servers
@pytest.mark.parametrize(
    ("part", "words"),
    [("database", "has no database riftwalker_nowhere"), ("username", "has no role nobody_here")],
)
def test_a_missing_database_or_role_is_named(database_url: str, part: str, words: str):
    url = make_url(database_url)
    url = url.set(database="riftwalker_nowhere") if part == "database" else url.set(username="nobody_here")
    one_sentence(riftwalker("migrate", DATABASE_URL=url.render_as_string(hide_password=False)), words)


@pytest.mark.servers
async def test_a_token_telegram_refuses_is_named(database_url: str, redis_url: str, redis):
    async with LocalTelegram(BotApi(token="1:the-real-one")) as tg:
        env = {**os.environ, "BOT_TOKEN": "1:a-wrong-one", "TELEGRAM_API_URL": tg.url, "LOG_LEVEL": "ERROR"}
        env.update(DATABASE_URL=database_url, REDIS_URL=redis_url)
        proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "app", "run", env=env, stdin=subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE
        )
        _, stderr = await asyncio.wait_for(proc.communicate(), 60)
    result = subprocess.CompletedProcess([], proc.returncode or 0, "", stderr.decode())
    one_sentence(result, "Telegram refused BOT_TOKEN")


def test_the_worker_waits_for_redis_one_line_per_attempt():
    clean = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    proc = subprocess.Popen(
        [sys.executable, "-m", "app", "worker"],
        env={**clean, "REDIS_URL": "redis://:s3cr3t@127.0.0.1:1/0", "LOG_LEVEL": "INFO"},
        stdin=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stderr is not None
    seen = [proc.stderr.readline() for _ in range(2)]  # tries at once and a second later
    proc.send_signal(signal.SIGINT)
    _, rest = proc.communicate(timeout=30)
    stderr = "".join(seen) + rest
    waits = [line for line in stderr.splitlines() if "waiting for Redis at redis://:***@127.0.0.1:1/0" in line]
    assert len(waits) >= 2, stderr
    assert all(line.startswith("riftwalker worker: waiting") for line in stderr.splitlines()), stderr
    assert "next try in 1 s" in waits[0] and "next try in 2 s" in waits[1]
    assert "worker started" not in stderr and "Traceback" not in stderr and "s3cr3t" not in stderr
    assert proc.returncode == 0
