"""A SendGuard that records one (delivery, chat) pair in the delivery ledger."""

from __future__ import annotations

from uuid import uuid4

from bot.delivery.outcome import SendOutcome
from shared.ports.delivery_ledger import DeliveryLedger, DeliveryState


class LedgerGuard:
    def __init__(self, ledger: DeliveryLedger, delivery_id: str, chat_id: int, *, lease: float) -> None:
        self._ledger = ledger
        self._delivery_id = delivery_id
        self._chat_id = chat_id
        self._lease = lease
        # One token per send, not per process: the same chat listed twice in one run is still sent once.
        self._token = uuid4().hex
        self.refused_by: DeliveryState | None = None

    async def begin(self) -> bool:
        state = await self._ledger.claim(self._delivery_id, self._chat_id, token=self._token, lease=self._lease)
        if state is DeliveryState.CLAIMED:
            return True
        self.refused_by = state
        return False

    async def settle(self, outcome: SendOutcome) -> None:
        if outcome is SendOutcome.SENT:
            await self._ledger.mark_delivered(self._delivery_id, self._chat_id)
        elif outcome is SendOutcome.UNREACHABLE:
            await self._ledger.mark_unreachable(self._delivery_id, self._chat_id)
        else:
            await self._ledger.release(self._delivery_id, self._chat_id, token=self._token)
