"""The outbox's delivery side and its operator RPCs: webhooks, ListEvents / RetryEvent, the
delivery task every worker runs (README "Events", DESIGN.md section 5b).

Events are written by the handlers themselves (core/adapters/postgres/outbox.py event_row, in
their Prepared rows). Here:

- `Dispatcher.run` (one task per worker process; any number of workers): fans new events out
  into one delivery per subscribed webhook, then claims due deliveries with
  `SELECT ... FOR UPDATE SKIP LOCKED LIMIT n`, moves them one lease ahead (a worker killed
  mid-delivery leaves them to be redelivered after the lease, same event id), POSTs them, and
  records the outcome: delivered, or the next attempt after an exponential backoff with full
  jitter, or - after `attempts_max` attempts - parked as failed.
- Ordering per aggregate (an account, or an offer for revocations): a delivery is claimed only
  when no earlier event of its aggregate is still pending, so an aggregate's events reach every
  webhook in commit order; a parked (failed) event no longer holds the later ones back.
- A delivery's end locks its event row first, so concurrent ends of one event's deliveries
  (and RetryEvent) decide the event's state one after the other.
"""

from __future__ import annotations

import asyncio
import base64
import dataclasses
import datetime as dt
import logging
import secrets
import uuid
from dataclasses import dataclass
from urllib.parse import urlsplit

from core.adapters.postgres import outbox as store
from core.adapters.postgres.ledger_writer import Row
from core.adapters.postgres.outbox import ClaimedDelivery, EventRecord, OutboxStore, WebhookRecord, event_row
from core.adapters.sealing import MasterKeys, webhook_secret_context
from core.adapters.webhooks import UrlGuard, WebhookSender
from core.domain import limits
from core.domain.errors import DomainError, ErrorReason, field_invalid, field_required, field_too_long
from core.domain.outbox import EVENT_TYPES, STATES, backoff_s, body
from core.service import paging
from core.service.accounts import validate_request_id
from core.service.context import Caller, Deps
from core.service.idempotent import Prepared, execute_once, execute_retrying

__all__ = ["CreateWebhook", "Deleted", "Dispatcher", "EventQuery", "EventView", "Events", "RetryEvent",
           "UpdateWebhook", "Webhook", "WebhookCommand", "WebhookWithSecret", "evented", "offer_ended", "tier_changed",
           "validate_event_types",
           "validate_url", "webhook_secret_context", "with_events"]

log = logging.getLogger(__name__)


def with_events(prepared: Prepared, *rows: Row) -> Prepared:
    """`prepared` with outbox rows added - only when it changes something (rows to commit): a
    request that changes nothing reports no event."""
    if not prepared.rows:
        return prepared
    return dataclasses.replace(prepared, rows=prepared.rows + rows)


def evented(prepare, clock, org_id: str, type: str, aggregate_type: str, aggregate_of):
    """`prepare` whose Prepared also carries the event `type` about aggregate `aggregate_of(result)`,
    with the result's JSON as payload (see with_events: only when the request changes something)."""

    async def prepared():
        done = await prepare()
        if not done.rows:
            return done
        result = done.result
        payload = result.to_json()
        return dataclasses.replace(with_events(done, event_row(org_id, type, aggregate_type, aggregate_of(result),
                                                               payload, clock.now())), result_json=(result, payload))

    return prepared


def tier_changed(org_id: str, account_id: str, program_id: str, from_tier_id: str | None, to_tier_id: str | None,
                 at: dt.datetime, cause: str) -> tuple[Row, ...]:
    """The tier.changed event of an account moving from one tier (None: none) to another, to be
    committed with the change; nothing when the tier stays."""
    if from_tier_id == to_tier_id:
        return ()
    return (event_row(org_id, "tier.changed", "account", account_id, {
        "account_id": account_id, "program_id": program_id, "from_tier_id": from_tier_id or "",
        "to_tier_id": to_tier_id or "", "cause": cause, "change_time": at.isoformat()}, at),)


def offer_ended(org_id: str, offer_id: str, at: dt.datetime, cause: str) -> Row:
    """The offer.ended event: an ACTIVE offer was deactivated (DeactivateOffer), committed with
    the change."""
    return event_row(org_id, "offer.ended", "offer", offer_id, {
        "offer_id": offer_id, "cause": cause, "end_time": at.isoformat()}, at)


