"""Code series: create a series, fill it (GenerateCodes, ImportCodes), draw its codes at issue.

Where a code lives:

    Postgres  org_codes: every non-common code of the organisation (primary key (org, code):
              the last guard), coupon_id NULL while the code waits in its series' pool
    Redis     {o:<offer>}:pool:<series>: a set of the series' unissued codes, under the offer's
              hash tag, rebuilt from Postgres with the offer's other state (load_pools)

Filling a series (GenerateCodes and file imports are background jobs: core/service/jobs): each
chunk of a GENERATE_CODES job (50,000 codes, made by the Cython generator or its twin from the
job's seed and progress) is COPYed straight into org_codes while it is loaded into the pool with
pipelined SADDs (on a collision with a code the organisation holds, the chunk goes through a
temporary table with ON CONFLICT DO NOTHING instead, and the dropped codes leave the pool again),
and commits with the job's progress, all under a shared lock on the Redis epoch row (a rebuild
waits for the chunk, so it either counts it or ran before and the SADDs land in the rebuilt
pool). A chunk that fails takes its codes back out of the pool; the codes a crashed worker's
chunk left in the pool are taken out by the worker that takes the job over (recover_chunk), and
would be refused by Postgres when drawn (coupons_take_code) in any case.

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
import uuid
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import asdict, dataclass

from core.adapters.postgres.code_series import (CodeSeriesStore, ImportedConcurrently, ImportTransaction,
                                                SeriesRow, series_row)
from core.adapters.postgres.jobs import JobChunk, JobRow
from core.adapters.redis.state import StateGuard
from core.codegen import CodeGenerator
from core.domain import limits
from core.domain.code_series import CodeShape, SeriesType, check_code_space, normalised_import, series_shape
from core.domain.errors import DomainError, ErrorReason, field_invalid, field_required, field_too_long
from core.domain.jobs import GenerateCodesSpec, ImportCodesSpec, JobKind, spec_of
from core.service.accounts import parse_uuid as _uuid, validate_request_id
from core.service.context import Caller, Deps
from core.service.coupons.base import OfferCodeCache
from core.service.coupons.offers import set_common_code
from core.service.coupons.pools import (draw_code, load_pools, pool_series, series_pool, settle_code,
                                        sweep_drawn_codes, take_named_code, unpool_revoked_codes)
from core.service.coupons.recovery import ensure_offer_loaded
from core.service.coupons.stores import CouponStores
from core.service.idempotent import Prepared, execute_once

OpenChunk = Callable[[JobRow], AbstractAsyncContextManager[JobChunk]]
"""Opens one chunk's transaction of a job (core/adapters/postgres/jobs.py JobStore.chunk)."""

EMPTY_BATCHES_MAX = 3
"""GenerateCodes gives up (CODE_GENERATION_COLLISION) after this many batches in a row added no
code: never with the 1% code-space limit, a guard against looping forever."""


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


def _series_of(found: SeriesRow) -> CodeSeries:
    return CodeSeries(code_series_id=found.code_series_id, offer_id=found.offer_id, type=found.type,
                      alphabet=found.alphabet, length=found.length, prefix=found.prefix,
                      create_time=found.create_time, code_count=found.code_count)


