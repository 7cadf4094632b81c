"""What only admins may do: look a player up, open a rift or spawn a boss now."""

from __future__ import annotations

import re
from dataclasses import dataclass

from game.api import CharacterSheet, NotRegistered
from game.api.wire import INT64_MAX, INT64_MIN
from game.api.world import BossView, RiftInfo
from game.application.characters import Characters
from game.application.ports.unit_of_work import UnitOfWorkFactory
from game.application.rifts import Rifts
from game.application.world_bosses import WorldBosses
from game.domain.character import name_key


@dataclass(frozen=True, kw_only=True)
class Administration:
    uow_factory: UnitOfWorkFactory
    characters: Characters
    rifts: Rifts
    bosses: WorldBosses

    async def find_player(self, *, query: str) -> CharacterSheet:
        query = query.strip().lstrip("@")
        player_id: int | None = None
        if re.fullmatch(r"-?[0-9]+", query):
            # An id: one beyond 64 bits names no player (and must not reach the database).
            number = int(query) if len(query) <= 20 else None
            player_id = number if number is not None and INT64_MIN <= number <= INT64_MAX else None
        else:
            async with self.uow_factory(read_only=True) as uow:
                player_id = await uow.characters.id_by_name(name_key(query))
        if player_id is None:
            raise NotRegistered("no such player", query=query)
        return await self.characters.get_character(player_id=player_id)

    async def admin_open_rift(
        self, *, location_id: str | None = None, tier: int | None = None, duration_minutes: float = 30.0
    ) -> RiftInfo:
        return await self.rifts.open_now(location_id=location_id, tier=tier, duration_minutes=duration_minutes)

    async def admin_spawn_boss(
        self, *, location_id: str | None = None, boss_def_id: str | None = None, duration_minutes: float = 15.0
    ) -> BossView:
        return await self.bosses.spawn_now(
            location_id=location_id, boss_def_id=boss_def_id, duration_minutes=duration_minutes
        )
