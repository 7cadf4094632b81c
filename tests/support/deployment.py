"""The split as a deployment on loopback ports: HAProxy in front of bot replicas in webhook mode and of
game servers, and workers — real `riftwalker` processes, started and stopped one by one.

`tests/e2e/test_deployment.py` kills replicas of it mid-run; `benchmarks/split.py` measures its players'
actions with one bot replica and with two. Telegram is whatever Bot API `telegram_url` names (the tests'
`FakeTelegram`); the posts Telegram would make are the caller's (`deliver`). HAProxy comes from the
system's packages (`.ci/run` installs it where missing).

    async with Deployment(env=deployment_env(...), folder=tmp_path, bots=2, games=2) as d:
        await d.start_balancer()
        await d.start_game(0); ...; await d.start_bot(0); ...
        await deliver(http, d.webhook, update)
"""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import socket
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO, Any

import aiohttp

from tests.fakes.telegram_server import TOKEN

WEBHOOK_SECRET = "deployment-webhook-secret"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def haproxy_binary() -> str | None:
    return shutil.which("haproxy")


def haproxy_config(bot_lb: int, bots: Sequence[int], game_lb: int, games: Sequence[int]) -> str:
    servers = "\n".join
    return f"""
global
  maxconn 256
defaults
  mode http
  timeout connect 500ms
  timeout client 60s
  timeout server 60s
  timeout check 2s
  retries 3
  option redispatch
  option http-buffer-request
  retry-on conn-failure empty-response response-timeout 502 503
frontend bots
  bind 127.0.0.1:{bot_lb}
  default_backend bots
backend bots
  balance roundrobin
  default-server check inter 200ms fall 1 rise 2
{servers(f"  server b{i} 127.0.0.1:{p}" for i, p in enumerate(bots))}
frontend games
  bind 127.0.0.1:{game_lb}
  default_backend games
backend games
  balance roundrobin
  option httpchk GET /readyz
  default-server check inter 200ms fall 1 rise 2
{servers(f"  server g{i} 127.0.0.1:{p}" for i, p in enumerate(games))}
"""


def deployment_env(
    *, database_url: str, redis_url: str, telegram_url: str, secret: str, operator_secret: str, **extra: str
) -> dict[str, str]:
    """What every process of the deployment is given (the balancers' addresses are the Deployment's)."""
    return {
        **os.environ,
        "BOT_TOKEN": TOKEN,
        "TELEGRAM_API_URL": telegram_url,
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "GAME_TRANSPORT": "http",
        "GAME_API_SECRET": secret,
        "GAME_OPERATOR_SECRET": operator_secret,
        "WEBHOOK_SECRET": WEBHOOK_SECRET,
        # Scripts press faster than people: the flood limit is not what is tested or measured here.
        "THROTTLE_RATE": "1000000",
        "THROTTLE_BURST": "1000000",
        "SNAPSHOT_INTERVAL_MINUTES": "60",
        "LOG_LEVEL": "WARNING",
        **extra,
    }


