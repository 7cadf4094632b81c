from __future__ import annotations

from typing import Protocol, runtime_checkable

from game.api.dto import NotificationSettings


@runtime_checkable
class NotificationsApi(Protocol):
    """Who wants to be told what, and who can be reached at all."""

    async def notification_settings(self, *, player_id: int) -> NotificationSettings: ...

    async def set_notification(self, *, player_id: int, category: str, enabled: bool) -> NotificationSettings: ...

    async def set_reachable(self, *, player_id: int, reachable: bool) -> None:
        """False once Telegram says the player blocked the bot; True again when they write to it."""
        ...

    async def notification_recipients(self, *, category: str, after_player_id: int = 0, limit: int = 1000) -> list[int]:
        """Players to tell about `category` (not muted, reachable), in id order, a page at a time.
        `category="everyone"`: every reachable player (announcements cannot be muted)."""
        ...
