"""Loyalty program rules at their boundaries (no I/O): expiry, rounding, ratio rules and spend
bands, promotions, card types, tiers, coupons, validation and updates."""

from __future__ import annotations

import dataclasses
import datetime as dt
from fractions import Fraction

import pytest

from core.domain import limits
from core.domain.coupons import Money
from core.domain.errors import DomainError, ErrorReason
from core.domain.loyalty import (CardTypeRule, CouponBonus, EarnEvent, EarnRule, EarnTier, EventRule, PointsExpiryMode,
                                 Program, ProgramRules, PromotionRule, Purchase, RatioRule, ReferralRule, RoundingMode,
                                 SpendBand, Tier, TierRule, apply_program_update, apply_update, compute_earn, points_expire_time,
                                 round_points, tier_for_spend, validate_earn_rule, validate_program, validate_tier)

UTC = dt.timezone.utc
T0 = dt.datetime(2024, 6, 1, 12, 0, tzinfo=UTC)
TICK = dt.timedelta(microseconds=1)


def program(**changes) -> Program:
    base = Program(org_id="org", program_id="prog", display_name="Club", currency_code="EUR",
                   time_zone="Europe/Berlin", points_expiry=None, points_expiry_mode=PointsExpiryMode.DURATION,
                   points_expiry_months=0, min_redemption_balance_points=0, min_remaining_balance_points=0,
                   min_redeem_points=0, allow_negative_refund=False, create_time=T0, update_time=T0)
    return dataclasses.replace(base, **changes)


def eur(amount_minor: int) -> Money:
    return Money(amount_minor, "EUR")


def rule(config, rule_id: str = "r1", name: str = "rule") -> EarnRule:
    return EarnRule(rule_id, "prog", name, config, "etag-1", T0, T0)


def rules(*configs, tiers=()) -> ProgramRules:
    return ProgramRules(program(), tuple(rule(c, f"r{i}") for i, c in enumerate(configs, 1)), tuple(tiers))


def purchase(bill: int, *, store: str = "s1", card: str = "", time: dt.datetime = T0,
             currency: str = "EUR") -> Purchase:
    return Purchase(bill, currency, store, card, time)


def reason_of(call, *args, **kwargs) -> tuple[ErrorReason, str] | None:
    try:
        call(*args, **kwargs)
    except DomainError as error:
        return error.reason, error.metadata.get("field", "")
    return None


ONE_PER_EUR = RatioRule(1, 100)


# --- expiry ----------------------------------------------------------------------------------

def test_duration_expiry_is_the_earn_time_plus_the_duration():
    ninety_days = program(points_expiry=dt.timedelta(days=90))

    assert points_expire_time(ninety_days, T0) == T0 + dt.timedelta(days=90)


@pytest.mark.parametrize("expiry", [None, dt.timedelta(0)])
def test_points_without_an_expiry_never_expire(expiry):
    assert points_expire_time(program(points_expiry=expiry), T0) is None


@pytest.mark.parametrize("earn_time, months, expires", [
    # Summer time (UTC+2): the end of June is 2024-06-30T22:00Z.
    (dt.datetime(2024, 6, 15, 10, 0, tzinfo=UTC), 0, dt.datetime(2024, 6, 30, 22, 0, tzinfo=UTC)),
    # Earned in March (winter time), expiring at the end of March: April 1st 00:00 is already summer time.
    (dt.datetime(2024, 3, 1, 0, 0, tzinfo=UTC), 0, dt.datetime(2024, 3, 31, 22, 0, tzinfo=UTC)),
    # Earned in October (summer time), expiring at the end of October: November 1st is winter time.
    (dt.datetime(2024, 10, 2, 0, 0, tzinfo=UTC), 0, dt.datetime(2024, 10, 31, 23, 0, tzinfo=UTC)),
    # 23:30Z on December 31st is already January 1st in Berlin: the month is January 2025.
    (dt.datetime(2024, 12, 31, 23, 30, tzinfo=UTC), 0, dt.datetime(2025, 1, 31, 23, 0, tzinfo=UTC)),
    # ... and 22:59:59Z is still December 31st there.
    (dt.datetime(2024, 12, 31, 22, 59, 59, tzinfo=UTC), 0, dt.datetime(2024, 12, 31, 23, 0, tzinfo=UTC)),
    # Months carry across the year: November + 2 months -> the end of January.
    (dt.datetime(2024, 11, 10, tzinfo=UTC), 2, dt.datetime(2025, 1, 31, 23, 0, tzinfo=UTC)),
    (dt.datetime(2024, 1, 10, tzinfo=UTC), 11, dt.datetime(2024, 12, 31, 23, 0, tzinfo=UTC)),
    (dt.datetime(2024, 1, 10, tzinfo=UTC), 12, dt.datetime(2025, 1, 31, 23, 0, tzinfo=UTC)),
    (dt.datetime(2024, 1, 10, tzinfo=UTC), limits.POINTS_EXPIRY_MONTHS_MAX, dt.datetime(2034, 1, 31, 23, 0, tzinfo=UTC)),
])
def test_month_end_expiry_is_the_first_instant_of_the_next_month_in_the_program_time_zone(earn_time, months, expires):
    month_end = program(points_expiry_mode=PointsExpiryMode.MONTH_END, points_expiry_months=months)

    assert points_expire_time(month_end, earn_time) == expires


