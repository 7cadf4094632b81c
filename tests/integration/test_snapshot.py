"""The hot-state snapshot on real Redis and PostgreSQL."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime

import pytest
import redis.asyncio as aioredis
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from game.adapters.redis_hot_state import CHANGED_SET, account_key
from game.adapters.snapshot import (
    IN_FLIGHT,
    INFLIGHT_KEY,
    LEASE_KEY,
    READ_AHEAD,
    RUNS_SET,
    TEMP_TABLE,
    RedisToPostgresSnapshotter,
)
from tests.integration.hot_state_seed import (
    LONG_AGO,
    SAVED,
    SAVED_FIGHT,
    as_saved,
    fight,
    hot,
    saved_rows,
    seed_hot,
    seed_saved,
)
from tests.unit.test_snapshot_rows import DAMAGED_FIGHTS, ODD_BUT_SOUND

NOW = 1_795_000_000.0
SAVED_AT = datetime.fromtimestamp(NOW, UTC)
SAVED_ROW = (*as_saved({k: str(v) for k, v in SAVED.items()}), LONG_AGO)


class FixedClock:
    def now(self) -> float:
        return NOW


def snapshotter(redis: aioredis.Redis, engine: AsyncEngine, **options) -> RedisToPostgresSnapshotter:
    return RedisToPostgresSnapshotter(redis, engine, clock=FixedClock(), **options)


async def changed(redis: aioredis.Redis) -> set[int]:
    return {int(i) for i in await redis.smembers(CHANGED_SET)}


async def leftovers(redis: aioredis.Redis) -> list[bytes]:
    return [key async for key in redis.scan_iter(match=f"{CHANGED_SET}:*")]


async def test_writes_only_the_changed_accounts(db: AsyncEngine, redis: aioredis.Redis) -> None:
    await seed_saved(db, range(1, 6))
    await seed_hot(redis, {i: hot(i) for i in (2, 4)})
    await seed_hot(redis, {i: hot(i) for i in (1, 3, 5)}, mark=False)

    report = await snapshotter(redis, db).run(full=False)

    assert (report.mode, report.accounts_written) == ("changed", 2)
    rows = await saved_rows(db)
    assert rows[2] == (*as_saved(hot(2)), SAVED_AT)
    assert rows[4] == (*as_saved(hot(4)), SAVED_AT)
    assert rows[1] == rows[3] == rows[5] == SAVED_ROW
    assert await changed(redis) == set()
    assert await leftovers(redis) == []


async def test_values_round_trip_exactly(db: AsyncEngine, redis: aioredis.Redis) -> None:
    await seed_saved(db, [7])
    state = {
        "location": "Тёмный лес\t\\ «north»\n",
        "hp": "-2147483648",
        "mana": "2147483647",
        "stamina": repr(0.1 + 0.2),
        "stamina_at": repr(1_795_700_077.123456789),
        "activity": "fishing 🎣",
        "fight": json.dumps({"combat": {"id": "Тёмный", "turn": 9, "crit": 0.1 + 0.2, "log": [None, True]}}),
    }
    await seed_hot(redis, {7: state})

    await snapshotter(redis, db).run(full=False)

    location, hp, mana, stamina, stamina_at, activity, saved_fight, _ = (await saved_rows(db))[7]
    assert (location, hp, mana, activity) == (state["location"], -(2**31), 2**31 - 1, state["activity"])
    assert stamina == 0.1 + 0.2 and repr(stamina) == state["stamina"]
    assert stamina_at == 1_795_700_077.123456789
    assert saved_fight == json.loads(state["fight"])


async def test_text_that_copy_must_escape_round_trips(db: AsyncEngine, redis: aioredis.Redis) -> None:
    await seed_saved(db, range(1, 4))
    fight = json.dumps(
        {"name": 'a "quoted" back\\slash\ttab\nline', "where": "Тёмный лес 🎣", "crit": 0.1 + 0.2}, ensure_ascii=False
    )
    spaced = '{\t"a":\r\n [1,\t2]}'  # JSON's own whitespace: raw tabs and line breaks between tokens
    missing = {**hot(3)}
    del missing["mana"]
    await seed_hot(redis, {1: {**hot(1), "fight": fight}, 2: {**hot(2), "fight": spaced}, 3: missing})

    assert (await snapshotter(redis, db).run(full=False)).accounts_written == 2

    rows = await saved_rows(db)
    assert rows[1][6] == json.loads(fight) and rows[2][6] == json.loads(spaced)
    assert rows[3] == SAVED_ROW  # a field missing: the account is left as it was


async def test_a_running_fight_is_saved_and_an_ended_one_cleared(db: AsyncEngine, redis: aioredis.Redis) -> None:
    await seed_saved(db, range(1, 4))
    await seed_hot(redis, {1: {**hot(1), "fight": fight(1, turn=4)}, 2: hot(2)})  # 2: its fight has ended

    assert (await snapshotter(redis, db).run(full=False)).accounts_written == 2

    rows = await saved_rows(db)
    assert rows[1][6] == json.loads(fight(1, turn=4))
    assert rows[2][6] is None
    assert rows[3][6] == json.loads(SAVED_FIGHT)  # not changed, not written


async def test_a_damaged_fight_is_saved_as_none_and_the_batch_goes_through(
    db: AsyncEngine, redis: aioredis.Redis, caplog: pytest.LogCaptureFixture
) -> None:
    values = [*DAMAGED_FIGHTS, *(f.encode() for f in ODD_BUT_SOUND)]
    ids = range(1, len(values) + 1)
    await seed_saved(db, ids)
    await seed_hot(redis, {i: {**hot(1), "fight": value} for i, value in zip(ids, values, strict=True)})

    assert (await snapshotter(redis, db, chunk_rows=7).run(full=False)).accounts_written == len(values)

    rows = await saved_rows(db)
    assert all(rows[i][:6] == as_saved(hot(1))[:6] for i in ids)  # the rest of each account is written
    assert [rows[i][6] for i in ids[: len(DAMAGED_FIGHTS)]] == [None] * len(DAMAGED_FIGHTS)
    assert [rows[i][6] for i in ids[len(DAMAGED_FIGHTS) :]] == [json.loads(f) for f in ODD_BUT_SOUND]
    assert "a damaged fight is saved as none" in caplog.text  # jsonb refused a batch, which went again checked


async def test_nothing_changed_is_a_no_op(db: AsyncEngine, redis: aioredis.Redis) -> None:
    await seed_saved(db, [1])
    report = await snapshotter(redis, db).run(full=False)
    assert report.accounts_written == 0
    assert (await saved_rows(db))[1] == SAVED_ROW


async def test_skips_damaged_and_characterless_accounts(db: AsyncEngine, redis: aioredis.Redis) -> None:
    await seed_saved(db, range(1, 8))
    await seed_hot(redis, {1: hot(1), 99: hot(99)})  # 99 has no character: ignored by the join
    await seed_hot(redis, {2: {**hot(2), "hp": "lots"}})
    await seed_hot(redis, {3: {"hp": "5"}})  # no location
    await seed_hot(redis, {4: {**hot(4), "hp": str(2**31)}})  # out of range for the column
    await seed_hot(redis, {5: {**hot(5), "stamina": "nan"}})
    await redis.set(account_key(6), "not a hash")
    await redis.sadd(CHANGED_SET, 6, 8, "junk")  # 8: hash gone
    state7 = hot(7)
    del state7["activity"]  # an older hash without it: the default applies
    await seed_hot(redis, {7: state7})

    report = await snapshotter(redis, db, chunk_rows=2).run(full=False)

    assert report.accounts_written == 2
    rows = await saved_rows(db)
    assert rows[1] == (*as_saved(hot(1)), SAVED_AT)
    assert rows[7] == (*as_saved(state7), SAVED_AT)
    assert all(rows[i] == SAVED_ROW for i in range(2, 7))
    assert await changed(redis) == set()


async def test_ten_thousand_accounts_in_one_run(db: AsyncEngine, redis: aioredis.Redis) -> None:
    ids = range(1, 10_001)
    await seed_saved(db, ids)
    await seed_hot(redis, {i: hot(i) for i in ids})

    report = await snapshotter(redis, db, chunk_rows=1000).run(full=False)

    assert report.accounts_written == 10_000
    rows = await saved_rows(db)
    assert all(rows[i] == (*as_saved(hot(i)), SAVED_AT) for i in ids)
    assert await changed(redis) == set()


async def test_full_mode_writes_accounts_never_marked(db: AsyncEngine, redis: aioredis.Redis) -> None:
    await seed_saved(db, range(1, 2001))
    await seed_hot(redis, {i: hot(i) for i in range(1, 2001)}, mark=False)
    await seed_hot(redis, {5: hot(5)})
    await redis.set("account:12:cooldowns", "x")  # other keys under the prefix are not accounts

    report = await snapshotter(redis, db, chunk_rows=300).run(full=True)

    assert (report.mode, report.accounts_written) == ("all", 2000)
    rows = await saved_rows(db)
    assert all(rows[i] == (*as_saved(hot(i)), SAVED_AT) for i in range(1, 2001))
    assert await changed(redis) == set()  # the full pass covered the marked ones
    assert await leftovers(redis) == []


async def test_marks_made_during_a_run_are_kept_for_the_next(db: AsyncEngine, redis: aioredis.Redis) -> None:
    await seed_saved(db, range(1, 4))
    await seed_hot(redis, {1: hot(1)})
    snap = snapshotter(redis, db)
    read = snap._fetch

    async def read_then_player_moves(*args, **kwargs):
        reply = await read(*args, **kwargs)
        await seed_hot(redis, {1: {**hot(1), "location": "moved"}, 2: hot(2)})
        return reply

    snap._fetch = read_then_player_moves
    assert (await snap.run(full=False)).accounts_written == 1
    assert await changed(redis) == {1, 2}

    snap._fetch = read
    assert (await snap.run(full=False)).accounts_written == 2
    assert (await saved_rows(db))[1][0] == "moved"


async def test_a_failed_write_keeps_the_marks_for_the_next_run(db: AsyncEngine, redis: aioredis.Redis) -> None:
    await seed_saved(db, range(1, 4))
    await seed_hot(redis, {i: hot(i) for i in (1, 2)})
    snap = snapshotter(redis, db)
    async with db.begin() as conn:
        await conn.execute(text("ALTER TABLE accounts RENAME TO accounts_away"))
    try:
        with pytest.raises(Exception, match="accounts"):
            await snap.run(full=False)
    finally:
        async with db.begin() as conn:
            await conn.execute(text("ALTER TABLE accounts_away RENAME TO accounts"))
    await seed_hot(redis, {3: hot(3)})  # marked while the first run failed

    assert await changed(redis) == {1, 2, 3}
    assert await leftovers(redis) == []
    assert (await snap.run(full=False)).accounts_written == 3
    assert await changed(redis) == set()


async def test_postgres_rejecting_the_update_keeps_the_marks(
    db: AsyncEngine, database_url: str, redis: aioredis.Redis
) -> None:
    await seed_saved(db, range(1, 3))
    await seed_hot(redis, {i: hot(i) for i in (1, 2)})
    impatient = create_async_engine(database_url, connect_args={"server_settings": {"lock_timeout": "200"}})
    try:
        async with db.begin() as blocker:
            await blocker.execute(text("LOCK TABLE accounts IN EXCLUSIVE MODE"))
            with pytest.raises(Exception, match="lock timeout"):
                await snapshotter(redis, impatient).run(full=False)
    finally:
        await impatient.dispose()
    assert all(row == SAVED_ROW for row in (await saved_rows(db)).values())
    assert await changed(redis) == {1, 2}
    assert (await snapshotter(redis, db).run(full=False)).accounts_written == 2


async def test_postgres_down_keeps_the_marks(db: AsyncEngine, redis: aioredis.Redis) -> None:
    await seed_hot(redis, {1: hot(1)})
    nowhere = create_async_engine("postgresql+asyncpg://postgres@127.0.0.1:1/none")
    try:
        with pytest.raises(OSError):
            await snapshotter(redis, nowhere).run(full=False)
    finally:
        await nowhere.dispose()
    assert await changed(redis) == {1}
    assert await leftovers(redis) == []


async def test_a_redis_failure_mid_run_writes_nothing_and_keeps_the_marks(
    db: AsyncEngine, redis: aioredis.Redis
) -> None:
    ids = range(1, 1001)  # past Redis's compact set encoding, which SSCAN returns in one page
    await seed_saved(db, ids)
    await seed_hot(redis, {i: hot(i) for i in ids})
    snap = snapshotter(redis, db, chunk_rows=100)
    read, calls = snap._fetch, []

    async def fails_on_the_third_batch(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise ConnectionError("Redis went away")
        return await read(*args, **kwargs)

    snap._fetch = fails_on_the_third_batch
    with pytest.raises(ConnectionError):
        await snap.run(full=False)

    assert all(row == SAVED_ROW for row in (await saved_rows(db)).values())  # one transaction: all or nothing
    assert await changed(redis) == set(ids)
    snap._fetch = read
    assert (await snap.run(full=False)).accounts_written == 1000


async def test_reading_while_copying_copies_every_account_exactly_once(db: AsyncEngine, redis: aioredis.Redis) -> None:
    ids = range(1, 3001)  # read in batches of about 250, 500, then 1000 ids while the COPY streams the ones before
    await seed_saved(db, ids)
    await seed_hot(redis, {i: hot(i) for i in ids})
    snap = snapshotter(redis, db, chunk_rows=1000)
    copy, copied = snap._copy, []

    async def copy_then_look(pg, *args, **kwargs):
        await copy(pg, *args, **kwargs)
        copied.extend(await pg.fetchval(f"SELECT array_agg(player_id ORDER BY player_id) FROM {TEMP_TABLE}"))

    snap._copy = copy_then_look
    assert (await snap.run(full=False)).accounts_written == 3000

    assert copied == list(ids)
    rows = await saved_rows(db)
    assert all(rows[i] == (*as_saved(hot(i)), SAVED_AT) for i in ids)
    assert await changed(redis) == set()


async def test_reading_stays_a_few_batches_ahead_of_a_slow_copy(db: AsyncEngine, redis: aioredis.Redis) -> None:
    ids = range(1, 2001)
    await seed_hot(redis, {i: hot(i) for i in ids})
    snap = snapshotter(redis, db, chunk_rows=10)
    fetch, fetched = snap._fetch, []

    async def counted(*args, **kwargs):
        fetched.append(1)
        return await fetch(*args, **kwargs)

    snap._fetch = counted
    batches = snap._batches(["test:batch", "test:cursor", CHANGED_SET], check_fights=False)
    first = await anext(batches)  # the COPY takes one batch, then stalls
    await asyncio.sleep(0.2)

    assert int(first.split(b"\t", 1)[0]) in ids
    assert len(fetched) <= 1 + READ_AHEAD + 1 + IN_FLIGHT  # the batch taken, the queued, one received, the asked
    await batches.aclose()
    assert await redis.exists("test:batch", "test:cursor") == 0


async def test_postgres_lost_mid_copy_writes_nothing_and_keeps_the_marks(
    db: AsyncEngine, redis: aioredis.Redis
) -> None:
    ids = range(1, 1001)
    await seed_saved(db, ids)
    await seed_hot(redis, {i: hot(i) for i in ids})
    snap = snapshotter(redis, db, chunk_rows=50)
    fetch, calls = snap._fetch, []

    async def postgres_restarts_on_the_fifth_batch(*args, **kwargs):
        calls.append(1)
        if len(calls) == 5:  # the COPY has taken rows already; its server process goes
            async with db.connect() as other:
                await other.execute(
                    text(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                        " WHERE datname = current_database() AND query LIKE 'COPY%'"
                    )
                )
        return await fetch(*args, **kwargs)

    snap._fetch = postgres_restarts_on_the_fifth_batch
    with pytest.raises(Exception, match="connection"):
        await snap.run(full=False)

    assert all(row == SAVED_ROW for row in (await saved_rows(db)).values())  # one transaction: all or nothing
    assert await changed(redis) == set(ids)
    assert await leftovers(redis) == []
    snap._fetch = fetch
    assert (await snap.run(full=False)).accounts_written == 1000


async def test_folds_back_the_marks_of_a_crashed_run(db: AsyncEngine, redis: aioredis.Redis) -> None:
    await seed_saved(db, range(1, 4))
    await seed_hot(redis, {i: hot(i) for i in (1, 2)}, mark=False)
    await redis.sadd(INFLIGHT_KEY.format("dead"), 1, 2)  # claimed, then the process died: no lease
    await redis.sadd(RUNS_SET, "dead")
    await seed_hot(redis, {3: hot(3)})

    report = await snapshotter(redis, db).run(full=False)

    assert report.accounts_written == 3
    assert await leftovers(redis) == []


async def test_leaves_a_live_run_alone(db: AsyncEngine, redis: aioredis.Redis) -> None:
    await redis.sadd(INFLIGHT_KEY.format("alive"), 1, 2)
    await redis.sadd(RUNS_SET, "alive")
    await redis.set(LEASE_KEY.format("alive"), "alive", px=10_000)

    assert await snapshotter(redis, db).recover_abandoned() == 0
    assert await redis.scard(INFLIGHT_KEY.format("alive")) == 2
    assert await changed(redis) == set()


async def test_a_lapsed_lease_is_recovered(db: AsyncEngine, redis: aioredis.Redis) -> None:
    await redis.sadd(CHANGED_SET, 3)
    await redis.sadd(INFLIGHT_KEY.format("slow"), 1, 2)
    await redis.sadd(RUNS_SET, "slow")
    await redis.set(LEASE_KEY.format("slow"), "slow", px=1)
    await asyncio.sleep(0.01)

    assert await snapshotter(redis, db).recover_abandoned() == 1
    assert await changed(redis) == {1, 2, 3}
    assert await leftovers(redis) == []
