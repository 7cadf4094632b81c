"""Turns game events into messages to the players they concern."""

from __future__ import annotations

import logging

from aiogram import Bot
from aiogram.fsm.storage.base import BaseStorage, StorageKey

from bot.i18n import Translator, pick_locale
from bot.middlewares.locale import LOCALE_KEY
from game.api import GameApi
from shared.events import CharacterCreated, Event

log = logging.getLogger(__name__)


class Notifier:
    def __init__(self, *, bot: Bot, storage: BaseStorage, game: GameApi, default_locale: str = "en") -> None:
        self._bot = bot
        self._game = game
        self._storage = storage
        self._default = default_locale

    async def translator_for(self, player_id: int) -> Translator:
        key = StorageKey(bot_id=self._bot.id, chat_id=player_id, user_id=player_id)
        data = await self._storage.get_data(key)
        return Translator(data.get(LOCALE_KEY) or pick_locale(None, self._default))

    async def handle(self, event: Event) -> None:
        if isinstance(event, CharacterCreated):
            t = await self.translator_for(event.player_id)
            here = await self._game.look(player_id=event.player_id)
            await self._bot.send_message(
                event.player_id, t("greeting-event", name=event.name, location=t.pick(here.name))
            )
        else:
            log.debug("no notification for %s", event.kind)
