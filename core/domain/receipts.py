"""Receipts of an earn (seed 004's `receipt_number`, `receipt_type`, `posted_by`, `details`): the
pure rules, no I/O.

An EarnPoints purchase may carry several receipt details (store, payment method, amount, note,
invoice photo). Their amounts add up to the bill, and the points are computed per detail where the
rules depend on the store or the payment method (`compute_receipt_earn`):

    rate_r   = rule r's rate at the band the whole bill reaches (core/domain/loyalty.py)
    base_d   = sum over RATIO rules r applying in detail d's store of amount_d * rate_r
    P_d      = the PROMOTION factors active in d's store, the CARD_TYPE factors matching d's
               payment method code (else the purchase's payment_card_type), the tier's factor
    C        = the MULTIPLIER coupons' factor (the whole bill)
    regular      = round(sum base_d)
    with_program = round(sum base_d * P_d)
    with_all     = round(sum base_d * P_d * C)
    bonus  = with_program - regular + the TIER rules' bonus on the whole bill
    reward = with_all - with_program + the EXTRAPOINT coupons' points

Exact fractions, rounded once per figure by the first applicable RATIO rule's mode: with one
detail in the purchase's own store this is compute_earn exactly.

A receipt number is the next number of the program's receipt sequence formatted by the program's
pattern (`format_receipt_number`), e.g. "EA/{YY}/{SEQ:8}" -> "EA/18/00000012".
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from fractions import Fraction

from core.domain import limits
from core.domain.errors import DomainError, ErrorReason, field_invalid, field_required, field_too_long
from core.domain.loyalty import (BPS, CouponBonus, EarnBreakdown, EarnRuleKind, ProgramRules, Purchase, RatioRule,
                                 RoundingMode, Tier, _program_factor, check_uri, round_points, tier_rule_points)


class ReceiptType(enum.IntEnum):
    SINGLE = 1
    COMBINE = 2


@dataclass(frozen=True, slots=True)
class ReceiptDetail:
    store_id: str
    """Empty: the purchase's store."""
    payment_code: str
    payment_name: str
    amount_minor: int
    currency_code: str
    note: str = ""
    invoice_photo_uri: str = ""
    transaction_time: dt.datetime | None = None
    """As the till says: data, not the clock."""

    def to_json(self) -> dict:
        data = asdict(self)
        data["transaction_time"] = self.transaction_time.isoformat() if self.transaction_time else None
        return data

    @classmethod
    def from_json(cls, data: dict) -> ReceiptDetail:
        when = data.get("transaction_time")
        return cls(**{**data, "transaction_time": dt.datetime.fromisoformat(when) if when else None})


@dataclass(frozen=True, slots=True)
class Receipt:
    """The receipt of an EarnPoints EARN, as the history shows it."""

    receipt_number: str
    """Formatted; empty if the program numbers no receipts."""
    sequence: int | None
    receipt_type: int
    posted_by: str
    details: tuple[ReceiptDetail, ...] = ()

    def to_json(self) -> dict:
        return {"receipt_number": self.receipt_number, "sequence": self.sequence, "receipt_type": self.receipt_type,
                "posted_by": self.posted_by, "details": [d.to_json() for d in self.details]}

    @classmethod
    def from_json(cls, data: dict | None) -> Receipt | None:
        if not data:
            return None
        return cls(data["receipt_number"], data["sequence"], data["receipt_type"], data["posted_by"],
                   tuple(ReceiptDetail.from_json(d) for d in data["details"]))


# --- request rules ------------------------------------------------------------------------------


def _text(field_name: str, value: str, length_max: int, *, required: bool = False) -> None:
    if required and not value:
        raise field_required(field_name)
    if len(value) > length_max:
        raise field_too_long(field_name, length_max)
    if value and not value.isprintable():
        raise field_invalid(field_name, "printable characters only")


def validate_receipt(details: Sequence[ReceiptDetail], receipt_type: int, posted_by: str, bill_minor: int,
                     currency_code: str) -> None:
    """The first rule the receipt fields of an EarnPoints break, in field order."""
    if len(details) > limits.RECEIPT_DETAILS_MAX:
        raise field_too_long("receipt_details", limits.RECEIPT_DETAILS_MAX)
    total = 0
    for n, detail in enumerate(details):
        prefix = f"receipt_details[{n}]"
        _text(f"{prefix}.store_id", detail.store_id, limits.STORE_ID_LENGTH_MAX)
        if detail.payment_name and not detail.payment_code:
            raise field_required(f"{prefix}.payment_method.code")
        _text(f"{prefix}.payment_method.code", detail.payment_code, limits.PAYMENT_METHOD_CODE_LENGTH_MAX)
        _text(f"{prefix}.payment_method.name", detail.payment_name, limits.PAYMENT_METHOD_NAME_LENGTH_MAX)
        if not detail.currency_code:
            raise field_required(f"{prefix}.amount.currency_code")
        if detail.currency_code != currency_code:
            raise field_invalid(f"{prefix}.amount.currency_code", "the bill's currency")
        if detail.amount_minor < 0:
            raise DomainError(ErrorReason.FIELD_OUT_OF_RANGE, metadata={"field": f"{prefix}.amount.amount_minor",
                                                                        "min": "0"})
        _text(f"{prefix}.note", detail.note, limits.RECEIPT_NOTE_LENGTH_MAX)
        check_uri(f"{prefix}.invoice_photo_uri", detail.invoice_photo_uri)
        total += detail.amount_minor
    if details and total != bill_minor:
        raise field_invalid("receipt_details", "amounts that add up to bill_amount")
    if receipt_type not in (0, *ReceiptType._value2member_map_):
        raise field_invalid("receipt_type", "a ReceiptType")
    _text("posted_by", posted_by, limits.POSTED_BY_LENGTH_MAX)


