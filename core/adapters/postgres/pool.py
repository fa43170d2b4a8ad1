"""The Postgres pool every handler uses: waits bounded by the call's deadline, a breaker in front.

`connection()` takes a pooled connection within `bounded(POSTGRES_WAIT_S_MAX)` (the call's
remaining deadline, less a margin, or the ceiling), and answers STORE_UNAVAILABLE at once while the
breaker is open (core/adapters/breaker.py). A refused or lost connection, or no connection in time,
counts as a failure; a statement's own error does not.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import psycopg
from psycopg_pool import AsyncConnectionPool, PoolTimeout

from core.adapters.breaker import Breaker
from core.domain import limits
from core.domain.deadline import bounded
from core.domain.errors import DomainError

_CONNECT_TIMEOUT_S = 2


def connection_lost(error: BaseException) -> bool:
    """True when `error` says the connection (not the statement) failed."""
    if isinstance(error, PoolTimeout):
        return True
    if isinstance(error, psycopg.errors.InterfaceError):
        return True
    if isinstance(error, psycopg.OperationalError):
        sqlstate = error.sqlstate
        # No SQLSTATE: the connection failed client-side; 08: connection exception; 57P0x: the
        # server is shutting down, crashed or not accepting connections yet.
        return sqlstate is None or sqlstate.startswith("08") or sqlstate in ("57P01", "57P02", "57P03")
    return False


class StorePool(AsyncConnectionPool):
    def __init__(self, conninfo: str, *, wait_s_max: float = limits.POSTGRES_WAIT_S_MAX, **kwargs) -> None:
        kwargs.setdefault("timeout", wait_s_max)
        kwargs.setdefault("kwargs", {}).setdefault("connect_timeout", _CONNECT_TIMEOUT_S)
        super().__init__(conninfo, **kwargs)
        self.wait_s_max = wait_s_max
        self.breaker = Breaker("postgres", self._probe)

    @asynccontextmanager
    async def connection(self, timeout: float | None = None) -> AsyncIterator[psycopg.AsyncConnection]:
        self.breaker.check()
        wait = bounded(self.wait_s_max if timeout is None else timeout)
        if wait <= 0:
            raise self.breaker.error()
        try:
            async with super().connection(timeout=wait) as connection:
                yield connection
        except DomainError:
            raise
        except BaseException as error:
            if connection_lost(error):
                self.breaker.failure()
            raise
        else:
            self.breaker.success()

    async def _probe(self) -> None:
        async with await psycopg.AsyncConnection.connect(self.conninfo, connect_timeout=_CONNECT_TIMEOUT_S,
                                                         autocommit=True) as probe:
            await probe.execute("SELECT 1")
        # Drop the pooled connections the outage broke, so the first calls after it do not meet them.
        await self.check()

    async def close(self, timeout: float = 5.0) -> None:
        await self.breaker.close()
        await super().close(timeout)
