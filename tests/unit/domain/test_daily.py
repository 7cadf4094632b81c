"""The daily reward's streak: once per game day, growing for seven days, lost after 48 hours."""

from __future__ import annotations

import pytest

from game.domain.daily import DAILY_GOLD, AlreadyClaimed, Streak, claim, day_start, state

H = 3600.0
DAY = 24 * H
MONDAY = 1_700_006_400.0  # 2023-11-15 00:00 UTC


def test_days_turn_at_the_reset_hour():
    assert day_start(MONDAY + 5 * H, reset_hour=0) == MONDAY
    assert day_start(MONDAY + 5 * H, reset_hour=6) == MONDAY - DAY + 6 * H
    assert day_start(MONDAY + 7 * H, reset_hour=6) == MONDAY + 6 * H


def test_the_streak_grows_for_a_week_and_then_stays():
    streak = Streak()
    days = []
    for day in range(10):
        streak = claim(streak, MONDAY + day * DAY + 20 * H, reset_hour=0).streak
        days.append(streak.days)
    assert days == [1, 2, 3, 4, 5, 6, 7, 7, 7, 7]
    assert claim(Streak(days=7, last_claim_at=MONDAY), MONDAY + DAY, reset_hour=0).gold == DAILY_GOLD[-1]


def test_once_per_game_day():
    claimed = claim(Streak(), MONDAY + 1 * H, reset_hour=0).streak
    with pytest.raises(AlreadyClaimed):
        claim(claimed, MONDAY + 23 * H, reset_hour=0)
    # Just after midnight is a new game day, even an hour after the last claim.
    late = claim(Streak(), MONDAY + 23.5 * H, reset_hour=0).streak
    assert claim(late, MONDAY + DAY + 0.5 * H, reset_hour=0).streak.days == 2


def test_the_streak_is_lost_after_48_hours_without_a_claim():
    three = Streak(days=3, last_claim_at=MONDAY + 10 * H)
    assert claim(three, MONDAY + 10 * H + 47.9 * H, reset_hour=0).streak.days == 4
    assert claim(three, MONDAY + 10 * H + 48 * H, reset_hour=0).streak.days == 1
    shown = state(three, MONDAY + 11 * H, reset_hour=0)
    assert not shown.claimable and shown.next_claim_at == MONDAY + DAY and shown.lapses_at == MONDAY + 58 * H
    assert shown.gold == DAILY_GOLD[3]  # what tomorrow's claim pays
