"""Group-commit ledger writer: one transaction for whatever arrived while the last commit ran.

Every mutating handler hands its rows (ledger rows plus its idempotency record) to `submit` and
awaits it; the await returns only after the COMMIT that holds those rows. Throughput comes from
batching, not from more connections: while one commit is in flight, new writes queue up, and the
next transaction takes all of them (up to `batch_writes_max`).

A batch that fails on a row-level error (a unique or check constraint, bad data) is retried one
write per transaction, so a bad write fails only itself. A lost connection fails the whole batch
with STORE_UNAVAILABLE: the outcome is unknown, and the caller's retry with the same request_id is
answered by the idempotency record if the commit did land.
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
from psycopg_pool import AsyncConnectionPool

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


class WriteRejected(Exception):
    """Postgres refused this write's rows (a constraint or bad data); the rest of its batch landed."""

    def __init__(self, sqlstate: str | None, constraint: str | None, table: str | None) -> None:
        self.sqlstate = sqlstate
        self.constraint = constraint
        self.table = table
        super().__init__(f"write rejected: sqlstate={sqlstate} constraint={constraint} table={table}")


BatchObserver = Callable[[int, int, float], None]
"""Called after each committed batch with (writes, rows, commit seconds)."""

_ROW_ERRORS = (psycopg.errors.IntegrityError, psycopg.errors.DataError)
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
        self._queue: collections.deque[tuple[LedgerWrite, asyncio.Future]] = collections.deque()
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

    async def submit(self, write: LedgerWrite) -> None:
        """Queue `write`; return once it is committed. Raises WriteRejected or DomainError."""
        if self._closing:
            raise DomainError(ErrorReason.SHUTTING_DOWN)
        if len(self._queue) >= self._queue_writes_max:
            raise DomainError(ErrorReason.LEDGER_QUEUE_FULL,
                              metadata={"queue_writes_max": self._queue_writes_max})
        future = asyncio.get_running_loop().create_future()
        self._queue.append((write, future))
        self._wakeup.set()
        # A cancelled caller must not cancel the commit others share: shield the future.
        await asyncio.shield(future)

    async def close(self) -> None:
        """Refuse new writes, commit everything queued, stop."""
        self._closing = True
        self._wakeup.set()
        if self._task is not None:
            await self._task
            self._task = None

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
            batch = [self._queue.popleft()
                     for _ in range(min(self._batch_writes_max, len(self._queue)))]
            try:
                await self._commit_batch(batch)
            except Exception:  # noqa: BLE001 - the loop must survive anything; callers get told.
                log.exception("ledger batch failed unexpectedly")
                _fail_all(batch, DomainError(ErrorReason.STORE_UNAVAILABLE))

    async def _commit_batch(self, batch: list[tuple[LedgerWrite, asyncio.Future]]) -> None:
        started = time.perf_counter()
        try:
            await self._commit([write for write, _ in batch])
        except _ROW_ERRORS:
            await self._commit_one_by_one(batch)
            return
        except _ROLLED_BACK as error:
            # Nothing of the batch landed: run each write on its own (a write that still conflicts
            # alone fails transiently, STORE_UNAVAILABLE, and its caller's retry runs it again).
            log.warning("ledger batch of %d writes rolled back, retried one by one: %s", len(batch), error)
            await self._commit_one_by_one(batch)
            return
        except (psycopg.OperationalError, psycopg.errors.InterfaceError, TimeoutError) as error:
            log.warning("ledger batch of %d writes not committed: %s", len(batch), error)
            _fail_all(batch, DomainError(ErrorReason.STORE_UNAVAILABLE))
            return
        self._observe(len(batch), sum(len(write.rows) for write, _ in batch), started)
        for _, future in batch:
            if not future.done():
                future.set_result(None)

    async def _commit_one_by_one(self, batch: list[tuple[LedgerWrite, asyncio.Future]]) -> None:
        for write, future in batch:
            started = time.perf_counter()
            try:
                await self._commit([write])
            except _ROW_ERRORS as error:
                diag = error.diag
                outcome: BaseException = WriteRejected(error.sqlstate, diag.constraint_name, diag.table_name)
            except (psycopg.OperationalError, psycopg.errors.InterfaceError, TimeoutError):
                outcome = DomainError(ErrorReason.STORE_UNAVAILABLE)
            else:
                self._observe(1, len(write.rows), started)
                outcome = None
            if future.done():
                continue
            if outcome is None:
                future.set_result(None)
            else:
                future.set_exception(outcome)

    async def _commit(self, writes: Iterable[LedgerWrite]) -> None:
        groups: dict[tuple[str, tuple[str, ...]], list[tuple]] = {}
        for write in writes:
            for row in write.rows:
                groups.setdefault((row.table, row.columns), []).append(row.values)
        async with self._pool.connection() as connection:
            # One pipeline for every table: the whole batch travels in one round trip.
            async with connection.transaction(), connection.pipeline():
                async with connection.cursor() as cursor:
                    for key, values in groups.items():
                        await cursor.executemany(self._statement(key), values)

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


def _fail_all(batch: list[tuple[LedgerWrite, asyncio.Future]], error: BaseException) -> None:
    for _, future in batch:
        if not future.done():
            future.set_exception(error)
