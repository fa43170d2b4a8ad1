"""One clock source, injectable in tests. Server time is authoritative; a client-sent time is data."""

from __future__ import annotations

import datetime as dt
from typing import Protocol


class Clock(Protocol):
    def now(self) -> dt.datetime: ...


class SystemClock:
    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.timezone.utc)


class FixedClock:
    """A clock for tests: returns `at` until moved."""

    def __init__(self, at: dt.datetime) -> None:
        assert at.tzinfo is not None
        self.at = at

    def now(self) -> dt.datetime:
        return self.at

    def advance(self, delta: dt.timedelta) -> None:
        self.at += delta