def test_month_end_expiry_follows_the_program_time_zone_west_of_utc():
    new_york = program(time_zone="America/New_York", points_expiry_mode=PointsExpiryMode.MONTH_END)

    # 03:00Z on March 1st is still February 29th in New York (UTC-5).
    assert points_expire_time(new_york, dt.datetime(2024, 3, 1, 3, 0, tzinfo=UTC)) == \
        dt.datetime(2024, 3, 1, 5, 0, tzinfo=UTC)


def test_month_end_in_a_zone_whose_clocks_skip_midnight_is_the_instant_the_month_begins():
    # Asuncion went from 2023-09-30 23:59:59-04:00 straight to 2023-10-01 01:00-03:00 (04:00Z).
    asuncion = program(time_zone="America/Asuncion", points_expiry_mode=PointsExpiryMode.MONTH_END)

    expires = points_expire_time(asuncion, dt.datetime(2023, 9, 15, tzinfo=UTC))

    assert expires == dt.datetime(2023, 10, 1, 4, 0, tzinfo=UTC)


def test_the_last_second_of_the_month_is_before_the_expiry_and_midnight_is_it():
    berlin = dt.timezone(dt.timedelta(hours=2))
    month_end = program(points_expiry_mode=PointsExpiryMode.MONTH_END)

    expires = points_expire_time(month_end, dt.datetime(2024, 6, 15, tzinfo=UTC))

    assert dt.datetime(2024, 6, 30, 23, 59, 59, tzinfo=berlin) < expires
    assert expires == dt.datetime(2024, 7, 1, 0, 0, 0, tzinfo=berlin)


# --- rounding ---------------------------------------------------------------------------------

@pytest.mark.parametrize("value, floor, half_up, ceiling", [
    (Fraction(0), 0, 0, 0),
    (Fraction(10), 10, 10, 10),
    (Fraction(21, 2), 10, 11, 11),                      # 10.5
    (Fraction(21, 2) - Fraction(1, 10**12), 10, 10, 11),  # just below 10.5
    (Fraction(21, 2) + Fraction(1, 10**12), 10, 11, 11),  # just above 10.5
    (Fraction(1001, 100), 10, 10, 11),                  # 10.01
    (Fraction(999, 100), 9, 10, 10),                    # 9.99
])
def test_rounding_modes_at_halves_and_just_around_them(value, floor, half_up, ceiling):
    assert (round_points(value, RoundingMode.FLOOR), round_points(value, RoundingMode.HALF_UP),
            round_points(value, RoundingMode.CEILING)) == (floor, half_up, ceiling)


# --- ratio rules and spend bands --------------------------------------------------------------

@pytest.mark.parametrize("bill, points", [(0, 0), (99, 0), (100, 1), (199, 1), (200, 2), (10**15, 10**13)])
def test_one_point_per_full_euro_rounds_down_by_default(bill, points):
    assert compute_earn(rules(ONE_PER_EUR), purchase(bill), None).regular == points


