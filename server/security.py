"""Security stages of the interceptor chain (server/chain.py), one concern each, run inside the
decoding stage, in order (why this order: server/bootstrap.py):

    AuthenticationInterceptor  access token (JWT) -> Caller; scope and store checks
    RateLimitInterceptor       the caller's token bucket parameters, from the token's claims
    SigningInterceptor         HMAC request signature over the exact bytes received
    AdmissionInterceptor       one Redis script for all shared-state checks: denylisted jti,
                               disabled client, rotated-away signing key, nonce replay, token bucket

Every rejection happens before the servicer runs and changes nothing: the admission script
checks everything before it records the nonce or takes a token. A request refused for its
signature still takes a token from the caller's bucket (the same script, without the nonce), so
a flood of badly signed requests is rate limited like any other: its answer is RATE_LIMITED once
the bucket is empty. The signing headers' form is checked before any arithmetic on them.

The stages hand their findings on through the call's `Call` object (claims, admission, the body
digest set by decoding); the caller goes to the servicers through server/context.py. A method
that is public or has no policy skips every stage (decided once per method).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.adapters.redis.scripts import Scripts
from core.adapters.signing_keys import SigningKeys
from core.adapters.tokens import AccessTokens
from core.domain import limits
from core.domain.auth import (NONCE, NONCE_HEADER, SIGNATURE, SIGNATURE_HEADER, TIMESTAMP_HEADER,
                              signature_matches)
from core.domain.clock import Clock
from core.domain.errors import DomainError, ErrorReason
from core.service.auth import deny_key
from core.service.clients import client_state_key
from core.service.context import Caller
from server.authz import POLICIES
from server.context import caller_var
from server.chain import Stage, before_streaming, before_unary


@dataclass(slots=True)
class Admission:
    """What the admission script must check for this request, filled in by the interceptors."""

    client_id: str
    jti: str
    nonce: str | None = None
    rate_per_second: int = limits.RATE_PER_SECOND_DEFAULT
    rate_burst: int = limits.RATE_BURST_DEFAULT
    key_version: int = 0
    """Secret version of the signing key that verified the signature (0: not signed)."""


def _guarded(method: str) -> bool:
    policy = POLICIES.get(method)
    return policy is not None and not policy.public


class _Check(Stage):
    """A stage that runs `await check(request, context, call)` before the inner behavior, for the
    methods `checker(method)` gives a check for (None: the stage skips the method)."""

    def checker(self, method: str):
        raise NotImplementedError

    def unary(self, method, handler, inner):
        check = self.checker(method) if _guarded(method) else None
        return inner if check is None else before_unary(check, inner)

    def streaming(self, method, handler, inner):
        check = self.checker(method) if _guarded(method) else None
        return inner if check is None else before_streaming(check, inner)


class AuthenticationInterceptor(_Check):
    def __init__(self, tokens: AccessTokens) -> None:
        self._tokens = tokens

    def checker(self, method: str):
        scope = POLICIES[method].scope
        tokens = self._tokens

        async def authenticate(request, context, call):
            claims = await tokens.verify(_bearer(call.headers.get("authorization", "")))
            if scope is not None and scope not in claims.scopes:
                raise DomainError(ErrorReason.SCOPE_MISSING, metadata={"scope": scope})
            store_id = getattr(request, "store_id", "")
            if store_id and claims.store_ids and store_id not in claims.store_ids:
                raise DomainError(ErrorReason.STORE_NOT_ALLOWED, metadata={"store_id": store_id})
            caller_var.set(Caller(claims.client_id, claims.org_id, claims.scopes, claims.store_ids))
            call.claims = claims
            call.admission = Admission(claims.client_id, claims.jti)
        return authenticate


def _bearer(header: str) -> str:
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise DomainError(ErrorReason.TOKEN_MISSING)
    return token.strip()


TIMESTAMP_DIGITS_MAX = 12
"""x-rewards-timestamp: Unix seconds in 1..12 ASCII digits (leading zeros allowed)."""

SIGNING_HEADERS = (TIMESTAMP_HEADER, NONCE_HEADER, SIGNATURE_HEADER)
_HEADER_FORMS = {
    TIMESTAMP_HEADER: (re.compile(f"[0-9]{{1,{TIMESTAMP_DIGITS_MAX}}}"),
                       f"Unix seconds: 1..{TIMESTAMP_DIGITS_MAX} ASCII digits"),
    NONCE_HEADER: (NONCE, "16..64 characters of [A-Za-z0-9_-]"),
    SIGNATURE_HEADER: (SIGNATURE, "64 lowercase hexadecimal digits"),
}


def signing_headers_refusal(metadata, method: str) -> DomainError | None:
    """Why the signing headers in `metadata` (the call's (key, value) pairs) are unusable, or
    None: a header absent or empty is SIGNATURE_MISSING, one sent twice or not in its form is
    SIGNATURE_INVALID, each with the header named. Only lengths and patterns are checked here,
    never a number: the timestamp is parsed only once it is known to be short."""
    values: dict[str, list[str]] = {}
    for key, value in metadata:
        if key in _HEADER_FORMS:
            values.setdefault(key, []).append(value)
    for header in SIGNING_HEADERS:
        sent = values.get(header, ())
        if not sent or not any(sent):
            return DomainError(ErrorReason.SIGNATURE_MISSING, metadata={"method": method, "header": header})
    for header in SIGNING_HEADERS:
        sent = values[header]
        if len(sent) > 1:
            return DomainError(ErrorReason.SIGNATURE_INVALID, f"The {header} header is sent more than once.",
                               {"header": header, "rule": "sent once"})
        pattern, rule = _HEADER_FORMS[header]
        value = sent[0]
        if not isinstance(value, str) or not pattern.fullmatch(value):
            return DomainError(ErrorReason.SIGNATURE_INVALID, f"The {header} header is malformed.",
                               {"header": header, "rule": rule, "length": len(value)})
    return None


class SigningInterceptor(_Check):
    """Verifies the request signature. A refused request is charged to the caller's token bucket
    first (`admit` without the nonce), so that bad signatures are rate limited like any request."""

    def __init__(self, keys: SigningKeys, clock: Clock, sign_reads: bool = False, *, scripts: Scripts) -> None:
        self._keys = keys
        self._clock = clock
        self._sign_reads = sign_reads
        self._scripts = scripts

    def checker(self, method: str):
        required = POLICIES[method].mutating or self._sign_reads

        async def verify(request, context, call):
            admission = call.admission
            if admission is None:
                return  # Authentication refused the call already.
            metadata = call.metadata
            if not required and not any(key in _HEADER_FORMS for key, _ in metadata):
                return
            refusal = (signing_headers_refusal(metadata, method)
                       or await self._check(call, method, admission))
            if refusal is not None:
                # Charged like any request first: RATE_LIMITED (or TOKEN_REVOKED) wins.
                await admit(self._scripts, admission, record_nonce=False, signing_keys=self._keys)
                raise refusal
            admission.nonce = call.headers[NONCE_HEADER]
        return verify

    async def _check(self, call, method: str, admission: Admission) -> DomainError | None:
        """The window and the signature, for headers known to be in their form; the version of
        the secret that verified it is kept on `admission` (the admission script checks it)."""
        values = call.headers
        timestamp, nonce, signature = (values[h] for h in SIGNING_HEADERS)
        skew = int(timestamp) - int(self._clock.now().timestamp())
        if abs(skew) > limits.SIGNATURE_WINDOW_SECONDS:
            return DomainError(ErrorReason.SIGNATURE_TIMESTAMP_OUT_OF_WINDOW, metadata={
                "skew_seconds": skew, "window_seconds": limits.SIGNATURE_WINDOW_SECONDS})
        digest = call.body_sha256
        version = None if digest is None else await self._keys.verify(
            admission.client_id, lambda key: signature_matches(key, method, timestamp, nonce, digest, signature))
        if version is None:
            return DomainError(ErrorReason.SIGNATURE_INVALID, metadata={"why": "signature mismatch"})
        admission.key_version = version
        return None


class RateLimitInterceptor(_Check):
    def checker(self, method: str):
        async def limit(request, context, call):
            admission, claims = call.admission, call.claims
            if admission is not None and claims is not None:
                admission.rate_per_second, admission.rate_burst = claims.rate_per_second, claims.rate_burst
        return limit


class AdmissionInterceptor(_Check):
    NONCE_TTL_SECONDS = 2 * limits.SIGNATURE_WINDOW_SECONDS + 1
    """A nonce is remembered for as long as a timestamp could still be accepted."""

    def __init__(self, scripts: Scripts, signing_keys: SigningKeys | None = None) -> None:
        self._scripts = scripts
        self._signing_keys = signing_keys

    def checker(self, method: str):
        async def check(request, context, call):
            if call.admission is not None:
                await admit(self._scripts, call.admission, signing_keys=self._signing_keys)
        return check


async def admit(scripts: Scripts, admission: Admission, *, record_nonce: bool = True,
                signing_keys: SigningKeys | None = None) -> None:
    """Run the admission script: TOKEN_REVOKED, CLIENT_DISABLED, a rotated-away secret
    (SIGNATURE_INVALID), NONCE_REUSED or RATE_LIMITED, or admitted (the nonce recorded, when there
    is one and `record_nonce`; one token taken from the bucket)."""
    nonce = admission.nonce if record_nonce else None
    tag = f"rewards:{{c:{admission.client_id}}}"
    nonce_key = f"{tag}:nonce:{nonce or '-'}"
    code, retry_ms = await scripts.run(
        "admit_request", [deny_key(admission.client_id, admission.jti), nonce_key, f"{tag}:bucket",
                          client_state_key(admission.client_id)],
        [AdmissionInterceptor.NONCE_TTL_SECONDS if nonce else 0, admission.rate_per_second, admission.rate_burst,
         admission.key_version if nonce else 0])
    if code == 1:
        raise DomainError(ErrorReason.TOKEN_REVOKED)
    if code == 4:
        raise DomainError(ErrorReason.CLIENT_DISABLED)
    if code == 5:
        if signing_keys is not None:
            signing_keys.forget(admission.client_id)  # The next call reads the new key.
        raise DomainError(ErrorReason.SIGNATURE_INVALID, metadata={"why": "signed with a rotated-away secret"})
    if code == 2:
        raise DomainError(ErrorReason.NONCE_REUSED)
    if code == 3:
        raise DomainError(ErrorReason.RATE_LIMITED, metadata={
            "retry_after_ms": int(retry_ms), "rate_per_second": admission.rate_per_second},
            retry_after_ms=int(retry_ms))

