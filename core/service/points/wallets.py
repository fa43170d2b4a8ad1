"""The wallet component: a member wallet's side in Redis (lazy load, reserve, settle, the recovery
sweep), the expiry of its lots, and the payment of REWARD coupons from it (the coupons engine's
PointsPayer).

A reservation is entered in a registry (a sorted set by deadline, sharded) before the script runs,
so that the recovery sweep finds reservations a crashed worker left behind: confirmed if the ledger
holds the request, released otherwise. A wallet is loaded into Redis lazily, under the current
epoch, from the wallet row the first time a movement needs it; a rebuild (new epoch) makes every
wallet reload.
"""

from __future__ import annotations

import datetime as dt
import uuid

from core.adapters.postgres.points_ledger import PointsLedgerStore, transaction_row
from core.adapters.postgres.wallets import WalletStore
from core.adapters.redis.state import StateGuard
from core.adapters.redis.wallets import (REGISTRY_BUCKETS, ReserveOutcome, Settlement, WalletCache, WalletHold,
                                         otp_key, refund_field)
from core.domain import limits
from core.domain.errors import DomainError, ErrorReason
from core.domain.loyalty import TransactionState, TransactionType
from core.service.accounts import AccountRef
from core.service.context import Caller, Deps
from core.service.coupons import HeldPayment
from core.service.points.common import (account_of, debit_rejections, ms, redeemed_account, request_key,
                                        wallet_account)
from core.service.points.expiry import expire_lots
from core.service.programs import load_rules

_REFUSALS = {
    ReserveOutcome.INSUFFICIENT: lambda d: DomainError(ErrorReason.INSUFFICIENT_POINTS,
                                                       metadata={"available_points": d}),
    ReserveOutcome.BELOW_MIN_AMOUNT: lambda d: DomainError(ErrorReason.REDEEM_AMOUNT_TOO_LOW,
                                                           metadata={"min_redeem_points": d}),
    ReserveOutcome.BELOW_BALANCE_BEFORE: lambda d: DomainError(ErrorReason.REDEMPTION_THRESHOLD_NOT_MET,
                                                               metadata={"min_redemption_balance_points": d}),
    ReserveOutcome.BELOW_BALANCE_AFTER: lambda d: DomainError(ErrorReason.REDEMPTION_THRESHOLD_NOT_MET,
                                                              metadata={"min_remaining_balance_points": d}),
    ReserveOutcome.OTP_NOT_FOUND: lambda d: DomainError(ErrorReason.OTP_NOT_FOUND),
    ReserveOutcome.OTP_USED: lambda d: DomainError(ErrorReason.OTP_ALREADY_USED),
    ReserveOutcome.OTP_LOCKED: lambda d: DomainError(ErrorReason.OTP_LOCKED),
    ReserveOutcome.OTP_WRONG: lambda d: (DomainError(ErrorReason.OTP_INVALID, metadata={"tries_left": d}) if d > 0
                                         else DomainError(ErrorReason.OTP_LOCKED)),
    ReserveOutcome.REFUND_EXCEEDED: lambda d: DomainError(ErrorReason.REFUND_EXCEEDS_TRANSACTION,
                                                          metadata={"refundable_points": d}),
}
"""The error of each refusal of wallet_reserve, given its figure."""


def refusal(outcome: ReserveOutcome, value: int) -> DomainError:
    return _REFUSALS[outcome](value)


