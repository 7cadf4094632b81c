"""World bosses → DTOs."""

from __future__ import annotations

from game.api import Grammar, LocalText
from game.api.kinds import BossStatus
from game.api.world import BossView
from game.application.ports.world_events import BossRecord
from game.application.presenters.names import grammar
from game.domain.content import Content


def boss_name(content: Content, boss: BossRecord) -> LocalText:
    """A world boss's own title, or its monster's name where it has none."""
    spec = content.bosses.get(boss.boss_def_id)
    name = spec.name if spec is not None and spec.name is not None else content.monsters[boss.monster_id].name
    return name.as_dict()


def boss_forms(content: Content, boss: BossRecord) -> Grammar:
    """The forms of the name `boss_name` gives."""
    spec = content.bosses.get(boss.boss_def_id)
    ru = spec.ru if spec is not None and spec.name is not None else content.monsters[boss.monster_id].ru
    return grammar(ru)


def boss_view(
    content: Content, boss: BossRecord, now: float, *, hp: int, status: BossStatus, mine: tuple[int, int]
) -> BossView:
    monster = content.monsters[boss.monster_id]
    location = content.locations[boss.location_id]
    return BossView(
        id=boss.id,
        boss_def_id=boss.boss_def_id,
        monster_id=boss.monster_id,
        name=boss_name(content, boss),
        name_forms=boss_forms(content, boss),
        description=monster.description.as_dict(),
        location_id=location.id,
        location_name=location.name.as_dict(),
        location_forms=grammar(location.ru),
        level=boss.level,
        hp=hp,
        max_hp=boss.max_hp,
        status=status,
        deadline=boss.deadline,
        seconds_left=max(0, int(boss.deadline - now)),
        cooldown_seconds=boss.cooldown_ms / 1000,
        my_damage=mine[0],
        my_cooldown_left=round(mine[1] / 1000, 1),
    )