@pytest.mark.parametrize("mode, bill, points", [
    (RoundingMode.HALF_UP, 149, 1), (RoundingMode.HALF_UP, 150, 2), (RoundingMode.CEILING, 101, 2),
    (RoundingMode.CEILING, 100, 1), (RoundingMode.FLOOR, 199, 1)])
def test_the_ratio_rule_rounding_mode_is_applied(mode, bill, points):
    config = RatioRule(1, 100, rounding_mode=mode)

    assert compute_earn(rules(config), purchase(bill), None).regular == points


BANDED = RatioRule(5, 100, bands=(SpendBand(eur(5_000), 7, 100), SpendBand(eur(10_000), 10, 100)))
"""5 % below 50.00, 7 % from 50.00, 10 % from 100.00, for the whole bill."""


@pytest.mark.parametrize("bill, points", [
    (4_999, 249),      # 5 % of 4,999 = 249.95
    (5_000, 350),      # the band's edge: 7 %
    (9_999, 699),      # 7 % of 9,999 = 699.93
    (10_000, 1_000),   # 10 %
    (10_001, 1_000),
])
def test_a_spend_band_reached_by_the_bill_sets_the_rate_for_the_whole_bill(bill, points):
    assert compute_earn(rules(BANDED), purchase(bill), None).regular == points


def test_a_ratio_rule_limited_to_stores_earns_only_there():
    limited = RatioRule(1, 100, store_ids=("s2",))

    assert compute_earn(rules(limited), purchase(1_000, store="s1"), None).total == 0
    assert compute_earn(rules(limited), purchase(1_000, store="s2"), None).total == 10


def test_several_ratio_rules_add_their_exact_fractions_before_rounding_once():
    # 0.5 + 0.5 points would be 0 + 0 if each rule rounded on its own.
    breakdown = compute_earn(rules(RatioRule(1, 200), RatioRule(1, 200)), purchase(100), None)

    assert breakdown.regular == 1 and breakdown.applied_rule_ids == ("r1", "r2")


def test_the_first_created_ratio_rule_decides_the_rounding():
    first_ceiling = rules(RatioRule(1, 300, rounding_mode=RoundingMode.CEILING), RatioRule(1, 300))
    first_floor = rules(RatioRule(1, 300), RatioRule(1, 300, rounding_mode=RoundingMode.CEILING))

    assert compute_earn(first_ceiling, purchase(100), None).regular == 1  # 2/3 up
    assert compute_earn(first_floor, purchase(100), None).regular == 0


def test_a_purchase_in_another_currency_is_refused():
    assert reason_of(compute_earn, rules(ONE_PER_EUR), purchase(100, currency="USD"), None) == (
        ErrorReason.CURRENCY_MISMATCH, "")


# --- promotions, card types, tiers, coupons ---------------------------------------------------

START = dt.datetime(2024, 6, 1, tzinfo=UTC)
END = dt.datetime(2024, 6, 8, tzinfo=UTC)
DOUBLE = PromotionRule(START, END, 20_000)


@pytest.mark.parametrize("time, points", [
    (START - TICK, 10), (START, 20), (END - TICK, 20), (END, 10),
    (START - dt.timedelta(seconds=1), 10), (END - dt.timedelta(seconds=1), 20)])
def test_a_promotion_applies_from_its_start_and_before_its_end(time, points):
    assert compute_earn(rules(ONE_PER_EUR, DOUBLE), purchase(1_000, time=time), None).total == points


def test_a_promotion_limited_to_stores_multiplies_only_there():
    promotion = PromotionRule(START, END, 20_000, store_ids=("s2",))

    assert compute_earn(rules(ONE_PER_EUR, promotion), purchase(1_000, store="s1"), None).total == 10
    assert compute_earn(rules(ONE_PER_EUR, promotion), purchase(1_000, store="s2"), None).total == 20


def test_promotion_points_are_bonus_and_the_product_is_rounded_once():
    # base 10.5 (floor 10), x1.5 = 15.75 -> 15: bonus 5.
    breakdown = compute_earn(rules(RatioRule(1, 100), PromotionRule(START, END, 15_000)), purchase(1_050), None)

    assert (breakdown.regular, breakdown.bonus, breakdown.reward, breakdown.total) == (10, 5, 0, 15)


