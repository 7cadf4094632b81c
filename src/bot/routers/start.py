"""/start: registration (name, then class by buttons) for newcomers, the main menu for the rest."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import CommandStart, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message

from bot import keyboards, presenters
from bot.callbacks import ClassCb
from bot.i18n import Translator
from bot.notifier import UNREACHABLE_KEY
from bot.screens import show
from bot.states import Registration
from game.api import AlreadyRegistered, GameApi, InvalidName, NameTaken, NotRegistered, UnknownClass


async def start(message: Message, state: FSMContext, game: GameApi, t: Translator) -> None:
    try:
        sheet = await game.get_character(player_id=message.from_user.id)
    except NotRegistered:
        await state.set_state(Registration.name)
        await message.answer(t("welcome-new"))
        return
    # Writing to the bot undoes a block: notifications may reach this player again.
    await game.set_reachable(player_id=message.from_user.id, reachable=True)
    await state.update_data({UNREACHABLE_KEY: None})
    await state.set_state(None)
    await message.answer(t("welcome-back", name=sheet.name))
    await message.answer(presenters.menu(t, sheet), reply_markup=keyboards.main_menu(t))


async def got_name(message: Message, state: FSMContext, game: GameApi, t: Translator) -> None:
    if message.text.startswith("/"):
        await message.answer(t("name-invalid"))
        return
    try:
        name = await game.check_name(name=message.text)
    except InvalidName:
        await message.answer(t("name-invalid"))
        return
    except NameTaken as taken:
        await message.answer(t("name-taken", name=taken.details.get("name", message.text.strip())))
        return
    await state.update_data(name=name)
    await state.set_state(Registration.class_choice)
    options = await game.list_classes()
    await message.answer(presenters.class_choice(t, name, options), reply_markup=keyboards.classes(t, options))


async def name_not_text(message: Message, t: Translator) -> None:
    await message.answer(t("name-invalid"))


async def got_class(
    query: CallbackQuery, callback_data: ClassCb, state: FSMContext, game: GameApi, t: Translator
) -> None:
    name = (await state.get_data()).get("name")
    if not name:
        await query.answer(t("registration-expired"), show_alert=True)
        return
    try:
        sheet = await game.register(player_id=query.from_user.id, name=name, class_id=callback_data.class_id)
    except UnknownClass:
        await query.answer(t("class-unknown"), show_alert=True)
        return
    except NameTaken:
        # Someone took the name between the check and now: ask again.
        await state.set_state(Registration.name)
        await show(query, t("name-taken", name=name))
        return
    except AlreadyRegistered:
        sheet = await game.get_character(player_id=query.from_user.id)
    await state.set_state(None)
    await state.update_data(name=None)
    await show(
        query,
        t("registered", name=sheet.name, location=t.pick(sheet.location_name), **{"class": t.pick(sheet.class_name)})
        + "\n\n"
        + presenters.menu(t, sheet),
        keyboards.main_menu(t),
    )


async def class_outside_registration(query: CallbackQuery, t: Translator) -> None:
    await query.answer(t("registration-expired"), show_alert=True)


def build_router() -> Router:
    router = Router(name="start")
    router.message.register(start, CommandStart())
    router.message.register(got_name, Registration.name, F.text)
    router.message.register(name_not_text, Registration.name)
    router.callback_query.register(got_class, Registration.class_choice, ClassCb.filter())
    router.callback_query.register(class_outside_registration, ClassCb.filter(), StateFilter(None))
    return router
