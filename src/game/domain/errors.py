"""Domain errors: broken content, and rules a player's request would break.

Every `RuleViolation` has a stable `code` and JSON-able `details`, so the application layer can map it
to the port's errors (or pass it through) without parsing messages.
"""

from __future__ import annotations

from typing import Any, ClassVar


class ContentError(ValueError):
    """A content file is broken: names the file, the entry and what is wrong."""

    def __init__(self, file: str, entry: str, problem: str) -> None:
        super().__init__(f"{file}: entry {entry!r}: {problem}")
        self.file = file
        self.entry = entry
        self.problem = problem


class RuleViolation(Exception):
    """The request is well-formed but the rules forbid it now (not enough gold, wrong slot, …)."""

    code: ClassVar[str] = "rule_violation"

    def __init__(self, message: str = "", **details: Any) -> None:
        super().__init__(message or self.code)
        self.message = message or self.code
        self.details = details


class UnknownEntry(RuleViolation):
    """An id that the content does not define (a stale button, a removed item)."""

    code = "unknown_entry"


class InventoryFull(RuleViolation):
    code = "inventory_full"


class NotOwned(RuleViolation):
    code = "not_owned"


class NotEnoughItems(RuleViolation):
    code = "not_enough_items"


class NotEnoughGold(RuleViolation):
    code = "not_enough_gold"


class LevelTooLow(RuleViolation):
    code = "level_too_low"


class WrongSlot(RuleViolation):
    """The item cannot go there: not equipment, or meant for another slot."""

    code = "wrong_slot"


class SlotEmpty(RuleViolation):
    code = "slot_empty"


class NotUsable(RuleViolation):
    """The item has no effect to use (a material, a piece of gear), or not here."""

    code = "not_usable"


class NothingToRestore(NotUsable):
    """A potion would do nothing: what it restores is already full."""

    code = "nothing_to_restore"


class NotSellable(RuleViolation):
    code = "not_sellable"


class NotEnoughStatPoints(RuleViolation):
    code = "not_enough_stat_points"


class UnknownStat(RuleViolation):
    code = "unknown_stat"


class NotEnoughSkillPoints(RuleViolation):
    code = "not_enough_skill_points"


class SkillNotLearnable(RuleViolation):
    """Another class's skill, a missing prerequisite, a level too low or already known."""

    code = "skill_not_learnable"


class MissingMaterials(RuleViolation):
    """`details["missing"]` lists `{"item": id, "quantity": n}` for each material short."""

    code = "missing_materials"


class NotEnoughStamina(RuleViolation):
    code = "not_enough_stamina"


class CombatOver(RuleViolation):
    code = "combat_over"


class SkillNotReady(RuleViolation):
    """Unknown to this fighter, still cooling down, or too little mana."""

    code = "skill_not_ready"
