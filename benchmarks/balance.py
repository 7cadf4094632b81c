"""The balance harness: simulated careful newcomers play the real use cases with a simulated clock.

    .venv/bin/python benchmarks/balance.py                 # 10 players a class, 8 hours each (a few minutes)
    .venv/bin/python benchmarks/balance.py --quick         # 3 players a class, 2 hours: a first look

Nothing here needs a server: storage is in memory (the test fakes, held to the real adapters by the
contract suite), so hours of game time take seconds. It prints, per class, the timeline (median level,
gold, deaths, fights, time blocked waiting for stamina or HP), the time to levels 2–30, the win rate per
zone at the zone's level, the economy, the rift clear rate per tier and the world-boss kill rate by the
number of players who come. The pacing targets are in GAME.md.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.sim import report
from benchmarks.sim.newcomer import Newcomer, Record
from benchmarks.sim.trials import CLASSES, boss_trials, rift_trials
from tests.fakes.game import build_game


async def newcomers(per_class: int, hours: float, seed: int) -> list[Record]:
    records = []
    for class_id in CLASSES:
        for n in range(per_class):
            rng = random.Random(f"{seed}:{class_id}:{n}")
            game = build_game(seed=rng.getrandbits(32))
            records.append(await Newcomer(game, 1, class_id, rng).play(hours * 60))
    return records


def positive(kind: type, low: float) -> callable:
    def parse(text: str) -> object:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
        if not value >= low:  # also refuses NaN
            raise argparse.ArgumentTypeError(f"must be at least {low}: {text!r}")
        return value

    return parse


def arguments(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--players", type=positive(int, 1), default=10, help="simulated newcomers per class")
    parser.add_argument("--hours", type=positive(float, 0.25), default=8.0, help="hours each newcomer plays")
    parser.add_argument("--rift-trials", type=positive(int, 0), default=6, help="rift walks per tier and class")
    parser.add_argument("--boss-trials", type=positive(int, 0), default=6, help="boss fights per crowd size")
    parser.add_argument(
        "--crowds", default="1,3,10,100,1000", help="comma-separated numbers of players at a world boss"
    )
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--quick", action="store_true", help="3 players a class for 2 hours, fewer trials")
    args = parser.parse_args(argv)
    try:
        args.crowds = [int(c) for c in args.crowds.split(",") if c.strip()]
    except ValueError:
        parser.error(f"--crowds takes whole numbers separated by commas, not {args.crowds!r}")
    if not args.crowds or min(args.crowds) < 1:
        parser.error("--crowds needs at least one crowd of at least one player")
    if args.quick:
        args.players, args.hours, args.rift_trials, args.boss_trials = 3, 2.0, 2, 2
        args.crowds = [c for c in args.crowds if c <= 100]
    return args


async def main(argv: list[str] | None = None) -> None:
    args = arguments(argv)
    started = time.perf_counter()
    records = await newcomers(args.players, args.hours, args.seed)
    played = time.perf_counter() - started
    print(f"# Balance: {args.players} newcomers a class, {args.hours:g} h each (seed {args.seed})\n")
    print("## Timeline (medians)\n")
    print(report.timeline(records), "\n")
    print("## Time to level (median; '>' where fewer than half got there)\n")
    print(report.milestones(records), "\n")
    print("## Win rate at the zone's level, with the gear the newcomers had\n")
    print(report.zone_win_rates(records), "\n")
    print("## Gold (median per newcomer over the whole run)\n")
    print(report.economy(records), "\n")
    if args.rift_trials:
        tiers = sorted({loc.level for loc in build_game().content.locations.values() if not loc.town})
        trials = await rift_trials(tiers, args.rift_trials, args.seed)
        print("## Rifts: a level-appropriate player (the tier's minimum level, its gear and potions)\n")
        print(report.rifts(trials), "\n")
    if args.boss_trials:
        fights = await boss_trials(args.crowds, args.boss_trials, args.seed)
        print("## World bosses: the crowd that comes (arriving over the first 5 minutes)\n")
        print(report.bosses(fights), "\n")
    total = time.perf_counter() - started
    print(f"Simulated {len(records) * args.hours:g} player-hours in {played:.1f} s; everything in {total:.1f} s.")


if __name__ == "__main__":
    asyncio.run(main())
