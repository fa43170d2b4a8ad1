"""Starts the real server (`rewards-core serve`) as a subprocess and talks to it over gRPC."""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

START_TIMEOUT_S = 60


def authenticated_channel(target: str, credentials, *, typed_errors: bool = False,
                          options: list | None = None) -> grpc.aio.Channel:
    """An asyncio channel that gets tokens and signs every call, as the Python client does."""
    from rewards_client.auth import AuthInterceptor, TokenSource
    from rewards_client.errors import TypedErrorsInterceptor

    auth = AuthInterceptor(credentials.client_secret)
    interceptors = [TypedErrorsInterceptor(), auth] if typed_errors else [auth]
    channel = grpc.aio.insecure_channel(target, interceptors=interceptors, options=options)
    auth.tokens = TokenSource(channel, credentials)
    return channel


class ServerProcess:
    def __init__(self, data_dir: Path, *, redis_url: str | None, database_url: str | None,
                 workers: int = 1, env: dict[str, str] | None = None,
                 channel_credentials: grpc.ChannelCredentials | None = None) -> None:
        self.channel_credentials = channel_credentials
        self.data_dir = data_dir
        self.environment = {
            **os.environ, "REWARDS_ADDRESS": "127.0.0.1:0", "REWARDS_DATA_DIR": str(data_dir),
            "REWARDS_METRICS_ADDRESS": "127.0.0.1:0", "REWARDS_SHUTDOWN_GRACE_S": "20",
            **(env or {}),
        }
        for name, value in (("REDIS_URL", redis_url), ("DATABASE_URL", database_url)):
            if value:
                self.environment[name] = value
            else:
                self.environment.pop(name, None)
        self.workers = workers
        self.lines: queue.Queue[dict] = queue.Queue()
        self.log: list[dict] = []
        self.port: int | None = None
        self.metrics_port: int | None = None

    @property
    def target(self) -> str:
        return f"127.0.0.1:{self.port}"

    def start(self) -> ServerProcess:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "server.cli", "serve", "--workers", str(self.workers)],
            env=self.environment, stdin=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
            start_new_session=True)
        threading.Thread(target=self._drain, daemon=True).start()
        started = self.wait_for_log("rewards-core started")
        self.port, self.metrics_port = started["port"], started.get("metrics_port")
        self.wait_until_serving()
        return self

    def _drain(self) -> None:
        for line in self.process.stderr:
            try:
                entry = json.loads(line)
            except ValueError:
                entry = {"message": line.rstrip()}
            self.log.append(entry)
            self.lines.put(entry)

    def wait_for_log(self, message: str, timeout_s: float = START_TIMEOUT_S) -> dict:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            try:
                entry = self.lines.get(timeout=0.1)
            except queue.Empty:
                if self.process.poll() is not None:
                    raise RuntimeError(f"server exited ({self.process.returncode}): {self.log[-20:]}") from None
                continue
            if entry.get("message") == message:
                return entry
        raise TimeoutError(f"no {message!r} log line within {timeout_s} s: {self.log[-20:]}")

    def metric(self, name: str) -> float:
        """The summed value of an unlabelled metric on the metrics endpoint."""
        import urllib.request

        with urllib.request.urlopen(f"http://127.0.0.1:{self.metrics_port}/metrics", timeout=5) as page:
            text = page.read().decode()
        values = [float(line.rsplit(" ", 1)[1]) for line in text.splitlines()
                  if line.startswith(name + " ") or line.startswith(name + "{")]
        return sum(values)

    def health(self, service: str = "") -> int:
        channel = (grpc.secure_channel(self.target, self.channel_credentials) if self.channel_credentials
                   else grpc.insecure_channel(self.target))
        with channel:
            stub = health_pb2_grpc.HealthStub(channel)
            return stub.Check(health_pb2.HealthCheckRequest(service=service), timeout=2).status

    def wait_until_serving(self, timeout_s: float = START_TIMEOUT_S) -> None:
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                if self.health() == health_pb2.HealthCheckResponse.SERVING:
                    return
            except grpc.RpcError:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"server not serving: {self.log[-20:]}")
            time.sleep(0.05)

    def terminate(self, timeout_s: float = 60) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=timeout_s)

    def kill(self) -> None:
        """SIGKILL the supervisor and its workers (its process group)."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
