"""The group-commit ledger writer against a real Postgres."""

from __future__ import annotations

import asyncio
import itertools

import psycopg
import pytest
from psycopg_pool import AsyncConnectionPool

from core.adapters.postgres.ledger_writer import LedgerWrite, LedgerWriter, Row, WriteRejected
from core.domain.errors import DomainError, ErrorReason

_ids = itertools.count(1)
COLUMNS = ("entry_id", "amount")


@pytest.fixture(scope="module")
def table(stores):
    with psycopg.connect(stores.database_url, autocommit=True) as connection:
        connection.execute(
            "CREATE TABLE IF NOT EXISTS writer_test_entries ("
            " entry_id bigint PRIMARY KEY,"
            " amount integer NOT NULL CONSTRAINT writer_test_amount_not_negative CHECK (amount >= 0))")
    return "writer_test_entries"


@pytest.fixture
async def observed_writer(pool):
    batches: list[int] = []
    writer = LedgerWriter(pool, observe_batch=lambda writes, rows, seconds: batches.append(writes))
    writer.start()
    yield writer, batches
    await writer.close()


def entry(table: str, amount: int = 1, entry_id: int | None = None) -> LedgerWrite:
    return LedgerWrite((Row(table, COLUMNS, (entry_id or next(_ids), amount)),))


async def visible(pool: AsyncConnectionPool, table: str, entry_ids: list[int]) -> set[int]:
    async with pool.connection() as connection:
        cursor = await connection.execute(
            f"SELECT entry_id FROM {table} WHERE entry_id = ANY(%s)", (entry_ids,))
        return {row[0] for row in await cursor.fetchall()}


async def test_a_thousand_concurrent_writes_land_in_far_fewer_commits(observed_writer, pool, table):
    writer, batches = observed_writer
    writes = [entry(table) for _ in range(1000)]

    await asyncio.gather(*(writer.submit(write) for write in writes))

    assert sum(batches) == 1000
    assert len(batches) <= 100, f"{len(batches)} commits for 1000 writes"
    assert len(await visible(pool, table, [w.rows[0].values[0] for w in writes])) == 1000


async def test_each_caller_resumes_only_after_its_row_is_visible_from_another_connection(
        observed_writer, stores, table):
    writer, _ = observed_writer
    async with AsyncConnectionPool(stores.database_url, min_size=4, max_size=4, open=False) as other:
        async def write_then_look(write: LedgerWrite) -> bool:
            await writer.submit(write)
            entry_id = write.rows[0].values[0]
            return entry_id in await visible(other, table, [entry_id])

        seen = await asyncio.gather(*(write_then_look(entry(table)) for _ in range(300)))

    assert all(seen)


async def test_one_bad_row_fails_only_itself(pool, table):
    batches: list[int] = []
    writer = LedgerWriter(pool, linger_ms=50, observe_batch=lambda w, r, s: batches.append(w))
    writer.start()
    try:
        writes = [entry(table, amount=1) for _ in range(99)]
        bad = entry(table, amount=-5)
        writes.insert(50, bad)

        outcomes = await asyncio.gather(*(writer.submit(w) for w in writes), return_exceptions=True)
    finally:
        await writer.close()

    rejected = outcomes.pop(50)
    assert isinstance(rejected, WriteRejected)
    assert rejected.constraint == "writer_test_amount_not_negative"
    assert outcomes == [None] * 99
    good_ids = [w.rows[0].values[0] for w in writes if w is not bad]
    assert len(await visible(pool, table, good_ids)) == 99
    assert not await visible(pool, table, [bad.rows[0].values[0]])


async def test_a_duplicate_key_in_the_same_batch_fails_only_the_second_write(pool, table):
    writer = LedgerWriter(pool, linger_ms=50)
    writer.start()
    entry_id = next(_ids)
    try:
        first, second = await asyncio.gather(writer.submit(entry(table, 1, entry_id)),
                                             writer.submit(entry(table, 2, entry_id)),
                                             return_exceptions=True)
    finally:
        await writer.close()

    assert first is None
    assert isinstance(second, WriteRejected) and second.sqlstate == "23505"


async def test_a_full_queue_answers_ledger_queue_full(pool, table):
    writer = LedgerWriter(pool, batch_writes_max=1, queue_writes_max=3, linger_ms=200)
    writer.start()
    try:
        tasks = [asyncio.create_task(writer.submit(entry(table))) for _ in range(4)]
        outcomes = await asyncio.gather(*tasks, return_exceptions=True)
    finally:
        await writer.close()

    full = [o for o in outcomes if isinstance(o, DomainError)]
    assert len(full) == 1 and full[0].reason is ErrorReason.LEDGER_QUEUE_FULL
    assert full[0].metadata == {"queue_writes_max": "3"}
    assert outcomes.count(None) == 3


async def test_close_commits_everything_queued_and_then_refuses(pool, table):
    writer = LedgerWriter(pool, linger_ms=100)
    writer.start()
    writes = [entry(table) for _ in range(20)]
    tasks = [asyncio.create_task(writer.submit(w)) for w in writes]
    await asyncio.sleep(0)

    await writer.close()

    assert await asyncio.gather(*tasks) == [None] * 20
    assert len(await visible(pool, table, [w.rows[0].values[0] for w in writes])) == 20
    with pytest.raises(DomainError) as refused:
        await writer.submit(entry(table))
    assert refused.value.reason is ErrorReason.SHUTTING_DOWN


async def test_a_lost_connection_fails_the_batch_as_unavailable_and_the_next_one_succeeds(stores, table):
    async with AsyncConnectionPool(stores.database_url, min_size=1, max_size=1, open=False,
                                   check=None) as pool:
        writer = LedgerWriter(pool)
        writer.start()
        try:
            await writer.submit(entry(table))
            async with pool.connection() as connection:
                (pid,) = await (await connection.execute("SELECT pg_backend_pid()")).fetchone()
            with psycopg.connect(stores.database_url, autocommit=True) as killer:
                killer.execute("SELECT pg_terminate_backend(%s)", (pid,))

            with pytest.raises(DomainError) as lost:
                await writer.submit(entry(table))
            assert lost.value.reason is ErrorReason.STORE_UNAVAILABLE and lost.value.transient

            await writer.submit(entry(table))
        finally:
            await writer.close()
