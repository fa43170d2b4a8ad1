"""Points handlers: earn, earn by code, events and referrals, OTP-verified redemption, refunds,
expiry, balances and history, on the double-entry ledger of 0006_points_ledger.sql.

Every movement follows DESIGN.md section 4 and 5, with the wallet's hash tag {a:<account>}:

    validate -> claim request_id -> resolve the account, load its program's rules (cached)
    -> wallet_reserve.lua: epoch, OTP, thresholds, balance; a debit leaves the balance now,
       a credit waits for its commit (one round trip)
    -> ledger writer: the transfer row and the stored reply in one group commit; the trigger
       applies it to the wallet row (whose CHECK is the floor) and to the lots (FIFO)
    -> wallet_settle.lua confirm (or release if the commit failed) -> reply

A reservation is entered in a registry (a sorted set by deadline, sharded) before the script
runs, so that the recovery sweep finds reservations a crashed worker left behind: confirmed if
the ledger holds the request, released otherwise. A wallet is loaded into Redis lazily, under
the current epoch, from the wallet row the first time a movement needs it; a rebuild (new epoch)
makes every wallet reload. A refund's reservation also counts against its earn in the wallet
hash (refund_field: refunded so far, reserved + posted), so the script decides both at once.
"""

from __future__ import annotations

import asyncio
import base64
import dataclasses
import datetime as dt
import hashlib
import hmac
import json
import secrets
import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import asdict, dataclass

from psycopg.rows import dict_row
from psycopg.types.json import Jsonb

from core.adapters.otp import OtpMessage, OtpSender, otp_hmac_key
from core.adapters.postgres.ledger_writer import LedgerWrite, Row, WriteRejected
from core.adapters.redis.state import StateGuard
from core.domain import limits
from core.domain.accounts import Account, MembershipRole
from core.domain.errors import DomainError, ErrorReason, field_invalid, field_required, field_too_long
from core.domain.coupons import Money
from core.domain.loyalty import (CapPeriod, CouponBonus, EarnEvent, ProgramRules, Purchase, cap_period_bounds,
                                 compute_earn, earn_expire_time, points_expire_time, tier_for_spend)
from core.service.accounts import (REQUEST_FIELDS, AccountRef, parse_uuid, require_active, resolve_account,
                                   validate_request_id)
from core.service.context import Caller, Deps
from core.service.coupons import Coupons, HeldPayment
from core.service.earn_coupons import AppliedCoupon, EarnCoupons
from core.service.events import EventAward, joined
from core.service.idempotent import Prepared, execute_once, execute_retrying
from core.service.events_outbox import evented
from core.service.programs import load_rules


class TxType:
    EARN = 1
    EARN_BY_CODE = 2
    EVENT = 3
    REFERRAL = 4
    COUPON_EXTRA_POINTS = 5
    REDEEM = 6
    COUPON_PURCHASE = 7
    REFUND = 8
    EXPIRE = 9
    VOID = 10
    ADJUST = 11


POSTED = 2
BUILT_IN_EVENTS = frozenset({EarnEvent.ACCOUNT_CREATED, EarnEvent.FIRST_PURCHASE, EarnEvent.MARKETING_OPT_IN})
"""The events the server sees and pays by itself (built_in_event), once per account and rule."""
SYSTEM_CLIENT = "system"
REGISTRY_BUCKETS = 16

_TX_COLUMNS = ("points_transaction_id", "org_id", "program_id", "account_id", "type", "state", "debit_account",
               "credit_account", "amount", "points", "regular_points", "bonus_points", "reward_points", "store_id",
               "transaction_id", "bill_minor", "currency_code", "refunded_transaction_id", "lot_id", "overdraft",
               "note", "expire_time", "create_time", "request_id", "client_id", "epoch", "tier_id", "earn_rule_id", "lines", "operator")
_AWARD_COLUMNS = ("org_id", "program_id", "award_key", "points_transaction_id")
_REFERRAL_COLUMNS = ("org_id", "program_id", "referee_account_id", "referrer_account_id", "points_transaction_id",
                     "create_time")


# --- results --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PointsTransaction:
    points_transaction_id: str
    account_id: str
    type: int
    points: int
    create_time: dt.datetime
    regular_points: int = 0
    bonus_points: int = 0
    reward_points: int = 0
    store_id: str = ""
    transaction_id: str = ""
    bill_minor: int | None = None
    currency_code: str = ""
    refunded_transaction_id: str = ""
    refunded_points: int = 0
    note: str = ""
    expire_time: dt.datetime | None = None
    state: int = POSTED
    lines: tuple[tuple[str, int, int], ...] = ()
    """EARN: the purchase's lines, (sku, quantity, amount in minor units)."""
    client_id: str = ""
    """The API client that posted it (shown as ADJUST's `adjusted`)."""
    operator: str = ""
    """VOID, ADJUST: the operator named in the request."""
    voided_id: str = ""
    """EARN, REDEEM: the VOID transaction that cancelled it, if any (with its client, operator
    and time below)."""
    voided_client_id: str = ""
    voided_operator: str = ""
    voided_time: dt.datetime | None = None

    def to_json(self) -> dict:
        data = asdict(self)
        data["create_time"] = self.create_time.isoformat()
        data["expire_time"] = self.expire_time.isoformat() if self.expire_time else None
        data["voided_time"] = self.voided_time.isoformat() if self.voided_time else None
        return data

    @classmethod
    def from_json(cls, data: dict) -> PointsTransaction:
        return cls(**{**data, "create_time": dt.datetime.fromisoformat(data["create_time"]),
                      "expire_time": dt.datetime.fromisoformat(data["expire_time"]) if data["expire_time"] else None,
                      "voided_time": (dt.datetime.fromisoformat(data["voided_time"]) if data.get("voided_time")
                                      else None),
                      "lines": tuple(tuple(line) for line in data.get("lines", ()))})


@dataclass(frozen=True, slots=True)
class Movement:
    """The transactions a command posted, and the account's available balance right after it
    (as the atomic reservation saw it)."""

    transactions: tuple[PointsTransaction, ...]
    available_points: int
    coupons: tuple[AppliedCoupon, ...] = ()
    """EARN: the EXTRAPOINT and MULTIPLIER coupons applied, listed ones first."""

    def to_json(self) -> dict:
        return {"transactions": [t.to_json() for t in self.transactions], "available_points": self.available_points,
                "coupons": [asdict(c) for c in self.coupons]}

    @classmethod
    def from_json(cls, data: dict) -> Movement:
        return cls(tuple(PointsTransaction.from_json(t) for t in data["transactions"]), data["available_points"],
                   tuple(AppliedCoupon(**c) for c in data.get("coupons", ())))


@dataclass(frozen=True, slots=True)
class OtpTicket:
    otp_id: str
    expire_time: dt.datetime

    def to_json(self) -> dict:
        return {"otp_id": self.otp_id, "expire_time": self.expire_time.isoformat()}

    @classmethod
    def from_json(cls, data: dict) -> OtpTicket:
        return cls(data["otp_id"], dt.datetime.fromisoformat(data["expire_time"]))


@dataclass(frozen=True, slots=True)
class Balance:
    account_id: str
    posted_points: int
    pending_points: int
    available_points: int
    expiring_points: int
    next_expire_time: dt.datetime | None
    balance_time: dt.datetime
    tier_id: str


# --- commands -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EarnPoints:
    request_id: str
    account: AccountRef
    store_id: str
    transaction_id: str
    bill_minor: int
    currency_code: str
    coupon_codes: tuple[str, ...] = ()
    payment_card_type: str = ""
    lines: tuple[tuple[str, int, int, str], ...] = ()
    """(sku, quantity, amount in minor units, its currency)."""


@dataclass(frozen=True, slots=True)
class EarnByCode:
    request_id: str
    account: AccountRef
    code: str


@dataclass(frozen=True, slots=True)
class AllocateEvent:
    request_id: str
    account: AccountRef
    event: int
    custom_event: str = ""
    referrer_account_id: str = ""


@dataclass(frozen=True, slots=True)
class RequestOtp:
    request_id: str
    account: AccountRef
    points: int
    user_id: str = ""


@dataclass(frozen=True, slots=True)
class RedeemPoints:
    request_id: str
    account: AccountRef
    points: int
    otp_id: str
    otp_code: str
    store_id: str = ""
    transaction_id: str = ""


@dataclass(frozen=True, slots=True)
class RefundPoints:
    request_id: str
    points_transaction_id: str
    points: int = 0
    note: str = ""


@dataclass(frozen=True, slots=True)
class ListTransactions:
    account: AccountRef
    types: tuple[int, ...] = ()
    start_time: dt.datetime | None = None
    end_time: dt.datetime | None = None
    page_size: int = 0
    page_token: str = ""


# --- the wallet in Redis --------------------------------------------------------------------


def _tag(account_id: str) -> str:
    return f"rewards:{{a:{account_id}}}"


def wallet_keys(account_id: str, epoch: int | str) -> list[str]:
    """The wallet hash and its reservations under `epoch` (one hash tag per account)."""
    tag = _tag(account_id)
    return [f"{tag}:w", f"{tag}:res:{epoch}"]