class CodeSeriesBook:
    """The code series of one worker's organisations: create, generate, import. It shares the
    coupon engine's stores and common-code cache, not the engine."""

    def __init__(self, deps: Deps, guard: StateGuard, stores: CouponStores | None = None,
                 codes: OfferCodeCache | None = None) -> None:
        self._deps = deps
        self._guard = guard
        self._stores = stores or CouponStores.of(deps)
        self._codes = codes or OfferCodeCache()

    @property
    def _rows(self) -> CodeSeriesStore:
        return self._stores.code_series

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
            code = await set_common_code(self._stores, self._codes, command.request_id, offer_id,
                                         command.common_code, caller)
            return CodeSeries(offer_id, offer_id, int(kind), "", 0, "", None, 1, code)
        if command.common_code:
            raise field_invalid("code_series.common_code", "only for COMMON")
        shape = series_shape(kind, command.alphabet, command.length, command.prefix, command.sample_code)
        if await self._stores.offers.by_id(offer_id, caller.org_id) is None:
            raise DomainError(ErrorReason.OFFER_NOT_FOUND, metadata={"offer_id": offer_id})

        async def prepare() -> Prepared[CodeSeries]:
            return self._prepare_series(offer_id, kind, shape, caller)

        return await execute_once(self._deps, caller, "CreateCodeSeries", command, prepare, CodeSeries.from_json)

    def _prepare_series(self, offer_id: str, kind: SeriesType, shape: CodeShape, caller: Caller) -> Prepared[CodeSeries]:
        series = CodeSeries(str(uuid.uuid4()), offer_id, int(kind), shape.alphabet, shape.length, shape.prefix,
                            self._deps.clock.now())
        row = series_row(code_series_id=series.code_series_id, org_id=caller.org_id, offer_id=offer_id,
                         type=series.type, alphabet=series.alphabet, length=series.length, prefix=series.prefix,
                         create_time=series.create_time)
        return Prepared(series, (row,), {"code_series_prefix_unique": DomainError(
            ErrorReason.CODE_ALREADY_EXISTS, metadata={"prefix": shape.prefix})})

    async def series(self, org_id: str, series_id: str, field: str = "code_series_id") -> CodeSeries:
        series_id = _uuid(series_id, field)
        found = await self._rows.series(org_id=org_id, series_id=series_id)
        if found is None:
            raise DomainError(ErrorReason.CODE_SERIES_NOT_FOUND, metadata={"code_series_id": series_id})
        return _series_of(found)

    # --- GenerateCodes (a background job: core/service/jobs) -----------------------------------

    async def generation_series(self, spec: GenerateCodesSpec, caller: Caller) -> CodeSeries:
        """The series a GENERATE_CODES job fills, its count and type checked (FIELD_OUT_OF_RANGE,
        CODE_SERIES_NOT_FOUND, CODE_SERIES_TYPE_MISMATCH); the code space is checked by
        `check_generation_space`, for a new job only."""
        if not 1 <= spec.count <= limits.GENERATE_CODES_COUNT_MAX:
            raise DomainError(ErrorReason.FIELD_OUT_OF_RANGE, metadata={
                "field": "count", "min": 1, "max": limits.GENERATE_CODES_COUNT_MAX})
        series = await self.series(caller.org_id, spec.code_series_id)
        if not SeriesType(series.type).generated:
            raise DomainError(ErrorReason.CODE_SERIES_TYPE_MISMATCH, metadata={
                "code_series_id": series.code_series_id, "type": SeriesType(series.type).name})
        return series

    @staticmethod
    def check_generation_space(series: CodeSeries, count: int) -> None:
        check_code_space(series.shape, series.code_count, count)

    async def generate_chunk(self, job: JobRow, open_chunk: OpenChunk) -> JobRow:
        """One chunk of a GENERATE_CODES job: generate, COPY, enter (dropping codes the
        organisation holds: the next chunk makes them up), load into the pool and commit with
        the job's progress. A chunk that fails takes its codes back out of the pool.
        CODE_GENERATION_COLLISION after EMPTY_BATCHES_MAX chunks in a row added nothing."""
        spec = spec_of(JobKind.GENERATE_CODES, job.spec)
        series = await self.series(job.org_id, spec.code_series_id)
        await ensure_offer_loaded(self._stores, self._guard, series.offer_id)
        pool = series_pool(series.offer_id, series.code_series_id)
        for attempt in range(EMPTY_BATCHES_MAX):
            codes = _chunk_codes(series, job, attempt)
            pooled: set[str] = set()

            async def to_pool(added: Sequence[str], pooled: set[str] = pooled) -> None:
                pooled.update(added)
                await self._stores.pools.add_codes(pool, added)

            async def unpool(dropped: Sequence[str], pooled: set[str] = pooled) -> None:
                pooled.difference_update(dropped)
                await self._stores.pools.add_codes(pool, dropped, remove=True)

            try:
                async with open_chunk(job) as chunk:
                    added = await self._rows.enter_generated(
                        chunk.connection, org_id=job.org_id, offer_id=series.offer_id,
                        series_id=series.code_series_id, codes=codes, to_pool=to_pool, unpool=unpool)
                    if added:
                        await chunk.advance(done=len(added), now=self._deps.clock.now())
            except BaseException:
                # (A code that collided with an unissued one of this series, in a chunk that
                # failed before the collision was sorted out, leaves the pool too: a rebuild
                # brings it back. Twice unlikely, and never a code given twice.)
                if pooled:
                    await self._stores.pools.add_codes(pool, sorted(pooled), remove=True)
                raise
            if added:
                return chunk.advanced
        raise DomainError(ErrorReason.CODE_GENERATION_COLLISION)

    async def recover_chunk(self, job: JobRow, rows: Sequence[str] = ()) -> int:
        """A job taken over after its worker died: the chunk that worker had in flight (the one
        starting at the job's progress, which is known again: a GENERATE_CODES chunk's codes come
        from the job's seed and progress, an IMPORT_CODES chunk's are the file's next `rows`) may
        have put codes in the pool without committing them. Those the series does not hold
        unissued leave the pool. Returns how many were taken out."""
        kind = JobKind.of_stored(job.kind)
        series = await self.series(job.org_id, spec_of(kind, job.spec).code_series_id)
        if kind is JobKind.GENERATE_CODES:
            codes = {code for attempt in range(EMPTY_BATCHES_MAX) for code in _chunk_codes(series, job, attempt)}
        else:
            codes = {code for code in map(normalised_import, rows) if code is not None}
        if not codes:
            return 0
        await ensure_offer_loaded(self._stores, self._guard, series.offer_id)
        stray = codes - await self._rows.pooled_of(org_id=job.org_id, series_id=series.code_series_id,
                                                   codes=sorted(codes))
        if stray:
            await self._stores.pools.add_codes(series_pool(series.offer_id, series.code_series_id), sorted(stray),
                                               remove=True)
        return len(stray)

    async def import_series(self, spec: ImportCodesSpec, caller: Caller) -> CodeSeries:
        """The IMPORTED series an IMPORT_CODES job fills (CODE_SERIES_NOT_FOUND, CODE_SERIES_TYPE_MISMATCH)."""
        series = await self.series(caller.org_id, spec.code_series_id)
        if series.type != SeriesType.IMPORTED:
            raise DomainError(ErrorReason.CODE_SERIES_TYPE_MISMATCH, metadata={
                "code_series_id": series.code_series_id, "type": SeriesType(series.type).name})
        return series

    async def import_chunk(self, job: JobRow, rows: Sequence[str], offset: int, open_chunk: OpenChunk) -> JobRow:
        """One chunk of an IMPORT_CODES job: the file's next rows (from row job.cursor["row"],
        ending at byte `offset`) checked, entered, loaded into the pool and committed with the
        job's progress and cursor; malformed rows are CODE_INVALID, a code earlier in the file
        or held by the organisation (unless revoked) DUPLICATE_CODE, each counted as failed."""
        spec = spec_of(JobKind.IMPORT_CODES, job.spec)
        series = await self.series(job.org_id, spec.code_series_id)
        await ensure_offer_loaded(self._stores, self._guard, series.offer_id)
        pool = series_pool(series.offer_id, series.code_series_id)
        first_row = int(job.cursor.get("row", 0))
        rejections: list[tuple[int, str, str]] = []
        first_rows: dict[str, int] = {}
        for row_index, sent in enumerate(rows, start=first_row):
            code = normalised_import(sent)
            if code is None:
                rejections.append((row_index, sent[:limits.IMPORTED_CODE_LENGTH_MAX], ErrorReason.CODE_INVALID.name))
            elif code in first_rows:
                rejections.append((row_index, sent[:limits.IMPORTED_CODE_LENGTH_MAX], ErrorReason.DUPLICATE_CODE.name))
            else:
                first_rows[code] = row_index
        pooled: list[str] = []

        async def to_pool(added: Sequence[str]) -> None:
            pooled.extend(added)
            await self._stores.pools.add_codes(pool, added)

        try:
            async with open_chunk(job) as chunk:
                added = await self._rows.enter_imported(
                    chunk.connection, org_id=job.org_id, offer_id=series.offer_id, series_id=series.code_series_id,
                    codes=list(first_rows), to_pool=to_pool)
                rejections += [(row_index, rows[row_index - first_row][:limits.IMPORTED_CODE_LENGTH_MAX],
                                ErrorReason.DUPLICATE_CODE.name)
                               for code, row_index in first_rows.items() if code not in added]
                rejections.sort()
                await chunk.advance(done=len(added), failed=len(rejections), failures=rejections,
                                    cursor={"offset": offset, "row": first_row + len(rows)},
                                    now=self._deps.clock.now())
        except BaseException:
            if pooled:
                await self._stores.pools.add_codes(pool, pooled, remove=True)
            raise
        return chunk.advanced

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
        stored = await self._rows.stored_import(client_id=caller.client_id, request_id=first.request_id)
        run = _ImportRun(first, series, caller)
        if stored is not None:
            async for batch in _chained(first, batches):
                run.check(batch)
                run.digest_codes(batch.codes)
            return _replayed(stored, run.digest.digest(), first.request_id)
        await ensure_offer_loaded(self._stores, self._guard, series.offer_id)
        pool = series_pool(series.offer_id, series.code_series_id)

        async def to_pool(added: Sequence[str]) -> None:
            await self._stores.pools.add_codes(pool, added)

        try:
            async with self._rows.importing(org_id=caller.org_id, offer_id=series.offer_id,
                                            series_id=series.code_series_id) as importing:
                async for batch in _chained(first, batches):
                    run.check(batch)
                    run.digest_codes(batch.codes)
                    await run.apply(importing, batch.codes)
                result = run.result()
                await importing.finish(client_id=caller.client_id, request_id=first.request_id,
                                       digest=run.digest.digest(), response=result.to_json(),
                                       now=self._deps.clock.now(), imported_count=result.imported_count,
                                       to_pool=to_pool)
        except ImportedConcurrently:
            stored = await self._rows.stored_import(client_id=caller.client_id, request_id=first.request_id)
            return _replayed(stored, run.digest.digest(), first.request_id)
        return result


