"""Messages to people: the rows (migration 0027), the issue fan-in from the outbox, claims,
outcomes, and the reminder scan (README "Events" > "Messages to people")."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from psycopg.rows import class_row
from psycopg_pool import AsyncConnectionPool

from core.adapters.postgres.ledger_writer import Row
from core.adapters.postgres.offers import offer_from_definition
from core.domain.accounts import MembershipRole
from core.domain.coupons import Offer

_COLUMNS = ("message_id", "org_id", "kind", "channel", "coupon_id", "offer_id", "account_id", "create_time",
            "request_id", "client_id")


def resend_row(*, message_id: str, org_id: str, channel: str, coupon_id: str, offer_id: str, account_id: str,
               create_time: dt.datetime, request_id: str, client_id: str) -> Row:
    """A ResendCoupon's message, committed with the request's idempotency record."""
    return Row("messages", _COLUMNS, (message_id, org_id, "resend", channel, coupon_id, offer_id, account_id,
                                      create_time, request_id, client_id))


@dataclass(frozen=True, slots=True)
class ClaimedMessage:
    """A due message, claimed (one lease ahead) by this worker, with what it renders."""

    message_id: str
    org_id: str
    kind: str
    channel: str
    attempt: int
    code: str
    expire_time: dt.datetime | None
    offer_definition: dict | None
    """None for a points reminder (no offer)."""
    given_name: str | None
    display_name: str | None
    phone_number: str | None
    email: str | None
    detail: dict | None = None
    language: str | None = None
    """The OWNER's User.language ("" or None: unknown)."""
    program_name: str | None = None
    program_time_zone: str | None = None
    points_reminders: dict | None = None
    """A points reminder's program settings (PointsReminders JSON), as they are now."""
    points_expire_time: dt.datetime | None = None


@dataclass(frozen=True, slots=True)
class MessageRecord:
    message_id: str
    kind: str
    channel: str
    state: str
    attempts: int
    last_error: str
    to_address: str
    reminder: str | None


@dataclass(frozen=True, slots=True)
class HeldCoupon:
    coupon_id: str
    offer_id: str
    account_id: str
    expire_time: dt.datetime | None
    revoke_time: dt.datetime | None
    use_count: int


_FAN_IN = (
    "WITH batch AS (SELECT event_id, org_id, payload FROM outbox_events"
    "               WHERE NOT messaged AND type = 'coupon.issued' ORDER BY seq LIMIT %s FOR UPDATE SKIP LOCKED),"
    " queued AS (INSERT INTO messages (message_id, org_id, kind, channel, coupon_id, offer_id, account_id,"
    "                                  create_time)"
    "            SELECT b.event_id, b.org_id, 'issue', o.definition->'delivery'->>'channel',"
    "                   c.coupon_id, o.offer_id, c.account_id, now()"
    "              FROM batch b JOIN coupons c ON c.coupon_id = (b.payload->>'coupon_id')::uuid"
    "              JOIN offers o ON o.offer_id = c.offer_id"
    "             WHERE o.definition->'delivery'->>'channel' IN ('SMS', 'EMAIL')"
    "            ON CONFLICT DO NOTHING)"
    " UPDATE outbox_events e SET messaged = true FROM batch WHERE e.event_id = batch.event_id")

_THRESHOLD_FAN_IN = (
    "WITH batch AS (SELECT event_id, org_id, offer_id, detail FROM offer_events"
    "               WHERE NOT messaged AND kind = 'issue_threshold' ORDER BY event_time LIMIT %s"
    "               FOR UPDATE SKIP LOCKED),"
    " queued AS (INSERT INTO messages (message_id, org_id, kind, channel, offer_id, to_address, detail,"
    "                                  create_time)"
    "            SELECT md5(b.event_id::text || '/' || address)::uuid, b.org_id, 'threshold', 'EMAIL', b.offer_id,"
    "                   address, b.detail, now()"
    "              FROM batch b JOIN offers o ON o.offer_id = b.offer_id,"
    "                   jsonb_array_elements_text(coalesce(o.definition->'delivery'->'contact_emails', '[]')) address"
    "            ON CONFLICT DO NOTHING)"
    " UPDATE offer_events e SET messaged = true FROM batch WHERE e.event_id = batch.event_id")

