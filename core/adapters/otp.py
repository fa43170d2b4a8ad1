"""Where a redemption OTP goes: a pluggable sender (REWARDS_OTP_SENDER).

`WebhookSender` POSTs each OTP as JSON to the deployment's SMS / e-mail gateway, signed like
Stripe's webhooks (header `x-rewards-signature: t=<unix seconds>,v1=<hex HMAC-SHA256 over
"<t>.<body>" keyed by the shared secret>`), with a timeout and bounded retries. `LogSender` writes
the code to the server log: an explicit development choice, refused when TLS is configured.
`CaptureSender` appends each OTP to a JSON-lines file, so that end-to-end tests can read what a
member would have received. None keeps the code anywhere else: Redis and Postgres hold only its
HMAC, whose key is stored sealed (core/adapters/sealing.py).
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
import os
import secrets
import time
from dataclasses import asdict, dataclass
from typing import Protocol

from core.adapters.sealing import OTP_KEY_CONTEXT, MasterKeys
from core.domain import limits
from core.domain.errors import DomainError, ErrorReason

log = logging.getLogger("rewards.otp")


@dataclass(frozen=True, slots=True)
class OtpMessage:
    account_id: str
    user_id: str
    otp_id: str
    code: str
    points: int
    expire_time: str
    destination: str = ""
    """The member's phone number or e-mail; empty for an account without members (the
    deployment's sender then reaches the account by its own channel)."""


class OtpSender(Protocol):
    async def send(self, message: OtpMessage) -> None: ...


class LogSender:
    async def send(self, message: OtpMessage) -> None:
        log.info("redemption OTP %s for account %s (%d points) to %s: %s", message.otp_id, message.account_id,
                 message.points, message.destination or "the account", message.code)


class CaptureSender:
    def __init__(self, path: str) -> None:
        self._path = path

    async def send(self, message: OtpMessage) -> None:
        line = json.dumps(asdict(message)) + "\n"
        # One short append per OTP; O_APPEND keeps lines whole across worker processes.
        descriptor = os.open(self._path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.write(descriptor, line.encode())
        finally:
            os.close(descriptor)


WEBHOOK_SIGNATURE_HEADER = "x-rewards-signature"


def webhook_signature(secret: str, timestamp: int, body: bytes) -> str:
    """The signature header value of a webhook delivery: `t=<unix>,v1=<hex>`."""
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={mac}"


class WebhookSender:
    """POSTs each OTP as JSON to `url`, signed with `secret`. A 2xx answer is delivery; a timeout,
    a connection error, a 5xx or a 429 is retried (OTP_WEBHOOK_ATTEMPTS_MAX attempts in all, with
    a short back-off, each signed afresh); another 4xx is not retried. The receiver should refuse
    a timestamp older than a few minutes and compare the signature in constant time."""

    def __init__(self, url: str, secret: str, *, timeout_s: float = limits.OTP_WEBHOOK_TIMEOUT_MS / 1000,
                 attempts: int = limits.OTP_WEBHOOK_ATTEMPTS_MAX) -> None:
        if not url.startswith(("https://", "http://")):
            raise ValueError(f"OTP webhook URL must be http(s)://, got {url!r}")
        if len(secret) < limits.OTP_WEBHOOK_SECRET_LENGTH_MIN:
            raise ValueError(f"OTP webhook secret must have at least {limits.OTP_WEBHOOK_SECRET_LENGTH_MIN}"
                             " characters")
        self.url = url
        self._secret = secret
        self._timeout_s = timeout_s
        self._attempts = attempts
        self._client = None

    async def send(self, message: OtpMessage) -> None:
        import httpx

        if self._client is None:
            self._client = httpx.AsyncClient(timeout=self._timeout_s, follow_redirects=False)
        body = json.dumps({"type": "redemption_otp", **asdict(message)}, separators=(",", ":")).encode()
        last = "no attempt"
        for attempt in range(self._attempts):
            if attempt:
                await asyncio.sleep(limits.OTP_WEBHOOK_BACKOFF_MS / 1000 * 2 ** (attempt - 1))
            headers = {"content-type": "application/json", "idempotency-key": message.otp_id,
                       WEBHOOK_SIGNATURE_HEADER: webhook_signature(self._secret, int(time.time()), body)}
            try:
                response = await self._client.post(self.url, content=body, headers=headers)
            except httpx.HTTPError as error:
                last = type(error).__name__
                continue
            if 200 <= response.status_code < 300:
                return
            last = f"HTTP {response.status_code}"
            if response.status_code < 500 and response.status_code != 429:
                break
        log.error("OTP webhook delivery failed", extra={"otp_id": message.otp_id, "why": last})
        raise DomainError(ErrorReason.OTP_NOT_SENT, retry_after_ms=1_000, metadata={"why": last})


def sender_from_spec(spec: str, webhook_secret: str | None = None, messages=None) -> OtpSender:
    """`log`, `capture:<path>`, `webhook:<url>` (REWARDS_OTP_SENDER; the webhook's secret is
    REWARDS_OTP_WEBHOOK_SECRET) or `messages`: the server's Sender port (`messages`, a
    core.domain.messages.Sender: e-mail to an e-mail destination, SMS to a phone number)."""
    if spec == "log":
        return LogSender()
    if spec == "messages":
        if messages is None:
            raise ValueError("messages needs an e-mail (REWARDS_SMTP_*) or SMS (REWARDS_SMS_GATEWAY_*) sender")
        from core.adapters.senders import MessageOtpSender

        return MessageOtpSender(messages)
    kind, _, argument = spec.partition(":")
    if kind == "capture" and argument:
        return CaptureSender(argument)
    if kind == "webhook" and argument:
        if not webhook_secret:
            raise ValueError("webhook:<url> needs REWARDS_OTP_WEBHOOK_SECRET")
        return WebhookSender(argument, webhook_secret)
    raise ValueError(f"unknown OTP sender {spec!r}: use 'webhook:<url>', 'messages', 'log' (development only)"
                     " or 'capture:<path>' (tests)")


async def otp_hmac_key(pool, master_keys: MasterKeys | None = None) -> bytes:
    """The key OTPs are HMACed with: created once (by whichever worker gets there first), stored
    sealed under the master key."""
    keys = master_keys or MasterKeys.from_env()
    async with pool.connection() as connection:
        found = await (await connection.execute("SELECT secret_sealed, secret FROM otp_keys")).fetchone()
        if found is None:
            await connection.execute("INSERT INTO otp_keys (secret_sealed) VALUES (%s) ON CONFLICT DO NOTHING",
                                     (keys.seal(secrets.token_bytes(32), OTP_KEY_CONTEXT),))
            found = await (await connection.execute("SELECT secret_sealed, secret FROM otp_keys")).fetchone()
    sealed, plain = found
    return keys.open(sealed, OTP_KEY_CONTEXT) if sealed is not None else bytes(plain)
