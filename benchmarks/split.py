"""Benchmark of the split: the same scripted players against the monolith, against bot → HTTP → game, and
against bot replicas in webhook mode behind HAProxy.

    .venv/bin/python benchmarks/split.py [--players 1 20] [--actions 600] [--warmup 60] [--calls 1000]
                                         [--replica-players 20] [--replica-actions 600]

Servers as for benchmarks/actions.py (BENCH_… / TEST_… / embedded); the Redis database is FLUSHED.
HAProxy from the system's packages for the replicas' table (without it that table is skipped).

Three tables, measured in one run on the same PostgreSQL and Redis:
  actions     the world scenario of benchmarks/actions.py (look around, walk, …) through the real Dispatcher,
              once with the game in the bot's process (the monolith) and once with the bot calling a
              `riftwalker serve-game` process over loopback HTTP (signed calls); actions/s, p50, p99 and
              the split's rate as a share of the monolith's
  replicas    the deployment of tests/e2e/test_deployment.py (tests/support/deployment.py): the players'
              updates posted to HAProxy as Telegram posts them, `riftwalker run --webhook` replicas
              behind it, each calling the game server through HAProxy, answering on a local Telegram
              Bot API; once with 1 bot replica, then with 2 (`--replica-players` players, the same
              scenario, `--replica-actions` timed actions after a tenth as many untimed): actions/s,
              p50/p99 of a post until it is answered, the CPU each part used, and the 2-vs-1 ratio,
              with a line on what limits the scaling on this machine
  seam        one cheap port call (`get_character`) made `--calls` times in a row: in process, and across
              the seam; p50/p99 and the seam's own cost per call (the difference of the medians), against
              the aim of at most 1 ms p50 over loopback
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import aiohttp
from aiogram import Bot, Dispatcher
from aiogram.types import InlineKeyboardMarkup

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.containers import Container
from benchmarks.actions import (
    REGISTRATION,
    SCENARIOS,
    THROTTLE_BURST,
    THROTTLE_RATE,
    Player,
    Result,
    Step,
    flushed_redis,
    measure,
    percentile,
    play,
)
from bot.dispatcher import build_dispatcher
from bot.local_session import ShownMessage
from game.api import GameApi
from game.client.http import HttpGameClient
from shared.config import Settings
from tests.fakes.telegram_server import FakeTelegram
from tests.support.deployment import WEBHOOK_SECRET, Deployment, deployment_env, haproxy_binary
from tests.support.services import create_database, drop_database, services_from_env

SECRET = "bench-player-secret-0123456789"
OPERATOR_SECRET = "bench-operator-secret-0123456789"
AIM_MS = 1.0
# Above this share of the machine's cores in use, the row was bound by the CPU.
SATURATED = 0.85


# --- the replicas: players posting updates to the balancer, as Telegram does ---------------------


def shown(tg: FakeTelegram, player: Player, since: int) -> ShownMessage | None:
    """The bot's last message to the player as the local Telegram shows it now: the one the bot edited or
    sent last while handling the player's update (the requests from `since` on), else its newest."""
    chat = tg.api.chats.get(player.user_id, {})
    target = None
    for request in reversed(tg.api.requests[since:]):
        if str(request.params.get("chat_id")) == str(player.user_id):
            if request.method.startswith("edit"):
                target = chat.get(int(request.params["message_id"]))
            break
    if target is None:
        bot_messages = [m for m in chat.values() if m.from_bot]
        target = max(bot_messages, key=lambda m: m.message_id, default=None)
    if target is None:
        return None
    markup = InlineKeyboardMarkup.model_validate(target.markup) if target.markup else None
    return ShownMessage(player.user_id, target.message_id, target.body.text, markup)


