"""The chat's FSM state and data, read together in one round trip per update.

aiogram reads the state before any handler runs and the data again each time a middleware or handler asks
(the locale, a hint shown once): a round trip each. With a storage that can read both at once
(`StateAndDataStorage`), the context an update gets reads them once and answers later reads from what it
read; its own writes go to the storage as before, and the data is read afresh after one.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any, Protocol, cast, runtime_checkable

from aiogram import Bot, Dispatcher
from aiogram.fsm.context import FSMContext
from aiogram.fsm.middleware import FSMContextMiddleware
from aiogram.fsm.state import State
from aiogram.fsm.storage.base import DEFAULT_DESTINY, BaseStorage, StateType, StorageKey


@runtime_checkable
class StateAndDataStorage(Protocol):
    async def get_state_and_data(self, key: StorageKey) -> tuple[str | None, dict[str, Any]]:
        """The state and the data of `key`, in one round trip."""
        ...


class ReadOnceFSMContext(FSMContext):
    """An update's FSM context: state and data read together, once."""

    def __init__(self, storage: BaseStorage, key: StorageKey) -> None:
        super().__init__(storage, key)
        self._read = False
        self._state: str | None = None
        self._data: dict[str, Any] | None = None  # None: to be read from the storage

    async def _load(self) -> None:
        # The middleware is given such a storage (`read_once_fsm`); an isinstance check of a runtime
        # protocol on every update would cost more than the rest of this.
        storage = cast(StateAndDataStorage, self.storage)
        self._state, self._data = await storage.get_state_and_data(self.key)
        self._read = True

    async def get_state(self) -> str | None:
        if not self._read:
            await self._load()
        return self._state

    async def set_state(self, state: StateType = None) -> None:
        await super().set_state(state)
        self._state = state.state if isinstance(state, State) else state  # as the storage keeps it

    async def get_data(self) -> dict[str, Any]:
        if not self._read:
            await self._load()
        if self._data is None:
            self._data = await super().get_data()
        return copy.deepcopy(self._data)  # callers may change what they get, as with a fresh read

    async def get_value(self, key: str, default: Any | None = None) -> Any | None:
        return (await self.get_data()).get(key, default)

    async def set_data(self, data: Mapping[str, Any]) -> None:
        await super().set_data(data)
        self._data = None

    async def update_data(self, data: Mapping[str, Any] | None = None, **kwargs: Any) -> dict[str, Any]:
        updated = await super().update_data(data, **kwargs)
        self._data = None
        return updated


class ReadOnceFSMMiddleware(FSMContextMiddleware):
    def get_context(
        self,
        bot: Bot,
        chat_id: int,
        user_id: int,
        thread_id: int | None = None,
        business_connection_id: str | None = None,
        destiny: str = DEFAULT_DESTINY,
    ) -> FSMContext:
        key = StorageKey(
            user_id=user_id,
            chat_id=chat_id,
            bot_id=bot.id,
            thread_id=thread_id,
            business_connection_id=business_connection_id,
            destiny=destiny,
        )
        if destiny != DEFAULT_DESTINY:
            return FSMContext(storage=self.storage, key=key)
        return ReadOnceFSMContext(storage=self.storage, key=key)


def read_once_fsm(dp: Dispatcher) -> None:
    """Give `dp` (built with `disable_fsm=True`) the read-once FSM middleware in aiogram's own's place."""
    if not isinstance(dp.fsm.storage, StateAndDataStorage):
        raise TypeError("the read-once FSM needs a storage that reads the state and the data together")
    fsm = ReadOnceFSMMiddleware(
        storage=dp.fsm.storage, events_isolation=dp.fsm.events_isolation, strategy=dp.fsm.strategy
    )
    dp.fsm = fsm
    dp.update.outer_middleware(fsm)
