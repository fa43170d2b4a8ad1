"""30,000,000 codes through the real path, beside a raw COPY ceiling measured in the same run.

    python benchmarks/codes_30m.py [--count 30000000] [--length 10]      (make bench-codes)

Starts embedded Redis and Postgres (or uses REDIS_URL / DATABASE_URL), migrates, starts the real
server (one worker) on them, then, one after the other:
  job       JobService.StartJob GENERATE_CODES of `count` codes into a UNIQUE_GENERATED series,
            followed with WatchJob to SUCCEEDED: validation, the runner's chunks of 10,000
            (generation, COPY into org_codes, SADD into the offer's Redis pool, the job's progress
            committed with each chunk); then checks that Postgres holds exactly `count` distinct
            codes of the series and the Redis pool as many
  ceiling   raw COPY of `count` pre-built codes of the same length (written to a file first, not
            timed) into a table made LIKE org_codes INCLUDING ALL (same primary key and indexes),
            1,000,000 rows per COPY and commit, from this process
and prints one table: codes per second, seconds, the job's share of the ceiling, and the peak
RSS of the worker process (VmHWM), of this process, and Redis' peak memory (the pool holds every
unissued code: it grows with the count, by design).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402
import redis as redis_sync  # noqa: E402
from rewards.coupons.v1 import offer_service_pb2 as offers  # noqa: E402
from rewards.coupons.v1 import resources_pb2 as resources  # noqa: E402
from rewards.jobs.v1 import job_service_pb2 as jobs  # noqa: E402
from rewards.type.v1 import money_pb2  # noqa: E402

from core.adapters.embedded import EmbeddedPostgres, EmbeddedRedis  # noqa: E402
from core.adapters.postgres.migrations import migrate  # noqa: E402
from core.adapters.sealing import ensure_key_file  # noqa: E402
from core.codegen import DEFAULT_ALPHABET, IMPLEMENTATION  # noqa: E402
from core.service.clients import create_client  # noqa: E402
from rewards_client import Credentials, RewardsClient  # noqa: E402
from tests.e2e.harness import ServerProcess  # noqa: E402
from tests.e2e.programs import ensure_program  # noqa: E402

COPY_ROWS = 1_000_000
BATCH = 10_000


def rss_peak_kb(pid: int) -> int:
    """VmHWM (peak resident set) of a process, in kB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def worker_pids(supervisor: int) -> list[int]:
    found = subprocess.run(["pgrep", "-P", str(supervisor)], capture_output=True, text=True).stdout.split()
    return [int(pid) for pid in found]


async def run_job(server: ServerProcess, credentials: Credentials, count: int, length: int) -> dict:
    async with RewardsClient.connect(server.target, credentials, timeout_s=3600) as client:
        await ensure_program(client, "bench")
        offer = await client.call(client.offers.CreateOffer, offers.CreateOfferRequest(offer=resources.Offer(
            program_id="bench", display_name="bench", state=resources.OFFER_STATE_ACTIVE, reward=resources.Reward(
                kind=resources.REWARD_KIND_DISCOUNT_AMOUNT,
                discount_amount=money_pb2.Money(amount_minor=100, currency_code="EUR")))))
        series = (await client.call(client.offers.CreateCodeSeries, offers.CreateCodeSeriesRequest(
            code_series=resources.CodeSeries(offer_id=offer.offer.offer_id, length=length,
                                             type=resources.CODE_SERIES_TYPE_UNIQUE_GENERATED)))).code_series
        started = time.perf_counter()
        job = (await client.call(client.jobs.StartJob, jobs.StartJobRequest(generate_codes=jobs.GenerateCodesSpec(
            code_series_id=series.code_series_id, count=count)))).job
        last_print = 0.0
        async for message in client.jobs.WatchJob(jobs.WatchJobRequest(job_id=job.job_id), timeout=7200):
            job = message.job
            if time.perf_counter() - last_print > 15:
                last_print = time.perf_counter()
                print(f"  {job.done_count:>11,} / {job.total_count:,}  {job.rate_per_second:>9,.0f}/s"
                      f"  eta {job.eta.seconds:>5} s", flush=True)
        elapsed = time.perf_counter() - started
    assert job.state == jobs.JOB_STATE_SUCCEEDED and job.done_count == count, job
    return {"seconds": elapsed, "offer_id": offer.offer.offer_id, "series_id": series.code_series_id}


def check_job(database_url: str, redis_url: str, count: int, ran: dict) -> tuple[int, int]:
    with psycopg.connect(database_url) as connection:
        stored, distinct = connection.execute(
            "SELECT count(*), count(DISTINCT code) FROM org_codes WHERE code_series_id = %s",
            (ran["series_id"],)).fetchone()
    with redis_sync.Redis.from_url(redis_url) as client:
        pooled = client.scard(f"rewards:{{o:{ran['offer_id']}}}:pool:{ran['series_id']}")
    assert stored == distinct == pooled == count, (stored, distinct, pooled, count)
    return stored, pooled


