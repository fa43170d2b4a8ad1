"""Day partitions of the tables that grow with traffic (README "Postgres growth"): list them,
create them ahead, drop the ones past retention, detach old ones.

Partitions are UTC days, named `<table>_pYYYYMMDD`, declared `FOR VALUES FROM (day) TO (day + 1)`.
Besides them a table has a DEFAULT partition (a row no day covers lands there instead of failing)
and, after its migration, `<table>_legacy` (the table as it was, FROM (MINVALUE)).

Creating is idempotent and safe from several workers at once: the work runs under a
transaction-scoped advisory lock per table, the partitions are listed again under it, and each
is made with CREATE TABLE IF NOT EXISTS ... PARTITION OF. When the default partition already holds
rows of a day (a clock ahead of the timer), that day's partition is built beside the table, the
rows are moved into it and it is attached, in one transaction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import psycopg
from psycopg import sql

DAY = dt.timedelta(days=1)
LOCK_CLASS = 1885434484
"""The first key of the advisory lock partition changes take, per table ("part")."""
LOCK_TIMEOUT_MS = 2_000
"""Creating, dropping and detaching a partition lock the table: one that waits longer (behind a
long transaction on the table, with every insert queued behind it) gives up; the next round
tries again (the days ahead leave rounds to spare)."""


@dataclass(frozen=True, slots=True)
class PartitionedTable:
    name: str
    column: str
    """The partition key: a timestamptz column."""
    expires: bool
    """Its rows are kept for the idempotency retention only (the retention job drops them)."""
    request_key: tuple[str, ...] = ()
    """Columns each partition has its own unique index on, `<partition>_request_key` (a unique
    index of the parent would have to include the partition key)."""
    unsettled: str = ""
    """A condition on its rows: a partition with such a row is not detached (its rows are still
    being worked on)."""


IDEMPOTENCY_KEYS = PartitionedTable("idempotency_keys", "create_time", expires=True,
                                    request_key=("client_id", "request_id"))
OUTBOX_EVENTS = PartitionedTable("outbox_events", "occurred_at", expires=False, request_key=("event_id",),
                                 unsettled="state = 'pending' OR NOT dispatched OR NOT messaged")
"""Migration 0035: events are history (never expired); a day is detached once all its events are
settled (delivered or parked, fanned out, messaged)."""
TABLES: tuple[PartitionedTable, ...] = (IDEMPOTENCY_KEYS, OUTBOX_EVENTS)


@dataclass(frozen=True, slots=True)
class Partition:
    table: str
    name: str
    lower: dt.datetime | None
    """None: MINVALUE (the legacy partition), or the default partition."""
    upper: dt.datetime | None
    default: bool = False

    def overlaps(self, lower: dt.datetime, upper: dt.datetime) -> bool:
        if self.default:
            return False
        return (self.lower is None or self.lower < upper) and (self.upper is None or self.upper > lower)

    def before(self, when: dt.datetime) -> bool:
        """Every row it can hold is older than `when` (the default partition never is)."""
        return not self.default and self.upper is not None and self.upper <= when


_LIST = r"""
SELECT c.relname, b.bound = 'DEFAULT',
       (regexp_match(b.bound, 'FROM \(''([^'']+)''\)'))[1]::timestamptz,
       (regexp_match(b.bound, 'TO \(''([^'']+)''\)'))[1]::timestamptz
  FROM pg_inherits i
  JOIN pg_class c ON c.oid = i.inhrelid
 CROSS JOIN LATERAL (SELECT pg_get_expr(c.relpartbound, c.oid) AS bound) b
 WHERE i.inhparent = %s::regclass
 ORDER BY 2, 3 NULLS FIRST, 1
"""


def day_of(when: dt.datetime) -> dt.datetime:
    """The start of `when`'s UTC day."""
    utc = when.astimezone(dt.timezone.utc)
    return dt.datetime(utc.year, utc.month, utc.day, tzinfo=dt.timezone.utc)


