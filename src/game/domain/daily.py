"""The daily reward: once per game day, a streak that grows for seven days and is lost after 48 hours
without a claim. Pure: the clock's time comes in, the new streak goes out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from game.domain.errors import RuleViolation

DAY = 86400.0
STREAK_DAYS = 7
STREAK_LAPSES_AFTER = 48 * 3600.0
# Gold for each day of the streak (the seventh and every day after it pays the last).
DAILY_GOLD = (20, 25, 30, 40, 50, 60, 100)


class AlreadyClaimed(RuleViolation):
    code = "already_claimed"


@dataclass(frozen=True)
class Streak:
    days: int = 0  # the streak as of the last claim (0: never claimed)
    last_claim_at: float | None = None


@dataclass(frozen=True)
class DailyState:
    streak: int  # the day of the streak the next claim would be (1–7)
    claimable: bool
    next_claim_at: float  # when the next game day starts (a claim is possible again)
    lapses_at: float | None  # when the streak would be lost without a claim (None: nothing to lose)
    gold: int  # what the next claim pays


def ledger_day(now: float) -> str:
    """The UTC date the economy's figures for `now` are kept under."""
    return datetime.fromtimestamp(now, UTC).date().isoformat()


def day_start(now: float, reset_hour: int) -> float:
    """The start of the game day `now` falls in: days turn at `reset_hour` UTC."""
    offset = reset_hour * 3600.0
    return ((now - offset) // DAY) * DAY + offset


def state(streak: Streak, now: float, *, reset_hour: int) -> DailyState:
    start = day_start(now, reset_hour)
    last = streak.last_claim_at
    claimed_today = last is not None and last >= start
    kept = last is not None and now - last < STREAK_LAPSES_AFTER
    growing = min(streak.days + 1, STREAK_DAYS) if kept else 1
    day = streak.days if claimed_today else growing
    next_day = min(day + 1, STREAK_DAYS) if claimed_today else day
    return DailyState(
        streak=day,
        claimable=not claimed_today,
        next_claim_at=start + DAY if claimed_today else start,
        lapses_at=last + STREAK_LAPSES_AFTER if last is not None and streak.days > 0 else None,
        gold=DAILY_GOLD[next_day - 1],
    )


@dataclass(frozen=True)
class Claimed:
    streak: Streak
    gold: int


def claim(streak: Streak, now: float, *, reset_hour: int) -> Claimed:
    """Claim today's reward: the streak grows (to seven at most) or starts again at one."""
    now_state = state(streak, now, reset_hour=reset_hour)
    if not now_state.claimable:
        raise AlreadyClaimed("today's reward is already claimed", next_claim_at=now_state.next_claim_at)
    days = now_state.streak
    return Claimed(streak=Streak(days=days, last_claim_at=now), gold=DAILY_GOLD[days - 1])
