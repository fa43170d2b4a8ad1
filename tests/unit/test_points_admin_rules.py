"""The pure void rules (core/domain/loyalty.py void_refusal): their order, and the void window
exactly at its boundary."""

from __future__ import annotations

import datetime as dt

from core.domain import limits
from core.domain.errors import ErrorReason
from core.domain.loyalty import void_deadline, void_refusal

POSTED_AT = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.timezone.utc)
EARN, REDEEM, REFUND = 1, 6, 8


def reason(*args) -> ErrorReason | None:
    refusal = void_refusal(*args)
    return refusal.reason if refusal else None


def test_the_window_is_open_until_its_last_microsecond():
    deadline = POSTED_AT + dt.timedelta(seconds=limits.VOID_WINDOW_SECONDS)
    assert void_deadline(POSTED_AT) == deadline
    assert reason(EARN, True, "", 0, POSTED_AT, deadline) is None
    late = void_refusal(EARN, True, "", 0, POSTED_AT, deadline + dt.timedelta(microseconds=1))
    assert late.reason == ErrorReason.VOID_WINDOW_PASSED
    assert late.metadata["void_deadline"] == deadline.isoformat()


def test_only_posted_earns_and_redemptions_are_voidable():
    assert reason(REDEEM, True, "", 0, POSTED_AT, POSTED_AT) is None
    assert reason(REFUND, True, "", 0, POSTED_AT, POSTED_AT) == ErrorReason.POINTS_TRANSACTION_NOT_VOIDABLE
    assert reason(EARN, False, "", 0, POSTED_AT, POSTED_AT) == ErrorReason.POINTS_TRANSACTION_NOT_VOIDABLE


def test_refusals_come_in_order_voided_then_refunded_then_window():
    late = POSTED_AT + dt.timedelta(days=30)
    assert reason(EARN, True, "v", 5, POSTED_AT, late) == ErrorReason.POINTS_TRANSACTION_ALREADY_VOIDED
    assert reason(EARN, True, "", 5, POSTED_AT, late) == ErrorReason.POINTS_TRANSACTION_REFUNDED
    assert void_refusal(EARN, True, "", 5, POSTED_AT, POSTED_AT).metadata["refunded_points"] == "5"
