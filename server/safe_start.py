"""One supervisor per data folder and per address.

`DataDirLock` holds an exclusive `flock` on `<data dir>/supervisor.lock` for the supervisor's
life, with its pid written inside: a second `rewards-core serve` on the same folder refuses at
once, naming that pid, before it touches anything (the embedded stores' sockets and files stay
the first server's). The kernel drops the lock when its holder dies, even by SIGKILL, so a stale
lock after a crash is simply taken over; the embedded stores the dead supervisor left running are
then stopped before new ones start (core/adapters/embedded.py).

`AddressLock` makes an address belong to one supervisor: workers share their port with
SO_REUSEPORT, which would also let a second server on the same port start and take part of the
traffic. The lock is a `flock` on a per-address file under the runtime folder, plus a probe bind
without SO_REUSEPORT (which fails while any server, ours or not, holds the port).
"""

from __future__ import annotations

import errno
import fcntl
import os
import socket
import tempfile
from pathlib import Path


class AlreadyServing(RuntimeError):
    """Another supervisor holds the data folder or the address."""


class _FileLock:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def acquire(self, what: str) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as error:
            holder = os.pread(fd, 32, 0).decode(errors="replace").strip() or "unknown"
            os.close(fd)
            if error.errno in (errno.EAGAIN, errno.EACCES):
                raise AlreadyServing(f"{what} is in use by another rewards-core server (pid {holder});"
                                     " stop it first, or use another REWARDS_DATA_DIR / REWARDS_ADDRESS") from None
            raise
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


class DataDirLock(_FileLock):
    def __init__(self, data_dir: Path) -> None:
        super().__init__(data_dir / "supervisor.lock")
        self.data_dir = data_dir

    def acquire(self) -> None:  # type: ignore[override]
        super().acquire(f"data folder {self.data_dir}")


class AddressLock(_FileLock):
    def __init__(self, host: str, port: int) -> None:
        runtime = Path(os.environ.get("XDG_RUNTIME_DIR") or tempfile.gettempdir())
        super().__init__(runtime / f"rewards-core-{host.replace(':', '_') or 'any'}-{port}.lock")
        self.host, self.port = host, port

    def acquire(self) -> None:  # type: ignore[override]
        """Refuse if another supervisor serves this address. Port 0 (a new free port) needs no lock."""
        if self.port == 0:
            return
        address = f"{self.host}:{self.port}"
        super().acquire(f"address {address}")
        family = socket.AF_INET6 if ":" in self.host else socket.AF_INET
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            try:
                probe.bind((self.host, self.port))
            except OSError as error:
                self.release()
                if error.errno == errno.EADDRINUSE:
                    raise AlreadyServing(f"address {address} is in use by another process") from None
                raise
