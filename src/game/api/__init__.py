"""The Game-Core port: the only part of `game` other packages may import.

`GameApi` is served in-process today (`game.application.service.GameService`) and over HTTP
(`game.entrypoints.http_server` / `game.client.http`); callers cannot tell which.
"""

from game.api.dto import (
    CharacterSheet,
    ClassInfo,
    DerivedStats,
    ExitInfo,
    LocalText,
    LocationView,
    SnapshotReport,
    Stats,
)
from game.api.errors import (
    AlreadyRegistered,
    GameError,
    InvalidName,
    NameTaken,
    NotAdjacent,
    NotRegistered,
    ServiceUnavailable,
    UnknownClass,
    UnknownLocation,
    error_from_payload,
)
from game.api.port import GameApi

__all__ = [
    "AlreadyRegistered",
    "CharacterSheet",
    "ClassInfo",
    "DerivedStats",
    "ExitInfo",
    "GameApi",
    "GameError",
    "InvalidName",
    "LocalText",
    "LocationView",
    "NameTaken",
    "NotAdjacent",
    "NotRegistered",
    "ServiceUnavailable",
    "SnapshotReport",
    "Stats",
    "UnknownClass",
    "UnknownLocation",
    "error_from_payload",
]
