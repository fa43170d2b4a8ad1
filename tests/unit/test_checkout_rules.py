"""The pure rules of a checkout basket: input bounds at their limits, the hold's length, the final
total of a capture, the reward kind of an offer."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from core.domain import limits
from core.domain.checkout import (Basket, BasketInput, BasketLine, BasketState, CouponResult, RewardKind,
                                  check_final_total, hold_seconds, refusal_of_state, reward_kind, validate_basket)
from core.domain.coupons import Money, Offer, OfferState
from core.domain.errors import DomainError, ErrorReason

NOW = dt.datetime(2026, 5, 1, 12, 0, tzinfo=dt.timezone.utc)


def basket_input(**fields) -> BasketInput:
    defaults = dict(store_id="s", transaction_id="t", lines=(BasketLine("A", 1, 600), BasketLine("B", 2, 400)),
                    total_minor=1_000, currency_code="EUR")
    return BasketInput(**{**defaults, **fields})


def reason(call) -> tuple[ErrorReason, dict]:
    with pytest.raises(DomainError) as refused:
        call()
    return refused.value.reason, refused.value.metadata


def test_a_well_formed_basket_passes():
    validate_basket(basket_input(coupons=tuple(("code", f"C{n}") for n in range(limits.BASKET_COUPONS_MAX)),
                                 burn_points=1))


def test_coupons_are_bounded_and_each_named_once():
    too_many = tuple(("code", f"C{n}") for n in range(limits.BASKET_COUPONS_MAX + 1))
    assert reason(lambda: validate_basket(basket_input(coupons=too_many)))[0] is ErrorReason.FIELD_TOO_LONG
    twice = (("code", "abc"), ("code", "ABC"))
    assert reason(lambda: validate_basket(basket_input(coupons=twice)))[0] is ErrorReason.FIELD_INVALID


def test_lines_are_bounded_and_must_add_up_to_the_total():
    lines = tuple(BasketLine("A", 1, 1) for _ in range(limits.BASKET_LINES_MAX))
    validate_basket(basket_input(lines=lines, total_minor=limits.BASKET_LINES_MAX))
    more = lines + (BasketLine("A", 1, 1),)
    assert reason(lambda: validate_basket(basket_input(lines=more, total_minor=len(more))))[0] \
        is ErrorReason.FIELD_TOO_LONG
    assert reason(lambda: validate_basket(basket_input(total_minor=999)))[0] is ErrorReason.TOTAL_AMOUNT_MISMATCH
    validate_basket(basket_input(lines=(), total_minor=999))  # no lines: the total alone


def test_a_line_holds_1_to_the_maximum_items():
    validate_basket(basket_input(lines=(BasketLine("A", limits.BASKET_LINE_ITEMS_MAX, 1_000),)))
    for count in (0, limits.BASKET_LINE_ITEMS_MAX + 1):
        refused = reason(lambda count=count: validate_basket(basket_input(lines=(BasketLine("A", count, 1_000),))))
        assert refused == (ErrorReason.FIELD_OUT_OF_RANGE, {"field": "lines[0].item_count", "min": "1",
                                                           "max": str(limits.BASKET_LINE_ITEMS_MAX)})


def test_the_burn_is_positive_and_bounded():
    validate_basket(basket_input(burn_points=limits.POINTS_MAX))
    for points in (0, limits.POINTS_MAX + 1):
        refused = reason(lambda points=points: validate_basket(basket_input(burn_points=points)))
        assert refused[0] is ErrorReason.FIELD_OUT_OF_RANGE


def test_the_hold_lasts_1_s_to_60_min_and_15_min_by_default():
    assert hold_seconds(None) == 900
    assert hold_seconds(limits.BASKET_HOLD_SECONDS_MIN) == 1
    assert hold_seconds(limits.BASKET_HOLD_SECONDS_MAX) == 3_600
    for seconds in (0.999, 3_600.001):
        assert reason(lambda seconds=seconds: hold_seconds(seconds))[1]["field"] == "hold_duration"


def basket(**fields) -> Basket:
    defaults = dict(basket_id="b", state=int(BasketState.AUTHORIZED), account_id="a", store_id="s",
                    transaction_id="t", lines=(), total_minor=1_000, currency_code="EUR",
                    coupon_results=(CouponResult("X", True, discount_minor=300), CouponResult("Y", False, "R")),
                    burned_points=0, earned_points=0, authorize_time=NOW, expire_time=NOW + dt.timedelta(minutes=15))
    return Basket(**{**defaults, **fields})


def test_a_capture_s_total_is_at_most_the_authorized_one():
    assert check_final_total(basket(), None, "") == 1_000
    assert check_final_total(basket(), 1_000, "EUR") == 1_000
    assert check_final_total(basket(), 0, "EUR") == 0
    assert reason(lambda: check_final_total(basket(), 1_001, "EUR"))[0] is ErrorReason.CAPTURE_AMOUNT_EXCEEDS_AUTHORIZED
    assert reason(lambda: check_final_total(basket(), 900, "USD"))[0] is ErrorReason.CURRENCY_MISMATCH


def test_the_discount_counts_applied_coupons_only_and_a_basket_round_trips_as_json():
    held = basket(capture_time=NOW)
    assert (held.discount_minor, held.payable_minor) == (300, 700)
    assert Basket.from_json(held.to_json()) == held


def test_only_an_authorized_basket_can_be_captured():
    assert refusal_of_state(BasketState.AUTHORIZED, "b") is None
    assert [refusal_of_state(state, "b").reason for state in (2, 3, 4)] == [
        ErrorReason.BASKET_ALREADY_CAPTURED, ErrorReason.BASKET_VOIDED, ErrorReason.BASKET_EXPIRED]


def test_the_reward_kind_follows_the_offer_s_reward():
    plain = Offer("o", "org", OfferState.ACTIVE)
    assert reward_kind(dataclasses.replace(plain, discount_amount=Money(5, "EUR"))) is RewardKind.DISCOUNT_AMOUNT
    assert reward_kind(dataclasses.replace(plain, discount_percent_bps=500)) is RewardKind.DISCOUNT_PERCENT
    assert reward_kind(dataclasses.replace(plain, extra_points=5)) is RewardKind.EXTRAPOINT
    assert reward_kind(dataclasses.replace(plain, points_multiplier_bps=20_000)) is RewardKind.MULTIPLIER
    assert reward_kind(dataclasses.replace(plain, price_points=100, discount_amount=Money(5, "EUR"))) \
        is RewardKind.REWARD
