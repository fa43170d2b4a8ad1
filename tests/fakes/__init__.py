"""In-memory fakes of the adapter stores (same method names, dict storage) for service-layer unit
tests of rules that need no real store."""

from __future__ import annotations

import datetime as dt

from core.domain.clock import FixedClock
from core.service.context import Deps

T0 = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)


def no_deps(at: dt.datetime = T0) -> Deps:
    """Deps without stores: every store a test's service call uses is a fake passed in."""
    return Deps(pool=None, redis=None, scripts=None, writer=None, idempotency=None,  # type: ignore[arg-type]
                clock=FixedClock(at))
