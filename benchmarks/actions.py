"""Benchmark of player actions through the real Dispatcher, next to two references measured in the same run.

    .venv/bin/python benchmarks/actions.py [--players 1 100] [--actions 3000] [--warmup 300]
                                           [--open-players 1000] [--open-seconds 15] [--profile]
                                           [--loops asyncio uvloop] [--rounds 1]

Servers: BENCH_DATABASE_URL / BENCH_REDIS_URL, else TEST_DATABASE_URL / TEST_REDIS_URL, else embedded
PostgreSQL and Redis. A scratch PostgreSQL database is created, migrated and dropped; the chosen Redis
database is FLUSHED (give the benchmark one of its own).

Simulated players drive the app as `riftwalker` composes it (the container, the real Dispatcher with its
middlewares, the game on PostgreSQL + Redis, the RedisStorage FSM) through a recording LocalSession instead
of Telegram. Rows, for each number of concurrent players:
  no-op handler       a bare Dispatcher whose handler does nothing: the floor of aiogram itself
  reference handler   a Dispatcher on the same RedisStorage whose handler reads and writes the FSM data and
                      makes 3 more Redis calls: what a minimal real handler costs; project rows are held to
                      60% of its rate
  <scenario>          the project: each player plays the scenario's steps in a loop
  <scenario>, open    the open loop: `--open-players` players each act at random (Poisson) moments, together
                      offering half the scenario's capacity measured above (its best closed-loop rate); the
                      latency of an action counts from the moment it was due, so waiting for the process
                      counts too (no coordinated omission)
Latency is one `feed_update` (the update is built before the clock starts); actions/s is every player's
actions over the row's wall time. CPU ms/act is this process's CPU time over the row per action: the Python
side (aiogram, the game, the drivers, the event loop), which other load on the machine disturbs far less than
wall time. Players are registered once, before anything is timed.

With --loops naming more than one event loop, the whole run is made once on each (alternating, --rounds
times: a round's rows are added together), and a last table puts each row's rate under each loop side by side.

`--profile` profiles each scenario (1 player, process CPU time, cProfile) instead: CPU by package, the
functions with the most cumulative time, and Redis round trips and SQL statements per action.

Throttling stays in the path (its Redis round-trip is part of the cost) with its limits raised for the run
so that it never refuses a simulated player; the run checks that no one was told to slow down.

A scenario is a list of named steps; a step makes a player's next update from the bot's last message to
them. A new action (explore, attack, …) is a new step function and an entry in a scenario.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import cProfile
import gc
import itertools
import os
import platform
import pstats
import random
import statistics
import sys
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import redis.asyncio as aioredis
from aiogram import Bot, Dispatcher
from aiogram.fsm.context import FSMContext
from aiogram.fsm.storage.base import DefaultKeyBuilder
from aiogram.fsm.storage.redis import RedisStorage
from aiogram.methods import AnswerCallbackQuery, SendMessage
from aiogram.types import CallbackQuery, Message, Update
from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app import event_loop
from app.containers import Container
from app.heap import settle_startup_heap
from bot.callbacks import NavCb, TravelCb
from bot.i18n import Translator
from bot.local_session import LocalSession, ShownMessage
from shared.config import Settings
from tests.support.services import create_database, drop_database, services_from_env

# Far above anything the benchmark sends: the limiter is asked on every update but never refuses.
THROTTLE_RATE = 1_000_000.0
THROTTLE_BURST = 1_000_000
TARGET_SHARE = 60.0

# --- players and updates -----------------------------------------------------------------------

_update_ids = itertools.count(1)


@dataclass
class Player:
    user_id: int
    name: str
    last: ShownMessage | None = None  # the bot's last message to this player, as currently shown
    memo: dict[str, Any] = field(default_factory=dict)  # what steps remember between them (e.g. where home is)
    cursor: int = 0  # the next step of the scenario
    _message_ids: itertools.count = field(default_factory=lambda: itertools.count(1_000_000))

    @property
    def user(self) -> dict[str, Any]:
        return {"id": self.user_id, "is_bot": False, "first_name": self.name, "language_code": "en"}


def typed(bot: Bot, player: Player, text_: str) -> Update:
    message: dict[str, Any] = {
        "message_id": next(player._message_ids),
        "date": int(time.time()),
        "chat": {"id": player.user_id, "type": "private"},
        "from": player.user,
        "text": text_,
    }
    if text_.startswith("/"):
        message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text_.split()[0])}]
    # Bound to the bot when built: an unbound Update is validated again on every use.
    return Update.model_validate({"update_id": next(_update_ids), "message": message}, context={"bot": bot})


def pressed(bot: Bot, player: Player, data: str, on: ShownMessage | None) -> Update:
    message: dict[str, Any] = {
        "message_id": on.message_id if on else 1,
        "date": int(time.time()),
        "chat": {"id": player.user_id, "type": "private"},
        "from": {"id": 1, "is_bot": True, "first_name": "Riftwalker"},
        "text": on.text if on else "…",
    }
    if on is not None and on.markup is not None:
        message["reply_markup"] = on.markup.model_dump(exclude_none=True)
    query = {
        "id": str(next(_update_ids)),
        "from": player.user,
        "chat_instance": str(player.user_id),
        "data": data,
        "message": message,
    }
    return Update.model_validate({"update_id": next(_update_ids), "callback_query": query}, context={"bot": bot})


# --- steps and scenarios -----------------------------------------------------------------------

# A step: (bot, player, the bot's last message to them) → the player's next update.
StepFn = Callable[[Bot, Player, ShownMessage | None], Update]


@dataclass(frozen=True)
class Step:
    name: str
    make: StepFn
    # Untimed setup before the update is made (e.g. the bench refilling stamina): not part of the latency.
    prepare: Callable[[Player], Awaitable[None]] | None = None


@dataclass(frozen=True)
class Scenario:
    name: str
    steps: tuple[Step, ...]


_en = Translator("en")


def has_button(last: ShownMessage | None, data: str) -> bool:
    return last is not None and any(d == data for _, d in last.buttons())


def press_or_type(bot: Bot, player: Player, last: ShownMessage | None, data: str, command: str) -> Update:
    """The button if the screen has it, else the command — what a player would do."""
    return pressed(bot, player, data, last) if has_button(last, data) else typed(bot, player, command)


def open_menu(bot: Bot, player: Player, last: ShownMessage | None) -> Update:
    return press_or_type(bot, player, last, NavCb(to="menu").pack(), "/menu")


def look_around(bot: Bot, player: Player, last: ShownMessage | None) -> Update:
    return press_or_type(bot, player, last, NavCb(to="look").pack(), "/look")


def travel_out(bot: Bot, player: Player, last: ShownMessage | None) -> Update:
    roads = [TravelCb.unpack(d) for _, d in (last.buttons() if last else []) if d.startswith(TravelCb.__prefix__ + ":")]
    if not roads:
        raise RuntimeError(f"player {player.user_id}: no road to take on {last.text if last else None!r}")
    player.memo["home"] = roads[0].origin
    return pressed(bot, player, roads[0].pack(), last)


def travel_back(bot: Bot, player: Player, last: ShownMessage | None) -> Update:
    home = player.memo["home"]
    for _, data in last.buttons() if last else []:
        if data.startswith(TravelCb.__prefix__ + ":") and TravelCb.unpack(data).dest == home:
            return pressed(bot, player, data, last)
    raise RuntimeError(f"player {player.user_id}: no road back to {home} on {last.text if last else None!r}")


def open_sheet(bot: Bot, player: Player, last: ShownMessage | None) -> Update:
    return press_or_type(bot, player, last, NavCb(to="sheet").pack(), "/me")


def start(bot: Bot, player: Player, last: ShownMessage | None) -> Update:
    return typed(bot, player, "/start")


def give_name(bot: Bot, player: Player, last: ShownMessage | None) -> Update:
    return typed(bot, player, player.name)


def pick_class(bot: Bot, player: Player, last: ShownMessage | None) -> Update:
    _, data = last.buttons()[player.user_id % len(last.buttons())] if last else ("", "")
    if not data.startswith("cls:"):
        raise RuntimeError(f"player {player.user_id}: no class to pick on {last.text if last else None!r}")
    return pressed(bot, player, data, last)


REGISTRATION = Scenario(
    "registration", (Step("start", start), Step("name", give_name), Step("class", pick_class))
)  # fmt: skip
WORLD = Scenario(
    "world: menu, look, travel, back, sheet",
    (
        Step("menu", open_menu),
        Step("look", look_around),
        Step("travel", travel_out),
        Step("back", travel_back),
        Step("sheet", open_sheet),
    ),
)


def adventure(bot: Bot, player: Player, last: ShownMessage | None) -> Update:
    """What a player out hunting presses next: attack while fighting, else explore, else head out of town."""
    buttons = [d for _, d in last.buttons()] if last else []
    attack = next((d for d in buttons if d.startswith("f:") and ":attack" in d), None)
    if attack:
        player.memo["label"] = "attack"
        return pressed(bot, player, attack, last)
    explore = next((d for d in buttons if d.startswith("ex:")), None)
    if explore:
        player.memo["label"] = "explore"
        return pressed(bot, player, explore, last)
    road = next((d for d in buttons if d.startswith(TravelCb.__prefix__ + ":") and d.endswith(":meadows")), None)
    if road:
        player.memo["label"] = "travel"
        return pressed(bot, player, road, last)
    player.memo["label"] = "look"
    return press_or_type(bot, player, last, NavCb(to="look").pack(), "/look")


REFILL_EVERY = 10  # actions: a hunter spends less than the refill's stamina in as many


def refill(redis: aioredis.Redis) -> Callable[[Player], Awaitable[None]]:
    """Keeps the hunters fresh (stamina, HP, mana), so the bench measures fights rather than rests. It is the
    bench's own Redis write, counted in a closed-loop row's time: made every `REFILL_EVERY` actions only."""

    async def prepare(player: Player) -> None:
        if player.cursor % REFILL_EVERY:
            return
        await redis.hset(
            f"account:{player.user_id}",
            mapping={"stamina": "100.0", "stamina_at": repr(time.time()), "hp": "100000", "mana": "100000"},
        )

    return prepare


def hunting(redis: aioredis.Redis) -> Scenario:
    return Scenario("adventure: explore, fight, loot", (Step("adventure", adventure, refill(redis)),))


SCENARIOS = (WORLD,)


def reference_press(bot: Bot, player: Player, last: ShownMessage | None) -> Update:
    return pressed(bot, player, NavCb(to="menu").pack(), last)


REFERENCE_LOOP = (Step("press", reference_press),)


# --- references --------------------------------------------------------------------------------


def noop_dispatcher() -> Dispatcher:
    async def noop(event: Message | CallbackQuery) -> None:
        return None

    dp = Dispatcher()
    dp.message.register(noop)
    dp.callback_query.register(noop)
    return dp


def reference_dispatcher(redis: aioredis.Redis) -> Dispatcher:
    async def handler(event: Message | CallbackQuery, state: FSMContext) -> None:
        data = await state.get_data()
        await state.set_data({"presses": int(data.get("presses", 0)) + 1})
        key = f"ref:account:{event.from_user.id}"
        await redis.hget(key, "hp")
        await redis.hset(key, "hp", "42")
        await redis.expire(key, 3600)

    dp = Dispatcher(storage=RedisStorage(redis, key_builder=DefaultKeyBuilder(prefix="ref-fsm")))
    dp.message.register(handler)
    dp.callback_query.register(handler)
    return dp


# --- running -----------------------------------------------------------------------------------


@dataclass
class Result:
    scenario: str
    players: int
    actions: int
    seconds: float
    latencies: dict[str, list[float]]  # step name → seconds
    reference: bool = False
    cpu_seconds: float = 0.0  # this process's CPU time over the row: the Python side, all but the servers
    throttled: int = 0  # slow-down notices recorded before the row began (checked once, at the end)

    @property
    def cpu_ms(self) -> float:
        return 1000 * self.cpu_seconds / self.actions

    @property
    def rate(self) -> float:
        return self.actions / self.seconds

    def all_latencies(self) -> list[float]:
        return [x for xs in self.latencies.values() for x in xs]


def percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


async def play(
    dp: Dispatcher, bot: Bot, players: Sequence[Player], steps: Sequence[Step], per_player: int
) -> tuple[float, float, dict[str, list[float]]]:
    session = bot.session
    assert isinstance(session, LocalSession)
    latencies: dict[str, list[float]] = {}

    async def drive(player: Player) -> None:
        for _ in range(per_player):
            step = steps[player.cursor % len(steps)]
            if step.prepare is not None:
                await step.prepare(player)
            update = step.make(bot, player, player.last)
            started = time.perf_counter()
            await dp.feed_update(bot, update)
            # A step may say what it did this time (an adventure step explores or attacks).
            label = player.memo.pop("label", step.name)
            latencies.setdefault(label, []).append(time.perf_counter() - started)
            player.cursor += 1
            player.last = session.last_message(player.user_id)

    started, cpu = time.perf_counter(), time.process_time()
    await asyncio.gather(*(drive(p) for p in players))
    return time.perf_counter() - started, time.process_time() - cpu, latencies


async def measure(
    name: str,
    dp: Dispatcher,
    bot: Bot,
    players: Sequence[Player],
    steps: Sequence[Step],
    *,
    actions: int,
    warmup: int,
    reference: bool = False,
) -> Result:
    # Whole loops of the scenario per player, so every step is measured as often as the others.
    loop = len(steps)
    per_player = max(loop, -(-actions // len(players)) // loop * loop)
    await play(dp, bot, players, steps, max(loop, -(-warmup // len(players)) // loop * loop))
    assert isinstance(bot.session, LocalSession)
    throttled = forget_history(bot.session)
    seconds, cpu_seconds, latencies = await play(dp, bot, players, steps, per_player)
    return Result(name, len(players), per_player * len(players), seconds, latencies, reference, cpu_seconds, throttled)


async def open_loop(
    name: str,
    dp: Dispatcher,
    bot: Bot,
    players: Sequence[Player],
    steps: Sequence[Step],
    *,
    rate: float,
    seconds: float,
    seed: int = 7,
) -> Result:
    """Each player acts at Poisson moments (all together `rate` actions a second) for `seconds`; a latency
    counts from the moment the action was due (a player whose previous action is still running waits)."""
    session = bot.session
    assert isinstance(session, LocalSession)
    rng = random.Random(seed)
    each = rate / len(players)
    latencies: dict[str, list[float]] = {}
    clock = time.perf_counter
    start = clock() + 0.2
    end = start + seconds
    done = 0

    async def drive(player: Player) -> None:
        nonlocal done
        due = start + rng.expovariate(each)
        while due < end:
            wait = due - clock()
            if wait > 0:
                await asyncio.sleep(wait)
            step = steps[player.cursor % len(steps)]
            setup = 0.0
            if step.prepare is not None:
                before = clock()
                await step.prepare(player)
                setup = clock() - before  # the bench's own doing, not the player's wait
            update = step.make(bot, player, player.last)
            await dp.feed_update(bot, update)
            label = player.memo.pop("label", step.name)
            latencies.setdefault(label, []).append(clock() - due - setup)
            player.cursor += 1
            player.last = session.last_message(player.user_id)
            done += 1
            due += rng.expovariate(each)

    await asyncio.gather(*(drive(p) for p in players))
    return Result(f"{name}, open", len(players), done, clock() - start, latencies)


# --- servers -----------------------------------------------------------------------------------


async def flushed_redis(stack: contextlib.AsyncExitStack, url: str) -> None:
    client = aioredis.Redis.from_url(url)
    await client.flushdb()

    async def flush_and_close() -> None:
        await client.flushdb()
        await client.aclose()

    stack.push_async_callback(flush_and_close)


# --- profile -----------------------------------------------------------------------------------

# Where a function's file lies → the package its CPU time is counted under.
PACKAGES = (
    ("/asyncio/", "asyncio"),
    ("selectors.py", "asyncio"),
    ("/aiogram/", "aiogram"),
    ("/pydantic", "pydantic"),
    ("/redis/", "redis-py"),
    ("/sqlalchemy/", "SQLAlchemy"),
    ("/asyncpg/", "asyncpg"),
    ("/fluent", "Fluent + babel"),
    ("/babel/", "Fluent + babel"),
    ("/json/", "json"),
    ("/src/game/", "game"),
    ("/src/bot/", "bot"),
    ("/src/shared/", "shared"),
    ("/src/app/", "app"),
    ("/benchmarks/", "benchmark"),
    ("/prometheus_client/", "prometheus-client"),
)


def package_of(path: str, function: str) -> str:
    if path == "~":  # a built-in: socket calls, isinstance, …
        return "built-ins"
    return next((name for part, name in PACKAGES if part in path), "other")


def profile_report(stats: dict[Any, Any], actions: int) -> str:
    total = sum(v[2] for v in stats.values())
    by_package: dict[str, float] = {}
    for (path, _line, function), (_cc, _nc, own, _cum, _callers) in stats.items():
        package = package_of(path, function)
        by_package[package] = by_package.get(package, 0.0) + own
    rows = [("package", "CPU share")]
    rows += [(k, f"{100 * v / total:.1f}%") for k, v in sorted(by_package.items(), key=lambda kv: -kv[1])[:12]]
    # Own time per function (cumulative time means little for coroutines, counted once per resumption).
    top = [("function (own CPU)", "share")]
    for (path, line, function), (_cc, _calls, own, _cum, _callers) in sorted(stats.items(), key=lambda kv: -kv[1][2]):
        where = path.split("/src/")[-1] if "/src/" in path else "/".join(path.split("/")[-2:])
        top.append((f"{where}:{line} {function}", f"{100 * own / total:.1f}%"))
        if len(top) > 20:
            break

    def per_action(part: str, function: str) -> float:
        return sum(v[1] for (p, _l, f), v in stats.items() if part in p and f == function) / actions

    # Counted on plain functions (a coroutine is counted once per resumption): redis-py writes each request
    # (a command, a pipeline, a script) with one `writelines`; SQLAlchemy runs each statement in one call.
    trips = per_action("asyncio/streams.py", "writelines")
    statements = per_action("sqlalchemy/engine/base.py", "_execute_context")
    return (
        f"CPU per action (profiled, so slower than unprofiled): {1000 * total / actions:.2f} ms; "
        f"Redis round trips per action: {trips:.2f}; SQL statements per action: {statements:.2f}\n\n"
        + render(rows)
        + "\n\n"
        + render(top)
    )


async def profile_scenarios(dp: Dispatcher, bot: Bot, redis: aioredis.Redis, *, actions: int, warmup: int) -> None:
    player = Player(9_000, "Profiled")
    await play(dp, bot, [player], REGISTRATION.steps, len(REGISTRATION.steps))
    for scenario in (*SCENARIOS, hunting(redis)):
        player.cursor, player.last, player.memo = 0, None, {}
        await play(dp, bot, [player], scenario.steps, max(len(scenario.steps), warmup))
        profiler = cProfile.Profile(time.process_time)
        profiler.enable()
        await play(dp, bot, [player], scenario.steps, actions)
        profiler.disable()
        stats = pstats.Stats(profiler).stats
        print(f"== {scenario.name}: {actions} actions, 1 player\n{profile_report(stats, actions)}\n")


# --- report ------------------------------------------------------------------------------------


def table(results: Sequence[Result]) -> str:
    refs = {r.players: r for r in results if r.scenario.startswith("reference")}
    head = ("scenario", "players", "actions", "seconds", "actions/s", "p50 ms", "p99 ms", "CPU ms/act")
    head += ("% of reference",)
    rows = [head]
    for r in results:
        lat = r.all_latencies()
        ref = refs.get(r.players)
        share = "" if r.reference or ref is None else f"{100 * r.rate / ref.rate:.0f}%"
        rows.append(
            (
                r.scenario,
                str(r.players),
                str(r.actions),
                f"{r.seconds:.2f}",
                f"{r.rate:,.0f}",
                f"{1000 * statistics.median(lat):.2f}",
                f"{1000 * percentile(lat, 99):.2f}",
                f"{r.cpu_ms:.2f}",
                share,
            )
        )
    return render(rows)


def steps_table(results: Sequence[Result]) -> str:
    rows = [("step", "players", "actions", "p50 ms", "p99 ms")]
    for r in results:
        if r.reference:
            continue
        for step, lat in r.latencies.items():
            rows.append(
                (
                    f"{r.scenario.split(':')[0]}{' (open)' if r.scenario.endswith(', open') else ''} · {step}",
                    str(r.players),
                    str(len(lat)),
                    f"{1000 * statistics.median(lat):.2f}",
                    f"{1000 * percentile(lat, 99):.2f}",
                )
            )
    return render(rows)


def render(rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for n, row in enumerate(rows):
        cells = [c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True))]
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def told_to_slow_down(session: LocalSession) -> int:
    notice = _en("slow-down")
    return sum(
        1
        for r in session.requests
        if isinstance(r, SendMessage | AnswerCallbackQuery) and (getattr(r, "text", None) or "") == notice
    )


def forget_history(session: LocalSession) -> int:
    """Drop what the local session recorded but each chat's last message; the slow-down notices dropped.

    The session keeps every request for the tests; left to grow over a run of tens of thousands of actions
    it would make the garbage collector's full passes, and so the rows, slower than a real bot process's
    (which keeps nothing it sent).
    """
    told = told_to_slow_down(session)
    last = {shown.chat_id: shown for shown in session.timeline}
    kept = {(shown.chat_id, shown.message_id) for shown in last.values()}
    session.requests.clear()
    session.alerts.clear()
    session.answered_queries.clear()
    session.timeline[:] = last.values()
    session.messages = {key: shown for key, shown in session.messages.items() if key in kept}
    gc.collect()
    return told


# --- main --------------------------------------------------------------------------------------


async def run(
    player_counts: Sequence[int],
    actions: int,
    warmup: int,
    *,
    open_players: int = 1000,
    open_seconds: float = 15.0,
    profile: bool = False,
) -> tuple[str, list[Result]]:
    async with contextlib.AsyncExitStack() as stack:
        services = services_from_env(
            ("BENCH_DATABASE_URL", "TEST_DATABASE_URL"),
            ("BENCH_REDIS_URL", "TEST_REDIS_URL"),
            folder_prefix="riftwalker-bench-",
        )
        stack.callback(services.stop)
        db_server, redis_url = services.database_url, services.redis_url
        database_url = await create_database(db_server, "riftwalker_bench")
        stack.push_async_callback(drop_database, database_url, server_url=db_server)
        await flushed_redis(stack, redis_url)
        settings = Settings(
            _env_file=None,
            database_url=database_url,
            redis_url=redis_url,
            bot_token=None,
            throttle_rate=THROTTLE_RATE,
            throttle_burst=THROTTLE_BURST,
        )
        container = Container(settings=settings, local_bot=True)
        await container.init_resources()
        stack.push_async_callback(container.shutdown_resources)
        bot: Bot = await container.bot()
        app_dp: Dispatcher = await container.dispatcher()
        redis: aioredis.Redis = await container.redis()
        settle_startup_heap()  # as `riftwalker run` does once composed
        references = (
            ("no-op handler", noop_dispatcher()),
            ("reference: FSM + 3 Redis calls", reference_dispatcher(redis)),
        )

        if profile:
            await profile_scenarios(app_dp, bot, redis, actions=actions, warmup=warmup)
            return "", []

        # Registration is setup: each group of players is registered once, untimed.
        groups = {}
        first_id = 10_000
        for count in (*player_counts, open_players) if open_players else player_counts:
            group = [Player(first_id + i, f"Bench{first_id + i}") for i in range(count)]
            first_id += count
            for player in group:
                await play(app_dp, bot, [player], REGISTRATION.steps, len(REGISTRATION.steps))
                player.cursor = 0
            groups[count] = group

        results: list[Result] = []
        for count in player_counts:
            players = groups[count]
            for name, dp in references:
                shadows = [Player(p.user_id, p.name, last=p.last) for p in players]
                results.append(
                    await measure(
                        name, dp, bot, shadows, REFERENCE_LOOP, actions=actions, warmup=warmup, reference=True
                    )
                )
            for scenario in (*SCENARIOS, hunting(redis)):
                results.append(
                    await measure(scenario.name, app_dp, bot, players, scenario.steps, actions=actions, warmup=warmup)
                )
        if open_players:
            # Half the capacity each scenario showed above, offered by many players at random moments.
            crowd = groups[open_players]
            phases = random.Random(11)
            priming = asyncio.Semaphore(50)  # a thousand at once would wait on the connection pools
            for scenario in (*SCENARIOS, hunting(redis)):
                capacity = max(r.rate for r in results if r.scenario == scenario.name)
                # Untimed, so that the crowd is spread over the scenario as players in steady state are: each
                # player a random number of steps into its loop (a hunter past the walk out to the meadows).
                loop = len(scenario.steps)

                async def prime(player: Player, steps: Sequence[Step] = scenario.steps, loop: int = loop) -> None:
                    player.cursor, player.last, player.memo = 0, None, {}
                    async with priming:
                        await play(app_dp, bot, [player], steps, 2 if loop == 1 else phases.randrange(loop))
                    player.memo.pop("label", None)

                await asyncio.gather(*(prime(p) for p in crowd))
                assert isinstance(bot.session, LocalSession)
                throttled = forget_history(bot.session)
                row = await open_loop(
                    scenario.name, app_dp, bot, crowd, scenario.steps, rate=capacity / 2, seconds=open_seconds
                )
                row.throttled = throttled
                results.append(row)

        assert isinstance(bot.session, LocalSession)
        throttled = told_to_slow_down(bot.session) + sum(r.throttled for r in results)
        if throttled:
            raise RuntimeError(f"{throttled} simulated actions were throttled: the rows are not comparable")

        header = (
            f"Python {platform.python_version()}, {type(asyncio.get_running_loop()).__name__}, "
            f"{os.cpu_count()} CPUs; PostgreSQL {make_url(db_server).host or 'embedded'}, "
            f"Redis {redis_url.split('@')[-1]}\n"
            f"throttling: in the path, limits raised to {THROTTLE_RATE:,.0f}/s, burst {THROTTLE_BURST:,}; "
            f"simulated players told to slow down: {throttled}"
        )
        return header, results


def report(header: str, results: Sequence[Result]) -> None:
    print(header)
    print()
    print(table(results))
    print()
    print(steps_table(results))
    refs = {r.players: r for r in results if r.scenario.startswith("reference")}
    low = [
        r
        for r in results
        if not r.reference and r.players in refs and 100 * r.rate / refs[r.players].rate < TARGET_SHARE
    ]
    if low:
        print(f"\nbelow {TARGET_SHARE:.0f}% of the reference handler: " + ", ".join(f"{r.players}p" for r in low))


def added(rounds: Sequence[Sequence[Result]]) -> list[Result]:
    """The rounds' rows added together: actions and seconds summed, latencies pooled."""
    merged = []
    for same in zip(*rounds, strict=True):
        latencies: dict[str, list[float]] = {}
        for r in same:
            for step, lat in r.latencies.items():
                latencies.setdefault(step, []).extend(lat)
        first = same[0]
        merged.append(
            Result(
                first.scenario,
                first.players,
                sum(r.actions for r in same),
                sum(r.seconds for r in same),
                latencies,
                first.reference,
                sum(r.cpu_seconds for r in same),
            )
        )
    return merged


