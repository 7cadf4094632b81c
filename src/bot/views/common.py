"""Pieces every screen uses: escaping, numbers, bars, durations, names of effects, stats, slots and
rarities, item lines, and the arguments a content name brings into a sentence."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable

from bot.i18n import Translator
from game.api import Grammar, ItemInfo, ItemStack, LocalText, StatusView

# Literal keys (not built from codes), so the key check in tests/unit/test_i18n.py sees every one.
Text = Callable[[Translator], str]

EFFECTS: dict[str, Text] = {
    "bleed": lambda t: t("effect-bleed"),
    "burn": lambda t: t("effect-burn"),
    "poison": lambda t: t("effect-poison"),
    "stun": lambda t: t("effect-stun"),
    "attack_up": lambda t: t("effect-attack-up"),
    "attack_down": lambda t: t("effect-attack-down"),
    "defence_up": lambda t: t("effect-defence-up"),
    "defence_down": lambda t: t("effect-defence-down"),
    "cleanse": lambda t: t("effect-cleanse"),
    "heal": lambda t: t("effect-heal"),
    "mana": lambda t: t("effect-mana"),
}

STATS: dict[str, Text] = {
    "strength": lambda t: t("stat-strength"),
    "agility": lambda t: t("stat-agility"),
    "intellect": lambda t: t("stat-intellect"),
    "vitality": lambda t: t("stat-vitality"),
    "max_hp": lambda t: t("stat-max-hp"),
    "max_mana": lambda t: t("stat-max-mana"),
    "attack": lambda t: t("stat-attack"),
    "defence": lambda t: t("stat-defence"),
    "magic": lambda t: t("stat-magic"),
    "crit_chance": lambda t: t("stat-crit"),
    "dodge_chance": lambda t: t("stat-dodge"),
    "crit_damage": lambda t: t("stat-crit-damage"),
    "lifesteal": lambda t: t("stat-lifesteal"),
    "damage_reduction": lambda t: t("stat-damage-taken"),
    "mana_regen": lambda t: t("stat-mana-regen"),
}

SLOTS: dict[str, Text] = {
    "weapon": lambda t: t("slot-weapon"),
    "head": lambda t: t("slot-head"),
    "chest": lambda t: t("slot-chest"),
    "legs": lambda t: t("slot-legs"),
    "feet": lambda t: t("slot-feet"),
    "trinket": lambda t: t("slot-trinket"),
}

RARITIES: dict[str, Text] = {
    "common": lambda t: t("rarity-common"),
    "uncommon": lambda t: t("rarity-uncommon"),
    "rare": lambda t: t("rarity-rare"),
    "epic": lambda t: t("rarity-epic"),
    "legendary": lambda t: t("rarity-legendary"),
}

KINDS: dict[str, Text] = {
    "equipment": lambda t: t("kind-equipment"),
    "consumable": lambda t: t("kind-consumable"),
    "material": lambda t: t("kind-material"),
}

MEDALS = {1: "🥇", 2: "🥈", 3: "🥉"}  # the top three of a leaderboard
RARITY_MARKS = {"common": "⚪", "uncommon": "🟢", "rare": "🔵", "epic": "🟣", "legendary": "🟠"}
KIND_MARKS = {"equipment": "🛡", "consumable": "🧪", "material": "🪨"}
SLOT_MARKS = {"weapon": "⚔️", "head": "🪖", "chest": "👕", "legs": "👖", "feet": "🥾", "trinket": "💍"}
# Shares (0.05) shown as percentages (+5%); damage reduction as what it does to the damage taken (−2%).
PERCENT_STATS = frozenset({"crit_chance", "dodge_chance", "crit_damage", "lifesteal", "damage_reduction"})
INVERTED_STATS = frozenset({"damage_reduction"})


def named(t: Translator, table: dict[str, Text], code: str) -> str:
    """A code's localised name; an unknown code (newer content than this bot) shows as itself."""
    text = table.get(code)
    return text(t) if text else code.replace("_", " ")


