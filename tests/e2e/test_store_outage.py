"""Postgres stopped under load, over gRPC on a real server with stores of its own: calls answer
UNAVAILABLE with RetryInfo in milliseconds while it is down (the breaker), health says NOT_SERVING,
service resumes by itself when it returns, no acknowledged redemption is missing from the ledger,
the limit holds, and Redis equals the ledger afterwards (issue 11: before, 108 of 109 calls ran
into their 10 s deadline and a limit of 100 ended with 130 rows)."""

from __future__ import annotations

import asyncio
import os
import shutil
import statistics
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

import grpc
import psycopg
import pytest
import redis
from grpc_health.v1 import health_pb2
from rewards.auth.v1 import auth_service_pb2 as auth_api
from rewards.auth.v1 import auth_service_pb2_grpc
from rewards.coupons.v1 import coupon_service_pb2 as coupons

from core.adapters.embedded import EmbeddedPostgres, EmbeddedRedis
from core.adapters.postgres.migrations import migrate
from rewards_client import Credentials, RewardsClient, errors
from tests.conftest import ALL_SCOPES
from tests.e2e.harness import ServerProcess
from tests.e2e.test_points import eur, new_account, new_program
from tests.e2e.test_slow_commits import common_offer
from tests.ledger import check_ledger

LIMIT = 400
BEFORE = 30
OUTAGE_S = float(os.environ.get("REWARDS_TEST_OUTAGE_S", "30"))
CALLERS = 16
DEADLINE_S = 2.0


@pytest.fixture
def own_stores(stores):
    directory = Path(tempfile.mkdtemp(prefix="rc-out-", dir="/tmp"))
    postgres, store = EmbeddedPostgres(directory / "pg"), EmbeddedRedis(directory / "redis")
    database_url, redis_url = postgres.start(), store.start()
    migrate(database_url)
    try:
        yield postgres, database_url, redis_url, directory, store
    finally:
        store.stop()
        postgres.stop()
        shutil.rmtree(directory, ignore_errors=True)


def pg_ctl(directory: Path, action: str) -> None:
    """Stop or start the embedded Postgres with its own pg_ctl, spawned without fork() (posix_spawn:
    close_fds=False): a fork of this process, which runs gRPC threads, can crash the child."""
    import pgserver

    binary = Path(pgserver.__file__).parent / "pginstall" / "bin" / "pg_ctl"
    # As root, pgserver runs Postgres as its system user "pgserver"; so do we (runuser, not a
    # fork with a user change).
    command = (["runuser", "-u", "pgserver", "--"] if os.geteuid() == 0 else []) + [
        str(binary), "-D", str(directory), "-w"]
    command += ["-m", "fast", "stop"] if action == "stop" else [
        "-o", '-h ""', "-o", f"-k {directory}", "-l", str(directory / "log"), "start"]
    subprocess.run(command, check=True, close_fds=False, stdin=subprocess.DEVNULL,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)


class Load:
    """CALLERS loops of RedeemCoupon, each call with its own request id, one attempt, a 2 s deadline."""

    def __init__(self, client: RewardsClient, code: str, holders: list[str]) -> None:
        self.client, self.code, self.holders = client, code, holders
        self.calls: list[tuple[float, float, str, str, str]] = []
        """(start, seconds, outcome, request_id, redemption_id)"""
        self.running = True

    async def caller(self, n: int) -> None:
        while self.running:
            request = coupons.RedeemCouponRequest(request_id=uuid.uuid4().hex, code=self.code,
                                                  account_id=self.holders[n % len(self.holders)],
                                                  store_id="store-1", bill_amount=eur(1_000))
            started = time.monotonic()
            redemption_id = ""
            try:
                redemption_id = (await self.client.call(self.client.coupons.RedeemCoupon, request)).redemption_id
                result = "OK"
            except errors.RewardsError as error:
                result = error.reason or error.code.name
            self.calls.append((started, time.monotonic() - started, result, request.request_id, redemption_id))
            if result not in ("OK", "STORE_UNAVAILABLE", "DEADLINE_EXCEEDED"):
                await asyncio.sleep(0.05)

    def between(self, start: float, end: float) -> list[tuple]:
        return [call for call in self.calls if start <= call[0] < end]


