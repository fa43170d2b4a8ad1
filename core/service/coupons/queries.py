"""Reads: an account's coupons (GetCoupon, GetAccountCoupon, ListAccountCoupons) and the deals
open to it now (ListDeals), and resolving the account a request names."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable

from core.domain import limits
from core.domain.accounts import Identifier
from core.domain.coupons import (AppliedLimits, CouponState, CouponTerms, Customer, IssuedCoupon, Offer,
                                 applied_limits, coupon_state, coupon_terms, deal_is_open, gap_end,
                                 parse_account_coupon_id, remaining)
from core.domain.errors import DomainError, ErrorReason, field_required, field_too_long
from core.service import paging
from core.service.account_states import AccountState, account_state
from core.service.accounts import REQUEST_FIELDS, AccountRef, require_active, resolve_account, validate_ref
from core.service.context import Caller
from core.service.coupons.base import EngineBase
from core.service.coupons.checks import check_location, parse_uuid
from core.service.coupons.commands import AccountCoupon, CouponView, Deal, ListAccountCoupons, ListDeals

_HELD_MAX = 100
"""An account's coupons of one offer read at most (the newest)."""


class QueryPart(EngineBase):
    def view(self, coupon: IssuedCoupon) -> CouponView:
        """The coupon with its state as of now (server clock)."""
        return CouponView(coupon, coupon_state(coupon, self._deps.clock.now()))

    async def get_coupon(self, code: str, account_id: str, caller: Caller) -> tuple[CouponView, Offer]:
        """An issued coupon of this account (COUPON_NOT_FOUND otherwise), as of now, and its offer."""
        offer, coupon = await self._holders_coupon(code, account_id, caller)
        now = self._deps.clock.now()
        return CouponView(coupon, coupon_state(coupon, now)), offer

    async def _coupons_of(self, org_id: str, offer_id: str, account_id: str,
                          limit: int = _HELD_MAX) -> list[IssuedCoupon]:
        """An account's coupons of one offer, newest issue first."""
        return await self._coupon_store.page(org_id=org_id, account_id=account_id, offer_id=offer_id, limit=limit)

    async def _account_of(self, account_id: str, identifier: Identifier | None, program_id: str,
                          caller: Caller) -> AccountState:
        """The state of the account a request names: by id, one Redis read (account_states, no
        Postgres round trip on the hot path); by identifier, one indexed query narrowed to the
        offer's program (`program_id`; empty: any program of the organisation). ACCOUNT_NOT_FOUND
        for an identifier no account holds; otherwise not checked yet (check_state)."""
        ref = validate_ref(AccountRef(account_id, identifier), REQUEST_FIELDS)
        if ref.identifier is None:
            return await account_state(self._deps, ref.account_id)
        account = await resolve_account(self._deps, caller.org_id, AccountRef("", ref.identifier, program_id),
                                        fields=REQUEST_FIELDS)
        return AccountState(account.account_id, caller.org_id, account.program_id, account.status, 0)

    async def account_id_of(self, code: str, account_id: str, identifier: Identifier | None,
                            caller: Caller) -> str:
        """The account id of a request that names an account by id or by identifier beside a
        code (GetCoupon, RevokeCoupon) or without one (`code` empty: ListAccountCoupons): an
        identifier is resolved in the program of the code's offer (without a code: in any
        program of the organisation). An id is returned as given (the caller validates it)."""
        if identifier is None:
            return account_id
        validate_ref(AccountRef(account_id, identifier), REQUEST_FIELDS)
        program_id = ""
        if code:
            if len(code) > limits.COUPON_CODE_LENGTH_MAX:
                raise field_too_long("code", limits.COUPON_CODE_LENGTH_MAX)
            program_id = (await self.lookup_code(caller.org_id, code))[0].program_id
        return (await self._account_of("", identifier, program_id, caller)).account_id

    async def _holders_coupon(self, code: str, account_id: str, caller: Caller) -> tuple[Offer, IssuedCoupon]:
        if not code:
            raise field_required("code")
        if len(code) > limits.COUPON_CODE_LENGTH_MAX:
            raise field_too_long("code", limits.COUPON_CODE_LENGTH_MAX)
        account_id = parse_uuid(account_id, "account_id")
        offer, coupon = await self.lookup_code(caller.org_id, code, account_id)
        if coupon is None:
            coupon = await self._common_coupon(offer, account_id)
        if coupon is None or coupon.account_id != account_id:
            raise DomainError(ErrorReason.COUPON_NOT_FOUND, metadata={"code": code})
        return offer, coupon

    async def _common_coupon(self, offer: Offer, account_id: str) -> IssuedCoupon | None:
        """The account's coupon of the offer's common code (one at most), if it was issued one."""
        held = await self._coupons_of(offer.org_id, offer.offer_id, account_id, limit=1)
        return held[0] if held and held[0].code == offer.common_code else None

    # --- an account's coupons --------------------------------------------------------------

    async def list_account_coupons(self, query: ListAccountCoupons,
                                   caller: Caller) -> tuple[list[AccountCoupon], str]:
        """ListAccountCoupons: an account's coupons, newest issue first, with the redemption counts
        of their offers (the account's and everyone's, net of reversals), and the next page token."""
        account_id = parse_uuid(query.account_id, "account_id")
        offer_id = parse_uuid(query.offer_id, "offer_id") if query.offer_id else None
        size = paging.page_size(query.page_size, limits.COUPON_PAGE_SIZE_DEFAULT, limits.COUPON_PAGE_SIZE_MAX)
        scope = paging.scope(account_id, offer_id)
        after = paging.decode(query.page_token, scope)
        rows = await self._coupon_store.page(org_id=caller.org_id, account_id=account_id, offer_id=offer_id,
                                             limit=size + 1, after=after)
        coupons = rows[:size]
        counts = await self._redemption_counts(coupons)
        terms = await self._terms(caller.org_id, coupons)
        now = self._deps.clock.now()
        page = [AccountCoupon(CouponView(coupon, coupon_state(coupon, now)), *count, terms=term)
                for coupon, count, term in zip(coupons, counts, terms)]
        token = ""
        if len(rows) > size:
            last = page[-1].view.coupon
            token = paging.encode((last.issue_time, last.coupon_id), scope)
        return page, token

    async def _terms(self, org_id: str, coupons: list[IssuedCoupon]) -> list[CouponTerms | None]:
        """Each coupon's offer terms (the offers read once each, from the process cache)."""
        offers: dict[str, Offer | None] = {}
        for offer_id in dict.fromkeys(coupon.offer_id for coupon in coupons):
            try:
                offers[offer_id] = await self.offer_by_id(org_id, offer_id)
            except DomainError as missing:
                if missing.reason is not ErrorReason.OFFER_NOT_FOUND:
                    raise
                offers[offer_id] = None
        return [coupon_terms(offers[coupon.offer_id], coupon) if offers[coupon.offer_id] else None
                for coupon in coupons]

    async def _redemption_counts(self, coupons: list[IssuedCoupon]) -> list[tuple[int, int]]:
        """(the account's, everyone's) redemptions of each coupon's offer: the counters the
        redemption script enforces limits on (in-flight reservations included)."""
        epoch = self._guard.require_ready()
        return await self._pools.redemption_counts([(coupon.offer_id, coupon.account_id) for coupon in coupons],
                                                   epoch)

    async def get_account_coupon(self, value: str, caller: Caller) -> AccountCoupon:
        """GetAccountCoupon: the account's newest coupon of the offer, with its redemption counts."""
        if not value:
            raise field_required("account_coupon_id")
        offer_id, account_id = parse_account_coupon_id(value)
        coupons = await self._coupons_of(caller.org_id, offer_id, account_id, limit=1)
        if not coupons:
            raise DomainError(ErrorReason.COUPON_NOT_FOUND, metadata={"account_coupon_id": value})
        counts = await self._redemption_counts(coupons)
        terms = await self._terms(caller.org_id, coupons)
        return AccountCoupon(self.view(coupons[0]), *counts[0], terms=terms[0])

    # --- ListDeals -------------------------------------------------------------------------

    async def list_deals(self, query: ListDeals, caller: Caller) -> tuple[list[Deal], str]:
        """ListDeals: the ACTIVE offers of the account's program that its rules let the account
        redeem now at the location named (a dimension left empty is not checked), soonest end
        first, each with the account's redeemable coupons and the redemptions left (offers with
        none left are skipped). One page examines at most DEALS_SCANNED_PER_PAGE_MAX offers."""
        ref = validate_ref(AccountRef(query.account_id, query.account_identifier), REQUEST_FIELDS)
        location = query.location
        check_location(location)
        size = paging.page_size(query.page_size, limits.COUPON_PAGE_SIZE_DEFAULT, limits.COUPON_PAGE_SIZE_MAX)
        account = await resolve_account(self._deps, caller.org_id, ref, fields=REQUEST_FIELDS)
        require_active(account)
        account_id = account.account_id
        scope = paging.scope(account_id, location.store_id, location.zone_id, location.interaction_point_id,
                             *((location.concept_id,) if location.concept_id else ()))
        after = paging.decode(query.page_token, scope)
        now = self._deps.clock.now()
        customer: list[Customer] = []

        async def is_open(offer: Offer) -> bool:
            if offer.rules.needs_customer and not customer:
                customer.append(await self._customer(caller.org_id, account_id, now))
            return deal_is_open(offer, now, location, customer[0] if offer.rules.needs_customer else None)

        offers, position = await self._scan_deals(caller.org_id, account.program_id, after, size, is_open)
        deals = await self._deals(offers, account_id, caller.org_id, now)
        return deals, paging.encode(position, scope) if position else ""

    async def _scan_deals(self, org_id: str, program_id: str, after: tuple[dt.datetime, str] | None, size: int,
                          is_open: Callable[[Offer], Awaitable[bool]]
                          ) -> tuple[list[Offer], tuple[dt.datetime, str] | None]:
        """Up to `size` open offers after `after` in (end, offer_id) order, and where the next
        page starts (None: nothing left)."""
        found: list[Offer] = []
        scanned = 0
        while len(found) < size and scanned < limits.DEALS_SCANNED_PER_PAGE_MAX:
            batch = min(size + 1, limits.DEALS_SCANNED_PER_PAGE_MAX - scanned)
            rows = await self._offers.deal_offers(org_id=org_id, program_id=program_id, limit=batch, after=after)
            for index, (row, end_key) in enumerate(rows):
                offer = row.offer(org_id)
                after, scanned = (end_key, offer.offer_id), scanned + 1
                if await is_open(offer):
                    found.append(offer)
                if len(found) == size:
                    return found, after if index + 1 < len(rows) or len(rows) == batch else None
            if len(rows) < batch:
                return found, None
        return found, after

    async def _deals(self, offers: list[Offer], account_id: str, org_id: str, now: dt.datetime) -> list[Deal]:
        """The account's redeemable coupons of each offer and the redemptions left (from the
        counters and live limits the redemption script enforces)."""
        if not offers:
            return []
        held = await self._coupon_store.held(org_id=org_id, account_id=account_id,
                                             offer_ids=[offer.offer_id for offer in offers])
        counters = await self._pools.deal_counters([offer.offer_id for offer in offers], account_id)
        deals = []
        for offer, counted in zip(offers, counters):
            published = counted.published
            applied = applied_limits(offer, published.version, AppliedLimits(
                published.account_max, published.offer_max, published.gap_ms))
            views = [CouponView(coupon, coupon_state(coupon, now)) for coupon in held
                     if coupon.offer_id == offer.offer_id]
            deal = Deal(offer, [view for view in views if view.state in (CouponState.ISSUED, CouponState.ACTIVE)],
                        remaining(applied.account_max, counted.account_count),
                        remaining(applied.offer_max, counted.offer_count),
                        gap_end(counted.last_ms, applied.gap_ms, now))
            if deal.account_remaining_count and deal.total_remaining_count:
                deals.append(deal)
        return deals
