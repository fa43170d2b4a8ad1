"""EXTRAPOINT and MULTIPLIER coupons apply by themselves: a purchase (EarnPoints) applies the
account's held coupons of those kinds that are valid now, without the checkout listing their codes.

Which coupons: the account's own coupons (issued to it, or its activated copy of a common code
that needs activation) that are not revoked, not used, not expired, activated if their offer
needs it, of an ACTIVE offer of the account's program (or of no program) whose reward is
EXTRAPOINT or MULTIPLIER. A common code that needs no activation is held by no one: it applies
only when listed. Each candidate is then checked against every offer rule and reserved exactly as
a listed code is (Coupons.apply_at_earn); one that fails a rule (store, bill, days, hours,
limits...) is left out, not an error. A listed code's coupon, and any other coupon of an offer
already applied to this purchase, is not applied again: at most one coupon per offer per purchase.

Order (documented in the proto): the listed codes first, in their order; then EXTRAPOINT before
MULTIPLIER, then the soonest-expiring first (no expiry last), then the earliest issued, then by
coupon id; at most EARN_COUPONS_MAX coupons in all.

The hot path: the one query for the account's candidates runs only when the program has an
ACTIVE earn-time offer. That fact is cached per worker and (org, program) for OFFER_CACHE_SECONDS
(2 s): an offer created or activated elsewhere applies automatically from at most 2 s later (a
listed code applies at once), and a program without such offers costs no query at all.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Collection

from core.domain import limits
from core.domain.coupons import IssuedCoupon, Money, Offer
from core.domain.errors import DomainError
from core.service.context import Caller, Deps
from core.service.coupons.base import OFFER_CACHE_SECONDS
from core.service.coupons.commands import HeldRedemption
from core.service.coupons.engine import Coupons
from core.service.coupons.stores import CouponStores


@dataclasses.dataclass(frozen=True, slots=True)
class AppliedCoupon:
    """A coupon an earn applied (EarnPointsResponse.applied_coupons)."""

    code: str
    offer_id: str
    coupon_id: str
    redemption_id: str
    automatic: bool

    @classmethod
    def of(cls, held: HeldRedemption, automatic: bool) -> AppliedCoupon:
        return cls(held.code, str(held.redemption.offer_id), held.coupon_id or "", held.redemption.redemption_id,
                   automatic)


class EarnCoupons:
    def __init__(self, deps: Deps, coupons: Coupons, stores: CouponStores | None = None) -> None:
        self._deps = deps
        self._coupons = coupons
        self._stores = stores or CouponStores.of(deps)
        self._live: dict[tuple[str, str], tuple[float, bool]] = {}

    async def _program_has_earn_offers(self, org_id: str, program_id: str) -> bool:
        key = (org_id, program_id)
        cached = self._live.get(key)
        if cached is not None and time.monotonic() - cached[0] < OFFER_CACHE_SECONDS:
            return cached[1]
        live = await self._stores.offers.program_has_earn_offers(org_id=org_id, program_id=program_id)
        if len(self._live) >= limits.PROGRAM_RULES_CACHE_ENTRIES_MAX:
            self._live.clear()  # Bounded: start over.
        self._live[key] = (time.monotonic(), live)
        return live

    async def candidates(self, org_id: str, program_id: str, account_id: str) -> list[tuple[Offer, IssuedCoupon]]:
        """The account's held earn-time coupons that may apply now, in the order they apply."""
        if not await self._program_has_earn_offers(org_id, program_id):
            return []
        found = await self._stores.coupons.earn_candidates(org_id=org_id, program_id=program_id,
                                                           account_id=account_id, now=self._deps.clock.now(),
                                                           limit=limits.EARN_COUPONS_MAX)
        return [(offer.offer(org_id), coupon) for offer, coupon in found]

    async def apply(self, caller: Caller, program_id: str, account_id: str, store_id: str, bill: Money,
                    request_id: str, points_transaction_id: str,
                    listed: Collection[HeldRedemption], interaction_point_id: str = "") -> list[HeldRedemption]:
        """Reserve the held coupons that apply by themselves (after the listed ones); the caller
        commits their rows with the earn and confirms or releases them with it."""
        room = limits.EARN_COUPONS_MAX - len(listed)
        if room <= 0:
            return []
        taken_offers = {str(held.redemption.offer_id) for held in listed}
        held: list[HeldRedemption] = []
        try:
            for offer, coupon in await self.candidates(caller.org_id, program_id, account_id):
                if len(held) >= room:
                    break
                if str(offer.offer_id) in taken_offers:
                    continue
                try:
                    applied = await self._coupons.apply_at_earn(
                        offer, coupon, account_id, store_id, bill, f"{request_id}#auto{len(held)}", caller,
                        points_transaction_id, interaction_point_id)
                except DomainError as error:
                    if error.transient:
                        raise
                    continue  # A rule it fails: it does not apply to this purchase.
                held.append(applied)
                taken_offers.add(str(offer.offer_id))
        except BaseException:
            for each in held:
                await each.release()
            raise
        return held
