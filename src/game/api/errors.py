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


class NotThere(GameError):
    """An action drawn for a place the player has since left (details: `location`, where they are)."""

    code = "not_there"


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


class BadRequest(GameError):
    """The call itself is malformed (an argument missing, of the wrong type or out of range): it was
    refused before the game did anything."""

    code = "bad_request"


class ServiceUnavailable(GameError):
    """Storage is unreachable for now (a restart, a network blip): nothing was changed; try again."""

    code = "service_unavailable"


# --- refusals of the game's rules: same codes as the domain's, so they map one to one -------------


class RuleRefused(GameError):
    """The rules forbid this now; `details` say why (e.g. what is missing)."""

    code = "rule_violation"


class UnknownEntry(RuleRefused):
    code = "unknown_entry"


class InventoryFull(RuleRefused):
    code = "inventory_full"


class NotOwned(RuleRefused):
    code = "not_owned"


class NotEnoughItems(RuleRefused):
    code = "not_enough_items"


class NotEnoughGold(RuleRefused):
    code = "not_enough_gold"


class LevelTooLow(RuleRefused):
    code = "level_too_low"


class WrongSlot(RuleRefused):
    code = "wrong_slot"


class SlotEmpty(RuleRefused):
    code = "slot_empty"


class NotUsable(RuleRefused):
    code = "not_usable"


class NothingToRestore(NotUsable):
    """A potion would do nothing: HP and mana are already full."""

    code = "nothing_to_restore"


class NotSellable(RuleRefused):
    code = "not_sellable"


class NotEnoughStatPoints(RuleRefused):
    code = "not_enough_stat_points"


class UnknownStat(RuleRefused):
    code = "unknown_stat"


class NotEnoughSkillPoints(RuleRefused):
    code = "not_enough_skill_points"


class SkillNotLearnable(RuleRefused):
    code = "skill_not_learnable"


class MissingMaterials(RuleRefused):
    code = "missing_materials"


class NotEnoughStamina(RuleRefused):
    code = "not_enough_stamina"


class CombatOver(RuleRefused):
    code = "combat_over"


class SkillNotReady(RuleRefused):
    code = "skill_not_ready"


# --- refusals of the moment ---------------------------------------------------------------------


class StaleAction(GameError):
    """The button was drawn for an earlier state (an old turn, a repeated press): nothing was done."""

    code = "stale_action"


class InCombat(GameError):
    """Not while fighting."""

    code = "in_combat"


class NotInCombat(GameError):
    code = "not_in_combat"


class NotInTown(GameError):
    """Shop, inn and forge are in town."""

    code = "not_in_town"


class AlreadyRested(GameError):
    code = "already_rested"


class Busy(GameError):
    """Another action of this player is being processed right now."""

    code = "busy"


def rule_refusal(code: str, message: str, details: dict[str, Any]) -> GameError:
    """The port's error for a domain rule's `code`."""
    by_code = {cls.code: cls for cls in _all_subclasses(RuleRefused)}
    return by_code.get(code, RuleRefused)(message, **details)