def otp_key(account_id: str, otp_id: str) -> str:
    return f"{_tag(account_id)}:otp:{otp_id}"


def refund_field(earn_id: str) -> str:
    """The wallet hash's field of an earn's refunded points, reserved + posted."""
    return f"rf:{earn_id}"


def registry_key(account_id: str) -> str:
    return f"rewards:{{wr:{int(account_id[:8], 16) % REGISTRY_BUCKETS}}}:pending"


def wallet_account(account_id: str) -> str:
    return f"wallet:{account_id}"


@dataclass(slots=True)
class _Hold:
    """One reservation of wallet_reserve, to settle after (or instead of) the commit."""

    account_id: str
    epoch: int
    request_key: str
    delta: int
    otp: str | None = None
    expire_ms: str = ""
    refund: str = ""
    """A refund: its earn's refunded-so-far field in the wallet hash (refund_field)."""

    @property
    def member(self) -> str:
        return f"{self.account_id}|{self.epoch}|{self.request_key}"


_RESERVE_REFUSALS = {
    3: lambda d: DomainError(ErrorReason.INSUFFICIENT_POINTS, metadata={"available_points": d}),
    4: lambda d: DomainError(ErrorReason.REDEEM_AMOUNT_TOO_LOW, metadata={"min_redeem_points": d}),
    5: lambda d: DomainError(ErrorReason.REDEMPTION_THRESHOLD_NOT_MET, metadata={"min_redemption_balance_points": d}),
    6: lambda d: DomainError(ErrorReason.REDEMPTION_THRESHOLD_NOT_MET, metadata={"min_remaining_balance_points": d}),
    7: lambda d: DomainError(ErrorReason.OTP_NOT_FOUND),
    8: lambda d: DomainError(ErrorReason.OTP_ALREADY_USED),
    9: lambda d: DomainError(ErrorReason.OTP_LOCKED),
    10: lambda d: (DomainError(ErrorReason.OTP_INVALID, metadata={"tries_left": d}) if d > 0
                   else DomainError(ErrorReason.OTP_LOCKED)),
    11: lambda d: DomainError(ErrorReason.REFUND_EXCEEDS_TRANSACTION, metadata={"refundable_points": d}),
}


class Wallets:
    """The Redis side of member wallets: lazy load, reserve, settle, sweep."""

    def __init__(self, deps: Deps, guard: StateGuard) -> None:
        self._deps = deps
        self._guard = guard

    async def load(self, account_id: str, epoch: int) -> None:
        async with self._deps.pool.connection() as connection:
            cursor = await connection.execute(
                "SELECT coalesce((SELECT posted - pending FROM points_wallets WHERE account_id = %(a)s), 0),"
                " (SELECT min(expire_time) FROM points_lots WHERE account_id = %(a)s AND remaining > 0)",
                {"a": account_id})
            available, next_expiry = await cursor.fetchone()
        await self._deps.scripts.run("wallet_load", wallet_keys(account_id, epoch),
                                     [epoch, available, _ms(next_expiry)])

    async def reserve(self, account_id: str, request_key: str, delta: int, *, before: int = 0, after: int = 0,
                      min_amount: int = 0, overdraft: bool = False, otp: tuple[str, str] | None = None,
                      expire_time: dt.datetime | None = None,
                      refund: tuple[str, int, int] | None = None,
                      deadline_ms: int | None = None) -> tuple[_Hold, int]:
        """Run wallet_reserve; returns the hold and the available balance after it. `refund`: the
        refunded earn's (id, points, refunded points per the ledger), checked in the same script.
        `deadline_ms`: the reservation's deadline (default: now + POINTS_RESERVATION_TTL_MS)."""
        now_ms = _ms(self._deps.clock.now())
        deadline_ms = deadline_ms or now_ms + limits.POINTS_RESERVATION_TTL_MS
        for _ in range(2):  # Once more after loading the wallet.
            epoch = self._guard.require_ready()
            hold = _Hold(account_id, epoch, request_key, delta, otp_key(account_id, otp[0]) if otp else None,
                         _ms(expire_time), refund_field(refund[0]) if refund else "")
            keys = wallet_keys(account_id, epoch)
            args: list[object] = [epoch, request_key, delta, deadline_ms, before,
                                  after, min_amount, int(overdraft), hold.refund, *(refund[1:] if refund else (0, 0))]
            if otp is not None:
                keys.append(hold.otp)
                args += [otp[1], now_ms, limits.OTP_TRIES_MAX]
            # The registry entry goes first: a reservation is never without one. NX: a retry of a
            # request whose reservation is still held (its worker may have died) must neither push
            # that entry's deadline back nor remove it, or the sweep would never settle it.
            added = await self._deps.redis.zadd(registry_key(account_id),
                                                {hold.member: deadline_ms}, nx=True)
            reply = await self._deps.scripts.run("wallet_reserve", keys, args)
            code = int(reply[0])
            if code == 0:
                return hold, int(reply[1])
            if code == 2:  # This request holds a reservation already: its entry stays.
                raise DomainError(ErrorReason.REQUEST_IN_FLIGHT)
            if added:
                await self._deps.redis.zrem(registry_key(account_id), hold.member)
            if code != 1:
                raise _RESERVE_REFUSALS[code](int(reply[1]) if len(reply) > 1 else 0)
            await self._guard.ensure()
            await self.load(account_id, self._guard.require_ready())
        raise DomainError(ErrorReason.STATE_REBUILDING)

    async def confirm(self, hold: _Hold) -> None:
        settled = await self._deps.scripts.run("wallet_settle", wallet_keys(hold.account_id, hold.epoch),
                                               [hold.epoch, hold.request_key, "confirm", hold.expire_ms])
        if settled == 0:
            # The sweep released it before this late commit landed: the ledger holds it, so
            # the balance must too.
            await self._deps.scripts.run("wallet_apply", wallet_keys(hold.account_id, hold.epoch)[:1],
                                         [hold.epoch, hold.delta, "keep", hold.refund])
        await self._deps.redis.zrem(registry_key(hold.account_id), hold.member)

    async def release(self, hold: _Hold) -> None:
        keys = wallet_keys(hold.account_id, hold.epoch) + ([hold.otp] if hold.otp else [])
        await self._deps.scripts.run("wallet_settle", keys, [hold.epoch, hold.request_key, "release", ""])
        await self._deps.redis.zrem(registry_key(hold.account_id), hold.member)

    async def available(self, account_id: str) -> tuple[int, int | None]:
        """(available balance, next expiry ms) of the loaded wallet, loading it if needed."""
        for _ in range(2):
            epoch = self._guard.require_ready()
            state = await self._deps.redis.hmget(wallet_keys(account_id, epoch)[0], "epoch", "bal", "nexp")
            if state[0] is not None and int(state[0]) == epoch:
                return int(state[1]), int(state[2]) if state[2] else None
            await self.load(account_id, epoch)
        raise DomainError(ErrorReason.STATE_REBUILDING)

    async def sweep(self) -> tuple[int, int]:
        """Settle reservations past their deadline: (confirmed, released)."""
        confirmed = released = 0
        now_ms = _ms(self._deps.clock.now())
        for bucket in range(REGISTRY_BUCKETS):
            key = f"rewards:{{wr:{bucket}}}:pending"
            for member in await self._deps.redis.zrangebyscore(key, "-inf", now_ms, start=0, num=500):
                account_id, epoch, request_key = member.decode().split("|", 2)
                client_id, _, request_id = request_key.partition(":")
                # Fence first: afterwards no write of this request can commit (one still committing
                # is waited for), so the ledger's answer is final.
                await self._deps.idempotency.fence_request(request_key, now_ms)
                async with self._deps.pool.connection() as connection:
                    cursor = await connection.execute(
                        "SELECT 1 FROM points_transactions WHERE client_id = %s AND request_id = %s"
                        " AND account_id = %s", (client_id, request_id, account_id))
                    committed = await cursor.fetchone() is not None
                keys = wallet_keys(account_id, epoch)
                if committed:
                    confirmed += await self._deps.scripts.run("wallet_settle", keys,
                                                              [epoch, request_key, "confirm", ""]) == 1
                else:
                    held = await self._deps.redis.hget(keys[1], request_key)
                    otp = held.decode().split("|")[2] if held else ""
                    released += await self._deps.scripts.run(
                        "wallet_settle", keys + ([otp] if otp else []), [epoch, request_key, "release", ""]) == 1
                await self._deps.redis.zrem(key, member)
        return confirmed, released


# --- the engine -----------------------------------------------------------------------------


