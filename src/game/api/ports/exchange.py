from __future__ import annotations

from typing import Protocol, runtime_checkable

from game.api.economy import Collected, FillView, MarketIndex, MarketView, MyOrdersView, OrderPlaced, OrderSide


@runtime_checkable
class ExchangeApi(Protocol):
    """The players' exchange: limit orders on a book per tradable item, escrow taken at once, fills paid
    onto the player's counter to collect."""

    async def market_index(self, *, player_id: int) -> MarketIndex: ...

    async def market(self, *, player_id: int, item_id: str) -> MarketView: ...

    async def place_order(
        self, *, player_id: int, item_id: str, side: OrderSide, price: int, quantity: int
    ) -> OrderPlaced: ...

    async def cancel_order(self, *, player_id: int, order_id: int) -> MyOrdersView: ...

    async def my_orders(self, *, player_id: int) -> MyOrdersView: ...

    async def my_trades(self, *, player_id: int, limit: int = 10) -> list[FillView]: ...

    async def collect(self, *, player_id: int) -> Collected: ...
