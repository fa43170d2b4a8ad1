"""Offers, their redemption rules, and the rules that need no shared state (pure functions).

Times are evaluated in the offer's IANA time zone; money is minor units + currency. The rules
that need shared state (gaps, per-account and global limits) live in the redemption script.
"""

from __future__ import annotations

import base64
import binascii
import calendar
import dataclasses
import datetime as dt
import enum
import math
import re
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from zoneinfo import ZoneInfo

from core.domain import limits
from core.domain.currencies import minor_unit_digits
from core.domain.errors import DomainError, ErrorReason, field_invalid, field_required, field_too_long
from core.domain.masks import apply_mask, require_update_mask
from core.domain.messages import OfferDelivery, validate_delivery


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
    hours: tuple[tuple[int, int], ...] = ()
    """Hour windows [start_hour, end_hour) on the wall clock of the offer's time zone, any of
    which allows a redemption; start_hour > end_hour wraps past midnight (22..6); () = all day."""
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
    zone_ids: frozenset[str] = frozenset()
    """With store_ids: the offer applies in a named store or a named zone; both empty = anywhere."""
    interaction_point_ids: frozenset[str] = frozenset()
    days_of_month: frozenset[int] = frozenset()
    """1..31 in the offer's time zone; empty = every day."""
    registration_start_time: dt.datetime | None = None
    """Only accounts registered at or after this instant."""
    registration_end_time: dt.datetime | None = None
    """Only accounts registered before this instant (exclusive)."""
    max_prior_transactions: int | None = None
    """Only accounts with at most this many earlier purchases; None = no limit."""
    new_customers_only: bool = False
    """The same as max_prior_transactions = 0 (no earlier purchase in the program)."""
    redemption_start_days: int = 0
    """An issued coupon is redeemable from 00:00 (offer's time zone) of the Nth day after the
    day of its issue; 0 = right after issue."""
    anyone_may_redeem: bool = False
    """An issued coupon may be redeemed by any account, not only its holder."""
    redeemable_until_days: int = 0
    """An issued coupon is redeemable only until this many days (wall clock, offer's time zone)
    before its expire_time; 0 = until expiry."""
    applicable_skus: frozenset[str] = frozenset()
    """With applicable_categories: the bill lines the offer applies to; both empty = the bill."""
    applicable_categories: frozenset[str] = frozenset()
    concept_ids: frozenset[str] = frozenset()
    """Store groups of the kind "concept" (seed 003), beside zones: with store_ids and zone_ids
    the offer applies where any one names the redemption's store, zone or concept."""

    @property
    def product_restricted(self) -> bool:
        return bool(self.applicable_skus or self.applicable_categories)

    @property
    def prior_transactions_max(self) -> int | None:
        """The effective limit on earlier purchases (new_customers_only is 0)."""
        return 0 if self.new_customers_only else self.max_prior_transactions

    @property
    def needs_customer(self) -> bool:
        """Whether the rules read the account's registration time and earlier purchases."""
        return bool(self.registration_start_time or self.registration_end_time
                    or self.prior_transactions_max is not None)


@dataclass(frozen=True, slots=True)
class Customer:
    """What the customer rules read of an account: when it registered, how many purchases it made."""

    registration_time: dt.datetime
    prior_transaction_count: int


@dataclass(frozen=True, slots=True)
class BillLine:
    """One line of a bill (a redemption's, a checkout basket's: core.domain.checkout.BasketLine
    is this type): what an offer's applicable skus and categories match."""

    sku: str
    item_count: int
    amount_minor: int
    category: str = ""


def matching_lines(rules: RedemptionRules, lines: Sequence[BillLine]) -> list[BillLine]:
    """The lines a product-restricted offer applies to (a listed sku or a listed category)."""
    return [line for line in lines
            if line.sku in rules.applicable_skus or (line.category and line.category in rules.applicable_categories)]


def product_failures(rules: RedemptionRules, lines: Sequence[BillLine]) -> list[DomainError]:
    """NO_APPLICABLE_PRODUCT when the offer is restricted to products and no line matches."""
    if rules.product_restricted and not matching_lines(rules, lines):
        return [DomainError(ErrorReason.NO_APPLICABLE_PRODUCT, metadata={"line_count": len(lines)})]
    return []


def discount_base(rules: RedemptionRules, bill: Money, lines: Sequence[BillLine]) -> int:
    """What a discount is computed on: the bill, or (a product-restricted offer) the sum of the
    matching lines, never more than the bill (what is left to pay after earlier coupons)."""
    if not rules.product_restricted:
        return bill.amount_minor
    return min(sum(line.amount_minor for line in matching_lines(rules, lines)), bill.amount_minor)


def validate_bill_lines(lines: Sequence[BillLine], bill: Money, prefix: str = "bill_lines") -> None:
    """A request's bill lines: at most BASKET_LINES_MAX, each with a sku (and an optional
    category) of at most SKU_LENGTH_MAX, 1..BASKET_LINE_ITEMS_MAX units and an amount not
    negative; together they add up to the bill (TOTAL_AMOUNT_MISMATCH)."""
    if len(lines) > limits.BASKET_LINES_MAX:
        raise field_too_long(prefix, limits.BASKET_LINES_MAX)
    for n, line in enumerate(lines):
        if not line.sku:
            raise field_required(f"{prefix}[{n}].sku")
        _bounded(f"{prefix}[{n}].sku", line.sku, limits.SKU_LENGTH_MAX)
        _bounded(f"{prefix}[{n}].category", line.category, limits.SKU_LENGTH_MAX)
        if not 1 <= line.item_count <= limits.BASKET_LINE_ITEMS_MAX:
            raise DomainError(ErrorReason.FIELD_OUT_OF_RANGE, metadata={
                "field": f"{prefix}[{n}].item_count", "min": 1, "max": limits.BASKET_LINE_ITEMS_MAX})
        if line.amount_minor < 0:
            raise DomainError(ErrorReason.FIELD_OUT_OF_RANGE, metadata={"field": f"{prefix}[{n}].line_amount.amount_minor"})
    if lines and sum(line.amount_minor for line in lines) != bill.amount_minor:
        raise DomainError(ErrorReason.TOTAL_AMOUNT_MISMATCH, metadata={
            "lines_amount_minor": sum(line.amount_minor for line in lines), "total_amount_minor": bill.amount_minor})


