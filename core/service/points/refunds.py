"""RefundPoints: (part of) a posted EARN or REDEEM given back, bounded by what is left of it.

What is left (refunds reserved by others included) is decided in wallet_reserve with the balance:
the wallet hash counts, per refunded transaction, the points refunded so far, reserved + posted
(refund_field), so two refunds in flight never both pass; the ledger's refund limit is the last
guard. An earn's full refund also gives back the coupons the earn used.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from core.adapters.postgres.points_ledger import LedgerTransaction, PointsLedgerStore
from core.domain import limits
from core.domain.errors import DomainError, ErrorReason
from core.domain.loyalty import TransactionState, TransactionType, points_expire_time
from core.service.accounts import parse_uuid, validate_request_id
from core.service.context import Caller, Deps
from core.service.coupons import Coupons
from core.service.events_outbox import evented
from core.service.idempotent import Prepared, execute_once
from core.service.points.commands import RefundPoints
from core.service.points.common import (EPOCH_FENCE, WALLET_FLOOR, RulesSource, all_of, check_text,
                                        issuance_account,
                                        redeemed_account, request_key, wallet_account)
from core.service.points.credits import posted_row
from core.service.points.results import Movement, PointsTransaction, movement_account
from core.service.points.wallets import Wallets
from core.service.programs import load_rules

REFUNDABLE_TYPES = frozenset({TransactionType.EARN, TransactionType.REDEEM})


@dataclass(frozen=True, slots=True)
class RefundTarget:
    """A refundable transaction and what a refund of it takes: `points` of the `refundable` left."""

    original: LedgerTransaction
    points: int
    refundable: int

    @property
    def full(self) -> bool:
        return self.points == self.refundable


def refund_target(original: LedgerTransaction | None, original_id: str, points: int) -> RefundTarget:
    """The refund of `points` (0: everything left) of `original`, or why there is none: not found,
    not a posted EARN or REDEEM, voided, or beyond what is left to refund."""
    if original is None:
        raise DomainError(ErrorReason.POINTS_TRANSACTION_NOT_FOUND, metadata={"points_transaction_id": original_id})
    if original.type not in REFUNDABLE_TYPES or original.state != TransactionState.POSTED:
        raise DomainError(ErrorReason.POINTS_TRANSACTION_NOT_REFUNDABLE,
                          metadata={"points_transaction_id": original_id})
    if original.void_id:  # A voided transaction is gone as a whole (VoidTransaction, admin.py).
        raise DomainError(ErrorReason.POINTS_TRANSACTION_ALREADY_VOIDED,
                          metadata={"void_points_transaction_id": original.void_id})
    refundable = original.amount - original.refunded_points
    points = points or refundable
    if refundable == 0 or points > refundable:
        raise DomainError(ErrorReason.REFUND_EXCEEDS_TRANSACTION, metadata={"refundable_points": refundable})
    return RefundTarget(original, points, refundable)


class Refunds:
    def __init__(self, deps: Deps, wallets: Wallets, coupons: Coupons, *,
                 ledger: PointsLedgerStore | None = None, rules: RulesSource = load_rules) -> None:
        self._deps = deps
        self._rules = rules
        self._wallets = wallets
        self._coupons = coupons
        self._ledger = ledger or PointsLedgerStore(deps.pool)

    async def refund(self, command: RefundPoints, caller: Caller) -> Movement:
        validate_request_id(command.request_id)
        original_id = parse_uuid(command.points_transaction_id, "points_transaction_id")
        if command.points < 0 or command.points > limits.POINTS_MAX:
            raise DomainError(ErrorReason.FIELD_OUT_OF_RANGE, metadata={"field": "points"})
        check_text(command.note, "note", limits.NOTE_LENGTH_MAX, required=False)

        async def prepare() -> Prepared[Movement]:
            return await self.prepare_refund(command, caller, original_id)

        prepare = evented(prepare, self._deps.clock, caller.org_id, "points.refunded", "account", movement_account)
        return await execute_once(self._deps, caller, "RefundPoints", command, prepare, Movement.from_json)

    async def prepare_refund(self, command: RefundPoints, caller: Caller, original_id: str) -> Prepared[Movement]:
        """RefundPoints' rows and reservation, for RefundPoints and for the checkout's basket
        refunds (which commit them with their own rows)."""
        target = refund_target(await self._ledger.transaction(caller.org_id, original_id), original_id,
                               command.points)
        if target.original.type == TransactionType.REDEEM:
            return await self._refund_redemption(caller, command, target)
        return await self._refund_earn(caller, command, target)

    async def _refund_earn(self, caller: Caller, command: RefundPoints, target: RefundTarget) -> Prepared[Movement]:
        """A REFUND debit from the wallet back to the program's issuance account (an overdraft if
        the program allows negative refunds)."""
        original = target.original
        account_id, program_id, original_id = original.account_id, original.program_id, original.points_transaction_id
        rules = await self._rules(self._deps, caller.org_id, program_id)
        overdraft = rules.program.allow_negative_refund
        now = self._deps.clock.now()
        hold, available = await self._wallets.reserve(
            account_id, request_key(caller, command.request_id), -target.points, overdraft=overdraft,
            refund=(original_id, original.amount, original.refunded_points))
        transaction = PointsTransaction(str(uuid.uuid4()), account_id, TransactionType.REFUND, -target.points, now,
                                        refunded_transaction_id=original_id, note=command.note)
        row = posted_row(caller, command.request_id, program_id, transaction, hold.epoch,
                         debit=wallet_account(account_id), credit=issuance_account(program_id), overdraft=overdraft)
        # A full refund gives back the coupons the earn used (their counts and single use).
        coupon_rows, give_back = ((), None)
        if target.full:
            coupon_rows, give_back = await self._coupons.earn_reversals(original_id, command.request_id, caller)
        # The ledger's CHECK: reached only if Redis lost the refunded-so-far count mid-flight.
        exceeded = DomainError(ErrorReason.REFUND_EXCEEDS_TRANSACTION, metadata={"points_transaction_id": original_id})
        return Prepared(Movement((transaction,), available), (row,) + coupon_rows, {
            EPOCH_FENCE: DomainError(ErrorReason.STATE_REBUILDING),
            "points_transactions_refund_limit": exceeded,
            "coupon_reversals_pkey": exceeded,
            WALLET_FLOOR: DomainError(ErrorReason.INSUFFICIENT_POINTS)},
            on_commit=all_of([lambda: self._wallets.confirm(hold), give_back if coupon_rows else None]),
            on_abort=lambda: self._wallets.release(hold))

    async def _refund_redemption(self, caller: Caller, command: RefundPoints,
                                 target: RefundTarget) -> Prepared[Movement]:
        """Give back (part of) a redemption's points: a REFUND credit from the program's redeemed
        account to the wallet. The trigger opens the new lots with the expiry of the lots the
        redemption spent, in the order it spent them (soonest-expiring first, see 0022)."""
        original = target.original
        account_id, program_id, original_id = original.account_id, original.program_id, original.points_transaction_id
        spent = await self._ledger.spent_lots(original_id)
        now = self._deps.clock.now()
        soonest = spent.soonest_unrestored
        if not spent.recorded:
            # A redemption from before its spent lots were recorded: the program's expiry from now.
            soonest = points_expire_time((await self._rules(self._deps, caller.org_id, program_id)).program, now)
        # The soonest expiry among the parts still to give back: the wallet's next expiry may only
        # move earlier by it (a later part only delays the expiry check, never misses it).
        hold, before = await self._wallets.reserve(account_id, request_key(caller, command.request_id), target.points,
                                                   expire_time=soonest,
                                                   refund=(original_id, original.amount, original.refunded_points))
        transaction = PointsTransaction(str(uuid.uuid4()), account_id, TransactionType.REFUND, target.points, now,
                                        refunded_transaction_id=original_id, note=command.note, expire_time=soonest)
        row = posted_row(caller, command.request_id, program_id, transaction, hold.epoch,
                         debit=redeemed_account(program_id), credit=wallet_account(account_id))
        exceeded = DomainError(ErrorReason.REFUND_EXCEEDS_TRANSACTION, metadata={"points_transaction_id": original_id})
        return Prepared(Movement((transaction,), before + target.points), (row,), {
            EPOCH_FENCE: DomainError(ErrorReason.STATE_REBUILDING),
            "points_transactions_refund_limit": exceeded, "points_lot_spends_restored": exceeded},
            on_commit=lambda: self._wallets.confirm(hold), on_abort=lambda: self._wallets.release(hold))
