"""Bounties: three for the day and one for the week, counted from what a player does (fights won,
things crafted, trades made) and paid once each when done. Days and weeks turn at the daily reset hour
(weeks on Mondays). Pure: the clock's time comes in."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from game.domain.daily import DAY, day_start

BountyKind = Literal["fights_won", "crafted", "traded"]
Period = Literal["day", "week"]
WEEK = 7 * DAY
MONDAY_OFFSET = 4 * DAY  # the epoch began on a Thursday: Mondays are four days later


@dataclass(frozen=True)
class BountyDef:
    id: str
    kind: BountyKind
    target: int
    gold: int
    period: Period


DAILY_BOUNTIES = (
    BountyDef("win_fights", "fights_won", 5, 30, "day"),
    BountyDef("craft", "crafted", 1, 30, "day"),
    BountyDef("trade", "traded", 1, 30, "day"),
)
WEEKLY_BOUNTIES = (BountyDef("weekly_fights", "fights_won", 60, 250, "week"),)
BOUNTIES = {b.id: b for b in (*DAILY_BOUNTIES, *WEEKLY_BOUNTIES)}


def period_key(period: Period, now: float, *, reset_hour: int) -> str:
    """Which day or week `now` belongs to, as a key progress is stored under."""
    start = day_start(now, reset_hour)
    if period == "day":
        return f"d{int(start // DAY)}"
    return f"w{int((start - MONDAY_OFFSET) // WEEK)}"


def period_end(period: Period, now: float, *, reset_hour: int) -> float:
    start = day_start(now, reset_hour)
    if period == "day":
        return start + DAY
    week = (start - MONDAY_OFFSET) // WEEK
    return MONDAY_OFFSET + (week + 1) * WEEK + reset_hour * 3600.0


def counted(kind: BountyKind) -> tuple[BountyDef, ...]:
    """The bounties an action of `kind` counts for."""
    return tuple(b for b in BOUNTIES.values() if b.kind == kind)
