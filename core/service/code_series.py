"""Code series: create a series, fill it (GenerateCodes, ImportCodes), draw its codes at issue.

Where a code lives:

    Postgres  org_codes: every non-common code of the organisation (primary key (org, code):
              the last guard), coupon_id NULL while the code waits in its series' pool
    Redis     {o:<offer>}:pool:<series>: a set of the series' unissued codes, under the offer's
              hash tag, rebuilt from Postgres with the offer's other state (load_pools)

Filling a series: each batch of 10,000 codes is generated (the Cython generator, or its twin),
COPYed into a temporary table, inserted with ON CONFLICT DO NOTHING (a code the organisation
holds already is dropped and made up by the next batch), loaded into the pool with pipelined
SADDs, and committed with the request's progress, all under a shared lock on the Redis epoch row
(a rebuild waits for the batch, so it either counts it or ran before and the SADDs land in the
rebuilt pool). A batch that fails takes its codes back out of the pool; codes left in the pool
by a crash are refused by Postgres when drawn (coupons_take_code) and never given back.

Issuing: code_pool_draw.lua SPOPs a code under the reservation's epoch and notes it as drawn
(with a deadline); the coupon row's trigger marks the code issued in org_codes, or refuses a
code that is not in the pool any more; then code_pool_release.lua settles it: forgotten once
issued, given back on failure only if Postgres still has it unissued. A code whose issue died
in between is given back by the reservation sweep after its deadline (sweep_drawn_codes).

Revoking: RevokeCoupons UNISSUED_ONLY and ALL_UNREDEEMED revoke the offer's unissued codes in
Postgres (org_codes.revoke_time, in the revocation's trigger, 0021_code_revocation.sql), which is
the guard: a revoked code is refused to any issue that drew it and left out of any rebuilt pool.
After the commit, code_pool_revoke.lua takes them out of the Redis pools (and forgets them as
drawn, so a failed issue never gives one back); a retry of the revocation does it again. A
revoked code (an unissued one, or a revoked coupon's) may be uploaded again: ImportCodes puts it
back in a pool, a bulk row naming it issues it (the transfer of a coupon); a redeemed code may
not (DUPLICATE_CODE).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from collections.abc import AsyncIterator, Iterable
from dataclasses import asdict, dataclass

from psycopg.errors import LockNotAvailable

from core.adapters.postgres.ledger_writer import Row
from core.adapters.redis.state import StateGuard
from core.codegen import CodeGenerator
from core.domain import limits
from core.domain.code_series import CodeShape, SeriesType, check_code_space, normalised_import, series_shape
from core.domain.errors import DomainError, ErrorReason, field_invalid, field_required, field_too_long
from core.service.accounts import parse_uuid as _uuid, validate_request_id
from core.service.context import Caller, Deps
from core.service.idempotent import Prepared, execute_once

_SADD_CHUNK = 1_000
"""Codes per SADD command of a pipelined pool load."""
_SERIES_COLUMNS = ("code_series_id", "org_id", "offer_id", "type", "alphabet", "length", "prefix", "create_time")


def pool_key(offer_id: str, series_id: str) -> str:
    """The Redis set of a series' unissued codes, under its offer's hash tag."""
    return f"rewards:{{o:{offer_id}}}:pool:{series_id}"


def _epoch_key(offer_id: str) -> str:
    return f"rewards:{{o:{offer_id}}}:epoch"


@dataclass(frozen=True, slots=True)
class CreateCodeSeries:
    request_id: str
    offer_id: str
    type: int
    alphabet: str = ""
    length: int = 0
    prefix: str = ""
    sample_code: str = ""
    common_code: str = ""


@dataclass(frozen=True, slots=True)
class CodeSeries:
    code_series_id: str
    offer_id: str
    type: int
    alphabet: str
    length: int
    prefix: str
    create_time: dt.datetime | None
    code_count: int = 0
    common_code: str = ""

    def to_json(self) -> dict:
        return {**asdict(self), "create_time": self.create_time.isoformat() if self.create_time else None}

    @classmethod
    def from_json(cls, data: dict) -> CodeSeries:
        created = data["create_time"]
        return cls(**{**data, "create_time": dt.datetime.fromisoformat(created) if created else None})

    @property
    def shape(self) -> CodeShape:
        return CodeShape(self.alphabet, self.length, self.prefix)


@dataclass(frozen=True, slots=True)
class GenerateCodes:
    request_id: str
    code_series_id: str
    count: int


@dataclass(frozen=True, slots=True)
class GenerateProgress:
    generated_count: int
    total_count: int
    done: bool


@dataclass(frozen=True, slots=True)
class ImportBatch:
    """One ImportCodes message."""

    request_id: str
    code_series_id: str
    codes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RejectedRow:
    row_index: int
    code: str
    reason: str


@dataclass(frozen=True, slots=True)
class ImportResult:
    imported_count: int
    rejected_count: int
    rejected_rows: tuple[RejectedRow, ...]

    def to_json(self) -> dict:
        return {"imported_count": self.imported_count, "rejected_count": self.rejected_count,
                "rejected_rows": [asdict(row) for row in self.rejected_rows]}

    @classmethod
    def from_json(cls, data: dict) -> ImportResult:
        return cls(data["imported_count"], data["rejected_count"],
                   tuple(RejectedRow(**row) for row in data["rejected_rows"]))


class CodeSeriesBook:
    """The code series of one worker's organisations: create, generate, import."""

    def __init__(self, deps: Deps, guard: StateGuard, coupons) -> None:
        self._deps = deps
        self._guard = guard
        self._coupons = coupons
        """core.service.coupons.Coupons: common codes, offers, and loading an offer's state."""

    # --- CreateCodeSeries -----------------------------------------------------------------

    async def create(self, command: CreateCodeSeries, caller: Caller) -> CodeSeries:
        validate_request_id(command.request_id)
        offer_id = _uuid(command.offer_id, "code_series.offer_id")
        if command.type == 0:
            raise field_required("code_series.type")
        try:
            kind = SeriesType(command.type)
        except ValueError:
            raise field_invalid("code_series.type", "a CodeSeriesType") from None
        if kind is SeriesType.COMMON:
            code = await self._coupons.set_common_code(command.request_id, offer_id, command.common_code, caller)
            return CodeSeries(offer_id, offer_id, int(kind), "", 0, "", None, 1, code)
        if command.common_code:
            raise field_invalid("code_series.common_code", "only for COMMON")
        shape = series_shape(kind, command.alphabet, command.length, command.prefix, command.sample_code)
        await self._coupons.offer_by_id(caller.org_id, offer_id)

        async def prepare() -> Prepared[CodeSeries]:
            series = CodeSeries(str(uuid.uuid4()), offer_id, int(kind), shape.alphabet, shape.length, shape.prefix,
                                self._deps.clock.now())
            row = Row("code_series", _SERIES_COLUMNS, (series.code_series_id, caller.org_id, offer_id, series.type,
                                                       series.alphabet, series.length, series.prefix,
                                                       series.create_time))
            return Prepared(series, (row,), {"code_series_prefix_unique": DomainError(
                ErrorReason.CODE_ALREADY_EXISTS, metadata={"prefix": shape.prefix})})

        return await execute_once(self._deps, caller, "CreateCodeSeries", command, prepare, CodeSeries.from_json)

    async def series(self, org_id: str, series_id: str, field: str = "code_series_id") -> CodeSeries:
        series_id = _uuid(series_id, field)
        async with self._deps.pool.connection() as connection:
            cursor = await connection.execute(
                "SELECT offer_id::text, type, alphabet, length, prefix, create_time, code_count FROM code_series"
                " WHERE code_series_id = %s AND org_id = %s", (series_id, org_id))
            found = await cursor.fetchone()
        if found is None:
            raise DomainError(ErrorReason.CODE_SERIES_NOT_FOUND, metadata={"code_series_id": series_id})
        return CodeSeries(series_id, *found)

    # --- GenerateCodes --------------------------------------------------------------------

    async def generate(self, command: GenerateCodes, caller: Caller) -> AsyncIterator[GenerateProgress]:
        """Stream progress while `count` codes are generated into the series, batch by batch;
        the same request_id resumes after the last committed batch."""
        validate_request_id(command.request_id)
        if not 1 <= command.count <= limits.GENERATE_CODES_COUNT_MAX:
            raise DomainError(ErrorReason.FIELD_OUT_OF_RANGE, metadata={
                "field": "count", "min": 1, "max": limits.GENERATE_CODES_COUNT_MAX})
        series = await self.series(caller.org_id, command.code_series_id)
        if not SeriesType(series.type).generated:
            raise DomainError(ErrorReason.CODE_SERIES_TYPE_MISMATCH, metadata={
                "code_series_id": series.code_series_id, "type": SeriesType(series.type).name})
        generated = await self._start_generation(command, caller, series)
        await self._coupons.ensure_offer_loaded(series.offer_id)
        yield GenerateProgress(generated, command.count, generated == command.count)
        empty_batches = 0
        while generated < command.count:
            added = await self._generate_batch(command, caller, series, generated)
            empty_batches = 0 if added else empty_batches + 1
            if empty_batches == 3:  # Never with the 1% limit; a guard against looping forever.
                raise DomainError(ErrorReason.CODE_GENERATION_COLLISION)
            generated += added
            yield GenerateProgress(generated, command.count, generated == command.count)

    async def _start_generation(self, command: GenerateCodes, caller: Caller, series: CodeSeries) -> int:
        """The codes the request committed so far: 0 for a new request (after the code space
        check), its progress for a retry; IDEMPOTENCY_KEY_REUSED for other parameters."""
        key = (caller.client_id, command.request_id)
        async with self._deps.pool.connection() as connection:
            cursor = await connection.execute(
                "SELECT code_series_id::text, count, generated_count FROM code_generations"
                " WHERE client_id = %s AND request_id = %s", key)
            found = await cursor.fetchone()
            if found is None:
                check_code_space(series.shape, series.code_count, command.count)
                now = self._deps.clock.now()
                cursor = await connection.execute(
                    "INSERT INTO code_generations (client_id, request_id, org_id, code_series_id, count, create_time,"
                    " update_time) VALUES (%s, %s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING"
                    " RETURNING generated_count",
                    (*key, caller.org_id, series.code_series_id, command.count, now, now))
                if await cursor.fetchone() is not None:
                    return 0
                raise DomainError(ErrorReason.REQUEST_IN_FLIGHT)
        if (found[0], found[1]) != (series.code_series_id, command.count):
            raise DomainError(ErrorReason.IDEMPOTENCY_KEY_REUSED, metadata={"request_id": command.request_id})
        return found[2]

    async def _generate_batch(self, command: GenerateCodes, caller: Caller, series: CodeSeries,
                              generated: int) -> int:
        """Generate, COPY, insert (dropping codes the organisation holds), load into the pool and
        commit one batch with the request's progress; returns the codes added."""
        wanted = min(limits.GENERATE_CODES_BATCH, command.count - generated)
        codes = CodeGenerator(series.alphabet, series.length, series.prefix).generate(wanted)
        pool = pool_key(series.offer_id, series.code_series_id)
        added: list[str] = []
        try:
            async with self._deps.pool.connection() as connection, connection.transaction():
                await connection.execute("SELECT epoch FROM redis_epoch FOR SHARE")
                await _claim_progress(connection, caller.client_id, command.request_id, generated)
                await connection.execute(
                    "CREATE TEMP TABLE IF NOT EXISTS code_batch (code text NOT NULL) ON COMMIT DELETE ROWS")
                async with connection.cursor().copy("COPY code_batch (code) FROM STDIN") as copy:
                    await copy.write(("\n".join(codes) + "\n").encode())
                cursor = await connection.execute(
                    "INSERT INTO org_codes (org_id, code, offer_id, code_series_id) SELECT %s, code, %s, %s"
                    " FROM code_batch ON CONFLICT DO NOTHING RETURNING code",
                    (caller.org_id, series.offer_id, series.code_series_id))
                added = [code for (code,) in await cursor.fetchall()]
                await _add_to_pool(self._deps.redis, pool, added)
                await _count_progress(connection, self._deps.clock.now(), caller.client_id, command.request_id,
                                      series.code_series_id, len(added))
        except BaseException:
            if added:
                await _add_to_pool(self._deps.redis, pool, added, "srem")
            raise
        return len(added)

    # --- ImportCodes ----------------------------------------------------------------------

    async def import_codes(self, batches: AsyncIterator[ImportBatch], caller: Caller) -> ImportResult:
        """Import a stream of batches into an IMPORTED series, in one transaction: per-row
        rejections, the rest imported; a retry of a committed import replays its response."""
        first = await anext(batches, None)
        if first is None:
            raise field_required("request_id")
        validate_request_id(first.request_id)
        series = await self.series(caller.org_id, first.code_series_id)
        if series.type != SeriesType.IMPORTED:
            raise DomainError(ErrorReason.CODE_SERIES_TYPE_MISMATCH, metadata={
                "code_series_id": series.code_series_id, "type": SeriesType(series.type).name})
        stored = await _stored_import(self._deps, caller.client_id, first.request_id)
        run = _ImportRun(first, series, caller)
        if stored is not None:
            async for batch in _chained(first, batches):
                run.check(batch)
                run.digest_codes(batch.codes)
            return _replayed(stored, run.digest.digest(), first.request_id)
        await self._coupons.ensure_offer_loaded(series.offer_id)
        try:
            async with self._deps.pool.connection() as connection, connection.transaction():
                await connection.execute("CREATE TEMP TABLE import_seen (code text PRIMARY KEY, added boolean NOT NULL)"
                                         " ON COMMIT DROP")
                async for batch in _chained(first, batches):
                    run.check(batch)
                    run.digest_codes(batch.codes)
                    await run.apply(connection, batch.codes)
                await connection.execute("SELECT epoch FROM redis_epoch FOR SHARE")
                result = run.result()
                cursor = await connection.execute(
                    "INSERT INTO code_imports (client_id, request_id, digest, response, create_time)"
                    " VALUES (%s, %s, %s, %s, %s) ON CONFLICT DO NOTHING RETURNING 1",
                    (caller.client_id, first.request_id, run.digest.digest(), json.dumps(result.to_json()),
                     self._deps.clock.now()))
                if await cursor.fetchone() is None:
                    raise _ImportedConcurrently()
                await connection.execute("UPDATE code_series SET code_count = code_count + %s"
                                         " WHERE code_series_id = %s", (result.imported_count, series.code_series_id))
                await _load_added(self._deps.redis, connection, pool_key(series.offer_id, series.code_series_id))
        except _ImportedConcurrently:
            stored = await _stored_import(self._deps, caller.client_id, first.request_id)
            return _replayed(stored, run.digest.digest(), first.request_id)
        return result


