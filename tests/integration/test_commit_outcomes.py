"""A commit's outcome decides, never a guess: the ledger writer against a real Postgres whose
COMMIT is cut off (the connection lost while COMMIT is in flight, the backend killed during it),
and the deadlines that bound every write."""

from __future__ import annotations

import asyncio
import itertools
import time

import psycopg
import pytest

from core.adapters.postgres.ledger_writer import LedgerWrite, LedgerWriter, Row
from core.adapters.postgres.pool import StorePool
from core.domain import limits
from core.domain.errors import DomainError, ErrorReason

_ids = itertools.count(1)
COLUMNS = ("entry_id", "note")
COMMIT_SLEEP_S = 1.5
"""How long the deferred trigger keeps a COMMIT in flight."""


@pytest.fixture(scope="module")
def table(stores):
    """A table whose COMMIT sleeps when a row's note says so (a deferred constraint trigger runs
    at COMMIT): the window in which the tests cut the connection or kill the backend."""
    with psycopg.connect(stores.database_url, autocommit=True) as connection:
        connection.execute("CREATE TABLE IF NOT EXISTS commit_test_entries (entry_id bigint PRIMARY KEY, note text)")
        connection.execute(
            "CREATE OR REPLACE FUNCTION commit_test_sleep() RETURNS trigger LANGUAGE plpgsql AS $$"
            f" BEGIN IF NEW.note = 'slow' THEN PERFORM pg_sleep({COMMIT_SLEEP_S}); END IF; RETURN NULL; END $$")
        connection.execute("DROP TRIGGER IF EXISTS commit_test_sleep ON commit_test_entries")
        connection.execute(
            "CREATE CONSTRAINT TRIGGER commit_test_sleep AFTER INSERT ON commit_test_entries"
            " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION commit_test_sleep()")
    return "commit_test_entries"


def entry(table: str, note: str = "") -> LedgerWrite:
    return LedgerWrite((Row(table, COLUMNS, (next(_ids), note)),))


def landed(stores, table: str, write: LedgerWrite) -> bool:
    with psycopg.connect(stores.database_url) as connection:
        return connection.execute(f"SELECT 1 FROM {table} WHERE entry_id = %s",
                                  (write.rows[0].values[0],)).fetchone() is not None


class CuttingProxy:
    """A TCP proxy to Postgres that, when armed, forwards the client's COMMIT and then cuts the
    client's connection before any answer comes back: the server commits, the client cannot know."""

    def __init__(self, socket_dir: str, port: int) -> None:
        self.socket_path = f"{socket_dir}/.s.PGSQL.{port}"
        self.armed = False
        self.cuts = 0
        self.tasks: set[asyncio.Task] = set()

    async def start(self) -> int:
        self.server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        return self.server.sockets[0].getsockname()[1]

    async def _serve(self, client_reader, client_writer) -> None:
        self.tasks.add(asyncio.current_task())
        server_reader, server_writer = await asyncio.open_unix_connection(self.socket_path)
        cut = asyncio.Event()

        async def upstream() -> None:
            while data := await client_reader.read(65536):
                server_writer.write(data)
                await server_writer.drain()
                if self.armed and b"COMMIT" in data:
                    self.armed = False
                    self.cuts += 1
                    cut.set()
                    client_writer.transport.abort()
                    return

        async def downstream() -> None:
            while not cut.is_set() and (data := await server_reader.read(65536)):
                if cut.is_set():
                    return
                client_writer.write(data)
                await client_writer.drain()

        try:
            await asyncio.gather(upstream(), downstream(), return_exceptions=True)
        finally:
            client_writer.transport.abort()
            if cut.is_set():
                # Leave the server side open until the backend has finished its COMMIT.
                await asyncio.sleep(COMMIT_SLEEP_S + 1)
            server_writer.close()

    async def close(self) -> None:
        self.server.close()
        for task in self.tasks:
            task.cancel()
        await asyncio.gather(*self.tasks, return_exceptions=True)


@pytest.fixture
async def proxied(stores):
    """(a pool whose connections go through a CuttingProxy, the proxy)."""
    info = psycopg.conninfo.conninfo_to_dict(stores.database_url)
    if not str(info.get("host", "")).startswith("/"):
        pytest.skip("the cutting proxy fronts a unix-socket Postgres (the embedded one)")
    proxy = CuttingProxy(info["host"], int(info.get("port") or 5432))
    port = await proxy.start()
    conninfo = psycopg.conninfo.make_conninfo(stores.database_url, host="127.0.0.1", port=port)
    pool = StorePool(conninfo, min_size=1, max_size=2, open=False)
    await pool.open(wait=True)
    yield pool, proxy
    await pool.close()
    await proxy.close()


