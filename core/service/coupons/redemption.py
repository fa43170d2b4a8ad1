"""Redemption: ValidateCoupon, RedeemCoupon (and its batch), ReverseRedemption, and coupons applied
at an earn.

A redemption, as DESIGN.md section 4 draws it:

    validate -> claim request_id -> rules without shared state (in process, cached offer)
    -> coupon_redeem.lua: epoch + gap + per-account and global limits, reserve (one round trip)
    -> ledger writer: the redemption row and the stored reply in one group commit
       (a trigger refuses rows admitted under a stale Redis epoch)
    -> coupon_confirm.lua (or coupon_release.lua if the commit failed) -> reply
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

from core.adapters.idempotency import Claim, ClaimTaken, ClaimTicket
from core.adapters.postgres.ledger_writer import Row
from core.adapters.postgres.outbox import event_row
from core.adapters.postgres.redemptions import RedemptionRow, reversal_row
from core.adapters.redis.coupons import CounterKind, CouponRedis, LimitRefusal, OfferKeys, Refused, Reserved, \
    coupon_keys, keys_of, offer_tag
from core.domain.accounts import Identifier
from core.domain.coupons import (BillLine, Customer, IssuedCoupon, Location, Money, Offer, Rates, coupon_failures,
                                 coupon_rule_failures, coupon_state, discount, failing_rules, parse_account_coupon_id,
                                 reward_currencies)
from core.domain.errors import DomainError, ErrorReason, field_invalid
from core.service.account_states import AccountState, account_state, check_state
from core.service.accounts import validate_request_id
from core.service.context import Caller
from core.service.coupons.base import RESERVATION_TTL_MS, EngineBase
from core.service.coupons.checks import parse_uuid, refusal, validate_redeem
from core.service.coupons.commands import (CouponView, HeldRedemption, RedeemCoupon, Redemption, Reversal,
                                           ReverseRedemption, Validation)
from core.service.coupons.settlement import HeldReservation
from core.service.batch import each_item
from core.service.events_outbox import with_events
from core.service.idempotent import Prepared, execute_claiming, execute_once

_LOAD_ATTEMPTS = 2
"""A script refused for state not loaded runs once more after the offer's state is loaded."""


def _redemption_rejections(code: str) -> dict[str, DomainError]:
    return {
        "coupon_redemptions_epoch_fence": DomainError(ErrorReason.STATE_REBUILDING),
        "coupon_redemptions_coupon_use_unique": DomainError(ErrorReason.COUPON_ALREADY_REDEEMED,
                                                            metadata={"code": code}),
        # A revocation or (never) a lost activation won the coupon's row lock first.
        "coupon_redemptions_coupon_revoked": DomainError(ErrorReason.COUPON_REVOKED, metadata={"code": code}),
        "coupon_redemptions_coupon_not_activated": DomainError(ErrorReason.COUPON_NOT_ACTIVATED,
                                                               metadata={"code": code})}


@dataclass(frozen=True, slots=True)
class GiveBack:
    """After a reversal commits: give the redemption's counts (and its coupon's use) back."""

    pools: CouponRedis
    offer_id: str
    account_id: str
    coupon_id: str | None

    async def __call__(self) -> None:
        await self.pools.unredeem(offer_id=self.offer_id, account_id=self.account_id, delta=-1,
                                  coupon_id=self.coupon_id)


@dataclass(frozen=True, slots=True)
class GiveBackAll:
    steps: tuple[GiveBack, ...]

    async def __call__(self) -> None:
        for step in self.steps:
            await step()