# ---------------------------------------------------------------------------------------------
# Webhooks


@dataclass(frozen=True, slots=True)
class Webhook:
    webhook_id: str
    url: str
    event_types: tuple[str, ...]
    create_time: dt.datetime
    update_time: dt.datetime
    version: int = 1

    def to_json(self) -> dict:
        return {"webhook_id": self.webhook_id, "url": self.url, "event_types": list(self.event_types),
                "create_time": self.create_time.isoformat(), "update_time": self.update_time.isoformat(),
                "version": self.version}

    @classmethod
    def from_json(cls, data: dict) -> Webhook:
        return cls(data["webhook_id"], data["url"], tuple(data["event_types"]),
                   dt.datetime.fromisoformat(data["create_time"]), dt.datetime.fromisoformat(data["update_time"]),
                   data["version"])

    @classmethod
    def of(cls, record: WebhookRecord) -> Webhook:
        return cls(record.webhook_id, record.url, tuple(record.event_types), record.create_time, record.update_time,
                   record.version)


@dataclass(frozen=True, slots=True)
class WebhookWithSecret:
    """A create's or rotation's reply: the secret travels sealed in the stored outcome (a retry of
    the request shows the same secret), opened only for the reply."""

    webhook: Webhook
    secret_sealed: bytes

    def to_json(self) -> dict:
        return {"webhook": self.webhook.to_json(), "secret_sealed": base64.b64encode(self.secret_sealed).decode()}


@dataclass(frozen=True, slots=True)
class Deleted:
    webhook_id: str

    def to_json(self) -> dict:
        return {"webhook_id": self.webhook_id}

    @classmethod
    def from_json(cls, data: dict) -> Deleted:
        return cls(data["webhook_id"])


@dataclass(frozen=True, slots=True)
class CreateWebhook:
    request_id: str
    url: str
    event_types: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class UpdateWebhook:
    request_id: str
    webhook_id: str
    url: str
    event_types: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class WebhookCommand:
    """DeleteWebhook, RotateWebhookSecret."""

    request_id: str
    webhook_id: str


@dataclass(frozen=True, slots=True)
class RetryEvent:
    request_id: str
    event_id: str


@dataclass(frozen=True, slots=True)
class EventQuery:
    state: str = ""
    type: str = ""
    page_size: int = 0
    page_token: str = ""


@dataclass(frozen=True, slots=True)
class EventView:
    event_id: str
    type: str
    aggregate_type: str
    aggregate_id: str
    occurred_at: dt.datetime
    payload: dict
    state: str
    attempt_count: int
    last_error: str

    def to_json(self) -> dict:
        return {**dataclasses.asdict(self), "occurred_at": self.occurred_at.isoformat()}

    @classmethod
    def from_json(cls, data: dict) -> EventView:
        return cls(**{**data, "occurred_at": dt.datetime.fromisoformat(data["occurred_at"])})

    @classmethod
    def of(cls, record: EventRecord) -> EventView:
        return cls(record.event_id, record.type, record.aggregate_type, record.aggregate_id, record.occurred_at,
                   record.payload, record.state, record.attempt_count, record.last_error)


def validate_url(url: str) -> None:
    if not url:
        raise field_required("url")
    if len(url) > limits.WEBHOOK_URL_LENGTH_MAX:
        raise field_too_long("url", limits.WEBHOOK_URL_LENGTH_MAX)
    try:
        parts = urlsplit(url)
    except ValueError:
        raise field_invalid("url", "an absolute http or https URL") from None
    if parts.scheme not in ("http", "https") or not parts.hostname or not url.isprintable() or " " in url:
        raise field_invalid("url", "an absolute http or https URL")


def validate_event_types(event_types: tuple[str, ...], field: str = "event_types") -> None:
    if not event_types:
        raise field_required(field)
    if len(event_types) > limits.WEBHOOK_EVENT_TYPES_MAX:
        raise DomainError(ErrorReason.FIELD_OUT_OF_RANGE, metadata={
            "field": field, "max": str(limits.WEBHOOK_EVENT_TYPES_MAX)})
    if len(set(event_types)) != len(event_types):
        raise field_invalid(field, "no duplicates")
    for event_type in event_types:
        if event_type not in EVENT_TYPES:
            raise field_invalid(field, "known event types: " + ", ".join(sorted(EVENT_TYPES)))


