"""The player economy through the port: the exchange (order book with escrow), the daily reward and the
economy's figures for operators. Times are epoch seconds from the game's clock."""

from __future__ import annotations

from typing import Literal

from game.api.dto import Dto, ItemInfo, ItemStack
from game.api.errors import GameError, RuleRefused

OrderSide = Literal["buy", "sell"]
OrderStatus = Literal["open", "filled", "cancelled", "expired"]


# --- the exchange --------------------------------------------------------------------------------


class PriceLevel(Dto):
    price: int
    quantity: int
    orders: int


class PricePoint(Dto):
    at: float
    price: int
    quantity: int


class MarketItem(Dto):
    item: ItemInfo
    held: int  # in the player's bag
    best_bid: int | None
    best_ask: int | None
    last_price: int | None


class MarketIndex(Dto):
    items: list[MarketItem]  # items with open orders, then the tradable ones in the bag
    fee_percent: int


class MarketView(Dto):
    item: ItemInfo
    tradable: bool
    best_bid: int | None
    best_ask: int | None
    bids: list[PriceLevel]  # the best five levels, best first
    asks: list[PriceLevel]
    last_price: int | None
    volume_24h: int  # units traded in the last 24 hours
    turnover_24h: int  # gold paid for them
    history: list[PricePoint]  # the last days' trades, the oldest first
    held: int  # in the player's bag
    gold: int  # in the player's purse
    open_orders: int
    max_open_orders: int
    fee_percent: int
    order_days: float
    # The player's own order is at the best price on that side: a quick trade against it would meet it.
    own_best_ask: bool = False
    own_best_bid: bool = False


class OrderView(Dto):
    id: int
    item: ItemInfo
    side: OrderSide
    price: int
    quantity: int
    remaining: int
    status: OrderStatus
    placed_at: float
    expires_at: float
    expires_in: int  # seconds, when the view was made


class FillView(Dto):
    item: ItemInfo
    side: OrderSide  # the player's side of it
    price: int
    quantity: int
    fee: int  # paid by the seller
    at: float


class OrderPlaced(Dto):
    order: OrderView
    fills: list[FillView]  # what traded at once (the placing player's side)
    market: MarketView


class MyOrdersView(Dto):
    orders: list[OrderView]  # open, newest first
    counter_gold: int  # waiting to be collected
    counter_items: list[ItemStack]
    max_open_orders: int


class Collected(Dto):
    gold: int
    items: list[ItemStack]
    left_items: list[ItemStack]  # no room in the bag: still on the counter
    orders: MyOrdersView


class ExpiryReport(Dto):
    expired: int


class TradedItemView(Dto):
    item: ItemInfo
    quantity: int
    gold: int


class EconomyReport(Dto):
    purses: int  # gold players hold
    escrow_gold: int  # held by open buy orders
    counter_gold: int  # paid out, not collected yet
    money_supply: int  # all three
    fees_24h: int  # the exchange's sink
    daily_gold_24h: int  # the daily reward's source
    flows: dict[str, int]  # today's (UTC) gold by kind: sources positive (fights, …), sinks negative (shop, fees, …)
    most_traded: list[TradedItemView]


# --- direct trades -------------------------------------------------------------------------------


class OfferView(Dto):
    gold: int
    items: list[ItemStack]


class TradeView(Dto):
    id: int
    version: int  # a confirmation names it: any change makes an older one stale
    partner_id: int
    partner_name: str
    proposed_by_you: bool
    mine: OfferView
    theirs: OfferView
    you_confirmed: bool
    they_confirmed: bool
    status: Literal["open", "done", "cancelled", "expired"]
    seconds_left: int
    gold: int  # in your purse
    tradable: list[ItemStack]  # what you could put in from your bag


# --- the daily reward ----------------------------------------------------------------------------


class BountyView(Dto):
    id: str
    kind: Literal["fights_won", "crafted", "traded"]
    period: Literal["day", "week"]
    target: int
    progress: int
    gold: int
    paid: bool
    seconds_left: int  # until the day or week turns and progress starts again


class DailyView(Dto):
    streak: int  # the streak day the next claim is (1–7), or today's once claimed
    max_streak: int
    claimable: bool
    seconds_to_next: int  # until a claim is possible again (0: now)
    seconds_to_lapse: int | None  # until the streak is lost without a claim (None: nothing to lose)
    gold: int  # what the next claim pays
    rewards: list[int]  # gold by streak day
    bounties: list[BountyView]  # the day's three, then the week's


class BountyClaimed(Dto):
    bounty: BountyView
    gold: int
    purse: int
    daily: DailyView


class DailyClaimed(Dto):
    gold: int
    streak: int
    purse: int
    daily: DailyView


# --- invitations ---------------------------------------------------------------------------------


class InvitationView(Dto):
    code: str  # for the link `/start ref_<code>`
    joined: int  # players who came by it
    rewarded: int  # of them, those who reached the reward's level
    reward_gold: int
    reward_level: int


# --- errors --------------------------------------------------------------------------------------


class BadOrder(RuleRefused):
    """A price or quantity the exchange does not take (0, negative, fractional, too large)."""

    code = "bad_order"


class NotTradable(RuleRefused):
    code = "not_tradable"


class TooManyOrders(RuleRefused):
    code = "too_many_orders"


class NotYourOrder(RuleRefused):
    code = "not_your_order"


class OrderClosed(RuleRefused):
    code = "order_closed"


class TradeRefused(RuleRefused):
    """With yourself, an untradable item, a number out of range, nothing offered at all."""

    code = "trade_refused"


class StaleTrade(RuleRefused):
    code = "stale_trade"


class TradeClosed(RuleRefused):
    code = "trade_closed"


class InvitationRefused(RuleRefused):
    code = "invitation_refused"


class AlreadyClaimed(RuleRefused):
    code = "already_claimed"


class BountyNotDone(RuleRefused):
    code = "bounty_not_done"


__all__ = [
    "AlreadyClaimed",
    "BadOrder",
    "BountyClaimed",
    "BountyNotDone",
    "BountyView",
    "Collected",
    "DailyClaimed",
    "DailyView",
    "EconomyReport",
    "ExpiryReport",
    "FillView",
    "GameError",
    "InvitationRefused",
    "InvitationView",
    "MarketIndex",
    "MarketItem",
    "MarketView",
    "MyOrdersView",
    "NotTradable",
    "NotYourOrder",
    "OfferView",
    "OrderClosed",
    "OrderPlaced",
    "OrderSide",
    "OrderView",
    "PriceLevel",
    "PricePoint",
    "StaleTrade",
    "TooManyOrders",
    "TradeClosed",
    "TradeRefused",
    "TradeView",
    "TradedItemView",
]