_CLAIM = (
    "SELECT m.message_id::text AS message_id, m.org_id, m.kind, m.channel, m.attempts + 1 AS attempt,"
    " coalesce(c.code, '') AS code, c.expire_time, o.definition AS offer_definition, u.given_name, u.display_name,"
    " u.phone_number, coalesce(nullif(m.to_address, ''), u.email) AS email, m.detail, u.language,"
    " p.display_name AS program_name, p.time_zone AS program_time_zone, p.points_reminders, m.points_expire_time"
    " FROM messages m LEFT JOIN coupons c ON c.coupon_id = m.coupon_id LEFT JOIN offers o ON o.offer_id = m.offer_id"
    " LEFT JOIN programs p ON p.org_id = m.org_id AND p.program_id = m.program_id"
    " LEFT JOIN LATERAL (SELECT u.given_name, u.display_name, u.phone_number, u.email, u.language FROM memberships ms"
    "   JOIN users u USING (user_id) WHERE ms.account_id = m.account_id AND ms.role = %(owner)s LIMIT 1) u ON true"
    " WHERE m.state = 'pending' AND m.next_attempt_at <= now()"
    " ORDER BY m.next_attempt_at LIMIT %(limit)s FOR UPDATE OF m SKIP LOCKED")
_LEASE = ("UPDATE messages SET attempts = attempts + 1, next_attempt_at = now() + make_interval(secs => %s)"
          " WHERE message_id = %s")
_END = ("UPDATE messages SET state = %(state)s, last_error = %(error)s, to_address = %(to)s,"
        " next_attempt_at = now() + make_interval(secs => %(wait)s),"
        " sent_at = CASE WHEN %(state)s = 'sent' THEN now() END"
        " WHERE message_id = %(id)s AND state = 'pending'")

_REMINDERS_DUE = (
    # Each valid coupon of an ACTIVE offer with reminders whose send time (the expiry's local
    # day minus N days, at HH:MM in the offer's zone) has come, before the coupon expires.
    "WITH r AS (SELECT o.offer_id, o.org_id, o.definition->'rules'->>'time_zone' AS zone, rem->>0 AS days,"
    "                  rem->>1 AS channel, rem->>2 AS local_time"
    "             FROM offers o, jsonb_array_elements(o.definition->'delivery'->'reminders') rem"
    "            WHERE o.state = 2 AND jsonb_typeof(o.definition->'delivery'->'reminders') = 'array'),"
    " due AS (SELECT c.coupon_id, c.offer_id, c.account_id, r.org_id, r.channel, c.code, c.expire_time, r.days,"
    "                r.days || 'd@' || r.local_time || '/' || r.channel AS reminder"
    "           FROM r JOIN coupons c ON c.offer_id = r.offer_id"
    "          WHERE c.revoke_time IS NULL AND c.use_count = 0"
    # The coupons_offer_expire_idx range: unexpired, and expiring within N + 1 days (a send time
    # is at most N days and a day before the expiry).
    "            AND c.expire_time > %(now)s AND c.expire_time <= %(now)s + make_interval(days => r.days::int + 1)"
    "            AND ((((c.expire_time - interval '1 microsecond') AT TIME ZONE r.zone)::date - r.days::int)"
    "                 + r.local_time::time) AT TIME ZONE r.zone <= %(now)s"
    # Not queued before: so that the batch limit never fills up with those.
    "            AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.coupon_id = c.coupon_id AND m.kind = 'reminder'"
    "                            AND m.reminder = r.days || 'd@' || r.local_time || '/' || r.channel)"
    "          LIMIT %(limit)s)"
    " , queued AS (INSERT INTO messages (message_id, org_id, kind, channel, coupon_id, offer_id, account_id,"
    "                                   reminder, create_time)"
    "     SELECT gen_random_uuid(), org_id, 'reminder', channel, coupon_id, offer_id, account_id, reminder, %(now)s"
    "       FROM due ON CONFLICT (coupon_id, reminder) WHERE kind = 'reminder' DO NOTHING"
    "     RETURNING coupon_id, reminder)"
    # The coupon.expiring event, one per reminder queued, in the same statement (so the same
    # transaction): only the worker whose insert won the unique key writes it.
    " INSERT INTO outbox_events (event_id, org_id, type, aggregate_type, aggregate_id, payload, occurred_at)"
    " SELECT gen_random_uuid(), d.org_id, 'coupon.expiring', 'account', d.account_id::text,"
    "        jsonb_build_object('coupon_id', d.coupon_id::text, 'code', d.code, 'offer_id', d.offer_id::text,"
    "                           'account_id', d.account_id::text, 'expire_time', d.expire_time,"
    "                           'days_before_expiry', d.days::int, 'channel', d.channel, 'reminder', d.reminder),"
    "        %(now)s"
    "   FROM queued q JOIN due d ON d.coupon_id = q.coupon_id AND d.reminder = q.reminder")

