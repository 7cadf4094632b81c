"""The balance harness's tables: what the simulated newcomers did, against the pacing targets."""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence

from benchmarks.sim.newcomer import CHECKPOINTS_MIN, MILESTONES, Record, Tally
from benchmarks.sim.trials import BossTrial, RiftTrial


def table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    cells = [list(map(str, header))] + [[str(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |" for row in cells]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def median(values: Iterable[float]) -> float:
    values = list(values)
    return statistics.median(values) if values else float("nan")


def by_class(records: Sequence[Record]) -> dict[str, list[Record]]:
    grouped: dict[str, list[Record]] = defaultdict(list)
    for r in records:
        grouped[r.class_id].append(r)
    return dict(sorted(grouped.items()))


def timeline(records: Sequence[Record]) -> str:
    rows = []
    for class_id, group in by_class(records).items():
        for minute in CHECKPOINTS_MIN:
            snaps = [s for r in group for s in r.snapshots if s.minute == minute]
            if not snaps:
                continue
            rows.append(
                (
                    class_id,
                    _hours(minute),
                    f"{median(s.level for s in snaps):g}",
                    f"{median(s.gold for s in snaps):g}",
                    f"{median(s.deaths for s in snaps):g} (max {max(s.deaths for s in snaps)})",
                    "/".join(f"{median(getattr(s, k) for s in snaps):g}" for k in ("won", "lost", "fled")),
                    f"{median(s.blocked_share for s in snaps):.0%}"
                    f" ({median(s.blocked_hp_share for s in snaps):.0%} HP)",
                )
            )
    return table(("class", "played", "level", "gold", "deaths", "won/lost/fled", "blocked"), rows)


def milestones(records: Sequence[Record]) -> str:
    rows = []
    for class_id, group in by_class(records).items():
        cells = []
        for level in MILESTONES:
            times = [r.level_at[level] for r in group if level in r.level_at]
            if len(times) * 2 <= len(group):  # fewer than half got there
                cells.append(f"> {_hours(max(s.minute for r in group for s in r.snapshots) if group else 0)}")
            else:
                cells.append(_hours(median(times)))
        rows.append((class_id, *cells))
    return table(("class", *(f"level {m}" for m in MILESTONES)), rows)


def zone_win_rates(records: Sequence[Record]) -> str:
    zones: dict[tuple[str, str], Tally] = defaultdict(Tally)
    for r in records:
        for zone, t in r.at_zone_level.items():
            total = zones[(zone, r.class_id)]
            total.won, total.lost, total.fled = total.won + t.won, total.lost + t.lost, total.fled + t.fled
    names = sorted({z for z, _ in zones})
    classes = sorted({c for _, c in zones})
    rows = []
    for zone in names:
        cells = []
        for class_id in classes:
            t = zones.get((zone, class_id))
            cells.append(f"{t.won / t.fights:.0%} ({t.fights})" if t and t.fights else "—")
        rows.append((zone, *cells))
    return table(("zone (fights at its level)", *classes), rows)


def economy(records: Sequence[Record]) -> str:
    rows = []
    for class_id, group in by_class(records).items():
        rows.append(
            (
                class_id,
                f"{median(r.gold_earned for r in group):g}",
                f"{median(r.gold_sold for r in group):g}",
                f"{median(r.gold_spent.get('inn', 0) for r in group):g}",
                f"{median(r.gold_spent.get('shop', 0) for r in group):g}",
                f"{median(r.gold_spent.get('death', 0) for r in group):g}",
                f"{median(r.gear_bought for r in group):g}",
            )
        )
    return table(("class", "gold won", "loot sold", "inn", "shop", "lost dying", "gear bought"), rows)


def rifts(trials: Sequence[RiftTrial]) -> str:
    rows = []
    for tier in sorted({t.tier for t in trials}):
        cells = []
        for class_id in sorted({t.class_id for t in trials}):
            mine = [t.cleared for t in trials if t.tier == tier and t.class_id == class_id]
            cells.append(f"{sum(mine) / len(mine):.0%} ({len(mine)})" if mine else "—")
        everyone = [t.cleared for t in trials if t.tier == tier]
        rows.append((tier, *cells, f"{sum(everyone) / len(everyone):.0%}"))
    classes = sorted({t.class_id for t in trials})
    return table(("rift tier", *classes, "all"), rows)


def bosses(trials: Sequence[BossTrial]) -> str:
    rows = []
    for crowd in sorted({t.players for t in trials}):
        mine = [t for t in trials if t.players == crowd]
        rows.append(
            (
                crowd,
                f"{sum(t.killed for t in mine) / len(mine):.0%} ({len(mine)})",
                f"{median(t.hp for t in mine):,.0f}",
                f"{median(t.damage / t.hp for t in mine):.0%}",
                f"{median(t.paid / t.players for t in mine):.0%}",
            )
        )
    return table(("players", "killed", "boss HP", "HP taken", "paid"), rows)


def _hours(minutes: float) -> str:
    if minutes != minutes:  # NaN
        return "—"
    return f"{minutes:.0f} min" if minutes < 90 else f"{minutes / 60:.1f} h"