def receipt_type_of(requested: int, detail_count: int) -> ReceiptType:
    """The requested type, else SINGLE for at most one detail and COMBINE for more."""
    if requested:
        return ReceiptType(requested)
    return ReceiptType.COMBINE if detail_count > 1 else ReceiptType.SINGLE


# --- points per detail --------------------------------------------------------------------------


def _rate(rule: RatioRule, bill_minor: int) -> Fraction:
    """The rule's points per minor unit at the band the whole bill reaches."""
    numerator, denominator = rule.points_numerator, rule.amount_minor_denominator
    for band in rule.bands:  # Strictly increasing min_bill_amount.
        if bill_minor >= band.min_bill_amount.amount_minor:
            numerator, denominator = band.points_numerator, band.amount_minor_denominator
    return Fraction(numerator, denominator)


def detail_purchases(details: Sequence[ReceiptDetail], purchase: Purchase) -> list[Purchase]:
    """One Purchase per detail: its amount, its store (else the purchase's), its payment method's
    code as the card type (else the purchase's payment_card_type)."""
    return [Purchase(d.amount_minor, d.currency_code, d.store_id or purchase.store_id,
                     d.payment_code or purchase.payment_card_type, purchase.time) for d in details]


def compute_receipt_earn(rules: ProgramRules, purchase: Purchase, details: Sequence[ReceiptDetail],
                         tier: Tier | None, coupons: Sequence[CouponBonus] = ()) -> EarnBreakdown:
    """The points of a purchase made of receipt details (see the module docstring)."""
    if purchase.currency_code != rules.program.currency_code:
        raise DomainError(ErrorReason.CURRENCY_MISMATCH, metadata={
            "currency_code": purchase.currency_code, "program_currency_code": rules.program.currency_code})
    base_total, weighted, rounding, applied = Fraction(0), Fraction(0), None, set()
    for part in detail_purchases(details, purchase):
        base = Fraction(0)
        for rule in rules.rules_of(EarnRuleKind.RATIO):
            config: RatioRule = rule.config  # type: ignore[assignment]
            if not config.store_ids or part.store_id in config.store_ids:
                base += part.bill_minor * _rate(config, purchase.bill_minor)
                rounding = rounding or config.rounding
                applied.add(rule.earn_rule_id)
        factor, factor_rules = _program_factor(rules, part, tier)
        base_total += base
        weighted += base * factor
        applied.update(factor_rules)
    rounding = rounding or RoundingMode.FLOOR
    coupon_factor = Fraction(1)
    for coupon in coupons:
        if coupon.multiplier_bps:
            coupon_factor *= Fraction(coupon.multiplier_bps, BPS)
    regular = round_points(base_total, rounding)
    with_program = round_points(weighted, rounding)
    with_all = round_points(weighted * coupon_factor, rounding)
    tier_bonus = 0
    for rule in rules.rules_of(EarnRuleKind.TIER):
        points = tier_rule_points(rule.config, purchase.bill_minor)  # type: ignore[arg-type]
        if points:
            tier_bonus += points
            applied.add(rule.earn_rule_id)
    return EarnBreakdown(
        regular=regular, bonus=with_program - regular + tier_bonus,
        reward=with_all - with_program + sum(coupon.extra_points for coupon in coupons),
        applied_rule_ids=tuple(rule.earn_rule_id for rule in rules.earn_rules if rule.earn_rule_id in applied))


def weighted_program_factor(rules: ProgramRules, purchase: Purchase, details: Sequence[ReceiptDetail],
                            tier: Tier | None) -> Fraction:
    """The program's factor of a purchase made of details, weighted by their amounts: the P of
    lucky-draw points, which are proportional to the amount (core/domain/lucky_draws.py)."""
    parts = detail_purchases(details, purchase)
    total = sum(part.bill_minor for part in parts)
    if not total:
        return _program_factor(rules, purchase, tier)[0]
    return sum((part.bill_minor * _program_factor(rules, part, tier)[0] for part in parts), Fraction(0)) / total
