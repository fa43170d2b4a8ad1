"""The composition root: the one place that builds the process's objects and wires them together.

The worker (server/app.py), the CLI (server/cli.py) and the integration test fixtures
(tests/integration/conftest.py and the engine fixtures) all build through these functions, so a
constructor that changes is adapted here once:

    open_pool(url, ...), redis_client(url, ...)    the Postgres pool and the Redis client (closed by the caller)
    build_deps(pool, redis, clock)                 Scripts, LedgerWriter (started), IdempotencyStore -> Deps
    state_guard(deps)                              StateGuard with the Redis-state rebuilders
    Engines(deps, guard, ...)                      Coupons, Points, Checkout, Events (built on first use)
    build_auth(deps, tokens, clock, config)        Auth (IssueToken, RefreshToken, RevokeToken)
    server_interceptors(...)                       the interceptor chain (one Chain), in the order below

The order of the checks an RPC meets (outermost first) and why
---------------------------------------------------------------
 1. deadline        The call's gRPC deadline goes to the core (core/domain/deadline.py) first, so
                    that every store wait made by anything inside, a security check included
                    (the admission script, a signing-key lookup), is bounded by it.
 2. request id      `x-request-id` (or a fresh one) is set before anything can fail or log, so
                    that every log line, error detail and span of the call carries it.
 3. metrics, trace  Outside the error mapping, so that they see the final status of every call,
                    refused ones included (a refused call is counted with its code); the span is
                    opened here so that the store calls made inside are its children.
 4. errors          Every exception raised inside (a refusal of any check below, a handler's
                    DomainError, an unexpected error) leaves as one google.rpc.Status with its
                    ErrorInfo; nothing below needs to know about gRPC statuses.
 5. decoding        Strict decoding of the request bytes (malformed, unknown field, control
                    character) before any check reads the request, and the SHA-256 of the exact
                    bytes received, which the signature check needs; for a request with a
                    request_id, the digest of its deterministic bytes, the idempotency
                    fingerprint (core/domain/received.py).
 6. authentication  The bearer token -> the caller (its org, scopes, stores); the method's scope and
                    the request's store_id checked against the token. Everything after this knows
                    who is calling; public methods (IssueToken, RefreshToken) skip 6-9.
 7. rate limits     The caller's token-bucket parameters, from the token's claims (read here,
                    enforced by the admission script in 9). Before signing, because a refused
                    signature is charged to this bucket.
 8. signing/replay  The HMAC signature over method, timestamp, nonce and body digest (5), and the
                    timestamp window. A refused signature is still charged to the caller's bucket
                    (the admission script without the nonce) so bad signatures are rate limited.
 9. admission       One Redis script checks all shared state and only then writes: denylisted
                    token, disabled client, rotated-away signing secret, nonce replay, token
                    bucket. Nothing is recorded for a refused call, so a refusal changes nothing.
                    Last, because it needs what 6-8 found (jti, bucket, nonce, key version) and
                    is the only check that writes.
    handler         The servicer, which reads the caller through server/context.py.

Authorization (the scope) is part of 6 because it needs only the token; what a caller may touch
beyond its scope and stores is each service's rule. The stages are composed around each method's
handler once, on its first call (server/chain.py `Chain`), and hand their findings on through one
explicit per-call object (`Call`: the parsed metadata, the body digest, the claims, the admission)
rather than ContextVars; ContextVars stay only for what code outside the chain reads: the caller
(servicers, server/context.py), the request id (logs) and the deadline (core).
"""

from __future__ import annotations

import functools
from functools import cached_property

