"""Lucky draws (seed 004's `lucky_draw_point` and `lucky_draw_numbers`): the pure rules, no I/O.

A program with a LuckyDrawPolicy gives each purchase lucky-draw points beside its redeemable
points, by the policy's own ratio and split like them (core/domain/loyalty.py compute_earn):

    base    = bill_minor * numerator / denominator          (an exact fraction)
    regular = round(base)
    bonus   = round(base * P) - regular                      P: promotions, card types, the tier
    reward  = round(base * P * C) - round(base * P)          C: the MULTIPLIER coupons

(EXTRAPOINT coupons and TIER rules give redeemable points only.) The earn is then given one
lucky-draw number per lucky-draw point: one contiguous range of the program's sequence, which
starts at 1. The range itself is allocated where the earn commits (the ledger's trigger, in the
earn's own transaction: 0028_lucky_draws.sql), so that an earn that does not commit takes no
number; `allocate` is the arithmetic that trigger follows, and `format_number` how a number is
shown.
"""

from __future__ import annotations

import datetime as dt
import enum
import zoneinfo
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from core.domain import limits
from core.domain.errors import DomainError, ErrorReason, field_invalid


class DrawPeriod(enum.IntEnum):
    """The calendar period a range's draw is in (the values of CapPeriod)."""

    DAY = 1
    WEEK = 2
    MONTH = 3
    YEAR = 4


class EntryState(enum.IntEnum):
    ACTIVE = 1
    VOIDED = 2


@dataclass(frozen=True, slots=True)
class LuckyDrawPolicy:
    points_numerator: int
    amount_minor_denominator: int
    rounding_mode: int = 1
    """A loyalty.RoundingMode value (FLOOR when 0)."""
    number_width: int = limits.LUCKY_DRAW_NUMBER_WIDTH_DEFAULT
    draw_period: int = DrawPeriod.MONTH

    def to_json(self) -> dict:
        return {"points_numerator": self.points_numerator, "amount_minor_denominator": self.amount_minor_denominator,
                "rounding_mode": int(self.rounding_mode), "number_width": self.number_width,
                "draw_period": int(self.draw_period)}

    @classmethod
    def from_json(cls, data: dict | None) -> LuckyDrawPolicy | None:
        return cls(**data) if data else None


@dataclass(frozen=True, slots=True)
class LuckyPoints:
    regular: int
    bonus: int
    reward: int

    @property
    def total(self) -> int:
        return self.regular + self.bonus + self.reward


@dataclass(frozen=True, slots=True)
class NumberRange:
    first: int
    last: int
    """Inclusive."""

    @property
    def count(self) -> int:
        return self.last - self.first + 1


def validate_policy(policy: LuckyDrawPolicy | None, prefix: str = "program.lucky_draw") -> None:
    """The first rule a policy breaks (None: no lucky draws, nothing to check)."""
    if policy is None:
        return
    _range(f"{prefix}.points_numerator", policy.points_numerator, 1, limits.LUCKY_DRAW_NUMERATOR_MAX)
    _range(f"{prefix}.amount_minor_denominator", policy.amount_minor_denominator, 1, limits.LUCKY_DRAW_DENOMINATOR_MAX)
    if policy.rounding_mode not in (1, 2, 3):
        raise field_invalid(f"{prefix}.rounding_mode", "a RoundingMode value")
    _range(f"{prefix}.number_width", policy.number_width, 1, limits.LUCKY_DRAW_NUMBER_WIDTH_MAX)
    if policy.draw_period not in set(DrawPeriod):
        raise field_invalid(f"{prefix}.draw_period", "a CapPeriod value")


def _range(field_name: str, value: int, low: int, high: int) -> None:
    if not low <= value <= high:
        raise DomainError(ErrorReason.FIELD_OUT_OF_RANGE, f"{field_name} must be in {low}..{high}.",
                          {"field": field_name, "min": str(low), "max": str(high)})


def _round(value: Fraction, mode: int) -> int:
    if mode == 2:  # HALF_UP
        return (2 * value.numerator + value.denominator) // (2 * value.denominator)
    if mode == 3:  # CEILING
        return -(-value.numerator // value.denominator)
    return value.numerator // value.denominator


def lucky_points(policy: LuckyDrawPolicy, bill_minor: int, program_factor: Fraction = Fraction(1),
                 coupon_factor: Fraction = Fraction(1)) -> LuckyPoints:
    """The lucky-draw points of a bill (see the module docstring): never negative."""
    base = Fraction(max(bill_minor, 0) * policy.points_numerator, policy.amount_minor_denominator)
    regular = _round(base, policy.rounding_mode)
    with_program = _round(base * program_factor, policy.rounding_mode)
    with_all = _round(base * program_factor * coupon_factor, policy.rounding_mode)
    return LuckyPoints(regular, with_program - regular, with_all - with_program)


def allocate(last_allocated: int, count: int) -> tuple[NumberRange, int]:
    """The range `count` numbers take after the sequence's last allocated number (0 before the
    first), and the sequence's new last number. As the ledger's trigger does it."""
    if count <= 0:
        raise ValueError("a range holds at least one number")
    if last_allocated < 0:
        raise ValueError("the sequence starts at 1")
    first = last_allocated + 1
    last = last_allocated + count
    return NumberRange(first, last), last


def format_number(number: int, width: int) -> str:
    """The number zero-padded to `width` digits; a number that outgrows the width in full."""
    if number < 1:
        raise ValueError("lucky-draw numbers start at 1")
    return str(number).rjust(width, "0")


def period_key(period: int, time_zone: str, when: dt.datetime) -> str:
    """The draw period `when` falls in, in the program's time zone: "2026-12-04" (DAY),
    "2026-W49" (WEEK, ISO weeks, from Monday), "2026-12" (MONTH), "2026" (YEAR)."""
    local = when.astimezone(zoneinfo.ZoneInfo(time_zone)).date()
    if period == DrawPeriod.DAY:
        return local.isoformat()
    if period == DrawPeriod.WEEK:
        year, week, _ = local.isocalendar()
        return f"{year}-W{week:02d}"
    if period == DrawPeriod.YEAR:
        return f"{local.year:04d}"
    return f"{local.year:04d}-{local.month:02d}"


def contiguous_cover(ranges: Sequence[NumberRange]) -> bool:
    """Whether the ranges are disjoint and together cover exactly 1..(their total count)."""
    ordered = sorted(ranges, key=lambda r: r.first)
    expected = 1
    for r in ordered:
        if r.first != expected or r.last < r.first:
            return False
        expected = r.last + 1
    return True