def _uuid(value: str, field: str) -> str:
    if not value:
        raise field_required(field)
    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise field_invalid(field, "a UUID") from None


class Events:
    """WebhookService and EventService."""

    def __init__(self, deps: Deps, master_keys: MasterKeys, *, outbox: OutboxStore | None = None,
                 url_guard: UrlGuard | None = None) -> None:
        self._deps = deps
        self._keys = master_keys
        self._outbox = outbox or OutboxStore(deps.pool)
        self._guard = url_guard or UrlGuard()

    async def _check_url(self, url: str, field: str) -> None:
        """The SSRF guard (adapters/webhooks.py UrlGuard): a host that resolves to a non-public
        address is refused unless the server allows them."""
        forbidden = await self._guard.forbidden(url)
        if forbidden is not None:
            raise DomainError(ErrorReason.WEBHOOK_URL_FORBIDDEN,
                              f"{field} host {forbidden.host} resolves to {forbidden.address or 'nothing'}"
                              f" ({forbidden.range})",
                              {"field": field, "host": forbidden.host, "address": forbidden.address,
                               "range": forbidden.range})

    def open_secret(self, result: WebhookWithSecret) -> str:
        return self._keys.open(result.secret_sealed, webhook_secret_context(result.webhook.webhook_id)).decode()

    def _decode_with_secret(self, data: dict) -> WebhookWithSecret:
        return WebhookWithSecret(Webhook.from_json(data["webhook"]), base64.b64decode(data["secret_sealed"]))

    def _new_secret(self, webhook_id: str) -> bytes:
        plain = secrets.token_hex(limits.WEBHOOK_SECRET_BYTES).encode()
        return self._keys.seal(plain, webhook_secret_context(webhook_id))

    def _row(self, caller: Caller, request_id: str, webhook: Webhook, sealed: bytes, deleted: bool) -> Row:
        return store.webhook_change_row(
            webhook_id=webhook.webhook_id, version=webhook.version, org_id=caller.org_id, url=webhook.url,
            event_types=webhook.event_types, secret_sealed=sealed, deleted=deleted, change_time=webhook.update_time,
            request_id=request_id, client_id=caller.client_id)

    async def create_webhook(self, command: CreateWebhook, caller: Caller) -> WebhookWithSecret:
        validate_request_id(command.request_id)
        validate_url(command.url)
        validate_event_types(command.event_types, "webhook.event_types")
        await self._check_url(command.url, "webhook.url")

        async def prepare() -> Prepared[WebhookWithSecret]:
            if await self._outbox.live_webhook_count(caller.org_id) >= limits.WEBHOOKS_PER_ORG_MAX:
                raise DomainError(ErrorReason.WEBHOOK_LIMIT_REACHED,
                                  metadata={"webhooks_max": limits.WEBHOOKS_PER_ORG_MAX})
            now = self._deps.clock.now()
            webhook = Webhook(str(uuid.uuid4()), command.url, command.event_types, now, now, 1)
            sealed = self._new_secret(webhook.webhook_id)
            return Prepared(WebhookWithSecret(webhook, sealed), (self._row(caller, command.request_id, webhook,
                                                                             sealed, False),))

        return await execute_once(self._deps, caller, "CreateWebhook", command, prepare, self._decode_with_secret)

    async def _current(self, webhook_id: str, caller: Caller) -> tuple[Webhook, bytes]:
        found = await self._outbox.webhook(caller.org_id, webhook_id)
        if found is None:
            raise DomainError(ErrorReason.WEBHOOK_NOT_FOUND, metadata={"webhook_id": webhook_id})
        return Webhook.of(found), found.secret_sealed

    def _lost(self, webhook_id: str) -> dict:
        return {store.WEBHOOK_CHANGES_PKEY: DomainError(ErrorReason.WEBHOOK_CHANGED_CONCURRENTLY,
                                                    metadata={"webhook_id": webhook_id})}

    async def update_webhook(self, command: UpdateWebhook, caller: Caller) -> Webhook:
        validate_request_id(command.request_id)
        webhook_id = _uuid(command.webhook_id, "webhook_id")
        if command.url:
            validate_url(command.url)
        if command.event_types:
            validate_event_types(command.event_types)
        if command.url:
            await self._check_url(command.url, "url")

        async def prepare() -> Prepared[Webhook]:
            current, sealed = await self._current(webhook_id, caller)
            changed = dataclasses.replace(current, url=command.url or current.url,
                                          event_types=command.event_types or current.event_types,
                                          update_time=self._deps.clock.now(), version=current.version + 1)
            return Prepared(changed, (self._row(caller, command.request_id, changed, sealed, False),),
                            self._lost(webhook_id))

        return await execute_retrying(self._deps, caller, "UpdateWebhook", command, prepare, Webhook.from_json,
                                      ErrorReason.WEBHOOK_CHANGED_CONCURRENTLY)

    async def delete_webhook(self, command: WebhookCommand, caller: Caller) -> Deleted:
        validate_request_id(command.request_id)
        webhook_id = _uuid(command.webhook_id, "webhook_id")

        async def prepare() -> Prepared[Deleted]:
            current, sealed = await self._current(webhook_id, caller)
            changed = dataclasses.replace(current, update_time=self._deps.clock.now(), version=current.version + 1)
            return Prepared(Deleted(webhook_id), (self._row(caller, command.request_id, changed, sealed, True),),
                            self._lost(webhook_id))

        return await execute_retrying(self._deps, caller, "DeleteWebhook", command, prepare, Deleted.from_json,
                                      ErrorReason.WEBHOOK_CHANGED_CONCURRENTLY)

    async def rotate_secret(self, command: WebhookCommand, caller: Caller) -> WebhookWithSecret:
        validate_request_id(command.request_id)
        webhook_id = _uuid(command.webhook_id, "webhook_id")

        async def prepare() -> Prepared[WebhookWithSecret]:
            current, _ = await self._current(webhook_id, caller)
            changed = dataclasses.replace(current, update_time=self._deps.clock.now(), version=current.version + 1)
            sealed = self._new_secret(webhook_id)
            return Prepared(WebhookWithSecret(changed, sealed),
                            (self._row(caller, command.request_id, changed, sealed, False),), self._lost(webhook_id))

        return await execute_retrying(self._deps, caller, "RotateWebhookSecret", command, prepare,
                                      self._decode_with_secret, ErrorReason.WEBHOOK_CHANGED_CONCURRENTLY)

    async def list_webhooks(self, caller: Caller) -> list[Webhook]:
        return [Webhook.of(record) for record in await self._outbox.webhooks(caller.org_id)]

    # -----------------------------------------------------------------------------------------
    # Events

    async def list_events(self, query: EventQuery, caller: Caller) -> tuple[list[EventView], str]:
        """The organisation's events (of `state` and `type` when set), newest first."""
        size = paging.page_size(query.page_size, limits.EVENT_LIST_PAGE_SIZE_DEFAULT, limits.EVENT_LIST_PAGE_SIZE_MAX)
        if query.state and query.state not in STATES:
            raise field_invalid("state", "one of " + ", ".join(STATES))
        if query.type and query.type not in EVENT_TYPES:
            raise field_invalid("type", "a known event type")
        scope = paging.query_scope(query)
        before = paging.decode(query.page_token, scope, (paging.INT,))
        rows = await self._outbox.events(caller.org_id, state=query.state, type=query.type,
                                         before_seq=None if before is None else before[0], limit=size + 1)  # type: ignore[arg-type]
        token = paging.encode((rows[size - 1].seq,), scope) if len(rows) > size else ""
        return [EventView.of(row) for row in rows[:size]], token

    async def _event(self, event_id: str, caller: Caller) -> EventView | None:
        found = await self._outbox.event(caller.org_id, event_id)
        return None if found is None else EventView.of(found)

    async def retry_event(self, command: RetryEvent, caller: Caller) -> EventView:
        validate_request_id(command.request_id)
        event_id = _uuid(command.event_id, "event_id")

        async def prepare() -> Prepared[EventView]:
            event = await self._event(event_id, caller)
            if event is None:
                raise DomainError(ErrorReason.EVENT_NOT_FOUND, metadata={"event_id": event_id})
            if event.state != "failed":
                raise DomainError(ErrorReason.EVENT_NOT_FAILED, metadata={"event_id": event_id, "state": event.state})
            now = self._deps.clock.now()
            row = store.event_retry_row(event_id=event_id, org_id=caller.org_id, retry_time=now,
                                        request_id=command.request_id, client_id=caller.client_id)
            retried = dataclasses.replace(event, state="pending", attempt_count=0, last_error="")
            return Prepared(retried, (row,), {store.EVENT_RETRIES_NOT_FAILED: DomainError(
                ErrorReason.EVENT_NOT_FAILED, metadata={"event_id": event_id})})

        return await execute_once(self._deps, caller, "RetryEvent", command, prepare, EventView.from_json)


