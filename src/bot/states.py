from aiogram.fsm.state import State, StatesGroup


class Registration(StatesGroup):
    name = State()
    class_choice = State()


class GuildForm(StatesGroup):
    """What a guild screen asked the player to type."""

    name = State()  # a new guild's name
    tag = State()  # then its tag
    invite = State()  # the name of a player to invite
    deposit = State()  # gold to put in the bank
    withdraw = State()  # gold to take out
    chat = State()  # a message to the guild


class ExchangeOrder(StatesGroup):
    amounts = State()  # waiting for "quantity price" for the item and side kept in the FSM data
