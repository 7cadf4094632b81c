"""The living world through the port: rifts, world bosses and the jobs that drive them.

`GameApi` inherits `WorldEventsApi`; the DTOs and errors here cross the port like the others.
Times are epoch seconds from the game's clock; `seconds_left` is computed when the view is made.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from game.api.dto import CombatView, Dto, ItemStack, LeaderboardRow, LocalText, Rewards
from game.api.errors import GameError

# --- rifts ---------------------------------------------------------------------------------------


class RiftInfo(Dto):
    id: str
    template_id: str
    name: LocalText
    description: LocalText
    location_id: str
    location_name: LocalText
    tier: int
    min_level: int  # needed to enter
    floors: int
    steps_per_floor: int
    closes_at: float
    seconds_left: int
    status: str  # open | collapsed


class RiftStepView(Dto):
    """What one step of a rift revealed."""

    floor: int  # 1-based
    step: int  # 1-based, within the floor
    kind: str  # monster | elite | boss | treasure | trap | shrine
    combat: CombatView | None = None  # a fight: play it with `combat_action`; the rift moves on once it is won
    gold: int = 0  # treasure
    found: tuple[ItemStack, ...] = ()  # treasure that went into the bag
    lost: tuple[ItemStack, ...] = ()  # treasure that did not fit
    hp_change: int = 0  # trap (negative) or shrine (positive)
    mana_change: int = 0  # shrine
    hp: int = 0
    max_hp: int = 0
    mana: int = 0
    max_mana: int = 0


class RiftProgressView(Dto):
    rift: RiftInfo
    status: str  # active | cleared | left | collapsed | fallen
    floor: int  # 1-based: the floor of the next step (the last one once cleared)
    step: int  # 1-based, within the floor
    steps_done: int
    steps_total: int
    fighting: bool  # the current step's fight has started and is not won yet
    looted_gold: int  # what the rift's treasures gave so far (fights pay on their own)
    looted_items: tuple[ItemStack, ...]
    reward: Rewards | None = None  # the chest, once cleared (paid exactly once)


class RiftAdvance(Dto):
    step: RiftStepView
    progress: RiftProgressView


# --- world bosses --------------------------------------------------------------------------------


class BossView(Dto):
    id: str
    boss_def_id: str
    monster_id: str
    name: LocalText
    description: LocalText
    location_id: str
    location_name: LocalText
    level: int
    hp: int
    max_hp: int
    status: str  # alive | defeated | escaped
    deadline: float
    seconds_left: int
    cooldown_seconds: float
    my_damage: int = 0  # of the player asked for, if any
    my_cooldown_left: float = 0.0


class BossAttackResult(Dto):
    damage: int  # dealt by this attack (0: a miss, or the boss had less left)
    killed: bool  # this attack landed the last blow
    boss: BossView


class WorldEventsReport(Dto):
    """What a scheduler tick of the world did."""

    rifts_opened: tuple[str, ...] = ()
    rifts_collapsed: tuple[str, ...] = ()
    players_evicted: int = 0
    bosses_spawned: tuple[str, ...] = ()
    bosses_ended: tuple[str, ...] = ()  # defeated or escaped, settled in this tick
    bosses_recovered: tuple[str, ...] = ()  # re-created in Redis from their last checkpoint


# --- refusals ------------------------------------------------------------------------------------


class RiftClosed(GameError):
    """No such rift, or it collapsed."""

    code = "rift_closed"


class RiftLevelTooLow(GameError):
    """`details`: needed, level."""

    code = "rift_level_too_low"


class InRift(GameError):
    """Not while inside a rift (entering another, attacking a boss)."""

    code = "in_rift"


class NotInRift(GameError):
    code = "not_in_rift"


class WrongLocation(GameError):
    """The rift or boss is elsewhere; `details["location_id"]` says where."""

    code = "wrong_location"


class BossGone(GameError):
    """No such boss, or it was defeated or escaped; `details["status"]` says which."""

    code = "boss_gone"


class BossCooldown(GameError):
    """Attacked again too soon; `details["seconds_left"]`."""

    code = "boss_cooldown"


class BossAlreadyAlive(GameError):
    """A boss is already up there (admin spawn)."""

    code = "boss_already_alive"


@runtime_checkable
class WorldEventsApi(Protocol):
    # --- rifts (players) ----------------------------------------------------------------------

    async def list_rifts(self) -> list[RiftInfo]:
        """The open rifts, soonest to close first."""
        ...

    async def enter_rift(self, *, player_id: int, rift_id: str) -> RiftProgressView:
        """Step into an open rift of the player's location. Refusals: `RiftClosed`, `WrongLocation`,
        `RiftLevelTooLow`, `InRift` (already in one), `InCombat`."""
        ...

    async def advance_rift(self, *, player_id: int, steps_done: int | None = None) -> RiftAdvance:
        """Reveal and resolve the next step. A fight step starts a fight (`step.combat`); the rift moves
        on when it is won, ends if it is lost, and offers the same fight again after a flight.
        Refusals: `NotInRift`, `InCombat`, `RiftClosed`."""
        ...

    async def leave_rift(self, *, player_id: int) -> RiftProgressView:
        """Walk out (keeping what was looted). Refusals: `NotInRift`, `InCombat`."""
        ...

    async def rift_progress(self, *, player_id: int) -> RiftProgressView | None:
        """The player's current run, or the last one if it ended; None if never in a rift."""
        ...

    # --- world bosses (players) ---------------------------------------------------------------

    async def list_bosses(self, *, player_id: int | None = None) -> list[BossView]:
        """The bosses alive now; with `player_id`, its damage and cooldown on each."""
        ...

    async def get_boss(self, *, boss_id: str, player_id: int | None = None) -> BossView | None:
        """A boss alive or ended (None if there never was one): names for announcements, old buttons."""
        ...

    async def attack_boss(self, *, player_id: int, boss_id: str) -> BossAttackResult:
        """One attack on the shared pool. Refusals: `BossGone`, `WrongLocation`, `BossCooldown`,
        `InCombat`, `InRift`."""
        ...

    async def boss_leaderboard(self, *, limit: int = 10) -> list[LeaderboardRow]:
        """Total damage dealt to world bosses (counted when each boss ends)."""
        ...

    # --- scheduler jobs (each once per tick across replicas) ----------------------------------

    async def open_rifts_tick(self, *, duration_minutes: float = 30.0, max_open: int = 3) -> WorldEventsReport:
        """Open one rift in a zone without one, while fewer than `max_open` are open."""
        ...

    async def close_expired_rifts(self) -> WorldEventsReport:
        """Collapse the rifts whose time ran out; publishes `RiftCollapsed` with the evicted players."""
        ...

    async def spawn_boss_tick(self, *, duration_minutes: float = 15.0) -> WorldEventsReport:
        """Spawn a boss if none is alive; publishes `BossSpawned`."""
        ...

    async def end_expired_bosses(self) -> WorldEventsReport:
        """Let bosses past their deadline escape, settle any boss whose end was not settled, checkpoint
        the live ones to durable storage and re-create any that Redis lost."""
        ...

    # --- admin --------------------------------------------------------------------------------

    async def admin_open_rift(
        self, *, location_id: str | None = None, tier: int | None = None, duration_minutes: float = 30.0
    ) -> RiftInfo:
        """Open a rift now (anywhere, or in `location_id`; tier from the zone unless given)."""
        ...

    async def admin_spawn_boss(
        self, *, location_id: str | None = None, boss_def_id: str | None = None, duration_minutes: float = 15.0
    ) -> BossView:
        """Spawn a boss now. Refusal: `BossAlreadyAlive` there."""
        ...
