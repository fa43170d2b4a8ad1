"""An in-process worker (server/app.py Worker, every interceptor and servicer) on stores of its own:
a fresh Redis and database, so that its event delivery task is the only one that sees its events
(the session's other servers run delivery tasks of their own on the shared database)."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path

from rewards.events.v1 import event_service_pb2_grpc, webhook_service_pb2_grpc

from core.adapters.embedded import EmbeddedRedis
from core.adapters.postgres.migrations import migrate
from core.service.clients import create_client
from rewards_client import Credentials, RewardsClient
from server.app import Worker
from server.config import Config
from tests.conftest import ALL_SCOPES


@contextlib.asynccontextmanager
async def own_stores(stores):
    """(redis_url, database_url) of a fresh Redis and a migrated fresh database."""
    data_dir = Path(tempfile.mkdtemp(prefix="rc-delivery-", dir="/tmp"))
    redis = EmbeddedRedis(data_dir / "redis")
    try:
        redis_url, database_url = redis.start(), stores.create_database()
        migrate(database_url)
        yield redis_url, database_url
    finally:
        redis.stop()
        shutil.rmtree(data_dir, ignore_errors=True)


@contextlib.asynccontextmanager
async def delivery_worker(redis_url: str, database_url: str, clock=None, **config):
    """A started worker with a fast delivery task (0.05 s poll, 0.1 s backoff, 2 attempts)."""
    config.setdefault("master_key_file", os.environ.get("REWARDS_MASTER_KEY_FILE"))
    config.setdefault("otp_sender", os.environ.get("REWARDS_OTP_SENDER", "log"))
    for name in ("token_rate_per_client", "token_burst_per_client", "token_rate_per_peer", "token_burst_per_peer"):
        config.setdefault(name, 1_000_000)
    config.setdefault("event_poll_s", 0.05)
    config.setdefault("event_backoff_base_s", 0.1)
    config.setdefault("event_attempts_max", 2)
    settings = Config(shutdown_grace_s=1.0, expiry_interval_s=0, metrics_address="", **config)
    running = Worker(settings, redis_url, database_url, "127.0.0.1:0", clock=clock)
    await running.start()
    running.target = f"127.0.0.1:{running.port}"
    running.database_url = database_url
    try:
        yield running
    finally:
        await running.stop()


@contextlib.asynccontextmanager
async def client_of(worker, org_id: str = "org-delivery"):
    credentials = Credentials(org_id, *create_client(worker.database_url, org_id, ALL_SCOPES))
    async with RewardsClient.connect(worker.target, credentials, timeout_s=60) as client:
        client.webhooks = webhook_service_pb2_grpc.WebhookServiceStub(client.channel)
        client.events = event_service_pb2_grpc.EventServiceStub(client.channel)
        yield client
