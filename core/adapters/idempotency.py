"""Idempotency records: a Redis marker for the fast path, a Postgres row for the truth.

Redis answers "is this request id new, in flight, or done?" in one script call. The stored
outcome lives in Postgres (`idempotency_keys`), written in the same transaction as the request's
ledger rows, so a replay is exactly the first answer. If Redis lost the marker, the table's
one-record-per-request guard still catches the duplicate at commit.

`idempotency_keys` is partitioned by day on create_time (migration 0030, README "Postgres
growth"). The record's create_time is the server clock's, and the done marker carries it, so a
replay reads the record from its one partition. A partitioned table's unique constraint must
include create_time, so the guard is each partition's own unique index on (client_id, request_id)
plus the trigger of migration 0030 for the other partitions (see is_record_conflict).

Records are kept for the retention (REWARDS_IDEMPOTENCY_RETENTION_S, at least 24 h; the Redis
marker lives as long), then the partition timer drops them: a request_id sent again after that is
a new request.
"""

from __future__ import annotations

import asyncio
import datetime as dt
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
_COLUMNS = ("client_id", "request_id", "method", "fingerprint", "outcome", "create_time")
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)


@dataclass(frozen=True, slots=True)
class IdempotencyKey:
    client_id: str
    request_id: str
    method: str
    slot_tag: str = ""
    """The hash tag of the keys the request's reservation script touches (e.g. its offer's), when
    that script claims the request id too (ClaimTicket): the marker then lives in that slot. A
    request id reused by a request of another slot is caught by the Postgres record's guard."""

    @property
    def marker(self) -> str:
        if self.slot_tag:
            return f"{self.slot_tag}:idem:{self.client_id}:{self.request_id}"
        return f"rewards:idem:{self.client_id}:{self.request_id}"

    def ticket(self, fingerprint: bytes) -> ClaimTicket:
        return ClaimTicket(self.marker, fingerprint.hex(), limits.IDEMPOTENCY_IN_FLIGHT_TTL_MS)


@dataclass(frozen=True, slots=True)
class ClaimTicket:
    """What a reservation script needs to claim a request id with its reservation (the marker as
    its last key; the fingerprint and in-flight TTL as arguments), by idempotency_claim.lua's rule."""

    marker: str
    fingerprint: str
    """Hex."""
    ttl_ms: int


class ClaimTaken(Exception):
    """A reservation script found the request id held (in flight, done or reused): nothing was
    reserved; the request goes the way of IdempotencyStore.claim."""

    def __init__(self, claim: Claim) -> None:
        self.claim = claim
        super().__init__(f"request id held: {claim.name}")


class Claim(enum.IntEnum):
    """The codes of idempotency_claim.lua."""

    CLAIMED = 0
    IN_FLIGHT = 1
    DONE = 2
    REUSED = 3