def loops_table(by_loop: dict[str, list[Result]]) -> str:
    names = list(by_loop)
    base = names[0]
    head = ["scenario", "players"]
    for name in names:
        head += [f"{name} actions/s", f"{name} p50 ms", f"{name} CPU ms/act"]
    head += [f"{name} ÷ {base} rate" for name in names[1:]]
    head += [f"{name} ÷ {base} CPU" for name in names[1:]]
    rows = [tuple(head)]
    for i, r in enumerate(by_loop[base]):
        row = [r.scenario, str(r.players)]
        for name in names:
            other = by_loop[name][i]
            row += [
                f"{other.rate:,.0f}",
                f"{1000 * statistics.median(other.all_latencies()):.2f}",
                f"{other.cpu_ms:.3f}",
            ]
        row += [f"{by_loop[name][i].rate / r.rate:.2f}x" for name in names[1:]]
        row += [f"{by_loop[name][i].cpu_ms / r.cpu_ms:.2f}x" if r.cpu_seconds else "—" for name in names[1:]]
        rows.append(tuple(row))
    return render(rows)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--players", type=int, nargs="+", default=[1, 100], help="concurrent players per row")
    parser.add_argument("--actions", type=int, default=3000, help="timed actions per row (all players together)")
    parser.add_argument("--warmup", type=int, default=300, help="untimed actions before each row")
    parser.add_argument("--open-players", type=int, default=1000, help="players of the open-loop rows (0: none)")
    parser.add_argument("--open-seconds", type=float, default=15.0, help="length of each open-loop row")
    parser.add_argument("--profile", action="store_true", help="profile the scenarios instead of timing them")
    parser.add_argument(
        "--loops",
        nargs="+",
        choices=["asyncio", "uvloop"],
        default=[Settings.model_fields["event_loop"].default],
        help="event loops to run on (default: the one the game runs on)",
    )
    parser.add_argument("--rounds", type=int, default=1, help="runs on each loop, alternating (default 1)")
    args = parser.parse_args(argv)
    options = {"open_players": args.open_players, "open_seconds": args.open_seconds, "profile": args.profile}
    if args.profile:
        with asyncio.Runner(loop_factory=event_loop.loop_factory(args.loops[0])) as runner:
            runner.run(run(args.players, args.actions, args.warmup, **options))
        return
    runs: dict[str, list[list[Result]]] = {name: [] for name in args.loops}
    headers: dict[str, str] = {}
    for _ in range(args.rounds):
        for name in args.loops:
            with asyncio.Runner(loop_factory=event_loop.loop_factory(name)) as runner:
                headers[name], results = runner.run(run(args.players, args.actions, args.warmup, **options))
            runs[name].append(results)
    by_loop = {name: added(rounds) for name, rounds in runs.items()}
    for name in args.loops:
        report(headers[name], by_loop[name])
        print()
    if len(args.loops) > 1:
        print(f"Event loops side by side ({args.rounds} round(s) each, alternating):")
        print(loops_table(by_loop))


if __name__ == "__main__":
    main()