def day_partition_name(table: PartitionedTable, day: dt.datetime) -> str:
    return f"{table.name}_p{day:%Y%m%d}"


async def partitions(connection: psycopg.AsyncConnection, table: PartitionedTable) -> list[Partition]:
    """The partitions attached to `table`: the day ones (and legacy) in time order, the default last."""
    cursor = await connection.execute(_LIST, (table.name,))
    return [Partition(table.name, name, lower, upper, default)
            for name, default, lower, upper in await cursor.fetchall()]


async def ensure_ahead(pool, table: PartitionedTable, now: dt.datetime, days_ahead: int) -> list[str]:
    """Make sure the days from `now`'s through `days_ahead` days later have partitions; return
    the names of those this call created (none when another worker made them)."""
    days = [day_of(now) + index * DAY for index in range(days_ahead + 1)]
    async with pool.connection() as connection:
        async with connection.transaction():
            existing = await partitions(connection, table)
        if all(_covered(existing, day) for day in days):
            return []  # The usual case: no lock taken.
        created = []
        async with connection.transaction():
            await _lock(connection, table)
            existing = await partitions(connection, table)  # Again, under the lock.
            for day in days:
                if not _covered(existing, day):
                    created.append(await _create_day(connection, table, day, existing))
        return created


async def drop_before(pool, table: PartitionedTable, cutoff: dt.datetime) -> tuple[list[str], int]:
    """Retention: drop the partitions whose every row is older than `cutoff` and delete the
    default partition's rows older than it. Returns (dropped partitions, deleted default rows)."""
    async with pool.connection() as connection:
        async with connection.transaction():
            await _lock(connection, table)
            found = await partitions(connection, table)
            dropped = [partition.name for partition in found if partition.before(cutoff)]
            for name in dropped:
                await connection.execute(sql.SQL("DROP TABLE {}").format(sql.Identifier(name)))
            deleted = 0
            for partition in found:
                if partition.default:
                    cursor = await connection.execute(
                        sql.SQL("DELETE FROM {} WHERE {} < %s").format(
                            sql.Identifier(partition.name), sql.Identifier(table.column)), (cutoff,))
                    deleted += cursor.rowcount
        return dropped, deleted


async def detach_before(pool, table: PartitionedTable, before: dt.datetime, *, dry_run: bool) -> list[Partition]:
    """Detach the partitions whose every row is older than `before` (they stay as plain tables,
    to archive or drop) and, for a table with an `unsettled` condition, none of whose rows meets
    it; with dry_run, only list them."""
    async with pool.connection() as connection:
        async with connection.transaction():
            await _lock(connection, table)
            chosen = [partition for partition in await partitions(connection, table) if partition.before(before)
                      and not await _has_unsettled(connection, table, partition)]
            if not dry_run:
                for partition in chosen:
                    await connection.execute(sql.SQL("ALTER TABLE {} DETACH PARTITION {}").format(
                        sql.Identifier(table.name), sql.Identifier(partition.name)))
        return chosen


async def _has_unsettled(connection: psycopg.AsyncConnection, table: PartitionedTable, partition: Partition) -> bool:
    if not table.unsettled:
        return False
    cursor = await connection.execute(sql.SQL("SELECT EXISTS (SELECT 1 FROM {} WHERE {})").format(
        sql.Identifier(partition.name), sql.SQL(table.unsettled)))
    return (await cursor.fetchone())[0]


async def _lock(connection: psycopg.AsyncConnection, table: PartitionedTable) -> None:
    """The table's partition lock (waiting for another worker's round), then the lock timeout for the table's locks."""
    await connection.execute("SELECT pg_advisory_xact_lock(%s, hashtext(%s))", (LOCK_CLASS, table.name))
    await connection.execute(sql.SQL("SET LOCAL lock_timeout = {}").format(sql.Literal(f"{LOCK_TIMEOUT_MS}ms")))


