"""Issue 16's coupon rules without I/O, each at its boundary: the past-issue restriction (seed 003's
"Restrict based on past coupon issuals"), redemption until N days before expiry, products
applicable (bill lines), and an account coupon's terms (seed 001)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid

import pytest

from core.domain import limits
from core.domain.checkout import Basket, BasketLine, BasketState, ReturnedLine, plan_return
from core.domain.coupons import (BillLine, IssuanceRules, IssuedCoupon, Money, Offer, OfferState, RedemptionRules,
                                 add_months, apply_offer_update, coupon_redeemable_from, coupon_redemption_end,
                                 coupon_rule_failures, coupon_terms, discount, failing_rules, past_issue_failure,
                                 past_issue_since, validate_bill_lines, validate_offer)
from core.domain.errors import DomainError, ErrorReason

UTC = dt.timezone.utc
MICROSECOND = dt.timedelta(microseconds=1)
NOW = dt.datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
PAST_OFFER = str(uuid.UUID(int=7))


def offer(*, issuance: IssuanceRules | None = None, percent_bps: int = 0, amount: int = 500, **rules) -> Offer:
    return Offer("o-1", "org", OfferState.ACTIVE, RedemptionRules(**rules),
                 None if percent_bps else Money(amount, "EUR"), discount_percent_bps=percent_bps,
                 issuance=issuance or IssuanceRules(), display_name="Offer")


def refusal(call) -> DomainError | None:
    try:
        call()
    except DomainError as error:
        return error
    return None


# --- restrict based on past coupon issuals ------------------------------------------------

PAST = IssuanceRules(past_offer_ids=frozenset({PAST_OFFER}), past_months=6)


def test_an_account_issued_a_listed_offer_is_refused_until_exactly_the_period_after():
    issued = dt.datetime(2026, 1, 15, 9, 30, tzinfo=UTC)
    allowed = dt.datetime(2026, 7, 15, 9, 30, tzinfo=UTC)
    failure = past_issue_failure(PAST, "UTC", allowed - MICROSECOND, (PAST_OFFER, issued))
    assert failure is not None and failure.reason is ErrorReason.PAST_COUPON_ISSUED
    assert failure.metadata == {"past_offer_id": PAST_OFFER, "past_issue_time": issued.isoformat(),
                                "allowed_time": allowed.isoformat(), "past_issue_months": "6"}
    assert past_issue_failure(PAST, "UTC", allowed, (PAST_OFFER, issued)) is None
    assert past_issue_failure(PAST, "UTC", allowed, None) is None
    assert past_issue_failure(IssuanceRules(), "UTC", issued, (PAST_OFFER, issued)) is None


def test_the_period_is_counted_in_calendar_months_of_the_offers_time_zone():
    # 31 August + 6 months is the last day of February, at the same wall-clock time.
    assert add_months(dt.datetime(2025, 8, 31, 10, tzinfo=UTC), 6, "UTC") == dt.datetime(2026, 2, 28, 10, tzinfo=UTC)
    assert add_months(dt.datetime(2027, 8, 31, 10, tzinfo=UTC), 6, "UTC") == dt.datetime(2028, 2, 29, 10, tzinfo=UTC)
    # Across a daylight-saving change the wall clock is kept: 09:00 in Berlin in January is 09:00 in July.
    winter = dt.datetime(2026, 1, 10, 8, tzinfo=UTC)  # 09:00 CET
    assert add_months(winter, 6, "Europe/Berlin") == dt.datetime(2026, 7, 10, 7, tzinfo=UTC)  # 09:00 CEST
    assert add_months(dt.datetime(2026, 7, 10, 7, tzinfo=UTC), -6, "Europe/Berlin") == winter


def test_the_store_reads_far_enough_back_for_every_issue_that_still_restricts():
    for now in (dt.datetime(2026, 2, 28, 10, tzinfo=UTC), dt.datetime(2026, 3, 1, 0, tzinfo=UTC), NOW):
        since = past_issue_since(PAST, "UTC", now)
        # Every issue that refuses at `now` is at or after `since`.
        probe = since - MICROSECOND
        assert past_issue_failure(PAST, "UTC", now, (PAST_OFFER, probe)) is None
        assert past_issue_failure(PAST, "UTC", now, (PAST_OFFER, now)) is not None


def test_past_issue_rules_are_validated():
    def check(**issuance):
        return refusal(lambda: validate_offer(offer(issuance=IssuanceRules(**issuance))))

    assert check(past_offer_ids=frozenset({PAST_OFFER}), past_months=6) is None
    assert check(past_offer_ids=frozenset({PAST_OFFER}), past_months=limits.PAST_ISSUE_MONTHS_MAX) is None
    missing = check(past_offer_ids=frozenset({PAST_OFFER}))
    assert (missing.reason, missing.metadata["field"]) == (ErrorReason.FIELD_REQUIRED, "offer.rules.past_issue_months")
    over = check(past_offer_ids=frozenset({PAST_OFFER}), past_months=limits.PAST_ISSUE_MONTHS_MAX + 1)
    assert over.reason is ErrorReason.FIELD_OUT_OF_RANGE
    assert check(past_months=6).reason is ErrorReason.FIELD_INVALID
    assert check(past_offer_ids=frozenset({"not-a-uuid"}), past_months=6).reason is ErrorReason.FIELD_INVALID
    most = frozenset(str(uuid.UUID(int=n)) for n in range(limits.OFFER_PAST_ISSUE_OFFERS_MAX))
    assert check(past_offer_ids=most, past_months=6) is None
    too_many = most | {str(uuid.UUID(int=10_000))}
    assert check(past_offer_ids=too_many, past_months=6).reason is ErrorReason.FIELD_TOO_LONG


def test_past_issue_rules_are_updatable_by_mask():
    patch = offer(issuance=PAST)
    updated = apply_offer_update(offer(), patch, ["rules.past_issue_offer_ids", "rules.past_issue_months"])
    assert updated.issuance == PAST


# --- redeemable until N days before expiry ------------------------------------------------

def coupon(expire_time: dt.datetime | None, issue_time: dt.datetime = NOW - dt.timedelta(days=10)) -> IssuedCoupon:
    return IssuedCoupon("c-1", "CODE", "o-1", "a-1", issue_time, expire_time)


def rule_reasons(rules: RedemptionRules, held: IssuedCoupon, now: dt.datetime) -> list[str]:
    return [failure.reason.name for failure in coupon_rule_failures(rules, held, now)]


def test_redemption_closes_exactly_n_days_before_expiry():
    expire = dt.datetime(2026, 4, 1, tzinfo=UTC)
    rules = RedemptionRules(redeemable_until_days=3)
    end = dt.datetime(2026, 3, 29, tzinfo=UTC)
    assert coupon_redemption_end(rules, coupon(expire)) == end
    assert rule_reasons(rules, coupon(expire), end - MICROSECOND) == []
    assert rule_reasons(rules, coupon(expire), end) == ["REDEMPTION_CLOSED_BEFORE_EXPIRY"]
    failure = coupon_rule_failures(rules, coupon(expire), end)[0]
    assert failure.metadata == {"redemption_end_time": end.isoformat(), "expire_time": expire.isoformat(),
                                "days_before_expiry": "3"}
    # Expired: COUPON_EXPIRED is the coupon's own failure, not this one.
    assert rule_reasons(rules, coupon(expire), expire) == []


def test_the_days_are_wall_clock_days_of_the_offers_time_zone():
    # Expires at 00:00 Berlin on 30 March 2026 (CEST, UTC+2); 2 days before is 00:00 on the 28th (CET, UTC+1).
    expire = dt.datetime(2026, 3, 29, 22, tzinfo=UTC)
    rules = RedemptionRules(redeemable_until_days=2, time_zone="Europe/Berlin")
    assert coupon_redemption_end(rules, coupon(expire)) == dt.datetime(2026, 3, 27, 23, tzinfo=UTC)


def test_no_rule_or_no_expiry_means_redeemable_until_expiry():
    expire = dt.datetime(2026, 4, 1, tzinfo=UTC)
    assert coupon_redemption_end(RedemptionRules(), coupon(expire)) == expire
    assert coupon_redemption_end(RedemptionRules(redeemable_until_days=3), coupon(None)) is None
    assert rule_reasons(RedemptionRules(redeemable_until_days=3), coupon(None), NOW) == []
    assert rule_reasons(RedemptionRules(), coupon(expire), expire - MICROSECOND) == []


def test_redeemable_until_days_is_bounded():
    assert refusal(lambda: validate_offer(offer(redeemable_until_days=limits.REDEMPTION_START_DAYS_MAX))) is None
    over = refusal(lambda: validate_offer(offer(redeemable_until_days=limits.REDEMPTION_START_DAYS_MAX + 1)))
    assert (over.reason, over.metadata["field"]) == (ErrorReason.FIELD_OUT_OF_RANGE,
                                                     "offer.rules.redeemable_until_days_before_expiry")
    assert refusal(lambda: validate_offer(offer(redeemable_until_days=-1))).reason is ErrorReason.FIELD_OUT_OF_RANGE


# --- products applicable -------------------------------------------------------------------

LINES = (BillLine("MILK-1", 2, 300, "dairy"), BillLine("BREAD-1", 1, 500, "bakery"),
         BillLine("CHEESE-1", 1, 1_200, "dairy"))
BILL = Money(2_000, "EUR")


def test_a_percent_discount_applies_to_the_sum_of_the_matching_lines():
    by_category = offer(percent_bps=1_000, applicable_categories=frozenset({"dairy"}))
    assert discount(by_category, BILL, lines=LINES) == 150  # 10% of 300 + 1200
    by_sku = offer(percent_bps=1_000, applicable_skus=frozenset({"BREAD-1"}))
    assert discount(by_sku, BILL, lines=LINES) == 50
    both = offer(percent_bps=1_000, applicable_skus=frozenset({"BREAD-1"}), applicable_categories=frozenset({"dairy"}))
    assert discount(both, BILL, lines=LINES) == 200
    assert discount(offer(percent_bps=1_000), BILL, lines=LINES) == 200  # Not restricted: the bill.


def test_a_fixed_discount_is_capped_at_the_matching_lines_and_at_the_bill():
    bread = offer(amount=800, applicable_skus=frozenset({"BREAD-1"}))
    assert discount(bread, BILL, lines=LINES) == 500
    assert discount(offer(amount=499, applicable_skus=frozenset({"BREAD-1"})), BILL, lines=LINES) == 499
    # What is left to pay after earlier coupons (a basket) caps it too.
    assert discount(bread, Money(300, "EUR"), lines=LINES) == 300


def test_no_matching_line_is_a_precise_reason():
    restricted = offer(applicable_skus=frozenset({"WINE-1"}), applicable_categories=frozenset({"wine"}))
    failures = failing_rules(restricted, NOW, "s-1", BILL, lines=LINES)
    assert [(f.reason, f.metadata) for f in failures] == [(ErrorReason.NO_APPLICABLE_PRODUCT, {"line_count": "3"})]
    assert [f.reason for f in failing_rules(restricted, NOW, "s-1", BILL)] == [ErrorReason.NO_APPLICABLE_PRODUCT]
    # One matching line is enough; a line without category never matches a category.
    assert failing_rules(restricted, NOW, "s-1", BILL, lines=LINES + (BillLine("WINE-1", 1, 0),)) == []
    assert failing_rules(offer(applicable_categories=frozenset({""})), NOW, "s-1", BILL,
                         lines=(BillLine("X", 1, 2_000),)) != []
    # Without a bill (ListDeals) the products are not checked.
    assert failing_rules(restricted, NOW, "s-1", None) == []


def test_bill_lines_are_validated_at_their_bounds():
    assert refusal(lambda: validate_bill_lines(LINES, BILL)) is None
    assert refusal(lambda: validate_bill_lines((), BILL)) is None
    assert refusal(lambda: validate_bill_lines(LINES, Money(1_999, "EUR"))).reason is ErrorReason.TOTAL_AMOUNT_MISMATCH
    most = tuple(BillLine("A", 1, 0) for _ in range(limits.BASKET_LINES_MAX))
    assert refusal(lambda: validate_bill_lines(most, Money(0, "EUR"))) is None
    assert refusal(lambda: validate_bill_lines(most + most[:1], Money(0, "EUR"))).reason is ErrorReason.FIELD_TOO_LONG
    assert refusal(lambda: validate_bill_lines((BillLine("", 1, 0),), Money(0, "EUR"))).reason \
        is ErrorReason.FIELD_REQUIRED
    long_sku = "S" * (limits.SKU_LENGTH_MAX + 1)
    assert refusal(lambda: validate_bill_lines((BillLine(long_sku, 1, 0),), Money(0, "EUR"))).reason \
        is ErrorReason.FIELD_TOO_LONG
    long_category = "C" * (limits.SKU_LENGTH_MAX + 1)
    assert refusal(lambda: validate_bill_lines((BillLine("A", 1, 0, long_category),), Money(0, "EUR"))).reason \
        is ErrorReason.FIELD_TOO_LONG
    for count in (0, limits.BASKET_LINE_ITEMS_MAX + 1):
        assert refusal(lambda count=count: validate_bill_lines((BillLine("A", count, 0),), Money(0, "EUR"))).reason \
            is ErrorReason.FIELD_OUT_OF_RANGE
    assert refusal(lambda: validate_bill_lines((BillLine("A", limits.BASKET_LINE_ITEMS_MAX, 0),),
                                               Money(0, "EUR"))) is None
    assert refusal(lambda: validate_bill_lines((BillLine("A", 1, -1),), Money(-1, "EUR"))).reason \
        is ErrorReason.FIELD_OUT_OF_RANGE


def test_offer_products_are_validated_at_their_bounds():
    most = frozenset(f"SKU-{n}" for n in range(limits.OFFER_PRODUCTS_MAX))
    assert refusal(lambda: validate_offer(offer(applicable_skus=most))) is None
    assert refusal(lambda: validate_offer(offer(applicable_skus=most | {"ONE-MORE"}))).reason \
        is ErrorReason.FIELD_TOO_LONG
    assert refusal(lambda: validate_offer(offer(applicable_categories=frozenset({""})))).reason \
        is ErrorReason.FIELD_INVALID
    assert refusal(lambda: validate_offer(offer(applicable_categories=frozenset({"C" * 65})))).reason \
        is ErrorReason.FIELD_INVALID


def test_a_refund_keeps_the_lines_left_pro_rata():
    basket = Basket("b-1", int(BasketState.CAPTURED), "a-1", "s-1", "t-1", LINES, 2_000, "EUR", (), 0, 0, NOW, NOW)
    plan = plan_return(basket, (ReturnedLine(0, 1), ReturnedLine(2, 1)))
    assert plan.kept_lines == (BasketLine("MILK-1", 1, 150, "dairy"), BasketLine("BREAD-1", 1, 500, "bakery"))
    dairy = offer(percent_bps=1_000, applicable_categories=frozenset({"cheese"}))
    assert [f.reason for f in failing_rules(dairy, NOW, "s-1", Money(650, "EUR"), lines=plan.kept_lines)] \
        == [ErrorReason.NO_APPLICABLE_PRODUCT]


# --- an account coupon's terms ------------------------------------------------------------

def test_an_account_coupons_terms_carry_the_limits_and_the_redeemable_window():
    issue = dt.datetime(2026, 3, 1, 15, tzinfo=UTC)
    expire = dt.datetime(2026, 4, 1, tzinfo=UTC)
    terms_offer = offer(max_account_redemptions=2, max_redemptions=100, redemption_start_days=1,
                        redeemable_until_days=5)
    terms = coupon_terms(terms_offer, coupon(expire, issue))
    assert (terms.max_account_redemptions, terms.max_redemptions) == (2, 100)
    assert terms.redeemable_from == dt.datetime(2026, 3, 2, tzinfo=UTC)
    assert terms.redeemable_until == dt.datetime(2026, 3, 27, tzinfo=UTC)
    assert terms.offer is terms_offer
    plain = coupon_terms(offer(), coupon(None, issue))
    assert (plain.max_account_redemptions, plain.max_redemptions, plain.redeemable_from, plain.redeemable_until) \
        == (0, 0, None, None)


def test_redeemable_from_is_the_latest_start_after_the_issue():
    issue = dt.datetime(2026, 3, 1, 15, tzinfo=UTC)
    later = dt.datetime(2026, 3, 5, tzinfo=UTC)
    rules = RedemptionRules(start_time=issue - dt.timedelta(days=1), redemption_start_time=later,
                            redemption_start_days=1)
    assert coupon_redeemable_from(rules, coupon(None, issue)) == later
    assert coupon_redeemable_from(dataclasses.replace(rules, redemption_start_time=None),
                                  coupon(None, issue)) == dt.datetime(2026, 3, 2, tzinfo=UTC)


@pytest.mark.parametrize("path", ["rules.redeemable_until_days_before_expiry", "rules.applicable_skus",
                                  "rules.applicable_categories"])
def test_the_new_redemption_rules_are_updatable_by_mask(path):
    patch = offer(redeemable_until_days=3, applicable_skus=frozenset({"A"}), applicable_categories=frozenset({"c"}))
    updated = apply_offer_update(offer(), patch, [path])
    attribute = {"rules.redeemable_until_days_before_expiry": "redeemable_until_days"}.get(path, path[6:])
    assert getattr(updated.rules, attribute) == getattr(patch.rules, attribute)
