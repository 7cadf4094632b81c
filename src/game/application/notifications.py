"""Who wants to hear about what: muted categories and players who blocked the bot."""

from __future__ import annotations

from dataclasses import dataclass

from game.api import NotificationSettings, UnknownEntry
from game.api.kinds import NotificationCategory
from game.application.players import Players
from game.application.ports.unit_of_work import UnitOfWorkFactory

CATEGORIES: tuple[NotificationCategory, ...] = ("rifts", "bosses", "guild_chat", "arena", "exchange")
EVERYONE = "everyone"  # announcements from admins: cannot be muted, only blocking the bot stops them


@dataclass(frozen=True, kw_only=True)
class Notifications:
    uow_factory: UnitOfWorkFactory
    players: Players

    async def notification_settings(self, *, player_id: int) -> NotificationSettings:
        async with self.uow_factory(read_only=True) as uow:
            await self.players.record(uow, player_id)
            muted = await uow.settings.muted(player_id)
        return NotificationSettings(categories=CATEGORIES, muted=_sorted(muted))

    async def set_notification(self, *, player_id: int, category: str, enabled: bool) -> NotificationSettings:
        if category not in CATEGORIES:
            raise UnknownEntry(f"no notification category {category!r}", category=category)
        async with self.uow_factory() as uow:
            await self.players.record(uow, player_id, for_update=True)
            muted = await uow.settings.muted(player_id)
            muted = muted - {category} if enabled else muted | {category}
            await uow.settings.set_muted(player_id, muted)
            await uow.commit()
        return NotificationSettings(categories=CATEGORIES, muted=_sorted(muted))

    async def set_reachable(self, *, player_id: int, reachable: bool) -> None:
        async with self.uow_factory() as uow:
            if await uow.characters.get(player_id) is None:
                return  # nobody to remember it for
            await uow.settings.set_reachable(player_id, reachable)
            await uow.commit()

    async def notification_recipients(self, *, category: str, after_player_id: int = 0, limit: int = 1000) -> list[int]:
        if category not in (*CATEGORIES, EVERYONE):
            raise UnknownEntry(f"no notification category {category!r}", category=category)
        async with self.uow_factory(read_only=True) as uow:
            return await uow.settings.recipients(category, after=after_player_id, limit=max(1, min(limit, 5000)))


def _sorted(muted: frozenset[str]) -> tuple[NotificationCategory, ...]:
    # Only known categories are ever stored (`set_notification` checks them).
    return tuple(c for c in CATEGORIES if c in muted)
