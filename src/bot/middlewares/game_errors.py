"""Turns the game's refusals into a clear reply, so no handler repeats the same try/except
and no refusal reaches the log as an error.

A button gets an alert with the reason; a stale button (`StaleAction`) gets a toast and the current
screen instead (handlers name how to draw it with the `refresh` flag); `Busy` gets a short toast; a
refusal because of a running fight shows that fight.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.dispatcher.flags import get_flag
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import CallbackQuery, Message, TelegramObject

from bot.i18n import Translator
from bot.views.ongoing import refresh_fight
from game.api import Busy, GameError, InCombat, StaleAction

log = logging.getLogger(__name__)

Explain = Callable[[Translator, dict[str, Any]], str]


def _skill_not_learnable(t: Translator, d: dict[str, Any]) -> str:
    reason = d.get("reason")
    if reason == "already_learned":
        return t("err-skill-known")
    if reason == "other_class":
        return t("err-skill-other-class")
    if reason == "level_too_low":
        return t("err-skill-level", level=d.get("required_level", "?"))
    if reason == "missing_prerequisite":
        return t("err-skill-prerequisite")
    return t("err-skill-not-learnable")


def _skill_not_ready(t: Translator, d: dict[str, Any]) -> str:
    reason = d.get("reason")
    if reason == "cooldown":
        return t("err-skill-cooldown", turns=d.get("turns", "?"))
    if reason == "mana":
        return t("err-skill-mana", needed=d.get("needed", "?"))
    return t("err-skill-unknown")


def _missing_materials(t: Translator, d: dict[str, Any]) -> str:
    # Ids only here; the forge screen names them in the player's language (see routers/town.py).
    missing = d.get("missing") or []
    listed = ", ".join(f"{m.get('item', '?')} ×{m.get('quantity', '?')}" for m in missing if isinstance(m, dict))
    return t("missing-materials", materials=listed or "—")


def _not_usable(t: Translator, d: dict[str, Any]) -> str:
    # Exploring refuses with the location it happened in; an item names the item.
    return t("err-explore-in-town") if "location" in d else t("err-not-usable")


# One entry per error code of the port (`game.api` and `game.api.world`); keys are literal so the
# i18n test sees them all.
EXPLAIN: dict[str, Explain] = {
    "not_registered": lambda t, d: t("not-registered"),
    "already_registered": lambda t, d: t("already-registered"),
    "invalid_name": lambda t, d: t("name-invalid"),
    "name_taken": lambda t, d: t("name-taken", name=d.get("name", "")),
    "unknown_class": lambda t, d: t("class-unknown"),
    "unknown_location": lambda t, d: t("location-unknown"),
    "not_adjacent": lambda t, d: t("travel-not-adjacent"),
    "service_unavailable": lambda t, d: t("service-unavailable"),
    "rule_violation": lambda t, d: t("err-rule"),
    "unknown_entry": lambda t, d: t("err-unknown-entry"),
    "inventory_full": lambda t, d: t("err-inventory-full", capacity=d.get("capacity", "?")),
    "not_owned": lambda t, d: t("err-not-owned"),
    "not_enough_items": lambda t, d: t("err-not-enough-items", needed=d.get("needed", "?"), have=d.get("available", 0)),
    "not_enough_gold": lambda t, d: t("err-not-enough-gold", needed=d.get("needed", "?"), have=d.get("available", 0)),
    "level_too_low": lambda t, d: t("err-level-too-low", required=d.get("required", "?"), level=d.get("level", "?")),
    "wrong_slot": lambda t, d: t("err-wrong-slot"),
    "slot_empty": lambda t, d: t("err-slot-empty"),
    "not_usable": _not_usable,
    "not_sellable": lambda t, d: t("err-not-sellable"),
    "not_enough_stat_points": lambda t, d: t("err-no-stat-points"),
    "unknown_stat": lambda t, d: t("err-unknown-stat"),
    "not_enough_skill_points": lambda t, d: t("err-no-skill-points", needed=d.get("needed", 1)),
    "skill_not_learnable": _skill_not_learnable,
    "missing_materials": _missing_materials,
    "not_enough_stamina": lambda t, d: t("err-no-stamina", needed=d.get("needed", "?"), have=d.get("available", 0)),
    "combat_over": lambda t, d: t("err-combat-over"),
    "skill_not_ready": _skill_not_ready,
    "stale_action": lambda t, d: t("stale-screen"),
    "in_combat": lambda t, d: t("err-in-combat"),
    "not_in_combat": lambda t, d: t("err-not-in-combat"),
    "not_in_town": lambda t, d: t("err-not-in-town"),
    "already_rested": lambda t, d: t("err-already-rested"),
    "busy": lambda t, d: t("err-busy"),
    # Rifts and world bosses.
    "rift_closed": lambda t, d: t("err-rift-closed"),
    "rift_level_too_low": lambda t, d: t("err-rift-level", needed=d.get("needed", "?")),
    "in_rift": lambda t, d: t("err-in-rift"),
    "not_in_rift": lambda t, d: t("err-not-in-rift"),
    "wrong_location": lambda t, d: t("err-wrong-location"),
    "boss_gone": lambda t, d: t("err-boss-gone"),
    "boss_cooldown": lambda t, d: t("err-boss-cooldown", seconds=d.get("seconds_left", "?")),
    "boss_already_alive": lambda t, d: t("err-boss-alive"),
}


def explain(t: Translator, error: GameError) -> str:
    known = EXPLAIN.get(error.code)
    if known is not None:
        return known(t, error.details)
    return t("game-error", reason=error.message)


class GameErrorMiddleware(BaseMiddleware):
    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        try:
            return await handler(event, data)
        except GameError as error:
            log.info("refused: %s %s", error.code, error.details)
            t: Translator = data["t"]
            text = explain(t, error)
            if isinstance(event, CallbackQuery):
                await self._answer_button(event, data, error, text)
            elif isinstance(event, Message):
                await event.answer(text)
            return None

    async def _answer_button(self, query: CallbackQuery, data: dict[str, Any], error: GameError, text: str) -> None:
        refresh = get_flag(data, "refresh")
        if isinstance(error, StaleAction) and refresh is not None:
            await _toast(query, text)
            await self._redraw(refresh, query, data, text)
            return
        await _toast(query, text, alert=not isinstance(error, Busy))
        if isinstance(error, InCombat):
            await self._redraw(refresh_fight, query, data, text)

    @staticmethod
    async def _redraw(
        refresh: Callable[..., Awaitable[None]], query: CallbackQuery, data: dict[str, Any], text: str
    ) -> None:
        try:
            await refresh(query, game=data["game"], t=data["t"], notice=text, callback_data=data.get("callback_data"))
        except GameError as error:
            # The current screen could not be drawn either (e.g. no longer in town): the toast said enough.
            log.info("could not redraw after a refusal: %s %s", error.code, error.details)


async def _toast(query: CallbackQuery, text: str, *, alert: bool = False) -> None:
    with contextlib.suppress(TelegramBadRequest):  # already answered, or too old to answer
        await query.answer(text, show_alert=alert)
