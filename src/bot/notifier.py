"""Turns game events into messages to the players they concern.

Every message goes through one rate-limited `FanOut` with the event's id as the delivery id: the
delivery ledger remembers who was reached, so an event read again after a restart (the stream
re-delivers what was not acknowledged) writes to nobody twice. Recipients are streamed a page at a
time from the game, never listed whole. A player who blocked the bot (403) is told to the game
(`set_reachable(False)`) and remembered in the chat's FSM data, so the events that name players
directly (evictions, boss contributors, level-ups) skip them too; /start clears both.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Collection, Iterable
from typing import Any, Protocol

from aiogram import Bot
from aiogram.fsm.storage.base import BaseStorage, StorageKey

from bot.delivery import DeliveryReport, FanOut, Outgoing, RateLimiter, TelegramSender
from bot.i18n import Translator, pick_locale
from bot.middlewares.locale import LOCALE_KEY
from bot.views import Screen
from bot.views import arena as arena_views
from bot.views import economy as economy_views
from bot.views import guild as guild_views
from bot.views import notifications as views
from game.api import (
    AdventureApi,
    ExchangeApi,
    InventoryApi,
    ItemInfo,
    NotificationsApi,
    NotRegistered,
    RiftsApi,
    WorldBossesApi,
)
from shared.events import (
    ArenaDefended,
    BossDefeated,
    BossEscaped,
    BossSharesPaid,
    BossSpawned,
    Broadcast,
    CharacterCreated,
    Event,
    GuildMessage,
    GuildNotice,
    InviteRewarded,
    OrderFilled,
    PlayerLeveledUp,
    RiftCollapsed,
    RiftOpened,
    TradeUpdated,
)
from shared.ports.delivery_ledger import DeliveryLedger

log = logging.getLogger(__name__)

UNREACHABLE_KEY = "unreachable"  # in the chat's FSM data: Telegram said 403; cleared by /start
RIFTS, BOSSES, EVERYONE = "rifts", "bosses", "everyone"
EXCHANGE = "exchange"
Compose = Callable[[Translator, int], Awaitable[Outgoing | None] | Outgoing | None]


class NotifierGame(NotificationsApi, RiftsApi, WorldBossesApi, AdventureApi, InventoryApi, ExchangeApi, Protocol):
    """Who to tell, and what to tell them about: rifts, bosses (and the items a boss paid, named from
    the bag they went to), where a newcomer stands, and their market orders that traded."""


class Notifier:
    def __init__(
        self,
        *,
        bot: Bot,
        storage: BaseStorage,
        game: NotifierGame,
        ledger: DeliveryLedger,
        limiter: RateLimiter | None = None,
        default_locale: str = "en",
        page_size: int = 1000,
        sender_options: dict[str, Any] | None = None,
        fanout_options: dict[str, Any] | None = None,
    ) -> None:
        self._bot = bot
        self._game = game
        self._storage = storage
        self._default = default_locale
        self._page_size = page_size
        # One limiter per bot token: every fan-out shares it, so Telegram's limits hold for all of them.
        sender = TelegramSender(
            bot, limiter or RateLimiter(), on_unreachable=self.mark_unreachable, **(sender_options or {})
        )
        self._fanout = FanOut(sender, ledger, **(fanout_options or {}))

    # --- the chat's side: language and reachability ------------------------------------------

    def _key(self, player_id: int) -> StorageKey:
        return StorageKey(bot_id=self._bot.id, chat_id=player_id, user_id=player_id)

    async def translator_for(self, player_id: int) -> Translator | None:
        """The player's language; None if they blocked the bot."""
        data = await self._storage.get_data(self._key(player_id))
        if data.get(UNREACHABLE_KEY):
            return None
        return Translator(data.get(LOCALE_KEY) or pick_locale(None, self._default))

    async def mark_unreachable(self, player_id: int) -> None:
        await self._game.set_reachable(player_id=player_id, reachable=False)
        await self._storage.update_data(self._key(player_id), {UNREACHABLE_KEY: True})

    # --- recipients --------------------------------------------------------------------------

    async def recipients(self, category: str) -> AsyncIterator[int]:
        """Players who want to hear about `category`, a page at a time, in id order."""
        after = 0
        while True:
            page = await self._game.notification_recipients(
                category=category, after_player_id=after, limit=self._page_size
            )
            for player_id in page:
                yield player_id
            if len(page) < self._page_size:
                return
            after = page[-1]

    # --- events ------------------------------------------------------------------------------

    async def handle(self, event: Event) -> DeliveryReport | None:
        handlers: dict[type[Event], Callable[[Any], Awaitable[DeliveryReport | None]]] = {
            CharacterCreated: self._character_created,
            PlayerLeveledUp: self._leveled_up,
            RiftOpened: self._rift_opened,
            RiftCollapsed: self._rift_collapsed,
            BossSpawned: self._boss_spawned,
            BossSharesPaid: self._boss_shares_paid,
            BossDefeated: self._boss_ended,
            BossEscaped: self._boss_ended,
            Broadcast: self._broadcast,
            # players together
            GuildNotice: self._guild_notice,
            GuildMessage: self._guild_message,
            ArenaDefended: self._arena_defended,
            # the player economy
            OrderFilled: self._order_filled,
            TradeUpdated: self._trade_updated,
            InviteRewarded: self._invite_rewarded,
        }
        handler = handlers.get(type(event))
        if handler is None:
            log.debug("no notification for %s", event.kind)
            return None
        return await handler(event)

    async def _deliver(
        self, event: Event, recipients: AsyncIterator[int] | Iterable[int], compose: Compose
    ) -> DeliveryReport:
        async def render(player_id: int) -> Outgoing | None:
            t = await self.translator_for(player_id)
            if t is None:
                return None  # blocked the bot: nothing to send, nothing to spend rate on
            outgoing = compose(t, player_id)
            return await outgoing if inspect.isawaitable(outgoing) else outgoing

        return await self._fanout.deliver(event.event_id, recipients, render)

    @staticmethod
    def _same_for_all(compose: Callable[[Translator], Outgoing | None]) -> Compose:
        """A message that depends only on the language: composed once per language."""
        cache: dict[str, Outgoing | None] = {}

        def per_player(t: Translator, _: int) -> Outgoing | None:
            if t.locale not in cache:
                cache[t.locale] = compose(t)
            return cache[t.locale]

        return per_player

    async def _character_created(self, event: CharacterCreated) -> DeliveryReport:
        here = await self._game.look(player_id=event.player_id)

        def compose(t: Translator) -> Outgoing:
            return _outgoing(views.greeting(t, event.name, here))

        return await self._deliver(event, [event.player_id], self._same_for_all(compose))

    async def _leveled_up(self, event: PlayerLeveledUp) -> DeliveryReport | None:
        if event.shown:  # the fight's screen said it: once is enough
            return None

        def compose(t: Translator) -> Outgoing:
            return _outgoing(views.level_up(t, event.level))

        return await self._deliver(event, [event.player_id], self._same_for_all(compose))

    async def _rift_opened(self, event: RiftOpened) -> DeliveryReport | None:
        rift = next((r for r in await self._game.list_rifts() if r.id == event.rift_id), None)
        if rift is None:
            log.info("rift %s closed before it was announced", event.rift_id)
            return None

        def compose(t: Translator) -> Outgoing:
            return _outgoing(views.rift_opened(t, rift))

        return await self._deliver(event, self.recipients(RIFTS), self._same_for_all(compose))

    async def _rift_collapsed(self, event: RiftCollapsed) -> DeliveryReport | None:
        if not event.evicted_player_ids:
            return None

        async def compose(t: Translator, player_id: int) -> Outgoing:
            try:
                run = await self._game.rift_progress(player_id=player_id)
            except NotRegistered:
                run = None
            return _outgoing(views.rift_collapsed(t, run if run is not None and run.rift.id == event.rift_id else None))

        return await self._deliver(event, sorted(set(event.evicted_player_ids)), compose)

    async def _boss_spawned(self, event: BossSpawned) -> DeliveryReport | None:
        boss = await self._game.get_boss(boss_id=event.boss_id)
        if boss is None or boss.status != "alive":
            log.info("boss %s ended before it was announced", event.boss_id)
            return None

        def compose(t: Translator) -> Outgoing:
            return _outgoing(views.boss_spawned(t, boss))

        return await self._deliver(event, self.recipients(BOSSES), self._same_for_all(compose))

    async def _boss_shares_paid(self, event: BossSharesPaid) -> DeliveryReport | None:
        """Those just paid hear how it ended for them, with their share, as soon as it is in their bag."""
        if not event.payouts:
            return None
        boss = await self._game.get_boss(boss_id=event.boss_id)
        payouts = {p.player_id: p for p in event.payouts}

        async def compose(t: Translator, player_id: int) -> Outgoing:
            payout = payouts[player_id]
            known = await self._items_of(player_id) if payout.items else {}
            shown = views.boss_ended(
                t,
                boss,
                defeated=event.defeated,
                fought=True,
                killed=event.defeated and player_id == event.killer_id,
                payout=payout,
                known=known,
            )
            return _outgoing(shown)

        return await self._deliver(event, sorted(payouts), compose)

    async def _boss_ended(self, event: BossDefeated | BossEscaped) -> DeliveryReport:
        """Those who fought hear how it ended for them (unless each heard it with their share as they were
        paid); those who follow bosses hear that it ended."""
        boss = await self._game.get_boss(boss_id=event.boss_id)
        fought = set(event.contributors)
        defeated = isinstance(event, BossDefeated)
        killer = event.killer_id if isinstance(event, BossDefeated) else None
        payouts = {p.player_id: p for p in event.payouts}
        if event.shares_told:  # the fighters heard it already: the followers who did not fight remain
            return await self._deliver(
                event,
                _without(self.recipients(BOSSES), fought),
                self._same_for_all(
                    lambda t: _outgoing(views.boss_ended(t, boss, defeated=defeated, fought=False, killed=False))
                ),
            )

        async def compose(t: Translator, player_id: int) -> Outgoing:
            payout = payouts.get(player_id)
            known = await self._items_of(player_id) if payout is not None and payout.items else {}
            shown = views.boss_ended(
                t,
                boss,
                defeated=defeated,
                fought=player_id in fought,
                killed=defeated and player_id == killer,
                payout=payout,
                known=known,
            )
            return _outgoing(shown)

        return await self._deliver(event, _merged(_stream(sorted(fought)), self.recipients(BOSSES)), compose)

    async def _items_of(self, player_id: int) -> dict[str, ItemInfo]:
        """The items a player has, by id: what a payout put in the bag, to name it."""
        try:
            bag = await self._game.inventory(player_id=player_id)
        except NotRegistered:
            return {}
        return {**{e.item.id: e.item for e in bag.items}, **{i.id: i for i in bag.equipment.values()}}

    async def _order_filled(self, event: OrderFilled) -> DeliveryReport | None:
        """The owner of an order hears that it traded, unless they muted the market (or placed it just now)."""
        if event.taker:
            return None
        try:
            settings = await self._game.notification_settings(player_id=event.player_id)
            market = await self._game.market(player_id=event.player_id, item_id=event.item_id)
        except NotRegistered:
            return None
        if EXCHANGE in settings.muted:
            return None

        def compose(t: Translator) -> Outgoing:
            screen = economy_views.order_filled(
                t,
                item_name=market.item.name,
                item_forms=market.item.name_forms,
                side=event.side,
                quantity=event.quantity,
                price=event.price,
                fee=event.fee,
                remaining=event.remaining,
            )
            return _outgoing(screen)

        return await self._deliver(event, [event.player_id], self._same_for_all(compose))

    async def _trade_updated(self, event: TradeUpdated) -> DeliveryReport:
        """The other side of a direct trade hears of each change (they confirm what they saw)."""

        def compose(t: Translator) -> Outgoing:
            shown = economy_views.trade_updated(t, trade_id=event.trade_id, by_name=event.by_name, status=event.status)
            return _outgoing(shown)

        return await self._deliver(event, [event.player_id], self._same_for_all(compose))

    async def _invite_rewarded(self, event: InviteRewarded) -> DeliveryReport:
        def compose(t: Translator) -> Outgoing:
            return _outgoing(economy_views.invite_rewarded(t, invitee_name=event.invitee_name, gold=event.gold))

        return await self._deliver(event, [event.player_id], self._same_for_all(compose))

    async def _broadcast(self, event: Broadcast) -> DeliveryReport:
        # Every reachable player: an announcement cannot be muted, only blocking the bot stops it.
        def compose(t: Translator) -> Outgoing:
            return _outgoing(views.broadcast(t, event.text))

        return await self._deliver(event, self.recipients(EVERYONE), self._same_for_all(compose))

    # --- players together -----------------------------------------------------------------------

    async def _guild_notice(self, event: GuildNotice) -> DeliveryReport:
        """Members hear what happened in their guild (the event names them)."""

        def compose(t: Translator) -> Outgoing:
            shown = guild_views.notice(
                t,
                event.what,
                guild_id=event.guild_id,
                tag=event.guild_tag,
                name=event.player_name,
                level=event.level,
                guild=event.guild_name,
            )
            return _outgoing(shown)

        return await self._deliver(event, sorted(set(event.recipients)), self._same_for_all(compose))

    async def _guild_message(self, event: GuildMessage) -> DeliveryReport:
        """A member's message to the guild, to the members who did not mute guild chat (the game chose
        them when the message was sent), through the same rate-limited fan-out as every notification."""

        def compose(t: Translator) -> Outgoing:
            return _outgoing(guild_views.message(t, tag=event.guild_tag, author=event.author_name, text=event.text))

        return await self._deliver(event, sorted(set(event.recipients)), self._same_for_all(compose))

    async def _arena_defended(self, event: ArenaDefended) -> DeliveryReport:
        """The defender hears how their ghost fared (the game told only those who did not mute the arena)."""

        def compose(t: Translator) -> Outgoing:
            shown = arena_views.defended(
                t,
                challenger_id=event.challenger_id,
                name=event.challenger_name,
                won=event.defender_won,
                change=event.rating_change,
                rating=event.rating,
            )
            return _outgoing(shown)

        return await self._deliver(event, [event.defender_id], self._same_for_all(compose))


def _outgoing(screen: Screen) -> Outgoing:
    return Outgoing(screen.text, screen.markup)


async def _stream(ids: Iterable[int]) -> AsyncIterator[int]:
    for player_id in ids:
        yield player_id


async def _without(ids: AsyncIterator[int], left_out: Collection[int]) -> AsyncIterator[int]:
    async for player_id in ids:
        if player_id not in left_out:
            yield player_id


async def _merged(*streams: AsyncIterator[int]) -> AsyncIterator[int]:
    """Ascending id streams merged into one, each id once."""
    heads: dict[int, int] = {}
    for index, stream in enumerate(streams):
        first = await anext(stream, None)
        if first is not None:
            heads[index] = first
    last: int | None = None
    while heads:
        index = min(heads, key=heads.__getitem__)
        player_id = heads[index]
        if player_id != last:
            yield player_id
            last = player_id
        following = await anext(streams[index], None)
        if following is None:
            del heads[index]
        else:
            heads[index] = following
