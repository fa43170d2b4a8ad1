"""Batch RPCs (AIP-233 style: BatchRedeemCoupons, BatchEarnPoints): every item runs exactly as its
unary call does (its own request_id, its own answer), BATCH_CONCURRENCY at a time, so that their
Redis calls share the tick's pipelines and their rows share group commits. A refusal is that item's
answer; the batch is not atomic across items (atomic baskets are the checkout's)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from typing import TypeVar

from core.adapters.failures import as_domain_error
from core.domain import limits
from core.domain.errors import DomainError, ErrorReason, field_invalid, field_required
from core.service.context import Caller

C = TypeVar("C")
R = TypeVar("R")


def check_batch_size(items: int) -> None:
    """The bounds of a batch call: 1..BATCH_ITEMS_MAX items (checked before any item is looked at)."""
    if not items:
        raise field_required("requests")
    if items > limits.BATCH_ITEMS_MAX:
        raise DomainError(ErrorReason.FIELD_OUT_OF_RANGE, metadata={"field": "requests", "max": limits.BATCH_ITEMS_MAX})


async def each_item(commands: Sequence[C], caller: Caller, run: Callable[[C], Awaitable[R]],
                    store_of: Callable[[C], str]) -> list[R | DomainError]:
    """`run` over every command, in order of the answers. The call itself is refused when it
    holds no item or more than BATCH_ITEMS_MAX; an item without a request_id, with one another
    item uses, or at a store outside the client's stores is refused alone."""
    check_batch_size(len(commands))
    seen: set[str] = set()
    duplicates = set()
    for command in commands:
        request_id = command.request_id  # type: ignore[attr-defined]
        if request_id in seen:
            duplicates.add(request_id)
        seen.add(request_id)
    gate = asyncio.Semaphore(limits.BATCH_CONCURRENCY)

    async def one(index: int, command: C) -> R | DomainError:
        request_id = command.request_id  # type: ignore[attr-defined]
        if not request_id:
            return field_required(f"requests[{index}].request_id")
        if request_id in duplicates:
            return field_invalid(f"requests[{index}].request_id", "a request_id used by one item of the batch")
        if caller.store_ids and store_of(command) not in caller.store_ids:
            return DomainError(ErrorReason.STORE_NOT_ALLOWED, metadata={"store_id": store_of(command)})
        async with gate:
            try:
                return await run(command)
            except DomainError as error:
                return error
            except Exception as error:
                unavailable = as_domain_error(error)
                if unavailable is None:
                    raise
                return unavailable

    return list(await asyncio.gather(*(one(n, command) for n, command in enumerate(commands))))