from core.adapters.idempotency import IdempotencyStore
from core.adapters.import_files import ImportFiles
from core.adapters.otp import OtpSender
from core.adapters.postgres.ledger_writer import LedgerWriter
from core.adapters.postgres.pool import StorePool
from core.adapters.redis import connect as connect_redis
from core.adapters.redis.scripts import Scripts
from core.adapters.redis.state import ReadinessListener, StateGuard
from core.adapters.sealing import MasterKeys
from core.adapters.signing_keys import SigningKeys
from core.adapters.tokens import AccessTokens
from core.adapters.webhooks import UrlGuard
from core.domain import limits
from core.domain.clock import Clock
from core.service.auth import Auth, AuthSettings
from core.service.checkout import Checkout
from core.service.clients import rebuild_client_states
from core.service.context import Deps
from core.service.coupons import Coupons, rebuild_coupon_counters
from core.service.events_outbox import Dispatcher, Events
from core.service.jobs import Jobs
from core.service.messages import Messenger
from core.domain.messages import Sender
from core.service.points import Points, Wallets
from server.config import Config


async def open_pool(database_url: str, *, size_max: int, size_min: int = 1,
                    wait_s_max: float = limits.POSTGRES_WAIT_S_MAX, on_breaker_change=None) -> StorePool:
    """An open Postgres pool (`await pool.close()`); `on_breaker_change(open)` is told when its
    breaker opens or closes."""
    pool = StorePool(database_url, min_size=size_min, max_size=size_max, wait_s_max=wait_s_max, open=False)
    if on_breaker_change is not None:
        pool.breaker.on_change = on_breaker_change
    await pool.open(wait=True)
    return pool


def redis_client(redis_url: str, size_max: int | None = None):
    """The Redis client (`await client.aclose()`)."""
    return connect_redis(redis_url) if size_max is None else connect_redis(redis_url, size_max)


def build_deps(pool: StorePool, redis, clock: Clock, *, linger_ms: int = limits.LEDGER_LINGER_MS_DEFAULT,
               observe_script=None, observe_batch=None,
               idempotency_retention_s: int = limits.IDEMPOTENCY_RETENTION_SECONDS) -> Deps:
    """The shared infrastructure over an open pool and a Redis client: the script runner, the
    ledger writer (started; close it with `await deps.writer.close()`) and the idempotency store."""
    scripts = Scripts(redis, observe_script)
    writer = LedgerWriter(pool, linger_ms=linger_ms, observe_batch=observe_batch)
    writer.start()
    return Deps(pool, redis, scripts, writer, IdempotencyStore(redis, scripts, pool, retention_s=idempotency_retention_s),
                clock)


def state_guard(deps: Deps, *, coupon_counters: bool = True, client_states: bool = False,
                on_readiness: ReadinessListener | None = None) -> StateGuard:
    """The guard of the Redis state: after Redis lost it, the rebuilders copy it back from the
    ledger (the coupon counters; the clients' disabled/secret-version states)."""
    rebuilders = []
    if coupon_counters:
        rebuilders.append(functools.partial(rebuild_coupon_counters, deps=deps))
    if client_states:
        rebuilders.append(rebuild_client_states)
    return StateGuard(deps.redis, deps.pool, rebuilders=rebuilders, on_readiness=on_readiness)


