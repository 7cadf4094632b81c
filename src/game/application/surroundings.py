"""What a location screen mentions besides its roads: the rifts open there and a world boss alive there."""

from __future__ import annotations

from dataclasses import dataclass, field

from game.api import BossHere, RiftHere
from game.application.ports.unit_of_work import UnitOfWorkFactory
from game.application.ports.world_events import BossArena
from game.application.presenters.bosses import boss_forms, boss_name
from game.application.presenters.names import grammar
from game.application.records import WorldCache
from game.domain.content import Content
from game.domain.rifts import min_level
from shared.ports import Clock


@dataclass(frozen=True, kw_only=True)
class Surroundings:
    content: Content
    uow_factory: UnitOfWorkFactory
    arena: BossArena
    clock: Clock
    # The open rifts and living bosses as last read, under the world's version (see `game.application.records`).
    cache: WorldCache = field(default_factory=WorldCache)

    async def of(
        self, location_id: str, *, world_version: int | None = None
    ) -> tuple[tuple[RiftHere, ...], BossHere | None]:
        """`world_version`: the world's version as just read with the player's hot state; the rifts and
        bosses read at that version are used again, without asking PostgreSQL."""
        now = self.clock.now()
        sights = self.cache.get(world_version) if world_version is not None else None
        if sights is None:
            async with self.uow_factory(read_only=True) as uow:
                open_rifts, alive_bosses = await uow.world.open_rifts(), await uow.world.alive_bosses()
            if world_version is not None:
                self.cache.put(world_version, open_rifts, alive_bosses)
        else:
            open_rifts, alive_bosses = list(sights.rifts), list(sights.bosses)
        rifts = [r for r in open_rifts if r.location_id == location_id and r.closes_at > now]
        bosses = [b for b in alive_bosses if b.location_id == location_id and b.deadline > now]
        here = tuple(
            RiftHere(
                id=r.id,
                name=self.content.rifts[r.template_id].name.as_dict(),
                name_forms=grammar(self.content.rifts[r.template_id].ru),
                tier=r.tier,
                min_level=min_level(r.tier),
                seconds_left=int(r.closes_at - now),
            )
            for r in sorted(rifts, key=lambda r: r.closes_at)
            if r.template_id in self.content.rifts
        )
        if not bosses:
            return here, None
        boss = bosses[0]
        live = await self.arena.state(boss.id)
        if live is not None and live.status != "alive":
            return here, None
        return here, BossHere(
            id=boss.id,
            name=boss_name(self.content, boss),
            name_forms=boss_forms(self.content, boss),
            hp=live.hp if live else boss.hp_left,
            max_hp=live.max_hp if live else boss.max_hp,
            seconds_left=int(boss.deadline - now),
        )
