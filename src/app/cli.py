"""`riftwalker` — run the game on Telegram, play it in a terminal, run the Worker alone, migrate, snapshot,
serve the game port."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
import re
import signal
import stat
import sys
from pathlib import Path

from redis.exceptions import ConnectionError as RedisConnectionError
from sqlalchemy.exc import InterfaceError, OperationalError

from app import event_loop, events_cli
from app.local_services import LocalServices
from game.api import GameApi, ServiceUnavailable
from game.domain.errors import ContentError
from shared.config import InvalidSettings, Settings, hide_password, load_settings

log = logging.getLogger("riftwalker")


# What a storage server that is down or misaddressed looks like by the time it reaches the command line.
UNREACHABLE = (OSError, OperationalError, InterfaceError, RedisConnectionError)
# PostgreSQL's own words for what is missing, and what to do about it.
_PG_REFUSALS = (
    (re.compile(r'database "(?P<name>[^"]+)" does not exist'), "has no database {name}: create it (createdb {name})"),
    (re.compile(r'role "(?P<name>[^"]+)" does not exist'), "has no role {name}: create it (createuser {name})"),
    (re.compile(r'password authentication failed for user "(?P<name>[^"]+)"'), "refused the password of {name}"),
)


def _explain(exc: BaseException, settings: Settings) -> str | None:
    """A misconfiguration in one sentence (passwords hidden), or None for anything else."""
    from aiogram.exceptions import TelegramNetworkError, TelegramUnauthorizedError
    from aiogram.utils.token import TokenValidationError
    from redis.exceptions import AuthenticationError, ResponseError
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, DBAPIError

    database = hide_password(settings.database_url)
    if isinstance(exc, TokenValidationError):
        return "BOT_TOKEN is not a bot token: Telegram's look like 123456789:AAE… (ask @BotFather for one)"
    if isinstance(exc, TelegramUnauthorizedError):
        return "Telegram refused BOT_TOKEN (Unauthorized): check it with @BotFather, or unset TELEGRAM_API_URL"
    if isinstance(exc, TelegramNetworkError):
        where = settings.telegram_api_url or "api.telegram.org"
        return f"cannot reach Telegram at {where} ({exc.message}): check the network or TELEGRAM_API_URL"
    if isinstance(exc, ArgumentError):
        return f"DATABASE_URL={database} cannot be read as a database URL ({exc})"
    if isinstance(exc, RedisConnectionError | AuthenticationError | ResponseError):
        return (
            f"cannot use Redis at {hide_password(settings.redis_url)} ({exc}): start it or fix REDIS_URL, "
            "or use `riftwalker play`, which needs none"
        )
    if isinstance(exc, DBAPIError) and not isinstance(exc.orig, OSError):
        said = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else str(exc)
        url = make_url(settings.database_url)
        server = f"PostgreSQL at {url.host or 'localhost'}:{url.port or 5432}"
        for pattern, template in _PG_REFUSALS:
            if found := pattern.search(said):
                return f"{server} {template.format(**found.groupdict())}; or fix DATABASE_URL={database}"
        if not isinstance(exc, OperationalError | InterfaceError):
            return None
    if isinstance(exc, UNREACHABLE):
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        return (
            f"cannot reach PostgreSQL at DATABASE_URL={database} ({reason}): start it or fix the URL, "
            "or use `riftwalker play`, which needs none"
        )
    return None


def _setup_logging(level: str, *, quiet: bool = False, json_lines: bool = False) -> None:
    from app.logs import configure

    configure(logging.WARNING if quiet else level, json_lines=json_lines)  # a name Settings checked
    if level != "DEBUG":
        # Alembic's INFO lines (its context, each migration) say nothing an operator needs at every start.
        logging.getLogger("alembic").setLevel(logging.WARNING)
        logging.getLogger("apscheduler").setLevel(logging.WARNING)  # "Added job …" for each job at start


async def run_bot(settings: Settings) -> None:
    """The bot on a Bot API (Telegram's, or the one `TELEGRAM_API_URL` names), with the scheduler."""
    from app.runtime import running_game
    from bot.commands import publish_commands

    async with running_game(settings, local_bot=False) as rt:
        # aiogram stops polling on SIGINT/SIGTERM; leaving the block flushes hot state once more.
        await publish_commands(rt.bot)
        await rt.dispatcher.start_polling(rt.bot, handle_signals=True, close_bot_session=False)


async def _set_webhook(settings: Settings, *, delete: bool) -> None:
    from app.containers import Container
    from app.provided import provided
    from app.webhook import set_webhook

    if settings.bot_token is None:
        raise RuntimeError("BOT_TOKEN is not set: `riftwalker set-webhook` talks to Telegram and needs one")
    container = Container(settings=settings)
    try:
        print(await set_webhook(await provided(container.bot()), settings, delete=delete))
    finally:
        await provided(container.shutdown_resources())


async def _play_terminal(settings: Settings, *, user_id: int, language: str) -> None:
    from app.runtime import running_game
    from bot.local_chat import LocalChat
    from bot.terminal import TerminalChat

    with contextlib.suppress(AttributeError, ValueError):  # bytes that are not UTF-8 are no crash
        sys.stdin.reconfigure(errors="replace")  # type: ignore[union-attr]
    async with running_game(settings, local_bot=True) as rt:
        chat = LocalChat(rt.dispatcher, rt.bot, user_id=user_id, first_name="Player", language_code=language)
        await TerminalChat(chat).run(sys.stdin)


def _player_id(text: str) -> int:
    """A Telegram user id: a whole number from 1 to 2^52 (what Telegram's ids fit in)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 1 <= value <= 2**52:
        raise argparse.ArgumentTypeError(f"{value} is out of range: a player id is from 1 to {2**52}")
    return value


def _interrupt(*_: object) -> None:
    raise KeyboardInterrupt


def _input_is_piped() -> bool:
    """Lines piped or redirected in are a scripted terminal session."""
    try:
        mode = os.fstat(sys.stdin.fileno()).st_mode
    except (OSError, ValueError, AttributeError):
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISREG(mode)


def _play_settings(settings: Settings) -> tuple[Settings, LocalServices]:
    from app.local_services import start_local_services

    folder = settings.play_data_dir
    print(f"Starting local PostgreSQL and Redis (data in {folder.resolve()}) …", file=sys.stderr)
    services = start_local_services(folder)
    local = {
        "database_url": services.database_url,
        "redis_url": services.redis_url,
        # One player at a keyboard (or a script piping lines in) is no flood to slow down.
        "throttle_rate": 1000.0,
        "throttle_burst": 1000,
    }
    return settings.model_copy(update=local), services


async def _worker(settings: Settings) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    if not await _wait_for_storage(settings, stop):
        return
    from app.runtime import running_worker

    async with running_worker(settings):
        log.info("worker started: pid %s", os.getpid())
        await stop.wait()
        log.info("worker stopping: running jobs finish, then hot state is flushed")


async def _storage_problem(settings: Settings) -> str | None:
    """Why PostgreSQL or Redis cannot be used right now, in a few words; None when both answer."""
    from redis.asyncio import Redis
    from sqlalchemy import text
    from sqlalchemy.ext.asyncio import create_async_engine

    client = Redis.from_url(settings.redis_url, socket_connect_timeout=3, socket_timeout=3)
    try:
        await client.ping()
    except Exception as exc:  # any failure is the same answer: not yet
        return f"Redis at {hide_password(settings.redis_url)} ({exc})"
    finally:
        await client.aclose()
    engine = create_async_engine(settings.database_url, connect_args={"timeout": 3})
    try:
        async with engine.connect() as conn:
            await conn.execute(text("SELECT 1"))
    except Exception as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        return f"PostgreSQL at {hide_password(settings.database_url)} ({reason})"
    finally:
        await engine.dispose()
    return None


async def _wait_for_storage(settings: Settings, stop: asyncio.Event, *, longest: float = 30.0) -> bool:
    """Waits until PostgreSQL and Redis answer, one line per attempt; False if asked to stop meanwhile."""
    delay = 1.0
    while (problem := await _storage_problem(settings)) is not None:
        print(f"riftwalker worker: waiting for {problem}; next try in {delay:.0f} s", file=sys.stderr, flush=True)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), delay)
        if stop.is_set():
            return False
        delay = min(delay * 2, longest)
    return True


async def _snapshot(settings: Settings, *, full: bool) -> None:
    from app.containers import Container
    from app.provided import provided

    container = Container(settings=settings)
    try:
        # Resources start on first use: only storage, not Telegram.
        game: GameApi = await provided(container.game())
        report = await game.snapshot_hot_state(full=full)
        print(f"snapshot ({report.mode}): {report.accounts_written} accounts written in {report.seconds:.3f}s")
    finally:
        await provided(container.shutdown_resources())


async def _serve_game(settings: Settings, *, host: str, port: int) -> None:
    from aiohttp import web

    from app.containers import Container
    from app.heap import settle_startup_heap
    from app.ops import metrics_token, ops_routes, storage_checks
    from app.provided import provided
    from game.entrypoints.http_server import build_http_app

    if settings.game_api_secret is None or settings.game_operator_secret is None:
        raise RuntimeError(
            "GAME_API_SECRET and GAME_OPERATOR_SECRET must both be set: `serve-game` answers only signed calls"
        )
    secret, operator = settings.game_api_secret.get_secret_value(), settings.game_operator_secret.get_secret_value()
    if len(secret) < 16 or len(operator) < 16 or secret == operator:
        raise RuntimeError("GAME_API_SECRET and GAME_OPERATOR_SECRET must be two different secrets of 16+ characters")
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    container = Container(settings=settings.model_copy(update={"game_transport": "inprocess"}))
    app = build_http_app(
        await provided(container.game()),
        secret=secret,
        operator_secret=operator,
        nonces=await provided(container.nonce_store()),
        # /healthz, /readyz, /metrics beside the port
        routes=ops_routes(storage_checks(container), metrics_token=metrics_token(settings)),
    )
    # On a stop, the listener closes first, then calls in flight get up to 10 s to finish.
    runner = web.AppRunner(app, shutdown_timeout=10.0, handle_signals=False)
    await runner.setup()
    settle_startup_heap()
    try:
        await web.TCPSite(runner, host, port).start()
        print(f"game port served on http://{host}:{port}/v1/<method>", file=sys.stderr)
        await stop.wait()
        log.info("game server stopping: calls in flight finish first")
    finally:
        await runner.cleanup()
        await provided(container.shutdown_resources())
    log.info("game server stopped")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="riftwalker", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser(
        "run", help="the bot on Telegram with the scheduler (needs BOT_TOKEN, DATABASE_URL, REDIS_URL)"
    )
    run.add_argument(
        "--webhook", action="store_true", help="serve Telegram's webhook (WEBHOOK_* settings) instead of long polling"
    )
    hook = sub.add_parser("set-webhook", help="register the webhook with Telegram, once for all replicas")
    hook.add_argument("--delete", action="store_true", help="remove it (back to long polling)")
    play = sub.add_parser(
        "play",
        help="play locally, no token and no services needed: a Telegram-like chat in the browser "
        "(or in this terminal with --terminal, or when input is piped)",
    )
    play.add_argument("--data-dir", type=Path, help="where the local PostgreSQL and Redis keep their data")
    play.add_argument(
        "--host", default="127.0.0.1", help="address the chat listens on; 0.0.0.0 lets friends on your network join"
    )
    play.add_argument("--port", type=int, default=8088, help="port of the chat (a free one if taken; 0: any)")
    play.add_argument("--no-browser", action="store_true", help="print the chat's address without opening a browser")
    play.add_argument(
        "--flood-limit",
        type=float,
        metavar="PER_SECOND",
        help="answer the bot 429 past this many messages a second, as Telegram does (default: no limit)",
    )
    play.add_argument("--terminal", action="store_true", help="play in this terminal instead of the browser")
    play.add_argument(
        "--lang",
        default=os.environ.get("RIFTWALKER_LANG", "en"),
        choices=["en", "ru"],
        help="the terminal player's language",
    )
    play.add_argument(
        "--player", type=_player_id, default=1000, help="the terminal player's id, 1 to 2^52 (one character per id)"
    )
    sub.add_parser(
        "worker", help="the periodic jobs alone, no Telegram (needs DATABASE_URL, REDIS_URL; run `migrate` first)"
    )
    sub.add_parser("migrate", help="apply database migrations")
    snap = sub.add_parser("snapshot", help="copy hot state from Redis to PostgreSQL once")
    snap.add_argument("--all", action="store_true", help="every account, not only the changed ones (recovery)")
    local_tg = sub.add_parser(
        "local-telegram",
        help="a local Telegram alone: the Bot API and its web chat, for a bot started with TELEGRAM_API_URL",
    )
    local_tg.add_argument("--host", default="127.0.0.1", help="address to listen on; 0.0.0.0 for your network")
    local_tg.add_argument("--port", type=int, default=8088, help="port to listen on (a free one if taken)")
    local_tg.add_argument("--token", help="the one bot token it accepts (default: a local one it prints)")
    local_tg.add_argument(
        "--flood-limit", type=float, metavar="PER_SECOND", help="answer 429 past this many messages a second"
    )
    serve = sub.add_parser("serve-game", help="serve the game port over HTTP (for a bot with GAME_TRANSPORT=http)")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8081, help="port to listen on (default 8081)")
    events_cli.add_parser(sub)
    args = parser.parse_args(argv)

    try:
        settings = load_settings()
    except InvalidSettings as exc:
        print(f"riftwalker: {exc}", file=sys.stderr)
        return 2
    _setup_logging(settings.log_level, quiet=args.command == "play", json_lines=settings.log_format == "json")
    try:
        if args.command == "run":
            if settings.bot_token is None:
                raise RuntimeError("BOT_TOKEN is not set: `riftwalker run` talks to Telegram and needs one")
            from aiogram.utils.token import validate_token

            validate_token(settings.bot_token.get_secret_value())  # before anything starts
            if args.webhook:
                from app.webhook import serve_webhook

                event_loop.run(serve_webhook(settings), loop=settings.event_loop)
            else:
                event_loop.run(run_bot(settings), loop=settings.event_loop)
        elif args.command == "set-webhook":
            asyncio.run(_set_webhook(settings, delete=args.delete))
        elif args.command == "play":
            if args.data_dir:
                settings = settings.model_copy(update={"play_data_dir": args.data_dir})
            from app.local_services import claim_data_dir

            terminal = args.terminal or _input_is_piped()
            claim = claim_data_dir(settings.play_data_dir)
            # A closed terminal window (SIGHUP) stops the game as Ctrl-C does, so the embedded servers stop
            # too; while the game runs, its own handlers take SIGTERM and SIGINT.
            signal.signal(signal.SIGTERM, _interrupt)
            signal.signal(signal.SIGHUP, lambda *_: signal.raise_signal(signal.SIGTERM))
            settings, services = _play_settings(settings)
            try:
                if terminal:
                    event_loop.run(
                        _play_terminal(settings, user_id=args.player, language=args.lang), loop=settings.event_loop
                    )
                else:
                    from app.play_web import play_in_browser
                    from local_telegram import Limits

                    limits = Limits(global_rate=args.flood_limit)
                    event_loop.run(
                        play_in_browser(
                            settings,
                            host=args.host,
                            port=args.port,
                            open_browser=not args.no_browser,
                            limits=limits,
                            claim=claim,
                        ),
                        loop=settings.event_loop,
                    )
            finally:
                services.stop()
                claim.release()
        elif args.command == "worker":
            event_loop.run(_worker(settings), loop=settings.event_loop)
        elif args.command == "migrate":
            from game.adapters.migrations import upgrade_to_head

            upgrade_to_head(settings.database_url)
            print("database is up to date")
        elif args.command == "snapshot":
            asyncio.run(_snapshot(settings, full=args.all))
        elif args.command == "local-telegram":
            from app.play_web import serve_local_telegram
            from local_telegram import Limits

            asyncio.run(
                serve_local_telegram(
                    host=args.host, port=args.port, token=args.token, limits=Limits(global_rate=args.flood_limit)
                )
            )
        elif args.command == "events":
            return asyncio.run(events_cli.run(settings, args))
        elif args.command == "serve-game":
            event_loop.run(_serve_game(settings, host=args.host, port=args.port), loop=settings.event_loop)
    except KeyboardInterrupt:
        return 130
    except ContentError as exc:
        print(f"riftwalker: broken game content: {exc}", file=sys.stderr)
        return 2
    except RuntimeError as exc:
        print(f"riftwalker: {exc}", file=sys.stderr)
        return 2
    except ServiceUnavailable as exc:
        print(f"riftwalker: {exc.message} (is Redis or PostgreSQL down?)", file=sys.stderr)
        return 2
    except Exception as exc:
        sentence = _explain(exc, settings)
        if sentence is None:
            raise  # not a misconfiguration: a bug, with its traceback
        print(f"riftwalker: {sentence}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
