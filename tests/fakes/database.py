"""What PostgreSQL gives the game, in memory: tables of immutable rows, transactions and row locks.

A `Transaction` behaves like PostgreSQL's default (read committed): it reads the committed rows and
its own writes, keeps its writes to itself until `commit`, and drops them if it ends without one.
`lock` is `SELECT … FOR UPDATE`: the row stays locked until the transaction ends, and another
transaction that asks for it waits.
"""

from __future__ import annotations

import asyncio
import itertools
import time
from collections import defaultdict
from collections.abc import Callable, Hashable
from typing import Any

_GONE = object()  # a row this transaction deleted


class FakeDatabase:
    """Committed rows, one dict per table keyed like the table's primary key."""

    def __init__(self) -> None:
        self.tables: dict[str, dict[Hashable, Any]] = defaultdict(dict)
        self.row_locks: dict[tuple[str, Hashable], asyncio.Lock] = defaultdict(asyncio.Lock)
        self.lock_holders: dict[tuple[str, Hashable], tuple[Transaction, asyncio.Task[Any] | None]] = {}
        self._sequence = itertools.count(1)
        # Claims of sources starting with one of these fail as a dropped connection would: a crash mid-action.
        self.failing_claims: tuple[str, ...] = ()
        # PostgreSQL's `now()`, for what it stamps (a claim's time): the machine's, or a test's clock.
        self.now: Callable[[], float] = time.time

    def next_sequence(self) -> int:
        """Increasing numbers, for what PostgreSQL orders by time of insertion (`created_at`)."""
        return next(self._sequence)

    def transaction(self, *, read_only: bool = False) -> Transaction:
        return Transaction(self, read_only=read_only)


class Transaction:
    def __init__(self, db: FakeDatabase, *, read_only: bool) -> None:
        self.db = db
        self.read_only = read_only
        self._writes: dict[str, dict[Hashable, Any]] = defaultdict(dict)
        self._held: list[tuple[str, Hashable]] = []

    # --- reading ------------------------------------------------------------------------------

    def row(self, table: str, key: Hashable) -> Any | None:
        mine = self._writes[table].get(key)
        if mine is _GONE:
            return None
        return mine if mine is not None else self.db.tables[table].get(key)

    def rows(self, table: str) -> dict[Hashable, Any]:
        merged = {**self.db.tables[table], **self._writes[table]}
        return {k: v for k, v in merged.items() if v is not _GONE}

    # --- writing ------------------------------------------------------------------------------

    def write(self, table: str, key: Hashable, row: Any) -> None:
        self._refuse_if_read_only()
        self._writes[table][key] = row

    def delete(self, table: str, key: Hashable) -> None:
        self._refuse_if_read_only()
        self._writes[table][key] = _GONE

    def _refuse_if_read_only(self) -> None:
        # Stricter than PostgreSQL, whose read-only connection would commit each write on its own:
        # a use case that writes through a read-only unit of work is a mistake worth failing on.
        if self.read_only:
            raise RuntimeError("a read-only unit of work writes nothing")

    # --- locking ------------------------------------------------------------------------------

    async def lock(self, table: str, key: Hashable) -> None:
        """Lock a row until this transaction ends, waiting for whoever holds it."""
        name = (table, key)
        if name in self._held:
            return
        holder = self.db.lock_holders.get(name)
        if holder is not None and holder[0] is not self and holder[1] is asyncio.current_task():
            # PostgreSQL would wait for ever: the holder is a caller of this very code path.
            raise RuntimeError(f"deadlock: {table} row {key!r} is locked by an enclosing unit of work")
        lock = self.db.row_locks[name]
        await lock.acquire()
        if self.read_only:
            lock.release()  # no transaction: the lock lasts as long as the statement
            return
        self._held.append(name)
        self.db.lock_holders[name] = (self, asyncio.current_task())

    # --- ending -------------------------------------------------------------------------------

    def commit(self) -> None:
        if self.read_only:
            raise RuntimeError("a read-only unit of work cannot commit")
        for table, writes in self._writes.items():
            committed = self.db.tables[table]
            for key, row in writes.items():
                if row is _GONE:
                    committed.pop(key, None)
                else:
                    committed[key] = row
        self._writes.clear()
        self._release()

    def rollback(self) -> None:
        self._writes.clear()
        self._release()

    def _release(self) -> None:
        for name in self._held:
            self.db.lock_holders.pop(name, None)
            self.db.row_locks[name].release()
        self._held.clear()
