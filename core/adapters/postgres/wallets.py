"""Member wallets in Postgres (points_wallets, kept by the ledger trigger, and their lots): what
a wallet loads into Redis from, the balance GetBalance reports, and the stored tiers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from psycopg.rows import class_row
from psycopg_pool import AsyncConnectionPool

from core.adapters.postgres.ledger_writer import Row
from core.adapters.postgres.outbox import insert_events


@dataclass(frozen=True, slots=True)
class WalletOpening:
    """What a wallet is loaded into Redis with: its available points and next lot expiry."""

    available: int
    next_expiry: dt.datetime | None


@dataclass(frozen=True, slots=True)
class WalletBalance:
    posted: int
    pending: int
    tier_id: str | None
    lapsed: int
    """Points of lots whose expiry has come (not moved by the expiry job yet)."""
    expiring: int
    """Points of lots expiring in the window asked about."""
    next_expiry: dt.datetime | None


@dataclass(frozen=True, slots=True)
class TieredWallet:
    account_id: str
    org_id: str
    program_id: str
    tier_id: str


class WalletStore:
    def __init__(self, pool: AsyncConnectionPool) -> None:
        self._pool = pool

    async def opening(self, account_id: str) -> WalletOpening:
        async with self._pool.connection() as connection:
            cursor = connection.cursor(row_factory=class_row(WalletOpening))
            await cursor.execute(
                "SELECT coalesce((SELECT posted - pending FROM points_wallets WHERE account_id = %(a)s), 0)"
                " AS available,"
                " (SELECT min(expire_time) FROM points_lots WHERE account_id = %(a)s AND remaining > 0)"
                " AS next_expiry", {"a": account_id})
            return await cursor.fetchone()

    async def balance(self, account_id: str, now: dt.datetime, until: dt.datetime) -> WalletBalance:
        async with self._pool.connection() as connection:
            cursor = connection.cursor(row_factory=class_row(WalletBalance))
            await cursor.execute(
                "SELECT coalesce(w.posted, 0) AS posted, coalesce(w.pending, 0) AS pending, w.tier_id::text,"
                " coalesce((SELECT sum(remaining)::bigint FROM points_lots WHERE account_id = %(a)s AND remaining > 0"
                "  AND expire_time <= %(now)s), 0) AS lapsed,"
                " coalesce((SELECT sum(remaining)::bigint FROM points_lots WHERE account_id = %(a)s AND remaining > 0"
                "  AND expire_time > %(now)s AND expire_time <= %(until)s), 0) AS expiring,"
                " (SELECT min(expire_time) FROM points_lots WHERE account_id = %(a)s AND remaining > 0"
                "  AND expire_time > %(now)s) AS next_expiry"
                " FROM (SELECT 1) one LEFT JOIN points_wallets w ON w.account_id = %(a)s",
                {"a": account_id, "now": now, "until": until})
            return await cursor.fetchone()

    async def tiered(self) -> list[TieredWallet]:
        """Every wallet with a stored tier."""
        async with self._pool.connection() as connection:
            cursor = connection.cursor(row_factory=class_row(TieredWallet))
            await cursor.execute("SELECT account_id::text, org_id, program_id, tier_id::text FROM points_wallets"
                                 " WHERE tier_id IS NOT NULL")
            return await cursor.fetchall()

    async def set_tier(self, account_id: str, tier_id: str | None, *, events: tuple[Row, ...] = ()) -> None:
        """Store the account's tier; `events` (outbox rows: tier.changed) commit with it."""
        async with self._pool.connection() as connection, connection.transaction():
            await connection.execute("UPDATE points_wallets SET tier_id = %s WHERE account_id = %s",
                                     (tier_id, account_id))
            await insert_events(connection, events)
