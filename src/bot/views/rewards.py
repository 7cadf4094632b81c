"""What a player was paid, listed where it is paid: a won fight, a treasure, a rift's chest, a world
boss's share. One format for all of them, so a new kind of reward is added here once."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bot.i18n import Translator
from bot.views.common import RARITY_MARKS, literal, local, num, stack_lines
from game.api import ItemInfo, ItemStack, Rewards
from shared.events import BossPayout


def xp_and_gold(t: Translator, xp: int, gold: int) -> list[str]:
    """`✨ +25 XP   💰 +10 gold`, leaving out what is nought; nothing when both are."""
    if xp and gold:
        return [t("reward-xp-gold", xp=xp, gold=gold)]
    if xp:
        return [t("reward-xp", xp=xp)]
    if gold:
        return [t("reward-gold", gold=gold)]
    return []


def found(t: Translator, items: Sequence[ItemStack]) -> list[str]:
    return [t("reward-items"), *stack_lines(t, items)] if items else []


def left_behind(t: Translator, items: Sequence[ItemStack]) -> list[str]:
    """What did not fit in the bag."""
    return [t("reward-left-behind"), *stack_lines(t, items)] if items else []


def share(t: Translator, payout: BossPayout, known: Mapping[str, ItemInfo]) -> list[str]:
    """A world boss's payout to one contributor, with their damage. `known`: items by id, to name them
    in the player's language with their rarity (one the player no longer has is named by the payout)."""
    lines = [t("reward-boss-damage", damage=payout.damage), *xp_and_gold(t, payout.xp, payout.gold)]
    if payout.items:
        lines.append(t("reward-items"))
    for item_id, quantity in payout.items.items():
        item = known.get(item_id)
        mark = RARITY_MARKS.get(item.rarity, "") if item else ""
        told = item.name if item else payout.item_names.get(item_id)
        name = local(t, told) if told else literal(item_id.replace("_", " "))
        lines.append(f"  • {mark} {name} ×{num(t, quantity)}")
    return lines


def lines(t: Translator, rewards: Rewards) -> list[str]:
    """Everything `rewards` paid, with a level gained; "nothing" when it paid nothing at all."""
    shown = [
        *xp_and_gold(t, rewards.xp, rewards.gold),
        *found(t, rewards.items),
        *left_behind(t, rewards.items_lost),
    ]
    if not shown:
        shown.append(t("reward-nothing"))
    if rewards.levels_gained:
        shown.append(t("reward-level-up", level=rewards.level))
    return shown
