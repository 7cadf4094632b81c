"""Every refusal of the game port, declared once: its code → the text that explains it.

A refusal's text is a Fluent key and where its arguments come from in the error's `details`. The
error middleware shows it for any handler. A handler that answers a refusal its own way (a redraw)
takes the words from here too, passing what it knows better (names in the player's language) as
context; only a few say something more specific to their screen (where a rift or a boss stands, a
road from an old map). Keys are literal, so the i18n tests see them all; tests/unit/test_refusals.py
checks that every code of the port has an entry.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from bot.i18n import Translator
from bot.views.common import duration, literal
from game.api import GameError

Details = Mapping[str, Any]


@dataclass(frozen=True)
class Seconds:
    """A detail in seconds, said as a duration ("4 min")."""

    detail: str


# An argument of the text: (the detail it is read from, the default when it is missing), a duration,
# or a function of all of them.
Arg = tuple[str, object] | Seconds | Callable[[Details], object]


@dataclass(frozen=True)
class Say:
    key: str
    args: Mapping[str, Arg] = field(default_factory=dict)

    def keys(self) -> set[str]:
        return {self.key}

    def text(self, t: Translator, details: Details, context: Mapping[str, object]) -> str:
        values = {name: _value(t, arg, details) for name, arg in self.args.items()}
        return t(self.key, **{**values, **context})


@dataclass(frozen=True)
class Choose:
    """One of several texts, by what `pick` reads in the details (`otherwise` for anything else)."""

    pick: Callable[[Details], object]
    variants: Mapping[object, Say]
    otherwise: Say

    def keys(self) -> set[str]:
        return {self.otherwise.key, *(v.key for v in self.variants.values())}

    def text(self, t: Translator, details: Details, context: Mapping[str, object]) -> str:
        return self.variants.get(self.pick(details), self.otherwise).text(t, details, context)


def say(key: str, **args: Arg) -> Say:
    return Say(key, args)


def _value(t: Translator, arg: Arg, details: Details) -> object:
    if isinstance(arg, Seconds):
        seconds = details.get(arg.detail)
        return duration(t, seconds) if isinstance(seconds, int | float) else "?"
    value = arg(details) if callable(arg) else details.get(arg[0], arg[1])
    # Details may carry what a player typed or a button carried: shown as literal text, never as HTML.
    return literal(value) if isinstance(value, str) else value


def _detail(name: str) -> Callable[[Details], object]:
    return lambda d: d.get(name)


def _materials(d: Details) -> str:
    # Ids only here; the forge names them in the player's language (see views/town.py).
    missing = d.get("missing") or []
    listed = ", ".join(f"{m.get('item', '?')} ×{m.get('quantity', '?')}" for m in missing if isinstance(m, dict))
    return listed or "—"


EXPLAIN: dict[str, Say | Choose] = {
    # With a name: the player asked for (a trade, a guild invitation) is the one missing, not the asker.
    "not_registered": Choose(
        lambda d: bool(d.get("name")),
        {True: say("err-no-such-player", name=("name", ""))},
        otherwise=say("not-registered"),
    ),
    "already_registered": say("already-registered"),
    "invalid_name": say("name-invalid"),
    "name_taken": say("name-taken", name=("name", "")),
    "unknown_class": say("class-unknown"),
    "unknown_location": say("location-unknown"),
    "not_adjacent": say("travel-not-adjacent"),
    "not_there": say("explore-elsewhere"),
    "service_unavailable": say("service-unavailable"),
    "bad_request": say("err-bad-request"),
    "rule_violation": say("err-rule"),
    "unknown_entry": say("err-unknown-entry"),
    "inventory_full": say("err-inventory-full", capacity=("capacity", "?")),
    "not_owned": say("err-not-owned"),
    "not_enough_items": say("err-not-enough-items", needed=("needed", "?"), have=("available", 0)),
    "not_enough_gold": say("err-not-enough-gold", needed=("needed", "?"), have=("available", 0)),
    "level_too_low": say("err-level-too-low", required=("required", "?"), level=("level", "?")),
    "wrong_slot": say("err-wrong-slot"),
    "slot_empty": say("err-slot-empty"),
    # Exploring refuses with the location it happened in; an item names the item.
    "not_usable": Choose(
        lambda d: "location" in d, {True: say("err-explore-in-town")}, otherwise=say("err-not-usable")
    ),
    "nothing_to_restore": say("err-nothing-to-restore"),
    "not_sellable": say("err-not-sellable"),
    "not_enough_stat_points": say("err-no-stat-points"),
    "unknown_stat": say("err-unknown-stat"),
    "not_enough_skill_points": say("err-no-skill-points", needed=("needed", 1)),
    "skill_not_learnable": Choose(
        _detail("reason"),
        {
            "already_learned": say("err-skill-known"),
            "other_class": say("err-skill-other-class"),
            "level_too_low": say("err-skill-level", level=("required_level", "?")),
            "missing_prerequisite": say("err-skill-prerequisite"),
        },
        otherwise=say("err-skill-not-learnable"),
    ),
    "missing_materials": say("missing-materials", materials=_materials),
    # With the time until the next exploration when it is known (the explore handler adds it).
    "not_enough_stamina": Choose(
        lambda d: isinstance(d.get("seconds"), int | float) and d["seconds"] > 0,
        {True: say("err-no-stamina-wait", needed=("needed", "?"), have=("available", 0), wait=Seconds("seconds"))},
        otherwise=say("err-no-stamina", needed=("needed", "?"), have=("available", 0)),
    ),
    "combat_over": say("err-combat-over"),
    "skill_not_ready": Choose(
        _detail("reason"),
        {
            "cooldown": say("err-skill-cooldown", turns=("turns", "?")),
            "mana": say("err-skill-mana", needed=("needed", "?")),
        },
        otherwise=say("err-skill-unknown"),
    ),
    "stale_action": say("stale-screen"),
    "in_combat": say("err-in-combat"),
    "not_in_combat": say("err-not-in-combat"),
    "not_in_town": say("err-not-in-town"),
    "already_rested": say("err-already-rested"),
    "busy": say("err-busy"),
    # Rifts and world bosses.
    "rift_closed": say("err-rift-closed"),
    "rift_level_too_low": say("rift-level-low", needed=("needed", "?"), level=("level", "?")),
    "in_rift": say("err-in-rift"),
    "not_in_rift": say("err-not-in-rift"),
    "wrong_location": say("err-wrong-location"),
    "boss_gone": Choose(
        _detail("status"),
        {"defeated": say("boss-gone-defeated"), "escaped": say("boss-gone-escaped")},
        otherwise=say("boss-gone-unknown"),
    ),
    "boss_cooldown": say("boss-cooldown-wait", seconds=("seconds_left", "?")),
    "boss_already_alive": say("err-boss-alive"),
    # Guilds.
    "guild_refused": Choose(
        _detail("reason"),
        {
            "kick_leader": say("err-guild-kick-leader"),
            "leader_leaves": say("err-guild-leader-leaves"),
            "bank_short": say("err-guild-bank-short"),
            "bank_full": say("err-guild-bank-full", slots=("slots", "?")),
            "bank_has_items": say("err-guild-bank-has-items"),
            "guild_full": say("err-guild-full", max=("max_members", "?")),
            "leader_active": say("err-guild-leader-active"),
            "not_successor": say("err-guild-not-successor"),
            "already_leader": say("err-guild-already-leader"),
            "empty_message": say("err-guild-empty-message"),
        },
        otherwise=say("err-guild-refused"),
    ),
    "guild_not_permitted": say("err-guild-not-permitted"),
    "not_in_guild": say("err-not-in-guild"),
    "already_in_guild": say("err-already-in-guild"),
    "guild_not_found": say("err-guild-not-found"),
    "guild_name_taken": say("err-guild-name-taken"),
    # The arena.
    "arena_refused": Choose(
        _detail("reason"),
        {
            "daily_cap": say("err-arena-daily-cap", cap=("cap", "?")),
            "no_opponent": say("err-arena-no-opponent"),
            "not_offered": say("err-arena-not-offered"),
            "self": say("err-arena-self"),
        },
        otherwise=say("err-arena-refused"),
    ),
    "invalid_guild_name": Choose(
        _detail("field"), {"tag": say("err-guild-tag-invalid")}, otherwise=say("err-guild-name-invalid")
    ),
    # The player economy.
    "bad_order": Choose(
        _detail("field"),
        {
            "price": say("err-order-price", limit=("limit", "?")),
            "quantity": say("err-order-quantity", limit=("limit", "?")),
            "own": say("err-order-own"),
        },
        otherwise=say("err-order-bad"),
    ),
    "not_tradable": say("err-not-tradable"),
    "too_many_orders": say("err-too-many-orders", limit=("limit", "?")),
    "not_your_order": say("err-not-your-order"),
    "order_closed": say("err-order-closed"),
    "already_claimed": say("err-already-claimed"),
    "bounty_not_done": say("err-bounty-not-done"),
    "trade_refused": Choose(
        _detail("reason"),
        {
            "self": say("err-trade-self"),
            "item": say("err-trade-item"),
            "empty": say("err-trade-empty"),
        },
        otherwise=say("err-trade-number"),
    ),
    "stale_trade": say("err-trade-stale"),
    "invitation_refused": say("err-invitation"),
    "trade_closed": say("err-trade-closed"),
}


def explain(t: Translator, error: GameError, **context: object) -> str:
    """The refusal in the player's words; `context` supplies arguments the handler knows better
    than the details (e.g. names in the player's language)."""
    known = EXPLAIN.get(error.code)
    if known is not None:
        return known.text(t, error.details, context)
    return t("game-error", reason=literal(error.message))