@dataclass(frozen=True, slots=True)
class Location:
    """Where a redemption happens, as the checkout names it."""

    store_id: str = ""
    zone_id: str = ""
    interaction_point_id: str = ""
    concept_id: str = ""
    """The concept (a store group, seed 003) the store belongs to, for RedemptionRules.concept_ids."""


@dataclass(frozen=True, slots=True)
class OfferText:
    language_code: str
    title: str = ""
    subtitle: str = ""
    description: str = ""
    booking_text: str = ""


@dataclass(frozen=True, slots=True)
class OfferContent:
    """What apps and checkouts show: texts per language, images, custom properties, external ids."""

    texts: tuple[OfferText, ...] = ()
    image_uris: tuple[str, ...] = ()
    custom_properties: tuple[tuple[str, str], ...] = ()
    """Sorted by key."""
    external_reference: str = ""
    external_code: str = ""

    def to_json(self) -> dict:
        return {"texts": [[t.language_code, t.title, t.subtitle, t.description, t.booking_text] for t in self.texts],
                "image_uris": list(self.image_uris), "custom_properties": dict(self.custom_properties),
                "external_reference": self.external_reference, "external_code": self.external_code}

    @classmethod
    def from_json(cls, data: Mapping | None) -> OfferContent:
        if not data:
            return cls()
        return cls(tuple(OfferText(*text) for text in data["texts"]), tuple(data["image_uris"]),
                   tuple(sorted(data["custom_properties"].items())), data["external_reference"],
                   data["external_code"])


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


def coupon_redemption_start(rules: RedemptionRules, coupon: IssuedCoupon) -> dt.datetime | None:
    """When an issued coupon becomes redeemable under redemption_start_days (None: at issue):
    00:00 of the local day that many days after the day of issue, in the offer's time zone."""
    if not rules.redemption_start_days:
        return None
    zone = ZoneInfo(rules.time_zone)
    day = coupon.issue_time.astimezone(zone).date() + dt.timedelta(days=rules.redemption_start_days)
    return _local_midnight(day, zone)


def _local_midnight(day: dt.date, zone: ZoneInfo) -> dt.datetime:
    """The first instant of a local day (00:00, or the end of a daylight-saving gap over it)."""
    midnight = dt.datetime.combine(day, dt.time(), zone)
    if midnight.astimezone(dt.timezone.utc).astimezone(zone).replace(tzinfo=None) != midnight.replace(tzinfo=None):
        midnight = dt.datetime.combine(day, dt.time(1), zone)  # 00:00 does not exist that day.
    return midnight.astimezone(dt.timezone.utc)


def coupon_redemption_end(rules: RedemptionRules, coupon: IssuedCoupon) -> dt.datetime | None:
    """The first instant an issued coupon is no longer redeemable: its expire_time, or (with
    redeemable_until_days) that many days before it on the wall clock of the offer's time zone
    (a cut-off that falls in a daylight-saving gap resolves as the zone's fold=0 does). None: no end."""
    if coupon.expire_time is None or not rules.redeemable_until_days:
        return coupon.expire_time
    zone = ZoneInfo(rules.time_zone)
    local = coupon.expire_time.astimezone(zone)
    # Aware + timedelta is wall-clock arithmetic in the zone.
    return (local - dt.timedelta(days=rules.redeemable_until_days)).astimezone(dt.timezone.utc)


def coupon_redeemable_from(rules: RedemptionRules, coupon: IssuedCoupon) -> dt.datetime | None:
    """When an issued coupon becomes redeemable: the latest of the offer's start, its redemption
    start and the coupon's own (redemption_start_days); None when none is after the issue."""
    starts = [when for when in (rules.start_time, rules.redemption_start_time, coupon_redemption_start(rules, coupon))
              if when is not None and when > coupon.issue_time]
    return max(starts) if starts else None


@dataclass(frozen=True, slots=True)
class CouponTerms:
    """What an account's coupon offers, as seed 001's account coupon shows it beside the coupon:
    the offer (its reward and content), its redemption limits, and when the coupon is redeemable."""

    offer: Offer
    max_account_redemptions: int
    """0 = unlimited."""
    max_redemptions: int
    """0 = unlimited."""
    redeemable_from: dt.datetime | None
    redeemable_until: dt.datetime | None


def coupon_terms(offer: Offer, coupon: IssuedCoupon) -> CouponTerms:
    rules = offer.rules
    return CouponTerms(offer, rules.max_account_redemptions, rules.max_redemptions,
                       coupon_redeemable_from(rules, coupon), coupon_redemption_end(rules, coupon))


def coupon_rule_failures(rules: RedemptionRules, coupon: IssuedCoupon, now: dt.datetime) -> list[DomainError]:
    """The offer's rules that apply to one issued coupon: its own redemption start, and the end
    of its redemption N days before its expiry (an expired coupon is COUPON_EXPIRED instead)."""
    failures = []
    start = coupon_redemption_start(rules, coupon)
    if start is not None and now < start:
        failures.append(DomainError(ErrorReason.REDEMPTION_NOT_STARTED, metadata={
            "redemption_start_time": start.isoformat()}))
    end = coupon_redemption_end(rules, coupon)
    if rules.redeemable_until_days and end is not None and end <= now < coupon.expire_time:
        failures.append(DomainError(ErrorReason.REDEMPTION_CLOSED_BEFORE_EXPIRY, metadata={
            "redemption_end_time": end.isoformat(), "expire_time": coupon.expire_time.isoformat(),
            "days_before_expiry": rules.redeemable_until_days}))
    return failures


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
    validate_hour_windows(rules.hours)
    validate_offer_rules(rules)