def _chunk_codes(series: CodeSeries, job: JobRow, attempt: int) -> list[str]:
    """The codes of a GENERATE_CODES chunk: from a seed derived from the job's secret seed, its
    progress at the chunk's start and the attempt, so that the chunk can be made again."""
    wanted = min(limits.JOB_GENERATE_CHUNK_CODES, job.total_count - job.done_count)
    seed = hashlib.sha256(f"{job.cursor['seed']}:{job.done_count}:{attempt}".encode()).digest()
    return CodeGenerator(series.alphabet, series.length, series.prefix, seed=seed).generate(wanted)


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

    async def apply(self, importing: ImportTransaction, codes: tuple[str, ...]) -> None:
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

        def sent_of(row_index: int) -> str:
            return codes[row_index - self.row_count]

        for code in await importing.seen(list(first_rows)):
            row_index = first_rows.pop(code)
            rejections.append((row_index, sent_of(row_index), ErrorReason.DUPLICATE_CODE))
        # A code the organisation holds is DUPLICATE_CODE, unless it was revoked: then it is
        # uploaded again (the transfer of a revoked coupon's code) and waits in this series' pool.
        added = await importing.insert(list(first_rows))
        rejections += [(row_index, sent_of(row_index), ErrorReason.DUPLICATE_CODE)
                       for code, row_index in first_rows.items() if code not in added]
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


def _replayed(stored: tuple[bytes, dict] | None, digest: bytes, request_id: str) -> ImportResult:
    if stored is None or stored[0] != digest:
        raise DomainError(ErrorReason.IDEMPOTENCY_KEY_REUSED, metadata={"request_id": request_id})
    return ImportResult.from_json(stored[1])


__all__ = ["CodeSeries", "CodeSeriesBook", "CreateCodeSeries", "GenerateCodes", "ImportBatch",
           "ImportResult", "RejectedRow", "draw_code", "load_pools", "pool_series", "settle_code",
           "sweep_drawn_codes", "take_named_code", "unpool_revoked_codes"]
