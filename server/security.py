"""Security interceptors, one concern each (they run inside the decoding interceptor):

    AuthenticationInterceptor  access token (JWT) -> Caller; scope and store checks
    SigningInterceptor         HMAC request signature over the exact bytes received
    RateLimitInterceptor       the caller's token bucket parameters, from the token's claims
    AdmissionInterceptor       one Redis script for all shared-state checks: denylisted jti,
                               disabled client, rotated-away signing key, nonce replay, token bucket

Every rejection happens before the servicer runs and changes nothing: the admission script
checks everything before it records the nonce or takes a token.
"""

from __future__ import annotations

import contextvars
from dataclasses import dataclass

import grpc

from core.adapters.redis.scripts import Scripts
from core.adapters.signing_keys import SigningKeys
from core.adapters.tokens import AccessClaims, AccessTokens
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
from server.interceptors import body_sha256_var, rewrap


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


admission_var: contextvars.ContextVar[Admission | None] = contextvars.ContextVar("admission", default=None)
claims_var: contextvars.ContextVar[AccessClaims | None] = contextvars.ContextVar("claims", default=None)


def _guarded(details) -> bool:
    policy = POLICIES.get(details.method)
    return policy is not None and not policy.public


def _before(handler: grpc.RpcMethodHandler, check) -> grpc.RpcMethodHandler:
    """`handler` with `await check(request, context)` run before its behavior."""
    def unary(behavior):
        async def wrapped(request, context):
            await check(request, context)
            return await behavior(request, context)
        return wrapped

    def streaming(behavior):
        async def wrapped(request, context):
            await check(request, context)
            async for response in behavior(request, context):
                yield response
        return wrapped

    return rewrap(handler, unary, streaming)


class AuthenticationInterceptor(grpc.aio.ServerInterceptor):
    def __init__(self, tokens: AccessTokens) -> None:
        self._tokens = tokens

    async def intercept_service(self, continuation, details):
        handler = await continuation(details)
        if handler is None or not _guarded(details):
            return handler
        policy = POLICIES[details.method]
        metadata = dict(details.invocation_metadata or ())
        try:
            claims = await self._tokens.verify(_bearer(metadata.get("authorization", "")))
            if policy.scope is not None and policy.scope not in claims.scopes:
                raise DomainError(ErrorReason.SCOPE_MISSING, metadata={"scope": policy.scope})
        except DomainError as error:
            async def refuse(request, context, error=error):
                raise error
            return _before(handler, refuse)
        caller = Caller(claims.client_id, claims.org_id, claims.scopes, claims.store_ids)

        async def admit(request, context):
            store_id = getattr(request, "store_id", "")
            if store_id and claims.store_ids and store_id not in claims.store_ids:
                raise DomainError(ErrorReason.STORE_NOT_ALLOWED, metadata={"store_id": store_id})
            caller_var.set(caller)
            claims_var.set(claims)
            admission_var.set(Admission(claims.client_id, claims.jti))

        return _before(handler, admit)


def _bearer(header: str) -> str:
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise DomainError(ErrorReason.TOKEN_MISSING)
    return token.strip()


class SigningInterceptor(grpc.aio.ServerInterceptor):
    def __init__(self, keys: SigningKeys, clock: Clock, sign_reads: bool = False) -> None:
        self._keys = keys
        self._clock = clock
        self._sign_reads = sign_reads

    async def intercept_service(self, continuation, details):
        handler = await continuation(details)
        if handler is None or not _guarded(details):
            return handler
        metadata = dict(details.invocation_metadata or ())
        sent = [metadata.get(h) for h in (TIMESTAMP_HEADER, NONCE_HEADER, SIGNATURE_HEADER)]
        required = POLICIES[details.method].mutating or self._sign_reads
        if not any(sent) and not required:
            return handler
        method = details.method

        async def verify(request, context):
            admission = admission_var.get()
            if admission is None:
                return  # Authentication refused the call already.
            timestamp, nonce, signature = sent
            if not (timestamp and nonce and signature):
                raise DomainError(ErrorReason.SIGNATURE_MISSING, metadata={"method": method})
            if not timestamp.isdigit() or not NONCE.match(nonce) or not SIGNATURE.match(signature):
                raise DomainError(ErrorReason.SIGNATURE_INVALID, metadata={"why": "malformed signature headers"})
            skew = int(timestamp) - int(self._clock.now().timestamp())
            if abs(skew) > limits.SIGNATURE_WINDOW_SECONDS:
                raise DomainError(ErrorReason.SIGNATURE_TIMESTAMP_OUT_OF_WINDOW, metadata={
                    "skew_seconds": skew, "window_seconds": limits.SIGNATURE_WINDOW_SECONDS})
            digest = body_sha256_var.get()
            version = None if digest is None else await self._keys.verify(
                admission.client_id, lambda key: signature_matches(key, method, timestamp, nonce, digest, signature))
            if version is None:
                raise DomainError(ErrorReason.SIGNATURE_INVALID, metadata={"why": "signature mismatch"})
            admission.nonce, admission.key_version = nonce, version

        return _before(handler, verify)


class RateLimitInterceptor(grpc.aio.ServerInterceptor):
    async def intercept_service(self, continuation, details):
        handler = await continuation(details)
        if handler is None or not _guarded(details):
            return handler

        async def limit(request, context):
            admission, claims = admission_var.get(), claims_var.get()
            if admission is not None and claims is not None:
                admission.rate_per_second, admission.rate_burst = claims.rate_per_second, claims.rate_burst

        return _before(handler, limit)


class AdmissionInterceptor(grpc.aio.ServerInterceptor):
    NONCE_TTL_SECONDS = 2 * limits.SIGNATURE_WINDOW_SECONDS + 1
    """A nonce is remembered for as long as a timestamp could still be accepted."""

    def __init__(self, scripts: Scripts, signing_keys: SigningKeys | None = None) -> None:
        self._scripts = scripts
        self._signing_keys = signing_keys

    async def intercept_service(self, continuation, details):
        handler = await continuation(details)
        if handler is None or not _guarded(details):
            return handler

        async def admit(request, context):
            admission = admission_var.get()
            if admission is not None:
                await self._admit(admission)

        return _before(handler, admit)

    async def _admit(self, admission: Admission) -> None:
        tag = f"rewards:{{c:{admission.client_id}}}"
        nonce_key = f"{tag}:nonce:{admission.nonce or '-'}"
        code, retry_ms = await self._scripts.run(
            "admit_request", [deny_key(admission.client_id, admission.jti), nonce_key, f"{tag}:bucket",
                              client_state_key(admission.client_id)],
            [self.NONCE_TTL_SECONDS if admission.nonce else 0, admission.rate_per_second, admission.rate_burst,
             admission.key_version if admission.nonce else 0])
        if code == 1:
            raise DomainError(ErrorReason.TOKEN_REVOKED)
        if code == 4:
            raise DomainError(ErrorReason.CLIENT_DISABLED)
        if code == 5:
            if self._signing_keys is not None:
                self._signing_keys.forget(admission.client_id)  # The next call reads the new key.
            raise DomainError(ErrorReason.SIGNATURE_INVALID, metadata={"why": "signed with a rotated-away secret"})
        if code == 2:
            raise DomainError(ErrorReason.NONCE_REUSED)
        if code == 3:
            raise DomainError(ErrorReason.RATE_LIMITED, metadata={
                "retry_after_ms": int(retry_ms), "rate_per_second": admission.rate_per_second},
                retry_after_ms=int(retry_ms))

