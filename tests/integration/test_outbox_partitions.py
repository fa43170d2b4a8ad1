"""The outbox partitioned by day (migration 0035, core/adapters/postgres/partitions.py
OUTBOX_EVENTS) on a real Postgres, each test in a database of its own: the migration keeps the
events (and their deliveries) in the legacy partition with their indexes, the timer makes the days
ahead, an event's insert lands in its day and a lookup by id and time reads that partition only,
event ids stay unique per partition, deliveries and retries of an unknown event are still refused,
and detach takes only days whose every event is settled."""

from __future__ import annotations

import datetime as dt
import shutil
import uuid

import psycopg
import pytest

from core.adapters.postgres import partitions
from core.adapters.postgres.migrations import MIGRATIONS_DIR, migrate
from server import bootstrap
from tests.integration.test_partitions import relations

TABLE = partitions.OUTBOX_EVENTS
D = dt.datetime(2031, 5, 30, tzinfo=dt.timezone.utc)


def day(offset: int) -> dt.datetime:
    return D + offset * partitions.DAY


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


INSERT_EVENT = ("INSERT INTO outbox_events (event_id, org_id, type, aggregate_type, aggregate_id, payload, occurred_at)"
                " VALUES (%s, 'org', 'coupon.redeemed', 'coupon', 'agg', '{}', %s) RETURNING tableoid::regclass::text")


def insert_event(database_url: str, at: dt.datetime, event_id: str | None = None) -> tuple[str, str]:
    """Insert one event; (its id, the partition that holds it)."""
    event_id = event_id or str(uuid.uuid4())
    with psycopg.connect(database_url) as connection:
        return event_id, connection.execute(INSERT_EVENT, (event_id, at)).fetchone()[0]


def webhook(connection) -> str:
    webhook_id = str(uuid.uuid4())
    connection.execute(
        "INSERT INTO webhooks (webhook_id, org_id, url, event_types, secret_sealed, version, create_time, update_time)"
        " VALUES (%s, 'org', 'https://example.com/h', '{coupon.redeemed}', '\\x00', 1, now(), now())", (webhook_id,))
    return webhook_id


def test_the_migration_keeps_events_and_deliveries_in_the_legacy_partition_with_their_indexes(stores, tmp_path):
    database_url = stores.create_database()
    before = tmp_path / "migrations"
    before.mkdir()
    for path in MIGRATIONS_DIR.glob("*.sql"):
        if int(path.name[:4]) < 35:
            shutil.copy(path, before / path.name)
    migrate(database_url, before)
    old_event, ahead_event = str(uuid.uuid4()), str(uuid.uuid4())
    now = dt.datetime.now(dt.timezone.utc)
    with psycopg.connect(database_url) as connection:
        for event_id, at in ((old_event, now - dt.timedelta(days=3)), (ahead_event, now + dt.timedelta(days=2))):
            connection.execute(INSERT_EVENT.replace(" RETURNING tableoid::regclass::text", ""), (event_id, at))
        webhook_id = webhook(connection)
        connection.execute("INSERT INTO webhook_deliveries (event_id, webhook_id, org_id, seq, next_attempt_at)"
                           " SELECT event_id, %s, org_id, seq, now() FROM outbox_events", (webhook_id,))
        seqs = connection.execute("SELECT event_id::text, seq FROM outbox_events").fetchall()

    assert 35 in migrate(database_url)

    with psycopg.connect(database_url) as connection:
        kind = connection.execute("SELECT relkind FROM pg_class WHERE relname = 'outbox_events'").fetchone()[0]
        held = dict(connection.execute("SELECT event_id::text, tableoid::regclass::text FROM outbox_events").fetchall())
        kept_seqs = connection.execute("SELECT event_id::text, seq FROM outbox_events").fetchall()
        deliveries = connection.execute("SELECT count(*) FROM webhook_deliveries").fetchone()[0]
        indexes = dict(connection.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN ('outbox_events', 'outbox_events_legacy',"
            " 'outbox_events_default')").fetchall())
        invalid = connection.execute("SELECT count(*) FROM pg_index WHERE NOT indisvalid").fetchone()[0]
        # A new event takes the next seq: the order of an aggregate's events goes on across partitions.
        (_, next_seq), = connection.execute(
            "INSERT INTO outbox_events (event_id, org_id, type, aggregate_type, aggregate_id, payload, occurred_at)"
            " VALUES (gen_random_uuid(), 'org', 'coupon.redeemed', 'coupon', 'agg', '{}', now()) RETURNING 1, seq"
        ).fetchall()
    assert kind == "p"
    assert held == {old_event: "outbox_events_legacy", ahead_event: "outbox_events_default"}
    assert sorted(kept_seqs) == sorted(seqs) and next_seq > max(seq for _, seq in seqs)
    assert deliveries == 2 and invalid == 0
    # The parent has every index the table had (under their names); the legacy partition kept its own.
    for name in ("outbox_events_undispatched", "outbox_events_aggregate_pending", "outbox_events_list",
                 "outbox_events_unmessaged"):
        assert name in indexes and " public.outbox_events USING" in indexes[name]
        assert "outbox_events_legacy" + name[len("outbox_events"):] in indexes
    assert indexes["outbox_events_legacy_request_key"].startswith("CREATE UNIQUE INDEX")
    # The legacy partition's event ids stay unique (its old primary key).
    with pytest.raises(psycopg.errors.UniqueViolation):
        insert_event(database_url, now - dt.timedelta(days=3), old_event)


