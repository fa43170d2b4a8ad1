"""A synchronous `RewardsClient` on grpc's blocking API, for code without an asyncio loop:
Django views, Celery tasks, scripts, and locust (gevent) load tests.

    from rewards_client import Credentials, errors
    from rewards_client.sync import RewardsClient
    from rewards.accounts.v1 import account_service_pb2 as accounts

    with RewardsClient.connect("localhost:50051", Credentials(org_id, client_id, secret)) as client:
        created = client.call(client.accounts.CreateAccount, accounts.CreateAccountRequest(program_id="demo"))

It behaves as the asyncio client (rewards_client.client.RewardsClient): the same request
signing (rewards_client.auth.signature_metadata; client- and bidirectional-streaming calls are
signed over an empty body), `call` filling an empty request_id once and retrying UNAVAILABLE and
DEADLINE_EXCEEDED with that request_id (exponential backoff, full jitter), typed errors
(rewards_client.errors.from_rpc_error), and `timeout_s` bounding each attempt including its wait
for an access token; a call whose deadline runs out while it waits for the token fails with
`errors.DeadlineExceeded` and is not retried.

One client is meant to be shared: it is thread-safe, and one token fetch at a time serves every
thread that needs a token. Create it once per process (e.g. at Django start-up, or in Celery's
`worker_process_init`: a grpc channel must not be carried across fork). Under gevent (locust),
call `grpc.experimental.gevent.init_gevent()` before creating it.
"""

from __future__ import annotations

import collections
import secrets
import threading
import time

import grpc

from rewards.accounts.v1 import account_service_pb2_grpc, interaction_point_service_pb2_grpc, search_service_pb2_grpc
from rewards.auth.v1 import auth_service_pb2 as auth_api
from rewards.auth.v1 import auth_service_pb2_grpc
from rewards.checkout.v1 import checkout_service_pb2_grpc
from rewards.coupons.v1 import coupon_service_pb2_grpc, offer_service_pb2_grpc
from rewards.loyalty.v1 import loyalty_service_pb2_grpc, program_service_pb2_grpc
from rewards_client.auth import (FETCH_TIMEOUT_S, PUBLIC_METHODS, REFRESH_MARGIN_S, Credentials,
                                 TokenDeadlineExceeded, signature_metadata, signing_key)
from rewards_client.client import RETRYABLE, backoff_s, fill_request_id
from rewards_client.errors import RewardsError, from_rpc_error

TOKEN_WAIT_DETAILS = "Deadline exceeded while waiting for an access token"


class _Fetch:
    """One token fetch in flight: its waiters block on `done`, then read `token` or `error`."""

    def __init__(self) -> None:
        self.done = threading.Event()
        self.token: str | None = None
        self.error: BaseException | None = None


