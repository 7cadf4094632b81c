"""Events → messages: through the Redis stream, the game's recipients, the rate-limited fan-out and its
Redis ledger, to a real aiogram Bot talking HTTP to a local fake of the Bot API (429s and 403s included).

Settings toggles and /start (which makes a blocked player reachable again) go through the real Dispatcher.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncIterator

import pytest
from aiogram import Bot
from aiogram.fsm.storage.base import StorageKey
from sqlalchemy import text

from bot.delivery import RateLimiter
from bot.notifier import UNREACHABLE_KEY, Notifier
from bot.world_callbacks import NotifyCb
from game.adapters.redis_world_boss import boss_key, cooldown_key
from shared.adapters.redis_delivery_ledger import RedisDeliveryLedger
from shared.adapters.redis_event_bus import RedisStreamEventBus
from shared.events import Broadcast, Event, PlayerLeveledUp
from tests.bot.conftest import register
from tests.bot.world_helpers import empower, move_to
from tests.fakes.telegram_server import FakeTelegram

PLAYERS = list(range(101, 111))


@pytest.fixture
async def tg() -> AsyncIterator[FakeTelegram]:
    async with FakeTelegram(global_rate=30, per_chat_rate=1) as server:
        yield server


@pytest.fixture
async def tg_bot(tg: FakeTelegram) -> AsyncIterator[Bot]:
    async with tg.bot() as bot:
        yield bot


@pytest.fixture
def make_notifier(container, game, redis, tg_bot):
    """A notifier as one bot process has it; each call is a fresh process (new limiter and sender)."""

    async def make() -> Notifier:
        return Notifier(
            bot=tg_bot,
            storage=await container.fsm_storage(),
            game=game,
            ledger=RedisDeliveryLedger(redis),
            limiter=RateLimiter(global_rate=30),
            sender_options={"backoff": 0.05},
        )

    return make


@pytest.fixture
async def players(game, container) -> list[int]:
    for player_id in PLAYERS:
        await game.register(player_id=player_id, name=f"p{player_id}", class_id="warrior")
    await drain(container)  # their greetings are another test's business
    return PLAYERS


async def drain(container) -> None:
    async def ignore(_: Event) -> None:
        return None

    await (await container.event_bus()).consume_pending_once(ignore)


async def consume(container, notifier: Notifier) -> int:
    return await (await container.event_bus()).consume_pending_once(notifier.handle)


async def speaks(container, bot: Bot, player_id: int, locale: str) -> None:
    storage = await container.fsm_storage()
    await storage.set_data(StorageKey(bot_id=bot.id, chat_id=player_id, user_id=player_id), {"locale": locale})


async def test_a_boss_spawn_reaches_every_subscriber_once_in_their_language(
    players, game, container, make_notifier, tg, tg_bot
):
    for muted in (103, 107):
        await game.set_notification(player_id=muted, category="bosses", enabled=False)
    await game.set_notification(player_id=104, category="rifts", enabled=False)  # another category
    await speaks(container, tg_bot, 105, "ru")

    boss = await game.admin_spawn_boss(location_id="meadows", boss_def_id="old_tusk")
    assert await consume(container, await make_notifier()) == 1

    subscribed = [p for p in players if p not in (103, 107)]
    assert Counter(s.chat_id for s in tg.sent) == {p: 1 for p in subscribed}
    [english] = tg.sent_to(101)
    assert english.text.startswith(f"👹 <b>Old Tusk</b> (level {boss.level}) appeared in Whispering Meadows!")
    assert english.reply_markup["inline_keyboard"][0][0]["callback_data"] == f"bs:show:{boss.id}"
    assert tg.sent_to(105)[0].text.startswith("👹 Появляется мировой босс <b>Старый Клык</b>")
    # Numbers read one way per language: 6,920 in English, 6 920 in Russian.
    assert f"❤️ {boss.max_hp:,}" in english.text
    assert f"❤️ {boss.max_hp:,}".replace(",", "\xa0") in tg.sent_to(105)[0].text
    assert tg.too_many_requests == 0


async def test_a_blocked_player_is_marked_unreachable_skipped_and_back_after_start(
    players, game, container, make_notifier, tg, tg_bot, new_chat
):
    tg.blocked.add(104)
    notifier = await make_notifier()
    await game.admin_spawn_boss(location_id="meadows", boss_def_id="old_tusk")
    await consume(container, notifier)
    assert 104 not in {s.chat_id for s in tg.sent} and len(tg.sent) == len(players) - 1
    assert 104 not in await game.notification_recipients(category="rifts")  # the game knows now

    # Later events skip them without a request: recipients from the game, and events naming them directly.
    await game.admin_open_rift(location_id="caves")
    await (await container.event_bus()).publish(PlayerLeveledUp(player_id=104, level=5))
    await consume(container, notifier)
    assert [r.method for r in tg.requests if r.params.get("chat_id") == "104"] == ["sendMessage"]
    rift_news = [s for s in tg.sent if s.text.startswith("🌀 A rift tore open")]
    assert sorted(s.chat_id for s in rift_news) == [p for p in players if p != 104]

    # They write /start again (through the bot the notifier speaks as): reachable once more.
    tg.blocked.discard(104)
    chat = new_chat(user_id=104)
    await chat.send("/start")
    assert 104 in await game.notification_recipients(category="rifts")
    storage = await container.fsm_storage()
    local_key = StorageKey(bot_id=chat.bot.id, chat_id=104, user_id=104)
    assert not (await storage.get_data(local_key)).get(UNREACHABLE_KEY)


async def test_start_clears_the_bots_own_mark(container, new_chat, game):
    """The mark lives in the chat's FSM data of the very bot that /start reaches (the container's)."""
    chat = new_chat(user_id=120)
    await register(chat, name="Wanderer")
    notifier = await container.notifier()
    await drain(container)
    await notifier.mark_unreachable(120)
    assert 120 not in await game.notification_recipients(category="bosses")
    report = await notifier.handle(PlayerLeveledUp(player_id=120, level=2))
    assert (report.sent, report.not_rendered) == (0, 1)

    await chat.send("/start")
    report = await notifier.handle(PlayerLeveledUp(player_id=120, level=3))
    assert report.sent == 1
    assert chat.last.text.startswith("🎉 You reached level 3!")
    assert 120 in await game.notification_recipients(category="bosses")


async def test_a_retry_after_is_waited_out(players, game, make_notifier, tg, container):
    tg.flood(retry_after=1)  # the first send is refused
    await game.admin_open_rift(location_id="caves")
    notifier = await make_notifier()
    bus = await container.event_bus()
    reports = []

    async def handle(event: Event) -> None:
        reports.append(await notifier.handle(event))

    await bus.consume_pending_once(handle)

    assert Counter(s.chat_id for s in tg.sent) == {p: 1 for p in players}
    refused = tg.rejections[0]
    assert refused.status == 429
    assert all(not refused.at < s.at < refused.at + 1.0 for s in tg.sent)  # everyone waited
    assert (reports[0].sent, reports[0].flood_waits, reports[0].failed) == (len(players), 1, 0)


async def test_an_event_read_again_after_a_restart_sends_nothing_twice(game, container, make_notifier, tg, redis):
    many = list(range(2001, 2046))  # 45 players: 1.5 s of sending at 30 a second
    for player_id in many:
        await game.register(player_id=player_id, name=f"q{player_id}", class_id="mage")
    await drain(container)
    await (await container.event_bus()).publish(Broadcast(text="Server news"))

    # The bot process dies in the middle of the fan-out: the event stays unacknowledged in the stream.
    first = RedisStreamEventBus(redis)
    running = asyncio.create_task(first.run_consumer((await make_notifier()).handle))
    await tg.wait_sent(15)
    running.cancel()
    with pytest.raises(asyncio.CancelledError):
        await running
    reached = len(tg.sent)
    assert 15 <= reached < len(many)

    # A new process (a consumer of another name) takes the dead one's pending event over once it has been
    # idle past the claim timeout, and finishes the delivery.
    restarted = RedisStreamEventBus(redis, claim_idle_seconds=0.2)
    assert await restarted.consume_pending_once((await make_notifier()).handle) == 0
    await asyncio.sleep(0.3)
    assert await restarted.reclaim_once((await make_notifier()).handle) == 1
    assert Counter(s.chat_id for s in tg.sent) == {p: 1 for p in many}
    assert all(s.text == "📢 Server news" for s in tg.sent)
    # Acknowledged now: yet another start has nothing to do.
    assert await RedisStreamEventBus(redis).consume_pending_once((await make_notifier()).handle) == 0
    assert len(tg.sent) == len(many)


async def test_a_broadcast_reaches_each_reachable_player_once(players, game, container, make_notifier, tg):
    await game.set_notification(player_id=102, category="rifts", enabled=False)
    await game.set_notification(player_id=103, category="bosses", enabled=False)
    await game.set_reachable(player_id=106, reachable=False)
    await (await container.event_bus()).publish(Broadcast(text="Maintenance at <b>noon</b>"))
    await consume(container, await make_notifier())
    assert Counter(s.chat_id for s in tg.sent) == {p: 1 for p in players if p != 106}
    assert tg.sent_to(102)[0].text == "📢 Maintenance at <b>noon</b>"


async def test_the_end_of_a_boss_is_told_to_its_fighters_and_followers(
    players, game, container, make_notifier, tg, db, redis
):
    notifier = await make_notifier()
    boss = await game.admin_spawn_boss(location_id="meadows", boss_def_id="old_tusk")
    await consume(container, notifier)  # the spawn news
    await game.set_notification(player_id=108, category="bosses", enabled=False)
    async with db.begin() as conn:
        # Magic: a boss cannot dodge it, so every blow lands.
        await conn.execute(text("UPDATE characters SET intellect = 100000 WHERE player_id IN (101, 102)"))
    for fighter in (101, 102):
        await move_to(container, fighter, "meadows")
    before = {p: await game.get_character(player_id=p) for p in (101, 102)}
    for fighter in (101, 102):  # both join (each grows the pool by their share)
        await game.attack_boss(player_id=fighter, boss_id=boss.id)
    # Worn down to its last point, and the killer's breath caught: the next blow fells it.
    killer = 101
    await redis.hset(boss_key(boss.id), "hp", 1)
    await redis.delete(cooldown_key(boss.id, killer))
    result = await game.attack_boss(player_id=killer, boss_id=boss.id)
    assert result.killed
    tg.sent.clear()

    told = [p for p in players if p != 108]
    for _ in range(200):  # the blow is answered first; the payouts and the announcement follow it
        await consume(container, notifier)
        if sorted({s.chat_id for s in tg.sent}) == told:
            break
        await asyncio.sleep(0.05)

    by_chat = {s.chat_id: s.text for s in tg.sent}
    assert sorted(by_chat) == told  # followers and fighters, each once
    assert len(tg.sent) == len(by_chat)  # a fighter hears it with their share as they are paid, and only then
    assert by_chat[killer].startswith("🏆 Your blow felled <b>Old Tusk</b>!\n\n🎁 Your share, already in your bag:")
    # Every reward is listed where it is paid: the share in the announcement is what reached the character.
    after = await game.get_character(player_id=killer)
    gold, xp = after.gold - before[killer].gold, after.xp - before[killer].xp
    assert "⚔️ Your damage: " in by_chat[killer]
    if gold:
        assert f"💰 +{gold:,} gold" in by_chat[killer]
    if xp > 0 and after.level == before[killer].level:
        assert f"✨ +{xp:,} XP" in by_chat[killer]
    assert by_chat[105] == "🏆 <b>Old Tusk</b> has fallen."  # a follower who did not fight: no share


async def test_a_collapse_tells_the_players_it_threw_out(new_chat, game, container, db, make_notifier, tg):
    await game.register(player_id=130, name="Diver", class_id="warrior")
    await empower(db, 130)
    await move_to(container, 130, "meadows")
    rift = await game.admin_open_rift(location_id="meadows", duration_minutes=0.04)  # 2.4 s: room for a busy machine
    await game.enter_rift(player_id=130, rift_id=rift.id)
    await asyncio.sleep(2.5)
    report = await game.close_expired_rifts()
    assert report.players_evicted == 1

    await consume(container, await make_notifier())

    # The opening was stale by the time it was read (nothing sent); the collapse reached the player.
    [told] = [s for s in tg.sent if s.chat_id == 130 and "collapsed" in s.text]
    assert told.text.startswith(f"💥 The rift <b>{rift.name['en']}</b> collapsed and threw you out.")
    assert "You keep everything you won inside.\n\n🧾 <b>The whole run earned you</b>\nNothing this time." in told.text
    assert not [s for s in tg.sent if "A rift tore open" in s.text]


async def test_settings_toggle_rift_and_boss_alerts(new_chat, game):
    chat = new_chat()
    await register(chat)
    screen = (await chat.send("/settings"))[-1]
    assert "Rift alerts are on, world boss alerts are on" in screen.text
    labels = [label for label, _ in screen.buttons()]
    assert "🔔 Rift alerts: on" in labels and "🔔 Boss alerts: on" in labels

    muted = (await chat.press_button("Rift alerts"))[-1]
    assert chat.last_alert == ""  # the screen says it: no toast repeats it
    assert "Rift alerts are off, world boss alerts are on" in muted.text and "🔕 Rift alerts: off" in [
        b for b, _ in muted.buttons()
    ]
    assert (await game.notification_settings(player_id=chat.user_id)).muted == ("rifts",)
    assert chat.user_id not in await game.notification_recipients(category="rifts")

    # The old screen's button again (a double tap): it names the state it sets, so nothing flips back.
    await chat.press(NotifyCb(cat="rifts", on=False).pack(), message=screen)
    assert (await game.notification_settings(player_id=chat.user_id)).muted == ("rifts",)

    await chat.press_button("Boss alerts", message=chat.last)
    await chat.press_button("Rift alerts: off", message=chat.last)
    assert (await game.notification_settings(player_id=chat.user_id)).muted == ("bosses",)
    assert "Rift alerts are on, world boss alerts are off" in chat.last.text


async def test_settings_before_registration_offer_the_language_only(new_chat):
    chat = new_chat(user_id=777)
    screen = (await chat.send("/settings"))[-1]
    assert "Notifications" not in screen.text
    assert not [d for _, d in screen.buttons() if d.startswith("ntf:")]