def validate_offer(offer: Offer) -> None:
    """What an offer must satisfy to be stored (CreateOffer, and UpdateOffer after the mask), in
    one place: its name, its reward (required, each value in its bounds), its rules, its issuance
    rules and its content. That its program exists is checked by the caller, against Postgres."""
    if not offer.display_name:
        raise field_required("offer.display_name")
    if len(offer.display_name) > limits.OFFER_DISPLAY_NAME_LENGTH_MAX:
        raise field_too_long("offer.display_name", limits.OFFER_DISPLAY_NAME_LENGTH_MAX)
    if len(offer.description) > limits.OFFER_DESCRIPTION_LENGTH_MAX:
        raise field_too_long("offer.description", limits.OFFER_DESCRIPTION_LENGTH_MAX)
    validate_reward(offer)
    validate_limits(offer)
    validate_rules(offer.rules)
    validate_free_item_sku(offer.free_item_sku, required=offer.reward_kind is RewardKind.FREE_ITEM)
    threshold = offer.issuance.notify_remaining
    if threshold and not 0 < threshold < offer.rules.max_issues:
        raise DomainError(ErrorReason.FIELD_OUT_OF_RANGE, metadata={
            "field": "offer.rules.issue_notification_threshold", "max": max(0, offer.rules.max_issues - 1)})
    validate_content(offer.content)
    validate_past_issue(offer.issuance)
    validate_delivery(offer.delivery)


def validate_past_issue(issuance: IssuanceRules) -> None:
    """past_offer_ids: at most OFFER_PAST_ISSUE_OFFERS_MAX UUIDs; past_months 1..120 with them
    (FIELD_REQUIRED without), 0 without them (FIELD_INVALID)."""
    if len(issuance.past_offer_ids) > limits.OFFER_PAST_ISSUE_OFFERS_MAX:
        raise field_too_long("offer.rules.past_issue_offer_ids", limits.OFFER_PAST_ISSUE_OFFERS_MAX)
    for offer_id in issuance.past_offer_ids:
        try:
            if str(uuid.UUID(offer_id)) != offer_id:
                raise ValueError(offer_id)
        except ValueError:
            raise field_invalid("offer.rules.past_issue_offer_ids", "offer ids (lower-case UUIDs)") from None
    if not issuance.past_offer_ids:
        if issuance.past_months:
            raise field_invalid("offer.rules.past_issue_months", "0 unless past_issue_offer_ids is set")
        return
    if not issuance.past_months:
        raise field_required("offer.rules.past_issue_months")
    if not 1 <= issuance.past_months <= limits.PAST_ISSUE_MONTHS_MAX:
        raise DomainError(ErrorReason.FIELD_OUT_OF_RANGE, metadata={
            "field": "offer.rules.past_issue_months", "min": 1, "max": limits.PAST_ISSUE_MONTHS_MAX})


def add_months(when: dt.datetime, months: int, time_zone: str) -> dt.datetime:
    """`when` moved by whole calendar months (negative: back) on the wall clock of `time_zone`,
    in UTC; a day the target month does not have is its last day (31 August + 6 = 28/29 February)."""
    zone = ZoneInfo(time_zone)
    local = when.astimezone(zone)
    index = local.year * 12 + (local.month - 1) + months
    year, month = index // 12, index % 12 + 1
    day = min(local.day, calendar.monthrange(year, month)[1])
    return local.replace(year=year, month=month, day=day).astimezone(dt.timezone.utc)


def past_issue_since(issuance: IssuanceRules, time_zone: str, now: dt.datetime) -> dt.datetime:
    """A lower bound on the issue times that may still restrict an issue at `now` (the store
    reads the newest issue of the listed offers from then on): past_months back, less the three
    days a month-end clamp can take."""
    return add_months(now, -issuance.past_months, time_zone) - dt.timedelta(days=3)


def past_issue_failure(issuance: IssuanceRules, time_zone: str, now: dt.datetime,
                       newest: tuple[str, dt.datetime] | None) -> DomainError | None:
    """PAST_COUPON_ISSUED when the account's newest issue of a listed offer (offer id, issue
    time) is less than past_months old: the account may be issued again from that issue plus
    past_months (calendar months in the offer's time zone), that instant included."""
    if not issuance.past_offer_ids or newest is None:
        return None
    offer_id, issue_time = newest
    allowed = add_months(issue_time, issuance.past_months, time_zone)
    if now >= allowed:
        return None
    return DomainError(ErrorReason.PAST_COUPON_ISSUED, metadata={
        "past_offer_id": offer_id, "past_issue_time": issue_time.isoformat(), "allowed_time": allowed.isoformat(),
        "past_issue_months": issuance.past_months})


LIMIT_FIELDS = (("max_account_redemption_count", "max_account_redemptions"),
                ("max_redemption_count", "max_redemptions"),
                ("max_account_issue_count", "max_account_issues"), ("max_issue_count", "max_issues"))
"""The offer's count limits: (contract field under offer.rules, RedemptionRules attribute)."""