class TokenSource:
    """The synchronous twin of rewards_client.auth.TokenSource (same contract): issues a token
    pair, refreshes it ahead of expiry (a new IssueToken when the refresh is refused).

    One fetch at a time (single flight), run on a thread of its own (a greenlet under gevent)
    and bounded by `fetch_timeout_s`; the lock is never held across the network call. Each
    caller waits for it at most until its own deadline and then fails with DEADLINE_EXCEEDED
    while the fetch goes on for the others. A failed fetch fails its waiters; the next caller
    starts a new one. While the token is valid but within the refresh margin, callers get it at
    once and the renewal runs beside them."""

    def __init__(self, channel: grpc.Channel, credentials: Credentials,
                 refresh_margin_s: float = REFRESH_MARGIN_S, fetch_timeout_s: float = FETCH_TIMEOUT_S) -> None:
        self._stub = auth_service_pb2_grpc.AuthServiceStub(channel)
        self._credentials = credentials
        self._margin = refresh_margin_s
        self._fetch_timeout = fetch_timeout_s
        self._lock = threading.Lock()
        self._fetch: _Fetch | None = None
        self._ahead_not_before = 0.0  # after a failed refresh ahead of expiry, wait a little
        self._access: str | None = None
        self._access_expire = 0.0
        self._refresh: str | None = None
        self._refresh_expire = 0.0
        self.fetches = 0
        """How many fetches were started (for tests and metrics)."""

    def access_token(self, timeout_s: float | None = None) -> str:
        """A valid access token. Waits for a fetch only when there is no valid token, and then
        at most `timeout_s` (None: up to the fetch's own ceiling)."""
        with self._lock:
            now = time.time()
            if self._access is not None and now < self._access_expire:
                if now >= self._access_expire - self._margin and now >= self._ahead_not_before:
                    self._start_fetch(ahead=True)  # renew ahead of expiry; this caller doesn't wait
                return self._access
            fetch = self._start_fetch(ahead=False)
        if not fetch.done.wait(None if timeout_s is None else max(timeout_s, 0.0)):
            raise TokenDeadlineExceeded(TOKEN_WAIT_DETAILS)
        if fetch.error is not None:
            raise fetch.error
        return fetch.token

    def renewal(self, timeout_s: float | None = None) -> None:
        """Wait for the fetch in flight, if any, to end (its failure is not raised here)."""
        with self._lock:
            fetch = self._fetch
        if fetch is not None:
            fetch.done.wait(timeout_s)

    def _start_fetch(self, *, ahead: bool) -> _Fetch:
        """Under the lock: the fetch in flight, or a new one."""
        if self._fetch is None:
            self._fetch = _Fetch()
            self.fetches += 1
            threading.Thread(target=self._run_fetch, args=(self._fetch, ahead), name="rewards-token-fetch",
                             daemon=True).start()
        return self._fetch

    def _run_fetch(self, fetch: _Fetch, ahead: bool) -> None:
        try:
            pair = self._renew(time.monotonic() + self._fetch_timeout)
        except BaseException as error:  # noqa: BLE001 - any failure is handed to the waiters
            with self._lock:
                if ahead:
                    self._ahead_not_before = time.time() + 1.0
                self._fetch = None
            fetch.error = error
        else:
            with self._lock:
                self._access, self._refresh = pair.access_token, pair.refresh_token
                self._access_expire = pair.access_token_expire_time.seconds
                self._refresh_expire = pair.refresh_token_expire_time.seconds
                self._ahead_not_before = 0.0
                self._fetch = None
            fetch.token = pair.access_token
        fetch.done.set()

    def _renew(self, deadline: float):
        with self._lock:
            refresh, refresh_expire = self._refresh, self._refresh_expire
        if refresh and time.time() < refresh_expire - self._margin:
            try:
                return self._stub.RefreshToken(auth_api.RefreshTokenRequest(
                    request_id=secrets.token_hex(16), refresh_token=refresh),
                    timeout=max(deadline - time.monotonic(), 0.001))
            except grpc.RpcError as error:
                if error.code() is not grpc.StatusCode.UNAUTHENTICATED:
                    raise
        c = self._credentials
        return self._stub.IssueToken(auth_api.IssueTokenRequest(
            org_id=c.org_id, client_id=c.client_id, client_secret=c.client_secret),
            timeout=max(deadline - time.monotonic(), 0.001))


class _CallDetails(collections.namedtuple("_CallDetails", ("method", "timeout", "metadata", "credentials",
                                                           "wait_for_ready", "compression")),
                   grpc.ClientCallDetails):
    pass


class AuthInterceptor(grpc.UnaryUnaryClientInterceptor, grpc.UnaryStreamClientInterceptor,
                      grpc.StreamUnaryClientInterceptor, grpc.StreamStreamClientInterceptor):
    """Adds `authorization: Bearer <token>` and the request signature to every call except
    IssueToken / RefreshToken, as rewards_client.auth.AuthInterceptor does on asyncio; a retry is
    signed anew (a fresh nonce each attempt)."""

    def __init__(self, secret: str, tokens: TokenSource | None = None) -> None:
        self.tokens = tokens
        self._key = signing_key(secret)

    def intercept_unary_unary(self, continuation, details, request):
        return continuation(self._signed(details, request), request)

    def intercept_unary_stream(self, continuation, details, request):
        return continuation(self._signed(details, request), request)

    def intercept_stream_unary(self, continuation, details, request_iterator):
        return continuation(self._signed(details, b""), request_iterator)

    def intercept_stream_stream(self, continuation, details, request_iterator):
        return continuation(self._signed(details, b""), request_iterator)

    def _signed(self, details, request):
        method = details.method.decode() if isinstance(details.method, bytes) else details.method
        if method in PUBLIC_METHODS:
            return details
        started = time.monotonic()
        token = self.tokens.access_token(details.timeout)
        timeout = details.timeout
        if timeout is not None:  # the call's deadline counts from its start, token wait included
            timeout = timeout - (time.monotonic() - started)
            if timeout <= 0:
                raise TokenDeadlineExceeded(TOKEN_WAIT_DETAILS)
        body = request if isinstance(request, bytes) else request.SerializeToString()
        metadata = [*(details.metadata or ()), ("authorization", f"Bearer {token}"),
                    *signature_metadata(self._key, method, body)]
        return _CallDetails(details.method, timeout, metadata, details.credentials,
                            getattr(details, "wait_for_ready", None), getattr(details, "compression", None))


