"""Guilds: ranks and what each may do, the guild's level from contributions and the perks it unlocks.

Pure rules over plain data: the application layer reads the guild and its members, asks these
functions whether an act is allowed and what it changes, and writes the result in one transaction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from game.domain.character import name_key, normalize_name
from game.domain.errors import RuleViolation

Rank = Literal["leader", "officer", "member"]
RANKS: tuple[Rank, ...] = ("leader", "officer", "member")
_SENIORITY: dict[Rank, int] = {"leader": 2, "officer": 1, "member": 0}

# What a rank may do. A leader may do everything an officer may, an officer everything a member may.
Power = Literal["deposit", "read_ledger", "chat", "invite", "answer_requests", "withdraw", "kick", "promote", "disband"]
_POWERS: dict[Rank, frozenset[Power]] = {
    "member": frozenset({"deposit", "read_ledger", "chat"}),
    "officer": frozenset({"deposit", "read_ledger", "chat", "invite", "answer_requests", "withdraw", "kick"}),
    "leader": frozenset(
        {"deposit", "read_ledger", "chat", "invite", "answer_requests", "withdraw", "kick", "promote", "disband"}
    ),
}

FOUNDING_COST = 500  # gold: founding a guild is a sink
NAME_PATTERN = re.compile(r"^[\w -]{3,24}$")
TAG_PATTERN = re.compile(r"^[^\W\d_]{2,4}$")  # 2–4 letters
LEADER_INACTIVE_DAYS = 14  # after this long without a sign of life the most senior officer may take over
XP_SHARE_OF_FIGHTS = 0.1  # a member's fight XP adds this share to the guild's
GOLD_PER_GUILD_XP = 1  # one guild XP per gold deposited above the bank's highest balance so far
MAX_LEVEL = 10
MAX_BONUS_PERCENT = 5  # the XP and gold bonuses never exceed this
LEDGER_PAGE = 10


class GuildRefused(RuleViolation):
    """A guild act the rules forbid: `reason` says which rule (stable, for the texts)."""

    code = "guild_refused"


class NotPermitted(RuleViolation):
    """The member's rank does not allow this."""

    code = "guild_not_permitted"


def refuse(reason: str, message: str, **details: object) -> GuildRefused:
    return GuildRefused(message, reason=reason, **details)


# --- names ------------------------------------------------------------------------------------------


def normalize_guild_name(name: str) -> str:
    return " ".join(normalize_name(name).split())


def is_valid_guild_name(name: str) -> bool:
    name = normalize_guild_name(name)
    return bool(NAME_PATTERN.fullmatch(name)) and any(ch.isalpha() for ch in name)


def is_valid_tag(tag: str) -> bool:
    return bool(TAG_PATTERN.fullmatch(tag.strip()))


def guild_key(name: str) -> str:
    """Unique key of a guild name or tag: case and look-alike letters across alphabets folded."""
    return name_key(normalize_guild_name(name).replace(" ", "_"))


# --- ranks ------------------------------------------------------------------------------------------


def may(rank: Rank, power: Power) -> bool:
    return power in _POWERS[rank]


def require(rank: Rank, power: Power) -> None:
    if not may(rank, power):
        raise NotPermitted(f"a {rank} may not {power}", rank=rank, power=power)


def check_kick(actor: Rank, target: Rank) -> None:
    """Officers kick members; the leader kicks anyone but themself; nobody kicks the leader."""
    require(actor, "kick")
    if target == "leader":
        raise refuse("kick_leader", "the leader cannot be kicked")
    if _SENIORITY[target] >= _SENIORITY[actor]:
        raise NotPermitted("only someone of a higher rank may kick", rank=actor, power="kick")


def promoted(actor: Rank, target: Rank) -> Rank:
    require(actor, "promote")
    if target != "member":
        raise refuse("already_officer", "only a member can be promoted")
    return "officer"


def demoted(actor: Rank, target: Rank) -> Rank:
    require(actor, "promote")
    if target != "officer":
        raise refuse("not_officer", "only an officer can be demoted")
    return "member"