class Wallets:
    """Member wallets: reserve -> (commit) -> confirm or release, and what builds on it."""

    def __init__(self, deps: Deps, guard: StateGuard, *, cache: WalletCache | None = None,
                 store: WalletStore | None = None, ledger: PointsLedgerStore | None = None) -> None:
        self._deps = deps
        self._guard = guard
        self._cache = cache or WalletCache(deps.redis, deps.scripts)
        self._store = store or WalletStore(deps.pool)
        self._ledger = ledger or PointsLedgerStore(deps.pool)

    def epoch(self) -> int:
        """The epoch to admit a write under; STATE_REBUILDING while Redis is not loaded."""
        return self._guard.require_ready()

    async def load(self, account_id: str, epoch: int) -> None:
        opening = await self._store.opening(account_id)
        await self._cache.load(account_id=account_id, epoch=epoch, available=opening.available,
                               next_expiry_ms=ms(opening.next_expiry))

    async def reserve(self, account_id: str, request_key: str, delta: int, *, before: int = 0, after: int = 0,
                      min_amount: int = 0, overdraft: bool = False, otp: tuple[str, str] | None = None,
                      expire_time: dt.datetime | None = None,
                      refund: tuple[str, int, int] | None = None,
                      deadline_ms: int | None = None) -> tuple[WalletHold, int]:
        """Run wallet_reserve; returns the hold and the available balance after it. `otp`: the OTP's
        (id, mac). `refund`: the refunded transaction's (id, points, refunded points per the ledger),
        checked in the same script. `deadline_ms`: the reservation's deadline (default: now +
        POINTS_RESERVATION_TTL_MS)."""
        now_ms = ms(self._deps.clock.now())
        deadline_ms = deadline_ms or now_ms + limits.POINTS_RESERVATION_TTL_MS
        for _ in range(2):  # Once more after loading the wallet.
            hold = WalletHold(account_id, self.epoch(), request_key, delta,
                              otp_key(account_id, otp[0]) if otp else None, ms(expire_time),
                              refund_field(refund[0]) if refund else "")
            # The registry entry goes first: a reservation is never without one. NX: a retry of a
            # request whose reservation is still held (its worker may have died) must neither push
            # that entry's deadline back nor remove it, or the sweep would never settle it.
            added = await self._cache.register(hold, deadline_ms)
            reply = await self._cache.reserve(
                hold=hold, deadline_ms=deadline_ms, before=before, after=after, min_amount=min_amount,
                overdraft=overdraft, refund_points=refund[1] if refund else 0,
                refunded_points=refund[2] if refund else 0, otp_mac=otp[1] if otp else "", now_ms=now_ms,
                otp_tries_max=limits.OTP_TRIES_MAX)
            if reply.outcome is ReserveOutcome.RESERVED:
                return hold, reply.value
            if reply.outcome is ReserveOutcome.IN_FLIGHT:  # This request holds a reservation already.
                raise DomainError(ErrorReason.REQUEST_IN_FLIGHT)
            if added:
                await self._cache.unregister(hold)
            if reply.outcome is not ReserveOutcome.NOT_LOADED:
                raise refusal(reply.outcome, reply.value)
            await self._guard.ensure()
            await self.load(account_id, self.epoch())
        raise DomainError(ErrorReason.STATE_REBUILDING)

    async def confirm(self, hold: WalletHold) -> None:
        settled = await self._cache.settle(account_id=hold.account_id, epoch=hold.epoch,
                                           request_key=hold.request_key, settlement=Settlement.CONFIRM,
                                           expire_ms=hold.expire_ms)
        if not settled:
            # The sweep released it before this late commit landed: the ledger holds it, so the
            # balance must too.
            await self._cache.apply(account_id=hold.account_id, epoch=hold.epoch, delta=hold.delta,
                                    refund=hold.refund)
        await self._cache.unregister(hold)

    async def release(self, hold: WalletHold) -> None:
        await self._cache.settle(account_id=hold.account_id, epoch=hold.epoch, request_key=hold.request_key,
                                 settlement=Settlement.RELEASE, otp=hold.otp)
        await self._cache.unregister(hold)

    async def available(self, account_id: str) -> tuple[int, int | None]:
        """(available balance, next expiry ms) of the loaded wallet, loading it if needed."""
        for _ in range(2):
            epoch = self.epoch()
            state = await self._cache.state(account_id)
            if state.epoch == epoch:
                return state.balance, state.next_expiry_ms
            await self.load(account_id, epoch)
        raise DomainError(ErrorReason.STATE_REBUILDING)

    async def sweep(self) -> tuple[int, int]:
        """Settle reservations past their deadline: (confirmed, released)."""
        confirmed = released = 0
        now_ms = ms(self._deps.clock.now())
        for bucket in range(REGISTRY_BUCKETS):
            for entry in await self._cache.due(bucket, now_ms):
                client_id, _, request_id = entry.request_key.partition(":")
                # Fence first: afterwards no write of this request can commit (one still committing
                # is waited for), so the ledger's answer is final.
                await self._deps.idempotency.fence_request(entry.request_key, now_ms)
                if await self._ledger.committed(client_id, request_id, entry.account_id):
                    confirmed += await self._cache.settle(account_id=entry.account_id, epoch=entry.epoch,
                                                          request_key=entry.request_key,
                                                          settlement=Settlement.CONFIRM)
                else:
                    otp = await self._cache.held_otp(entry.account_id, entry.epoch, entry.request_key)
                    released += await self._cache.settle(account_id=entry.account_id, epoch=entry.epoch,
                                                         request_key=entry.request_key,
                                                         settlement=Settlement.RELEASE, otp=otp or None)
                await self._cache.drop_entry(entry)
        return confirmed, released

    # --- expiry ---------------------------------------------------------------------------

    async def expire_if_due(self, account_id: str, now: dt.datetime) -> None:
        """Expire the account's due lots first, when its wallet says one is due."""
        _, next_expiry = await self.available(account_id)
        if next_expiry is not None and next_expiry <= ms(now):
            await self.expire_due(now, account_id=account_id)

    async def expire_due(self, now: dt.datetime | None = None, *, account_id: str | None = None) -> int:
        """Move every lot whose expiry has come to the program's expiry account (see
        core/service/points/expiry.py); the number of lots expired."""
        return await expire_lots(self._deps, self, self._ledger, now or self._deps.clock.now(),
                                 account_id=account_id)

    async def set_next_expiry(self, hold: WalletHold) -> None:
        """After a lot left the wallet: its next expiry is the soonest of the lots left."""
        next_expiry = await self._ledger.next_expiry(hold.account_id)
        await self._cache.apply(account_id=hold.account_id, epoch=hold.epoch, delta=0, next_expiry_ms=ms(next_expiry))

    # --- REWARD coupons (the coupons engine's PointsPayer) ----------------------------------

    async def pay(self, account_id: str, points: int, request_id: str, caller: Caller) -> HeldPayment:
        """Reserve the points price of a REWARD coupon in the account's wallet; the coupons engine
        commits the returned row with the coupon and confirms or releases both."""
        account = await account_of(self._deps, caller, AccountRef(account_id=account_id))
        rules = await load_rules(self._deps, caller.org_id, account.program_id)
        now = self._deps.clock.now()
        await self.expire_if_due(account.account_id, now)
        hold, _ = await self.reserve(account.account_id, request_key(caller, request_id), -points)
        program_id = rules.program.program_id
        row = transaction_row(
            points_transaction_id=str(uuid.uuid4()), org_id=caller.org_id, program_id=program_id,
            account_id=account.account_id, type=TransactionType.COUPON_PURCHASE, state=TransactionState.POSTED,
            debit_account=wallet_account(account.account_id), credit_account=redeemed_account(program_id),
            points=-points, create_time=now, request_id=request_id, client_id=caller.client_id, epoch=hold.epoch)
        return HeldPayment(row, debit_rejections(), confirm=lambda: self.confirm(hold),
                           release=lambda: self.release(hold))

    @staticmethod
    def hold_of(data: dict) -> WalletHold:
        """A wallet hold from its stored form (dataclasses.asdict of the hold)."""
        return WalletHold(**data)
