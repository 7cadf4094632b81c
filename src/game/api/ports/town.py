from __future__ import annotations

from typing import Protocol, runtime_checkable

from game.api.dto import Crafted, ForgeView, InnView, ShopView


@runtime_checkable
class TownApi(Protocol):
    """The town's shop, inn and forge; elsewhere they refuse with `NotInTown`."""

    async def shop(self, *, player_id: int) -> ShopView: ...

    async def buy(self, *, player_id: int, item_id: str, quantity: int, version: int) -> ShopView: ...

    async def sell(self, *, player_id: int, item_id: str, quantity: int, version: int) -> ShopView: ...

    async def inn(self, *, player_id: int) -> InnView: ...

    async def rest_at_inn(self, *, player_id: int) -> InnView: ...

    async def forge(self, *, player_id: int) -> ForgeView: ...

    async def craft(self, *, player_id: int, recipe_id: str, version: int) -> Crafted: ...