class Points:
    def __init__(self, deps: Deps, guard: StateGuard, sender: OtpSender, coupons: Coupons, *,
                 otp_rate_max: int = limits.OTP_PER_ACCOUNT_MAX) -> None:
        self._deps = deps
        self._coupons = coupons
        coupons.wallet = self  # REWARD coupons are paid from the wallet (pay below).
        self._otp_rate_max = otp_rate_max
        self._guard = guard
        self.wallets = Wallets(deps, guard)
        self._earn_coupons = EarnCoupons(deps, coupons)
        self._sender = sender
        self._otp_secret: bytes | None = None

    async def _account(self, caller: Caller, ref: AccountRef, *, active: bool = True) -> Account:
        account = await resolve_account(self._deps, caller.org_id, ref, fields=REQUEST_FIELDS)
        if active:
            require_active(account)
        return account

    # --- earning ------------------------------------------------------------------------

    async def earn(self, command: EarnPoints, caller: Caller) -> Movement:
        validate_request_id(command.request_id)
        _text(command.store_id, "store_id", limits.STORE_ID_LENGTH_MAX)
        _text(command.transaction_id, "transaction_id", limits.TRANSACTION_ID_LENGTH_MAX)
        if command.bill_minor < 0:
            raise DomainError(ErrorReason.FIELD_OUT_OF_RANGE, metadata={"field": "bill_amount.amount_minor"})
        if len(command.coupon_codes) > limits.EARN_COUPONS_MAX:
            raise field_too_long("coupon_codes", limits.EARN_COUPONS_MAX)
        for n, code in enumerate(command.coupon_codes):
            _text(code, f"coupon_codes[{n}]", limits.COUPON_CODE_LENGTH_MAX)
        if len(set(command.coupon_codes)) != len(command.coupon_codes):
            raise field_invalid("coupon_codes", "each code once")
        if len(command.payment_card_type) > 64:
            raise field_too_long("payment_card_type", 64)
        _validate_lines(command)
        account = await self._account(caller, command.account)
        rules = await load_rules(self._deps, caller.org_id, account.program_id)
        if command.currency_code != rules.program.currency_code:
            raise DomainError(ErrorReason.CURRENCY_MISMATCH, metadata={
                "field": "bill_amount.currency_code", "program_currency_code": rules.program.currency_code})

        async def prepare() -> Prepared[Movement]:
            now = self._deps.clock.now()
            tier, new_tier_id = await self._tiers(account, rules, now, command.bill_minor)
            transaction_id = str(uuid.uuid4())
            # EXTRAPOINT and MULTIPLIER coupons: reserved like redemptions (their offers' hash
            # tags), committed with the earn, confirmed or released with it.
            bill = Money(command.bill_minor, command.currency_code)
            held = await self._coupons.earn_coupons(
                command.coupon_codes, account.account_id, command.store_id, bill, command.request_id, caller,
                transaction_id)
            try:
                # Then the account's held ones apply by themselves (core/service/earn_coupons.py).
                automatic = await self._earn_coupons.apply(caller, account.program_id, account.account_id,
                                                           command.store_id, bill, command.request_id,
                                                           transaction_id, held)
            except BaseException:
                await asyncio.gather(*(h.release() for h in held))
                raise
            applied = tuple([AppliedCoupon.of(h, False) for h in held] + [AppliedCoupon.of(h, True) for h in automatic])
            held = held + automatic
            try:
                bonuses = [CouponBonus(h.offer.offer_id, h.row.values[3], h.offer.extra_points,
                                       h.offer.points_multiplier_bps) for h in held]
                purchase = Purchase(command.bill_minor, command.currency_code, command.store_id,
                                    command.payment_card_type, now)
                breakdown = compute_earn(rules, purchase, tier, bonuses)
                transaction = PointsTransaction(
                    transaction_id, account.account_id, TxType.EARN, breakdown.total, now, breakdown.regular,
                    breakdown.bonus, breakdown.reward, command.store_id, command.transaction_id, command.bill_minor,
                    command.currency_code, expire_time=earn_expire_time(rules.program, tier, now),
                    lines=tuple((sku, quantity, amount) for sku, quantity, amount, _ in command.lines))
                prepared = await self._credit(caller, command.request_id, account, rules, transaction,
                                              tier_id=new_tier_id,
                                              rejections={"points_transactions_purchase_unique": DomainError(
                                                  ErrorReason.PURCHASE_ALREADY_EARNED,
                                                  metadata={"transaction_id": command.transaction_id})})
            except BaseException:
                await asyncio.gather(*(h.release() for h in held))
                raise
            if first_purchase:
                # The account's first purchase pays the FIRST_PURCHASE rules in the same commit.
                try:
                    award = await self.built_in_event(caller, account.account_id, account.program_id,
                                                      EarnEvent.FIRST_PURCHASE, command.request_id,
                                                      DomainError(ErrorReason.EVENT_AWARDED_CONCURRENTLY))
                except BaseException:
                    await asyncio.gather(*(h.release() for h in held))
                    if prepared.on_abort is not None:
                        await prepared.on_abort()
                    raise
                if award is not None:
                    movement = Movement(prepared.result.transactions + award.transactions,
                                        prepared.result.available_points + award.points)
                    prepared = joined(Prepared(movement, prepared.rows, prepared.rejections,
                                               prepared.on_commit, prepared.on_abort), award)
            if not held:
                return prepared
            prepared = Prepared(dataclasses.replace(prepared.result, coupons=applied), prepared.rows,
                                prepared.rejections, prepared.on_commit, prepared.on_abort)
            rejections = {**prepared.rejections}
            for h in held:
                rejections.update(h.rejections)
            return Prepared(prepared.result, tuple(h.row for h in held) + prepared.rows, rejections,
                            on_commit=_all([prepared.on_commit, *(h.confirm for h in held)]),
                            on_abort=_all([prepared.on_abort, *(h.release for h in held)]))

        first_purchase = bool(rules.event_rules(EarnEvent.FIRST_PURCHASE))
        prepare = evented(prepare, self._deps.clock, caller.org_id, "points.earned", "account", _movement_account)
        return await execute_retrying(self._deps, caller, "EarnPoints", command, prepare, Movement.from_json,
                                      ErrorReason.EVENT_AWARDED_CONCURRENTLY)

    async def _tiers(self, account: Account, rules: ProgramRules, now: dt.datetime, bill_minor: int):
        """(the tier this purchase earns in, the tier to store if the purchase changes it).

        The tier the account's spend over the evaluation window reached before this purchase
        applies to it; the purchase's own spend may then move the account up, for the next one.
        At an earn tiers only move up; `evaluate_tiers` may move them down."""
        if not rules.tiers:
            return None, None
        async with self._deps.pool.connection() as connection:
            current_id, spend = await _tier_and_spend(connection, account.account_id, rules, now)
        current = next((t for t in rules.tiers if t.tier_id == current_id), None)
        earning = tier_for_spend(rules.tiers, spend, current, evaluation=False)
        after = tier_for_spend(rules.tiers, spend + bill_minor, earning, evaluation=False)
        return earning, (after.tier_id if after is not None and after != current else None)

    async def evaluate_tiers(self, now: dt.datetime | None = None) -> int:
        """Move accounts whose spend over their tier's window fell below its min_spend down (and
        any that reached a higher tier up). Returns the number of accounts moved."""
        now = now or self._deps.clock.now()
        moved = 0
        async with self._deps.pool.connection() as connection:
            cursor = await connection.execute(
                "SELECT account_id::text, org_id, program_id, tier_id::text FROM points_wallets WHERE tier_id IS NOT NULL")
            for account_id, org_id, program_id, tier_id in await cursor.fetchall():
                rules = await load_rules(self._deps, org_id, program_id)
                current = next((t for t in rules.tiers if t.tier_id == tier_id), None)
                _, spend = await _tier_and_spend(connection, account_id, rules, now)
                tier = tier_for_spend(rules.tiers, spend, current, evaluation=True)
                if tier != current:
                    await connection.execute("UPDATE points_wallets SET tier_id = %s WHERE account_id = %s",
                                             (tier.tier_id if tier else None, account_id))
                    moved += 1
        return moved

    async def earn_by_code(self, command: EarnByCode, caller: Caller) -> Movement:
        validate_request_id(command.request_id)
        _text(command.code, "code", limits.EARN_CODE_LENGTH_MAX, required=True)
        code = command.code.strip().upper()
        account = await self._account(caller, command.account)
        rules = await load_rules(self._deps, caller.org_id, account.program_id)

        async def prepare() -> Prepared[Movement]:
            now = self._deps.clock.now()
            misses = f"{_tag(account.account_id)}:code-misses"
            if int(await self._deps.redis.get(misses) or 0) >= limits.EARN_CODE_MISSES_MAX:
                ttl = max(await self._deps.redis.ttl(misses), 1)
                raise DomainError(ErrorReason.EARN_CODE_ATTEMPTS_EXCEEDED, retry_after_ms=ttl * 1000,
                                  metadata={"retry_time": (now + dt.timedelta(seconds=ttl)).isoformat()})
            async with self._deps.pool.connection() as connection:
                cursor = await connection.execute(
                    "SELECT points, expire_time FROM earn_codes WHERE org_id = %s AND program_id = %s AND code = %s",
                    (caller.org_id, account.program_id, code))
                found = await cursor.fetchone()
            if found is None:
                async with self._deps.redis.pipeline(transaction=True) as pipe:
                    await pipe.set(misses, 0, ex=limits.EARN_CODE_MISS_WINDOW_SECONDS, nx=True).incr(misses).execute()
                raise DomainError(ErrorReason.EARN_CODE_NOT_FOUND, metadata={"code": code})
            points, expire_time = found
            if expire_time is not None and now >= expire_time:
                raise DomainError(ErrorReason.EARN_CODE_EXPIRED, metadata={"expire_time": expire_time.isoformat()})
            transaction = PointsTransaction(str(uuid.uuid4()), account.account_id, TxType.EARN_BY_CODE, int(points),
                                            now, regular_points=int(points), note=code,
                                            expire_time=points_expire_time(rules.program, now))
            return await self._credit(caller, command.request_id, account, rules, transaction,
                                      awards=(f"code:{code}",),
                                      rejections={"points_awards_unique": DomainError(
                                          ErrorReason.EARN_CODE_ALREADY_USED, metadata={"code": code})})

        prepare = evented(prepare, self._deps.clock, caller.org_id, "points.earned", "account", _movement_account)
        return await execute_once(self._deps, caller, "EarnByCode", command, prepare, Movement.from_json)

    async def allocate_event(self, command: AllocateEvent, caller: Caller) -> Movement:
        validate_request_id(command.request_id)
        account = await self._account(caller, command.account)
        rules = await load_rules(self._deps, caller.org_id, account.program_id)
        if command.referrer_account_id:
            referrer = await self._account(caller, AccountRef(account_id=command.referrer_account_id),
                                           active=True)
            if referrer.account_id == account.account_id:
                raise field_invalid("referrer_account_id", "another account than account_id")
            if referrer.program_id != account.program_id:
                raise DomainError(ErrorReason.ACCOUNT_PROGRAM_MISMATCH, metadata={"field": "referrer_account_id"})
            referral = rules.referral()
            if referral is None:
                raise DomainError(ErrorReason.EVENT_NOT_CONFIGURED, metadata={"event": "REFERRAL"})
            _, referrer_points, referred_points = referral
            credits = [(referrer, referrer_points, None), (account, referred_points, None)]
            awards = (f"referral:{referrer.account_id}:{account.account_id}",)
            tx_type, note = TxType.REFERRAL, "referral"
            referral_pair = (referrer.account_id, account.account_id)
        else:
            if not command.event:
                raise field_required("event")
            try:
                event = EarnEvent(command.event)
            except ValueError:
                raise field_invalid("event", "a known EarnEvent") from None
            if event == EarnEvent.CUSTOM and not command.custom_event:
                raise field_required("custom_event")
            matching = rules.event_rules(event, command.custom_event)
            if not matching:
                raise DomainError(ErrorReason.EVENT_NOT_CONFIGURED,
                                  metadata={"event": command.custom_event or event.name})
            # One transaction per rule: each rule's cap counts its own points.
            credits = [(account, config.points, (rule, config)) for rule, config in matching]
            # A built-in event happens once to an account: it also fires by itself
            # (built_in_event), under the same award key, so neither pays after the other.
            awards = tuple(_event_award_key(rule.earn_rule_id, account.account_id)
                           for rule, config in matching if config.once_per_account or event in BUILT_IN_EVENTS)
            tx_type, note = TxType.EVENT, command.custom_event or event.name
            referral_pair = None

        async def prepare() -> Prepared[Movement]:
            now = self._deps.clock.now()
            if referral_pair is not None:
                await self._check_referral(caller.org_id, account.program_id, *referral_pair)
            entries, caps = [], []
            try:
                for n, (who, points, rule) in enumerate(credits):
                    request_id = command.request_id if n == 0 else f"{command.request_id}#{n}"
                    if rule is not None and rule[1].max_points_per_period:
                        granted, give_back = await self._take_cap(who.account_id, rule[0].earn_rule_id, rule[1],
                                                                  rules.program.time_zone, points, now)
                        caps.append(give_back)
                        points = granted
                    if points > 0:
                        entries.append((PointsTransaction(str(uuid.uuid4()), who.account_id, tx_type, points, now,
                                                          bonus_points=points, note=note,
                                                          expire_time=points_expire_time(rules.program, now)),
                                        request_id, rule[0].earn_rule_id if rule else None))
                if not entries:
                    raise DomainError(ErrorReason.EVENT_CAP_REACHED if caps else ErrorReason.EVENT_NOT_CONFIGURED,
                                      metadata={"event": note})
                prepared = await self._credits(caller, command.request_id, rules, entries, awards,
                                               {"points_awards_unique": DomainError(
                                                   ErrorReason.EVENT_ALREADY_AWARDED, metadata={"event": note})})
            except BaseException:
                await asyncio.gather(*(give_back() for give_back in caps))
                raise
            rows, rejections = prepared.rows, prepared.rejections
            if referral_pair is not None:
                # After the award row: a concurrent attempt of the same pair fails on that first
                # (EVENT_ALREADY_AWARDED), another referrer on the referee, the reverse on the pair.
                referrer_id, referee_id = referral_pair
                rows += (Row("points_referrals", _REFERRAL_COLUMNS, (
                    caller.org_id, account.program_id, referee_id, referrer_id,
                    prepared.result.transactions[0].points_transaction_id, now)),)
                rejections = {**rejections, "points_referrals_referee_unique": DomainError(
                    ErrorReason.REFERRAL_ALREADY_REFERRED, metadata={"account_id": referee_id}),
                    "points_referrals_pair_unique": DomainError(ErrorReason.REFERRAL_REVERSE_PAIR, metadata={
                        "account_id": referee_id, "referrer_account_id": referrer_id})}
            return Prepared(prepared.result, rows, rejections, on_commit=prepared.on_commit,
                            on_abort=_all([prepared.on_abort, *caps]))

        prepare = evented(prepare, self._deps.clock, caller.org_id, "points.earned", "account", _movement_account)
        return await execute_once(self._deps, caller, "AllocateEvent", command, prepare, Movement.from_json)

    async def built_in_event(self, caller: Caller, account_id: str, program_id: str, event: int, request_id: str,
                             lost: DomainError) -> EventAward | None:
        """The award of a built-in event that just happened to the account, to commit with the
        request that triggered it (core/service/events.py); None if the program pays nothing
        for it: no rule for the event, each rule paid to the account before, or (FIRST_PURCHASE)
        the account earned on a purchase before. Costs nothing beyond the cached rules when the
        program has no rule for the event."""
        try:
            rules = await load_rules(self._deps, caller.org_id, program_id)
        except DomainError as error:
            if error.reason is ErrorReason.PROGRAM_NOT_FOUND:
                return None
            raise
        event = EarnEvent(event)
        matching = rules.event_rules(event)
        if not matching:
            return None
        keys = [_event_award_key(rule.earn_rule_id, account_id) for rule, _ in matching]
        async with self._deps.pool.connection() as connection:
            cursor = await connection.execute(
                "SELECT array(SELECT award_key FROM points_awards WHERE org_id = %(org)s AND program_id = %(program)s"
                "  AND award_key = ANY(%(keys)s)),"
                " %(first)s AND EXISTS (SELECT 1 FROM points_transactions WHERE account_id = %(a)s AND type = 1)",
                {"org": caller.org_id, "program": program_id, "keys": keys, "a": account_id,
                 "first": event is EarnEvent.FIRST_PURCHASE})
            awarded, purchased_before = await cursor.fetchone()
        if purchased_before:
            return None
        pending = [(rule, config, key) for (rule, config), key in zip(matching, keys) if key not in set(awarded)]
        if not pending:
            return None
        now = self._deps.clock.now()
        entries, caps = [], []
        try:
            for rule, config, _ in pending:
                points = config.points
                if config.max_points_per_period:
                    points, give_back = await self._take_cap(account_id, rule.earn_rule_id, config,
                                                             rules.program.time_zone, points, now)
                    caps.append(give_back)
                if points > 0:
                    entries.append((PointsTransaction(str(uuid.uuid4()), account_id, TxType.EVENT, points, now,
                                                      bonus_points=points, note=event.name,
                                                      expire_time=points_expire_time(rules.program, now)),
                                    f"{request_id}#event:{rule.earn_rule_id}", rule.earn_rule_id))
            if not entries:
                await asyncio.gather(*(give_back() for give_back in caps))
                return None
            # Each paid rule's award row names its own transaction.
            prepared = await self._credits(caller, request_id, rules, entries, (), {})
        except BaseException:
            await asyncio.gather(*(give_back() for give_back in caps))
            raise
        awards = tuple(Row("points_awards", _AWARD_COLUMNS, (caller.org_id, program_id,
                                                             _event_award_key(rule_id, account_id),
                                                             transaction.points_transaction_id))
                       for transaction, _, rule_id in entries)
        transactions = tuple(entry[0] for entry in entries)
        return EventAward(prepared.rows + awards, {**prepared.rejections, "points_awards_unique": lost},
                          on_commit=prepared.on_commit, on_abort=_all([prepared.on_abort, *caps]),
                          transactions=transactions, points=sum(t.points for t in transactions))

    async def _check_referral(self, org_id: str, program_id: str, referrer_id: str, referee_id: str) -> None:
        """An account is referred once, and a pair refers one way only (the same pair again is
        EVENT_ALREADY_AWARDED, as before). points_referrals' constraints decide a race."""
        async with self._deps.pool.connection() as connection:
            cursor = await connection.execute(
                "SELECT referee_account_id::text, referrer_account_id::text FROM points_referrals"
                " WHERE org_id = %(org)s AND program_id = %(program)s AND (referee_account_id = %(referee)s"
                "  OR (referee_account_id = %(referrer)s AND referrer_account_id = %(referee)s))",
                {"org": org_id, "program": program_id, "referee": referee_id, "referrer": referrer_id})
            found = await cursor.fetchall()
        for referee, referrer in found:
            if referee == referee_id and referrer == referrer_id:
                raise DomainError(ErrorReason.EVENT_ALREADY_AWARDED, metadata={"event": "referral"})
        for referee, referrer in found:
            if referee == referee_id:
                raise DomainError(ErrorReason.REFERRAL_ALREADY_REFERRED, metadata={
                    "account_id": referee_id, "referrer_account_id": referrer})
            raise DomainError(ErrorReason.REFERRAL_REVERSE_PAIR, metadata={
                "account_id": referee_id, "referrer_account_id": referrer_id})

    async def _take_cap(self, account_id: str, rule_id: str, config, time_zone: str, points: int,
                        now: dt.datetime) -> tuple[int, Callable[[], Awaitable[None]]]:
        """Take up to `points` of what is left of a rule's cap this period (wallet_cap.lua);
        returns the points granted and the means to give them back if the award fails."""
        start, end = cap_period_bounds(CapPeriod(config.cap_period), time_zone, now)
        epoch = self._guard.require_ready()
        key = f"{_tag(account_id)}:cap:{rule_id}:{_ms(start)}:{epoch}"
        async with self._deps.pool.connection() as connection:
            cursor = await connection.execute(
                "SELECT coalesce(sum(points), 0)::bigint FROM points_transactions WHERE account_id = %s"
                " AND earn_rule_id = %s AND create_time >= %s AND create_time < %s AND state = 2",
                (account_id, rule_id, start, end))
            (used,) = await cursor.fetchone()
        life_ms = max(int((end - now).total_seconds() * 1000), 1)
        granted = int(await self._deps.scripts.run("wallet_cap", [key], [used, config.max_points_per_period,
                                                                        points, life_ms]))

        async def give_back() -> None:
            if granted:
                await self._deps.scripts.run("wallet_cap", [key], [0, 0, -granted, life_ms])

        return granted, give_back

    async def _credit(self, caller: Caller, request_id: str, account: Account, rules: ProgramRules,
                      transaction: PointsTransaction, *, tier_id: str | None = None, awards: tuple[str, ...] = (),
                      rejections: dict | None = None) -> Prepared[Movement]:
        return await self._credits(caller, request_id, rules, [(transaction, request_id, None)], awards,
                                   rejections or {}, tier_id=tier_id)

    async def _credits(self, caller: Caller, request_id: str, rules: ProgramRules,
                       entries: Sequence[tuple[PointsTransaction, str, str | None]], awards: tuple[str, ...],
                       rejections: dict, tier_id: str | None = None) -> Prepared[Movement]:
        """Credit each (transaction, its request id, the earn rule behind it) and return what
        commits them: the rows, the stored reply, the wallet reservations to settle."""
        holds: list[_Hold] = []
        rows: list[Row] = []
        available = 0
        transactions = [entry[0] for entry in entries]
        try:
            for transaction, entry_request_id, rule_id in entries:
                request_key = f"{caller.client_id}:{entry_request_id}"
                if transaction.points > 0:
                    hold, before = await self.wallets.reserve(transaction.account_id, request_key, transaction.points,
                                                              expire_time=transaction.expire_time)
                    holds.append(hold)
                    epoch = hold.epoch
                    available = before + transaction.points
                else:
                    epoch = self._guard.require_ready()
                    available = (await self.wallets.available(transaction.account_id))[0]
                rows.append(_transaction_row(caller, entry_request_id, rules.program.program_id, transaction, epoch,
                                             debit=f"issuance:{rules.program.program_id}",
                                             credit=wallet_account(transaction.account_id), tier_id=tier_id,
                                             earn_rule_id=rule_id))
        except BaseException:
            await asyncio.gather(*(self.wallets.release(h) for h in holds))
            raise
        rows += [Row("points_awards", _AWARD_COLUMNS, (caller.org_id, rules.program.program_id, key,
                                                       transactions[0].points_transaction_id)) for key in awards]
        return Prepared(Movement(tuple(transactions), available), tuple(rows),
                        {"points_transactions_epoch_fence": DomainError(ErrorReason.STATE_REBUILDING), **rejections},
                        on_commit=_each(self.wallets.confirm, holds), on_abort=_each(self.wallets.release, holds))

    async def pay(self, account_id: str, points: int, request_id: str, caller: Caller) -> HeldPayment:
        """Reserve the points price of a REWARD coupon in the account's wallet; the coupons engine
        commits the returned row with the coupon and confirms or releases both."""
        account = await self._account(caller, AccountRef(account_id=account_id))
        rules = await load_rules(self._deps, caller.org_id, account.program_id)
        now = self._deps.clock.now()
        await self._expire_if_due(account.account_id, now)
        hold, available = await self.wallets.reserve(account.account_id, f"{caller.client_id}:{request_id}", -points)
        transaction = PointsTransaction(str(uuid.uuid4()), account.account_id, TxType.COUPON_PURCHASE, -points, now)
        row = _transaction_row(caller, request_id, rules.program.program_id, transaction, hold.epoch,
                               debit=wallet_account(account.account_id),
                               credit=f"redeemed:{rules.program.program_id}")
        return HeldPayment(row, {"points_transactions_epoch_fence": DomainError(ErrorReason.STATE_REBUILDING),
                                 "points_wallets_floor": DomainError(ErrorReason.INSUFFICIENT_POINTS)},
                           confirm=lambda: self.wallets.confirm(hold), release=lambda: self.wallets.release(hold))

    # --- redemption ---------------------------------------------------------------------

    async def request_otp(self, command: RequestOtp, caller: Caller) -> OtpTicket:
        validate_request_id(command.request_id)
        _points(command.points, "points")
        account = await self._account(caller, command.account)
        rules = await load_rules(self._deps, caller.org_id, account.program_id)
        program = rules.program

        async def prepare() -> Prepared[OtpTicket]:
            now = self._deps.clock.now()
            destination = await self._otp_destination(account.account_id, command.user_id)
            await self._expire_if_due(account.account_id, now)
            available, _ = await self.wallets.available(account.account_id)
            _check_redeemable(program, available, command.points)
            window = f"{_tag(account.account_id)}:otp-count"
            async with self._deps.redis.pipeline(transaction=True) as pipe:
                _, count = await pipe.set(window, 0, ex=limits.OTP_RATE_WINDOW_SECONDS, nx=True).incr(window).execute()
            if count > self._otp_rate_max:
                ttl = await self._deps.redis.ttl(window)
                raise DomainError(ErrorReason.OTP_RATE_LIMITED, retry_after_ms=max(ttl, 1) * 1000,
                                  metadata={"retry_time": (now + dt.timedelta(seconds=max(ttl, 1))).isoformat()})
            otp_id = str(uuid.uuid4())
            code = f"{secrets.randbelow(10**6):06d}"
            expire_time = now + dt.timedelta(seconds=limits.OTP_TTL_SECONDS)
            key = otp_key(account.account_id, otp_id)
            mac = await self._otp_mac(otp_id, account.account_id, command.points, code)
            async with self._deps.redis.pipeline(transaction=True) as pipe:
                await (pipe.hset(key, mapping={"mac": mac, "exp": _ms(expire_time), "tries": 0, "used": 0})
                       .expire(key, limits.OTP_TTL_SECONDS + 60).execute())
            await self._sender.send(OtpMessage(account.account_id, command.user_id, otp_id, code, command.points,
                                               expire_time.isoformat(), destination))
            return Prepared(OtpTicket(otp_id, expire_time), ())

        return await execute_once(self._deps, caller, "RequestRedemptionOtp", command, prepare, OtpTicket.from_json)

    async def _otp_destination(self, account_id: str, user_id: str) -> str:
        """Where the OTP goes: the named member (an OWNER or COOWNER), else the account's OWNER,
        by phone number or e-mail; "" for an account without members."""
        if user_id:
            user_id = parse_uuid(user_id, "user_id")
        async with self._deps.pool.connection() as connection:
            cursor = await connection.execute(
                "SELECT m.role, u.phone_number, u.email FROM memberships m JOIN users u USING (user_id)"
                " WHERE m.account_id = %s AND " + ("m.user_id = %s" if user_id else "m.role = %s"),
                (account_id, user_id or int(MembershipRole.OWNER)))
            found = await cursor.fetchone()
        if found is None:
            if user_id:
                raise DomainError(ErrorReason.MEMBERSHIP_NOT_FOUND, metadata={"user_id": user_id})
            return ""
        role, phone, email = found
        if role not in (MembershipRole.OWNER, MembershipRole.COOWNER):
            raise field_invalid("user_id", "an OWNER or COOWNER of the account")
        if not phone and not email:
            raise DomainError(ErrorReason.OTP_DESTINATION_MISSING, metadata={"user_id": user_id})
        return phone or email

    async def _otp_mac(self, otp_id: str, account_id: str, points: int, code: str) -> str:
        """The OTP as stored: an HMAC over its id, account, points and code (never the code)."""
        if self._otp_secret is None:
            self._otp_secret = await otp_hmac_key(self._deps.pool)  # Stored sealed (keys at rest).
        message = f"{otp_id}|{account_id}|{points}|{code}".encode()
        return hmac.new(self._otp_secret, message, hashlib.sha256).hexdigest()

    async def redeem(self, command: RedeemPoints, caller: Caller) -> Movement:
        validate_request_id(command.request_id)
        _points(command.points, "points")
        otp_id = parse_uuid(command.otp_id, "otp_id")
        if not command.otp_code:
            raise field_required("otp_code")
        if len(command.otp_code) != 6 or not command.otp_code.isdigit():
            raise field_invalid("otp_code", "6 digits")
        _text(command.store_id, "store_id", limits.STORE_ID_LENGTH_MAX, required=False)
        _text(command.transaction_id, "transaction_id", limits.TRANSACTION_ID_LENGTH_MAX, required=False)
        account = await self._account(caller, command.account)
        rules = await load_rules(self._deps, caller.org_id, account.program_id)
        program = rules.program
        request_key = f"{caller.client_id}:{command.request_id}"

        async def prepare() -> Prepared[Movement]:
            now = self._deps.clock.now()
            await self._expire_if_due(account.account_id, now)
            mac = await self._otp_mac(otp_id, account.account_id, command.points, command.otp_code)
            hold, available = await self.wallets.reserve(
                account.account_id, request_key, -command.points, before=program.min_redemption_balance_points,
                after=program.min_remaining_balance_points, min_amount=program.min_redeem_points, otp=(otp_id, mac))
            transaction = PointsTransaction(str(uuid.uuid4()), account.account_id, TxType.REDEEM, -command.points, now,
                                            store_id=command.store_id, transaction_id=command.transaction_id)
            row = _transaction_row(caller, command.request_id, program.program_id, transaction, hold.epoch,
                                   debit=wallet_account(account.account_id), credit=f"redeemed:{program.program_id}")
            return Prepared(Movement((transaction,), available), (row,), {
                "points_transactions_epoch_fence": DomainError(ErrorReason.STATE_REBUILDING),
                "points_wallets_floor": DomainError(ErrorReason.INSUFFICIENT_POINTS)},
                on_commit=lambda: self.wallets.confirm(hold), on_abort=lambda: self.wallets.release(hold))

        prepare = evented(prepare, self._deps.clock, caller.org_id, "points.redeemed", "account", _movement_account)
        return await execute_once(self._deps, caller, "RedeemPoints", command, prepare, Movement.from_json)

    # --- refunds ------------------------------------------------------------------------

    async def refund(self, command: RefundPoints, caller: Caller) -> Movement:
        validate_request_id(command.request_id)
        original_id = parse_uuid(command.points_transaction_id, "points_transaction_id")
        if command.points < 0 or command.points > limits.POINTS_MAX:
            raise DomainError(ErrorReason.FIELD_OUT_OF_RANGE, metadata={"field": "points"})
        _text(command.note, "note", limits.NOTE_LENGTH_MAX, required=False)
        prepare = evented(lambda: self.prepare_refund(command, caller, original_id), self._deps.clock, caller.org_id,
                          "points.refunded", "account", _movement_account)
        return await execute_once(self._deps, caller, "RefundPoints", command, prepare, Movement.from_json)

    async def prepare_refund(self, command: RefundPoints, caller: Caller, original_id: str) -> Prepared[Movement]:
        """RefundPoints' rows and reservation, for RefundPoints and for the checkout's basket
        refunds (which commit them with their own rows)."""
        request_key = f"{caller.client_id}:{command.request_id}"
        async with self._deps.pool.connection() as connection:
            cursor = await connection.execute(
                "SELECT t.account_id::text, t.program_id, t.type, t.state, t.amount, t.refunded_points,"
                " v.points_transaction_id::text FROM points_transactions t" + _VOID_JOIN +
                " WHERE t.points_transaction_id = %s AND t.org_id = %s", (original_id, caller.org_id))
            found = await cursor.fetchone()
        if found is None:
            raise DomainError(ErrorReason.POINTS_TRANSACTION_NOT_FOUND,
                              metadata={"points_transaction_id": original_id})
        account_id, program_id, tx_type, state, amount, refunded, void_id = found
        if tx_type not in (TxType.EARN, TxType.REDEEM) or state != POSTED:
            raise DomainError(ErrorReason.POINTS_TRANSACTION_NOT_REFUNDABLE,
                              metadata={"points_transaction_id": original_id})
        if void_id:  # A voided transaction is gone as a whole (VoidTransaction, points_admin.py).
            raise DomainError(ErrorReason.POINTS_TRANSACTION_ALREADY_VOIDED,
                              metadata={"void_points_transaction_id": void_id})
        refundable = amount - refunded
        points = command.points or refundable
        if refundable == 0 or points > refundable:
            raise DomainError(ErrorReason.REFUND_EXCEEDS_TRANSACTION, metadata={"refundable_points": refundable})
        if tx_type == TxType.REDEEM:
            return await self._refund_redemption(caller, command, request_key, original_id, account_id,
                                                 program_id, amount, refunded, points)
        rules = await load_rules(self._deps, caller.org_id, program_id)
        overdraft = rules.program.allow_negative_refund
        now = self._deps.clock.now()
        # What is left of the earn (refunds reserved by others included) is decided in the
        # wallet script, with the balance.
        hold, available = await self.wallets.reserve(account_id, request_key, -points, overdraft=overdraft,
                                                     refund=(original_id, amount, refunded))
        transaction = PointsTransaction(str(uuid.uuid4()), account_id, TxType.REFUND, -points, now,
                                        refunded_transaction_id=original_id, note=command.note)
        row = _transaction_row(caller, command.request_id, program_id, transaction, hold.epoch,
                               debit=wallet_account(account_id), credit=f"issuance:{program_id}",
                               overdraft=overdraft)
        # A full refund gives back the coupons the earn used (their counts and single use).
        coupon_rows, give_back = ((), None)
        if points == refundable:
            coupon_rows, give_back = await self._coupons.earn_reversals(original_id, command.request_id, caller)
        # The ledger's CHECK: reached only if Redis lost the refunded-so-far count mid-flight.
        exceeded = DomainError(ErrorReason.REFUND_EXCEEDS_TRANSACTION,
                               metadata={"points_transaction_id": original_id})
        return Prepared(Movement((transaction,), available), (row,) + coupon_rows, {
            "points_transactions_epoch_fence": DomainError(ErrorReason.STATE_REBUILDING),
            "points_transactions_refund_limit": exceeded,
            "coupon_reversals_pkey": exceeded,
            "points_wallets_floor": DomainError(ErrorReason.INSUFFICIENT_POINTS)},
            on_commit=_all([lambda: self.wallets.confirm(hold), give_back if coupon_rows else None]),
            on_abort=lambda: self.wallets.release(hold))

    async def _refund_redemption(self, caller: Caller, command: RefundPoints, request_key: str, original_id: str,
                                 account_id: str, program_id: str, amount: int, refunded: int,
                                 points: int) -> Prepared[Movement]:
        """Give back (part of) a redemption's points: a REFUND credit from the program's redeemed
        account to the wallet. What is left to refund is decided in wallet_reserve with the other
        refunds in flight (the ledger's refund limit is the last guard); the trigger opens the
        new lots with the expiry of the lots the redemption spent, in the order it spent them
        (soonest-expiring first, see 0022)."""
        async with self._deps.pool.connection() as connection:
            cursor = await connection.execute(
                "SELECT min(expire_time) FROM points_lot_spends WHERE points_transaction_id = %s"
                " AND restored < points", (original_id,))
            (soonest,) = await cursor.fetchone()
            cursor = await connection.execute(
                "SELECT count(*) FROM points_lot_spends WHERE points_transaction_id = %s", (original_id,))
            (recorded,) = await cursor.fetchone()
        now = self._deps.clock.now()
        if not recorded:
            # A redemption from before its spent lots were recorded: the program's expiry from now.
            soonest = points_expire_time((await load_rules(self._deps, caller.org_id, program_id)).program, now)
        # The soonest expiry among the parts still to give back: the wallet's next expiry may only
        # move earlier by it (a later part only delays the expiry check, never misses it).
        hold, before = await self.wallets.reserve(account_id, request_key, points, expire_time=soonest,
                                                  refund=(original_id, amount, refunded))
        transaction = PointsTransaction(str(uuid.uuid4()), account_id, TxType.REFUND, points, now,
                                        refunded_transaction_id=original_id, note=command.note, expire_time=soonest)
        row = _transaction_row(caller, command.request_id, program_id, transaction, hold.epoch,
                               debit=f"redeemed:{program_id}", credit=wallet_account(account_id))
        exceeded = DomainError(ErrorReason.REFUND_EXCEEDS_TRANSACTION, metadata={"points_transaction_id": original_id})
        return Prepared(Movement((transaction,), before + points), (row,), {
            "points_transactions_epoch_fence": DomainError(ErrorReason.STATE_REBUILDING),
            "points_transactions_refund_limit": exceeded, "points_lot_spends_restored": exceeded},
            on_commit=lambda: self.wallets.confirm(hold), on_abort=lambda: self.wallets.release(hold))

    # --- expiry -------------------------------------------------------------------------

    async def _expire_if_due(self, account_id: str, now: dt.datetime) -> None:
        _, next_expiry = await self.wallets.available(account_id)
        if next_expiry is not None and next_expiry <= _ms(now):
            await self.expire_due(now, account_id=account_id)

    async def expire_due(self, now: dt.datetime | None = None, *, account_id: str | None = None) -> int:
        """Move every lot whose expiry has come to the program's expiry account: one EXPIRE
        transfer per lot, each through reserve -> commit -> confirm like any debit. Returns the
        number of lots expired. Runs as `rewards-core expire`, on a timer in the server, and for
        one account before a redemption reads its balance."""
        now = now or self._deps.clock.now()
        expired = 0
        while True:
            async with self._deps.pool.connection() as connection:
                cursor = await connection.execute(
                    "SELECT l.lot_id::text, l.account_id::text, l.remaining, w.org_id, w.program_id FROM points_lots l"
                    " JOIN points_wallets w USING (account_id) WHERE l.remaining > 0 AND l.expire_time <= %(now)s"
                    + (" AND l.account_id = %(account)s" if account_id else "") +
                    " ORDER BY l.expire_time LIMIT %(limit)s",
                    {"now": now, "account": account_id, "limit": limits.EXPIRY_BATCH_LOTS_MAX})
                lots = await cursor.fetchall()
            if not lots:
                break
            results = await asyncio.gather(*(self._expire_lot(now, *lot) for lot in lots))
            expired += sum(results)
            if not any(results):
                break
        return expired

    async def _expire_lot(self, now: dt.datetime, lot_id: str, account_id: str, remaining: int, org_id: str,
                          program_id: str) -> bool:
        request_id = f"expire:{lot_id}:{remaining}"
        try:
            hold, _ = await self.wallets.reserve(account_id, f"{SYSTEM_CLIENT}:{request_id}", -remaining,
                                                 overdraft=True)
        except DomainError as error:
            if error.reason == ErrorReason.REQUEST_IN_FLIGHT:
                return False
            raise
        transaction = PointsTransaction(str(uuid.uuid4()), account_id, TxType.EXPIRE, -remaining, now)
        row = _transaction_row(Caller(SYSTEM_CLIENT, org_id), request_id, program_id, transaction, hold.epoch,
                               debit=wallet_account(account_id), credit=f"expired:{program_id}", lot_id=lot_id)
        try:
            await self._deps.writer.submit(LedgerWrite((row,)))
        except (WriteRejected, DomainError):
            # The lot changed under us (a redemption spent part of it) or was expired by
            # another worker: the next run sees its new remaining.
            await self.wallets.release(hold)
            return False
        await self.wallets.confirm(hold)
        async with self._deps.pool.connection() as connection:
            cursor = await connection.execute(
                "SELECT min(expire_time) FROM points_lots WHERE account_id = %s AND remaining > 0", (account_id,))
            (next_expiry,) = await cursor.fetchone()
        await self._deps.scripts.run("wallet_apply", wallet_keys(account_id, hold.epoch)[:1],
                                     [hold.epoch, 0, _ms(next_expiry)])
        return True

    # --- reads --------------------------------------------------------------------------

    async def balance(self, ref: AccountRef, expiry_window: dt.timedelta | None, caller: Caller) -> Balance:
        window = expiry_window or dt.timedelta(days=limits.EXPIRY_WINDOW_DAYS_DEFAULT)
        if window < dt.timedelta(0) or window > dt.timedelta(days=limits.EXPIRY_WINDOW_DAYS_MAX):
            raise DomainError(ErrorReason.FIELD_OUT_OF_RANGE, metadata={"field": "expiry_window"})
        account = await self._account(caller, ref, active=False)
        now = self._deps.clock.now()
        async with self._deps.pool.connection() as connection:
            cursor = await connection.execute(
                "SELECT coalesce(w.posted, 0), coalesce(w.pending, 0), w.tier_id::text,"
                " coalesce((SELECT sum(remaining)::bigint FROM points_lots WHERE account_id = %(a)s AND remaining > 0"
                "  AND expire_time <= %(now)s), 0),"
                " coalesce((SELECT sum(remaining)::bigint FROM points_lots WHERE account_id = %(a)s AND remaining > 0"
                "  AND expire_time > %(now)s AND expire_time <= %(until)s), 0),"
                " (SELECT min(expire_time) FROM points_lots WHERE account_id = %(a)s AND remaining > 0"
                "  AND expire_time > %(now)s)"
                " FROM (SELECT 1) one LEFT JOIN points_wallets w ON w.account_id = %(a)s",
                {"a": account.account_id, "now": now, "until": now + window})
            posted, pending, tier_id, lapsed, expiring, next_expiry = await cursor.fetchone()
        # Lots whose expiry has come are gone as of now, even before the expiry job moved them.
        posted -= lapsed
        return Balance(account.account_id, posted, pending, posted - pending, expiring, next_expiry, now,
                       tier_id or "")

    async def transactions(self, query: ListTransactions, caller: Caller) -> tuple[list[PointsTransaction], str]:
        size = query.page_size or limits.PAGE_SIZE_DEFAULT
        if query.page_size < 0:
            raise DomainError(ErrorReason.FIELD_OUT_OF_RANGE, metadata={"field": "page_size"})
        size = min(size, limits.PAGE_SIZE_MAX)
        account = await self._account(caller, query.account, active=False)
        filters = {"a": account.account_id, "types": list(query.types) or None, "start": query.start_time,
                   "end": query.end_time}
        digest = hashlib.sha256(json.dumps([filters["a"], filters["types"], str(query.start_time),
                                            str(query.end_time)]).encode()).hexdigest()[:16]
        after = None
        if query.page_token:
            try:
                token = json.loads(base64.urlsafe_b64decode(query.page_token.encode()))
                assert token["f"] == digest
                after = (dt.datetime.fromisoformat(token["t"]), str(uuid.UUID(token["id"])))
            except Exception:  # noqa: BLE001 - any malformed token is the client's error
                raise field_invalid("page_token", "a next_page_token of the same query") from None
        async with self._deps.pool.connection() as connection:
            cursor = connection.cursor(row_factory=dict_row)
            await cursor.execute(
                "SELECT t.*, t.account_id::text AS account, t.refunded_transaction_id::text AS refunded," + _VOID_COLUMNS +
                " FROM points_transactions t" + _VOID_JOIN + " WHERE t.account_id = %(a)s"
                " AND (%(types)s::smallint[] IS NULL OR t.type = ANY(%(types)s::smallint[]))"
                " AND (%(start)s::timestamptz IS NULL OR t.create_time >= %(start)s)"
                " AND (%(end)s::timestamptz IS NULL OR t.create_time < %(end)s)"
                " AND (%(after_t)s::timestamptz IS NULL OR (t.create_time, t.points_transaction_id)"
                "      < (%(after_t)s, %(after_id)s::uuid))"
                " ORDER BY t.create_time DESC, t.points_transaction_id DESC LIMIT %(limit)s",
                {**filters, "after_t": after[0] if after else None, "after_id": after[1] if after else None,
                 "limit": size + 1})
            rows = await cursor.fetchall()
        page = [_transaction_from_row(row) for row in rows[:size]]
        token = ""
        if len(rows) > size:
            last = page[-1]
            token = base64.urlsafe_b64encode(json.dumps(
                {"t": last.create_time.isoformat(), "id": last.points_transaction_id, "f": digest}).encode()).decode()
        return page, token

    async def transaction(self, points_transaction_id: str, caller: Caller) -> PointsTransaction:
        transaction_id = parse_uuid(points_transaction_id, "points_transaction_id")
        async with self._deps.pool.connection() as connection:
            cursor = connection.cursor(row_factory=dict_row)
            await cursor.execute(
                "SELECT t.*, t.account_id::text AS account, t.refunded_transaction_id::text AS refunded," + _VOID_COLUMNS +
                " FROM points_transactions t" + _VOID_JOIN + " WHERE t.points_transaction_id = %s AND t.org_id = %s",
                (transaction_id, caller.org_id))
            row = await cursor.fetchone()
        if row is None:
            raise DomainError(ErrorReason.POINTS_TRANSACTION_NOT_FOUND,
                              metadata={"points_transaction_id": transaction_id})
        return _transaction_from_row(row)


    # --- baskets (CheckoutService): the same rules, held for longer --------------------

    async def quote_purchase_earn(self, account: Account, rules: ProgramRules, purchase: Purchase,
                                  bonuses: Sequence[CouponBonus], points_transaction_id: str = "",
                                  transaction_id: str = "", lines: tuple[tuple[str, int, int], ...] = (),
                                  ) -> tuple[PointsTransaction, str | None]:
        """The EARN transaction EarnPoints would post for `purchase` (tiers, ratio, bands,
        promotions, card types, the coupons' bonuses), and the tier to store if it moves the
        account up. Reserves nothing."""
        tier, new_tier_id = await self._tiers(account, rules, purchase.time, purchase.bill_minor)
        breakdown = compute_earn(rules, purchase, tier, bonuses)
        return PointsTransaction(
            points_transaction_id or str(uuid.uuid4()), account.account_id, TxType.EARN, breakdown.total,
            purchase.time, breakdown.regular, breakdown.bonus, breakdown.reward, purchase.store_id, transaction_id,
            purchase.bill_minor, purchase.currency_code, expire_time=earn_expire_time(rules.program, tier, purchase.time),
            lines=lines), new_tier_id

    async def prepare_purchase_earn(self, caller: Caller, request_id: str, account: Account, rules: ProgramRules,
                                    transaction: PointsTransaction, tier_id: str | None) -> Prepared[Movement]:
        """The EARN's credit as EarnPoints commits it: its wallet reservation, row and rejections."""
        return await self._credit(caller, request_id, account, rules, transaction, tier_id=tier_id,
                                  rejections={"points_transactions_purchase_unique": DomainError(
                                      ErrorReason.PURCHASE_ALREADY_EARNED,
                                      metadata={"transaction_id": transaction.transaction_id})})

    async def hold_burn(self, account: Account, rules: ProgramRules, request_key: str, points: int, otp_id: str,
                        otp_code: str, deadline_ms: int) -> _Hold:
        """Reserve a points burn exactly as RedeemPoints does (OTP, thresholds, balance), held until
        `deadline_ms`; the caller commits, confirms or releases it."""
        program = rules.program
        await self._expire_if_due(account.account_id, self._deps.clock.now())
        mac = await self._otp_mac(otp_id, account.account_id, points, otp_code)
        hold, _ = await self.wallets.reserve(
            account.account_id, request_key, -points, before=program.min_redemption_balance_points,
            after=program.min_remaining_balance_points, min_amount=program.min_redeem_points, otp=(otp_id, mac),
            deadline_ms=deadline_ms)
        return hold

    @staticmethod
    def hold_of(data: dict) -> _Hold:
        """A wallet hold from its stored form (dataclasses.asdict of the hold)."""
        return _Hold(**data)


