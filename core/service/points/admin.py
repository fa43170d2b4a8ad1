"""Operator movements of points: VoidTransaction, AdjustPoints and BatchAllocatePoints, on the
wallets and ledger of this package (same reserve -> commit -> confirm path, same rows).

- A VOID (type 10) cancels a posted EARN or REDEEM as a whole, as if it never happened, within
  limits.VOID_WINDOW_SECONDS of it. It is the original's full refund in the ledger's terms: one
  transfer of its whole amount in the opposite direction naming it in refunded_transaction_id,
  checked in wallet_reserve against the refunds in flight (the refund field), so a void and a
  refund of one transaction never both pass; the trigger (0025) restores a redemption's spent lot
  parts as it does for a refund. Concurrent voids of one transaction: the first claims a marker
  in the wallet's hash tag, the others answer POINTS_TRANSACTION_ALREADY_VOIDED; the ledger's
  points_transactions_void_unique is the last guard.
  A void is refused for a transaction refunded in part or in full (POINTS_TRANSACTION_REFUNDED):
  it would no longer put the account back where it was without the original, and a retailer
  expects the refunds already made to stand; the rest is refunded with RefundPoints.
- An ADJUST (type 11) is an operator's credit or debit with a reason, from or to the program's
  "adjustment:<program>" ledger account; a debit may overdraw only under the program's refund
  overdraft policy (allow_negative_refund), as refunds do.
- BatchAllocatePoints: up to limits.BATCH_ALLOCATE_ROWS_MAX ADJUST credits, each its own request
  (request_id per row) with its own result; rows of different accounts run concurrently
  (limits.BATCH_ALLOCATE_CONCURRENCY), rows of one account in row order.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid
from dataclasses import dataclass, replace

from core.adapters.postgres.points_ledger import LedgerTransaction, PointsLedgerStore
from core.adapters.redis.wallets import WalletCache, WalletHold, void_marker_key
from core.domain import limits
from core.domain.accounts import Account
from core.domain.errors import DomainError, ErrorReason, field_invalid, field_required, field_too_long
from core.domain.loyalty import ProgramRules, TransactionState, TransactionType, points_expire_time, void_refusal
from core.domain.lucky_draws import EntryState
from core.service.accounts import AccountRef, RefFields, parse_uuid, require_active, resolve_account, \
    validate_request_id
from core.service.context import Caller, Deps
from core.service.coupons import Coupons
from core.service.idempotent import Prepared, execute_once
from core.service.points.commands import AdjustPoints, AllocateRow, RowResult, VoidTransaction
from core.service.points.common import (EPOCH_FENCE, WALLET_FLOOR, RulesSource, account_of, adjustment_account,
                                        all_of,
                                        check_text, debit_rejections, issuance_account, redeemed_account,
                                        request_key, wallet_account)
from core.service.points.credits import posted_row
from core.service.points.engine import Points
from core.service.points.results import Movement, PointsTransaction
from core.service.programs import load_rules

__all__ = ["AdjustPoints", "AllocateRow", "PointsAdmin", "RowResult", "VoidTransaction", "adjustment_account",
           "void_marker_key"]

_VOID_MARKER_LIFE_MS = limits.POINTS_RESERVATION_TTL_MS * 2
"""A void's marker outlives its reservation: a retry of the void finds it its own."""


def _adjust_points(points: int, field: str, *, credit_only: bool) -> None:
    low = 1 if credit_only else -limits.POINTS_MAX
    if points == 0 or not low <= points <= limits.POINTS_MAX:
        rule = f"1..{limits.POINTS_MAX}" if credit_only else f"-{limits.POINTS_MAX}..{limits.POINTS_MAX}, not 0"
        raise DomainError(ErrorReason.FIELD_OUT_OF_RANGE, f"{field} must be {rule}.",
                          metadata={"field": field, "min": low, "max": limits.POINTS_MAX})


@dataclass(frozen=True, slots=True)
class _Void:
    """A void decided on: the original, as the ledger holds it, and its program's rules."""

    original: LedgerTransaction
    rules: ProgramRules
    now: dt.datetime

    @property
    def earn(self) -> bool:
        return self.original.type == TransactionType.EARN