def _covered(existing: list[Partition], day: dt.datetime) -> bool:
    return any(partition.overlaps(day, day + DAY) for partition in existing)


async def _create_day(connection: psycopg.AsyncConnection, table: PartitionedTable, day: dt.datetime,
                      existing: list[Partition]) -> str:
    name = day_partition_name(table, day)
    bounds = (day, day + DAY)
    default = next((partition.name for partition in existing if partition.default), None)
    stray = False
    if default is not None:
        cursor = await connection.execute(sql.SQL("SELECT EXISTS (SELECT 1 FROM {} WHERE {} >= %s AND {} < %s)").format(
            sql.Identifier(default), sql.Identifier(table.column), sql.Identifier(table.column)), bounds)
        stray = (await cursor.fetchone())[0]
    if not stray:
        await connection.execute(sql.SQL(
            "CREATE TABLE IF NOT EXISTS {} PARTITION OF {} FOR VALUES FROM ({}) TO ({})").format(
            sql.Identifier(name), sql.Identifier(table.name), sql.Literal(bounds[0]), sql.Literal(bounds[1])))
        await _request_key(connection, table, name)
        return name
    # The default partition holds rows of this day: move them into the new partition, then attach it.
    await connection.execute(sql.SQL("CREATE TABLE {} (LIKE {} INCLUDING DEFAULTS)").format(
        sql.Identifier(name), sql.Identifier(table.name)))
    await _request_key(connection, table, name)
    await connection.execute(sql.SQL(
        "WITH moved AS (DELETE FROM {default} WHERE {column} >= %s AND {column} < %s RETURNING *)"
        " INSERT INTO {name} SELECT * FROM moved").format(
        default=sql.Identifier(default), column=sql.Identifier(table.column), name=sql.Identifier(name)), bounds)
    await connection.execute(sql.SQL("ALTER TABLE {} ATTACH PARTITION {} FOR VALUES FROM ({}) TO ({})").format(
        sql.Identifier(table.name), sql.Identifier(name), sql.Literal(bounds[0]), sql.Literal(bounds[1])))
    return name


@dataclass(frozen=True, slots=True)
class Maintenance:
    created: list[str]
    dropped: list[str]
    expired_rows: int
    skew_s: float | None = None
    """Set when the retention was skipped: the clock was this far from Postgres' (seconds)."""


async def maintain(pool, now: dt.datetime, *, retention_s: int, days_ahead: int, skew_max_s: float | None = None,
                   tables: tuple[PartitionedTable, ...] = TABLES) -> Maintenance:
    """One round of the partition timer (server/app.py): every table's partitions ahead, and the
    expiring tables' partitions and default rows older than the retention dropped. With
    `skew_max_s`, nothing is dropped when `now` is further than that from Postgres' clock (a
    worker whose clock ran ahead must not drop records still within their retention)."""
    skew_s = None
    if skew_max_s is not None:
        async with pool.connection() as connection:
            cursor = await connection.execute("SELECT now()")
            skew_s = (now - (await cursor.fetchone())[0]).total_seconds()
        if abs(skew_s) <= skew_max_s:
            skew_s = None
    created, dropped, expired = [], [], 0
    for table in tables:
        created += await ensure_ahead(pool, table, now, days_ahead)
        if table.expires and skew_s is None:
            names, rows = await drop_before(pool, table, now - dt.timedelta(seconds=retention_s))
            dropped += names
            expired += rows
    return Maintenance(created, dropped, expired, skew_s)


def request_key_name(partition: str) -> str:
    return f"{partition}_request_key"


async def _request_key(connection: psycopg.AsyncConnection, table: PartitionedTable, partition: str) -> None:
    if table.request_key:
        await connection.execute(sql.SQL("CREATE UNIQUE INDEX IF NOT EXISTS {} ON {} ({})").format(
            sql.Identifier(request_key_name(partition)), sql.Identifier(partition),
            sql.SQL(", ").join(map(sql.Identifier, table.request_key))))
