"""Client-side security: access tokens refreshed ahead of expiry, and request signatures.

A token fetch never holds up a call past its deadline: see `TokenSource`.

Request signing (identical in every rewards-core client; vectors in tests/vectors/):

    signing_key    = HMAC-SHA256(key = client secret (UTF-8), msg = "rewards-core request signing v1")
    string_to_sign = full method name "\\n" unix seconds "\\n" nonce "\\n" hex(SHA-256(request bytes))
    signature      = hex(HMAC-SHA256(signing_key, string_to_sign))

sent as metadata x-rewards-timestamp, x-rewards-nonce and x-rewards-signature.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass

import grpc

from rewards.auth.v1 import auth_service_pb2 as auth_api
from rewards.auth.v1 import auth_service_pb2_grpc

SIGNING_KEY_LABEL = b"rewards-core request signing v1"
PUBLIC_METHODS = frozenset({"/rewards.auth.v1.AuthService/IssueToken", "/rewards.auth.v1.AuthService/RefreshToken"})
REFRESH_MARGIN_S = 60
"""Tokens are renewed this long before they expire, so a call never carries an expiring one."""


@dataclass(frozen=True)
class Credentials:
    org_id: str
    client_id: str
    client_secret: str


def signing_key(secret: str) -> bytes:
    return hmac.new(secret.encode(), SIGNING_KEY_LABEL, hashlib.sha256).digest()


def sign(key: bytes, method: str, timestamp: str, nonce: str, body: bytes) -> str:
    message = "\n".join((method, timestamp, nonce, hashlib.sha256(body).hexdigest())).encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def signature_metadata(key: bytes, method: str, body: bytes, now: float | None = None) -> tuple[tuple[str, str], ...]:
    timestamp = str(int(time.time() if now is None else now))
    nonce = secrets.token_urlsafe(18)
    return (("x-rewards-timestamp", timestamp), ("x-rewards-nonce", nonce),
            ("x-rewards-signature", sign(key, method, timestamp, nonce, body)))


FETCH_TIMEOUT_S = 10.0
"""Ceiling of one token fetch (RefreshToken, then IssueToken if the refresh is refused)."""


class TokenDeadlineExceeded(grpc.aio.AioRpcError):
    """DEADLINE_EXCEEDED raised locally: the call's deadline ran out while it waited for an
    access token. `RewardsClient.call` does not retry it (the call's time is spent)."""

    def __init__(self, details: str) -> None:
        super().__init__(grpc.StatusCode.DEADLINE_EXCEEDED, grpc.aio.Metadata(), grpc.aio.Metadata(),
                         details=details)


class TokenSource:
    """Holds the current token pair: issues one, refreshes it ahead of expiry (falling back to a
    new IssueToken when the refresh token is no longer usable).

    One fetch at a time, shared by every caller that needs it (single flight), with no lock held
    across the network call. The fetch runs in a task of its own, bounded by `fetch_timeout_s`;
    each caller waits for it at most until its own deadline (`timeout_s` of `access_token`) and
    then fails with DEADLINE_EXCEEDED, while the fetch goes on for the others. A failed fetch
    fails the callers waiting for it; the next caller starts a new one. While the current access
    token is still valid but within the refresh margin, callers get it at once and the renewal
    runs in the background."""

    def __init__(self, channel: grpc.aio.Channel, credentials: Credentials,
                 refresh_margin_s: float = REFRESH_MARGIN_S, fetch_timeout_s: float = FETCH_TIMEOUT_S) -> None:
        self._stub = auth_service_pb2_grpc.AuthServiceStub(channel)
        self._credentials = credentials
        self._margin = refresh_margin_s
        self._fetch_timeout = fetch_timeout_s
        self._fetch: asyncio.Task | None = None
        self._ahead_not_before = 0.0  # after a failed refresh ahead of expiry, wait a little
        self._access: str | None = None
        self._access_expire = 0.0
        self._refresh: str | None = None
        self._refresh_expire = 0.0
        self.fetches = 0
        """How many fetches were started (for tests and metrics)."""

    async def access_token(self, timeout_s: float | None = None) -> str:
        """A valid access token. Waits for a fetch only when there is no valid token, and then
        at most `timeout_s` (None: up to the fetch's own ceiling)."""
        now = time.time()
        if self._access is not None and now < self._access_expire:
            if now >= self._access_expire - self._margin and now >= self._ahead_not_before:
                self._start_fetch(ahead=True)  # renew ahead of expiry; this caller doesn't wait
            return self._access
        fetch = self._start_fetch(ahead=False)
        try:  # the fetch is bounded by its own ceiling; this caller by its deadline too
            return await asyncio.wait_for(asyncio.shield(fetch), None if timeout_s is None else max(timeout_s, 0.0))
        except TimeoutError:
            raise TokenDeadlineExceeded("Deadline exceeded while waiting for an access token") from None

    async def renewal(self) -> None:
        """Wait for the fetch in flight, if any, to end (its failure is not raised here)."""
        fetch = self._fetch
        if fetch is not None:
            await asyncio.wait([fetch])

    def _start_fetch(self, *, ahead: bool) -> asyncio.Task:
        if self._fetch is None:
            self._fetch = asyncio.get_running_loop().create_task(self._run_fetch(ahead))
            self._fetch.add_done_callback(_retrieve)
            self.fetches += 1
        return self._fetch

    async def _run_fetch(self, ahead: bool) -> str:
        try:
            await self._renew(time.monotonic() + self._fetch_timeout)
            return self._access
        except BaseException:
            if ahead:
                self._ahead_not_before = time.time() + 1.0
            raise
        finally:
            self._fetch = None

    async def _renew(self, deadline: float) -> None:
        if self._refresh and time.time() < self._refresh_expire - self._margin:
            try:
                self._take(await self._stub.RefreshToken(auth_api.RefreshTokenRequest(
                    request_id=secrets.token_hex(16), refresh_token=self._refresh),
                    timeout=max(deadline - time.monotonic(), 0.001)))
                return
            except grpc.aio.AioRpcError as error:
                if error.code() is not grpc.StatusCode.UNAUTHENTICATED:
                    raise
        c = self._credentials
        self._take(await self._stub.IssueToken(auth_api.IssueTokenRequest(
            org_id=c.org_id, client_id=c.client_id, client_secret=c.client_secret),
            timeout=max(deadline - time.monotonic(), 0.001)))

    def _take(self, pair) -> None:
        self._access, self._refresh = pair.access_token, pair.refresh_token
        self._access_expire = pair.access_token_expire_time.seconds
        self._refresh_expire = pair.refresh_token_expire_time.seconds
        self._ahead_not_before = 0.0


def _retrieve(task: asyncio.Task) -> None:
    """Mark a fetch's failure as seen (its waiters, if any, got it already)."""
    if not task.cancelled():
        task.exception()


class AuthInterceptor(grpc.aio.UnaryUnaryClientInterceptor):
    """Adds `authorization: Bearer <token>` and the request signature to every unary call
    except IssueToken / RefreshToken (and, through `streams()`, to server-streaming calls). A
    retry is signed anew (a fresh nonce each attempt)."""

    def __init__(self, secret: str, tokens: TokenSource | None = None) -> None:
        self.tokens = tokens
        """Set after the channel exists when the token source uses the same channel."""
        self._key = signing_key(secret)

    async def intercept_unary_unary(self, continuation, details, request):
        return await continuation(await self._signed(details, request), request)

    def streams(self) -> StreamAuthInterceptor:
        """The same signing for server-streaming calls (grpc.aio takes one kind per interceptor)."""
        return StreamAuthInterceptor(self)

    def request_streams(self) -> list:
        """Signing for client- and bidirectional-streaming calls: the call is signed over an
        empty body (its messages are sent later), as the server verifies it."""
        return [RequestStreamAuthInterceptor(self), BidiStreamAuthInterceptor(self)]

    async def _signed(self, details, request):
        method = details.method.decode() if isinstance(details.method, bytes) else details.method
        if method in PUBLIC_METHODS:
            return details
        started = time.monotonic()
        token = await self.tokens.access_token(details.timeout)
        timeout = details.timeout
        if timeout is not None:  # the call's deadline counts from its start, token wait included
            timeout = timeout - (time.monotonic() - started)
            if timeout <= 0:
                raise TokenDeadlineExceeded("Deadline exceeded while waiting for an access token")
        metadata = grpc.aio.Metadata(*(details.metadata or ()))
        metadata.add("authorization", f"Bearer {token}")
        body = request if isinstance(request, bytes) else request.SerializeToString()
        for key, value in signature_metadata(self._key, method, body):
            metadata.add(key, value)
        return grpc.aio.ClientCallDetails(details.method, timeout, metadata,
                                          details.credentials, details.wait_for_ready)


class StreamAuthInterceptor(grpc.aio.UnaryStreamClientInterceptor):
    def __init__(self, unary: AuthInterceptor) -> None:
        self._unary = unary

    async def intercept_unary_stream(self, continuation, details, request):
        return await continuation(await self._unary._signed(details, request), request)


class RequestStreamAuthInterceptor(grpc.aio.StreamUnaryClientInterceptor):
    def __init__(self, unary: AuthInterceptor) -> None:
        self._unary = unary

    async def intercept_stream_unary(self, continuation, details, request_iterator):
        return await continuation(await self._unary._signed(details, b""), request_iterator)


class BidiStreamAuthInterceptor(grpc.aio.StreamStreamClientInterceptor):
    def __init__(self, unary: AuthInterceptor) -> None:
        self._unary = unary

    async def intercept_stream_stream(self, continuation, details, request_iterator):
        return await continuation(await self._unary._signed(details, b""), request_iterator)