_POINTS_REMINDERS_DUE = (
    # Each account's points expiring at one instant (lots with points left, summed), of a program
    # with reminders whose send time (the expiry's local day minus N days, at HH:MM in the
    # program's zone) has come, before they expire.
    "WITH r AS (SELECT p.org_id, p.program_id, p.time_zone AS zone, rem->>0 AS days, rem->>1 AS channel,"
    "                  rem->>2 AS local_time"
    "             FROM programs p, jsonb_array_elements(p.points_reminders->'reminders') rem"
    "            WHERE jsonb_typeof(p.points_reminders->'reminders') = 'array'),"
    " due AS (SELECT w.account_id, r.org_id, r.program_id, r.channel, l.expire_time, r.days,"
    "                r.days || 'd@' || r.local_time || '/' || r.channel AS reminder, sum(l.remaining) AS points"
    "           FROM points_lots l JOIN points_wallets w USING (account_id)"
    "           JOIN r ON r.org_id = w.org_id AND r.program_id = w.program_id"
    # The points_lots_expiry_idx range: unexpired, expiring within N + 1 days.
    "          WHERE l.remaining > 0 AND l.expire_time > %(now)s"
    "            AND l.expire_time <= %(now)s + make_interval(days => r.days::int + 1)"
    "            AND ((((l.expire_time - interval '1 microsecond') AT TIME ZONE r.zone)::date - r.days::int)"
    "                 + r.local_time::time) AT TIME ZONE r.zone <= %(now)s"
    "            AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.kind = 'points_reminder'"
    "                            AND m.account_id = w.account_id AND m.points_expire_time = l.expire_time"
    "                            AND m.reminder = r.days || 'd@' || r.local_time || '/' || r.channel)"
    "          GROUP BY w.account_id, r.org_id, r.program_id, r.channel, l.expire_time, r.days, r.local_time"
    "          LIMIT %(limit)s),"
    " queued AS (INSERT INTO messages (message_id, org_id, kind, channel, account_id, program_id,"
    "                                  points_expire_time, reminder, detail, create_time)"
    "            SELECT gen_random_uuid(), org_id, 'points_reminder', channel, account_id, program_id, expire_time,"
    "                   reminder, jsonb_build_object('points', points), %(now)s FROM due"
    "            ON CONFLICT (account_id, points_expire_time, reminder) WHERE kind = 'points_reminder' DO NOTHING"
    "            RETURNING account_id, points_expire_time, reminder)"
    # The points.expiring event, one per reminder queued, in the same statement.
    " INSERT INTO outbox_events (event_id, org_id, type, aggregate_type, aggregate_id, payload, occurred_at)"
    " SELECT gen_random_uuid(), d.org_id, 'points.expiring', 'account', d.account_id::text,"
    "        jsonb_build_object('account_id', d.account_id::text, 'program_id', d.program_id, 'points', d.points,"
    "                           'expire_time', d.expire_time, 'days_before_expiry', d.days::int,"
    "                           'channel', d.channel, 'reminder', d.reminder),"
    "        %(now)s"
    "   FROM queued q JOIN due d ON d.account_id = q.account_id AND d.expire_time = q.points_expire_time"
    "                           AND d.reminder = q.reminder")


