"""The local Telegram over HTTP: the Bot API at `/bot<token>/<method>` for the bot, and the web chat at
`/` for the players (live over a WebSocket at `/ui/ws`).

    async with LocalTelegram(token="1:local") as tg:   # a free port on 127.0.0.1
        print(tg.url)                                   # TELEGRAM_API_URL for the bot; the chat is here too
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import logging
import socket
from importlib import resources
from pathlib import Path
from typing import Any

from aiohttp import WSMsgType, web

from local_telegram.bot_api import BotApi, Limits
from local_telegram.errors import BotApiError

log = logging.getLogger(__name__)

STATIC = {"index.html": "text/html", "chat.js": "text/javascript", "chat.css": "text/css"}


def player_id(name: str) -> int:
    """A player's Telegram id: the number itself, or one that a name always gives."""
    name = name.strip()
    if name.isascii() and name.isdigit() and 0 < int(name) < 2**52:
        return int(name)
    return 10**9 + int(hashlib.sha256(name.casefold().encode()).hexdigest()[:12], 16) % 10**9


class LocalTelegram:
    def __init__(
        self,
        api: BotApi | None = None,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        state_file: Path | None = None,
        **api_options: Any,
    ) -> None:
        self.api = api or BotApi(**api_options)
        self.state_file = state_file  # where the chats are kept between runs (None: forgotten)
        self.host = host
        self.port = port
        self.url = ""
        self._runner: web.AppRunner | None = None
        self._sockets: set[web.WebSocketResponse] = set()

    # ---- lifecycle
    def app(self) -> web.Application:
        app = web.Application(client_max_size=50 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._bot_api)
        app.router.add_get("/file/bot{token}/photos/{file_id}", self._bot_file)
        app.router.add_get("/", self._static)
        app.router.add_get("/ui/static/{name}", self._static)
        app.router.add_get("/ui/files/{file_id}", self._ui_file)
        app.router.add_get("/ui/players", self._players)
        app.router.add_get("/ui/ws", self._socket)
        return app

    async def start(self) -> LocalTelegram:
        if self.state_file is not None and self.state_file.exists():
            try:
                self.api.restore(json.loads(self.state_file.read_text(encoding="utf-8")))
            except (ValueError, KeyError, TypeError) as error:
                log.warning("the chats kept in %s could not be read (%s): starting afresh", self.state_file, error)
        self._runner = web.AppRunner(self.app(), access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        family = socket.AF_INET6 if ":" in self.host else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self.host, self.port))  # port 0: a free one, chosen by the kernel
        await web.SockSite(self._runner, sock).start()
        self.port = sock.getsockname()[1]
        shown = "127.0.0.1" if self.host in {"0.0.0.0", "::", ""} else self.host
        self.url = f"http://{'[' + shown + ']' if ':' in shown else shown}:{self.port}"
        return self

    async def stop(self) -> None:
        for ws in list(self._sockets):
            await ws.close()
        await self.api.close()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        self.save()

    def save(self) -> None:
        """Keeps the chats in `state_file` (written whole, then moved into place)."""
        if self.state_file is None:
            return
        partial = self.state_file.with_suffix(".partial")
        partial.write_text(json.dumps(self.api.state(), ensure_ascii=False), encoding="utf-8")
        partial.replace(self.state_file)

    async def __aenter__(self) -> LocalTelegram:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    # ---- the Bot API
    async def _bot_api(self, request: web.Request) -> web.Response:
        try:
            self.api.check_token(request.match_info["token"])
            params, files = await _read_params(request)
            result = await self.api.call(request.match_info["method"], params, files)
        except BotApiError as error:
            return web.json_response(error.body(), status=error.code)
        except Exception:  # a request this server did not foresee: Telegram's 500, and the details in the log
            log.exception("Bot API %s failed", request.match_info["method"])
            return web.json_response(
                {"ok": False, "error_code": 500, "description": "Internal Server Error"}, status=500
            )
        return web.json_response({"ok": True, "result": result}, dumps=_dumps)

    async def _bot_file(self, request: web.Request) -> web.StreamResponse:
        try:
            self.api.check_token(request.match_info["token"])
        except BotApiError as error:
            return web.json_response(error.body(), status=error.code)
        return self._photo(request.match_info["file_id"])

    # ---- the web chat
    async def _static(self, request: web.Request) -> web.StreamResponse:
        name = request.match_info.get("name", "index.html")
        if name not in STATIC:
            raise web.HTTPNotFound()
        body = resources.files("local_telegram.web").joinpath(name).read_bytes()
        return web.Response(body=body, content_type=STATIC[name], headers={"Cache-Control": "no-cache"})

    async def _ui_file(self, request: web.Request) -> web.StreamResponse:
        return self._photo(request.match_info["file_id"])

    def _photo(self, file_id: str) -> web.StreamResponse:
        photo = self.api.photos.get(file_id)
        if photo is None or photo.data is None:
            raise web.HTTPNotFound()
        return web.Response(body=photo.data, content_type=photo.content_type)

    async def _players(self, request: web.Request) -> web.Response:
        players = [
            {"id": u.id, "name": u.first_name, "language": u.language_code, "blocked": u.blocked}
            for u in self.api.users.values()
        ]
        return web.json_response({"bot": self.api.bot_user, "players": players})

    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        name = (request.query.get("player") or "").strip()[:64]
        if not name:
            raise web.HTTPBadRequest(text="name a player: ?player=NAME")
        language = request.query.get("lang") or None
        if language not in (None, "en", "ru"):
            language = language[:8] if language else None
        user = self.api.player(player_id(name), None if name.isdigit() else name, language)
        ws = web.WebSocketResponse(heartbeat=20)
        await ws.prepare(request)
        self._sockets.add(ws)
        try:
            async with self.api.watch(user.id) as events:
                await ws.send_json(
                    {
                        "type": "hello",
                        "player": {"id": user.id, "name": user.first_name, "language": user.language_code},
                        "bot": self.api.bot_user,
                        "blocked": user.blocked,
                        "commands": self.api.menu_for(user.id),
                        "messages": self.api.history(user.id),
                    }
                )
                forward = asyncio.create_task(_forward(events, ws))
                try:
                    async for frame in ws:
                        if frame.type != WSMsgType.TEXT:
                            continue
                        await self._act(user.id, frame.data, ws)
                finally:
                    forward.cancel()
                    with contextlib.suppress(asyncio.CancelledError):
                        await forward
        finally:
            self._sockets.discard(ws)
        return ws

    async def _act(self, user_id: int, data: str, ws: web.WebSocketResponse) -> None:
        """One thing the player did in the web chat. Anything malformed is answered, never fatal."""
        try:
            action = json.loads(data)
            kind = action.get("type") if isinstance(action, dict) else None
            if kind == "send" and isinstance(action.get("text"), str) and action["text"].strip():
                self.api.say(user_id, action["text"])
            elif kind == "press":
                self.api.press(user_id, int(action["message_id"]), str(action["data"]))
            elif kind == "block":
                self.api.set_blocked(user_id, bool(action.get("blocked")))
            else:
                raise ValueError(kind)
        except (ValueError, KeyError, TypeError, LookupError) as error:
            await ws.send_json({"type": "error", "description": f"not understood: {error}"})


