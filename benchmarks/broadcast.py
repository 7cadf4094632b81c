"""One notification to N players through the real fan-out, a real aiogram Bot and the Redis ledger.

Telegram is played by the local fake Bot API (tests/fakes/telegram_server.py), which enforces
`--rate` messages in any sliding second and answers 429 with `retry_after` past it. Two rows:
the sender paced at the fake's rate (expect no 429s), and a sender deliberately faster than the fake
(expect 429s, waited out, and still nothing lost or repeated).

    .venv/bin/python benchmarks/broadcast.py [--players 10000] [--rate 30] [--over 40] [--latency 0.05]

At 30 msg/s, 10,000 messages cannot take less than 333 s; `--rate 300` gives a quick, scaled run.
Redis: BENCH_REDIS_URL, else TEST_REDIS_URL, else redis://127.0.0.1:6379/3, else an embedded one.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import redis.asyncio as aioredis

# Run as a script from anywhere: the fake lives in the repository's tests package.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.delivery import FanOut, RateLimiter, TelegramSender
from shared.adapters.redis_delivery_ledger import RedisDeliveryLedger
from tests.fakes.telegram_server import FakeTelegram


@dataclass
class Row:
    label: str
    players: int
    fake_rate: float
    sender_rate: float
    delivered: int
    lost: int
    duplicates: int
    too_many: int
    seconds: float

    @property
    def achieved(self) -> float:
        return self.delivered / self.seconds

    @property
    def minimum(self) -> float:
        return self.players / self.fake_rate


async def redis_client() -> tuple[aioredis.Redis, str, object | None]:
    for url in (os.environ.get("BENCH_REDIS_URL"), os.environ.get("TEST_REDIS_URL"), "redis://127.0.0.1:6379/3"):
        if not url:
            continue
        client = aioredis.Redis.from_url(url)
        try:
            await client.ping()
            return client, url, None
        except (OSError, aioredis.RedisError):
            await client.aclose()
    from app.local_services import start_embedded_redis

    url, server = start_embedded_redis(Path(tempfile.mkdtemp(prefix="riftwalker-bench-")))
    return aioredis.Redis.from_url(url), url, server


def players(count: int) -> Iterator[int]:
    # Streamed, as the game would from a cursor: the fan-out never holds the whole list.
    return iter(range(10_000_000, 10_000_000 + count))


async def run_row(
    redis: aioredis.Redis, label: str, count: int, fake_rate: float, sender_rate: float, latency: float
) -> Row:
    delivery_id = f"bench:{uuid.uuid4().hex}"
    ledger = RedisDeliveryLedger(redis)
    async with FakeTelegram(global_rate=fake_rate, latency=latency, record_requests=False) as tg, tg.bot() as bot:
        sender = TelegramSender(bot, RateLimiter(global_rate=sender_rate))
        fanout = FanOut(sender, ledger)
        started = time.perf_counter()
        report = await fanout.deliver(delivery_id, players(count), lambda _: "A boss has appeared in the Ashen Vale!")
        seconds = time.perf_counter() - started
        per_chat = Counter(s.chat_id for s in tg.sent)
    await redis.delete(f"delivery:{delivery_id}")
    expected = set(players(count))
    delivered = len(expected & per_chat.keys())
    assert report.sent == delivered, (report, delivered)
    return Row(
        label=label,
        players=count,
        fake_rate=fake_rate,
        sender_rate=sender_rate,
        delivered=delivered,
        lost=count - delivered,
        duplicates=sum(n - 1 for n in per_chat.values()),
        too_many=tg.too_many_requests,
        seconds=seconds,
    )


def table(rows: list[Row]) -> str:
    head = (
        "| run | players | fake limit msg/s | sender msg/s | delivered | lost | duplicates | 429s | seconds "
        "| achieved msg/s | theoretical min s (N/limit) | achieved / limit |"
    )
    lines = [head, "|" + "---|" * (head.count("|") - 1)]
    for r in rows:
        lines.append(
            f"| {r.label} | {r.players} | {r.fake_rate:g} | {r.sender_rate:g} | {r.delivered} | {r.lost} "
            f"| {r.duplicates} | {r.too_many} | {r.seconds:.1f} | {r.achieved:.1f} | {r.minimum:.1f} "
            f"| {r.minimum / r.seconds:.2f} |"
        )
    return "\n".join(lines)


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--players", type=int, default=10_000)
    parser.add_argument("--rate", type=float, default=30.0, help="the fake's limit, messages a second")
    parser.add_argument("--over", type=float, default=None, help="second row's sender rate (default: 4/3 x rate)")
    parser.add_argument("--latency", type=float, default=0.05, help="the fake's answer delay, seconds")
    parser.add_argument("--only", choices=("matched", "over"), default=None, help="run one row only")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    over = args.over or args.rate * 4 / 3

    redis, url, embedded = await redis_client()
    print(f"Redis: {url}; fake latency {args.latency:g} s; fake and sender share one event loop", flush=True)
    rows: list[Row] = []
    try:
        if args.only in (None, "matched"):
            rows.append(await run_row(redis, "sender = limit", args.players, args.rate, args.rate, args.latency))
            print(table(rows), flush=True)
        if args.only in (None, "over"):
            rows.append(await run_row(redis, "sender > limit", args.players, args.rate, over, args.latency))
    finally:
        await redis.aclose()
        if embedded is not None:
            embedded.shutdown()  # type: ignore[attr-defined]
    print()
    print(table(rows))
    return 0 if all(r.lost == 0 and r.duplicates == 0 for r in rows) else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
