"""The in-process adapter of `GameApi`: each port method handed to the use case that serves it, with
storage failures turned into the port's `ServiceUnavailable` — so callers see the same errors a remote
game would send them."""

from __future__ import annotations

import functools
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from game.adapters.infrastructure_errors import is_infrastructure_error
from game.api import (
    CharacterSheet,
    ClassInfo,
    CombatView,
    Crafted,
    ExploreResult,
    ForgeView,
    GameError,
    InnView,
    InventoryView,
    ItemUsed,
    LeaderboardRow,
    LocationView,
    NotificationSettings,
    ServiceUnavailable,
    ShopView,
    SkillTreeView,
    SnapshotReport,
)
from game.api.arena import ArenaLadder, ArenaResult, ArenaView, SeasonReport
from game.api.economy import (
    BountyClaimed,
    Collected,
    DailyClaimed,
    DailyView,
    EconomyReport,
    ExpiryReport,
    FillView,
    InvitationView,
    MarketIndex,
    MarketView,
    MyOrdersView,
    OrderPlaced,
    OrderSide,
    TradeView,
)
from game.api.guilds import GuildPending, GuildSummary, GuildView, LedgerPage, MyGuild
from game.api.wire import load_arguments, port_methods
from game.api.world import (
    BossAttackResult,
    BossView,
    RiftAdvance,
    RiftInfo,
    RiftProgressView,
    WorldEventsReport,
)
from game.application.administration import Administration
from game.application.arena import Arena
from game.application.characters import Characters
from game.application.dailies import Dailies
from game.application.exchange import Exchange
from game.application.exploration import Exploration
from game.application.fights import Fights
from game.application.guilds import Guilds
from game.application.invitations import Invitations
from game.application.items import Items
from game.application.leaderboards import Leaderboards
from game.application.maintenance import Maintenance
from game.application.notifications import Notifications
from game.application.rifts import Rifts
from game.application.skills import Skills
from game.application.town import Town
from game.application.trades import Trades
from game.application.world_bosses import WorldBosses
from shared.metrics import GAME_CALL_SECONDS

log = logging.getLogger(__name__)

C = TypeVar("C", bound=type)


def _storage_errors_as_unavailable(cls: C) -> C:
    """Wrap every port method: its arguments are checked against the port's signature (`BadRequest`
    before anything is done), a refusal passes through, a storage outage becomes `ServiceUnavailable`."""

    def wrap(name: str, method: Callable[..., Awaitable[Any]]) -> Callable[..., Awaitable[Any]]:
        @functools.wraps(method)
        async def call(self: Any, **kwargs: Any) -> Any:
            started, outcome = time.perf_counter(), "ok"
            try:
                kwargs = load_arguments(name, kwargs)
                return await method(self, **kwargs)
            except GameError as error:
                outcome = error.code
                raise
            except Exception as exc:
                if is_infrastructure_error(exc):
                    outcome = ServiceUnavailable.code
                    log.warning("game.%s: storage unavailable: %s", name, exc)
                    raise ServiceUnavailable("storage is unavailable; try again") from exc
                outcome = "error"
                raise
            finally:
                GAME_CALL_SECONDS.labels(name, outcome).observe(time.perf_counter() - started)

        return call

    for name in port_methods():
        setattr(cls, name, wrap(name, getattr(cls, name)))
    return cls