def test_two_promotions_multiply_each_other():
    # 10 x 1.05 x 1.05 = 11.025 -> 11 (rounding after each factor would give 10).
    twice = rules(ONE_PER_EUR, PromotionRule(START, END, 10_500), PromotionRule(START, END, 10_500))

    assert compute_earn(twice, purchase(1_000), None).total == 11


@pytest.mark.parametrize("card, points", [("COBRAND", 30), ("cobrand", 10), ("", 10), ("OTHER", 10)])
def test_a_card_type_multiplier_applies_to_exactly_its_card_types(card, points):
    config = CardTypeRule(("COBRAND", "GOLD"), 30_000)

    assert compute_earn(rules(ONE_PER_EUR, config), purchase(1_000, card=card), None).total == points


GOLD = Tier("gold", "prog", "Gold", 100_000, 50_000, 15_000, 365)


def test_the_account_tier_multiplies_the_purchase_points_as_bonus():
    breakdown = compute_earn(rules(ONE_PER_EUR, DOUBLE), purchase(1_000), GOLD)

    assert (breakdown.regular, breakdown.bonus, breakdown.total) == (10, 20, 30)


STEPS = TierRule((EarnTier(eur(2_000), 5), EarnTier(eur(5_000), 20)))


@pytest.mark.parametrize("bill, bonus", [(1_999, 0), (2_000, 5), (4_999, 5), (5_000, 20), (9_999_999, 20)])
def test_a_tier_rule_adds_the_points_of_the_highest_step_reached(bill, bonus):
    breakdown = compute_earn(rules(ONE_PER_EUR, STEPS), purchase(bill), None)

    assert breakdown.bonus == bonus and breakdown.regular == bill // 100
    assert ("r2" in breakdown.applied_rule_ids) is (bonus > 0)


def test_coupon_multipliers_and_extra_points_are_reward_points():
    coupons = [CouponBonus("o1", "C1", multiplier_bps=20_000), CouponBonus("o2", "C2", extra_points=7)]

    breakdown = compute_earn(rules(ONE_PER_EUR, DOUBLE, STEPS), purchase(2_050), GOLD, coupons)

    # base 20.5 -> regular 20; x2 (promotion) x1.5 (tier) = 61.5 -> 61, + 5 (step) -> bonus 46;
    # x2 (coupon) = 123 -> reward 123 - 61 + 7 = 69.
    assert (breakdown.regular, breakdown.bonus, breakdown.reward) == (20, 46, 69)
    assert breakdown.total == 135 and breakdown.applied_rule_ids == ("r1", "r2", "r3")


def test_a_purchase_without_ratio_rules_still_gets_tier_rule_and_coupon_points():
    breakdown = compute_earn(rules(STEPS), purchase(5_000), None, [CouponBonus("o", "C", extra_points=3)])

    assert (breakdown.regular, breakdown.bonus, breakdown.reward) == (0, 20, 3)


# --- tiers ----------------------------------------------------------------------------------

BASIC = Tier("basic", "prog", "Basic", 0, 0, 10_000, 365)
SILVER = Tier("silver", "prog", "Silver", 50_000, 30_000, 12_000, 365)
TIERS = (GOLD, BASIC, SILVER)  # Any order: sorted by target spend.


@pytest.mark.parametrize("spend, current, expected", [
    (0, None, BASIC), (49_999, BASIC, BASIC), (50_000, BASIC, SILVER), (100_000, BASIC, GOLD),
    (100_000, SILVER, GOLD), (0, GOLD, GOLD), (99_999, GOLD, GOLD)])
def test_at_an_earn_an_account_only_moves_up(spend, current, expected):
    assert tier_for_spend(TIERS, spend, current, evaluation=False) == expected


@pytest.mark.parametrize("spend, current, expected", [
    (50_000, GOLD, GOLD),       # at min_spend: stays
    (49_999, GOLD, BASIC),      # below min_spend, below Silver's target
    (49_999, SILVER, SILVER),   # above Silver's min_spend
    (30_000, SILVER, SILVER),
    (29_999, SILVER, BASIC),
    (100_000, SILVER, GOLD),    # evaluation also moves up
])
def test_at_an_evaluation_an_account_below_its_min_spend_moves_down(spend, current, expected):
    assert tier_for_spend(TIERS, spend, current, evaluation=True) == expected


