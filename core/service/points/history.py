"""Reads: GetBalance, ListTransactions (paged by core/service/paging.py) and one transaction."""

from __future__ import annotations

import datetime as dt

from core.adapters.postgres.points_ledger import LedgerTransaction, PointsLedgerStore
from core.adapters.postgres.wallets import WalletStore
from core.domain import limits
from core.domain.errors import DomainError, ErrorReason, field_invalid, field_required
from core.service import paging
from core.service.accounts import AccountRef, parse_uuid
from core.service.context import Caller, Deps
from core.service.points.commands import ListLuckyDrawEntries, ListTransactions
from core.service.points.common import account_of, check_text
from core.service.points.results import Balance, LuckyDrawEntry, PointsTransaction, TransactionDetails
from core.service.programs import load_rules


class History:
    def __init__(self, deps: Deps, *, ledger: PointsLedgerStore | None = None,
                 store: WalletStore | None = None) -> None:
        self._deps = deps
        self._ledger = ledger or PointsLedgerStore(deps.pool)
        self._store = store or WalletStore(deps.pool)

    async def balance(self, ref: AccountRef, expiry_window: dt.timedelta | None, caller: Caller) -> Balance:
        window = expiry_window or dt.timedelta(days=limits.EXPIRY_WINDOW_DAYS_DEFAULT)
        if window < dt.timedelta(0) or window > dt.timedelta(days=limits.EXPIRY_WINDOW_DAYS_MAX):
            raise DomainError(ErrorReason.FIELD_OUT_OF_RANGE, metadata={"field": "expiry_window"})
        account = await account_of(self._deps, caller, ref, active=False)
        now = self._deps.clock.now()
        found = await self._store.balance(account.account_id, now, now + window)
        # Lots whose expiry has come are gone as of now, even before the expiry job moved them.
        posted = found.posted - found.lapsed
        return Balance(account.account_id, posted, found.pending, posted - found.pending, found.expiring,
                       found.next_expiry, now, found.tier_id or "")

    async def transactions(self, query: ListTransactions, caller: Caller) -> tuple[list[PointsTransaction], str]:
        size = paging.page_size(query.page_size)
        account = await account_of(self._deps, caller, query.account, active=False)
        # The token is tied to the query as resolved (an identifier and its account id page alike).
        scope = paging.scope(account.account_id, list(query.types) or None, str(query.start_time),
                             str(query.end_time))
        after = paging.decode(query.page_token, scope)
        rows = await self._ledger.transactions(account.account_id, types=query.types, start=query.start_time,
                                               end=query.end_time, after=after, limit=size + 1)
        page = [PointsTransaction.of(row) for row in rows[:size]]
        token = ""
        if len(rows) > size:
            last = page[-1]
            token = paging.encode((last.create_time, last.points_transaction_id), scope)
        return page, token

    async def details(self, points_transaction_id: str, caller: Caller) -> TransactionDetails:
        """GetTransaction: the transaction (of the caller's organisation), its double-entry legs,
        and the REFUND and VOID transactions of it."""
        row = await self._row(points_transaction_id, caller)
        reversals = await self._ledger.reversals(caller.org_id, row.points_transaction_id)
        return TransactionDetails(PointsTransaction.of(row), ((row.debit_account, -row.amount),
                                                              (row.credit_account, row.amount)),
                                  tuple(PointsTransaction.of(reversal) for reversal in reversals))

    async def lucky_draw_entries(self, query: ListLuckyDrawEntries,
                                 caller: Caller) -> tuple[list[LuckyDrawEntry], str]:
        """An account's ranges (newest first), or a program's of one draw period (number order)."""
        size = paging.page_size(query.page_size)
        check_text(query.draw_period, "draw_period", limits.DRAW_PERIOD_LENGTH_MAX, required=False)
        by_account = bool(query.account.account_id or query.account.identifier is not None)
        if by_account:
            if query.program_id:
                raise field_invalid("program_id", "empty when the account is named")
            account = await account_of(self._deps, caller, query.account, active=False)
            scope = paging.scope("account", account.account_id, query.draw_period, query.active_only)
            after = paging.decode(query.page_token, scope)
            rows = await self._ledger.lucky_draw_entries(
                org_id=caller.org_id, account_id=account.account_id, draw_period=query.draw_period or None,
                active_only=query.active_only, after=after, limit=size + 1)
        else:
            if not query.program_id:
                raise field_required("account_id")
            if not query.draw_period:
                raise field_required("draw_period")
            await load_rules(self._deps, caller.org_id, query.program_id)  # PROGRAM_NOT_FOUND
            scope = paging.scope("program", query.program_id, query.draw_period, query.active_only)
            after = paging.decode(query.page_token, scope, (int,))
            rows = await self._ledger.lucky_draw_entries(
                org_id=caller.org_id, program_id=query.program_id, draw_period=query.draw_period,
                active_only=query.active_only, after=after, limit=size + 1)
        page = [LuckyDrawEntry.of(row) for row in rows[:size]]
        token = ""
        if len(rows) > size:
            last = page[-1]
            position = (last.create_time, last.points_transaction_id) if by_account else (last.first_number,)
            token = paging.encode(position, scope)
        return page, token

    async def transaction(self, points_transaction_id: str, caller: Caller) -> PointsTransaction:
        return PointsTransaction.of(await self._row(points_transaction_id, caller))

    async def _row(self, points_transaction_id: str, caller: Caller) -> LedgerTransaction:
        transaction_id = parse_uuid(points_transaction_id, "points_transaction_id")
        row = await self._ledger.transaction(caller.org_id, transaction_id)
        if row is None:
            raise DomainError(ErrorReason.POINTS_TRANSACTION_NOT_FOUND,
                              metadata={"points_transaction_id": transaction_id})
        return row
