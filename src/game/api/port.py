from __future__ import annotations

from typing import Protocol, runtime_checkable

from game.api.dto import (
    CharacterSheet,
    ClassInfo,
    CombatView,
    Crafted,
    ExploreResult,
    ForgeView,
    InnView,
    InventoryView,
    ItemUsed,
    LeaderboardRow,
    LocationView,
    NotificationSettings,
    ShopView,
    SkillTreeView,
    SnapshotReport,
)
from game.api.world import WorldEventsApi


@runtime_checkable
class GameApi(WorldEventsApi, Protocol):
    """Everything the bot and the scheduler may ask of the game.

    Arguments are keyword-only and JSON-friendly; results are DTOs; failures raise `GameError`s.
    """

    async def list_classes(self) -> list[ClassInfo]: ...

    async def check_name(self, *, name: str) -> str:
        """The name as it would be registered; raises `InvalidName` or `NameTaken`."""
        ...

    async def register(self, *, player_id: int, name: str, class_id: str) -> CharacterSheet: ...

    async def get_character(self, *, player_id: int) -> CharacterSheet: ...

    async def look(self, *, player_id: int) -> LocationView: ...

    async def travel(self, *, player_id: int, destination: str) -> LocationView: ...

    async def find_player(self, *, query: str) -> CharacterSheet:
        """A player by id or by name (any case), for admins; `NotRegistered` if there is none."""
        ...

    async def allocate_stat(self, *, player_id: int, stat: str, version: int) -> CharacterSheet:
        """Spend one unspent stat point on `stat` (strength, agility, intellect, vitality)."""
        ...

    # --- exploring and fighting ---------------------------------------------------------------

    async def explore(self, *, player_id: int) -> ExploreResult:
        """Spend stamina for one encounter; a monster starts a fight (see `combat_action`)."""
        ...

    async def get_combat(self, *, player_id: int) -> CombatView | None: ...

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
        """`action`: attack | skill | item | flee. `combat_id` and `turn` must be the current ones,
        otherwise `StaleAction` and nothing happens; the rewards of a win are granted exactly once."""
        ...

    # --- items and town -----------------------------------------------------------------------

    async def inventory(self, *, player_id: int) -> InventoryView: ...

    async def equip(self, *, player_id: int, item_id: str, version: int) -> InventoryView: ...

    async def unequip(self, *, player_id: int, slot: str, version: int) -> InventoryView: ...

    async def use_item(self, *, player_id: int, item_id: str, version: int) -> ItemUsed: ...

    async def shop(self, *, player_id: int) -> ShopView: ...

    async def buy(self, *, player_id: int, item_id: str, quantity: int, version: int) -> ShopView: ...

    async def sell(self, *, player_id: int, item_id: str, quantity: int, version: int) -> ShopView: ...

    async def inn(self, *, player_id: int) -> InnView: ...

    async def rest_at_inn(self, *, player_id: int) -> InnView: ...

    async def forge(self, *, player_id: int) -> ForgeView: ...

    async def craft(self, *, player_id: int, recipe_id: str, version: int) -> Crafted: ...

    # --- skills and standings -----------------------------------------------------------------

    async def skill_tree(self, *, player_id: int) -> SkillTreeView: ...

    async def learn_skill(self, *, player_id: int, skill_id: str, version: int) -> SkillTreeView: ...

    async def leaderboard(self, *, board: str = "level", limit: int = 10) -> list[LeaderboardRow]: ...

    # --- notifications ------------------------------------------------------------------------

    async def notification_settings(self, *, player_id: int) -> NotificationSettings: ...

    async def set_notification(self, *, player_id: int, category: str, enabled: bool) -> NotificationSettings: ...

    async def set_reachable(self, *, player_id: int, reachable: bool) -> None:
        """False once Telegram says the player blocked the bot; True again when they write to it."""
        ...

    async def notification_recipients(self, *, category: str, after_player_id: int = 0, limit: int = 1000) -> list[int]:
        """Players to tell about `category` (not muted, reachable), in id order, a page at a time.
        `category="everyone"`: every reachable player (announcements cannot be muted)."""
        ...

    # --- maintenance --------------------------------------------------------------------------

    async def snapshot_hot_state(self, *, full: bool = False) -> SnapshotReport:
        """Copy hot state (Redis) to durable storage: changed accounts only, or all with `full`."""
        ...
