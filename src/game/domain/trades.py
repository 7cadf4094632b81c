"""Direct trades between two players: each puts gold and items on their side, both confirm the offer as it
stands, and the swap happens at once for both or not at all. Any change to either side gives the offer a
new version and withdraws both confirmations, so nobody confirms what they did not see. Pure."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Literal

from game.domain.content import ItemDef
from game.domain.errors import NotEnoughGold, RuleViolation
from game.domain.exchange import MAX_PRICE, MAX_QUANTITY
from game.domain.inventory import Inventory

TradeStatus = Literal["open", "done", "cancelled", "expired"]
TRADE_MINUTES = 60.0  # an offer nobody completes is gone after this


class TradeRefused(RuleViolation):
    """The trade cannot be made as asked: with yourself, an untradable item, a number out of range."""

    code = "trade_refused"


class StaleTrade(RuleViolation):
    """The offer changed since it was shown: look again before confirming."""

    code = "stale_trade"


class TradeClosed(RuleViolation):
    code = "trade_closed"


@dataclass(frozen=True)
class Offer:
    gold: int = 0
    items: Mapping[str, int] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return self.gold == 0 and not self.items


@dataclass(frozen=True)
class Trade:
    id: int
    a_id: int  # who proposed it
    b_id: int
    a: Offer
    b: Offer
    version: int
    a_ok: bool
    b_ok: bool
    status: TradeStatus
    created_at: float
    expires_at: float

    def party(self, player_id: int) -> bool:
        return player_id in (self.a_id, self.b_id)

    def offer_of(self, player_id: int) -> Offer:
        return self.a if player_id == self.a_id else self.b

    def status_at(self, now: float) -> TradeStatus:
        return "expired" if self.status == "open" and now >= self.expires_at else self.status


def propose(*, trade_id: int, a_id: int, b_id: int, now: float) -> Trade:
    if a_id == b_id:
        raise TradeRefused("you cannot trade with yourself", reason="self")
    return Trade(trade_id, a_id, b_id, Offer(), Offer(), 1, False, False, "open", now, now + TRADE_MINUTES * 60)


def _open(trade: Trade, now: float) -> None:
    status = trade.status_at(now)
    if status != "open":
        raise TradeClosed("that trade is closed", status=status)


def check_offer(offer: Offer, catalog: Mapping[str, ItemDef]) -> Offer:
    if isinstance(offer.gold, bool) or not isinstance(offer.gold, int) or not 0 <= offer.gold <= MAX_PRICE:
        raise TradeRefused("gold must be a whole number from 0", reason="gold", limit=MAX_PRICE)
    items = {}
    for item_id, quantity in sorted(offer.items.items()):
        item = catalog.get(item_id)
        if item is None or not item.tradable:
            raise TradeRefused("that item cannot be traded", reason="item", item=item_id)
        if isinstance(quantity, bool) or not isinstance(quantity, int) or not 0 <= quantity <= MAX_QUANTITY:
            raise TradeRefused("a quantity must be a whole number", reason="quantity", limit=MAX_QUANTITY)
        if quantity:
            items[item_id] = quantity
    return Offer(gold=offer.gold, items=items)


def change(trade: Trade, player_id: int, offer: Offer, *, version: int, now: float) -> Trade:
    """Set one side of the offer: a new version, and neither side's confirmation stands any more."""
    _open(trade, now)
    if trade.version != version:
        raise StaleTrade("the offer changed since you saw it", version=trade.version)
    changed = replace(trade, a=offer) if player_id == trade.a_id else replace(trade, b=offer)
    return replace(changed, version=trade.version + 1, a_ok=False, b_ok=False)


def confirm(trade: Trade, player_id: int, *, version: int, now: float) -> Trade:
    """Confirm the offer as of `version` (a confirmation of an older one is refused)."""
    _open(trade, now)
    if trade.version != version:
        raise StaleTrade("the offer changed since you saw it", version=trade.version)
    if trade.a.empty and trade.b.empty:
        raise TradeRefused("nothing is offered on either side", reason="empty")
    return replace(trade, a_ok=trade.a_ok or player_id == trade.a_id, b_ok=trade.b_ok or player_id == trade.b_id)


def cancel(trade: Trade, now: float) -> Trade:
    _open(trade, now)
    return replace(trade, status="cancelled")


@dataclass(frozen=True)
class Swapped:
    a_gold: int
    a_bag: Inventory
    b_gold: int
    b_bag: Inventory


def swap(
    trade: Trade, a_gold: int, a_bag: Inventory, b_gold: int, b_bag: Inventory, catalog: Mapping[str, ItemDef]
) -> Swapped:
    """Both sides at once: each gives what they offered and gets the other's (all or nothing)."""
    for gold, offer in ((a_gold, trade.a), (b_gold, trade.b)):
        if gold < offer.gold:
            raise NotEnoughGold("not enough gold", needed=offer.gold, available=gold)
    new_a = a_bag.apply(catalog, remove=trade.a.items, add=trade.b.items)
    new_b = b_bag.apply(catalog, remove=trade.b.items, add=trade.a.items)
    return Swapped(
        a_gold=a_gold - trade.a.gold + trade.b.gold,
        a_bag=new_a,
        b_gold=b_gold - trade.b.gold + trade.a.gold,
        b_bag=new_b,
    )
