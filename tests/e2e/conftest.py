from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

from rewards_client import RewardsClient
from tests.e2e.harness import ServerProcess, authenticated_channel
from tests.e2e.programs import KNOWN_PROGRAMS, ensure_program


@pytest.fixture(scope="package")
def server(stores):
    """One real server (one worker) on the session's stores, shared by the e2e tests, and stopped
    once they are done: its sweeps and expiry run on the real clock over the session's database,
    and must not act on what the integration tests do there on their fixed clocks."""
    data_dir = Path(tempfile.mkdtemp(prefix="rc-srv-", dir="/tmp"))
    process = ServerProcess(data_dir, redis_url=stores.redis_url, database_url=stores.database_url, env={
        # OTPs are captured where the loyalty tests read them; the race tests need many per account.
        "REWARDS_OTP_SENDER": f"capture:{data_dir / 'otp.jsonl'}", "REWARDS_OTP_RATE_MAX": "1000",
        "REWARDS_EXPIRY_INTERVAL_S": "1"})
    process.otp_file = data_dir / "otp.jsonl"
    try:
        yield process.start()
    finally:
        process.kill()
        shutil.rmtree(data_dir, ignore_errors=True)


@pytest.fixture(scope="package")
async def known_programs(server, credentials):
    """The fixed program ids of the e2e tests, created once on the shared server (offers and
    accounts are opened only in programs that exist)."""
    async with RewardsClient.connect(server.target, credentials, timeout_s=60) as client:
        for program_id in KNOWN_PROGRAMS:
            await ensure_program(client, program_id)
    return KNOWN_PROGRAMS


@pytest.fixture
async def channel(server, credentials, known_programs):
    """An authenticated, signing channel (raw grpc errors)."""
    async with authenticated_channel(server.target, credentials) as channel:
        yield channel


@pytest.fixture
async def typed_channel(server, credentials, known_programs):
    """An authenticated, signing channel whose unary calls raise rewards_client typed errors."""
    async with authenticated_channel(server.target, credentials, typed_errors=True) as channel:
        yield channel


@pytest.fixture
async def client(server, credentials, known_programs):
    """The Python client (typed errors, retries, signing) on the shared server."""
    async with RewardsClient.connect(server.target, credentials, timeout_s=60) as client:
        yield client
