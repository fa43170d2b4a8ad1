"""Offers, their redemption rules, and the rules that need no shared state (pure functions).

Times are evaluated in the offer's IANA time zone; money is minor units + currency. The rules
that need shared state (gaps, per-account and global limits) live in the redemption script.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import enum
import uuid
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from core.domain import limits
from core.domain.errors import DomainError, ErrorReason, field_invalid


class OfferState(enum.IntEnum):
    DRAFT = 1
    ACTIVE = 2
    INACTIVE = 3


class ExpiryMode(enum.IntEnum):
    """How an issued coupon's expire_time is set (the numbers are the contract's)."""

    FIXED_END = 1
    """With the offer: its end_time."""
    RELATIVE_TO_ISSUE = 2
    """An exact duration after issue."""
    END_OF_DAY = 3
    """The end of the day of issue."""
    RELATIVE_TO_ISSUE_END_OF_DAY = 4
    """The end of the day in which issue + validity falls (wall-clock arithmetic)."""
    MONTH_END_AFTER_ISSUE = 5
    """The end of the month N months after the month of issue."""


class CouponState(enum.IntEnum):
    """The state of an issued coupon as of a read (the numbers are the contract's)."""

    ISSUED = 1
    """Waiting for activation."""
    ACTIVE = 2
    REDEEMED = 3
    EXPIRED = 4
    REVOKED = 5


@dataclass(frozen=True, slots=True)
class Money:
    amount_minor: int
    currency_code: str


@dataclass(frozen=True, slots=True)
class RedemptionRules:
    start_time: dt.datetime | None = None
    end_time: dt.datetime | None = None
    """Exclusive: the last valid instant is one microsecond before."""
    redemption_start_time: dt.datetime | None = None
    store_ids: frozenset[str] = frozenset()
    min_bill: Money | None = None
    max_bill: Money | None = None
    days_of_week: frozenset[int] = frozenset()
    """ISO weekdays 1 (Monday) .. 7 (Sunday); empty = every day."""
    hours: tuple[int, int] | None = None
    """[start_hour, end_hour) in the offer's time zone; None = all day."""
    min_gap_seconds: int = 0
    max_account_redemptions: int = 0
    """0 = unlimited."""
    max_redemptions: int = 0
    """0 = unlimited."""
    time_zone: str = "UTC"
    max_account_issues: int = 0
    """Coupons one account may be issued; 0 = unlimited."""
    max_issues: int = 0
    """Coupons the offer may issue in total; 0 = unlimited."""
    expiry_mode: ExpiryMode = ExpiryMode.FIXED_END
    coupon_validity_seconds: int = 0
    """RELATIVE_TO_ISSUE, RELATIVE_TO_ISSUE_END_OF_DAY: how long after issue."""
    coupon_validity_months: int = 0
    """MONTH_END_AFTER_ISSUE: months after the month of issue."""
    activation_required: bool = False
    """Issued coupons must be activated before they can be redeemed."""


_COUPON_TIMES = ("issue_time", "expire_time", "activate_time", "revoke_time", "last_redeem_time",
                 "state_change_time")


@dataclass(frozen=True, slots=True)
class IssuedCoupon:
    """A coupon with a unique code, issued to one account, as the ledger holds it."""

    coupon_id: str
    code: str
    offer_id: str
    account_id: str
    issue_time: dt.datetime
    expire_time: dt.datetime | None
    activation_required: bool = False
    activate_time: dt.datetime | None = None
    revoke_time: dt.datetime | None = None
    use_count: int = 0
    """Redemptions in effect (net of reversals)."""
    reversal_count: int = 0
    last_redeem_time: dt.datetime | None = None
    state_change_time: dt.datetime | None = None
    """The last issue, activation, redemption, reversal or revocation; None = issue_time."""
    resent: bool = False
    """Set on an IssueCoupon answer that returned the coupon the account held (RESEND_EXISTING)."""

    def to_json(self) -> dict:
        data = {name: getattr(self, name) for name in self.__slots__}
        for name in _COUPON_TIMES:
            data[name] = data[name].isoformat() if data[name] else None
        return data

    @classmethod
    def from_json(cls, data: dict) -> IssuedCoupon:
        values = dict(data)
        for name in _COUPON_TIMES:
            values[name] = dt.datetime.fromisoformat(values[name]) if values.get(name) else None
        return cls(**values)

    @property
    def activated(self) -> bool:
        return not self.activation_required or self.activate_time is not None


def coupon_state(coupon: IssuedCoupon, now: dt.datetime) -> CouponState:
    """REVOKED, then REDEEMED, EXPIRED, ISSUED (waiting for activation), ACTIVE."""
    if coupon.revoke_time is not None:
        return CouponState.REVOKED
    if coupon.use_count > 0:
        return CouponState.REDEEMED
    if coupon.expire_time is not None and now >= coupon.expire_time:
        return CouponState.EXPIRED
    return CouponState.ACTIVE if coupon.activated else CouponState.ISSUED


def coupon_failures(coupon: IssuedCoupon, now: dt.datetime, *, uses: bool = True) -> list[DomainError]:
    """Every failing rule of the coupon itself, in precedence order. `uses`: also report a coupon
    whose use is taken (the redemption leaves that to the Redis script and Postgres's guard)."""
    failures = []
    if coupon.revoke_time is not None:
        failures.append(DomainError(ErrorReason.COUPON_REVOKED, metadata={
            "code": coupon.code, "revoke_time": coupon.revoke_time.isoformat()}))
    if not coupon.activated:
        failures.append(DomainError(ErrorReason.COUPON_NOT_ACTIVATED, metadata={"code": coupon.code}))
    if coupon.expire_time is not None and now >= coupon.expire_time:
        failures.append(DomainError(ErrorReason.COUPON_EXPIRED,
                                    metadata={"expire_time": coupon.expire_time.isoformat()}))
    if uses and coupon.use_count > 0:
        failures.append(DomainError(ErrorReason.COUPON_ALREADY_REDEEMED, metadata={"code": coupon.code}))
    return failures


def coupon_expiry(rules: RedemptionRules, issue_time: dt.datetime) -> dt.datetime | None:
    """The exclusive expire_time of a coupon issued at `issue_time`: the first instant it is no
    longer redeemable, never after the offer's end. Days and months are counted on the calendar
    of the offer's time zone; "end of day" is 00:00 of the next local day (the first instant of
    that day when a daylight-saving gap skips midnight)."""
    mode = rules.expiry_mode
    if mode is ExpiryMode.FIXED_END:
        return rules.end_time
    zone = ZoneInfo(rules.time_zone)
    local = issue_time.astimezone(zone)
    if mode is ExpiryMode.RELATIVE_TO_ISSUE:
        # In UTC: aware arithmetic in a ZoneInfo zone would count on the wall clock.
        own = issue_time.astimezone(dt.timezone.utc) + dt.timedelta(seconds=rules.coupon_validity_seconds)
    elif mode is ExpiryMode.END_OF_DAY:
        own = _start_of_day(local.date() + dt.timedelta(days=1), zone)
    elif mode is ExpiryMode.RELATIVE_TO_ISSUE_END_OF_DAY:
        # Aware + timedelta is wall-clock arithmetic in the zone: 7 days after 10:00 is 10:00.
        due = local + dt.timedelta(seconds=rules.coupon_validity_seconds)
        own = _start_of_day(due.date() + dt.timedelta(days=1), zone)
    else:
        months = local.year * 12 + (local.month - 1) + rules.coupon_validity_months + 1
        own = _start_of_day(dt.date(months // 12, months % 12 + 1, 1), zone)
    return min(own, rules.end_time) if rules.end_time is not None else own


def _start_of_day(day: dt.date, zone: ZoneInfo) -> dt.datetime:
    """The first instant of `day` in `zone`, in UTC. A midnight skipped by a daylight-saving gap
    resolves (fold=0, the offset before the gap) to the instant the day actually begins."""
    midnight = dt.datetime.combine(day, dt.time(), zone)
    return midnight.astimezone(dt.timezone.utc)


def validate_rules(rules: RedemptionRules) -> None:
    """The rules an offer may be created with (bad input -> the precise field, nothing stored)."""
    try:
        ZoneInfo(rules.time_zone)
    except (ValueError, KeyError, OSError):  # ZoneInfoNotFoundError is a KeyError.
        raise DomainError(ErrorReason.FIELD_INVALID, metadata={
            "field": "offer.rules.time_zone", "rule": "an IANA time zone"}) from None
    if rules.expiry_mode in (ExpiryMode.RELATIVE_TO_ISSUE, ExpiryMode.RELATIVE_TO_ISSUE_END_OF_DAY):
        if rules.coupon_validity_seconds == 0:
            raise DomainError(ErrorReason.FIELD_REQUIRED, metadata={"field": "offer.rules.coupon_validity"})
        if not 0 < rules.coupon_validity_seconds <= limits.COUPON_VALIDITY_SECONDS_MAX:
            raise DomainError(ErrorReason.FIELD_OUT_OF_RANGE, metadata={
                "field": "offer.rules.coupon_validity", "max_seconds": limits.COUPON_VALIDITY_SECONDS_MAX})
    if not 0 <= rules.coupon_validity_months <= limits.COUPON_VALIDITY_MONTHS_MAX:
        raise DomainError(ErrorReason.FIELD_OUT_OF_RANGE, metadata={
            "field": "offer.rules.coupon_validity_months", "max": limits.COUPON_VALIDITY_MONTHS_MAX})


class RematchPolicy(enum.IntEnum):
    """What IssueCoupon does for an account that may not be issued another coupon of the offer
    (its per-account limit or issue gap) but holds one that is still redeemable."""

    SEND_NOTHING = 1
    """Refuse with the limit's reason; the account keeps its coupon."""
    RESEND_EXISTING = 2
    """Answer with the coupon the account holds (marked resent); nothing is issued."""


@dataclass(frozen=True, slots=True)
class IssuanceRules:
    """Who may be issued coupons of an offer, and how often."""

    min_gap_seconds: int = 0
    """Minimum time between two issues to one account; 0 = none."""
    rematch: RematchPolicy = RematchPolicy.SEND_NOTHING
    listed_only: bool = False
    """Issue only to the accounts on the offer's customer list (OfferService.AddOfferCustomers)."""
    notify_remaining: int = 0
    """Record an 'issue_threshold' offer event when an issue leaves this many coupons to issue
    under max_issues; 0 = never."""


ACCOUNT_COUPON_ID_PREFIX = "AC1"
_ACCOUNT_COUPON_ID_LENGTH = len(ACCOUNT_COUPON_ID_PREFIX) + 52


def account_coupon_id(offer_id: str, account_id: str) -> str:
    """The opaque id of an account's coupons of an offer: upper-case letters and digits only
    (QR alphanumeric mode), stable, and the same in every worker."""
    raw = uuid.UUID(offer_id).bytes + uuid.UUID(account_id).bytes
    return ACCOUNT_COUPON_ID_PREFIX + base64.b32encode(raw).decode().rstrip("=")


def parse_account_coupon_id(value: str, field: str = "account_coupon_id") -> tuple[str, str]:
    """(offer_id, account_id) of an account coupon id, or FIELD_INVALID."""
    if len(value) != _ACCOUNT_COUPON_ID_LENGTH or not value.startswith(ACCOUNT_COUPON_ID_PREFIX):
        raise field_invalid(field, "an account coupon id as returned by the server")
    try:
        raw = base64.b32decode(value[len(ACCOUNT_COUPON_ID_PREFIX):] + "====")
    except (binascii.Error, ValueError):
        raise field_invalid(field, "an account coupon id as returned by the server") from None
    return str(uuid.UUID(bytes=raw[:16])), str(uuid.UUID(bytes=raw[16:]))


@dataclass(frozen=True, slots=True)
class Offer:
    offer_id: str
    org_id: str
    state: OfferState
    rules: RedemptionRules = field(default_factory=RedemptionRules)
    discount_amount: Money | None = None
    discount_percent_bps: int = 0
    discount_max: Money | None = None
    common_code: str | None = None
    program_id: str = ""
    display_name: str = ""
    description: str = ""
    extra_points: int = 0
    """EXTRAPOINT: points this coupon adds to the purchase it is applied to at an earn."""
    points_multiplier_bps: int = 0
    """MULTIPLIER: the factor (basis points) on the points of the purchase it is applied to."""
    price_points: int = 0
    """REWARD: the points an account pays (from its wallet) when the coupon is issued to it."""
    issuance: IssuanceRules = field(default_factory=IssuanceRules)

    @property
    def applies_at_earn(self) -> bool:
        """EXTRAPOINT and MULTIPLIER coupons are not redeemed by hand: they are applied (and their
        redemption recorded) when points are earned on a purchase (LoyaltyService.EarnPoints)."""
        return bool(self.extra_points or self.points_multiplier_bps)


def check_redemption(offer: Offer, now: dt.datetime, store_id: str, bill: Money) -> None:
    """Raise the first failing rule that needs no shared state, in precedence order."""
    for failure in failing_rules(offer, now, store_id, bill):
        raise failure


def failing_rules(offer: Offer, now: dt.datetime, store_id: str, bill: Money) -> list[DomainError]:
    """Every failing rule that needs no shared state, in precedence order (ValidateCoupon)."""
    rules = offer.rules
    failures = []
    if offer.state is not OfferState.ACTIVE:
        failures.append(DomainError(ErrorReason.OFFER_NOT_ACTIVE, metadata={"offer_id": offer.offer_id}))
    if rules.start_time and now < rules.start_time:
        failures.append(DomainError(ErrorReason.OFFER_NOT_STARTED, metadata={"start_time": rules.start_time.isoformat()}))
    if rules.end_time and now >= rules.end_time:
        failures.append(DomainError(ErrorReason.OFFER_ENDED, metadata={"end_time": rules.end_time.isoformat()}))
    if rules.redemption_start_time and now < rules.redemption_start_time:
        failures.append(DomainError(ErrorReason.REDEMPTION_NOT_STARTED, metadata={
            "redemption_start_time": rules.redemption_start_time.isoformat()}))
    if rules.store_ids and store_id not in rules.store_ids:
        failures.append(DomainError(ErrorReason.OFFER_STORE_NOT_ALLOWED, metadata={"store_id": store_id}))
    local = now.astimezone(ZoneInfo(rules.time_zone))
    if rules.days_of_week and local.isoweekday() not in rules.days_of_week:
        failures.append(DomainError(ErrorReason.DAY_NOT_ALLOWED, metadata={"day_of_week": str(local.isoweekday())}))
    if rules.hours and not rules.hours[0] <= local.hour < rules.hours[1]:
        failures.append(DomainError(ErrorReason.HOUR_NOT_ALLOWED, metadata={"hour": str(local.hour)}))
    return failures + _bill_failures(rules, bill)


def _bill_failures(rules: RedemptionRules, bill: Money) -> list[DomainError]:
    for limit in (rules.min_bill, rules.max_bill):
        if limit and limit.currency_code != bill.currency_code:
            return [DomainError(ErrorReason.CURRENCY_MISMATCH, metadata={
                "currency_code": bill.currency_code, "offer_currency_code": limit.currency_code})]
    if rules.min_bill and bill.amount_minor < rules.min_bill.amount_minor:
        return [DomainError(ErrorReason.BILL_AMOUNT_TOO_LOW, metadata={"min_amount_minor": str(rules.min_bill.amount_minor)})]
    if rules.max_bill and bill.amount_minor > rules.max_bill.amount_minor:
        return [DomainError(ErrorReason.BILL_AMOUNT_TOO_HIGH, metadata={"max_amount_minor": str(rules.max_bill.amount_minor)})]
    return []


def discount(offer: Offer, bill: Money) -> int:
    """The discount in the bill's minor units: a fixed amount (never above the bill) or a percentage
    in basis points, rounded down, capped by discount_max."""
    if offer.discount_amount is not None:
        if offer.discount_amount.currency_code != bill.currency_code:
            raise DomainError(ErrorReason.CURRENCY_MISMATCH, metadata={
                "currency_code": bill.currency_code, "offer_currency_code": offer.discount_amount.currency_code})
        return min(offer.discount_amount.amount_minor, bill.amount_minor)
    amount = bill.amount_minor * offer.discount_percent_bps // 10_000
    if offer.discount_max is not None and offer.discount_max.currency_code == bill.currency_code:
        amount = min(amount, offer.discount_max.amount_minor)
    return amount