# --- helpers --------------------------------------------------------------------------------


async def _tier_and_spend(connection, account_id: str, rules: ProgramRules, now: dt.datetime) -> tuple[str | None, int]:
    """The account's stored tier and its spend over the tiers' longest evaluation window: the bill
    amounts earned on, net of refunds. A refund takes its share of the bill off the spend, rounded
    down: bill * refunded points / earned points (a full refund, the whole bill)."""
    days = max(t.evaluation_days for t in rules.tiers)
    cursor = await connection.execute(
        "SELECT (SELECT tier_id::text FROM points_wallets WHERE account_id = %(a)s),"
        " (SELECT coalesce(sum(bill_minor - CASE WHEN amount > 0 THEN div(bill_minor::numeric * refunded_points,"
        "  amount) ELSE 0 END), 0)::bigint FROM points_transactions WHERE account_id = %(a)s"
        "  AND type = 1 AND create_time > %(since)s)",
        {"a": account_id, "since": now - dt.timedelta(days=days)})
    tier_id, spend = await cursor.fetchone()
    return tier_id, int(spend)


def _event_award_key(earn_rule_id: str, account_id: str) -> str:
    return f"event:{earn_rule_id}:{account_id}"


def _transaction_row(caller: Caller, request_id: str, program_id: str, t: PointsTransaction, epoch: int, *,
                     debit: str, credit: str, overdraft: bool = False, lot_id: str | None = None,
                     tier_id: str | None = None, earn_rule_id: str | None = None) -> Row:
    return Row("points_transactions", _TX_COLUMNS, (
        t.points_transaction_id, caller.org_id, program_id, t.account_id, t.type, t.state, debit, credit,
        abs(t.points), t.points, t.regular_points, t.bonus_points, t.reward_points, t.store_id or None,
        t.transaction_id or None, t.bill_minor, t.currency_code or None, t.refunded_transaction_id or None, lot_id,
        overdraft, t.note or None, t.expire_time, t.create_time, request_id, caller.client_id, epoch, tier_id,
        earn_rule_id, Jsonb([list(line) for line in t.lines]) if t.lines else None, t.operator or None))


