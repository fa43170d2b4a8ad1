"""The Redis side of the capacity model: coupon_redeem on one Redis vs a 3-master Redis Cluster,
one hot offer vs many offers.

    python benchmarks/cluster_bench.py [--seconds 5] [--processes 2] [--concurrency 64] [--offers 256]

Starts an embedded single Redis and an embedded cluster (3 masters + 3 replicas, as deployed:
replication costs the masters CPU too), loads the offers' state, then drives coupon_redeem
(pipelined per tick and per node by core/adapters/redis/scripts.py, as the server does) from
`--processes` client processes for `--seconds` per case, and prints one table: reservations per
second, and what each master spent per call (Redis' own `INFO commandstats` for EVALSHA and the
CPU its process used, so the numbers hold on a machine whose cores the clients share). The
capacity model in the README ("Capacity model") is built from these and `make bench`'s per
worker costs. Writes benchmarks/results/<date>-cluster.json.

One slot is served by one master's one core: a hot offer's ceiling is 1e6 / (us per call on its
master), whatever the number of masters; many offers spread over the masters.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import multiprocessing
import shutil
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import redis  # noqa: E402

from core.adapters.embedded import EmbeddedRedis  # noqa: E402
from core.adapters.embedded_cluster import EmbeddedRedisCluster  # noqa: E402
from core.adapters.redis.client import connect, is_cluster_url  # noqa: E402
from core.adapters.redis.coupons import CouponRedis, keys_of  # noqa: E402
from core.adapters.redis.scripts import Scripts  # noqa: E402

EPOCH = 1


def offer_ids(count: int) -> list[str]:
    return [f"bench-{index:05d}" for index in range(count)]


async def load_offers(url: str, offers: list[str]) -> None:
    client = connect(url)
    try:
        pools = CouponRedis(client, Scripts(client))
        for offer_id in offers:
            await pools.load(offer_id=offer_id, epoch=EPOCH, counters=[(keys_of(offer_id, "-", "-").count, 0)])
    finally:
        await client.aclose()


async def drive(url: str, offers: list[str], seconds: float, concurrency: int) -> int:
    """coupon_redeem from `concurrency` tasks for `seconds`, each call a new account and request
    (no limits: every call reserves); the number of reservations."""
    client = connect(url, max_connections=concurrency)
    pools = CouponRedis(client, Scripts(client))
    done = 0
    stop_at = time.monotonic() + seconds

    async def one(index: int) -> None:
        nonlocal done
        turn = 0
        while time.monotonic() < stop_at:
            offer_id = offers[(index + turn * concurrency) % len(offers)]
            account = uuid.uuid4().hex[:12]
            now_ms = int(time.time() * 1000)
            await pools.redeem(keys=keys_of(offer_id, account, EPOCH), coupon_id=None, offer_id=offer_id,
                               epoch=EPOCH, request_key=uuid.uuid4().hex, now_ms=now_ms, gap_ms=0, account_max=0,
                               offer_max=0, deadline_ms=now_ms + 30_000, account_id=account, version=0)
            done += 1
            turn += 1

    try:
        await asyncio.gather(*(one(index) for index in range(concurrency)))
    finally:
        await client.aclose()
    return done


def _process(url: str, offers: list[str], seconds: float, concurrency: int, results) -> None:
    results.put(asyncio.run(drive(url, offers, seconds, concurrency)))


def master_addresses(url: str) -> list[tuple[str, int]]:
    if not is_cluster_url(url):  # The embedded single Redis listens on a unix socket.
        return [url.partition("unix://")[2]]
    seeds = url.partition("://")[2].split(",")
    masters = []
    for seed in seeds:
        host, _, port = seed.rpartition(":")
        with redis.Redis(host=host, port=int(port)) as node:
            if node.info("replication")["role"] == "master":
                masters.append((host, int(port)))
    return masters


def node_client(address) -> redis.Redis:
    if isinstance(address, str):
        return redis.Redis(unix_socket_path=address)
    return redis.Redis(host=address[0], port=address[1])


def node_stats(address) -> tuple[int, float, float]:
    """(EVALSHA calls, their microseconds, the process' CPU seconds) of one master."""
    with node_client(address) as node:
        stats = node.info("commandstats").get("cmdstat_evalsha", {"calls": 0, "usec": 0})
        cpu = node.info("cpu")
    return int(stats["calls"]), float(stats["usec"]), float(cpu["used_cpu_sys"]) + float(cpu["used_cpu_user"])


def run_case(url: str, offers: list[str], args) -> dict:
    asyncio.run(load_offers(url, offers))
    masters = master_addresses(url)
    for address in masters:
        with node_client(address) as node:
            node.config_resetstat()
    before = {address: node_stats(address) for address in masters}
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    processes = [context.Process(target=_process, args=(url, offers, args.seconds, args.concurrency, results))
                 for _ in range(args.processes)]
    started = time.monotonic()
    for process in processes:
        process.start()
    total = sum(results.get() for _ in processes)
    for process in processes:
        process.join()
    elapsed = time.monotonic() - started
    per_master = []
    for address in masters:
        calls0, usec0, cpu0 = before[address]
        calls, usec, cpu = node_stats(address)
        calls -= calls0
        per_master.append({"calls": calls, "us_per_call": round((usec - usec0) / calls, 2) if calls else None,
                           "cpu_us_per_call": round((cpu - cpu0) * 1e6 / calls, 2) if calls else None})
    busiest = max(per_master, key=lambda master: master["calls"])
    return {"masters": len(masters), "offers": len(offers), "reservations": total,
            "reservations_per_s": round(total / args.seconds, 1), "elapsed_s": round(elapsed, 1),
            "per_master": per_master, "busiest_share": round(busiest["calls"] / max(total, 1), 3),
            # One core per master: the ceiling of the busiest master at its measured cost per call.
            "ceiling_per_s": round(1e6 / busiest["cpu_us_per_call"] * total / max(busiest["calls"], 1), 1)
            if busiest["cpu_us_per_call"] else None}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--offers", type=int, default=256)
    parser.add_argument("--output", type=Path, default=None)
    args = parser.parse_args()
    directory = Path(tempfile.mkdtemp(prefix="rc-cbench-", dir="/tmp"))
    single, cluster = EmbeddedRedis(directory / "single"), EmbeddedRedisCluster(directory / "cluster")
    rows = []
    try:
        targets = (("1 master (one Redis)", single.start()), ("3 masters (cluster)", cluster.start()))
        for name, url in targets:
            for scenario, offers in (("one hot offer", offer_ids(1)), (f"{args.offers} offers", offer_ids(args.offers))):
                row = {"target": name, "scenario": scenario, **run_case(url, offers, args)}
                rows.append(row)
                print(f"{name:22} {scenario:14} {row['reservations_per_s']:>9.1f}/s  busiest master "
                      f"{row['busiest_share']:.0%} of calls, {max(m['cpu_us_per_call'] or 0 for m in row['per_master']):.1f}"
                      f" us CPU per call -> ceiling {row['ceiling_per_s']}/s", flush=True)
    finally:
        cluster.stop()
        single.stop()
        shutil.rmtree(directory, ignore_errors=True)
    output = args.output or ROOT / "benchmarks" / "results" / f"{dt.date.today():%Y-%m-%d}-cluster.json"
    output.write_text(json.dumps({"date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                                  "cores": multiprocessing.cpu_count(), "seconds": args.seconds,
                                  "processes": args.processes, "concurrency": args.concurrency,
                                  "results": rows}, indent=1) + "\n")
    print(f"wrote {output}")


if __name__ == "__main__":
    main()
