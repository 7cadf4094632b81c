"""The bot's FSM storage: aiogram's on Redis, which can also read a chat's state and data in one round trip
(what `bot.middlewares.fsm` uses once per update), or name the keys to read so that another round trip
brings them (the throttle's hit, see `bot.middlewares.fsm`)."""

from __future__ import annotations

from typing import Any, cast

from aiogram.fsm.storage.base import StorageKey
from aiogram.fsm.storage.redis import RedisStorage


class OneTripRedisStorage(RedisStorage):
    def state_and_data_keys(self, key: StorageKey) -> tuple[str, str]:
        return self.key_builder.build(key, "state"), self.key_builder.build(key, "data")

    def decode_state_and_data(
        self, state: bytes | str | None, data: bytes | str | None
    ) -> tuple[str | None, dict[str, Any]]:
        if isinstance(state, bytes):
            state = state.decode("utf-8")
        if data is None:
            return state, {}
        if isinstance(data, bytes):
            data = data.decode("utf-8")
        return state, cast(dict[str, Any], self.json_loads(data))

    async def get_state_and_data(self, key: StorageKey) -> tuple[str | None, dict[str, Any]]:
        state, data = await self.redis.mget(*self.state_and_data_keys(key))
        return self.decode_state_and_data(state, data)
