"""What the Bot API answers when it refuses a request."""

from __future__ import annotations

from typing import Any


class BotApiError(Exception):
    """`{"ok": false, "error_code": …, "description": …}`, with `parameters` where Telegram gives them."""

    def __init__(self, code: int, description: str, *, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.retry_after = retry_after

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {"ok": False, "error_code": self.code, "description": self.description}
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        return body


def bad_request(reason: str) -> BotApiError:
    return BotApiError(400, f"Bad Request: {reason}")


def blocked() -> BotApiError:
    return BotApiError(403, "Forbidden: bot was blocked by the user")


NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly the same as a "
    "current content and reply markup of the message"
)