class Engines:
    """The service engines over one Deps and StateGuard, each built on first use and once.

    The only place that knows how the engines are wired to each other (the points engine pays
    REWARD coupons and issues earn-time coupons; checkout uses both)."""

    def __init__(self, deps: Deps, guard: StateGuard, *, otp_sender: OtpSender | None = None,
                 otp_rate_max: int = limits.OTP_PER_ACCOUNT_MAX, master_keys: MasterKeys | None = None,
                 url_guard: UrlGuard | None = None, message_sender: Sender | None = None,
                 config: Config | None = None) -> None:
        self.deps = deps
        self._message_sender = message_sender
        self._config = config
        self.url_guard = url_guard or UrlGuard()
        self.guard = guard
        self._otp_sender = otp_sender
        self._otp_rate_max = otp_rate_max
        self._master_keys = master_keys

    @cached_property
    def wallets(self) -> Wallets:
        """The points wallets: reservations, settlement, the sweep, and the payer of REWARD coupons."""
        return Wallets(self.deps, self.guard)

    @cached_property
    def coupons(self) -> Coupons:
        return Coupons(self.deps, self.guard, payer=self.wallets)

    @cached_property
    def points(self) -> Points:
        if self._otp_sender is None:
            raise ValueError("the points engine needs an OTP sender")
        return Points(self.deps, self.guard, self._otp_sender, self.coupons, wallets=self.wallets,
                      otp_rate_max=self._otp_rate_max)

    @cached_property
    def checkout(self) -> Checkout:
        return Checkout(self.deps, self.guard, self.coupons, self.points)

    @cached_property
    def events(self) -> Events:
        if self._master_keys is None:
            raise ValueError("the events engine needs the master keys")
        return Events(self.deps, self._master_keys, url_guard=self.url_guard)

    @cached_property
    def messenger(self) -> Messenger:
        """Messages to people (README "Events" > "Messages to people"): coupon delivery on issue,
        ResendCoupon, expiry reminders, through the Sender port (None: nothing configured, every
        message waits, retried, then parked as failed)."""
        if self._config is None:
            return Messenger(self.deps, self._message_sender)
        return Messenger(self.deps, self._message_sender, backoff_base_s=self._config.event_backoff_base_s,
                         attempts_max=self._config.event_attempts_max, lease_s=self._config.event_lease_s)

    @cached_property
    def jobs(self) -> Jobs:
        """Background jobs (README "Background jobs"): JobService, GenerateCodes, the runner."""
        config = self._config or Config()
        return Jobs(self.deps, self.coupons, ImportFiles(config.jobs_import_dir or None),
                    lease_s=config.jobs_lease_s, poll_s=config.jobs_poll_s, slots=config.jobs_per_worker)

    def dispatcher(self, webhook_sender, config: Config) -> Dispatcher:
        """The outbox's delivery loop (README "Events") over `webhook_sender`."""
        if self._master_keys is None:
            raise ValueError("the event dispatcher needs the master keys")
        return Dispatcher(self.deps, self._master_keys, webhook_sender, backoff_base_s=config.event_backoff_base_s,
                          attempts_max=config.event_attempts_max, lease_s=config.event_lease_s)


def access_tokens(keyring, clock: Clock, config: Config) -> AccessTokens:
    return AccessTokens(keyring, clock, issuer=config.token_issuer, audience=config.token_audience,
                        ttl_seconds=config.access_token_ttl_s)


def build_auth(deps: Deps, tokens: AccessTokens, clock: Clock, config: Config) -> Auth:
    return Auth(deps.pool, deps.redis, tokens, clock, AuthSettings(
        config.refresh_token_ttl_s, config.refresh_grace_s,
        config.token_rate_per_client, config.token_burst_per_client,
        config.token_rate_per_peer, config.token_burst_per_peer,
        config.client_lockout_failures, config.client_lockout_window_s,
        config.client_lockout_s), deps.scripts)


def server_interceptors(*, tokens: AccessTokens, signing_keys: SigningKeys, scripts: Scripts, clock: Clock,
                        sign_reads: bool, tracer=None) -> list:
    """The server's interceptors: one Chain of the stages, outermost first, in the order of this
    module's docstring."""
    from server.chain import Chain
    from server.deadline import DeadlineInterceptor
    from server.interceptors import (DecodingInterceptor, ErrorInterceptor, MetricsInterceptor,
                                     RequestIdInterceptor)
    from server.security import (AdmissionInterceptor, AuthenticationInterceptor, RateLimitInterceptor,
                                 SigningInterceptor)

    return [Chain([DeadlineInterceptor(), RequestIdInterceptor(), MetricsInterceptor(tracer), ErrorInterceptor(),
                   DecodingInterceptor(), AuthenticationInterceptor(tokens), RateLimitInterceptor(),
                   SigningInterceptor(signing_keys, clock, sign_reads, scripts=scripts),
                   AdmissionInterceptor(scripts, signing_keys)])]