@dataclass(frozen=True)
class Seniority:
    """What orders the members for taking over an absent leader: rank, then who joined first."""

    player_id: int
    rank: Rank
    joined_at: float


def successor(members: list[Seniority], leader_id: int) -> int | None:
    """The most senior officer (joined first), or None when there is no officer."""
    officers = [m for m in members if m.rank == "officer" and m.player_id != leader_id]
    if not officers:
        return None
    return min(officers, key=lambda m: (m.joined_at, m.player_id)).player_id


def leader_inactive(leader_last_active: float, now: float, days: int = LEADER_INACTIVE_DAYS) -> bool:
    return now - leader_last_active >= days * 86400


# --- level and perks ------------------------------------------------------------------------------


def xp_for_level(level: int) -> int:
    """Total guild XP needed to reach `level` (level 1 needs nothing)."""
    return sum(1000 * n for n in range(1, level))  # 0, 1000, 3000, 6000, …


def level_for_xp(xp: int) -> int:
    level = 1
    while level < MAX_LEVEL and xp >= xp_for_level(level + 1):
        level += 1
    return level


@dataclass(frozen=True)
class Perks:
    max_members: int
    bank_slots: int  # different items the bank can hold
    xp_bonus_percent: int
    gold_bonus_percent: int


def perks(level: int) -> Perks:
    level = max(1, min(level, MAX_LEVEL))
    return Perks(
        max_members=20 * level,  # 200 at the top level
        bank_slots=10 + 5 * (level - 1),
        xp_bonus_percent=min(MAX_BONUS_PERCENT, (level - 1) // 2),
        gold_bonus_percent=min(MAX_BONUS_PERCENT, level // 3),
    )


def boosted(xp: int, gold: int, level: int) -> tuple[int, int]:
    """A fight's XP and gold with the guild's bonuses (rounded down, so a small reward may gain nothing)."""
    p = perks(level)
    return xp + xp * p.xp_bonus_percent // 100, gold + gold * p.gold_bonus_percent // 100


def fight_xp_share(xp: int) -> int:
    return int(xp * XP_SHARE_OF_FIGHTS)


def deposit_xp(bank_gold_after: int, peak: int) -> int:
    """Guild XP of a gold deposit: only what lifts the bank above its highest balance so far counts, so
    gold moved out and back in again brings nothing (items deposited bring none, for the same reason)."""
    return max(0, bank_gold_after - peak) * GOLD_PER_GUILD_XP


# --- the bank ---------------------------------------------------------------------------------------


def bank_after_item_deposit(bank: dict[str, int], item_id: str, quantity: int, slots: int) -> dict[str, int]:
    if quantity <= 0:
        raise refuse("bad_quantity", "a positive quantity is needed", quantity=quantity)
    if item_id not in bank and len(bank) >= slots:
        raise refuse("bank_full", "the guild bank has no free slot", slots=slots)
    return {**bank, item_id: bank.get(item_id, 0) + quantity}


def bank_after_item_withdrawal(bank: dict[str, int], item_id: str, quantity: int) -> dict[str, int]:
    if quantity <= 0:
        raise refuse("bad_quantity", "a positive quantity is needed", quantity=quantity)
    have = bank.get(item_id, 0)
    if have < quantity:
        raise refuse("bank_short", "the bank does not hold that many", item=item_id, have=have)
    left = dict(bank)
    if have == quantity:
        del left[item_id]
    else:
        left[item_id] = have - quantity
    return left


def gold_withdrawal(bank_gold: int, amount: int) -> int:
    if amount <= 0:
        raise refuse("bad_quantity", "a positive amount is needed", quantity=amount)
    if amount > bank_gold:
        raise refuse("bank_short", "the bank does not hold that much gold", have=bank_gold)
    return bank_gold - amount


def disband_shares(bank_gold: int, member_ids: list[int]) -> dict[int, int]:
    """A disbanded guild's gold goes back to its members in equal shares (the rest to the first ones);
    its items go to the leader."""
    if not member_ids:
        return {}
    share, rest = divmod(bank_gold, len(member_ids))
    ordered = sorted(member_ids)
    return {pid: share + (1 if i < rest else 0) for i, pid in enumerate(ordered)}
