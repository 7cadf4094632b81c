"""The arena and guild chat, measured.

1. Arena fights resolved per second through the `Arena` use case (matchmaking, the duel played by the
   fight AI, the ratings applied in their transaction), on the in-memory storage, next to the duel alone.
2. A guild message to a 200-member guild, through the real notifier's rate-limited fan-out, a real aiogram
   Bot and the Redis delivery ledger, to the local fake Bot API that enforces Telegram's limit: delivered,
   lost, duplicated (and a re-read of the same event, as after a restart: nothing sent twice).
3. Class against class between equal builds (the balance harness's reference build of each class at the
   same level, under the arena's rules): the first class's win rate, half the duels each way round, with
   its 95% margin; the target is 40–60% in every cell.

    .venv/bin/python benchmarks/arena.py [--fights 2000] [--members 200] [--rate 30] [--duels 400]
    .venv/bin/python benchmarks/arena.py --matrix-only [--duels 400] [--levels 5,10,15,20,25,30]
    .venv/bin/python benchmarks/arena.py --calibrate [--duels 300]   # prints `MATCHUPS` for arena.py

Redis: BENCH_REDIS_URL, else TEST_REDIS_URL, else redis://127.0.0.1:6379/3, else an embedded one.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import logging
import math
import random
import sys
import time
import uuid
from collections import Counter
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from aiogram.fsm.storage.memory import MemoryStorage

from benchmarks.broadcast import redis_client
from benchmarks.sim.arena_classes import CLASSES, PAIRS, class_matrix, even_point
from bot.delivery import RateLimiter
from bot.notifier import Notifier
from game.domain import arena as rules
from game.domain.guilds import FOUNDING_COST
from game.domain.progression import MAX_LEVEL
from shared.adapters.redis_delivery_ledger import RedisDeliveryLedger
from shared.events import GuildMessage
from tests.fakes.game import CONTENT, build_game
from tests.fakes.telegram_server import FakeTelegram

# --- 1. fights per second ---------------------------------------------------------------------------


async def fights_per_second(count: int, population: int = 100) -> tuple[float, float]:
    game = build_game()
    for pid in range(1, population + 1):
        await game.register(pid, class_id=CLASSES[pid % 3])
        await game.edit(pid, level=1 + pid % 10)
    ratings = game.uow_factory.db.tables["arena_ratings"]
    fought = 0
    started = time.perf_counter()
    for n in itertools.count():
        if fought == count:
            break
        pid = 1 + n % population
        if pid in ratings and ratings[pid].fights_today >= rules.DAILY_CAP:
            game.clock.advance(86400)  # a new day: the cap is not what is measured
        view = await game.pvp.find_opponent(player_id=pid)
        assert view.offer is not None
        await game.pvp.arena_fight(player_id=pid, opponent_id=view.offer.player_id)
        fought += 1
    through_use_case = fought / (time.perf_counter() - started)

    records = [await game.record(pid) for pid in range(1, population + 1)]
    ghosts = [(game.pvp.ghost(r), r.character.class_id) for r in records]
    rng = random.Random(1)
    started = time.perf_counter()
    for n in range(count):
        a, b = rng.sample(ghosts, 2)
        rules.duel(*rules.arena_pair(*a, *b), game.content, rng, fight_id=str(n))
    duel_alone = count / (time.perf_counter() - started)
    return through_use_case, duel_alone


# --- 2. a guild message to a big guild ------------------------------------------------------------------


async def guild_message(members: int, rate: float) -> dict[str, float]:
    game = build_game()
    for pid in range(1, members + 1):
        await game.register(pid, class_id=CLASSES[pid % 3])
    await game.edit(1, gold=FOUNDING_COST)
    guild = await game.api.found_guild(player_id=1, name="Big Guild", tag="BIG")
    await game.edit(1, gold=FOUNDING_COST * 10)
    guilds = game.uow_factory.db.tables["guilds"]
    guilds[guild.id] = replace(guilds[guild.id], guild=replace(guilds[guild.id].guild, level=99, xp=10**9))
    for pid in range(2, members + 1):
        await game.api.join_by_code(player_id=pid, code=guild.invite_code)
    sent_to = await game.api.send_guild_message(player_id=1, text="Raid at dusk, bring potions!")
    [event] = game.events.of_type(GuildMessage)

    redis, _, embedded = await redis_client()
    try:
        async with FakeTelegram(global_rate=rate, latency=0.02, record_requests=False) as tg, tg.bot() as bot:

            def notifier() -> Notifier:  # each one is a fresh process: a new limiter and sender
                return Notifier(
                    bot=bot,
                    storage=MemoryStorage(),
                    game=game.api,
                    ledger=RedisDeliveryLedger(redis),
                    limiter=RateLimiter(global_rate=rate),
                )

            event = event.model_copy(update={"event_id": uuid.uuid4().hex})
            started = time.perf_counter()
            report = await notifier().handle(event)
            seconds = time.perf_counter() - started
            replay = await notifier().handle(event)
            per_chat = Counter(s.chat_id for s in tg.sent)
            await redis.delete(f"delivery:{event.event_id}")
    finally:
        await redis.aclose()
        if embedded is not None:
            embedded.shutdown()  # type: ignore[attr-defined]
    assert report is not None and replay is not None
    wanted = set(range(2, members + 1))
    return {
        "recipients": sent_to,
        "delivered": len(wanted & per_chat.keys()),
        "lost": len(wanted - per_chat.keys()),
        "duplicates": sum(n - 1 for n in per_chat.values()),
        "replayed_sent": replay.sent,
        "too_many": tg.too_many_requests,
        "seconds": seconds,
        "minimum": (members - 1) / rate,
    }


# --- 3. class against class ----------------------------------------------------------------------------------


def print_matrix(levels: tuple[int, ...], duels: int) -> bool:
    matrix = class_matrix(CONTENT, levels, duels)
    margin = 1.96 * math.sqrt(0.25 / (duels // 2 * 2))
    print(f"| level | class | against | win rate (±{margin:.0%}, 95%) | within 40–60% |")
    print("|---|---|---|---|---|")
    for level, a, b, rate in matrix:
        print(f"| {level} | {a} | {b} | {rate:.0%} | {'yes' if 0.4 <= rate <= 0.6 else 'NO'} |")
    return all(0.4 <= rate <= 0.6 for *_, rate in matrix)


def print_calibration(duels: int, levels: tuple[int, ...]) -> None:
    """The arena's table, each pairing's edge level by level, as `game.domain.arena.MATCHUPS` spells it."""
    table: dict[tuple[str, str], list[float]] = {pair: [] for pair in PAIRS}
    for level in levels:
        for a, b in PAIRS:
            table[a, b].append(even_point(CONTENT, level, a, b, duels))
        print(f"# level {level}: {[table[p][-1] for p in PAIRS]}", file=sys.stderr, flush=True)
    print("MATCHUPS: Mapping[tuple[str, str], tuple[float, ...]] = {")
    for (a, b), edges in table.items():
        print(f'    ("{a}", "{b}"): ({", ".join(f"{e:.3f}" for e in edges)}),')
    print("}")


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fights", type=int, default=2000)
    parser.add_argument("--members", type=int, default=200)
    parser.add_argument("--rate", type=float, default=30.0, help="the fake Bot API's limit, messages a second")
    parser.add_argument("--duels", type=int, default=400, help="duels per pair of classes and level")
    parser.add_argument("--levels", default="5,10,15,20,25,30", help="the levels of the class matrix")
    parser.add_argument("--matrix-only", action="store_true", help="only the class matrix")
    parser.add_argument("--calibrate", action="store_true", help="measure the classes' arena powers, level by level")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    levels = tuple(int(n) for n in args.levels.split(","))
    if args.calibrate:
        print_calibration(args.duels, tuple(range(1, MAX_LEVEL + 1)))
        return 0
    if args.matrix_only:
        return 0 if print_matrix(levels, args.duels) else 1

    use_case, alone = await fights_per_second(args.fights)
    print("| arena fights | per second | vs the duel alone |")
    print("|---|---|---|")
    print(f"| through `Arena` (match, duel, ratings; in-memory storage) | {use_case:,.0f} | {use_case / alone:.2f} |")
    print(f"| the duel alone (`arena.duel`) | {alone:,.0f} | 1.00 |")
    print()

    m = await guild_message(args.members, args.rate)
    print(
        "| guild message | members | recipients | delivered | lost | duplicates | sent again on re-read "
        "| 429s | seconds | theoretical min s | min / achieved |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    print(
        f"| at {args.rate:g} msg/s | {args.members} | {m['recipients']:.0f} | {m['delivered']:.0f} | {m['lost']:.0f} "
        f"| {m['duplicates']:.0f} | {m['replayed_sent']:.0f} | {m['too_many']:.0f} | {m['seconds']:.1f} "
        f"| {m['minimum']:.1f} | {m['minimum'] / m['seconds']:.2f} |"
    )
    print()

    even = print_matrix(levels, args.duels)
    ok = m["lost"] == 0 and m["duplicates"] == 0 and m["replayed_sent"] == 0
    return 0 if ok and even else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