async def _forward(events: asyncio.Queue[dict[str, Any]], ws: web.WebSocketResponse) -> None:
    while True:
        event = await events.get()
        if ws.closed:
            return
        await ws.send_json(event)


async def _read_params(request: web.Request) -> tuple[dict[str, Any], dict[str, tuple[bytes, str]]]:
    """Parameters the way Telegram takes them: query string, urlencoded or multipart form, or JSON."""
    params: dict[str, Any] = dict(request.query)
    files: dict[str, tuple[bytes, str]] = {}
    if request.method != "POST" or not request.can_read_body:
        return params, files
    if request.content_type == "application/json":
        try:
            body = await request.json()
        except ValueError:
            raise BotApiError(400, "Bad Request: can't parse JSON") from None
        if not isinstance(body, dict):
            raise BotApiError(400, "Bad Request: can't parse JSON")
        params.update(body)
        return params, files
    form = await request.post()
    for key, value in form.items():
        if isinstance(value, str):
            params[key] = value
        elif isinstance(value, web.FileField):
            files[key] = (value.file.read(), value.content_type or "application/octet-stream")
        else:  # bytes
            params[key] = bytes(value).decode("utf-8", "replace")
    return params, files


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


__all__ = ["Limits", "LocalTelegram", "player_id"]