def test_without_a_zero_target_tier_an_account_may_have_no_tier():
    assert tier_for_spend((SILVER, GOLD), 10, None, evaluation=False) is None
    assert tier_for_spend((SILVER, GOLD), 10, SILVER, evaluation=True) is None


# --- events and referral ---------------------------------------------------------------------

def test_event_points_match_the_event_and_the_custom_name():
    program_rules = rules(EventRule(EarnEvent.ACCOUNT_CREATED, 100, once_per_account=True),
                          EventRule(EarnEvent.CUSTOM, 5, "app.review"), EventRule(EarnEvent.CUSTOM, 9, "survey"),
                          ReferralRule(500, 200), ReferralRule(1, 1))

    created = program_rules.event_points(EarnEvent.ACCOUNT_CREATED, "")
    review = program_rules.event_points(EarnEvent.CUSTOM, "app.review")

    assert [(r.earn_rule_id, p, once) for r, p, once in created] == [("r1", 100, True)]
    assert [(r.earn_rule_id, p, once) for r, p, once in review] == [("r2", 5, False)]
    assert program_rules.event_points(EarnEvent.FIRST_PURCHASE, "") == []
    referral, referrer, referred = program_rules.referral()
    assert (referral.earn_rule_id, referrer, referred) == ("r4", 500, 200)
    assert rules(ONE_PER_EUR).referral() is None


# --- validation -----------------------------------------------------------------------------

@pytest.mark.parametrize("changes, failure", [
    ({}, None),
    ({"program_id": ""}, (ErrorReason.FIELD_REQUIRED, "program.program_id")),
    ({"display_name": " "}, (ErrorReason.FIELD_REQUIRED, "program.display_name")),
    ({"display_name": "x" * 256}, None),
    ({"display_name": "x" * 257}, (ErrorReason.FIELD_TOO_LONG, "program.display_name")),
    ({"currency_code": ""}, (ErrorReason.FIELD_REQUIRED, "program.currency_code")),
    ({"currency_code": "eur"}, (ErrorReason.FIELD_INVALID, "program.currency_code")),
    ({"currency_code": "EURO"}, (ErrorReason.FIELD_INVALID, "program.currency_code")),
    ({"currency_code": "ABC"}, (ErrorReason.FIELD_INVALID, "program.currency_code")),
    ({"currency_code": "JPY"}, None),
    ({"time_zone": ""}, (ErrorReason.FIELD_REQUIRED, "program.time_zone")),
    ({"time_zone": "Europe/Atlantis"}, (ErrorReason.FIELD_INVALID, "program.time_zone")),
    ({"time_zone": "../../etc/passwd"}, (ErrorReason.FIELD_INVALID, "program.time_zone")),
    ({"time_zone": "America/Argentina/Buenos_Aires"}, None),
    ({"time_zone": "UTC"}, None),
    ({"points_expiry": dt.timedelta(days=3660)}, None),
    ({"points_expiry": dt.timedelta(days=3660, seconds=1)}, (ErrorReason.FIELD_OUT_OF_RANGE, "program.points_expiry")),
    ({"points_expiry": dt.timedelta(seconds=-1)}, (ErrorReason.FIELD_OUT_OF_RANGE, "program.points_expiry")),
    ({"points_expiry_months": 120}, None),
    ({"points_expiry_months": 121}, (ErrorReason.FIELD_OUT_OF_RANGE, "program.points_expiry_months")),
    ({"points_expiry_months": -1}, (ErrorReason.FIELD_OUT_OF_RANGE, "program.points_expiry_months")),
    ({"min_redeem_points": 10**12}, None),
    ({"min_redeem_points": 10**12 + 1}, (ErrorReason.FIELD_OUT_OF_RANGE, "program.min_redeem_points")),
    ({"min_remaining_balance_points": -1},
     (ErrorReason.FIELD_OUT_OF_RANGE, "program.min_remaining_balance_points")),
    ({"min_redemption_balance_points": 10**12 + 1},
     (ErrorReason.FIELD_OUT_OF_RANGE, "program.min_redemption_balance_points")),
])
def test_program_rules_at_their_boundaries(changes, failure):
    assert reason_of(validate_program, program(**changes)) == failure


