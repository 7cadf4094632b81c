"""The game core's container: its use cases, each built from the collaborators it names, assembled once.

Its dependencies are the driven adapters (storage, hot state, locks, the boss arena, events, clock);
`app.containers.Container` gives it the real ones, tests may give it fakes.
"""

from __future__ import annotations

from typing import Any, ClassVar

from dependency_injector import containers, providers

from game.application.actions import Actions
from game.application.administration import Administration
from game.application.arena import Arena
from game.application.characters import Characters
from game.application.dailies import CountingEvents, Dailies
from game.application.dice import Dice
from game.application.exchange import Exchange
from game.application.exploration import Exploration
from game.application.fight_endings import FightEndings
from game.application.fights import Fights
from game.application.guilds import Guilds
from game.application.invitations import Invitations
from game.application.items import Items
from game.application.leaderboards import Leaderboards
from game.application.maintenance import Maintenance
from game.application.notifications import Notifications
from game.application.payouts import Payouts
from game.application.players import Players
from game.application.ports.hot_state import HotStateStore, PlayerLocks
from game.application.ports.snapshot import HotStateSnapshotter
from game.application.ports.unit_of_work import UnitOfWorkFactory
from game.application.ports.world_events import BossArena
from game.application.records import RecordCache, VersionedUnitsOfWork
from game.application.rifts import Rifts
from game.application.skills import Skills
from game.application.surroundings import Surroundings
from game.application.town import Town
from game.application.trades import Trades
from game.application.world_bosses import WorldBosses
from game.domain.content import Content
from game.domain.exchange import ExchangeRules
from game.domain.world import WorldMap
from game.domain.world_boss import ATTACK_COOLDOWN_SECONDS
from game.entrypoints.inprocess import InProcessGame
from shared.ports import Clock, EventBus


class GameCore(containers.DeclarativeContainer):
    content = providers.Dependency(instance_of=Content)
    uow_factory: providers.Dependency[UnitOfWorkFactory] = providers.Dependency()
    hot_state: providers.Dependency[HotStateStore] = providers.Dependency()
    player_locks: providers.Dependency[PlayerLocks] = providers.Dependency()
    boss_arena: providers.Dependency[BossArena] = providers.Dependency()
    snapshotter: providers.Dependency[HotStateSnapshotter] = providers.Dependency()
    events: providers.Dependency[EventBus] = providers.Dependency()
    clock: providers.Dependency[Clock] = providers.Dependency()
    seed: providers.Object[int | None] = providers.Object(None)
    boss_cooldown_seconds = providers.Object(ATTACK_COOLDOWN_SECONDS)
    # The blow that ends a boss starts its settlement in this process (the settlement job is the backstop).
    boss_settle_at_once = providers.Object(True)
    exchange_rules = providers.Object(ExchangeRules())
    daily_reset_hour = providers.Object(0)

    # What the use cases share.
    # Records read from PostgreSQL are kept per process, checked against the versions in the hot store;
    # every unit of work the use cases open publishes the versions it writes.
    record_cache = providers.Singleton(RecordCache)
    units_of_work = providers.Singleton(VersionedUnitsOfWork, uow_factory, hot_state, record_cache)
    world = providers.Singleton(WorldMap, content)
    dice = providers.Singleton(Dice, clock, seed)
    players = providers.Singleton(
        Players,
        content=content,
        world=world,
        uow_factory=units_of_work,
        hot_state=hot_state,
        clock=clock,
        records=record_cache,
    )
    actions = providers.Singleton(Actions, locks=player_locks, uow_factory=units_of_work, players=players, clock=clock)
    # Every day: the daily reward and the bounties, which count the events of fights, crafts and trades.
    dailies = providers.Singleton(
        Dailies, uow_factory=units_of_work, players=players, actions=actions, clock=clock, reset_hour=daily_reset_hour
    )
    # Invitations: the inviter is paid when the invitee's level-up event says they reached the level.
    invitations = providers.Singleton(
        Invitations, uow_factory=units_of_work, players=players, events=events, clock=clock
    )
    counting_events = providers.Singleton(CountingEvents, events, dailies.provided.track, invitations.provided.track)

    payouts = providers.Singleton(
        Payouts,
        content=content,
        uow_factory=units_of_work,
        players=players,
        events=counting_events,
        clock=clock,
        reset_hour=daily_reset_hour,
    )
    fight_endings = providers.Singleton(FightEndings)
    surroundings = providers.Singleton(
        Surroundings, content=content, uow_factory=units_of_work, arena=boss_arena, clock=clock
    )

    # One object per feature; most read a player and run their actions the same way.
    _player_actions: ClassVar[dict[str, providers.Provider[Any]]] = dict(
        content=content, uow_factory=units_of_work, players=players, actions=actions
    )
    characters = providers.Singleton(Characters, **_player_actions, world=world, events=events, clock=clock)
    fights = providers.Singleton(
        Fights,
        **_player_actions,
        world=world,
        payouts=payouts,
        dice=dice,
        endings=fight_endings,
        events=counting_events,
    )
    exploration = providers.Singleton(
        Exploration,
        **_player_actions,
        world=world,
        payouts=payouts,
        fights=fights,
        dice=dice,
        clock=clock,
        surroundings=surroundings,
    )
    items = providers.Singleton(Items, **_player_actions)
    town = providers.Singleton(Town, **_player_actions, events=counting_events)
    skills = providers.Singleton(Skills, **_player_actions)
    leaderboards = providers.Singleton(Leaderboards, uow_factory=units_of_work)
    rifts = providers.Singleton(
        Rifts,
        **_player_actions,
        payouts=payouts,
        fights=fights,
        endings=fight_endings,
        dice=dice,
        events=events,
        clock=clock,
    )
    bosses = providers.Singleton(
        WorldBosses,
        content=content,
        world=world,
        uow_factory=units_of_work,
        players=players,
        payouts=payouts,
        arena=boss_arena,
        dice=dice,
        events=events,
        clock=clock,
        cooldown_seconds=boss_cooldown_seconds,
        settle_at_once=boss_settle_at_once,
    )
    notifications = providers.Singleton(Notifications, uow_factory=units_of_work, players=players)
    administration = providers.Singleton(
        Administration, uow_factory=units_of_work, characters=characters, rifts=rifts, bosses=bosses
    )
    maintenance = providers.Singleton(Maintenance, snapshotter=snapshotter)
    # the player economy
    exchange = providers.Singleton(
        Exchange,
        **_player_actions,
        events=events,
        clock=clock,
        rules=exchange_rules,
        reset_hour=daily_reset_hour,
    )
    trades = providers.Singleton(Trades, **_player_actions, events=events, clock=clock)

    # Players together.
    guilds = providers.Singleton(Guilds, **_player_actions, events=events, clock=clock)
    arena = providers.Singleton(Arena, **_player_actions, dice=dice, events=events, clock=clock)

    # The port, served in this process.
    game = providers.Singleton(
        InProcessGame,
        characters=characters,
        exploration=exploration,
        fights=fights,
        items=items,
        town=town,
        skills=skills,
        leaderboards=leaderboards,
        rifts=rifts,
        bosses=bosses,
        notifications=notifications,
        administration=administration,
        maintenance=maintenance,
        guilds=guilds,
        arena=arena,
        exchange=exchange,
        dailies=dailies,
        trades=trades,
        invitations=invitations,
    )
