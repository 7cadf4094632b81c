"""The guild: /guild, its screens and acts, what the player types when a screen asks (a name, a tag, an
amount, a message), /g to write to the guild, and the invite link (`/start g_<code>`, see `join_link`).

Acts on the guild carry the guild's version; the game refuses a stale one (the error middleware says so).
"""

from __future__ import annotations

from typing import Protocol

from aiogram import F, Router
from aiogram.filters import Command, CommandObject
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message

from bot.callbacks import NavCb
from bot.guild_callbacks import GuildCb
from bot.i18n import Translator
from bot.screens import player_of, show, toast
from bot.states import GuildForm
from bot.views import guild as views
from game.api import CharactersApi, InventoryApi, ItemInfo
from game.api.ports.guilds import GuildsApi

GUILD_NAME = "guild_name"  # in the chat's FSM data: the name typed before the tag


class GuildGame(GuildsApi, InventoryApi, CharactersApi, Protocol):
    """The guild, and the bag its items come from and go to."""


async def home(event: Message | CallbackQuery, state: FSMContext, game: GuildsApi, t: Translator) -> None:
    await state.set_state(None)
    await show(event, views.home(t, await game.my_guild(player_id=player_of(event))))


async def join_link(event: Message | CallbackQuery, player_id: int, code: str, game: GuildsApi, t: Translator) -> None:
    """`/start g_<code>`: `player_id` joins the guild the link is for; the guild is shown on `event` (for a
    newcomer, a new message under the one that welcomed them)."""
    await game.join_by_code(player_id=player_id, code=code)
    await show(event, views.home(t, await game.my_guild(player_id=player_id), notice=views.joined(t)))


async def on_button(
    query: CallbackQuery, callback_data: GuildCb, state: FSMContext, game: GuildGame, t: Translator
) -> None:
    player_id = player_of(query)
    act, cb = callback_data.act, callback_data
    # Screens.
    if act == "home":
        await home(query, state, game, t)
        return
    if act == "found":
        cost = (await game.my_guild(player_id=player_id)).founding_cost
        gold = (await game.get_character(player_id=player_id)).gold
        if gold < cost:  # said before the name and the tag are typed, not after
            await toast(query, views.founding_unaffordable(t, cost, gold), alert=True)
            return
    if act in ("found", "invite", "deposit", "withdraw", "chat"):
        await _ask(query, state, game, t, act)
        return
    if act == "board":
        await show(query, views.board(t, await game.guild_board(limit=10), await game.my_guild(player_id=player_id)))
        return
    if act == "give":
        await show(query, views.give(t, await game.inventory(player_id=player_id)))
        return
    if act == "ledger":
        page = await game.guild_ledger(player_id=player_id, page=max(1, cb.p))
        await show(query, views.ledger(t, page, await _items(game, player_id)))
        return
    # Answers to invitations and requests to join.
    if act == "accept":
        await game.accept_invitation(player_id=player_id, guild_id=cb.id)
        await _home(query, game, t, views.joined(t))
        return
    if act == "decline":
        await show(query, views.home(t, await game.decline_invitation(player_id=player_id, guild_id=cb.id)))
        return
    if act == "request":
        await game.request_to_join(player_id=player_id, guild_id=cb.id)
        await toast(query, views.asked_to_join(t))
        await show(query, views.board(t, await game.guild_board(limit=10), await game.my_guild(player_id=player_id)))
        return
    if act == "leave":
        await show(query, views.home(t, await game.leave_guild(player_id=player_id), notice=views.left(t)))
        return
    if act == "disband":
        await show(query, views.home(t, await game.disband_guild(player_id=player_id, version=cb.v)))
        return
    # What needs the guild as it is now.
    mine = (await game.my_guild(player_id=player_id)).guild
    if mine is None:
        await _home(query, game, t, None)
        return
    if act == "claim":
        await show(query, views.members(t, await game.claim_lead(player_id=player_id)))
    elif act == "members":
        await show(query, views.members(t, mine))
    elif act == "member":
        await show(query, views.member(t, mine, cb.id))
    elif act == "bank":
        await show(query, views.bank(t, mine))
    elif act == "requests":
        await show(query, views.requests(t, mine))
    elif act == "link":
        me = await query.bot.me() if query.bot else None
        await show(query, views.link(t, mine, (me.username if me else None) or "bot"))
    elif act in ("yes", "no"):
        view = await game.answer_request(player_id=player_id, applicant_id=cb.id, accept=act == "yes", version=cb.v)
        await show(query, views.requests(t, view))
    elif act == "kick":
        await show(query, views.members(t, await game.kick_member(player_id=player_id, member_id=cb.id, version=cb.v)))
    elif act == "promote":
        view = await game.promote_member(player_id=player_id, member_id=cb.id, version=cb.v)
        await show(query, views.members(t, view))
    elif act == "demote":
        view = await game.demote_member(player_id=player_id, member_id=cb.id, version=cb.v)
        await show(query, views.members(t, view))
    elif act == "lead":
        view = await game.hand_over_lead(player_id=player_id, member_id=cb.id, version=cb.v)
        await show(query, views.members(t, view))
    elif act == "take" and cb.item:
        view = await game.withdraw_item(player_id=player_id, item_id=cb.item, quantity=1, version=cb.v)
        await show(query, views.bank(t, view))
    elif act == "put" and cb.item:
        view = await game.deposit_item(player_id=player_id, item_id=cb.item, quantity=1)
        await show(query, views.bank(t, view, notice=views.deposited(t)))
    else:
        await _home(query, game, t, None)  # a button of a newer bot, or a tampered one