async def test_days_are_made_ahead_an_event_lands_in_its_day_and_a_lookup_by_id_and_time_reads_it_alone(
        pool, database_url):
    created = await partitions.ensure_ahead(pool, TABLE, day(0), 2)
    assert created == ["outbox_events_p20310530", "outbox_events_p20310531", "outbox_events_p20310601"]
    at = day(1) + dt.timedelta(hours=5)
    event_id, partition = insert_event(database_url, at)
    assert partition == "outbox_events_p20310531"

    with psycopg.connect(database_url) as connection:
        (plan,) = connection.execute("EXPLAIN (FORMAT JSON) SELECT 1 FROM outbox_events WHERE event_id = %s"
                                     " AND occurred_at = %s", (event_id, at)).fetchone()[0]
        (claim,) = connection.execute(
            "EXPLAIN (FORMAT JSON) SELECT event_id FROM outbox_events WHERE NOT dispatched AND occurred_at >= %s"
            " ORDER BY seq LIMIT 32", (day(1),)).fetchone()[0]
    assert relations(plan["Plan"]) == {"outbox_events_p20310531"}
    assert relations(claim["Plan"]) == {"outbox_events_p20310531", "outbox_events_p20310601", "outbox_events_default"}
    # Each day partition has its own unique index on event_id.
    with pytest.raises(psycopg.errors.UniqueViolation) as duplicate:
        insert_event(database_url, at + dt.timedelta(hours=1), event_id)
    assert duplicate.value.diag.constraint_name == "outbox_events_p20310531_request_key"


async def test_a_delivery_or_a_retry_of_an_unknown_event_is_refused_as_by_the_foreign_key(database_url):
    event_id, _ = insert_event(database_url, dt.datetime.now(dt.timezone.utc))
    with psycopg.connect(database_url) as connection:
        webhook_id = webhook(connection)
        connection.execute("INSERT INTO webhook_deliveries (event_id, webhook_id, org_id, seq, next_attempt_at)"
                           " VALUES (%s, %s, 'org', 1, now())", (event_id, webhook_id))
        connection.commit()
        with pytest.raises(psycopg.errors.ForeignKeyViolation) as delivery:
            connection.execute("INSERT INTO webhook_deliveries (event_id, webhook_id, org_id, seq, next_attempt_at)"
                               " VALUES (%s, %s, 'org', 1, now())", (str(uuid.uuid4()), webhook_id))
        connection.rollback()
        with pytest.raises(psycopg.errors.ForeignKeyViolation) as retry:
            connection.execute("INSERT INTO event_retries (event_id, org_id, retry_time, request_id, client_id)"
                               " VALUES (%s, 'org', now(), 'r', 'c')", (str(uuid.uuid4()),))
    assert delivery.value.diag.constraint_name == "webhook_deliveries_event_id_fkey"
    assert retry.value.diag.constraint_name == "event_retries_event_id_fkey"


async def test_detach_takes_only_the_old_days_whose_every_event_is_settled(pool, database_url):
    await partitions.ensure_ahead(pool, TABLE, day(0), 2)
    settled, _ = insert_event(database_url, day(0) + dt.timedelta(hours=1))
    pending, _ = insert_event(database_url, day(1) + dt.timedelta(hours=1))
    with psycopg.connect(database_url) as connection:
        connection.execute("UPDATE outbox_events SET dispatched = true, messaged = true, state = 'delivered'"
                           " WHERE event_id = %s", (settled,))
        connection.execute("UPDATE outbox_events SET dispatched = true, messaged = true WHERE event_id = %s",
                           (pending,))  # Fanned out, a delivery still pending.

    listed = await partitions.detach_before(pool, TABLE, day(2), dry_run=True)
    detached = await partitions.detach_before(pool, TABLE, day(2), dry_run=False)

    # The legacy partition (everything before the migration, no event here) and day 0 go; day 1 stays.
    assert [found.name for found in listed] == [found.name for found in detached]
    assert "outbox_events_p20310530" in [found.name for found in detached]
    assert "outbox_events_p20310531" not in [found.name for found in detached]
    with psycopg.connect(database_url) as connection:
        attached = {row[0] for row in connection.execute(
            "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
            " WHERE i.inhparent = 'outbox_events'::regclass")}
        kept = connection.execute("SELECT count(*) FROM outbox_events_p20310530").fetchone()[0]
    assert "outbox_events_p20310530" not in attached and "outbox_events_p20310531" in attached
    assert kept == 1  # A detached day keeps its rows, as a plain table to archive.