def literal(text: str) -> str:
    """A string from outside the bot's own texts (a player's name, an admin's argument, an id from a
    button) as literal text inside the HTML of a message. The one place the bot escapes HTML."""
    return html.escape(text, quote=False)


def local(t: Translator, text: LocalText) -> str:
    """A content text in the player's language, safe inside the HTML of a message."""
    return literal(t.pick(text))


CASES = ("gen", "dat", "acc", "ins", "pre", "at", "to")


def noun(
    t: Translator,
    role: str,
    name: LocalText,
    forms: Grammar | None = None,
    *,
    html: bool = True,
    common: bool = False,
) -> dict[str, str]:
    """A content name (a monster, a place, an item) as the arguments of a sentence it stands in:
    `role` is the name itself (as a title, or at the start of a sentence), `role_gender` its grammatical
    gender (`m`, `f`, `n`, `pl`; `other` in a language without one, which selects a text's default), and
    `role_nom`, `role_gen`, `role_dat`, `role_acc`, `role_ins`, `role_pre` its case forms inside a
    sentence (a place's `role_at` and `role_to` say where and whither, with their preposition). The one
    place gender and case come in: texts select on them.

    `common`: a common noun (an item, a monster), which a language that declines it writes in lower case
    inside a sentence ("Ты покупаешь ржавый меч"), unless its forms mark it a proper name. Places and
    bosses are proper names. English keeps its names as they are.

    A language the name has no forms for reads every case as the name itself. `html`: False for a
    button's label, which is plain text.
    """
    escape = literal if html else str
    nominative = escape(t.pick(name))
    mine = (forms or {}).get(t.locale)
    inside = lower_first if common and mine is not None and not mine.proper else str
    args = {role: nominative, f"{role}_gender": mine.gender if mine else "other", f"{role}_nom": inside(nominative)}
    for case in CASES:
        form = mine.cases.get(case) if mine else None
        args[f"{role}_{case}"] = inside(escape(form) if form else nominative)
    args.update(articled(role, nominative) if t.locale == "en" else {f"{role}_{a}": nominative for a in ARTICLES})
    return args


def lower_first(text: str) -> str:
    """ "Ржавый меч" → "ржавый меч": a common noun inside a sentence."""
    return text[:1].lower() + text[1:]


ARTICLES = ("the", "The", "a", "A")


def articled(role: str, name: str) -> dict[str, str]:
    """English: the name with its article, in and at the start of a sentence (`role_the`, `role_The`,
    `role_a`, `role_A`): "the Giant Rat", "an Ice Elemental"; a name that has its own ("The Hollow King")
    takes no other."""
    if name.startswith("The "):
        return {f"{role}_the": name, f"{role}_The": name, f"{role}_a": name, f"{role}_A": name}
    a = "an" if name[:1] in "AEIOU" else "a"
    return {
        f"{role}_the": f"the {name}",
        f"{role}_The": f"The {name}",
        f"{role}_a": f"{a} {name}",
        f"{role}_A": f"{a.capitalize()} {name}",
    }


def item_noun(t: Translator, role: str, item: ItemInfo, *, html: bool = True) -> dict[str, str]:
    return noun(t, role, item.name, item.name_forms, html=html, common=True)


def num(t: Translator, value: float) -> str:
    """A number put together by a view (a bar, a ×count): formatted as Fluent formats a number
    argument, so every number of a language reads one way."""
    return t.number(value)


def signed(t: Translator, value: float) -> str:
    """`+5`, `-3`: a change."""
    return f"+{num(t, value)}" if value > 0 else num(t, value)


