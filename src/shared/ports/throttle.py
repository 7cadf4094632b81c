"""Throttling players: how often someone may act, counted in one place for every process of the deployment.

Each key has a bucket of `burst` tokens that refills at `rate` tokens a second; a hit takes one token
or is refused. Refused hits take nothing, so a client that keeps hammering still gets one hit through
every 1/rate seconds — it is slowed to the rate, not locked out.

A *throttled streak* starts with the first refusal and lasts until the bucket is full again (the client
calmed down for burst/rate seconds). Exactly one refusal per streak has `first_in_streak` set: the one
worth telling the client about. Telling them about every refusal would itself be a flood.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable


@dataclass(frozen=True, slots=True)
class Decision:
    allowed: bool
    # Seconds until a hit on this key would be allowed; 0 when this one was.
    retry_after: float = 0.0
    # Set on the first refusal of a throttled streak only.
    first_in_streak: bool = False


ALLOWED = Decision(allowed=True)


class Throttle(Protocol):
    async def hit(self, key: str, *, rate: float, burst: int) -> Decision:
        """Count one hit on `key`, allowed within `burst` at once and `rate` a second on average.

        When the throttle's store is unreachable or too slow the hit is allowed (fail open), never an
        error: an outage of the throttle must not become an outage of everything behind it.
        """
        ...


@runtime_checkable
class ThrottleWithRead(Throttle, Protocol):
    async def hit_and_read(
        self, key: str, *, rate: float, burst: int, read: Sequence[str]
    ) -> tuple[Decision, list[bytes | None] | None]:
        """`hit`, and the values of the `read` keys of the same store, in the same round trip (what a caller
        would read next anyway). The values are None when the store failed (the hit is then allowed)."""
        ...
