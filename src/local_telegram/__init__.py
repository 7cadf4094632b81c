"""A local Telegram: the Bot API over HTTP with Telegram's semantics and errors, and a web chat in which
players (several at once, on this machine or its network) talk to the bot the way they would on Telegram.

It stands alone: it knows nothing of the game, and a bot reaches it through its URL (`TELEGRAM_API_URL`)
exactly as it reaches Telegram.
"""

from local_telegram.bot_api import BotApi, Limits, Rejection, Request, Sent
from local_telegram.errors import BotApiError
from local_telegram.server import LocalTelegram, player_id

__all__ = ["BotApi", "BotApiError", "Limits", "LocalTelegram", "Rejection", "Request", "Sent", "player_id"]
