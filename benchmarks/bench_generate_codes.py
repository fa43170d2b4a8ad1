"""GenerateCodes over gRPC beside a ceiling measured in the same run.

    python benchmarks/bench_generate_codes.py [--count 1000000] [--length 10]

Starts embedded Redis and Postgres (or uses REDIS_URL / DATABASE_URL), migrates, starts the real
server on them, then measures, one after the other, for the same number of codes:
  generate    the code generator alone (compiled, or the twin under REWARDS_IMPL=python)
  copy        raw COPY of pre-made codes into a table with the same (org, code) primary key,
              10,000 per COPY, one commit per batch, from this process
  sadd        raw pipelined SADD of pre-made codes into one set, 1,000 per command, from this process
  ceiling     generate + copy + sadd done one after the other (what a batch must do at least)
  rpc         GenerateCodes: validation, per-batch generation, COPY, ON CONFLICT insert,
              pipelined SADD into the offer's pool, progress commit, streamed progress
and prints one table: codes per second, seconds, share of the ceiling, and the time 30,000,000
codes would take at that rate.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402
from rewards.coupons.v1 import offer_service_pb2 as offers  # noqa: E402
from rewards.coupons.v1 import resources_pb2 as resources  # noqa: E402
from rewards.type.v1 import money_pb2  # noqa: E402

from core.adapters.embedded import EmbeddedPostgres, EmbeddedRedis  # noqa: E402
from core.adapters.postgres.migrations import migrate  # noqa: E402
from core.adapters.redis import connect  # noqa: E402
from core.codegen import DEFAULT_ALPHABET, IMPLEMENTATION, CodeGenerator  # noqa: E402
from core.service.clients import create_client  # noqa: E402
from rewards_client import Credentials, RewardsClient  # noqa: E402
from tests.e2e.harness import ServerProcess  # noqa: E402
from tests.e2e.programs import ensure_program  # noqa: E402

BATCH = 10_000
EXTRAPOLATE_COUNT = 30_000_000


def batches(count: int, length: int):
    """Pre-made codes, batch by batch (a fresh generator per batch, like the server)."""
    for start in range(0, count, BATCH):
        yield CodeGenerator(DEFAULT_ALPHABET, length).generate(min(BATCH, count - start))


def measure_generate(count: int, length: int) -> float:
    started = time.perf_counter()
    for _ in batches(count, length):
        pass
    return time.perf_counter() - started


def measure_copy(database_url: str, count: int, length: int) -> float:
    made = list(batches(count, length))
    with psycopg.connect(database_url) as connection:
        connection.execute("CREATE TABLE IF NOT EXISTS bench_copy (org_id text, code text, PRIMARY KEY (org_id, code))")
        connection.execute("TRUNCATE bench_copy")
        connection.commit()
        started = time.perf_counter()
        for codes in made:
            with connection.cursor().copy("COPY bench_copy (org_id, code) FROM STDIN") as copy:
                copy.write("".join(f"bench\t{code}\n" for code in codes).encode())
            connection.commit()
        elapsed = time.perf_counter() - started
        connection.execute("DROP TABLE bench_copy")
        connection.commit()
    return elapsed


async def measure_sadd(redis_url: str, count: int, length: int) -> float:
    made = list(batches(count, length))
    redis = connect(redis_url)
    key = f"bench:{{pool}}:{uuid.uuid4().hex}"
    started = time.perf_counter()
    for codes in made:
        async with redis.pipeline(transaction=False) as pipe:
            for start in range(0, len(codes), 1_000):
                pipe.sadd(key, *codes[start:start + 1_000])
            await pipe.execute()
    elapsed = time.perf_counter() - started
    await redis.delete(key)
    await redis.aclose()
    return elapsed


async def measure_rpc(server: ServerProcess, credentials: Credentials, count: int, length: int) -> float:
    async with RewardsClient.connect(server.target, credentials, timeout_s=3600) as client:
        await ensure_program(client, "bench")  # Offers are opened only in a program that exists.
        offer = await client.call(client.offers.CreateOffer, offers.CreateOfferRequest(offer=resources.Offer(
            program_id="bench", display_name="bench", state=resources.OFFER_STATE_ACTIVE, reward=resources.Reward(
                kind=resources.REWARD_KIND_DISCOUNT_AMOUNT,
                discount_amount=money_pb2.Money(amount_minor=100, currency_code="EUR")))))
        series = await client.call(client.offers.CreateCodeSeries, offers.CreateCodeSeriesRequest(
            code_series=resources.CodeSeries(offer_id=offer.offer.offer_id, length=length,
                                             type=resources.CODE_SERIES_TYPE_UNIQUE_GENERATED)))
        started = time.perf_counter()
        replies = await client.stream(client.offers.GenerateCodes, offers.GenerateCodesRequest(
            code_series_id=series.code_series.code_series_id, count=count), timeout_s=3600)
        elapsed = time.perf_counter() - started
    assert replies[-1].done and replies[-1].generated_count == count, replies[-1]
    return elapsed


def report(count: int, length: int, seconds: dict[str, float]) -> None:
    ceiling = seconds["generate"] + seconds["copy"] + seconds["sadd"]
    rows = [("generate", seconds["generate"]), ("copy", seconds["copy"]), ("sadd", seconds["sadd"]),
            ("ceiling", ceiling), ("rpc", seconds["rpc"])]
    print(f"GenerateCodes: {count:,} codes of {length} characters, generator {IMPLEMENTATION}, "
          f"{os.cpu_count()} cores")
    print(f"{'step':<9} {'codes/s':>10} {'seconds':>9} {'of ceil.':>9} {'30M codes':>10}")
    for name, elapsed in rows:
        rate = count / elapsed
        share = f"{ceiling / elapsed:>9.0%}" if name == "rpc" else f"{'-':>9}"
        print(f"{name:<9} {rate:>10,.0f} {elapsed:>9.2f} {share} {EXTRAPOLATE_COUNT / rate / 60:>8.1f} m")


def main(count: int, length: int) -> None:
    directory = Path(tempfile.mkdtemp(prefix="rc-bgen-", dir="/tmp"))
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
        seconds = {"rpc": asyncio.run(measure_rpc(server, Credentials("bench", client_id, secret), count, length)),
                   "generate": measure_generate(count, length),
                   "copy": measure_copy(database_url, count, length),
                   "sadd": asyncio.run(measure_sadd(redis_url, count, length))}
        report(count, length, seconds)
    finally:
        if server is not None:
            server.terminate()
        for store in reversed(started):
            store.stop()
        shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--length", type=int, default=10)
    arguments = parser.parse_args()
    main(arguments.count, arguments.length)
