"""Built-in earn events that fire by themselves ("events the server sees", EarnEvent):
ACCOUNT_CREATED on CreateAccount, FIRST_PURCHASE on an account's first EarnPoints, MARKETING_OPT_IN
on a membership that opts in to a marketing channel.

The handler of the triggering request asks the points engine (an `EventHook`, Points.built_in_event)
for the award, and commits its rows (the EVENT transfers of the program's rules for the event, and
their once-per-account points_awards rows) with its own rows: one commit, one stored reply, so a
retry of the triggering request replays and pays nothing twice. Each built-in event pays once per
account and rule: the award key is the one an explicit AllocateEvent of the same event uses, so
neither pays after the other. A concurrent award of the same key (two first purchases at once, an
AllocateEvent racing the trigger) fails the trigger's commit on points_awards_unique with a
transient reason; the trigger is decided again and then finds the award made.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field

from core.adapters.postgres.ledger_writer import Row
from core.domain.errors import DomainError
from core.service.context import Caller
from core.service.idempotent import Prepared, R


@dataclass(frozen=True, slots=True)
class EventAward:
    """What a built-in event pays, to commit with the request that triggered it."""

    rows: tuple[Row, ...]
    rejections: Mapping[str, DomainError] = field(default_factory=dict)
    on_commit: Callable[[], Awaitable[None]] | None = None
    on_abort: Callable[[], Awaitable[None]] | None = None
    transactions: tuple = ()
    """The EVENT PointsTransactions."""
    points: int = 0


EventHook = Callable[[Caller, str, str, int, str, DomainError], Awaitable[EventAward | None]]
"""(caller, account id, program id, EarnEvent value, the triggering request id, the transient error
a lost award race fails the trigger with) -> the award, or None when the program pays nothing for
it (now)."""


def joined(prepared: Prepared[R], award: EventAward | None) -> Prepared[R]:
    """The triggering request's Prepared with the award's rows and settlements added."""
    if award is None:
        return prepared

    async def on_commit() -> None:
        if prepared.on_commit is not None:
            await prepared.on_commit()
        if award.on_commit is not None:
            await award.on_commit()

    async def on_abort() -> None:
        if prepared.on_abort is not None:
            await prepared.on_abort()
        if award.on_abort is not None:
            await award.on_abort()

    return Prepared(prepared.result, prepared.rows + award.rows, {**award.rejections, **prepared.rejections},
                    on_commit=on_commit, on_abort=on_abort)


async def abandon(award: EventAward | None) -> None:
    """Release what an award reserved when the triggering request fails before its commit."""
    if award is not None and award.on_abort is not None:
        await award.on_abort()
