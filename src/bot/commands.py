"""The command menu Telegram shows next to the message box, in both languages."""

from __future__ import annotations

from aiogram import Bot
from aiogram.types import BotCommand

COMMANDS = (
    ("start", "Create a character or open the menu", "Создать персонажа или открыть меню"),
    ("menu", "Main menu", "Главное меню"),
    ("me", "Your character", "Твой персонаж"),
    ("look", "Where you are", "Где ты"),
    ("fight", "Back to your fight", "Вернуться в бой"),
    ("inventory", "Your bag", "Сумка"),
    ("skills", "Your skill tree", "Умения"),
    ("town", "Shop, inn and forge", "Лавка, трактир и кузница"),
    ("rifts", "Open rifts", "Открытые разломы"),
    ("boss", "The world boss where you are", "Мировой босс рядом"),
    ("top", "Leaderboard", "Рейтинг"),
    ("guild", "Your guild", "Твоя гильдия"),
    ("arena", "The arena", "Арена"),
    # the player economy
    ("market", "The players' market", "Рынок игроков"),
    ("daily", "Daily reward", "Награда дня"),
    ("trades", "Trades with other players", "Обмен с игроками"),
    ("invite", "Invite friends", "Пригласить друзей"),
    ("settings", "Language and notifications", "Язык и уведомления"),
    ("help", "Help", "Справка"),
)


async def publish_commands(bot: Bot) -> None:
    await bot.set_my_commands([BotCommand(command=c, description=en) for c, en, _ in COMMANDS])
    await bot.set_my_commands([BotCommand(command=c, description=ru) for c, _, ru in COMMANDS], language_code="ru")