P = "earn_rule"


@pytest.mark.parametrize("config, failure", [
    (None, (ErrorReason.FIELD_REQUIRED, f"{P}.config")),
    (RatioRule(1, 1), None),
    (RatioRule(10**6, 10**9), None),
    (RatioRule(0, 100), (ErrorReason.FIELD_OUT_OF_RANGE, f"{P}.ratio.points_numerator")),
    (RatioRule(10**6 + 1, 100), (ErrorReason.FIELD_OUT_OF_RANGE, f"{P}.ratio.points_numerator")),
    (RatioRule(1, 0), (ErrorReason.FIELD_OUT_OF_RANGE, f"{P}.ratio.amount_minor_denominator")),
    (RatioRule(1, 10**9 + 1), (ErrorReason.FIELD_OUT_OF_RANGE, f"{P}.ratio.amount_minor_denominator")),
    (RatioRule(1, 100, rounding_mode=4), (ErrorReason.FIELD_INVALID, f"{P}.ratio.rounding_mode")),
    (RatioRule(1, 100, store_ids=("s",) * 1_000), None),
    (RatioRule(1, 100, store_ids=("s",) * 1_001), (ErrorReason.FIELD_TOO_LONG, f"{P}.ratio.store_ids")),
    (RatioRule(1, 100, store_ids=("",)), (ErrorReason.FIELD_INVALID, f"{P}.ratio.store_ids")),
    (RatioRule(1, 100, bands=tuple(SpendBand(eur(i), 1, 1) for i in range(1, 33))), None),
    (RatioRule(1, 100, bands=tuple(SpendBand(eur(i), 1, 1) for i in range(1, 34))),
     (ErrorReason.FIELD_TOO_LONG, f"{P}.ratio.bands")),
    (RatioRule(1, 100, bands=(SpendBand(eur(0), 1, 1),)),
     (ErrorReason.FIELD_INVALID, f"{P}.ratio.bands[0].min_bill_amount")),
    (RatioRule(1, 100, bands=(SpendBand(eur(5), 1, 1), SpendBand(eur(5), 2, 1))),
     (ErrorReason.FIELD_INVALID, f"{P}.ratio.bands[1].min_bill_amount")),
    (RatioRule(1, 100, bands=(SpendBand(Money(5, "USD"), 1, 1),)),
     (ErrorReason.FIELD_INVALID, f"{P}.ratio.bands[0].min_bill_amount.currency_code")),
    (RatioRule(1, 100, bands=(SpendBand(eur(5), 0, 1),)),
     (ErrorReason.FIELD_OUT_OF_RANGE, f"{P}.ratio.bands[0].points_numerator")),
    (EventRule(0, 10), (ErrorReason.FIELD_REQUIRED, f"{P}.event.event")),
    (EventRule(9, 10), (ErrorReason.FIELD_INVALID, f"{P}.event.event")),
    (EventRule(EarnEvent.ACCOUNT_CREATED, 0), (ErrorReason.FIELD_OUT_OF_RANGE, f"{P}.event.points")),
    (EventRule(EarnEvent.ACCOUNT_CREATED, 10**9), None),
    (EventRule(EarnEvent.ACCOUNT_CREATED, 10**9 + 1), (ErrorReason.FIELD_OUT_OF_RANGE, f"{P}.event.points")),
    (EventRule(EarnEvent.ACCOUNT_CREATED, 1, "name"), (ErrorReason.FIELD_INVALID, f"{P}.event.custom_event")),
    (EventRule(EarnEvent.CUSTOM, 1), (ErrorReason.FIELD_REQUIRED, f"{P}.event.custom_event")),
    (EventRule(EarnEvent.CUSTOM, 1, "x" * 64), None),
    (EventRule(EarnEvent.CUSTOM, 1, "x" * 65), (ErrorReason.FIELD_TOO_LONG, f"{P}.event.custom_event")),
    (EventRule(EarnEvent.CUSTOM, 1, "has space"), (ErrorReason.FIELD_INVALID, f"{P}.event.custom_event")),
    (TierRule(()), (ErrorReason.FIELD_REQUIRED, f"{P}.tier.tiers")),
    (TierRule((EarnTier(eur(1), 1), EarnTier(eur(2), 1))), (ErrorReason.FIELD_INVALID, f"{P}.tier.tiers[1].points")),
    (TierRule((EarnTier(eur(2), 1), EarnTier(eur(1), 2))),
     (ErrorReason.FIELD_INVALID, f"{P}.tier.tiers[1].min_bill_amount")),
    (TierRule(tuple(EarnTier(eur(i), i) for i in range(1, 34))), (ErrorReason.FIELD_TOO_LONG, f"{P}.tier.tiers")),
    (PromotionRule(START, END, 10_001), None),
    (PromotionRule(START, END, 1_000_000), None),
    (PromotionRule(START, END, 10_000), (ErrorReason.FIELD_OUT_OF_RANGE, f"{P}.promotion.multiplier_bps")),
    (PromotionRule(START, END, 1_000_001), (ErrorReason.FIELD_OUT_OF_RANGE, f"{P}.promotion.multiplier_bps")),
    (PromotionRule(START, START, 20_000), (ErrorReason.FIELD_INVALID, f"{P}.promotion.end_time")),
    (PromotionRule(None, END, 20_000), (ErrorReason.FIELD_REQUIRED, f"{P}.promotion.start_time")),
    (PromotionRule(START, None, 20_000), (ErrorReason.FIELD_REQUIRED, f"{P}.promotion.end_time")),
    (ReferralRule(0, 0), None),
    (ReferralRule(-1, 0), (ErrorReason.FIELD_OUT_OF_RANGE, f"{P}.referral.referrer_points")),
    (ReferralRule(0, 10**9 + 1), (ErrorReason.FIELD_OUT_OF_RANGE, f"{P}.referral.referred_points")),
    (CardTypeRule((), 20_000), (ErrorReason.FIELD_REQUIRED, f"{P}.card_type.card_types")),
    (CardTypeRule(("x" * 64,) * 100, 20_000), None),
    (CardTypeRule(("x" * 65,), 20_000), (ErrorReason.FIELD_INVALID, f"{P}.card_type.card_types")),
    (CardTypeRule(("x",) * 101, 20_000), (ErrorReason.FIELD_TOO_LONG, f"{P}.card_type.card_types")),
    (CardTypeRule(("x",), 10_000), (ErrorReason.FIELD_OUT_OF_RANGE, f"{P}.card_type.multiplier_bps")),
])
def test_earn_rule_configs_at_their_boundaries(config, failure):
    assert reason_of(validate_earn_rule, rule(config), "EUR") == failure


