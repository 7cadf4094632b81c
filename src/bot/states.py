from aiogram.fsm.state import State, StatesGroup


class Registration(StatesGroup):
    name = State()
    class_choice = State()


class ExchangeOrder(StatesGroup):
    amounts = State()  # waiting for "quantity price" for the item and side kept in the FSM data
