"""Expiry of points lots: one EXPIRE transfer per lot whose expiry has come, from the wallet to the
program's expiry account, each through reserve -> commit -> confirm like any debit. Runs as
`rewards-core expire`, on a timer in the server, and for one account before a debit reads its
balance (Wallets.expire_if_due)."""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid
from typing import Protocol

from core.adapters.postgres.ledger_writer import LedgerWrite, WriteRejected
from core.adapters.postgres.outbox import event_row
from core.adapters.postgres.points_ledger import DueLot, PointsLedgerStore, transaction_row
from core.adapters.redis.wallets import WalletHold
from core.domain import limits
from core.domain.errors import DomainError, ErrorReason
from core.domain.loyalty import TransactionState, TransactionType
from core.service.context import Deps
from core.service.points.common import SYSTEM_CLIENT, expired_account, wallet_account


class Holds(Protocol):
    """What expiry needs of the wallets (core/service/points/wallets.py)."""

    async def reserve(self, account_id: str, request_key: str, delta: int, *,
                      overdraft: bool = False) -> tuple[WalletHold, int]: ...

    async def confirm(self, hold: WalletHold) -> None: ...

    async def release(self, hold: WalletHold) -> None: ...

    async def set_next_expiry(self, hold: WalletHold) -> None: ...


def expiry_request_id(lot: DueLot) -> str:
    """One request per lot and remaining amount: a lot spent in part since is expired anew."""
    return f"expire:{lot.lot_id}:{lot.remaining}"


async def expire_lots(deps: Deps, wallets: Holds, ledger: PointsLedgerStore, now: dt.datetime, *,
                      account_id: str | None = None) -> int:
    """Expire every due lot (of one account, or all), a batch at a time; the lots expired."""
    expired = 0
    while True:
        lots = await ledger.due_lots(now, limits.EXPIRY_BATCH_LOTS_MAX, account_id)
        if not lots:
            break
        results = await asyncio.gather(*(_expire_lot(deps, wallets, now, lot) for lot in lots))
        expired += sum(results)
        if not any(results):
            break
    return expired


async def _expire_lot(deps: Deps, wallets: Holds, now: dt.datetime, lot: DueLot) -> bool:
    request_id = expiry_request_id(lot)
    try:
        hold, _ = await wallets.reserve(lot.account_id, f"{SYSTEM_CLIENT}:{request_id}", -lot.remaining,
                                        overdraft=True)
    except DomainError as error:
        if error.reason == ErrorReason.REQUEST_IN_FLIGHT:
            return False
        raise
    transaction_id = str(uuid.uuid4())
    row = transaction_row(
        points_transaction_id=transaction_id, org_id=lot.org_id, program_id=lot.program_id,
        account_id=lot.account_id, type=TransactionType.EXPIRE, state=TransactionState.POSTED,
        debit_account=wallet_account(lot.account_id), credit_account=expired_account(lot.program_id),
        points=-lot.remaining, create_time=now, request_id=request_id, client_id=SYSTEM_CLIENT, epoch=hold.epoch,
        lot_id=lot.lot_id)
    try:
        # The points.expired event commits with the EXPIRE transfer (none if it is refused).
        event = event_row(lot.org_id, "points.expired", "account", lot.account_id, {
            "account_id": lot.account_id, "program_id": lot.program_id, "lot_id": lot.lot_id,
            "points": lot.remaining, "points_transaction_id": transaction_id, "expired_at": now.isoformat()}, now)
        await deps.writer.submit(LedgerWrite((row, event)))
    except (WriteRejected, DomainError):
        # The lot changed under us (a redemption spent part of it) or was expired by another
        # worker: the next run sees its new remaining.
        await wallets.release(hold)
        return False
    await wallets.confirm(hold)
    await wallets.set_next_expiry(hold)
    return True
