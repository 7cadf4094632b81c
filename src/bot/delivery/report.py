"""What one fan-out did, counted as it goes."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from bot.delivery.outcome import SendOutcome, SendResult
from shared.metrics import NOTIFICATION_FLOOD_WAITS, NOTIFICATIONS


@dataclass
class DeliveryReport:
    delivery_id: str
    recipients: int = 0
    sent: int = 0
    skipped_already_delivered: int = 0  # delivered before, or listed twice and being sent now
    skipped_unreachable: int = 0  # found unreachable by an earlier run of this delivery
    unreachable: int = 0  # found unreachable now; `on_unreachable` was told
    not_rendered: int = 0  # the render callback returned None: nothing to say to this chat
    failed: int = 0  # gave up; released, so running the same delivery again retries them
    in_flight_elsewhere: int = 0  # another sender still held them after we waited out a lease
    flood_waits: int = 0  # 429s answered
    retries: int = 0  # transient errors retried
    seconds: float = 0.0

    def count(self, result: SendResult) -> None:
        self.flood_waits += result.flood_waits
        self.retries += result.retries
        if result.flood_waits:
            NOTIFICATION_FLOOD_WAITS.inc(result.flood_waits)
        if result.outcome is SendOutcome.SENT:
            self.sent += 1
            NOTIFICATIONS.labels("sent").inc()
        elif result.outcome is SendOutcome.UNREACHABLE:
            self.unreachable += 1
            NOTIFICATIONS.labels("unreachable").inc()
        elif result.outcome is SendOutcome.FAILED:
            self.failed += 1
            NOTIFICATIONS.labels("failed").inc()

    def as_dict(self) -> dict[str, object]:
        return asdict(self)