class _ImportedConcurrently(Exception):
    """Another call with the same request_id committed first: roll back, replay its response."""


class _ImportRun:
    """The running state of one import: the digest of what was sent and the rejected rows."""

    def __init__(self, first: ImportBatch, series: CodeSeries, caller: Caller) -> None:
        self.first = first
        self.series = series
        self.caller = caller
        self.digest = hashlib.sha256(series.code_series_id.encode() + b"\n")
        self.row_count = 0
        self.imported_count = 0
        self.rejected_count = 0
        self.rejected: list[RejectedRow] = []

    def check(self, batch: ImportBatch) -> None:
        for field, value in (("request_id", batch.request_id), ("code_series_id", batch.code_series_id)):
            if value and value != getattr(self.first, field):
                raise field_invalid(field, "empty or the first message's value")
        if len(batch.codes) > limits.IMPORT_CODES_BATCH_MAX:
            raise field_too_long("codes", limits.IMPORT_CODES_BATCH_MAX)

    def digest_codes(self, codes: Iterable[str]) -> None:
        for code in codes:
            self.digest.update(code.encode() + b"\n")

    def reject(self, row_index: int, code: str, reason: ErrorReason) -> None:
        self.rejected_count += 1
        if len(self.rejected) < limits.IMPORT_REJECTED_ROWS_MAX:
            self.rejected.append(RejectedRow(row_index, code[:limits.IMPORTED_CODE_LENGTH_MAX], reason.name))

    async def apply(self, connection, codes: tuple[str, ...]) -> None:
        """Insert one batch's good rows; reject the malformed, the repeated, the taken."""
        rejections: list[tuple[int, str, ErrorReason]] = []
        first_rows: dict[str, int] = {}
        for row_index, sent in enumerate(codes, start=self.row_count):
            code = normalised_import(sent)
            if code is None:
                rejections.append((row_index, sent, ErrorReason.CODE_INVALID))
            elif code in first_rows:
                rejections.append((row_index, sent, ErrorReason.DUPLICATE_CODE))
            else:
                first_rows[code] = row_index
        sent_of = lambda row_index: codes[row_index - self.row_count]  # noqa: E731
        cursor = await connection.execute("SELECT code FROM import_seen WHERE code = ANY(%s)", (list(first_rows),))
        for (code,) in await cursor.fetchall():
            row_index = first_rows.pop(code)
            rejections.append((row_index, sent_of(row_index), ErrorReason.DUPLICATE_CODE))
        # A code the organisation holds is DUPLICATE_CODE, unless it was revoked: then it is
        # uploaded again (the transfer of a revoked coupon's code) and waits in this series' pool.
        cursor = await connection.execute(
            "INSERT INTO org_codes (org_id, code, offer_id, code_series_id) SELECT %s, code, %s, %s"
            " FROM unnest(%s::text[]) AS code ON CONFLICT (org_id, code) DO UPDATE"
            " SET offer_id = EXCLUDED.offer_id, code_series_id = EXCLUDED.code_series_id, coupon_id = NULL,"
            " revoke_time = NULL, revocation_id = NULL WHERE org_codes.revoke_time IS NOT NULL RETURNING code",
            (self.caller.org_id, self.series.offer_id, self.series.code_series_id, list(first_rows)))
        added = {code for (code,) in await cursor.fetchall()}
        rejections += [(row_index, sent_of(row_index), ErrorReason.DUPLICATE_CODE)
                       for code, row_index in first_rows.items() if code not in added]
        await connection.execute(
            "INSERT INTO import_seen (code, added) SELECT code, code = ANY(%s) FROM unnest(%s::text[]) AS code",
            (list(added), list(first_rows)))
        self.row_count += len(codes)
        self.imported_count += len(added)
        for row_index, code, reason in sorted(rejections, key=lambda rejection: rejection[0]):
            self.reject(row_index, code, reason)

    def result(self) -> ImportResult:
        return ImportResult(self.imported_count, self.rejected_count, tuple(self.rejected))


