"""BULK_ISSUE_COUPONS jobs: the rows of a file issued as BulkIssueCoupons batches.

A chunk is one batch of the file's next rows (BulkIssue with request_id "<the job's
request_id>:<first row>"): it is issued first, through the coupon engine's idempotent bulk issue
(each row its own IssueCoupon, "<batch request_id>/<row>"), then its outcome is committed with
the job's progress. A worker that dies between the two leaves the chunk to the next, which runs
the same batch again and gets the same answers replayed: each row is issued once and counted
once. The chunk's transaction is opened with `finish_cancelling` so that a cancellation that
arrives while the batch is issued still counts the batch, then cancels the job.
"""

from __future__ import annotations

from collections.abc import Sequence

from core.adapters.postgres.jobs import JobRow
from core.domain import limits
from core.domain.clock import Clock
from core.domain.errors import ErrorReason
from core.domain.jobs import BulkIssueCouponsSpec, JobKind, bulk_row_fields, spec_of
from core.service.context import Caller
from core.service.coupons import Coupons
from core.service.coupons.commands import BulkIssue, BulkRow


async def check_offer(coupons: Coupons, spec: BulkIssueCouponsSpec, caller: Caller) -> None:
    """OFFER_NOT_FOUND unless the offer is the caller's organisation's."""
    await coupons.offer_by_id(caller.org_id, spec.offer_id)


async def issue_chunk(coupons: Coupons, clock: Clock, job: JobRow, rows: Sequence[str], offset: int,
                      open_chunk) -> JobRow:
    """Issue the file's next rows (from row job.cursor["row"], ending at byte `offset`) and
    commit their outcome with the job's progress."""
    spec = spec_of(JobKind.BULK_ISSUE_COUPONS, job.spec)
    caller = Caller(client_id=job.client_id, org_id=job.org_id)
    first_row = int(job.cursor.get("row", 0))
    failures: list[tuple[int, str, str]] = []
    batch: list[BulkRow] = []
    positions: list[int] = []
    for row_index, line in enumerate(rows, start=first_row):
        fields = bulk_row_fields(line)
        if fields is None:
            failures.append((row_index, line[:limits.IMPORTED_CODE_LENGTH_MAX], ErrorReason.FIELD_INVALID.name))
        else:
            batch.append(BulkRow(**fields))
            positions.append(row_index)
    issued = 0
    if batch:
        offer = await coupons.offer_by_id(job.org_id, spec.offer_id)
        results = await coupons.bulk_issue(BulkIssue(f"{job.request_id}:{first_row}", spec.offer_id, tuple(batch)),
                                           caller, offer)
        for result in results:
            if result.coupon is not None:
                issued += 1
            else:
                row_index = positions[result.index]
                reason = result.error.reason.name if result.error is not None else ErrorReason.FIELD_INVALID.name
                failures.append((row_index, rows[row_index - first_row][:limits.IMPORTED_CODE_LENGTH_MAX], reason))
    failures.sort()
    async with open_chunk(job, finish_cancelling=True) as chunk:
        await chunk.advance(done=issued, failed=len(failures), failures=failures,
                            cursor={"offset": offset, "row": first_row + len(rows)}, now=clock.now())
    return chunk.advanced
