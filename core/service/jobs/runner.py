"""The job runner every worker runs: it takes runnable jobs under a lease and runs them chunk by
chunk (core/adapters/postgres/jobs.py tells how a chunk is fenced).

- A timer (every `poll_s`) claims the oldest runnable job whose lease is free or past, while the
  worker has a free slot (`slots` jobs at once); a job started through this worker is claimed at
  once (`kick`).
- Each chunk commits with the job's progress and renews the lease. A chunk that finds the job
  marked cancelling cancels it instead (the chunk boundary); one that finds the lease gone
  (LeaseLost: the worker stalled past its lease and another took the job) stops here, having
  committed nothing.
- An error of the whole job (a non-transient DomainError: CODE_GENERATION_COLLISION,
  JOB_FILE_CHANGED ...) fails it with that reason; a transient one (a store outage) or an
  unexpected error gives the lease back, so the job is taken again on a later round.
- On shutdown the worker's jobs are interrupted (their chunk in flight rolls back) and their
  leases given back, so the restarted worker, or another, goes on from the last committed chunk.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import uuid
from collections.abc import Iterator

from core.adapters.import_files import Chunk, ImportFiles
from core.adapters.postgres.jobs import Cancelled, JobRow, JobStore, LeaseLost
from core.domain import limits
from core.domain.errors import DomainError, ErrorReason
from core.domain.jobs import JobKind
from core.service.context import Deps
from core.service.coupons import Coupons
from core.service.jobs import bulk

log = logging.getLogger("rewards.jobs")


class Hub:
    """In-process snapshots of the jobs this worker runs, for the followers in this worker."""

    def __init__(self) -> None:
        self._queues: dict[str, set[asyncio.Queue]] = {}
        self._closed = False

    @contextlib.contextmanager
    def subscription(self, job_id: str) -> Iterator[asyncio.Queue]:
        queue: asyncio.Queue = asyncio.Queue()
        if self._closed:
            queue.put_nowait(None)
        self._queues.setdefault(job_id, set()).add(queue)
        try:
            yield queue
        finally:
            queues = self._queues.get(job_id, set())
            queues.discard(queue)
            if not queues:
                self._queues.pop(job_id, None)

    def publish(self, job: JobRow) -> None:
        for queue in self._queues.get(job.job_id, ()):
            queue.put_nowait(job)

    def close(self) -> None:
        """Shutting down: every follower ends (SHUTTING_DOWN); the jobs go on elsewhere or later."""
        self._closed = True
        for queues in self._queues.values():
            for queue in queues:
                queue.put_nowait(None)


class JobRunner:
    def __init__(self, deps: Deps, store: JobStore, coupons: Coupons, files: ImportFiles, hub: Hub, *,
                 lease_s: float, poll_s: float, slots: int) -> None:
        self._deps = deps
        self._coupons = coupons
        self._store = store
        self._series = coupons.series
        self._files = files
        self._hub = hub
        self._lease_s = lease_s
        self._poll_s = poll_s
        self._slots = slots
        self.owner = f"{os.uname().nodename}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self._running: dict[str, asyncio.Task] = {}
        self._wake = asyncio.Event()
        self._stopping = False

    # --- claiming ---------------------------------------------------------------------------

    def kick(self, job_id: str) -> None:
        """Claim this job now if a slot is free (it was just started or followed through here)."""
        if self._stopping or len(self._running) >= self._slots:
            return
        asyncio.get_running_loop().create_task(self._claim(job_id), name=f"job-claim-{job_id}")

    async def run(self) -> None:
        """The timer: claim runnable jobs while slots are free, every poll interval."""
        if self._poll_s <= 0:
            await asyncio.Event().wait()  # Only kicked jobs run here.
        while not self._stopping:
            try:
                while len(self._running) < self._slots and await self._claim(None):
                    pass
            except Exception as error:  # noqa: BLE001 - try again on the next round.
                log.warning("job claim failed: %s", error)
            self._wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self._poll_s)

    async def _claim(self, job_id: str | None) -> bool:
        if self._stopping or len(self._running) >= self._slots:
            return False
        # One lease name per claim: a stalled run of this worker loses its lease like another's would.
        lease = f"{self.owner}:{uuid.uuid4().hex[:8]}"
        try:
            job = await self._store.claim(owner=lease, lease_s=self._lease_s, now=self._deps.clock.now(),
                                          job_id=job_id)
        except Exception as error:  # noqa: BLE001 - the timer claims it later.
            log.warning("job claim failed: %s", error)
            return False
        if job is None:
            return False
        if self._stopping or len(self._running) >= self._slots:  # Lost a race for the last slot.
            await self._store.release(lease, job.job_id)
            return False
        self._running[lease] = asyncio.get_running_loop().create_task(self._run(job, lease), name=f"job-{job.job_id}")
        self._hub.publish(job)
        return True

    # --- running ------------------------------------------------------------------------------

    async def _run(self, job: JobRow, lease: str) -> None:
        log.info("job taken", extra={"job_id": job.job_id, "kind": job.kind, "done_count": job.done_count})
        try:
            if job.start_time != job.run_start_time and job.kind != JobKind.BULK_ISSUE_COUPONS.stored:
                # Taken over: its last worker may have died mid-chunk (a bulk issue's chunk is
                # replayed instead: its codes are settled by the issue's own sweep).
                stray = await self._series.recover_chunk(job, await self._next_rows(job))
                if stray:
                    log.warning("uncommitted codes taken out of the pool", extra={"job_id": job.job_id,
                                                                                  "codes": stray})
            while job.done_count + job.failed_count < job.total_count:
                job = await self._chunk(job, lease)
                self._hub.publish(job)
            if job.state != "succeeded":  # An empty job (a file without rows) has no chunk to end it.
                job = await self._store.finish(job_id=job.job_id, owner=lease, state="succeeded",
                                               now=self._deps.clock.now()) or job
                self._hub.publish(job)
            log.info("job succeeded", extra={"job_id": job.job_id, "done_count": job.done_count,
                                             "failed_count": job.failed_count})
        except Cancelled as cancelled:
            self._hub.publish(cancelled.job)
            log.info("job cancelled", extra={"job_id": job.job_id, "done_count": cancelled.job.done_count})
        except LeaseLost:
            log.warning("job lease lost; another worker has it", extra={"job_id": job.job_id})
        except DomainError as error:
            if error.transient:
                log.warning("job interrupted: %s", error, extra={"job_id": job.job_id})
                await self._give_back(job, lease)
            else:
                failed = await self._store.finish(job_id=job.job_id, owner=lease, state="failed",
                                                  now=self._deps.clock.now(), error_reason=error.reason.name,
                                                  error_message=error.message)
                if failed is not None:
                    self._hub.publish(failed)
                log.warning("job failed: %s", error, extra={"job_id": job.job_id})
        except asyncio.CancelledError:
            raise
        except Exception as error:  # noqa: BLE001 - a later round takes the job again.
            log.warning("job interrupted by an unexpected error: %r", error, extra={"job_id": job.job_id})
            await self._give_back(job, lease)
        finally:
            self._running.pop(lease, None)
            self._wake.set()

    async def _give_back(self, job: JobRow, lease: str) -> None:
        with contextlib.suppress(Exception):
            await self._store.release(lease, job.job_id)

    async def _chunk(self, job: JobRow, lease: str) -> JobRow:
        def open_chunk(job: JobRow, finish_cancelling: bool = False):
            return self._store.chunk(job, owner=lease, lease_s=self._lease_s, now=self._deps.clock.now(),
                                     epoch_share=True, finish_cancelling=finish_cancelling)

        kind = JobKind.of_stored(job.kind)
        if kind is JobKind.GENERATE_CODES:
            return await self._series.generate_chunk(job, open_chunk)
        chunk = await self._read(job, limits.JOB_IMPORT_CHUNK_ROWS if kind is JobKind.IMPORT_CODES
                                 else limits.BULK_ISSUE_ROWS_MAX)
        if not chunk.rows:
            raise DomainError(ErrorReason.JOB_FILE_CHANGED, metadata={"file_path": job.spec["file_path"]})
        if kind is JobKind.IMPORT_CODES:
            return await self._series.import_chunk(job, chunk.rows, chunk.offset, open_chunk)
        return await bulk.issue_chunk(self._coupons, self._deps.clock, job, chunk.rows, chunk.offset, open_chunk)

    async def _read(self, job: JobRow, rows_max: int = limits.JOB_IMPORT_CHUNK_ROWS) -> Chunk:
        """A file job's next chunk of rows (JOB_FILE_CHANGED once the file's size is not the one
        it had at the start, JOB_FILE_NOT_FOUND once it is gone)."""
        path = job.spec["file_path"]
        size = await asyncio.to_thread(self._files.size, path)
        if size != job.cursor.get("size"):
            raise DomainError(ErrorReason.JOB_FILE_CHANGED, metadata={"file_path": path})
        return await asyncio.to_thread(self._files.read, path, int(job.cursor.get("offset", 0)), rows_max)

    async def _next_rows(self, job: JobRow) -> list[str]:
        if JobKind.of_stored(job.kind) is not JobKind.IMPORT_CODES:
            return []
        return (await self._read(job)).rows

    # --- shutdown -----------------------------------------------------------------------------

    async def stop(self) -> None:
        """Interrupt this worker's jobs (their chunk in flight rolls back) and give back their leases."""
        self._stopping = True
        self._wake.set()
        leases = dict(self._running)
        for task in leases.values():
            task.cancel()
        await asyncio.gather(*leases.values(), return_exceptions=True)
        for lease in leases:
            with contextlib.suppress(Exception):
                if await self._store.release(lease):
                    log.info("job lease given back", extra={"lease": lease})
