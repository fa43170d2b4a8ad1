"""Checkout baskets: AuthorizeBasket, CaptureBasket, VoidBasket, GetBasket and the expiry sweep.

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
from dataclasses import dataclass

from psycopg.types.json import Jsonb

from core.adapters.postgres.ledger_writer import Row
from core.adapters.redis.state import StateGuard
from core.domain import limits
from core.domain.checkout import (BILL_RULES, Basket, BasketInput, BasketRefund, BasketState, CouponResult,
                                  ReturnedLine, RewardKind, check_final_total, hold_seconds, plan_return,
                                  refusal_of_state, reward_kind, validate_basket)
from core.domain.coupons import Location, Money, discount, failing_rules
from core.domain.errors import DomainError, ErrorReason, field_invalid, field_required
from core.domain.loyalty import CouponBonus, Purchase
from core.service.accounts import REQUEST_FIELDS, AccountRef, decode_page_token, encode_page_token, page_size, \
    parse_uuid, query_digest, require_active, resolve_account, validate_request_id
from core.service.context import Caller, Deps
from core.service.coupons import _REDEMPTION_COLUMNS, Coupons, RedeemCoupon, ReverseRedemption, coupon_keys, \
    offer_keys
from core.service.idempotent import Prepared, execute_once
from core.service.events_outbox import evented
from core.service.points import Points, RefundPoints
from core.service.programs import load_rules

_BASKET_COLUMNS = ("basket_id", "org_id", "program_id", "account_id", "store_id", "transaction_id", "state",
                   "burned_points", "burn_transaction_id", "burn_request_id", "detail", "holds", "authorize_time",
                   "expire_time", "request_id", "client_id", "epoch")
_EVENT_COLUMNS = ("basket_id", "state", "event_time", "detail", "request_id", "client_id")
_CAPTURE_COLUMNS = _EVENT_COLUMNS + ("epoch",)
_COUPON_REJECTIONS = {
    "coupon_redemptions_epoch_fence": ErrorReason.STATE_REBUILDING,
    "coupon_redemptions_coupon_use_unique": ErrorReason.COUPON_ALREADY_REDEEMED,
    "coupon_redemptions_coupon_revoked": ErrorReason.COUPON_REVOKED,
    "coupon_redemptions_coupon_not_activated": ErrorReason.COUPON_NOT_ACTIVATED,
}
_TRANSITION_REJECTIONS = {
    "baskets_captured": ErrorReason.BASKET_ALREADY_CAPTURED,
    "baskets_voided": ErrorReason.BASKET_VOIDED,
    "baskets_expired": ErrorReason.BASKET_EXPIRED,
    "basket_events_pkey": ErrorReason.BASKET_ALREADY_CAPTURED,
    "points_transactions_epoch_fence": ErrorReason.STATE_REBUILDING,
    "points_wallets_floor": ErrorReason.INSUFFICIENT_POINTS,
}


@dataclass(frozen=True, slots=True)
class AuthorizeBasket:
    request_id: str
    account: AccountRef
    basket: BasketInput
    otp_id: str = ""
    otp_code: str = ""
    earn_points: bool = False
    skip_invalid_coupons: bool = False


@dataclass(frozen=True, slots=True)
class CaptureBasket:
    request_id: str
    basket_id: str
    final_total_minor: int | None = None
    final_currency_code: str = ""


@dataclass(frozen=True, slots=True)
class VoidBasket:
    request_id: str
    basket_id: str


@dataclass(frozen=True, slots=True)
class RefundBasket:
    request_id: str
    basket_id: str
    lines: tuple[ReturnedLine, ...] = ()
    """Empty: everything not returned yet."""


@dataclass(frozen=True, slots=True)
class ListBaskets:
    account: AccountRef
    states: tuple[int, ...] = ()
    page_size: int = 0
    page_token: str = ""


_REFUND_COLUMNS = ("basket_id", "refund_seq", "refund_id", "lines", "returned_minor", "refunded_points",
                   "refund_points_transaction_id", "reversed_redemption_ids", "refund_time", "request_id",
                   "client_id")
_REFUND_REJECTIONS = {
    "basket_refunds_pkey": ErrorReason.BASKET_REFUNDED_CONCURRENTLY,
    "basket_refunds_sequence": ErrorReason.BASKET_REFUNDED_CONCURRENTLY,
    "basket_refunds_exceed": ErrorReason.REFUND_EXCEEDS_CAPTURED,
    "basket_refunds_not_captured": ErrorReason.BASKET_NOT_CAPTURED,
    "points_transactions_refund_limit": ErrorReason.BASKET_REFUNDED_CONCURRENTLY,
}
_REFUND_SELECT = ("SELECT basket_id, refund_id::text, lines, returned_minor, refunded_points,"
                  " coalesce(refund_points_transaction_id::text, ''), reversed_redemption_ids::text[], refund_time"
                  " FROM basket_refunds WHERE basket_id = ANY(%s) ORDER BY basket_id, refund_seq")


@dataclass(frozen=True, slots=True)
class _Refunded:
    """RefundBasket's answer, as stored for its retries."""

    refund: BasketRefund
    basket: Basket

    def to_json(self) -> dict:
        return {"refund": self.refund.to_json(), "basket": self.basket.to_json()}

    @classmethod
    def from_json(cls, data: dict) -> _Refunded:
        return cls(BasketRefund.from_json(data["refund"]), Basket.from_json(data["basket"]))


