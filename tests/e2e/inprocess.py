"""The real worker (server/app.py Worker: every interceptor, servicer, health and reflection) run in
the test's own event loop on the session's real Redis and Postgres, for tests that must inject
what a subprocess cannot take: a FixedClock (core/domain/clock.py) or a readiness change."""

from __future__ import annotations

import contextlib
import os
import datetime as dt
import time
import uuid

import grpc
from google.rpc import error_details_pb2
from grpc_status import rpc_status
from rewards.auth.v1 import auth_service_pb2 as auth_api
from rewards.auth.v1 import auth_service_pb2_grpc

from core.domain.auth import signature as sign
from core.domain.auth import signing_key
from core.domain.clock import Clock, FixedClock
from server.app import Worker
from server.config import Config


def fixed_clock() -> FixedClock:
    """A clock stopped on the current whole second."""
    return FixedClock(dt.datetime.fromtimestamp(int(time.time()), dt.timezone.utc))


@contextlib.asynccontextmanager
async def worker(stores, clock: Clock | None = None, **config):
    """A started worker on a free port; stopped (gracefully) on exit unless the test stopped it."""
    # The session's master key and OTP sender (tests/conftest.py), as the subprocess servers get them.
    config.setdefault("master_key_file", os.environ.get("REWARDS_MASTER_KEY_FILE"))
    config.setdefault("otp_sender", os.environ.get("REWARDS_OTP_SENDER", "log"))
    config.setdefault("webhook_allow_private", os.environ.get("REWARDS_WEBHOOK_ALLOW_PRIVATE") == "1")
    for name in ("token_rate_per_client", "token_burst_per_client", "token_rate_per_peer", "token_burst_per_peer"):
        config.setdefault(name, 1_000_000)  # As tests/conftest.py sets them for the subprocess servers.
    settings = Config(shutdown_grace_s=1.0, expiry_interval_s=0, metrics_address="", **config)
    running = Worker(settings, stores.redis_url, stores.database_url, "127.0.0.1:0", clock=clock)
    await running.start()
    running.target = f"127.0.0.1:{running.port}"
    running.stopped = False
    try:
        yield running
    finally:
        if not running.stopped:
            await running.stop()


async def access_token(channel, credentials) -> str:
    response = await auth_service_pb2_grpc.AuthServiceStub(channel).IssueToken(auth_api.IssueTokenRequest(
        org_id=credentials.org_id, client_id=credentials.client_id, client_secret=credentials.client_secret))
    return response.access_token


def signed_metadata(credentials, token: str, method: str, body: bytes, timestamp: str,
                    nonce: str | None = None) -> list[tuple[str, str]]:
    nonce = nonce or uuid.uuid4().hex
    return [("authorization", f"Bearer {token}"), ("x-rewards-timestamp", timestamp), ("x-rewards-nonce", nonce),
            ("x-rewards-signature", sign(signing_key(credentials.client_secret), method, timestamp, nonce, body))]


def error_info_of(error: grpc.RpcError) -> tuple[grpc.StatusCode, str, dict]:
    """(code, ErrorInfo reason, ErrorInfo metadata) of a failed call; fails without an ErrorInfo."""
    status = rpc_status.from_call(error)
    for detail in status.details if status else ():
        if detail.Is(error_details_pb2.ErrorInfo.DESCRIPTOR):
            info = error_details_pb2.ErrorInfo()
            detail.Unpack(info)
            return error.code(), info.reason, dict(info.metadata)
    raise AssertionError(f"no ErrorInfo: {error.code()} {error.details()}")
