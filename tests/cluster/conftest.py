"""A real Redis Cluster (3 masters, 3 replicas, core/adapters/embedded_cluster.py), started once
for tests/cluster, and one real server on it (REDIS_URL=redis+cluster://...) with a database of
its own on the session's Postgres: its Redis epoch and its ledger are apart from the other
suites', and after the module the points ledger balances and the cluster agrees with it."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

from core.adapters.embedded_cluster import EmbeddedRedisCluster
from core.adapters.postgres.migrations import migrate
from core.adapters.redis.slots import SLOTS_FILE_ENV
from tests.e2e.harness import ServerProcess
from tests.e2e.programs import ensure_program
from tests.ledger import check_ledger


@pytest.fixture(scope="session")
def redis_cluster():
    directory = Path(tempfile.mkdtemp(prefix="rc-cl-", dir="/tmp"))
    cluster = EmbeddedRedisCluster(directory)
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.stop()
        shutil.rmtree(directory, ignore_errors=True)


@pytest.fixture(scope="session")
def cluster_database(stores):
    database_url = stores.create_database()
    migrate(database_url)
    return database_url


@pytest.fixture(scope="session")
def cluster_credentials(cluster_database):
    from core.service.clients import create_client
    from rewards_client import Credentials
    from tests.conftest import ALL_SCOPES

    client_id, secret = create_client(cluster_database, "org-cluster", ALL_SCOPES, rate_per_second=100_000,
                                      rate_burst=100_000)
    return Credentials("org-cluster", client_id, secret)


@pytest.fixture(scope="session")
def cluster_server(redis_cluster, cluster_database):
    """The server on the cluster. Its script calls record their slots in `slots_file`."""
    data_dir = Path(tempfile.mkdtemp(prefix="rc-cls-", dir="/tmp"))
    process = ServerProcess(data_dir, redis_url=redis_cluster.url, database_url=cluster_database, env={
        "REWARDS_OTP_SENDER": f"capture:{data_dir / 'otp.jsonl'}", "REWARDS_OTP_RATE_MAX": "1000",
        SLOTS_FILE_ENV: str(data_dir / "slots.txt")})
    process.otp_file = data_dir / "otp.jsonl"
    process.slots_file = data_dir / "slots.txt"
    try:
        yield process.start()
        check_ledger(cluster_database, redis_cluster.url)
    finally:
        process.kill()
        shutil.rmtree(data_dir, ignore_errors=True)


@pytest.fixture
async def cluster_client(cluster_server, cluster_credentials):
    from rewards_client import RewardsClient

    async with RewardsClient.connect(cluster_server.target, cluster_credentials, timeout_s=60) as client:
        await ensure_program(client, "cluster")
        yield client
