"""Background jobs in Postgres (0032_jobs.sql): the job rows, their leases, and the chunk
transaction every piece of work commits in.

Leases are measured on Postgres' clock (clock_timestamp()), the one clock every worker shares;
the other times (create, update, finish) come from the caller's clock.

A chunk (`JobStore.chunk`) is one transaction that first locks the job row and checks that the
worker still holds the lease, that the job is still running, and that its progress is the one
the worker read (LeaseLost otherwise: nothing of the chunk commits); a job marked cancelling is
cancelled there instead (Cancelled). The caller does the chunk's work on `chunk.connection` and
ends with `chunk.advance(...)`, which moves the progress and renews the lease in the same
transaction: a chunk commits exactly once, with its progress, or not at all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass

from psycopg.rows import class_row
from psycopg.types.json import Jsonb

from core.domain import limits

RUNNABLE = ("queued", "running", "cancelling")
FINAL = ("succeeded", "failed", "cancelled")
_COMPLETE = "done_count + %(done)s + failed_count + %(failed)s >= total_count"
"""The chunk completes the job: it succeeds in the chunk's own transaction."""

_COLUMNS = ("job_id::text AS job_id, org_id, client_id, request_id, kind, state, spec, fingerprint, total_count,"
            " done_count, failed_count, cursor, error_reason, error_message, lease_owner, lease_until, create_time,"
            " start_time, update_time, finish_time, run_start_time, run_start_count")


@dataclass(frozen=True, slots=True)
class JobRow:
    job_id: str
    org_id: str
    client_id: str
    request_id: str
    kind: str
    state: str
    spec: dict
    fingerprint: str
    total_count: int
    done_count: int
    failed_count: int
    cursor: dict
    error_reason: str
    error_message: str
    lease_owner: str | None
    lease_until: dt.datetime | None
    create_time: dt.datetime
    start_time: dt.datetime | None
    update_time: dt.datetime
    finish_time: dt.datetime | None
    run_start_time: dt.datetime | None
    run_start_count: int


@dataclass(frozen=True, slots=True)
class FailureRow:
    row_index: int
    value: str
    reason: str


class LeaseLost(Exception):
    """This worker no longer holds the job (its lease ran out and another took it, or the job
    moved on or ended): the chunk was not committed."""


class Cancelled(Exception):
    """The job was marked cancelling; the chunk boundary cancelled it (committed)."""

    def __init__(self, job: JobRow) -> None:
        super().__init__(job.job_id)
        self.job = job


class JobChunk:
    """One chunk's transaction (see the module docstring)."""

    def __init__(self, connection, job: JobRow, owner: str, lease_s: float) -> None:
        self.connection = connection
        self.job = job
        self._owner = owner
        self._lease_s = lease_s
        self.advanced: JobRow | None = None

    async def advance(self, *, done: int, failed: int = 0, cursor: dict | None = None,
                      failures: Sequence[tuple[int, str, str]] = (), now: dt.datetime) -> JobRow:
        """Move the job's progress by `done` and `failed` (and to `cursor`), note its first
        failures, renew the lease (or, when the job is complete, end it as succeeded); all in
        the chunk's transaction."""
        if failures:
            room = limits.IMPORT_REJECTED_ROWS_MAX - min(self.job.failed_count, limits.IMPORT_REJECTED_ROWS_MAX)
            kept = list(failures)[:room]
            if kept:
                async with self.connection.cursor() as rows:
                    await rows.executemany(
                        "INSERT INTO job_failures (job_id, row_index, value, reason) VALUES (%s, %s, %s, %s)"
                        " ON CONFLICT DO NOTHING", [(self.job.job_id, *failure) for failure in kept])
        cursor_rows = self.connection.cursor(row_factory=class_row(JobRow))
        await cursor_rows.execute(
            f"UPDATE jobs SET done_count = done_count + %(done)s, failed_count = failed_count + %(failed)s,"
            f" cursor = cursor || COALESCE(%(cursor)s, '{{}}'::jsonb), update_time = %(now)s,"
            f" lease_until = CASE WHEN {_COMPLETE} THEN NULL"
            f" ELSE clock_timestamp() + make_interval(secs => %(lease_s)s) END,"
            f" lease_owner = CASE WHEN {_COMPLETE} THEN NULL ELSE lease_owner END,"
            f" state = CASE WHEN {_COMPLETE} THEN 'succeeded' ELSE state END,"
            f" finish_time = CASE WHEN {_COMPLETE} THEN %(now)s END"
            f" WHERE job_id = %(job_id)s RETURNING {_COLUMNS}",
            {"done": done, "failed": failed, "cursor": Jsonb(cursor) if cursor is not None else None, "now": now,
             "lease_s": self._lease_s, "job_id": self.job.job_id})
        self.advanced = await cursor_rows.fetchone()
        return self.advanced


