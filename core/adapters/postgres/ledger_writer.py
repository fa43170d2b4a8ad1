"""Group-commit ledger writer: one transaction for whatever arrived while the last commit ran.

Every mutating handler hands its rows (ledger rows plus its idempotency record) to `enqueue` and
gets a future that settles only with its transaction's outcome; `submit` awaits it. Throughput
comes from batching, not from more connections: while one commit is in flight, new writes queue
up, and the next transaction takes all of them (up to `batch_writes_max`).

The outcome is never guessed (DESIGN.md section 5, "the commit decides"):
- committed: the future's result is None;
- known not committed (Postgres refused it, the transaction rolled back, or the connection was
  lost before COMMIT was sent): the future raises WriteRejected or STORE_UNAVAILABLE;
- unknown (the connection was lost while COMMIT was in flight): the future stays pending while
  the writer reads the transaction's fate with `pg_xact_status` (its id was read before COMMIT)
  once Postgres answers, then settles as above.
A batch that fails on a row-level error (a unique or check constraint, bad data) is retried one
write per transaction, so a bad write fails only itself.

Each write has a deadline (LEDGER_WRITE_DEADLINE_MS after it was queued): a write still queued
then fails as not committed, and a batch's statements are cancelled by the earliest deadline of
its writes (statement_timeout), so no write commits after the recovery sweep may have released its
Redis reservation.
"""

from __future__ import annotations

import asyncio
import collections
import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import psycopg
from psycopg import sql
from psycopg_pool import AsyncConnectionPool, PoolTimeout

from core.adapters.tracing import commit_span
from core.domain import limits
from core.domain.errors import DomainError, ErrorReason

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Row:
    """One row to insert. `table` and `columns` come from code, never from a request."""

    table: str
    columns: tuple[str, ...]
    values: tuple


@dataclass(frozen=True, slots=True)
class LedgerWrite:
    """All rows of one request: committed together or not at all."""

    rows: tuple[Row, ...]
    replaces: tuple[str, str] | None = None
    """(client id, request id) of an abandoned idempotency record (see IdempotencyStore.fence) this
    write's record takes the place of, deleted in the same transaction."""


class WriteRejected(Exception):
    """Postgres refused this write's rows (a constraint or bad data); the rest of its batch landed."""

    def __init__(self, sqlstate: str | None, constraint: str | None, table: str | None) -> None:
        self.sqlstate = sqlstate
        self.constraint = constraint
        self.table = table
        super().__init__(f"write rejected: sqlstate={sqlstate} constraint={constraint} table={table}")


class _Unknown(Exception):
    """COMMIT was sent but its answer was lost or an error: the transaction may have committed."""

    def __init__(self, xid: str) -> None:
        self.xid = xid
        super().__init__(f"outcome of transaction {xid} unknown")


BatchObserver = Callable[[int, int, float], None]
"""Called after each committed batch with (writes, rows, commit seconds)."""

_ROW_ERRORS = (psycopg.errors.IntegrityError, psycopg.errors.DataError)
_NOT_COMMITTED = (psycopg.OperationalError, psycopg.errors.InterfaceError, TimeoutError, PoolTimeout)
"""Failures before COMMIT was sent (or a statement cancelled by the batch's deadline): nothing of the
batch landed."""
_ABANDONED_DELETE = ("DELETE FROM idempotency_keys WHERE client_id = %s AND request_id = %s"
                     " AND outcome ? 'abandoned'")
_ROLLED_BACK = (psycopg.errors.DeadlockDetected, psycopg.errors.SerializationFailure)
"""Postgres rolled the batch back to resolve a conflict with another transaction: e.g. two writes of
one batch lock two coupons' rows in the opposite order of a concurrent bulk revocation."""