def validate_limits(offer: Offer) -> None:
    """The count limits are 0 (none) or more, and the gap between an account's issues is within
    0..COUPON_VALIDITY_SECONDS_MAX (FIELD_OUT_OF_RANGE)."""
    for field_name, attribute in LIMIT_FIELDS:
        if getattr(offer.rules, attribute) < 0:
            raise DomainError(ErrorReason.FIELD_OUT_OF_RANGE, metadata={"field": f"offer.rules.{field_name}"})
    if not 0 <= offer.issuance.min_gap_seconds <= limits.COUPON_VALIDITY_SECONDS_MAX:
        raise DomainError(ErrorReason.FIELD_OUT_OF_RANGE, metadata={
            "field": "offer.rules.min_issue_gap", "max_seconds": limits.COUPON_VALIDITY_SECONDS_MAX})


def validate_reward(offer: Offer) -> None:
    """An offer rewards something (FIELD_REQUIRED "offer.reward": no kind, or a kind without its
    value), and every reward value is within its bounds (FIELD_OUT_OF_RANGE)."""
    if not any(getattr(offer, name) for name in REWARD_ATTRIBUTES if name != "discount_max"):
        raise field_required("offer.reward")
    for name, value, low, high in (
            ("discount_amount", offer.discount_amount.amount_minor if offer.discount_amount else None, 1, None),
            ("discount_amount_max", offer.discount_max.amount_minor if offer.discount_max else None, 1, None),
            ("discount_percent_bps", offer.discount_percent_bps or None, 1, limits.DISCOUNT_PERCENT_BPS_MAX),
            ("extra_points", offer.extra_points or None, 1, limits.REWARD_EXTRA_POINTS_MAX),
            ("points_multiplier_bps", offer.points_multiplier_bps or None, limits.REWARD_MULTIPLIER_BPS_MIN,
             limits.REWARD_MULTIPLIER_BPS_MAX),
            ("price_points", offer.price_points or None, 1, limits.REWARD_PRICE_POINTS_MAX)):
        if value is not None and (value < low or (high is not None and value > high)):
            raise DomainError(ErrorReason.FIELD_OUT_OF_RANGE, metadata={
                "field": f"offer.reward.{name}", "min": low, **({"max": high} if high is not None else {})})


def activation_refusal(offer: Offer, series_code_counts: Sequence[int]) -> DomainError | None:
    """Why ActivateOffer refuses the offer, if it does. An offer has codes to issue when it has a
    common code (COMMON series), or no other series at all (each coupon gets a fresh random code
    at issue), or at least one code was ever generated or imported into one of its series (a
    series issued out stays activatable: its coupons are redeemed while the offer is ACTIVE).
    Refused (OFFER_HAS_NO_CODES): series, none common, and not one code in any of them."""
    if offer.common_code or not series_code_counts or any(series_code_counts):
        return None
    return DomainError(ErrorReason.OFFER_HAS_NO_CODES, metadata={
        "offer_id": offer.offer_id, "code_series_count": len(series_code_counts)})


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
    past_offer_ids: frozenset[str] = frozenset()
    """Issue only to accounts not issued a coupon of these offers in the last past_months."""
    past_months: int = 0


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
    free_item_sku: str = ""
    """FREE_ITEM (and optionally REWARD): the item given for free."""
    content: OfferContent = field(default_factory=OfferContent)
    delivery: OfferDelivery = field(default_factory=OfferDelivery)
    """How its coupons reach their holders (core/domain/messages.py)."""
    version: int = 0
    """The offers row's version: grows with every change (the etag)."""
    create_time: dt.datetime | None = None
    update_time: dt.datetime | None = None

    @property
    def reward_kind(self) -> RewardKind | None:
        """The kind of the offer's reward, as its fields say (None: no reward)."""
        if self.price_points:
            return RewardKind.REWARD
        if self.extra_points:
            return RewardKind.EXTRAPOINT
        if self.points_multiplier_bps:
            return RewardKind.MULTIPLIER
        if self.discount_amount is not None:
            return RewardKind.DISCOUNT_AMOUNT
        if self.discount_percent_bps:
            return RewardKind.DISCOUNT_PERCENT
        if self.free_item_sku:
            return RewardKind.FREE_ITEM
        return None

    @property
    def applies_at_earn(self) -> bool:
        """EXTRAPOINT and MULTIPLIER coupons are not redeemed by hand: they are applied (and their
        redemption recorded) when points are earned on a purchase (LoyaltyService.EarnPoints)."""
        return bool(self.extra_points or self.points_multiplier_bps)


def check_redemption(offer: Offer, now: dt.datetime, store_id: str, bill: Money) -> None:
    """Raise the first failing rule that needs no shared state, in precedence order."""
    for failure in failing_rules(offer, now, store_id, bill):
        raise failure


def failing_rules(offer: Offer, now: dt.datetime, store_id: str, bill: Money | None, *,
                  location: Location | None = None, customer: Customer | None = None,
                  rates: Rates | None = None, lines: Sequence[BillLine] = ()) -> list[DomainError]:
    """Every failing rule that needs no shared state, in precedence order (ValidateCoupon).
    `location` (store, zone, interaction point) replaces `store_id` when given; the customer
    rules are checked when `customer` is given; the bill rules when `bill` is (bill bounds in
    another currency converted with `rates`; the offer's products against the bill's `lines`)."""
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
    failures += location_failures(rules, location or Location(store_id))
    failures += calendar_failures(rules, now)
    if customer is not None:
        failures += customer_failures(rules, customer)
    if bill is None:
        return failures
    return failures + _bill_failures(rules, bill, rates or {}) + product_failures(rules, lines)


_LOCATION_REASONS = {ErrorReason.OFFER_STORE_NOT_ALLOWED: ("store_id", "zone_id", "concept_id"),
                     ErrorReason.OFFER_ZONE_NOT_ALLOWED: ("store_id", "zone_id", "concept_id"),
                     ErrorReason.OFFER_CONCEPT_NOT_ALLOWED: ("store_id", "zone_id", "concept_id"),
                     ErrorReason.INTERACTION_POINT_NOT_ALLOWED: ("interaction_point_id",)}