# ---------------------------------------------------------------------------------------------
# Delivery

class Dispatcher:
    """One per worker process; every worker runs one (claims make them share the work)."""

    def __init__(self, deps: Deps, master_keys: MasterKeys, sender: WebhookSender, *,
                 backoff_base_s: float = limits.EVENT_BACKOFF_BASE_S_DEFAULT,
                 attempts_max: int = limits.EVENT_DELIVERY_ATTEMPTS_MAX,
                 batch_max: int = limits.EVENT_CLAIM_BATCH_MAX,
                 lease_s: float = limits.EVENT_DELIVERY_LEASE_S, outbox: OutboxStore | None = None) -> None:
        self._deps = deps
        self._outbox = outbox or OutboxStore(deps.pool)
        self._keys = master_keys
        self._sender = sender
        self._backoff_base_s = backoff_base_s
        self._attempts_max = attempts_max
        self._batch_max = batch_max
        self._lease_s = lease_s

    async def run(self, poll_s: float) -> None:
        while True:
            try:
                busy = await self.run_once()
            except asyncio.CancelledError:
                raise
            except Exception as error:  # noqa: BLE001 - Postgres away: try again on the next round.
                log.warning("event delivery round failed: %s", error)
                busy = 0
            if not busy:
                await asyncio.sleep(poll_s)
            elif busy < limits.EVENT_FAN_OUT_BATCH_MAX:
                await asyncio.sleep(min(poll_s, limits.EVENT_BUSY_PAUSE_S))  # Let the next round take more.

    async def run_once(self) -> int:
        """Fan out new events, deliver the due deliveries; how many of both there were."""
        fanned = await self._fan_out()
        claimed = await self._claim()
        await asyncio.gather(*(self._deliver(c) for c in claimed))
        return fanned + len(claimed)

    async def _fan_out(self) -> int:
        return await self._outbox.fan_out(limits.EVENT_FAN_OUT_BATCH_MAX)

    async def _claim(self) -> list[ClaimedDelivery]:
        return await self._outbox.claim(self._batch_max, self._lease_s)

    async def _deliver(self, claimed: ClaimedDelivery) -> None:
        if claimed.deleted:
            await self._end(claimed, "delivered", "webhook deleted before delivery", 0)
            return
        try:
            secret = self._keys.open(claimed.secret_sealed, webhook_secret_context(claimed.webhook_id))
            content = body(claimed.event_id, claimed.type, claimed.occurred_at, claimed.aggregate_type,
                           claimed.aggregate_id, claimed.payload)
            error = await self._sender.send(claimed.url, secret, claimed.event_id, content,
                                            int(self._deps.clock.now().timestamp()))
        except Exception as failure:  # noqa: BLE001 - a failed attempt like any other.
            error = f"{type(failure).__name__}: {failure}"[:500]
        if error is None:
            await self._end(claimed, "delivered", "", 0)
        elif claimed.attempt >= self._attempts_max:
            log.warning("event delivery parked as failed", extra={
                "event_id": claimed.event_id, "webhook_id": claimed.webhook_id, "attempts": claimed.attempt})
            await self._end(claimed, "failed", error, 0)
        else:
            await self._end(claimed, "pending", error, backoff_s(claimed.attempt, self._backoff_base_s))

    async def _end(self, claimed: ClaimedDelivery, state: str, error: str, wait_s: float) -> None:
        await self._outbox.end(event_id=claimed.event_id, webhook_id=claimed.webhook_id, state=state, error=error,
                               wait_s=wait_s)
