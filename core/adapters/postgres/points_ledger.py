"""The points ledger (0006_points_ledger.sql and after): transactions, lots, lot spends, awards,
referrals and earn codes. The SQL and its typed rows; the rows the ledger writer commits are
built here by name (transaction_row, award_row, referral_row), so no service knows a column order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from psycopg.rows import class_row, dict_row
from psycopg.types.json import Jsonb
from psycopg_pool import AsyncConnectionPool

from core.adapters.postgres.ledger_writer import Row
from core.adapters.postgres.receipts import RECEIPT_FIELDS, ReceiptRow
from core.domain.loyalty import TransactionState, TransactionType

# --- rows to commit -----------------------------------------------------------------------------

_TX_COLUMNS = ("points_transaction_id", "org_id", "program_id", "account_id", "type", "state", "debit_account",
               "credit_account", "amount", "points", "regular_points", "bonus_points", "reward_points", "store_id",
               "transaction_id", "bill_minor", "currency_code", "refunded_transaction_id", "lot_id", "overdraft",
               "note", "expire_time", "create_time", "request_id", "client_id", "epoch", "tier_id", "earn_rule_id",
               "lines", "operator", "points_value_minor", "interaction_point_id")
_AWARD_COLUMNS = ("org_id", "program_id", "award_key", "points_transaction_id")
_REFERRAL_COLUMNS = ("org_id", "program_id", "referee_account_id", "referrer_account_id", "points_transaction_id",
                     "create_time")


def transaction_row(*, points_transaction_id: str, org_id: str, program_id: str, account_id: str, type: int,
                    state: int, debit_account: str, credit_account: str, points: int, create_time: dt.datetime,
                    request_id: str, client_id: str, epoch: int, regular_points: int = 0, bonus_points: int = 0,
                    reward_points: int = 0, store_id: str = "", transaction_id: str = "",
                    bill_minor: int | None = None, currency_code: str = "", refunded_transaction_id: str = "",
                    lot_id: str | None = None, overdraft: bool = False, note: str = "",
                    expire_time: dt.datetime | None = None, tier_id: str | None = None,
                    earn_rule_id: str | None = None, lines: Sequence[Sequence] = (), operator: str = "",
                    points_value_minor: int | None = None, interaction_point_id: str = "") -> Row:
    """One points_transactions row: a transfer of |points| from `debit_account` to
    `credit_account` (empty texts are stored as NULL)."""
    return Row("points_transactions", _TX_COLUMNS, (
        points_transaction_id, org_id, program_id, account_id, int(type), int(state), debit_account, credit_account,
        abs(points), points, regular_points, bonus_points, reward_points, store_id or None, transaction_id or None,
        bill_minor, currency_code or None, refunded_transaction_id or None, lot_id, overdraft, note or None,
        expire_time, create_time, request_id, client_id, epoch, tier_id, earn_rule_id,
        Jsonb([list(line) for line in lines]) if lines else None, operator or None, points_value_minor,
        interaction_point_id or None))


_LUCKY_COLUMNS = ("points_transaction_id", "org_id", "program_id", "account_id", "draw_period", "regular_points",
                  "bonus_points", "reward_points", "count", "number_width", "create_time")


def lucky_draw_entry_row(*, points_transaction_id: str, org_id: str, program_id: str, account_id: str,
                         draw_period: str, regular_points: int, bonus_points: int, reward_points: int,
                         number_width: int, create_time: dt.datetime) -> Row:
    """A lucky_draw_entries row of an EARN (after its points_transactions row in the same write):
    the trigger gives it its range of the program's sequence, in the earn's own transaction."""
    return Row("lucky_draw_entries", _LUCKY_COLUMNS, (
        points_transaction_id, org_id, program_id, account_id, draw_period, regular_points, bonus_points,
        reward_points, regular_points + bonus_points + reward_points, number_width, create_time))


def award_row(*, org_id: str, program_id: str, award_key: str, points_transaction_id: str) -> Row:
    """A points_awards row: the award key is paid once (points_awards_unique)."""
    return Row("points_awards", _AWARD_COLUMNS, (org_id, program_id, award_key, points_transaction_id))


def referral_row(*, org_id: str, program_id: str, referee_account_id: str, referrer_account_id: str,
                 points_transaction_id: str, create_time: dt.datetime) -> Row:
    return Row("points_referrals", _REFERRAL_COLUMNS, (org_id, program_id, referee_account_id, referrer_account_id,
                                                        points_transaction_id, create_time))


# --- typed rows read ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LedgerTransaction:
    """A points_transactions row with its VOID, if any (at most one: points_transactions_void_unique)."""

    points_transaction_id: str
    account_id: str
    program_id: str
    type: int
    state: int
    amount: int
    points: int
    regular_points: int
    bonus_points: int
    reward_points: int
    store_id: str | None
    transaction_id: str | None
    bill_minor: int | None
    currency_code: str | None
    refunded_transaction_id: str | None
    refunded_points: int
    note: str | None
    expire_time: dt.datetime | None
    create_time: dt.datetime
    lines: list | None
    client_id: str
    operator: str | None
    void_id: str | None
    void_client_id: str | None
    void_operator: str | None
    void_time: dt.datetime | None
    debit_account: str = ""
    credit_account: str = ""
    lucky: LuckyDrawRow | None = None
    """EARN: its lucky-draw entry, if any."""
    points_value_minor: int | None = None
    """REDEEM: the money value of the points burned (Program.points_value), if stated."""
    receipt: ReceiptRow | None = None
    """EarnPoints EARN: its receipt and card type (earn_receipts), if recorded."""
    interaction_point_id: str | None = None


@dataclass(frozen=True, slots=True)
class LuckyDrawRow:
    """A lucky_draw_entries row."""

    points_transaction_id: str
    account_id: str
    program_id: str
    draw_period: str
    regular_points: int
    bonus_points: int
    reward_points: int
    count: int
    first_number: int
    last_number: int
    number_width: int
    state: int
    void_transaction_id: str | None
    void_time: dt.datetime | None
    create_time: dt.datetime


_LUCKY_FIELDS = ("points_transaction_id", "account_id", "program_id", "draw_period", "regular_points", "bonus_points",
                 "reward_points", "count", "first_number", "last_number", "number_width", "state",
                 "void_transaction_id", "void_time", "create_time")
_LUCKY_SELECT = ("SELECT e.points_transaction_id::text, e.account_id::text, e.program_id, e.draw_period,"
                 " e.regular_points, e.bonus_points, e.reward_points, e.count, e.first_number, e.last_number,"
                 " e.number_width, e.state, e.void_transaction_id::text, e.void_time, e.create_time"
                 " FROM lucky_draw_entries e")


def _with_lucky(row: dict) -> LedgerTransaction:
    """A transaction row read with its lucky-draw entry's columns (prefixed "lucky_")."""
    lucky = {name: row.pop(f"lucky_{name}") for name in _LUCKY_FIELDS}
    receipt = {name: row.pop(f"receipt_{name}") for name in RECEIPT_FIELDS}
    return LedgerTransaction(**row, lucky=LuckyDrawRow(**lucky) if lucky["count"] is not None else None,
                             receipt=ReceiptRow(**receipt) if receipt["receipt_type"] is not None else None)


