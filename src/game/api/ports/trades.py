from __future__ import annotations

from typing import Protocol, runtime_checkable

from game.api.economy import TradeView


@runtime_checkable
class TradesApi(Protocol):
    """Direct trades: gold and items both ways with a named player, both confirm, one atomic swap."""

    async def propose_trade(self, *, player_id: int, partner: str) -> TradeView: ...

    async def trade_offer(self, *, player_id: int, trade_id: int) -> TradeView: ...

    async def open_trades(self, *, player_id: int) -> list[TradeView]: ...

    async def set_trade_offer(
        self, *, player_id: int, trade_id: int, version: int, gold: int, items: dict[str, int]
    ) -> TradeView: ...

    async def confirm_trade(self, *, player_id: int, trade_id: int, version: int) -> TradeView: ...

    async def cancel_trade(self, *, player_id: int, trade_id: int) -> TradeView: ...