def duration(t: Translator, seconds: float) -> str:
    """`4 d 17 h`, `1 h 5 min`, `12 min`, `40 s`: as precise as a player needs."""
    seconds = max(0, int(seconds))
    if seconds >= 2 * 86400:  # under two days, hours read better ("30 h")
        return t("time-days", d=seconds // 86400, h=seconds % 86400 // 3600)
    if seconds >= 3600:
        return t("time-hours", h=seconds // 3600, m=seconds % 3600 // 60)
    if seconds >= 60:
        return t("time-minutes", m=-(-seconds // 60))  # rounded up: "1 min" until the last minute
    return t("time-seconds", s=seconds)


def with_notice(notice: str | None, lines: Iterable[str]) -> str:
    """A screen's lines, under the notice of what just happened (if anything did)."""
    return "\n".join(([notice, ""] if notice else []) + list(lines))


def bar(t: Translator, value: int, maximum: int, width: int = 10) -> str:
    """`▰▰▰▱▱ 34/60`."""
    shown = max(maximum, 1)
    filled = round(width * max(0, min(value, shown)) / shown)
    if value > 0 and filled == 0:
        filled = 1  # alive shows as alive
    return f"{'▰' * filled}{'▱' * (width - filled)} {num(t, value)}/{num(t, maximum)}"


def effects_line(t: Translator, effects: Iterable[StatusView]) -> str:
    return ", ".join(t("status-turns", effect=named(t, EFFECTS, e.effect), turns=e.turns) for e in effects)


def bonus_text(t: Translator, stat: str, value: float) -> str:
    """`Attack +3`, `Crit +5%`, `Damage taken −2%`."""
    if stat in INVERTED_STATS:
        value = -value
    amount = f"{signed(t, round(value * 100, 1))}%" if stat in PERCENT_STATS else signed(t, value)
    return f"{named(t, STATS, stat)} {amount.replace('-', '−')}"


def bonuses_line(t: Translator, bonuses: dict[str, float]) -> str:
    return ", ".join(bonus_text(t, k, v) for k, v in bonuses.items())


def effect_text(t: Translator, effect: str, value: int) -> str:
    if effect in ("heal", "mana"):
        return f"{named(t, EFFECTS, effect)} {signed(t, value)}"
    if effect == "cleanse":
        return named(t, EFFECTS, effect)
    return t("effect-for-turns", effect=named(t, EFFECTS, effect), turns=value)


def effects_of(t: Translator, item: ItemInfo) -> str:
    return ", ".join(effect_text(t, k, v) for k, v in item.effects.items())


def item_mark(item: ItemInfo) -> str:
    if item.slot:
        return SLOT_MARKS.get(item.slot, "🛡")
    return KIND_MARKS.get(item.kind, "•")


def item_label(t: Translator, item: ItemInfo, quantity: int = 1) -> str:
    """`⚔️ Iron Sword ×2` (no HTML: fit for a button too)."""
    return f"{item_mark(item)} {t.pick(item.name)}{times(t, quantity)}"


def times(t: Translator, quantity: int) -> str:
    """` ×3` after a name; nothing for one."""
    return f" ×{num(t, quantity)}" if quantity > 1 else ""


def stack_lines(t: Translator, stacks: Iterable[ItemStack]) -> list[str]:
    return [f"  • {RARITY_MARKS.get(s.item.rarity, '')} {local(t, s.item.name)} ×{num(t, s.quantity)}" for s in stacks]


RESTORES = frozenset({"heal", "mana", "cleanse"})
# What a cleansing item washes away: the game's harmful statuses.
AILMENTS = frozenset({"bleed", "burn", "poison", "stun", "freeze", "attack_down", "defence_down"})


def restores_nothing(item: ItemInfo, hp: int, max_hp: int, mana: int, max_mana: int, *, ailing: bool = False) -> bool:
    """A potion that only restores (HP, mana, or health from ailments: `ailing`, the user has one), with
    everything it restores whole: using it would do nothing (the game refuses it, or an antidote is spent
    for nothing), so it is not offered."""
    effects = set(item.effects)
    if not effects or not effects <= RESTORES:
        return False
    return (
        ("heal" not in effects or hp >= max_hp)
        and ("mana" not in effects or mana >= max_mana)
        and ("cleanse" not in effects or not ailing)
    )


def in_pairs(count: int) -> list[int]:
    """Row sizes putting `count` buttons two by two (for `KeyboardBuilder.adjust`)."""
    return [2] * (count // 2) + [1] * (count % 2)
