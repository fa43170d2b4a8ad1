"""Whole-server behaviour: graceful shutdown under load, Redis state rebuild, embedded stores,
several workers on one port."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import psycopg
import pytest
import redis
from grpc_health.v1 import health_pb2
from rewards.accounts.v1 import account_service_pb2 as api
from rewards.accounts.v1 import account_service_pb2_grpc
from rewards.accounts.v1 import resources_pb2 as resources

from core.adapters.embedded import EmbeddedRedis
from core.adapters.postgres.migrations import migrate
from core.adapters.redis.state import GENERATION_KEY, REBUILD_LOCK_KEY
from rewards_client import Credentials
from tests.e2e.harness import ServerProcess, authenticated_channel
from tests.e2e.programs import ensure_program_at

SERVING = health_pb2.HealthCheckResponse.SERVING
NOT_SERVING = health_pb2.HealthCheckResponse.NOT_SERVING


@pytest.fixture
def data_dir():
    directory = Path(tempfile.mkdtemp(prefix="rc-life-", dir="/tmp"))
    yield directory
    shutil.rmtree(directory, ignore_errors=True)


@pytest.fixture
def own_redis(data_dir):
    store = EmbeddedRedis(data_dir / "own-redis")
    yield store.start()
    store.stop()


def create_request(program: str = "life") -> api.CreateAccountRequest:
    return api.CreateAccountRequest(
        request_id=uuid.uuid4().hex, program_id=program,
        identifiers=[resources.Identifier(type=resources.IDENTIFIER_TYPE_EXTERNALCODE, value=uuid.uuid4().hex)])


def wait_for(predicate, timeout_s: float = 10, what: str = "condition") -> None:
    deadline = time.monotonic() + timeout_s
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError(what)
        time.sleep(0.02)


def account_count(database_url: str, program: str) -> int:
    with psycopg.connect(database_url) as connection:
        return connection.execute("SELECT count(*) FROM accounts WHERE program_id = %s", (program,)).fetchone()[0]


async def test_sigterm_during_200_in_flight_calls_completes_them_all(stores, credentials, data_dir, own_redis):
    # A long linger holds every call in the ledger writer, so all 200 are in flight at SIGTERM.
    server = ServerProcess(data_dir, redis_url=own_redis, database_url=stores.database_url,
                           env={"REWARDS_LEDGER_LINGER_MS": "5000"}).start()
    program = f"sigterm-{uuid.uuid4().hex[:8]}"
    try:
        await ensure_program_at(server.target, credentials, program)
        # Four clients with 50 calls each: one HTTP/2 connection admits 100 concurrent streams.
        channels = [authenticated_channel(server.target, credentials,
                                          options=[("grpc.use_local_subchannel_pool", 1)]) for _ in range(4)]
        stubs = [account_service_pb2_grpc.AccountServiceStub(channel) for channel in channels]
        calls = [asyncio.ensure_future(stubs[n % 4].CreateAccount(create_request(program), timeout=30))
                 for n in range(200)]
        while server.metric("rewards_rpc_in_flight") < 200:  # All 200 reached the server.
            assert not any(call.done() for call in calls), "a call finished before SIGTERM"
            await asyncio.sleep(0.02)
        server.process.send_signal(signal.SIGTERM)
        responses = await asyncio.gather(*calls, return_exceptions=True)
        for channel in channels:
            await channel.close()
        exit_code = await asyncio.get_running_loop().run_in_executor(None, server.process.wait, 60)
    finally:
        server.kill()

    failures = [r for r in responses if isinstance(r, BaseException)]
    assert failures == [], [e.get("exception", "")[-1500:] for e in server.log if e.get("level") == "error"][:1]
    assert len({r.account.account_id for r in responses}) == 200
    assert account_count(stores.database_url, program) == 200
    assert exit_code == 0


def test_health_is_not_serving_while_redis_state_is_rebuilt(stores, data_dir, own_redis):
    database_url = stores.create_database()
    migrate(database_url)
    server = ServerProcess(data_dir, redis_url=own_redis, database_url=database_url).start()
    client = redis.Redis.from_url(own_redis)
    try:
        epoch_before = int(client.get(GENERATION_KEY))
        client.set(REBUILD_LOCK_KEY, "the test holds the rebuild", px=60_000)
        client.delete(GENERATION_KEY)  # As after a Redis restart without persistence.

        wait_for(lambda: server.health() == NOT_SERVING, what="NOT_SERVING while rebuilding")
        assert server.health("rewards.accounts.v1.AccountService") == NOT_SERVING
        client.delete(REBUILD_LOCK_KEY)
        wait_for(lambda: server.health() == SERVING, what="SERVING after the rebuild")
    finally:
        server.terminate()
        client.close()

    assert int(client.get(GENERATION_KEY)) == epoch_before + 1
    with psycopg.connect(database_url) as connection:
        assert connection.execute("SELECT epoch FROM redis_epoch").fetchone()[0] == epoch_before + 1


async def test_with_no_urls_the_server_runs_embedded_stores_and_stops_them(data_dir):
    server = ServerProcess(data_dir, redis_url=None, database_url=None).start()
    try:
        credentials = create_client_with_cli(data_dir)
        await ensure_program_at(server.target, credentials, "life")
        async with authenticated_channel(server.target, credentials) as channel:
            stub = account_service_pb2_grpc.AccountServiceStub(channel)
            account = (await stub.CreateAccount(create_request(), timeout=10)).account
        assert (data_dir / "postgres" / "postmaster.pid").exists()
        assert (data_dir / "redis" / "redis.sock").exists()
    finally:
        exit_code = server.terminate()

    assert exit_code == 0 and account.account_id
    assert not (data_dir / "postgres" / "postmaster.pid").exists()
    assert any(entry.get("message") == "migrations applied" for entry in server.log)


def create_client_with_cli(data_dir: Path) -> Credentials:
    """`rewards-core clients create` against the running server's embedded Postgres."""
    environment = {**os.environ, "REWARDS_DATA_DIR": str(data_dir)}
    environment.pop("DATABASE_URL", None)
    done = subprocess.run([sys.executable, "-m", "server.cli", "clients", "create", "--org", "org-cli",
                           "--scopes", "accounts:write,accounts:read,loyalty:admin"],
                          env=environment, capture_output=True, text=True, timeout=60, check=True)
    created = json.loads(done.stdout)
    return Credentials(created["org_id"], created["client_id"], created["client_secret"])