def deal_is_open(offer: Offer, now: dt.datetime, location: Location, customer: Customer | None) -> bool:
    """Whether the rules that need no bill let the customer redeem the offer now at `location`
    (ListDeals). A location dimension left empty (no store, zone nor concept; no interaction
    point) is not checked; a zone- or concept-tagged offer is open in its zones or concepts, and
    in a store only if it names it (seed 003: a zone or concept matches only the offers tagged
    to it, not those of the stores in it)."""
    for failure in failing_rules(offer, now, location.store_id, None, location=location, customer=customer):
        named = _LOCATION_REASONS.get(failure.reason)
        if named is None or any(getattr(location, name) for name in named):
            return False
    return True


def location_failures(rules: RedemptionRules, location: Location) -> list[DomainError]:
    """A named store, a named zone or a named concept (any list; all empty = anywhere), then the
    interaction point. The reason names the widest group the offer is tagged to: the zone, else
    the concept, else the store."""
    failures = []
    if (rules.store_ids or rules.zone_ids or rules.concept_ids) and location.store_id not in rules.store_ids \
            and location.zone_id not in rules.zone_ids and location.concept_id not in rules.concept_ids:
        reason = ErrorReason.OFFER_ZONE_NOT_ALLOWED if rules.zone_ids else \
            ErrorReason.OFFER_CONCEPT_NOT_ALLOWED if rules.concept_ids else ErrorReason.OFFER_STORE_NOT_ALLOWED
        metadata = {"store_id": location.store_id, "zone_id": location.zone_id}
        if rules.concept_ids or location.concept_id:
            metadata["concept_id"] = location.concept_id
        failures.append(DomainError(reason, metadata=metadata))
    if rules.interaction_point_ids and location.interaction_point_id not in rules.interaction_point_ids:
        failures.append(DomainError(ErrorReason.INTERACTION_POINT_NOT_ALLOWED, metadata={
            "interaction_point_id": location.interaction_point_id}))
    return failures


def calendar_failures(rules: RedemptionRules, now: dt.datetime) -> list[DomainError]:
    """Day of week, day of month and hour, on the wall clock of the offer's time zone."""
    local = now.astimezone(ZoneInfo(rules.time_zone))
    failures = []
    if rules.days_of_week and local.isoweekday() not in rules.days_of_week:
        failures.append(DomainError(ErrorReason.DAY_NOT_ALLOWED, metadata={"day_of_week": str(local.isoweekday())}))
    if rules.days_of_month and local.day not in rules.days_of_month:
        failures.append(DomainError(ErrorReason.DAY_OF_MONTH_NOT_ALLOWED, metadata={
            "day_of_month": local.day, "time_zone": rules.time_zone}))
    if rules.hours and not any(in_hour_window(window, local.hour) for window in rules.hours):
        failures.append(DomainError(ErrorReason.HOUR_NOT_ALLOWED, metadata={
            "hour": str(local.hour), "time_zone": rules.time_zone}))
    return failures


def in_hour_window(window: tuple[int, int], hour: int) -> bool:
    """Whether a local hour (0..23) lies in [start, end); a window with start > end wraps past
    midnight (22..6 holds 22, 23, 0 .. 5)."""
    start, end = window
    return start <= hour < end if start < end else hour >= start or hour < end


def validate_hour_windows(windows: Sequence[tuple[int, int]], field_name: str = "offer.rules.hour_windows", *,
                          indexed: bool = True) -> None:
    """At most OFFER_HOUR_WINDOWS_MAX windows, each 0 <= start <= 23, 1 <= end <= 24, start != end
    (FIELD_INVALID naming `field_name`, with the window's index unless `indexed` is False)."""
    if len(windows) > limits.OFFER_HOUR_WINDOWS_MAX:
        raise field_too_long(field_name, limits.OFFER_HOUR_WINDOWS_MAX)
    for index, (start, end) in enumerate(windows):
        if not (0 <= start <= 23 and 1 <= end <= 24 and start != end):
            raise field_invalid(f"{field_name}[{index}]" if indexed else field_name,
                                "0 <= start_hour <= 23, 1 <= end_hour <= 24, start_hour != end_hour")


class RewardKind(enum.IntEnum):
    """What a coupon gives (the numbers are the contract's RewardKind)."""

    DISCOUNT_AMOUNT = 1
    DISCOUNT_PERCENT = 2
    FREE_ITEM = 3
    EXTRAPOINT = 4
    MULTIPLIER = 5
    REWARD = 6


def validate_free_item_sku(sku: str, required: bool, field_name: str = "offer.reward.free_item_sku") -> None:
    """A FREE_ITEM's sku is required; any sku is 1..FREE_ITEM_SKU_LENGTH_MAX printable characters."""
    if not sku:
        if required:
            raise DomainError(ErrorReason.FIELD_REQUIRED, metadata={"field": field_name})
        return
    if len(sku) > limits.FREE_ITEM_SKU_LENGTH_MAX:
        raise field_too_long(field_name, limits.FREE_ITEM_SKU_LENGTH_MAX)
    if not sku.isprintable() or sku.strip() != sku:
        raise field_invalid(field_name, "printable characters, no leading or trailing space")


