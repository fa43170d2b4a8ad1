"""Idempotency records: a Redis marker for the fast path, a Postgres row for the truth.

Redis answers "is this request id new, in flight, or done?" in one script call. The stored
outcome lives in Postgres (`idempotency_keys`), written in the same transaction as the request's
ledger rows, so a replay is exactly the first answer. If Redis lost the marker, the primary key
on `idempotency_keys` still catches the duplicate at commit.
"""

from __future__ import annotations

import asyncio
import enum
import json
from dataclasses import dataclass

import redis.asyncio as redis
from psycopg.types.json import Jsonb
from psycopg_pool import AsyncConnectionPool

from core.adapters.postgres.ledger_writer import Row
from core.adapters.redis.scripts import Scripts
from core.domain import limits
from core.domain.errors import DomainError, ErrorReason

TABLE = "idempotency_keys"
PRIMARY_KEY = "idempotency_keys_pkey"
ABANDONED = "abandoned"
"""The outcome key of a record the recovery sweep wrote to fence a request that never committed."""
_COLUMNS = ("client_id", "request_id", "method", "fingerprint", "outcome")


@dataclass(frozen=True, slots=True)
class IdempotencyKey:
    client_id: str
    request_id: str
    method: str

    @property
    def marker(self) -> str:
        return f"rewards:idem:{self.client_id}:{self.request_id}"


class Claim(enum.IntEnum):
    """The codes of idempotency_claim.lua."""

    CLAIMED = 0
    IN_FLIGHT = 1
    DONE = 2
    REUSED = 3


class IdempotencyStore:
    def __init__(self, client: redis.Redis, scripts: Scripts, pool: AsyncConnectionPool) -> None:
        self._redis = client
        self._scripts = scripts
        self._pool = pool

    async def claim(self, key: IdempotencyKey, fingerprint: bytes) -> dict | None:
        """Claim `key` for execution (returns None) or return the stored outcome to replay.

        Waits for a concurrent execution of the same request up to IDEMPOTENCY_WAIT_MS_MAX, then
        answers REQUEST_IN_FLIGHT. A reused key answers IDEMPOTENCY_KEY_REUSED.
        """
        deadline = asyncio.get_running_loop().time() + limits.IDEMPOTENCY_WAIT_MS_MAX / 1000
        while True:
            claim = Claim(await self._scripts.run(
                "idempotency_claim", [key.marker], [fingerprint.hex(), limits.IDEMPOTENCY_IN_FLIGHT_TTL_MS]))
            if claim is Claim.CLAIMED:
                return None
            if claim is Claim.REUSED:
                raise key_reused(key)
            if claim is Claim.DONE:
                outcome = await self.load(key, fingerprint)
                if outcome is not None:
                    return outcome
                # The marker outlived its row (cannot happen unless the row was purged): run anew.
                await self._redis.delete(key.marker)
                continue
            if asyncio.get_running_loop().time() >= deadline:
                raise DomainError(ErrorReason.REQUEST_IN_FLIGHT,
                                  metadata={"request_id": key.request_id})
            await asyncio.sleep(limits.IDEMPOTENCY_POLL_MS / 1000)

    async def load(self, key: IdempotencyKey, fingerprint: bytes) -> dict | None:
        """The committed outcome for `key`, None if there is none; a different fingerprint raises."""
        async with self._pool.connection() as connection:
            cursor = await connection.execute(
                "SELECT fingerprint, outcome FROM idempotency_keys"
                " WHERE client_id = %s AND request_id = %s", (key.client_id, key.request_id))
            found = await cursor.fetchone()
        if found is None:
            return None
        stored_fingerprint, outcome = found
        if ABANDONED in outcome:
            return None
        if bytes(stored_fingerprint) != fingerprint:
            raise key_reused(key)
        return outcome

    async def fence(self, client_id: str, request_id: str, now_ms: int) -> bool:
        """Make sure request `request_id` can no longer commit, unless it has: True when it had not
        committed (an abandoned record now holds its key), False when a record existed.

        The recovery sweep calls this before releasing a reservation whose deadline passed. The
        INSERT waits for any transaction still inserting the same key (its commit decides), so the
        answer is exact, and the write behind the reservation can never commit afterwards: its
        record's primary key is taken. A retry of the request later takes the abandoned record's
        place (LedgerWrite.replaces) with a reservation of its own."""
        async with self._pool.connection() as connection:
            cursor = await connection.execute(
                "INSERT INTO idempotency_keys (client_id, request_id, method, fingerprint, outcome)"
                " VALUES (%s, %s, '', ''::bytea, %s) ON CONFLICT DO NOTHING RETURNING 1",
                (client_id, request_id, Jsonb({ABANDONED: True, "fenced_ms": now_ms})))
            return await cursor.fetchone() is not None

    async def fence_request(self, request_key: str, now_ms: int) -> None:
        """Fence the request of a reservation ("client:request"): its own id and, for the
        sub-request of a request ("<request>#<part>", such as an earn's coupon), the id whose
        record its rows commit with. Afterwards the ledger says for good whether it committed."""
        client_id, _, request_id = request_key.partition(":")
        await self.fence(client_id, request_id, now_ms)
        base, sep, _ = request_id.rpartition("#")
        if sep and base:
            await self.fence(client_id, base, now_ms)

    async def abandoned(self, key: IdempotencyKey) -> int | None:
        """When the record holding `key` is an abandoned one (see fence): the time it was fenced
        (ms, server clock); None when it is a real outcome or there is none."""
        async with self._pool.connection() as connection:
            cursor = await connection.execute(
                "SELECT (outcome->>'fenced_ms')::bigint FROM idempotency_keys"
                " WHERE client_id = %s AND request_id = %s AND outcome ? %s",
                (key.client_id, key.request_id, ABANDONED))
            found = await cursor.fetchone()
        return None if found is None else int(found[0])

    def record(self, key: IdempotencyKey, fingerprint: bytes, outcome: dict) -> Row:
        """The row that stores `outcome`; commit it with the request's ledger rows."""
        return Row(TABLE, _COLUMNS, (key.client_id, key.request_id, key.method, fingerprint,
                                     Jsonb(outcome, dumps=_dumps)))

    async def finish(self, key: IdempotencyKey, fingerprint: bytes) -> None:
        """Mark `key` done after its commit, so retries replay without waiting."""
        await self._redis.set(key.marker, "D:" + fingerprint.hex(),
                              px=limits.IDEMPOTENCY_RETENTION_SECONDS * 1000)

    async def release(self, key: IdempotencyKey, fingerprint: bytes) -> None:
        """Drop our in-flight marker after a transient failure, so a retry can run again."""
        await self._scripts.run("idempotency_release", [key.marker], [fingerprint.hex()])


def key_reused(key: IdempotencyKey) -> DomainError:
    return DomainError(ErrorReason.IDEMPOTENCY_KEY_REUSED,
                       "This request_id was used before with different parameters.",
                       {"request_id": key.request_id, "method": key.method})


def _dumps(value: dict) -> str:
    return json.dumps(value, separators=(",", ":"), sort_keys=True)
