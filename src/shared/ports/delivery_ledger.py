"""Which chats a delivery (one notification, one broadcast) has already reached.

A fan-out asks the ledger before every message so that a restarted or repeated delivery of the same
event writes to no chat twice. The life of one (delivery, chat) pair:

    PENDING --claim--> CLAIMED --mark_delivered--> DELIVERED        (final)
                          |----mark_unreachable--> UNREACHABLE      (final: blocked, deleted)
                          |----release-----------> PENDING          (not sent: cancelled, failed)
                          '----lease lapses------> PENDING          (its sender died mid-request)

A claim is taken right before the HTTP request and settled right after Telegram answers, so the only
pair whose fate is unknown after a crash is one whose request was on the wire; its claim lapses after
`lease` seconds and the pair is sent again. A crash can therefore repeat at most the few messages that
were in flight at that instant, never a batch; a graceful stop (task cancellation) repeats none.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from typing import Protocol


class DeliveryState(StrEnum):
    PENDING = "pending"  # never claimed, released, or its claim lapsed: it may be sent
    CLAIMED = "claimed"  # only from `claim`: the caller holds it now
    IN_FLIGHT = "in_flight"  # someone else holds a live claim
    DELIVERED = "delivered"
    UNREACHABLE = "unreachable"

    @property
    def is_final(self) -> bool:
        return self in (DeliveryState.DELIVERED, DeliveryState.UNREACHABLE)


class DeliveryLedger(Protocol):
    async def states(self, delivery_id: str, chat_ids: Sequence[int]) -> list[DeliveryState]:
        """The state of each chat, in order (PENDING, IN_FLIGHT, DELIVERED or UNREACHABLE)."""
        ...

    async def claim(self, delivery_id: str, chat_id: int, *, token: str, lease: float) -> DeliveryState:
        """Take the pair for `lease` seconds; CLAIMED on success, else the state that prevents it.

        Claiming again with the same token renews the lease (a retry after a 429).
        """
        ...

    async def mark_delivered(self, delivery_id: str, chat_id: int) -> None: ...

    async def mark_unreachable(self, delivery_id: str, chat_id: int) -> None: ...

    async def release(self, delivery_id: str, chat_id: int, *, token: str) -> None:
        """Give a claim back (nothing was sent); a no-op unless `token` still holds it."""
        ...
