"""Background jobs over gRPC (rewards.jobs.v1.JobService, OfferService.GenerateCodes as a job):
a job survives its client's disconnect and a server restart (SIGTERM and SIGKILL mid-job) with
exactly its count of codes, CancelJob stops it at a chunk boundary, GetJob / ListJobs page, one
job per request_id, IMPORT_CODES from a file, and bad input refused with precise reasons."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from types import SimpleNamespace

import psycopg
import pytest
from rewards.coupons.v1 import offer_service_pb2 as offers
from rewards.jobs.v1 import job_service_pb2 as jobs

from core.adapters.embedded import EmbeddedRedis
from core.adapters.postgres.migrations import migrate
from core.service.clients import create_client
from rewards_client import Credentials, RewardsClient
from tests.conftest import ALL_SCOPES
from tests.e2e.builders import new_offer, reason_of
from tests.e2e.coupon_accounts import PROGRAM, new_accounts
from tests.e2e.harness import ServerProcess
from tests.e2e.programs import ensure_program
from tests.e2e.test_code_series import IMPORTED, import_codes, new_series, pool_size, series_codes

LEASE_S = 3
SERVER_ENV = {"REWARDS_JOBS_LEASE_S": str(LEASE_S), "REWARDS_JOBS_POLL_S": "0.2"}


@pytest.fixture(scope="module")
def import_dir():
    directory = Path(tempfile.mkdtemp(prefix="rc-imports-", dir="/tmp"))
    yield directory
    shutil.rmtree(directory, ignore_errors=True)


def start_server(stores, data_dir: Path, import_dir: Path) -> ServerProcess:
    return ServerProcess(data_dir, redis_url=stores.redis_url, database_url=stores.database_url,
                         env={**SERVER_ENV, "REWARDS_JOBS_IMPORT_DIR": str(import_dir)}).start()


@pytest.fixture(scope="module")
def jobs_server(stores, import_dir):
    data_dir = Path(tempfile.mkdtemp(prefix="rc-jobs-", dir="/tmp"))
    process = start_server(stores, data_dir, import_dir)
    try:
        yield process
    finally:
        process.kill()
        shutil.rmtree(data_dir, ignore_errors=True)


@pytest.fixture
async def jclient(jobs_server, credentials):
    async with RewardsClient.connect(jobs_server.target, credentials, timeout_s=60) as client:
        await ensure_program(client, "prog")
        yield client


async def start(client, request_id: str = "", **spec) -> jobs.Job:
    return (await client.call(client.jobs.StartJob, jobs.StartJobRequest(request_id=request_id, **spec))).job


def generate_spec(series_id: str, count: int) -> dict:
    return {"generate_codes": jobs.GenerateCodesSpec(code_series_id=series_id, count=count)}


async def get(client, job_id: str) -> jobs.GetJobResponse:
    return await client.call(client.jobs.GetJob, jobs.GetJobRequest(job_id=job_id))


async def wait_for(client, job_id: str, until, timeout_s: float = 120) -> jobs.Job:
    deadline = time.monotonic() + timeout_s
    while True:
        job = (await get(client, job_id)).job
        if until(job):
            return job
        assert time.monotonic() < deadline, job
        await asyncio.sleep(0.05)


def final(job: jobs.Job) -> bool:
    return job.state in (jobs.JOB_STATE_SUCCEEDED, jobs.JOB_STATE_FAILED, jobs.JOB_STATE_CANCELLED)


def code_count(stores, series_id: str) -> tuple[int, int]:
    """(codes in org_codes, code_series.code_count) of the series."""
    with psycopg.connect(stores.database_url) as connection:
        stored = connection.execute("SELECT count(*) FROM org_codes WHERE code_series_id = %s", (series_id,)).fetchone()
        counted = connection.execute("SELECT code_count FROM code_series WHERE code_series_id = %s",
                                     (series_id,)).fetchone()
    return stored[0], counted[0]


# --- survival -----------------------------------------------------------------------------------

async def test_a_generation_goes_on_when_its_client_disconnects(jclient, jobs_server, credentials, stores):
    series = await new_series(jclient, length=10)
    request = offers.GenerateCodesRequest(request_id=uuid.uuid4().hex, code_series_id=series.code_series_id,
                                          count=300_000)

    async with RewardsClient.connect(jobs_server.target, credentials, timeout_s=60) as gone:
        call = gone.offers.GenerateCodes(request, timeout=60)
        first = await call.read()
        call.cancel()  # The client goes away after the job's first message.
    job = await wait_for(jclient, first.job_id, final)

    assert first.generated_count < 300_000
    assert job.state == jobs.JOB_STATE_SUCCEEDED and job.done_count == 300_000 and job.failed_count == 0
    assert job.finish_time.seconds and job.start_time.seconds and job.request_id == request.request_id
    assert code_count(stores, series.code_series_id) == (300_000, 300_000)
    assert pool_size(stores.redis_url, series.offer_id, series.code_series_id) == 300_000


@pytest.fixture
def own_stores(stores):
    """A Redis and a database of their own: no other server of the session takes the job over
    while this test stops and starts its servers."""
    data_dir = Path(tempfile.mkdtemp(prefix="rc-jobs-own-", dir="/tmp"))
    store = EmbeddedRedis(data_dir / "redis")
    own = SimpleNamespace(redis_url=store.start(), database_url=stores.create_database(), directory=data_dir)
    migrate(own.database_url)
    own.credentials = Credentials("org-test", *create_client(own.database_url, "org-test", ALL_SCOPES))
    try:
        yield own
    finally:
        store.stop()
        shutil.rmtree(data_dir, ignore_errors=True)


async def test_a_job_survives_server_restarts_mid_job_with_exactly_its_count_and_no_duplicate(
        own_stores, import_dir):
    count = 1_500_000
    servers = [start_server(own_stores, own_stores.directory / "first", import_dir)]
    try:
        async with RewardsClient.connect(servers[-1].target, own_stores.credentials, timeout_s=60) as client:
            await ensure_program(client, "prog")
            series = await new_series(client, length=10)
            job = await start(client, **generate_spec(series.code_series_id, count))
            before_term = await wait_for(client, job.job_id, lambda job: job.done_count >= 100_000 or final(job))
        servers[-1].terminate()  # SIGTERM mid-job: the chunk in flight rolls back, the lease goes back.
        servers.append(start_server(own_stores, own_stores.directory / "second", import_dir))
        async with RewardsClient.connect(servers[-1].target, own_stores.credentials, timeout_s=60) as client:
            after_term = (await get(client, job.job_id)).job
            moving = await wait_for(client, job.job_id,
                                    lambda job: job.done_count >= after_term.done_count + 100_000 or final(job))
        servers[-1].kill()  # SIGKILL mid-job: the lease runs out, then the next worker takes the job over.
        servers.append(start_server(own_stores, own_stores.directory / "third", import_dir))
        async with RewardsClient.connect(servers[-1].target, own_stores.credentials, timeout_s=60) as client:
            after_kill = (await get(client, job.job_id)).job
            done = await wait_for(client, job.job_id, final, timeout_s=300)
    finally:
        for server in servers:
            server.kill()

    assert before_term.done_count < count and moving.done_count < count, "the job ended before the restarts"
    assert after_term.state == after_kill.state == jobs.JOB_STATE_RUNNING
    assert done.state == jobs.JOB_STATE_SUCCEEDED and done.done_count == count
    codes = series_codes(own_stores, series.code_series_id)
    assert len(codes) == len({code for code, _ in codes}) == count
    assert code_count(own_stores, series.code_series_id) == (count, count)
    assert pool_size(own_stores.redis_url, series.offer_id, series.code_series_id) == count


# --- CancelJob ------------------------------------------------------------------------------------

async def test_cancel_job_stops_at_a_chunk_boundary_and_keeps_what_was_committed(jclient, stores):
    series = await new_series(jclient, length=10)
    job = await start(jclient, **generate_spec(series.code_series_id, 5_000_000))
    await wait_for(jclient, job.job_id, lambda job: job.done_count >= 50_000)

    cancelling = (await jclient.call(jclient.jobs.CancelJob, jobs.CancelJobRequest(job_id=job.job_id))).job
    cancelled = await wait_for(jclient, job.job_id, final)
    again = (await jclient.call(jclient.jobs.CancelJob, jobs.CancelJobRequest(job_id=job.job_id))).job
    followed = await reason_of(jclient.stream(jclient.offers.GenerateCodes, offers.GenerateCodesRequest(
        request_id=job.request_id, code_series_id=series.code_series_id, count=5_000_000)))
    await asyncio.sleep(1)  # Nothing more is committed after the cancellation.

    assert cancelling.state in (jobs.JOB_STATE_CANCELLING, jobs.JOB_STATE_CANCELLED)
    assert cancelled.state == again.state == jobs.JOB_STATE_CANCELLED and cancelled.finish_time.seconds
    assert 50_000 <= cancelled.done_count < 5_000_000 and cancelled.done_count % 50_000 == 0
    assert again.done_count == cancelled.done_count
    assert followed == "JOB_CANCELLED"
    assert code_count(stores, series.code_series_id) == (cancelled.done_count, cancelled.done_count)
    assert pool_size(stores.redis_url, series.offer_id, series.code_series_id) == cancelled.done_count


async def test_a_finished_job_cannot_be_cancelled(jclient):
    series = await new_series(jclient)
    job = await start(jclient, **generate_spec(series.code_series_id, 10))
    await wait_for(jclient, job.job_id, final)

    assert await reason_of(jclient.call(jclient.jobs.CancelJob, jobs.CancelJobRequest(
        job_id=job.job_id))) == "JOB_FINISHED"


# --- one job per request_id, GetJob, ListJobs, WatchJob ---------------------------------------

async def test_a_second_start_with_the_same_request_id_returns_the_same_job(jclient):
    series = await new_series(jclient)
    request_id = uuid.uuid4().hex

    first = await start(jclient, request_id, **generate_spec(series.code_series_id, 20))
    second = await start(jclient, request_id, **generate_spec(series.code_series_id, 20))
    streamed = await jclient.stream(jclient.offers.GenerateCodes, offers.GenerateCodesRequest(
        request_id=request_id, code_series_id=series.code_series_id, count=20))
    reused = await reason_of(start(jclient, request_id, **generate_spec(series.code_series_id, 21)))
    listed = (await jclient.call(jclient.jobs.ListJobs, jobs.ListJobsRequest(page_size=500))).jobs

    assert first.job_id == second.job_id == streamed[-1].job_id
    assert streamed[-1].done and streamed[-1].generated_count == 20
    assert reused == "IDEMPOTENCY_KEY_REUSED"
    assert [job.job_id for job in listed].count(first.job_id) == 1


async def test_get_job_and_list_jobs_page_newest_first_and_filter(jclient):
    series = await new_series(jclient)
    started = [await start(jclient, **generate_spec(series.code_series_id, 5)) for _ in range(5)]
    for job in started:
        await wait_for(jclient, job.job_id, final)

    pages, token = [], ""
    while True:
        page = await jclient.call(jclient.jobs.ListJobs, jobs.ListJobsRequest(
            page_size=2, page_token=token, kind=jobs.JOB_KIND_GENERATE_CODES, state=jobs.JOB_STATE_SUCCEEDED))
        pages.append([job.job_id for job in page.jobs])
        token = page.next_page_token
        if not token:
            break
    listed = [job_id for page in pages for job_id in page]
    mine = [job_id for job_id in listed if job_id in {job.job_id for job in started}]
    imports = await jclient.call(jclient.jobs.ListJobs, jobs.ListJobsRequest(kind=jobs.JOB_KIND_IMPORT_CODES))
    first_page = await jclient.call(jclient.jobs.ListJobs, jobs.ListJobsRequest(page_size=2))
    other_filter = await reason_of(jclient.call(jclient.jobs.ListJobs, jobs.ListJobsRequest(
        page_size=2, page_token=first_page.next_page_token, state=jobs.JOB_STATE_CANCELLED)))
    read = await get(jclient, started[0].job_id)

    assert all(len(page) <= 2 for page in pages) and len(listed) == len(set(listed))
    assert mine == [job.job_id for job in reversed(started)]
    assert all(job.kind == jobs.JOB_KIND_IMPORT_CODES for job in imports.jobs)
    assert other_filter == "FIELD_INVALID"
    assert read.job.state == jobs.JOB_STATE_SUCCEEDED and read.job.done_count == read.job.total_count == 5
    assert read.job.generate_codes.code_series_id == series.code_series_id and read.job.generate_codes.count == 5
    assert read.job.rate_per_second == 0 and not read.job.HasField("eta") and list(read.failures) == []


async def test_watch_job_reports_progress_to_the_final_state(jclient):
    series = await new_series(jclient, length=10)
    job = await start(jclient, **generate_spec(series.code_series_id, 200_000))

    seen = [message.job async for message in jclient.jobs.WatchJob(jobs.WatchJobRequest(job_id=job.job_id),
                                                                     timeout=120)]

    counts = [job.done_count for job in seen]
    assert counts == sorted(counts) and counts[-1] == 200_000
    assert seen[-1].state == jobs.JOB_STATE_SUCCEEDED
    assert all(job.state != jobs.JOB_STATE_SUCCEEDED for job in seen[:-1])
    moving = [job for job in seen if job.state == jobs.JOB_STATE_RUNNING and job.done_count]
    assert moving and all(job.rate_per_second > 0 and job.HasField("eta") for job in moving)


# --- IMPORT_CODES from a file -------------------------------------------------------------------

async def test_an_import_job_reads_its_file_in_chunks_and_reports_each_bad_row(jclient, credentials, stores,
                                                                                import_dir):
    series = await new_series(jclient, type=IMPORTED)
    other = await new_series(jclient, type=IMPORTED)
    taken = f"TAKEN-{uuid.uuid4().hex[:10]}".upper()
    await import_codes(jclient, credentials, [[taken]], other.code_series_id)
    good = [f"IMP-{uuid.uuid4().hex[:12]}".upper() for _ in range(25_000)]
    lines = list(good)
    lines.insert(3, "x")  # row 3: too short
    lines.insert(12_000, good[0].lower())  # row 12000: a repeat of row 0 (codes are stored upper case)
    lines.insert(20_000, taken)  # row 20000: held by another series of the organisation
    text = "\n".join(lines[:100]) + "\n\n  \n" + "\n".join(lines[100:]) + "\n"  # blank lines do not count
    name = f"codes-{uuid.uuid4().hex}.txt"
    (import_dir / name).write_text(text)

    job = await start(jclient, import_codes=jobs.ImportCodesSpec(code_series_id=series.code_series_id, file_path=name))
    done = await wait_for(jclient, job.job_id, final)
    read = await get(jclient, job.job_id)

    assert job.total_count == 25_003
    assert done.state == jobs.JOB_STATE_SUCCEEDED and (done.done_count, done.failed_count) == (25_000, 3)
    assert [(failure.row_index, failure.value, failure.reason) for failure in read.failures] == [
        (3, "x", "CODE_INVALID"), (12_000, good[0].lower(), "DUPLICATE_CODE"), (20_000, taken, "DUPLICATE_CODE")]
    assert sorted(code for code, _ in series_codes(stores, series.code_series_id)) == sorted(good)
    assert pool_size(stores.redis_url, series.offer_id, series.code_series_id) == 25_000


async def test_an_import_job_whose_file_changes_fails_with_job_file_changed(jclient, import_dir):
    series = await new_series(jclient, type=IMPORTED)
    name = f"changing-{uuid.uuid4().hex}.txt"
    path = import_dir / name
    path.write_text("".join(f"CHG-{uuid.uuid4().hex[:12]}\n" for _ in range(30_000)))

    job = await start(jclient, import_codes=jobs.ImportCodesSpec(code_series_id=series.code_series_id, file_path=name))
    with path.open("a") as file:
        file.write("ONE-MORE-CODE\n")
    done = await wait_for(jclient, job.job_id, final)

    assert done.state == jobs.JOB_STATE_FAILED and done.error_reason == "JOB_FILE_CHANGED"
    assert done.done_count % 10_000 == 0 and done.done_count < 30_000


async def test_a_bulk_issue_job_issues_each_row_once_and_reports_the_bad_ones(jclient, import_dir, stores):
    offer_id = await new_offer(jclient, PROGRAM)
    accounts = await new_accounts(jclient, 2_300)
    lines = [f"account_id,{account_id}" for account_id in accounts]
    lines.insert(5, "account_id,not-a-uuid")  # row 5: refused by the bulk issue
    lines.insert(1_500, "phone,+4915112345678")  # row 1500: not a kind of customer
    lines.insert(2_200, f"account_id,{uuid.uuid4()}")  # row 2200: no such account
    name = f"bulk-{uuid.uuid4().hex}.csv"
    (import_dir / name).write_text("\n".join(lines) + "\n")
    spec = {"bulk_issue_coupons": jobs.BulkIssueCouponsSpec(offer_id=offer_id, file_path=name)}

    job = await start(jclient, **spec)
    done = await wait_for(jclient, job.job_id, final)
    read = await get(jclient, job.job_id)
    again = await start(jclient, job.request_id, **spec)

    assert done.state == jobs.JOB_STATE_SUCCEEDED and (done.total_count, done.done_count, done.failed_count) == (
        2_303, 2_300, 3)
    assert [(failure.row_index, failure.reason) for failure in read.failures] == [
        (5, "INVALID_ACCOUNT_ID"), (1_500, "FIELD_INVALID"), (2_200, "ACCOUNT_NOT_FOUND")]
    assert read.job.bulk_issue_coupons.offer_id == offer_id and again.job_id == job.job_id
    with psycopg.connect(stores.database_url) as connection:
        holders = connection.execute("SELECT account_id::text FROM coupons WHERE offer_id = %s",
                                     (offer_id,)).fetchall()
    assert sorted(holder for (holder,) in holders) == sorted(accounts)  # each row issued exactly once


async def test_a_cancelled_bulk_issue_counts_exactly_the_rows_it_issued(jclient, import_dir, stores):
    offer_id = await new_offer(jclient, PROGRAM)
    accounts = await new_accounts(jclient, 6_000)
    name = f"bulk-{uuid.uuid4().hex}.csv"
    (import_dir / name).write_text("".join(f"account_id,{account_id}\n" for account_id in accounts))

    job = await start(jclient, bulk_issue_coupons=jobs.BulkIssueCouponsSpec(offer_id=offer_id, file_path=name))
    await wait_for(jclient, job.job_id, lambda job: job.done_count >= 1_000 or final(job))
    await jclient.call(jclient.jobs.CancelJob, jobs.CancelJobRequest(job_id=job.job_id))
    cancelled = await wait_for(jclient, job.job_id, final)
    await asyncio.sleep(1)  # Nothing more is issued after the cancellation.
    with psycopg.connect(stores.database_url) as connection:
        issued = connection.execute("SELECT count(*) FROM coupons WHERE offer_id = %s", (offer_id,)).fetchone()[0]

    assert cancelled.state == jobs.JOB_STATE_CANCELLED and 1_000 <= cancelled.done_count < 6_000
    assert cancelled.done_count % 1_000 == 0 and issued == cancelled.done_count


# --- bad input --------------------------------------------------------------------------------

async def test_bad_input_gets_precise_reasons_and_starts_nothing(jclient, import_dir, stores):
    generated = await new_series(jclient)
    imported = await new_series(jclient, type=IMPORTED)
    small = await new_series(jclient, alphabet="ABCD", length=6)  # 4**6 = 4096 codes: 40 allowed
    (import_dir / "present.txt").write_text("CODE-ONE\n")
    with psycopg.connect(stores.database_url) as connection:
        before = connection.execute("SELECT count(*) FROM jobs").fetchone()[0]

    def importing(path: str, series_id: str = imported.code_series_id) -> dict:
        return {"import_codes": jobs.ImportCodesSpec(code_series_id=series_id, file_path=path)}

    reasons = {
        "no spec": await reason_of(start(jclient)),
        "count 0": await reason_of(start(jclient, **generate_spec(generated.code_series_id, 0))),
        "count over": await reason_of(start(jclient, **generate_spec(generated.code_series_id, 100_000_001))),
        "space": await reason_of(start(jclient, **generate_spec(small.code_series_id, 41))),
        "no series": await reason_of(start(jclient, **generate_spec(str(uuid.uuid4()), 10))),
        "bad id": await reason_of(start(jclient, **generate_spec("not-a-uuid", 10))),
        "generate imported": await reason_of(start(jclient, **generate_spec(imported.code_series_id, 10))),
        "import generated": await reason_of(start(jclient, **importing("present.txt", generated.code_series_id))),
        "no path": await reason_of(start(jclient, **importing(""))),
        "absolute": await reason_of(start(jclient, **importing(str(import_dir / "present.txt")))),
        "dot dot": await reason_of(start(jclient, **importing("../present.txt"))),
        "missing": await reason_of(start(jclient, **importing("absent.txt"))),
        "bulk no offer": await reason_of(start(jclient, bulk_issue_coupons=jobs.BulkIssueCouponsSpec(
            offer_id=str(uuid.uuid4()), file_path="present.txt"))),
        "get unknown": await reason_of(get(jclient, str(uuid.uuid4()))),
        "get bad id": await reason_of(get(jclient, "nope")),
        "cancel unknown": await reason_of(jclient.call(jclient.jobs.CancelJob, jobs.CancelJobRequest(
            job_id=str(uuid.uuid4())))),
        "page size": await reason_of(jclient.call(jclient.jobs.ListJobs, jobs.ListJobsRequest(page_size=-1))),
        "page token": await reason_of(jclient.call(jclient.jobs.ListJobs, jobs.ListJobsRequest(page_token="x"))),
        "state": await reason_of(jclient.call(jclient.jobs.ListJobs, jobs.ListJobsRequest(state=99))),
    }
    with psycopg.connect(stores.database_url) as connection:
        after = connection.execute("SELECT count(*) FROM jobs").fetchone()[0]

    assert reasons == {
        "no spec": "FIELD_REQUIRED", "count 0": "FIELD_OUT_OF_RANGE", "count over": "FIELD_OUT_OF_RANGE",
        "space": "CODE_SPACE_TOO_SMALL", "no series": "CODE_SERIES_NOT_FOUND", "bad id": "FIELD_INVALID",
        "generate imported": "CODE_SERIES_TYPE_MISMATCH", "import generated": "CODE_SERIES_TYPE_MISMATCH",
        "no path": "FIELD_REQUIRED", "absolute": "FIELD_INVALID", "dot dot": "FIELD_INVALID",
        "missing": "JOB_FILE_NOT_FOUND", "bulk no offer": "OFFER_NOT_FOUND", "get unknown": "JOB_NOT_FOUND",
        "get bad id": "FIELD_INVALID",
        "cancel unknown": "JOB_NOT_FOUND", "page size": "FIELD_OUT_OF_RANGE", "page token": "FIELD_INVALID",
        "state": "FIELD_INVALID"}
    assert after == before


async def test_a_server_without_an_import_directory_refuses_import_jobs(client):
    series = await new_series(client, type=IMPORTED)

    reason = await reason_of(start(client, import_codes=jobs.ImportCodesSpec(
        code_series_id=series.code_series_id, file_path="codes.txt")))

    assert reason == "JOB_IMPORTS_DISABLED"


# --- the CLI --------------------------------------------------------------------------------------

def jobs_cli(server, credentials, tmp_path, *arguments: str, columns: int = 100) -> subprocess.CompletedProcess:
    path = tmp_path / "client.json"
    path.write_text(json.dumps({"org_id": credentials.org_id, "client_id": credentials.client_id,
                                "client_secret": credentials.client_secret}))
    return subprocess.run([sys.executable, "-m", "server.cli", "jobs", "--target", server.target, "--credentials",
                           str(path), *arguments], capture_output=True, text=True, timeout=120,
                          stdin=subprocess.DEVNULL, env={**os.environ, "COLUMNS": str(columns),
                                                         "FORCE_COLOR": "0", "TERM": "dumb"})


async def test_the_cli_starts_a_job_follows_it_with_a_progress_bar_and_lists_it(jclient, jobs_server, credentials,
                                                                               tmp_path, stores):
    series = await new_series(jclient, length=10)

    generated = await asyncio.to_thread(jobs_cli, jobs_server, credentials, tmp_path, "generate", "--series",
                                        series.code_series_id, "--count", "120000")
    job = json.loads(generated.stdout)
    listed = await asyncio.to_thread(jobs_cli, jobs_server, credentials, tmp_path, "list", "--state", "SUCCEEDED",
                                     "--kind", "GENERATE_CODES", "--limit", "5")
    read = await asyncio.to_thread(jobs_cli, jobs_server, credentials, tmp_path, "get", job["job_id"])
    cancelled = await asyncio.to_thread(jobs_cli, jobs_server, credentials, tmp_path, "cancel", job["job_id"])

    assert generated.returncode == 0, generated.stderr
    assert job["state"] == "JOB_STATE_SUCCEEDED" and job["done_count"] == "120000"
    assert f"job {job['job_id']}" in generated.stderr
    assert "generate_codes succeeded" in generated.stderr and "120000/120000" in generated.stderr  # the bar
    assert job["job_id"] in [json.loads(line)["job_id"] for line in listed.stdout.splitlines()]
    assert json.loads(read.stdout)["job"]["job_id"] == job["job_id"]
    assert cancelled.returncode == 1 and json.loads(cancelled.stderr)["reason"] == "JOB_FINISHED"
    assert code_count(stores, series.code_series_id) == (120_000, 120_000)
