"""Checkout baskets (0023_baskets.sql, 0024_basket_refunds.sql): the basket rows, their state
transitions (basket_events, whose trigger decides under the basket's row lock) and refunds. The SQL,
its typed rows, and the builders of the rows the ledger writer commits."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from psycopg.rows import class_row
from psycopg.types.json import Jsonb
from psycopg_pool import AsyncConnectionPool

from core.adapters.postgres.ledger_writer import Row
from core.domain.checkout import BasketRefund, BasketState, ReturnedLine

_BASKET_COLUMNS = ("basket_id", "org_id", "program_id", "account_id", "store_id", "transaction_id", "state",
                   "burned_points", "burn_transaction_id", "burn_request_id", "detail", "holds", "authorize_time",
                   "expire_time", "request_id", "client_id", "epoch")
_EVENT_COLUMNS = ("basket_id", "state", "event_time", "detail", "request_id", "client_id")
_CAPTURE_COLUMNS = _EVENT_COLUMNS + ("epoch",)
_REFUND_COLUMNS = ("basket_id", "refund_seq", "refund_id", "lines", "returned_minor", "refunded_points",
                   "refund_points_transaction_id", "reversed_redemption_ids", "refund_time", "request_id",
                   "client_id")
EXPIRY_REQUEST_ID = "expiry"
EXPIRY_CLIENT_ID = "system"


# --- rows to commit -----------------------------------------------------------------------------


def basket_row(*, basket_id: str, org_id: str, program_id: str, account_id: str, store_id: str,
               transaction_id: str, burned_points: int, burn_transaction_id: str | None,
               burn_request_id: str | None, detail: dict, holds: dict, authorize_time: dt.datetime,
               expire_time: dt.datetime, request_id: str, client_id: str, epoch: int) -> Row:
    """A new AUTHORIZED basket (its burn held in points_wallets.pending by the trigger)."""
    return Row("baskets", _BASKET_COLUMNS, (
        basket_id, org_id, program_id, account_id, store_id, transaction_id, int(BasketState.AUTHORIZED),
        burned_points, burn_transaction_id, burn_request_id, Jsonb(detail), Jsonb(holds), authorize_time,
        expire_time, request_id, client_id, epoch))


def basket_event_row(*, basket_id: str, state: BasketState, event_time: dt.datetime, detail: dict, request_id: str,
                     client_id: str) -> Row:
    """A transition (VOIDED, EXPIRED) the trigger applies, or refuses for a basket no longer AUTHORIZED."""
    return Row("basket_events", _EVENT_COLUMNS, (basket_id, int(state), event_time, Jsonb(detail), request_id,
                                                 client_id))


def capture_event_row(*, basket_id: str, event_time: dt.datetime, detail: dict, request_id: str, client_id: str,
                      epoch: int) -> Row:
    """The CAPTURED transition: the trigger also posts the burn (fenced by `epoch`)."""
    return Row("basket_events", _CAPTURE_COLUMNS, (basket_id, int(BasketState.CAPTURED), event_time, Jsonb(detail),
                                                   request_id, client_id, epoch))


def basket_refund_row(*, basket_id: str, refund_seq: int, refund: BasketRefund, request_id: str,
                      client_id: str) -> Row:
    """A basket_refunds row, numbered after the refunds it was computed from."""
    return Row("basket_refunds", _REFUND_COLUMNS, (
        basket_id, refund_seq, refund.refund_id, Jsonb([dataclasses.asdict(line) for line in refund.lines]),
        refund.returned_minor, refund.refunded_points, refund.refund_points_transaction_id or None,
        [uuid.UUID(rid) for rid in refund.reversed_redemption_ids], refund.refund_time, request_id, client_id))


# --- typed rows read ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BasketRecord:
    """A basket as its row holds it, with its refunds, oldest first."""

    basket_id: str
    detail: dict
    holds: dict
    program_id: str
    state: int
    capture_time: dt.datetime | None
    void_time: dt.datetime | None
    burn_transaction_id: str | None
    authorize_time: dt.datetime
    refunds: tuple[BasketRefund, ...] = ()


@dataclass(frozen=True, slots=True)
class _RefundRecord:
    basket_id: str
    refund_id: str
    lines: list
    returned_minor: int
    refunded_points: int
    refund_points_transaction_id: str
    reversed_redemption_ids: list | None
    refund_time: dt.datetime

    def refund(self) -> BasketRefund:
        return BasketRefund(refund_id=self.refund_id, lines=tuple(ReturnedLine(**line) for line in self.lines),
                            returned_minor=self.returned_minor, refunded_points=self.refunded_points,
                            refund_points_transaction_id=self.refund_points_transaction_id,
                            reversed_redemption_ids=tuple(self.reversed_redemption_ids or ()),
                            refund_time=self.refund_time)


_SELECT_BASKET = ("SELECT basket_id::text, detail, holds, program_id, state, capture_time, void_time,"
                  " burn_transaction_id::text, authorize_time FROM baskets")
_SELECT_REFUNDS = ("SELECT basket_id::text, refund_id::text, lines, returned_minor, refunded_points,"
                   " coalesce(refund_points_transaction_id::text, '') AS refund_points_transaction_id,"
                   " reversed_redemption_ids::text[], refund_time"
                   " FROM basket_refunds WHERE basket_id = ANY(%s) ORDER BY basket_id, refund_seq")


class BasketStore:
    def __init__(self, pool: AsyncConnectionPool) -> None:
        self._pool = pool

    async def basket(self, basket_id: str, org_id: str) -> BasketRecord | None:
        async with self._pool.connection() as connection:
            cursor = connection.cursor(row_factory=class_row(BasketRecord))
            await cursor.execute(_SELECT_BASKET + " WHERE basket_id = %s AND org_id = %s", (basket_id, org_id))
            found = await cursor.fetchone()
            if found is None:
                return None
            if found.state != BasketState.CAPTURED:  # only a captured basket has refunds
                return found
            refunds = await self._refunds(connection, [basket_id])
        return dataclasses.replace(found, refunds=refunds.get(basket_id, ()))

    async def page(self, org_id: str, account_id: str, states: Sequence[int],
                   after: tuple[dt.datetime, str] | None, limit: int) -> list[BasketRecord]:
        """An account's baskets in these states (all: none given), newest authorization first,
        after the keyset `after` (authorize time, basket id)."""
        async with self._pool.connection() as connection:
            cursor = connection.cursor(row_factory=class_row(BasketRecord))
            await cursor.execute(
                _SELECT_BASKET + " WHERE org_id = %(org)s AND account_id = %(account)s"
                " AND (cardinality(%(states)s::smallint[]) = 0 OR state = ANY(%(states)s::smallint[]))"
                " AND (%(after_time)s::timestamptz IS NULL OR (authorize_time, basket_id)"
                "      < (%(after_time)s::timestamptz, %(after_id)s::uuid))"
                " ORDER BY authorize_time DESC, basket_id DESC LIMIT %(limit)s",
                {"org": org_id, "account": account_id, "states": [int(s) for s in states],
                 "after_time": after[0] if after else None, "after_id": after[1] if after else None,
                 "limit": limit})
            found = await cursor.fetchall()
            refunds = await self._refunds(connection, [record.basket_id for record in found])
        return [dataclasses.replace(record, refunds=refunds.get(record.basket_id, ())) for record in found]

    async def expire_due(self, now: dt.datetime, limit: int) -> list[dict]:
        """Expire up to `limit` AUTHORIZED baskets whose expire_time has passed (one a capture holds
        locked is skipped: its commit decides); the holds of those expired, to release."""
        async with self._pool.connection() as connection:
            async with connection.transaction():
                cursor = await connection.execute(
                    "INSERT INTO basket_events (basket_id, state, event_time, request_id, client_id)"
                    " SELECT basket_id, %(expired)s, %(now)s, %(request)s, %(client)s FROM baskets"
                    " WHERE state = %(authorized)s AND expire_time <= %(now)s ORDER BY expire_time LIMIT %(limit)s"
                    " FOR UPDATE SKIP LOCKED RETURNING basket_id",
                    {"now": now, "limit": limit, "expired": int(BasketState.EXPIRED),
                     "authorized": int(BasketState.AUTHORIZED), "request": EXPIRY_REQUEST_ID,
                     "client": EXPIRY_CLIENT_ID})
                expired = [basket_id for (basket_id,) in await cursor.fetchall()]
            if not expired:
                return []
            cursor = await connection.execute("SELECT holds FROM baskets WHERE basket_id = ANY(%s)", (expired,))
            return [holds for (holds,) in await cursor.fetchall()]

    @staticmethod
    async def _refunds(connection, basket_ids: list[str]) -> dict[str, tuple[BasketRefund, ...]]:
        if not basket_ids:
            return {}
        cursor = connection.cursor(row_factory=class_row(_RefundRecord))
        await cursor.execute(_SELECT_REFUNDS, (basket_ids,))
        found: dict[str, list[BasketRefund]] = {}
        for record in await cursor.fetchall():
            found.setdefault(record.basket_id, []).append(record.refund())
        return {basket_id: tuple(refunds) for basket_id, refunds in found.items()}
