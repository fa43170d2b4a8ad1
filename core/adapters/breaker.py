"""A circuit breaker per store: fail in milliseconds while a store is down, resume by itself.

Connection failures (a refused or lost connection, a pool that cannot hand out a connection in
time) count; errors of a statement do not. After BREAKER_FAILURES_MAX consecutive failures the
breaker opens: every use answers STORE_UNAVAILABLE at once, with the probe interval as RetryInfo,
and a probe task tries the store every BREAKER_PROBE_MS until it answers, then closes it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from core.domain import limits
from core.domain.errors import DomainError, ErrorReason

log = logging.getLogger(__name__)

Probe = Callable[[], Awaitable[None]]
Listener = Callable[[bool], None]


class Breaker:
    def __init__(self, store: str, probe: Probe, *, failures_max: int = limits.BREAKER_FAILURES_MAX,
                 probe_ms: int = limits.BREAKER_PROBE_MS, on_change: Listener | None = None) -> None:
        self.store = store
        self._probe = probe
        self._failures_max = failures_max
        self._probe_s = probe_ms / 1000
        self._failures = 0
        self._probing: asyncio.Task | None = None
        self._opened = asyncio.Event()
        self.on_change = on_change

    @property
    def open(self) -> bool:
        return self._probing is not None

    async def wait_open(self) -> None:
        """Return when the breaker is (or becomes) open."""
        await self._opened.wait()

    def check(self) -> None:
        """Raise STORE_UNAVAILABLE at once while the breaker is open."""
        if self._probing is not None:
            raise self.error()

    def error(self) -> DomainError:
        return DomainError(ErrorReason.STORE_UNAVAILABLE, metadata={"store": self.store},
                           retry_after_ms=int(self._probe_s * 1000))

    def success(self) -> None:
        self._failures = 0

    def trip(self) -> None:
        """Open at once (a probe found the store unreachable)."""
        self._failures = max(self._failures, self._failures_max - 1)
        self.failure()

    def failure(self) -> None:
        self._failures += 1
        if self._failures >= self._failures_max and self._probing is None:
            log.warning("%s unreachable: breaker open, probing every %.1f s", self.store, self._probe_s)
            self._probing = asyncio.get_running_loop().create_task(self._probe_until_up(),
                                                                  name=f"{self.store}-probe")
            self._opened.set()
            if self.on_change is not None:
                self.on_change(False)

    async def _probe_until_up(self) -> None:
        while True:
            await asyncio.sleep(self._probe_s)
            try:
                await self._probe()
            except Exception as error:  # noqa: BLE001 - any failure means: still down.
                log.debug("%s probe failed: %s", self.store, error)
                continue
            break
        log.warning("%s reachable again: breaker closed", self.store)
        self._failures = 0
        self._probing = None
        self._opened.clear()
        if self.on_change is not None:
            self.on_change(True)

    async def close(self) -> None:
        if self._probing is not None:
            self._probing.cancel()
            await asyncio.gather(self._probing, return_exceptions=True)
            self._probing = None
            self._opened.clear()
