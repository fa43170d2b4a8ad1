"""The `serve` process: stores, migrations, the shared port, the workers, the shutdown.

    supervisor ── embedded Redis + Postgres (unless REDIS_URL / DATABASE_URL are given)
               ── migrations (advisory-locked, so workers started elsewhere are safe too)
               ── reserves the port (SO_REUSEPORT) so port 0 resolves once for every worker
               ── metrics endpoint summing every worker (prometheus multiprocess mode)
               └─ N workers: `python -m server.worker`, each its own loop, pools and gRPC server

SIGTERM or SIGINT: forward SIGTERM to the workers (each stops accepting, finishes in-flight calls,
flushes its ledger writer, closes its pools), wait for them, then stop the embedded stores.
A worker that dies unexpectedly is restarted.
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from core.adapters.embedded import EmbeddedPostgres, EmbeddedRedis, require_embedded, short_data_dir
from core.adapters.postgres.migrations import migrate
from server.config import Config, split_address
from server.safe_start import AddressLock, AlreadyServing, DataDirLock

log = logging.getLogger("rewards.supervisor")

RESTART_DELAY_S = 1.0


class Supervisor:
    def __init__(self, config: Config, worker_count: int) -> None:
        self.config = config
        self.worker_count = worker_count
        self._stores: list = []
        self._workers: dict[int, subprocess.Popen] = {}
        self._stopping = threading.Event()
        self._port_holder: socket.socket | None = None

    def run(self) -> int:
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda *_: self._stopping.set())
        # Before anything is touched: the data folder and the address are this server's alone.
        data_lock = DataDirLock(short_data_dir(self.config.data_dir))
        address_lock = AddressLock(*split_address(self.config.address))
        try:
            data_lock.acquire()
            address_lock.acquire()
        except AlreadyServing as refused:
            data_lock.release()
            log.error("not starting: %s", refused)
            print(f"rewards-core: not starting: {refused}", file=sys.stderr)
            return 2
        try:
            return self._serve()
        finally:
            address_lock.release()
            data_lock.release()

    def _serve(self) -> int:
        try:
            redis_url, database_url = self._start_stores()
            applied = migrate(database_url)
            log.info("migrations applied", extra={"versions": applied})
            otp_sender, master_key_file = self._security_settings(database_url)
            host, port = self._reserve_port()
            metrics_dir, metrics_port = self._start_metrics()
            env = {**os.environ, "REDIS_URL": redis_url, "DATABASE_URL": database_url,
                   "REWARDS_WORKER_ADDRESS": _join(host, port), "REWARDS_OTP_SENDER": otp_sender,
                   "REWARDS_MASTER_KEY_FILE": str(master_key_file)}
            if metrics_dir:
                env["PROMETHEUS_MULTIPROC_DIR"] = str(metrics_dir)
            for index in range(self.worker_count):
                self._spawn(index, env)
            log.info("rewards-core started", extra={
                "port": port, "address": _join(host, port), "workers": self.worker_count,
                "metrics_port": metrics_port})
            self._watch(env)
            return 0
        finally:
            self._stop_workers()
            self._stop_stores()

    def _start_stores(self) -> tuple[str, str]:
        # Refuse a configuration without an OTP sender or master key before any store starts.
        self._otp_sender, self._master_key_file = self.config.otp_sender_spec(), self.config.master_key_path()
        redis_url, database_url = self.config.redis_url, self.config.database_url
        if redis_url and database_url:
            return redis_url, database_url
        require_embedded(redis=not redis_url, postgres=not database_url)  # before either starts
        data_dir = short_data_dir(self.config.data_dir)
        if not redis_url:
            store = EmbeddedRedis(data_dir / "redis")
            self._stores.append(store)
            redis_url = store.start()
        if not database_url:
            store = EmbeddedPostgres(data_dir / "postgres")
            self._stores.append(store)
            database_url = store.start()
        return redis_url, database_url

    def _security_settings(self, database_url: str) -> tuple[str, Path]:
        """The OTP sender and master key file the workers get; the master key must open every stored key."""
        _check_master_key(database_url, self._master_key_file)
        if self._otp_sender == "log":
            log.warning("redemption OTPs go to the server log (REWARDS_OTP_SENDER=log): development only")
        return self._otp_sender, self._master_key_file

    def _reserve_port(self) -> tuple[str, int]:
        """Bind (never listen) the port with SO_REUSEPORT; workers bind it too and share it."""
        host, port = split_address(self.config.address)
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        holder = socket.socket(family, socket.SOCK_STREAM)
        holder.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        holder.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        holder.bind((host, port))
        self._port_holder = holder
        return host, holder.getsockname()[1]

    def _start_metrics(self) -> tuple[Path | None, int | None]:
        if not self.config.metrics_address:
            return None, None
        metrics_dir = short_data_dir(self.config.data_dir) / "metrics" / str(os.getpid())
        shutil.rmtree(metrics_dir, ignore_errors=True)
        metrics_dir.mkdir(parents=True)
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(metrics_dir)
        from server import metrics  # Imported after the variable: it selects multiprocess mode.

        host, port = split_address(self.config.metrics_address)
        return metrics_dir, metrics.serve(host, port)

    def _spawn(self, index: int, env: dict[str, str]) -> None:
        process = subprocess.Popen([sys.executable, "-m", "server.worker"], env=env,
                                   stdin=subprocess.DEVNULL)
        self._workers[index] = process
        log.info("worker started", extra={"worker": index, "pid": process.pid})

    def _watch(self, env: dict[str, str]) -> None:
        while not self._stopping.wait(0.2):
            for index, process in list(self._workers.items()):
                code = process.poll()
                if code is None or self._stopping.is_set():
                    continue
                log.error("worker exited unexpectedly; restarting",
                          extra={"worker": index, "pid": process.pid, "exit_code": code})
                _metrics_worker_gone(process.pid)
                time.sleep(RESTART_DELAY_S)
                self._spawn(index, env)

    def _stop_workers(self) -> None:
        for process in self._workers.values():
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + self.config.shutdown_grace_s + 10
        for index, process in self._workers.items():
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                log.error("worker did not stop in time; killing", extra={"worker": index})
                process.kill()
                process.wait()
        if self._workers:
            log.info("workers stopped")

    def _stop_stores(self) -> None:
        for store in reversed(self._stores):
            try:
                store.stop()
            except Exception:
                log.exception("could not stop %s", type(store).__name__)
        if self._port_holder is not None:
            self._port_holder.close()


def _metrics_worker_gone(pid: int) -> None:
    """Its live series (process metrics, gauges) leave the metrics endpoint with the worker."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from server import metrics

        metrics.worker_gone(pid)


def _join(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def _check_master_key(database_url: str, path: Path) -> None:
    """Refuse to start unless the master key opens every sealed key; seal keys still stored plain."""
    from core.adapters.sealing import MasterKeyError, MasterKeys, seal_stored_keys

    try:
        sealed = seal_stored_keys(database_url, MasterKeys.from_file(path))
    except MasterKeyError as error:
        raise SystemExit(f"REWARDS_MASTER_KEY_FILE: {error}") from None
    if sealed:
        log.warning("sealed keys that were stored in plain form", extra={"keys": sealed})