def customer_failures(rules: RedemptionRules, customer: Customer) -> list[DomainError]:
    """The registration window [start, end) and the most earlier purchases allowed."""
    failures = []
    registered = customer.registration_time
    if (rules.registration_start_time and registered < rules.registration_start_time) or \
            (rules.registration_end_time and registered >= rules.registration_end_time):
        window = {name: value.isoformat() for name, value in (
            ("registration_start_time", rules.registration_start_time),
            ("registration_end_time", rules.registration_end_time)) if value}
        failures.append(DomainError(ErrorReason.ACCOUNT_REGISTERED_OUTSIDE_WINDOW, metadata={
            "registration_time": registered.isoformat(), **window}))
    most = rules.prior_transactions_max
    if most is not None and customer.prior_transaction_count > most:
        failures.append(DomainError(ErrorReason.NOT_NEW_CUSTOMER, metadata={
            "prior_transaction_count": customer.prior_transaction_count, "max_prior_transaction_count": most}))
    return failures


def _bill_failures(rules: RedemptionRules, bill: Money, rates: Rates) -> list[DomainError]:
    """The bill bounds, compared exactly: a bound in another currency is converted with the
    org's rate (unrounded), CURRENCY_RATE_MISSING without one."""
    try:
        low = _exact(rules.min_bill, bill.currency_code, rates) if rules.min_bill else None
        high = _exact(rules.max_bill, bill.currency_code, rates) if rules.max_bill else None
    except DomainError as missing:
        return [missing]
    if low is not None and bill.amount_minor < low:
        return [DomainError(ErrorReason.BILL_AMOUNT_TOO_LOW, metadata={
            "min_amount_minor": str(math.ceil(low)), "currency_code": bill.currency_code})]
    if high is not None and bill.amount_minor > high:
        return [DomainError(ErrorReason.BILL_AMOUNT_TOO_HIGH, metadata={
            "max_amount_minor": str(math.floor(high)), "currency_code": bill.currency_code})]
    return []


def _exact(money: Money, currency_code: str, rates: Rates) -> Fraction:
    """`money` in `currency_code`'s minor units, exactly (no rounding)."""
    if money.currency_code == currency_code:
        return Fraction(money.amount_minor)
    rate = rates.get((money.currency_code, currency_code))
    if rate is None:
        raise DomainError(ErrorReason.CURRENCY_RATE_MISSING, metadata={
            "from_currency_code": money.currency_code, "to_currency_code": currency_code})
    digits = minor_unit_digits(currency_code) - minor_unit_digits(money.currency_code)
    return Fraction(money.amount_minor) * Fraction(rate) * Fraction(10) ** digits


Rates = Mapping[tuple[str, str], Decimal]
"""(from currency, to currency) -> units of `to` for one unit of `from` (exact decimals)."""


def convert(money: Money, currency_code: str, rates: Rates) -> int:
    """`money` in `currency_code`'s minor units, rounded down (floor) to a whole minor unit;
    CURRENCY_RATE_MISSING when no rate converts the pair."""
    return math.floor(_exact(money, currency_code, rates))


def reward_currencies(offer: Offer) -> set[str]:
    """The currencies the offer's reward and bill bounds are stated in (to know which rates a
    bill needs)."""
    return {money.currency_code for money in (offer.discount_amount, offer.discount_max, offer.rules.min_bill,
                                              offer.rules.max_bill) if money is not None}


def discount(offer: Offer, bill: Money, rates: Rates | None = None, lines: Sequence[BillLine] = ()) -> int:
    """The discount in the bill's minor units: a fixed amount (never above the bill) or a percentage
    in basis points, rounded down, capped by discount_max. A reward in another currency is
    converted with `rates` (rounded down); CURRENCY_RATE_MISSING when none converts it. A
    product-restricted offer discounts only the matching `lines` (discount_base)."""
    rates = rates or {}
    base = discount_base(offer.rules, bill, lines)
    if offer.discount_amount is not None:
        return min(convert(offer.discount_amount, bill.currency_code, rates), base)
    amount = base * offer.discount_percent_bps // 10_000
    if offer.discount_max is not None:
        amount = min(amount, convert(offer.discount_max, bill.currency_code, rates))
    return amount


# --- offer content and the rules an offer may be given ------------------------------------

_LANGUAGE = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")
_PROPERTY_KEY = re.compile(r"^[A-Za-z0-9_.-]+$")


def _bounded(field_name: str, value: str, length_max: int) -> None:
    if len(value) > length_max:
        raise field_too_long(field_name, length_max)


def validate_content(content: OfferContent, prefix: str = "offer.content") -> None:
    """Every size bounded (FIELD_TOO_LONG), languages unique BCP-47 tags, image URLs http(s)."""
    if len(content.texts) > limits.OFFER_TEXTS_MAX:
        raise field_too_long(f"{prefix}.texts", limits.OFFER_TEXTS_MAX)
    languages = set()
    for index, text in enumerate(content.texts):
        name = f"{prefix}.texts[{index}]"
        if len(text.language_code) > limits.OFFER_LANGUAGE_CODE_LENGTH_MAX or not _LANGUAGE.match(text.language_code):
            raise field_invalid(f"{name}.language_code", "a BCP-47 language tag")
        if text.language_code.lower() in languages:
            raise field_invalid(f"{name}.language_code", "one text per language")
        languages.add(text.language_code.lower())
        for attribute, length_max in (("title", limits.OFFER_TITLE_LENGTH_MAX),
                                      ("subtitle", limits.OFFER_SUBTITLE_LENGTH_MAX),
                                      ("description", limits.OFFER_TEXT_DESCRIPTION_LENGTH_MAX),
                                      ("booking_text", limits.OFFER_BOOKING_TEXT_LENGTH_MAX)):
            _bounded(f"{name}.{attribute}", getattr(text, attribute), length_max)
    if len(content.image_uris) > limits.OFFER_IMAGES_MAX:
        raise field_too_long(f"{prefix}.image_uris", limits.OFFER_IMAGES_MAX)
    for index, uri in enumerate(content.image_uris):
        _bounded(f"{prefix}.image_uris[{index}]", uri, limits.OFFER_IMAGE_URI_LENGTH_MAX)
        if not uri.startswith(("https://", "http://")) or len(uri) <= len("https://") or not uri.isprintable():
            raise field_invalid(f"{prefix}.image_uris[{index}]", "an http(s) URL")
    if len(content.custom_properties) > limits.OFFER_CUSTOM_PROPERTIES_MAX:
        raise field_too_long(f"{prefix}.custom_properties", limits.OFFER_CUSTOM_PROPERTIES_MAX)
    for key, value in content.custom_properties:
        if not _PROPERTY_KEY.match(key) or len(key) > limits.OFFER_CUSTOM_PROPERTY_KEY_LENGTH_MAX:
            raise field_invalid(f"{prefix}.custom_properties",
                                f"keys of 1..{limits.OFFER_CUSTOM_PROPERTY_KEY_LENGTH_MAX} characters of [A-Za-z0-9_.-]")
        _bounded(f"{prefix}.custom_properties[{key}]", value, limits.OFFER_CUSTOM_PROPERTY_VALUE_LENGTH_MAX)
    _bounded(f"{prefix}.external_reference", content.external_reference, limits.OFFER_EXTERNAL_REFERENCE_LENGTH_MAX)
    _bounded(f"{prefix}.external_code", content.external_code, limits.OFFER_EXTERNAL_CODE_LENGTH_MAX)


