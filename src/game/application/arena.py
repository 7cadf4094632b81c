"""The arena: finding an opponent, fighting their ghost, the ladder, and the weekly season's end.

A fight is played out first (from both builds as they are now) and then applied in one transaction
that holds the season's row shared and both ratings' rows locked (in id order): fights against the same
ghost queue on its rating, and a season closing (which holds the season's row exclusively) waits for the
fights running and is waited for by the next, so each fight counts in exactly one season.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

from game.api import rule_refusal
from game.api.arena import (
    ArenaFightView,
    ArenaLadder,
    ArenaOpponent,
    ArenaResult,
    ArenaStanding,
    ArenaView,
    SeasonPrize,
    SeasonReport,
)
from game.api.errors import GameError
from game.application.actions import Actions
from game.application.dice import Dice
from game.application.players import Players
from game.application.ports.arena import FightRecord, RatingRecord, SeasonResult
from game.application.ports.unit_of_work import PlayerRecord, UnitOfWork, UnitOfWorkFactory
from game.domain import arena as rules
from game.domain.character import sum_bonuses
from game.domain.combat import Fighter, player_fighter
from game.domain.content import Content
from game.domain.skills import active_skills, passive_skills
from shared.events import ArenaDefended
from shared.ports import Clock, EventBus

log = logging.getLogger(__name__)

ARENA = "arena"  # the notification category a defender mutes the results with
REVENGE_DAYS = 3
RECENT = 5
CANDIDATES = 20
LADDER_MAX = 50


def refused(reason: str, message: str, **details: object) -> GameError:
    return rule_refusal(rules.ArenaRefused.code, message, {"reason": reason, **details})


@dataclass(frozen=True, kw_only=True)
class Arena:
    content: Content
    uow_factory: UnitOfWorkFactory
    players: Players
    actions: Actions
    dice: Dice
    events: EventBus
    clock: Clock
    daily_cap: int = rules.DAILY_CAP

    # --- reading ----------------------------------------------------------------------------------

    async def arena(self, *, player_id: int) -> ArenaView:
        async with self.uow_factory(read_only=True) as uow:
            return await self._view(uow, player_id)

    async def arena_ladder(self, *, player_id: int | None = None, limit: int = 10) -> ArenaLadder:
        async with self.uow_factory(read_only=True) as uow:
            season = await self._season_now(uow)
            rows = await uow.arena.ladder(limit=max(1, min(limit, LADDER_MAX)))
            tags = await uow.guilds.tags_of([r.player_id for r in rows])
            top = [_standing(r, rank, tags.get(r.player_id)) for rank, r in enumerate(rows, start=1)]
            me = await self._standing(uow, player_id) if player_id is not None else None
        return ArenaLadder(season=season, top=top, me=me)

    # --- finding and fighting -------------------------------------------------------------------------

    async def find_opponent(self, *, player_id: int) -> ArenaView:
        now = self.clock.now()
        async with self.actions.one_at_a_time(player_id), self.uow_factory() as uow:
            record = await self.players.record(uow, player_id)
            mine = await self._rating(uow, player_id, for_update=True)
            if rules.fights_left(mine.fights_today, mine.day, rules.day_of(now), self.daily_cap) <= 0:
                raise refused("daily_cap", "no arena fights left today", cap=self.daily_cap)
            rng = self.dice.rng("arena-match", player_id, mine.games, mine.fights_today, now)
            opponent = None
            for band in rules.bands(mine.rating, record.character.level):
                found = await uow.arena.candidates(
                    rating_low=band.rating_low,
                    rating_high=band.rating_high,
                    level_low=band.level_low,
                    level_high=band.level_high,
                    exclude=player_id,
                    limit=CANDIDATES,
                    start=rules.START_RATING,
                )
                opponent = rules.pick(found, rng)
                if opponent is not None:
                    break
            if opponent is None:
                raise refused("no_opponent", "nobody to fight yet")
            await uow.arena.save_rating(replace(mine, offer_id=opponent))
            await uow.commit()
        async with self.uow_factory(read_only=True) as uow:
            return await self._view(uow, player_id)

    async def arena_fight(self, *, player_id: int, opponent_id: int) -> ArenaResult:
        if opponent_id == player_id:
            raise refused("self", "one cannot fight one's own ghost")
        now = self.clock.now()
        today = rules.day_of(now)
        async with self.actions.one_at_a_time(player_id):
            # The duel, from both builds as they are now (no locks held while it is played).
            async with self.uow_factory(read_only=True) as uow:
                me = await self.players.record(uow, player_id)
                them = await uow.characters.load(opponent_id)
                if them is None:
                    raise refused("not_offered", "that is no opponent of yours", opponent=opponent_id)
                before = await uow.arena.rating(player_id)
                await self._check_allowed(uow, player_id, opponent_id, before, now)
            games = before.games if before else 0
            fight_key = self.dice.rng("arena", player_id, opponent_id, games, now).getrandbits(64)
            challenger, defender = rules.arena_pair(
                self.ghost(me), me.character.class_id, self.ghost(them), them.character.class_id
            )
            duel = rules.duel(
                challenger,
                defender,
                self.content,
                self.dice.rng("duel", fight_key),
                fight_id=str(fight_key),
            )
            # The ratings, applied once, under the locks.
            async with self.uow_factory() as uow:
                season = await uow.arena.season(start=rules.season_of(now))
                for pid in sorted((player_id, opponent_id)):
                    await uow.arena.ensure_rating(pid, rating=rules.START_RATING, day=today)
                locked = {
                    pid: await self._rating(uow, pid, for_update=True) for pid in sorted((player_id, opponent_id))
                }
                mine, theirs = locked[player_id], locked[opponent_id]
                await self._check_allowed(uow, player_id, opponent_id, mine, now)  # again, now that it is ours
                won = duel.winner == "challenger"
                if won:
                    my_after, their_after = rules.rated(mine.rating, theirs.rating, mine.games, theirs.games)
                else:
                    their_after, my_after = rules.rated(theirs.rating, mine.rating, theirs.games, mine.games)
                fights_today = mine.fights_today + 1 if mine.day == today else 1
                await uow.arena.save_rating(
                    replace(
                        mine,
                        rating=my_after,
                        games=mine.games + 1,
                        season_wins=mine.season_wins + won,
                        season_losses=mine.season_losses + (not won),
                        day=today,
                        fights_today=fights_today,
                        offer_id=None,
                    )
                )
                await uow.arena.save_rating(
                    replace(
                        theirs,
                        rating=their_after,
                        games=theirs.games + 1,
                        season_wins=theirs.season_wins + (not won),
                        season_losses=theirs.season_losses + won,
                    )
                )
                record = FightRecord(
                    id=0,
                    season=season,
                    at=now,
                    challenger_id=player_id,
                    defender_id=opponent_id,
                    winner_id=player_id if won else opponent_id,
                    rounds=duel.rounds,
                    challenger_before=mine.rating,
                    challenger_after=my_after,
                    defender_before=theirs.rating,
                    defender_after=their_after,
                )
                fight_id = await uow.arena.add_fight(record)
                await uow.arena.mark_avenged(player_id, opponent_id)
                told = ARENA not in await uow.settings.muted(opponent_id)
                await uow.commit()
        record = replace(record, id=fight_id, challenger_name=me.character.name, defender_name=them.character.name)
        if told:
            await self.events.publish(
                ArenaDefended(
                    fight_id=fight_id,
                    defender_id=opponent_id,
                    challenger_id=player_id,
                    challenger_name=me.character.name,
                    defender_won=not won,
                    rating_change=their_after - theirs.rating,
                    rating=their_after,
                )
            )
        await self._arena_point(record.winner_id)
        async with self.uow_factory(read_only=True) as uow:
            view = await self._view(uow, player_id)
        return ArenaResult(fight=_fight(record), won=won, arena=view)

    async def _check_allowed(
        self, uow: UnitOfWork, player_id: int, opponent_id: int, mine: RatingRecord | None, now: float
    ) -> None:
        """The opponent is the one found for the player, or one who beat them lately; fights are left today."""
        if mine is not None and rules.fights_left(mine.fights_today, mine.day, rules.day_of(now), self.daily_cap) <= 0:
            raise refused("daily_cap", "no arena fights left today", cap=self.daily_cap)
        offered = mine is not None and mine.offer_id == opponent_id
        if not offered and opponent_id not in await uow.arena.revenge_targets(
            player_id, since=now - REVENGE_DAYS * 86400
        ):
            raise refused("not_offered", "that is no opponent of yours", opponent=opponent_id)

    def ghost(self, record: PlayerRecord) -> Fighter:
        """A player's build as the arena fights it: stats, gear and learned skills, at full health (the
        arena's rules go on when the pairing is known: `rules.arena_pair`)."""
        derived = self.players.derived(record)
        gear = record.equipment.item_defs(self.content.items)
        bonus = sum_bonuses(
            [i.bonuses for i in gear] + [s.bonuses for s in passive_skills(self.content, record.skills)]
        )
        build = player_fighter(
            derived=derived,
            hp=derived.max_hp,
            mana=derived.max_mana,
            agility=record.character.stats.agility + bonus.agility,
            level=record.character.level,
            skills=active_skills(self.content, record.skills),
        )
        return build

    async def _arena_point(self, winner_id: int) -> None:
        """A win is a point for the winner's guild (its own small transaction: a guild's row is never locked
        while ratings are)."""
        async with self.uow_factory() as uow:
            member = await uow.guilds.membership(winner_id)
            guild = await uow.guilds.get_guild(member.guild_id, for_update=True) if member else None
            if guild is None:
                return
            await uow.guilds.save_guild(replace(guild, arena_points=guild.arena_points + 1))
            await uow.commit()

    # --- the season's end -------------------------------------------------------------------------------

    async def close_arena_season(self) -> SeasonReport:
        now = self.clock.now()
        due = rules.season_of(now)
        prizes: list[SeasonPrize] = []
        async with self.uow_factory() as uow:
            season = await uow.arena.season(start=due, exclusive=True)
            if due <= season:
                return SeasonReport(closed=None, season=season, prizes=[])
            for rank, row in enumerate(await uow.arena.ladder(limit=len(rules.SEASON_PRIZES)), start=1):
                gold = rules.prize(rank)
                if not await uow.arena.add_result(SeasonResult(season, row.player_id, rank, row.rating, gold)):
                    continue  # paid already
                if gold and await uow.characters.claim(row.player_id, f"arena-season:{season}"):
                    before = await self.players.record(uow, row.player_id, for_update=True)
                    paid = replace(before.character, gold=before.character.gold + gold)
                    await uow.characters.save(before, replace(before, character=paid))
                prizes.append(SeasonPrize(player_id=row.player_id, rank=rank, rating=row.rating, gold=gold))
            await uow.arena.reset_season(start=rules.START_RATING)
            await uow.arena.set_season(due)
            await uow.commit()
        log.info("arena season %s closed: %d prizes", season, len(prizes))
        return SeasonReport(closed=season, season=due, prizes=prizes)

    # --- helpers --------------------------------------------------------------------------------------

    async def _season_now(self, uow: UnitOfWork) -> int:
        """The season as players see it: the clock's, even before the job has opened it."""
        return rules.season_of(self.clock.now())

    async def _rating(self, uow: UnitOfWork, player_id: int, *, for_update: bool = False) -> RatingRecord:
        await self.players.record(uow, player_id)
        found = await uow.arena.rating(player_id, for_update=for_update)
        if found is None:
            await uow.arena.ensure_rating(player_id, rating=rules.START_RATING, day=rules.day_of(self.clock.now()))
            found = await uow.arena.rating(player_id, for_update=for_update)
        assert found is not None
        return found

    async def _standing(self, uow: UnitOfWork, player_id: int) -> ArenaStanding:
        record = await self.players.record(uow, player_id)
        found = await uow.arena.rating(player_id)
        c = record.character
        if found is None:
            found = RatingRecord(player_id, rules.START_RATING, 0, 0, 0, 0, 0, None)
        rank = await uow.arena.rank_of(player_id)
        tag = (await uow.guilds.tags_of([player_id])).get(player_id)
        return _standing(replace(found, name=c.name, class_id=c.class_id, level=c.level), rank, tag)

    async def _view(self, uow: UnitOfWork, player_id: int) -> ArenaView:
        now = self.clock.now()
        me = await self._standing(uow, player_id)
        found = await uow.arena.rating(player_id)
        left = (
            rules.fights_left(found.fights_today, found.day, rules.day_of(now), self.daily_cap)
            if found
            else self.daily_cap
        )
        offer = await self._opponent(uow, found.offer_id) if found and found.offer_id else None
        revenge = [
            o
            for pid in await uow.arena.revenge_targets(player_id, since=now - REVENGE_DAYS * 86400)
            if (o := await self._opponent(uow, pid)) is not None
        ]
        season = rules.season_of(now)
        return ArenaView(
            me=me,
            fights_left=left,
            daily_cap=self.daily_cap,
            season=season,
            season_seconds_left=max(0, int(rules.season_ends(season) - now)),
            offer=offer,
            revenge=revenge,
            recent=[_fight(f) for f in await uow.arena.fights_of(player_id, limit=RECENT)],
        )

    async def _opponent(self, uow: UnitOfWork, player_id: int) -> ArenaOpponent | None:
        character = await uow.characters.get(player_id)
        if character is None:
            return None
        found = await uow.arena.rating(player_id)
        return ArenaOpponent(
            player_id=player_id,
            name=character.name,
            class_id=character.class_id,
            level=character.level,
            rating=found.rating if found else rules.START_RATING,
        )


def _standing(r: RatingRecord, rank: int | None, tag: str | None = None) -> ArenaStanding:
    return ArenaStanding(
        player_id=r.player_id,
        name=r.name,
        class_id=r.class_id,
        level=r.level,
        rating=r.rating,
        provisional=rules.provisional(r.games),
        wins=r.season_wins,
        losses=r.season_losses,
        rank=rank,
        guild_tag=tag,
    )


def _fight(f: FightRecord) -> ArenaFightView:
    return ArenaFightView(
        id=f.id,
        season=f.season,
        at=f.at,
        challenger_id=f.challenger_id,
        challenger_name=f.challenger_name,
        defender_id=f.defender_id,
        defender_name=f.defender_name,
        winner_id=f.winner_id,
        rounds=f.rounds,
        challenger_change=f.challenger_after - f.challenger_before,
        defender_change=f.defender_after - f.defender_before,
        challenger_rating=f.challenger_after,
        defender_rating=f.defender_after,
    )
