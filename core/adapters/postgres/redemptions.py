"""Coupon redemptions and reversals in Postgres, and what the redemption rules read beyond the
request (an account's registration and earlier purchases, currency rates), and the recounts that
rebuild an offer's Redis counters from the ledger.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from psycopg.rows import dict_row

from core.domain.loyalty import TransactionType
from core.adapters.postgres.ledger_writer import Row
from core.domain.coupons import Customer, Rates

REDEMPTION_COLUMNS = ("redemption_id", "org_id", "offer_id", "code", "account_id", "store_id", "bill_minor",
                      "currency_code", "discount_minor", "request_id", "client_id", "epoch", "redeem_time",
                      "coupon_id", "coupon_use", "points_transaction_id", "interaction_point_id")
"""The columns of a coupon_redemptions row, in the order its Row holds them."""
_REVERSAL_COLUMNS = ("redemption_id", "request_id", "client_id", "reverse_time")


@dataclass(frozen=True, slots=True)
class RedemptionRow:
    """One coupon_redemptions row, as the ledger writer inserts it."""

    redemption_id: str
    org_id: str
    offer_id: str
    code: str
    account_id: str
    store_id: str
    bill_minor: int
    currency_code: str
    discount_minor: int
    request_id: str
    client_id: str
    epoch: int
    redeem_time: dt.datetime
    coupon_id: str | None = None
    coupon_use: str | None = None
    points_transaction_id: str | None = None
    interaction_point_id: str | None = None
    """The interaction point (seed 001 interaction-id) the redemption was made at, if named."""

    def row(self) -> Row:
        return Row("coupon_redemptions", REDEMPTION_COLUMNS, tuple(getattr(self, name) for name in REDEMPTION_COLUMNS))

    @classmethod
    def of(cls, row: Row) -> RedemptionRow:
        """The redemption a Row built by `row()` holds."""
        return cls(**dict(zip(row.columns, row.values, strict=True)))


def redemption_row(**values) -> Row:
    """A coupon_redemptions Row from keyword values (RedemptionRow's fields)."""
    return RedemptionRow(**values).row()


def reversal_row(*, redemption_id: str, request_id: str, client_id: str, reverse_time: dt.datetime) -> Row:
    return Row("coupon_reversals", _REVERSAL_COLUMNS, (redemption_id, request_id, client_id, reverse_time))


@dataclass(frozen=True, slots=True)
class Reversible:
    """A redemption as a reversal reads it."""

    offer_id: str
    account_id: str
    code: str
    reversed: bool
    coupon_id: str | None
    revoke_time: dt.datetime | None


@dataclass(frozen=True, slots=True)
class EarnRedemption:
    """A redemption an earn made, not reversed yet."""

    redemption_id: str
    offer_id: str
    account_id: str
    coupon_id: str | None


@dataclass(frozen=True, slots=True)
class AccountCount:
    """Per account: uses in effect, and the time of the last one."""

    account_id: str
    count: int
    last: dt.datetime | None


@dataclass(frozen=True, slots=True)
class CouponCount:
    """Per issued coupon: uses in effect, and reversals so far."""

    coupon_id: str
    uses: int
    reversals: int


@dataclass(frozen=True, slots=True)
class OfferRecount:
    """An offer's counters as the ledger has them."""

    redeemed: list[AccountCount]
    issued: list[AccountCount]
    coupons: list[CouponCount]


class LedgerTable(enum.Enum):
    """Where a request's row lands: a redemption, or an issue."""

    REDEMPTIONS = "coupon_redemptions"
    COUPONS = "coupons"


_RECOUNT_REDEEMED = (
    "SELECT r.account_id::text AS account_id, count(*) AS count, max(r.redeem_time) AS last FROM coupon_redemptions r"
    " WHERE r.offer_id = %(offer)s AND NOT EXISTS (SELECT 1 FROM coupon_reversals v"
    " WHERE v.redemption_id = r.redemption_id) GROUP BY r.account_id")
_RECOUNT_ISSUED = ("SELECT account_id::text AS account_id, count(*) AS count, max(issue_time) AS last FROM coupons"
                   " WHERE offer_id = %(offer)s GROUP BY account_id")
_RECOUNT_COUPONS = (
    "SELECT r.coupon_id::text AS coupon_id, count(*) FILTER (WHERE v.redemption_id IS NULL) AS uses,"
    " count(v.redemption_id) AS reversals FROM coupon_redemptions r LEFT JOIN coupon_reversals v USING (redemption_id)"
    " WHERE r.offer_id = %(offer)s AND r.coupon_id IS NOT NULL GROUP BY r.coupon_id")
_CUSTOMER_FACTS = (
    "SELECT a.create_time, (SELECT count(*) FROM points_transactions t WHERE t.account_id = a.account_id"
    " AND t.type = %(earn)s AND t.create_time < %(now)s)"
    " + (SELECT count(*) FROM coupon_redemptions r WHERE r.account_id = a.account_id AND r.redeem_time < %(now)s"
    " AND r.points_transaction_id IS NULL AND NOT EXISTS (SELECT 1 FROM coupon_reversals v"
    " WHERE v.redemption_id = r.redemption_id)) AS prior"
    " FROM accounts a WHERE a.account_id = %(account)s AND a.org_id = %(org)s")


class RedemptionStore:
    def __init__(self, pool) -> None:
        self._pool = pool

    async def _all(self, sql: str, params, connection=None) -> list[Mapping]:
        if connection is None:
            async with self._pool.connection() as own:
                return await self._all(sql, params, own)
        cursor = connection.cursor(row_factory=dict_row)
        await cursor.execute(sql, params)
        return await cursor.fetchall()

    async def reversible(self, *, redemption_id: str, org_id: str) -> Reversible | None:
        found = await self._all(
            "SELECT r.offer_id::text AS offer_id, r.account_id::text AS account_id, r.code,"
            " v.redemption_id IS NOT NULL AS reversed, r.coupon_id::text AS coupon_id, c.revoke_time"
            " FROM coupon_redemptions r LEFT JOIN coupon_reversals v USING (redemption_id)"
            " LEFT JOIN coupons c ON c.coupon_id = r.coupon_id"
            " WHERE r.redemption_id = %s AND r.org_id = %s", (redemption_id, org_id))
        return Reversible(**found[0]) if found else None

    async def of_earn(self, points_transaction_id: str) -> list[EarnRedemption]:
        """The redemptions an earn made that are not reversed."""
        found = await self._all(
            "SELECT r.redemption_id::text AS redemption_id, r.offer_id::text AS offer_id,"
            " r.account_id::text AS account_id, r.coupon_id::text AS coupon_id"
            " FROM coupon_redemptions r WHERE r.points_transaction_id = %s AND NOT EXISTS"
            " (SELECT 1 FROM coupon_reversals v WHERE v.redemption_id = r.redemption_id)", (points_transaction_id,))
        return [EarnRedemption(**row) for row in found]

    async def recount(self, offer_id: str, connection) -> OfferRecount:
        params = {"offer": offer_id}
        return OfferRecount(
            redeemed=[AccountCount(**row) for row in await self._all(_RECOUNT_REDEEMED, params, connection)],
            issued=[AccountCount(**row) for row in await self._all(_RECOUNT_ISSUED, params, connection)],
            coupons=[CouponCount(**row) for row in await self._all(_RECOUNT_COUPONS, params, connection)])

    async def landed(self, table: LedgerTable, client_id: str, request_id: str) -> bool:
        """Whether the request's row is in the ledger."""
        return bool(await self._all(f"SELECT 1 AS found FROM {table.value} WHERE client_id = %s AND request_id = %s",
                                    (client_id, request_id)))

    async def customer(self, *, org_id: str, account_id: str, now: dt.datetime) -> Customer | None:
        """The account's registration time and its purchases before `now`: posted earns, and
        coupon redemptions in effect that were not part of an earn (those count with their earn)."""
        found = await self._all(_CUSTOMER_FACTS, {"org": org_id, "account": account_id, "now": now,
                                                  "earn": int(TransactionType.EARN)})
        if not found:
            return None
        return Customer(registration_time=found[0]["create_time"], prior_transaction_count=found[0]["prior"])

    async def rates(self, *, org_id: str, from_currencies: Sequence[str], to_currency: str) -> Rates:
        """The organisation's rates from each currency into `to_currency` (missing pairs absent)."""
        found = await self._all(
            "SELECT from_currency, rate FROM currency_rates WHERE org_id = %s AND to_currency = %s"
            " AND from_currency = ANY(%s)", (org_id, to_currency, sorted(from_currencies)))
        return {(row["from_currency"], to_currency): row["rate"] for row in found}