_VOID_COLUMNS = (" v.points_transaction_id::text AS void_id, v.client_id AS void_client_id,"
                 " v.operator AS void_operator, v.create_time AS void_time")
_VOID_JOIN = (" LEFT JOIN points_transactions v ON v.refunded_transaction_id = t.points_transaction_id"
              " AND v.type = 10")
"""A transaction's VOID, if any (at most one: points_transactions_void_unique, 0025)."""


def _transaction_from_row(row: dict) -> PointsTransaction:
    return PointsTransaction(
        str(row["points_transaction_id"]), row["account"], row["type"], row["points"], row["create_time"],
        row["regular_points"], row["bonus_points"], row["reward_points"], row["store_id"] or "",
        row["transaction_id"] or "", row["bill_minor"], row["currency_code"] or "", row["refunded"] or "",
        row["refunded_points"], row["note"] or "", row["expire_time"], row["state"],
        tuple(tuple(line) for line in row["lines"] or ()), row["client_id"], row.get("operator") or "",
        row.get("void_id") or "", row.get("void_client_id") or "", row.get("void_operator") or "",
        row.get("void_time"))


def _validate_lines(command: EarnPoints) -> None:
    if len(command.lines) > limits.PURCHASE_LINES_MAX:
        raise field_too_long("lines", limits.PURCHASE_LINES_MAX)
    total = 0
    for n, (sku, quantity, amount, currency_code) in enumerate(command.lines):
        _text(sku, f"lines[{n}].sku", limits.SKU_LENGTH_MAX)
        if not 1 <= quantity <= limits.LINE_QUANTITY_MAX:
            raise DomainError(ErrorReason.FIELD_OUT_OF_RANGE, metadata={"field": f"lines[{n}].quantity"})
        if amount < 0:
            raise DomainError(ErrorReason.FIELD_OUT_OF_RANGE, metadata={"field": f"lines[{n}].amount.amount_minor"})
        if currency_code != command.currency_code:
            raise field_invalid(f"lines[{n}].amount.currency_code", "the bill's currency")
        total += amount
    if total > command.bill_minor:
        raise field_invalid("lines", "amounts that add up to at most bill_amount")


