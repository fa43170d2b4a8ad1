"""Reads: GetBalance, ListTransactions (paged by core/service/paging.py) and one transaction."""

from __future__ import annotations

import datetime as dt

from core.adapters.postgres.points_ledger import PointsLedgerStore
from core.adapters.postgres.wallets import WalletStore
from core.domain import limits
from core.domain.errors import DomainError, ErrorReason
from core.service import paging
from core.service.accounts import AccountRef, parse_uuid
from core.service.context import Caller, Deps
from core.service.points.commands import ListTransactions
from core.service.points.common import account_of
from core.service.points.results import Balance, PointsTransaction


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

    async def transaction(self, points_transaction_id: str, caller: Caller) -> PointsTransaction:
        transaction_id = parse_uuid(points_transaction_id, "points_transaction_id")
        row = await self._ledger.transaction(caller.org_id, transaction_id)
        if row is None:
            raise DomainError(ErrorReason.POINTS_TRANSACTION_NOT_FOUND,
                              metadata={"points_transaction_id": transaction_id})
        return PointsTransaction.of(row)
