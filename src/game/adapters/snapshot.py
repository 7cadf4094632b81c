"""Copies hot state from Redis to PostgreSQL: the changed accounts (or all of them) in one set-based write.

A run:
1. folds back the in-flight sets of runs that died (their lease lapsed) into `accounts:changed`;
2. claims the changed set by RENAMEing it to an in-flight set of its own, guarded by a lease it keeps alive;
   writes made from then on mark a fresh `accounts:changed`, so the next run picks them up;
3. reads the accounts server-side, a batch at a time: a Lua script takes the next ids (SSCAN of the in-flight
   set, or SCAN of every `account:*` in full mode) into a scratch list, and `SORT … GET account:*->field`
   returns their fields; both run in one MULTI, so Redis is blocked for one batch at most. The script keeps
   the cursor in Redis, so two batches are asked for at once: Redis reads one while the other's reply is
   received and formatted;
   The running fight is one of the fields: a fight that ended (field gone) clears the durable copy;
4. formats each batch as PostgreSQL's COPY text and streams it through ONE text COPY into a temporary table
   while the batches behind it are still being read: a task reads ahead into a bounded queue, and the COPY
   takes batches from it as they come, so Redis, Python and PostgreSQL work at once. The values go through as
   Redis holds them: a batch is checked a whole column at a time and joined, with no value converted in
   Python (see `copy_text`). The first batch is small, so the COPY starts at once. Then ONE `UPDATE … FROM`
   joins the table onto `accounts`, all in one transaction. The COPY has a savepoint: when jsonb refuses a
   (damaged) fight, the batches are read and copied again with every fight checked in Python first and the
   refused ones as NULL, so the common case pays no JSON parsing in Python;
5. deletes the in-flight set only after COMMIT; on any failure folds it back into the changed set and re-raises.

A few batches at most are held in Python, so memory does not grow with the number of accounts.
Python is the busiest of the three on a small machine, so it does the least it can: converting each value to
int/float and encoding binary COPY cost as much as the whole write. Formatting the text inside Redis (a Lua
script per batch) was tried too: Redis, single-threaded, then spent ~12 µs per account and held up the COPY.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import json
import logging
import math
import re
import time
import uuid
from collections.abc import AsyncGenerator, Sequence
from datetime import UTC, datetime
from typing import Any

import asyncpg
from redis.asyncio import Redis
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from game.adapters.redis_hot_state import ACCOUNT_KEY, CHANGED_SET, FIELDS
from game.api import SnapshotReport
from shared.ports import Clock, SystemClock

log = logging.getLogger(__name__)

ACCOUNT_PREFIX = ACCOUNT_KEY.format("")
INFLIGHT_KEY = CHANGED_SET + ":inflight:{}"  # the ids one run claimed
LEASE_KEY = INFLIGHT_KEY + ":lease"  # exists while the owning run is alive
RUNS_SET = CHANGED_SET + ":runs"  # tokens of runs holding an in-flight set, so recovery need not SCAN
BATCH_KEY = CHANGED_SET + ":batch:{}"  # the ids of the batch being read; lives only inside one MULTI
CURSOR_KEY = CHANGED_SET + ":cursor:{}"  # where a run's reading has got to; deleted when the reading ends
CURSOR_TTL_MS = 3_600_000  # if a run dies while reading, its cursor goes by itself

TEMP_TABLE = "snapshot_rows"
COLUMNS = ("player_id", "location_id", "hp", "mana", "stamina", "stamina_at", "activity", "fight")
# Serialises snapshot transactions across processes: two UPDATEs over overlapping rows could deadlock.
ADVISORY_LOCK_ID = 0x52_49_46_54  # "RIFT"

CREATE_TEMP_TABLE = text(
    f"CREATE TEMPORARY TABLE {TEMP_TABLE} ("
    "player_id bigint, location_id text, hp integer, mana integer,"
    " stamina double precision, stamina_at double precision, activity text, fight jsonb"
    ") ON COMMIT DROP"
)
UPDATE_FROM_TEMP = text(
    f"""
    UPDATE accounts AS a
    SET location_id = s.location_id, hp = s.hp, mana = s.mana, stamina = s.stamina,
        stamina_at = s.stamina_at, activity = s.activity, fight = s.fight, saved_at = :saved_at
    FROM {TEMP_TABLE} AS s
    WHERE a.player_id = s.player_id
    """
)

# Claims the changed set for one run. Returns how many ids it holds (0: nothing was changed).
CLAIM = """
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('RENAME', KEYS[1], KEYS[2])
redis.call('SET', KEYS[3], ARGV[1], 'PX', ARGV[2])
redis.call('SADD', KEYS[4], ARGV[1])
return redis.call('SCARD', KEYS[2])
"""

# Puts a run's ids back into the changed set. ARGV[2] == '1': only if the owner's lease is gone (recovery).
FOLD_BACK = """
if ARGV[2] == '1' and redis.call('EXISTS', KEYS[3]) == 1 then return 0 end
if redis.call('EXISTS', KEYS[2]) == 1 then
  if redis.call('EXISTS', KEYS[1]) == 0 then
    redis.call('RENAME', KEYS[2], KEYS[1])
  else
    redis.call('SUNIONSTORE', KEYS[1], KEYS[1], KEYS[2])
    redis.call('UNLINK', KEYS[2])
  end