def validate_offer_rules(rules: RedemptionRules) -> None:
    """The location, calendar and customer rules (validate_rules checks the rest)."""
    for name in ("store_ids", "zone_ids", "interaction_point_ids", "concept_ids"):
        values = getattr(rules, name)
        if len(values) > limits.OFFER_LOCATIONS_MAX:
            raise field_too_long(f"offer.rules.{name}", limits.OFFER_LOCATIONS_MAX)
        if any(not value or len(value) > limits.OFFER_LOCATION_ID_LENGTH_MAX for value in values):
            raise field_invalid(f"offer.rules.{name}", f"ids of 1..{limits.OFFER_LOCATION_ID_LENGTH_MAX} characters")
    if any(not 1 <= day <= 31 for day in rules.days_of_month):
        raise DomainError(ErrorReason.FIELD_OUT_OF_RANGE, metadata={"field": "offer.rules.days_of_month",
                                                                    "min": 1, "max": 31})
    if rules.start_time and rules.end_time and rules.start_time >= rules.end_time:
        raise field_invalid("offer.rules.end_time", "after start_time")
    start, end = rules.registration_start_time, rules.registration_end_time
    if start and end and start >= end:
        raise field_invalid("offer.rules.registration_end_time", "after registration_start_time")
    if not 0 <= rules.redemption_start_days <= limits.REDEMPTION_START_DAYS_MAX:
        raise DomainError(ErrorReason.FIELD_OUT_OF_RANGE, metadata={
            "field": "offer.rules.redemption_start_days_after_issue", "min": 0, "max": limits.REDEMPTION_START_DAYS_MAX})
    if not 0 <= rules.redeemable_until_days <= limits.REDEMPTION_START_DAYS_MAX:
        raise DomainError(ErrorReason.FIELD_OUT_OF_RANGE, metadata={
            "field": "offer.rules.redeemable_until_days_before_expiry", "min": 0,
            "max": limits.REDEMPTION_START_DAYS_MAX})
    for name, values in (("applicable_skus", rules.applicable_skus),
                         ("applicable_categories", rules.applicable_categories)):
        if len(values) > limits.OFFER_PRODUCTS_MAX:
            raise field_too_long(f"offer.rules.{name}", limits.OFFER_PRODUCTS_MAX)
        if any(not value or len(value) > limits.SKU_LENGTH_MAX for value in values):
            raise field_invalid(f"offer.rules.{name}", f"values of 1..{limits.SKU_LENGTH_MAX} characters")
    most = rules.max_prior_transactions
    if most is not None and not 0 <= most <= limits.PRIOR_TRANSACTION_COUNT_MAX:
        raise DomainError(ErrorReason.FIELD_OUT_OF_RANGE, metadata={
            "field": "offer.rules.max_prior_transaction_count", "min": 0, "max": limits.PRIOR_TRANSACTION_COUNT_MAX})


# --- updates (UpdateOffer, AIP-134) ---------------------------------------------------------

RULES_UPDATABLE_PATHS = {
    "start_time": "start_time", "end_time": "end_time", "expiry_mode": "expiry_mode",
    "coupon_validity": "coupon_validity_seconds", "redemption_start_time": "redemption_start_time",
    "min_redemption_gap": "min_gap_seconds", "store_ids": "store_ids", "min_bill_amount": "min_bill",
    "max_bill_amount": "max_bill", "days_of_week": "days_of_week", "hours_of_day": "hours", "hour_windows": "hours",
    "new_customers_only": "new_customers_only", "max_account_redemption_count": "max_account_redemptions",
    "max_redemption_count": "max_redemptions", "max_account_issue_count": "max_account_issues",
    "max_issue_count": "max_issues", "activation_required": "activation_required",
    "coupon_validity_months": "coupon_validity_months", "time_zone": "time_zone", "zone_ids": "zone_ids",
    "interaction_point_ids": "interaction_point_ids", "days_of_month": "days_of_month",
    "registration_start_time": "registration_start_time", "registration_end_time": "registration_end_time",
    "max_prior_transaction_count": "max_prior_transactions",
    "redemption_start_days_after_issue": "redemption_start_days", "redeemable_by_anyone": "anyone_may_redeem",
    "redeemable_until_days_before_expiry": "redeemable_until_days", "applicable_skus": "applicable_skus",
    "applicable_categories": "applicable_categories", "concept_ids": "concept_ids"}
