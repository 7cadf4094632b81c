"""World bosses are fair to whoever comes: a fair share of the damage pays a full share, however many came;
the pool grows with each fighter's own strength; an escape still pays, a part, and no loot."""

from __future__ import annotations

from dataclasses import replace

from game.domain.character import Stats, derive
from game.domain.content import Content
from game.domain.monsters import monster_at_level
from game.domain.world_boss import ESCAPE_SHARE, contribution_rewards, expected_blow, fighter_share


def _boss(content: Content):
    spec = content.bosses["old_tusk"]
    return spec, monster_at_level(content.monsters[spec.monster], 4)


def test_a_fair_share_pays_the_same_alone_or_in_a_crowd(content: Content) -> None:
    spec, boss = _boss(content)
    alone = contribution_rewards(content, spec.id, boss, {1: 500}, killer_id=1, seed="s", max_hp=500)
    crowd = contribution_rewards(content, spec.id, boss, {1: 500, 2: 500, 3: 500}, killer_id=3, seed="s", max_hp=1500)
    assert {r.xp for r in crowd.values()} == {alone[1].xp}
    assert {r.gold for r in crowd.values()} == {alone[1].gold}


def test_more_damage_pays_more_within_bounds(content: Content) -> None:
    spec, boss = _boss(content)
    paid = contribution_rewards(content, spec.id, boss, {1: 50, 2: 500, 3: 5000}, killer_id=3, seed="s", max_hp=1500)
    assert paid[1].xp < paid[2].xp < paid[3].xp
    assert paid[3].xp <= paid[2].xp * 1.5  # the cap: one heavy hitter does not take a raid's worth
    assert paid[1].xp > 0  # showing up and hitting a little still pays a little


def test_an_escape_pays_part_of_a_share_and_no_loot(content: Content) -> None:
    spec, boss = _boss(content)
    damage = {1: 400, 2: 600}
    killed = contribution_rewards(content, spec.id, boss, damage, killer_id=2, seed="s", max_hp=1000)
    escaped = contribution_rewards(content, spec.id, boss, damage, killer_id=None, seed="s", max_hp=1000, killed=False)
    for pid in damage:
        assert (
            escaped[pid].xp == max(1, round(killed[pid].xp * ESCAPE_SHARE))
            or abs(escaped[pid].xp - killed[pid].xp * ESCAPE_SHARE) <= 1
        )
        assert escaped[pid].items == {}


def test_a_stronger_or_earlier_fighter_adds_more_to_the_pool(content: Content) -> None:
    _, boss = _boss(content)
    weak = derive(Stats(8, 8, 8, 8), 4)
    strong = replace(weak, attack=weak.attack * 3)
    assert expected_blow(strong, boss) > expected_blow(weak, boss) > 0
    assert fighter_share(strong, boss, 600, 10, 1.0) > fighter_share(weak, boss, 600, 10, 1.0)
    assert fighter_share(weak, boss, 600, 10, 1.0) > fighter_share(weak, boss, 60, 10, 1.0)
