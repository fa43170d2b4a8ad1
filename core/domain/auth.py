"""The security model's pure parts: scopes, request-signing canonical form, key derivation.

Request signing (the same in every client; test vectors in tests/vectors/request_signing.json):

    signing_key    = HMAC-SHA256(key = client secret (UTF-8), msg = "rewards-core request signing v1")
    string_to_sign = full method name "\\n" timestamp "\\n" nonce "\\n" hex(SHA-256(request bytes))
    signature      = hex(HMAC-SHA256(key = signing_key, msg = string_to_sign))

sent as gRPC metadata `x-rewards-timestamp` (Unix seconds, decimal), `x-rewards-nonce` (16-64
characters of [A-Za-z0-9_-], never reused) and `x-rewards-signature` (64 lowercase hex digits).
The request bytes are exactly the serialized request message the server receives.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass

SIGNING_KEY_LABEL = b"rewards-core request signing v1"
TIMESTAMP_HEADER = "x-rewards-timestamp"
NONCE_HEADER = "x-rewards-nonce"
SIGNATURE_HEADER = "x-rewards-signature"

NONCE = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
SIGNATURE = re.compile(r"^[0-9a-f]{64}$")

SCOPES = frozenset({
    "accounts:read", "accounts:write",
    "coupons:read", "coupons:redeem", "coupons:admin",
    "loyalty:read", "loyalty:earn", "loyalty:redeem", "loyalty:admin",
    "checkout", "auth:revoke", "events:admin",
})
"""Every scope a client can be given; each RPC needs exactly one of them (server/authz.py)."""


def signing_key(secret: str) -> bytes:
    return hmac.new(secret.encode(), SIGNING_KEY_LABEL, hashlib.sha256).digest()


def string_to_sign(method: str, timestamp: str, nonce: str, body_sha256: bytes) -> bytes:
    return "\n".join((method, timestamp, nonce, body_sha256.hex())).encode()


def signature(key: bytes, method: str, timestamp: str, nonce: str, body: bytes) -> str:
    """The signature a client sends for `body` (the serialized request)."""
    message = string_to_sign(method, timestamp, nonce, hashlib.sha256(body).digest())
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def signature_matches(key: bytes, method: str, timestamp: str, nonce: str, body_sha256: bytes,
                      sent: str) -> bool:
    expected = hmac.new(key, string_to_sign(method, timestamp, nonce, body_sha256), hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, sent)


@dataclass(frozen=True, slots=True)
class ApiClient:
    client_id: str
    org_id: str
    scopes: tuple[str, ...]
    store_ids: tuple[str, ...]
    rate_per_second: int
    rate_burst: int


@dataclass(frozen=True, slots=True)
class TokenPair:
    access_token: str
    access_expire_unix: int
    refresh_token: str
    refresh_expire_unix: int

    def to_json(self) -> dict:
        return {"access_token": self.access_token, "access_expire_unix": self.access_expire_unix,
                "refresh_token": self.refresh_token, "refresh_expire_unix": self.refresh_expire_unix}

    @classmethod
    def from_json(cls, data: dict) -> TokenPair:
        return cls(**data)