async def _chained(first: ImportBatch, rest: AsyncIterator[ImportBatch]) -> AsyncIterator[ImportBatch]:
    yield first
    async for batch in rest:
        yield batch


async def _stored_import(deps: Deps, client_id: str, request_id: str) -> tuple[bytes, dict] | None:
    async with deps.pool.connection() as connection:
        cursor = await connection.execute(
            "SELECT digest, response FROM code_imports WHERE client_id = %s AND request_id = %s", (client_id, request_id))
        found = await cursor.fetchone()
    return None if found is None else (bytes(found[0]), found[1])


def _replayed(stored: tuple[bytes, dict] | None, digest: bytes, request_id: str) -> ImportResult:
    if stored is None or stored[0] != digest:
        raise DomainError(ErrorReason.IDEMPOTENCY_KEY_REUSED, metadata={"request_id": request_id})
    return ImportResult.from_json(stored[1])


async def _claim_progress(connection, client_id: str, request_id: str, generated: int) -> None:
    """Lock the request's progress row; REQUEST_IN_FLIGHT if another call holds it or moved it."""
    try:
        cursor = await connection.execute(
            "SELECT generated_count FROM code_generations WHERE client_id = %s AND request_id = %s FOR UPDATE NOWAIT",
            (client_id, request_id))
    except LockNotAvailable:
        raise DomainError(ErrorReason.REQUEST_IN_FLIGHT) from None
    if (await cursor.fetchone())[0] != generated:
        raise DomainError(ErrorReason.REQUEST_IN_FLIGHT)


