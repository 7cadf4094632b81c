"""The game core's container: its use cases, each built from the collaborators it names, assembled once.

Its dependencies are the driven adapters (storage, hot state, locks, the boss arena, events, clock);
`app.containers.Container` gives it the real ones, tests may give it fakes.
"""

from __future__ import annotations

from dependency_injector import containers, providers

from game.application.actions import Actions
from game.application.administration import Administration
from game.application.characters import Characters
from game.application.dice import Dice
from game.application.exploration import Exploration
from game.application.fight_endings import FightEndings
from game.application.fights import Fights
from game.application.items import Items
from game.application.leaderboards import Leaderboards
from game.application.maintenance import Maintenance
from game.application.notifications import Notifications
from game.application.payouts import Payouts
from game.application.players import Players
from game.application.rifts import Rifts
from game.application.skills import Skills
from game.application.town import Town
from game.application.world_bosses import WorldBosses
from game.domain.world import WorldMap
from game.domain.world_boss import ATTACK_COOLDOWN_SECONDS
from game.entrypoints.inprocess import InProcessGame


class GameCore(containers.DeclarativeContainer):
    content = providers.Dependency()
    uow_factory = providers.Dependency()
    hot_state = providers.Dependency()
    player_locks = providers.Dependency()
    boss_arena = providers.Dependency()
    snapshotter = providers.Dependency()
    events = providers.Dependency()
    clock = providers.Dependency()
    seed = providers.Object(None)
    boss_cooldown_seconds = providers.Object(ATTACK_COOLDOWN_SECONDS)

    # What the use cases share.
    world = providers.Singleton(WorldMap, content)
    dice = providers.Singleton(Dice, clock, seed)
    players = providers.Singleton(Players, content=content, world=world, uow_factory=uow_factory, hot_state=hot_state)
    actions = providers.Singleton(Actions, locks=player_locks, uow_factory=uow_factory, players=players)
    payouts = providers.Singleton(Payouts, content=content, uow_factory=uow_factory, players=players, events=events)
    fight_endings = providers.Singleton(FightEndings)

    # One object per feature.
    characters = providers.Singleton(
        Characters,
        content=content,
        world=world,
        uow_factory=uow_factory,
        players=players,
        actions=actions,
        events=events,
        clock=clock,
    )
    fights = providers.Singleton(
        Fights,
        content=content,
        world=world,
        uow_factory=uow_factory,
        players=players,
        actions=actions,
        payouts=payouts,
        dice=dice,
        endings=fight_endings,
    )
    exploration = providers.Singleton(
        Exploration,
        content=content,
        world=world,
        uow_factory=uow_factory,
        players=players,
        actions=actions,
        payouts=payouts,
        fights=fights,
        dice=dice,
        clock=clock,
    )
    items = providers.Singleton(Items, content=content, uow_factory=uow_factory, players=players, actions=actions)
    town = providers.Singleton(Town, content=content, uow_factory=uow_factory, players=players, actions=actions)
    skills = providers.Singleton(Skills, content=content, uow_factory=uow_factory, players=players, actions=actions)
    leaderboards = providers.Singleton(Leaderboards, uow_factory=uow_factory)
    rifts = providers.Singleton(
        Rifts,
        content=content,
        uow_factory=uow_factory,
        players=players,
        actions=actions,
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
        uow_factory=uow_factory,
        players=players,
        payouts=payouts,
        arena=boss_arena,
        dice=dice,
        events=events,
        clock=clock,
        cooldown_seconds=boss_cooldown_seconds,
    )
    notifications = providers.Singleton(Notifications, uow_factory=uow_factory, players=players)
    administration = providers.Singleton(
        Administration, uow_factory=uow_factory, characters=characters, rifts=rifts, bosses=bosses
    )
    maintenance = providers.Singleton(Maintenance, snapshotter=snapshotter)

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
    )
