"""The pure rules of lucky draws (core/domain/lucky_draws.py): the range arithmetic the ledger's
trigger follows, zero-padding, draw periods, the lucky-draw points' split and rounding, and the
policy's bounds."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.domain import limits
from core.domain.errors import DomainError
from core.domain.lucky_draws import (DrawPeriod, LuckyDrawPolicy, NumberRange, allocate, contiguous_cover,
                                     format_number, lucky_points, period_key, validate_policy)
from core.domain.loyalty import Program, PointsExpiryMode
from core.adapters.postgres.programs import program_from_row, program_row

UTC = dt.timezone.utc


# --- ranges ------------------------------------------------------------------------------------


def test_the_first_range_starts_at_one_and_the_next_after_the_last():
    first, last = allocate(0, 5)
    second, after = allocate(last, 1)

    assert (first, last) == (NumberRange(1, 5), 5)
    assert (second, after) == (NumberRange(6, 6), 6)
    assert first.count == 5 and second.count == 1


@pytest.mark.parametrize("last, count", [(0, 0), (3, -1), (-1, 2)])
def test_an_empty_range_or_a_sequence_below_zero_is_refused(last, count):
    with pytest.raises(ValueError):
        allocate(last, count)


@given(st.lists(st.integers(min_value=1, max_value=1_000), min_size=1, max_size=60))
def test_ranges_taken_one_after_another_cover_exactly_one_to_the_total(counts):
    ranges, last = [], 0
    for count in counts:
        taken, last = allocate(last, count)
        ranges.append(taken)

    assert contiguous_cover(ranges)
    assert last == sum(counts) == sum(r.count for r in ranges)


@pytest.mark.parametrize("ranges, covers", [
    ([NumberRange(1, 3), NumberRange(4, 4)], True),
    ([NumberRange(4, 9), NumberRange(1, 3)], True),  # in any order
    ([NumberRange(1, 3), NumberRange(5, 6)], False),  # a gap
    ([NumberRange(1, 3), NumberRange(3, 6)], False),  # an overlap
    ([NumberRange(2, 3)], False),  # not from 1
    ([], True),
])
def test_a_cover_has_no_gap_and_no_overlap(ranges, covers):
    assert contiguous_cover(ranges) is covers


# --- padding -----------------------------------------------------------------------------------


@pytest.mark.parametrize("number, width, shown", [
    (1, 10, "0000000001"), (315, 10, "0000000315"), (9_999_999_999, 10, "9999999999"),
    (10_000_000_000, 10, "10000000000"),  # outgrows the width: shown in full
    (7, 1, "7"), (1, 18, "000000000000000001"),
])
def test_numbers_are_zero_padded_to_the_width(number, width, shown):
    assert format_number(number, width) == shown


def test_there_is_no_number_zero():
    with pytest.raises(ValueError):
        format_number(0, 10)


# --- draw periods ------------------------------------------------------------------------------


@pytest.mark.parametrize("period, shown", [(DrawPeriod.DAY, "2027-01-01"), (DrawPeriod.WEEK, "2026-W53"),
                                           (DrawPeriod.MONTH, "2027-01"), (DrawPeriod.YEAR, "2027")])
def test_the_period_is_the_programs_local_calendar(period, shown):
    # 23:30 UTC on 31 December 2026 is already 1 January 2027 in Berlin (a Friday of ISO week 53).
    assert period_key(period, "Europe/Berlin", dt.datetime(2026, 12, 31, 23, 30, tzinfo=UTC)) == shown


def test_the_period_in_utc_is_still_the_old_year():
    assert period_key(DrawPeriod.MONTH, "UTC", dt.datetime(2026, 12, 31, 23, 30, tzinfo=UTC)) == "2026-12"


# --- points ------------------------------------------------------------------------------------


def test_the_seeds_example_five_lucky_points_of_a_purchase():
    # 255,000 IDR at one lucky-draw point per 50,000: 5 regular.
    points = lucky_points(LuckyDrawPolicy(1, 50_000), 255_000)

    assert (points.regular, points.bonus, points.reward, points.total) == (5, 0, 0, 5)


def test_the_program_factor_is_bonus_and_the_coupons_factor_reward():
    policy = LuckyDrawPolicy(1, 100)

    points = lucky_points(policy, 1_000, program_factor=Fraction(3, 2), coupon_factor=Fraction(2))

    assert (points.regular, points.bonus, points.reward) == (10, 5, 15)


@pytest.mark.parametrize("mode, regular", [(1, 2), (2, 3), (3, 3)])
def test_rounding_follows_the_policy(mode, regular):
    assert lucky_points(LuckyDrawPolicy(1, 100, rounding_mode=mode), 250).regular == regular


@pytest.mark.parametrize("mode, regular", [(2, 2), (3, 3)])
def test_half_up_rounds_below_a_half_down_and_ceiling_any_part_up(mode, regular):
    assert lucky_points(LuckyDrawPolicy(1, 100, rounding_mode=mode), 249).regular == regular


def test_a_bill_below_one_lucky_point_gives_none():
    assert lucky_points(LuckyDrawPolicy(1, 1_000), 999).total == 0
    assert lucky_points(LuckyDrawPolicy(1, 1_000), 1_000).total == 1


# --- the policy's bounds -----------------------------------------------------------------------


def test_a_policy_at_its_bounds_is_valid():
    validate_policy(LuckyDrawPolicy(1, 1, number_width=1))
    validate_policy(LuckyDrawPolicy(limits.LUCKY_DRAW_NUMERATOR_MAX, limits.LUCKY_DRAW_DENOMINATOR_MAX,
                                    rounding_mode=3, number_width=limits.LUCKY_DRAW_NUMBER_WIDTH_MAX,
                                    draw_period=DrawPeriod.YEAR))
    validate_policy(None)


@pytest.mark.parametrize("fields, field, reason", [
    ({"points_numerator": 0}, "points_numerator", "FIELD_OUT_OF_RANGE"),
    ({"points_numerator": limits.LUCKY_DRAW_NUMERATOR_MAX + 1}, "points_numerator", "FIELD_OUT_OF_RANGE"),
    ({"amount_minor_denominator": 0}, "amount_minor_denominator", "FIELD_OUT_OF_RANGE"),
    ({"amount_minor_denominator": limits.LUCKY_DRAW_DENOMINATOR_MAX + 1}, "amount_minor_denominator",
     "FIELD_OUT_OF_RANGE"),
    ({"number_width": 0}, "number_width", "FIELD_OUT_OF_RANGE"),
    ({"number_width": limits.LUCKY_DRAW_NUMBER_WIDTH_MAX + 1}, "number_width", "FIELD_OUT_OF_RANGE"),
    ({"rounding_mode": 4}, "rounding_mode", "FIELD_INVALID"),
    ({"draw_period": 5}, "draw_period", "FIELD_INVALID"),
])
def test_a_policy_out_of_its_bounds_names_its_field(fields, field, reason):
    with pytest.raises(DomainError) as refused:
        validate_policy(LuckyDrawPolicy(**{"points_numerator": 1, "amount_minor_denominator": 100, **fields}))

    assert refused.value.reason.name == reason
    assert refused.value.metadata["field"] == f"program.lucky_draw.{field}"


# --- storage and cache codecs ------------------------------------------------------------------


def _program(**fields) -> Program:
    now = dt.datetime(2026, 12, 4, tzinfo=UTC)
    return Program("org", "p", "P", "EUR", "Europe/Berlin", None, PointsExpiryMode.DURATION, 0, 0, 0, 0, False,
                   now, now, **fields)


@pytest.mark.parametrize("program", [
    _program(),
    _program(lucky_draw=LuckyDrawPolicy(3, 1_000, 2, 8, DrawPeriod.WEEK), earn_requires_owner=True),
    _program(burn_requires_owner=True),
])
def test_the_policy_round_trips_through_its_row_and_its_json(program):
    row = program_row(program=program)
    columns = dict(zip(row.columns, row.values, strict=True))

    assert program_from_row(columns) == program
    assert Program.from_json(program.to_json()) == program


def test_an_entry_before_its_commit_has_null_numbers_in_json_and_reads_back_unallocated():
    from core.service.points.results import LuckyDrawEntry

    when = dt.datetime(2026, 12, 4, tzinfo=UTC)
    prepared = LuckyDrawEntry("t", "a", "p", "2026-12", 5, 1, 0, when)
    committed = LuckyDrawEntry("t", "a", "p", "2026-12", 5, 1, 0, when, 315, 320, 10, 2, "r", when)

    assert (prepared.to_json()["first_number"], prepared.to_json()["last_number"]) == (None, None)
    assert LuckyDrawEntry.from_json(prepared.to_json()) == prepared and not prepared.allocated
    assert LuckyDrawEntry.from_json(committed.to_json()) == committed and committed.count == 6
