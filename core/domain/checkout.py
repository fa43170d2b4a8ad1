"""Checkout baskets: the pure rules (no I/O). The service (core/service/checkout/) reserves and
commits; this module says what a basket is, checks its input and prices its coupons in order."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
from dataclasses import dataclass, field

from core.domain import limits
from core.domain.coupons import BillLine, Offer, RewardKind
from core.domain.errors import DomainError, ErrorReason, field_invalid, field_required, field_too_long


class BasketState(enum.IntEnum):
    """The numbers are the contract's (rewards.checkout.v1.BasketState) and the baskets table's."""

    AUTHORIZED = 1
    CAPTURED = 2
    VOIDED = 3
    EXPIRED = 4


BILL_RULES = frozenset({ErrorReason.BILL_AMOUNT_TOO_LOW, ErrorReason.BILL_AMOUNT_TOO_HIGH,
                        ErrorReason.NO_APPLICABLE_PRODUCT})
"""The rules a capture with a lower final total and a refund check again (the others held at
authorization); a refund that returns every line a product-restricted coupon applies to gives it back."""

_STATE_REFUSALS = {BasketState.CAPTURED: ErrorReason.BASKET_ALREADY_CAPTURED,
                   BasketState.VOIDED: ErrorReason.BASKET_VOIDED,
                   BasketState.EXPIRED: ErrorReason.BASKET_EXPIRED}


BasketLine = BillLine
"""A basket's line: the bill line a redemption takes (sku, item_count, amount_minor, category)."""


@dataclass(frozen=True, slots=True)
class CouponResult:
    """What one requested coupon did; `applied` False: left out, with `reason`."""

    code: str
    applied: bool
    reason: str = ""
    kind: int = 0
    discount_minor: int = 0
    free_item_sku: str = ""
    extra_points: int = 0
    points_multiplier_bps: int = 0
    redemption_id: str = ""
    offer_id: str = ""


@dataclass(frozen=True, slots=True)
class ReturnedLine:
    line_index: int
    item_count: int


@dataclass(frozen=True, slots=True)
class BasketRefund:
    """One RefundBasket: the lines it returned, their value, what it took back."""

    refund_id: str
    lines: tuple[ReturnedLine, ...]
    returned_minor: int
    refunded_points: int
    refund_points_transaction_id: str
    reversed_redemption_ids: tuple[str, ...]
    refund_time: dt.datetime

    def to_json(self) -> dict:
        return {**dataclasses.asdict(self), "refund_time": self.refund_time.isoformat()}

    @classmethod
    def from_json(cls, data: dict) -> BasketRefund:
        return cls(**{**data, "lines": tuple(ReturnedLine(**line) for line in data["lines"]),
                      "reversed_redemption_ids": tuple(data["reversed_redemption_ids"]),
                      "refund_time": dt.datetime.fromisoformat(data["refund_time"])})


@dataclass(frozen=True, slots=True)
class Basket:
    basket_id: str
    state: int
    account_id: str
    store_id: str
    transaction_id: str
    lines: tuple[BasketLine, ...]
    total_minor: int
    currency_code: str
    coupon_results: tuple[CouponResult, ...]
    burned_points: int
    earned_points: int
    authorize_time: dt.datetime
    expire_time: dt.datetime
    capture_time: dt.datetime | None = None
    void_time: dt.datetime | None = None
    earn_points_transaction_id: str = ""
    burn_points_transaction_id: str = ""
    refunds: tuple[BasketRefund, ...] = ()
    burned_value_minor: int | None = None
    """The money value of burned_points (Program.points_value, rounded down); None if not stated."""

    @property
    def discount_minor(self) -> int:
        return sum(result.discount_minor for result in self.coupon_results if result.applied)

    @property
    def payable_minor(self) -> int:
        return self.total_minor - self.discount_minor

    def to_json(self) -> dict:
        data = dataclasses.asdict(self)
        for name in ("authorize_time", "expire_time", "capture_time", "void_time"):
            data[name] = data[name].isoformat() if data[name] else None
        data["refunds"] = [refund.to_json() for refund in self.refunds]
        return data

    @classmethod
    def from_json(cls, data: dict) -> Basket:
        when = lambda value: dt.datetime.fromisoformat(value) if value else None  # noqa: E731
        return cls(**{**data, "lines": tuple(BasketLine(**line) for line in data["lines"]),
                      "coupon_results": tuple(CouponResult(**result) for result in data["coupon_results"]),
                      "authorize_time": when(data["authorize_time"]), "expire_time": when(data["expire_time"]),
                      "capture_time": when(data["capture_time"]), "void_time": when(data["void_time"]),
                      "refunds": tuple(BasketRefund.from_json(refund) for refund in data.get("refunds", ()))})


@dataclass(frozen=True, slots=True)
class BasketInput:
    """The checks of an AuthorizeBasket request that need no store."""

    store_id: str
    transaction_id: str
    lines: tuple[BasketLine, ...]
    total_minor: int
    currency_code: str
    coupons: tuple[tuple[str, str], ...] = field(default_factory=tuple)
    """("code", value) or ("account_coupon_id", value), in the order they apply."""
    burn_points: int | None = None
    """None: no points burn."""
    payment_card_type: str = ""
    zone_id: str = ""
    interaction_point_id: str = ""
    hold_seconds: float | None = None
    concept_id: str = ""


