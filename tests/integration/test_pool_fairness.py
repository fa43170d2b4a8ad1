"""The Postgres pool serves waiting callers first come, first served, even when their waits pass
the point where the pool probes Postgres (a long wait must not lose its place in the queue)."""

from __future__ import annotations

import asyncio

from core.adapters.postgres.pool import SUSPECT_AFTER_S
from server import bootstrap


async def test_waiters_get_connections_in_the_order_they_asked(stores):
    pool = await bootstrap.open_pool(stores.database_url, size_max=1, wait_s_max=30)
    order: list[str] = []
    try:
        held = await pool.getconn()

        async def take(name: str) -> None:
            async with pool.connection():
                order.append(name)

        first = asyncio.create_task(take("first"))
        await asyncio.sleep(SUSPECT_AFTER_S * 3)  # the first wait is long past the probe point
        second = asyncio.create_task(take("second"))
        await asyncio.sleep(SUSPECT_AFTER_S * 2)
        await pool.putconn(held)
        await asyncio.wait_for(asyncio.gather(first, second), 30)
    finally:
        await pool.close()

    assert order == ["first", "second"]
    assert not pool.breaker.open  # a saturated pool is not an outage
