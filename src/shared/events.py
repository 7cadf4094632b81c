"""Event contracts: what the game announces and the bot turns into messages.

Events are frozen pydantic models tagged by `kind`; one discriminated union (`AnyEvent`) and its
`TypeAdapter` carry them across a process boundary as JSON, so a new event needs only its class and
its place in the union.
"""

from __future__ import annotations

from typing import Annotated, Literal, TypeAlias, get_args
from uuid import uuid4

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError


def _new_id() -> str:
    return uuid4().hex


class Event(BaseModel):
    # Unknown fields are refused, as a payload this version cannot fully read is a malformed one.
    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: str
    event_id: str = Field(default_factory=_new_id)

    def to_json(self) -> str:
        # The model's own serializer is the one the union's adapter dispatches to by `kind`.
        return self.model_dump_json()


class CharacterCreated(Event):
    """A new character entered the world: the bot greets its player."""

    kind: Literal["character_created"] = "character_created"
    player_id: int
    name: str
    class_id: str
    location_id: str


class PlayerLeveledUp(Event):
    kind: Literal["player_leveled_up"] = "player_leveled_up"
    player_id: int
    level: int
    # The screen that paid the XP already says so (a won fight): the player needs no second message.
    shown: bool = False


class RiftOpened(Event):
    kind: Literal["rift_opened"] = "rift_opened"
    rift_id: str
    location_id: str
    tier: int
    closes_at: float


class RiftCollapsed(Event):
    kind: Literal["rift_collapsed"] = "rift_collapsed"
    rift_id: str
    location_id: str
    evicted_player_ids: tuple[int, ...] = ()


class BossSpawned(Event):
    kind: Literal["boss_spawned"] = "boss_spawned"
    boss_id: str
    monster_id: str
    location_id: str
    hp: int
    deadline: float


class BossPayout(BaseModel):
    """What one contributor of a world boss was paid (told to them with the announcement)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    player_id: int
    damage: int
    xp: int
    gold: int
    items: dict[str, int] = Field(default_factory=dict)
    # The items' names by language ({item id: {"en": …, "ru": …}}), so the notice names them even when
    # they are no longer in the bag.
    item_names: dict[str, dict[str, str]] = Field(default_factory=dict)


class BossSharesPaid(Event):
    """Some contributors of an ended world boss were just paid (one batch): each hears of their share at once,
    not when the last of thousands is paid. The end's announcement follows, once, when all are."""

    kind: Literal["boss_shares_paid"] = "boss_shares_paid"
    boss_id: str
    monster_id: str
    location_id: str
    defeated: bool  # False: it escaped (an escape still pays by contribution)
    killer_id: int | None = None
    payouts: tuple[BossPayout, ...] = ()  # those this batch paid


class BossDefeated(Event):
    kind: Literal["boss_defeated"] = "boss_defeated"
    boss_id: str
    monster_id: str
    location_id: str
    contributors: tuple[int, ...] = ()
    killer_id: int | None = None
    payouts: tuple[BossPayout, ...] = ()
    # True: each contributor was told their share as they were paid (`BossSharesPaid`); this tells them no more.
    shares_told: bool = False


class BossEscaped(Event):
    kind: Literal["boss_escaped"] = "boss_escaped"
    boss_id: str
    monster_id: str
    location_id: str
    contributors: tuple[int, ...] = ()  # who fought it (their damage still counts on the leaderboard)
    payouts: tuple[BossPayout, ...] = ()  # an escape still pays by contribution
    shares_told: bool = False  # as for `BossDefeated`


class Broadcast(Event):
    kind: Literal["broadcast"] = "broadcast"
    text: str


# --- guilds and the arena -------------------------------------------------------------------------


class GuildNotice(Event):
    """Something happened in a guild; its members (`recipients`, the actor left out) are told.

    `what`: joined | left | kicked | promoted | demoted | new_leader | level_up | disbanded; invited (told
    to the invitee) | requested (told to those who answer requests)."""

    kind: Literal["guild_notice"] = "guild_notice"
    guild_id: int
    guild_name: str
    guild_tag: str
    what: str
    player_id: int | None = None
    player_name: str | None = None
    level: int | None = None
    recipients: tuple[int, ...] = ()


class GuildMessage(Event):
    """A member's message to the guild chat, for the members who have not muted it."""

    kind: Literal["guild_message"] = "guild_message"
    guild_id: int
    guild_tag: str
    author_id: int
    author_name: str
    text: str
    recipients: tuple[int, ...] = ()


class ArenaDefended(Event):
    """A player's ghost was challenged in the arena: the defender is told how it went, with a way to revenge."""

    kind: Literal["arena_defended"] = "arena_defended"
    fight_id: int
    defender_id: int
    challenger_id: int
    challenger_name: str
    defender_won: bool
    rating_change: int
    rating: int


# --- the player economy ---------------------------------------------------------------------------


class OrderFilled(Event):
    """A resting order on the exchange traded (in part or in full); told to its owner."""

    kind: Literal["order_filled"] = "order_filled"
    player_id: int
    order_id: int
    item_id: str
    side: Literal["buy", "sell"]
    quantity: int  # traded just now
    price: int  # per unit
    remaining: int  # still open (0: the order is filled)
    fee: int = 0  # taken from a seller's proceeds
    taker: bool = False  # the placing player's side (they saw it on screen: nobody is told)


class TradeUpdated(Event):
    """A direct trade was offered, changed, confirmed, done or cancelled by the other side; told to
    `player_id`."""

    kind: Literal["trade_updated"] = "trade_updated"
    player_id: int
    trade_id: int
    by_name: str
    status: Literal["open", "done", "cancelled", "expired"]


class InviteRewarded(Event):
    """A player the inviter brought reached the level that pays for the invitation."""

    kind: Literal["invite_rewarded"] = "invite_rewarded"
    player_id: int  # the inviter
    invitee_name: str
    gold: int


class FightWon(Event):
    """A player won a fight (what daily bounties count)."""

    kind: Literal["fight_won"] = "fight_won"
    player_id: int
    monster_id: str
    combat_id: str


class ItemCrafted(Event):
    kind: Literal["item_crafted"] = "item_crafted"
    player_id: int
    recipe_id: str
    quantity: int


_Events: TypeAlias = (
    CharacterCreated
    | PlayerLeveledUp
    | RiftOpened
    | RiftCollapsed
    | BossSpawned
    | BossSharesPaid
    | BossDefeated
    | BossEscaped
    | Broadcast
    | GuildNotice
    | GuildMessage
    | ArenaDefended
    # the player economy
    | OrderFilled
    | FightWon
    | ItemCrafted
    | TradeUpdated
    | InviteRewarded
)
AnyEvent: TypeAlias = Annotated[_Events, Field(discriminator="kind")]

_ADAPTER: TypeAdapter[AnyEvent] = TypeAdapter(AnyEvent)

# kind → class, read off the union (for tools and tests; decoding goes through the adapter).
EVENT_TYPES: dict[str, type[Event]] = {cls.model_fields["kind"].default: cls for cls in get_args(_Events)}


class UnknownEvent(ValueError):
    """A payload that is no event this version knows: an unknown kind, or malformed."""


def event_from_json(raw: str | bytes | bytearray) -> Event:
    try:
        return _ADAPTER.validate_json(raw)
    except ValidationError as error:
        raise UnknownEvent(f"not an event: {error.errors(include_url=False)[0]['msg']}") from error
