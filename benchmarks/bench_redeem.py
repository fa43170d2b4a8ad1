"""RedeemCoupon over gRPC beside two ceilings measured in the same run.

    python benchmarks/bench_redeem.py [--seconds 10] [--concurrency 64] [--workers 1]

Starts the real server (embedded Redis and Postgres unless REDIS_URL / DATABASE_URL are set),
creates an API client and an offer with a common code, then drives, one after the other:
  health      grpc.health.v1 Check: a bare RPC through the same server (the gRPC ceiling)
  evalsha     coupon_redeem.lua straight on Redis from this process (the Redis ceiling)
  redeem      RedeemCoupon: token, signature, admission script, idempotency, rules, reservation,
              group commit in Postgres, confirm - what a checkout waits for
and prints one table: operations per second, latency percentiles, share of each ceiling.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from grpc_health.v1 import health_pb2, health_pb2_grpc  # noqa: E402
from rewards.coupons.v1 import coupon_service_pb2 as coupons  # noqa: E402
from rewards.coupons.v1 import offer_service_pb2 as offers  # noqa: E402
from rewards.coupons.v1 import resources_pb2 as resources  # noqa: E402
from rewards.type.v1 import money_pb2  # noqa: E402

from core.adapters.redis import connect  # noqa: E402
from core.adapters.redis.scripts import Scripts  # noqa: E402
from rewards_client import Credentials, RewardsClient  # noqa: E402
from tests.e2e.harness import ServerProcess  # noqa: E402
from tests.e2e.coupon_accounts import new_accounts  # noqa: E402
from tests.e2e.programs import ensure_program  # noqa: E402


async def drive(operation, seconds: float, concurrency: int) -> list[float]:
    """Run `operation()` from `concurrency` tasks for `seconds`; return the latencies (s)."""
    latencies: list[float] = []
    deadline = time.perf_counter() + seconds

    async def worker() -> None:
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            await operation()
            latencies.append(time.perf_counter() - started)

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return latencies


def row(name: str, latencies: list[float], seconds: float, ceiling: float | None) -> tuple[str, float]:
    rate = len(latencies) / seconds
    cuts = statistics.quantiles(latencies, n=100)
    share = f"{rate / ceiling:>9.0%}" if ceiling else f"{'-':>9}"
    print(f"{name:<8} {rate:>10,.0f} {cuts[49] * 1000:>8.2f} {cuts[98] * 1000:>8.2f} {share}")
    return name, rate


async def main(seconds: float, concurrency: int, server: ServerProcess, credentials: Credentials,
               redis_url: str) -> None:
    async with RewardsClient.connect(server.target, credentials, timeout_s=30) as client:
        await ensure_program(client, "bench")  # Offers are opened only in a program that exists.
        offer = await client.call(client.offers.CreateOffer, offers.CreateOfferRequest(offer=resources.Offer(
            program_id="bench", display_name="bench", state=resources.OFFER_STATE_ACTIVE, reward=resources.Reward(
                kind=resources.REWARD_KIND_DISCOUNT_AMOUNT,
                discount_amount=money_pb2.Money(amount_minor=100, currency_code="EUR")))))
        code = "BENCH" + uuid.uuid4().hex[:8].upper()
        await client.call(client.offers.CreateCodeSeries, offers.CreateCodeSeriesRequest(
            code_series=resources.CodeSeries(offer_id=offer.offer.offer_id, type=resources.CODE_SERIES_TYPE_COMMON,
                                             common_code=code)))
        bill = money_pb2.Money(amount_minor=5_000, currency_code="EUR")
        # Redemptions need real, ACTIVE accounts (the coupon path checks them): a pool, reused.
        accounts = await new_accounts(client, 1_000, "bench")
        turn = itertools.count()

        async def redeem() -> None:
            await client.call(client.coupons.RedeemCoupon, coupons.RedeemCouponRequest(
                code=code, account_id=accounts[next(turn) % len(accounts)], store_id="s1", bill_amount=bill))

        health = health_pb2_grpc.HealthStub(client.channel)
        check = health_pb2.HealthCheckRequest()

        async def ping() -> None:
            await health.Check(check)

        redis = connect(redis_url)
        scripts = Scripts(redis)
        offer_id = str(uuid.uuid4())
        tag = f"rewards:{{o:{offer_id}}}"
        await redis.set(f"{tag}:epoch", 1)

        async def evalsha() -> None:
            account = uuid.uuid4().hex
            await scripts.run("coupon_redeem", [f"{tag}:epoch", f"{tag}:redeemed", f"{tag}:acct:{account}:redeemed",
                                                f"{tag}:acct:{account}:last", f"{tag}:reservations:1",
                                                f"{tag}:limits:redeemed"],
                              [1, account, int(time.time() * 1000), 0, 0, 0, int(time.time() * 1000) + 30_000, account])

        await drive(redeem, 1, concurrency)  # Warm up: connections, token, caches.
        results = {name: await drive(op, seconds, concurrency)
                   for name, op in (("health", ping), ("evalsha", evalsha), ("redeem", redeem))}
        await redis.delete(f"{tag}:epoch", f"{tag}:redeemed", f"{tag}:reservations:1")
        await redis.aclose()

    print(f"RedeemCoupon, {concurrency} concurrent callers, {seconds:.0f} s each, "
          f"{server.workers} worker(s), {os.cpu_count()} cores")
    print(f"{'call':<8} {'ops/s':>10} {'p50 ms':>8} {'p99 ms':>8} {'of ceil.':>9}")
    row("health", results["health"], seconds, None)
    row("evalsha", results["evalsha"], seconds, None)
    rate = len(results["redeem"]) / seconds
    row("redeem", results["redeem"], seconds, len(results["health"]) / seconds)
    print(f"redeem is {rate / (len(results['evalsha']) / seconds):.0%} of raw EVALSHA and "
          f"{rate / (len(results['health']) / seconds):.0%} of a bare RPC on this machine")


def start(workers: int) -> tuple[ServerProcess, Credentials, str, Path]:
    data_dir = Path(tempfile.mkdtemp(prefix="rc-bench-", dir="/tmp"))
    server = ServerProcess(data_dir, redis_url=os.environ.get("REDIS_URL"),
                           database_url=os.environ.get("DATABASE_URL"), workers=workers).start()
    env = {**os.environ, "REWARDS_DATA_DIR": str(data_dir)}
    done = subprocess.run([sys.executable, "-m", "server.cli", "clients", "create", "--org", "bench",
                           "--scopes", "coupons:admin,coupons:redeem,loyalty:admin",
                           "--rate", "1000000", "--burst", "1000000"],
                          env=env, capture_output=True, text=True, check=True, cwd=ROOT)
    created = json.loads(done.stdout)
    redis_url = os.environ.get("REDIS_URL") or f"unix://{data_dir / 'redis' / 'redis.sock'}"
    return server, Credentials(created["org_id"], created["client_id"], created["client_secret"]), redis_url, data_dir


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    server, credentials, redis_url, data_dir = start(args.workers)
    try:
        asyncio.run(main(args.seconds, args.concurrency, server, credentials, redis_url))
    finally:
        server.terminate()
        shutil.rmtree(data_dir, ignore_errors=True)
