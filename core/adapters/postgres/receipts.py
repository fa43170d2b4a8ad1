"""Receipts of EarnPoints earns (0033_loyalty_seeds.sql): the earn_receipts row the ledger writer
commits with the EARN, the typed row read back with a transaction, and the program's receipt
number sequence (taken in blocks: numbers never repeat, gaps are allowed)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from psycopg.types.json import Jsonb
from psycopg_pool import AsyncConnectionPool

from core.adapters.postgres.ledger_writer import Row

_RECEIPT_COLUMNS = ("points_transaction_id", "org_id", "program_id", "receipt_sequence", "receipt_number",
                    "receipt_type", "posted_by", "details", "card_type_id", "card_type_multiplier_bps", "create_time")
RECEIPT_FIELDS = ("receipt_sequence", "receipt_number", "receipt_type", "posted_by", "details", "card_type_id",
                  "card_type_multiplier_bps")
"""The columns read with a transaction (points_ledger.py, prefixed "receipt_")."""
EARN_RECEIPTS_NUMBER_UNIQUE = "earn_receipts_number_unique"


def receipt_row(*, points_transaction_id: str, org_id: str, program_id: str, receipt_sequence: int | None,
                receipt_number: str, receipt_type: int, posted_by: str, details: list[dict],
                card_type_id: str | None, card_type_multiplier_bps: int, create_time: dt.datetime) -> Row:
    return Row("earn_receipts", _RECEIPT_COLUMNS, (
        points_transaction_id, org_id, program_id, receipt_sequence, receipt_number or None, int(receipt_type),
        posted_by, Jsonb(details), card_type_id, card_type_multiplier_bps, create_time))


@dataclass(frozen=True, slots=True)
class ReceiptRow:
    """An earn_receipts row (details as stored JSON)."""

    receipt_sequence: int | None
    receipt_number: str | None
    receipt_type: int
    posted_by: str
    details: list
    card_type_id: str | None
    card_type_multiplier_bps: int


class ReceiptStore:
    def __init__(self, pool: AsyncConnectionPool) -> None:
        self._pool = pool

    async def take_numbers(self, org_id: str, program_id: str, count: int) -> tuple[int, int]:
        """The next `count` numbers of the program's sequence, (first, last), committed at once
        (outside any earn: they are never handed out twice, whatever happens to the earns)."""
        async with self._pool.connection() as connection:
            cursor = await connection.execute(
                "INSERT INTO receipt_sequences AS s (org_id, program_id, last_number) VALUES (%s, %s, %s)"
                " ON CONFLICT (org_id, program_id) DO UPDATE SET last_number = s.last_number + EXCLUDED.last_number"
                " RETURNING last_number", (org_id, program_id, count))
            (last,) = await cursor.fetchone()
        return last - count + 1, last
