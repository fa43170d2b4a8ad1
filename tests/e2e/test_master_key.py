"""The master key over real servers: a server keeps working across `rewards-core keys
rotate-master` and after a restart on the rotated key; a wrong or missing master key refuses to
start with a clear message; the embedded development setup creates its own (mode 0600)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

import grpc
import psycopg
import pytest
from rewards.accounts.v1 import account_service_pb2 as accounts

from core.adapters.embedded import EmbeddedRedis
from core.adapters.postgres.migrations import migrate
from core.adapters.sealing import MAGIC, MasterKeys, ensure_key_file
from core.service.clients import create_client
from rewards_client import Credentials
from tests.e2e.harness import ServerProcess
from tests.e2e.test_security import call, issue, rejected

pytestmark = pytest.mark.e2e

DELETE = "/rewards.accounts.v1.AccountService/DeleteAccount"
ADMITTED = (grpc.StatusCode.NOT_FOUND, "ACCOUNT_NOT_FOUND")


@pytest.fixture
def world(stores):
    """A database, a Redis and a master key file of their own (the rotation must not touch the session's)."""
    data_dir = Path(tempfile.mkdtemp(prefix="rc-kek-", dir="/tmp"))
    store = EmbeddedRedis(data_dir / "redis")
    redis_url, database_url = store.start(), stores.create_database()
    migrate(database_url)
    key_file = ensure_key_file(data_dir / "master.key")
    env = {"REWARDS_MASTER_KEY_FILE": str(key_file)}
    try:
        yield data_dir, redis_url, database_url, key_file, env
    finally:
        store.stop()
        shutil.rmtree(data_dir, ignore_errors=True)


def new_client(database_url: str, key_file: Path) -> Credentials:
    client_id, secret = create_client(database_url, "org-kek", ["accounts:write"],
                                      master_keys=MasterKeys.from_file(key_file))
    return Credentials("org-kek", client_id, secret)


async def signed_write(target: str, credentials: Credentials):
    async with grpc.aio.insecure_channel(target) as channel:
        token = (await issue(channel, credentials)).access_token
        body = accounts.DeleteAccountRequest(request_id=uuid.uuid4().hex, account_id=str(uuid.uuid4()))
        return (await rejected(call(channel, credentials, token, body.SerializeToString(), method=DELETE)))[:2]


def serve(data_dir: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    """`rewards-core serve` expected to refuse to start."""
    return subprocess.run([sys.executable, "-m", "server.cli", "serve", "--workers", "1"], env=env,
                          capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)


async def test_the_server_works_across_a_master_key_rotation_and_a_restart(world):
    data_dir, redis_url, database_url, key_file, env = world
    before = new_client(database_url, key_file)
    old_id = MasterKeys.from_file(key_file).active_id
    server = ServerProcess(data_dir / "one", redis_url=redis_url, database_url=database_url, env=env).start()
    try:
        assert await signed_write(server.target, before) == ADMITTED
        rotated = subprocess.run([sys.executable, "-m", "server.cli", "keys", "rotate-master"], capture_output=True,
                                 text=True, timeout=120, env={**os.environ, **env, "DATABASE_URL": database_url,
                                                              "REDIS_URL": redis_url})
        assert rotated.returncode == 0, rotated.stderr
        new_id = MasterKeys.from_file(key_file).active_id
        assert MasterKeys.from_file(key_file).ids == [new_id] and new_id != old_id
        after = new_client(database_url, key_file)  # Sealed under the new key only.

        assert await signed_write(server.target, before) == ADMITTED
        assert await signed_write(server.target, after) == ADMITTED  # The running server read the new key.
    finally:
        server.kill()
    with psycopg.connect(database_url) as connection:
        sealed = [bytes(row[0]) for row in connection.execute(
            "SELECT signing_key_sealed FROM api_clients UNION ALL SELECT private_sealed FROM signing_keys")]
    assert sealed and all(value.startswith(MAGIC + bytes([len(new_id)]) + new_id.encode()) for value in sealed)

    restarted = ServerProcess(data_dir / "two", redis_url=redis_url, database_url=database_url, env=env).start()
    try:
        assert await signed_write(restarted.target, before) == ADMITTED
        assert await signed_write(restarted.target, after) == ADMITTED
    finally:
        restarted.kill()


def test_a_wrong_or_missing_master_key_refuses_to_start_with_a_clear_message(world):
    data_dir, redis_url, database_url, key_file, env = world
    new_client(database_url, key_file)
    base = {**os.environ, "REWARDS_ADDRESS": "127.0.0.1:0", "REWARDS_METRICS_ADDRESS": "",
            "REWARDS_DATA_DIR": str(data_dir / "srv"), "DATABASE_URL": database_url, "REDIS_URL": redis_url}
    wrong_file = ensure_key_file(data_dir / "other.key")

    wrong = serve(data_dir, {**base, "REWARDS_MASTER_KEY_FILE": str(wrong_file)})
    missing = serve(data_dir, {k: v for k, v in base.items() if k != "REWARDS_MASTER_KEY_FILE"})
    absent = serve(data_dir, {**base, "REWARDS_MASTER_KEY_FILE": str(data_dir / "no-such.key")})

    assert wrong.returncode != 0 and "wrong master key file" in wrong.stderr
    assert "rewards-core started" not in wrong.stderr
    assert missing.returncode != 0 and "REWARDS_MASTER_KEY_FILE is required with DATABASE_URL" in missing.stderr
    assert absent.returncode != 0 and "cannot read the master key file" in absent.stderr


async def test_the_embedded_setup_creates_its_master_key_with_mode_0600(tmp_path_factory):
    data_dir = Path(tempfile.mkdtemp(prefix="rc-emb-", dir="/tmp"))
    environment = {k: v for k, v in os.environ.items() if k not in ("REWARDS_MASTER_KEY_FILE", "REWARDS_OTP_SENDER")}
    server = ServerProcess(data_dir, redis_url=None, database_url=None)
    server.environment = {**environment, **{k: v for k, v in server.environment.items()
                                            if k not in ("REWARDS_MASTER_KEY_FILE", "REWARDS_OTP_SENDER")}}
    try:
        server.start()
        key_file = data_dir.resolve() / "master.key"
        assert key_file.exists() and oct(key_file.stat().st_mode & 0o777) == "0o600"
        assert any("development only" in str(line.get("message", "")) for line in server.log)
    finally:
        server.terminate()
        shutil.rmtree(data_dir, ignore_errors=True)
