"""What is sent and what came of it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from aiogram.types import InlineKeyboardMarkup


@dataclass(frozen=True, slots=True)
class Outgoing:
    text: str
    reply_markup: InlineKeyboardMarkup | None = None
    disable_notification: bool | None = None


class SendOutcome(StrEnum):
    SENT = "sent"
    UNREACHABLE = "unreachable"  # blocked the bot, deactivated, chat not found: never write again
    FAILED = "failed"  # gave up (retries exhausted, a request Telegram refuses); a later run may try again
    SKIPPED = "skipped"  # the guard said no: delivered or being delivered elsewhere
    CANCELLED = "cancelled"  # stopped before Telegram had it; only ever seen by a guard


@dataclass(frozen=True, slots=True)
class SendResult:
    chat_id: int
    outcome: SendOutcome
    flood_waits: int = 0  # 429s answered
    retries: int = 0  # transient failures retried
    message_id: int | None = None
    error: str | None = None
