"""Group-commit ledger writer: writes/s through LedgerWriter beside what Postgres does alone.

    python benchmarks/bench_ledger.py [--writes 20000] [--concurrency 500]

Rows of the table, all measured in this run against the same Postgres (embedded unless
DATABASE_URL is set):
  ceiling   the same rows inserted with executemany in batches of the writer's mean batch size,
            one transaction per batch, straight on one connection (no queue, no futures)
  writer    LedgerWriter.submit from `concurrency` concurrent tasks, each awaiting its COMMIT
  per-write one transaction per write (what the writer saves us from), on a sample
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from psycopg_pool import AsyncConnectionPool

from core.adapters.embedded import EmbeddedPostgres
from core.adapters.postgres.ledger_writer import LedgerWrite, LedgerWriter, Row

COLUMNS = ("entry_id", "account", "amount")


def rows(start: int, count: int) -> list[tuple]:
    return [(start + n, f"acct-{n % 997}", n % 1000) for n in range(count)]


async def ceiling(pool: AsyncConnectionPool, data: list[tuple], batch: int) -> float:
    started = time.perf_counter()
    async with pool.connection() as connection:
        for offset in range(0, len(data), batch):
            async with connection.transaction():
                async with connection.cursor() as cursor:
                    await cursor.executemany(
                        "INSERT INTO bench_entries (entry_id, account, amount) VALUES (%s, %s, %s)",
                        data[offset:offset + batch])
    return len(data) / (time.perf_counter() - started)


async def through_writer(pool: AsyncConnectionPool, data: list[tuple], concurrency: int) -> tuple[float, list[int]]:
    batches: list[int] = []
    writer = LedgerWriter(pool, observe_batch=lambda writes, _rows, _s: batches.append(writes))
    writer.start()
    queue = iter(data)

    async def client() -> None:
        for values in queue:
            await writer.submit(LedgerWrite((Row("bench_entries", COLUMNS, values),)))

    started = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(concurrency)))
    elapsed = time.perf_counter() - started
    await writer.close()
    return len(data) / elapsed, batches


async def per_write(pool: AsyncConnectionPool, data: list[tuple]) -> float:
    started = time.perf_counter()
    async with pool.connection() as connection:
        for values in data:
            async with connection.transaction():
                await connection.execute(
                    "INSERT INTO bench_entries (entry_id, account, amount) VALUES (%s, %s, %s)", values)
    return len(data) / (time.perf_counter() - started)


async def main(writes: int, concurrency: int, database_url: str) -> None:
    async with AsyncConnectionPool(database_url, min_size=2, max_size=4) as pool:
        async with pool.connection() as connection:
            await connection.execute("DROP TABLE IF EXISTS bench_entries")
            await connection.execute("CREATE TABLE bench_entries (entry_id bigint PRIMARY KEY,"
                                     " account text NOT NULL, amount integer NOT NULL)")
        writer_rate, batches = await through_writer(pool, rows(0, writes), concurrency)
        mean_batch = max(1, round(sum(batches) / len(batches)))
        ceiling_rate = await ceiling(pool, rows(writes, writes), mean_batch)
        single_rate = await per_write(pool, rows(2 * writes, min(writes, 2000)))
    print(f"ledger writer: {writes} writes, {concurrency} concurrent callers, "
          f"{len(batches)} commits, mean batch {mean_batch}")
    print(f"{'mode':<10} {'writes/s':>12} {'vs ceiling':>11}")
    for name, rate in (("ceiling", ceiling_rate), ("writer", writer_rate), ("per-write", single_rate)):
        print(f"{name:<10} {rate:>12,.0f} {rate / ceiling_rate:>10.0%}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--writes", type=int, default=20_000)
    parser.add_argument("--concurrency", type=int, default=500)
    args = parser.parse_args()
    database_url = os.environ.get("DATABASE_URL")
    directory = None
    store = None
    if not database_url:
        directory = Path(tempfile.mkdtemp(prefix="rc-bench-", dir="/tmp"))
        store = EmbeddedPostgres(directory / "postgres")
        database_url = store.start()
    try:
        asyncio.run(main(args.writes, args.concurrency, database_url))
    finally:
        if store is not None:
            store.stop()
            shutil.rmtree(directory, ignore_errors=True)
