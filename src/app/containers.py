"""The composition root: the one place that builds adapters and wires the packages together."""

from __future__ import annotations

import functools
from collections.abc import AsyncIterator

from aiogram import Bot
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.fsm.storage.base import DefaultKeyBuilder
from dependency_injector import containers, providers
from redis.asyncio import BlockingConnectionPool, Redis
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from app.fsm_storage import OneTripRedisStorage
from app.game_core import GameCore
from bot.delivery import RateLimiter as DeliveryRateLimiter
from bot.dispatcher import build_dispatcher
from bot.local_session import LocalSession
from bot.notifier import Notifier
from game.adapters.content_files import load_content
from game.adapters.redis_hot_state import RedisHotStateStore
from game.adapters.redis_world_boss import RedisBossArena
from game.adapters.snapshot import RedisToPostgresSnapshotter
from game.adapters.sql_unit_of_work import SqlUnitOfWork
from game.client.http import HttpGameClient
from game.domain.exchange import ExchangeRules
from shared.adapters.rabbitmq_event_bus import RabbitMqEventBus
from shared.adapters.redis_delivery_ledger import RedisDeliveryLedger
from shared.adapters.redis_event_bus import RedisStreamEventBus
from shared.adapters.redis_lock import RedisJobLock
from shared.adapters.redis_nonce_store import RedisNonceStore
from shared.adapters.redis_throttle import RedisThrottle
from shared.adapters.redis_update_guard import RedisUpdateGuard
from shared.config import Settings
from shared.ports import SystemClock


async def _engine(url: str) -> AsyncIterator[AsyncEngine]:
    # No ping before each checkout (a round trip per action): a connection a PostgreSQL restart broke
    # fails its one request as "try again", and the pool then replaces every connection older than it.
    engine = create_async_engine(url, pool_size=10, max_overflow=10, pool_recycle=1800)
    yield engine
    await engine.dispose()


async def _redis(url: str) -> AsyncIterator[Redis]:
    # A blocking pool: a burst of concurrent updates waits for a connection instead of failing.
    pool = BlockingConnectionPool.from_url(url, max_connections=256, timeout=10, health_check_interval=30)
    client = Redis(connection_pool=pool)
    yield client
    await client.aclose(close_connection_pool=True)


async def _rabbitmq_bus(settings: Settings) -> AsyncIterator[RabbitMqEventBus]:
    bus = RabbitMqEventBus(settings.amqp_url, max_deliveries=settings.event_max_deliveries)
    yield bus
    await bus.close()


def _http_game(settings: Settings) -> HttpGameClient:
    if settings.game_api_secret is None:
        raise RuntimeError("GAME_API_SECRET is not set: GAME_TRANSPORT=http signs every call with it")
    operator = settings.game_operator_secret
    return HttpGameClient(
        settings.game_http_url,
        secret=settings.game_api_secret.get_secret_value(),
        operator_secret=operator.get_secret_value() if operator is not None else None,
    )


async def _bot(settings: Settings, local: bool) -> AsyncIterator[Bot]:
    default = DefaultBotProperties(parse_mode=ParseMode.HTML)
    if local:
        bot = Bot("1:local", session=LocalSession(), default=default)
    else:
        if settings.bot_token is None:
            raise RuntimeError("BOT_TOKEN is not set: `riftwalker run` talks to Telegram and needs one")
        session = None
        if settings.telegram_api_url:
            session = AiohttpSession(api=TelegramAPIServer.from_base(settings.telegram_api_url))
        bot = Bot(settings.bot_token.get_secret_value(), session=session, default=default)
    yield bot
    await bot.session.close()


def _unless_local(local: bool, guard: RedisUpdateGuard) -> RedisUpdateGuard | None:
    return None if local else guard


class Container(containers.DeclarativeContainer):
    settings = providers.Dependency(instance_of=Settings)
    local_bot = providers.Object(False)

    clock = providers.Singleton(SystemClock)
    engine = providers.Resource(_engine, settings.provided.database_url)
    redis = providers.Resource(_redis, settings.provided.redis_url)
    content = providers.Singleton(load_content, settings.provided.content_dir)

    event_bus = providers.Selector(
        settings.provided.event_transport,
        redis=providers.Singleton(
            RedisStreamEventBus,
            redis,
            consumer=settings.provided.event_consumer_name,
            claim_idle_seconds=settings.provided.event_claim_idle_seconds,
            max_deliveries=settings.provided.event_max_deliveries,
        ),
        rabbitmq=providers.Resource(_rabbitmq_bus, settings),
    )
    job_lock = providers.Singleton(RedisJobLock, redis)
    # The hot-state store is the player locks too: an action's lock, its reads of the player's hash and its
    # writes to it then take two round trips in all.
    hot_state = providers.Singleton(RedisHotStateStore, redis)
    boss_arena = providers.Singleton(RedisBossArena, redis)
    # A plain callable, so the game opens a unit of work without knowing about the container.
    uow_factory = providers.Singleton(functools.partial, SqlUnitOfWork, engine)
    snapshotter = providers.Singleton(
        RedisToPostgresSnapshotter, redis, engine, chunk_rows=settings.provided.snapshot_chunk_rows
    )

    core = providers.Container(
        GameCore,
        content=content,
        uow_factory=uow_factory,
        hot_state=hot_state,
        player_locks=hot_state,
        boss_arena=boss_arena,
        snapshotter=snapshotter,
        events=event_bus,
        clock=clock,
        seed=settings.provided.game_seed,
        # the player economy
        exchange_rules=providers.Factory(
            ExchangeRules,
            fee_percent=settings.provided.exchange_fee_percent,
            max_open_orders=settings.provided.exchange_max_open_orders,
            order_days=settings.provided.exchange_order_days,
        ),
        daily_reset_hour=settings.provided.daily_reset_hour,
    )
    # Callers get the port; which side of a process boundary serves it is configuration.
    game = providers.Selector(
        settings.provided.game_transport,
        inprocess=core.game,
        http=providers.Singleton(_http_game, settings),
    )
    # The signed calls `serve-game` has answered, shared by its replicas: none is answered twice.
    nonce_store = providers.Singleton(RedisNonceStore, redis)

    fsm_storage = providers.Singleton(
        OneTripRedisStorage, redis=redis, key_builder=providers.Factory(DefaultKeyBuilder, prefix="fsm")
    )
    bot = providers.Resource(_bot, settings, local_bot)
    throttle = providers.Singleton(RedisThrottle, redis)
    # Telegram's re-deliveries are dropped across replicas; a local chat numbers its updates afresh on
    # every start, so it has none.
    update_guard = providers.Singleton(RedisUpdateGuard, redis)
    dispatcher = providers.Singleton(
        build_dispatcher,
        game=game,
        storage=fsm_storage,
        default_locale=settings.provided.default_locale,
        throttle=throttle,
        throttle_rate=settings.provided.throttle_rate,
        throttle_burst=settings.provided.throttle_burst,
        admin_ids=settings.provided.admin_ids,
        events=event_bus,
        update_guard=providers.Callable(_unless_local, local_bot, update_guard),
    )
    # Notifications: one limiter per bot token (Telegram's limits are per bot), one ledger shared by
    # every process, so a restarted or second bot process sends no message twice.
    delivery_limiter = providers.Singleton(DeliveryRateLimiter)
    delivery_ledger = providers.Singleton(RedisDeliveryLedger, redis)
    notifier = providers.Singleton(
        Notifier,
        bot=bot,
        storage=fsm_storage,
        game=game,
        ledger=delivery_ledger,
        limiter=delivery_limiter,
        default_locale=settings.provided.default_locale,
    )
