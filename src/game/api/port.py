"""`GameApi`: the union of the narrow ports, and the single source the HTTP wire is derived from."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from game.api.ports import (
    AdministrationApi,
    AdventureApi,
    ArenaApi,
    ArenaJobsApi,
    CharactersApi,
    GuildAdministrationApi,
    GuildsApi,
    InventoryApi,
    LeaderboardsApi,
    MaintenanceApi,
    NotificationsApi,
    RiftsApi,
    SkillsApi,
    TownApi,
    WorldBossesApi,
    WorldJobsApi,
)


@runtime_checkable
class GameApi(
    CharactersApi,
    AdventureApi,
    InventoryApi,
    TownApi,
    SkillsApi,
    LeaderboardsApi,
    RiftsApi,
    WorldBossesApi,
    NotificationsApi,
    AdministrationApi,
    MaintenanceApi,
    WorldJobsApi,
    # players together
    GuildsApi,
    GuildAdministrationApi,
    ArenaApi,
    ArenaJobsApi,
    Protocol,
):
    """Everything the bot and the scheduler may ask of the game.

    Arguments are keyword-only and JSON-friendly; results are DTOs; failures raise `GameError`s.
    """