async def _count_progress(connection, now: dt.datetime, client_id: str, request_id: str, series_id: str,
                          added: int) -> None:
    await connection.execute(
        "UPDATE code_generations SET generated_count = generated_count + %s, update_time = %s"
        " WHERE client_id = %s AND request_id = %s", (added, now, client_id, request_id))
    await connection.execute("UPDATE code_series SET code_count = code_count + %s WHERE code_series_id = %s",
                             (added, series_id))


async def _add_to_pool(redis, key: str, codes: list[str], command: str = "sadd") -> None:
    """SADD (or, with command "srem", SREM) the codes, pipelined, _SADD_CHUNK per command."""
    async with redis.pipeline(transaction=False) as pipe:
        for start in range(0, len(codes), _SADD_CHUNK):
            getattr(pipe, command)(key, *codes[start:start + _SADD_CHUNK])
        await pipe.execute()


async def _load_added(redis, connection, pool: str) -> None:
    """SADD the codes this import added (read back from its temporary table) to the pool."""
    cursor = connection.cursor(name="import_added")
    await cursor.execute("SELECT code FROM import_seen WHERE added")
    while rows := await cursor.fetchmany(limits.GENERATE_CODES_BATCH):
        await _add_to_pool(redis, pool, [code for (code,) in rows])
    await cursor.close()


