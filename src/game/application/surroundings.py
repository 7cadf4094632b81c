"""What a location screen mentions besides its roads: the rifts open there and a world boss alive there."""

from __future__ import annotations

from dataclasses import dataclass

from game.api import BossHere, RiftHere
from game.application.ports.unit_of_work import UnitOfWorkFactory
from game.application.ports.world_events import BossArena
from game.application.presenters.bosses import boss_forms, boss_name
from game.application.presenters.names import grammar
from game.domain.content import Content
from game.domain.rifts import min_level
from shared.ports import Clock


@dataclass(frozen=True, kw_only=True)
class Surroundings:
    content: Content
    uow_factory: UnitOfWorkFactory
    arena: BossArena
    clock: Clock

    async def of(self, location_id: str) -> tuple[tuple[RiftHere, ...], BossHere | None]:
        now = self.clock.now()
        async with self.uow_factory(read_only=True) as uow:
            rifts = [r for r in await uow.world.open_rifts() if r.location_id == location_id and r.closes_at > now]
            bosses = [b for b in await uow.world.alive_bosses() if b.location_id == location_id and b.deadline > now]
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
