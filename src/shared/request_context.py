"""What the work at hand is about — the request id, the Telegram update and the player — kept in context
variables, so logs carry them and a call across the HTTP seam continues the same request id."""

from __future__ import annotations

import uuid
from contextvars import ContextVar

request_id: ContextVar[str | None] = ContextVar("request_id", default=None)
update_id: ContextVar[int | None] = ContextVar("update_id", default=None)
player_id: ContextVar[int | None] = ContextVar("player_id", default=None)


def new_request_id() -> str:
    return uuid.uuid4().hex[:16]