@pytest.mark.parametrize("changes, failure", [
    ({}, None),
    ({"display_name": ""}, (ErrorReason.FIELD_REQUIRED, "tier.display_name")),
    ({"target_spend_minor": -1}, (ErrorReason.FIELD_OUT_OF_RANGE, "tier.target_spend.amount_minor")),
    ({"min_spend_minor": 100_000}, None),
    ({"min_spend_minor": 100_001}, (ErrorReason.FIELD_OUT_OF_RANGE, "tier.min_spend.amount_minor")),
    ({"multiplier_bps": 10_000}, None),
    ({"multiplier_bps": 9_999}, (ErrorReason.FIELD_OUT_OF_RANGE, "tier.multiplier_bps")),
    ({"multiplier_bps": 1_000_001}, (ErrorReason.FIELD_OUT_OF_RANGE, "tier.multiplier_bps")),
    ({"evaluation_days": 0}, (ErrorReason.FIELD_OUT_OF_RANGE, "tier.evaluation_days")),
    ({"evaluation_days": 3660}, None),
    ({"evaluation_days": 3661}, (ErrorReason.FIELD_OUT_OF_RANGE, "tier.evaluation_days")),
])
def test_tier_rules_at_their_boundaries(changes, failure):
    assert reason_of(validate_tier, dataclasses.replace(GOLD, **changes)) == failure


# --- updates (AIP-134) --------------------------------------------------------------------------