async def test_postgres_stopped_under_load(own_stores):
    postgres, database_url, redis_url, directory, _ = own_stores
    from core.service.clients import create_client

    client_id, secret = create_client(database_url, "org-test", ALL_SCOPES, rate_per_second=100_000,
                                      rate_burst=100_000)
    credentials = Credentials("org-test", client_id, secret)
    server = ServerProcess(directory / "server", redis_url=redis_url, database_url=database_url).start()
    try:
        async with RewardsClient.connect(server.target, credentials, timeout_s=30) as setup:
            program_id = await new_program(setup)
            holders = [await new_account(setup, program_id) for _ in range(8)]
            offer_id, code = await common_offer(setup, program_id, LIMIT)
            for n in range(BEFORE):
                await setup.call(setup.coupons.RedeemCoupon, coupons.RedeemCouponRequest(
                    code=code, account_id=holders[n % 8], store_id="store-1", bill_amount=eur(1_000)))

        async with RewardsClient.connect(server.target, credentials, timeout_s=DEADLINE_S, attempts_max=1) as client:
            load = Load(client, code, holders)
            callers = [asyncio.create_task(load.caller(n)) for n in range(CALLERS)]
            await asyncio.sleep(0.5)
            stopped = time.monotonic()
            await asyncio.to_thread(pg_ctl, directory / "pg", "stop")
            health_seen = set()
            await asyncio.sleep(3)
            token_took_s, token_code = await issue_token(server, credentials)
            while time.monotonic() < stopped + OUTAGE_S:
                await asyncio.sleep(0.5)
                try:
                    health_seen.add(await asyncio.to_thread(server.health))
                except Exception:  # noqa: BLE001 - a slow health answer is not what is tested here.
                    pass
            restarting = time.monotonic()
            await asyncio.to_thread(pg_ctl, directory / "pg", "start")
            restarted = time.monotonic()
            # Service resumes by itself: load runs until the limit is reached.
            deadline = restarted + 60
            while not any(call[2] == "REDEMPTION_LIMIT_REACHED" for call in load.between(restarted, 1e12)):
                assert time.monotonic() < deadline, "service did not resume within 60 s of Postgres' return"
                await asyncio.sleep(0.2)
            load.running = False
            await asyncio.gather(*callers)

        assert health_pb2.HealthCheckResponse.NOT_SERVING in health_seen
        # IssueToken too (it reads the client's hash from Postgres): at once, not after 30 s.
        assert token_code is grpc.StatusCode.UNAVAILABLE and token_took_s < 1.0
        # While Postgres was down (after the first seconds, in which the breaker opens), calls
        # answered UNAVAILABLE at once instead of running into their deadline.
        down = [call for call in load.between(stopped + 3, restarting) if call[0] + call[1] <= restarting]
        assert down, "no call ran during the outage"
        outcomes = [call[2] for call in down]
        assert outcomes.count("STORE_UNAVAILABLE") >= 0.9 * len(outcomes), outcomes
        assert statistics.median(call[1] for call in down) < 0.5
        assert "OK" not in outcomes
        assert any(call[2] == "OK" for call in load.between(restarted, 1e12))

        # Nothing acknowledged is missing, nothing exceeds the limit, Redis equals the ledger once
        # the reservations of the outage are settled (released, or swept after their deadline).
        def ledger() -> dict[str, str]:
            with psycopg.connect(database_url) as connection:
                return dict(connection.execute("SELECT request_id, redemption_id::text FROM coupon_redemptions"
                                               " WHERE offer_id = %s", (offer_id,)).fetchall())

        acknowledged = {call[3]: call[4] for call in load.calls if call[2] == "OK"}
        store = redis.Redis.from_url(redis_url)
        settle_by = time.monotonic() + 90
        while any(store.hlen(key) for key in store.scan_iter(f"rewards:{{o:{offer_id}}}:reservations:*")):
            assert time.monotonic() < settle_by, "reservations not settled within 90 s"
            await asyncio.sleep(0.5)
        rows = ledger()
        assert LIMIT - CALLERS <= len(rows) <= LIMIT
        assert {request_id: rows.get(request_id) for request_id in acknowledged} == acknowledged
        assert int(store.get(f"rewards:{{o:{offer_id}}}:redeemed")) == len(rows)
        store.close()
        check_ledger(database_url, redis_url)
    finally:
        server.kill()


