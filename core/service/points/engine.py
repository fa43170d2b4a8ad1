"""The points engine (LoyaltyService): one object the servicer and the checkout call, made of the
parts in this package, each with its own dependencies:

    wallets.py     Wallets: reserve -> settle in Redis, the sweep, lot expiry, REWARD coupon payments
    credits.py     Credits: credit transactions to wallets (rows and reservations)
    events.py      EventAwards: AllocateEvent, built-in events, referrals, caps
    earning.py     Earning: EarnPoints, EarnByCode, tiers, checkout earn quotes
    redemption.py  Redemption: RequestRedemptionOtp, RedeemPoints, checkout burns
    refunds.py     Refunds: RefundPoints
    history.py     History: GetBalance, ListTransactions, one transaction

Every movement follows DESIGN.md section 4 and 5, with the wallet's hash tag {a:<account>}:

    validate -> claim request_id -> resolve the account, load its program's rules (cached)
    -> wallet_reserve.lua: epoch, OTP, thresholds, balance; a debit leaves the balance now,
       a credit waits for its commit (one round trip)
    -> ledger writer: the transfer row and the stored reply in one group commit; the trigger
       applies it to the wallet row (whose CHECK is the floor) and to the lots (FIFO)
    -> wallet_settle.lua confirm (or release if the commit failed) -> reply

The wallets are built by the composition root and shared: the coupons engine pays REWARD coupons
through them (its PointsPayer), so this engine takes them by keyword (built from `deps` if not).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from core.adapters.otp import OtpSender
from core.adapters.redis.state import StateGuard
from core.adapters.redis.wallets import WalletHold
from core.domain import limits
from core.domain.accounts import Account
from core.domain.errors import DomainError
from core.domain.loyalty import CouponBonus, ProgramRules, Purchase
from core.service.accounts import AccountRef
from core.service.batch import each_item
from core.service.context import Caller, Deps
from core.service.coupons import Coupons
from core.service.events import EventAward
from core.service.idempotent import Prepared
from core.service.points.commands import (AllocateEvent, EarnByCode, EarnPoints, ListLuckyDrawEntries,
                                          ListTransactions, RedeemPoints, RefundPoints, RequestOtp)
from core.service.points.credits import Credits
from core.service.points.earning import Earning
from core.service.points.events import EventAwards
from core.service.points.history import History
from core.service.points.redemption import Redemption
from core.service.points.refunds import Refunds
from core.service.points.results import (Balance, LuckyDrawEntry, Movement, OtpTicket, PointsTransaction,
                                         TransactionDetails)
from core.service.points.wallets import Wallets


class Points:
    def __init__(self, deps: Deps, guard: StateGuard, sender: OtpSender, coupons: Coupons, *,
                 wallets: Wallets | None = None, otp_rate_max: int = limits.OTP_PER_ACCOUNT_MAX) -> None:
        self._deps = deps
        self._coupons = coupons
        self._sender = sender
        self.wallets = wallets or Wallets(deps, guard)
        credits = Credits(self.wallets)
        self._events = EventAwards(deps, self.wallets, credits)
        self._earning = Earning(deps, coupons, credits, self._events)
        self._redemption = Redemption(deps, self.wallets, sender, otp_rate_max=otp_rate_max)
        self._refunds = Refunds(deps, self.wallets, coupons)
        self._history = History(deps)

    # --- earning --------------------------------------------------------------------------

    async def earn(self, command: EarnPoints, caller: Caller) -> Movement:
        return await self._earning.earn(command, caller)

    async def earn_batch(self, commands: Sequence[EarnPoints], caller: Caller) -> list[Movement | DomainError]:
        """BatchEarnPoints: each command earned exactly as `earn` does (core/service/batch.py)."""
        return await each_item(commands, caller, lambda command: self._earning.earn(command, caller),
                               lambda command: command.store_id)

    async def earn_by_code(self, command: EarnByCode, caller: Caller) -> Movement:
        return await self._earning.earn_by_code(command, caller)

    async def evaluate_tiers(self, now: dt.datetime | None = None) -> int:
        return await self._earning.evaluate_tiers(now)

    async def allocate_event(self, command: AllocateEvent, caller: Caller) -> Movement:
        return await self._events.allocate_event(command, caller)

    async def built_in_event(self, caller: Caller, account_id: str, program_id: str, event: int, request_id: str,
                             lost: DomainError) -> EventAward | None:
        """The EventHook of the requests that trigger built-in events (core/service/events.py)."""
        return await self._events.built_in_event(caller, account_id, program_id, event, request_id, lost)

    # --- redemption, refunds, expiry --------------------------------------------------------

    async def request_otp(self, command: RequestOtp, caller: Caller) -> OtpTicket:
        return await self._redemption.request_otp(command, caller)

    async def redeem(self, command: RedeemPoints, caller: Caller) -> Movement:
        return await self._redemption.redeem(command, caller)

    async def refund(self, command: RefundPoints, caller: Caller) -> Movement:
        return await self._refunds.refund(command, caller)

    async def prepare_refund(self, command: RefundPoints, caller: Caller, original_id: str) -> Prepared[Movement]:
        return await self._refunds.prepare_refund(command, caller, original_id)

    async def expire_due(self, now: dt.datetime | None = None, *, account_id: str | None = None) -> int:
        return await self.wallets.expire_due(now, account_id=account_id)

    # --- reads ----------------------------------------------------------------------------

    async def balance(self, ref: AccountRef, expiry_window: dt.timedelta | None, caller: Caller) -> Balance:
        return await self._history.balance(ref, expiry_window, caller)

    async def transactions(self, query: ListTransactions, caller: Caller) -> tuple[list[PointsTransaction], str]:
        return await self._history.transactions(query, caller)

    async def transaction(self, points_transaction_id: str, caller: Caller) -> PointsTransaction:
        return await self._history.transaction(points_transaction_id, caller)

    async def transaction_details(self, points_transaction_id: str, caller: Caller) -> TransactionDetails:
        return await self._history.details(points_transaction_id, caller)

    async def lucky_draw_entries(self, query: ListLuckyDrawEntries,
                                 caller: Caller) -> tuple[list[LuckyDrawEntry], str]:
        return await self._history.lucky_draw_entries(query, caller)

    # --- baskets (CheckoutService): the same rules, held for longer ------------------------

    async def quote_purchase_earn(self, account: Account, rules: ProgramRules, purchase: Purchase,
                                  bonuses: Sequence[CouponBonus], points_transaction_id: str = "",
                                  transaction_id: str = "", lines: tuple[tuple[str, int, int], ...] = (),
                                  ) -> tuple[PointsTransaction, str | None]:
        return await self._earning.quote_purchase_earn(account, rules, purchase, bonuses, points_transaction_id,
                                                       transaction_id, lines)

    async def prepare_purchase_earn(self, caller: Caller, request_id: str, account: Account, rules: ProgramRules,
                                    transaction: PointsTransaction, tier_id: str | None) -> Prepared[Movement]:
        return await self._earning.prepare_purchase_earn(caller, request_id, rules, transaction, tier_id)

    async def hold_burn(self, account: Account, rules: ProgramRules, request_key: str, points: int, otp_id: str,
                        otp_code: str, deadline_ms: int) -> WalletHold:
        return await self._redemption.hold_burn(account, rules, request_key, points, otp_id, otp_code, deadline_ms)

    @staticmethod
    def hold_of(data: dict) -> WalletHold:
        """A wallet hold from its stored form (dataclasses.asdict of the hold)."""
        return Wallets.hold_of(data)
