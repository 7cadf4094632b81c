"""The chat's FSM state and data, read together in one round trip per update.

aiogram reads the state before any handler runs and the data again each time a middleware or handler asks
(the locale, a hint shown once): a round trip each. With a storage that can read both at once
(`StateAndDataStorage`), the context an update gets reads them once and answers later reads from what it
read; its own writes go to the storage as before, and the data is read afresh after one. With a throttle
that can read along with its hit (`ThrottleWithRead`), that read costs no round trip of its own.
"""

from __future__ import annotations

import copy
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol, cast, runtime_checkable

from aiogram import Bot, Dispatcher
from aiogram.fsm.context import FSMContext
from aiogram.fsm.middleware import FSMContextMiddleware
from aiogram.fsm.state import State
from aiogram.fsm.storage.base import DEFAULT_DESTINY, BaseStorage, StateType, StorageKey
from aiogram.types import TelegramObject, Update, User

from bot.middlewares.throttling import THROTTLE_DECISION, throttle_key
from shared.ports.throttle import ThrottleWithRead


@runtime_checkable
class StateAndDataStorage(Protocol):
    async def get_state_and_data(self, key: StorageKey) -> tuple[str | None, dict[str, Any]]:
        """The state and the data of `key`, in one round trip."""
        ...

    def state_and_data_keys(self, key: StorageKey) -> tuple[str, str]:
        """Where the state and the data of `key` are kept (for a read made along with something else)."""
        ...

    def decode_state_and_data(
        self, state: bytes | str | None, data: bytes | str | None
    ) -> tuple[str | None, dict[str, Any]]:
        """The state and the data from the values read at `state_and_data_keys`."""
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

    def storage_keys(self) -> tuple[str, str]:
        return cast(StateAndDataStorage, self.storage).state_and_data_keys(self.key)

    def preload(self, state: bytes | str | None, data: bytes | str | None) -> None:
        """What was read at `storage_keys` along with something else (before anything was written)."""
        if not self._read:
            self._state, self._data = cast(StateAndDataStorage, self.storage).decode_state_and_data(state, data)
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


@dataclass(frozen=True)
class ThrottleAlong:
    """The player throttle whose hit brings the FSM's read along (see `ReadOnceFSMMiddleware`)."""

    throttle: ThrottleWithRead
    rate: float
    burst: int


class ReadOnceFSMMiddleware(FSMContextMiddleware):
    """aiogram's FSM middleware, with the read-once context. Given `along`, the read of a message's or a
    button press's state and data is made in the same round trip as the player throttle's hit, whose
    decision is left in the update's data for the throttling middleware (which then makes no call)."""

    def __init__(self, *args: Any, along: ThrottleAlong | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._along = along

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        bot: Bot = cast(Bot, data["bot"])
        context = self.resolve_event_context(bot, data)
        data["fsm_storage"] = self.storage
        if context is None:
            return await handler(event, data)
        async with self.events_isolation.lock(key=context.key):
            # Read after the lock is taken, as aiogram's own middleware does (another update of the chat may
            # still be changing the state).
            await self._read_along(event, data, context)
            data.update({"state": context, "raw_state": await context.get_state()})
            return await handler(event, data)

    async def _read_along(self, event: TelegramObject, data: dict[str, Any], context: FSMContext) -> None:
        """The throttle's hit of a message or a button press, with the state and data read in the same step."""
        user: User | None = data.get("event_from_user")
        along = self._along
        if (
            along is None
            or user is None
            or not isinstance(context, ReadOnceFSMContext)
            or not isinstance(event, Update)
            or (event.message is None and event.callback_query is None)
        ):
            return
        decision, values = await along.throttle.hit_and_read(
            throttle_key(user.id), rate=along.rate, burst=along.burst, read=context.storage_keys()
        )
        data[THROTTLE_DECISION] = decision
        if values is not None:  # the store failed: the hit is allowed, and the state is read on its own
            context.preload(*values)

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


def read_once_fsm(dp: Dispatcher, *, along: ThrottleAlong | None = None) -> None:
    """Give `dp` (built with `disable_fsm=True`) the read-once FSM middleware in aiogram's own's place."""
    if not isinstance(dp.fsm.storage, StateAndDataStorage):
        raise TypeError("the read-once FSM needs a storage that reads the state and the data together")
    fsm = ReadOnceFSMMiddleware(
        storage=dp.fsm.storage, events_isolation=dp.fsm.events_isolation, strategy=dp.fsm.strategy, along=along
    )
    dp.fsm = fsm
    dp.update.outer_middleware(fsm)