async def _home(event: Message | CallbackQuery, game: GuildsApi, t: Translator, notice: str | None) -> None:
    await show(event, views.home(t, await game.my_guild(player_id=player_of(event)), notice=notice))


async def _items(game: InventoryApi, player_id: int) -> dict[str, ItemInfo]:
    bag = await game.inventory(player_id=player_id)
    return {e.item.id: e.item for e in bag.items}


async def _ask(query: CallbackQuery, state: FSMContext, game: GuildsApi, t: Translator, act: str) -> None:
    forms = {
        "found": (GuildForm.name, "name"),
        "invite": (GuildForm.invite, "invite"),
        "deposit": (GuildForm.deposit, "deposit"),
        "withdraw": (GuildForm.withdraw, "withdraw"),
        "chat": (GuildForm.chat, "chat"),
    }
    form, what = forms[act]
    await state.set_state(form)
    await show(query, views.ask(t, what))


# --- what the player types --------------------------------------------------------------------------


async def typed_name(message: Message, state: FSMContext, t: Translator) -> None:
    await state.update_data({GUILD_NAME: (message.text or "")[:64]})
    await state.set_state(GuildForm.tag)
    await show(message, views.ask(t, "tag"))


async def typed_tag(message: Message, state: FSMContext, game: GuildsApi, t: Translator) -> None:
    name = (await state.get_data()).get(GUILD_NAME) or ""
    await state.set_state(None)
    await game.found_guild(player_id=player_of(message), name=name, tag=(message.text or "")[:16])
    await _home(message, game, t, views.founded(t))


async def typed_invitee(message: Message, state: FSMContext, game: GuildsApi, t: Translator) -> None:
    await state.set_state(None)
    pending = await game.invite_to_guild(player_id=player_of(message), name=(message.text or "")[:64])
    await _home(message, game, t, views.invited(t, pending))


async def typed_amount(message: Message, state: FSMContext, game: GuildsApi, t: Translator) -> None:
    form = await state.get_state()
    await state.set_state(None)
    typed = (message.text or "").strip()
    if not typed.isdigit() or len(typed) > 12:
        await _home(message, game, t, views.not_a_number(t))
        return
    player_id = player_of(message)
    if form == GuildForm.deposit.state:
        view = await game.deposit_gold(player_id=player_id, amount=int(typed))
        await show(message, views.bank(t, view, notice=views.deposited(t)))
        return
    mine = (await game.my_guild(player_id=player_id)).guild
    version = mine.version if mine else 0
    view = await game.withdraw_gold(player_id=player_id, amount=int(typed), version=version)
    await show(message, views.bank(t, view))


async def typed_message(message: Message, state: FSMContext, game: GuildsApi, t: Translator) -> None:
    await state.set_state(None)
    count = await game.send_guild_message(player_id=player_of(message), text=message.text or "")
    await _home(message, game, t, views.sent(t, count))


async def chat_command(
    message: Message, command: CommandObject, state: FSMContext, game: GuildsApi, t: Translator
) -> None:
    """`/g <text>`: a message to the guild; `/g` alone asks for it."""
    if not command.args:
        await state.set_state(GuildForm.chat)
        await show(message, views.ask(t, "chat"))
        return
    count = await game.send_guild_message(player_id=player_of(message), text=command.args)
    await _home(message, game, t, views.sent(t, count))


def build_router() -> Router:
    router = Router(name="guild")
    router.message.register(home, Command("guild"))
    router.message.register(chat_command, Command("g"))
    router.callback_query.register(home, NavCb.filter(F.to == "guild"))
    router.callback_query.register(on_button, GuildCb.filter())
    router.message.register(typed_name, GuildForm.name, F.text)
    router.message.register(typed_tag, GuildForm.tag, F.text)
    router.message.register(typed_invitee, GuildForm.invite, F.text)
    router.message.register(typed_amount, GuildForm.deposit, F.text)
    router.message.register(typed_amount, GuildForm.withdraw, F.text)
    router.message.register(typed_message, GuildForm.chat, F.text)
    return router