class IdempotencyStore:
    def __init__(self, client: redis.Redis, scripts: Scripts, pool: AsyncConnectionPool, *,
                 retention_s: int = limits.IDEMPOTENCY_RETENTION_SECONDS) -> None:
        assert retention_s >= limits.IDEMPOTENCY_RETENTION_SECONDS
        self._redis = client
        self._scripts = scripts
        self._pool = pool
        self.retention_s = retention_s

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
                outcome = await self.load(key, fingerprint, _marker_time(await self._redis.get(key.marker)))
                if outcome is not None:
                    return outcome
                # The marker outlived its row (cannot happen unless the row was purged): run anew.
                await self._redis.delete(key.marker)
                continue
            if asyncio.get_running_loop().time() >= deadline:
                raise DomainError(ErrorReason.REQUEST_IN_FLIGHT,
                                  metadata={"request_id": key.request_id})
            await asyncio.sleep(limits.IDEMPOTENCY_POLL_MS / 1000)

    async def load(self, key: IdempotencyKey, fingerprint: bytes, at: dt.datetime | None = None) -> dict | None:
        """The committed outcome for `key`, None if there is none; a different fingerprint raises.
        `at`, the record's create_time when known (the done marker's), reads one partition."""
        async with self._pool.connection() as connection:
            found = None
            if at is not None:
                cursor = await connection.execute(LOOKUP_AT, (key.client_id, key.request_id, at))
                found = await cursor.fetchone()
            if found is None:
                cursor = await connection.execute(LOOKUP, (key.client_id, key.request_id))
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
        record's key is taken (the one-record guard). A retry of the request later takes the abandoned record's
        place (LedgerWrite.replaces) with a reservation of its own."""
        async with self._pool.connection() as connection:
            # idempotency_keys_fence (migration 0030): the guard's lock, then insert if none exists.
            cursor = await connection.execute(
                "SELECT idempotency_keys_fence(%s, %s, %s, %s)",
                (client_id, request_id, Jsonb({ABANDONED: True, "fenced_ms": now_ms}),
                 _EPOCH + dt.timedelta(milliseconds=now_ms)))
            (fenced,) = await cursor.fetchone()
            return fenced

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

    def record(self, key: IdempotencyKey, fingerprint: bytes, outcome: dict, at: dt.datetime) -> Row:
        """The row that stores `outcome`, dated `at` (the server clock: its partition); commit it
        with the request's ledger rows."""
        return Row(TABLE, _COLUMNS, (key.client_id, key.request_id, key.method, fingerprint,
                                     Jsonb(outcome, dumps=_dumps), at))

    async def finish(self, key: IdempotencyKey, fingerprint: bytes, at: dt.datetime | None = None) -> None:
        """Mark `key` done after its commit, so retries replay without waiting; `at`, the
        record's create_time when known, lets the replay read its one partition."""
        marker = "D:" + fingerprint.hex()
        if at is not None:
            marker += f":{_micros(at)}"
        await self._scripts.command("SET", key.marker, marker, "PX", self.retention_s * 1000)

    async def release(self, key: IdempotencyKey, fingerprint: bytes) -> None:
        """Drop our in-flight marker after a transient failure, so a retry can run again."""
        await self._scripts.run("idempotency_release", [key.marker], [fingerprint.hex()])


LOOKUP = "SELECT fingerprint, outcome FROM idempotency_keys WHERE client_id = %s AND request_id = %s"
"""A record by its key alone: probes every partition's index (retention days + days ahead)."""
LOOKUP_AT = LOOKUP + " AND create_time = %s"
"""A record by its key and create_time: the planner prunes to the one partition of that day."""


def _micros(at: dt.datetime) -> int:
    delta = at - _EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


def _marker_time(marker: bytes | None) -> dt.datetime | None:
    """The record time a done marker carries ('D:<fingerprint>:<microseconds>'), if any."""
    parts = marker.split(b":") if marker else []
    if len(parts) != 3 or parts[0] != b"D" or not parts[2].isdigit():
        return None
    return _EPOCH + dt.timedelta(microseconds=int(parts[2]))


def is_record_conflict(constraint: str | None) -> bool:
    """Whether a refused write's constraint says its request has a record already: the guard
    trigger's PRIMARY_KEY (a record in another partition), or the record's partition's own unique
    index, `idempotency_keys_<partition>_request_key` (one in the same partition)."""
    return constraint is not None and (constraint == PRIMARY_KEY or (
        constraint.startswith(TABLE + "_") and constraint.endswith("_request_key")))


LEDGER_REQUEST_KEYS = frozenset({
    "coupon_redemptions_request_idx", "coupons_request_idx", "coupon_activations_request_idx",
    "coupon_revocations_request_idx", "points_transactions_request_idx", "code_generations_pkey",
    "code_imports_pkey"})
"""The ledger tables' own unique indexes on the request id. Within the retention the record's
guard answers first (a replay); one of these refusing a write means the request id was used by a
request whose record is past retention: see expired_key_reused."""


def expired_key_reused(key: IdempotencyKey) -> DomainError:
    return DomainError(ErrorReason.IDEMPOTENCY_KEY_REUSED,
                       "This request_id was used before, by a request whose idempotency record is past its retention:"
                       " send a new request_id.", {"request_id": key.request_id, "method": key.method})


def key_reused(key: IdempotencyKey) -> DomainError:
    return DomainError(ErrorReason.IDEMPOTENCY_KEY_REUSED,
                       "This request_id was used before with different parameters.",
                       {"request_id": key.request_id, "method": key.method})


def _dumps(value: dict) -> str:
    return json.dumps(value, separators=(",", ":"), sort_keys=True)
