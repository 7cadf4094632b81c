"""The metrics every process exposes on `/metrics` (Prometheus text format), defined once.

Each process registers what it does: the bot its updates and notifications, the game its port calls,
the worker its ticks and snapshots; the event backlog is read when scraped. Names and labels are the
operator's interface (README, "Deploying"): change them as carefully as a setting.
"""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

# Seconds, from a millisecond (a cached read) to half a minute (a full snapshot, a stuck call).
LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)

UPDATES = Counter(
    "riftwalker_updates_total",
    "Telegram updates by kind (message, callback_query, …) and outcome "
    "(handled, unhandled, duplicate, throttled, refused, error).",
    ["kind", "outcome"],
)
UPDATE_SECONDS = Histogram(
    "riftwalker_update_seconds", "Time to handle one Telegram update, by kind.", ["kind"], buckets=LATENCY_BUCKETS
)
GAME_CALL_SECONDS = Histogram(
    "riftwalker_game_call_seconds",
    "Game port calls by method and outcome (ok, or the refusal's code), where the game runs.",
    ["method", "outcome"],
    buckets=LATENCY_BUCKETS,
)
GAME_HTTP_SECONDS = Histogram(
    "riftwalker_game_http_seconds",
    "Game port calls over HTTP by method and side (client: the caller's wait; server: the request's time).",
    ["method", "side"],
    buckets=LATENCY_BUCKETS,
)
SNAPSHOT_SECONDS = Histogram(
    "riftwalker_snapshot_seconds", "Duration of each hot-state snapshot.", buckets=LATENCY_BUCKETS
)
SNAPSHOT_ROWS = Counter("riftwalker_snapshot_rows_total", "Accounts written to PostgreSQL by snapshots.")
NOTIFICATIONS = Counter(
    "riftwalker_notifications_total",
    "Notifications by outcome: sent, unreachable (403: blocked or gone), failed.",
    ["outcome"],
)
NOTIFICATION_FLOOD_WAITS = Counter(
    "riftwalker_notification_flood_waits_total", "429 (flood wait) answers from Telegram while notifying."
)
EVENTS_PENDING = Gauge("riftwalker_events_pending", "Events taken by a consumer and not acknowledged yet.")
EVENTS_LAG = Gauge("riftwalker_events_lag", "Events published and not yet taken by any consumer.")
EVENTS_DEAD = Gauge("riftwalker_events_dead_letters", "Events set aside after failing every delivery.")
JOB_TICKS = Counter(
    "riftwalker_job_ticks_total",
    "Scheduler ticks by job and outcome: ran (here), skipped (another replica's), failed.",
    ["job", "outcome"],
)
JOB_SECONDS = Histogram(
    "riftwalker_job_seconds", "Duration of the scheduler ticks this process ran, by job.", ["job"],
    buckets=LATENCY_BUCKETS,
)  # fmt: skip
