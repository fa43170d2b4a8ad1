"""A safe start (issue 18): a second `rewards-core serve` on a data folder or an address that
another server holds refuses at once, names the holder's pid and touches nothing; a stale lock
left by a supervisor killed with SIGKILL is taken over, and the embedded Redis it left running is
replaced, never run twice on the same files."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from grpc_health.v1 import health_pb2

from tests.e2e.harness import ServerProcess

REFUSE_S = 30
"""A refusal comes before any store starts; generous for a loaded machine."""


@pytest.fixture
def data_dir():
    directory = Path(tempfile.mkdtemp(prefix="rc-safe-", dir="/tmp"))
    yield directory
    shutil.rmtree(directory, ignore_errors=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(env: dict[str, str]) -> subprocess.CompletedProcess:
    """`rewards-core serve` expected to refuse: its exit, stderr and how long it took."""
    return subprocess.run([sys.executable, "-m", "server.cli", "serve", "--workers", "1"],
                          env={**os.environ, "REWARDS_METRICS_ADDRESS": "127.0.0.1:0", **env},
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=REFUSE_S)


def redis_servers(directory: Path) -> int:
    found = 0
    for proc in Path("/proc").iterdir():
        try:
            command = (proc / "cmdline").read_bytes()
        except OSError:
            continue
        if b"redis-server" in command and str(directory).encode() in command:
            found += 1
    return found


def test_a_second_server_on_the_same_data_folder_refuses_and_touches_nothing(data_dir):
    first = ServerProcess(data_dir, redis_url=None, database_url=None).start()
    try:
        socket_before = (data_dir / "redis" / "redis.sock").stat().st_ino
        refused = serve({"REWARDS_DATA_DIR": str(data_dir), "REWARDS_ADDRESS": "127.0.0.1:0"})
        assert refused.returncode == 2
        assert f"pid {first.process.pid}" in refused.stderr and "data folder" in refused.stderr
        # The first server's Redis socket and store are untouched; it still serves.
        assert (data_dir / "redis" / "redis.sock").stat().st_ino == socket_before
        assert redis_servers(data_dir) == 1
        assert first.health() == health_pb2.HealthCheckResponse.SERVING
    finally:
        first.kill()


def test_a_second_server_on_the_same_address_refuses(stores, data_dir):
    port = free_port()
    env = {"REWARDS_ADDRESS": f"127.0.0.1:{port}"}
    first = ServerProcess(data_dir / "first", redis_url=stores.redis_url, database_url=stores.database_url,
                          env=env).start()
    try:
        refused = serve({**env, "REWARDS_DATA_DIR": str(data_dir / "second"), "REDIS_URL": stores.redis_url,
                         "DATABASE_URL": stores.database_url})
        assert refused.returncode == 2
        assert f"127.0.0.1:{port}" in refused.stderr and "in use" in refused.stderr
        assert first.health() == health_pb2.HealthCheckResponse.SERVING
    finally:
        first.kill()


def test_a_stale_lock_after_sigkill_is_taken_over(data_dir):
    first = ServerProcess(data_dir, redis_url=None, database_url=None).start()
    try:
        os.kill(first.process.pid, signal.SIGKILL)  # The supervisor only: its stores stay behind.
        first.process.wait()
        assert redis_servers(data_dir) == 1
        second = ServerProcess(data_dir, redis_url=None, database_url=None).start()
        try:
            assert second.health() == health_pb2.HealthCheckResponse.SERVING
            assert redis_servers(data_dir) == 1
        finally:
            second.kill()
    finally:
        first.kill()
        deadline = time.monotonic() + 30
        while redis_servers(data_dir) and time.monotonic() < deadline:
            time.sleep(0.1)
