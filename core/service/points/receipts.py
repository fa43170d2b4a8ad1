"""Receipts of EarnPoints earns (seed 004): the receipt number from the program's sequence, the
receipt as the history keeps it (type, posted_by, details) and the card type the purchase earned
in, and the earn_receipts row committed with the EARN.

Receipt numbers are taken from the program's sequence in Postgres in blocks of
limits.RECEIPT_NUMBER_BLOCK per server process (one round trip per block, not per earn): a number
is never handed out twice, by any process, whatever happens to the earns; numbers are not gapless
(an earn that fails, a retry decided again, a restart leaves numbers unused) and, across
processes, not in time order."""

from __future__ import annotations

import asyncio
import datetime as dt

from core.adapters.postgres.ledger_writer import Row
from core.adapters.postgres.receipts import ReceiptStore, receipt_row
from core.domain import limits
from core.domain.loyalty import BPS, ProgramRules, Tier
from core.domain.receipt_numbers import format_receipt_number
from core.domain.receipts import Receipt, ReceiptDetail, receipt_type_of
from core.service.context import Caller


class ReceiptNumbers:
    """This process's blocks of each program's receipt sequence."""

    def __init__(self, store: ReceiptStore, block: int = limits.RECEIPT_NUMBER_BLOCK) -> None:
        self._store = store
        self._block = block
        self._next: dict[tuple[str, str], tuple[int, int]] = {}
        """(org, program) -> (the next number to hand out, the last of the block)."""
        self._locks: dict[tuple[str, str], asyncio.Lock] = {}

    async def take(self, org_id: str, program_id: str) -> int:
        key = (org_id, program_id)
        lock = self._locks.setdefault(key, asyncio.Lock())
        async with lock:
            following, last = self._next.get(key, (1, 0))
            if following > last:
                following, last = await self._store.take_numbers(org_id, program_id, self._block)
            self._next[key] = (following + 1, last)
            return following


async def receipt_of(numbers: ReceiptNumbers, caller: Caller, rules: ProgramRules, details: tuple[ReceiptDetail, ...],
                     receipt_type: int, posted_by: str, now: dt.datetime) -> Receipt:
    """The earn's receipt: the next number of the program's sequence (if it numbers receipts)."""
    program = rules.program
    sequence, number = None, ""
    if program.receipt_number_format:
        sequence = await numbers.take(caller.org_id, program.program_id)
        number = format_receipt_number(program.receipt_number_format, sequence, program.time_zone, now)
    return Receipt(number, sequence, int(receipt_type_of(receipt_type, len(details))), posted_by or caller.client_id,
                   details)


def card_type_multiplier(tier: Tier | None) -> int:
    return tier.multiplier_bps if tier is not None else BPS


def earn_receipt_row(caller: Caller, rules: ProgramRules, points_transaction_id: str, receipt: Receipt,
                     tier: Tier | None, now: dt.datetime) -> Row:
    return receipt_row(points_transaction_id=points_transaction_id, org_id=caller.org_id,
                       program_id=rules.program.program_id, receipt_sequence=receipt.sequence,
                       receipt_number=receipt.receipt_number, receipt_type=receipt.receipt_type,
                       posted_by=receipt.posted_by, details=[detail.to_json() for detail in receipt.details],
                       card_type_id=tier.tier_id if tier is not None else None,
                       card_type_multiplier_bps=card_type_multiplier(tier), create_time=now)
