"""JobService's use cases: StartJob, GetJob, ListJobs, CancelJob, WatchJob, and GenerateCodes as a
job (start or find by request_id, then follow).

A job is a row in Postgres (core/adapters/postgres/jobs.py); the runner (runner.py) of any worker
takes it under a lease and commits it chunk by chunk. Following a job reads its row: the snapshots
the local runner publishes after each chunk when the job runs in this worker, the row itself
every poll interval otherwise, so a follower sees every chunk of a local job and at least one
message per interval of a remote one.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass

from core.adapters.import_files import ImportFiles
from core.adapters.postgres.jobs import FailureRow, JobRow, JobStore
from core.domain import limits
from core.domain.errors import DomainError, ErrorReason, field_required
from core.domain.jobs import (BulkIssueCouponsSpec, GenerateCodesSpec, ImportCodesSpec, JobKind, JobState, Spec,
                              fingerprint, kind_of, progress, spec_json, spec_of)
from core.service import paging
from core.service.accounts import parse_uuid, validate_request_id
from core.service.context import Caller, Deps
from core.service.coupons import Coupons
from core.service.jobs import bulk
from core.service.jobs.runner import Hub, JobRunner


@dataclass(frozen=True, slots=True)
class Job:
    """A job as the API shows it."""

    job_id: str
    kind: JobKind
    state: JobState
    request_id: str
    spec: Spec
    total_count: int
    done_count: int
    failed_count: int
    rate_per_second: float
    eta_s: float | None
    create_time: dt.datetime
    start_time: dt.datetime | None
    update_time: dt.datetime
    finish_time: dt.datetime | None
    error_reason: str
    error_message: str

    @classmethod
    def of(cls, row: JobRow) -> Job:
        kind, state = JobKind.of_stored(row.kind), JobState.of_stored(row.state)
        moved = progress(state=state, total=row.total_count, processed=row.done_count + row.failed_count,
                         run_start_count=row.run_start_count, run_start_time=row.run_start_time,
                         update_time=row.update_time)
        return cls(row.job_id, kind, state, row.request_id, spec_of(kind, row.spec), row.total_count,
                   row.done_count, row.failed_count, moved.rate_per_second, moved.eta_s, row.create_time,
                   row.start_time, row.update_time, row.finish_time, row.error_reason, row.error_message)


@dataclass(frozen=True, slots=True)
class StartJob:
    request_id: str
    spec: Spec | None


@dataclass(frozen=True, slots=True)
class ListJobs:
    kind: int = 0
    state: int = 0
    page_size: int = 0
    page_token: str = ""


class Jobs:
    def __init__(self, deps: Deps, coupons: Coupons, files: ImportFiles, *,
                 lease_s: float = limits.JOB_LEASE_S_DEFAULT, poll_s: float = limits.JOB_POLL_S_DEFAULT,
                 slots: int = limits.JOBS_PER_WORKER_DEFAULT) -> None:
        self._deps = deps
        self._coupons = coupons
        self._series = coupons.series
        self._files = files
        self._store = JobStore(deps.pool)
        self._poll_s = poll_s or limits.JOB_POLL_S_DEFAULT
        self.hub = Hub()
        self.runner = JobRunner(deps, self._store, coupons, files, self.hub, lease_s=lease_s, poll_s=poll_s,
                                slots=slots)

    # --- StartJob ---------------------------------------------------------------------------

    async def start(self, command: StartJob, caller: Caller) -> Job:
        row = await self._start(command, caller)
        self.runner.kick(row.job_id)
        return Job.of(row)

    async def _start(self, command: StartJob, caller: Caller) -> JobRow:
        """The job of the request_id, or a new queued one after its spec is checked."""
        validate_request_id(command.request_id)
        spec = command.spec
        if spec is None:
            raise field_required("spec")
        spec = await self._checked_spec(spec, caller)
        found = await self._store.by_request(client_id=caller.client_id, request_id=command.request_id)
        if found is None:
            total, cursor = await self._total(spec, caller)
            found, _ = await self._store.start(
                job_id=str(uuid.uuid4()), org_id=caller.org_id, client_id=caller.client_id,
                request_id=command.request_id, kind=kind_of(spec).stored, spec=spec_json(spec),
                fingerprint=fingerprint(spec), total_count=total, cursor=cursor, now=self._deps.clock.now())
        if found.fingerprint != fingerprint(spec):
            raise DomainError(ErrorReason.IDEMPOTENCY_KEY_REUSED, metadata={"request_id": command.request_id})
        return found

    async def _checked_spec(self, spec: Spec, caller: Caller) -> Spec:
        """The spec with its ids in canonical form, its fields and series checked."""
        if isinstance(spec, GenerateCodesSpec):
            spec = GenerateCodesSpec(parse_uuid(spec.code_series_id, "code_series_id"), spec.count)
            await self._series.generation_series(spec, caller)
            return spec
        if isinstance(spec, BulkIssueCouponsSpec):
            spec = BulkIssueCouponsSpec(parse_uuid(spec.offer_id, "offer_id"), spec.file_path)
            await bulk.check_offer(self._coupons, spec, caller)
        else:
            spec = ImportCodesSpec(parse_uuid(spec.code_series_id, "code_series_id"), spec.file_path)
            await self._series.import_series(spec, caller)
        self._files.resolve(spec.file_path)
        return spec

    async def _total(self, spec: Spec, caller: Caller) -> tuple[int, dict]:
        """A new job's item count and first cursor (after its last checks: the code space; the
        file's rows, and its size, which must not change while the job runs)."""
        if isinstance(spec, GenerateCodesSpec):
            series = await self._series.generation_series(spec, caller)
            self._series.check_generation_space(series, spec.count)
            return spec.count, {"seed": os.urandom(32).hex()}  # Its chunks' codes (series.py _chunk_codes).
        info = await asyncio.to_thread(self._files.inspect, spec.file_path)
        return info.rows, {"offset": 0, "row": 0, "size": info.size}

    # --- GetJob, ListJobs -----------------------------------------------------------------

    async def get(self, job_id: str, caller: Caller) -> tuple[Job, list[FailureRow]]:
        row = await self._row(job_id, caller)
        return Job.of(row), await self._store.failures(row.job_id)

    async def _row(self, job_id: str, caller: Caller) -> JobRow:
        job_id = parse_uuid(job_id, "job_id")
        row = await self._store.get(org_id=caller.org_id, job_id=job_id)
        if row is None:
            raise DomainError(ErrorReason.JOB_NOT_FOUND, metadata={"job_id": job_id})
        return row

    async def list(self, query: ListJobs, caller: Caller) -> tuple[list[Job], str]:
        kind = _enum(JobKind, query.kind, "kind")
        state = _enum(JobState, query.state, "state")
        size = paging.page_size(query.page_size)
        scope = paging.query_scope(query)
        after = paging.decode(query.page_token, scope)
        rows = await self._store.page(org_id=caller.org_id, kind=kind and kind.stored, state=state and state.stored,
                                      after=after, limit=size + 1)
        token = paging.encode((rows[size - 1].create_time, rows[size - 1].job_id), scope) if len(rows) > size else ""
        return [Job.of(row) for row in rows[:size]], token

    # --- CancelJob ------------------------------------------------------------------------

    async def cancel(self, request_id: str, job_id: str, caller: Caller) -> Job:
        validate_request_id(request_id)
        row = await self._row(job_id, caller)
        changed = await self._store.cancel(org_id=caller.org_id, job_id=row.job_id, now=self._deps.clock.now())
        if changed.state in ("succeeded", "failed"):
            raise DomainError(ErrorReason.JOB_FINISHED, metadata={"job_id": row.job_id, "state": changed.state.upper()})
        self.hub.publish(changed)
        return Job.of(changed)

    # --- WatchJob, GenerateCodes ------------------------------------------------------------

    async def watch(self, job_id: str, caller: Caller) -> AsyncIterator[Job]:
        row = await self._row(job_id, caller)
        async for snapshot in self._follow(row):
            yield Job.of(snapshot)

    async def generate_codes(self, command: StartJob, caller: Caller) -> AsyncIterator[Job]:
        """OfferService.GenerateCodes: start or find the job, then follow it to its end; a
        cancelled job fails the call with JOB_CANCELLED, a failed one with its reason."""
        row = await self._start(command, caller)
        async for snapshot in self._follow(row, kick=True):
            job = Job.of(snapshot)
            if job.state is JobState.CANCELLED:
                raise DomainError(ErrorReason.JOB_CANCELLED, metadata={"job_id": job.job_id})
            if job.state is JobState.FAILED:
                reason = ErrorReason.__members__.get(job.error_reason, ErrorReason.CODE_GENERATION_COLLISION)
                raise DomainError(reason, job.error_message or None, metadata={"job_id": job.job_id})
            yield job

    async def _follow(self, row: JobRow, kick: bool = False) -> AsyncIterator[JobRow]:
        """The job now, then each change of its progress or state, to a final state."""
        with self.hub.subscription(row.job_id) as snapshots:
            if kick:
                self.runner.kick(row.job_id)
            last = row
            yield row
            while not JobState.of_stored(last.state).final:
                try:
                    current = await asyncio.wait_for(snapshots.get(), self._poll_s)
                except TimeoutError:
                    current = await self._store.get(org_id=row.org_id, job_id=row.job_id)
                if current is None:  # The hub's shutdown sentinel.
                    raise DomainError(ErrorReason.SHUTTING_DOWN)
                if _key(current) > _key(last):
                    last = current
                    yield current

    # --- the worker's side ------------------------------------------------------------------

    async def run(self) -> None:
        await self.runner.run()

    async def stop(self) -> None:
        self.hub.close()
        await self.runner.stop()


_STATE_RANK = {"queued": 0, "running": 1, "cancelling": 2, "succeeded": 3, "failed": 3, "cancelled": 3}


def _key(row: JobRow) -> tuple[int, int]:
    """Snapshots of one job in the order they were committed."""
    return row.done_count + row.failed_count, _STATE_RANK[row.state]


def _enum(kind, value: int, field: str):
    if value == 0:
        return None
    try:
        return kind(value)
    except ValueError:
        raise DomainError(ErrorReason.FIELD_INVALID, metadata={"field": field, "rule": f"a {kind.__name__}"}) from None