end
redis.call('DEL', KEYS[3])
redis.call('SREM', KEYS[4], ARGV[1])
return 1
"""

# Forgets a run's ids once they are committed. UNLINK frees a big set off Redis's main thread.
RELEASE = """
redis.call('UNLINK', KEYS[1], KEYS[2])
redis.call('SREM', KEYS[3], ARGV[1])
return 1
"""

# Pushes the ids of the next batch onto KEYS[1]; returns the cursor after them ('0': that was the last batch),
# or 'done' when an earlier call took the last one. The cursor is kept in KEYS[2], so each call takes the batch
# after the one before it and several calls can be on their way at once: Redis reads the next batch while the
# reply to the last one crosses the network and Python formats it.
# KEYS[3]: the in-flight set; without it, every `account:<id>` key is scanned (full mode).
# `visited` bounds one call when few keys match, so Redis is never blocked for long.
PICK_BATCH = """
local want, prefix, ttl = tonumber(ARGV[1]), ARGV[2], ARGV[3]
local cursor = redis.call('GET', KEYS[2]) or '0'
if cursor == 'done' then return 'done' end
local got, visited = 0, 0
repeat
  local page
  if #KEYS == 3 then
    page = redis.call('SSCAN', KEYS[3], cursor, 'COUNT', want)
  else
    page = redis.call('SCAN', cursor, 'MATCH', prefix .. '*', 'COUNT', want)
  end
  cursor = page[1]
  visited = visited + want
  local ids = {}
  for _, item in ipairs(page[2]) do
    local id = item
    if #KEYS == 2 then id = string.sub(item, #prefix + 1) end
    if string.match(id, '^%-?%d+$') then ids[#ids + 1] = id end
  end
  for i = 1, #ids, 1000 do
    redis.call('RPUSH', KEYS[1], unpack(ids, i, math.min(i + 999, #ids)))
  end
  got = got + #ids
until cursor == '0' or got >= want or visited >= 10 * want
redis.call('SET', KEYS[2], cursor == '0' and 'done' or cursor, 'PX', ttl)
return cursor
"""

SORT_GET = ["#", *(f"{ACCOUNT_PREFIX}*->{field}" for field in FIELDS)]

_WIDTH = 1 + len(FIELDS)
_FIGHT = _WIDTH - 1  # the last field, as `fight` is the last column
_INT4 = (-(2**31), 2**31 - 1)
_INT8 = (-(2**63), 2**63 - 1)
FIRST_BATCH_ROWS = 250  # the first batch read: small, so the COPY has rows to stream at once
READ_AHEAD = 2  # batches formatted and waiting for the COPY, at most
IN_FLIGHT = 2  # batches asked of Redis and not yet received, at most
NULL = b"\\N"
_ESCAPES = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}
_UNESCAPES = {escaped: raw for raw, escaped in _ESCAPES.items()}
_TO_ESCAPE = re.compile(r"[\\\t\n\r]")
_ESCAPED = re.compile(r"\\[\\tnr]")
# A whole column at once, as Redis holds what this code writes: ids, int4s of at most 9 digits, and doubles as
# repr() writes them with a two-digit exponent at most, which PostgreSQL takes whole (no overflow, no underflow).
# Anything else, or a value missing, sends the batch down the row-by-row path, which checks each value in full.
_IDS = re.compile(rb"-?\d{1,18}(?:\t-?\d{1,18})*")
_INTS = re.compile(rb"-?\d{1,9}(?:\t-?\d{1,9})*")
_DOUBLE = rb"-?\d{1,17}(?:\.\d{1,17})?(?:e[-+]\d{1,2})?"
_DOUBLES = re.compile(_DOUBLE + rb"(?:\t" + _DOUBLE + rb")*")
_SPECIAL = (b"\\", b"\t", b"\n", b"\r", b"\x00")  # what COPY text must escape, and NUL, which no text may hold


def copy_text(flat: Sequence[Any]) -> bytes:
    """Lines of COPY text from the flat `id, location, hp, mana, stamina, stamina_at, activity, fight, …` reply.

    The fields go through as Redis holds them: a sound batch is checked a whole column at a time (C loops) and
    joined, with no value converted. A batch with anything else in it goes row by row (see `_line`).
    """
    if not flat:
        return b""
    ids, locations, hps, manas, staminas, stamina_ats, activities = (flat[i::_WIDTH] for i in range(_FIGHT))
    fights = flat[_FIGHT::_WIDTH]
    try:  # a missing value (None) makes a join raise TypeError
        numbers = (ids, [*hps, *manas], [*staminas, *stamina_ats])
        joined = [b"\t".join(column) for column in numbers]
        sound = (
            # As many values as the pattern matched: a value holding a tab of its own would add a column.
            all(text.count(b"\t") == len(column) - 1 for text, column in zip(joined, numbers, strict=True))
            and _IDS.fullmatch(joined[0])
            and _INTS.fullmatch(joined[1])
            and _DOUBLES.fullmatch(joined[2])
            and b"" not in locations
            and b"" not in activities
            and not _holds_special(b"".join([*locations, *activities]))
        )
    except TypeError:
        sound = False
    if not sound:
        lines = (_line(flat[i : i + _WIDTH]) for i in range(0, len(flat), _WIDTH))
        return sound_text(b"".join(line for line in lines if line is not None))
    present = [fight for fight in fights if fight is not None]
    if _holds_special(b"".join(present)) or not all(fight[:1] == b"{" for fight in present):
        fields = [_fight_field(fight) for fight in fights]
    else:
        fields = [NULL if fight is None else fight for fight in fights]
    rows = zip(ids, locations, hps, manas, staminas, stamina_ats, activities, fields, strict=True)
    return sound_text(b"\n".join(map(b"\t".join, rows)) + b"\n")


def _holds_special(text: bytes) -> bool:
    return any(special in text for special in _SPECIAL)


def _line(raw: Sequence[Any]) -> bytes | None:
    """One account's line, or None when its hash is gone or damaged: its durable copy stays as it was.

    A damaged fight alone does not leave its account out: it is written NULL, which is what Redis makes of it
    too (no fight), while the account's location and HP are still good.
    """
    try:
        player_id, hp, mana = int(raw[0]), int(raw[2]), int(raw[3])
        stamina, stamina_at = float(raw[4]), float(raw[5])
        location = raw[1].decode()
        activity = raw[6].decode() if raw[6] else "idle"  # older hashes have no activity yet
    except (TypeError, ValueError, AttributeError):
        return None
    valid = (
        location
        and _INT8[0] <= player_id <= _INT8[1]
        and _INT4[0] <= hp <= _INT4[1]
        and _INT4[0] <= mana <= _INT4[1]
        and math.isfinite(stamina)
        and math.isfinite(stamina_at)
        and "\x00" not in location
        and "\x00" not in activity
    )
    if not valid:
        return None
    fields = (str(player_id), escape(location), str(hp), str(mana), repr(stamina), repr(stamina_at), escape(activity))
    return "\t".join(fields).encode() + b"\t" + _fight_field(raw[_FIGHT]) + b"\n"


def _fight_field(raw: bytes | None) -> bytes:
    """The fight as a COPY text field; NULL when there is none or it is no JSON object (jsonb checks the rest)."""
    if raw is None or b"\x00" in raw:
        return NULL
    if raw[:1] != b"{" and raw.lstrip(b" \t\n\r")[:1] != b"{":
        return NULL
    if _holds_special(raw):
        try:
            return escape(raw.decode()).encode()
        except UnicodeDecodeError:
            return NULL
    return raw  # text that is not UTF-8 is found for the whole batch at once (see `sound_text`)


def escape(field: str) -> str:
    """One field as COPY text."""
    return _TO_ESCAPE.sub(lambda special: _ESCAPES[special.group()], field)


def unescape(field: str) -> str:
    """One field of COPY text as it was before `escape`."""
    return _ESCAPED.sub(lambda escaped: _UNESCAPES[escaped.group()], field)


def sound_text(lines: bytes) -> bytes:
    """COPY text as PostgreSQL takes it: a line whose fight is not UTF-8 gets NULL for it; one whose other text
    is not UTF-8 is left out. A whole batch is checked in one C call; only a damaged one goes line by line."""
    if lines.isascii():
        return lines
    try:
        lines.decode()
    except UnicodeDecodeError:
        pass
    else:
        return lines
    kept = []
    for line in lines.split(b"\n")[:-1]:
        try:
            line.decode()
        except UnicodeDecodeError:
            account, _, _ = line.rpartition(b"\t")
            try:
                account.decode()
            except UnicodeDecodeError:
                continue
            line = account + b"\t" + NULL
        kept.append(line + b"\n")
    return b"".join(kept)


def checked_fights(lines: bytes) -> bytes:
    """The COPY text with every fight through `jsonb_fight`: the refused ones become NULL."""
    kept = []
    for line in lines.split(b"\n")[:-1]:
        account, _, fight = line.rpartition(b"\t")
        if fight != NULL and jsonb_fight(unescape(fight.decode())) is None:
            fight = NULL
        kept.append(account + b"\t" + fight + b"\n")
    return b"".join(kept)


def jsonb_fight(text: str) -> str | None:
    """The fight as jsonb takes it, or None (NULL) when it is damaged or jsonb would refuse it.

    Used once jsonb has refused a batch: the batch is copied again with every fight through this, as a
    second refusal would fail this run and every run after it. The text goes through as it is; parsing
    it is only the check.
    """
    try:
        fight = _FIGHT_DECODER.decode(text)
    except (ValueError, RecursionError):  # JSONDecodeError is a ValueError
        return None
    if not isinstance(fight, dict):
        return None
    # Only a \u escape can put into a string what jsonb refuses and Python takes: NUL, a lone surrogate.
    if "\\u" in text and not _jsonb_strings(fight):
        return None
    return text


def _jsonb_float(literal: str) -> float:
    """Refuses what jsonb's numeric would overflow on (or keep past its scale), and anything a double cannot hold."""
    value = float(literal)
    if len(literal) > 64 or not math.isfinite(value) or (value == 0.0 and literal.lower().split("e")[0].strip("-0.")):
        raise ValueError(literal)
    return value


def _refuse(constant: str) -> None:
    raise ValueError(constant)  # NaN, Infinity: not JSON, and not in jsonb


# Built once: json.loads with options would build a decoder per call, which costs as much as the parse.
_FIGHT_DECODER = json.JSONDecoder(parse_float=_jsonb_float, parse_constant=_refuse)


def _jsonb_strings(value: object) -> bool:
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, dict):
            pending.extend(item)
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
        elif isinstance(item, str):
            if "\x00" in item:
                return False
            if not item.isascii():
                try:
                    item.encode()
                except UnicodeEncodeError:
                    return False
    return True


class RedisToPostgresSnapshotter:
    """`HotStateSnapshotter` on Redis and PostgreSQL (see the module docstring for the protocol).

    `redis` must return bytes (decode_responses=False), as for `RedisHotStateStore`.
    `clock` stamps `saved_at`; `chunk_rows` is the size of a batch read from Redis.
    """

    def __init__(
        self,
        redis: Redis,
        engine: AsyncEngine,
        *,
        chunk_rows: int = 1000,
        clock: Clock | None = None,
        lease_seconds: float = 30.0,
    ) -> None:
        self._redis = redis
        self._engine = engine
        self._chunk_rows = chunk_rows
        self._clock = clock or SystemClock()
        self._lease_ms = max(1, int(lease_seconds * 1000))
        self._claim = redis.register_script(CLAIM)
        self._fold_back = redis.register_script(FOLD_BACK)
        self._release = redis.register_script(RELEASE)
        self._pick_batch = redis.register_script(PICK_BATCH)

    async def run(self, *, full: bool) -> SnapshotReport:
        started = time.perf_counter()
        mode = "all" if full else "changed"
        await self.recover_abandoned()
        token = uuid.uuid4().hex
        claimed = await self._claim(keys=self._run_keys(token), args=[token, self._lease_ms])
        if not claimed and not full:
            return SnapshotReport(mode=mode, accounts_written=0, seconds=time.perf_counter() - started)
        keeper = asyncio.create_task(self._keep_lease(token)) if claimed else None
        try:
            # Full mode covers every id the claimed set holds: each was written before the claim and is read after.
            written = await self._write(token, None if full else INFLIGHT_KEY.format(token))
        except BaseException:
            if claimed:
                await self._give_back(token)
            raise
        finally:
            if keeper is not None:
                keeper.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await keeper
        if claimed:
            try:
                await self._release(keys=self._run_keys(token)[1:], args=[token])
            except Exception:  # committed already; the lapsed lease makes a later run write these ids again
                log.warning("could not forget snapshot run %s", token, exc_info=True)
        seconds = time.perf_counter() - started
        log.info("hot-state snapshot (%s): %d accounts in %.3fs", mode, written, seconds)
        return SnapshotReport(mode=mode, accounts_written=written, seconds=seconds)

    async def recover_abandoned(self) -> int:
        """Fold back in-flight sets whose run died between claiming and committing; returns how many."""
        recovered = 0
        for raw in await self._redis.smembers(RUNS_SET):
            token = raw.decode() if isinstance(raw, bytes) else raw
            if await self._fold_back(keys=self._run_keys(token), args=[token, "1"]):
                log.warning("folded back the changed marks of abandoned snapshot run %s", token)
                recovered += 1
        return recovered

    # --- PostgreSQL --------------------------------------------------------------------------

    async def _write(self, token: str, inflight_key: str | None) -> int:
        saved_at = datetime.fromtimestamp(self._clock.now(), UTC)
        keys = [BATCH_KEY.format(token), CURSOR_KEY.format(token), *([inflight_key] if inflight_key else [])]
        async with self._engine.connect() as conn:
            await conn.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": ADVISORY_LOCK_ID})
            await conn.execute(CREATE_TEMP_TABLE)
            pg: asyncpg.Connection = (await conn.get_raw_connection()).driver_connection
            try:
                async with pg.transaction():  # a savepoint: a refused fight undoes the copy only
                    await self._copy(pg, keys, check_fights=False)
            except (asyncpg.DataError, asyncpg.exceptions.ProgramLimitExceededError) as refused:
                log.warning("hot-state snapshot: a damaged fight is saved as none (%s)", refused)
                await self._copy(pg, keys, check_fights=True)
            result = await conn.execute(UPDATE_FROM_TEMP, {"saved_at": saved_at})
            await conn.commit()
            return result.rowcount

    async def _copy(self, pg: asyncpg.Connection, keys: list[str], *, check_fights: bool) -> None:
        """One text COPY, fed batch by batch while the batches behind it are still being read from Redis."""
        async with contextlib.aclosing(self._batches(keys, check_fights=check_fights)) as batches:
            await pg.copy_to_table(TEMP_TABLE, source=batches, columns=COLUMNS, format="text")

    # --- Redis -------------------------------------------------------------------------------

    async def _batches(self, keys: list[str], *, check_fights: bool) -> AsyncGenerator[bytes, None]:
        """The COPY text of every batch; a task reads ahead into a bounded queue meanwhile.

        `keys`: the scratch list of a batch, the cursor's key, and the in-flight set (none in full mode).
        """
        await self._redis.delete(keys[1])  # from the start: the rows may be read twice in one run
        queue: asyncio.Queue[bytes | BaseException | None] = asyncio.Queue(maxsize=READ_AHEAD)
        reader = asyncio.create_task(self._read_ahead(keys, queue, check_fights=check_fights))
        try:
            while (batch := await queue.get()) is not None:
                if isinstance(batch, BaseException):
                    raise batch
                yield batch
        finally:
            reader.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await reader
            with contextlib.suppress(Exception):  # else it lapses by itself
                await self._redis.delete(keys[1])

    async def _read_ahead(
        self, keys: list[str], queue: asyncio.Queue[bytes | BaseException | None], *, check_fights: bool
    ) -> None:
        """Reads batch after batch into `queue`, then None; a failure is put there for the reader to raise.

        IN_FLIGHT batches are asked for at once, so Redis reads one while the reply to another is received
        and formatted. The first batch is small, so the COPY starts at once; each next one is twice as big, up to
        `chunk_rows`.
        """
        want = min(FIRST_BATCH_ROWS, self._chunk_rows)
        asked: collections.deque[asyncio.Task[tuple[bool, list[bytes | None]]]] = collections.deque()
        more = True
        try:
            while True:
                while more and len(asked) < IN_FLIGHT:
                    asked.append(asyncio.create_task(self._fetch(keys, want)))
                    want = min(2 * want, self._chunk_rows)
                if not asked:
                    break
                await asyncio.sleep(0)  # the tasks send their requests before a batch is formatted
                last, flat = await asked.popleft()
                more = more and not last
                lines = copy_text(flat)
                if check_fights:
                    lines = checked_fights(lines)
                if lines:
                    await queue.put(lines)
            await queue.put(None)
        except Exception as failure:  # handed to the consumer, which raises it
            await queue.put(failure)
        finally:
            for task in asked:
                task.cancel()
            for task in asked:
                with contextlib.suppress(Exception, asyncio.CancelledError):
                    await task

    async def _fetch(self, keys: list[str], want: int) -> tuple[bool, list[bytes | None]]:
        """The flat `id, field, …` reply of the next batch of at most about `want` accounts, and whether it
        was the last (or came after the last)."""
        async with self._redis.pipeline(transaction=True) as pipe:
            await self._pick_batch(keys=keys, args=[want, ACCOUNT_PREFIX, CURSOR_TTL_MS], client=pipe)
            pipe.sort(keys[0], by="nosort", get=SORT_GET)
            pipe.delete(keys[0])
            cursor, flat, _ = await pipe.execute()
        return cursor in (b"0", b"done"), flat

    async def _keep_lease(self, token: str) -> None:
        lease = LEASE_KEY.format(token)
        while True:
            await asyncio.sleep(self._lease_ms / 3000)
            try:
                await self._redis.pexpire(lease, self._lease_ms)
            except Exception:  # a blip; the lease has two more chances before it lapses
                log.warning("could not renew snapshot lease %s", token, exc_info=True)

    async def _give_back(self, token: str) -> None:
        try:
            await self._fold_back(keys=self._run_keys(token), args=[token, "0"])
        except Exception:  # Redis unreachable: the lease lapses and the next run's recovery folds them back
            log.exception("could not fold back the changed marks of snapshot run %s", token)

    @staticmethod
    def _run_keys(token: str) -> list[str]:
        return [CHANGED_SET, INFLIGHT_KEY.format(token), LEASE_KEY.format(token), RUNS_SET]
