"""The split as a deployment: HAProxy in front of two bot replicas in webhook mode and of two game servers,
two workers, scripted players — and one replica of each kind killed mid-run. Every update is answered
exactly once and every event delivered once.

Telegram is the project's HTTP fake; the posts Telegram would make are made by the players' driver, which,
like Telegram, delivers an update again until a replica answers it with 200. Loopback ports stand for the
hosts. HAProxy comes from the system's packages (`.ci/run` installs it where missing).
"""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import sys
import time
from collections import Counter

import aiohttp
import pytest

from tests.e2e.test_serve_game import free_port
from tests.fakes.telegram_server import TOKEN, FakeTelegram
from tests.support import seam

WEBHOOK_SECRET = "deployment-webhook-secret"
PLAYERS = range(8801, 8805)
SHEETS_EACH = 12


def haproxy_config(bot_lb: int, bots: list[int], game_lb: int, games: list[int]) -> str:
    servers = "\n".join
    return f"""
global
  maxconn 256
defaults
  mode http
  timeout connect 500ms
  timeout client 60s
  timeout server 60s
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


def sheet_request(player_id: int, update_id: int) -> dict:
    return {
        "update_id": update_id,
        "message": {
            "message_id": update_id,
            "date": int(time.time()),
            "chat": {"id": player_id, "type": "private"},
            "from": {"id": player_id, "is_bot": False, "first_name": "P", "language_code": "en"},
            "text": "/me",
            "entities": [{"type": "bot_command", "offset": 0, "length": 3}],
        },
    }


async def deliver(http: aiohttp.ClientSession, url: str, update: dict) -> int:
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


async def until(condition, seconds: float = 120.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        await asyncio.sleep(0.05)
    raise AssertionError("timed out")


async def until_up(http: aiohttp.ClientSession, url: str, ok: tuple[int, ...] = (200,)) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            async with http.get(url) as response:
                if response.status in ok:
                    return
        except aiohttp.ClientError:
            pass
        await asyncio.sleep(0.2)
    raise AssertionError(f"{url} did not come up")


@pytest.mark.slow
async def test_the_split_behind_a_balancer_survives_losing_a_replica_of_each_kind(
    database_url, redis_url, db, redis, tmp_path
):
    haproxy = shutil.which("haproxy")
    if haproxy is None:
        if os.environ.get("CI"):
            pytest.fail("haproxy is missing: .ci/run installs it")
        pytest.skip("haproxy is not installed (apt-get install haproxy)")
    bot_ports, game_ports = [free_port(), free_port()], [free_port(), free_port()]
    bot_lb, game_lb = free_port(), free_port()
    (tmp_path / "haproxy.cfg").write_text(haproxy_config(bot_lb, bot_ports, game_lb, game_ports))
    procs: dict[str, asyncio.subprocess.Process] = {}

    async with FakeTelegram(global_rate=None, per_chat_rate=None) as tg:
        env = {
            **os.environ,
            "BOT_TOKEN": TOKEN,
            "TELEGRAM_API_URL": tg.url,
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_url,
            "GAME_TRANSPORT": "http",
            "GAME_HTTP_URL": f"http://127.0.0.1:{game_lb}",
            "GAME_API_SECRET": seam.SECRET,
            "GAME_OPERATOR_SECRET": seam.OPERATOR_SECRET,
            "WEBHOOK_SECRET": WEBHOOK_SECRET,
            "WEBHOOK_URL": f"http://127.0.0.1:{bot_lb}",
            "EVENT_CLAIM_IDLE_SECONDS": "2",
            # Scripts press faster than people: the flood limit is not what is tested here.
            "THROTTLE_RATE": "1000",
            "THROTTLE_BURST": "1000",
            "SNAPSHOT_INTERVAL_MINUTES": "60",
            "LOG_LEVEL": "WARNING",
        }

        async def start(name: str, *args: str, **extra: str) -> None:
            procs[name] = await asyncio.create_subprocess_exec(
                *args, env={**env, **extra}, stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL
            )

        try:
            await start("haproxy", haproxy, "-db", "-f", str(tmp_path / "haproxy.cfg"))
            for i, port in enumerate(game_ports):
                await start(f"game{i}", sys.executable, "-m", "app", "serve-game", "--port", str(port))
            async with aiohttp.ClientSession() as http:
                for port in game_ports:
                    await until_up(http, f"http://127.0.0.1:{port}/readyz")
                for i, port in enumerate(bot_ports):
                    await start(f"bot{i}", sys.executable, "-m", "app", "run", "--webhook", WEBHOOK_PORT=str(port))
                    await until_up(http, f"http://127.0.0.1:{port}/telegram", ok=(405,))  # a GET: up, not ours
                for i in range(2):
                    await start(f"worker{i}", sys.executable, "-m", "app", "worker")

                # The players exist (registered through the balancer); each greeting is an event to deliver.
                await until_up(http, f"http://127.0.0.1:{game_lb}/readyz")
                client = seam.client(f"http://127.0.0.1:{game_lb}")
                for pid in PLAYERS:
                    await client.register(player_id=pid, name=f"Dep{pid}", class_id="rogue")
                await client.close()

                # Scripted players ask for their sheet again and again; a third of the way in, one bot
                # replica and one game server die without warning.
                webhook = f"http://127.0.0.1:{bot_lb}/telegram"
                posts: list[int] = []
                killed_after: list[int] = []

                async def player(pid: int) -> None:
                    for n in range(SHEETS_EACH):
                        posts.append(await deliver(http, webhook, sheet_request(pid, pid * 1000 + n)))

                async def chaos() -> None:
                    await until(
                        lambda: sum(r.method == "sendMessage" for r in tg.requests) >= len(PLAYERS) * SHEETS_EACH / 3
                    )
                    procs["bot0"].kill()
                    procs["game0"].kill()
                    killed_after.append(len(posts))

                await asyncio.wait_for(asyncio.gather(chaos(), *(player(pid) for pid in PLAYERS)), timeout=240)

                # Every update answered exactly once, with the sheet (no "try again"); every greeting once.
                await until(
                    lambda: sum("first steps" in r.params.get("text", "") for r in tg.requests) >= len(PLAYERS), 30
                )
                await asyncio.sleep(1.0)
        finally:
            for proc in procs.values():
                if proc.returncode is None:
                    proc.send_signal(signal.SIGTERM)
            for proc in procs.values():
                try:
                    await asyncio.wait_for(proc.wait(), timeout=30)
                except TimeoutError:
                    proc.kill()

        sent = [r for r in tg.requests if r.method == "sendMessage"]
        sheets = Counter(int(r.params["chat_id"]) for r in sent if "🧍 <b>Dep" in r.params["text"])
        greetings = Counter(int(r.params["chat_id"]) for r in sent if "first steps" in r.params["text"])
        unavailable = [r for r in sent if "catching its breath" in r.params["text"]]
        kinds = Counter(r.params["text"][:25] for r in sent)
        # Every update is answered. Once each — except an update the killed replica had already answered
        # but not yet recorded as done: no process can make its answer and that record one step, so
        # Telegram's (here: the balancer's) next delivery of it is answered again. At most the updates in
        # flight on the dead replica at that moment, one per player here.
        assert all(SHEETS_EACH <= sheets[pid] <= SHEETS_EACH + 1 for pid in PLAYERS), (sheets, kinds, Counter(posts))
        assert sum(sheets.values()) - len(PLAYERS) * SHEETS_EACH <= len(PLAYERS), sheets
        assert greetings == {pid: 1 for pid in PLAYERS}, greetings
        assert not unavailable
        assert len(posts) == len(PLAYERS) * SHEETS_EACH
        assert killed_after and killed_after[0] < len(posts) * 2 / 3, "the replicas died mid-run"
        # The survivors stop cleanly on SIGTERM.
        for name in ("bot1", "game1", "worker0", "worker1"):
            assert procs[name].returncode == 0, name