@_storage_errors_as_unavailable
class InProcessGame:
    def __init__(
        self,
        *,
        characters: Characters,
        exploration: Exploration,
        fights: Fights,
        items: Items,
        town: Town,
        skills: Skills,
        leaderboards: Leaderboards,
        rifts: Rifts,
        bosses: WorldBosses,
        notifications: Notifications,
        administration: Administration,
        maintenance: Maintenance,
        guilds: Guilds,
        arena: Arena,
        exchange: Exchange,
        dailies: Dailies,
        trades: Trades,
        invitations: Invitations,
    ) -> None:
        self._characters = characters
        self._exploration = exploration
        self._fights = fights
        self._items = items
        self._town = town
        self._skills = skills
        self._leaderboards = leaderboards
        self._rifts = rifts
        self._bosses = bosses
        self._notifications = notifications
        self._administration = administration
        self._maintenance = maintenance
        self._guilds = guilds
        self._arena = arena
        self._exchange = exchange
        self._dailies = dailies
        self._trades = trades
        self._invitations = invitations

    # --- CharactersApi -----------------------------------------------------------------------------

    async def list_classes(self) -> list[ClassInfo]:
        return await self._characters.list_classes()

    async def check_name(self, *, name: str) -> str:
        return await self._characters.check_name(name=name)

    async def register(self, *, player_id: int, name: str, class_id: str) -> CharacterSheet:
        return await self._characters.register(player_id=player_id, name=name, class_id=class_id)

    async def get_character(self, *, player_id: int) -> CharacterSheet:
        return await self._characters.get_character(player_id=player_id)

    async def allocate_stat(self, *, player_id: int, stat: str, version: int) -> CharacterSheet:
        return await self._characters.allocate_stat(player_id=player_id, stat=stat, version=version)

    # --- AdventureApi ------------------------------------------------------------------------------

    async def look(self, *, player_id: int) -> LocationView:
        return await self._exploration.look(player_id=player_id)

    async def travel(self, *, player_id: int, destination: str) -> LocationView:
        return await self._exploration.travel(player_id=player_id, destination=destination)

    async def explore(self, *, player_id: int, press: str | None = None, at: str | None = None) -> ExploreResult:
        return await self._exploration.explore(player_id=player_id, press=press, at=at)

    async def get_combat(self, *, player_id: int) -> CombatView | None:
        return await self._fights.get_combat(player_id=player_id)

    async def combat_action(
        self,
        *,
        player_id: int,
        combat_id: str,
        turn: int,
        action: str,
        skill_id: str | None = None,
        item_id: str | None = None,
    ) -> CombatView:
        return await self._fights.combat_action(
            player_id=player_id, combat_id=combat_id, turn=turn, action=action, skill_id=skill_id, item_id=item_id
        )

    # --- InventoryApi ------------------------------------------------------------------------------

    async def inventory(self, *, player_id: int) -> InventoryView:
        return await self._items.inventory(player_id=player_id)

    async def equip(self, *, player_id: int, item_id: str, version: int) -> InventoryView:
        return await self._items.equip(player_id=player_id, item_id=item_id, version=version)

    async def unequip(self, *, player_id: int, slot: str, version: int) -> InventoryView:
        return await self._items.unequip(player_id=player_id, slot=slot, version=version)

    async def use_item(self, *, player_id: int, item_id: str, version: int) -> ItemUsed:
        return await self._items.use_item(player_id=player_id, item_id=item_id, version=version)

    async def drop_item(self, *, player_id: int, item_id: str, quantity: int, version: int) -> InventoryView:
        return await self._items.drop_item(player_id=player_id, item_id=item_id, quantity=quantity, version=version)

    # --- TownApi -----------------------------------------------------------------------------------

    async def shop(self, *, player_id: int) -> ShopView:
        return await self._town.shop(player_id=player_id)

    async def buy(self, *, player_id: int, item_id: str, quantity: int, version: int) -> ShopView:
        return await self._town.buy(player_id=player_id, item_id=item_id, quantity=quantity, version=version)

    async def sell(self, *, player_id: int, item_id: str, quantity: int, version: int) -> ShopView:
        return await self._town.sell(player_id=player_id, item_id=item_id, quantity=quantity, version=version)

    async def inn(self, *, player_id: int) -> InnView:
        return await self._town.inn(player_id=player_id)

    async def rest_at_inn(self, *, player_id: int) -> InnView:
        return await self._town.rest_at_inn(player_id=player_id)

    async def forge(self, *, player_id: int) -> ForgeView:
        return await self._town.forge(player_id=player_id)

    async def craft(self, *, player_id: int, recipe_id: str, version: int) -> Crafted:
        return await self._town.craft(player_id=player_id, recipe_id=recipe_id, version=version)

    # --- SkillsApi ---------------------------------------------------------------------------------

    async def skill_tree(self, *, player_id: int) -> SkillTreeView:
        return await self._skills.skill_tree(player_id=player_id)

    async def learn_skill(self, *, player_id: int, skill_id: str, version: int) -> SkillTreeView:
        return await self._skills.learn_skill(player_id=player_id, skill_id=skill_id, version=version)

    # --- LeaderboardsApi ---------------------------------------------------------------------------

    async def leaderboard(self, *, board: str = "level", limit: int = 10) -> list[LeaderboardRow]:
        return await self._leaderboards.leaderboard(board=board, limit=limit)

    async def boss_leaderboard(self, *, limit: int = 10) -> list[LeaderboardRow]:
        return await self._leaderboards.boss_leaderboard(limit=limit)

    # --- RiftsApi ----------------------------------------------------------------------------------

    async def list_rifts(self) -> list[RiftInfo]:
        return await self._rifts.list_rifts()

    async def enter_rift(self, *, player_id: int, rift_id: str) -> RiftProgressView:
        return await self._rifts.enter_rift(player_id=player_id, rift_id=rift_id)

    async def advance_rift(self, *, player_id: int, steps_done: int | None = None) -> RiftAdvance:
        return await self._rifts.advance_rift(player_id=player_id, steps_done=steps_done)

    async def leave_rift(self, *, player_id: int) -> RiftProgressView:
        return await self._rifts.leave_rift(player_id=player_id)

    async def rift_progress(self, *, player_id: int) -> RiftProgressView | None:
        return await self._rifts.rift_progress(player_id=player_id)

    # --- WorldBossesApi ----------------------------------------------------------------------------

    async def list_bosses(self, *, player_id: int | None = None) -> list[BossView]:
        return await self._bosses.list_bosses(player_id=player_id)

    async def get_boss(self, *, boss_id: str, player_id: int | None = None) -> BossView | None:
        return await self._bosses.get_boss(boss_id=boss_id, player_id=player_id)

    async def attack_boss(self, *, player_id: int, boss_id: str) -> BossAttackResult:
        return await self._bosses.attack_boss(player_id=player_id, boss_id=boss_id)

    # --- NotificationsApi --------------------------------------------------------------------------

    async def notification_settings(self, *, player_id: int) -> NotificationSettings:
        return await self._notifications.notification_settings(player_id=player_id)

    async def set_notification(self, *, player_id: int, category: str, enabled: bool) -> NotificationSettings:
        return await self._notifications.set_notification(player_id=player_id, category=category, enabled=enabled)

    async def set_reachable(self, *, player_id: int, reachable: bool) -> None:
        return await self._notifications.set_reachable(player_id=player_id, reachable=reachable)

    async def notification_recipients(self, *, category: str, after_player_id: int = 0, limit: int = 1000) -> list[int]:
        return await self._notifications.notification_recipients(
            category=category, after_player_id=after_player_id, limit=limit
        )

    # --- AdministrationApi -------------------------------------------------------------------------

    async def find_player(self, *, query: str) -> CharacterSheet:
        return await self._administration.find_player(query=query)

    async def admin_open_rift(
        self, *, location_id: str | None = None, tier: int | None = None, duration_minutes: float = 30.0
    ) -> RiftInfo:
        return await self._administration.admin_open_rift(
            location_id=location_id, tier=tier, duration_minutes=duration_minutes
        )

    async def admin_spawn_boss(
        self, *, location_id: str | None = None, boss_def_id: str | None = None, duration_minutes: float = 15.0
    ) -> BossView:
        return await self._administration.admin_spawn_boss(
            location_id=location_id, boss_def_id=boss_def_id, duration_minutes=duration_minutes
        )

    # --- MaintenanceApi ----------------------------------------------------------------------------

    async def snapshot_hot_state(self, *, full: bool = False) -> SnapshotReport:
        return await self._maintenance.snapshot_hot_state(full=full)

    # --- WorldJobsApi ------------------------------------------------------------------------------

    async def open_rifts_tick(self, *, duration_minutes: float = 30.0, max_open: int = 3) -> WorldEventsReport:
        return await self._rifts.open_rifts_tick(duration_minutes=duration_minutes, max_open=max_open)

    async def close_expired_rifts(self) -> WorldEventsReport:
        return await self._rifts.close_expired_rifts()

    async def spawn_boss_tick(self, *, duration_minutes: float = 15.0) -> WorldEventsReport:
        return await self._bosses.spawn_boss_tick(duration_minutes=duration_minutes)

    async def end_expired_bosses(self) -> WorldEventsReport:
        return await self._bosses.end_expired_bosses()

    async def settle_bosses(self) -> WorldEventsReport:
        return await self._bosses.settle_bosses()

    # --- GuildsApi and GuildAdministrationApi (players together) ---------------------------------

    async def my_guild(self, *, player_id: int) -> MyGuild:
        return await self._guilds.my_guild(player_id=player_id)

    async def guild_info(self, *, player_id: int, guild_id: int) -> GuildView:
        return await self._guilds.guild_info(player_id=player_id, guild_id=guild_id)

    async def found_guild(self, *, player_id: int, name: str, tag: str) -> GuildView:
        return await self._guilds.found_guild(player_id=player_id, name=name, tag=tag)

    async def invite_to_guild(self, *, player_id: int, name: str) -> GuildPending:
        return await self._guilds.invite_to_guild(player_id=player_id, name=name)

    async def accept_invitation(self, *, player_id: int, guild_id: int) -> GuildView:
        return await self._guilds.accept_invitation(player_id=player_id, guild_id=guild_id)

    async def decline_invitation(self, *, player_id: int, guild_id: int) -> MyGuild:
        return await self._guilds.decline_invitation(player_id=player_id, guild_id=guild_id)

    async def join_by_code(self, *, player_id: int, code: str) -> GuildView:
        return await self._guilds.join_by_code(player_id=player_id, code=code)

    async def request_to_join(self, *, player_id: int, guild_id: int) -> MyGuild:
        return await self._guilds.request_to_join(player_id=player_id, guild_id=guild_id)

    async def answer_request(self, *, player_id: int, applicant_id: int, accept: bool, version: int) -> GuildView:
        return await self._guilds.answer_request(
            player_id=player_id, applicant_id=applicant_id, accept=accept, version=version
        )

    async def leave_guild(self, *, player_id: int) -> MyGuild:
        return await self._guilds.leave_guild(player_id=player_id)

    async def kick_member(self, *, player_id: int, member_id: int, version: int) -> GuildView:
        return await self._guilds.kick_member(player_id=player_id, member_id=member_id, version=version)

    async def promote_member(self, *, player_id: int, member_id: int, version: int) -> GuildView:
        return await self._guilds.promote_member(player_id=player_id, member_id=member_id, version=version)

    async def demote_member(self, *, player_id: int, member_id: int, version: int) -> GuildView:
        return await self._guilds.demote_member(player_id=player_id, member_id=member_id, version=version)

    async def hand_over_lead(self, *, player_id: int, member_id: int, version: int) -> GuildView:
        return await self._guilds.hand_over_lead(player_id=player_id, member_id=member_id, version=version)

    async def claim_lead(self, *, player_id: int) -> GuildView:
        return await self._guilds.claim_lead(player_id=player_id)

    async def disband_guild(self, *, player_id: int, version: int) -> MyGuild:
        return await self._guilds.disband_guild(player_id=player_id, version=version)

    async def deposit_gold(self, *, player_id: int, amount: int) -> GuildView:
        return await self._guilds.deposit_gold(player_id=player_id, amount=amount)

    async def withdraw_gold(self, *, player_id: int, amount: int, version: int) -> GuildView:
        return await self._guilds.withdraw_gold(player_id=player_id, amount=amount, version=version)

    async def deposit_item(self, *, player_id: int, item_id: str, quantity: int) -> GuildView:
        return await self._guilds.deposit_item(player_id=player_id, item_id=item_id, quantity=quantity)

    async def withdraw_item(self, *, player_id: int, item_id: str, quantity: int, version: int) -> GuildView:
        return await self._guilds.withdraw_item(
            player_id=player_id, item_id=item_id, quantity=quantity, version=version
        )

    async def guild_ledger(self, *, player_id: int, page: int = 1) -> LedgerPage:
        return await self._guilds.guild_ledger(player_id=player_id, page=page)

    async def guild_board(self, *, limit: int = 10) -> list[GuildSummary]:
        return await self._guilds.guild_board(limit=limit)

    async def send_guild_message(self, *, player_id: int, text: str) -> int:
        return await self._guilds.send_guild_message(player_id=player_id, text=text)

    async def admin_find_guild(self, *, query: str) -> GuildView:
        return await self._guilds.admin_find_guild(query=query)

    async def admin_dissolve_guild(self, *, guild_id: int) -> int:
        return await self._guilds.admin_dissolve_guild(guild_id=guild_id)

    # --- ArenaApi and ArenaJobsApi (players together) ----------------------------------------------

    async def arena(self, *, player_id: int) -> ArenaView:
        return await self._arena.arena(player_id=player_id)

    async def find_opponent(self, *, player_id: int) -> ArenaView:
        return await self._arena.find_opponent(player_id=player_id)

    async def arena_fight(self, *, player_id: int, opponent_id: int) -> ArenaResult:
        return await self._arena.arena_fight(player_id=player_id, opponent_id=opponent_id)

    async def arena_ladder(self, *, player_id: int | None = None, limit: int = 10) -> ArenaLadder:
        return await self._arena.arena_ladder(player_id=player_id, limit=limit)

    async def close_arena_season(self) -> SeasonReport:
        return await self._arena.close_arena_season()

    # --- ExchangeApi -------------------------------------------------------------------------------

    async def market_index(self, *, player_id: int) -> MarketIndex:
        return await self._exchange.market_index(player_id=player_id)

    async def market(self, *, player_id: int, item_id: str) -> MarketView:
        return await self._exchange.market(player_id=player_id, item_id=item_id)

    async def place_order(
        self, *, player_id: int, item_id: str, side: OrderSide, price: int, quantity: int
    ) -> OrderPlaced:
        return await self._exchange.place_order(
            player_id=player_id, item_id=item_id, side=side, price=price, quantity=quantity
        )

    async def cancel_order(self, *, player_id: int, order_id: int) -> MyOrdersView:
        return await self._exchange.cancel_order(player_id=player_id, order_id=order_id)

    async def my_orders(self, *, player_id: int) -> MyOrdersView:
        return await self._exchange.my_orders(player_id=player_id)

    async def my_trades(self, *, player_id: int, limit: int = 10) -> list[FillView]:
        return await self._exchange.my_trades(player_id=player_id, limit=limit)

    async def collect(self, *, player_id: int) -> Collected:
        return await self._exchange.collect(player_id=player_id)

    # --- DailiesApi --------------------------------------------------------------------------------

    async def daily(self, *, player_id: int) -> DailyView:
        return await self._dailies.daily(player_id=player_id)

    async def claim_daily(self, *, player_id: int) -> DailyClaimed:
        return await self._dailies.claim_daily(player_id=player_id)

    async def claim_bounty(self, *, player_id: int, bounty_id: str) -> BountyClaimed:
        return await self._dailies.claim_bounty(player_id=player_id, bounty_id=bounty_id)

    # --- TradesApi ----------------------------------------------------------------------------------

    async def propose_trade(self, *, player_id: int, partner: str) -> TradeView:
        return await self._trades.propose_trade(player_id=player_id, partner=partner)

    async def trade_offer(self, *, player_id: int, trade_id: int) -> TradeView:
        return await self._trades.trade_offer(player_id=player_id, trade_id=trade_id)

    async def open_trades(self, *, player_id: int) -> list[TradeView]:
        return await self._trades.open_trades(player_id=player_id)

    async def set_trade_offer(
        self, *, player_id: int, trade_id: int, version: int, gold: int, items: dict[str, int]
    ) -> TradeView:
        return await self._trades.set_trade_offer(
            player_id=player_id, trade_id=trade_id, version=version, gold=gold, items=items
        )

    async def confirm_trade(self, *, player_id: int, trade_id: int, version: int) -> TradeView:
        return await self._trades.confirm_trade(player_id=player_id, trade_id=trade_id, version=version)

    async def cancel_trade(self, *, player_id: int, trade_id: int) -> TradeView:
        return await self._trades.cancel_trade(player_id=player_id, trade_id=trade_id)

    # --- InvitationsApi -----------------------------------------------------------------------------

    async def invitation(self, *, player_id: int) -> InvitationView:
        return await self._invitations.invitation(player_id=player_id)

    async def accept_referral(self, *, player_id: int, code: str) -> None:
        return await self._invitations.accept_referral(player_id=player_id, code=code)

    # --- EconomyJobsApi ----------------------------------------------------------------------------

    async def expire_orders(self, *, limit: int = 500) -> ExpiryReport:
        return await self._exchange.expire_orders(limit=limit)

    async def economy_report(self, *, most_traded: int = 5) -> EconomyReport:
        return await self._exchange.economy_report(most_traded=most_traded)
