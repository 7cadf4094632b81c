"""Notifications and broadcasts to many players within Telegram's limits, each chat at most once.

Wiring (one of each per bot token, shared by every fan-out so the limits hold in all):

    limiter = RateLimiter(global_rate=30, per_chat_interval=1.0)
    sender = TelegramSender(bot, limiter, on_unreachable=mark_player_unreachable)
    fanout = FanOut(sender, RedisDeliveryLedger(redis))
    report = await fanout.deliver(event.event_id, player_ids, render)
"""

from bot.delivery.fanout import FanOut, Recipients, Render, Rendered
from bot.delivery.ledger_guard import LedgerGuard
from bot.delivery.limiter import RateLimiter
from bot.delivery.outcome import Outgoing, SendOutcome, SendResult
from bot.delivery.report import DeliveryReport
from bot.delivery.sender import OnUnreachable, SendGuard, TelegramSender

__all__ = [
    "DeliveryReport",
    "FanOut",
    "LedgerGuard",
    "OnUnreachable",
    "Outgoing",
    "RateLimiter",
    "Recipients",
    "Render",
    "Rendered",
    "SendGuard",
    "SendOutcome",
    "SendResult",
    "TelegramSender",
]
