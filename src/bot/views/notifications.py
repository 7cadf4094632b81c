"""What the notifier tells players about the living world, in each player's language."""

from __future__ import annotations

from collections.abc import Mapping

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardMarkup

from bot.callbacks import nav
from bot.i18n import Translator
from bot.views import Screen, rewards, rifts
from bot.views.common import duration, literal, local, noun
from bot.views.keyboard import KeyboardBuilder
from bot.world_callbacks import BossCb, RiftCb
from game.api import BossView, ItemInfo, LocationView, NameForms, RiftInfo, RiftProgressView
from shared.events import BossPayout


def _button(text: str, data: CallbackData) -> InlineKeyboardMarkup:
    kb = KeyboardBuilder()
    kb.button(text=text, callback_data=data)
    return kb.as_markup()


def greeting(t: Translator, name: str, here: LocationView) -> Screen:
    return Screen(t("greeting-event", name=literal(name), **noun(t, "location", here.name, here.name_forms)))


def level_up(t: Translator, level: int) -> Screen:
    """With the ways to spend the new points."""
    kb = KeyboardBuilder()
    kb.button(text=t("btn-character"), callback_data=nav("sheet"))
    kb.button(text=t("btn-skills"), callback_data=nav("skills"))
    kb.adjust(2)
    return Screen(t("notify-level-up", level=level), kb.as_markup())


def rift_opened(t: Translator, rift: RiftInfo) -> Screen:
    text = t(
        "notify-rift-opened",
        name=local(t, rift.name),
        **noun(t, "location", rift.location_name, rift.location_forms),
        tier=rift.tier,
        min_level=rift.min_level,
        left=duration(t, rift.seconds_left),
    )
    return Screen(text, _button(t("btn-notify-rifts"), RiftCb(act="list")))


def rift_collapsed(t: Translator, run: RiftProgressView | None) -> Screen:
    """`run`: the player's run in the collapsed rift, when the game still has it."""
    if run is not None:
        told = [t("notify-rift-collapsed", name=local(t, run.rift.name))]
        text = "\n".join([*told, "", *rifts.total_lines(t, run)])
    else:
        text = t("notify-rift-collapsed-unnamed")
    return Screen(text, _button(t("btn-notify-rifts"), RiftCb(act="list")))


def boss_spawned(t: Translator, boss: BossView) -> Screen:
    text = t(
        "notify-boss-spawned",
        **noun(t, "name", boss.name, boss.name_forms),
        level=boss.level,
        **noun(t, "location", boss.location_name, boss.location_forms),
        hp=boss.max_hp,
        left=duration(t, boss.seconds_left),
    )
    return Screen(text, _button(t("btn-notify-boss"), BossCb(act="show", id=boss.id)))


def boss_ended(
    t: Translator,
    boss: BossView | None,
    *,
    defeated: bool,
    fought: bool,
    killed: bool,
    payout: BossPayout | None = None,
    known: Mapping[str, ItemInfo] | None = None,
) -> Screen:
    """How a boss ended, for one player: `fought` it, landed the blow that `killed` it, or neither;
    with what the player was paid (`payout`; `known` names its items)."""
    name = noun(t, "name", boss.name, boss.name_forms) if boss else unnamed_boss(t)
    if defeated and killed:
        text = t("notify-boss-killed-by-you", **name)
    elif defeated and fought:
        text = t("notify-boss-defeated-fought", **name)
    elif defeated:
        text = t("notify-boss-defeated", **name)
    elif fought:
        text = t("notify-boss-escaped-fought", **name)
    else:
        text = t("notify-boss-escaped", **name)
    if payout is not None:
        text = "\n".join([text, "", t("notify-boss-share"), *rewards.share(t, payout, known or {})])
    elif defeated and fought:
        text = "\n".join([text, t("notify-boss-share-unlisted")])
    return Screen(text, _button(t("btn-boss-top"), BossCb(act="top")))


def unnamed_boss(t: Translator) -> dict[str, str]:
    """A boss the game no longer lists, as a sentence's `name`: "the world boss", declined."""
    forms = NameForms(gender="m", cases={"acc": t("boss-unnamed-acc")})
    return noun(t, "name", {t.locale: t("boss-unnamed")}, {t.locale: forms})


def broadcast(t: Translator, html_text: str) -> Screen:
    """An admin's announcement: already HTML, made from the admin's message by Telegram's entities."""
    return Screen(t("notify-broadcast", text=html_text))