async def test_two_workers_share_one_port_and_a_dead_worker_is_restarted(stores, credentials, data_dir, own_redis):
    server = ServerProcess(data_dir, redis_url=own_redis, database_url=stores.database_url,
                           workers=2).start()
    try:
        wait_for(lambda: len(serving_workers(server)) == 2, what="two workers serving")
        assert {entry["port"] for entry in serving_workers(server)} == {server.port}
        await ensure_program_at(server.target, credentials, "life")
        async with authenticated_channel(server.target, credentials) as channel:
            stub = account_service_pb2_grpc.AccountServiceStub(channel)
            for _ in range(20):
                await stub.CreateAccount(create_request(), timeout=10)

        victim = serving_workers(server)[0]["pid"]
        os.kill(victim, signal.SIGKILL)
        wait_for(lambda: len(serving_workers(server)) == 3, timeout_s=30, what="a restarted worker")
        server.wait_until_serving()
    finally:
        exit_code = server.terminate()

    assert exit_code == 0
    assert any(e.get("message") == "worker exited unexpectedly; restarting" for e in server.log)


def serving_workers(server: ServerProcess) -> list[dict]:
    return [entry for entry in server.log if entry.get("message") == "worker serving"]


def test_workers_of_a_killed_supervisor_shut_down_on_their_own(stores, data_dir, own_redis):
    server = ServerProcess(data_dir, redis_url=own_redis, database_url=stores.database_url).start()
    (worker,) = [entry["pid"] for entry in serving_workers(server)]

    server.process.kill()  # SIGKILL: the supervisor cannot forward anything.
    server.process.wait()

    wait_for(lambda: not pid_alive(worker), timeout_s=15, what="the orphaned worker to exit")
    assert any(e.get("message") == "supervisor is gone; shutting down" for e in server.log)


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as stat:  # A zombie has exited; it only waits to be reaped.
        return stat.read().split(") ", 1)[1][0] != "Z"
