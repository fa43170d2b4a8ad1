"""The Postgres pool every handler uses: waits bounded by the call's deadline, a breaker in front.

`connection()` takes a pooled connection within `bounded(POSTGRES_WAIT_S_MAX)` (the call's
remaining deadline, less a margin, or the ceiling), and answers STORE_UNAVAILABLE at once while the
breaker is open (core/adapters/breaker.py). A refused or lost connection counts as a failure; no
connection in time (a saturated pool, or an outage with no pooled connection left to fail) makes a
one-off probe connect: the breaker opens only if that fails. A statement's own error counts not.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import psycopg
from psycopg_pool import AsyncConnectionPool, PoolTimeout

from core.adapters.breaker import Breaker
from core.domain import limits
from core.domain.deadline import bounded
from core.domain.errors import DomainError

_CONNECT_TIMEOUT_S = 2
SUSPECT_AFTER_S = 0.1
"""A wait for a pooled connection longer than this makes a probe connect (see getconn)."""


def connection_lost(error: BaseException) -> bool:
    """True when `error` says the connection (not the statement) failed."""
    if isinstance(error, psycopg.errors.InterfaceError):
        return True
    if isinstance(error, psycopg.OperationalError):
        sqlstate = error.sqlstate
        # No SQLSTATE: the connection failed client-side; 08: connection exception; 57P0x: the
        # server is shutting down, crashed or not accepting connections yet.
        return sqlstate is None or sqlstate.startswith("08") or sqlstate in ("57P01", "57P02", "57P03")
    return False


@asynccontextmanager
async def reading(pool: AsyncConnectionPool) -> AsyncIterator[psycopg.AsyncConnection]:
    """A pooled connection in autocommit, for reads of one statement: one round trip (the
    statement) instead of three (BEGIN, the statement, COMMIT when the pool takes it back).
    Never for several statements that must see one snapshot, nor for writes."""
    async with pool.connection() as connection:
        await connection.set_autocommit(True)
        try:
            yield connection
        finally:
            if not connection.closed:
                # Back to the pool's default; a connection that cannot be switched back is broken,
                # and the pool discards it.
                await connection.set_autocommit(False)


class StorePool(AsyncConnectionPool):
    def __init__(self, conninfo: str, *, wait_s_max: float = limits.POSTGRES_WAIT_S_MAX, **kwargs) -> None:
        kwargs.setdefault("timeout", wait_s_max)
        kwargs.setdefault("kwargs", {}).setdefault("connect_timeout", _CONNECT_TIMEOUT_S)
        super().__init__(conninfo, **kwargs)
        self.wait_s_max = wait_s_max
        self.breaker = Breaker("postgres", self._probe)
        self._suspecting: asyncio.Task | None = None
        self._suspected_at = -1e9
        self._returning: set[asyncio.Task] = set()

    @asynccontextmanager
    async def connection(self, timeout: float | None = None) -> AsyncIterator[psycopg.AsyncConnection]:
        self.breaker.check()
        wait = bounded(self.wait_s_max if timeout is None else timeout)
        if wait <= 0:
            raise self.breaker.error()
        try:
            async with super().connection(timeout=wait) as connection:
                yield connection
        except (DomainError, PoolTimeout):
            raise
        except BaseException as error:
            if connection_lost(error):
                self.breaker.failure()
            raise
        else:
            self.breaker.success()

    async def getconn(self, timeout: float | None = None) -> psycopg.AsyncConnection:
        """A pooled connection within `timeout`, in the order the callers asked (one place in the
        pool's queue per caller, kept for the whole wait). A wait longer than SUSPECT_AFTER_S makes
        a probe connect (at most one a second): if Postgres refuses it, the breaker opens and the
        wait ends at once with STORE_UNAVAILABLE instead of at its timeout; a saturated pool just
        waits, first come first served."""
        self.breaker.check()
        waiter = asyncio.ensure_future(super().getconn(timeout=self.timeout if timeout is None else timeout))
        try:
            done, _ = await asyncio.wait((waiter,), timeout=SUSPECT_AFTER_S)
            if not done:
                self._suspect()
                opened = asyncio.ensure_future(self.breaker.wait_open())
                try:
                    await asyncio.wait((waiter, opened), return_when=asyncio.FIRST_COMPLETED)
                finally:
                    opened.cancel()
            if not waiter.done():
                raise self.breaker.error()
            return waiter.result()
        finally:
            if not waiter.done():
                waiter.cancel()
                waiter.add_done_callback(self._give_back)

    def _give_back(self, waiter: asyncio.Future) -> None:
        """A connection handed to a wait that was given up goes back to the pool."""
        if not waiter.cancelled() and waiter.exception() is None:
            task = asyncio.get_running_loop().create_task(self.putconn(waiter.result()))
            self._returning.add(task)
            task.add_done_callback(self._returning.discard)

    def _suspect(self) -> None:
        now = time.monotonic()
        if self.breaker.open or self._suspecting is not None or now < self._suspected_at + 1.0:
            return
        self._suspected_at = now

        async def check() -> None:
            try:
                await self._connect_once()
            except Exception:  # noqa: BLE001 - unreachable: open the breaker.
                self.breaker.trip()
            finally:
                self._suspecting = None

        self._suspecting = asyncio.get_running_loop().create_task(check(), name="postgres-suspect")

    async def _connect_once(self) -> None:
        async with await psycopg.AsyncConnection.connect(self.conninfo, connect_timeout=_CONNECT_TIMEOUT_S,
                                                         autocommit=True) as probe:
            await probe.execute("SELECT 1")

    async def _probe(self) -> None:
        await self._connect_once()
        # Drop the pooled connections the outage broke, so the first calls after it do not meet them.
        await self.check()

    async def close(self, timeout: float = 5.0) -> None:
        await self.breaker.close()
        await super().close(timeout)