@dataclass(frozen=True, slots=True)
class EarnCode:
    points: int
    expire_time: dt.datetime | None
    store_ids: list[str] | None = None
    """Its batch's stores (CreateEarnCodesRequest.store_ids); empty: any."""


@dataclass(frozen=True, slots=True)
class AwardsMade:
    """Which of the award keys asked about were paid, and whether the account earned on a purchase
    before (asked only for FIRST_PURCHASE)."""

    awarded: frozenset[str]
    purchased_before: bool


@dataclass(frozen=True, slots=True)
class Referral:
    referee_account_id: str
    referrer_account_id: str


@dataclass(frozen=True, slots=True)
class SpentLots:
    """The lot parts a redemption spent (points_lot_spends)."""

    soonest_unrestored: dt.datetime | None
    """The soonest expiry among the parts still to give back."""
    soonest: dt.datetime | None
    recorded: int
    """How many parts were recorded (0: a redemption from before they were)."""


@dataclass(frozen=True, slots=True)
class DueLot:
    lot_id: str
    account_id: str
    remaining: int
    org_id: str
    program_id: str


_SELECT_TRANSACTION = (
    "SELECT t.points_transaction_id::text, t.account_id::text, t.program_id, t.type, t.state, t.amount, t.points,"
    " t.regular_points, t.bonus_points, t.reward_points, t.store_id, t.transaction_id, t.bill_minor,"
    " t.currency_code, t.refunded_transaction_id::text, t.refunded_points, t.note, t.expire_time, t.create_time,"
    " t.lines, t.client_id, t.operator, v.points_transaction_id::text AS void_id, v.client_id AS void_client_id,"
    " v.operator AS void_operator, v.create_time AS void_time, t.debit_account, t.credit_account,"
    " t.interaction_point_id, "
    + ", ".join(f"e.{name}{'::text' if name.endswith(('transaction_id', 'account_id')) else ''} AS lucky_{name}"
                for name in _LUCKY_FIELDS) +
    ", t.points_value_minor, "
    + ", ".join(f"r.{name}{'::text' if name == 'card_type_id' else ''} AS receipt_{name}" for name in RECEIPT_FIELDS) +
    " FROM points_transactions t LEFT JOIN points_transactions v"
    "  ON v.refunded_transaction_id = t.points_transaction_id AND v.type = %(void)s"
    " LEFT JOIN lucky_draw_entries e ON e.points_transaction_id = t.points_transaction_id"
    " LEFT JOIN earn_receipts r ON r.points_transaction_id = t.points_transaction_id")
