"""Checkout baskets: AuthorizeBasket, CaptureBasket, VoidBasket, RefundBasket, GetBasket,
ListBaskets and the expiry sweep.

A basket spans several hash slots (each coupon's offer {o:..}, the wallet {a:..}), so it is
reserved step by step in request order with release on failure, never by a cross-slot script:

    authorize: validate -> claim request_id -> each coupon: the same checks and coupon_redeem
    reservation as RedeemCoupon (Coupons._named, Coupons._redemption) on what is left to pay
    -> the burn: the same OTP, thresholds and balance as RedeemPoints (wallet_reserve) -> the earn
    quoted as EarnPoints computes it -> the basket row (burn held in points_wallets.pending) and
    the stored reply in one commit. Any refusal or a failed commit releases every reservation.
    The reservations stay held (deadline: expire_time + BASKET_SWEEP_MARGIN_MS).

    capture: one commit of the coupon redemption rows, the EARN transfer and a basket_events row
    whose trigger, under the basket's row lock, refuses a basket no longer AUTHORIZED (or past its
    expire_time) and posts the burn; after it, every reservation is confirmed.

    void / expiry sweep: a basket_events row (VOIDED / EXPIRED), then every reservation released.

A worker that dies between the commit and the settlement leaves reservations whose deadline
comes after the basket can no longer be captured: the generic sweeps then confirm those whose
rows the ledger holds (a capture committed) and release the rest.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from core.adapters.postgres.baskets import (BasketRecord, BasketStore, basket_event_row, basket_refund_row,
                                            basket_row, capture_event_row)
from core.adapters.redis.baskets import BasketCache
from core.adapters.redis.state import StateGuard
from core.domain import limits
from core.domain.accounts import Account
from core.domain.checkout import (BILL_RULES, Basket, BasketLine, BasketRefund, BasketState, CouponResult, ReturnPlan,
                                  RewardKind, check_final_total, hold_seconds, plan_return, refusal_of_state,
                                  reward_kind, validate_basket)
from core.domain.coupons import Location, Money, discount, failing_rules
from core.domain.errors import DomainError, ErrorReason, field_invalid
from core.domain.loyalty import CouponBonus, ProgramRules, Purchase
from core.service import paging
from core.service.accounts import REQUEST_FIELDS, AccountRef, parse_uuid, require_active, resolve_account, \
    validate_request_id
from core.service.checkout.commands import (AuthorizeBasket, CaptureBasket, ListBaskets, RefundBasket, Refunded,
                                            VoidBasket)
from core.service.checkout.holds import (COUPON_REJECTIONS, REFUND_REJECTIONS, TRANSITION_REJECTIONS, BasketHolds,
                                         CouponHold, CouponRef,
                                         admitted_epoch, coupon_hold, redemption_row, reservation_keys)
from core.service.context import Caller, Deps
from core.service.coupons import Coupons, RedeemCoupon, ReverseRedemption
from core.service.events_outbox import evented
from core.service.idempotent import Prepared, execute_once
from core.service.points import Points, RefundPoints
from core.service.points.common import MS_PER_S, check_otp_code, check_points
from core.service.points.common import require_owner
from core.service.programs import load_rules
from core.service.points.points_money import burn_points, burn_value

Action = Callable[[], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class _Stored:
    """A basket as its row holds it."""

    basket: Basket
    program_id: str
    holds: BasketHolds


@dataclass(slots=True)
class _Authorizing:
    """What an authorization reserved so far (released together if a later step fails)."""

    releases: list[Action] = field(default_factory=list)
    results: list[CouponResult] = field(default_factory=list)
    coupon_holds: list[CouponHold] = field(default_factory=list)
    rejections: dict[str, DomainError] = field(default_factory=dict)
    bonuses: list[CouponBonus] = field(default_factory=list)


@dataclass(slots=True)
class _Priced:
    """A capture's coupons priced on the final total: those kept (hold, redemption row values,
    whether it is an earn bonus), those dropped, the results and bonuses, what is left to pay."""

    kept: list[tuple[CouponHold, dict, bool]]
    dropped: list[CouponHold]
    results: list[CouponResult]
    bonuses: list[CouponBonus]
    remaining: int


def _stored(record: BasketRecord) -> _Stored:
    basket = dataclasses.replace(Basket.from_json(record.detail), state=int(record.state),
                                 capture_time=record.capture_time, void_time=record.void_time,
                                 refunds=record.refunds)
    return _Stored(basket, record.program_id, BasketHolds.from_json(record.holds, record.burn_transaction_id or ""))


def _basket_rejections(basket_id: str, reasons: dict[str, ErrorReason]) -> dict[str, DomainError]:
    return {name: DomainError(reason, metadata={"basket_id": basket_id}) for name, reason in reasons.items()}


def _deadline_ms(expire_time: dt.datetime) -> int:
    """A basket's reservations are held past its expiry by the sweep's margin."""
    return int(expire_time.timestamp() * MS_PER_S) + limits.BASKET_SWEEP_MARGIN_MS


class Checkout:
    def __init__(self, deps: Deps, guard: StateGuard, coupons: Coupons, points: Points, *,
                 store: BasketStore | None = None, cache: BasketCache | None = None) -> None:
        self._deps = deps
        self._guard = guard
        self._coupons = coupons
        self._points = points
        self._store = store or BasketStore(deps.pool)
        self._cache = cache or BasketCache(deps.scripts)

    # --- authorize ----------------------------------------------------------------------

    async def authorize(self, command: AuthorizeBasket, caller: Caller) -> Basket:
        validate_request_id(command.request_id)
        request = command.basket
        validate_basket(request)
        if request.burn_points or command.burn_amount is not None:
            parse_uuid(command.otp_id, "points_burn.otp_id")
            check_otp_code(command.otp_code, "points_burn.otp_code")
        account = await resolve_account(self._deps, caller.org_id, command.account, fields=REQUEST_FIELDS)
        require_active(account)
        rules = await load_rules(self._deps, caller.org_id, account.program_id)
        if request.currency_code != rules.program.currency_code:
            raise DomainError(ErrorReason.CURRENCY_MISMATCH, metadata={
                "field": "total_amount.currency_code", "program_currency_code": rules.program.currency_code})
        if command.burn_amount is not None:  # "Pay 5.00 EUR with points": its points, rounded down.
            points = burn_points(rules.program, command.burn_points_asked, command.burn_amount, "points_burn.amount")
            check_points(points, "points_burn.points")
            command = dataclasses.replace(command, basket=dataclasses.replace(request, burn_points=points))
            request = command.basket
        if request.burn_points:
            await require_owner(self._deps, rules.program, account, "burn")
        if command.earn_points:
            await require_owner(self._deps, rules.program, account, "earn")

        async def prepare() -> Prepared[Basket]:
            return await self._prepare_authorize(command, caller, account, rules)

        return await execute_once(self._deps, caller, "AuthorizeBasket", command, prepare, Basket.from_json)

    async def _prepare_authorize(self, command: AuthorizeBasket, caller: Caller, account: Account,
                                 rules: ProgramRules) -> Prepared[Basket]:
        request = command.basket
        burn = request.burn_points or 0
        location = Location(request.store_id, request.zone_id, request.interaction_point_id, request.concept_id)
        now = self._deps.clock.now()
        expire_time = now + dt.timedelta(seconds=hold_seconds(request.hold_seconds))
        deadline_ms = _deadline_ms(expire_time)
        held = _Authorizing()
        wallet_hold = None
        try:
            remaining = await self._hold_coupons(command, caller, account, location, deadline_ms, held)
            if burn:
                wallet_hold = await self._points.hold_burn(
                    account, rules, f"{caller.client_id}:{command.request_id}#burn", burn,
                    command.otp_id, command.otp_code, deadline_ms)
                held.releases.append(lambda: self._points.wallets.release(wallet_hold))
            earned = 0
            if command.earn_points:
                quote, _ = await self._points.quote_purchase_earn(
                    account, rules, Purchase(remaining, request.currency_code, request.store_id,
                                             request.payment_card_type, now), held.bonuses)
                earned = quote.points
        except BaseException:
            await _run_all(held.releases)
            raise
        basket_id = str(uuid.uuid4())
        basket = Basket(basket_id, int(BasketState.AUTHORIZED), account.account_id, request.store_id,
                        request.transaction_id, request.lines, request.total_minor, request.currency_code,
                        tuple(held.results), burn, earned, now, expire_time,
                        burned_value_minor=burn_value(rules.program, burn) if burn else None)
        holds = BasketHolds(tuple(held.coupon_holds), wallet_hold, command.earn_points, request.payment_card_type,
                            (location.store_id, location.zone_id, location.interaction_point_id)
                            + ((location.concept_id,) if location.concept_id else ()))
        row = basket_row(basket_id=basket_id, org_id=caller.org_id, program_id=account.program_id,
                         account_id=account.account_id, store_id=request.store_id,
                         transaction_id=request.transaction_id, burned_points=burn,
                         burn_transaction_id=str(uuid.uuid4()) if burn else None,
                         burn_request_id=f"{command.request_id}#burn" if burn else None, detail=basket.to_json(),
                         holds=holds.to_json(), authorize_time=now, expire_time=expire_time, request_id=command.request_id,
                         client_id=caller.client_id,
                         epoch=admitted_epoch(wallet_hold, held.coupon_holds, self._guard))
        rejections = {**held.rejections,
                      "baskets_transaction_unique": DomainError(ErrorReason.TRANSACTION_ALREADY_AUTHORIZED,
                                                                metadata={"transaction_id": request.transaction_id}),
                      "baskets_epoch_fence": DomainError(ErrorReason.STATE_REBUILDING),
                      "points_wallets_floor": DomainError(ErrorReason.INSUFFICIENT_POINTS)}
        # Committed: the reservations stay held for the capture (or the void, or the sweep).
        return Prepared(basket, (row,), rejections, on_abort=lambda: _run_all(held.releases))

    async def _hold_coupons(self, command: AuthorizeBasket, caller: Caller, account: Account, location: Location,
                            deadline_ms: int, held: _Authorizing) -> int:
        """Reserve the basket's coupons in order, each on what is left to pay; returns what is left."""
        request = command.basket
        remaining = request.total_minor
        for index, (kind, value) in enumerate(request.coupons):
            bill = Money(remaining, request.currency_code)
            try:
                coupon = await self._hold_coupon(kind, value, account.account_id, location, bill,
                                                 f"{command.request_id}#coupon{index}", caller, deadline_ms,
                                                 request.lines)
            except DomainError as refusal:
                if refusal.transient or not command.skip_invalid_coupons:
                    raise DomainError(refusal.reason, refusal.message,
                                      {**refusal.metadata, "coupon_code": value}) from None
                held.results.append(CouponResult(value, False, refusal.reason.name))
                continue
            held.releases.append(coupon.release)
            held.rejections.update(coupon.rejections)
            offer, amount = coupon.offer, coupon.redemption.discount_minor
            remaining -= amount
            hold = coupon_hold(coupon.row, index)
            if offer.applies_at_earn:
                held.bonuses.append(CouponBonus(offer.offer_id, hold.row["code"], offer.extra_points,
                                                offer.points_multiplier_bps))
            held.results.append(CouponResult(
                value, True, "", int(reward_kind(offer)), amount, getattr(offer, "free_item_sku", ""),
                offer.extra_points, offer.points_multiplier_bps, coupon.redemption.redemption_id, offer.offer_id))
            held.coupon_holds.append(hold)
        return remaining

    async def _hold_coupon(self, kind: str, value: str, account_id: str, location: Location, bill: Money,
                           request_id: str, caller: Caller, deadline_ms: int, lines: tuple[BasketLine, ...] = ()):
        """One coupon of the basket, checked and reserved by RedeemCoupon's own code (a
        product-restricted coupon on the basket's matching lines, within what is left to pay)."""
        named = RedeemCoupon(request_id, value if kind == "code" else "", account_id if kind == "code" else "",
                             location.store_id, bill, value if kind != "code" else "", location.zone_id,
                             location.interaction_point_id)
        offer, coupon, code, holder = await self._coupons._named(named, caller)
        # The holder as _named names it: an account id (or, once the coupon path checks account
        # states, the holder's AccountState).
        if getattr(holder, "account_id", holder) != account_id:
            raise DomainError(ErrorReason.COUPON_NOT_FOUND, metadata={"account_coupon_id": value})
        return await self._coupons._redemption(offer, coupon, code, account_id, location, bill, request_id, caller,
                                               deadline_ms=deadline_ms, lines=lines)

    # --- capture ------------------------------------------------------------------------

    async def capture(self, command: CaptureBasket, caller: Caller) -> Basket:
        validate_request_id(command.request_id)
        basket_id = parse_uuid(command.basket_id, "basket_id")

        async def prepare() -> Prepared[Basket]:
            return await self._prepare_capture(command, caller, basket_id)

        prepare = evented(prepare, self._deps.clock, caller.org_id, "basket.captured", "account",
                          lambda b: b.account_id)
        return await execute_once(self._deps, caller, "CaptureBasket", command, prepare, Basket.from_json)

    async def _prepare_capture(self, command: CaptureBasket, caller: Caller, basket_id: str) -> Prepared[Basket]:
        stored = await self._load(basket_id, caller)
        basket, holds = stored.basket, stored.holds
        now = self._deps.clock.now()
        refusal = refusal_of_state(basket.state, basket_id)
        if refusal is None and now >= basket.expire_time:
            refusal = DomainError(ErrorReason.BASKET_EXPIRED, metadata={"basket_id": basket_id})
        if refusal is not None:
            raise refusal
        total = check_final_total(basket, command.final_total_minor, command.final_currency_code)
        account = await resolve_account(self._deps, caller.org_id, AccountRef(basket.account_id))
        rules = await load_rules(self._deps, caller.org_id, stored.program_id)
        priced = await self._price_coupons(stored, total, now, caller)
        readmitted = await self._readmit(priced.kept, basket, now, caller)
        earn: Prepared | None = None
        earn_id = ""
        if holds.earn:
            quote, tier_id = await self._points.quote_purchase_earn(
                account, rules, Purchase(priced.remaining, basket.currency_code, basket.store_id, holds.card, now),
                priced.bonuses, transaction_id=basket.transaction_id,
                lines=tuple((line.sku, line.item_count, line.amount_minor) for line in basket.lines))
            earn = await self._points.prepare_purchase_earn(caller, f"{command.request_id}#earn", account,
                                                            rules, quote, tier_id)
            earn_id = quote.points_transaction_id
        captured = dataclasses.replace(
            basket, state=int(BasketState.CAPTURED), total_minor=total, coupon_results=tuple(priced.results),
            earned_points=earn.result.transactions[0].points if earn else 0, capture_time=now,
            earn_points_transaction_id=earn_id, burn_points_transaction_id=holds.burn_transaction_id)
        # The transition first: of two captures (or a capture and a void) of one basket, the
        # loser meets the basket's state before any unique index its rows share with the winner's.
        # EXTRAPOINT and MULTIPLIER redemptions name the earn, as EarnPoints' do (a full refund of
        # the earn gives them back).
        rows = [capture_event_row(basket_id=basket_id, event_time=now, detail=captured.to_json(),
                                  request_id=command.request_id, client_id=caller.client_id,
                                  epoch=self._guard.require_ready())]
        rows += [redemption_row(values, earn_id if bonus and earn_id else None) for _, values, bonus in priced.kept]
        rejections = _basket_rejections(basket_id, {**COUPON_REJECTIONS, **TRANSITION_REJECTIONS})
        if earn is not None:
            rows += earn.rows
            rejections.update(earn.rejections)

        async def settle() -> None:
            # Independent steps on their own keys: run together, so the script pipeline sends
            # them in one round trip instead of three in a row before the reply.
            await asyncio.gather(*(self._confirm_coupon(hold) for hold, *_ in priced.kept),
                                 *(self._release_coupon(hold) for hold in priced.dropped),
                                 *([self._points.wallets.confirm(holds.wallet)] if holds.wallet is not None else []),
                                 *([earn.on_commit()] if earn is not None and earn.on_commit is not None else []))

        async def abort() -> None:
            await _run_all([self._coupon_releaser(hold) for hold in readmitted]
                           + ([earn.on_abort] if earn is not None and earn.on_abort else []))

        # Not committed: only the capture's own reservations go; the basket stays AUTHORIZED.
        return Prepared(captured, tuple(rows), rejections, on_commit=settle, on_abort=abort)

    async def _price_coupons(self, stored: _Stored, total: int, now: dt.datetime, caller: Caller) -> _Priced:
        """The basket's applied coupons in order on the final total: with a lower total, a
        bill-dependent coupon is priced again on what is left (dropped if its bill rule fails)."""
        basket, holds = stored.basket, stored.holds
        location = Location(*holds.location)
        by_index = {hold.index: hold for hold in holds.coupons}
        priced = _Priced([], [], list(basket.coupon_results), [], total)
        for n, result in enumerate(basket.coupon_results):
            if not result.applied:
                continue
            hold, values = by_index[n], dict(by_index[n].row)
            if total != basket.total_minor:
                offer = await self._coupons.offer_by_id(caller.org_id, result.offer_id)
                bill = Money(priced.remaining, basket.currency_code)
                customer, rates = await self._coupons._facts(offer, basket.account_id, bill, now, caller)
                failures = [f for f in failing_rules(offer, now, location.store_id, bill, location=location,
                                                     customer=customer, rates=rates, lines=basket.lines)
                            if f.reason in BILL_RULES]
                if failures:
                    priced.results[n] = dataclasses.replace(result, applied=False, reason=failures[0].reason.name,
                                                            discount_minor=0, redemption_id="")
                    priced.dropped.append(hold)
                    continue
                amount = 0 if offer.applies_at_earn else discount(offer, bill, rates, basket.lines)
                priced.results[n] = dataclasses.replace(result, discount_minor=amount)
                values.update(bill_minor=priced.remaining, discount_minor=amount)
            priced.remaining -= priced.results[n].discount_minor
            bonus = bool(result.extra_points or result.points_multiplier_bps)
            if bonus:
                priced.bonuses.append(CouponBonus(result.offer_id, values["code"], result.extra_points,
                                                  result.points_multiplier_bps))
            priced.kept.append((hold, values, bonus))
        return priced

    async def _readmit(self, kept: list, basket: Basket, now: dt.datetime, caller: Caller) -> list[CouponHold]:
        """After a Redis rebuild, the coupons held under the old epoch are no longer counted (the
        counters were rebuilt from the ledger) and their rows would be fenced out: reserve each
        again under the current epoch, by the same script and limits (a refusal fails the capture
        with its reason; the basket stays AUTHORIZED and can be voided). Updates `kept` in place
        and returns the new holds (released if the capture does not commit)."""
        epoch = self._guard.require_ready()
        deadline_ms = _deadline_ms(basket.expire_time)
        readmitted: list[CouponHold] = []
        try:
            for n, (hold, values, bonus) in enumerate(kept):
                if values["epoch"] == epoch:
                    continue
                offer = await self._coupons.offer_by_id(caller.org_id, values["offer_id"])
                coupon = CouponRef(values["coupon_id"]) if values["coupon_id"] else None
                try:
                    reserved = await self._coupons._reserve(offer, values["account_id"], hold.request_key, now,
                                                            coupon=coupon, deadline_ms=deadline_ms)
                except DomainError as refusal:
                    raise DomainError(refusal.reason, refusal.message,
                                      {**refusal.metadata, "coupon_code": values["code"]}) from None
                values = {**values, "epoch": reserved.epoch, "coupon_use": (
                    f"{values['coupon_id']}:{reserved.reversals}" if values["coupon_id"] else None)}
                hold = dataclasses.replace(hold, epoch=reserved.epoch, keys=tuple(reservation_keys(
                    values["offer_id"], values["account_id"], values["coupon_id"], reserved.epoch)))
                readmitted.append(hold)
                kept[n] = (hold, values, bonus)
        except BaseException:
            await _run_all([self._coupon_releaser(hold) for hold in readmitted])
            raise
        return readmitted

    # --- void, read, expiry -------------------------------------------------------------

    async def void(self, command: VoidBasket, caller: Caller) -> Basket:
        validate_request_id(command.request_id)
        basket_id = parse_uuid(command.basket_id, "basket_id")

        async def prepare() -> Prepared[Basket]:
            return await self._prepare_void(command, caller, basket_id)

        prepare = evented(prepare, self._deps.clock, caller.org_id, "basket.voided", "account", lambda b: b.account_id)
        return await execute_once(self._deps, caller, "VoidBasket", command, prepare, Basket.from_json)

    async def _prepare_void(self, command: VoidBasket, caller: Caller, basket_id: str) -> Prepared[Basket]:
        stored = await self._load(basket_id, caller)
        basket = stored.basket
        if basket.state == BasketState.CAPTURED:
            raise DomainError(ErrorReason.BASKET_ALREADY_CAPTURED, metadata={"basket_id": basket_id})
        if basket.state != BasketState.AUTHORIZED:
            return Prepared(basket, ())  # Released already: nothing changes.
        now = self._deps.clock.now()
        voided = dataclasses.replace(basket, state=int(BasketState.VOIDED), void_time=now)
        row = basket_event_row(basket_id=basket_id, state=BasketState.VOIDED, event_time=now, detail=voided.to_json(),
                               request_id=command.request_id, client_id=caller.client_id)
        return Prepared(voided, (row,), _basket_rejections(basket_id, TRANSITION_REJECTIONS),
                        on_commit=lambda: self._release(stored.holds))

    async def get(self, basket_id: str, caller: Caller) -> Basket:
        return (await self._load(parse_uuid(basket_id, "basket_id"), caller)).basket

    async def list(self, query: ListBaskets, caller: Caller) -> tuple[list[Basket], str]:
        """ListBaskets: an account's baskets, newest authorization first, and the next page token."""
        states = tuple(query.states)
        if len(set(states)) != len(states):
            raise field_invalid("states", "each state once")
        for n, state in enumerate(states):
            if state not in tuple(BasketState):
                raise DomainError(ErrorReason.FIELD_OUT_OF_RANGE, metadata={"field": f"states[{n}]", "min": 1,
                                                                            "max": len(BasketState)})
        size = paging.page_size(query.page_size)
        account = await resolve_account(self._deps, caller.org_id, query.account)
        # The token is tied to the query as resolved (an identifier and its account id page alike).
        scope = paging.query_scope(ListBaskets(AccountRef(account.account_id), tuple(sorted(states))))
        after = paging.decode(query.page_token, scope)
        records = await self._store.page(caller.org_id, account.account_id, states, after, size + 1)
        page = [_stored(record).basket for record in records[:size]]
        token = ""
        if len(records) > size:
            last = records[size - 1]
            token = paging.encode((last.authorize_time, last.basket_id), scope)
        return page, token

    async def sweep_expired(self) -> int:
        """Expire the AUTHORIZED baskets whose expire_time has passed (a basket a capture holds
        locked is skipped: its commit decides) and release what they held. Returns how many."""
        expired = await self._store.expire_due(self._deps.clock.now(), limits.BASKET_EXPIRY_BATCH_MAX)
        for holds in expired:
            await self._release(BasketHolds.from_json(holds))
        return len(expired)

    async def _load(self, basket_id: str, caller: Caller) -> _Stored:
        record = await self._store.basket(basket_id, caller.org_id)
        if record is None:
            raise DomainError(ErrorReason.BASKET_NOT_FOUND, metadata={"basket_id": basket_id})
        return _stored(record)

    # --- refund -------------------------------------------------------------------------

    async def refund(self, command: RefundBasket, caller: Caller) -> tuple[BasketRefund, Basket]:
        """RefundBasket: returned lines of a captured basket take back their part of the earn (one
        RefundPoints REFUND, rows and reservation by its own code) and the coupons the kept lines
        no longer carry (ReverseRedemption's rows and give-back), committed in one transaction with
        the basket_refunds row (numbered after the refunds it was computed from)."""
        validate_request_id(command.request_id)
        basket_id = parse_uuid(command.basket_id, "basket_id")

        async def prepare() -> Prepared[Refunded]:
            return await self._prepare_refund(command, caller, basket_id)

        answer = await execute_once(self._deps, caller, "RefundBasket", command, prepare, Refunded.from_json)
        return answer.refund, answer.basket

    async def _prepare_refund(self, command: RefundBasket, caller: Caller, basket_id: str) -> Prepared[Refunded]:
        stored = await self._load(basket_id, caller)
        basket = stored.basket
        plan = plan_return(basket, command.lines)
        now = self._deps.clock.now()
        parts: list[Prepared] = []
        try:
            earn = await self._refund_earn(command, caller, basket, plan)
            if earn is not None:
                parts.append(earn)
            refund_tx = earn.result.transactions[0].points_transaction_id if earn is not None else ""
            reversed_ids: list[str] = []
            for n, redemption_id in enumerate(await self._coupons_to_reverse(basket, stored, plan, now, caller)):
                try:
                    parts.append(await self._coupons.prepare_reverse(
                        ReverseRedemption(f"{command.request_id}#coupon{n}", redemption_id), caller, redemption_id))
                except DomainError as refusal:
                    if refusal.reason in (ErrorReason.COUPON_REVOKED, ErrorReason.REDEMPTION_ALREADY_REVERSED):
                        continue  # Revoked since, or reversed by hand: nothing to give back.
                    raise
                reversed_ids.append(redemption_id)
        except BaseException:
            await _run_all([part.on_abort for part in parts if part.on_abort])
            raise
        refund = BasketRefund(str(uuid.uuid4()), plan.lines, plan.returned_minor,
                              plan.earn_refund_points if refund_tx else 0, refund_tx, tuple(reversed_ids), now)
        after = dataclasses.replace(basket, refunds=basket.refunds + (refund,))
        # The refund's own row first: of two refunds computed from the same state, the loser
        # meets the primary key before any row it shares with the winner.
        rows = [basket_refund_row(basket_id=basket_id, refund_seq=len(basket.refunds) + 1, refund=refund,
                                  request_id=command.request_id, client_id=caller.client_id)]
        rejections: dict[str, DomainError] = {}
        for part in parts:
            rows += part.rows
            rejections.update(part.rejections)
        rejections.update(_basket_rejections(basket_id, REFUND_REJECTIONS))
        commits = [part.on_commit for part in parts if part.on_commit]
        aborts = [part.on_abort for part in parts if part.on_abort]
        return Prepared(Refunded(refund, after), tuple(rows), rejections,
                        on_commit=lambda: _run_all(commits), on_abort=lambda: _run_all(aborts))

    async def _refund_earn(self, command: RefundBasket, caller: Caller, basket: Basket,
                           plan: ReturnPlan) -> Prepared | None:
        """The REFUND of the earn's share of the returned lines (None: nothing to take back)."""
        if not (plan.earn_refund_points and basket.earn_points_transaction_id):
            return None
        try:
            return await self._points.prepare_refund(
                RefundPoints(f"{command.request_id}#earn", basket.earn_points_transaction_id,
                             plan.earn_refund_points, f"basket {basket.basket_id} returned"),
                caller, basket.earn_points_transaction_id)
        except DomainError as refusal:
            if refusal.reason is ErrorReason.REFUND_EXCEEDS_TRANSACTION:
                # The plan fits the refunds committed; the earn's refunded-so-far count (reserved
                # included) says another refund of the basket is in flight.
                raise DomainError(ErrorReason.BASKET_REFUNDED_CONCURRENTLY,
                                  metadata={"basket_id": basket.basket_id}) from None
            raise

    async def _coupons_to_reverse(self, basket: Basket, stored: _Stored, plan: ReturnPlan, now: dt.datetime,
                                  caller: Caller) -> list[str]:
        """The redemptions a refund gives back, in the basket's order: every one once everything is
        returned; else those whose bill rule fails on what the customer keeps (priced again in
        order, like a capture), and FREE_ITEM ones whose item is returned in full. EXTRAPOINT and
        MULTIPLIER coupons go with the earn: its full refund gives them back (RefundPoints)."""
        done = {rid for refund in basket.refunds for rid in refund.reversed_redemption_ids}
        applied = [result for result in basket.coupon_results if result.applied and result.redemption_id]

        def at_earn(result: CouponResult) -> bool:
            return result.kind in (RewardKind.EXTRAPOINT, RewardKind.MULTIPLIER)

        if plan.everything_returned:
            return [r.redemption_id for r in applied if r.redemption_id not in done
                    and not (at_earn(r) and basket.earn_points_transaction_id)]
        location = Location(*(stored.holds.location or (basket.store_id, "", "")))
        remaining, chosen = plan.kept_minor, []
        for result in applied:
            if result.redemption_id in done or at_earn(result):
                continue
            if result.kind == RewardKind.FREE_ITEM and result.free_item_sku in plan.fully_returned_skus:
                chosen.append(result.redemption_id)
                continue
            offer = await self._coupons.offer_by_id(caller.org_id, result.offer_id)
            bill = Money(remaining, basket.currency_code)
            customer, rates = await self._coupons._facts(offer, basket.account_id, bill, now, caller)
            failures = [f for f in failing_rules(offer, now, location.store_id, bill, location=location,
                                                 customer=customer, rates=rates, lines=plan.kept_lines)
                        if f.reason in BILL_RULES]
            if failures:
                chosen.append(result.redemption_id)
                continue
            remaining -= discount(offer, bill, rates, plan.kept_lines)
        return chosen

    # --- settling the reservations ------------------------------------------------------

    async def _confirm_coupon(self, hold: CouponHold) -> None:
        await self._coupons._confirm(list(hold.keys), hold.request_key, hold.epoch)

    def _coupon_releaser(self, hold: CouponHold) -> Action:
        return lambda: self._release_coupon(hold)

    async def _release_coupon(self, hold: CouponHold) -> None:
        await self._cache.release_coupon(keys=hold.keys, request_key=hold.request_key, epoch=hold.epoch)

    async def _release(self, holds: BasketHolds) -> None:
        await asyncio.gather(*(self._release_coupon(hold) for hold in holds.coupons))
        if holds.wallet is not None:
            await self._points.wallets.release(holds.wallet)


async def _run_all(actions: list[Action]) -> None:
    await asyncio.gather(*(action() for action in actions), return_exceptions=True)
