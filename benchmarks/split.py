"""Benchmark of the split: the same scripted players against the monolith and against bot → HTTP → game.

    .venv/bin/python benchmarks/split.py [--players 1 20] [--actions 1500] [--warmup 150] [--calls 2000]

Servers as for benchmarks/actions.py (BENCH_… / TEST_… / embedded); the Redis database is FLUSHED.

Two tables, measured in one run on the same PostgreSQL and Redis:
  actions     the world scenario of benchmarks/actions.py (look around, walk, …) through the real Dispatcher,
              once with the game in the bot's process (the monolith) and once with the bot calling a
              `riftwalker serve-game` process over loopback HTTP (signed calls); actions/s, p50, p99 and
              the split's rate as a share of the monolith's
  seam        one cheap port call (`get_character`) made `--calls` times in a row: in process, and across
              the seam; p50/p99 and the seam's own cost per call (the difference of the medians), against
              the aim of at most 1 ms p50 over loopback

Not measured here: 1 vs 2 bot replicas behind a balancer. On this 2-core machine one bot process, the
game server, PostgreSQL and Redis already share both cores, so a second replica adds contention, not
capacity; replicas scale where each gets cores of its own.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import platform
import socket
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import aiohttp
from aiogram import Bot, Dispatcher

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.containers import Container
from benchmarks.actions import (
    REGISTRATION,
    SCENARIOS,
    THROTTLE_BURST,
    THROTTLE_RATE,
    Player,
    Result,
    flushed_redis,
    measure,
    percentile,
    play,
)
from bot.dispatcher import build_dispatcher
from game.api import GameApi
from game.client.http import HttpGameClient
from shared.config import Settings
from tests.support.services import create_database, drop_database, services_from_env

SECRET = "bench-player-secret-0123456789"
OPERATOR_SECRET = "bench-operator-secret-0123456789"
AIM_MS = 1.0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.asynccontextmanager
async def game_server(database_url: str, redis_url: str):
    port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "GAME_API_SECRET": SECRET,
        "GAME_OPERATOR_SECRET": OPERATOR_SECRET,
        "LOG_LEVEL": "WARNING",
    }
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "app", "serve-game", "--port", str(port), env=env, stderr=asyncio.subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}"
    try:
        async with aiohttp.ClientSession() as http:
            for _ in range(300):
                with contextlib.suppress(aiohttp.ClientError):
                    async with http.get(f"{url}/healthz") as r:
                        if r.status == 200:
                            break
                await asyncio.sleep(0.1)
            else:
                raise RuntimeError("serve-game did not come up")
        yield url
    finally:
        proc.terminate()
        await proc.wait()


async def seam_cost(game: GameApi, player_id: int, calls: int) -> list[float]:
    for _ in range(min(100, calls)):
        await game.get_character(player_id=player_id)
    latencies = []
    for _ in range(calls):
        started = time.perf_counter()
        await game.get_character(player_id=player_id)
        latencies.append(time.perf_counter() - started)
    return latencies


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f}"


def table(rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True)))
                     for r in rows)  # fmt: skip


async def run(player_counts: Sequence[int], actions: int, warmup: int, calls: int) -> None:
    async with contextlib.AsyncExitStack() as stack:
        services = services_from_env(
            ("BENCH_DATABASE_URL", "TEST_DATABASE_URL"), ("BENCH_REDIS_URL", "TEST_REDIS_URL"),
            folder_prefix="riftwalker-bench-",
        )  # fmt: skip
        stack.callback(services.stop)
        db_server, redis_url = services.database_url, services.redis_url
        database_url = await create_database(db_server, "riftwalker_bench")
        stack.push_async_callback(drop_database, database_url, server_url=db_server)
        await flushed_redis(stack, redis_url)
        settings = Settings(
            _env_file=None, database_url=database_url, redis_url=redis_url, bot_token=None,
            throttle_rate=THROTTLE_RATE, throttle_burst=THROTTLE_BURST,
        )  # fmt: skip
        container = Container(settings=settings, local_bot=True)
        await container.init_resources()
        stack.push_async_callback(container.shutdown_resources)
        bot: Bot = await container.bot()
        monolith_game: GameApi = await container.game()
        monolith: Dispatcher = await container.dispatcher()
        url = await stack.enter_async_context(game_server(database_url, redis_url))
        client = HttpGameClient(url, secret=SECRET, operator_secret=OPERATOR_SECRET)
        stack.push_async_callback(client.close)
        split = build_dispatcher(
            game=client,
            storage=await container.fsm_storage(),
            throttle=await container.throttle(),
            throttle_rate=THROTTLE_RATE,
            throttle_burst=THROTTLE_BURST,
            events=await container.event_bus(),
        )

        groups: dict[int, list[Player]] = {}
        first_id = 20_000
        for count in player_counts:
            group = [Player(first_id + i, f"Split{first_id + i}") for i in range(count)]
            first_id += count
            for player in group:
                await play(monolith, bot, [player], REGISTRATION.steps, len(REGISTRATION.steps))
                player.cursor = 0
            groups[count] = group

        results: list[tuple[str, Result]] = []
        for count in player_counts:
            for label, dp in (("monolith", monolith), ("split: bot → HTTP → game", split)):
                for scenario in SCENARIOS:
                    result = await measure(scenario.name, dp, bot, groups[count], scenario.steps,
                                           actions=actions, warmup=warmup)  # fmt: skip
                    results.append((label, result))

        probe = groups[player_counts[0]][0].user_id
        inprocess = await seam_cost(monolith_game, probe, calls)
        remote = await seam_cost(client, probe, calls)

        print(f"Python {platform.python_version()}, {os.cpu_count()} CPUs; serve-game in its own process on loopback")
        print()
        head = ("transport", "scenario", "players", "actions", "actions/s", "p50 ms", "p99 ms", "% of monolith")
        rows = [head]
        base = {r.players: r.rate for label, r in results if label == "monolith"}
        for label, r in results:
            lat = r.all_latencies()
            rows.append((label, r.scenario, str(r.players), str(r.actions), f"{r.rate:,.0f}", ms(percentile(lat, 50)),
                         ms(percentile(lat, 99)), f"{100 * r.rate / base[r.players]:.0f}%"))  # fmt: skip
        print(table(rows))
        print()
        p50_in, p50_http = statistics.median(inprocess), statistics.median(remote)
        cost = p50_http - p50_in
        rows = [("get_character ×" + str(calls), "p50 ms", "p99 ms")]
        rows.append(("in process", ms(p50_in), ms(percentile(inprocess, 99))))
        rows.append(("over HTTP (signed)", ms(p50_http), ms(percentile(remote, 99))))
        print(table(rows))
        verdict = "within" if cost * 1000 <= AIM_MS else "above"
        print(f"\nthe seam's own cost: {ms(cost)} ms p50 per call ({verdict} the {AIM_MS:.0f} ms aim)")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--players", type=int, nargs="+", default=[1, 20], help="concurrent players per row")
    parser.add_argument("--actions", type=int, default=1500, help="timed actions per row (all players together)")
    parser.add_argument("--warmup", type=int, default=150, help="untimed actions before each row")
    parser.add_argument("--calls", type=int, default=2000, help="sequential calls for the seam's cost")
    args = parser.parse_args(argv)
    asyncio.run(run(args.players, args.actions, args.warmup, args.calls))


if __name__ == "__main__":
    main()
