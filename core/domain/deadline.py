"""The deadline of the call being served: every wait on a store is bounded by it.

The transport sets it once per call (`server/deadline.py` reads gRPC's remaining time); core code
asks `bounded(ceiling)` for the longest it may wait. A call without a deadline is bounded by the
ceiling alone. The value is a ContextVar, so tasks spawned for a call inherit it; work that must
outlive the call (settling a commit's outcome) runs under `detached()`.
"""

from __future__ import annotations

import contextvars
import time

_deadline: contextvars.ContextVar[float | None] = contextvars.ContextVar("rewards_deadline", default=None)

REPLY_MARGIN_S = 0.05
"""Kept back from the caller's deadline so that a bounded wait ends in an answer the caller still
receives (UNAVAILABLE with RetryInfo) instead of its own DEADLINE_EXCEEDED."""


def set_remaining(seconds: float | None) -> contextvars.Token:
    """Start a call with `seconds` left (None: no deadline)."""
    return _deadline.set(None if seconds is None else time.monotonic() + seconds)


def reset(token: contextvars.Token) -> None:
    _deadline.reset(token)


def remaining() -> float | None:
    """Seconds left before the call's deadline (never negative), None without one."""
    deadline = _deadline.get()
    return None if deadline is None else max(0.0, deadline - time.monotonic())


def bounded(ceiling: float) -> float:
    """The longest a wait may take now: the configured ceiling, or less if the call's deadline
    (less a small margin for the reply) comes sooner; never negative."""
    left = remaining()
    if left is None:
        return ceiling
    return max(0.0, min(ceiling, left - min(REPLY_MARGIN_S, left / 10)))


def detached() -> contextvars.Context:
    """A copy of the current context without a deadline, for work that outlives the call."""
    context = contextvars.copy_context()
    context.run(_deadline.set, None)
    return context