RATIO_RULE = rule(RatioRule(1, 100, store_ids=("s1",)))


def test_an_update_changes_only_the_fields_in_the_mask():
    patch = EarnRule("", "prog", "Renamed", RatioRule(3, 7, RoundingMode.CEILING))

    updated = apply_update(RATIO_RULE, patch, ["display_name", "ratio.rounding_mode"])

    assert updated.display_name == "Renamed"
    assert updated.config == RatioRule(1, 100, RoundingMode.CEILING, ("s1",))


def test_a_repeated_field_in_the_mask_is_replaced_and_a_field_not_set_becomes_its_default():
    assert apply_update(RATIO_RULE, EarnRule("", "", "", None), ["ratio.store_ids"]).config.store_ids == ()
    assert apply_update(RATIO_RULE, EarnRule("", "", "", RatioRule(1, 1, store_ids=("a", "b"))),
                        ["ratio.store_ids"]).config.store_ids == ("a", "b")


@pytest.mark.parametrize("patch, mask, failure", [
    (EarnRule("", "other", "", None), ["program_id"], (ErrorReason.FIELD_IMMUTABLE, "earn_rule.program_id")),
    (EarnRule("", "prog", "", None), ["program_id"], None),
    (EarnRule("", "", "", PromotionRule(START, END, 20_000)), ["promotion"],
     (ErrorReason.FIELD_IMMUTABLE, "earn_rule.promotion")),
    (EarnRule("", "", "", PromotionRule(START, END, 20_000)), ["ratio.points_numerator"],
     (ErrorReason.FIELD_IMMUTABLE, "earn_rule.ratio")),
    (EarnRule("", "", "", None), ["event.points"], (ErrorReason.FIELD_IMMUTABLE, "earn_rule.event")),
    (EarnRule("", "", "", None), [], (ErrorReason.FIELD_REQUIRED, "update_mask")),
    (EarnRule("", "", "", None), ["*"], (ErrorReason.FIELD_INVALID, "update_mask")),
    (EarnRule("", "", "", None), ["ratio.no_such_field"], (ErrorReason.FIELD_INVALID, "update_mask")),
    (EarnRule("", "", "", None), ["etag", "update_time"], None),
])
def test_update_masks_refuse_immutable_and_unknown_fields(patch, mask, failure):
    assert reason_of(apply_update, RATIO_RULE, patch, mask) == failure


# --- storage form ---------------------------------------------------------------------------------

@pytest.mark.parametrize("config", [
    BANDED, STEPS, DOUBLE, ReferralRule(5, 6), CardTypeRule(("A", "B"), 12_345),
    EventRule(EarnEvent.CUSTOM, 3, "x", True)])
def test_an_earn_rule_round_trips_through_json(config):
    assert EarnRule.from_json(rule(config).to_json()) == rule(config)


def test_a_program_and_a_tier_round_trip_through_json():
    month_end = program(points_expiry=dt.timedelta(days=30, seconds=1), points_expiry_mode=PointsExpiryMode.MONTH_END)

    assert Program.from_json(month_end.to_json()) == month_end
    assert Tier.from_json(GOLD.to_json()) == GOLD


def test_a_program_update_changes_only_the_masked_fields():
    patch = program(display_name="New", min_redeem_points=50, allow_negative_refund=True, time_zone="UTC")

    updated = apply_program_update(program(), patch, ["display_name", "refund_overdraft", "update_time"])

    assert updated == program(display_name="New", allow_negative_refund=True)


@pytest.mark.parametrize("patch, mask, failure", [
    (program(currency_code="USD"), ["currency_code"], (ErrorReason.FIELD_IMMUTABLE, "program.currency_code")),
    (program(program_id="other"), ["program_id"], (ErrorReason.FIELD_IMMUTABLE, "program.program_id")),
    (program(), ["currency_code", "program_id"], None),
    (program(), [], (ErrorReason.FIELD_REQUIRED, "update_mask")),
    (program(), ["org_id"], (ErrorReason.FIELD_INVALID, "update_mask")),
])
def test_program_update_masks_refuse_immutable_and_unknown_fields(patch, mask, failure):
    assert reason_of(apply_program_update, program(), patch, mask) == failure
