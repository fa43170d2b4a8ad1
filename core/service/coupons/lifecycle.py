"""An issued coupon's lifecycle: activation (and its undoing) and revocation."""

from __future__ import annotations

import dataclasses
import uuid

from core.adapters.postgres.coupons import activation_row, revocation_row
from core.adapters.postgres.outbox import event_row
from core.domain.coupons import IssuedCoupon, Offer, OfferState, coupon_failures
from core.domain.errors import DomainError, ErrorReason
from core.service.account_states import AccountState, account_state, check_state
from core.service.accounts import validate_request_id
from core.service.context import Caller
from core.service.coupons.base import EngineBase
from core.service.coupons.checks import parse_uuid, revocation_scope, validate_note
from core.service.coupons.commands import ActivateCoupon, Revocation, RevocationMode, RevokeCoupon, RevokeCoupons
from core.service.coupons.pools import unpool_revoked_codes
from core.service.idempotent import Prepared, execute_once


class LifecyclePart(EngineBase):
    async def activate(self, command: ActivateCoupon, caller: Caller) -> IssuedCoupon:
        """ActivateCoupon: an ISSUED coupon becomes redeemable; an ACTIVE one is returned unchanged.
        DeactivateCoupon (command.active False): an ACTIVE, unredeemed coupon goes back to ISSUED;
        an ISSUED one is returned unchanged. Either is an event row whose trigger changes
        activate_time under the coupon's row lock, refusing a coupon revoked (or, to deactivate,
        redeemed) in the meantime."""
        validate_request_id(command.request_id)
        account_id = await self.account_id_of(command.code, command.account_id, command.account_identifier, caller)
        offer, coupon = await self._holders_coupon(command.code, account_id, caller)
        state = await account_state(self._deps, coupon.account_id)
        check_state(state, caller.org_id, offer.program_id, active=False)
        if not command.active and not coupon.activation_required:
            raise DomainError(ErrorReason.COUPON_ACTIVATION_NOT_REQUIRED, metadata={"code": coupon.code})

        async def prepare() -> Prepared[IssuedCoupon]:
            return self._prepare_activation(command, offer, coupon, state, caller)

        method = "ActivateCoupon" if command.active else "DeactivateCoupon"
        return await execute_once(self._deps, caller, method, command, prepare, IssuedCoupon.from_json)

    def _prepare_activation(self, command: ActivateCoupon, offer: Offer, coupon: IssuedCoupon, state: AccountState,
                            caller: Caller) -> Prepared[IssuedCoupon]:
        check_state(state, caller.org_id, offer.program_id)
        now = self._deps.clock.now()
        failures = [f for f in coupon_failures(coupon, now) if f.reason is not ErrorReason.COUPON_NOT_ACTIVATED]
        if offer.state is not OfferState.ACTIVE:
            failures.append(DomainError(ErrorReason.OFFER_NOT_ACTIVE, metadata={"offer_id": offer.offer_id}))
        if failures:
            raise min(failures, key=lambda failure: failure.reason.precedence)
        if coupon.activated is command.active:
            return Prepared(coupon, ())
        changed = dataclasses.replace(coupon, activate_time=now if command.active else None, state_change_time=now)
        row = activation_row(coupon_id=coupon.coupon_id, org_id=caller.org_id, activate_time=now,
                             request_id=command.request_id, client_id=caller.client_id, active=command.active)
        return Prepared(changed, (row,), {
            "coupon_activations_coupon_revoked": DomainError(ErrorReason.COUPON_REVOKED,
                                                             metadata={"code": coupon.code}),
            "coupon_activations_coupon_redeemed": DomainError(ErrorReason.COUPON_ALREADY_REDEEMED,
                                                              metadata={"code": coupon.code})})

    async def revoke_coupons(self, command: RevokeCoupons, caller: Caller) -> Revocation:
        """RevokeCoupons: revoke an offer's unredeemed coupons in bulk (see revoke_protocol)."""
        validate_request_id(command.request_id)
        offer_id = parse_uuid(command.offer_id, "offer_id")
        mode, account_ids = revocation_scope(command)
        validate_note(command.note)
        await self.offer_by_id(caller.org_id, offer_id)
        return await self._revoke(command, caller, "RevokeCoupons", offer_id, mode, account_ids, None)

    async def revoke_coupon(self, command: RevokeCoupon, caller: Caller) -> IssuedCoupon:
        """RevokeCoupon: revoke one coupon; a redeemed one fails COUPON_ALREADY_REDEEMED, a revoked
        one is returned unchanged."""
        validate_request_id(command.request_id)
        validate_note(command.note)
        _, coupon = await self._holders_coupon(command.code, command.account_id, caller)
        if coupon.revoke_time is None:
            await self._revoke(command, caller, "RevokeCoupon", coupon.offer_id, RevocationMode.ONE, None,
                               coupon.coupon_id)
        _, coupon = await self._holders_coupon(command.code, command.account_id, caller)
        return coupon

    async def _revoke(self, command, caller: Caller, method: str, offer_id: str, mode: RevocationMode,
                      account_ids: list[str] | None, coupon_id: str | None) -> Revocation:
        """The revocation protocol, safe against a concurrent redemption of the same coupon:

        1. The revocation is one event row in coupon_revocations, committed by the ledger writer
           with the request's stored reply. Its trigger locks every coupon in scope (FOR UPDATE,
           in coupon_id order), reads each as last committed, and revokes those with no
           redemption in effect (use_count = 0) in the same statement.
        2. A redemption reserves in Redis (coupon_redeem.lua) without knowing about revocations,
           then commits its row; that row's trigger locks the coupon's row too and refuses the
           redemption if the coupon is revoked (COUPON_REVOKED; the reservation is released).
        3. So the coupon's row lock orders the two: a redemption committed first keeps its use
           (the revocation counts the coupon as redeemed and leaves it), a revocation committed
           first makes the redemption fail. A CHECK (revoke_time IS NULL OR use_count = 0)
           states the invariant, and reversals and activations of a revoked coupon are refused
           by their triggers under the same lock.
        Redis needs no revocation state: the in-process check (the coupon is read afresh on every
        redemption) answers COUPON_REVOKED at once, and the row lock decides the races.
        4. ALL_UNREDEEMED and UNISSUED_ONLY also revoke the offer's unissued codes, in the same
           trigger (their org_codes rows, locked in code order): from then on Postgres refuses
           them to any issue (one that drew a revoked code draws again) and no pool rebuild loads
           them. After the commit they are taken out of the Redis pools (unpool_revoked_codes),
           so that the next issue finds only unrevoked codes; a retry of the request (same
           request_id) takes them out again, should the worker have died in between."""

        async def prepare() -> Prepared[Revocation]:
            return self._prepare_revocation(command, caller, offer_id, mode, account_ids, coupon_id)

        revocation = await execute_once(self._deps, caller, method, command, prepare, Revocation.from_json)
        if mode in (RevocationMode.ALL_UNREDEEMED, RevocationMode.UNISSUED_ONLY):
            await unpool_revoked_codes(self._stores, offer_id, revocation.revocation_id, self._guard.require_ready())
        revoked, redeemed = await self._coupon_store.revocation_counts(revocation.revocation_id)
        return dataclasses.replace(revocation, revoked_count=revoked, redeemed_count=redeemed)

    def _prepare_revocation(self, command, caller: Caller, offer_id: str, mode: RevocationMode,
                            account_ids: list[str] | None, coupon_id: str | None) -> Prepared[Revocation]:
        now = self._deps.clock.now()
        revocation = Revocation(str(uuid.uuid4()), now)
        row = revocation_row(revocation_id=revocation.revocation_id, org_id=caller.org_id, offer_id=offer_id,
                             mode=int(mode), account_ids=account_ids, coupon_id=coupon_id, note=command.note,
                             revoke_time=now, request_id=command.request_id, client_id=caller.client_id)
        event = event_row(caller.org_id, "coupons.revoked", "offer", offer_id, {
            **revocation.to_json(), "offer_id": offer_id, "mode": mode.name, "account_ids": list(account_ids or ()),
            "coupon_id": coupon_id, "note": command.note}, now)
        return Prepared(revocation, (row, event), {"coupon_revocations_coupon_redeemed": DomainError(
            ErrorReason.COUPON_ALREADY_REDEEMED, metadata={"coupon_id": coupon_id or ""})})
