"""The game's port, narrow by feature: a consumer depends on the smallest one it uses.

`GameApi` (in `game.api.port`) is their union and the single source the wire is derived from.
`PLAYER_PORTS` are what a player's actions reach; `OPERATOR_PORTS` (administration, maintenance and the
world's jobs) are the ones a server guards apart.
"""

from game.api.ports.administration import AdministrationApi
from game.api.ports.adventure import AdventureApi
from game.api.ports.arena import ArenaApi
from game.api.ports.arena_jobs import ArenaJobsApi
from game.api.ports.characters import CharactersApi
from game.api.ports.dailies import DailiesApi
from game.api.ports.economy_jobs import EconomyJobsApi
from game.api.ports.exchange import ExchangeApi
from game.api.ports.guild_administration import GuildAdministrationApi
from game.api.ports.guilds import GuildsApi
from game.api.ports.inventory import InventoryApi
from game.api.ports.invitations import InvitationsApi
from game.api.ports.leaderboards import LeaderboardsApi
from game.api.ports.maintenance import MaintenanceApi
from game.api.ports.notifications import NotificationsApi
from game.api.ports.rifts import RiftsApi
from game.api.ports.skills import SkillsApi
from game.api.ports.town import TownApi
from game.api.ports.trades import TradesApi
from game.api.ports.world_bosses import WorldBossesApi
from game.api.ports.world_jobs import WorldJobsApi

PLAYER_PORTS: tuple[type, ...] = (
    CharactersApi,
    AdventureApi,
    InventoryApi,
    TownApi,
    SkillsApi,
    LeaderboardsApi,
    RiftsApi,
    WorldBossesApi,
    NotificationsApi,
    # players together
    GuildsApi,
    ArenaApi,
    # the player economy
    ExchangeApi,
    DailiesApi,
    TradesApi,
    InvitationsApi,
)
OPERATOR_PORTS: tuple[type, ...] = (
    AdministrationApi,
    MaintenanceApi,
    WorldJobsApi,
    # players together
    GuildAdministrationApi,
    ArenaJobsApi,
    # the player economy
    EconomyJobsApi,
)

__all__ = [
    "OPERATOR_PORTS",
    "PLAYER_PORTS",
    "AdministrationApi",
    "AdventureApi",
    "ArenaApi",
    "ArenaJobsApi",
    "CharactersApi",
    "GuildAdministrationApi",
    "GuildsApi",
    "InventoryApi",
    "LeaderboardsApi",
    "MaintenanceApi",
    "NotificationsApi",
    "RiftsApi",
    "SkillsApi",
    "TownApi",
    "WorldBossesApi",
    "WorldJobsApi",
]
# the player economy
__all__ += ["DailiesApi", "EconomyJobsApi", "ExchangeApi", "InvitationsApi", "TradesApi"]
