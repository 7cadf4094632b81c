from __future__ import annotations

from typing import Protocol, runtime_checkable

from game.api.economy import EconomyReport, ExpiryReport


@runtime_checkable
class EconomyJobsApi(Protocol):
    """The economy's operator side: expiring orders (a scheduled job) and the money supply report."""

    async def expire_orders(self, *, limit: int = 500) -> ExpiryReport: ...

    async def economy_report(self, *, most_traded: int = 5) -> EconomyReport: ...
