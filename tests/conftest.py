"""Real stores for every test that needs them: embedded Redis and Postgres (started once per
session under a short temporary folder), or the servers named by REDIS_URL / DATABASE_URL.

Each test session works in a database of its own, created and migrated here and dropped at the
end, so an external Postgres is left as it was found.

REWARDS_TEST_REDIS_CLUSTER=1 (without REDIS_URL): the session's Redis is an embedded Redis Cluster
(3 masters, 3 replicas, core/adapters/embedded_cluster.py) and `stores.redis_url` a
redis+cluster:// URL. REWARDS_SCRIPT_SLOTS_FILE=<file>: every script call of the session (the
servers' and the tests' own) records its keys' slots there (core/adapters/redis/slots.py), and
the session fails if one call spanned two slots.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from hypothesis import HealthCheck, settings
from core.adapters.embedded import EmbeddedPostgres, EmbeddedRedis
from core.adapters.embedded_cluster import EmbeddedRedisCluster
from core.adapters.postgres.migrations import migrate
from core.adapters.redis.client import connect_sync
from core.adapters.redis.slots import SLOTS_FILE_ENV, read_records, spanning

# Property tests judge outcomes, not speed: on a loaded 2-core machine an example may take longer
# than hypothesis' default 200 ms deadline, which would fail a correct test.
settings.register_profile("rewards", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("rewards")

CLUSTER_ENV = "REWARDS_TEST_REDIS_CLUSTER"


@dataclass
class Stores:
    redis_url: str
    admin_database_url: str
    database_url: str
    directory: Path

    def create_database(self) -> str:
        """A new empty database on the same server; returns its URL (dropped at session end)."""
        name = f"rewards_test_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.admin_database_url, autocommit=True) as connection:
            connection.execute(f"CREATE DATABASE {name}")
        self._created.append(name)
        return psycopg.conninfo.make_conninfo(self.admin_database_url, dbname=name)

    def __post_init__(self) -> None:
        self._created: list[str] = []

    def drop_databases(self) -> None:
        with psycopg.connect(self.admin_database_url, autocommit=True) as connection:
            for name in self._created:
                connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(scope="session")
def stores():
    directory = Path(tempfile.mkdtemp(prefix="rc-", dir="/tmp"))
    started = []
    # Keys at rest are sealed under a master key: every server, CLI run and fixture of the session
    # uses this one. Servers on external stores need an OTP sender: OTPs are captured to a file.
    from core.adapters.sealing import ensure_key_file

    os.environ.setdefault("REWARDS_MASTER_KEY_FILE", str(ensure_key_file(directory / "master.key")))
    # The suite's webhook receivers listen on loopback: the SSRF guard's allowance, explicitly
    # (tests/e2e/test_delivery_ssrf.py turns it off to see the refusal).
    os.environ.setdefault("REWARDS_WEBHOOK_ALLOW_PRIVATE", "1")
    os.environ.setdefault("REWARDS_OTP_SENDER", f"capture:{directory / 'otp-default.jsonl'}")
    # Every test server sees every client from 127.0.0.1, and the suite issues thousands of tokens:
    # the token endpoint limits (tested on servers of their own, test_token_limits.py) stay far
    # above what the suite sends.
    for name in ("REWARDS_TOKEN_RATE_PER_CLIENT", "REWARDS_TOKEN_BURST_PER_CLIENT",
                 "REWARDS_TOKEN_RATE_PER_PEER", "REWARDS_TOKEN_BURST_PER_PEER"):
        os.environ.setdefault(name, "1000000")
    redis_url = os.environ.get("REDIS_URL")
    admin_url = os.environ.get("DATABASE_URL")
    try:
        if not redis_url:
            store = (EmbeddedRedisCluster(directory / "redis-cluster") if os.environ.get(CLUSTER_ENV) == "1"
                     else EmbeddedRedis(directory / "redis"))
            redis_url = store.start()
            started.append(store)
        if not admin_url:
            store = EmbeddedPostgres(directory / "postgres")
            admin_url = store.start()
            started.append(store)
        holder = Stores(redis_url, admin_url, "", directory)
        holder.database_url = holder.create_database()
        migrate(holder.database_url)
        yield holder
        # After every session: the points ledger balances and Redis agrees with it.
        from tests.ledger import check_ledger

        check_ledger(holder.database_url, holder.redis_url)
        holder.drop_databases()
        if os.environ.get(SLOTS_FILE_ENV):  # Every script call of the session kept to one slot.
            records = read_records(Path(os.environ[SLOTS_FILE_ENV]))
            assert spanning(records) == [], spanning(records)[:20]
    finally:
        for store in reversed(started):
            store.stop()
        shutil.rmtree(directory, ignore_errors=True)


ALL_SCOPES = sorted(__import__("core.domain.auth", fromlist=["SCOPES"]).SCOPES)


@pytest.fixture(scope="session")
def credentials(stores):
    """An API client with every scope, in the session database. Its rate limit is far above what
    the suite sends (the rate limit tests make clients of their own), so that a test never fails
    on the request rate of the tests before it."""
    from core.service.clients import create_client
    from rewards_client import Credentials

    client_id, secret = create_client(stores.database_url, "org-test", ALL_SCOPES, rate_per_second=100_000,
                                      rate_burst=100_000)
    return Credentials("org-test", client_id, secret)


@pytest.fixture
def redis_client(stores):
    client = connect_sync(stores.redis_url)
    yield client
    client.close()
