"""Background jobs' pure rules (core/domain/jobs.py): rate and eta, the start fingerprint, spec
round trips, and the rows of a BULK_ISSUE_COUPONS file."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from core.domain.jobs import (BulkIssueCouponsSpec, GenerateCodesSpec, ImportCodesSpec, JobState, bulk_row_fields,
                              fingerprint, kind_of, progress, spec_json, spec_of)

T0 = dt.datetime(2026, 12, 6, 12, 0, tzinfo=dt.timezone.utc)


def test_rate_and_eta_are_measured_over_the_current_run():
    moved = progress(state=JobState.RUNNING, total=1_000, processed=400, run_start_count=100, run_start_time=T0,
                     update_time=T0 + dt.timedelta(seconds=10))

    assert moved.rate_per_second == 30 and moved.eta_s == 20


def test_no_rate_before_the_first_chunk_of_a_run_nor_once_final():
    waiting = progress(state=JobState.RUNNING, total=1_000, processed=100, run_start_count=100, run_start_time=T0,
                       update_time=T0)
    queued = progress(state=JobState.QUEUED, total=1_000, processed=0, run_start_count=0, run_start_time=None,
                      update_time=T0)
    done = progress(state=JobState.SUCCEEDED, total=1_000, processed=1_000, run_start_count=0, run_start_time=T0,
                    update_time=T0 + dt.timedelta(seconds=5))

    assert (waiting.rate_per_second, waiting.eta_s) == (queued.rate_per_second, queued.eta_s) == (0.0, None)
    assert (done.rate_per_second, done.eta_s) == (0.0, None)


specs = st.one_of(
    st.builds(GenerateCodesSpec, st.uuids().map(str), st.integers(1, 10**8)),
    st.builds(ImportCodesSpec, st.uuids().map(str), st.text(min_size=1, max_size=20)),
    st.builds(BulkIssueCouponsSpec, st.uuids().map(str), st.text(min_size=1, max_size=20)))


@given(specs)
def test_a_spec_round_trips_through_its_stored_form(spec):
    assert spec_of(kind_of(spec), spec_json(spec)) == spec


@given(specs, specs)
def test_the_fingerprint_tells_specs_apart(first, second):
    assert (fingerprint(first) == fingerprint(second)) == (first == second)


def test_bulk_rows_name_their_customer_by_kind_and_may_name_a_code():
    assert bulk_row_fields("account_id, 0b0e ") == {"account_id": "0b0e", "code": ""}
    assert bulk_row_fields("mobile,+4915112345678,SUMMER-1") == {"mobile": "+4915112345678", "code": "SUMMER-1"}
    assert bulk_row_fields("phone,+4915112345678") is None
    assert bulk_row_fields("email") is None
    assert bulk_row_fields("email,a@b.example,X,Y") is None
