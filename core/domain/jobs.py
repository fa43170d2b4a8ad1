"""Background jobs: kinds, states, specs and the progress arithmetic (rate, eta). Pure."""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import json
from dataclasses import dataclass


class JobKind(enum.IntEnum):
    """As rewards.jobs.v1.JobKind; `.stored` is the value in the jobs table."""

    GENERATE_CODES = 1
    IMPORT_CODES = 2
    BULK_ISSUE_COUPONS = 3

    @property
    def stored(self) -> str:
        return self.name.lower()

    @classmethod
    def of_stored(cls, value: str) -> JobKind:
        return cls[value.upper()]


class JobState(enum.IntEnum):
    """As rewards.jobs.v1.JobState."""

    QUEUED = 1
    RUNNING = 2
    CANCELLING = 3
    SUCCEEDED = 4
    FAILED = 5
    CANCELLED = 6

    @property
    def stored(self) -> str:
        return self.name.lower()

    @classmethod
    def of_stored(cls, value: str) -> JobState:
        return cls[value.upper()]

    @property
    def final(self) -> bool:
        return self in (JobState.SUCCEEDED, JobState.FAILED, JobState.CANCELLED)


@dataclass(frozen=True, slots=True)
class GenerateCodesSpec:
    code_series_id: str
    count: int


@dataclass(frozen=True, slots=True)
class ImportCodesSpec:
    code_series_id: str
    file_path: str


@dataclass(frozen=True, slots=True)
class BulkIssueCouponsSpec:
    offer_id: str
    file_path: str


Spec = GenerateCodesSpec | ImportCodesSpec | BulkIssueCouponsSpec

BULK_CUSTOMER_KINDS = ("account_id", "external_id", "mobile", "email")
"""The first column of a BULK_ISSUE_COUPONS file's row: how the row names its customer."""


def kind_of(spec: Spec) -> JobKind:
    if isinstance(spec, GenerateCodesSpec):
        return JobKind.GENERATE_CODES
    return JobKind.IMPORT_CODES if isinstance(spec, ImportCodesSpec) else JobKind.BULK_ISSUE_COUPONS


def spec_json(spec: Spec) -> dict:
    if isinstance(spec, GenerateCodesSpec):
        return {"code_series_id": spec.code_series_id, "count": spec.count}
    if isinstance(spec, ImportCodesSpec):
        return {"code_series_id": spec.code_series_id, "file_path": spec.file_path}
    return {"offer_id": spec.offer_id, "file_path": spec.file_path}


def spec_of(kind: JobKind, data: dict) -> Spec:
    if kind is JobKind.GENERATE_CODES:
        return GenerateCodesSpec(data["code_series_id"], int(data["count"]))
    if kind is JobKind.IMPORT_CODES:
        return ImportCodesSpec(data["code_series_id"], data["file_path"])
    return BulkIssueCouponsSpec(data["offer_id"], data["file_path"])


def bulk_row_fields(line: str) -> dict[str, str] | None:
    """A BULK_ISSUE_COUPONS file row, `<kind>,<value>[,<code>]` (kind one of
    BULK_CUSTOMER_KINDS), as BulkRow fields; None when it is not of that form."""
    parts = [part.strip() for part in line.split(",")]
    if len(parts) not in (2, 3) or parts[0] not in BULK_CUSTOMER_KINDS:
        return None
    return {parts[0]: parts[1], "code": parts[2] if len(parts) == 3 else ""}


def fingerprint(spec: Spec) -> str:
    """What a second start with the same request_id must match."""
    return hashlib.sha256(json.dumps([kind_of(spec).stored, spec_json(spec)], sort_keys=True).encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class Progress:
    rate_per_second: float
    eta_s: float | None


def progress(*, state: JobState, total: int, processed: int, run_start_count: int,
             run_start_time: dt.datetime | None, update_time: dt.datetime) -> Progress:
    """Items per second over the current run (from when a worker last took the job to its last
    committed chunk) and the time left at that rate; 0 / None before the first chunk or once final."""
    if state.final or run_start_time is None:
        return Progress(0.0, None)
    elapsed = (update_time - run_start_time).total_seconds()
    moved = processed - run_start_count
    if elapsed <= 0 or moved <= 0:
        return Progress(0.0, None)
    rate = moved / elapsed
    return Progress(rate, max(total - processed, 0) / rate)
