"""`riftwalker` — run the game on Telegram, play it in a terminal, run the Worker alone, migrate, snapshot,
serve the game port."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import signal
import sys
from pathlib import Path

from redis.exceptions import ConnectionError as RedisConnectionError
from sqlalchemy.exc import InterfaceError, OperationalError

from app import events_cli
from app.local_services import LocalServices
from game.api import GameApi, ServiceUnavailable
from game.domain.errors import ContentError
from shared.config import InvalidSettings, Settings, load_settings, redacted_url

log = logging.getLogger("riftwalker")


# What a storage server that is down or misaddressed looks like by the time it reaches the command line.
UNREACHABLE = (OSError, OperationalError, InterfaceError, RedisConnectionError)


def _setup_logging(level: str, *, quiet: bool = False, json_lines: bool = False) -> None:
    from app.logs import configure

    configure(logging.WARNING if quiet else level, json_lines=json_lines)  # a name Settings checked


async def _run(settings: Settings) -> None:
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


async def _play(settings: Settings, *, user_id: int, language: str) -> None:
    from app.runtime import running_game
    from bot.local_chat import LocalChat
    from bot.terminal import TerminalChat

    async with running_game(settings, local_bot=True) as rt:
        chat = LocalChat(rt.dispatcher, rt.bot, user_id=user_id, first_name="Player", language_code=language)
        await TerminalChat(chat).run(sys.stdin)


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
    from app.runtime import running_worker

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    async with running_worker(settings):
        log.info("worker started: pid %s", os.getpid())
        await stop.wait()
        log.info("worker stopping: running jobs finish, then hot state is flushed")


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
    from app.ops import ops_routes, storage_checks
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
        routes=ops_routes(storage_checks(container)),  # /healthz, /readyz, /metrics beside the port
    )
    # On a stop, the listener closes first, then calls in flight get up to 10 s to finish.
    runner = web.AppRunner(app, shutdown_timeout=10.0, handle_signals=False)
    await runner.setup()
    try:
        await web.TCPSite(runner, host, port).start()
        print(f"game port served on http://{host}:{port}/v1/<method>", file=sys.stderr)
        await stop.wait()
        log.info("game server stopping: calls in flight finish first")
    finally:
        await runner.cleanup()
        await provided(container.shutdown_resources())
    log.info("game server stopped")


def _player_id(text: str) -> int:
    """A Telegram-like user id: a whole number from 1 to 2^63-1 (what the game stores)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 1 <= value <= 2**63 - 1:
        raise argparse.ArgumentTypeError(f"{text} is out of range: a player id is from 1 to {2**63 - 1}")
    return value


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
    play = sub.add_parser("play", help="play locally in this terminal: no token, no services needed")
    play.add_argument("--lang", default=os.environ.get("RIFTWALKER_LANG", "en"), choices=["en", "ru"])
    play.add_argument("--player", type=_player_id, default=1000, help="the local player's id (one character per id)")
    play.add_argument("--data-dir", type=Path, help="where the local PostgreSQL and Redis keep their data")
    sub.add_parser(
        "worker", help="the periodic jobs alone, no Telegram (needs DATABASE_URL, REDIS_URL; run `migrate` first)"
    )
    sub.add_parser("migrate", help="apply database migrations")
    snap = sub.add_parser("snapshot", help="copy hot state from Redis to PostgreSQL once")
    snap.add_argument("--all", action="store_true", help="every account, not only the changed ones (recovery)")
    serve = sub.add_parser("serve-game", help="serve the game port over HTTP (for a bot with GAME_TRANSPORT=http)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8081)
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
            if args.webhook:
                from app.webhook import serve_webhook

                asyncio.run(serve_webhook(settings))
            else:
                asyncio.run(_run(settings))
        elif args.command == "set-webhook":
            asyncio.run(_set_webhook(settings, delete=args.delete))
        elif args.command == "play":
            if args.data_dir:
                settings = settings.model_copy(update={"play_data_dir": args.data_dir})
            settings, services = _play_settings(settings)
            try:
                asyncio.run(_play(settings, user_id=args.player, language=args.lang))
            finally:
                services.stop()
        elif args.command == "worker":
            asyncio.run(_worker(settings))
        elif args.command == "migrate":
            from game.adapters.migrations import upgrade_to_head

            upgrade_to_head(settings.database_url)
            print("database is up to date")
        elif args.command == "snapshot":
            asyncio.run(_snapshot(settings, full=args.all))
        elif args.command == "events":
            return asyncio.run(events_cli.run(settings, args))
        elif args.command == "serve-game":
            asyncio.run(_serve_game(settings, host=args.host, port=args.port))
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
    except UNREACHABLE as exc:
        print(
            f"riftwalker: cannot reach PostgreSQL or Redis ({type(exc).__name__}: {exc}).\n"
            f"  DATABASE_URL={redacted_url(settings.database_url)}\n  REDIS_URL={redacted_url(settings.redis_url)}\n"
            "  Start them, fix the URLs, or use `riftwalker play`, which needs neither.",
            file=sys.stderr,
        )
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