class MessageStore:
    def __init__(self, pool: AsyncConnectionPool) -> None:
        self._pool = pool

    async def fan_in(self, batch_max: int) -> int:
        """Turn up to `batch_max` new coupon.issued events into messages (offers with a channel)."""
        async with self._pool.connection() as connection, connection.transaction():
            cursor = await connection.execute(_FAN_IN, (batch_max,))
            return cursor.rowcount

    async def threshold_fan_in(self, batch_max: int) -> int:
        """Turn up to `batch_max` new issue-threshold offer events into e-mails to the offer's contacts."""
        async with self._pool.connection() as connection, connection.transaction():
            cursor = await connection.execute(_THRESHOLD_FAN_IN, (batch_max,))
            return cursor.rowcount

    async def queue_reminders(self, now: dt.datetime, batch_max: int) -> int:
        """Queue the reminders due at `now` not queued before (the unique key decides between workers)."""
        async with self._pool.connection() as connection, connection.transaction():
            cursor = await connection.execute(_REMINDERS_DUE, {"now": now, "limit": batch_max})
            return cursor.rowcount

    async def queue_points_reminders(self, now: dt.datetime, batch_max: int) -> int:
        """Queue the points reminders due at `now` not queued before (the unique key decides)."""
        async with self._pool.connection() as connection, connection.transaction():
            cursor = await connection.execute(_POINTS_REMINDERS_DUE, {"now": now, "limit": batch_max})
            return cursor.rowcount

    async def of_account(self, org_id: str, account_id: str) -> list[MessageRecord]:
        """The account's points reminders, oldest first (tests and operators)."""
        async with self._pool.connection() as connection:
            cursor = connection.cursor(row_factory=class_row(MessageRecord))
            await cursor.execute(
                "SELECT message_id::text AS message_id, kind, channel, state, attempts, last_error, to_address,"
                " reminder FROM messages WHERE org_id = %s AND account_id = %s AND kind = 'points_reminder'"
                " ORDER BY create_time, message_id", (org_id, uuid.UUID(account_id)))
            return await cursor.fetchall()

    async def claim(self, batch_max: int, lease_s: float) -> list[ClaimedMessage]:
        async with self._pool.connection() as connection, connection.transaction():
            cursor = connection.cursor(row_factory=class_row(ClaimedMessage))
            await cursor.execute(_CLAIM, {"owner": int(MembershipRole.OWNER), "limit": batch_max})
            claimed = await cursor.fetchall()
            for message in claimed:
                await connection.execute(_LEASE, (lease_s, message.message_id))
        return claimed

    async def end(self, message_id: str, *, state: str, error: str, to: str, wait_s: float) -> None:
        async with self._pool.connection() as connection:
            await connection.execute(_END, {"state": state, "error": error[:500], "to": to, "wait": wait_s,
                                            "id": message_id})

    async def held_coupon(self, org_id: str, code: str) -> HeldCoupon | None:
        async with self._pool.connection() as connection:
            cursor = connection.cursor(row_factory=class_row(HeldCoupon))
            await cursor.execute(
                "SELECT coupon_id::text AS coupon_id, offer_id::text AS offer_id, account_id::text AS account_id,"
                " expire_time, revoke_time, use_count FROM coupons WHERE org_id = %s AND code = %s", (org_id, code))
            return await cursor.fetchone()

    async def offer(self, org_id: str, offer_id: str) -> Offer | None:
        async with self._pool.connection() as connection:
            cursor = await connection.execute(
                "SELECT state, definition, common_code FROM offers WHERE offer_id = %s AND org_id = %s",
                (offer_id, org_id))
            row = await cursor.fetchone()
        if row is None:
            return None
        return offer_from_definition(org_id=org_id, offer_id=offer_id, state=row[0], definition=row[1],
                                     common_code=row[2])

    async def of_coupon(self, org_id: str, coupon_id: str) -> list[MessageRecord]:
        """The coupon's messages, oldest first (tests and operators)."""
        async with self._pool.connection() as connection:
            cursor = connection.cursor(row_factory=class_row(MessageRecord))
            await cursor.execute(
                "SELECT message_id::text AS message_id, kind, channel, state, attempts, last_error, to_address,"
                " reminder FROM messages WHERE org_id = %s AND coupon_id = %s ORDER BY create_time, message_id",
                (org_id, uuid.UUID(coupon_id)))
            return await cursor.fetchall()