def prebuilt_file(directory: Path, count: int, length: int) -> Path:
    """`count` distinct codes of `length` characters of the default alphabet, as COPY text rows,
    on disk: code i is i * an odd constant modulo 32 ** length written in base 32 (a bijection,
    so no two collide, and they look random to the primary key like the generator's)."""
    assert len(DEFAULT_ALPHABET) == 32
    path = directory / "codes.tsv"
    offer, series = uuid.uuid4(), uuid.uuid4()
    space, odd, bits = 32 ** length, 0x9E3779B97F4A7C15 | 1, 5 * length
    alphabet = DEFAULT_ALPHABET.encode()
    pairs = [bytes([alphabet[high], alphabet[low]]) for high in range(32) for low in range(32)]
    suffix = f"\t{offer}\t{series}\n".encode()
    prefix = b"bench\t"
    with path.open("wb") as file:
        for start in range(0, count, BATCH):
            rows = []
            for i in range(start, min(start + BATCH, count)):
                value = (i * odd) % space
                code = b"".join(pairs[(value >> shift) & 1023] for shift in range(bits - 10, -1, -10))
                rows.append(prefix + code + suffix)
            file.write(b"".join(rows))
    return path


def measure_copy(database_url: str, path: Path) -> float:
    with psycopg.connect(database_url) as connection:
        connection.execute("DROP TABLE IF EXISTS bench_copy")
        connection.execute("CREATE TABLE bench_copy (LIKE org_codes INCLUDING ALL)")
        connection.commit()
        started = time.perf_counter()
        with path.open("rb") as file:
            while True:
                lines = [line for _, line in zip(range(COPY_ROWS), file, strict=False)]
                if not lines:
                    break
                with connection.cursor().copy(
                        "COPY bench_copy (org_id, code, offer_id, code_series_id) FROM STDIN") as copy:
                    for start in range(0, len(lines), BATCH):
                        copy.write(b"".join(lines[start:start + BATCH]))
                connection.commit()
        elapsed = time.perf_counter() - started
        connection.execute("DROP TABLE bench_copy")
        connection.commit()
    return elapsed


def main(count: int, length: int) -> None:
    directory = Path(tempfile.mkdtemp(prefix="rc-b30m-", dir=os.environ.get("BENCH_DIR", "/tmp")))
    os.environ.setdefault("REWARDS_MASTER_KEY_FILE", str(ensure_key_file(directory / "master.key")))
    os.environ.setdefault("REWARDS_OTP_SENDER", "log")
    started = []
    server = None
    try:
        redis_url, database_url = os.environ.get("REDIS_URL"), os.environ.get("DATABASE_URL")
        if not redis_url:
            started.append(EmbeddedRedis(directory / "redis"))
            redis_url = started[-1].start()
        if not database_url:
            started.append(EmbeddedPostgres(directory / "postgres"))
            database_url = started[-1].start()
        migrate(database_url)
        client_id, secret = create_client(database_url, "bench", ["coupons:admin", "coupons:redeem", "loyalty:admin"])
        server = ServerProcess(directory / "server", redis_url=redis_url, database_url=database_url).start()
        print(f"codes_30m: {count:,} codes of {length} characters, generator {IMPLEMENTATION}, "
              f"{os.cpu_count()} cores, {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC", flush=True)
        ran = asyncio.run(run_job(server, Credentials("bench", client_id, secret), count, length))
        worker_rss = max((rss_peak_kb(pid) for pid in worker_pids(server.process.pid)), default=0)
        check_job(database_url, redis_url, count, ran)
        with redis_sync.Redis.from_url(redis_url) as client:
            redis_peak = int(client.info("memory")["used_memory_peak"])
        server.terminate()
        server = None
        path = prebuilt_file(directory, count, length)
        copy_s = measure_copy(database_url, path)
        path.unlink()
        rows = [("job", ran["seconds"]), ("ceiling", copy_s)]
        print(f"{'step':<9} {'codes/s':>10} {'seconds':>9} {'of ceil.':>9}")
        for name, elapsed in rows:
            share = f"{copy_s / elapsed:>9.0%}" if name == "job" else f"{'-':>9}"
            print(f"{name:<9} {count / elapsed:>10,.0f} {elapsed:>9.1f} {share}")
        print(f"checked: {count:,} distinct codes in Postgres, {count:,} in the Redis pool")
        print(f"peak RSS: worker {worker_rss / 1024:,.0f} MiB, this process "
              f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MiB, "
              f"Redis used_memory_peak {redis_peak / 2**20:,.0f} MiB")
    finally:
        if server is not None:
            server.terminate()
        for store in reversed(started):
            store.stop()
        shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=30_000_000)
    parser.add_argument("--length", type=int, default=10)
    arguments = parser.parse_args()
    main(arguments.count, arguments.length)
