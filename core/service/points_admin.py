"""Operator movements of points: VoidTransaction, AdjustPoints and BatchAllocatePoints, on the
wallets and ledger of core/service/points.py (same reserve -> commit -> confirm path, same rows).

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

from core.domain import limits
from core.domain.errors import DomainError, ErrorReason, field_invalid, field_required, field_too_long
from core.domain.loyalty import points_expire_time, void_refusal
from core.service.accounts import (AccountRef, RefFields, parse_uuid, require_active, resolve_account,
                                   validate_request_id)
from core.service.context import Caller, Deps
from core.service.coupons import Coupons
from core.service.idempotent import Prepared, execute_once
from core.service.points import (POSTED, Movement, Points, PointsTransaction, TxType, _all, _tag,
                                 _transaction_row, wallet_account)
from core.service.programs import load_rules


@dataclass(frozen=True, slots=True)
class VoidTransaction:
    request_id: str
    points_transaction_id: str
    operator: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class AdjustPoints:
    request_id: str
    account: AccountRef
    points: int
    reason: str
    operator: str = ""


@dataclass(frozen=True, slots=True)
class AllocateRow:
    request_id: str
    account: AccountRef
    points: int
    reason: str


@dataclass(frozen=True, slots=True)
class RowResult:
    index: int
    request_id: str
    transaction: PointsTransaction | None = None
    error: DomainError | None = None


def adjustment_account(program_id: str) -> str:
    return f"adjustment:{program_id}"


def void_marker_key(account_id: str, points_transaction_id: str) -> str:
    return f"{_tag(account_id)}:void:{points_transaction_id}"


def _text(value: str, field: str, length_max: int, *, required: bool) -> None:
    if not value:
        if required:
            raise field_required(field)
        return
    if len(value) > length_max:
        raise field_too_long(field, length_max)
    if not value.isprintable():
        raise field_invalid(field, "printable characters only")


def _adjust_points(points: int, field: str, *, credit_only: bool) -> None:
    low = 1 if credit_only else -limits.POINTS_MAX
    if points == 0 or not low <= points <= limits.POINTS_MAX:
        rule = f"1..{limits.POINTS_MAX}" if credit_only else f"-{limits.POINTS_MAX}..{limits.POINTS_MAX}, not 0"
        raise DomainError(ErrorReason.FIELD_OUT_OF_RANGE, f"{field} must be {rule}.",
                          metadata={"field": field, "min": low, "max": limits.POINTS_MAX})


class PointsAdmin:
    def __init__(self, deps: Deps, points: Points, coupons: Coupons) -> None:
        self._deps = deps
        self._points = points
        self._coupons = coupons

    # --- voids --------------------------------------------------------------------------

    async def void(self, command: VoidTransaction, caller: Caller) -> Movement:
        """Movement (the VOID, the original as now voided) and the balance right after."""
        validate_request_id(command.request_id)
        original_id = parse_uuid(command.points_transaction_id, "points_transaction_id")
        _text(command.operator, "operator", limits.OPERATOR_LENGTH_MAX, required=False)
        if len(command.note) > limits.NOTE_LENGTH_MAX:  # Free text: line breaks are kept (server/interceptors.py).
            raise field_too_long("note", limits.NOTE_LENGTH_MAX)
        request_key = f"{caller.client_id}:{command.request_id}"

        async def prepare() -> Prepared[Movement]:
            original = await self._points.transaction(original_id, caller)  # POINTS_TRANSACTION_NOT_FOUND
            async with self._deps.pool.connection() as connection:
                cursor = await connection.execute(
                    "SELECT t.program_id, t.amount FROM points_transactions t WHERE t.points_transaction_id = %s",
                    (original_id,))
                program_id, amount = await cursor.fetchone()
            now = self._deps.clock.now()
            refusal = void_refusal(original.type, original.state == POSTED, original.voided_id,
                                   original.refunded_points, original.create_time, now)
            if refusal is not None:
                raise refusal
            account_id = original.account_id
            marker = void_marker_key(account_id, original_id)
            claimed = await self._deps.redis.set(marker, request_key, nx=True,
                                                 px=limits.POINTS_RESERVATION_TTL_MS * 2)
            if not claimed and (await self._deps.redis.get(marker) or b"").decode() != request_key:
                raise DomainError(ErrorReason.POINTS_TRANSACTION_ALREADY_VOIDED,
                                  metadata={"points_transaction_id": original_id})
            try:
                return await self._prepare_void(caller, command, request_key, original, program_id, amount, now)
            except BaseException:
                await self._deps.redis.delete(marker)
                raise

        return await execute_once(self._deps, caller, "VoidTransaction", command, prepare, Movement.from_json)

    async def _prepare_void(self, caller: Caller, command: VoidTransaction, request_key: str,
                            original: PointsTransaction, program_id: str, amount: int,
                            now: dt.datetime) -> Prepared[Movement]:
        original_id, account_id = original.points_transaction_id, original.account_id
        marker = void_marker_key(account_id, original_id)
        wallets = self._points.wallets
        rules = await load_rules(self._deps, caller.org_id, program_id)
        earn = original.type == TxType.EARN
        overdraft = earn and rules.program.allow_negative_refund
        expire_time = None
        if not earn:
            async with self._deps.pool.connection() as connection:
                cursor = await connection.execute(
                    "SELECT min(expire_time), count(*) FROM points_lot_spends WHERE points_transaction_id = %s",
                    (original_id,))
                expire_time, recorded = await cursor.fetchone()
            if not recorded:  # A redemption from before its spent lots were recorded (see RefundPoints).
                expire_time = points_expire_time(rules.program, now)
        hold = None
        if amount > 0:
            try:
                hold, before = await wallets.reserve(account_id, request_key, -amount if earn else amount,
                                                     overdraft=overdraft, expire_time=expire_time,
                                                     refund=(original_id, amount, 0))
            except DomainError as error:
                if error.reason == ErrorReason.REFUND_EXCEEDS_TRANSACTION:  # A refund of it is in flight.
                    raise DomainError(ErrorReason.POINTS_TRANSACTION_REFUNDED,
                                      metadata={"refunded_points": error.metadata.get("refundable_points", "")}
                                      ) from None
                raise
            # A debit leaves the balance at once (the reply is the balance after it); a credit waits
            # for its commit (the reply is the balance before it).
            available = before if earn else before + amount
            epoch = hold.epoch
        else:
            epoch = self._points._guard.require_ready()
            available = (await wallets.available(account_id))[0]
        void = PointsTransaction(str(uuid.uuid4()), account_id, TxType.VOID, -original.points, now,
                                 refunded_transaction_id=original_id, note=command.note, expire_time=expire_time,
                                 client_id=caller.client_id, operator=command.operator)
        if earn:
            debit, credit = wallet_account(account_id), f"issuance:{program_id}"
        else:
            debit, credit = f"redeemed:{program_id}", wallet_account(account_id)
        rows = (_transaction_row(caller, command.request_id, program_id, void, epoch, debit=debit, credit=credit,
                                 overdraft=overdraft),)
        give_back = None
        if earn:  # The coupons the earn applied are given back, as by its full refund.
            coupon_rows, give_back = await self._coupons.earn_reversals(original_id, command.request_id, caller)
            rows += coupon_rows
            give_back = give_back if coupon_rows else None
        voided = replace(original, refunded_points=amount, voided_id=void.points_transaction_id,
                         voided_client_id=caller.client_id, voided_operator=command.operator, voided_time=now)
        refunded = DomainError(ErrorReason.POINTS_TRANSACTION_REFUNDED, metadata={"points_transaction_id": original_id})

        async def abort() -> None:
            if hold is not None:
                await wallets.release(hold)
            await self._deps.redis.delete(marker)

        return Prepared(Movement((void, voided), available), rows, {
            "points_transactions_epoch_fence": DomainError(ErrorReason.STATE_REBUILDING),
            "points_transactions_void_unique": DomainError(ErrorReason.POINTS_TRANSACTION_ALREADY_VOIDED,
                                                           metadata={"points_transaction_id": original_id}),
            "points_transactions_refund_limit": refunded, "points_lot_spends_restored": refunded,
            "coupon_reversals_pkey": refunded,
            "points_wallets_floor": DomainError(ErrorReason.INSUFFICIENT_POINTS)},
            on_commit=_all([(lambda: wallets.confirm(hold)) if hold is not None else None, give_back]),
            on_abort=abort)

    # --- adjustments --------------------------------------------------------------------

    async def adjust(self, command: AdjustPoints, caller: Caller) -> Movement:
        validate_request_id(command.request_id)
        _adjust_points(command.points, "points", credit_only=False)
        _text(command.reason, "reason", limits.ADJUST_REASON_LENGTH_MAX, required=True)
        _text(command.operator, "operator", limits.OPERATOR_LENGTH_MAX, required=False)
        account = await self._points._account(caller, command.account)
        return await self._adjust(caller, "AdjustPoints", command, account.account_id, account.program_id)

    async def _adjust(self, caller: Caller, method: str, command: AdjustPoints, account_id: str,
                      program_id: str) -> Movement:
        rules = await load_rules(self._deps, caller.org_id, program_id)
        program = rules.program
        request_key = f"{caller.client_id}:{command.request_id}"
        wallets = self._points.wallets

        async def prepare() -> Prepared[Movement]:
            now = self._deps.clock.now()
            credit = command.points > 0
            overdraft = not credit and program.allow_negative_refund
            expire_time = points_expire_time(program, now) if credit else None
            if not credit:
                await self._points._expire_if_due(account_id, now)
            hold, before = await wallets.reserve(account_id, request_key, command.points, overdraft=overdraft,
                                                 expire_time=expire_time)
            transaction = PointsTransaction(str(uuid.uuid4()), account_id, TxType.ADJUST, command.points, now,
                                            note=command.reason, expire_time=expire_time,
                                            client_id=caller.client_id, operator=command.operator)
            adjustment, wallet = adjustment_account(program.program_id), wallet_account(account_id)
            row = _transaction_row(caller, command.request_id, program.program_id, transaction, hold.epoch,
                                   debit=adjustment if credit else wallet, credit=wallet if credit else adjustment,
                                   overdraft=overdraft)
            return Prepared(Movement((transaction,), before + command.points if credit else before), (row,), {
                "points_transactions_epoch_fence": DomainError(ErrorReason.STATE_REBUILDING),
                "points_wallets_floor": DomainError(ErrorReason.INSUFFICIENT_POINTS)},
                on_commit=lambda: wallets.confirm(hold), on_abort=lambda: wallets.release(hold))

        return await execute_once(self._deps, caller, method, command, prepare, Movement.from_json)

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
        _text(operator, "operator", limits.OPERATOR_LENGTH_MAX, required=False)
        seen: set[str] = set()
        for index, row in enumerate(rows):
            if isinstance(row, AllocateRow) and row.request_id:
                if row.request_id in seen:
                    raise field_invalid(f"rows[{index}].request_id", "unique within the call")
                seen.add(row.request_id)
        results: dict[int, RowResult] = {}
        gate = asyncio.Semaphore(limits.BATCH_ALLOCATE_CONCURRENCY)

        async def resolve(index: int, row: AllocateRow | DomainError):
            """(index, row, account) of a valid row; records the failure of an invalid one."""
            request_id = row.request_id if isinstance(row, AllocateRow) else ""
            try:
                if isinstance(row, DomainError):
                    raise row
                prefix = f"rows[{index}]."
                try:
                    if row.request_id not in derived:
                        validate_request_id(row.request_id)
                except DomainError as error:
                    raise field_required(prefix + "request_id") if error.reason == ErrorReason.FIELD_REQUIRED \
                        else DomainError(error.reason, metadata={**error.metadata,
                                                                 "field": prefix + "request_id"}) from None
                _adjust_points(row.points, prefix + "points", credit_only=True)
                _text(row.reason, prefix + "reason", limits.ADJUST_REASON_LENGTH_MAX, required=True)
                async with gate:
                    account = await resolve_account(
                        self._deps, caller.org_id, row.account, fields=RefFields(
                            f"rows[{index}]", prefix + "account_id", prefix + "account_identifier"))
                require_active(account)
                return index, row, account
            except DomainError as error:
                results[index] = RowResult(index, request_id, error=error)
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


