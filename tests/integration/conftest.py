from __future__ import annotations

import pytest
from core.adapters.postgres.pool import StorePool

from core.adapters.idempotency import IdempotencyStore
from core.adapters.redis import connect
from core.adapters.postgres.ledger_writer import LedgerWriter
from core.adapters.redis.scripts import Scripts
from core.domain.clock import SystemClock
from core.service.context import Caller, Deps


@pytest.fixture(scope="session")
async def pool(stores):
    pool = StorePool(stores.database_url, min_size=1, max_size=8, open=False)
    await pool.open(wait=True)
    yield pool
    await pool.close()


@pytest.fixture(scope="session")
async def aredis(stores):
    client = connect(stores.redis_url)
    yield client
    await client.aclose()


@pytest.fixture(scope="session")
async def deps(pool, aredis):
    scripts = Scripts(aredis)
    writer = LedgerWriter(pool)
    writer.start()
    yield Deps(pool, aredis, scripts, writer, IdempotencyStore(aredis, scripts, pool), SystemClock())
    await writer.close()


@pytest.fixture
def caller():
    import uuid

    return Caller(client_id=f"client-{uuid.uuid4().hex[:8]}", org_id="org-test")
