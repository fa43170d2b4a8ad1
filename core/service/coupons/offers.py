"""Offers: create, read (by id, by code), update, activate; the common code; the customer list."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid

from core.adapters.postgres.offers import (CommonCodeOutcome, offer_change_row, offer_customer_row, offer_definition,
                                           offer_row)
from core.domain import limits
from core.domain.accounts import validate_program_id
from core.adapters.templates import check_delivery
from core.service.messages import longest_title
from core.domain.coupons import (IssuedCoupon, Location, Offer, OfferState, activation_refusal, apply_offer_update,
                                 validate_offer)
from core.domain.errors import DomainError, ErrorReason, field_invalid, field_required, field_too_long
from core.domain.masks import require_update_mask
from core.service import paging
from core.service.accounts import require_program, validate_request_id
from core.service.context import Caller
from core.service.coupons.base import EngineBase, OfferCodeCache
from core.service.coupons.checks import check_location, parse_uuid
from core.service.coupons.commands import (AddOfferCustomers, Listing, ListOffers, OfferListing, UpdateOffer,
                                           _CreateOffer, _OfferResult, _UpdateOffer, offer_etag)
from core.service.coupons.recovery import publish_limits
from core.service.coupons.stores import CouponStores
from core.service.events_outbox import offer_ended
from core.service.idempotent import Prepared, execute_once, execute_retrying

CUSTOMER_LIST_ATTEMPTS_MAX = 3
"""AddOfferCustomers decides again this often when a concurrent call listed an account first."""


async def set_common_code(stores: CouponStores, codes: OfferCodeCache, request_id: str, offer_id: str, code: str,
                          caller: Caller) -> str:
    """CreateCodeSeries of type COMMON: one code for every customer of the offer (stored upper
    case: codes compare case-insensitively)."""
    validate_request_id(request_id)
    offer_id = parse_uuid(offer_id, "code_series.offer_id")
    if not code:
        raise field_required("code_series.common_code")
    if len(code) > limits.COUPON_CODE_LENGTH_MAX or not code.isprintable() or code.strip() != code:
        raise field_invalid("code_series.common_code", f"1..{limits.COUPON_CODE_LENGTH_MAX} printable characters")
    code = code.upper()
    outcome = await stores.offers.set_common_code(org_id=caller.org_id, offer_id=offer_id, code=code)
    if outcome is CommonCodeOutcome.OFFER_NOT_FOUND:
        raise DomainError(ErrorReason.OFFER_NOT_FOUND, metadata={"offer_id": offer_id})
    if outcome is CommonCodeOutcome.CODE_TAKEN:
        raise DomainError(ErrorReason.CODE_ALREADY_EXISTS, metadata={"code": code})
    codes.forget(caller.org_id, code)
    return code


class OfferPart(EngineBase):
    async def create_offer(self, offer: Offer, program_id: str) -> Offer:
        """Store a new offer directly (tests and tools; the RPC uses create_offer_once)."""
        await self._offers.insert(offer, program_id, self._deps.clock.now())
        return offer

    async def create_offer_once(self, request_id: str, offer: Offer, caller: Caller) -> Offer:
        """CreateOffer: idempotent by request_id, committed through the ledger writer."""
        validate_request_id(request_id)
        validate_program_id(offer.program_id, "offer.program_id")
        validate_offer(offer)
        check_delivery(offer.delivery, longest_title(offer))
        command = _CreateOffer(request_id, offer_definition(offer), offer.program_id, int(offer.state))

        async def prepare() -> Prepared[_OfferResult]:
            return await self._prepare_create(offer, caller)

        result = await execute_once(self._deps, caller, "CreateOffer", command, prepare, _OfferResult.from_json)
        return result.offer()

    async def _prepare_create(self, offer: Offer, caller: Caller) -> Prepared[_OfferResult]:
        await require_program(self._deps, caller.org_id, offer.program_id)
        now = self._deps.clock.now()
        created = _OfferResult(str(uuid.uuid4()), caller.org_id, int(offer.state), offer_definition(offer),
                               create_time=now.isoformat(), update_time=now.isoformat())
        row = offer_row(offer_id=created.offer_id, org_id=caller.org_id, program_id=offer.program_id,
                        state=int(offer.state), definition=created.definition, now=now)
        return Prepared(created, (row,))

    async def set_common_code(self, request_id: str, offer_id: str, code: str, caller: Caller) -> str:
        """CreateCodeSeries of type COMMON: one code for every customer of the offer."""
        return await set_common_code(self._stores, self._codes, request_id, offer_id, code, caller)

    async def offer_by_code(self, org_id: str, code: str) -> Offer:
        return (await self.lookup_code(org_id, code))[0]

    async def lookup_code(self, org_id: str, code: str, account_id: str = "") -> tuple[Offer, IssuedCoupon | None]:
        """The offer a code belongs to: a common code (its offer cached for OFFER_CACHE_SECONDS),
        or an issued coupon's unique code. An issued coupon is read afresh on every call: its state
        (activation, revocation, uses) changes, possibly in another worker, and must never be
        served stale; it costs the one indexed read a unique code needed anyway (each unique code
        is looked up about once, so a cache would rarely hit). Codes compare case-insensitively.
        A transferred code names its live coupon and the revoked ones before it: `account_id`'s
        own coupon of the code if it holds one, else the live one (else the newest)."""
        code = code.upper()
        cached = self._codes.get(org_id, code)
        if cached is not None:
            return cached, None
        found = await self._coupon_store.find_code(org_id=org_id, code=code, account_id=account_id)
        if found is None:
            raise DomainError(ErrorReason.COUPON_NOT_FOUND, metadata={"code": code})
        offer = found.offer.offer(org_id)
        if found.coupon is None:
            self._codes.put(org_id, code, offer)
        return offer, found.coupon

    async def offer_by_id(self, org_id: str, offer_id: str) -> Offer:
        found = await self._offers.by_id(offer_id, org_id)
        if found is None:
            raise DomainError(ErrorReason.OFFER_NOT_FOUND, metadata={"offer_id": offer_id})
        return found.offer(org_id)

    async def get_offer(self, offer_id: str, caller: Caller) -> Offer:
        """GetOffer: the offer (offer_listing adds its counters)."""
        return await self.offer_by_id(caller.org_id, parse_uuid(offer_id, "offer_id"))

    async def offer_listing(self, offer: Offer) -> OfferListing:
        """The offer with its counters as of now (coupons issued, redemptions in effect, when the
        issue notification threshold was reached)."""
        counts = await self._offers.counts(offer.offer_id)
        return OfferListing(offer, counts.issued_count, counts.redeemed_count, counts.issue_threshold_reach_time)

    async def list_offers(self, query: ListOffers, caller: Caller) -> tuple[list[OfferListing], str]:
        """ListOffers: a program's offers, newest first, by state, store and zone; keyset pages."""
        validate_program_id(query.program_id, "program_id")
        if any(state not in OfferState._value2member_map_ for state in query.states):
            raise field_invalid("states", "OfferState values")
        check_location(Location(query.store_id, query.zone_id, concept_id=query.concept_id))
        size = paging.page_size(query.page_size, limits.COUPON_PAGE_SIZE_DEFAULT, limits.COUPON_PAGE_SIZE_MAX)
        states = sorted(set(query.states))
        scope = paging.scope(query.program_id, states, query.store_id, query.zone_id, query.concept_id)
        after = paging.decode(query.page_token, scope)
        rows = await self._offers.page(org_id=caller.org_id, program_id=query.program_id, states=states,
                                       store_id=query.store_id, zone_id=query.zone_id, limit=size + 1, after=after,
                                       concept_id=query.concept_id)
        page = [OfferListing(row.offer(caller.org_id), counts.issued_count, counts.redeemed_count,
                             counts.issue_threshold_reach_time) for row, counts in rows[:size]]
        last = page[-1].offer if page else None
        token = paging.encode((last.create_time, last.offer_id), scope) if len(rows) > size else ""
        return page, token

    # --- changes ---------------------------------------------------------------------------

    async def update_offer(self, command: UpdateOffer, caller: Caller) -> Offer:
        """UpdateOffer (AIP-134): the change is a row of offer_changes whose trigger applies it
        only to the version it was computed from (one statement). A change that lost a race is
        computed again from the new state, up to CONCURRENT_CHANGE_ATTEMPTS_MAX times; with an
        etag it fails OFFER_ETAG_MISMATCH instead. Once committed, the offer's limits are
        published to Redis (offer_limits.lua) before the reply, so every worker's next redemption
        or issue script holds them."""
        validate_request_id(command.request_id)
        offer_id = parse_uuid(command.offer.offer_id, "offer.offer_id")
        require_update_mask(command.update_mask)
        fingerprinted = _UpdateOffer(command.request_id, offer_id, command.etag, offer_definition(command.offer),
                                     tuple(command.update_mask))

        async def prepare() -> Prepared[_OfferResult]:
            return await self._prepare_update(command, offer_id, caller)

        result = await execute_retrying(self._deps, caller, "UpdateOffer", fingerprinted, prepare,
                                        _OfferResult.from_json, ErrorReason.OFFER_CHANGED_CONCURRENTLY)
        return result.offer()

    async def _prepare_update(self, command: UpdateOffer, offer_id: str, caller: Caller) -> Prepared[_OfferResult]:
        current = await self.offer_by_id(caller.org_id, offer_id)
        if command.etag and command.etag != offer_etag(current):
            raise DomainError(ErrorReason.OFFER_ETAG_MISMATCH, metadata={
                "offer_id": offer_id, "etag": offer_etag(current)})
        updated = apply_offer_update(current, command.offer, command.update_mask)
        validate_offer(updated)
        check_delivery(updated.delivery, longest_title(updated))
        now = max(self._deps.clock.now(), current.update_time + dt.timedelta(microseconds=1))
        updated = dataclasses.replace(updated, version=current.version + 1, update_time=now)
        row = offer_change_row(offer_id=offer_id, version=updated.version, org_id=caller.org_id,
                               previous_version=current.version, definition=offer_definition(updated),
                               update_time=now, request_id=command.request_id, client_id=caller.client_id)
        lost = (DomainError(ErrorReason.OFFER_ETAG_MISMATCH, metadata={"offer_id": offer_id}) if command.etag
                else DomainError(ErrorReason.OFFER_CHANGED_CONCURRENTLY, metadata={"offer_id": offer_id}))

        async def published() -> None:
            await self._publish_limits(updated)

        return Prepared(_OfferResult.of(updated), (row,), {"offers_changed": lost, "offer_changes_pkey": lost},
                        on_commit=published)

    async def _publish_limits(self, offer: Offer) -> None:
        """Make the offer's (new) limits the ones every worker's scripts apply, and drop this
        worker's cached copy of it."""
        await publish_limits(self._pools, offer)
        if offer.common_code:
            self._codes.forget(offer.org_id, offer.common_code)

    async def set_offer_state(self, request_id: str, offer_id: str, state: OfferState, caller: Caller) -> Offer:
        """Activate or deactivate an offer (idempotent: setting the state it has changes nothing).
        An offer is activated only with codes to issue (activation_refusal: OFFER_HAS_NO_CODES)."""
        validate_request_id(request_id)
        offer_id = parse_uuid(offer_id, "offer_id")
        if state is OfferState.ACTIVE:
            current = await self.offer_by_id(caller.org_id, offer_id)
            if current.state is not OfferState.ACTIVE:
                counts = await self._code_series.code_counts(offer_id=offer_id, org_id=caller.org_id)
                refusal = activation_refusal(current, counts)
                if refusal is not None:
                    raise refusal
        now = self._deps.clock.now()
        found, common_code = await self._offers.set_state(
            offer_id=offer_id, org_id=caller.org_id, state=int(state), now=now,
            ended_events=(offer_ended(caller.org_id, offer_id, now, "DeactivateOffer"),))
        if not found:
            raise DomainError(ErrorReason.OFFER_NOT_FOUND, metadata={"offer_id": offer_id})
        if common_code:
            self._codes.forget(caller.org_id, common_code)
        return await self.get_offer(offer_id, caller)

    async def add_offer_customers(self, command: AddOfferCustomers, caller: Caller) -> Listing:
        """AddOfferCustomers: put accounts on the offer's customer list (accounts listed already
        are skipped); answers how many were added."""
        validate_request_id(command.request_id)
        offer_id = parse_uuid(command.offer_id, "offer_id")
        if not command.account_ids:
            raise field_required("account_ids")
        if len(command.account_ids) > limits.OFFER_CUSTOMERS_PER_CALL_MAX:
            raise field_too_long("account_ids", limits.OFFER_CUSTOMERS_PER_CALL_MAX)
        accounts = sorted({parse_uuid(value, f"account_ids[{index}]")
                           for index, value in enumerate(command.account_ids)})
        await self.offer_by_id(caller.org_id, offer_id)

        async def prepare() -> Prepared[Listing]:
            return await self._prepare_listing(offer_id, accounts, caller)

        for _ in range(CUSTOMER_LIST_ATTEMPTS_MAX):
            try:
                return await execute_once(self._deps, caller, "AddOfferCustomers", command, prepare,
                                          Listing.from_json)
            except DomainError as error:
                if error.reason is not ErrorReason.OFFER_CHANGED_CONCURRENTLY:
                    raise
        raise DomainError(ErrorReason.OFFER_CHANGED_CONCURRENTLY)

    async def _prepare_listing(self, offer_id: str, accounts: list[str], caller: Caller) -> Prepared[Listing]:
        listed = await self._offers.listed(offer_id, accounts)
        now = self._deps.clock.now()
        rows = tuple(offer_customer_row(offer_id=offer_id, account_id=account, org_id=caller.org_id, add_time=now)
                     for account in accounts if account not in listed)
        # A concurrent call listed one of them first: transient, so the loop decides again.
        return Prepared(Listing(len(rows)), rows,
                        {"offer_customers_pkey": DomainError(ErrorReason.OFFER_CHANGED_CONCURRENTLY)})
