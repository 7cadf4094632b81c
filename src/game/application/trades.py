"""Direct trades between two players: propose to a named player, each sets their side, both confirm the
same version, and the swap moves gold and items both ways in one transaction.

Locks: the trade's row first, then both players' rows in id order, so two confirmations at the same
moment wait for each other and exactly one of them makes the swap.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from game.api import ItemStack, NotRegistered, UnknownEntry
from game.api.economy import OfferView, TradeView
from game.application.actions import Actions
from game.application.players import Players
from game.application.ports.unit_of_work import PlayerRecord, UnitOfWork, UnitOfWorkFactory
from game.application.presenters.items import item_info
from game.domain import trades as rules
from game.domain.character import name_key
from game.domain.content import Content
from game.domain.inventory import Inventory
from game.domain.trades import Offer, Trade
from shared.events import TradeUpdated
from shared.ports import Clock, EventBus

OPEN_TRADES = 5  # shown at once


@dataclass(frozen=True, kw_only=True)
class Trades:
    content: Content
    uow_factory: UnitOfWorkFactory
    players: Players
    actions: Actions
    events: EventBus
    clock: Clock

    async def propose_trade(self, *, player_id: int, partner: str) -> TradeView:
        now = self.clock.now()
        async with self.actions.one_at_a_time(player_id), self.uow_factory() as uow:
            me = await self.players.record(uow, player_id)
            partner_id = await uow.characters.id_by_name(name_key(partner))
            if partner_id is None:
                raise NotRegistered("no player of that name", name=partner)
            trade = rules.propose(trade_id=await uow.exchange.next_order_id(), a_id=player_id, b_id=partner_id, now=now)
            await uow.exchange.add_trade(trade)
            view = await self._view(uow, trade, me)
            await uow.commit()
        await self._tell(trade, player_id, me.character.name)
        return view

    async def trade_offer(self, *, player_id: int, trade_id: int) -> TradeView:
        async with self.uow_factory(read_only=True) as uow:
            me = await self.players.record(uow, player_id)
            return await self._view(uow, await self._trade(uow, player_id, trade_id), me)

    async def open_trades(self, *, player_id: int) -> list[TradeView]:
        now = self.clock.now()
        async with self.uow_factory(read_only=True) as uow:
            me = await self.players.record(uow, player_id)
            found = await uow.exchange.player_trades(player_id, open_only=True, limit=OPEN_TRADES * 2)
            return [await self._view(uow, t, me) for t in found if t.status_at(now) == "open"][:OPEN_TRADES]

    async def set_trade_offer(
        self, *, player_id: int, trade_id: int, version: int, gold: int, items: dict[str, int]
    ) -> TradeView:
        now = self.clock.now()
        async with self.actions.one_at_a_time(player_id), self.uow_factory() as uow:
            me = await self.players.record(uow, player_id)
            trade = await self._trade(uow, player_id, trade_id, for_update=True)
            offer = rules.check_offer(Offer(gold=gold, items=dict(items)), self.content.items)
            changed = rules.change(trade, player_id, offer, version=version, now=now)
            await uow.exchange.save_trade(changed)
            view = await self._view(uow, changed, me)
            await uow.commit()
        await self._tell(changed, player_id, me.character.name)
        return view

    async def confirm_trade(self, *, player_id: int, trade_id: int, version: int) -> TradeView:
        now = self.clock.now()
        async with self.actions.one_at_a_time(player_id), self.uow_factory() as uow:
            trade = await self._trade(uow, player_id, trade_id, for_update=True)
            confirmed = rules.confirm(trade, player_id, version=version, now=now)
            if confirmed.a_ok and confirmed.b_ok:
                confirmed = await self._swap(uow, confirmed)
            await uow.exchange.save_trade(confirmed)
            me = await self.players.record(uow, player_id)
            view = await self._view(uow, confirmed, me)
            await uow.commit()
        await self._tell(confirmed, player_id, me.character.name)
        return view

    async def cancel_trade(self, *, player_id: int, trade_id: int) -> TradeView:
        now = self.clock.now()
        async with self.actions.one_at_a_time(player_id), self.uow_factory() as uow:
            me = await self.players.record(uow, player_id)
            trade = rules.cancel(await self._trade(uow, player_id, trade_id, for_update=True), now)
            await uow.exchange.save_trade(trade)
            view = await self._view(uow, trade, me)
            await uow.commit()
        await self._tell(trade, player_id, me.character.name)
        return view

    # --- helpers ------------------------------------------------------------------------------

    async def _trade(self, uow: UnitOfWork, player_id: int, trade_id: int, *, for_update: bool = False) -> Trade:
        trade = await uow.exchange.get_trade(trade_id, for_update=for_update)
        if trade is None or not trade.party(player_id):
            raise UnknownEntry("no such trade of yours", trade=trade_id)
        return trade

    async def _swap(self, uow: UnitOfWork, trade: Trade) -> Trade:
        """Both confirmed: move gold and items both ways, all or nothing."""
        first, second = sorted((trade.a_id, trade.b_id))
        records = {pid: await self.players.record(uow, pid, for_update=True) for pid in (first, second)}
        a, b = records[trade.a_id], records[trade.b_id]
        done = rules.swap(trade, a.character.gold, a.inventory, b.character.gold, b.inventory, self.content.items)
        await uow.characters.save(a, _with(a, done.a_gold, done.a_bag))
        await uow.characters.save(b, _with(b, done.b_gold, done.b_bag))
        return replace(trade, status="done")

    async def _view(self, uow: UnitOfWork, trade: Trade, me: PlayerRecord) -> TradeView:
        player_id = me.character.player_id
        partner_id = trade.b_id if player_id == trade.a_id else trade.a_id
        partner = await uow.characters.get(partner_id)
        mine_a = player_id == trade.a_id
        now = self.clock.now()
        return TradeView(
            id=trade.id,
            version=trade.version,
            partner_id=partner_id,
            partner_name=partner.name if partner else "?",
            proposed_by_you=mine_a,
            mine=self._offer(trade.a if mine_a else trade.b),
            theirs=self._offer(trade.b if mine_a else trade.a),
            you_confirmed=trade.a_ok if mine_a else trade.b_ok,
            they_confirmed=trade.b_ok if mine_a else trade.a_ok,
            status=trade.status_at(now),
            seconds_left=max(0, int(trade.expires_at - now)),
            gold=me.character.gold,
            tradable=self._stacks(
                {
                    i: q
                    for i, q in me.inventory.items.items()
                    if i in self.content.items and self.content.items[i].tradable
                }
            ),
        )

    def _offer(self, offer: Offer) -> OfferView:
        return OfferView(gold=offer.gold, items=self._stacks(offer.items))

    def _stacks(self, items: Mapping[str, int]) -> list[ItemStack]:
        return [
            ItemStack(item=item_info(self.content.items[i]), quantity=q)
            for i, q in sorted(items.items())
            if q > 0 and i in self.content.items
        ]

    async def _tell(self, trade: Trade, by: int, by_name: str) -> None:
        other = trade.b_id if by == trade.a_id else trade.a_id
        await self.events.publish(
            TradeUpdated(player_id=other, trade_id=trade.id, by_name=by_name, status=trade.status)
        )


def _with(record: PlayerRecord, gold: int, bag: Inventory) -> PlayerRecord:
    return replace(record, character=replace(record.character, gold=gold), inventory=bag)
