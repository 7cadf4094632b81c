"""`GameApi`: the union of the narrow ports, and the single source the HTTP wire is derived from."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from game.api.ports import (
    AdministrationApi,
    AdventureApi,
    ArenaApi,
    ArenaJobsApi,
    CharactersApi,
    DailiesApi,
    EconomyJobsApi,
    ExchangeApi,
    GuildAdministrationApi,
    GuildsApi,
    InventoryApi,
    InvitationsApi,
    LeaderboardsApi,
    MaintenanceApi,
    NotificationsApi,
    RiftsApi,
    SkillsApi,
    TownApi,
    TradesApi,
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
    # the player economy
    ExchangeApi,
    DailiesApi,
    TradesApi,
    InvitationsApi,
    EconomyJobsApi,
    Protocol,
):
    """Everything the bot and the scheduler may ask of the game.

    Arguments are keyword-only and JSON-friendly; results are DTOs; failures raise `GameError`s.
    """
