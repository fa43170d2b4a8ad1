"""Day partitions of idempotency_keys (migration 0030, core/adapters/postgres/partitions.py) on a
real Postgres, each test in a database of its own (retention drops what is old on its clock):
the migration keeps the records and their guard, partitions are made ahead once by concurrent
workers, retention drops whole days, detach takes old days away (and the CLI lists them first),
a lookup by key and time reads one partition, and one record per (client, request) holds across
partitions, concurrently too."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import shutil
import subprocess
import sys

import psycopg
import pytest

from core.adapters.idempotency import LOOKUP, LOOKUP_AT, PRIMARY_KEY, is_record_conflict
from core.adapters.postgres import partitions
from core.adapters.postgres.migrations import MIGRATIONS_DIR, migrate
from server import bootstrap

TABLE = partitions.IDEMPOTENCY_KEYS
D = dt.datetime(2031, 5, 30, tzinfo=dt.timezone.utc)
"""A UTC midnight; the month ends two days later."""


@pytest.fixture
def database_url(stores):
    url = stores.create_database()
    migrate(url)
    return url


@pytest.fixture
async def pool(database_url):
    pool = await bootstrap.open_pool(database_url, size_max=4)
    yield pool
    await pool.close()


def insert_record(database_url: str, client_id: str, request_id: str, at: dt.datetime) -> str:
    """Insert one record; return the partition that holds it."""
    with psycopg.connect(database_url) as connection:
        return connection.execute(
            "INSERT INTO idempotency_keys (client_id, request_id, method, fingerprint, outcome, create_time)"
            " VALUES (%s, %s, 'M', '\\x01'::bytea, '{}'::jsonb, %s) RETURNING tableoid::regclass::text",
            (client_id, request_id, at)).fetchone()[0]


def records(database_url: str, client_id: str) -> list[tuple[str, dt.datetime]]:
    with psycopg.connect(database_url) as connection:
        return connection.execute("SELECT request_id, create_time FROM idempotency_keys WHERE client_id = %s"
                                  " ORDER BY create_time", (client_id,)).fetchall()


def names(found) -> list[str]:
    return [partition.name for partition in found]


async def listed(pool) -> list[partitions.Partition]:
    async with pool.connection() as connection:
        return await partitions.partitions(connection, TABLE)


def day(offset: int) -> dt.datetime:
    return D + offset * partitions.DAY


# --- the migration ------------------------------------------------------------------------------

def test_the_migration_keeps_existing_records_in_the_legacy_partition_with_their_guard(stores, tmp_path):
    database_url = stores.create_database()
    before = tmp_path / "migrations"
    before.mkdir()
    for path in MIGRATIONS_DIR.glob("*.sql"):
        if int(path.name[:4]) < 30:
            shutil.copy(path, before / path.name)
    migrate(database_url, before)
    with psycopg.connect(database_url) as connection:
        connection.execute(
            "INSERT INTO idempotency_keys (client_id, request_id, method, fingerprint, outcome)"
            " VALUES ('old', 'r1', 'M', '\\x01', '{\"result\": 1}'), ('old', 'r2', 'M', '\\x02', '{\"result\": 2}')")

    assert 30 in migrate(database_url)

    with psycopg.connect(database_url) as connection:
        kind = connection.execute("SELECT relkind FROM pg_class WHERE relname = 'idempotency_keys'").fetchone()[0]
        held = connection.execute("SELECT request_id, outcome, tableoid::regclass::text FROM idempotency_keys"
                                  " ORDER BY request_id").fetchall()
    assert kind == "p"
    assert held == [("r1", {"result": 1}, "idempotency_keys_legacy"), ("r2", {"result": 2}, "idempotency_keys_legacy")]
    # The old key's uniqueness holds for the migrated rows against a record of any later day...
    with pytest.raises(psycopg.errors.UniqueViolation) as duplicate:
        insert_record(database_url, "old", "r1", dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=5))
    assert duplicate.value.diag.constraint_name == PRIMARY_KEY
    assert duplicate.value.diag.table_name == "idempotency_keys"
    # ... and of the legacy partition itself, which has its own unique index (the old primary key's columns).
    with pytest.raises(psycopg.errors.UniqueViolation) as same:
        insert_record(database_url, "old", "r2", dt.datetime(2001, 1, 1, tzinfo=dt.timezone.utc))
    assert same.value.diag.constraint_name == PRIMARY_KEY
    with psycopg.connect(database_url) as connection:
        (index,) = connection.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'idempotency_keys_legacy_request_key'"
                                      ).fetchone()
    assert index.startswith("CREATE UNIQUE INDEX") and index.endswith("(client_id, request_id)")


# --- partitions ahead ---------------------------------------------------------------------------

async def test_four_workers_creating_partitions_ahead_at_once_make_each_day_once(pool, database_url):
    made = await asyncio.gather(*(partitions.ensure_ahead(pool, TABLE, day(0) + dt.timedelta(hours=23), 3)
                                  for _ in range(4)))

    expected = ["idempotency_keys_p20310530", "idempotency_keys_p20310531", "idempotency_keys_p20310601",
                "idempotency_keys_p20310602"]
    assert sorted(name for created in made for name in created) == expected
    found = {partition.name: partition for partition in await listed(pool)}
    assert [(found[name].lower, found[name].upper) for name in expected] == [(day(i), day(i + 1)) for i in range(4)]
    assert await partitions.ensure_ahead(pool, TABLE, day(0), 3) == []
    with psycopg.connect(database_url) as connection:
        keyed = {row[0] for row in connection.execute("SELECT tablename FROM pg_indexes WHERE indexname = tablename"
                                                      " || '_request_key' AND indexdef LIKE 'CREATE UNIQUE INDEX%'")}
    assert set(expected) | {"idempotency_keys_default", "idempotency_keys_legacy"} <= keyed
    assert insert_record(database_url, "c", "r", day(2) + dt.timedelta(hours=5)) == "idempotency_keys_p20310601"


async def test_a_day_whose_rows_landed_in_the_default_partition_gets_them_moved_into_its_own(pool, database_url):
    assert insert_record(database_url, "c", "early", day(1) + dt.timedelta(minutes=1)) == "idempotency_keys_default"

    assert await partitions.ensure_ahead(pool, TABLE, day(0), 1) == ["idempotency_keys_p20310530",
                                                                     "idempotency_keys_p20310531"]

    with psycopg.connect(database_url) as connection:
        where = connection.execute("SELECT tableoid::regclass::text FROM idempotency_keys WHERE request_id = 'early'"
                                   ).fetchone()[0]
        trigger = connection.execute("SELECT count(*) FROM pg_trigger WHERE tgrelid = 'idempotency_keys_p20310531'"
                                     "::regclass AND tgname = 'idempotency_keys_one_per_request'").fetchone()[0]
        index = connection.execute("SELECT count(*) FROM pg_indexes WHERE indexname = "
                                   "'idempotency_keys_p20310531_request_key'").fetchone()[0]
    assert where == "idempotency_keys_p20310531"
    assert trigger == 1 and index == 1  # The attached partition has the guard too.
    with pytest.raises(psycopg.errors.UniqueViolation):
        insert_record(database_url, "c", "early", day(0))


# --- retention ----------------------------------------------------------------------------------

async def test_retention_drops_a_day_only_once_its_every_record_is_past_retention(pool, database_url):
    await partitions.ensure_ahead(pool, TABLE, day(0), 2)
    insert_record(database_url, "ret", "day0-late", day(1) - dt.timedelta(microseconds=1))
    insert_record(database_url, "ret", "day1", day(1) + dt.timedelta(hours=1))
    insert_record(database_url, "ret", "stray-old", day(-30))  # In the default partition.
    insert_record(database_url, "ret", "stray-new", day(40))
    retention_s = 24 * 3600

    # 23 h 59 min after the last record of day 0: nothing of day 0 is past retention yet.
    kept = await partitions.maintain(pool, day(1) + dt.timedelta(hours=23, minutes=59), retention_s=retention_s,
                                     days_ahead=1)
    assert "idempotency_keys_p20310530" not in kept.dropped
    assert kept.expired_rows == 1  # stray-old
    assert [request for request, _ in records(database_url, "ret")] == ["day0-late", "day1", "stray-new"]

    dropped = await partitions.maintain(pool, day(2), retention_s=retention_s, days_ahead=1)

    assert "idempotency_keys_p20310530" in dropped.dropped
    assert "idempotency_keys_legacy" in dropped.dropped + kept.dropped  # Its range ended before 2031.
    assert [request for request, _ in records(database_url, "ret")] == ["day1", "stray-new"]
    assert "idempotency_keys_p20310530" not in names(await listed(pool))
    # A request id sent again after its record's retention is a new request: its record is taken.
    assert insert_record(database_url, "ret", "day0-late", day(2)) == "idempotency_keys_p20310601"


async def test_a_clock_far_from_postgres_drops_nothing(pool, database_url):
    await partitions.ensure_ahead(pool, TABLE, day(0), 1)
    insert_record(database_url, "skew", "r", day(0) + dt.timedelta(hours=1))

    done = await partitions.maintain(pool, day(5), retention_s=24 * 3600, days_ahead=1, skew_max_s=3600)

    assert done.skew_s is not None and done.skew_s > 3600 and done.dropped == [] and done.expired_rows == 0
    assert done.created == ["idempotency_keys_p20310604", "idempotency_keys_p20310605",  # Creating ahead is safe.
                            "outbox_events_p20310604", "outbox_events_p20310605"]
    assert len(records(database_url, "skew")) == 1


async def test_a_partition_change_behind_a_long_transaction_gives_up_instead_of_queueing_inserts(pool, database_url):
    async with await psycopg.AsyncConnection.connect(database_url) as long_running:
        await long_running.execute("LOCK TABLE idempotency_keys IN ROW EXCLUSIVE MODE")  # As an insert holds it.
        with pytest.raises(psycopg.errors.LockNotAvailable):  # Not a wait as long as the transaction's.
            await asyncio.wait_for(partitions.ensure_ahead(pool, TABLE, day(0), 0), 60)
        await long_running.rollback()

    assert await partitions.ensure_ahead(pool, TABLE, day(0), 0) == ["idempotency_keys_p20310530"]


# --- detach -------------------------------------------------------------------------------------

async def test_detach_lists_first_then_detaches_the_old_days_which_keep_their_rows(pool, database_url):
    await partitions.ensure_ahead(pool, TABLE, day(0), 2)
    insert_record(database_url, "det", "a", day(0) + dt.timedelta(hours=3))

    listing = await partitions.detach_before(pool, TABLE, day(2), dry_run=True)
    assert "idempotency_keys_p20310530" in names(listing) and "idempotency_keys_p20310531" in names(listing)
    assert "idempotency_keys_p20310601" not in names(listing)
    assert set(names(listing)) <= set(names(await listed(pool)))

    detached = await partitions.detach_before(pool, TABLE, day(2), dry_run=False)

    assert names(detached) == names(listing)
    assert not set(names(detached)) & set(names(await listed(pool)))
    assert records(database_url, "det") == []
    with psycopg.connect(database_url) as connection:
        assert connection.execute("SELECT request_id FROM idempotency_keys_p20310530").fetchall() == [("a",)]


def cli(database_url: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "server.cli", "partitions", *args], capture_output=True, text=True,
                          timeout=120, env={**os.environ, "DATABASE_URL": database_url})


async def test_the_detach_command_lists_with_dry_run_and_refuses_days_within_retention(pool, database_url):
    with psycopg.connect(database_url) as connection:
        # The legacy partition covers every day before the migration's: gone, as two days later.
        connection.execute("DROP TABLE idempotency_keys_legacy")
    await partitions.ensure_ahead(pool, TABLE, dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc), 3)

    dry = cli(database_url, "detach", "--before", "2020-01-03", "--dry-run")
    assert dry.returncode == 0, dry.stderr
    listed_dry = [json.loads(line) for line in dry.stdout.splitlines()]
    assert [(row["partition"], row["detached"]) for row in listed_dry] == [
        ("idempotency_keys_p20200101", False), ("idempotency_keys_p20200102", False)]
    assert listed_dry[0]["from"] == "2020-01-01T00:00:00+00:00" and listed_dry[0]["to"] == "2020-01-02T00:00:00+00:00"
    assert "idempotency_keys_p20200101" in names(await listed(pool))

    done = cli(database_url, "detach", "--before", "2020-01-03")
    assert done.returncode == 0, done.stderr
    assert [json.loads(line)["detached"] for line in done.stdout.splitlines()] == [True, True]
    assert "idempotency_keys_p20200101" not in names(await listed(pool))

    today = dt.datetime.now(dt.timezone.utc).date().isoformat()
    refused = cli(database_url, "detach", "--before", today, "--dry-run")
    assert refused.returncode == 2
    assert "REWARDS_IDEMPOTENCY_RETENTION_S" in refused.stderr


# --- the hot path: one partition ----------------------------------------------------------------

def relations(plan: dict) -> set[str]:
    found = {plan["Relation Name"]} if "Relation Name" in plan else set()
    for child in plan.get("Plans", ()):
        found |= relations(child)
    return found


async def test_a_lookup_by_key_and_time_reads_one_partition_and_an_insert_lands_in_its_days(pool, database_url):
    await partitions.ensure_ahead(pool, TABLE, day(0), 3)
    at = day(1) + dt.timedelta(hours=7, microseconds=5)
    assert insert_record(database_url, "hot", "r", at) == "idempotency_keys_p20310531"

    with psycopg.connect(database_url) as connection:
        (plan,) = connection.execute("EXPLAIN (FORMAT JSON) " + LOOKUP_AT, ("hot", "r", at)).fetchone()[0]
        (wide,) = connection.execute("EXPLAIN (FORMAT JSON) " + LOOKUP, ("hot", "r")).fetchone()[0]
        found = connection.execute(LOOKUP_AT, ("hot", "r", at)).fetchone()

    assert relations(plan["Plan"]) == {"idempotency_keys_p20310531"}
    assert found is not None
    # Without the time every live partition is probed (the reason the done marker carries it).
    assert "idempotency_keys_p20310531" in relations(wide["Plan"]) and len(relations(wide["Plan"])) > 1


# --- one record per request, across partitions --------------------------------------------------

INSERT = ("INSERT INTO idempotency_keys (client_id, request_id, method, fingerprint, outcome, create_time)"
          " VALUES (%s, 'r', 'M', '\\x01', '{}', %s)")


async def advisory_locks(connection) -> int:
    cursor = await connection.execute("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
                                      " AND pid = pg_backend_pid()")
    return (await cursor.fetchone())[0]


@pytest.mark.parametrize(("first_at", "second_at", "constraint", "locks"), [
    # Across midnight (both within the hour around it): the key's lock orders them; the guard refuses.
    (day(0) + dt.timedelta(hours=23, minutes=30), day(1) + dt.timedelta(minutes=30), PRIMARY_KEY, 1),
    # In one partition, far from midnight: no lock; the partition's unique index waits and refuses.
    (day(0) + dt.timedelta(hours=12), day(0) + dt.timedelta(hours=12, seconds=1),
     "idempotency_keys_p20310530_request_key", 0),
], ids=["across-midnight", "same-day"])
async def test_a_concurrent_second_record_of_a_request_waits_for_the_first_and_is_refused(
        pool, database_url, first_at, second_at, constraint, locks):
    await partitions.ensure_ahead(pool, TABLE, day(0), 2)
    client_id = "conc-" + constraint[-12:]
    async with await psycopg.AsyncConnection.connect(database_url) as first, \
            await psycopg.AsyncConnection.connect(database_url) as second:
        await first.execute(INSERT, (client_id, first_at))
        assert await advisory_locks(first) == locks  # Far from midnight a batch holds no lock per record.

        async def late() -> None:
            await second.execute(INSERT, (client_id, second_at))
            await second.commit()

        racing = asyncio.create_task(late())
        await asyncio.sleep(0.3)
        assert not racing.done()  # It waits for the first insert's transaction.
        await first.commit()
        with pytest.raises(psycopg.errors.UniqueViolation) as refused:
            await racing

    assert refused.value.diag.constraint_name == constraint and is_record_conflict(constraint)
    assert records(database_url, client_id) == [("r", first_at)]


async def test_a_later_record_of_a_committed_request_in_another_partition_is_refused(pool, database_url):
    await partitions.ensure_ahead(pool, TABLE, day(0), 3)
    insert_record(database_url, "seq", "r", day(0) + dt.timedelta(hours=12))

    for later in (day(1) + dt.timedelta(hours=12), day(3), day(90)):  # The next days, the default partition.
        with pytest.raises(psycopg.errors.UniqueViolation) as refused:
            insert_record(database_url, "seq", "r", later)
        assert refused.value.diag.constraint_name == PRIMARY_KEY
    assert len(records(database_url, "seq")) == 1


async def test_the_fence_sees_a_record_of_another_partition(pool, database_url):
    from core.adapters.idempotency import IdempotencyStore

    await partitions.ensure_ahead(pool, TABLE, day(0), 2)
    insert_record(database_url, "fence", "done", day(0) + dt.timedelta(hours=1))
    store = IdempotencyStore(None, None, pool)  # type: ignore[arg-type] - fence uses Postgres only.
    next_day_ms = int((day(1) + dt.timedelta(hours=2)).timestamp() * 1000)

    assert await store.fence("fence", "done", next_day_ms) is False
    assert await store.fence("fence", "never", next_day_ms) is True
    assert await store.fence("fence", "never", next_day_ms + 1) is False
    assert [request for request, _ in records(database_url, "fence")] == ["done", "never"]
