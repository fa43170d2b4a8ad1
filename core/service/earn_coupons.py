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
from core.domain.coupons import IssuedCoupon, Money, Offer, OfferState
from core.domain.errors import DomainError
from core.service.context import Caller, Deps
from core.service.coupons import _COUPON_SELECT, OFFER_CACHE_SECONDS, Coupons, HeldRedemption, offer_from_row

_EARN_KIND = ("(coalesce((o.definition->>'extra_points')::bigint, 0) > 0"
              " OR coalesce((o.definition->>'points_multiplier_bps')::bigint, 0) > 0)")


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
        return cls(held.row.values[3], str(held.redemption.offer_id), str(held.row.values[13] or ""),
                   held.redemption.redemption_id, automatic)


class EarnCoupons:
    def __init__(self, deps: Deps, coupons: Coupons) -> None:
        self._deps = deps
        self._coupons = coupons
        self._live: dict[tuple[str, str], tuple[float, bool]] = {}

    async def _program_has_earn_offers(self, org_id: str, program_id: str) -> bool:
        key = (org_id, program_id)
        cached = self._live.get(key)
        if cached is not None and time.monotonic() - cached[0] < OFFER_CACHE_SECONDS:
            return cached[1]
        async with self._deps.pool.connection() as connection:
            cursor = await connection.execute(
                "SELECT EXISTS (SELECT 1 FROM offers o WHERE o.org_id = %s AND o.program_id IN (%s, '')"
                f" AND o.state = %s AND {_EARN_KIND})", (org_id, program_id, int(OfferState.ACTIVE)))
            (live,) = await cursor.fetchone()
        if len(self._live) >= limits.PROGRAM_RULES_CACHE_ENTRIES_MAX:
            self._live.clear()  # Bounded: start over.
        self._live[key] = (time.monotonic(), live)
        return live

    async def candidates(self, org_id: str, program_id: str, account_id: str) -> list[tuple[Offer, IssuedCoupon]]:
        """The account's held earn-time coupons that may apply now, in the order they apply."""
        if not await self._program_has_earn_offers(org_id, program_id):
            return []
        async with self._deps.pool.connection() as connection:
            cursor = await connection.execute(
                f"SELECT o.offer_id, o.state, o.definition, o.version, {_COUPON_SELECT}"
                " FROM coupons c JOIN offers o USING (offer_id)"
                " WHERE c.org_id = %(org)s AND c.account_id = %(account)s AND o.program_id IN (%(program)s, '')"
                f" AND o.state = %(active)s AND {_EARN_KIND} AND c.revoke_time IS NULL AND c.use_count = 0"
                " AND (c.expire_time IS NULL OR c.expire_time > %(now)s)"
                " AND (NOT c.activation_required OR c.activate_time IS NOT NULL)"
                " ORDER BY coalesce((o.definition->>'extra_points')::bigint, 0) > 0 DESC,"
                " c.expire_time NULLS LAST, c.issue_time, c.coupon_id LIMIT %(limit)s",
                {"org": org_id, "account": account_id, "program": program_id, "active": int(OfferState.ACTIVE),
                 "now": self._deps.clock.now(), "limit": limits.EARN_COUPONS_MAX})
            rows = await cursor.fetchall()
        return [(offer_from_row(org_id, None, offer_id, state, definition, version), IssuedCoupon(*coupon))
                for offer_id, state, definition, version, *coupon in rows]

    async def apply(self, caller: Caller, program_id: str, account_id: str, store_id: str, bill: Money,
                    request_id: str, points_transaction_id: str,
                    listed: Collection[HeldRedemption]) -> list[HeldRedemption]:
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
                        points_transaction_id)
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
