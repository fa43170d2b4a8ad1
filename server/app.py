"""One worker process: its own event loop, Redis client, Postgres pool, ledger writer, gRPC server."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
from pathlib import Path

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_health.v1._async import HealthServicer
from grpc_reflection.v1alpha import reflection

from core.adapters.otp import sender_from_spec
from core.adapters.sealing import MasterKeys
from core.adapters.postgres import partitions
from core.adapters.postgres.migrations import pending_versions
from core.adapters.signing_keys import SigningKeys
from core.adapters.tokens import KeyRing
from core.domain import limits
from core.domain.clock import Clock, SystemClock
from core.service.clients import rebuild_client_states
from core.adapters.webhooks import UrlGuard, WebhookSender
from server import bootstrap, metrics, tracing
from core.service.idempotent import settle_all
from server.config import Config
from server.servicers import SERVICES, add_servicers

log = logging.getLogger("rewards.worker")

SERVING = health_pb2.HealthCheckResponse.SERVING
NOT_SERVING = health_pb2.HealthCheckResponse.NOT_SERVING
MIGRATION_POLL_S = 1
RESERVATION_SWEEP_S = 10


class Worker:
    """Build with the resolved store URLs and a concrete bind address, then `start`/`stop`."""

    def __init__(self, config: Config, redis_url: str, database_url: str, address: str,
                 clock: Clock | None = None) -> None:
        self.config = config
        self.redis_url = redis_url
        self.database_url = database_url
        self.address = address
        self.clock = clock or SystemClock()
        self.port: int | None = None
        self.health = HealthServicer()
        self._tasks: list[asyncio.Task] = []

    async def start(self) -> int:
        loop = asyncio.get_running_loop()
        await self._set_health(NOT_SERVING)
        self.redis = bootstrap.redis_client(self.redis_url, self.config.redis_pool_size_max)
        self.pool = await bootstrap.open_pool(self.database_url, size_max=self.config.postgres_pool_size_max,
                                              wait_s_max=self.config.postgres_wait_s,
                                              on_breaker_change=lambda _: self._refresh_health())
        self.deps = bootstrap.build_deps(self.pool, self.redis, self.clock, linger_ms=self.config.ledger_linger_ms,
                                         observe_script=metrics.observe_script, observe_batch=metrics.observe_batch,
                                         idempotency_retention_s=self.config.idempotency_retention_s)
        self.scripts, self.writer = self.deps.scripts, self.deps.writer
        self.guard = bootstrap.state_guard(self.deps, client_states=True, on_readiness=self._on_readiness)
        self.master_keys = MasterKeys.from_file(self.config.master_key_path())
        self.message_senders = self.config.message_senders()
        sender = sender_from_spec(self.config.otp_sender_spec(), self.config.otp_webhook_secret, self.message_senders)
        self.engines = bootstrap.Engines(self.deps, self.guard, otp_sender=sender,
                                         otp_rate_max=self.config.otp_rate_max, master_keys=self.master_keys,
                                         url_guard=UrlGuard(self.config.webhook_allow_private),
                                         message_sender=self.message_senders, config=self.config)
        self.coupons, self.points = self.engines.coupons, self.engines.points
        self.keyring = KeyRing(self.pool, self.master_keys)
        await self.keyring.ensure_active()
        tokens = bootstrap.access_tokens(self.keyring, self.clock, self.config)
        self.auth = bootstrap.build_auth(self.deps, tokens, self.clock, self.config)
        signing_keys = SigningKeys(self.pool, self.master_keys)
        self.server = grpc.aio.server(interceptors=bootstrap.server_interceptors(
            tokens=tokens, signing_keys=signing_keys, scripts=self.scripts, clock=self.clock,
            sign_reads=self.config.sign_reads, tracer=tracing.configure()))
        self.checkout, self.events = self.engines.checkout, self.engines.events
        self.jobs = self.engines.jobs
        add_servicers(self.server, self.deps, self.auth, self.coupons, self.points, self.checkout, self.events,
                      self.engines.messenger, self.jobs)
        health_pb2_grpc.add_HealthServicer_to_server(self.health, self.server)
        reflection.enable_server_reflection(
            [*SERVICES, health_pb2.DESCRIPTOR.services_by_name["Health"].full_name,
             reflection.SERVICE_NAME], self.server)
        credentials = server_credentials(self.config)
        self.port = (self.server.add_secure_port(self.address, credentials) if credentials
                     else self.server.add_insecure_port(self.address))
        if self.port == 0:
            raise RuntimeError(f"could not bind {self.address}")
        await self.server.start()
        await self._wait_for_migrations()
        async with self.pool.connection() as connection:  # Clients disabled while Redis was not told.
            await rebuild_client_states(self.redis, connection, 0)
        await self.guard.ensure()
        self._tasks.append(loop.create_task(self.guard.watch(), name="redis-state-watch"))
        self._tasks.append(loop.create_task(self._reload_keys(), name="signing-key-reload"))
        self._tasks.append(loop.create_task(self._sweep_reservations(), name="reservation-sweep"))
        self._tasks.append(loop.create_task(metrics.sample_forever(self.pool, self.redis), name="metrics-sampler"))
        # Background jobs (README "Background jobs"): this worker's share of the runnable jobs.
        self._tasks.append(loop.create_task(self.jobs.run(), name="job-runner"))
        if self.config.expiry_interval_s > 0:
            self._tasks.append(loop.create_task(self._expire_points(), name="points-expiry"))
        if self.config.partition_interval_s > 0:
            self._tasks.append(loop.create_task(self._maintain_partitions(), name="partition-timer"))
        if self.config.event_poll_s > 0:  # The outbox's delivery task (README "Events").
            self.webhook_sender = WebhookSender(guard=self.engines.url_guard)
            dispatcher = self.engines.dispatcher(self.webhook_sender, self.config)
            self._tasks.append(loop.create_task(dispatcher.run(self.config.event_poll_s), name="event-delivery"))
            # Messages to people: coupon delivery, resends, expiry reminders (README "Events").
            self._tasks.append(loop.create_task(self.engines.messenger.run(self.config.event_poll_s),
                                                name="message-delivery"))
        log.info("worker serving", extra={"port": self.port, "pid": os.getpid()})
        return self.port

    async def _reload_keys(self) -> None:
        """Pick up a rotated signing key (`rewards-core keys rotate`) for the tokens issued here."""
        while True:
            await asyncio.sleep(limits.KEYRING_REFRESH_SECONDS)
            try:
                await self.keyring.load()
            except Exception as error:  # noqa: BLE001 - keep the keys we have; try again later.
                log.warning("could not reload signing keys: %s", error)

    async def _sweep_reservations(self) -> None:
        """Settle coupon reservations a crashed worker left behind (confirm or release)."""
        while True:
            await asyncio.sleep(RESERVATION_SWEEP_S)
            try:
                await self.checkout.sweep_expired()  # Expired baskets first: their holds go back.
                async with self.pool.connection() as connection:
                    cursor = await connection.execute("SELECT offer_id::text FROM offers WHERE state = 2")
                    offer_ids = [row[0] for row in await cursor.fetchall()]
                confirmed, released = await self.coupons.sweep_reservations(offer_ids)
                wallet_confirmed, wallet_released = await self.points.wallets.sweep()
                confirmed, released = confirmed + wallet_confirmed, released + wallet_released
                if confirmed or released:
                    log.warning("settled reservations", extra={"confirmed": confirmed, "released": released})
            except Exception as error:  # noqa: BLE001 - try again on the next round.
                log.warning("reservation sweep failed: %s", error)

    async def _expire_points(self) -> None:
        """Expire due points lots and evaluate tiers on a timer (every worker runs it; lots are claimed per request
        key, so two workers never expire one lot twice)."""
        while True:
            await asyncio.sleep(self.config.expiry_interval_s)
            try:
                expired = await self.points.expire_due()
                moved = await self.points.evaluate_tiers()
                if expired or moved:
                    log.info("expired points lots, evaluated tiers", extra={"lots": expired, "tier_moves": moved})
            except Exception as error:  # noqa: BLE001 - try again on the next round.
                log.warning("points expiry failed: %s", error)

    async def _maintain_partitions(self) -> None:
        """Create the partitions of the coming days and drop the idempotency records past their
        retention (README "Postgres growth"), at start and then on a timer. Every worker runs it:
        each table's changes take an advisory lock and list the partitions again under it."""
        while True:
            try:
                done = await partitions.maintain(self.pool, self.clock.now(),
                                                 retention_s=self.config.idempotency_retention_s,
                                                 days_ahead=self.config.partitions_ahead_days,
                                                 skew_max_s=limits.PARTITION_CLOCK_SKEW_S_MAX)
                if done.skew_s is not None:
                    log.warning("idempotency retention skipped: this worker's clock is %.0f s from Postgres'",
                                done.skew_s)
                if done.created or done.dropped or done.expired_rows:
                    # (`created` is a LogRecord attribute: an extra of that name makes logging raise.)
                    log.info("partitions maintained", extra={"partitions_created": done.created,
                                                             "partitions_dropped": done.dropped,
                                                             "expired_rows": done.expired_rows})
            except Exception as error:  # noqa: BLE001 - try again on the next round.
                log.warning("partition maintenance failed: %s", error)
            await asyncio.sleep(self.config.partition_interval_s)

    async def _wait_for_migrations(self) -> None:
        """Stay NOT_SERVING until the schema is current (another process may be migrating)."""
        loop = asyncio.get_running_loop()
        while pending := await loop.run_in_executor(None, pending_versions, self.database_url):
            log.warning("waiting for migrations", extra={"pending": pending})
            await asyncio.sleep(MIGRATION_POLL_S)

    async def stop(self) -> None:
        """Stop accepting, let in-flight calls finish, flush the ledger, close the pools."""
        await self.health.enter_graceful_shutdown()
        # Background jobs first: their chunks in flight roll back, their leases go back (the
        # restarted worker, or another, goes on from the last committed chunk), their followers end.
        if getattr(self, "jobs", None) is not None:
            await self.jobs.stop()
        await self.server.stop(self.config.shutdown_grace_s)
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        if getattr(self, "webhook_sender", None) is not None:
            await self.webhook_sender.aclose()
        # Outcomes of commits in flight settle their reservations before the stores close.
        await settle_all(limits.LEDGER_WRITE_DEADLINE_MS / 1000)
        await self.writer.close()
        await self.pool.close()
        await self.redis.aclose()
        tracing.flush()
        log.info("worker stopped")

    def _on_readiness(self, ready: bool) -> None:
        self._state_ready = ready
        self._refresh_health()

    def _refresh_health(self) -> None:
        """SERVING while Redis state is loaded and Postgres reachable (its breaker closed);
        NOT_SERVING otherwise, so that load balancers and probes see an outage at once."""
        ready = getattr(self, "_state_ready", False) and not self.pool.breaker.open
        asyncio.get_running_loop().create_task(self._set_health(SERVING if ready else NOT_SERVING))

    async def _set_health(self, status) -> None:
        await self.health.set("", status)
        for service in SERVICES:
            await self.health.set(service, status)


def server_credentials(config: Config) -> grpc.ServerCredentials | None:
    """TLS from the configured PEM files; with a client CA, mutual TLS (client certificates required)."""
    if not config.tls_cert_file:
        return None
    read = lambda path: Path(path).read_bytes()  # noqa: E731
    root = read(config.tls_client_ca_file) if config.tls_client_ca_file else None
    return grpc.ssl_server_credentials([(read(config.tls_key_file), read(config.tls_cert_file))],
                                       root_certificates=root, require_client_auth=root is not None)


async def run_worker(config: Config, redis_url: str, database_url: str, address: str) -> None:
    worker = Worker(config, redis_url, database_url, address)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    orphan_watch = loop.create_task(_stop_when_orphaned(stop))
    await worker.start()
    await stop.wait()
    orphan_watch.cancel()
    log.info("worker shutting down")
    await worker.stop()



async def _stop_when_orphaned(stop: asyncio.Event, interval_s: float = 1.0) -> None:
    """A worker whose supervisor died (even by SIGKILL) shuts down gracefully on its own."""
    parent = os.getppid()
    while os.getppid() == parent:
        await asyncio.sleep(interval_s)
    log.error("supervisor is gone; shutting down")
    stop.set()
