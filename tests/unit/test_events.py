"""Events cross a process boundary as JSON and come back equal; anything else is an UnknownEvent."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from shared.events import (
    EVENT_TYPES,
    ArenaDefended,
    BossDefeated,
    BossEscaped,
    BossPayout,
    BossSharesPaid,
    BossSpawned,
    Broadcast,
    CharacterCreated,
    Event,
    FightWon,
    GuildMessage,
    GuildNotice,
    InviteRewarded,
    ItemCrafted,
    OrderFilled,
    PlayerLeveledUp,
    RiftCollapsed,
    RiftOpened,
    TradeUpdated,
    UnknownEvent,
    event_from_json,
)

ONE_OF_EACH: list[Event] = [
    CharacterCreated(player_id=1, name="Aé", class_id="mage", location_id="ashford"),
    PlayerLeveledUp(player_id=1, level=7),
    RiftOpened(rift_id="r1", location_id="caves", tier=3, closes_at=1_700_000_000.5),
    RiftCollapsed(rift_id="r1", location_id="caves", evicted_player_ids=(1, 2)),
    BossSpawned(boss_id="b1", monster_id="troll", location_id="caves", hp=5000, deadline=1_700_000_900.0),
    BossSharesPaid(
        boss_id="b1",
        monster_id="troll",
        location_id="caves",
        defeated=True,
        killer_id=4,
        payouts=(BossPayout(player_id=3, damage=9, xp=5, gold=7, items={"wolf_pelt": 1}),),
    ),
    BossDefeated(boss_id="b1", monster_id="troll", location_id="caves", contributors=(3, 4), killer_id=4),
    BossEscaped(boss_id="b1", monster_id="troll", location_id="caves", contributors=(3,)),
    Broadcast(text="Привет, мир"),
    # players together
    GuildNotice(guild_id=1, guild_name="Волки", guild_tag="ВК", what="joined", player_id=2, recipients=(1,)),
    GuildMessage(guild_id=1, guild_tag="IW", author_id=2, author_name="Mira", text="hi", recipients=(1, 3)),
    ArenaDefended(
        fight_id=7,
        defender_id=1,
        challenger_id=2,
        challenger_name="Mira",
        defender_won=False,
        rating_change=-20,
        rating=980,
    ),
    # the player economy
    OrderFilled(player_id=1, order_id=7, item_id="iron_ore", side="sell", quantity=3, price=10, remaining=2, fee=1),
    FightWon(player_id=1, monster_id="wolf", combat_id="c1"),
    ItemCrafted(player_id=1, recipe_id="iron_sword", quantity=1),
    TradeUpdated(player_id=2, trade_id=5, by_name="Ирина", status="open"),
    InviteRewarded(player_id=3, invitee_name="Mira", gold=100),
]


def test_one_of_each_kind_is_listed() -> None:
    assert sorted(type(e).__name__ for e in ONE_OF_EACH) == sorted(cls.__name__ for cls in EVENT_TYPES.values())


@pytest.mark.parametrize("event", ONE_OF_EACH, ids=lambda e: e.kind)
def test_every_kind_round_trips(event: Event) -> None:
    raw = event.to_json()
    assert json.loads(raw)["kind"] == event.kind
    back = event_from_json(raw)
    assert type(back) is type(event) and back == event
    assert event_from_json(raw.encode()) == event


def test_a_new_event_gets_a_fresh_id_and_cannot_change() -> None:
    a, b = Broadcast(text="x"), Broadcast(text="x")
    assert len(a.event_id) == 32 and a.event_id != b.event_id
    with pytest.raises(ValidationError):
        a.text = "y"  # type: ignore[misc]


def test_lists_on_the_wire_come_back_as_tuples() -> None:
    raw = '{"kind": "rift_collapsed", "event_id": "e1", "rift_id": "r", "location_id": "l", "evicted_player_ids": [5]}'
    assert event_from_json(raw) == RiftCollapsed(event_id="e1", rift_id="r", location_id="l", evicted_player_ids=(5,))


def test_a_kind_cannot_be_overridden() -> None:
    with pytest.raises(ValidationError):
        Broadcast(kind="boss_spawned", text="x")


@pytest.mark.parametrize(
    "raw",
    [
        '{"kind": "nope"}',
        '{"text": "no kind"}',
        '{"kind": "broadcast"}',  # a field missing
        '{"kind": "broadcast", "text": "x", "extra": 1}',
        '{"kind": "player_leveled_up", "player_id": "one", "level": 2}',
        '["kind", "broadcast"]',
        "not json",
        "",
    ],
)
def test_anything_else_is_an_unknown_event(raw: str) -> None:
    with pytest.raises(UnknownEvent):
        event_from_json(raw)
    assert issubclass(UnknownEvent, ValueError)  # callers that catch ValueError keep working
