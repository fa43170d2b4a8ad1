"""Webhook deliveries over HTTP (httpx): one signed JSON POST per attempt, with timeouts.

A 2xx answer delivers the event; anything else (another status, a timeout, a refused connection)
is a failed attempt, retried with backoff by the outbox (core/service/events_outbox.py).
"""

from __future__ import annotations

import httpx

from core.domain import limits
from core.domain.outbox import EVENT_ID_HEADER, SIGNATURE_HEADER, signature


class WebhookSender:
    def __init__(self, timeout_s: float = limits.WEBHOOK_TIMEOUT_S) -> None:
        self._client = httpx.AsyncClient(timeout=httpx.Timeout(timeout_s), follow_redirects=False,
                                         headers={"user-agent": "rewards-core-webhooks/1"})

    async def send(self, url: str, secret: bytes, event_id: str, body: bytes, now_unix: int) -> str | None:
        """POST `body`; None when delivered, else why not (kept as the delivery's last error)."""
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