"""OfferRules fields (as in an update mask, after "rules.") -> RedemptionRules attribute."""
ISSUANCE_UPDATABLE_PATHS = {"min_issue_gap": "min_gap_seconds", "rematch_policy": "rematch",
                            "listed_accounts_only": "listed_only", "issue_notification_threshold": "notify_remaining",
                            "past_issue_offer_ids": "past_offer_ids", "past_issue_months": "past_months"}
"""OfferRules fields (after "rules.") that live in the offer's IssuanceRules."""
CONTENT_UPDATABLE_PATHS = {name: name for name in ("texts", "image_uris", "custom_properties", "external_reference",
                                                   "external_code")}
OFFER_UPDATABLE_PATHS = {"display_name": "display_name", "description": "description", "content": "content",
                         "delivery": "delivery"}
OFFER_OUTPUT_ONLY_PATHS = frozenset({"offer_id", "state", "issued_count", "redeemed_count", "etag", "create_time",
                                     "update_time"})
REWARD_ATTRIBUTES = ("discount_amount", "discount_percent_bps", "discount_max", "extra_points",
                     "points_multiplier_bps", "price_points", "free_item_sku")
"""The Offer attributes that make up its Reward (replaced together by the path "reward")."""


def apply_offer_update(current: Offer, patch: Offer, paths: Sequence[str]) -> Offer:
    """`current` with the fields named by `paths` taken from `patch`, to be validated by the
    caller: "rules.<field>" and "content.<field>" change one field, "rules", "content" and
    "reward" the whole message. program_id never changes, the reward only while DRAFT
    (FIELD_IMMUTABLE)."""
    require_update_mask(paths)
    nested = {"rules": (RULES_UPDATABLE_PATHS, []), "content": (CONTENT_UPDATABLE_PATHS, []),
              "issuance": (ISSUANCE_UPDATABLE_PATHS, [])}
    top = []
    for path in paths:
        head, dot, rest = path.partition(".")
        if head == "rules" and rest in ISSUANCE_UPDATABLE_PATHS:
            nested["issuance"][1].append(rest)
        elif path == "rules":  # The whole OfferRules message: the redemption and the issuance rules.
            current = dataclasses.replace(current, rules=patch.rules, issuance=patch.issuance)
        elif dot and head in nested:
            nested[head][1].append(rest)
        elif path == "reward":
            if current.state is not OfferState.DRAFT and _reward(patch) != _reward(current):
                raise DomainError(ErrorReason.FIELD_IMMUTABLE, metadata={"field": "offer.reward",
                                                                         "state": current.state.name})
            current = dataclasses.replace(current, **dict(zip(REWARD_ATTRIBUTES, _reward(patch))))
        else:
            top.append(path)
    for head, (updatable, rests) in nested.items():
        if rests:
            current = dataclasses.replace(current, **{head: apply_mask(
                getattr(current, head), getattr(patch, head), rests, updatable=updatable, resource="offer",
                prefix="rules." if head == "issuance" else f"{head}.")})
    if not top:
        return current
    return apply_mask(current, patch, top, updatable=OFFER_UPDATABLE_PATHS, immutable=("program_id",),
                      output_only=OFFER_OUTPUT_ONLY_PATHS, resource="offer")


def _reward(offer: Offer) -> tuple:
    return tuple(getattr(offer, name) for name in REWARD_ATTRIBUTES)


# --- the redemption-limit rule (Python twin of scripts/prelude/redemption_limits.lua) --------

@dataclass(frozen=True, slots=True)
class AppliedLimits:
    """The gap and limits a redemption script applies to an offer (0 = none)."""

    account_max: int
    offer_max: int
    gap_ms: int


class LimitCheck(enum.IntEnum):
    """The shared-state checks, numbered as the scripts reply them, in precedence order."""

    GAP = 3
    ACCOUNT_LIMIT = 4
    OFFER_LIMIT = 5


def applied_limits(offer: Offer, published_version: int | None, published: AppliedLimits) -> AppliedLimits:
    """The limits that apply: the published (live) ones when at least as new as the offer read,
    else the offer's own."""
    if published_version is not None and published_version >= offer.version:
        return published
    rules = offer.rules
    return AppliedLimits(rules.max_account_redemptions, rules.max_redemptions, rules.min_gap_seconds * 1000)


def limit_failures(applied: AppliedLimits, *, now_ms: int, last_ms: int, account_count: int,
                   offer_count: int) -> list[tuple[LimitCheck, int]]:
    """Every failing check with its detail (the time allowed again in ms, or the limit), in
    precedence order, as coupon_check replies them."""
    failing: list[tuple[LimitCheck, int]] = []
    if applied.gap_ms > 0 and last_ms > 0 and now_ms < last_ms + applied.gap_ms:
        failing.append((LimitCheck.GAP, last_ms + applied.gap_ms))
    if applied.account_max > 0 and account_count >= applied.account_max:
        failing.append((LimitCheck.ACCOUNT_LIMIT, applied.account_max))
    if applied.offer_max > 0 and offer_count >= applied.offer_max:
        failing.append((LimitCheck.OFFER_LIMIT, applied.offer_max))
    return failing


def remaining(limit: int, count: int) -> int:
    """Uses left under `limit` after `count`; -1 without a limit."""
    return -1 if limit == 0 else max(0, limit - count)


def gap_end(last_ms: int, gap_ms: int, now: dt.datetime) -> dt.datetime | None:
    """When an account's gap ends (from its last use at `last_ms`), if still ahead."""
    if not gap_ms or not last_ms:
        return None
    end = dt.datetime.fromtimestamp((last_ms + gap_ms) / 1000, dt.timezone.utc)
    return end if end > now else None