async def issue_token(server: ServerProcess, credentials: Credentials) -> tuple[float, grpc.StatusCode]:
    async with grpc.aio.insecure_channel(server.target) as channel:
        started = time.monotonic()
        try:
            await auth_service_pb2_grpc.AuthServiceStub(channel).IssueToken(auth_api.IssueTokenRequest(
                org_id=credentials.org_id, client_id=credentials.client_id,
                client_secret=credentials.client_secret), timeout=10)
            code = grpc.StatusCode.OK
        except grpc.aio.AioRpcError as error:
            code = error.code()
        return time.monotonic() - started, code


async def test_redis_stopped_under_load(own_stores):
    """Redis stopped for a while under load: calls answer UNAVAILABLE at once, health says
    NOT_SERVING, and service resumes by itself once it is back (its append-only file keeps the
    state); nothing acknowledged is lost, the limit holds, Redis equals the ledger."""
    _, database_url, redis_url, directory, store = own_stores
    from core.service.clients import create_client

    client_id, secret = create_client(database_url, "org-test", ALL_SCOPES, rate_per_second=100_000,
                                      rate_burst=100_000)
    credentials = Credentials("org-test", client_id, secret)
    server = ServerProcess(directory / "server", redis_url=redis_url, database_url=database_url).start()
    limit = 300
    try:
        async with RewardsClient.connect(server.target, credentials, timeout_s=30) as setup:
            program_id = await new_program(setup)
            holders = [await new_account(setup, program_id) for _ in range(8)]
            offer_id, code = await common_offer(setup, program_id, limit)
        async with RewardsClient.connect(server.target, credentials, timeout_s=DEADLINE_S, attempts_max=1) as client:
            load = Load(client, code, holders)
            callers = [asyncio.create_task(load.caller(n)) for n in range(CALLERS)]
            await asyncio.sleep(0.5)
            stopped = time.monotonic()
            await asyncio.to_thread(store.stop)
            health_seen = set()
            while time.monotonic() < stopped + OUTAGE_S / 3:
                await asyncio.sleep(0.5)
                try:
                    health_seen.add(await asyncio.to_thread(server.health))
                except Exception:  # noqa: BLE001
                    pass
            restarting = time.monotonic()
            await asyncio.to_thread(store.start)
            restarted = time.monotonic()
            deadline = restarted + 60
            while not any(call[2] == "REDEMPTION_LIMIT_REACHED" for call in load.between(restarted, 1e12)):
                assert time.monotonic() < deadline, "service did not resume within 60 s of Redis' return"
                await asyncio.sleep(0.2)
            load.running = False
            await asyncio.gather(*callers)

        assert health_pb2.HealthCheckResponse.NOT_SERVING in health_seen
        down = [call for call in load.between(stopped + 2, restarting) if call[0] + call[1] <= restarting]
        assert down
        outcomes = [call[2] for call in down]
        assert outcomes.count("STORE_UNAVAILABLE") >= 0.9 * len(outcomes), outcomes
        assert statistics.median(call[1] for call in down) < 0.5
        assert "OK" not in outcomes

        acknowledged = {call[3]: call[4] for call in load.calls if call[2] == "OK"}
        client_store = redis.Redis.from_url(redis_url)
        settle_by = time.monotonic() + 90
        while any(client_store.hlen(key) for key in client_store.scan_iter(f"rewards:{{o:{offer_id}}}:reservations:*")):
            assert time.monotonic() < settle_by, "reservations not settled within 90 s"
            await asyncio.sleep(0.5)
        with psycopg.connect(database_url) as connection:
            rows = dict(connection.execute("SELECT request_id, redemption_id::text FROM coupon_redemptions"
                                           " WHERE offer_id = %s", (offer_id,)).fetchall())
        # The limit was reached (some of its last reservations may have been released since, when
        # their commit failed): never exceeded, and Redis counts exactly what the ledger holds.
        assert limit - CALLERS <= len(rows) <= limit
        assert {request_id: rows.get(request_id) for request_id in acknowledged} == acknowledged
        assert int(client_store.get(f"rewards:{{o:{offer_id}}}:redeemed")) == len(rows)
        client_store.close()
        check_ledger(database_url, redis_url)
    finally:
        server.kill()