# --- the pool at issue and at rebuild ------------------------------------------------------

async def pool_series(deps: Deps, org_id: str, offer_id: str, series_id: str = "") -> list[str]:
    """The series IssueCoupon draws from: `series_id` (CODE_SERIES_NOT_FOUND unless it is a
    generated or imported series of the offer), else the offer's such series, oldest first;
    empty for an offer without any (its coupons get a fresh random code)."""
    async with deps.pool.connection() as connection:
        cursor = await connection.execute(
            "SELECT code_series_id::text FROM code_series WHERE offer_id = %s AND org_id = %s"
            " AND (%s::uuid IS NULL OR code_series_id = %s::uuid) ORDER BY create_time, code_series_id",
            (offer_id, org_id, series_id or None, series_id or None))
        found = [series for (series,) in await cursor.fetchall()]
    if series_id and not found:
        raise DomainError(ErrorReason.CODE_SERIES_NOT_FOUND, metadata={"code_series_id": series_id})
    return found


def _drawn_key(offer_id: str, epoch: int | str) -> str:
    return f"rewards:{{o:{offer_id}}}:pool-drawn:{epoch}"


async def draw_code(deps: Deps, offer_id: str, series_ids: list[str], epoch: int,
                    now_ms: int) -> tuple[str, str] | None:
    """One unissued code and its series, atomically taken out of the pools and noted as drawn
    until it is issued or given back; None if every pool is empty."""
    reply = await deps.scripts.run(
        "code_pool_draw", [_epoch_key(offer_id), _drawn_key(offer_id, epoch)] + [
            pool_key(offer_id, series_id) for series_id in series_ids],
        [epoch, now_ms + limits.CODE_DRAW_TTL_MS, 2 * limits.CODE_DRAW_TTL_MS, *series_ids])
    if reply[0] == 1:
        raise DomainError(ErrorReason.STATE_REBUILDING)
    if reply[0] == 2:
        return None
    code = reply[1].decode() if isinstance(reply[1], bytes) else str(reply[1])
    return code, series_ids[int(reply[2]) - 1]


