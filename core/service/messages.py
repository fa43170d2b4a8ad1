"""Messages to people: coupon delivery on issue, ResendCoupon, expiry reminders (README
"Events" > "Messages to people"; rows: core/adapters/postgres/messages.py, migration 0027).

`Messenger.run` (one task per worker process; any number of workers): each round
 1. turns new coupon.issued outbox events into messages (offers whose channel is SMS or EMAIL),
 2. queues the expiry reminders due by the clock (a unique key per coupon and reminder: two
    workers, or two rounds, never queue one reminder twice),
 3. claims due messages (FOR UPDATE SKIP LOCKED, one lease ahead), renders each with the offer's
    template (core/adapters/templates.py) for the account OWNER's contact, and hands it to the
    Sender port; failures are retried with backoff, then parked as failed. At least once, with
    the message_id as the stable id. A message with no one to send to is `skipped`.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import uuid
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from core.adapters.postgres.messages import ClaimedMessage, MessageStore, resend_row
from core.adapters.postgres.offers import offer_from_definition
from core.adapters.postgres.outbox import OutboxStore
from core.adapters.templates import render, render_points
from core.domain import limits
from core.domain.coupons import Offer, OfferState
from core.domain.errors import DomainError, ErrorReason, field_required
from core.domain.messages import CHANNEL_EMAIL, CHANNEL_NONE, Message, MessageNotSent, PointsReminders, Sender
from core.domain.outbox import backoff_s
from core.service.accounts import validate_request_id
from core.service.context import Caller, Deps
from core.service.coupons.checks import parse_uuid
from core.service.idempotent import Prepared, execute_once

log = logging.getLogger(__name__)


def longest_title(offer: Offer) -> str:
    """The longest text {{ offer_title }} can render for `offer` (its bound at validation)."""
    return max([offer.display_name, *(t.title for t in offer.content.texts)], key=len)


def offer_title(offer: Offer, language_code: str) -> str:
    for text in offer.content.texts:
        if text.language_code.lower() == language_code.lower() and text.title:
            return text.title
    return offer.display_name


def expiry_text(expire_time: dt.datetime | None, time_zone: str) -> str:
    """The coupon's last valid minute, local, "YYYY-MM-DD HH:MM" (expire_time is exclusive)."""
    if expire_time is None:
        return "no expiry"
    last = (expire_time - dt.timedelta(microseconds=1)).astimezone(ZoneInfo(time_zone))
    return last.strftime("%Y-%m-%d %H:%M")


@dataclass(frozen=True, slots=True)
class ResendCoupon:
    request_id: str
    code: str
    account_id: str


@dataclass(frozen=True, slots=True)
class Resent:
    message_id: str
    channel: str

    def to_json(self) -> dict:
        return {"message_id": self.message_id, "channel": self.channel}

    @classmethod
    def from_json(cls, data: dict) -> Resent:
        return cls(data["message_id"], data["channel"])


