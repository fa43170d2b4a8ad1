"""Offers, their redemption rules, and the rules that need no shared state (pure functions).

Times are evaluated in the offer's IANA time zone; money is minor units + currency. The rules
that need shared state (gaps, per-account and global limits) live in the redemption script.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from core.domain.errors import DomainError, ErrorReason


class OfferState(enum.IntEnum):
    DRAFT = 1
    ACTIVE = 2
    INACTIVE = 3


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


@dataclass(frozen=True, slots=True)
class IssuedCoupon:
    """A coupon with a unique code, issued to one account."""

    coupon_id: str
    code: str
    offer_id: str
    account_id: str
    issue_time: dt.datetime
    expire_time: dt.datetime | None

    def to_json(self) -> dict:
        return {"coupon_id": self.coupon_id, "code": self.code, "offer_id": self.offer_id,
                "account_id": self.account_id, "issue_time": self.issue_time.isoformat(),
                "expire_time": self.expire_time.isoformat() if self.expire_time else None}

    @classmethod
    def from_json(cls, data: dict) -> IssuedCoupon:
        expire = data["expire_time"]
        return cls(data["coupon_id"], data["code"], data["offer_id"], data["account_id"],
                   dt.datetime.fromisoformat(data["issue_time"]), dt.datetime.fromisoformat(expire) if expire else None)


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
