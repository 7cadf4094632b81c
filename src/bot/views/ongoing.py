"""Drawing the fight a player is in (or the menu when there is none) on the pressed message.

Shared by the fight router and the error middleware (a refusal because of a running fight shows it),
so it lives below both.
"""

from __future__ import annotations

from aiogram.types import CallbackQuery, Message

from bot import keyboards, presenters
from bot.i18n import Translator
from bot.screens import show
from bot.views import combat
from game.api import GameApi


async def show_fight_or_menu(
    event: Message | CallbackQuery, game: GameApi, t: Translator, notice: str | None = None
) -> None:
    view = await game.get_combat(player_id=event.from_user.id)
    if view is not None:
        shown = combat.screen(t, view, notice=notice)
        await show(event, shown.text, shown.markup)
        return
    sheet = await game.get_character(player_id=event.from_user.id)
    lines = [notice] if notice else []
    lines.append(t("no-fight"))
    await show(event, "\n".join(lines) + "\n\n" + presenters.menu(t, sheet), keyboards.main_menu(t, sheet))


async def refresh_fight(query: CallbackQuery, *, game: GameApi, t: Translator, notice: str, **_: object) -> None:
    """A `refresh` flag handler (see bot.middlewares.game_errors)."""
    await show_fight_or_menu(query, game, t, notice)