def validate_basket(basket: BasketInput) -> None:
    """FIELD_* for a malformed request, TOTAL_AMOUNT_MISMATCH when the lines do not add up."""
    _text(basket.store_id, "store_id", limits.STORE_ID_LENGTH_MAX)
    _text(basket.transaction_id, "transaction_id", limits.TRANSACTION_ID_LENGTH_MAX)
    _text(basket.zone_id, "zone_id", limits.STORE_ID_LENGTH_MAX, required=False)
    _text(basket.interaction_point_id, "interaction_point_id", limits.STORE_ID_LENGTH_MAX, required=False)
    _text(basket.concept_id, "concept_id", limits.STORE_ID_LENGTH_MAX, required=False)
    _text(basket.payment_card_type, "payment_card_type", limits.CARD_TYPE_LENGTH_MAX, required=False)
    if not basket.currency_code:
        raise field_required("total_amount.currency_code")
    if basket.total_minor < 0:
        raise DomainError(ErrorReason.FIELD_OUT_OF_RANGE, metadata={"field": "total_amount.amount_minor"})
    if len(basket.lines) > limits.BASKET_LINES_MAX:
        raise field_too_long("lines", limits.BASKET_LINES_MAX)
    for n, line in enumerate(basket.lines):
        _text(line.sku, f"lines[{n}].sku", limits.SKU_LENGTH_MAX)
        _text(line.category, f"lines[{n}].category", limits.SKU_LENGTH_MAX, required=False)
        if not 1 <= line.item_count <= limits.BASKET_LINE_ITEMS_MAX:
            raise DomainError(ErrorReason.FIELD_OUT_OF_RANGE, metadata={
                "field": f"lines[{n}].item_count", "min": 1, "max": limits.BASKET_LINE_ITEMS_MAX})
        if line.amount_minor < 0:
            raise DomainError(ErrorReason.FIELD_OUT_OF_RANGE, metadata={"field": f"lines[{n}].line_amount.amount_minor"})
    if basket.lines and sum(line.amount_minor for line in basket.lines) != basket.total_minor:
        raise DomainError(ErrorReason.TOTAL_AMOUNT_MISMATCH, metadata={
            "lines_amount_minor": sum(line.amount_minor for line in basket.lines),
            "total_amount_minor": basket.total_minor})
    if len(basket.coupons) > limits.BASKET_COUPONS_MAX:
        raise field_too_long("coupon_codes", limits.BASKET_COUPONS_MAX)
    seen = set()
    for n, (kind, value) in enumerate(basket.coupons):
        name = "coupon_codes" if kind == "code" else "account_coupon_ids"
        _text(value, f"{name}[{n}]", limits.COUPON_CODE_LENGTH_MAX if kind == "code" else 128)
        key = (kind, value.upper() if kind == "code" else value)
        if key in seen:
            raise field_invalid(name, "each coupon once")
        seen.add(key)
    if basket.burn_points is not None and not 1 <= basket.burn_points <= limits.POINTS_MAX:
        raise DomainError(ErrorReason.FIELD_OUT_OF_RANGE, metadata={"field": "points_burn.points", "min": 1,
                                                                    "max": limits.POINTS_MAX})
    hold_seconds(basket.hold_seconds)


def hold_seconds(requested: float | None) -> float:
    """The hold's length: the request's (bounded), else the default."""
    if requested is None:
        return limits.BASKET_HOLD_SECONDS_DEFAULT
    if not limits.BASKET_HOLD_SECONDS_MIN <= requested <= limits.BASKET_HOLD_SECONDS_MAX:
        raise DomainError(ErrorReason.FIELD_OUT_OF_RANGE, metadata={
            "field": "hold_duration", "min": f"{limits.BASKET_HOLD_SECONDS_MIN}s",
            "max": f"{limits.BASKET_HOLD_SECONDS_MAX}s"})
    return requested


def reward_kind(offer: Offer) -> RewardKind:
    if offer.extra_points:
        return RewardKind.EXTRAPOINT
    if offer.points_multiplier_bps:
        return RewardKind.MULTIPLIER
    if getattr(offer, "free_item_sku", ""):
        return RewardKind.FREE_ITEM
    if offer.price_points:
        return RewardKind.REWARD
    if offer.discount_amount is not None:
        return RewardKind.DISCOUNT_AMOUNT
    return RewardKind.DISCOUNT_PERCENT


def refusal_of_state(state: int, basket_id: str) -> DomainError | None:
    """The reason a basket in `state` cannot be captured (None: AUTHORIZED)."""
    reason = _STATE_REFUSALS.get(BasketState(state))
    return DomainError(reason, metadata={"basket_id": basket_id}) if reason else None


