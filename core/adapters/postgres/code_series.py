"""Code series in Postgres: code_series, the organisation's code register (org_codes) as series
fill and revoke it (a GENERATE_CODES or IMPORT_CODES job's chunk, in the job's chunk transaction:
core/adapters/postgres/jobs.py) and ImportCodes' stored replies (code_imports). The
code_generations table (0015) held GenerateCodes' progress before GenerateCodes became a job.

Filling a series touches Redis inside the Postgres transaction (the batch's codes go into the
pool before the commit, under a shared lock on the Redis epoch row): those steps take a callback
(`to_pool`) so that this module never knows the key layout.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass

from psycopg.errors import UniqueViolation
from psycopg.rows import dict_row

from core.adapters.postgres.ledger_writer import Row
from core.domain import limits

ToPool = Callable[[Sequence[str]], Awaitable[None]]
_SERIES_COLUMNS = ("code_series_id", "org_id", "offer_id", "type", "alphabet", "length", "prefix", "create_time")


def series_row(*, code_series_id: str, org_id: str, offer_id: str, type: int, alphabet: str, length: int,
               prefix: str, create_time: dt.datetime) -> Row:
    values = {"code_series_id": code_series_id, "org_id": org_id, "offer_id": offer_id, "type": type,
              "alphabet": alphabet, "length": length, "prefix": prefix, "create_time": create_time}
    return Row("code_series", _SERIES_COLUMNS, tuple(values[column] for column in _SERIES_COLUMNS))


@dataclass(frozen=True, slots=True)
class SeriesRow:
    code_series_id: str
    offer_id: str
    type: int
    alphabet: str
    length: int
    prefix: str
    create_time: dt.datetime | None
    code_count: int


class ImportedConcurrently(Exception):
    """Another import with the same request_id committed first."""


class ImportTransaction:
    """One ImportCodes transaction: the codes seen so far in a temporary table."""

    def __init__(self, connection, org_id: str, offer_id: str, series_id: str) -> None:
        self._connection = connection
        self._org_id = org_id
        self._offer_id = offer_id
        self._series_id = series_id

    async def seen(self, codes: Sequence[str]) -> set[str]:
        """Which of these codes an earlier batch of the import sent."""
        cursor = await self._connection.execute("SELECT code FROM import_seen WHERE code = ANY(%s)", (list(codes),))
        return {code for (code,) in await cursor.fetchall()}

    async def insert(self, codes: Sequence[str]) -> set[str]:
        """Enter the codes in the register and the series; returns those added. A code the
        organisation holds is refused, unless it was revoked: then it is taken again."""
        cursor = await self._connection.execute(
            "INSERT INTO org_codes (org_id, code, offer_id, code_series_id) SELECT %s, code, %s, %s"
            " FROM unnest(%s::text[]) AS code ON CONFLICT (org_id, code) DO UPDATE"
            " SET offer_id = EXCLUDED.offer_id, code_series_id = EXCLUDED.code_series_id, coupon_id = NULL,"
            " revoke_time = NULL, revocation_id = NULL WHERE org_codes.revoke_time IS NOT NULL RETURNING code",
            (self._org_id, self._offer_id, self._series_id, list(codes)))
        added = {code for (code,) in await cursor.fetchall()}
        await self._connection.execute(
            "INSERT INTO import_seen (code, added) SELECT code, code = ANY(%s) FROM unnest(%s::text[]) AS code",
            (list(added), list(codes)))
        return added

    async def finish(self, *, client_id: str, request_id: str, digest: bytes, response: dict, now: dt.datetime,
                     imported_count: int, to_pool: ToPool) -> None:
        """Store the reply (ImportedConcurrently if another call did first), count the codes
        into the series and put those added in the pool (under a shared lock on the epoch)."""
        connection = self._connection
        await connection.execute("SELECT epoch FROM redis_epoch FOR SHARE")
        cursor = await connection.execute(
            "INSERT INTO code_imports (client_id, request_id, digest, response, create_time)"
            " VALUES (%s, %s, %s, %s, %s) ON CONFLICT DO NOTHING RETURNING 1",
            (client_id, request_id, digest, json.dumps(response), now))
        if await cursor.fetchone() is None:
            raise ImportedConcurrently()
        await connection.execute("UPDATE code_series SET code_count = code_count + %s WHERE code_series_id = %s",
                                 (imported_count, self._series_id))
        added = connection.cursor(name="import_added")
        await added.execute("SELECT code FROM import_seen WHERE added")
        while rows := await added.fetchmany(limits.GENERATE_CODES_BATCH):
            await to_pool([code for (code,) in rows])
        await added.close()


class CodeSeriesStore:
    def __init__(self, pool) -> None:
        self._pool = pool

    async def series(self, *, org_id: str, series_id: str) -> SeriesRow | None:
        async with self._pool.connection() as connection:
            cursor = connection.cursor(row_factory=dict_row)
            await cursor.execute(
                "SELECT code_series_id::text AS code_series_id, offer_id::text AS offer_id, type, alphabet, length,"
                " prefix, create_time, code_count FROM code_series WHERE code_series_id = %s AND org_id = %s",
                (series_id, org_id))
            found = await cursor.fetchone()
        return None if found is None else SeriesRow(**found)

    async def code_counts(self, *, offer_id: str, org_id: str) -> list[int]:
        """The code count of each of the offer's series."""
        async with self._pool.connection() as connection:
            cursor = await connection.execute(
                "SELECT code_count FROM code_series WHERE offer_id = %s AND org_id = %s", (offer_id, org_id))
            return [count for (count,) in await cursor.fetchall()]

    async def pool_series(self, *, org_id: str, offer_id: str, series_id: str = "") -> list[str]:
        """The offer's series (or the one named), oldest first."""
        async with self._pool.connection() as connection:
            cursor = await connection.execute(
                "SELECT code_series_id::text FROM code_series WHERE offer_id = %s AND org_id = %s"
                " AND (%s::uuid IS NULL OR code_series_id = %s::uuid) ORDER BY create_time, code_series_id",
                (offer_id, org_id, series_id or None, series_id or None))
            return [found for (found,) in await cursor.fetchall()]

    async def enter_generated(self, connection, *, org_id: str, offer_id: str, series_id: str,
                              codes: Sequence[str], to_pool: ToPool, unpool: ToPool) -> list[str]:
        """In the caller's transaction (a job chunk): enter the codes in the register, put them
        in the pool and count them into the series; returns the codes added.

        The fast path, taken unless a code collides: the codes are COPYed straight into
        org_codes (in a savepoint) while they are SADDed to the pool, at the same time. On a
        collision (org_codes_pkey) the savepoint rolls back and the codes go through a
        temporary table with ON CONFLICT DO NOTHING instead (those the organisation holds are
        dropped); the dropped ones leave the pool again (`unpool`), except those that wait
        unissued in this very series (they were in the pool before)."""
        payload = "".join(f"{org_id}\t{code}\t{offer_id}\t{series_id}\n" for code in codes).encode()
        pooling = asyncio.ensure_future(to_pool(codes))
        try:
            try:
                async with connection.transaction():
                    async with connection.cursor().copy(
                            "COPY org_codes (org_id, code, offer_id, code_series_id) FROM STDIN") as copy:
                        await copy.write(payload)
                added = list(codes)
            except UniqueViolation:
                added = None
        finally:
            await pooling
        if added is None:
            await connection.execute(
                "CREATE TEMP TABLE IF NOT EXISTS code_batch (code text NOT NULL) ON COMMIT DELETE ROWS")
            async with connection.cursor().copy("COPY code_batch (code) FROM STDIN") as copy:
                await copy.write(("\n".join(codes) + "\n").encode())
            cursor = await connection.execute(
                "INSERT INTO org_codes (org_id, code, offer_id, code_series_id) SELECT %s, code, %s, %s"
                " FROM code_batch ON CONFLICT DO NOTHING RETURNING code", (org_id, offer_id, series_id))
            added = [code for (code,) in await cursor.fetchall()]
            dropped = set(codes).difference(added)
            cursor = await connection.execute(
                "SELECT code FROM org_codes WHERE org_id = %s AND code = ANY(%s) AND code_series_id = %s"
                " AND coupon_id IS NULL AND revoke_time IS NULL", (org_id, list(dropped), series_id))
            dropped.difference_update(code for (code,) in await cursor.fetchall())
            if dropped:
                await unpool(sorted(dropped))
        await connection.execute("UPDATE code_series SET code_count = code_count + %s WHERE code_series_id = %s",
                                 (len(added), series_id))
        return added

    async def pooled_of(self, *, org_id: str, series_id: str, codes: Sequence[str]) -> set[str]:
        """Those of the codes that wait unissued and unrevoked in the series."""
        async with self._pool.connection() as connection:
            cursor = await connection.execute(
                "SELECT code FROM org_codes WHERE org_id = %s AND code = ANY(%s) AND code_series_id = %s"
                " AND coupon_id IS NULL AND revoke_time IS NULL", (org_id, list(codes), series_id))
            return {code for (code,) in await cursor.fetchall()}

    async def enter_imported(self, connection, *, org_id: str, offer_id: str, series_id: str,
                             codes: Sequence[str], to_pool: ToPool) -> set[str]:
        """In the caller's transaction (a job chunk): enter imported codes in the register and
        the series (a code the organisation holds is refused unless it was revoked: then it is
        taken again), put those added in the pool and count them. Returns those added."""
        cursor = await connection.execute(
            "INSERT INTO org_codes (org_id, code, offer_id, code_series_id) SELECT %s, code, %s, %s"
            " FROM unnest(%s::text[]) AS code ON CONFLICT (org_id, code) DO UPDATE"
            " SET offer_id = EXCLUDED.offer_id, code_series_id = EXCLUDED.code_series_id, coupon_id = NULL,"
            " revoke_time = NULL, revocation_id = NULL WHERE org_codes.revoke_time IS NOT NULL RETURNING code",
            (org_id, offer_id, series_id, list(codes)))
        added = {code for (code,) in await cursor.fetchall()}
        if added:
            await to_pool(sorted(added))
        await connection.execute("UPDATE code_series SET code_count = code_count + %s WHERE code_series_id = %s",
                                 (len(added), series_id))
        return added

    @asynccontextmanager
    async def importing(self, *, org_id: str, offer_id: str, series_id: str) -> AsyncIterator[ImportTransaction]:
        async with self._pool.connection() as connection, connection.transaction():
            await connection.execute("CREATE TEMP TABLE import_seen (code text PRIMARY KEY, added boolean NOT NULL)"
                                     " ON COMMIT DROP")
            yield ImportTransaction(connection, org_id, offer_id, series_id)

    async def stored_import(self, *, client_id: str, request_id: str) -> tuple[bytes, dict] | None:
        async with self._pool.connection() as connection:
            cursor = await connection.execute(
                "SELECT digest, response FROM code_imports WHERE client_id = %s AND request_id = %s",
                (client_id, request_id))
            found = await cursor.fetchone()
        return None if found is None else (bytes(found[0]), found[1])

    async def unissued(self, *, series_id: str, code: str) -> bool:
        """Whether the code waits unissued (and unrevoked) in the series."""
        async with self._pool.connection() as connection:
            cursor = await connection.execute(
                "SELECT 1 FROM org_codes c JOIN code_series s ON s.org_id = c.org_id"
                " WHERE s.code_series_id = %s AND c.code = %s AND c.code_series_id = s.code_series_id"
                " AND c.coupon_id IS NULL AND c.revoke_time IS NULL", (series_id, code))
            return await cursor.fetchone() is not None

    async def revoked_unissued(self, revocation_id: str, chunk: int,
                               each: Callable[[str, list[str]], Awaitable[int]]) -> int:
        """Call `each(series_id, codes)` for the unissued codes a revocation revoked, per
        series, `chunk` rows at a time (a server-side cursor); returns the sum of the results."""
        total = 0
        async with self._pool.connection() as connection, connection.transaction():
            cursor = connection.cursor(name="revoked_codes")
            await cursor.execute("SELECT code_series_id::text, code FROM org_codes WHERE revocation_id = %s"
                                 " AND coupon_id IS NULL AND code_series_id IS NOT NULL ORDER BY code_series_id",
                                 (revocation_id,))
            while rows := await cursor.fetchmany(chunk):
                by_series: dict[str, list[str]] = {}
                for series_id, code in rows:
                    by_series.setdefault(series_id, []).append(code)
                for series_id, codes in by_series.items():
                    total += await each(series_id, codes)
            await cursor.close()
        return total

    async def offer_series(self, offer_id: str, connection) -> list[str]:
        cursor = await connection.execute("SELECT code_series_id::text FROM code_series WHERE offer_id = %s",
                                          (offer_id,))
        return [series_id for (series_id,) in await cursor.fetchall()]

    async def pooled_codes(self, series_id: str, connection, to_pool: ToPool) -> None:
        """Every unissued, unrevoked code of the series, GENERATE_CODES_BATCH at a time."""
        async with connection.transaction():
            codes = connection.cursor(name=f"pool_{series_id.replace('-', '')}")
            await codes.execute("SELECT code FROM org_codes WHERE code_series_id = %s AND coupon_id IS NULL"
                                " AND revoke_time IS NULL", (series_id,))
            while rows := await codes.fetchmany(limits.GENERATE_CODES_BATCH):
                await to_pool([code for (code,) in rows])
            await codes.close()
