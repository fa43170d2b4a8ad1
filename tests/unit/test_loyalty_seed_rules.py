"""The loyalty seeds' pure rules at their boundaries (no I/O): card types (level-up and level-down
windows, the default, inactive tiers), receipts computed per detail (one detail in the purchase's
store is compute_earn exactly), receipt number formats, and points as money rounded down both
ways."""

from __future__ import annotations

import dataclasses
import datetime as dt
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from core.domain.card_types import earn_tiers, evaluated_tier, up_window_start
from core.domain.loyalty import (CardTypeRule, CouponBonus, PointsValue, PromotionRule, RatioRule, SpendBand, Tier,
                                 compute_earn, points_for_money, points_money_value)
from core.domain.receipt_numbers import format_receipt_number
from core.domain.receipts import ReceiptDetail, compute_receipt_earn, weighted_program_factor
from tests.unit.test_loyalty_rules import T0, eur, purchase, rules

SILVER = Tier("silver", "prog", "Silver", 0, 0, 10_000, 30)
GOLD = Tier("gold", "prog", "Gold", 10_000, 8_000, 20_000, 30, level_up_evaluation_days=10,
            level_down_evaluation_days=90)


def detail(amount: int, store: str = "", code: str = "") -> ReceiptDetail:
    return ReceiptDetail(store, code, "", amount, "EUR")


# --- card types ---------------------------------------------------------------------------------


def test_the_up_window_is_the_longest_level_up_window_of_the_active_tiers():
    assert up_window_start(rules(tiers=(SILVER, GOLD)), T0) == T0 - dt.timedelta(days=30)  # Silver: 0 -> 30
    inactive_silver = dataclasses.replace(SILVER, active=False)
    assert up_window_start(rules(tiers=(inactive_silver, GOLD)), T0) == T0 - dt.timedelta(days=10)


def test_an_evaluation_keeps_the_tier_while_the_down_window_spend_reaches_its_minimum():
    program = rules(tiers=(SILVER, GOLD))
    assert evaluated_tier(program, "gold", 0, 8_000) == GOLD  # nothing lately, enough over 90 days
    assert evaluated_tier(program, "gold", 0, 7_999) == SILVER
    assert evaluated_tier(program, "silver", 10_000, 0) == GOLD
    assert evaluated_tier(program, "silver", 9_999, 0) == SILVER


def test_no_tier_reached_is_the_default_and_an_inactive_tier_counts_as_none():
    blue = dataclasses.replace(GOLD, tier_id="blue", target_spend_minor=50_000, min_spend_minor=0, default_tier=True)
    program = rules(tiers=(GOLD, blue))
    assert earn_tiers(program, None, 0, 100) == (blue, "blue")
    assert earn_tiers(program, None, 10_000, 0) == (GOLD, "gold")
    asleep = rules(tiers=(dataclasses.replace(GOLD, active=False), blue))
    assert earn_tiers(asleep, "gold", 20_000, 0) == (blue, "blue")
    assert evaluated_tier(asleep, "gold", 20_000, 20_000) == blue
    assert earn_tiers(rules(tiers=(dataclasses.replace(GOLD, active=False),)), "gold", 20_000, 0) == (None, None)


# --- receipts -----------------------------------------------------------------------------------


@given(st.integers(min_value=0, max_value=10**9), st.sampled_from(["s1", "s2"]), st.sampled_from(["", "VISA"]),
       st.sampled_from([1, 2, 3]))
def test_one_detail_in_the_purchases_store_earns_as_compute_earn(bill, store, card, rounding):
    program = rules(RatioRule(3, 7, rounding, bands=(SpendBand(eur(5_000), 5, 7),)),
                    RatioRule(1, 100, store_ids=("s2",)),
                    PromotionRule(T0, T0 + dt.timedelta(days=1), 12_500, ("s1",)),
                    CardTypeRule(("VISA",), 15_000), tiers=(SILVER,))
    bought = purchase(bill, store=store, card=card)
    coupons = [CouponBonus("o", "c", multiplier_bps=11_000), CouponBonus("o2", "d", extra_points=5)]
    assert compute_receipt_earn(program, bought, [detail(bill)], SILVER, coupons) == compute_earn(
        program, bought, SILVER, coupons)


def test_each_detail_earns_by_its_store_and_payment_method_and_the_band_of_the_whole_bill():
    program = rules(RatioRule(1, 100, bands=(SpendBand(eur(10_000), 2, 100),)),
                    PromotionRule(T0, T0 + dt.timedelta(days=1), 20_000, ("mcd",)),
                    CardTypeRule(("003",), 15_000))
    earned = compute_receipt_earn(program, purchase(10_000), [detail(6_000, "kfc", "001"), detail(3_000, "mcd"),
                                                              detail(1_000, "tz", "003")], None)
    # The bill reaches the 2-points band: 120 + 60 + 20 regular; McD twice (+60), Credit BCA 1.5x (+10).
    assert (earned.regular, earned.bonus, earned.reward) == (200, 70, 0)


# --- receipt numbers and points as money ---------------------------------------------------------


def test_a_receipt_number_is_padded_and_dated_in_the_programs_time_zone():
    late = dt.datetime(2018, 12, 31, 23, 30, tzinfo=dt.timezone.utc)  # already 2019 in Jakarta
    assert format_receipt_number("EA/{YY}/{SEQ:8}", 12, "Asia/Jakarta", late) == "EA/19/00000012"
    assert format_receipt_number("{YYYY}{MM}{DD}-{SEQ:2}", 123, "UTC", late) == "20181231-123"


@given(st.integers(min_value=1, max_value=10**9), st.integers(min_value=1, max_value=10**12),
       st.integers(min_value=0, max_value=10**12))
def test_money_converts_to_the_most_points_not_worth_more_than_asked(points, value_minor, amount):
    value = PointsValue(points, value_minor, "EUR")
    burned = points_for_money(value, amount)
    assert points_money_value(value, burned) <= amount
    assert burned * value_minor <= amount * points < (burned + 1) * value_minor  # one more point is worth more


def test_points_value_rounds_down_at_the_boundary():
    value = PointsValue(3, 2, "EUR")
    assert [points_money_value(value, p) for p in (1, 2, 3, 4, 5, 6)] == [0, 1, 2, 2, 3, 4]
    assert [points_for_money(value, a) for a in (0, 1, 2, 3)] == [0, 1, 3, 4]


def test_lucky_draw_points_of_details_take_the_stores_factors_weighted_by_the_amounts():
    program = rules(RatioRule(1, 100), PromotionRule(T0, T0 + dt.timedelta(days=1), 30_000, ("mcd",)))
    bought = purchase(4_000)
    assert weighted_program_factor(program, bought, [detail(3_000, "kfc"), detail(1_000, "mcd")], None) == \
        Fraction(3 * 1 + 1 * 3, 4)
    assert weighted_program_factor(program, purchase(0, store="mcd"), [detail(0)], None) == 3