@dataclass(frozen=True, slots=True)
class _Stored:
    """A basket as its row holds it."""

    basket: Basket
    program_id: str
    holds: dict


class Checkout:
    def __init__(self, deps: Deps, guard: StateGuard, coupons: Coupons, points: Points) -> None:
        self._deps = deps
        self._guard = guard
        self._coupons = coupons
        self._points = points

    # --- authorize ----------------------------------------------------------------------

    async def authorize(self, command: AuthorizeBasket, caller: Caller) -> Basket:
        validate_request_id(command.request_id)
        request = command.basket
        validate_basket(request)
        burn = request.burn_points or 0
        if burn:
            parse_uuid(command.otp_id, "points_burn.otp_id")
            if not command.otp_code:
                raise field_required("points_burn.otp_code")
            if len(command.otp_code) != 6 or not command.otp_code.isdigit():
                raise field_invalid("points_burn.otp_code", "6 digits")
        account = await resolve_account(self._deps, caller.org_id, command.account, fields=REQUEST_FIELDS)
        require_active(account)
        rules = await load_rules(self._deps, caller.org_id, account.program_id)
        if request.currency_code != rules.program.currency_code:
            raise DomainError(ErrorReason.CURRENCY_MISMATCH, metadata={
                "field": "total_amount.currency_code", "program_currency_code": rules.program.currency_code})
        location = Location(request.store_id, request.zone_id, request.interaction_point_id)

        async def prepare() -> Prepared[Basket]:
            now = self._deps.clock.now()
            expire_time = now + dt.timedelta(seconds=hold_seconds(request.hold_seconds))
            deadline_ms = int(expire_time.timestamp() * 1000) + limits.BASKET_SWEEP_MARGIN_MS
            releases: list[Callable[[], Awaitable[None]]] = []
            results: list[CouponResult] = []
            coupon_holds: list[dict] = []
            rejections: dict[str, DomainError] = {}
            bonuses: list[CouponBonus] = []
            remaining = request.total_minor
            wallet_hold = None
            try:
                for index, (kind, value) in enumerate(request.coupons):
                    bill = Money(remaining, request.currency_code)
                    try:
                        held = await self._hold_coupon(kind, value, account.account_id, location, bill,
                                                       f"{command.request_id}#coupon{index}", caller, deadline_ms)
                    except DomainError as refusal:
                        if refusal.transient or not command.skip_invalid_coupons:
                            raise DomainError(refusal.reason, refusal.message,
                                              {**refusal.metadata, "coupon_code": value}) from None
                        results.append(CouponResult(value, False, refusal.reason.name))
                        continue
                    releases.append(held.release)
                    rejections.update(held.rejections)
                    offer, amount = held.offer, held.redemption.discount_minor
                    remaining -= amount
                    if offer.applies_at_earn:
                        bonuses.append(CouponBonus(offer.offer_id, held.row.values[3], offer.extra_points,
                                                   offer.points_multiplier_bps))
                    results.append(CouponResult(
                        value, True, "", int(reward_kind(offer)), amount, getattr(offer, "free_item_sku", ""),
                        offer.extra_points, offer.points_multiplier_bps, held.redemption.redemption_id,
                        offer.offer_id))
                    coupon_holds.append(_coupon_hold(held.row, index))
                if burn:
                    wallet_hold = await self._points.hold_burn(
                        account, rules, f"{caller.client_id}:{command.request_id}#burn", burn,
                        command.otp_id, command.otp_code, deadline_ms)
                    releases.append(lambda: self._points.wallets.release(wallet_hold))
                earned = 0
                if command.earn_points:
                    quote, _ = await self._points.quote_purchase_earn(
                        account, rules, Purchase(remaining, request.currency_code, request.store_id,
                                                 request.payment_card_type, now), bonuses)
                    earned = quote.points
            except BaseException:
                await _run_all(releases)
                raise
            basket_id = str(uuid.uuid4())
            basket = Basket(basket_id, int(BasketState.AUTHORIZED), account.account_id, request.store_id,
                            request.transaction_id, request.lines, request.total_minor, request.currency_code,
                            tuple(results), burn, earned, now, expire_time)
            holds = {"coupons": coupon_holds, "wallet": dataclasses.asdict(wallet_hold) if wallet_hold else None,
                     "earn": command.earn_points, "card": request.payment_card_type,
                     "location": [location.store_id, location.zone_id, location.interaction_point_id]}
            row = Row("baskets", _BASKET_COLUMNS, (
                basket_id, caller.org_id, account.program_id, account.account_id, request.store_id,
                request.transaction_id, int(BasketState.AUTHORIZED), burn, str(uuid.uuid4()) if burn else None,
                f"{command.request_id}#burn" if burn else None, Jsonb(basket.to_json()), Jsonb(holds),
                now, expire_time, command.request_id, caller.client_id,
                _admitted_epoch(wallet_hold, coupon_holds, self._guard)))
            rejections.update({
                "baskets_transaction_unique": DomainError(ErrorReason.TRANSACTION_ALREADY_AUTHORIZED,
                                                          metadata={"transaction_id": request.transaction_id}),
                "baskets_epoch_fence": DomainError(ErrorReason.STATE_REBUILDING),
                "points_wallets_floor": DomainError(ErrorReason.INSUFFICIENT_POINTS)})
            # Committed: the reservations stay held for the capture (or the void, or the sweep).
            return Prepared(basket, (row,), rejections, on_abort=lambda: _run_all(releases))

        return await execute_once(self._deps, caller, "AuthorizeBasket", command, prepare, Basket.from_json)

    async def _hold_coupon(self, kind: str, value: str, account_id: str, location: Location, bill: Money,
                           request_id: str, caller: Caller, deadline_ms: int):
        """One coupon of the basket, checked and reserved by RedeemCoupon's own code."""
        named = RedeemCoupon(request_id, value if kind == "code" else "", account_id if kind == "code" else "",
                             location.store_id, bill, value if kind != "code" else "", location.zone_id,
                             location.interaction_point_id)
        offer, coupon, code, holder = await self._coupons._named(named, caller)
        # The holder as _named names it: an account id (or, once the coupon path checks account
        # states, the holder's AccountState).
        if getattr(holder, "account_id", holder) != account_id:
            raise DomainError(ErrorReason.COUPON_NOT_FOUND, metadata={"account_coupon_id": value})
        return await self._coupons._redemption(offer, coupon, code, account_id, location, bill, request_id, caller,
                                               deadline_ms=deadline_ms)

    # --- capture ------------------------------------------------------------------------

    async def capture(self, command: CaptureBasket, caller: Caller) -> Basket:
        validate_request_id(command.request_id)
        basket_id = parse_uuid(command.basket_id, "basket_id")

        async def prepare() -> Prepared[Basket]:
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
            location = Location(*holds["location"])
            kept, dropped, results, bonuses = [], [], list(basket.coupon_results), []
            by_index = {hold["index"]: hold for hold in holds["coupons"]}
            remaining = total
            for n, result in enumerate(basket.coupon_results):
                if not result.applied:
                    continue
                hold, values = by_index[n], dict(by_index[n]["row"])
                if total != basket.total_minor:
                    # A bill-dependent coupon is priced again on what is left of the final total.
                    offer = await self._coupons.offer_by_id(caller.org_id, result.offer_id)
                    bill = Money(remaining, basket.currency_code)
                    customer, rates = await self._coupons._facts(offer, basket.account_id, bill, now, caller)
                    failures = [f for f in failing_rules(offer, now, location.store_id, bill, location=location,
                                                         customer=customer, rates=rates) if f.reason in BILL_RULES]
                    if failures:
                        results[n] = dataclasses.replace(result, applied=False, reason=failures[0].reason.name,
                                                         discount_minor=0, redemption_id="")
                        dropped.append(hold)
                        continue
                    amount = 0 if offer.applies_at_earn else discount(offer, bill, rates)
                    results[n] = dataclasses.replace(result, discount_minor=amount)
                    values.update(bill_minor=remaining, discount_minor=amount)
                remaining -= results[n].discount_minor
                bonus = bool(result.extra_points or result.points_multiplier_bps)
                if bonus:
                    bonuses.append(CouponBonus(result.offer_id, values["code"], result.extra_points,
                                               result.points_multiplier_bps))
                kept.append((hold, values, bonus))
            readmitted = await self._readmit(kept, basket, now, caller)
            earn: Prepared | None = None
            earn_id = ""
            if holds["earn"]:
                quote, tier_id = await self._points.quote_purchase_earn(
                    account, rules, Purchase(remaining, basket.currency_code, basket.store_id, holds["card"], now),
                    bonuses, transaction_id=basket.transaction_id,
                    lines=tuple((line.sku, line.item_count, line.amount_minor) for line in basket.lines))
                earn = await self._points.prepare_purchase_earn(caller, f"{command.request_id}#earn", account,
                                                                rules, quote, tier_id)
                earn_id = quote.points_transaction_id
            captured = dataclasses.replace(
                basket, state=int(BasketState.CAPTURED), total_minor=total, coupon_results=tuple(results),
                earned_points=earn.result.transactions[0].points if earn else 0, capture_time=now,
                earn_points_transaction_id=earn_id,
                burn_points_transaction_id=holds.get("burn_transaction_id", ""))
            # EXTRAPOINT and MULTIPLIER redemptions name the earn, as EarnPoints' do (a full refund
            # of the earn gives them back).
            # The transition first: of two captures (or a capture and a void) of one basket, the
            # loser meets the basket's state before any unique index its rows share with the winner's.
            rows = [Row("basket_events", _CAPTURE_COLUMNS, (basket_id, int(BasketState.CAPTURED), now,
                                                            Jsonb(captured.to_json()), command.request_id,
                                                            caller.client_id, self._guard.require_ready()))]
            rows += [Row("coupon_redemptions", _REDEMPTION_COLUMNS, _row_values(values, earn_id if bonus and earn_id
                                                                                 else None))
                     for _, values, bonus in kept]
            rejections = {name: DomainError(reason, metadata={"basket_id": basket_id})
                          for name, reason in {**_COUPON_REJECTIONS, **_TRANSITION_REJECTIONS}.items()}
            if earn is not None:
                rows += earn.rows
                rejections.update(earn.rejections)

            async def settle() -> None:
                await asyncio.gather(*(self._confirm_coupon(hold) for hold, *_ in kept),
                                     *(self._release_coupon(hold) for hold in dropped))
                if holds["wallet"]:
                    await self._points.wallets.confirm(Points.hold_of(holds["wallet"]))
                if earn is not None and earn.on_commit is not None:
                    await earn.on_commit()

            async def abort() -> None:
                await _run_all([self._coupon_releaser(hold) for hold in readmitted]
                               + ([earn.on_abort] if earn is not None and earn.on_abort else []))

            # Not committed: only the capture's own reservations go; the basket stays AUTHORIZED.
            return Prepared(captured, tuple(rows), rejections, on_commit=settle, on_abort=abort)

        prepare = evented(prepare, self._deps.clock, caller.org_id, "basket.captured", "account", lambda b: b.account_id)
        return await execute_once(self._deps, caller, "CaptureBasket", command, prepare, Basket.from_json)

    async def _readmit(self, kept: list, basket: Basket, now: dt.datetime, caller: Caller) -> list[dict]:
        """After a Redis rebuild, the coupons held under the old epoch are no longer counted (the
        counters were rebuilt from the ledger) and their rows would be fenced out: reserve each
        again under the current epoch, by the same script and limits (a refusal fails the capture
        with its reason; the basket stays AUTHORIZED and can be voided). Updates `kept` in place
        and returns the new holds (released if the capture does not commit)."""
        epoch = self._guard.require_ready()
        deadline_ms = int(basket.expire_time.timestamp() * 1000) + limits.BASKET_SWEEP_MARGIN_MS
        readmitted: list[dict] = []
        try:
            for n, (hold, values, bonus) in enumerate(kept):
                if values["epoch"] == epoch:
                    continue
                offer = await self._coupons.offer_by_id(caller.org_id, values["offer_id"])
                coupon = _CouponRef(values["coupon_id"]) if values["coupon_id"] else None
                try:
                    reserved = await self._coupons._reserve(offer, values["account_id"], hold["request_key"], now,
                                                            coupon=coupon, deadline_ms=deadline_ms)
                except DomainError as refusal:
                    raise DomainError(refusal.reason, refusal.message,
                                      {**refusal.metadata, "coupon_code": values["code"]}) from None
                values = {**values, "epoch": reserved.epoch, "coupon_use": (
                    f"{values['coupon_id']}:{reserved.reversals}" if values["coupon_id"] else None)}
                keys = offer_keys(values["offer_id"], values["account_id"], reserved.epoch)
                if values["coupon_id"]:
                    keys += coupon_keys(values["offer_id"], values["coupon_id"])[:1]
                hold = {**hold, "epoch": reserved.epoch, "keys": keys}
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
            stored = await self._load(basket_id, caller)
            basket = stored.basket
            if basket.state == BasketState.CAPTURED:
                raise DomainError(ErrorReason.BASKET_ALREADY_CAPTURED, metadata={"basket_id": basket_id})
            if basket.state != BasketState.AUTHORIZED:
                return Prepared(basket, ())  # Released already: nothing changes.
            now = self._deps.clock.now()
            voided = dataclasses.replace(basket, state=int(BasketState.VOIDED), void_time=now)
            row = Row("basket_events", _EVENT_COLUMNS, (basket_id, int(BasketState.VOIDED), now,
                                                        Jsonb(voided.to_json()), command.request_id, caller.client_id))
            rejections = {name: DomainError(reason, metadata={"basket_id": basket_id})
                          for name, reason in _TRANSITION_REJECTIONS.items()}
            return Prepared(voided, (row,), rejections, on_commit=lambda: self._release(stored.holds))

        prepare = evented(prepare, self._deps.clock, caller.org_id, "basket.voided", "account", lambda b: b.account_id)
        return await execute_once(self._deps, caller, "VoidBasket", command, prepare, Basket.from_json)

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
        size = page_size(query.page_size)
        account = await resolve_account(self._deps, caller.org_id, query.account)
        # The token is tied to the query as resolved (an identifier and its account id page alike).
        digest = query_digest(ListBaskets(AccountRef(account.account_id), tuple(sorted(states))))
        after = decode_page_token(query.page_token, digest)
        async with self._deps.pool.connection() as connection:
            cursor = await connection.execute(
                "SELECT basket_id::text, detail, state, capture_time, void_time, authorize_time FROM baskets"
                " WHERE org_id = %(org)s AND account_id = %(account)s"
                " AND (cardinality(%(states)s::smallint[]) = 0 OR state = ANY(%(states)s::smallint[]))"
                " AND (%(after_time)s::timestamptz IS NULL OR (authorize_time, basket_id)"
                "      < (%(after_time)s::timestamptz, %(after_id)s::uuid))"
                " ORDER BY authorize_time DESC, basket_id DESC LIMIT %(limit)s",
                {"org": caller.org_id, "account": account.account_id, "states": list(states),
                 "after_time": after[0] if after else None, "after_id": after[1] if after else None,
                 "limit": size + 1})
            rows = await cursor.fetchall()
            refunds = await _refunds(connection, [row[0] for row in rows[:size]])
        page = [dataclasses.replace(Basket.from_json(detail), state=int(state), capture_time=capture_time,
                                    void_time=void_time, refunds=refunds.get(basket_id, ()))
                for basket_id, detail, state, capture_time, void_time, _ in rows[:size]]
        token = ""
        if len(rows) > size:
            token = encode_page_token((rows[size - 1][5], rows[size - 1][0]), digest)
        return page, token

    # --- refund -------------------------------------------------------------------------

    async def refund(self, command: RefundBasket, caller: Caller) -> tuple[BasketRefund, Basket]:
        """RefundBasket: returned lines of a captured basket take back their part of the earn (one
        RefundPoints REFUND, rows and reservation by its own code) and the coupons the kept lines
        no longer carry (ReverseRedemption's rows and give-back), committed in one transaction with
        the basket_refunds row (numbered after the refunds it was computed from)."""
        validate_request_id(command.request_id)
        basket_id = parse_uuid(command.basket_id, "basket_id")

        async def prepare() -> Prepared[_Refunded]:
            stored = await self._load(basket_id, caller)
            basket = stored.basket
            plan = plan_return(basket, command.lines)
            now = self._deps.clock.now()
            parts: list[Prepared] = []
            try:
                refund_tx = ""
                if plan.earn_refund_points and basket.earn_points_transaction_id:
                    try:
                        earn = await self._points.prepare_refund(
                            RefundPoints(f"{command.request_id}#earn", basket.earn_points_transaction_id,
                                         plan.earn_refund_points, f"basket {basket_id} returned"),
                            caller, basket.earn_points_transaction_id)
                    except DomainError as refusal:
                        if refusal.reason is ErrorReason.REFUND_EXCEEDS_TRANSACTION:
                            # The plan fits the refunds committed; the earn's refunded-so-far count
                            # (reserved included) says another refund of the basket is in flight.
                            raise DomainError(ErrorReason.BASKET_REFUNDED_CONCURRENTLY,
                                              metadata={"basket_id": basket_id}) from None
                        raise
                    parts.append(earn)
                    refund_tx = earn.result.transactions[0].points_transaction_id
                reversed_ids: list[str] = []
                for n, redemption_id in enumerate(await self._coupons_to_reverse(basket, stored, plan, now, caller)):
                    try:
                        parts.append(await self._coupons.prepare_reverse(
                            ReverseRedemption(f"{command.request_id}#coupon{n}", redemption_id), caller,
                            redemption_id))
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
            rows = [Row("basket_refunds", _REFUND_COLUMNS, (
                basket_id, len(basket.refunds) + 1, refund.refund_id,
                Jsonb([dataclasses.asdict(line) for line in plan.lines]), plan.returned_minor,
                refund.refunded_points, refund_tx or None, [uuid.UUID(rid) for rid in reversed_ids], now, command.request_id,
                caller.client_id))]
            rejections: dict[str, DomainError] = {}
            for part in parts:
                rows += part.rows
                rejections.update(part.rejections)
            rejections.update({name: DomainError(reason, metadata={"basket_id": basket_id})
                               for name, reason in _REFUND_REJECTIONS.items()})
            commits = [part.on_commit for part in parts if part.on_commit]
            aborts = [part.on_abort for part in parts if part.on_abort]
            return Prepared(_Refunded(refund, after), tuple(rows), rejections,
                            on_commit=lambda: _run_all(commits), on_abort=lambda: _run_all(aborts))

        answer = await execute_once(self._deps, caller, "RefundBasket", command, prepare, _Refunded.from_json)
        return answer.refund, answer.basket

    async def _coupons_to_reverse(self, basket: Basket, stored: _Stored, plan, now: dt.datetime,
                                  caller: Caller) -> list[str]:
        """The redemptions a refund gives back, in the basket's order: every one once everything is
        returned; else those whose bill rule fails on what the customer keeps (priced again in
        order, like a capture), and FREE_ITEM ones whose item is returned in full. EXTRAPOINT and
        MULTIPLIER coupons go with the earn: its full refund gives them back (RefundPoints)."""
        done = {rid for refund in basket.refunds for rid in refund.reversed_redemption_ids}
        applied = [result for result in basket.coupon_results if result.applied and result.redemption_id]
        at_earn = lambda result: result.kind in (RewardKind.EXTRAPOINT, RewardKind.MULTIPLIER)  # noqa: E731
        if plan.everything_returned:
            return [r.redemption_id for r in applied if r.redemption_id not in done
                    and not (at_earn(r) and basket.earn_points_transaction_id)]
        location_ids = stored.holds.get("location") or [basket.store_id, "", ""]
        location = Location(*location_ids)
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
                                                 customer=customer, rates=rates) if f.reason in BILL_RULES]
            if failures:
                chosen.append(result.redemption_id)
                continue
            remaining -= discount(offer, bill, rates)
        return chosen

    async def sweep_expired(self) -> int:
        """Expire the AUTHORIZED baskets whose expire_time has passed (a basket a capture holds
        locked is skipped: its commit decides) and release what they held. Returns how many."""
        now = self._deps.clock.now()
        async with self._deps.pool.connection() as connection:
            async with connection.transaction():
                cursor = await connection.execute(
                    "INSERT INTO basket_events (basket_id, state, event_time, request_id, client_id)"
                    " SELECT basket_id, 4, %(now)s, 'expiry', 'system' FROM baskets"
                    " WHERE state = 1 AND expire_time <= %(now)s ORDER BY expire_time LIMIT %(limit)s"
                    " FOR UPDATE SKIP LOCKED RETURNING basket_id",
                    {"now": now, "limit": limits.BASKET_EXPIRY_BATCH_MAX})
                expired = [row[0] for row in await cursor.fetchall()]
            if not expired:
                return 0
            cursor = await connection.execute("SELECT holds FROM baskets WHERE basket_id = ANY(%s)", (expired,))
            holds = [row[0] for row in await cursor.fetchall()]
        for each in holds:
            await self._release(each)
        return len(expired)

    async def _load(self, basket_id: str, caller: Caller) -> _Stored:
        async with self._deps.pool.connection() as connection:
            cursor = await connection.execute(
                "SELECT detail, holds, program_id, state, capture_time, void_time, burn_transaction_id::text"
                " FROM baskets WHERE basket_id = %s AND org_id = %s", (basket_id, caller.org_id))
            found = await cursor.fetchone()
            refunds = await _refunds(connection, [basket_id]) if found is not None else {}
        if found is None:
            raise DomainError(ErrorReason.BASKET_NOT_FOUND, metadata={"basket_id": basket_id})
        detail, holds, program_id, state, capture_time, void_time, burn_id = found
        basket = dataclasses.replace(Basket.from_json(detail), state=int(state), capture_time=capture_time,
                                     void_time=void_time, refunds=refunds.get(basket_id, ()))
        return _Stored(basket, program_id, {**holds, "burn_transaction_id": burn_id or ""})

    # --- settling the reservations ------------------------------------------------------

    async def _confirm_coupon(self, hold: dict) -> None:
        await self._coupons._confirm(hold["keys"], hold["request_key"], hold["epoch"])

    def _coupon_releaser(self, hold: dict) -> Callable[[], Awaitable[None]]:
        return lambda: self._release_coupon(hold)

    async def _release_coupon(self, hold: dict) -> None:
        await self._deps.scripts.run("coupon_release", hold["keys"], [hold["request_key"], hold["epoch"]])

    async def _release(self, holds: dict) -> None:
        await asyncio.gather(*(self._release_coupon(hold) for hold in holds["coupons"]))
        if holds["wallet"]:
            await self._points.wallets.release(Points.hold_of(holds["wallet"]))


