"""The outbox: events (inserted with the change they report), webhooks, deliveries.

Outbox rows: a domain event, inserted with the change it reports (one ledger transaction).

A handler appends `event_row(...)` to its Prepared rows; the ledger writer commits it with the
change and the request's idempotency record, so an event exists exactly when its change does
(none after a rollback, none twice for a replayed request). The event id is chosen here, once,
and is the id every delivery of the event carries (receivers de-duplicate on it).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from dataclasses import dataclass

from psycopg.rows import class_row
from psycopg.types.json import Jsonb
from psycopg_pool import AsyncConnectionPool

from core.adapters.postgres.ledger_writer import Row
from core.domain.outbox import EVENT_TYPES

_COLUMNS = ("event_id", "org_id", "type", "aggregate_type", "aggregate_id", "payload", "occurred_at")


def event_row(org_id: str, type: str, aggregate_type: str, aggregate_id: str, payload: dict,
              occurred_at: dt.datetime) -> Row:
    """The outbox row of one event (a new, stable event id)."""
    assert type in EVENT_TYPES, type
    return Row("outbox_events", _COLUMNS, (str(uuid.uuid4()), org_id, type, aggregate_type, str(aggregate_id),
                                           Jsonb(payload), occurred_at))


async def insert_events(connection, rows) -> None:
    """Insert outbox rows on `connection`, inside the caller's transaction (for changes that are
    not written through the ledger writer: the event commits with them or not at all)."""
    for row in rows:
        assert row.table == "outbox_events", row.table
        await connection.execute(
            f"INSERT INTO outbox_events ({', '.join(row.columns)}) VALUES ({', '.join(['%s'] * len(row.columns))})",
            row.values)


# --- webhooks ---------------------------------------------------------------------------------

WEBHOOK_CHANGES_PKEY = "webhook_changes_pkey"
"""Violated by a webhook change that lost the race to another (the same next version)."""
EVENT_RETRIES_NOT_FAILED = "event_retries_not_failed"

_WEBHOOK_CHANGE_COLUMNS = ("webhook_id", "version", "org_id", "url", "event_types", "secret_sealed", "deleted",
                           "change_time", "request_id", "client_id")
_RETRY_COLUMNS = ("event_id", "org_id", "retry_time", "request_id", "client_id")
_WEBHOOK_SELECT = ("SELECT webhook_id::text AS webhook_id, url, event_types, create_time, update_time, version,"
                   " secret_sealed FROM webhooks")


@dataclass(frozen=True, slots=True)
class WebhookRecord:
    """A live webhook as stored (its secret sealed)."""

    webhook_id: str
    url: str
    event_types: list[str]
    create_time: dt.datetime
    update_time: dt.datetime
    version: int
    secret_sealed: bytes


def webhook_change_row(*, webhook_id: str, version: int, org_id: str, url: str, event_types: tuple[str, ...],
                       secret_sealed: bytes, deleted: bool, change_time: dt.datetime, request_id: str,
                       client_id: str) -> Row:
    """Version `version` of the webhook (1 creates it; its trigger applies it to `webhooks`)."""
    return Row("webhook_changes", _WEBHOOK_CHANGE_COLUMNS, (
        webhook_id, version, org_id, url, list(event_types), secret_sealed, deleted, change_time, request_id,
        client_id))


def event_retry_row(*, event_id: str, org_id: str, retry_time: dt.datetime, request_id: str, client_id: str) -> Row:
    return Row("event_retries", _RETRY_COLUMNS, (event_id, org_id, retry_time, request_id, client_id))


# --- events -----------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class EventRecord:
    """An outbox event with its delivery summary (attempts over every webhook, the last error)."""

    seq: int
    event_id: str
    type: str
    aggregate_type: str
    aggregate_id: str
    occurred_at: dt.datetime
    payload: dict
    state: str
    attempt_count: int
    last_error: str


_EVENT_SELECT = (
    "SELECT e.seq, e.event_id::text AS event_id, e.type, e.aggregate_type, e.aggregate_id, e.occurred_at,"
    " e.payload, e.state, coalesce(sum(d.attempts), 0)::int AS attempt_count,"
    " coalesce(max(d.last_error) FILTER (WHERE d.last_error <> ''), '') AS last_error"
    " FROM outbox_events e LEFT JOIN webhook_deliveries d ON d.event_id = e.event_id")
_EVENT_GROUP = " GROUP BY e.event_id, e.seq, e.type, e.aggregate_type, e.aggregate_id, e.occurred_at, e.payload, e.state"
"""Every selected column of the event: the partitioned outbox (0035) has no primary key on the
parent for GROUP BY e.event_id alone to imply them."""


@dataclass(frozen=True, slots=True)
class ClaimedDelivery:
    """A due delivery, claimed (moved one lease ahead) by this worker."""

    event_id: str
    webhook_id: str
    attempt: int
    type: str
    occurred_at: dt.datetime
    aggregate_type: str
    aggregate_id: str
    payload: dict
    url: str
    secret_sealed: bytes
    deleted: bool


_FAN_OUT = (
    "WITH batch AS (SELECT event_id, org_id, type, seq FROM outbox_events WHERE NOT dispatched ORDER BY seq"
    "               LIMIT %s FOR UPDATE SKIP LOCKED),"
    " subscribed AS (INSERT INTO webhook_deliveries (event_id, webhook_id, org_id, seq, next_attempt_at)"
    "               SELECT b.event_id, w.webhook_id, b.org_id, b.seq, now() FROM batch b JOIN webhooks w"
    "                 ON w.org_id = b.org_id AND NOT w.deleted AND b.type = ANY (w.event_types)"
    "               RETURNING event_id)"
    " UPDATE outbox_events e SET dispatched = true,"
    "  state = CASE WHEN e.event_id IN (SELECT event_id FROM subscribed) THEN e.state ELSE 'delivered' END,"
    "  settled_at = CASE WHEN e.event_id IN (SELECT event_id FROM subscribed) THEN NULL ELSE now() END"
    " FROM batch WHERE e.event_id = batch.event_id")
"""One statement per batch: each new event becomes one delivery per webhook of its org subscribed
to its type (none: DELIVERED at once)."""
_CLAIM = ("SELECT d.event_id::text AS event_id, d.webhook_id::text AS webhook_id, d.attempts + 1 AS attempt,"
          " e.type, e.occurred_at, e.aggregate_type, e.aggregate_id, e.payload, w.url, w.secret_sealed, w.deleted"
          " FROM webhook_deliveries d JOIN outbox_events e ON e.event_id = d.event_id"
          " JOIN webhooks w ON w.webhook_id = d.webhook_id"
          " WHERE d.state = 'pending' AND d.next_attempt_at <= now()"
          " AND NOT EXISTS (SELECT 1 FROM outbox_events p WHERE p.org_id = e.org_id"
          "   AND p.aggregate_type = e.aggregate_type AND p.aggregate_id = e.aggregate_id"
          "   AND p.seq < e.seq AND p.state = 'pending')"
          " ORDER BY d.seq LIMIT %s FOR UPDATE OF d SKIP LOCKED")
_LEASE = ("UPDATE webhook_deliveries SET attempts = attempts + 1,"
          " next_attempt_at = now() + make_interval(secs => %s) WHERE event_id = %s AND webhook_id = %s")
_END = ("UPDATE webhook_deliveries SET state = %(state)s,"
        " last_error = CASE WHEN %(error)s = '' THEN last_error ELSE %(error)s END,"
        " next_attempt_at = now() + make_interval(secs => %(wait)s),"
        " delivered_at = CASE WHEN %(state)s = 'delivered' THEN now() END"
        " WHERE event_id = %(event)s AND webhook_id = %(webhook)s AND state = 'pending'")
_SETTLE = ("UPDATE outbox_events e SET state = s.state, settled_at = CASE WHEN s.state <> 'pending' THEN now() END"
           " FROM (SELECT CASE WHEN bool_or(state = 'pending') THEN 'pending'"
           "                   WHEN bool_or(state = 'failed') THEN 'failed' ELSE 'delivered' END AS state"
           "       FROM webhook_deliveries WHERE event_id = %(event)s) s"
           " WHERE e.event_id = %(event)s AND s.state IS NOT NULL")


_OFFERS_ENDED = (
    # ACTIVE offers whose end_time has come, not reported yet: one offer.ended event each (the
    # unique index outbox_offer_ended_by_time decides between workers), at the end time.
    "WITH ended AS (SELECT org_id, offer_id::text AS offer_id, definition->'rules'->>'end_time' AS end_text"
    "                 FROM offers WHERE state = 2 AND definition->'rules'->>'end_time' IS NOT NULL"
    "                  AND (definition->'rules'->>'end_time')::timestamptz <= %(now)s)"
    " INSERT INTO outbox_events (event_id, org_id, type, aggregate_type, aggregate_id, payload, occurred_at)"
    " SELECT gen_random_uuid(), e.org_id, 'offer.ended', 'offer', e.offer_id,"
    "        jsonb_build_object('offer_id', e.offer_id, 'cause', 'end_time', 'end_time', e.end_text),"
    "        e.end_text::timestamptz"
    "   FROM ended e WHERE NOT EXISTS (SELECT 1 FROM outbox_events x WHERE x.type = 'offer.ended'"
    "        AND x.payload->>'cause' = 'end_time' AND x.aggregate_id = e.offer_id"
    "        AND x.occurred_at = e.end_text::timestamptz)"
    "  LIMIT %(limit)s"
    " ON CONFLICT (aggregate_id, occurred_at) WHERE type = 'offer.ended' AND payload->>'cause' = 'end_time'"
    " DO NOTHING")


class OutboxStore:
    """Webhooks, events and their deliveries."""

    def __init__(self, pool: AsyncConnectionPool) -> None:
        self._pool = pool

    async def report_ended_offers(self, now: dt.datetime, batch_max: int) -> int:
        """Write offer.ended for up to `batch_max` ACTIVE offers whose end_time has come (once each)."""
        async with self._pool.connection() as connection:
            cursor = await connection.execute(_OFFERS_ENDED, {"now": now, "limit": batch_max})
            return cursor.rowcount

    async def live_webhook_count(self, org_id: str) -> int:
        async with self._pool.connection() as connection:
            cursor = await connection.execute(
                "SELECT count(*) FROM webhooks WHERE org_id = %s AND NOT deleted", (org_id,))
            (count,) = await cursor.fetchone()
        return count

    async def _webhooks(self, query: str, params) -> list[WebhookRecord]:
        async with self._pool.connection() as connection:
            cursor = connection.cursor(row_factory=class_row(WebhookRecord))
            await cursor.execute(query, params)
            rows = await cursor.fetchall()
        return [WebhookRecord(r.webhook_id, r.url, list(r.event_types), r.create_time, r.update_time, r.version,
                              bytes(r.secret_sealed)) for r in rows]

    async def webhook(self, org_id: str, webhook_id: str) -> WebhookRecord | None:
        found = await self._webhooks(_WEBHOOK_SELECT + " WHERE webhook_id = %s AND org_id = %s AND NOT deleted",
                                     (webhook_id, org_id))
        return found[0] if found else None

    async def webhooks(self, org_id: str) -> list[WebhookRecord]:
        """The organisation's live webhooks, oldest first."""
        return await self._webhooks(_WEBHOOK_SELECT + " WHERE org_id = %s AND NOT deleted"
                                    " ORDER BY create_time, webhook_id", (org_id,))

    async def events(self, org_id: str, *, state: str, type: str, before_seq: int | None,
                     limit: int) -> list[EventRecord]:
        """The organisation's events (of `state` and `type` when not empty), newest first, before
        `before_seq`."""
        sql = (_EVENT_SELECT + " WHERE e.org_id = %(org)s AND (%(state)s = '' OR e.state = %(state)s)"
               " AND (%(type)s = '' OR e.type = %(type)s) AND (%(before)s::bigint IS NULL OR e.seq < %(before)s)"
               + _EVENT_GROUP + " ORDER BY e.seq DESC LIMIT %(limit)s")
        async with self._pool.connection() as connection:
            cursor = connection.cursor(row_factory=class_row(EventRecord))
            await cursor.execute(sql, {"org": org_id, "state": state, "type": type, "before": before_seq,
                                       "limit": limit})
            return await cursor.fetchall()

    async def event(self, org_id: str, event_id: str) -> EventRecord | None:
        async with self._pool.connection() as connection:
            cursor = connection.cursor(row_factory=class_row(EventRecord))
            await cursor.execute(_EVENT_SELECT + " WHERE e.event_id = %s AND e.org_id = %s" + _EVENT_GROUP,
                                 (event_id, org_id))
            return await cursor.fetchone()

    async def fan_out(self, batch_max: int) -> int:
        """Turn up to `batch_max` new events into their deliveries; how many events there were."""
        async with self._pool.connection() as connection, connection.transaction():
            cursor = await connection.execute(_FAN_OUT, (batch_max,))
            return cursor.rowcount

    async def claim(self, batch_max: int, lease_s: float) -> list[ClaimedDelivery]:
        """Up to `batch_max` due deliveries (none of an aggregate with an earlier pending event),
        each moved `lease_s` ahead."""
        async with self._pool.connection() as connection, connection.transaction():
            cursor = connection.cursor(row_factory=class_row(ClaimedDelivery))
            await cursor.execute(_CLAIM, (batch_max,))
            claimed = [dataclasses.replace(c, secret_sealed=bytes(c.secret_sealed)) for c in await cursor.fetchall()]
            for c in claimed:
                await connection.execute(_LEASE, (lease_s, c.event_id, c.webhook_id))
        return claimed

    async def end(self, *, event_id: str, webhook_id: str, state: str, error: str, wait_s: float) -> None:
        """Record a delivery's outcome (`state`: delivered, pending again after `wait_s`, failed)
        and settle its event's state."""
        async with self._pool.connection() as connection, connection.transaction():
            # The event's row lock first: ends of its deliveries and RetryEvent decide one by one.
            await connection.execute("SELECT 1 FROM outbox_events WHERE event_id = %s FOR UPDATE", (event_id,))
            await connection.execute(_END, {"state": state, "error": error, "wait": wait_s, "event": event_id,
                                            "webhook": webhook_id})
            await connection.execute(_SETTLE, {"event": event_id})
