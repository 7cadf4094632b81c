"""The outermost of the bot's own middlewares: each update gets a request id (carried by its logs and its
calls across the HTTP seam), its update id and player id in the log context, and is counted by kind and
outcome with its duration (`shared.metrics`). Inner middlewares name a special outcome through
`mark(data, outcome)`: a duplicate dropped, a flood throttled, a refusal of the game."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.dispatcher.event.bases import UNHANDLED
from aiogram.types import TelegramObject, Update, User

from shared import request_context
from shared.metrics import UPDATE_SECONDS, UPDATES

OUTCOME_KEY = "update_outcome"


def mark(data: dict[str, Any], outcome: str) -> None:
    box = data.get(OUTCOME_KEY)
    if isinstance(box, dict):
        box["outcome"] = outcome


class ObserveMiddleware(BaseMiddleware):
    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        if not isinstance(event, Update):
            return await handler(event, data)
        kind = event.event_type
        user: User | None = data.get("event_from_user")
        tokens = (
            request_context.request_id.set(request_context.new_request_id()),
            request_context.update_id.set(event.update_id),
            request_context.player_id.set(user.id if user is not None else None),
        )
        box = {"outcome": "handled"}
        data[OUTCOME_KEY] = box
        started = time.perf_counter()
        try:
            result = await handler(event, data)
        except BaseException:
            box["outcome"] = "error"
            raise
        else:
            if result is UNHANDLED and box["outcome"] == "handled":
                box["outcome"] = "unhandled"
            return result
        finally:
            UPDATES.labels(kind, box["outcome"]).inc()
            UPDATE_SECONDS.labels(kind).observe(time.perf_counter() - started)
            request_context.player_id.reset(tokens[2])
            request_context.update_id.reset(tokens[1])
            request_context.request_id.reset(tokens[0])
