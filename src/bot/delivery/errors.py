"""What a failed request to Telegram means for one delivery."""

from __future__ import annotations

from enum import Enum

from aiogram.exceptions import (
    ClientDecodeError,
    TelegramAPIError,
    TelegramBadRequest,
    TelegramConflictError,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramServerError,
    TelegramUnauthorizedError,
)


class Verdict(Enum):
    UNREACHABLE = "unreachable"  # the chat is gone for us: stop writing to it
    TRANSIENT = "transient"  # try again after a while
    REFUSED = "refused"  # Telegram will refuse this message again: do not retry it
    FATAL = "fatal"  # the bot itself cannot send (token revoked, another instance): stop everything


# 400s that mean the recipient, not the message, is the problem.
_GONE_CHAT = ("chat not found", "user not found", "user is deactivated", "peer_id_invalid", "bot was blocked")


def classify(error: Exception) -> Verdict:
    # Every 403 on a private chat means the same to us: blocked, deactivated, or never started the bot.
    if isinstance(error, TelegramForbiddenError):
        return Verdict.UNREACHABLE
    if isinstance(error, TelegramBadRequest):
        message = error.message.lower()
        return Verdict.UNREACHABLE if any(s in message for s in _GONE_CHAT) else Verdict.REFUSED
    if isinstance(error, TelegramUnauthorizedError | TelegramConflictError):
        return Verdict.FATAL
    # A network error may hide a message Telegram did get; retrying risks one repeat, not a loss.
    if isinstance(error, TelegramNetworkError | TelegramServerError | ClientDecodeError | OSError | TimeoutError):
        return Verdict.TRANSIENT
    return Verdict.REFUSED


# What the sender catches and classifies; anything else is a bug and propagates.
HANDLED = (TelegramAPIError, ClientDecodeError, OSError, TimeoutError)