_POSTED_EARN_SPEND = (
    "SELECT (SELECT tier_id::text FROM points_wallets WHERE account_id = %(a)s) AS tier_id,"
    " (SELECT coalesce(sum(bill_minor - CASE WHEN amount > 0 THEN div(bill_minor::numeric * refunded_points,"
    "  amount) ELSE 0 END), 0)::bigint FROM points_transactions WHERE account_id = %(a)s"
    "  AND type = %(earn)s AND create_time > %(since)s) AS spend")


@dataclass(frozen=True, slots=True)
class TierAndSpend:
    """The account's stored tier and its purchase spend since a time, net of refunds."""

    tier_id: str | None
    spend: int


class PointsLedgerStore:
    def __init__(self, pool: AsyncConnectionPool) -> None:
        self._pool = pool

    async def transaction(self, org_id: str, points_transaction_id: str) -> LedgerTransaction | None:
        async with self._pool.connection() as connection:
            cursor = connection.cursor(row_factory=dict_row)
            await cursor.execute(_SELECT_TRANSACTION + " WHERE t.points_transaction_id = %(id)s AND t.org_id = %(org)s",
                                 {"void": int(TransactionType.VOID), "id": points_transaction_id, "org": org_id})
            row = await cursor.fetchone()
            return _with_lucky(row) if row is not None else None

    async def reversals(self, org_id: str, points_transaction_id: str) -> list[LedgerTransaction]:
        """The REFUND and VOID transactions of a transaction, oldest first."""
        async with self._pool.connection() as connection:
            cursor = connection.cursor(row_factory=dict_row)
            await cursor.execute(
                _SELECT_TRANSACTION + " WHERE t.refunded_transaction_id = %(id)s AND t.org_id = %(org)s"
                " AND t.type IN (%(refund)s, %(void)s) ORDER BY t.create_time, t.points_transaction_id",
                {"void": int(TransactionType.VOID), "refund": int(TransactionType.REFUND), "id": points_transaction_id,
                 "org": org_id})
            return [_with_lucky(row) for row in await cursor.fetchall()]

    async def lucky_draw_entries(self, *, org_id: str, account_id: str | None = None, program_id: str | None = None,
                                 draw_period: str | None = None, active_only: bool = False,
                                 after: tuple | None = None, limit: int) -> list[LuckyDrawRow]:
        """By account (newest first; keyset (create time, id)) or by program and period (in number
        order; keyset (first number,))."""
        params = {"org": org_id, "a": account_id, "p": program_id, "period": draw_period, "active": active_only,
                  "limit": limit}
        where = " WHERE e.org_id = %(org)s AND (%(period)s::text IS NULL OR e.draw_period = %(period)s)" \
                " AND (NOT %(active)s OR e.state = 1)"
        if account_id is not None:
            where += " AND e.account_id = %(a)s"
            if after is not None:
                where += " AND (e.create_time, e.points_transaction_id) < (%(after_t)s, %(after_id)s::uuid)"
                params.update(after_t=after[0], after_id=after[1])
            order = " ORDER BY e.create_time DESC, e.points_transaction_id DESC"
        else:
            where += " AND e.program_id = %(p)s"
            if after is not None:
                where += " AND e.first_number > %(after_n)s"
                params.update(after_n=after[0])
            order = " ORDER BY e.first_number"
        async with self._pool.connection() as connection:
            cursor = connection.cursor(row_factory=class_row(LuckyDrawRow))
            await cursor.execute(_LUCKY_SELECT + where + order + " LIMIT %(limit)s", params)
            return await cursor.fetchall()

    async def transactions(self, account_id: str, *, types: Sequence[int], start: dt.datetime | None,
                           end: dt.datetime | None, after: tuple[dt.datetime, str] | None,
                           limit: int) -> list[LedgerTransaction]:
        """An account's transactions, newest first, after the keyset `after` (create time, id)."""
        async with self._pool.connection() as connection:
            cursor = connection.cursor(row_factory=dict_row)
            await cursor.execute(
                _SELECT_TRANSACTION + " WHERE t.account_id = %(a)s"
                " AND (%(types)s::smallint[] IS NULL OR t.type = ANY(%(types)s::smallint[]))"
                " AND (%(start)s::timestamptz IS NULL OR t.create_time >= %(start)s)"
                " AND (%(end)s::timestamptz IS NULL OR t.create_time < %(end)s)"
                " AND (%(after_t)s::timestamptz IS NULL OR (t.create_time, t.points_transaction_id)"
                "      < (%(after_t)s, %(after_id)s::uuid))"
                " ORDER BY t.create_time DESC, t.points_transaction_id DESC LIMIT %(limit)s",
                {"void": int(TransactionType.VOID), "a": account_id, "types": [int(t) for t in types] or None,
                 "start": start, "end": end, "after_t": after[0] if after else None,
                 "after_id": after[1] if after else None, "limit": limit})
            return [_with_lucky(row) for row in await cursor.fetchall()]

    async def committed(self, client_id: str, request_id: str, account_id: str) -> bool:
        """Whether the ledger holds a transaction of this request on this account."""
        async with self._pool.connection() as connection:
            cursor = await connection.execute(
                "SELECT 1 FROM points_transactions WHERE client_id = %s AND request_id = %s AND account_id = %s",
                (client_id, request_id, account_id))
            return await cursor.fetchone() is not None

    async def tier_and_spend(self, account_id: str, since: dt.datetime) -> TierAndSpend:
        """The stored tier and the bill amounts earned on since `since`, net of refunds: a refund
        takes its share of the bill off, rounded down (bill * refunded points / earned points)."""
        async with self._pool.connection() as connection:
            cursor = connection.cursor(row_factory=class_row(TierAndSpend))
            await cursor.execute(_POSTED_EARN_SPEND,
                                 {"a": account_id, "earn": int(TransactionType.EARN), "since": since})
            return await cursor.fetchone()

    async def earn_code(self, org_id: str, program_id: str, code: str) -> EarnCode | None:
        async with self._pool.connection() as connection:
            cursor = connection.cursor(row_factory=class_row(EarnCode))
            await cursor.execute("SELECT c.points, c.expire_time, b.store_ids FROM earn_codes c"
                                 " LEFT JOIN earn_code_batches b ON b.batch_id = c.batch_id"
                                 " WHERE c.org_id = %s AND c.program_id = %s AND c.code = %s",
                                 (org_id, program_id, code))
            return await cursor.fetchone()

    async def awards_made(self, org_id: str, program_id: str, award_keys: Sequence[str], account_id: str, *,
                          ask_purchased: bool) -> AwardsMade:
        async with self._pool.connection() as connection:
            cursor = await connection.execute(
                "SELECT array(SELECT award_key FROM points_awards WHERE org_id = %(org)s AND program_id = %(program)s"
                "  AND award_key = ANY(%(keys)s)),"
                " %(first)s AND EXISTS (SELECT 1 FROM points_transactions WHERE account_id = %(a)s"
                "  AND type = %(earn)s)",
                {"org": org_id, "program": program_id, "keys": list(award_keys), "a": account_id,
                 "first": ask_purchased, "earn": int(TransactionType.EARN)})
            awarded, purchased_before = await cursor.fetchone()
        return AwardsMade(frozenset(awarded), bool(purchased_before))

    async def referrals(self, org_id: str, program_id: str, referee_id: str, referrer_id: str) -> list[Referral]:
        """The referrals of `referee_id`, and the reverse pair's."""
        async with self._pool.connection() as connection:
            cursor = connection.cursor(row_factory=class_row(Referral))
            await cursor.execute(
                "SELECT referee_account_id::text, referrer_account_id::text FROM points_referrals"
                " WHERE org_id = %(org)s AND program_id = %(program)s AND (referee_account_id = %(referee)s"
                "  OR (referee_account_id = %(referrer)s AND referrer_account_id = %(referee)s))",
                {"org": org_id, "program": program_id, "referee": referee_id, "referrer": referrer_id})
            return await cursor.fetchall()

    async def rule_points(self, account_id: str, earn_rule_id: str, start: dt.datetime, end: dt.datetime) -> int:
        """The posted points an earn rule paid the account in [start, end)."""
        async with self._pool.connection() as connection:
            cursor = await connection.execute(
                "SELECT coalesce(sum(points), 0)::bigint FROM points_transactions WHERE account_id = %s"
                " AND earn_rule_id = %s AND create_time >= %s AND create_time < %s AND state = %s",
                (account_id, earn_rule_id, start, end, int(TransactionState.POSTED)))
            (used,) = await cursor.fetchone()
        return int(used)

    async def spent_lots(self, points_transaction_id: str) -> SpentLots:
        async with self._pool.connection() as connection:
            cursor = connection.cursor(row_factory=class_row(SpentLots))
            await cursor.execute(
                "SELECT min(expire_time) FILTER (WHERE restored < points) AS soonest_unrestored,"
                " min(expire_time) AS soonest, count(*) AS recorded"
                " FROM points_lot_spends WHERE points_transaction_id = %s", (points_transaction_id,))
            return await cursor.fetchone()

    async def due_lots(self, now: dt.datetime, limit: int, account_id: str | None = None) -> list[DueLot]:
        """Lots with points left whose expiry has come, soonest first (of one account, or all)."""
        async with self._pool.connection() as connection:
            cursor = connection.cursor(row_factory=class_row(DueLot))
            await cursor.execute(
                "SELECT l.lot_id::text, l.account_id::text, l.remaining, w.org_id, w.program_id FROM points_lots l"
                " JOIN points_wallets w USING (account_id) WHERE l.remaining > 0 AND l.expire_time <= %(now)s"
                + (" AND l.account_id = %(account)s" if account_id else "") +
                " ORDER BY l.expire_time LIMIT %(limit)s",
                {"now": now, "account": account_id, "limit": limit})
            return await cursor.fetchall()

    async def next_expiry(self, account_id: str) -> dt.datetime | None:
        async with self._pool.connection() as connection:
            cursor = await connection.execute(
                "SELECT min(expire_time) FROM points_lots WHERE account_id = %s AND remaining > 0", (account_id,))
            (next_expiry,) = await cursor.fetchone()
        return next_expiry