class LedgerWriter:
    def __init__(self, pool: AsyncConnectionPool, *,
                 batch_writes_max: int = limits.LEDGER_BATCH_WRITES_MAX,
                 queue_writes_max: int = limits.LEDGER_QUEUE_WRITES_MAX,
                 linger_ms: int = limits.LEDGER_LINGER_MS_DEFAULT,
                 observe_batch: BatchObserver | None = None) -> None:
        assert batch_writes_max >= 1 and queue_writes_max >= batch_writes_max
        self._pool = pool
        self._batch_writes_max = batch_writes_max
        self._queue_writes_max = queue_writes_max
        self._linger_s = linger_ms / 1000
        self._observe_batch = observe_batch
        self._queue: collections.deque[tuple[LedgerWrite, asyncio.Future, float]] = collections.deque()
        self._write_deadline_s = limits.LEDGER_WRITE_DEADLINE_MS / 1000
        self._resolving: set[asyncio.Task] = set()
        self._wakeup = asyncio.Event()
        self._closing = False
        self._task: asyncio.Task | None = None
        self._statements: dict[tuple[str, tuple[str, ...]], sql.Composed] = {}

    def start(self) -> None:
        assert self._task is None
        self._task = asyncio.get_running_loop().create_task(self._run(), name="ledger-writer")

    @property
    def queued_writes(self) -> int:
        return len(self._queue)

    def enqueue(self, write: LedgerWrite) -> asyncio.Future:
        """Queue `write`; the future settles with its transaction's outcome: None once committed,
        WriteRejected or DomainError (STORE_UNAVAILABLE) once known not committed. Cancelling an
        await of it changes nothing: the write stays queued and its outcome still settles it."""
        if self._closing:
            raise DomainError(ErrorReason.SHUTTING_DOWN)
        if len(self._queue) >= self._queue_writes_max:
            raise DomainError(ErrorReason.LEDGER_QUEUE_FULL,
                              metadata={"queue_writes_max": self._queue_writes_max})
        loop = asyncio.get_running_loop()
        future = loop.create_future()
        self._queue.append((write, future, loop.time() + self._write_deadline_s))
        self._wakeup.set()
        return future

    @commit_span
    async def submit(self, write: LedgerWrite) -> None:
        """Queue `write`; return once it is committed. Raises WriteRejected or DomainError."""
        # A cancelled caller must not cancel the commit others share: shield the future.
        await asyncio.shield(self.enqueue(write))

    async def close(self) -> None:
        """Refuse new writes, commit everything queued, wait for unknown outcomes to be read
        (bounded: what is still unknown then is left to the recovery sweep), stop."""
        self._closing = True
        self._wakeup.set()
        if self._task is not None:
            await self._task
            self._task = None
        if self._resolving:
            await asyncio.wait(self._resolving, timeout=self._write_deadline_s)

    async def _run(self) -> None:
        while True:
            if not self._queue:
                if self._closing:
                    return
                self._wakeup.clear()
                await self._wakeup.wait()
                continue
            if self._linger_s and len(self._queue) < self._batch_writes_max and not self._closing:
                await asyncio.sleep(self._linger_s)
            batch = self._take_batch()
            if not batch:
                continue
            try:
                await self._commit_batch(batch)
            except Exception:
                log.exception("ledger batch failed unexpectedly")
                _fail_all(batch, DomainError(ErrorReason.STORE_UNAVAILABLE))

    def _take_batch(self) -> list[tuple[LedgerWrite, asyncio.Future, float]]:
        """The next batch; writes past their deadline fail (not committed) instead of joining it."""
        now = asyncio.get_running_loop().time()
        batch = []
        while self._queue and len(batch) < self._batch_writes_max:
            entry = self._queue.popleft()
            if entry[2] <= now:
                if not entry[1].done():
                    entry[1].set_exception(DomainError(ErrorReason.STORE_UNAVAILABLE,
                                                       metadata={"store": "postgres"}))
                continue
            batch.append(entry)
        return batch

    async def _commit_batch(self, batch: list[tuple[LedgerWrite, asyncio.Future, float]]) -> None:
        started = time.perf_counter()
        try:
            await self._commit([write for write, *_ in batch], min(entry[2] for entry in batch))
        except _Unknown as unknown:
            log.warning("ledger batch of %d writes: connection lost during COMMIT; reading its outcome",
                        len(batch))
            self._resolve_later(unknown.xid, batch, started)
            return
        except _ROW_ERRORS:
            await self._commit_one_by_one(batch)
            return
        except _ROLLED_BACK as error:
            # Nothing of the batch landed: run each write on its own (a write that still conflicts
            # alone fails transiently, STORE_UNAVAILABLE, and its caller's retry runs it again).
            log.warning("ledger batch of %d writes rolled back, retried one by one: %s", len(batch), error)
            await self._commit_one_by_one(batch)
            return
        except (*_NOT_COMMITTED, DomainError) as error:
            log.warning("ledger batch of %d writes not committed: %s", len(batch), error)
            _fail_all(batch, _unavailable(error))
            return
        self._observe(len(batch), sum(len(write.rows) for write, *_ in batch), started)
        _succeed_all(batch)

    async def _commit_one_by_one(self, batch: list[tuple[LedgerWrite, asyncio.Future, float]]) -> None:
        for entry in batch:
            write, future, deadline = entry
            started = time.perf_counter()
            if deadline <= asyncio.get_running_loop().time():
                outcome: BaseException | None = DomainError(ErrorReason.STORE_UNAVAILABLE,
                                                            metadata={"store": "postgres"})
            else:
                try:
                    await self._commit([write], deadline)
                except _Unknown as unknown:
                    self._resolve_later(unknown.xid, [entry], started)
                    continue
                except _ROW_ERRORS as error:
                    diag = error.diag
                    outcome = WriteRejected(error.sqlstate, diag.constraint_name, diag.table_name)
                except (*_NOT_COMMITTED, DomainError) as error:
                    outcome = _unavailable(error)
                else:
                    self._observe(1, len(write.rows), started)
                    outcome = None
            if future.done():
                continue
            if outcome is None:
                future.set_result(None)
            else:
                future.set_exception(outcome)

    async def _commit(self, writes: Iterable[LedgerWrite], deadline: float) -> None:
        """Commit `writes` in one transaction. Raises _Unknown if the connection was lost while
        COMMIT was in flight; any other exception means nothing was committed."""
        groups: dict[tuple[str, tuple[str, ...]], list[tuple]] = {}
        replaced: list[tuple[str, str]] = []
        for write in writes:
            if write.replaces is not None:
                replaced.append(write.replaces)
            for row in write.rows:
                groups.setdefault((row.table, row.columns), []).append(row.values)
        left_s = deadline - asyncio.get_running_loop().time()
        if left_s <= 0:
            raise TimeoutError("the batch's deadline passed before it started")
        async with self._pool.connection(timeout=left_s) as connection:
            xid = None
            try:
                # One pipeline for every table: the rows travel in one round trip, then the
                # transaction's id is read (so that a COMMIT cut off can be looked up), then COMMIT.
                async with connection.transaction(), connection.pipeline():
                    async with connection.cursor() as cursor:
                        await cursor.execute(sql.SQL("SET LOCAL statement_timeout = {}").format(
                            sql.Literal(max(1, int(left_s * 1000)))))
                        if replaced:
                            await cursor.executemany(_ABANDONED_DELETE, replaced)
                        for key, values in groups.items():
                            await cursor.executemany(self._statement(key), values)
                        # COMMIT runs without the timeout: a timeout that fired during COMMIT could
                        # answer an error for a transaction that committed.
                        await cursor.execute("SET LOCAL statement_timeout = 0")
                    # Its own cursor: in pipeline mode a cursor that ran executemany may hand back
                    # another statement's result ("the last operation didn't produce records").
                    async with connection.cursor() as xid_cursor:
                        await xid_cursor.execute("SELECT pg_current_xact_id()::text")
                        xid = (await xid_cursor.fetchone())[0]
            except BaseException as error:
                if xid is not None:
                    # Whatever COMMIT answered (a lost connection, an error, a cancellation), only
                    # the transaction's status says whether it committed.
                    raise _Unknown(xid) from error
                raise

    def _resolve_later(self, xid: str, batch: list[tuple[LedgerWrite, asyncio.Future, float]],
                       started: float) -> None:
        task = asyncio.get_running_loop().create_task(self._resolve(xid, batch, started),
                                                      name=f"ledger-outcome-{xid}")
        self._resolving.add(task)
        task.add_done_callback(self._resolving.discard)

    async def _resolve(self, xid: str, batch: list[tuple[LedgerWrite, asyncio.Future, float]],
                       started: float) -> None:
        """Read the fate of transaction `xid` once Postgres answers, then settle its writes.
        Until then the writes' futures stay pending (their callers' deadlines end their waits;
        their reservations stay held)."""
        pause = 0.01
        while True:
            try:
                async with self._pool.connection() as connection:
                    cursor = await connection.execute("SELECT pg_xact_status(%s::xid8)", (xid,))
                    (status,) = await cursor.fetchone()
                    await connection.rollback()
            except Exception as error:  # noqa: BLE001 - Postgres not back yet: ask again.
                log.debug("outcome of transaction %s not readable yet: %s", xid, error)
                status = None
            if status == "committed":
                log.warning("ledger transaction %s committed (%d writes)", xid, len(batch))
                self._observe(len(batch), sum(len(write.rows) for write, *_ in batch), started)
                _succeed_all(batch)
                return
            if status == "aborted":
                log.warning("ledger transaction %s did not commit (%d writes)", xid, len(batch))
                _fail_all(batch, DomainError(ErrorReason.STORE_UNAVAILABLE, metadata={"store": "postgres"}))
                return
            # "in progress": the cut-off backend is still committing; None: Postgres is down.
            await asyncio.sleep(pause)
            pause = min(pause * 2, limits.LEDGER_OUTCOME_POLL_MS_MAX / 1000)

    def _statement(self, key: tuple[str, tuple[str, ...]]) -> sql.Composed:
        statement = self._statements.get(key)
        if statement is None:
            table, columns = key
            statement = sql.SQL("INSERT INTO {} ({}) VALUES ({})").format(
                sql.Identifier(table),
                sql.SQL(", ").join(map(sql.Identifier, columns)),
                sql.SQL(", ").join(sql.Placeholder() * len(columns)))
            self._statements[key] = statement
        return statement

    def _observe(self, writes: int, rows: int, started: float) -> None:
        if self._observe_batch is not None:
            self._observe_batch(writes, rows, time.perf_counter() - started)


def _fail_all(batch: list[tuple[LedgerWrite, asyncio.Future, float]], error: BaseException) -> None:
    for _, future, _ in batch:
        if not future.done():
            future.set_exception(error)


def _succeed_all(batch: list[tuple[LedgerWrite, asyncio.Future, float]]) -> None:
    for _, future, _ in batch:
        if not future.done():
            future.set_result(None)


def _unavailable(error: BaseException) -> DomainError:
    if isinstance(error, DomainError) and error.transient:
        return error
    return DomainError(ErrorReason.STORE_UNAVAILABLE, metadata={"store": "postgres"})