class PointsAdmin:
    def __init__(self, deps: Deps, points: Points, coupons: Coupons, *, ledger: PointsLedgerStore | None = None,
                 cache: WalletCache | None = None, rules: RulesSource = load_rules) -> None:
        self._deps = deps
        self._rules = rules
        self._wallets = points.wallets
        self._coupons = coupons
        self._ledger = ledger or PointsLedgerStore(deps.pool)
        self._cache = cache or WalletCache(deps.redis, deps.scripts)

    # --- voids --------------------------------------------------------------------------

    async def void(self, command: VoidTransaction, caller: Caller) -> Movement:
        """Movement (the VOID, the original as now voided) and the balance right after."""
        validate_request_id(command.request_id)
        original_id = parse_uuid(command.points_transaction_id, "points_transaction_id")
        check_text(command.operator, "operator", limits.OPERATOR_LENGTH_MAX, required=False)
        if len(command.note) > limits.NOTE_LENGTH_MAX:  # Free text: line breaks are kept (server/interceptors.py).
            raise field_too_long("note", limits.NOTE_LENGTH_MAX)

        async def prepare() -> Prepared[Movement]:
            return await self._prepare_void(command, caller, original_id)

        return await execute_once(self._deps, caller, "VoidTransaction", command, prepare, Movement.from_json)

    async def _prepare_void(self, command: VoidTransaction, caller: Caller, original_id: str) -> Prepared[Movement]:
        """Refuse what cannot be voided, claim the original's void marker, then reserve and build
        the VOID (the marker is dropped again if anything after the claim fails)."""
        original = await self._ledger.transaction(caller.org_id, original_id)
        if original is None:
            raise DomainError(ErrorReason.POINTS_TRANSACTION_NOT_FOUND,
                              metadata={"points_transaction_id": original_id})
        now = self._deps.clock.now()
        refusal = void_refusal(original.type, original.state == TransactionState.POSTED, original.void_id or "",
                               original.refunded_points, original.create_time, now)
        if refusal is not None:
            raise refusal
        key = request_key(caller, command.request_id)
        if not await self._cache.claim_void(account_id=original.account_id, points_transaction_id=original_id,
                                            request_key=key, life_ms=_VOID_MARKER_LIFE_MS):
            raise DomainError(ErrorReason.POINTS_TRANSACTION_ALREADY_VOIDED,
                              metadata={"points_transaction_id": original_id})
        try:
            rules = await self._rules(self._deps, caller.org_id, original.program_id)
            return await self._void_movement(caller, command, key, _Void(original, rules, now))
        except BaseException:
            await self._cache.drop_void(original.account_id, original_id)
            raise

    async def _void_movement(self, caller: Caller, command: VoidTransaction, key: str,
                             void: _Void) -> Prepared[Movement]:
        original, now = void.original, void.now
        original_id, account_id, program_id = original.points_transaction_id, original.account_id, original.program_id
        overdraft = void.earn and void.rules.program.allow_negative_refund
        expire_time = None if void.earn else await self._restored_expiry(original_id, void.rules, now)
        hold, available = await self._reserve_void(account_id, key, void, overdraft, expire_time)
        cancel = PointsTransaction(str(uuid.uuid4()), account_id, TransactionType.VOID, -original.points, now,
                                   refunded_transaction_id=original_id, note=command.note, expire_time=expire_time,
                                   client_id=caller.client_id, operator=command.operator)
        if void.earn:
            debit, credit = wallet_account(account_id), issuance_account(program_id)
        else:
            debit, credit = redeemed_account(program_id), wallet_account(account_id)
        epoch = hold.epoch if hold is not None else self._wallets.epoch()
        rows = (posted_row(caller, command.request_id, program_id, cancel, epoch, debit=debit, credit=credit,
                           overdraft=overdraft),)
        give_back = None
        if void.earn:  # The coupons the earn applied are given back, as by its full refund.
            coupon_rows, give_back = await self._coupons.earn_reversals(original_id, command.request_id, caller)
            rows += coupon_rows
            give_back = give_back if coupon_rows else None
        voided = replace(PointsTransaction.of(original), refunded_points=original.amount,
                         voided_id=cancel.points_transaction_id, voided_client_id=caller.client_id,
                         voided_operator=command.operator, voided_time=now)
        if voided.lucky_draw is not None and voided.lucky_draw.state == EntryState.ACTIVE:
            # The ledger's trigger voids the earn's lucky-draw range with this VOID's row.
            voided = replace(voided, lucky_draw=replace(voided.lucky_draw, state=EntryState.VOIDED,
                                                        void_transaction_id=cancel.points_transaction_id,
                                                        void_time=now))
        refunded = DomainError(ErrorReason.POINTS_TRANSACTION_REFUNDED, metadata={"points_transaction_id": original_id})

        async def abort() -> None:
            if hold is not None:
                await self._wallets.release(hold)
            await self._cache.drop_void(account_id, original_id)

        return Prepared(Movement((cancel, voided), available), rows, {
            EPOCH_FENCE: DomainError(ErrorReason.STATE_REBUILDING),
            "points_transactions_void_unique": DomainError(ErrorReason.POINTS_TRANSACTION_ALREADY_VOIDED,
                                                           metadata={"points_transaction_id": original_id}),
            "points_transactions_refund_limit": refunded, "points_lot_spends_restored": refunded,
            "coupon_reversals_pkey": refunded,
            WALLET_FLOOR: DomainError(ErrorReason.INSUFFICIENT_POINTS)},
            on_commit=all_of([(lambda: self._wallets.confirm(hold)) if hold is not None else None, give_back]),
            on_abort=abort)

    async def _restored_expiry(self, original_id: str, rules: ProgramRules, now: dt.datetime) -> dt.datetime | None:
        """A voided redemption's points come back with the soonest expiry of the lots it spent."""
        spent = await self._ledger.spent_lots(original_id)
        if not spent.recorded:  # A redemption from before its spent lots were recorded (see RefundPoints).
            return points_expire_time(rules.program, now)
        return spent.soonest

    async def _reserve_void(self, account_id: str, key: str, void: _Void, overdraft: bool,
                            expire_time: dt.datetime | None) -> tuple[WalletHold | None, int]:
        """The void's reservation (none for a zero amount) and the balance right after it: a debit
        leaves the balance at once (the reply is the balance after it); a credit waits for its
        commit (the reply is the balance before it)."""
        amount = void.original.amount
        if amount <= 0:
            self._wallets.epoch()
            return None, (await self._wallets.available(account_id))[0]
        try:
            hold, before = await self._wallets.reserve(account_id, key, -amount if void.earn else amount,
                                                       overdraft=overdraft, expire_time=expire_time,
                                                       refund=(void.original.points_transaction_id, amount, 0))
        except DomainError as error:
            if error.reason == ErrorReason.REFUND_EXCEEDS_TRANSACTION:  # A refund of it is in flight.
                raise DomainError(ErrorReason.POINTS_TRANSACTION_REFUNDED,
                                  metadata={"refunded_points": error.metadata.get("refundable_points", "")}
                                  ) from None
            raise
        return hold, before if void.earn else before + amount

    # --- adjustments --------------------------------------------------------------------

    async def adjust(self, command: AdjustPoints, caller: Caller) -> Movement:
        validate_request_id(command.request_id)
        _adjust_points(command.points, "points", credit_only=False)
        check_text(command.reason, "reason", limits.ADJUST_REASON_LENGTH_MAX, required=True)
        check_text(command.operator, "operator", limits.OPERATOR_LENGTH_MAX, required=False)
        account = await account_of(self._deps, caller, command.account)
        return await self._adjust(caller, "AdjustPoints", command, account.account_id, account.program_id)

    async def _adjust(self, caller: Caller, method: str, command: AdjustPoints, account_id: str,
                      program_id: str) -> Movement:
        rules = await self._rules(self._deps, caller.org_id, program_id)

        async def prepare() -> Prepared[Movement]:
            return await self._prepare_adjust(caller, command, account_id, rules)

        return await execute_once(self._deps, caller, method, command, prepare, Movement.from_json)

    async def _prepare_adjust(self, caller: Caller, command: AdjustPoints, account_id: str,
                              rules: ProgramRules) -> Prepared[Movement]:
        program = rules.program
        now = self._deps.clock.now()
        credit = command.points > 0
        overdraft = not credit and program.allow_negative_refund
        expire_time = points_expire_time(program, now) if credit else None
        if not credit:
            await self._wallets.expire_if_due(account_id, now)
        hold, before = await self._wallets.reserve(account_id, request_key(caller, command.request_id),
                                                   command.points, overdraft=overdraft, expire_time=expire_time)
        transaction = PointsTransaction(str(uuid.uuid4()), account_id, TransactionType.ADJUST, command.points, now,
                                        note=command.reason, expire_time=expire_time, client_id=caller.client_id,
                                        operator=command.operator)
        adjustment, wallet = adjustment_account(program.program_id), wallet_account(account_id)
        row = posted_row(caller, command.request_id, program.program_id, transaction, hold.epoch,
                         debit=adjustment if credit else wallet, credit=wallet if credit else adjustment,
                         overdraft=overdraft)
        return Prepared(Movement((transaction,), before + command.points if credit else before), (row,),
                        debit_rejections(), on_commit=lambda: self._wallets.confirm(hold),
                        on_abort=lambda: self._wallets.release(hold))

    # --- bulk allocation ----------------------------------------------------------------

    async def batch_allocate(self, request_id: str, rows: list[AllocateRow | DomainError], operator: str,
                             caller: Caller) -> list[RowResult]:
        """Each row an ADJUST credit of its own (its request_id, or "<request_id>/<row index>",
        under the method "BatchAllocatePoints"). A row given as a DomainError (the servicer could
        not read it) fails with it. Rows of one account run in row order; accounts run
        concurrently."""
        validate_request_id(request_id)
        rows = [replace(row, request_id=f"{request_id}/{index}")
                if isinstance(row, AllocateRow) and not row.request_id else row for index, row in enumerate(rows)]
        derived = {f"{request_id}/{index}" for index in range(len(rows))}
        if not rows:
            raise field_required("rows")
        if len(rows) > limits.BATCH_ALLOCATE_ROWS_MAX:
            raise field_too_long("rows", limits.BATCH_ALLOCATE_ROWS_MAX)
        check_text(operator, "operator", limits.OPERATOR_LENGTH_MAX, required=False)
        seen: set[str] = set()
        for index, row in enumerate(rows):
            if isinstance(row, AllocateRow) and row.request_id:
                if row.request_id in seen:
                    raise field_invalid(f"rows[{index}].request_id", "unique within the call")
                seen.add(row.request_id)
        results: dict[int, RowResult] = {}
        gate = asyncio.Semaphore(limits.BATCH_ALLOCATE_CONCURRENCY)

        async def resolve(index: int, row: AllocateRow | DomainError) -> tuple[int, AllocateRow, Account] | None:
            """(index, row, account) of a valid row; records the failure of an invalid one."""
            try:
                return index, row, await self._resolve_row(index, row, derived, gate, caller)
            except DomainError as error:
                results[index] = RowResult(index, row.request_id if isinstance(row, AllocateRow) else "", error=error)
                return None

        resolved = [found for found in await asyncio.gather(*(resolve(i, row) for i, row in enumerate(rows)))
                    if found is not None]
        by_account: dict[str, list] = {}
        for index, row, account in resolved:
            by_account.setdefault(account.account_id, []).append((index, row, account))

        async def post(entries: list) -> None:
            async with gate:
                for index, row, account in entries:
                    command = AdjustPoints(row.request_id, AccountRef(account_id=account.account_id), row.points,
                                           row.reason, operator)
                    try:
                        movement = await self._adjust(caller, "BatchAllocatePoints", command, account.account_id,
                                                      account.program_id)
                        results[index] = RowResult(index, row.request_id, movement.transactions[0])
                    except DomainError as error:
                        results[index] = RowResult(index, row.request_id, error=error)

        await asyncio.gather(*(post(entries) for entries in by_account.values()))
        return [results[index] for index in range(len(rows))]

    async def _resolve_row(self, index: int, row: AllocateRow | DomainError, derived: set[str],
                           gate: asyncio.Semaphore, caller: Caller) -> Account:
        """The active account of a valid row; its DomainError otherwise."""
        if isinstance(row, DomainError):
            raise row
        prefix = f"rows[{index}]."
        try:
            if row.request_id not in derived:
                validate_request_id(row.request_id)
        except DomainError as error:
            raise field_required(prefix + "request_id") if error.reason == ErrorReason.FIELD_REQUIRED \
                else DomainError(error.reason, metadata={**error.metadata, "field": prefix + "request_id"}) from None
        _adjust_points(row.points, prefix + "points", credit_only=True)
        check_text(row.reason, prefix + "reason", limits.ADJUST_REASON_LENGTH_MAX, required=True)
        async with gate:
            account = await resolve_account(self._deps, caller.org_id, row.account, fields=RefFields(
                f"rows[{index}]", prefix + "account_id", prefix + "account_identifier"))
        require_active(account)
        return account