async def test_a_commit_whose_answer_is_lost_is_read_back_as_committed(stores, proxied, table):
    pool, proxy = proxied
    writer = LedgerWriter(pool)
    writer.start()
    try:
        write = entry(table, "slow")
        proxy.armed = True
        # The connection is cut while COMMIT is in flight (the trigger keeps it in progress for a
        # while): the writer reads the transaction's status until Postgres has decided.
        await asyncio.wait_for(writer.submit(write), timeout=30)
        assert proxy.cuts == 1
        assert landed(stores, table, write)
        await writer.submit(entry(table))  # The writer goes on.
    finally:
        await writer.close()


async def test_a_commit_whose_backend_is_killed_is_read_back_as_not_committed(stores, pool, table):
    writer = LedgerWriter(pool)
    writer.start()
    try:
        write = entry(table, "slow")
        submitted = asyncio.ensure_future(writer.submit(write))
        killed = await _kill_backend_in_commit(stores)
        assert killed
        with pytest.raises(DomainError) as lost:
            await asyncio.wait_for(submitted, timeout=30)
        assert lost.value.reason is ErrorReason.STORE_UNAVAILABLE and lost.value.transient
        assert not landed(stores, table, write)
        await writer.submit(entry(table))
    finally:
        await writer.close()


async def _kill_backend_in_commit(stores) -> bool:
    deadline = time.monotonic() + 10
    with psycopg.connect(stores.database_url, autocommit=True) as killer:
        while time.monotonic() < deadline:
            row = killer.execute(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND state = 'active'"
                " AND query = 'COMMIT' AND pid <> pg_backend_pid()").fetchone()
            if row is not None:
                return killer.execute("SELECT pg_terminate_backend(%s)", row).fetchone()[0]
            await asyncio.sleep(0.01)
    return False


async def test_a_cancelled_submitter_leaves_its_write_to_the_commit(stores, pool, table):
    """The old failure: a caller whose deadline ran out cancelled its wait, and what it held was
    released while the write still committed. The future the writer hands out settles with the
    commit, whatever happens to the awaiting caller."""
    writer = LedgerWriter(pool)
    writer.start()
    try:
        write = entry(table, "slow")
        future = writer.enqueue(write)
        with pytest.raises(TimeoutError):
            await asyncio.wait_for(asyncio.shield(future), timeout=0.2)
        await asyncio.wait_for(future, timeout=30)
        assert landed(stores, table, write)
    finally:
        await writer.close()


async def test_a_write_past_its_deadline_is_not_committed(stores, pool, table, monkeypatch):
    monkeypatch.setattr(limits, "LEDGER_WRITE_DEADLINE_MS", 300)
    writer = LedgerWriter(pool)
    writer.start()
    blocker = await psycopg.AsyncConnection.connect(stores.database_url)
    try:
        # A lock held longer than the write's deadline: the batch's statement is cancelled at the
        # deadline, so the write cannot commit after the sweep may have released its reservation.
        await blocker.execute(f"LOCK TABLE {table} IN SHARE ROW EXCLUSIVE MODE")
        write = entry(table)
        started = time.monotonic()
        with pytest.raises(DomainError) as late:
            await asyncio.wait_for(writer.submit(write), timeout=30)
        assert late.value.reason is ErrorReason.STORE_UNAVAILABLE
        assert time.monotonic() - started < 10
        await blocker.rollback()
        assert not landed(stores, table, write)
    finally:
        await blocker.close()
        await writer.close()


async def test_an_unreachable_postgres_answers_unavailable_at_once_and_recovers(stores):
    """The pool's breaker: a Postgres that refuses connections answers STORE_UNAVAILABLE in
    milliseconds once the breaker opened, and the pool serves again once the probe succeeds."""
    dead = psycopg.conninfo.make_conninfo(stores.database_url, host="127.0.0.1", port=_free_port())
    pool = StorePool(dead, min_size=0, max_size=2, open=False, wait_s_max=0.5)
    await pool.open(wait=False)
    try:
        for _ in range(limits.BREAKER_FAILURES_MAX):
            with pytest.raises(Exception):  # noqa: B017 - any connection failure counts
                async with pool.connection() as connection:
                    await connection.execute("SELECT 1")
        assert pool.breaker.open
        started = time.monotonic()
        with pytest.raises(DomainError) as refused:
            async with pool.connection():
                pass
        assert time.monotonic() - started < 0.1
        assert refused.value.reason is ErrorReason.STORE_UNAVAILABLE
        assert refused.value.retry_after_ms == limits.BREAKER_PROBE_MS
    finally:
        await pool.close()


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
