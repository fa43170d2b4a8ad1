"""Points as money on the burn side (seed 002's coins-to-currency ratio, Program.points_value): a
burn asked in money converts to points, and a burn answers the money value of its points. The
rounding is core/domain/loyalty.py's: both ways down (never worth more than stated, never burning
more than asked)."""

from __future__ import annotations

from core.domain.errors import DomainError, ErrorReason, field_invalid
from core.domain.loyalty import Program, points_for_money, points_money_value


def burn_points(program: Program, points: int, amount: tuple[int, str] | None, field: str = "amount") -> int:
    """The points a burn asks: `points`, or `amount` (minor units, currency) converted by the
    program's points_value. Exactly one of the two; the points are then checked as any burn's.
    `field`: the amount's field path in the request (for the refusals' metadata)."""
    if amount is None:
        return points
    if points:
        raise field_invalid(field, "exactly one of points and amount")
    value = program.points_value
    if value is None:
        raise DomainError(ErrorReason.POINTS_VALUE_NOT_CONFIGURED, metadata={"program_id": program.program_id})
    amount_minor, currency_code = amount
    if currency_code != program.currency_code:
        raise DomainError(ErrorReason.CURRENCY_MISMATCH, metadata={
            "field": f"{field}.currency_code", "program_currency_code": program.currency_code})
    smallest = -(-value.value_minor // value.points)  # The least amount worth one point.
    converted = points_for_money(value, amount_minor) if amount_minor > 0 else 0
    if converted < 1:
        raise DomainError(ErrorReason.FIELD_OUT_OF_RANGE, f"amount must be worth at least one point ({smallest}).",
                          {"field": f"{field}.amount_minor", "min": str(smallest)})
    return converted


def burn_value(program: Program, points: int) -> int | None:
    """The money value (minor units, program currency) of burning `points`; None if the program
    states no points value."""
    if program.points_value is None:
        return None
    return points_money_value(program.points_value, points)