class Messenger:
    def __init__(self, deps: Deps, sender: Sender | None, *, store: MessageStore | None = None,
                 backoff_base_s: float = limits.EVENT_BACKOFF_BASE_S_DEFAULT,
                 attempts_max: int = limits.MESSAGE_ATTEMPTS_MAX, lease_s: float = limits.MESSAGE_LEASE_S) -> None:
        self._deps = deps
        self._sender = sender
        self._store = store or MessageStore(deps.pool)
        self._outbox = OutboxStore(deps.pool)
        self._backoff_base_s = backoff_base_s
        self._attempts_max = attempts_max
        self._lease_s = lease_s
        self._scanned_at: dt.datetime | None = None

    @property
    def store(self) -> MessageStore:
        return self._store

    # --- ResendCoupon ----------------------------------------------------------------------

    async def resend_coupon(self, command: ResendCoupon, caller: Caller) -> Resent:
        validate_request_id(command.request_id)
        if not command.code:
            raise field_required("code")
        account_id = parse_uuid(command.account_id, "account_id")

        async def prepare() -> Prepared[Resent]:
            held = await self._store.held_coupon(caller.org_id, command.code)
            if held is None:
                raise DomainError(ErrorReason.COUPON_NOT_FOUND, metadata={"code": command.code})
            if held.account_id != account_id:
                raise DomainError(ErrorReason.COUPON_NOT_HELD, metadata={"code": command.code,
                                                                         "account_id": account_id})
            now = self._deps.clock.now()
            if held.revoke_time is not None:
                raise DomainError(ErrorReason.COUPON_REVOKED, metadata={"code": command.code})
            if held.use_count > 0:
                raise DomainError(ErrorReason.COUPON_ALREADY_REDEEMED, metadata={"code": command.code})
            if held.expire_time is not None and now >= held.expire_time:
                raise DomainError(ErrorReason.COUPON_EXPIRED, metadata={
                    "code": command.code, "expire_time": held.expire_time.isoformat()})
            offer = await self._offer(caller.org_id, held.offer_id)
            delivery = offer.delivery
            if delivery.channel == CHANNEL_NONE or delivery.template("resend") is None:
                raise DomainError(ErrorReason.DELIVERY_NOT_CONFIGURED, metadata={
                    "offer_id": held.offer_id, "channel": delivery.channel,
                    "resend_template": str(delivery.template("resend") is not None).lower()})
            resent = Resent(str(uuid.uuid4()), delivery.channel)
            return Prepared(resent, (resend_row(
                message_id=resent.message_id, org_id=caller.org_id, channel=delivery.channel,
                coupon_id=held.coupon_id, offer_id=held.offer_id, account_id=account_id, create_time=now,
                request_id=command.request_id, client_id=caller.client_id),))

        return await execute_once(self._deps, caller, "ResendCoupon", command, prepare, Resent.from_json)

    async def _offer(self, org_id: str, offer_id: str) -> Offer:
        found = await self._store.offer(org_id, offer_id)
        if found is None:
            raise DomainError(ErrorReason.OFFER_NOT_FOUND, metadata={"offer_id": offer_id})
        return found

    # --- the worker's task -----------------------------------------------------------------

    async def run(self, poll_s: float) -> None:
        while True:
            try:
                busy = await self.run_once()
            except asyncio.CancelledError:
                raise
            except Exception as error:  # noqa: BLE001 - Postgres away: try again on the next round.
                log.warning("message round failed: %s", error)
                busy = 0
            if not busy:
                await asyncio.sleep(poll_s)
            elif busy < limits.EVENT_FAN_OUT_BATCH_MAX:
                await asyncio.sleep(min(poll_s, limits.EVENT_BUSY_PAUSE_S))  # Let the next round take more.

    async def run_once(self) -> int:
        fanned = await self._store.fan_in(limits.EVENT_FAN_OUT_BATCH_MAX)
        fanned += await self._store.threshold_fan_in(limits.EVENT_FAN_OUT_BATCH_MAX)
        reminded = await self._queue_reminders()
        claimed = await self._store.claim(limits.MESSAGE_CLAIM_BATCH_MAX, self._lease_s)
        await asyncio.gather(*(self._send(message) for message in claimed))
        return fanned + reminded + len(claimed)

    async def _queue_reminders(self) -> int:
        """Queue the due reminders, at most once per REMINDER_SCAN_INTERVAL_S of the clock (and
        again at once while a full batch was queued)."""
        now = self._deps.clock.now()
        if self._scanned_at is not None and abs((now - self._scanned_at).total_seconds()) < \
                limits.REMINDER_SCAN_INTERVAL_S:
            return 0
        queued = await self._store.queue_reminders(now, limits.REMINDER_SCAN_BATCH_MAX)
        points = await self._store.queue_points_reminders(now, limits.REMINDER_SCAN_BATCH_MAX)
        ended = await self._outbox.report_ended_offers(now, limits.REMINDER_SCAN_BATCH_MAX)
        full = max(queued, points, ended) >= limits.REMINDER_SCAN_BATCH_MAX
        self._scanned_at = None if full else now
        return queued + points + ended

    async def _send_points_reminder(self, claimed: ClaimedMessage, to: str) -> None:
        """A program's points-expiring reminder, in the owner's language (else the program's
        default), with the program's settings as they are now."""
        settings = PointsReminders.from_json(claimed.points_reminders)
        template = settings.template(claimed.language or "") if settings is not None else None
        if template is None:
            await self._store.end(claimed.message_id, state="skipped", to=to, wait_s=0,
                                  error="the program has no points reminder template any more")
            return
        values = {"points": int((claimed.detail or {}).get("points", 0)),
                  "expiry": expiry_text(claimed.points_expire_time, claimed.program_time_zone or "UTC"),
                  "program_name": claimed.program_name or "",
                  "customer_name": claimed.given_name or claimed.display_name or ""}
        text = render_points(template.text, **values)
        subject = render_points(template.subject, **values) if template.subject else values["program_name"]
        if self._sender is None:
            raise MessageNotSent("no sender is configured (REWARDS_SMTP_* / REWARDS_SMS_GATEWAY_*)")
        await self._sender.send(Message(claimed.message_id, claimed.channel, to, text, subject))
        await self._store.end(claimed.message_id, state="sent", error="", to=to, wait_s=0)

    async def _send_threshold(self, claimed: ClaimedMessage, offer: Offer, to: str) -> None:
        """The brand contacts' notice: the offer has `remaining_issue_count` coupons left to issue."""
        detail = claimed.detail or {}
        remaining, issued = detail.get("remaining_issue_count", 0), detail.get("issued_count", 0)
        text = (f"The offer \"{offer.display_name}\" has {remaining} coupons left to issue ({issued} issued of"
                f" {offer.rules.max_issues}).")
        if self._sender is None:
            raise MessageNotSent("no sender is configured (REWARDS_SMTP_* / REWARDS_SMS_GATEWAY_*)")
        await self._sender.send(Message(claimed.message_id, CHANNEL_EMAIL, to, text,
                                        f"Issue limit almost reached: {offer.display_name}"))
        await self._store.end(claimed.message_id, state="sent", error="", to=to, wait_s=0)

    async def _send(self, claimed: ClaimedMessage) -> None:
        to = (claimed.email if claimed.channel == CHANNEL_EMAIL else claimed.phone_number) or ""
        if not to:
            await self._store.end(claimed.message_id, state="skipped", to="", wait_s=0, error=(
                f"the account has no OWNER with {'an e-mail address' if claimed.channel == CHANNEL_EMAIL else 'a phone number'}"))
            return
        try:
            if claimed.kind == "points_reminder":
                await self._send_points_reminder(claimed, to)
                return
            offer = offer_from_definition(definition=claimed.offer_definition or {}, org_id=claimed.org_id,
                                          offer_id="", state=int(OfferState.ACTIVE))
            if claimed.kind == "threshold":
                await self._send_threshold(claimed, offer, to)
                return
            template = offer.delivery.template(claimed.kind, claimed.language or "")
            if template is None:
                await self._store.end(claimed.message_id, state="skipped", to=to, wait_s=0,
                                      error=f"the offer has no {claimed.kind} template any more")
                return
            values = {"code": claimed.code, "expiry": expiry_text(claimed.expire_time, offer.rules.time_zone),
                      "offer_title": offer_title(offer, template.language_code),
                      "customer_name": claimed.given_name or claimed.display_name or ""}
            text = render(template.text, **values)
            subject = render(template.subject, **values) if template.subject else offer_title(
                offer, template.language_code)
            if self._sender is None:
                raise MessageNotSent("no sender is configured (REWARDS_SMTP_* / REWARDS_SMS_GATEWAY_*)")
            await self._sender.send(Message(claimed.message_id, claimed.channel, to, text, subject))
        except Exception as failure:  # noqa: BLE001 - a failed attempt like any other.
            error = f"{type(failure).__name__}: {failure}"[:500]
            if claimed.attempt >= self._attempts_max:
                log.warning("message parked as failed", extra={"message_id": claimed.message_id, "why": error})
                await self._store.end(claimed.message_id, state="failed", error=error, to=to, wait_s=0)
            else:
                await self._store.end(claimed.message_id, state="pending", error=error, to=to,
                                      wait_s=backoff_s(claimed.attempt, self._backoff_base_s))
            return
        await self._store.end(claimed.message_id, state="sent", error="", to=to, wait_s=0)
