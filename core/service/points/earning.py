"""Earning: EarnPoints (a purchase, with its EXTRAPOINT and MULTIPLIER coupons and the account's
first purchase award), EarnByCode, the tiers a purchase earns in, and the quotes a checkout basket
earns by (the same rules, computed without reserving)."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import uuid
from collections.abc import Sequence

from core.adapters.postgres.ledger_writer import Row
from core.adapters.postgres.points_ledger import PointsLedgerStore, lucky_draw_entry_row
from core.adapters.postgres.receipts import ReceiptStore
from core.adapters.postgres.wallets import WalletStore
from core.adapters.redis.wallets import WalletCache
from core.domain import limits
from core.domain.accounts import Account
from core.domain.coupons import Money
from core.domain.card_types import down_window_start, earn_tiers, evaluated_tier, up_window_start
from core.domain.errors import DomainError, ErrorReason, field_invalid, field_too_long
from core.domain.loyalty import (CouponBonus, EarnEvent, ProgramRules, Purchase, Tier, TransactionType, compute_earn,
                                 earn_expire_time, earn_factors, points_expire_time)
from core.domain.lucky_draws import lucky_points, period_key
from core.domain.receipts import ReceiptDetail, compute_receipt_earn, validate_receipt, weighted_program_factor
from core.service.accounts import validate_request_id
from core.service.context import Caller, Deps
from core.service.coupons import Coupons, HeldRedemption
from core.service.coupons.earn import AppliedCoupon, EarnCoupons
from core.service.events import joined
from core.service.events_outbox import evented, tier_changed, with_events
from core.service.idempotent import Prepared, execute_once, execute_retrying
from core.service.points.commands import EarnByCode, EarnPoints
from core.service.points.common import (MS_PER_S, PAYMENT_CARD_TYPE_LENGTH_MAX, account_of, all_of, check_text,
                                        column, require_owner)
from core.service.points.credits import Credits
from core.service.points.events import EventAwards
from core.service.points.receipts import ReceiptNumbers, card_type_multiplier, earn_receipt_row, receipt_of
from core.service.points.results import LuckyDrawEntry, Movement, PointsTransaction, movement_account
from core.service.programs import load_rules



def validate_earn(command: EarnPoints) -> None:
    validate_request_id(command.request_id)
    check_text(command.store_id, "store_id", limits.STORE_ID_LENGTH_MAX)
    check_text(command.transaction_id, "transaction_id", limits.TRANSACTION_ID_LENGTH_MAX)
    if command.bill_minor < 0:
        raise DomainError(ErrorReason.FIELD_OUT_OF_RANGE, metadata={"field": "bill_amount.amount_minor"})
    if len(command.coupon_codes) > limits.EARN_COUPONS_MAX:
        raise field_too_long("coupon_codes", limits.EARN_COUPONS_MAX)
    for n, code in enumerate(command.coupon_codes):
        check_text(code, f"coupon_codes[{n}]", limits.COUPON_CODE_LENGTH_MAX)
    if len(set(command.coupon_codes)) != len(command.coupon_codes):
        raise field_invalid("coupon_codes", "each code once")
    if len(command.payment_card_type) > PAYMENT_CARD_TYPE_LENGTH_MAX:
        raise field_too_long("payment_card_type", PAYMENT_CARD_TYPE_LENGTH_MAX)
    validate_lines(command)
    validate_receipt(command.receipt_details, command.receipt_type, command.posted_by, command.bill_minor,
                     command.currency_code)


def validate_lines(command: EarnPoints) -> None:
    if len(command.lines) > limits.PURCHASE_LINES_MAX:
        raise field_too_long("lines", limits.PURCHASE_LINES_MAX)
    total = 0
    for n, (sku, quantity, amount, currency_code) in enumerate(command.lines):
        check_text(sku, f"lines[{n}].sku", limits.SKU_LENGTH_MAX)
        if not 1 <= quantity <= limits.LINE_QUANTITY_MAX:
            raise DomainError(ErrorReason.FIELD_OUT_OF_RANGE, metadata={"field": f"lines[{n}].quantity"})
        if amount < 0:
            raise DomainError(ErrorReason.FIELD_OUT_OF_RANGE, metadata={"field": f"lines[{n}].amount.amount_minor"})
        if currency_code != command.currency_code:
            raise field_invalid(f"lines[{n}].amount.currency_code", "the bill's currency")
        total += amount
    if total > command.bill_minor:
        raise field_invalid("lines", "amounts that add up to at most bill_amount")


def _purchase_rejections(transaction_id: str) -> dict[str, DomainError]:
    return {"points_transactions_purchase_unique": DomainError(ErrorReason.PURCHASE_ALREADY_EARNED,
                                                               metadata={"transaction_id": transaction_id})}


def _with_lucky_draw(caller: Caller, account: Account, rules: ProgramRules, purchase: Purchase, tier: Tier | None,
                     bonuses: Sequence[CouponBonus], transaction: PointsTransaction,
                     details: Sequence[ReceiptDetail] = ()) -> tuple[PointsTransaction, tuple[Row, ...]]:
    """The earn with its lucky-draw points (Program.lucky_draw), and the entry row whose insert
    takes its numbers from the program's sequence (after the earn's own row)."""
    policy = rules.program.lucky_draw
    if policy is None:
        return transaction, ()
    program_factor, coupon_factor = earn_factors(rules, purchase, tier, bonuses)
    if details:  # Receipts: the stores' and payment methods' factors, weighted by the amounts.
        program_factor = weighted_program_factor(rules, purchase, details, tier)
    points = lucky_points(policy, purchase.bill_minor, program_factor, coupon_factor)
    if points.total <= 0:
        return transaction, ()
    entry = LuckyDrawEntry(transaction.points_transaction_id, account.account_id, account.program_id,
                           period_key(policy.draw_period, rules.program.time_zone, transaction.create_time),
                           points.regular, points.bonus, points.reward, transaction.create_time,
                           number_width=policy.number_width)
    row = lucky_draw_entry_row(points_transaction_id=entry.points_transaction_id, org_id=caller.org_id,
                               program_id=entry.program_id, account_id=entry.account_id,
                               draw_period=entry.draw_period, regular_points=entry.regular_points,
                               bonus_points=entry.bonus_points, reward_points=entry.reward_points,
                               number_width=entry.number_width, create_time=entry.create_time)
    return dataclasses.replace(transaction, lucky_draw=entry), (row,)


def _with_coupons(prepared: Prepared[Movement], held: Sequence[HeldRedemption],
                  applied: tuple[AppliedCoupon, ...]) -> Prepared[Movement]:
    """The earn's Prepared with its coupons' redemption rows first, settled with it."""
    if not held:
        return prepared
    rejections = {**prepared.rejections}
    for h in held:
        rejections.update(h.rejections)
    return Prepared(dataclasses.replace(prepared.result, coupons=applied), tuple(h.row for h in held) + prepared.rows,
                    rejections, on_commit=all_of([prepared.on_commit, *(h.confirm for h in held)]),
                    on_abort=all_of([prepared.on_abort, *(h.release for h in held)]))


class Earning:
    def __init__(self, deps: Deps, coupons: Coupons, credits: Credits, events: EventAwards, *,
                 cache: WalletCache | None = None, ledger: PointsLedgerStore | None = None,
                 store: WalletStore | None = None) -> None:
        self._deps = deps
        self._coupons = coupons
        self._earn_coupons = EarnCoupons(deps, coupons)
        self._credits = credits
        self._events = events
        self._cache = cache or WalletCache(deps.redis, deps.scripts)
        self._ledger = ledger or PointsLedgerStore(deps.pool)
        self._store = store or WalletStore(deps.pool)
        self._receipt_numbers = ReceiptNumbers(ReceiptStore(deps.pool))

    # --- EarnPoints -----------------------------------------------------------------------

    async def earn(self, command: EarnPoints, caller: Caller) -> Movement:
        validate_earn(command)
        account = await account_of(self._deps, caller, command.account)
        rules = await load_rules(self._deps, caller.org_id, account.program_id)
        if command.currency_code != rules.program.currency_code:
            raise DomainError(ErrorReason.CURRENCY_MISMATCH, metadata={
                "field": "bill_amount.currency_code", "program_currency_code": rules.program.currency_code})
        await require_owner(self._deps, rules.program, account, "earn")

        async def prepare() -> Prepared[Movement]:
            return await self._prepare_earn(command, caller, account, rules)

        prepare = evented(prepare, self._deps.clock, caller.org_id, "points.earned", "account", movement_account)
        movement = await execute_retrying(self._deps, caller, "EarnPoints", command, prepare, Movement.from_json,
                                          ErrorReason.EVENT_AWARDED_CONCURRENTLY)
        return await self._with_lucky_numbers(caller, movement)

    async def _with_lucky_numbers(self, caller: Caller, movement: Movement) -> Movement:
        """The earn as committed: its lucky-draw range is given by the ledger in the earn's own
        transaction (so that an earn that does not commit takes no number), hence read back after
        the commit, for a first answer and a replay alike."""
        earn = movement.transactions[0]
        if earn.lucky_draw is None or earn.lucky_draw.allocated:
            return movement
        row = await self._ledger.transaction(caller.org_id, earn.points_transaction_id)
        if row is None or row.lucky is None:  # Not possible once committed: answer what was decided.
            return movement
        committed = dataclasses.replace(earn, lucky_draw=LuckyDrawEntry.of(row.lucky))
        return dataclasses.replace(movement, transactions=(committed, *movement.transactions[1:]))

    async def _prepare_earn(self, command: EarnPoints, caller: Caller, account: Account,
                            rules: ProgramRules) -> Prepared[Movement]:
        """Reserve the coupons (listed, then the account's automatic ones: their offers' hash tags),
        then the earn's credit, then the first purchase's award; every reservation is released
        if a later step fails."""
        now = self._deps.clock.now()
        tier, new_tier_id = await self._tiers(account, rules, now, command.bill_minor)
        transaction_id = str(uuid.uuid4())
        receipt = await receipt_of(self._receipt_numbers, caller, rules, command.receipt_details,
                                   command.receipt_type, command.posted_by, now)
        held, applied = await self._hold_coupons(command, caller, account, transaction_id)
        try:
            bonuses = [CouponBonus(h.offer.offer_id, column(h.row, "code"), h.offer.extra_points,
                                   h.offer.points_multiplier_bps) for h in held]
            purchase = Purchase(command.bill_minor, command.currency_code, command.store_id,
                                command.payment_card_type, now)
            breakdown = (compute_receipt_earn(rules, purchase, command.receipt_details, tier, bonuses)
                         if command.receipt_details else compute_earn(rules, purchase, tier, bonuses))
            transaction = PointsTransaction(
                transaction_id, account.account_id, TransactionType.EARN, breakdown.total, now, breakdown.regular,
                breakdown.bonus, breakdown.reward, command.store_id, command.transaction_id, command.bill_minor,
                command.currency_code, expire_time=earn_expire_time(rules.program, tier, now),
                lines=tuple((sku, quantity, amount) for sku, quantity, amount, _ in command.lines), receipt=receipt,
                card_type_id=tier.tier_id if tier is not None else "", card_type_multiplier_bps=card_type_multiplier(tier),
                interaction_point_id=command.interaction_point_id)
            transaction, lucky_rows = _with_lucky_draw(caller, account, rules, purchase, tier, bonuses, transaction,
                                                       command.receipt_details)
            prepared = await self._credits.credit(caller, command.request_id, rules, transaction, tier_id=new_tier_id,
                                                  rejections=_purchase_rejections(command.transaction_id))
            receipt_rows = (earn_receipt_row(caller, rules, transaction_id, receipt, tier, now),)
            prepared = dataclasses.replace(prepared, rows=prepared.rows + lucky_rows + receipt_rows + (tier_changed(
                caller.org_id, account.account_id, account.program_id, tier.tier_id if tier else None, new_tier_id,
                now, "earn") if new_tier_id else ()))
        except BaseException:
            await asyncio.gather(*(h.release() for h in held))
            raise
        try:
            prepared = await self._with_first_purchase(prepared, command, caller, account, rules)
        except BaseException:
            await asyncio.gather(*(h.release() for h in held))
            raise
        prepared = _with_coupons(prepared, held, applied)
        return dataclasses.replace(prepared, result=dataclasses.replace(prepared.result, card_type=tier))

    async def _hold_coupons(self, command: EarnPoints, caller: Caller, account: Account, transaction_id: str
                            ) -> tuple[list[HeldRedemption], tuple[AppliedCoupon, ...]]:
        """The EXTRAPOINT and MULTIPLIER coupons reserved for the earn, listed ones first, and how
        the reply names them."""
        bill = Money(command.bill_minor, command.currency_code)
        # The coupons' redemption rows record the earn's interaction point too.
        listed = await self._coupons.earn_coupons(command.coupon_codes, account.account_id, command.store_id, bill,
                                                  command.request_id, caller, transaction_id,
                                                  command.interaction_point_id)
        try:
            automatic = await self._earn_coupons.apply(caller, account.program_id, account.account_id,
                                                       command.store_id, bill, command.request_id, transaction_id,
                                                       listed, command.interaction_point_id)
        except BaseException:
            await asyncio.gather(*(h.release() for h in listed))
            raise
        applied = tuple([AppliedCoupon.of(h, False) for h in listed] + [AppliedCoupon.of(h, True) for h in automatic])
        return listed + automatic, applied

    async def _with_first_purchase(self, prepared: Prepared[Movement], command: EarnPoints, caller: Caller,
                                   account: Account, rules: ProgramRules) -> Prepared[Movement]:
        """The account's first purchase pays the FIRST_PURCHASE rules in the same commit."""
        if not rules.event_rules(EarnEvent.FIRST_PURCHASE):
            return prepared
        try:
            award = await self._events.built_in_event(caller, account.account_id, account.program_id,
                                                      EarnEvent.FIRST_PURCHASE, command.request_id,
                                                      DomainError(ErrorReason.EVENT_AWARDED_CONCURRENTLY))
        except BaseException:
            if prepared.on_abort is not None:
                await prepared.on_abort()
            raise
        if award is None:
            return prepared
        movement = Movement(prepared.result.transactions + award.transactions,
                            prepared.result.available_points + award.points)
        return joined(dataclasses.replace(prepared, result=movement), award)

    # --- tiers ----------------------------------------------------------------------------

    async def _tiers(self, account: Account, rules: ProgramRules, now: dt.datetime,
                     bill_minor: int) -> tuple[Tier | None, str | None]:
        """(the tier this purchase earns in, the tier to store if the purchase changes it).

        The tier the account's spend over the evaluation window reached before this purchase
        applies to it; the purchase's own spend may then move the account up, for the next one.
        At an earn tiers only move up; `evaluate_tiers` may move them down."""
        if not rules.tiers:
            return None, None
        stored = await self._ledger.tier_and_spend(account.account_id, tier_window_start(rules, now))
        return earn_tiers(rules, stored.tier_id, stored.spend, bill_minor)  # Card types: core/domain/card_types.py.

    async def evaluate_tiers(self, now: dt.datetime | None = None) -> int:
        """Move accounts whose spend over their tier's window fell below its min_spend down (and
        any that reached a higher tier up). Returns the number of accounts moved."""
        now = now or self._deps.clock.now()
        moved = 0
        for wallet in await self._store.tiered():
            rules = await load_rules(self._deps, wallet.org_id, wallet.program_id)
            if not rules.tiers:
                continue
            current = next((t for t in rules.tiers if t.tier_id == wallet.tier_id), None)
            spend = (await self._ledger.tier_and_spend(wallet.account_id, tier_window_start(rules, now))).spend
            down_spend = spend if current is None else (await self._ledger.tier_and_spend(
                wallet.account_id, down_window_start(current, now))).spend
            tier = evaluated_tier(rules, wallet.tier_id, spend, down_spend)
            if tier != current:
                await self._store.set_tier(wallet.account_id, tier.tier_id if tier else None, events=tier_changed(
                    wallet.org_id, wallet.account_id, wallet.program_id, wallet.tier_id,
                    tier.tier_id if tier else None, now, "evaluation"))
                moved += 1
        return moved

    # --- EarnByCode -----------------------------------------------------------------------

    async def earn_by_code(self, command: EarnByCode, caller: Caller) -> Movement:
        validate_request_id(command.request_id)
        check_text(command.code, "code", limits.EARN_CODE_LENGTH_MAX, required=True)
        check_text(command.store_id, "store_id", limits.STORE_ID_LENGTH_MAX, required=False)
        code = command.code.strip().upper()
        account = await account_of(self._deps, caller, command.account)
        rules = await load_rules(self._deps, caller.org_id, account.program_id)
        await require_owner(self._deps, rules.program, account, "earn")

        async def prepare() -> Prepared[Movement]:
            return await self._prepare_earn_by_code(command, code, caller, account, rules)

        prepare = evented(prepare, self._deps.clock, caller.org_id, "points.earned", "account", movement_account)
        return await execute_once(self._deps, caller, "EarnByCode", command, prepare, Movement.from_json)

    async def _prepare_earn_by_code(self, command: EarnByCode, code: str, caller: Caller, account: Account,
                                    rules: ProgramRules) -> Prepared[Movement]:
        now = self._deps.clock.now()
        if await self._cache.code_misses(account.account_id) >= limits.EARN_CODE_MISSES_MAX:
            ttl = max(await self._cache.code_misses_ttl_s(account.account_id), 1)
            raise DomainError(ErrorReason.EARN_CODE_ATTEMPTS_EXCEEDED, retry_after_ms=ttl * MS_PER_S,
                              metadata={"retry_time": (now + dt.timedelta(seconds=ttl)).isoformat()})
        found = await self._ledger.earn_code(caller.org_id, account.program_id, code)
        if found is None:
            await self._cache.count_code_miss(account.account_id, limits.EARN_CODE_MISS_WINDOW_SECONDS)
            raise DomainError(ErrorReason.EARN_CODE_NOT_FOUND, metadata={"code": code})
        if found.expire_time is not None and now >= found.expire_time:
            raise DomainError(ErrorReason.EARN_CODE_EXPIRED, metadata={"expire_time": found.expire_time.isoformat()})
        if found.store_ids and command.store_id not in found.store_ids:
            raise DomainError(ErrorReason.EARN_CODE_NOT_FOR_STORE, metadata={"store_id": command.store_id})
        transaction = PointsTransaction(str(uuid.uuid4()), account.account_id, TransactionType.EARN_BY_CODE,
                                        int(found.points), now, regular_points=int(found.points), note=code,
                                        store_id=command.store_id,
                                        expire_time=points_expire_time(rules.program, now))
        return await self._credits.credit(caller, command.request_id, rules, transaction, awards=(f"code:{code}",),
                                          rejections={"points_awards_unique": DomainError(
                                              ErrorReason.EARN_CODE_ALREADY_USED, metadata={"code": code})})

    # --- baskets (CheckoutService): the same rules, held for longer ------------------------

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
            points_transaction_id or str(uuid.uuid4()), account.account_id, TransactionType.EARN, breakdown.total,
            purchase.time, breakdown.regular, breakdown.bonus, breakdown.reward, purchase.store_id, transaction_id,
            purchase.bill_minor, purchase.currency_code,
            expire_time=earn_expire_time(rules.program, tier, purchase.time), lines=lines), new_tier_id

    async def prepare_purchase_earn(self, caller: Caller, request_id: str, rules: ProgramRules,
                                    transaction: PointsTransaction, tier_id: str | None) -> Prepared[Movement]:
        """The EARN's credit as EarnPoints commits it: its wallet reservation, row and rejections
        (and the tier.changed event when it moves the account up)."""
        prepared = await self._credits.credit(caller, request_id, rules, transaction, tier_id=tier_id,
                                              rejections=_purchase_rejections(transaction.transaction_id))
        if tier_id:
            stored = await self._ledger.tier_and_spend(transaction.account_id, transaction.create_time)
            prepared = with_events(prepared, *tier_changed(caller.org_id, transaction.account_id,
                                                            rules.program.program_id, stored.tier_id, tier_id,
                                                            transaction.create_time, "basket"))
        return prepared


def tier_window_start(rules: ProgramRules, now: dt.datetime) -> dt.datetime:
    """The start of the tiers' longest level-up window: the spend since counts."""
    return up_window_start(rules, now)
