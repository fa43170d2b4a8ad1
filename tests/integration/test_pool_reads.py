"""One-statement reads in autocommit (core/adapters/postgres/pool.py reading): the statement runs
without a transaction around it (no BEGIN before it, no COMMIT after), and the connection goes
back to the pool as the others expect it: not in autocommit, idle, also after a failed statement."""

from __future__ import annotations

import psycopg
import pytest

from core.adapters.postgres.pool import reading
from server import bootstrap


async def test_a_read_runs_outside_a_transaction_and_the_connection_returns_as_it_was(stores):
    pool = await bootstrap.open_pool(stores.database_url, size_max=1, wait_s_max=30)
    try:
        async with reading(pool) as connection:
            cursor = await connection.execute("SELECT txid_current_if_assigned() IS NULL, 1")
            assert await cursor.fetchone() == (True, 1)
            assert connection.info.transaction_status is psycopg.pq.TransactionStatus.IDLE
        with pytest.raises(psycopg.errors.UndefinedTable):
            async with reading(pool) as connection:
                await connection.execute("SELECT * FROM no_such_table")
        async with pool.connection() as connection:
            assert not connection.autocommit
            await connection.execute("SELECT 1")
            assert connection.info.transaction_status is psycopg.pq.TransactionStatus.INTRANS
    finally:
        await pool.close()