async def play_webhook(
    http: aiohttp.ClientSession,
    url: str,
    tg: FakeTelegram,
    bot: Bot,
    players: Sequence[Player],
    steps: Sequence[Step],
    per_player: int,
) -> tuple[float, dict[str, list[float]]]:
    """As `benchmarks.actions.play`, each update posted to the webhook; latency: the post until answered."""
    headers = {"X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET}
    latencies: dict[str, list[float]] = {}

    async def drive(player: Player) -> None:
        for _ in range(per_player):
            step = steps[player.cursor % len(steps)]
            if step.prepare is not None:
                await step.prepare(player)
            update = step.make(bot, player, player.last).model_dump(mode="json", exclude_none=True, by_alias=True)
            since = len(tg.api.requests)
            started = time.perf_counter()
            async with http.post(url, json=update, headers=headers) as response:
                await response.read()
                if response.status != 200:
                    raise RuntimeError(f"the webhook answered {response.status} to player {player.user_id}")
            latencies.setdefault(player.memo.pop("label", step.name), []).append(time.perf_counter() - started)
            player.cursor += 1
            player.last = shown(tg, player, since)

    started = time.perf_counter()
    await asyncio.gather(*(drive(p) for p in players))
    return time.perf_counter() - started, latencies


def machine_cpu() -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine so far, from /proc/stat."""
    fields = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle, iowait
    tick = os.sysconf("SC_CLK_TCK")
    return (sum(fields[:8]) - idle) / tick, sum(fields[:8]) / tick


@dataclass
class ReplicaRow:
    replicas: int
    result: Result
    cores_busy: float  # of the machine, on average over the timed run
    cores_by_part: dict[str, float]  # bot replicas, game server, HAProxy, this driver (and the local Telegram)
    load: float  # the 1-minute load average at the end


async def measure_replicas(
    d: Deployment, http: aiohttp.ClientSession, tg: FakeTelegram, bot: Bot, players: Sequence[Player],
    steps: Sequence[Step], *, replicas: int, actions: int, warmup: int,
) -> ReplicaRow:  # fmt: skip
    loop = len(steps)
    per_player = max(loop, -(-actions // len(players)) // loop * loop)
    await play_webhook(http, d.webhook, tg, bot, players, steps, max(loop, -(-warmup // len(players)) // loop * loop))
    busy0, total0 = machine_cpu()
    parts0, own0 = d.cpu_seconds(), time.process_time()
    seconds, latencies = await play_webhook(http, d.webhook, tg, bot, players, steps, per_player)
    busy1, total1 = machine_cpu()
    parts1, own1 = d.cpu_seconds(), time.process_time()
    wall = seconds
    by_part: dict[str, float] = {"bot replicas": 0.0, "game server": 0.0, "HAProxy": 0.0}
    for name, used in parts1.items():
        part = "bot replicas" if name.startswith("bot") else "game server" if name.startswith("game") else "HAProxy"
        by_part[part] += (used - parts0.get(name, 0.0)) / wall
    by_part["driver + local Telegram"] = (own1 - own0) / wall
    cores = os.cpu_count() or 1
    busy = (busy1 - busy0) / (total1 - total0) * cores
    result = Result(f"webhook ×{replicas}", len(players), per_player * len(players), seconds, latencies)
    return ReplicaRow(replicas, result, busy, by_part, os.getloadavg()[0])


async def greeted(tg: FakeTelegram, players: Sequence[Player], seconds: float = 60.0) -> None:
    """Waits until each player got the greeting their registration sent (an event, delivered by the bot
    replica's consumer), so that no late message lands in the middle of a timed row."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if all(any("first steps" in m.body.text for m in tg.api.chats.get(p.user_id, {}).values()) for p in players):
            return
        await asyncio.sleep(0.1)
    raise RuntimeError("the registration greetings did not arrive")


def _logs_kept_on_failure(folder: Path) -> Callable[..., Awaitable[bool]]:
    async def leave(kind: type[BaseException] | None, *_: object) -> bool:
        if kind is None:
            shutil.rmtree(folder, ignore_errors=True)
        else:
            progress(f"the processes' logs are kept in {folder}")
        return False

    return leave


def progress(what: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {what}", file=sys.stderr, flush=True)


def limits_line(rows: Sequence[ReplicaRow]) -> str:
    cores = os.cpu_count() or 1
    two = rows[-1]
    parts = ", ".join(f"{name} {used:.2f}" for name, used in two.cores_by_part.items())
    rest = max(0.0, two.cores_busy - sum(two.cores_by_part.values()))
    line = (
        f"what limits the scaling here: {cores} CPU cores (os.cpu_count()); with {two.replicas} replicas the machine "
        f"was {100 * two.cores_busy / cores:.0f}% busy ({two.cores_busy:.2f} of {cores} cores: {parts}, "
        f"everything else — PostgreSQL, Redis, other work on the machine — {rest:.2f}), load average "
        f"{two.load:.1f}. "
    )
    if two.cores_busy >= SATURATED * cores:
        return line + (
            "The cores are saturated: a second replica adds contention, not capacity; replicas scale where each "
            "gets cores of its own (and the game server, PostgreSQL and Redis theirs)."
        )
    return line + "The cores were not saturated: the limit is elsewhere (the game server, storage round trips)."


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


async def run(
    player_counts: Sequence[int], actions: int, warmup: int, calls: int, replica_players: int, replica_actions: int
) -> None:
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

        # The processes: one game server (the split's rows call it directly; the replicas through HAProxy),
        # and, for the replicas' rows, bot replicas answering on a local Telegram.
        tg = await stack.enter_async_context(FakeTelegram(global_rate=None, per_chat_rate=None))
        env = deployment_env(
            database_url=database_url, redis_url=redis_url, telegram_url=tg.url, secret=SECRET,
            operator_secret=OPERATOR_SECRET, RIFT_INTERVAL_MINUTES="1440", BOSS_INTERVAL_MINUTES="1440",
        )  # fmt: skip
        folder = Path(tempfile.mkdtemp(prefix="riftwalker-bench-deploy-"))
        stack.push_async_exit(_logs_kept_on_failure(folder))
        d = await stack.enter_async_context(Deployment(env=env, folder=folder, bots=2, games=1))
        progress("starting the game server")
        await d.start_game(0)
        has_haproxy = haproxy_binary() is not None
        if has_haproxy:
            # The first replica and the balancer are up before anyone registers: the replica's event consumer
            # delivers the greetings (asking the game, through the balancer).
            await d.start_balancer(bots=[0])
            await d.start_bot(0)
        client = HttpGameClient(d.game_server_url(0), secret=SECRET, operator_secret=OPERATOR_SECRET)
        stack.push_async_callback(client.close)
        split = build_dispatcher(
            game=client,
            storage=await container.fsm_storage(),
            throttle=await container.throttle(),
            throttle_rate=THROTTLE_RATE,
            throttle_burst=THROTTLE_BURST,
            events=await container.event_bus(),
        )

        first_id = 20_000

        async def registered(count: int) -> list[Player]:
            nonlocal first_id
            group = [Player(first_id + i, f"Split{first_id + i}") for i in range(count)]
            first_id += count
            for player in group:
                await play(monolith, bot, [player], REGISTRATION.steps, len(REGISTRATION.steps))
                player.cursor = 0
            return group

        progress("registering the players")
        groups = {count: await registered(count) for count in player_counts}
        replica_group = await registered(replica_players)
        for player in replica_group:  # they start afresh on the local Telegram
            player.last = None

        results: list[tuple[str, Result]] = []
        progress("monolith and split rows")
        for count in player_counts:
            for label, dp in (("monolith", monolith), ("split: bot → HTTP → game", split)):
                for scenario in SCENARIOS:
                    result = await measure(scenario.name, dp, bot, groups[count], scenario.steps,
                                           actions=actions, warmup=warmup)  # fmt: skip
                    results.append((label, result))

        replica_rows: list[ReplicaRow] = []
        if has_haproxy:
            async with aiohttp.ClientSession() as http:
                for replicas in (1, 2):
                    progress(f"{replicas} bot replica(s) behind HAProxy")
                    if replicas > 1:
                        await d.stop_balancer()
                        await d.start_bot(replicas - 1)
                        await d.start_balancer(bots=range(replicas))
                    await d.balanced()
                    await greeted(tg, replica_group)
                    replica_rows.append(
                        await measure_replicas(d, http, tg, bot, replica_group, SCENARIOS[0].steps,
                                               replicas=replicas, actions=replica_actions,
                                               warmup=replica_actions // 10)
                    )  # fmt: skip

        progress("the seam's cost")
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
        if replica_rows:
            print(f"{SCENARIOS[0].name}; Telegram's posts → HAProxy → `run --webhook` ×N → HAProxy → 1 serve-game")
            rows = [("bot replicas", "players", "actions", "actions/s", "p50 ms", "p99 ms", "cores busy", "vs 1")]
            one = replica_rows[0].result.rate
            for row in replica_rows:
                r, lat = row.result, row.result.all_latencies()
                rows.append((str(row.replicas), str(r.players), str(r.actions), f"{r.rate:,.0f}",
                             ms(percentile(lat, 50)), ms(percentile(lat, 99)), f"{row.cores_busy:.2f}",
                             f"{r.rate / one:.2f}×"))  # fmt: skip
            print(table(rows))
            print(f"\n2 replicas vs 1: {replica_rows[1].result.rate / one:.2f}× the actions/s")
            print(limits_line(replica_rows))
        else:
            print("bot replicas behind HAProxy: not measured, haproxy is not installed (apt-get install haproxy)")
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
    parser.add_argument("--actions", type=int, default=600, help="timed actions per row (all players together)")
    parser.add_argument("--warmup", type=int, default=60, help="untimed actions before each row")
    parser.add_argument("--calls", type=int, default=1000, help="sequential calls for the seam's cost")
    parser.add_argument("--replica-players", type=int, default=20, help="concurrent players of the replicas' rows")
    parser.add_argument("--replica-actions", type=int, default=600, help="timed actions per replicas' row")
    args = parser.parse_args(argv)
    asyncio.run(run(args.players, args.actions, args.warmup, args.calls, args.replica_players, args.replica_actions))


if __name__ == "__main__":
    main()
