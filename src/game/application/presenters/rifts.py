"""Rifts and rift runs → DTOs."""

from __future__ import annotations

from game.api import Rewards as RewardsView
from game.api.world import RiftInfo, RiftProgressView
from game.application.ports.world_events import RiftRecord
from game.application.presenters.items import stacks
from game.application.presenters.names import grammar
from game.domain.content import Content
from game.domain.rifts import Rift, RiftRun, min_level


def rift_info(content: Content, record: RiftRecord, now: float) -> RiftInfo:
    template = content.rifts[record.template_id]
    location = content.locations[record.location_id]
    return RiftInfo(
        id=record.id,
        template_id=template.id,
        name=template.name.as_dict(),
        name_forms=grammar(template.ru),
        description=template.description.as_dict(),
        location_id=location.id,
        location_name=location.name.as_dict(),
        location_forms=grammar(location.ru),
        tier=record.tier,
        min_level=min_level(record.tier),
        floors=template.floors,
        steps_per_floor=template.steps_per_floor,
        closes_at=record.closes_at,
        seconds_left=max(0, int(record.closes_at - now)),
        status=record.status if record.closes_at > now else "collapsed",
    )


def progress_view(
    content: Content, run: RiftRun, record: RiftRecord, rift: Rift, now: float, *, level: int
) -> RiftProgressView:
    cleared = run.status == "cleared"
    reward = None
    if cleared:
        reward = RewardsView(
            xp=rift.reward.xp,
            gold=rift.reward.gold,
            items=stacks(content, rift.reward.items),
            items_lost=(),
            level=level,
            levels_gained=0,
        )
    return RiftProgressView(
        rift=rift_info(content, record, now),
        status=run.status,
        floor=len(rift.floors) if cleared else run.floor + 1,
        step=rift.steps_per_floor if cleared else run.step + 1,
        steps_done=run.steps_done(rift),
        steps_total=rift.total_steps,
        fighting=run.fighting,
        looted_gold=run.gold,
        looted_items=stacks(content, run.items),
        reward=reward,
        fights_xp=run.fights_xp,
        fights_gold=run.fights_gold,
        fights_items=stacks(content, run.fights_items),
    )
