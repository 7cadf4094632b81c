from aiogram.fsm.state import State, StatesGroup


class Registration(StatesGroup):
    name = State()
    class_choice = State()