def _check_redeemable(program, available: int, points: int) -> None:
    """The checks wallet_reserve makes, for an OTP request (which reserves nothing)."""
    if points < program.min_redeem_points:
        raise DomainError(ErrorReason.REDEEM_AMOUNT_TOO_LOW, metadata={"min_redeem_points": program.min_redeem_points})
    if available < program.min_redemption_balance_points:
        raise DomainError(ErrorReason.REDEMPTION_THRESHOLD_NOT_MET,
                          metadata={"min_redemption_balance_points": program.min_redemption_balance_points})
    if available < points:
        raise DomainError(ErrorReason.INSUFFICIENT_POINTS, metadata={"available_points": available})
    if available - points < program.min_remaining_balance_points:
        raise DomainError(ErrorReason.REDEMPTION_THRESHOLD_NOT_MET,
                          metadata={"min_remaining_balance_points": program.min_remaining_balance_points})


def _all(actions: Sequence[Callable[[], Awaitable[None]] | None]) -> Callable[[], Awaitable[None]] | None:
    """One callback that runs every given one (None: none to run)."""
    present = [action for action in actions if action is not None]
    if not present:
        return None

    async def run() -> None:
        await asyncio.gather(*(action() for action in present))

    return run


def _each(action: Callable[[_Hold], Awaitable[None]], holds: list[_Hold]) -> Callable[[], Awaitable[None]] | None:
    if not holds:
        return None

    async def run() -> None:
        await asyncio.gather(*(action(hold) for hold in holds))

    return run


def _ms(value: dt.datetime | None) -> int | str:
    return int(value.timestamp() * 1000) if value is not None else ""


def _points(points: int, field: str) -> None:
    if points <= 0 or points > limits.POINTS_MAX:
        raise DomainError(ErrorReason.FIELD_OUT_OF_RANGE, f"{field} must be 1..{limits.POINTS_MAX}.",
                          metadata={"field": field, "min": 1, "max": limits.POINTS_MAX})


def _text(value: str, field: str, length_max: int, required: bool = True) -> None:
    if not value:
        if required:
            raise field_required(field)
        return
    if len(value) > length_max:
        raise field_too_long(field, length_max)
    if not value.isprintable():
        raise field_invalid(field, "printable characters only")



def _movement_account(movement: Movement) -> str:
    """The account an outbox event of a points movement is about (its first transaction's)."""
    return movement.transactions[0].account_id