class JobStore:
    def __init__(self, pool) -> None:
        self._pool = pool

    async def start(self, *, job_id: str, org_id: str, client_id: str, request_id: str, kind: str, spec: dict,
                    fingerprint: str, total_count: int, cursor: dict, now: dt.datetime) -> tuple[JobRow, bool]:
        """Store a new queued job; or, for a request_id that has one, that job. True if new."""
        async with self._pool.connection() as connection:
            rows = connection.cursor(row_factory=class_row(JobRow))
            await rows.execute(
                f"INSERT INTO jobs (job_id, org_id, client_id, request_id, kind, spec, fingerprint, total_count,"
                f" cursor, create_time, update_time) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
                f" ON CONFLICT (client_id, request_id) DO NOTHING RETURNING {_COLUMNS}",
                (job_id, org_id, client_id, request_id, kind, Jsonb(spec), fingerprint, total_count, Jsonb(cursor),
                 now, now))
            created = await rows.fetchone()
            if created is not None:
                return created, True
            await rows.execute(f"SELECT {_COLUMNS} FROM jobs WHERE client_id = %s AND request_id = %s",
                                 (client_id, request_id))
            return await rows.fetchone(), False

    async def get(self, *, org_id: str, job_id: str) -> JobRow | None:
        async with self._pool.connection() as connection:
            cursor = connection.cursor(row_factory=class_row(JobRow))
            await cursor.execute(f"SELECT {_COLUMNS} FROM jobs WHERE job_id = %s AND org_id = %s", (job_id, org_id))
            return await cursor.fetchone()

    async def by_request(self, *, client_id: str, request_id: str) -> JobRow | None:
        async with self._pool.connection() as connection:
            cursor = connection.cursor(row_factory=class_row(JobRow))
            await cursor.execute(f"SELECT {_COLUMNS} FROM jobs WHERE client_id = %s AND request_id = %s",
                                 (client_id, request_id))
            return await cursor.fetchone()

    async def page(self, *, org_id: str, kind: str | None, state: str | None,
                   after: tuple[dt.datetime, str] | None, limit: int) -> list[JobRow]:
        """The organisation's jobs, newest first (create_time, job_id), after `after`."""
        async with self._pool.connection() as connection:
            cursor = connection.cursor(row_factory=class_row(JobRow))
            await cursor.execute(
                f"SELECT {_COLUMNS} FROM jobs WHERE org_id = %s AND (%s::text IS NULL OR kind = %s)"
                f" AND (%s::text IS NULL OR state = %s)"
                f" AND (%s::timestamptz IS NULL OR (create_time, job_id) < (%s, %s::uuid))"
                f" ORDER BY create_time DESC, job_id DESC LIMIT %s",
                (org_id, kind, kind, state, state, after and after[0], after and after[0], after and after[1],
                 limit))
            return await cursor.fetchall()

    async def failures(self, job_id: str) -> list[FailureRow]:
        async with self._pool.connection() as connection:
            cursor = connection.cursor(row_factory=class_row(FailureRow))
            await cursor.execute("SELECT row_index, value, reason FROM job_failures WHERE job_id = %s"
                                 " ORDER BY row_index LIMIT %s", (job_id, limits.IMPORT_REJECTED_ROWS_MAX))
            return await cursor.fetchall()

    async def cancel(self, *, org_id: str, job_id: str, now: dt.datetime) -> JobRow | None:
        """Mark a runnable job: cancelled at once when no worker holds it, cancelling otherwise.
        Returns the job as it is after (None if there is none)."""
        async with self._pool.connection() as connection:
            cursor = connection.cursor(row_factory=class_row(JobRow))
            await cursor.execute(
                f"UPDATE jobs SET state = CASE WHEN lease_until IS NULL OR lease_until < clock_timestamp()"
                f" THEN 'cancelled' ELSE 'cancelling' END, update_time = %s,"
                f" finish_time = CASE WHEN lease_until IS NULL OR lease_until < clock_timestamp() THEN %s END,"
                f" lease_owner = CASE WHEN lease_until IS NULL OR lease_until < clock_timestamp() THEN NULL"
                f" ELSE lease_owner END"
                f" WHERE job_id = %s AND org_id = %s AND state IN ('queued', 'running') RETURNING {_COLUMNS}",
                (now, now, job_id, org_id))
            changed = await cursor.fetchone()
            if changed is not None:
                return changed
            await cursor.execute(f"SELECT {_COLUMNS} FROM jobs WHERE job_id = %s AND org_id = %s", (job_id, org_id))
            return await cursor.fetchone()

    async def claim(self, *, owner: str, lease_s: float, now: dt.datetime, job_id: str | None = None) -> JobRow | None:
        """Take the lease of the oldest runnable job nobody holds (or of `job_id` only), skipping
        rows another worker is claiming; None if there is none."""
        async with self._pool.connection() as connection:
            cursor = connection.cursor(row_factory=class_row(JobRow))
            await cursor.execute(
                f"UPDATE jobs j SET lease_owner = %s, lease_until = clock_timestamp() + make_interval(secs => %s),"
                f" state = CASE WHEN j.state = 'queued' THEN 'running' ELSE j.state END,"
                f" start_time = COALESCE(j.start_time, %s), run_start_time = %s, run_start_count = j.done_count,"
                f" update_time = %s"
                f" FROM (SELECT job_id FROM jobs WHERE state IN ('queued', 'running', 'cancelling')"
                f" AND (lease_until IS NULL OR lease_until < clock_timestamp())"
                f" AND (%s::uuid IS NULL OR job_id = %s::uuid)"
                f" ORDER BY create_time LIMIT 1 FOR UPDATE SKIP LOCKED) claimed"
                f" WHERE j.job_id = claimed.job_id RETURNING {_COLUMNS.replace('job_id::text', 'j.job_id::text')}",
                (owner, lease_s, now, now, now, job_id, job_id))
            return await cursor.fetchone()

    async def release(self, owner: str, job_id: str | None = None) -> int:
        """Give back the leases `owner` holds (a worker shutting down), so another worker or the
        restarted one goes on at once."""
        async with self._pool.connection() as connection:
            cursor = await connection.execute(
                "UPDATE jobs SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = %s"
                " AND state IN ('queued', 'running', 'cancelling') AND (%s::uuid IS NULL OR job_id = %s::uuid)",
                (owner, job_id, job_id))
            return cursor.rowcount

    async def finish(self, *, job_id: str, owner: str, state: str, now: dt.datetime, error_reason: str = "",
                     error_message: str = "") -> JobRow | None:
        """End the job this worker holds (None if it does not hold it any more)."""
        async with self._pool.connection() as connection:
            cursor = connection.cursor(row_factory=class_row(JobRow))
            await cursor.execute(
                f"UPDATE jobs SET state = %s, error_reason = %s, error_message = %s, update_time = %s,"
                f" finish_time = %s, lease_owner = NULL, lease_until = NULL"
                f" WHERE job_id = %s AND lease_owner = %s AND state IN ('running', 'cancelling')"
                f" RETURNING {_COLUMNS}", (state, error_reason, error_message, now, now, job_id, owner))
            return await cursor.fetchone()

    @asynccontextmanager
    async def chunk(self, job: JobRow, *, owner: str, lease_s: float, now: dt.datetime,
                    epoch_share: bool = False, finish_cancelling: bool = False) -> AsyncIterator[JobChunk]:
        """One chunk's transaction (module docstring). `epoch_share`: first take a shared lock on
        the Redis epoch row (the chunk loads Redis before its commit: a rebuild waits for it).
        `finish_cancelling`: the chunk's work is done already (outside this transaction), so a
        job marked cancelling still commits the chunk's progress, then is cancelled with it."""
        async with self._pool.connection() as connection:
            cancelled = None
            async with connection.transaction():
                if epoch_share:
                    await connection.execute("SELECT epoch FROM redis_epoch FOR SHARE")
                cursor = connection.cursor(row_factory=class_row(JobRow))
                await cursor.execute(f"SELECT {_COLUMNS} FROM jobs WHERE job_id = %s FOR UPDATE", (job.job_id,))
                current = await cursor.fetchone()
                if (current is None or current.lease_owner != owner or current.state not in ("running", "cancelling")
                        or current.done_count != job.done_count or current.failed_count != job.failed_count):
                    raise LeaseLost()
                if current.state == "cancelling" and finish_cancelling:
                    chunk = JobChunk(connection, current, owner, lease_s)
                    yield chunk
                    await cursor.execute(
                        f"UPDATE jobs SET state = 'cancelled', update_time = %s, finish_time = %s,"
                        f" lease_owner = NULL, lease_until = NULL WHERE job_id = %s AND state = 'cancelling'"
                        f" RETURNING {_COLUMNS}", (now, now, job.job_id))
                    cancelled = await cursor.fetchone() or chunk.advanced
                elif current.state == "cancelling":
                    await cursor.execute(
                        f"UPDATE jobs SET state = 'cancelled', update_time = %s, finish_time = %s,"
                        f" lease_owner = NULL, lease_until = NULL WHERE job_id = %s RETURNING {_COLUMNS}",
                        (now, now, job.job_id))
                    cancelled = await cursor.fetchone()
                else:
                    yield JobChunk(connection, current, owner, lease_s)
            if cancelled is not None:
                raise Cancelled(cancelled)
