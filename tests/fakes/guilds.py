"""`GuildRepository` in memory, with the semantics of `game/adapters/sql_guilds.py` (checked against it by
tests/contract/test_driven_ports.py)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from game.application.ports.guilds import (
    GuildBoardRecord,
    GuildRecord,
    LedgerRecord,
    MemberRecord,
    PendingRecord,
)
from tests.fakes.database import Transaction

_RANK_ORDER = {"leader": 0, "officer": 1, "member": 2}


@dataclass(frozen=True)
class GuildRow:
    guild: GuildRecord
    name_key: str
    tag_key: str


class FakeGuildRepository:
    def __init__(self, tx: Transaction) -> None:
        self._tx = tx

    # --- guilds -----------------------------------------------------------------------------------

    async def add_guild(self, guild: GuildRecord, *, name_key: str, tag_key: str) -> int | None:
        for row in self._tx.rows("guilds").values():
            if row.name_key == name_key or row.tag_key == tag_key or row.guild.invite_code == guild.invite_code:
                return None
        guild_id = self._tx.db.next_sequence()
        self._tx.write("guilds", guild_id, GuildRow(replace(guild, id=guild_id, version=0), name_key, tag_key))
        return guild_id

    async def get_guild(self, guild_id: int, *, for_update: bool = False) -> GuildRecord | None:
        if for_update and self._tx.row("guilds", guild_id) is not None:
            await self._tx.lock("guilds", guild_id)
        row = self._tx.row("guilds", guild_id)
        return row.guild if row else None

    async def guild_by_code(self, code: str) -> GuildRecord | None:
        return next((r.guild for r in self._tx.rows("guilds").values() if r.guild.invite_code == code), None)

    async def guild_by_key(self, key: str) -> GuildRecord | None:
        found = [r.guild for r in self._tx.rows("guilds").values() if key in (r.name_key, r.tag_key)]
        return min(found, key=lambda g: g.id) if found else None

    async def save_guild(self, guild: GuildRecord) -> int:
        await self._tx.lock("guilds", guild.id)
        row = self._tx.row("guilds", guild.id)
        if row is None:
            raise LookupError(f"no guild {guild.id}")
        if guild.gold < 0:
            raise ValueError("gold_not_negative")  # the CHECK constraint
        kept = replace(
            row.guild,
            level=guild.level,
            xp=guild.xp,
            gold=guild.gold,
            gold_peak=guild.gold_peak,
            leader_id=guild.leader_id,
            arena_points=guild.arena_points,
            version=row.guild.version + 1,
        )
        self._tx.write("guilds", guild.id, replace(row, guild=kept))
        return kept.version

    async def delete_guild(self, guild_id: int) -> None:
        self._tx.delete("guilds", guild_id)
        for table in ("guild_members", "guild_pending", "guild_bank", "guild_ledger"):
            for key, row in self._tx.rows(table).items():
                owner = row.guild_id if hasattr(row, "guild_id") else key[0]
                if owner == guild_id:
                    self._tx.delete(table, key)

    # --- members ----------------------------------------------------------------------------------

    def _with_character(self, member: MemberRecord) -> MemberRecord:
        row = self._tx.row("characters", member.player_id)
        c = row.character
        return replace(member, name=c.name, class_id=c.class_id, level=c.level)

    async def members(self, guild_id: int) -> list[MemberRecord]:
        mine = [self._with_character(m) for m in self._tx.rows("guild_members").values() if m.guild_id == guild_id]
        return sorted(mine, key=lambda m: (_RANK_ORDER[m.rank], m.joined_at, m.player_id))

    async def membership(self, player_id: int) -> MemberRecord | None:
        row = self._tx.row("guild_members", player_id)
        return self._with_character(row) if row else None

    async def add_member(self, member: MemberRecord) -> bool:
        # An INSERT waits for another transaction inserting the same key, then finds it there.
        await self._tx.lock("guild_members", member.player_id)
        if self._tx.row("guild_members", member.player_id) is not None:
            return False
        self._tx.write("guild_members", member.player_id, replace(member, name="", class_id="", level=0))
        return True

    async def update_member(self, member: MemberRecord) -> None:
        row = self._tx.row("guild_members", member.player_id)
        if row is None or row.guild_id != member.guild_id:
            return
        kept = replace(row, rank=member.rank, last_active=member.last_active, contributed=member.contributed)
        self._tx.write("guild_members", member.player_id, kept)

    async def remove_member(self, guild_id: int, player_id: int) -> bool:
        row = self._tx.row("guild_members", player_id)
        if row is None or row.guild_id != guild_id:
            return False
        self._tx.delete("guild_members", player_id)
        return True

    # --- pending ----------------------------------------------------------------------------------

    async def add_pending(self, pending: PendingRecord) -> None:
        key = (pending.guild_id, pending.player_id, pending.kind)
        self._tx.write(
            "guild_pending", key, PendingRecord(pending.guild_id, pending.player_id, pending.kind, pending.at)
        )

    async def remove_pending(self, guild_id: int, player_id: int, kind: str) -> bool:
        key = (guild_id, player_id, kind)
        if self._tx.row("guild_pending", key) is None:
            return False
        self._tx.delete("guild_pending", key)
        return True

    async def clear_pending(self, player_id: int) -> None:
        for key in list(self._tx.rows("guild_pending")):
            if key[1] == player_id:
                self._tx.delete("guild_pending", key)

    def _pending(self, keep: object) -> list[PendingRecord]:
        found = []
        for row in self._tx.rows("guild_pending").values():
            if not keep(row):  # type: ignore[operator]
                continue
            guild = self._tx.row("guilds", row.guild_id).guild
            player = self._tx.row("characters", row.player_id).character
            found.append(replace(row, guild_name=guild.name, guild_tag=guild.tag, player_name=player.name))
        return sorted(found, key=lambda p: (p.at, p.guild_id, p.player_id))

    async def pending_of_player(self, player_id: int) -> list[PendingRecord]:
        return self._pending(lambda p: p.player_id == player_id)

    async def pending_of_guild(self, guild_id: int, kind: str) -> list[PendingRecord]:
        return self._pending(lambda p: p.guild_id == guild_id and p.kind == kind)

    # --- the bank ---------------------------------------------------------------------------------

    async def bank_items(self, guild_id: int) -> dict[str, int]:
        return {key[1]: q for key, q in sorted(self._tx.rows("guild_bank").items()) if key[0] == guild_id}

    async def set_bank_item(self, guild_id: int, item_id: str, quantity: int) -> None:
        if quantity <= 0:
            self._tx.delete("guild_bank", (guild_id, item_id))
        else:
            self._tx.write("guild_bank", (guild_id, item_id), quantity)

    async def add_ledger(
        self, guild_id: int, *, at: float, player_id: int | None, kind: str, item_id: str | None, quantity: int
    ) -> None:
        entry_id = self._tx.db.next_sequence()
        self._tx.write(
            "guild_ledger", entry_id, LedgerRecord(entry_id, guild_id, at, player_id, None, kind, item_id, quantity)
        )

    async def ledger(self, guild_id: int, *, offset: int, limit: int) -> tuple[list[LedgerRecord], int]:
        mine = sorted(
            (r for r in self._tx.rows("guild_ledger").values() if r.guild_id == guild_id), key=lambda r: -r.id
        )
        page = []
        for r in mine[offset : offset + max(0, limit)]:
            who = self._tx.row("characters", r.player_id) if r.player_id is not None else None
            page.append(replace(r, player_name=who.character.name if who else None))
        return page, len(mine)

    # --- the board and chat -----------------------------------------------------------------------

    async def top_guilds(self, limit: int) -> list[GuildBoardRecord]:
        counts: dict[int, int] = {}
        for m in self._tx.rows("guild_members").values():
            counts[m.guild_id] = counts.get(m.guild_id, 0) + 1
        board = sorted((r.guild for r in self._tx.rows("guilds").values()), key=lambda g: (-g.level, -g.xp, g.id))
        return [GuildBoardRecord(g, counts.get(g.id, 0)) for g in board[:limit]]

    async def tags_of(self, player_ids: list[int]) -> dict[int, str]:
        found = {}
        for pid in player_ids:
            member = self._tx.row("guild_members", pid)
            guild = self._tx.row("guilds", member.guild_id) if member else None
            if guild is not None:
                found[pid] = guild.guild.tag
        return found

    async def chat_recipients(self, guild_id: int, *, muted_category: str, exclude: int) -> list[int]:
        found = []
        for m in self._tx.rows("guild_members").values():
            if m.guild_id != guild_id or m.player_id == exclude:
                continue
            settings = self._tx.row("settings", m.player_id)
            if settings is None or (settings.reachable and muted_category not in settings.muted):
                found.append(m.player_id)
        return sorted(found)
