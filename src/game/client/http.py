"""`GameApi` over HTTP: the same port, served by `game.entrypoints.http_server` in another process."""

from __future__ import annotations

import json
import logging
import time
from typing import Any

import aiohttp

from game.api import (
    BadRequest,
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
    error_from_payload,
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
from game.api.signing import REQUEST_ID_HEADER, signed_headers
from game.api.wire import load_result, operator_methods
from game.api.world import (
    BossAttackResult,
    BossView,
    RiftAdvance,
    RiftInfo,
    RiftProgressView,
    WorldEventsReport,
)
from shared.metrics import GAME_HTTP_SECONDS
from shared.request_context import new_request_id, request_id

log = logging.getLogger(__name__)


class HttpGameClient:
    """Signs each call (`game.api.signing`): operator calls with `operator_secret`, the rest with `secret`;
    the request id of the work at hand goes along, so both sides' logs tell one story."""

    def __init__(
        self, base_url: str, *, secret: str, operator_secret: str | None = None, timeout: float = 10.0
    ) -> None:
        self._base_url = base_url.rstrip("/")
        self._secret = secret
        self._operator_secret = operator_secret
        self._timeout = aiohttp.ClientTimeout(total=timeout)
        self._session: aiohttp.ClientSession | None = None

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def _call(self, method: str, **kwargs: Any) -> Any:
        if self._session is None:
            self._session = aiohttp.ClientSession(timeout=self._timeout)
        secret = self._secret
        if method in operator_methods():
            if self._operator_secret is None:
                raise ServiceUnavailable(f"{method} is an operator call and no operator secret is configured")
            secret = self._operator_secret
        try:
            body = json.dumps({name: _jsonable(value) for name, value in kwargs.items()}, allow_nan=False).encode()
        except ValueError as exc:  # NaN or infinity: the server would refuse it just the same
            raise BadRequest(f"{method}: {exc}") from None
        # A call the server answers "already received" reached a server before and got no answer from it:
        # the balancer sent it again after that server died mid-call. It is made once more as a new call
        # (a new nonce), which is what the balancer's retry used to do; a second refusal is an outage.
        for attempt in (1, 2):
            status, payload = await self._post(method, secret, body)
            error = payload.get("error")
            if status == 401 and attempt == 1 and isinstance(error, dict) and error.get("code") == "replayed":
                log.warning("the call to %s reached a server that did not answer; making it again", method)
                continue
            break
        if status == 401:
            # A configuration fault (a wrong secret, a clock far off), not the player's: callers see an outage.
            reason = error.get("message", "unauthorized") if isinstance(error, dict) else "unauthorized"
            log.error("the game server refused the call to %s: %s", method, reason)
            raise ServiceUnavailable(f"the game server refused the call: {reason}")
        if "error" in payload:
            raise error_from_payload(payload["error"])
        if "result" not in payload:
            raise GameError("malformed answer from the game server")
        return load_result(method, payload["result"])

    async def _post(self, method: str, secret: str, body: bytes) -> tuple[int, dict[str, Any]]:
        assert self._session is not None
        headers = {
            "Content-Type": "application/json",
            REQUEST_ID_HEADER: request_id.get() or new_request_id(),
            **signed_headers(secret, method=method, body=body, now=time.time()),
        }
        started = time.perf_counter()
        try:
            async with self._session.post(f"{self._base_url}/v1/{method}", data=body, headers=headers) as response:
                payload = await response.json(content_type=None)
                status = response.status
        except (aiohttp.ClientError, TimeoutError, ValueError) as exc:
            raise ServiceUnavailable(f"game server unreachable: {exc}") from exc
        finally:
            GAME_HTTP_SECONDS.labels(method, "client").observe(time.perf_counter() - started)
        if not isinstance(payload, dict):
            raise ServiceUnavailable("malformed answer from the game server")
        return status, payload

    # --- CharactersApi -----------------------------------------------------------------------------

    async def list_classes(self) -> list[ClassInfo]:
        return await self._call("list_classes")

    async def check_name(self, *, name: str) -> str:
        return await self._call("check_name", name=name)

    async def register(self, *, player_id: int, name: str, class_id: str) -> CharacterSheet:
        return await self._call("register", player_id=player_id, name=name, class_id=class_id)

    async def get_character(self, *, player_id: int) -> CharacterSheet:
        return await self._call("get_character", player_id=player_id)

    async def allocate_stat(self, *, player_id: int, stat: str, version: int) -> CharacterSheet:
        return await self._call("allocate_stat", player_id=player_id, stat=stat, version=version)

    # --- AdventureApi ------------------------------------------------------------------------------

    async def look(self, *, player_id: int) -> LocationView:
        return await self._call("look", player_id=player_id)

    async def travel(self, *, player_id: int, destination: str) -> LocationView:
        return await self._call("travel", player_id=player_id, destination=destination)

    async def explore(self, *, player_id: int, press: str | None = None, at: str | None = None) -> ExploreResult:
        return await self._call("explore", player_id=player_id, press=press, at=at)

    async def get_combat(self, *, player_id: int) -> CombatView | None:
        return await self._call("get_combat", player_id=player_id)

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
        return await self._call(
            "combat_action",
            player_id=player_id,
            combat_id=combat_id,
            turn=turn,
            action=action,
            skill_id=skill_id,
            item_id=item_id,
        )

    # --- InventoryApi ------------------------------------------------------------------------------

    async def inventory(self, *, player_id: int) -> InventoryView:
        return await self._call("inventory", player_id=player_id)

    async def equip(self, *, player_id: int, item_id: str, version: int) -> InventoryView:
        return await self._call("equip", player_id=player_id, item_id=item_id, version=version)

    async def unequip(self, *, player_id: int, slot: str, version: int) -> InventoryView:
        return await self._call("unequip", player_id=player_id, slot=slot, version=version)

    async def use_item(self, *, player_id: int, item_id: str, version: int) -> ItemUsed:
        return await self._call("use_item", player_id=player_id, item_id=item_id, version=version)

    async def drop_item(self, *, player_id: int, item_id: str, quantity: int, version: int) -> InventoryView:
        return await self._call("drop_item", player_id=player_id, item_id=item_id, quantity=quantity, version=version)

    # --- TownApi -----------------------------------------------------------------------------------

    async def shop(self, *, player_id: int) -> ShopView:
        return await self._call("shop", player_id=player_id)

    async def buy(self, *, player_id: int, item_id: str, quantity: int, version: int) -> ShopView:
        return await self._call("buy", player_id=player_id, item_id=item_id, quantity=quantity, version=version)

    async def sell(self, *, player_id: int, item_id: str, quantity: int, version: int) -> ShopView:
        return await self._call("sell", player_id=player_id, item_id=item_id, quantity=quantity, version=version)

    async def inn(self, *, player_id: int) -> InnView:
        return await self._call("inn", player_id=player_id)

    async def rest_at_inn(self, *, player_id: int) -> InnView:
        return await self._call("rest_at_inn", player_id=player_id)

    async def forge(self, *, player_id: int) -> ForgeView:
        return await self._call("forge", player_id=player_id)

    async def craft(self, *, player_id: int, recipe_id: str, version: int) -> Crafted:
        return await self._call("craft", player_id=player_id, recipe_id=recipe_id, version=version)

    # --- SkillsApi ---------------------------------------------------------------------------------

    async def skill_tree(self, *, player_id: int) -> SkillTreeView:
        return await self._call("skill_tree", player_id=player_id)

    async def learn_skill(self, *, player_id: int, skill_id: str, version: int) -> SkillTreeView:
        return await self._call("learn_skill", player_id=player_id, skill_id=skill_id, version=version)

    # --- LeaderboardsApi ---------------------------------------------------------------------------

    async def leaderboard(self, *, board: str = "level", limit: int = 10) -> list[LeaderboardRow]:
        return await self._call("leaderboard", board=board, limit=limit)

    async def boss_leaderboard(self, *, limit: int = 10) -> list[LeaderboardRow]:
        return await self._call("boss_leaderboard", limit=limit)

    # --- RiftsApi ----------------------------------------------------------------------------------

    async def list_rifts(self) -> list[RiftInfo]:
        return await self._call("list_rifts")

    async def enter_rift(self, *, player_id: int, rift_id: str) -> RiftProgressView:
        return await self._call("enter_rift", player_id=player_id, rift_id=rift_id)

    async def advance_rift(self, *, player_id: int, steps_done: int | None = None) -> RiftAdvance:
        return await self._call("advance_rift", player_id=player_id, steps_done=steps_done)

    async def leave_rift(self, *, player_id: int) -> RiftProgressView:
        return await self._call("leave_rift", player_id=player_id)

    async def rift_progress(self, *, player_id: int) -> RiftProgressView | None:
        return await self._call("rift_progress", player_id=player_id)

    # --- WorldBossesApi ----------------------------------------------------------------------------

    async def list_bosses(self, *, player_id: int | None = None) -> list[BossView]:
        return await self._call("list_bosses", player_id=player_id)

    async def get_boss(self, *, boss_id: str, player_id: int | None = None) -> BossView | None:
        return await self._call("get_boss", boss_id=boss_id, player_id=player_id)

    async def attack_boss(self, *, player_id: int, boss_id: str) -> BossAttackResult:
        return await self._call("attack_boss", player_id=player_id, boss_id=boss_id)

    # --- NotificationsApi --------------------------------------------------------------------------

    async def notification_settings(self, *, player_id: int) -> NotificationSettings:
        return await self._call("notification_settings", player_id=player_id)

    async def set_notification(self, *, player_id: int, category: str, enabled: bool) -> NotificationSettings:
        return await self._call("set_notification", player_id=player_id, category=category, enabled=enabled)

    async def set_reachable(self, *, player_id: int, reachable: bool) -> None:
        return await self._call("set_reachable", player_id=player_id, reachable=reachable)

    async def notification_recipients(self, *, category: str, after_player_id: int = 0, limit: int = 1000) -> list[int]:
        return await self._call(
            "notification_recipients", category=category, after_player_id=after_player_id, limit=limit
        )

    # --- AdministrationApi -------------------------------------------------------------------------

    async def find_player(self, *, query: str) -> CharacterSheet:
        return await self._call("find_player", query=query)

    async def admin_open_rift(
        self, *, location_id: str | None = None, tier: int | None = None, duration_minutes: float = 30.0
    ) -> RiftInfo:
        return await self._call(
            "admin_open_rift", location_id=location_id, tier=tier, duration_minutes=duration_minutes
        )

    async def admin_spawn_boss(
        self, *, location_id: str | None = None, boss_def_id: str | None = None, duration_minutes: float = 15.0
    ) -> BossView:
        return await self._call(
            "admin_spawn_boss", location_id=location_id, boss_def_id=boss_def_id, duration_minutes=duration_minutes
        )

    # --- MaintenanceApi ----------------------------------------------------------------------------

    async def snapshot_hot_state(self, *, full: bool = False) -> SnapshotReport:
        return await self._call("snapshot_hot_state", full=full)

    # --- WorldJobsApi ------------------------------------------------------------------------------

    async def open_rifts_tick(self, *, duration_minutes: float = 30.0, max_open: int = 3) -> WorldEventsReport:
        return await self._call("open_rifts_tick", duration_minutes=duration_minutes, max_open=max_open)

    async def close_expired_rifts(self) -> WorldEventsReport:
        return await self._call("close_expired_rifts")

    async def spawn_boss_tick(self, *, duration_minutes: float = 15.0) -> WorldEventsReport:
        return await self._call("spawn_boss_tick", duration_minutes=duration_minutes)

    async def end_expired_bosses(self) -> WorldEventsReport:
        return await self._call("end_expired_bosses")

    async def settle_bosses(self) -> WorldEventsReport:
        return await self._call("settle_bosses")

    # --- GuildsApi and GuildAdministrationApi (players together) ---------------------------------

    async def my_guild(self, *, player_id: int) -> MyGuild:
        return await self._call("my_guild", player_id=player_id)

    async def guild_info(self, *, player_id: int, guild_id: int) -> GuildView:
        return await self._call("guild_info", player_id=player_id, guild_id=guild_id)

    async def found_guild(self, *, player_id: int, name: str, tag: str) -> GuildView:
        return await self._call("found_guild", player_id=player_id, name=name, tag=tag)

    async def invite_to_guild(self, *, player_id: int, name: str) -> GuildPending:
        return await self._call("invite_to_guild", player_id=player_id, name=name)

    async def accept_invitation(self, *, player_id: int, guild_id: int) -> GuildView:
        return await self._call("accept_invitation", player_id=player_id, guild_id=guild_id)

    async def decline_invitation(self, *, player_id: int, guild_id: int) -> MyGuild:
        return await self._call("decline_invitation", player_id=player_id, guild_id=guild_id)

    async def join_by_code(self, *, player_id: int, code: str) -> GuildView:
        return await self._call("join_by_code", player_id=player_id, code=code)

    async def request_to_join(self, *, player_id: int, guild_id: int) -> MyGuild:
        return await self._call("request_to_join", player_id=player_id, guild_id=guild_id)

    async def answer_request(self, *, player_id: int, applicant_id: int, accept: bool, version: int) -> GuildView:
        return await self._call(
            "answer_request", player_id=player_id, applicant_id=applicant_id, accept=accept, version=version
        )

    async def leave_guild(self, *, player_id: int) -> MyGuild:
        return await self._call("leave_guild", player_id=player_id)

    async def kick_member(self, *, player_id: int, member_id: int, version: int) -> GuildView:
        return await self._call("kick_member", player_id=player_id, member_id=member_id, version=version)

    async def promote_member(self, *, player_id: int, member_id: int, version: int) -> GuildView:
        return await self._call("promote_member", player_id=player_id, member_id=member_id, version=version)

    async def demote_member(self, *, player_id: int, member_id: int, version: int) -> GuildView:
        return await self._call("demote_member", player_id=player_id, member_id=member_id, version=version)

    async def hand_over_lead(self, *, player_id: int, member_id: int, version: int) -> GuildView:
        return await self._call("hand_over_lead", player_id=player_id, member_id=member_id, version=version)

    async def claim_lead(self, *, player_id: int) -> GuildView:
        return await self._call("claim_lead", player_id=player_id)

    async def disband_guild(self, *, player_id: int, version: int) -> MyGuild:
        return await self._call("disband_guild", player_id=player_id, version=version)

    async def deposit_gold(self, *, player_id: int, amount: int) -> GuildView:
        return await self._call("deposit_gold", player_id=player_id, amount=amount)

    async def withdraw_gold(self, *, player_id: int, amount: int, version: int) -> GuildView:
        return await self._call("withdraw_gold", player_id=player_id, amount=amount, version=version)

    async def deposit_item(self, *, player_id: int, item_id: str, quantity: int) -> GuildView:
        return await self._call("deposit_item", player_id=player_id, item_id=item_id, quantity=quantity)

    async def withdraw_item(self, *, player_id: int, item_id: str, quantity: int, version: int) -> GuildView:
        return await self._call(
            "withdraw_item", player_id=player_id, item_id=item_id, quantity=quantity, version=version
        )

    async def guild_ledger(self, *, player_id: int, page: int = 1) -> LedgerPage:
        return await self._call("guild_ledger", player_id=player_id, page=page)

    async def guild_board(self, *, limit: int = 10) -> list[GuildSummary]:
        return await self._call("guild_board", limit=limit)

    async def send_guild_message(self, *, player_id: int, text: str) -> int:
        return await self._call("send_guild_message", player_id=player_id, text=text)

    async def admin_find_guild(self, *, query: str) -> GuildView:
        return await self._call("admin_find_guild", query=query)

    async def admin_dissolve_guild(self, *, guild_id: int) -> int:
        return await self._call("admin_dissolve_guild", guild_id=guild_id)

    # --- ArenaApi and ArenaJobsApi (players together) ----------------------------------------------

    async def arena(self, *, player_id: int) -> ArenaView:
        return await self._call("arena", player_id=player_id)

    async def find_opponent(self, *, player_id: int) -> ArenaView:
        return await self._call("find_opponent", player_id=player_id)

    async def arena_fight(self, *, player_id: int, opponent_id: int) -> ArenaResult:
        return await self._call("arena_fight", player_id=player_id, opponent_id=opponent_id)

    async def arena_ladder(self, *, player_id: int | None = None, limit: int = 10) -> ArenaLadder:
        return await self._call("arena_ladder", player_id=player_id, limit=limit)

    async def close_arena_season(self) -> SeasonReport:
        return await self._call("close_arena_season")

    # --- ExchangeApi -------------------------------------------------------------------------------

    async def market_index(self, *, player_id: int) -> MarketIndex:
        return await self._call("market_index", player_id=player_id)

    async def market(self, *, player_id: int, item_id: str) -> MarketView:
        return await self._call("market", player_id=player_id, item_id=item_id)

    async def place_order(
        self, *, player_id: int, item_id: str, side: OrderSide, price: int, quantity: int
    ) -> OrderPlaced:
        return await self._call(
            "place_order", player_id=player_id, item_id=item_id, side=side, price=price, quantity=quantity
        )

    async def cancel_order(self, *, player_id: int, order_id: int) -> MyOrdersView:
        return await self._call("cancel_order", player_id=player_id, order_id=order_id)

    async def my_orders(self, *, player_id: int) -> MyOrdersView:
        return await self._call("my_orders", player_id=player_id)

    async def my_trades(self, *, player_id: int, limit: int = 10) -> list[FillView]:
        return await self._call("my_trades", player_id=player_id, limit=limit)

    async def collect(self, *, player_id: int) -> Collected:
        return await self._call("collect", player_id=player_id)

    # --- DailiesApi --------------------------------------------------------------------------------

    async def daily(self, *, player_id: int) -> DailyView:
        return await self._call("daily", player_id=player_id)

    async def claim_daily(self, *, player_id: int) -> DailyClaimed:
        return await self._call("claim_daily", player_id=player_id)

    async def claim_bounty(self, *, player_id: int, bounty_id: str) -> BountyClaimed:
        return await self._call("claim_bounty", player_id=player_id, bounty_id=bounty_id)

    # --- TradesApi ----------------------------------------------------------------------------------

    async def propose_trade(self, *, player_id: int, partner: str) -> TradeView:
        return await self._call("propose_trade", player_id=player_id, partner=partner)

    async def trade_offer(self, *, player_id: int, trade_id: int) -> TradeView:
        return await self._call("trade_offer", player_id=player_id, trade_id=trade_id)

    async def open_trades(self, *, player_id: int) -> list[TradeView]:
        return await self._call("open_trades", player_id=player_id)

    async def set_trade_offer(
        self, *, player_id: int, trade_id: int, version: int, gold: int, items: dict[str, int]
    ) -> TradeView:
        return await self._call(
            "set_trade_offer", player_id=player_id, trade_id=trade_id, version=version, gold=gold, items=items
        )

    async def confirm_trade(self, *, player_id: int, trade_id: int, version: int) -> TradeView:
        return await self._call("confirm_trade", player_id=player_id, trade_id=trade_id, version=version)

    async def cancel_trade(self, *, player_id: int, trade_id: int) -> TradeView:
        return await self._call("cancel_trade", player_id=player_id, trade_id=trade_id)

    # --- InvitationsApi -----------------------------------------------------------------------------

    async def invitation(self, *, player_id: int) -> InvitationView:
        return await self._call("invitation", player_id=player_id)

    async def accept_referral(self, *, player_id: int, code: str) -> None:
        return await self._call("accept_referral", player_id=player_id, code=code)

    # --- EconomyJobsApi ----------------------------------------------------------------------------

    async def expire_orders(self, *, limit: int = 500) -> ExpiryReport:
        return await self._call("expire_orders", limit=limit)

    async def economy_report(self, *, most_traded: int = 5) -> EconomyReport:
        return await self._call("economy_report", most_traded=most_traded)


def _jsonable(value: Any) -> Any:
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    return value