class RewardsClient:
    """See the module docstring. Methods are the stubs' multi-callables, e.g.
    `client.call(client.coupons.RedeemCoupon, request)`."""

    def __init__(self, channel: grpc.Channel, tokens: TokenSource, *, attempts_max: int = 5,
                 backoff_base_s: float = 0.05, backoff_max_s: float = 2.0, timeout_s: float = 5.0,
                 closeable: grpc.Channel | None = None) -> None:
        self.channel = channel
        self.tokens = tokens
        self.attempts_max = attempts_max
        self.backoff_base_s = backoff_base_s
        self.backoff_max_s = backoff_max_s
        self.timeout_s = timeout_s
        self._closeable = closeable or channel
        self.auth = auth_service_pb2_grpc.AuthServiceStub(channel)
        self.accounts = account_service_pb2_grpc.AccountServiceStub(channel)
        self.interaction_points = interaction_point_service_pb2_grpc.InteractionPointServiceStub(channel)
        self.search = search_service_pb2_grpc.SearchServiceStub(channel)
        self.offers = offer_service_pb2_grpc.OfferServiceStub(channel)
        self.coupons = coupon_service_pb2_grpc.CouponServiceStub(channel)
        self.programs = program_service_pb2_grpc.ProgramServiceStub(channel)
        self.loyalty = loyalty_service_pb2_grpc.LoyaltyServiceStub(channel)
        self.checkout = checkout_service_pb2_grpc.CheckoutServiceStub(channel)

    @classmethod
    def connect(cls, target: str, credentials: Credentials, *,
                channel_credentials: grpc.ChannelCredentials | None = None,
                token_timeout_s: float = FETCH_TIMEOUT_S, **options) -> RewardsClient:
        raw = (grpc.secure_channel(target, channel_credentials) if channel_credentials
               else grpc.insecure_channel(target))
        tokens = TokenSource(raw, credentials, fetch_timeout_s=token_timeout_s)
        channel = grpc.intercept_channel(raw, AuthInterceptor(credentials.client_secret, tokens))
        return cls(channel, tokens, closeable=raw, **options)

    def __enter__(self) -> RewardsClient:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._closeable.close()

    def call(self, method, request, *, timeout_s: float | None = None, interaction_id: str = ""):
        """Call a unary `method` of one of the stubs; see the module docstring. `interaction_id`:
        the till or e-shop of the call, sent as the `interaction-id` header (seed 001)."""
        fill_request_id(request)
        for attempt in range(1, self.attempts_max + 1):
            try:
                if interaction_id:
                    return method(request, timeout=timeout_s or self.timeout_s,
                                        metadata=(("interaction-id", interaction_id),))
                return method(request, timeout=timeout_s or self.timeout_s)
            except grpc.RpcError as error:
                if (error.code() not in RETRYABLE or attempt == self.attempts_max
                        or isinstance(error, TokenDeadlineExceeded)):
                    raise from_rpc_error(error) from None
                time.sleep(backoff_s(attempt, self.backoff_base_s, self.backoff_max_s))
        raise AssertionError("unreachable")

    def stream(self, method, request, *, timeout_s: float | None = None) -> list:
        """Call a server-streaming `method` and return its replies, filling an empty request_id
        like `call`. Not retried here: call it again with the same request to resume."""
        fill_request_id(request)
        try:
            return list(method(request, timeout=timeout_s or self.timeout_s))
        except grpc.RpcError as error:
            raise from_rpc_error(error) from None

    def exchange(self, method, requests, *, timeout_s: float | None = None) -> list:
        """Call a bidirectional-streaming `method` with `requests` (each with its request_id set)
        and return its replies. Not retried here: send the unanswered requests again to resume."""
        try:
            return list(method(iter(requests), timeout=timeout_s or self.timeout_s))
        except grpc.RpcError as error:
            raise from_rpc_error(error) from None


__all__ = ["AuthInterceptor", "Credentials", "RewardsClient", "RewardsError", "TokenSource"]
