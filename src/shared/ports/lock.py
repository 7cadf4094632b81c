from __future__ import annotations

from typing import Protocol


class JobLock(Protocol):
    """A lock shared by every process of the deployment, so a periodic job runs once across replicas.

    A hold lapses after `ttl` seconds: a holder that died is taken over without anyone cleaning up.
    """

    async def acquire(self, name: str, ttl: float) -> bool:
        """Take `name` for `ttl` seconds; False if another holder has it."""
        ...

    async def release(self, name: str) -> None:
        """Give `name` back early; a no-op if this holder no longer has it (it lapsed, or was taken over)."""
        ...
