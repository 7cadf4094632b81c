"""Handling each Telegram update once across every bot process.

Telegram may deliver the same update twice (a webhook retried after a slow answer, a restart between
fetching updates and confirming them); with several replicas the copies may land on different processes
at once. The first copy *claims* the update for a lease; a copy that arrives after it was *finished* is
dropped unseen — it must not answer the callback query, or the first copy's answer would fail. A copy that
arrives while it is claimed waits: dropped once the claim is finished, handled if the claim lapses (its
process died mid-update, and Telegram, seeing no answer, delivered it again). A copy whose handling
failed *releases* it, so a later re-delivery is handled again.
"""

from __future__ import annotations

from typing import Protocol


class UpdateGuard(Protocol):
    async def claim(self, key: str, *, lease_seconds: float) -> bool:
        """Whether this process is the one to handle `key`. Fails open (True) when the store is unreachable."""
        ...

    async def finished(self, key: str) -> bool:
        """Whether `key` was handled (not merely claimed)."""
        ...

    async def finish(self, key: str, *, keep_seconds: float) -> None:
        """`key` was handled: copies arriving within `keep_seconds` are dropped."""
        ...

    async def release(self, key: str) -> None:
        """Handling `key` failed: a later copy is handled again."""
        ...
