"""Credits to member wallets (earns, events, referrals, earn codes): each transaction's wallet
reservation and ledger row, and what settles them after the commit."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass

from core.adapters.postgres.ledger_writer import Row
from core.adapters.postgres.points_ledger import award_row, transaction_row
from core.adapters.redis.wallets import WalletHold
from core.domain.errors import DomainError, ErrorReason
from core.domain.loyalty import ProgramRules
from core.service.context import Caller
from core.service.idempotent import Prepared
from core.service.points.common import EPOCH_FENCE, each, issuance_account, wallet_account
from core.service.points.results import Movement, PointsTransaction
from core.service.points.wallets import Wallets


@dataclass(frozen=True, slots=True)
class Credit:
    """One transaction to credit, under its own request id (the reservation's), paid by an earn
    rule or not."""

    transaction: PointsTransaction
    request_id: str
    earn_rule_id: str | None = None


def posted_row(caller: Caller, request_id: str, program_id: str, t: PointsTransaction, epoch: int, *,
               debit: str, credit: str, overdraft: bool = False, tier_id: str | None = None,
               earn_rule_id: str | None = None) -> Row:
    """The ledger row of a transaction the caller posts."""
    return transaction_row(
        points_transaction_id=t.points_transaction_id, org_id=caller.org_id, program_id=program_id,
        account_id=t.account_id, type=t.type, state=t.state, debit_account=debit, credit_account=credit,
        points=t.points, create_time=t.create_time, request_id=request_id, client_id=caller.client_id, epoch=epoch,
        regular_points=t.regular_points, bonus_points=t.bonus_points, reward_points=t.reward_points,
        store_id=t.store_id, transaction_id=t.transaction_id, bill_minor=t.bill_minor, currency_code=t.currency_code,
        refunded_transaction_id=t.refunded_transaction_id, overdraft=overdraft, note=t.note,
        expire_time=t.expire_time, tier_id=tier_id, earn_rule_id=earn_rule_id, lines=t.lines, operator=t.operator,
        points_value_minor=t.points_value_minor, interaction_point_id=t.interaction_point_id)


class Credits:
    def __init__(self, wallets: Wallets) -> None:
        self._wallets = wallets

    async def credit(self, caller: Caller, request_id: str, rules: ProgramRules, transaction: PointsTransaction, *,
                     tier_id: str | None = None, awards: tuple[str, ...] = (),
                     rejections: dict | None = None) -> Prepared[Movement]:
        return await self.credits(caller, rules, [Credit(transaction, request_id)], awards, rejections or {},
                                  tier_id=tier_id)

    async def credits(self, caller: Caller, rules: ProgramRules, entries: Sequence[Credit],
                      awards: tuple[str, ...], rejections: dict, tier_id: str | None = None) -> Prepared[Movement]:
        """Credit each entry and return what commits them: the rows (and an award row naming the
        first transaction per award key), the stored reply, the wallet reservations to settle."""
        holds: list[WalletHold] = []
        rows: list[Row] = []
        available = 0
        program_id = rules.program.program_id
        try:
            for entry in entries:
                transaction = entry.transaction
                if transaction.points > 0:
                    hold, before = await self._wallets.reserve(
                        transaction.account_id, f"{caller.client_id}:{entry.request_id}", transaction.points,
                        expire_time=transaction.expire_time)
                    holds.append(hold)
                    epoch = hold.epoch
                    available = before + transaction.points
                else:
                    epoch = self._wallets.epoch()
                    available = (await self._wallets.available(transaction.account_id))[0]
                rows.append(posted_row(caller, entry.request_id, program_id, transaction, epoch,
                                       debit=issuance_account(program_id),
                                       credit=wallet_account(transaction.account_id), tier_id=tier_id,
                                       earn_rule_id=entry.earn_rule_id))
        except BaseException:
            await asyncio.gather(*(self._wallets.release(h) for h in holds))
            raise
        transactions = tuple(entry.transaction for entry in entries)
        rows += [award_row(org_id=caller.org_id, program_id=program_id, award_key=key,
                           points_transaction_id=transactions[0].points_transaction_id) for key in awards]
        return Prepared(Movement(transactions, available), tuple(rows),
                        {EPOCH_FENCE: DomainError(ErrorReason.STATE_REBUILDING), **rejections},
                        on_commit=each(self._wallets.confirm, holds), on_abort=each(self._wallets.release, holds))