@dataclass(frozen=True, slots=True)
class _CouponRef:
    """An issued coupon as coupon_redeem needs it: its id (its use count is under the offer's tag)."""

    coupon_id: str


def _admitted_epoch(wallet_hold, coupon_holds: list[dict], guard: StateGuard) -> int:
    """The Redis epoch the basket's reservations were made under (its row is fenced by it)."""
    if coupon_holds:
        return coupon_holds[0]["epoch"]
    return wallet_hold.epoch if wallet_hold else guard.require_ready()


def _coupon_hold(row: Row, index: int) -> dict:
    """What settles a coupon's reservation later (in any worker), and its ledger row."""
    values = dict(zip(row.columns, row.values))
    epoch = values["epoch"]
    keys = offer_keys(values["offer_id"], values["account_id"], epoch)
    if values["coupon_id"]:
        keys += coupon_keys(values["offer_id"], values["coupon_id"])[:1]
    return {"index": index, "keys": keys, "request_key": f"{values['client_id']}:{values['request_id']}",
            "epoch": epoch, "row": {**values, "redeem_time": values["redeem_time"].isoformat()}}


def _row_values(values: dict, points_transaction_id: str | None) -> tuple:
    values = {**values, "redeem_time": dt.datetime.fromisoformat(values["redeem_time"]),
              "points_transaction_id": points_transaction_id}
    return tuple(values[column] for column in _REDEMPTION_COLUMNS)


async def _refunds(connection, basket_ids: list[str]) -> dict[str, tuple[BasketRefund, ...]]:
    """The refunds of these baskets, oldest first."""
    found: dict[str, list[BasketRefund]] = {}
    if not basket_ids:
        return {}
    cursor = await connection.execute(_REFUND_SELECT, (basket_ids,))
    for basket_id, refund_id, lines, returned, points, tx, reversed_ids, when in await cursor.fetchall():
        found.setdefault(str(basket_id), []).append(BasketRefund(
            refund_id, tuple(ReturnedLine(**line) for line in lines), returned, points, tx,
            tuple(reversed_ids or ()), when))
    return {basket_id: tuple(refunds) for basket_id, refunds in found.items()}


async def _run_all(actions: list[Callable[[], Awaitable[None]]]) -> None:
    await asyncio.gather(*(action() for action in actions), return_exceptions=True)