def check_final_total(basket: Basket, final_minor: int | None, currency_code: str) -> int:
    """The total a capture posts: the authorized one, or a lower final one."""
    if final_minor is None:
        return basket.total_minor
    if currency_code != basket.currency_code:
        raise DomainError(ErrorReason.CURRENCY_MISMATCH, metadata={"field": "final_total_amount.currency_code"})
    if final_minor < 0:
        raise DomainError(ErrorReason.FIELD_OUT_OF_RANGE, metadata={"field": "final_total_amount.amount_minor"})
    if final_minor > basket.total_minor:
        raise DomainError(ErrorReason.CAPTURE_AMOUNT_EXCEEDS_AUTHORIZED, metadata={
            "total_amount_minor": basket.total_minor})
    return final_minor


# --- refunds ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReturnPlan:
    """What a RefundBasket returns, priced against the refunds before it."""

    lines: tuple[ReturnedLine, ...]
    returned_minor: int
    """This refund's value."""
    kept_minor: int
    """What the customer keeps of the captured total after it."""
    everything_returned: bool
    earn_refund_points: int
    """Earned points this refund takes back."""
    fully_returned_skus: frozenset[str]
    kept_lines: tuple[BasketLine, ...] = ()
    """The lines the customer keeps after it (units left, their amount pro rata, rounded down):
    what a product-restricted coupon is priced on again."""


def returned_units(basket: Basket) -> list[int]:
    units = [0] * len(basket.lines)
    for refund in basket.refunds:
        for line in refund.lines:
            units[line.line_index] += line.item_count
    return units


def _value(basket: Basket, units: list[int]) -> int:
    """The returned value of `units` per line: each line's amount pro rata (rounded down), in all
    at most the captured total."""
    gross = sum(line.amount_minor * n // line.item_count for line, n in zip(basket.lines, units))
    return min(gross, basket.total_minor)


def plan_return(basket: Basket, requested: tuple[ReturnedLine, ...]) -> ReturnPlan:
    """FIELD_* for malformed lines, BASKET_NOT_CAPTURED, REFUND_EXCEEDS_CAPTURED for more units
    than are left (or nothing left); else the plan. Empty `requested`: everything left."""
    if basket.state != BasketState.CAPTURED:
        raise DomainError(ErrorReason.BASKET_NOT_CAPTURED, metadata={"basket_id": basket.basket_id,
                                                                     "state": BasketState(basket.state).name})
    if len(requested) > limits.BASKET_LINES_MAX:
        raise field_too_long("lines", limits.BASKET_LINES_MAX)
    before = returned_units(basket)
    done_before = bool(basket.refunds) and all(n == line.item_count for n, line in zip(before, basket.lines))
    if not requested:
        requested = tuple(ReturnedLine(i, line.item_count - n)
                          for i, (line, n) in enumerate(zip(basket.lines, before)) if n < line.item_count)
        if done_before:
            raise DomainError(ErrorReason.REFUND_EXCEEDS_CAPTURED, metadata={"basket_id": basket.basket_id})
    seen = set()
    for n, line in enumerate(requested):
        if not 0 <= line.line_index < len(basket.lines):
            raise DomainError(ErrorReason.FIELD_OUT_OF_RANGE, metadata={
                "field": f"lines[{n}].line_index", "min": 0, "max": len(basket.lines) - 1})
        if line.line_index in seen:
            raise field_invalid("lines", "each line_index once")
        seen.add(line.line_index)
        if line.item_count < 1:
            raise DomainError(ErrorReason.FIELD_OUT_OF_RANGE, metadata={"field": f"lines[{n}].item_count", "min": 1})
        left = basket.lines[line.line_index].item_count - before[line.line_index]
        if line.item_count > left:
            raise DomainError(ErrorReason.REFUND_EXCEEDS_CAPTURED, metadata={
                "line_index": line.line_index, "returnable_item_count": left})
    after = list(before)
    for line in requested:
        after[line.line_index] += line.item_count
    everything = all(n == line.item_count for n, line in zip(after, basket.lines))
    value_before = basket.total_minor if done_before else _value(basket, before)
    value_after = basket.total_minor if everything else _value(basket, after)
    refunded_before = sum(refund.refunded_points for refund in basket.refunds)
    if everything:
        target = basket.earned_points
    elif basket.total_minor:
        target = basket.earned_points * value_after // basket.total_minor
    else:
        target = 0
    skus = frozenset(line.sku for line, n in zip(basket.lines, after) if n == line.item_count)
    kept = tuple(dataclasses.replace(line, item_count=line.item_count - n,
                                     amount_minor=line.amount_minor * (line.item_count - n) // line.item_count)
                 for line, n in zip(basket.lines, after) if n < line.item_count)
    return ReturnPlan(tuple(requested), value_after - value_before, basket.total_minor - value_after, everything,
                      max(0, min(target, basket.earned_points) - refunded_before), skus, kept)


def _text(value: str, name: str, length_max: int, required: bool = True) -> None:
    if not value:
        if required:
            raise field_required(name)
        return
    if len(value) > length_max:
        raise field_too_long(name, length_max)
    if not value.isprintable():
        raise field_invalid(name, "printable characters only")
