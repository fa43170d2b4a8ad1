"""Webhook deliveries over HTTP (httpx): one signed JSON POST per attempt, with timeouts, and the
SSRF guard of webhook URLs (`UrlGuard`).

A 2xx answer delivers the event; anything else (another status, a timeout, a refused connection,
a URL whose host now resolves to a forbidden address) is a failed attempt, retried with backoff by
the outbox (core/service/events_outbox.py).
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from core.domain import limits
from core.domain.outbox import EVENT_ID_HEADER, SIGNATURE_HEADER, address_range, signature


@dataclass(frozen=True, slots=True)
class Forbidden:
    """Why a URL may not be called: its host, the offending address (empty: it did not resolve)
    and that address's range (`unresolved` when it did not resolve)."""

    host: str
    address: str
    range: str


class UrlGuard:
    """Refuses URLs whose host resolves to a non-public address (core/domain/outbox.py
    address_range) unless `allow_private` (REWARDS_WEBHOOK_ALLOW_PRIVATE). Every address the
    host resolves to must be public: one private answer among public ones is refused too (a
    rebinding resolver may hand either to the connection). Checked when a webhook is created or
    updated and again before every delivery (DNS rebinding: the name may have changed since)."""

    def __init__(self, allow_private: bool = False, timeout_s: float = limits.WEBHOOK_RESOLVE_TIMEOUT_S) -> None:
        self.allow_private = allow_private
        self._timeout_s = timeout_s

    async def forbidden(self, url: str) -> Forbidden | None:
        if self.allow_private:
            return None
        parts = urlsplit(url)
        host = parts.hostname or ""
        try:
            literal = ipaddress.ip_address(host.split("%", 1)[0])
        except ValueError:
            literal = None
        if literal is not None:
            addresses = [host]
        else:
            try:
                port = parts.port or (443 if parts.scheme == "https" else 80)
                infos = await asyncio.wait_for(asyncio.get_running_loop().getaddrinfo(
                    host, port, type=socket.SOCK_STREAM), self._timeout_s)
            except (OSError, ValueError, TimeoutError):
                return Forbidden(host, "", "unresolved")
            addresses = sorted({info[4][0] for info in infos})
            if not addresses:
                return Forbidden(host, "", "unresolved")
        for address in addresses:
            found = address_range(address)
            if found is not None:
                return Forbidden(host, address, found)
        return None


class WebhookSender:
    def __init__(self, timeout_s: float = limits.WEBHOOK_TIMEOUT_S, guard: UrlGuard | None = None) -> None:
        self._client = httpx.AsyncClient(timeout=httpx.Timeout(timeout_s), follow_redirects=False,
                                         headers={"user-agent": "rewards-core-webhooks/1"})
        self._guard = guard or UrlGuard()

    async def send(self, url: str, secret: bytes, event_id: str, body: bytes, now_unix: int) -> str | None:
        """POST `body`; None when delivered, else why not (kept as the delivery's last error)."""
        forbidden = await self._guard.forbidden(url)
        if forbidden is not None:
            return (f"forbidden address: {forbidden.host} resolves to {forbidden.address or 'nothing'}"
                    f" ({forbidden.range})")
        headers = {"content-type": "application/json", EVENT_ID_HEADER: event_id,
                   SIGNATURE_HEADER: signature(secret, now_unix, body)}
        try:
            response = await self._client.post(url, content=body, headers=headers)
        except httpx.HTTPError as error:
            return f"{type(error).__name__}: {error}"[:500]
        if 200 <= response.status_code < 300:
            return None
        return f"HTTP {response.status_code}"

    async def aclose(self) -> None:
        await self._client.aclose()
