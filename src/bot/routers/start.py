"""/start: registration (name, then class by buttons) for newcomers, the main menu for the rest.

A name or class the game refuses is answered by the game-errors middleware, like any refusal.
"""

from __future__ import annotations

import contextlib
from typing import Protocol

from aiogram import F, Router
from aiogram.filters import CommandObject, CommandStart, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message

from bot.callbacks import ClassCb
from bot.i18n import Translator
from bot.notifier import UNREACHABLE_KEY
from bot.routers.guild import join_link
from bot.routers.menu import hint_skills
from bot.screens import player_of, show, toast
from bot.states import Registration
from bot.views import Screen, menu, start
from bot.views.refusals import explain
from game.api import (
    AdventureApi,
    AlreadyRegistered,
    CharactersApi,
    GameError,
    InvitationsApi,
    NameTaken,
    NotificationsApi,
    NotRegistered,
)
from game.api.ports.guilds import GuildsApi

GUILD_LINK = "g_"  # `/start g_<code>`: an invite link to a guild
GUILD_CODE = "guild_code"  # in the chat's FSM data: the guild link a newcomer came by, joined once registered
# `/start ref_<code>`: a player's invitation link, naming who invited a newcomer (kept until the character exists).
INVITE_PREFIX, INVITE_KEY = "ref_", "invited_by"


class WelcomeGame(CharactersApi, AdventureApi, NotificationsApi, GuildsApi, Protocol):
    """The character and where it stands (for the menu), the player's reachability (writing to the
    bot undoes a block), and the guild an invite link leads to."""


class RegistrationGame(CharactersApi, AdventureApi, GuildsApi, InvitationsApi, Protocol):
    """A new character, where it starts (for the menu), the guild a link brought it to and who invited it."""


async def begin(
    message: Message, state: FSMContext, game: WelcomeGame, t: Translator, command: CommandObject | None = None
) -> None:
    player_id = player_of(message)
    code = (command.args or "") if command is not None else ""
    guild_code = code[len(GUILD_LINK) :] if code.startswith(GUILD_LINK) else None
    try:
        sheet = await game.get_character(player_id=player_id)
    except NotRegistered:
        # What a newcomer chose or came by before leaving mid-way is kept (a new link replaces its own).
        if code.startswith(INVITE_PREFIX):
            await state.update_data({INVITE_KEY: code[len(INVITE_PREFIX) :][:32]})
        if guild_code:
            await state.update_data({GUILD_CODE: guild_code})
        name = (await state.get_data()).get("name")
        if isinstance(name, str) and name:
            # A name was chosen, the class not yet: on from there (a new name can still be sent).
            await state.set_state(Registration.class_choice)
            await show(message, start.class_choice(t, name, await game.list_classes(), resumed=True))
            return
        await state.set_state(Registration.name)
        await show(message, start.welcome_new(t))
        return
    if guild_code:
        await state.set_state(None)
        await join_link(message, player_id, guild_code, game, t)
        return
    # Writing to the bot undoes a block: notifications may reach this player again.
    await game.set_reachable(player_id=player_id, reachable=True)
    await state.update_data({UNREACHABLE_KEY: None})
    await state.set_state(None)
    await show(message, start.welcome_back(t, sheet))
    here = await game.look(player_id=player_id)
    # Back after a while (a restart, a new device) in the middle of a fight: the menu offers the way back.
    await show(message, menu.main(t, sheet, here, hint_skills=await hint_skills(state, sheet)))


async def got_name(message: Message, state: FSMContext, game: CharactersApi, t: Translator) -> None:
    typed = message.text or ""
    if typed.startswith("/"):
        await show(message, start.name_invalid(t))
        return
    name = await game.check_name(name=typed)
    await state.update_data(name=name)
    await state.set_state(Registration.class_choice)
    await show(message, start.class_choice(t, name, await game.list_classes()))


async def name_not_text(message: Message, t: Translator) -> None:
    await show(message, start.name_invalid(t))


async def got_class(
    query: CallbackQuery, callback_data: ClassCb, state: FSMContext, game: RegistrationGame, t: Translator
) -> None:
    name = (await state.get_data()).get("name")
    if not name:
        await toast(query, start.registration_expired(t), alert=True)
        return
    try:
        sheet = await game.register(player_id=query.from_user.id, name=name, class_id=callback_data.class_id)
    except NameTaken as taken:
        # Someone took the name between the check and now: ask again.
        await state.set_state(Registration.name)
        await show(query, Screen(explain(t, taken)))
        return
    except AlreadyRegistered:
        sheet = await game.get_character(player_id=query.from_user.id)
    await state.set_state(None)
    data = await state.get_data()
    guild_code, invited_by = data.get(GUILD_CODE), data.get(INVITE_KEY)
    await state.update_data({"name": None, GUILD_CODE: None, INVITE_KEY: None})
    if invited_by:
        with contextlib.suppress(GameError):  # a bad or own code: the newcomer simply has no inviter
            await game.accept_referral(player_id=query.from_user.id, code=str(invited_by))
    here = await game.look(player_id=query.from_user.id)
    await show(query, start.registered(t, sheet, here, hint_skills=await hint_skills(state, sheet)))
    if guild_code:
        below = query.message if isinstance(query.message, Message) else query
        await join_link(below, query.from_user.id, guild_code, game, t)


async def class_outside_registration(query: CallbackQuery, t: Translator) -> None:
    await toast(query, start.registration_expired(t), alert=True)


def build_router() -> Router:
    router = Router(name="start")
    router.message.register(begin, CommandStart())
    router.message.register(got_name, Registration.name, F.text)
    router.message.register(name_not_text, Registration.name)
    # While the class is chosen, a name sent instead replaces the one chosen.
    router.message.register(got_name, Registration.class_choice, F.text, ~F.text.startswith("/"))
    router.callback_query.register(got_class, Registration.class_choice, ClassCb.filter())
    router.callback_query.register(class_outside_registration, ClassCb.filter(), StateFilter(None))
    return router
