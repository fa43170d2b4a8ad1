"""Text messages through the deployment's HTTP SMS gateway: one JSON POST per message,

    {"id": <stable message id>, "to": <phone number>, "text": <the message>}

signed like the webhooks (header `x-rewards-signature: t=<unix>,v1=<hex HMAC-SHA256(secret,
"<t>.<body>")>`, core/domain/outbox.py), with the id also as `idempotency-key`. A 2xx answer is
delivery; anything else raises MessageNotSent (the outbox retries with the same id). The
gateway's URL comes from the server's configuration, so it is trusted (no SSRF guard)."""

from __future__ import annotations

import json
import time

import httpx

from core.domain import limits
from core.domain.messages import Message, MessageNotSent
from core.domain.outbox import SIGNATURE_HEADER, signature

MESSAGE_ID_HEADER = "idempotency-key"


class SmsGatewaySender:
    def __init__(self, url: str, secret: str, *, timeout_s: float = limits.MESSAGE_SEND_TIMEOUT_S) -> None:
        if not url.startswith(("https://", "http://")):
            raise ValueError(f"SMS gateway URL must be http(s)://, got {url!r}")
        if len(secret) < limits.OTP_WEBHOOK_SECRET_LENGTH_MIN:
            raise ValueError(f"SMS gateway secret must have at least {limits.OTP_WEBHOOK_SECRET_LENGTH_MIN} characters")
        self.url = url
        self._secret = secret.encode()
        self._timeout_s = timeout_s
        self._client: httpx.AsyncClient | None = None

    async def send(self, message: Message) -> None:
        if self._client is None:
            self._client = httpx.AsyncClient(timeout=self._timeout_s, follow_redirects=False,
                                             headers={"user-agent": "rewards-core-sms/1"})
        body = json.dumps({"id": message.message_id, "to": message.to, "text": message.text},
                          separators=(",", ":"), ensure_ascii=False).encode()
        headers = {"content-type": "application/json; charset=utf-8", MESSAGE_ID_HEADER: message.message_id,
                   SIGNATURE_HEADER: signature(self._secret, int(time.time()), body)}
        try:
            response = await self._client.post(self.url, content=body, headers=headers)
        except httpx.HTTPError as error:
            raise MessageNotSent(f"SMS gateway: {type(error).__name__}: {error}"[:500]) from error
        if not 200 <= response.status_code < 300:
            raise MessageNotSent(f"SMS gateway: HTTP {response.status_code}")

    async def aclose(self) -> None:
        if self._client is not None:
            await self._client.aclose()
