"""Errors of the port. Each has a stable `code` so it survives a trip over the wire."""

from __future__ import annotations

from typing import Any, ClassVar


class GameError(Exception):
    code: ClassVar[str] = "game_error"

    def __init__(self, message: str = "", **details: Any) -> None:
        super().__init__(message or self.code)
        self.message = message or self.code
        self.details = details

    def to_payload(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "details": self.details}


class NotRegistered(GameError):
    code = "not_registered"


class AlreadyRegistered(GameError):
    code = "already_registered"


class InvalidName(GameError):
    code = "invalid_name"


class NameTaken(GameError):
    code = "name_taken"


class UnknownClass(GameError):
    code = "unknown_class"


class UnknownLocation(GameError):
    code = "unknown_location"


class NotAdjacent(GameError):
    code = "not_adjacent"


def _all_subclasses(cls: type[GameError]) -> list[type[GameError]]:
    found = []
    for sub in cls.__subclasses__():
        found.append(sub)
        found.extend(_all_subclasses(sub))
    return found


def error_from_payload(payload: dict[str, Any]) -> GameError:
    """Rebuild the error a remote game raised (unknown codes become a plain GameError)."""
    by_code = {cls.code: cls for cls in _all_subclasses(GameError)}
    cls = by_code.get(payload.get("code", ""), GameError)
    err = cls(payload.get("message", ""), **payload.get("details", {}))
    return err


class ServiceUnavailable(GameError):
    """Storage is unreachable for now (a restart, a network blip): nothing was changed; try again."""

    code = "service_unavailable"