async def settle_code(deps: Deps, offer_id: str, series_id: str, code: str, epoch: int | str,
                      issued: bool = False) -> int:
    """A drawn code's end: forgotten as drawn once its coupon committed (`issued`); otherwise
    given back to its pool if Postgres still has it unissued in that series. 1 if given back."""
    unissued = False
    if not issued:
        async with deps.pool.connection() as connection:
            cursor = await connection.execute(
                "SELECT 1 FROM org_codes c JOIN code_series s ON s.org_id = c.org_id"
                " WHERE s.code_series_id = %s AND c.code = %s AND c.code_series_id = s.code_series_id"
                " AND c.coupon_id IS NULL AND c.revoke_time IS NULL", (series_id, code))
            unissued = await cursor.fetchone() is not None
    return int(await deps.scripts.run(
        "code_pool_release", [_epoch_key(offer_id), _drawn_key(offer_id, epoch), pool_key(offer_id, series_id)],
        [epoch, code, int(unissued)]))


async def take_named_code(deps: Deps, offer_id: str, series_id: str, code: str, epoch: int, now_ms: int) -> None:
    """An unissued code of the offer's own pool, named by a bulk row: out of the pool now (no draw
    can take it) and noted as drawn, like a drawn code, until its issue settles it."""
    async with deps.redis.pipeline(transaction=True) as pipe:
        pipe.srem(pool_key(offer_id, series_id), code)
        pipe.hset(_drawn_key(offer_id, epoch), code, f"{series_id}|{now_ms + limits.CODE_DRAW_TTL_MS}")
        pipe.pexpire(_drawn_key(offer_id, epoch), 2 * limits.CODE_DRAW_TTL_MS)
        await pipe.execute()


