"""The market (index, an item's book, my orders, my trades), the daily reward and the economy report."""

from __future__ import annotations

from bot.callbacks import DailyCb, MarketCb, TradeCb, nav
from bot.i18n import Translator
from bot.views import Screen
from bot.views.common import (
    Text,
    duration,
    item_label,
    literal,
    local,
    named,
    noun,
    num,
    signed,
    stack_lines,
    with_notice,
)
from bot.views.keyboard import KeyboardBuilder
from game.api import Grammar
from game.api.economy import (
    BountyView,
    Collected,
    DailyClaimed,
    DailyView,
    EconomyReport,
    FillView,
    InvitationView,
    MarketIndex,
    MarketView,
    MyOrdersView,
    OfferView,
    OrderPlaced,
    PriceLevel,
    TradeView,
)

PAGE = 8  # items listed on the market's index


def _price(t: Translator, value: int | None) -> str:
    return num(t, value) if value is not None else t("market-none")


# --- the index --------------------------------------------------------------------------------------


def index(t: Translator, market: MarketIndex, *, notice: str | None = None) -> Screen:
    lines = [t("market-index", fee=market.fee_percent), ""]
    shown = market.items[:PAGE]
    if not shown:
        lines.append(t("market-index-empty"))
    for entry in shown:
        if entry.best_bid is None and entry.best_ask is None:
            lines.append(t("market-index-line-quiet", item=local(t, entry.item.name)))
            continue
        lines.append(
            t(
                "market-index-line",
                item=local(t, entry.item.name),
                bid=_price(t, entry.best_bid),
                ask=_price(t, entry.best_ask),
            )
        )
    kb = KeyboardBuilder()
    for entry in shown:
        kb.button(text=item_label(t, entry.item, entry.held), callback_data=MarketCb(act="item", id=entry.item.id))
    kb.button(text=t("btn-my-orders"), callback_data=MarketCb(act="mine"))
    kb.button(text=t("btn-my-trades"), callback_data=MarketCb(act="trades"))
    kb.button(text=t("btn-trades"), callback_data=TradeCb(act="list"))
    kb.button(text=t("btn-daily"), callback_data=DailyCb(act="show"))
    kb.button(text=t("btn-menu"), callback_data=nav("menu"))
    kb.adjust(*([2] * (len(shown) // 2) + [1] * (len(shown) % 2)), 2, 2, 1)
    return Screen(with_notice(notice, lines), kb.as_markup())


# --- one item's market ------------------------------------------------------------------------------


def _levels(t: Translator, levels: list[PriceLevel]) -> list[str]:
    return [f"  {t('market-level', price=lv.price, quantity=lv.quantity)}" for lv in levels]


def market_lines(t: Translator, view: MarketView) -> list[str]:
    """The text figures of an item's market: the book's best five levels each side, the last price,
    the day's volume, and what the player holds."""
    lines = [t("market-title", item=local(t, view.item.name))]
    if not view.tradable:
        return [*lines, "", t("market-bound")]
    lines += ["", t("market-asks-head")]
    # Asks from the highest down to the best, so the two best prices meet in the middle.
    lines += _levels(t, list(reversed(view.asks))) or [f"  {t('market-no-asks')}"]
    lines += [t("market-bids-head")]
    lines += _levels(t, view.bids) or [f"  {t('market-no-bids')}"]
    lines.append("")
    if view.last_price is not None:
        lines.append(t("market-last", price=view.last_price, volume=view.volume_24h))
    else:
        lines.append(t("market-no-trades"))
    if view.history:
        prices = " → ".join(num(t, p.price) for p in view.history[-8:])
        lines.append(t("market-history", prices=prices))
    lines.append(t("market-you", held=view.held, gold=view.gold, open=view.open_orders, max=view.max_open_orders))
    return lines


def market(t: Translator, view: MarketView, *, notice: str | None = None) -> Screen:
    kb = KeyboardBuilder()
    item_id = view.item.id
    rows: list[int] = []
    if view.tradable:
        quick = []
        # No quick trade that would only meet the player's own order (the game refuses it).
        if view.best_ask is not None and not view.own_best_ask:
            quick.append(
                (
                    t("btn-market-quick-buy", price=view.best_ask),
                    MarketCb(act="quick", id=item_id, side="buy", p=view.best_ask),
                )
            )
        if view.best_bid is not None and view.held > 0 and not view.own_best_bid:
            quick.append(
                (
                    t("btn-market-quick-sell", price=view.best_bid),
                    MarketCb(act="quick", id=item_id, side="sell", p=view.best_bid),
                )
            )
        for text, data in quick:
            kb.button(text=text, callback_data=data)
        if quick:
            rows.append(len(quick))
        kb.button(text=t("btn-market-buy"), callback_data=MarketCb(act="order", id=item_id, side="buy"))
        if view.held > 0:
            kb.button(text=t("btn-market-sell"), callback_data=MarketCb(act="order", id=item_id, side="sell"))
        rows.append(2 if view.held > 0 else 1)
        if view.history:
            kb.button(text=t("btn-market-chart"), callback_data=MarketCb(act="chart", id=item_id))
            rows.append(1)
    kb.button(text=t("btn-market-back"), callback_data=MarketCb(act="index"))
    kb.button(text=t("btn-my-orders"), callback_data=MarketCb(act="mine"))
    rows.append(2)
    kb.adjust(*rows)
    return Screen(with_notice(notice, market_lines(t, view)), kb.as_markup())


def ask_amounts(t: Translator, view: MarketView, side: str) -> Screen:
    item = noun(t, "item", view.item.name, view.item.name_forms, common=True)
    if side == "buy":
        lines = [t("order-ask-buy", **item)]
        best = view.best_ask
    else:
        lines = [t("order-ask-sell", **item, held=view.held)]
        best = view.best_bid
    if best is not None:
        lines.append(t("order-ask-best", price=best))
    kb = KeyboardBuilder()
    kb.button(text=t("btn-back"), callback_data=MarketCb(act="item", id=view.item.id))
    return Screen("\n".join(lines), kb.as_markup())


def bad_amounts(t: Translator) -> Screen:
    return Screen(t("order-input-bad"))


def placed(t: Translator, result: OrderPlaced) -> str:
    order = result.order
    item = noun(t, "item", order.item.name, order.item.name_forms, common=True)
    if order.side == "buy":
        lines = [t("order-placed-buy", quantity=order.quantity, **item, price=order.price)]
    else:
        lines = [t("order-placed-sell", quantity=order.quantity, **item, price=order.price)]
    lines += [t("order-traded", quantity=f.quantity, price=f.price) for f in result.fills]
    lines.append(t("order-resting", remaining=order.remaining) if order.remaining else t("order-filled"))
    return "\n".join(lines)


# --- my orders and trades ---------------------------------------------------------------------------


def my_orders(t: Translator, view: MyOrdersView, *, notice: str | None = None) -> Screen:
    lines = [t("my-orders-title", open=len(view.orders), max=view.max_open_orders), ""]
    if not view.orders:
        lines.append(t("my-orders-empty"))
    for o in view.orders:
        figures = {
            "item": local(t, o.item.name),
            "remaining": o.remaining,
            "quantity": o.quantity,
            "price": o.price,
            "left": duration(t, o.expires_in),
        }
        lines.append(t("my-order-buy", **figures) if o.side == "buy" else t("my-order-sell", **figures))
    waiting = view.counter_gold > 0 or bool(view.counter_items)
    if view.counter_gold:
        lines += ["", t("counter-waiting", gold=view.counter_gold)]
    if view.counter_items:
        lines += ["", t("counter-items"), *stack_lines(t, view.counter_items)]
    kb = KeyboardBuilder()
    for o in view.orders:
        kb.button(
            text=t("btn-cancel-order", item=t.pick(o.item.name), price=o.price),
            callback_data=MarketCb(act="cancel", o=o.id),
        )
    if waiting:
        kb.button(text=t("btn-collect"), callback_data=MarketCb(act="collect"))
    kb.button(text=t("btn-my-trades"), callback_data=MarketCb(act="trades"))
    kb.button(text=t("btn-market-back"), callback_data=MarketCb(act="index"))
    kb.adjust(*([1] * (len(view.orders) + int(waiting))), 2)
    return Screen(with_notice(notice, lines), kb.as_markup())


def cancelled(t: Translator) -> str:
    return t("order-cancelled")


def collected(t: Translator, result: Collected) -> str:
    if not result.gold and not result.items and not result.left_items:
        return t("collected-nothing")
    lines = [t("collected", gold=result.gold)]
    if result.items:
        lines += [t("collected-items"), *stack_lines(t, result.items)]
    if result.left_items:
        lines.append(t("collected-left"))
    return "\n".join(lines)


def my_trades(t: Translator, fills: list[FillView]) -> Screen:
    lines = [t("my-trades-title"), ""]
    if not fills:
        lines.append(t("my-trades-empty"))
    for f in fills:
        item = noun(t, "item", f.item.name, f.item.name_forms, common=True)
        if f.side == "buy":
            lines.append(t("my-trade-bought", quantity=f.quantity, **item, price=f.price))
        else:
            lines.append(t("my-trade-sold", quantity=f.quantity, **item, price=f.price, fee=f.fee))
    kb = KeyboardBuilder()
    kb.button(text=t("btn-my-orders"), callback_data=MarketCb(act="mine"))
    kb.button(text=t("btn-market-back"), callback_data=MarketCb(act="index"))
    kb.adjust(2)
    return Screen("\n".join(lines), kb.as_markup())


# --- notifications ----------------------------------------------------------------------------------


def order_filled(
    t: Translator,
    *,
    item_name: dict[str, str],
    item_forms: Grammar | None = None,
    side: str,
    quantity: int,
    price: int,
    fee: int,
    remaining: int,
) -> Screen:
    item = noun(t, "item", item_name, item_forms, common=True)
    if side == "buy":
        lines = [t("notify-order-filled-buy", quantity=quantity, **item, price=price)]
    else:
        gold = quantity * price - fee
        lines = [t("notify-order-filled-sell", quantity=quantity, **item, price=price, gold=gold)]
    if remaining:
        lines.append(t("notify-order-rest", remaining=remaining))
    kb = KeyboardBuilder()
    kb.button(text=t("btn-my-orders"), callback_data=MarketCb(act="mine"))
    return Screen("\n".join(lines), kb.as_markup())


# --- the chart's caption ----------------------------------------------------------------------------


def chart_caption(t: Translator, view: MarketView) -> str:
    prices = [p.price for p in view.history]
    if not prices:
        return t("chart-empty")
    return t(
        "chart-caption",
        item=local(t, view.item.name),
        trades=len(prices),
        low=min(prices),
        high=max(prices),
        last=prices[-1],
    )


# --- the daily reward -------------------------------------------------------------------------------


def daily(t: Translator, view: DailyView, *, notice: str | None = None) -> Screen:
    lines = [t("daily-title"), "", t("daily-streak", day=view.streak, max=view.max_streak)]
    if view.claimable:
        lines.append(t("daily-ready", gold=view.gold))
    else:
        lines.append(t("daily-wait", gold=view.gold, wait=duration(t, view.seconds_to_next)))
    if view.seconds_to_lapse is not None and not view.claimable:
        lines.append(t("daily-lapse", wait=duration(t, view.seconds_to_lapse)))
    lines.append(t("daily-days", rewards=" · ".join(num(t, g) for g in view.rewards)))
    lines += ["", t("bounties-title")]
    done = []
    for b in view.bounties:
        lines.append(bounty_line(t, b))
        if b.progress >= b.target and not b.paid:
            done.append(b)
    week = next((b for b in view.bounties if b.period == "week"), None)
    day = next((b for b in view.bounties if b.period == "day"), None)
    if day is not None:
        lines.append(t("bounties-reset", wait=duration(t, day.seconds_left)))
    if week is not None:
        lines.append(t("bounties-week-reset", wait=duration(t, week.seconds_left)))
    kb = KeyboardBuilder()
    if view.claimable:
        kb.button(text=t("btn-daily-claim", gold=view.gold), callback_data=DailyCb(act="claim"))
    for b in done:  # each says which bounty it pays: two of them often pay the same gold
        kb.button(
            text=t("btn-bounty-claim", task=bounty_task(t, b), gold=b.gold),
            callback_data=DailyCb(act="bounty", id=b.id),
        )
    kb.button(text=t("btn-market"), callback_data=MarketCb(act="index"))
    kb.button(text=t("btn-invite"), callback_data=nav("invite"))
    kb.button(text=t("btn-menu"), callback_data=nav("menu"))
    kb.adjust(*([1] * (int(view.claimable) + len(done))), 2, 1)
    return Screen(with_notice(notice, lines), kb.as_markup())


def bounty_line(t: Translator, b: BountyView) -> str:
    """`⚔️ Win 5 fights — 3/5 · 30 💰`, ticked when done and paid."""
    mark = "✅" if b.paid else ("🎯" if b.progress >= b.target else "▫️")
    return t("bounty-line", mark=mark, task=bounty_task(t, b), progress=b.progress, target=b.target, gold=b.gold)


def bounty_task(t: Translator, b: BountyView) -> str:
    """`Win 5 fights`: what the bounty asks (plain text, fit for a button)."""
    if b.kind == "fights_won":
        return t("bounty-fights", target=b.target)
    if b.kind == "crafted":
        return t("bounty-craft", target=b.target)
    return t("bounty-trade", target=b.target)


def bounty_paid(t: Translator, bounty: BountyView, gold: int) -> str:
    return t("bounty-paid", task=bounty_task(t, bounty), gold=gold)


def claimed(t: Translator, result: DailyClaimed) -> str:
    return t("daily-claimed", gold=result.gold, day=result.streak)


# --- the economy report (admins) --------------------------------------------------------------------


# Literal keys, so the i18n check sees each one.
FLOWS: dict[str, Text] = {
    "fights": lambda t: t("flow-fights"),
    "treasure": lambda t: t("flow-treasure"),
    "rifts": lambda t: t("flow-rifts"),
    "bosses": lambda t: t("flow-bosses"),
    "daily": lambda t: t("flow-daily"),
    "bounties": lambda t: t("flow-bounties"),
    "invitations": lambda t: t("flow-invitations"),
    "shop_sales": lambda t: t("flow-shop-sales"),
    "shop_buys": lambda t: t("flow-shop-buys"),
    "inn": lambda t: t("flow-inn"),
    "forge": lambda t: t("flow-forge"),
    "fees": lambda t: t("flow-fees"),
    "deaths": lambda t: t("flow-deaths"),
}


def economy_report(t: Translator, report: EconomyReport) -> Screen:
    lines = [
        t(
            "economy-report",
            supply=report.money_supply,
            purses=report.purses,
            escrow=report.escrow_gold,
            counters=report.counter_gold,
            fees=report.fees_24h,
            daily=report.daily_gold_24h,
        ),
        "",
    ]
    sources = sorted(((k, v) for k, v in report.flows.items() if v > 0), key=lambda kv: -kv[1])
    sinks = sorted(((k, v) for k, v in report.flows.items() if v < 0), key=lambda kv: kv[1])
    lines.append(t("economy-flows", sources=sum(v for _, v in sources), sinks=-sum(v for _, v in sinks)))
    for source, amount in [*sources, *sinks]:
        lines.append(t("economy-flow-line", source=named(t, FLOWS, source), amount=signed(t, amount)))
    lines.append("")
    if report.most_traded:
        lines.append(t("economy-traded"))
        lines += [
            t("economy-traded-line", item=local(t, r.item.name), quantity=r.quantity, gold=r.gold)
            for r in report.most_traded
        ]
    else:
        lines.append(t("economy-traded-none"))
    return Screen("\n".join(lines))


# --- direct trades ----------------------------------------------------------------------------------

GOLD_STEPS = (10, 100)
ITEM_BUTTONS = 6


def trades_list(t: Translator, trades: list[TradeView]) -> Screen:
    lines = [t("trades-title"), ""]
    if not trades:
        lines.append(t("trades-none"))
    lines += [t("trades-line", name=literal(tr.partner_name), left=duration(t, tr.seconds_left)) for tr in trades]
    kb = KeyboardBuilder()
    for tr in trades:
        kb.button(text=t("btn-trade-open", name=tr.partner_name), callback_data=TradeCb(act="show", t=tr.id))
    kb.button(text=t("btn-market"), callback_data=MarketCb(act="index"))
    kb.button(text=t("btn-menu"), callback_data=nav("menu"))
    kb.adjust(*([1] * len(trades)), 2)
    return Screen("\n".join(lines), kb.as_markup())


def _offer_lines(t: Translator, offer: OfferView) -> list[str]:
    lines = [t("trade-gold", gold=offer.gold)] if offer.gold else []
    lines += stack_lines(t, offer.items)
    return lines or [t("trade-nothing")]


def trade(t: Translator, view: TradeView, *, notice: str | None = None) -> Screen:
    name = literal(view.partner_name)
    lines = [t("trade-title", name=name), "", t("trade-yours"), *_offer_lines(t, view.mine)]
    lines += ["", t("trade-theirs", name=name), *_offer_lines(t, view.theirs), ""]
    kb = KeyboardBuilder()
    rows: list[int] = []
    if view.status == "open":
        lines.append(t("trade-you-ok") if view.you_confirmed else t("trade-you-not"))
        lines.append(t("trade-they-ok", name=name) if view.they_confirmed else t("trade-they-not", name=name))
        lines.append(t("trade-left", left=duration(t, view.seconds_left)))
        for gold in GOLD_STEPS:
            kb.button(
                text=t("btn-trade-gold", gold=gold),
                callback_data=TradeCb(act="gold", t=view.id, v=view.version, g=gold),
            )
        rows.append(len(GOLD_STEPS))
        offered = {s.item.id: s.quantity for s in view.mine.items}
        addable = [s for s in view.tradable if s.quantity > offered.get(s.item.id, 0)][:ITEM_BUTTONS]
        for s in addable:
            kb.button(
                text=t("btn-trade-item", item=t.pick(s.item.name)),
                callback_data=TradeCb(act="item", t=view.id, v=view.version, id=s.item.id),
            )
        rows += [2] * (len(addable) // 2) + [1] * (len(addable) % 2)
        if view.mine.gold or view.mine.items:
            kb.button(text=t("btn-trade-clear"), callback_data=TradeCb(act="clear", t=view.id, v=view.version))
            rows.append(1)
        if not view.you_confirmed:
            kb.button(text=t("btn-trade-confirm"), callback_data=TradeCb(act="ok", t=view.id, v=view.version))
        kb.button(text=t("btn-trade-refresh"), callback_data=TradeCb(act="show", t=view.id))
        kb.button(text=t("btn-trade-cancel"), callback_data=TradeCb(act="cancel", t=view.id))
        rows += [1 if view.you_confirmed else 2, 1]
    elif view.status == "done":
        lines.append(t("trade-done"))
    elif view.status == "cancelled":
        lines.append(t("trade-cancelled"))
    else:
        lines.append(t("trade-expired"))
    kb.button(text=t("btn-trades"), callback_data=TradeCb(act="list"))
    rows.append(1)
    kb.adjust(*rows)
    return Screen(with_notice(notice, lines), kb.as_markup())


def trade_usage(t: Translator) -> Screen:
    return Screen(t("trade-usage"))


def trade_updated(t: Translator, *, trade_id: int, by_name: str, status: str) -> Screen:
    name = literal(by_name)
    if status == "done":
        text = t("notify-trade-done", name=name)
    elif status == "cancelled":
        text = t("notify-trade-cancelled", name=name)
    elif status == "expired":
        text = t("notify-trade-expired", name=name)
    else:
        text = t("notify-trade-open", name=name)
    kb = KeyboardBuilder()
    kb.button(text=t("btn-trade-show"), callback_data=TradeCb(act="show", t=trade_id))
    return Screen(text, kb.as_markup())


# --- invitations ------------------------------------------------------------------------------------


def invitation(t: Translator, view: InvitationView, *, bot_username: str | None) -> Screen:
    link = f"https://t.me/{bot_username}?start=ref_{view.code}" if bot_username else f"/start ref_{view.code}"
    lines = [
        t("invite-title"),
        "",
        t("invite-how", level=view.reward_level, gold=view.reward_gold),
        "",
        f"<code>{literal(link)}</code>",
        "",
        t("invite-counts", joined=view.joined, rewarded=view.rewarded, level=view.reward_level),
    ]
    kb = KeyboardBuilder()
    kb.button(text=t("btn-daily"), callback_data=DailyCb(act="show"))
    kb.button(text=t("btn-menu"), callback_data=nav("menu"))
    kb.adjust(2)
    return Screen("\n".join(lines), kb.as_markup())


def invite_rewarded(t: Translator, *, invitee_name: str, gold: int) -> Screen:
    return Screen(t("notify-invite-rewarded", name=literal(invitee_name), gold=gold))
