"""The players' exchange: orders placed with their escrow, matched and settled in one transaction.

Locks are always taken in one order — the player, then the item's book, then counters by player id — so
two players trading against each other wait for one another instead of deadlocking.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from game.api import ItemStack, NotEnoughGold, UnknownEntry
from game.api.economy import (
    BadOrder,
    Collected,
    EconomyReport,
    ExpiryReport,
    FillView,
    MarketIndex,
    MarketItem,
    MarketView,
    MyOrdersView,
    OrderPlaced,
    OrderView,
    PriceLevel,
    PricePoint,
    TradedItemView,
)
from game.application.actions import Actions
from game.application.dailies import count_progress
from game.application.payouts import fit_into
from game.application.players import Players
from game.application.ports.unit_of_work import PlayerRecord, UnitOfWork, UnitOfWorkFactory
from game.application.presenters.items import item_info
from game.domain import daily
from game.domain import exchange as rules_of
from game.domain.content import Content, ItemDef
from game.domain.daily import ledger_day
from game.domain.exchange import ExchangeRules, Fill, Order, Payout, Side
from shared.events import OrderFilled
from shared.ports import Clock, EventBus

HISTORY_DAYS = 7
HISTORY_POINTS = 200  # the latest trades the chart draws
DAY = 86400.0


@dataclass(frozen=True, kw_only=True)
class Exchange:
    content: Content
    uow_factory: UnitOfWorkFactory
    players: Players
    actions: Actions
    events: EventBus
    clock: Clock
    rules: ExchangeRules = field(default_factory=ExchangeRules)
    reset_hour: int = 0  # when the day's bounties (one counts trades) turn

    # --- screens ------------------------------------------------------------------------------

    async def market_index(self, *, player_id: int) -> MarketIndex:
        async with self.uow_factory(read_only=True) as uow:
            record = await self.players.record(uow, player_id)
            active = await uow.exchange.active_items(20)
            held = [i for i in sorted(record.inventory.items) if self._tradable(i) and i not in active]
            entries = []
            for item_id in [*active, *held]:
                item = self.content.items.get(item_id)
                if item is None:
                    continue
                last = await uow.exchange.last_fill(item_id)
                bids = await uow.exchange.levels(item_id, "buy", limit=1)
                asks = await uow.exchange.levels(item_id, "sell", limit=1)
                entries.append(
                    MarketItem(
                        item=item_info(item),
                        held=record.inventory.count(item_id),
                        best_bid=bids[0].price if bids else None,
                        best_ask=asks[0].price if asks else None,
                        last_price=last.price if last else None,
                    )
                )
        return MarketIndex(items=entries, fee_percent=self.rules.fee_percent)

    async def market(self, *, player_id: int, item_id: str) -> MarketView:
        item = self._item(item_id)
        async with self.uow_factory(read_only=True) as uow:
            record = await self.players.record(uow, player_id)
            return await self._market(uow, record, item)

    async def my_orders(self, *, player_id: int) -> MyOrdersView:
        async with self.uow_factory(read_only=True) as uow:
            await self.players.record(uow, player_id)
            return await self._my_orders(uow, player_id)

    async def my_trades(self, *, player_id: int, limit: int = 10) -> list[FillView]:
        limit = max(1, min(limit, 50))
        async with self.uow_factory(read_only=True) as uow:
            await self.players.record(uow, player_id)
            fills = await uow.exchange.player_fills(player_id, limit=limit)
        return [v for f in fills if (v := self._fill_view(f, player_id)) is not None]

    # --- actions ------------------------------------------------------------------------------

    async def place_order(self, *, player_id: int, item_id: str, side: str, price: int, quantity: int) -> OrderPlaced:
        if side not in ("buy", "sell"):
            raise BadOrder("an order buys or sells", field="side")
        checked: Side = "buy" if side == "buy" else "sell"
        item = self._item(item_id)
        now = self.clock.now()
        async with self.actions.one_at_a_time(player_id), self.uow_factory() as uow:
            before = await self.players.record(uow, player_id, for_update=True)
            order = rules_of.new_order(
                order_id=0,
                player_id=player_id,
                item_id=item_id,
                side=checked,
                price=price,
                quantity=quantity,
                tradable=item.tradable,
                open_orders=await uow.exchange.count_open(player_id),
                now=now,
                rules=self.rules,
            )
            after = self._escrow(before, order)
            await uow.exchange.lock_book(item_id)
            opposite: Side = "sell" if checked == "buy" else "buy"
            resting = await uow.exchange.crossing(item_id, opposite, order.price)
            if any(o.player_id == player_id for o in resting):
                raise rules_of.BadOrder("it would trade with your own order", field="own")
            order = replace(order, id=await uow.exchange.next_order_id())
            matched = rules_of.match(order, resting, now=now, rules=self.rules)
            await uow.exchange.add_order(matched.order)
            await uow.exchange.save_orders(matched.touched, now=now)
            await uow.exchange.add_fills(matched.fills)
            # What the placing player traded goes straight to their purse and bag (only what does not fit
            # waits on their counter); the other sides' proceeds wait on their counters.
            payouts = dict(matched.payouts)
            own = payouts.pop(player_id, Payout())
            bag, _, lost = fit_into(after.inventory, own.items, self.content.items)
            after = replace(
                after, character=replace(after.character, gold=after.character.gold + own.gold), inventory=bag
            )
            if lost:
                payouts[player_id] = Payout(items=lost)
            await uow.exchange.credit(payouts)
            await uow.characters.save(before, after)
            if matched.fills:  # a trade for the bounties of everyone in it
                for party in sorted({player_id, *(o.player_id for o in matched.touched)}):
                    await count_progress(uow, party, "traded", now, reset_hour=self.reset_hour)
            fees = sum(f.fee for f in matched.fills)
            if fees:
                await uow.exchange.add_gold_flows(ledger_day(now), player_id, {"fees": -fees})
            await uow.commit()
        await self._tell(matched.order, matched.touched, matched.fills)
        async with self.uow_factory(read_only=True) as uow:  # drawn after the book is free again
            market = await self._market(uow, after, item)
        return OrderPlaced(
            order=self._order_view(matched.order),
            fills=[v for f in matched.fills if (v := self._fill_view(f, player_id)) is not None],
            market=market,
        )

    async def cancel_order(self, *, player_id: int, order_id: int) -> MyOrdersView:
        async with self.actions.one_at_a_time(player_id), self.uow_factory() as uow:
            before = await self.players.record(uow, player_id, for_update=True)
            seen = await uow.exchange.get_order(order_id)
            if seen is None or seen.player_id != player_id:
                raise rules_of.NotYourOrder("no such order of yours", order_id=order_id)
            await uow.exchange.lock_book(seen.item_id)
            order = await uow.exchange.get_order(order_id, for_update=True)
            assert order is not None
            closed, returned = rules_of.close(order, "cancelled")
            now = self.clock.now()
            await uow.exchange.save_orders([closed], now=now)
            await uow.exchange.credit({player_id: returned})
            after, _ = await self._collect_into(uow, before)
            await uow.characters.save(before, after)
            view = await self._my_orders(uow, player_id)
            await uow.commit()
        return view

    async def collect(self, *, player_id: int) -> Collected:
        async with self.actions.one_at_a_time(player_id), self.uow_factory() as uow:
            before = await self.players.record(uow, player_id, for_update=True)
            waiting = await uow.exchange.counter(player_id, for_update=True)
            after, left = await self._collect_into(uow, before)
            if after != before:
                await uow.characters.save(before, after)
            view = await self._my_orders(uow, player_id)
            await uow.commit()
        taken = {k: v - left.items.get(k, 0) for k, v in waiting.items.items()}
        return Collected(
            gold=waiting.gold - left.gold,
            items=self._stacks(taken),
            left_items=self._stacks(dict(left.items)),
            orders=view,
        )

    # --- jobs and operators -------------------------------------------------------------------

    async def expire_orders(self, *, limit: int = 500) -> ExpiryReport:
        """Close orders whose time ran out and return their escrow (to their owners' counters)."""
        now = self.clock.now()
        async with self.uow_factory(read_only=True) as uow:
            due = await uow.exchange.expired(now, limit=limit)
        expired = 0
        for seen in due:
            async with self.uow_factory() as uow:
                await uow.exchange.lock_book(seen.item_id)
                order = await uow.exchange.get_order(seen.id, for_update=True)
                if order is None or order.status != "open":
                    continue  # filled or cancelled meanwhile
                closed, returned = rules_of.close(order, "expired")
                await uow.exchange.save_orders([closed], now=now)
                await uow.exchange.credit({order.player_id: returned})
                await uow.commit()
            expired += 1
        return ExpiryReport(expired=expired)

    async def economy_report(self, *, most_traded: int = 5) -> EconomyReport:
        since = self.clock.now() - DAY
        async with self.uow_factory(read_only=True) as uow:
            purses = await uow.exchange.gold_in_purses()
            escrow_gold, _ = await uow.exchange.escrow_totals()
            counter_gold, _ = await uow.exchange.counter_totals()
            fees = await uow.exchange.fees_since(since)
            claimed = await uow.exchange.streaks_claimed_since(since)
            traded = await uow.exchange.most_traded(since, limit=max(1, min(most_traded, 20)))
            flows = await uow.exchange.gold_flows(ledger_day(self.clock.now()))
        return EconomyReport(
            purses=purses,
            escrow_gold=escrow_gold,
            counter_gold=counter_gold,
            money_supply=purses + escrow_gold + counter_gold,
            fees_24h=fees,
            flows=flows,
            daily_gold_24h=sum(daily.DAILY_GOLD[min(s.days, daily.STREAK_DAYS) - 1] for s in claimed if s.days),
            most_traded=[
                TradedItemView(item=item_info(self.content.items[t.item_id]), quantity=t.quantity, gold=t.gold)
                for t in traded
                if t.item_id in self.content.items
            ],
        )

    # --- helpers ------------------------------------------------------------------------------

    def _item(self, item_id: str) -> ItemDef:
        item = self.content.items.get(item_id)
        if item is None:
            raise UnknownEntry(f"no item {item_id!r}", item=item_id)
        return item

    def _tradable(self, item_id: str) -> bool:
        item = self.content.items.get(item_id)
        return item is not None and item.tradable

    def _escrow(self, record: PlayerRecord, order: Order) -> PlayerRecord:
        """The player's record once the order's escrow is taken."""
        if order.side == "buy":
            cost = order.price * order.quantity
            gold = record.character.gold
            if gold < cost:
                raise NotEnoughGold("not enough gold", needed=cost, available=gold)
            return replace(record, character=replace(record.character, gold=gold - cost))
        return replace(record, inventory=record.inventory.remove(order.item_id, order.quantity))

    async def _collect_into(self, uow: UnitOfWork, record: PlayerRecord) -> tuple[PlayerRecord, Payout]:
        """Move what waits on the player's counter into their purse and bag; returns what did not fit."""
        waiting = await uow.exchange.counter(record.character.player_id, for_update=True)
        if waiting.empty:
            return record, waiting
        bag, _, lost = fit_into(record.inventory, waiting.items, self.content.items)
        left = Payout(items=lost)
        await uow.exchange.set_counter(record.character.player_id, left)
        character = replace(record.character, gold=record.character.gold + waiting.gold)
        return replace(record, character=character, inventory=bag), left

    async def _market(self, uow: UnitOfWork, record: PlayerRecord, item: ItemDef) -> MarketView:
        now = self.clock.now()
        history = await uow.exchange.fills(item.id, since=now - HISTORY_DAYS * DAY, limit=HISTORY_POINTS)
        last = history[-1] if history else await uow.exchange.last_fill(item.id)
        volume, turnover = await uow.exchange.volume(item.id, since=now - DAY)
        bids = await uow.exchange.levels(item.id, "buy", limit=5)
        asks = await uow.exchange.levels(item.id, "sell", limit=5)
        player_id = record.character.player_id
        mine = await uow.exchange.player_orders(player_id, open_only=True, limit=self.rules.max_open_orders)
        mine = [o for o in mine if o.item_id == item.id]
        return MarketView(
            item=item_info(item),
            tradable=item.tradable,
            best_bid=bids[0].price if bids else None,
            best_ask=asks[0].price if asks else None,
            bids=[PriceLevel(price=lv.price, quantity=lv.quantity, orders=lv.orders) for lv in bids],
            asks=[PriceLevel(price=lv.price, quantity=lv.quantity, orders=lv.orders) for lv in asks],
            last_price=last.price if last else None,
            volume_24h=volume,
            turnover_24h=turnover,
            history=[PricePoint(at=f.at, price=f.price, quantity=f.quantity) for f in history],
            held=record.inventory.count(item.id),
            gold=record.character.gold,
            open_orders=await uow.exchange.count_open(record.character.player_id),
            max_open_orders=self.rules.max_open_orders,
            fee_percent=self.rules.fee_percent,
            order_days=self.rules.order_days,
            own_best_ask=bool(asks) and any(o.side == "sell" and o.price == asks[0].price for o in mine),
            own_best_bid=bool(bids) and any(o.side == "buy" and o.price == bids[0].price for o in mine),
        )

    async def _my_orders(self, uow: UnitOfWork, player_id: int) -> MyOrdersView:
        orders = await uow.exchange.player_orders(player_id, open_only=True, limit=self.rules.max_open_orders)
        waiting = await uow.exchange.counter(player_id)
        return MyOrdersView(
            orders=[self._order_view(o) for o in orders if o.item_id in self.content.items],
            counter_gold=waiting.gold,
            counter_items=self._stacks(dict(waiting.items)),
            max_open_orders=self.rules.max_open_orders,
        )

    def _order_view(self, order: Order) -> OrderView:
        return OrderView(
            id=order.id,
            item=item_info(self.content.items[order.item_id]),
            side=order.side,
            price=order.price,
            quantity=order.quantity,
            remaining=order.remaining,
            status=order.status,
            placed_at=order.placed_at,
            expires_at=order.expires_at,
            expires_in=max(0, int(order.expires_at - self.clock.now())),
        )

    def _fill_view(self, fill: Fill, player_id: int) -> FillView | None:
        item = self.content.items.get(fill.item_id)
        if item is None:
            return None
        return FillView(
            item=item_info(item),
            side="buy" if fill.buyer_id == player_id else "sell",
            price=fill.price,
            quantity=fill.quantity,
            fee=fill.fee,
            at=fill.at,
        )

    def _stacks(self, items: Mapping[str, int]) -> list[ItemStack]:
        return [
            ItemStack(item=item_info(self.content.items[i]), quantity=q)
            for i, q in sorted(items.items())
            if q > 0 and i in self.content.items
        ]

    async def _tell(self, placed: Order, touched: Sequence[Order], fills: Sequence[Fill]) -> None:
        """Tell the owner of each resting order that traded, and that the placed one did (its player saw
        it on screen; the event counts for bounties)."""
        for order in [*touched, *([placed] if fills else [])]:
            mine = [f for f in fills if order.id in (f.buy_order_id, f.sell_order_id)]
            await self.events.publish(
                OrderFilled(
                    player_id=order.player_id,
                    order_id=order.id,
                    item_id=order.item_id,
                    side=order.side,
                    quantity=sum(f.quantity for f in mine),
                    price=order.price,
                    remaining=order.remaining,
                    fee=sum(f.fee for f in mine) if order.side == "sell" else 0,
                    taker=order is placed,
                )
            )