async def unpool_revoked_codes(deps: Deps, offer_id: str, revocation_id: str, epoch: int) -> int:
    """Take the unissued codes a committed revocation revoked out of their Redis pools (and out
    of the drawn codes), _SADD_CHUNK per script call. Returns how many were still pooled."""
    removed = 0
    async with deps.pool.connection() as connection, connection.transaction():
        cursor = connection.cursor(name="revoked_codes")
        await cursor.execute("SELECT code_series_id::text, code FROM org_codes WHERE revocation_id = %s"
                             " AND coupon_id IS NULL AND code_series_id IS NOT NULL ORDER BY code_series_id",
                             (revocation_id,))
        while rows := await cursor.fetchmany(_SADD_CHUNK):
            by_series: dict[str, list[str]] = {}
            for series_id, code in rows:
                by_series.setdefault(series_id, []).append(code)
            for series_id, codes in by_series.items():
                removed += int(await deps.scripts.run(
                    "code_pool_revoke", [pool_key(offer_id, series_id), _drawn_key(offer_id, epoch)], codes))
        await cursor.close()
    return removed


async def sweep_drawn_codes(deps: Deps, offer_ids: list[str], epoch: int, now_ms: int) -> int:
    """Give back the codes drawn by issues that died before settling them (past their deadline):
    those Postgres still has unissued return to their pools. Returns how many returned."""
    returned = 0
    for offer_id in offer_ids:
        drawn = await deps.redis.hgetall(_drawn_key(offer_id, epoch))
        for code, value in drawn.items():
            series_id, _, deadline = value.decode().partition("|")
            if int(deadline) <= now_ms:
                returned += await settle_code(deps, offer_id, series_id, code.decode(), epoch)
    return returned


async def register_common_code(connection, org_id: str, code: str, offer_id: str) -> bool:
    """Enter an offer's common code in org_codes (so that no series or coupon can take it);
    False if the organisation holds it already for anything else."""
    cursor = await connection.execute(
        "INSERT INTO org_codes (org_id, code, offer_id) VALUES (%s, %s, %s) ON CONFLICT (org_id, code) DO UPDATE"
        " SET offer_id = org_codes.offer_id WHERE org_codes.offer_id = EXCLUDED.offer_id"
        " AND org_codes.code_series_id IS NULL AND org_codes.coupon_id IS NULL RETURNING 1", (org_id, code, offer_id))
    return await cursor.fetchone() is not None


async def load_pools(deps: Deps, offer_id: str, epoch: int, connection) -> None:
    """Rebuild the pools of the offer's series from Postgres (before coupon_load sets the epoch):
    each is loaded into a staging set, then put in place unless the epoch is loaded already."""
    cursor = await connection.execute("SELECT code_series_id::text FROM code_series WHERE offer_id = %s", (offer_id,))
    for (series_id,) in await cursor.fetchall():
        pool = pool_key(offer_id, series_id)
        staging = f"{pool}:load:{epoch}"
        await deps.redis.delete(staging)
        async with connection.transaction():
            codes = connection.cursor(name=f"pool_{series_id.replace('-', '')}")
            await codes.execute("SELECT code FROM org_codes WHERE code_series_id = %s AND coupon_id IS NULL"
                                " AND revoke_time IS NULL", (series_id,))
            while rows := await codes.fetchmany(limits.GENERATE_CODES_BATCH):
                await _add_to_pool(deps.redis, staging, [code for (code,) in rows])
            await codes.close()
        await deps.scripts.run("code_pool_load", [_epoch_key(offer_id), staging, pool], [epoch])


__all__ = ["CodeSeries", "CodeSeriesBook", "CreateCodeSeries", "GenerateCodes", "GenerateProgress", "ImportBatch",
           "ImportResult", "RejectedRow", "draw_code", "load_pools", "pool_series", "register_common_code",
           "settle_code", "sweep_drawn_codes", "take_named_code", "unpool_revoked_codes"]
