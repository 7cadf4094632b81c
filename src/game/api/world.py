"""The living world through the port: rifts, world bosses and the jobs that drive them.

The DTOs and errors here cross the port like the others (`game.api.ports.rifts`, `…world_bosses`).
Times are epoch seconds from the game's clock; `seconds_left` is computed when the view is made.
"""

from __future__ import annotations

from pydantic import Field

from game.api.dto import CombatView, Dto, Grammar, ItemStack, LocalText, Rewards
from game.api.errors import GameError
from game.api.kinds import BossStatus, RiftStatus, RiftStepKind, RunStatus

# --- rifts ---------------------------------------------------------------------------------------


class RiftInfo(Dto):
    id: str
    template_id: str
    name: LocalText
    name_forms: Grammar = Field(default_factory=dict)
    description: LocalText
    location_id: str
    location_name: LocalText
    location_forms: Grammar = Field(default_factory=dict)
    tier: int
    min_level: int  # needed to enter
    floors: int
    steps_per_floor: int
    closes_at: float
    seconds_left: int
    status: RiftStatus


class RiftStepView(Dto):
    """What one step of a rift revealed."""

    floor: int  # 1-based
    step: int  # 1-based, within the floor
    kind: RiftStepKind
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
    status: RunStatus
    floor: int  # 1-based: the floor of the next step (the last one once cleared)
    step: int  # 1-based, within the floor
    steps_done: int
    steps_total: int
    fighting: bool  # the current step's fight has started and is not won yet
    looted_gold: int  # what the rift's treasures gave so far (fights pay on their own)
    looted_items: tuple[ItemStack, ...]
    reward: Rewards | None = None  # the chest, once cleared (paid exactly once)
    # What the run's won fights paid (items: those that went into the bag); with the treasures and the
    # chest, the run's whole earnings.
    fights_xp: int = 0
    fights_gold: int = 0
    fights_items: tuple[ItemStack, ...] = ()


class RiftAdvance(Dto):
    step: RiftStepView
    progress: RiftProgressView


# --- world bosses --------------------------------------------------------------------------------


class BossRankRow(Dto):
    rank: int
    player_id: int
    name: str
    damage: int


class BossView(Dto):
    id: str
    boss_def_id: str
    monster_id: str
    name: LocalText
    name_forms: Grammar = Field(default_factory=dict)
    description: LocalText
    location_id: str
    location_name: LocalText
    location_forms: Grammar = Field(default_factory=dict)
    level: int
    hp: int
    max_hp: int
    status: BossStatus
    deadline: float
    seconds_left: int
    cooldown_seconds: float
    my_damage: int = 0  # of the player asked for, if any
    my_cooldown_left: float = 0.0
    my_rank: int | None = None  # the player's place in `ranking`'s order; None: not fought yet
    fighters: int = 0  # players who have struck it
    ranking: tuple[BossRankRow, ...] = ()  # the top of the live damage ranking


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
    bosses_settled: tuple[str, ...] = ()  # paid and announced in this tick (a settlement a crash cut short)


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