class RedemptionPart(EngineBase):
    async def validate(self, code: str, account_id: str, location: Location | str, bill: Money,
                       caller: Caller, account_coupon_id: str = "",
                       account_identifier: Identifier | None = None,
                       lines: Sequence[BillLine] = ()) -> Validation:
        """ValidateCoupon's dry run: every failing rule and limit in precedence order (empty when
        RedeemCoupon would succeed now), the offer, and the discount it would give. Reserves nothing.
        `location` may be a bare store id. An unknown coupon or account (ACCOUNT_NOT_FOUND: never
        created, deleted, of another program than the offer's) is the only failure reported."""
        location = Location(location) if isinstance(location, str) else location
        command = RedeemCoupon("dry-run", code, account_id, location.store_id, bill, account_coupon_id,
                               location.zone_id, location.interaction_point_id, account_identifier, tuple(lines),
                               location.concept_id)
        validate_redeem(command)
        try:
            offer, coupon, code, state = await self._named(command, caller)
        except DomainError as missing:
            if missing.reason not in (ErrorReason.COUPON_NOT_FOUND, ErrorReason.ACCOUNT_NOT_FOUND):
                raise
            return Validation([missing], None, 0, self._deps.clock.now())
        account_id = state.account_id
        now = self._deps.clock.now()
        failures: list[DomainError] = []
        try:
            check_state(state, caller.org_id, offer.program_id)
        except DomainError as refused:
            if refused.reason is ErrorReason.ACCOUNT_NOT_FOUND:
                return Validation([refused], offer, 0, now, None, code, account_id)
            failures.append(refused)
        try:
            customer, rates = await self._facts(offer, account_id, bill, now, caller)
        except DomainError as missing:  # The account is unknown (only when the rules read it).
            return Validation([missing], offer, 0, now, None, code, account_id)
        failures += failing_rules(offer, now, location.store_id, bill, location=location, customer=customer,
                                  rates=rates, lines=command.lines)
        if coupon is not None:
            failures += coupon_failures(coupon, now) + coupon_rule_failures(offer.rules, coupon, now)
        failures += [refusal(refused) for refused in await self._check_limits(offer, account_id, now)]
        amount = 0
        if not any(f.reason is ErrorReason.CURRENCY_MISMATCH for f in failures):
            try:
                amount = discount(offer, bill, rates, command.lines)
            except DomainError as mismatch:  # A missing rate the bill bounds reported already counts once.
                if not any(f.reason is mismatch.reason and f.metadata == mismatch.metadata for f in failures):
                    failures.append(mismatch)
        view = CouponView(coupon, coupon_state(coupon, now)) if coupon is not None else None
        return Validation(sorted(failures, key=lambda f: f.reason.precedence), offer, amount, now, view, code,
                          account_id)

    async def _check_limits(self, offer: Offer, account_id: str, now: dt.datetime) -> tuple[Refused, ...]:
        """coupon_check's failing shared-state rules (gap, limits), loading the offer's state first
        if it is not loaded."""
        rules = offer.rules
        for _ in range(_LOAD_ATTEMPTS):
            failing = await self._pools.check(
                offer_id=offer.offer_id, account_id=account_id, epoch=self._guard.require_ready(),
                now_ms=int(now.timestamp() * 1000), gap_ms=rules.min_gap_seconds * 1000,
                account_max=rules.max_account_redemptions, offer_max=rules.max_redemptions, version=offer.version)
            if [refused.reason for refused in failing] != [LimitRefusal.NOT_LOADED]:
                break
            await self._reload(offer.offer_id)
        return failing

    async def redeem(self, command: RedeemCoupon, caller: Caller) -> Redemption:
        try:
            return await self._redeem(command, caller)
        except DomainError as error:
            if error.reason is not ErrorReason.STATE_REBUILDING:
                raise
        # The fence refused the commit: Redis is behind the ledger. Rebuild, then answer.
        await self._guard.ensure()
        return await self._redeem(command, caller)

    async def _redeem(self, command: RedeemCoupon, caller: Caller) -> Redemption:
        validate_redeem(command)
        offer, coupon, code, state = await self._named(command, caller)
        if offer.applies_at_earn:
            raise DomainError(ErrorReason.COUPON_APPLIES_AT_EARN, metadata={"code": command.code})

        async def prepare(claim: ClaimTicket | None) -> Prepared[Redemption]:
            prepared = await self._prepare_redeem(command, offer, coupon, code, state, caller, claim)
            payload = prepared.result.to_json()  # The event's payload and the stored reply.
            return dataclasses.replace(with_events(prepared, event_row(
                caller.org_id, "coupon.redeemed", "account", prepared.result.account_id, payload,
                prepared.result.redeem_time)), result_json=(prepared.result, payload))

        # One Redis call before the commit: the request id is claimed by the reservation script.
        return await execute_claiming(self._deps, caller, "RedeemCoupon", command, prepare, Redemption.from_json,
                                      offer_tag(offer.offer_id))

    async def _prepare_redeem(self, command: RedeemCoupon, offer: Offer, coupon: IssuedCoupon | None, code: str,
                              state: AccountState, caller: Caller,
                              claim: ClaimTicket | None = None) -> Prepared[Redemption]:
        # Checked inside the request: a retry of a committed redemption replays its reply even if
        # the account was locked since (a refusal is answered only after the claim: execute_claiming).
        check_state(state, caller.org_id, offer.program_id)
        held = await self._redemption(offer, coupon, code, state.account_id, command.location, command.bill,
                                      command.request_id, caller, lines=command.lines, claim=claim)
        # The confirm only drops the hold (the counts include it already): it runs after the reply.
        return Prepared(held.redemption, (held.row,), held.rejections, on_commit=held.confirm, on_abort=held.release,
                        reply_before_settling=True)

    async def redeem_batch(self, commands: Sequence[RedeemCoupon],
                           caller: Caller) -> list[Redemption | DomainError]:
        """BatchRedeemCoupons: each command redeemed exactly as `redeem` does (core/service/batch.py)."""
        return await each_item(commands, caller, lambda command: self.redeem(command, caller),
                               lambda command: command.store_id)

    # --- what a redemption names -----------------------------------------------------------

    async def _named(self, command: RedeemCoupon,
                     caller: Caller) -> tuple[Offer, IssuedCoupon | None, str, AccountState]:
        """(offer, issued coupon or None for a common code, code, the account's state, not
        checked yet) of a redemption named by code and account (id or identifier), or by account
        coupon id."""
        if not command.account_coupon_id:
            offer, coupon = await self.lookup_code(caller.org_id, command.code)
            state = await self._account_of(command.account_id, command.account_identifier, offer.program_id, caller)
            if coupon is not None and coupon.account_id != state.account_id:
                # A transferred code names a revoked coupon of its old holder and the new one's:
                # the account's own comes first.
                offer, coupon = await self.lookup_code(caller.org_id, command.code, state.account_id)
            coupon = await self._held(offer, coupon, command.code, state.account_id)
            return offer, coupon, command.code.upper(), state
        offer, coupon, account_id = await self._account_coupon(command.account_coupon_id, caller)
        if command.account_id and parse_uuid(command.account_id, "account_id") != account_id:
            raise field_invalid("account_id", "empty, or the account the account_coupon_id names")
        state = await account_state(self._deps, account_id)
        if coupon is None:
            return offer, None, offer.common_code or "", state
        return offer, coupon, coupon.code, state

    async def _account_coupon(self, value: str, caller: Caller) -> tuple[Offer, IssuedCoupon | None, str]:
        """The offer, the account's newest coupon of it (None: the account holds none but the
        offer has a common code) and the account of an account coupon id; COUPON_NOT_FOUND else."""
        offer_id, account_id = parse_account_coupon_id(value)
        try:
            offer = await self.offer_by_id(caller.org_id, offer_id)
        except DomainError:
            raise DomainError(ErrorReason.COUPON_NOT_FOUND, metadata={"account_coupon_id": value}) from None
        coupons = await self._coupons_of(caller.org_id, offer_id, account_id, limit=1)
        if offer.common_code and not offer.rules.activation_required:
            return offer, None, account_id  # The common code itself is redeemed.
        if coupons:
            return offer, coupons[0], account_id
        raise DomainError(ErrorReason.COUPON_NOT_FOUND, metadata={"account_coupon_id": value})

    async def _code_of(self, code: str, account_id: str, caller: Caller) -> tuple[Offer, IssuedCoupon | None]:
        """The offer and the coupon a code names for an account. A common code is redeemed as
        such (None), unless its offer needs activation: then the account's own coupon of the
        code, issued and activated, is what is redeemed (single use, like any issued coupon)."""
        offer, coupon = await self.lookup_code(caller.org_id, code, str(uuid.UUID(account_id)))
        return offer, await self._held(offer, coupon, code, account_id)

    async def _held(self, offer: Offer, coupon: IssuedCoupon | None, code: str, account_id: str) -> IssuedCoupon | None:
        """_code_of once the code is looked up."""
        if coupon is None and offer.rules.activation_required:
            coupon = await self._common_coupon(offer, str(uuid.UUID(account_id)))
            if coupon is None:
                raise DomainError(ErrorReason.COUPON_NOT_FOUND, metadata={"code": code})
        if (coupon is not None and coupon.account_id != str(uuid.UUID(account_id))
                and not offer.rules.anyone_may_redeem):
            raise DomainError(ErrorReason.COUPON_NOT_FOUND, metadata={"code": code})
        return coupon

    # --- the reservation -------------------------------------------------------------------

    async def _redemption(self, offer: Offer, coupon: IssuedCoupon | None, code: str, account_id: str,
                          location: Location, bill: Money, request_id: str, caller: Caller,
                          points_transaction_id: str | None = None,
                          deadline_ms: int | None = None, lines: Sequence[BillLine] = (),
                          claim: ClaimTicket | None = None) -> HeldRedemption:
        """Check every rule, reserve the redemption in Redis and return its ledger row with the
        means to confirm or release it. The caller commits the row (with its own rows).
        `deadline_ms`: the reservation's deadline (default: now + RESERVATION_TTL_MS); `lines`:
        the bill's lines (a product-restricted offer discounts the matching ones); `claim`: the
        request id is claimed with the reservation (execute_claiming)."""
        now = self._deps.clock.now()
        request_key = f"{caller.client_id}:{request_id}"
        store_id = location.store_id
        customer, rates = await self._facts(offer, account_id, bill, now, caller)
        failures = failing_rules(offer, now, store_id, bill, location=location, customer=customer, rates=rates,
                                 lines=lines)
        if coupon is not None:  # Its use is left to the script and the Postgres guard.
            failures += coupon_failures(coupon, now, uses=False) + coupon_rule_failures(offer.rules, coupon, now)
        if failures:
            raise min(failures, key=lambda failure: failure.reason.precedence)
        amount = 0 if offer.applies_at_earn else discount(offer, bill, rates, lines)
        reserved = await self._reserve(offer, account_id, request_key, now, coupon=coupon, deadline_ms=deadline_ms,
                                       claim=claim)
        redemption = Redemption(str(uuid.uuid4()), offer.offer_id, account_id, amount, bill.currency_code, now,
                                reserved.count, reserved.remaining_account, reserved.remaining,
                                int(offer.reward_kind or 0), offer.free_item_sku)
        coupon_id = coupon.coupon_id if coupon else None
        row = RedemptionRow(
            redemption_id=redemption.redemption_id, org_id=caller.org_id, offer_id=offer.offer_id, code=code,
            account_id=account_id, store_id=store_id, bill_minor=bill.amount_minor, currency_code=bill.currency_code,
            discount_minor=amount, request_id=request_id, client_id=caller.client_id, epoch=reserved.epoch,
            redeem_time=now, coupon_id=coupon_id,
            coupon_use=f"{coupon_id}:{reserved.reversals}" if coupon_id else None,
            points_transaction_id=points_transaction_id,
            interaction_point_id=location.interaction_point_id or None).row()
        held = HeldReservation(self._pools, keys_of(offer.offer_id, account_id, reserved.epoch), request_key,
                               reserved.epoch, coupon_keys(offer.offer_id, coupon_id)[0] if coupon_id else None)
        return HeldRedemption(redemption, row, _redemption_rejections(code), offer, confirm=held.confirm,
                              release=held.release, code=code, coupon_id=coupon_id)

    async def _reserve(self, offer: Offer, account_id: str, request_key: str, now: dt.datetime,
                       coupon=None, kind: str | CounterKind = CounterKind.REDEEMED,
                       deadline_ms: int | None = None, claim: ClaimTicket | None = None) -> Reserved:
        """Run coupon_redeem for a redemption (or, with kind ISSUED, an issue); `coupon`: the
        issued coupon redeemed (anything with a coupon_id), single use; `claim`: claim the request
        id in the same call (ClaimTaken when it is held)."""
        kind = CounterKind(kind)
        rules = offer.rules
        issued = kind is CounterKind.ISSUED
        account_max, offer_max = ((rules.max_account_issues, rules.max_issues) if issued
                                  else (rules.max_account_redemptions, rules.max_redemptions))
        gap_ms = (offer.issuance.min_gap_seconds if issued else rules.min_gap_seconds) * 1000
        at_ms = int(now.timestamp() * 1000)
        for _ in range(_LOAD_ATTEMPTS):  # Once more after loading the offer's state.
            epoch = self._guard.require_ready()
            reply = await self._pools.redeem(
                keys=keys_of(offer.offer_id, account_id, epoch, kind), offer_id=offer.offer_id,
                coupon_id=coupon.coupon_id if coupon is not None else None, epoch=epoch, request_key=request_key,
                now_ms=at_ms, gap_ms=gap_ms, account_max=account_max, offer_max=offer_max,
                deadline_ms=deadline_ms or at_ms + RESERVATION_TTL_MS, account_id=account_id, version=offer.version,
                claim=claim)
            if isinstance(reply, Reserved):
                return reply
            if reply.reason is LimitRefusal.CLAIM_TAKEN:
                raise ClaimTaken(Claim(reply.detail))
            if reply.reason is not LimitRefusal.NOT_LOADED:
                raise refusal(reply, kind)
            await self._reload(offer.offer_id)
        raise DomainError(ErrorReason.STATE_REBUILDING)

    async def _confirm(self, keys: list[str], request_key: str, epoch: int) -> None:
        """Confirm a reservation made on `keys` (offer_keys' list: a basket's stored hold)."""
        await HeldReservation(self._pools, OfferKeys.of_list(keys), request_key, epoch).confirm()

    async def _facts(self, offer: Offer, account_id: str, bill: Money | None, now: dt.datetime,
                     caller: Caller) -> tuple[Customer | None, Rates]:
        """What the rules read beyond the request, read only when the offer needs it: the
        account's registration time and earlier purchases (customer rules), and the rates that
        convert the reward's currencies into the bill's."""
        customer = await self._customer(caller.org_id, account_id, now) if offer.rules.needs_customer else None
        foreign = reward_currencies(offer) - {bill.currency_code} if bill is not None else set()
        rates = await self._redemptions.rates(org_id=caller.org_id, from_currencies=sorted(foreign),
                                              to_currency=bill.currency_code) if foreign else {}
        return customer, rates

    async def _customer(self, org_id: str, account_id: str, now: dt.datetime) -> Customer:
        found = await self._redemptions.customer(org_id=org_id, account_id=account_id, now=now)
        if found is None:
            raise DomainError(ErrorReason.ACCOUNT_NOT_FOUND, metadata={"account_id": account_id})
        return found

    # --- at an earn ------------------------------------------------------------------------

    async def earn_coupons(self, codes: Sequence[str], account_id: str, store_id: str, bill: Money,
                           request_id: str, caller: Caller, points_transaction_id: str,
                           interaction_point_id: str = "") -> list[HeldRedemption]:
        """Apply EXTRAPOINT and MULTIPLIER coupons to an earn: each is checked and reserved like a
        redemption (rules, gap, both limits, single use) and its row joins the earn's commit; the
        caller confirms or releases them all with the earn. On a refusal, those already reserved
        are released and the refusal is raised."""
        held: list[HeldRedemption] = []
        try:
            for index, code in enumerate(codes):
                offer, coupon = await self._code_of(code, account_id, caller)
                if not offer.applies_at_earn:
                    raise DomainError(ErrorReason.COUPON_NOT_FOR_EARN, metadata={"code": code})
                # One redemption row per coupon: each has a request id of its own.
                held.append(await self._redemption(offer, coupon, code, account_id,
                                                   Location(store_id, interaction_point_id=interaction_point_id), bill,
                                                   f"{request_id}#coupon{index}", caller, points_transaction_id))
        except BaseException:
            for each in held:
                await each.release()
            raise
        return held

    async def apply_at_earn(self, offer: Offer, coupon: IssuedCoupon, account_id: str, store_id: str, bill: Money,
                            request_id: str, caller: Caller, points_transaction_id: str,
                            interaction_point_id: str = "") -> HeldRedemption:
        """One held EXTRAPOINT or MULTIPLIER coupon applied to an earn by itself
        (core/service/coupons/earn.py): checked and reserved exactly as a listed code is."""
        return await self._redemption(offer, coupon, coupon.code, account_id,
                                      Location(store_id, interaction_point_id=interaction_point_id), bill, request_id,
                                      caller, points_transaction_id)

    async def earn_reversals(self, points_transaction_id: str, request_id: str,
                             caller: Caller) -> tuple[tuple[Row, ...], Callable[[], Awaitable[None]]]:
        """Reversal rows for the coupon redemptions an earn made (when the earn is refunded in full)
        and the means to give their counts back once committed."""
        found = await self._redemptions.of_earn(points_transaction_id)
        now = self._deps.clock.now()
        rows = tuple(reversal_row(redemption_id=redemption.redemption_id, request_id=f"{request_id}#coupon{n}",
                                  client_id=caller.client_id, reverse_time=now)
                     for n, redemption in enumerate(found))
        return rows, GiveBackAll(tuple(GiveBack(self._pools, redemption.offer_id, redemption.account_id,
                                                redemption.coupon_id) for redemption in found))

    # --- ReverseRedemption -----------------------------------------------------------------

    async def reverse(self, command: ReverseRedemption, caller: Caller) -> Reversal:
        validate_request_id(command.request_id)
        redemption_id = parse_uuid(command.redemption_id, "redemption_id")

        async def prepare() -> Prepared[Reversal]:
            return await self.prepare_reverse(command, caller, redemption_id)

        return await execute_once(self._deps, caller, "ReverseRedemption", command, prepare, Reversal.from_json)

    async def prepare_reverse(self, command: ReverseRedemption, caller: Caller,
                              redemption_id: str) -> Prepared[Reversal]:
        """ReverseRedemption's row and count give-back, for ReverseRedemption and for the
        checkout's basket refunds (which commit them with their own rows)."""
        found = await self._redemptions.reversible(redemption_id=redemption_id, org_id=caller.org_id)
        if found is None:
            raise DomainError(ErrorReason.REDEMPTION_NOT_FOUND, metadata={"redemption_id": redemption_id})
        if found.revoke_time is not None:
            raise DomainError(ErrorReason.COUPON_REVOKED, metadata={"revoke_time": found.revoke_time.isoformat()})
        if found.reversed:
            raise DomainError(ErrorReason.REDEMPTION_ALREADY_REVERSED, metadata={"redemption_id": redemption_id})
        now = self._deps.clock.now()
        row = reversal_row(redemption_id=redemption_id, request_id=command.request_id, client_id=caller.client_id,
                           reverse_time=now)
        event = event_row(caller.org_id, "coupon.redemption_reversed", "account", found.account_id, {
            **Reversal(redemption_id, now).to_json(), "offer_id": found.offer_id, "account_id": found.account_id,
            "coupon_id": found.coupon_id}, now)
        return Prepared(Reversal(redemption_id, now, found.code, found.account_id), (row, event),
                        {"coupon_reversals_pkey": DomainError(ErrorReason.REDEMPTION_ALREADY_REVERSED,
                                                              metadata={"redemption_id": redemption_id}),
                         "coupon_reversals_coupon_revoked": DomainError(ErrorReason.COUPON_REVOKED)},
                        on_commit=GiveBack(self._pools, found.offer_id, found.account_id, found.coupon_id))
