"""What the coupon engine needs from other contexts, as ports (Protocols) injected into Coupons."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Protocol

from core.adapters.postgres.ledger_writer import Row
from core.service.context import Caller


@dataclass(frozen=True, slots=True)
class HeldPayment:
    """Points reserved in a wallet whose debit row is about to be committed."""

    row: Row
    rejections: dict
    confirm: Callable[[], Awaitable[None]]
    release: Callable[[], Awaitable[None]]


class PointsPayer(Protocol):
    """Debits the points price of a REWARD coupon from the account's wallet (the loyalty context)."""

    async def pay(self, account_id: str, points: int, request_id: str, caller: Caller) -> HeldPayment: ...
