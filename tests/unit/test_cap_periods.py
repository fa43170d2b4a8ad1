"""Calendar periods of event caps, in the program's time zone, at their boundaries."""

from __future__ import annotations

import datetime as dt

import pytest

from core.domain.loyalty import CapPeriod, cap_period_bounds

UTC = dt.timezone.utc


def utc(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=UTC)


@pytest.mark.parametrize("period, now, start, end", [
    # 23:30 UTC on 31 Jan is 00:30 on 1 Feb in Berlin (UTC+1).
    (CapPeriod.DAY, utc(2026, 1, 31, 23, 30), utc(2026, 1, 31, 23), utc(2026, 2, 1, 23)),
    (CapPeriod.DAY, utc(2026, 1, 31, 22, 59, 59), utc(2026, 1, 30, 23), utc(2026, 1, 31, 23)),
    # The day clocks go forward (29 March 2026) has 23 hours.
    (CapPeriod.DAY, utc(2026, 3, 29, 12), utc(2026, 3, 28, 23), utc(2026, 3, 29, 22)),
    # Weeks start on Monday: Sunday 1 Feb 2026 belongs to the week of Monday 26 Jan.
    (CapPeriod.WEEK, utc(2026, 2, 1, 12), utc(2026, 1, 25, 23), utc(2026, 2, 1, 23)),
    (CapPeriod.WEEK, utc(2026, 2, 1, 23), utc(2026, 2, 1, 23), utc(2026, 2, 8, 23)),
    (CapPeriod.MONTH, utc(2026, 2, 28, 22, 59), utc(2026, 1, 31, 23), utc(2026, 2, 28, 23)),
    (CapPeriod.MONTH, utc(2026, 12, 15), utc(2026, 11, 30, 23), utc(2026, 12, 31, 23)),
    (CapPeriod.YEAR, utc(2026, 12, 31, 23), utc(2026, 12, 31, 23), utc(2027, 12, 31, 23)),
])
def test_a_period_runs_from_local_midnight_to_local_midnight(period, now, start, end):
    assert cap_period_bounds(period, "Europe/Berlin", now) == (start, end)