async def until_up(http: aiohttp.ClientSession, url: str, ok: tuple[int, ...] = (200,), seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            async with http.get(url) as response:
                if response.status in ok:
                    return
        except aiohttp.ClientError:
            pass
        await asyncio.sleep(0.2)
    raise AssertionError(f"{url} did not come up")


async def deliver(http: aiohttp.ClientSession, url: str, update: Mapping[str, Any]) -> int:
    """Post until a replica answers 200, as Telegram does; how many posts it took."""
    headers = {"X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET}
    for attempt in range(1, 200):
        try:
            async with http.post(url, json=update, headers=headers) as response:
                if response.status == 200:
                    return attempt
        except aiohttp.ClientError:
            pass
        await asyncio.sleep(0.25)
    raise AssertionError(f"update {update['update_id']} was never accepted")


class Deployment:
    """`bots` webhook replicas and `games` game servers, each behind its HAProxy frontend, and workers.

    Ports are chosen up front; each process starts when asked, its output in `folder/<name>.log`."""

    def __init__(self, *, env: Mapping[str, str], folder: Path, bots: int = 2, games: int = 2) -> None:
        self.haproxy = haproxy_binary()
        self.folder = folder
        self.bot_ports = [free_port() for _ in range(bots)]
        self.game_ports = [free_port() for _ in range(games)]
        self.bot_lb, self.game_lb = free_port(), free_port()
        self.env = {
            **env,
            "GAME_HTTP_URL": self.game_url,
            "WEBHOOK_URL": f"http://127.0.0.1:{self.bot_lb}",
        }
        self.procs: dict[str, asyncio.subprocess.Process] = {}
        self._logs: list[IO[bytes]] = []
        self._http: aiohttp.ClientSession | None = None

    @property
    def webhook(self) -> str:
        return f"http://127.0.0.1:{self.bot_lb}/telegram"

    @property
    def game_url(self) -> str:
        """The game servers behind their balancer."""
        return f"http://127.0.0.1:{self.game_lb}"

    def game_server_url(self, i: int) -> str:
        """Game server `i` itself, not balanced."""
        return f"http://127.0.0.1:{self.game_ports[i]}"

    async def __aenter__(self) -> Deployment:
        self._http = aiohttp.ClientSession()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()
        if self._http is not None:
            await self._http.close()
        for log in self._logs:
            log.close()

    async def start(self, name: str, *args: str, **extra: str) -> asyncio.subprocess.Process:
        log = self._log_file(name)
        self.procs[name] = await asyncio.create_subprocess_exec(
            *args, env={**self.env, **extra}, stdout=log, stderr=log
        )
        return self.procs[name]

    async def start_balancer(self, bots: Sequence[int] | None = None) -> None:
        """HAProxy in front of the bot replicas numbered `bots` (all by default) and every game server."""
        if self.haproxy is None:
            raise RuntimeError("haproxy is not installed (apt-get install haproxy)")
        chosen = [self.bot_ports[i] for i in (range(len(self.bot_ports)) if bots is None else bots)]
        config = self.folder / "haproxy.cfg"
        config.write_text(haproxy_config(self.bot_lb, chosen, self.game_lb, self.game_ports))
        await self.start("haproxy", self.haproxy, "-db", "-f", str(config))

    async def stop_balancer(self) -> None:
        await self.stop_one("haproxy")

    async def start_game(self, i: int) -> None:
        await self.start(f"game{i}", sys.executable, "-m", "app", "serve-game", "--port", str(self.game_ports[i]))
        await until_up(self._session(), f"{self.game_server_url(i)}/readyz")

    async def start_bot(self, i: int) -> None:
        port = str(self.bot_ports[i])
        await self.start(f"bot{i}", sys.executable, "-m", "app", "run", "--webhook", WEBHOOK_PORT=port)
        await until_up(self._session(), f"http://127.0.0.1:{port}/telegram", ok=(405,))  # a GET: up, not ours

    async def start_worker(self, i: int) -> None:
        """A worker, up once it answers its probe (a worker stopped while it starts has no say in it)."""
        port = free_port()
        await self.start(f"worker{i}", sys.executable, "-m", "app", "worker", OPS_PORT=str(port))
        await until_up(self._session(), f"http://127.0.0.1:{port}/healthz")

    async def balanced(self) -> None:
        """Waits until the balancer passes calls to a game server and updates to a bot replica."""
        await until_up(self._session(), f"{self.game_url}/readyz")
        await until_up(self._session(), self.webhook, ok=(405,))

    def kill(self, name: str) -> None:
        """Without warning, as a host dies."""
        self.procs[name].kill()

    async def stop_one(self, name: str) -> None:
        await self._stop([name])

    async def stop(self) -> None:
        """SIGTERM, up to 30 s each to finish: the bot replicas and workers first (their last snapshot goes
        through the balancer to a game server), then the game servers, then the balancer."""
        order = ("bot", "worker"), ("game",), ("haproxy",)
        for kinds in order:
            await self._stop([name for name in self.procs if name.startswith(kinds)])
        await self._stop(list(self.procs))

    async def _stop(self, names: Sequence[str], grace: float = 30) -> None:
        running = [self.procs[name] for name in names if self.procs[name].returncode is None]
        for proc in running:
            proc.send_signal(signal.SIGTERM)
        for proc in running:
            try:
                await asyncio.wait_for(proc.wait(), timeout=grace)
            except TimeoutError:
                proc.kill()
                await proc.wait()

    def _log_file(self, name: str) -> IO[bytes]:
        log = open(self.folder / f"{name}.log", "ab")  # noqa: SIM115 (closed on leaving)
        self._logs.append(log)
        return log

    def cpu_seconds(self) -> dict[str, float]:
        """CPU time each running process has used so far (Linux: /proc)."""
        used = {}
        for name, proc in self.procs.items():
            if proc.returncode is None:
                try:
                    fields = Path(f"/proc/{proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
                except OSError:
                    continue
                used[name] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        return used

    def log(self, name: str) -> str:
        return (self.folder / f"{name}.log").read_text(errors="replace")

    def _session(self) -> aiohttp.ClientSession:
        if self._http is None:
            raise RuntimeError("use the Deployment as `async with`")
        return self._http
