"""The game core on in-memory storage: its use cases built by the game core's own container (as
`app.containers.Container` builds them), with fakes for every driven adapter.

    game = build_game()
    await game.register(1)
    await game.exploration.travel(player_id=1, destination="meadows")
    assert game.events.of_type(CharacterCreated)

Besides the use cases it holds the fakes (`clock`, `hot`, `arena`, …) and a few helpers for what a test
does to the world behind the player's back: make a hero stronger, put them somewhere, lose Redis.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from app.game_core import GameCore
from game.adapters.content_files import load_content
from game.api import CharacterSheet, GameApi
from game.api.world import RiftInfo
from game.application.administration import Administration
from game.application.arena import Arena
from game.application.characters import Characters
from game.application.dailies import Dailies
from game.application.exchange import Exchange
from game.application.exploration import Exploration
from game.application.fights import Fights
from game.application.guilds import Guilds
from game.application.invitations import Invitations
from game.application.items import Items
from game.application.leaderboards import Leaderboards
from game.application.maintenance import Maintenance
from game.application.notifications import Notifications
from game.application.ports.unit_of_work import PlayerRecord
from game.application.rifts import Rifts
from game.application.skills import Skills
from game.application.town import Town
from game.application.trades import Trades
from game.application.world_bosses import WorldBosses
from game.domain.character import HotState
from game.domain.content import Content
from game.domain.inventory import Inventory
from tests.fakes.clock import SettableClock
from tests.fakes.event_bus import InMemoryEventBus
from tests.fakes.hot_state import FakeHotStateStore, FakePlayerLocks
from tests.fakes.snapshot import FakeSnapshotter
from tests.fakes.unit_of_work import FakeUnitOfWorkFactory
from tests.fakes.world_boss import FakeBossArena

CONTENT = load_content()


@dataclass
class FakeGame:
    content: Content
    clock: SettableClock
    uow_factory: FakeUnitOfWorkFactory
    hot: FakeHotStateStore
    locks: FakePlayerLocks
    arena: FakeBossArena
    events: InMemoryEventBus
    snapshotter: FakeSnapshotter
    # the use cases
    characters: Characters
    exploration: Exploration
    fights: Fights
    items: Items
    town: Town
    skills: Skills
    leaderboards: Leaderboards
    rifts: Rifts
    bosses: WorldBosses
    notifications: Notifications
    administration: Administration
    maintenance: Maintenance
    guilds: Guilds
    pvp: Arena  # the PvP arena (`arena` is the world bosses' fake)
    exchange: Exchange
    dailies: Dailies
    trades: Trades
    invitations: Invitations
    api: GameApi  # all of them behind the port, as the bot and the scheduler call them in process

    # --- players ------------------------------------------------------------------------------

    async def register(self, player_id: int, *, class_id: str = "warrior", name: str | None = None) -> CharacterSheet:
        return await self.characters.register(
            player_id=player_id, name=f"hero{player_id}" if name is None else name, class_id=class_id
        )

    async def record(self, player_id: int) -> PlayerRecord:
        """The player as durable storage holds it."""
        async with self.uow_factory(read_only=True) as uow:
            record = await uow.characters.load(player_id)
        assert record is not None, f"no character {player_id}"
        return record

    async def gold(self, player_id: int) -> int:
        return (await self.record(player_id)).character.gold

    async def bag(self, player_id: int) -> dict[str, int]:
        return dict((await self.record(player_id)).inventory.items)

    async def edit(self, player_id: int, *, items: dict[str, int] | None = None, **character: Any) -> PlayerRecord:
        """Change a player's durable record as an admin's SQL would: `level=10, gold=500, stats=…, items=…`
        (`items` are added to the bag; a count of 0 takes the item out)."""
        async with self.uow_factory() as uow:
            before = await uow.characters.load(player_id, for_update=True)
            assert before is not None, f"no character {player_id}"
            bag = dict(before.inventory.items)
            for item_id, count in (items or {}).items():
                bag[item_id] = bag.get(item_id, 0) + count if count else 0
            after = replace(
                before,
                character=replace(before.character, **character),
                inventory=Inventory(items={k: v for k, v in bag.items() if v > 0}, capacity=before.inventory.capacity),
            )
            version = await uow.characters.save(before, after)
            await uow.commit()
        return replace(after, version=version)

    async def empower(self, player_id: int, *, level: int = 10) -> None:
        """Strong enough to win the fights of a test quickly, and to walk any rift."""
        record = await self.record(player_id)
        stats = replace(record.character.stats, strength=400, vitality=400, agility=30)
        await self.edit(player_id, level=level, stats=stats)
        await self.heal(player_id)

    async def weaken(self, player_id: int) -> None:
        """Feeble and nearly dead: the next fight is lost."""
        record = await self.record(player_id)
        stats = replace(record.character.stats, strength=1, vitality=1, agility=1)
        await self.edit(player_id, stats=stats)
        await self.set_hot(player_id, hp=1)

    async def hot_state(self, player_id: int) -> HotState:
        state = await self.hot.get(player_id)
        assert state is not None, f"no hot state for {player_id}"
        return state

    async def set_hot(self, player_id: int, **changes: Any) -> HotState:
        """Change a player's hot state behind the game's back (`location_id=…`, `hp=…`)."""
        state = replace(await self.hot_state(player_id), **changes)
        await self.hot.put(player_id, state)
        return state

    async def place(self, player_id: int, location_id: str) -> None:
        await self.set_hot(player_id, location_id=location_id)

    async def heal(self, player_id: int) -> None:
        sheet = await self.characters.get_character(player_id=player_id)
        await self.set_hot(player_id, hp=sheet.derived.max_hp, mana=sheet.derived.max_mana)

    def claims(self, player_id: int, prefix: str = "") -> list[str]:
        """The sources that paid out to this player (durably), e.g. `claims(1, "fight:")`."""
        return sorted(
            src for pid, src in self.uow_factory.db.tables["claims"] if pid == player_id and src.startswith(prefix)
        )

    # --- the world ----------------------------------------------------------------------------

    async def open_rift(
        self, location_id: str = "meadows", *, tier: int = 1, seed: int | None = None, minutes: float = 30
    ) -> RiftInfo:
        """A rift opened now, by an admin; `seed` fixes what is inside (otherwise it is drawn at random)."""
        info = await self.rifts.open_now(location_id=location_id, tier=tier, duration_minutes=minutes)
        if seed is not None:
            rifts = self.uow_factory.db.tables["rifts"]
            rifts[info.id] = replace(rifts[info.id], seed=seed)
        return info

    @contextlib.contextmanager
    def crash_when_paying(self, source_prefix: str) -> Iterator[None]:
        """Payouts of sources starting with `source_prefix` fail midway (the process died there)."""
        self.uow_factory.db.failing_claims = (source_prefix,)
        try:
            yield
        finally:
            self.uow_factory.db.failing_claims = ()

    def lose_redis(self) -> None:
        """Redis restarted without persistence: hot state, fights and live bosses are gone."""
        self.hot.flush()
        self.arena.flush()


def build_game(
    *, seed: int = 1234, boss_cooldown_seconds: float = 10.0, clock: SettableClock | None = None
) -> FakeGame:
    clock = clock or SettableClock()
    uow_factory = FakeUnitOfWorkFactory()
    uow_factory.db.now = clock.now  # the database's clock is the game's
    hot, locks, arena, events = FakeHotStateStore(), FakePlayerLocks(), FakeBossArena(clock), InMemoryEventBus()
    snapshotter = FakeSnapshotter(hot, uow_factory.db)
    core = GameCore(
        content=CONTENT,
        uow_factory=uow_factory,
        hot_state=hot,
        player_locks=locks,
        boss_arena=arena,
        snapshotter=snapshotter,
        events=events,
        clock=clock,
        seed=seed,
        boss_cooldown_seconds=boss_cooldown_seconds,
    )
    return FakeGame(
        content=CONTENT,
        clock=clock,
        uow_factory=uow_factory,
        hot=hot,
        locks=locks,
        arena=arena,
        events=events,
        snapshotter=snapshotter,
        characters=core.characters(),
        exploration=core.exploration(),
        fights=core.fights(),
        items=core.items(),
        town=core.town(),
        skills=core.skills(),
        leaderboards=core.leaderboards(),
        rifts=core.rifts(),
        bosses=core.bosses(),
        notifications=core.notifications(),
        administration=core.administration(),
        maintenance=core.maintenance(),
        guilds=core.guilds(),
        pvp=core.arena(),
        exchange=core.exchange(),
        dailies=core.dailies(),
        trades=core.trades(),
        invitations=core.invitations(),
        api=core.game(),
    )
