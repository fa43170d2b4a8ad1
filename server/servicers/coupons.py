"""rewards.coupons.v1 OfferService and CouponService: the parts served so far.

OfferService: CreateOffer, GetOffer, UpdateOffer, ListOffers, ActivateOffer, DeactivateOffer,
CreateCodeSeries (every series type), GenerateCodes, ImportCodes, RevokeCoupons,
AddOfferCustomers. CouponService: IssueCoupon, BulkIssueCoupons, GetCoupon, GetAccountCoupon,
ActivateCoupon, ValidateCoupon, RedeemCoupon (common or issued codes, or account coupon ids),
ReverseRedemption, RevokeCoupon, ListAccountCoupons, ListDeals.
"""

from __future__ import annotations

import datetime as dt

from rewards.coupons.v1 import coupon_service_pb2 as coupon_api
from rewards.coupons.v1 import coupon_service_pb2_grpc
from rewards.coupons.v1 import offer_service_pb2 as offer_api
from rewards.coupons.v1 import offer_service_pb2_grpc
from rewards.coupons.v1 import resources_pb2 as resources
from rewards.type.v1 import money_pb2

from core.domain import limits
from core.domain.coupons import (BillLine, ExpiryMode, IssuanceRules, Location, Money, Offer, OfferContent, OfferState,
                                 OfferText, RedemptionRules, RematchPolicy, account_coupon_id,
                                 validate_free_item_sku, validate_hour_windows)
from core.domain.errors import DomainError, ErrorReason, field_invalid
from core.service.coupons.series import CodeSeries, CreateCodeSeries, GenerateCodes, ImportBatch
from core.service.coupons import (AccountCoupon, ActivateCoupon, AddOfferCustomers, BulkIssue, BulkRow, Coupons,
                                  CouponView, Deal, IssueCoupon, ListAccountCoupons, ListDeals, ListOffers,
                                  OfferListing, RedeemCoupon, ReverseRedemption, RevokeCoupon, RevokeCoupons,
                                  UpdateOffer, offer_etag)
from core.service.accounts import parse_uuid
from core.service.messages import Messenger
from core.service.batch import check_batch_size
from core.service.interaction_points import InteractionPoints
from server.servicers.messages import delivery_from_proto, delivery_to_proto, resend_coupon
from server.errors import item_error
from server.servicers.accounts import identifier_from_proto
from server.context import current_caller
from server.servicers.interaction_points import header_of, locate_request
from server.convert import datetime_of, timestamp

_STATES = {resources.OFFER_STATE_UNSPECIFIED: OfferState.DRAFT, resources.OFFER_STATE_DRAFT: OfferState.DRAFT,
           resources.OFFER_STATE_ACTIVE: OfferState.ACTIVE, resources.OFFER_STATE_INACTIVE: OfferState.INACTIVE}


class OfferServicer(offer_service_pb2_grpc.OfferServiceServicer):
    def __init__(self, coupons: Coupons) -> None:
        self._coupons = coupons

    async def CreateOffer(self, request: offer_api.CreateOfferRequest, context) -> offer_api.CreateOfferResponse:
        offer = await self._coupons.create_offer_once(request.request_id, offer_from_proto(request.offer),
                                                      current_caller())
        return offer_api.CreateOfferResponse(offer=offer_to_proto(offer))

    async def GetOffer(self, request: offer_api.GetOfferRequest, context) -> offer_api.GetOfferResponse:
        offer = await self._coupons.get_offer(request.offer_id, current_caller())
        return offer_api.GetOfferResponse(offer=listing_to_proto(await self._coupons.offer_listing(offer)))

    async def UpdateOffer(self, request: offer_api.UpdateOfferRequest, context) -> offer_api.UpdateOfferResponse:
        offer = await self._coupons.update_offer(UpdateOffer(
            request.request_id, offer_from_proto(request.offer), request.offer.etag, tuple(request.update_mask.paths)),
            current_caller())
        return offer_api.UpdateOfferResponse(offer=listing_to_proto(await self._coupons.offer_listing(offer)))

    async def ListOffers(self, request: offer_api.ListOffersRequest, context) -> offer_api.ListOffersResponse:
        page, token = await self._coupons.list_offers(ListOffers(
            request.program_id, tuple(request.states), request.page_size, request.page_token, request.store_id,
            request.zone_id, request.concept_id), current_caller())
        return offer_api.ListOffersResponse(offers=[listing_to_proto(item) for item in page], next_page_token=token)

    async def ActivateOffer(self, request: offer_api.ActivateOfferRequest, context) -> offer_api.ActivateOfferResponse:
        offer = await self._coupons.set_offer_state(request.request_id, request.offer_id, OfferState.ACTIVE,
                                                    current_caller())
        return offer_api.ActivateOfferResponse(offer=offer_to_proto(offer))

    async def DeactivateOffer(self, request: offer_api.DeactivateOfferRequest,
                              context) -> offer_api.DeactivateOfferResponse:
        offer = await self._coupons.set_offer_state(request.request_id, request.offer_id, OfferState.INACTIVE,
                                                    current_caller())
        return offer_api.DeactivateOfferResponse(offer=offer_to_proto(offer))

    async def CreateCodeSeries(self, request: offer_api.CreateCodeSeriesRequest,
                               context) -> offer_api.CreateCodeSeriesResponse:
        series = request.code_series
        created = await self._coupons.series.create(CreateCodeSeries(
            request.request_id, series.offer_id, series.type, series.alphabet, series.length, series.prefix,
            series.sample_code, series.common_code), current_caller())
        return offer_api.CreateCodeSeriesResponse(code_series=code_series_to_proto(created))

    async def GenerateCodes(self, request: offer_api.GenerateCodesRequest, context):
        async for progress in self._coupons.series.generate(GenerateCodes(
                request.request_id, request.code_series_id, request.count), current_caller()):
            yield offer_api.GenerateCodesResponse(generated_count=progress.generated_count,
                                                  total_count=progress.total_count, done=progress.done)

    async def ImportCodes(self, request_iterator, context) -> offer_api.ImportCodesResponse:
        batches = (ImportBatch(request.request_id, request.code_series_id, tuple(request.codes))
                   async for request in request_iterator)
        result = await self._coupons.series.import_codes(batches, current_caller())
        return offer_api.ImportCodesResponse(
            imported_count=result.imported_count, rejected_count=result.rejected_count,
            rejected_rows=[offer_api.ImportCodesResponse.RejectedRow(row_index=row.row_index, code=row.code,
                                                                     reason=row.reason)
                           for row in result.rejected_rows])

    async def RevokeCoupons(self, request: offer_api.RevokeCouponsRequest, context) -> offer_api.RevokeCouponsResponse:
        revocation = await self._coupons.revoke_coupons(RevokeCoupons(
            request.request_id, request.offer_id, request.mode, tuple(request.account_ids), request.note),
            current_caller())
        return offer_api.RevokeCouponsResponse(
            revocation_id=revocation.revocation_id, revoked_count=revocation.revoked_count,
            redeemed_count=revocation.redeemed_count, revoke_time=timestamp(revocation.revoke_time))


    async def AddOfferCustomers(self, request: offer_api.AddOfferCustomersRequest,
                                context) -> offer_api.AddOfferCustomersResponse:
        listing = await self._coupons.add_offer_customers(AddOfferCustomers(
            request.request_id, request.offer_id, tuple(request.account_ids)), current_caller())
        return offer_api.AddOfferCustomersResponse(added_count=listing.added_count)


class CouponServicer(coupon_service_pb2_grpc.CouponServiceServicer):
    def __init__(self, coupons: Coupons, messenger: Messenger | None = None,
                 interaction_points: InteractionPoints | None = None) -> None:
        self._coupons = coupons
        self._messenger = messenger
        self._located = interaction_points
        """Resolves a request's interaction point (header or field) into its location."""

    async def _locate(self, request, context) -> None:
        if self._located is not None:
            await locate_request(self._located, request, context)

    async def ResendCoupon(self, request: coupon_api.ResendCouponRequest, context) -> coupon_api.ResendCouponResponse:
        return await resend_coupon(self._messenger, request, current_caller())

    async def RedeemCoupon(self, request: coupon_api.RedeemCouponRequest, context) -> coupon_api.RedeemCouponResponse:
        await self._locate(request, context)
        redemption = await self._coupons.redeem(_redeem_command(request), current_caller())
        return _redemption_reply(request, redemption)

    async def BatchRedeemCoupons(self, request: coupon_api.BatchRedeemCouponsRequest,
                                 context) -> coupon_api.BatchRedeemCouponsResponse:
        outcomes = await self._located_batch(request, context)
        return coupon_api.BatchRedeemCouponsResponse(results=[
            coupon_api.BatchRedeemCouponResult(error=coupon_api.ItemError(**item_error(outcome, _REDEEM_METHOD)))
            if isinstance(outcome, DomainError) else
            coupon_api.BatchRedeemCouponResult(response=_redemption_reply(item, outcome))
            for item, outcome in zip(request.requests, outcomes)])

    async def _located_batch(self, request: coupon_api.BatchRedeemCouponsRequest, context) -> list:
        """redeem_batch over the items whose interaction point (the call's header, or the item's
        field) resolves; an item that does not resolve gets its refusal as its outcome."""
        caller = current_caller()
        check_batch_size(len(request.requests))  # The call's bounds before any item is located.
        header = header_of(context) if self._located is not None else ""
        outcomes: list = [None] * len(request.requests)
        commands, places = [], []
        for index, item in enumerate(request.requests):
            try:
                if self._located is not None:
                    await locate_request(self._located, item, context, caller, header)
                commands.append(_redeem_command(item))
                places.append(index)
            except DomainError as refused:
                outcomes[index] = refused
        if commands:  # Every item may have been refused by its interaction point.
            for index, outcome in zip(places, await self._coupons.redeem_batch(commands, caller), strict=True):
                outcomes[index] = outcome
        return outcomes

    async def IssueCoupon(self, request: coupon_api.IssueCouponRequest, context) -> coupon_api.IssueCouponResponse:
        coupon, offer = await self._coupons.issue_with_offer(IssueCoupon(
            request.request_id, request.offer_id, request.account_id, code_series_id=request.code_series_id,
            account_identifier=_identifier(request)), current_caller())
        return coupon_api.IssueCouponResponse(coupon=coupon_to_proto(self._coupons.view(coupon)), resent=coupon.resent,
                                              offer=offer_to_proto(offer))

    async def BulkIssueCoupons(self, requests, context):
        """Each batch answered in order; the offer is read once per stream."""
        offer = None
        async for request in requests:
            if offer is not None and request.offer_id != offer.offer_id:
                raise field_invalid("offer_id", "the offer of the stream's first batch")
            rows = tuple(BulkRow(**{row.WhichOneof("customer"): getattr(row, row.WhichOneof("customer"))},
                                 code=row.code) if row.WhichOneof("customer") else BulkRow(code=row.code)
                         for row in request.rows)
            caller = current_caller()
            if offer is None:
                offer = await self._coupons.offer_by_id(caller.org_id, parse_uuid(request.offer_id, "offer_id"))
            results = await self._coupons.bulk_issue(BulkIssue(request.request_id, request.offer_id, rows), caller,
                                                     offer)
            issued = sum(1 for result in results if result.coupon is not None)
            yield coupon_api.BulkIssueCouponsResponse(
                request_id=request.request_id, issued_count=issued, failed_count=len(results) - issued,
                rows=[coupon_api.BulkIssueCouponsResponse.Row(
                    row_index=result.index, account_id=result.account_id,
                    coupon=coupon_to_proto(result.coupon) if result.coupon else None,
                    reason=result.error.reason.name if result.error else "") for result in results])

    async def GetAccountCoupon(self, request: coupon_api.GetAccountCouponRequest,
                               context) -> coupon_api.GetAccountCouponResponse:
        item = await self._coupons.get_account_coupon(request.account_coupon_id, current_caller())
        return coupon_api.GetAccountCouponResponse(coupon=account_coupon_to_proto(item))

    async def GetCoupon(self, request: coupon_api.GetCouponRequest, context) -> coupon_api.GetCouponResponse:
        caller = current_caller()
        account_id = await self._coupons.account_id_of(request.code, request.account_id, _identifier(request), caller)
        view, offer = await self._coupons.get_coupon(request.code, account_id, caller)
        return coupon_api.GetCouponResponse(coupon=coupon_to_proto(view), content=content_to_proto(offer.content))

    async def ActivateCoupon(self, request: coupon_api.ActivateCouponRequest,
                             context) -> coupon_api.ActivateCouponResponse:
        coupon = await self._coupons.activate(ActivateCoupon(request.request_id, request.code, request.account_id,
                                                             account_identifier=_identifier(request)),
                                              current_caller())
        return coupon_api.ActivateCouponResponse(coupon=coupon_to_proto(self._coupons.view(coupon)))

    async def DeactivateCoupon(self, request: coupon_api.DeactivateCouponRequest,
                               context) -> coupon_api.DeactivateCouponResponse:
        coupon = await self._coupons.activate(ActivateCoupon(request.request_id, request.code, request.account_id,
                                                             active=False, account_identifier=_identifier(request)),
                                              current_caller())
        return coupon_api.DeactivateCouponResponse(coupon=coupon_to_proto(self._coupons.view(coupon)))

    async def RevokeCoupon(self, request: coupon_api.RevokeCouponRequest, context) -> coupon_api.RevokeCouponResponse:
        caller = current_caller()
        account_id = await self._coupons.account_id_of(request.code, request.account_id, _identifier(request), caller)
        coupon = await self._coupons.revoke_coupon(RevokeCoupon(request.request_id, request.code, account_id,
                                                                request.note), caller)
        return coupon_api.RevokeCouponResponse(coupon=coupon_to_proto(self._coupons.view(coupon)))

    async def ListAccountCoupons(self, request: coupon_api.ListAccountCouponsRequest,
                                 context) -> coupon_api.ListAccountCouponsResponse:
        caller = current_caller()
        account_id = await self._coupons.account_id_of("", request.account_id, _identifier(request), caller)
        page, token = await self._coupons.list_account_coupons(ListAccountCoupons(
            account_id, request.offer_id, request.page_size, request.page_token), caller)
        return coupon_api.ListAccountCouponsResponse(coupons=[account_coupon_to_proto(item) for item in page],
                                                     next_page_token=token)

    async def ListDeals(self, request: coupon_api.ListDealsRequest, context) -> coupon_api.ListDealsResponse:
        await self._locate(request, context)
        deals, token = await self._coupons.list_deals(ListDeals(
            request.account_id, Location(request.store_id, request.zone_id, request.interaction_point_id,
                                         request.concept_id),
            request.page_size, request.page_token, _identifier(request)), current_caller())
        return coupon_api.ListDealsResponse(deals=[deal_to_proto(deal) for deal in deals], next_page_token=token)

    async def ValidateCoupon(self, request: coupon_api.ValidateCouponRequest,
                             context) -> coupon_api.ValidateCouponResponse:
        await self._locate(request, context)
        validation = await self._coupons.validate(
            request.code, request.account_id, Location(request.store_id, request.zone_id, request.interaction_point_id,
                                                       request.concept_id),
            money_from_proto(request.bill_amount), current_caller(), request.account_coupon_id, _identifier(request),
            lines=bill_lines_from_proto(request))
        failures, offer = validation.failures, validation.offer
        response = coupon_api.ValidateCouponResponse(
            redeemable=not failures, reasons=[f.reason.name for f in failures],
            validate_time=timestamp(validation.validate_time))
        if failures:
            response.reason = failures[0].reason.name
        else:
            response.reward.CopyFrom(resources.AppliedReward(
                kind=int(offer.reward_kind or 0), free_item_sku=offer.free_item_sku, discount_amount=money_pb2.Money(
                    amount_minor=validation.discount_minor, currency_code=request.bill_amount.currency_code)))
        if offer is not None:
            response.content.CopyFrom(content_to_proto(offer.content))
        if validation.coupon is not None:
            response.coupon.CopyFrom(coupon_to_proto(validation.coupon))
        elif offer is not None:
            response.coupon.CopyFrom(resources.Coupon(code=validation.code, offer_id=offer.offer_id,
                                                      account_id=validation.account_id,
                                                      account_coupon_id=account_coupon_id(offer.offer_id,
                                                                                          validation.account_id)))
        return response

    async def ReverseRedemption(self, request: coupon_api.ReverseRedemptionRequest,
                                context) -> coupon_api.ReverseRedemptionResponse:
        caller = current_caller()
        reversal = await self._coupons.reverse(ReverseRedemption(request.request_id, request.redemption_id), caller)
        response = coupon_api.ReverseRedemptionResponse(reverse_time=timestamp(reversal.reverse_time))
        if reversal.code:  # The coupon as it is now, after the reversal gave its use back.
            try:
                view, _ = await self._coupons.get_coupon(reversal.code, reversal.account_id, caller)
            except DomainError:  # The reversal committed: it is answered even if the coupon is gone.
                return response
            response.coupon.CopyFrom(coupon_to_proto(view))
        return response


def _identifier(request):
    """A request's account_identifier (None when unset), in core form."""
    if not request.HasField("account_identifier"):
        return None
    return identifier_from_proto(request.account_identifier, "account_identifier")


def money_from_proto(money: money_pb2.Money) -> Money:
    return Money(money.amount_minor, money.currency_code)


def _optional_money(money: money_pb2.Money, field: str) -> Money | None:
    if not money.currency_code and not money.amount_minor:
        return None
    if len(money.currency_code) != 3 or not money.currency_code.isupper():
        raise field_invalid(f"{field}.currency_code", "an ISO-4217 code")
    return Money(money.amount_minor, money.currency_code)


def offer_from_proto(offer: resources.Offer) -> Offer:
    rules, reward = offer.rules, offer.reward
    if reward.kind == resources.REWARD_KIND_FREE_ITEM:  # Only the request says FREE_ITEM: check it here.
        validate_free_item_sku(reward.free_item_sku, required=True)
    if rules.HasField("hours_of_day"):
        if rules.hour_windows:
            raise field_invalid("offer.rules.hours_of_day", "unset when hour_windows is set")
        validate_hour_windows(((rules.hours_of_day.start_hour, rules.hours_of_day.end_hour),),
                              "offer.rules.hours_of_day", indexed=False)
    return Offer(
        offer_id=offer.offer_id, org_id="", state=_STATES.get(offer.state, OfferState.DRAFT),
        rules=RedemptionRules(
            start_time=_time(rules, "start_time"), end_time=_time(rules, "end_time"),
            redemption_start_time=_time(rules, "redemption_start_time"),
            store_ids=frozenset(rules.store_ids),
            min_bill=_optional_money(rules.min_bill_amount, "offer.rules.min_bill_amount"),
            max_bill=_optional_money(rules.max_bill_amount, "offer.rules.max_bill_amount"),
            days_of_week=frozenset(int(day) for day in rules.days_of_week),
            hours=((rules.hours_of_day.start_hour, rules.hours_of_day.end_hour),)
            if rules.HasField("hours_of_day") else tuple((w.start_hour, w.end_hour) for w in rules.hour_windows),
            min_gap_seconds=rules.min_redemption_gap.seconds,
            max_account_redemptions=rules.max_account_redemption_count,
            max_redemptions=rules.max_redemption_count,
            max_account_issues=rules.max_account_issue_count, max_issues=rules.max_issue_count,
            time_zone=rules.time_zone or "UTC", expiry_mode=_expiry_mode(rules.expiry_mode),
            coupon_validity_seconds=_whole_seconds(rules), coupon_validity_months=rules.coupon_validity_months,
            activation_required=rules.activation_required, zone_ids=frozenset(rules.zone_ids),
            interaction_point_ids=frozenset(rules.interaction_point_ids), days_of_month=_days_of_month(rules),
            registration_start_time=_time(rules, "registration_start_time"),
            registration_end_time=_time(rules, "registration_end_time"),
            max_prior_transactions=(rules.max_prior_transaction_count
                                    if rules.HasField("max_prior_transaction_count") else None),
            new_customers_only=rules.new_customers_only,
            redemption_start_days=rules.redemption_start_days_after_issue,
            anyone_may_redeem=rules.redeemable_by_anyone,
            redeemable_until_days=rules.redeemable_until_days_before_expiry,
            applicable_skus=frozenset(rules.applicable_skus),
            applicable_categories=frozenset(rules.applicable_categories),
            concept_ids=frozenset(rules.concept_ids)),
        content=content_from_proto(offer.content), delivery=delivery_from_proto(offer.delivery),
        discount_amount=(_optional_money(reward.discount_amount, "offer.reward.discount_amount")
                         if reward.kind in (resources.REWARD_KIND_DISCOUNT_AMOUNT, resources.REWARD_KIND_REWARD)
                         else None),
        discount_percent_bps=reward.discount_percent_bps if reward.kind == resources.REWARD_KIND_DISCOUNT_PERCENT else 0,
        discount_max=_optional_money(reward.discount_amount_max, "offer.reward.discount_amount_max"),
        program_id=offer.program_id, display_name=offer.display_name, description=offer.description,
        extra_points=_earn_reward(reward.kind == resources.REWARD_KIND_EXTRAPOINT, reward.extra_points),
        points_multiplier_bps=_earn_reward(reward.kind == resources.REWARD_KIND_MULTIPLIER,
                                           reward.points_multiplier_bps),
        price_points=_earn_reward(reward.kind == resources.REWARD_KIND_REWARD, reward.price_points),
        free_item_sku=(reward.free_item_sku
                       if reward.kind in (resources.REWARD_KIND_FREE_ITEM, resources.REWARD_KIND_REWARD) else ""),
        issuance=_issuance_from_proto(rules))


def _issuance_from_proto(rules: resources.OfferRules) -> IssuanceRules:
    gap = rules.min_issue_gap
    if gap.nanos:  # Whole seconds; the range is the domain's (core.domain.coupons.validate_limits).
        raise DomainError(ErrorReason.FIELD_OUT_OF_RANGE, metadata={
            "field": "offer.rules.min_issue_gap", "max_seconds": limits.COUPON_VALIDITY_SECONDS_MAX})
    if rules.rematch_policy not in (0, *RematchPolicy):
        raise field_invalid("offer.rules.rematch_policy", "a RematchPolicy")
    threshold = rules.issue_notification_threshold  # Below max_issue_count: checked by the core, after any mask.
    past = frozenset(rules.past_issue_offer_ids)
    if len(past) != len(rules.past_issue_offer_ids):
        raise field_invalid("offer.rules.past_issue_offer_ids", "no duplicates")
    return IssuanceRules(gap.seconds, RematchPolicy(rules.rematch_policy or RematchPolicy.SEND_NOTHING),
                         rules.listed_accounts_only, threshold, past, rules.past_issue_months)



def _time(rules: resources.OfferRules, name: str) -> dt.datetime | None:
    return datetime_of(rules, name, f"offer.rules.{name}")


def _days_of_month(rules: resources.OfferRules) -> frozenset[int]:
    days = frozenset(rules.days_of_month)
    if len(days) != len(rules.days_of_month):
        raise field_invalid("offer.rules.days_of_month", "no duplicates")
    return days


def content_from_proto(content: resources.OfferContent) -> OfferContent:
    return OfferContent(
        tuple(OfferText(t.language_code, t.title, t.subtitle, t.description, t.booking_text) for t in content.texts),
        tuple(content.image_uris), tuple(sorted(content.custom_properties.items())), content.external_reference,
        content.external_code)


def content_to_proto(content: OfferContent) -> resources.OfferContent:
    return resources.OfferContent(
        texts=[resources.OfferText(language_code=t.language_code, title=t.title, subtitle=t.subtitle,
                                   description=t.description, booking_text=t.booking_text) for t in content.texts],
        image_uris=content.image_uris, custom_properties=dict(content.custom_properties),
        external_reference=content.external_reference, external_code=content.external_code)


def _earn_reward(chosen: bool, value: int) -> int:
    """An EXTRAPOINT, MULTIPLIER or REWARD value when its kind is chosen, else 0 (its bounds are
    the domain's: core.domain.coupons.validate_reward)."""
    return value if chosen else 0


def _expiry_mode(value: int) -> ExpiryMode:
    if value == resources.EXPIRY_MODE_UNSPECIFIED:
        return ExpiryMode.FIXED_END
    try:
        return ExpiryMode(value)
    except ValueError:
        raise field_invalid("offer.rules.expiry_mode", "an ExpiryMode") from None


def _whole_seconds(rules: resources.OfferRules) -> int:
    if rules.coupon_validity.nanos:
        raise field_invalid("offer.rules.coupon_validity", "whole seconds")
    return rules.coupon_validity.seconds


def offer_to_proto(offer: Offer) -> resources.Offer:
    state = {OfferState.DRAFT: resources.OFFER_STATE_DRAFT, OfferState.ACTIVE: resources.OFFER_STATE_ACTIVE,
             OfferState.INACTIVE: resources.OFFER_STATE_INACTIVE}[offer.state]
    rules = offer.rules
    message = resources.Offer(
        offer_id=offer.offer_id, program_id=offer.program_id, display_name=offer.display_name,
        description=offer.description, state=state,
        rules=resources.OfferRules(
            store_ids=sorted(rules.store_ids), days_of_week=sorted(rules.days_of_week),
            max_account_redemption_count=rules.max_account_redemptions, max_redemption_count=rules.max_redemptions,
            max_account_issue_count=rules.max_account_issues, max_issue_count=rules.max_issues,
            expiry_mode=int(rules.expiry_mode), coupon_validity_months=rules.coupon_validity_months,
            activation_required=rules.activation_required, time_zone=rules.time_zone,
            zone_ids=sorted(rules.zone_ids), interaction_point_ids=sorted(rules.interaction_point_ids),
            days_of_month=sorted(rules.days_of_month), new_customers_only=rules.new_customers_only,
            max_prior_transaction_count=rules.max_prior_transactions,
            redemption_start_days_after_issue=rules.redemption_start_days,
            redeemable_by_anyone=rules.anyone_may_redeem,
            rematch_policy=int(offer.issuance.rematch), listed_accounts_only=offer.issuance.listed_only,
            issue_notification_threshold=offer.issuance.notify_remaining,
            past_issue_offer_ids=sorted(offer.issuance.past_offer_ids), past_issue_months=offer.issuance.past_months,
            redeemable_until_days_before_expiry=rules.redeemable_until_days,
            applicable_skus=sorted(rules.applicable_skus), applicable_categories=sorted(rules.applicable_categories),
            concept_ids=sorted(rules.concept_ids)),
        content=content_to_proto(offer.content), etag=offer_etag(offer), delivery=delivery_to_proto(offer.delivery))
    if offer.issuance.min_gap_seconds:
        message.rules.min_issue_gap.seconds = offer.issuance.min_gap_seconds
    if rules.coupon_validity_seconds:
        message.rules.coupon_validity.seconds = rules.coupon_validity_seconds
    for name, value in (("start_time", rules.start_time), ("end_time", rules.end_time),
                        ("redemption_start_time", rules.redemption_start_time),
                        ("registration_start_time", rules.registration_start_time),
                        ("registration_end_time", rules.registration_end_time)):
        if value is not None:
            getattr(message.rules, name).CopyFrom(timestamp(value))
    for name, value in (("create_time", offer.create_time), ("update_time", offer.update_time)):
        if value is not None:
            getattr(message, name).CopyFrom(timestamp(value))
    if rules.min_gap_seconds:
        message.rules.min_redemption_gap.seconds = rules.min_gap_seconds
    for start, end in rules.hours:
        message.rules.hour_windows.add(start_hour=start, end_hour=end)
    if len(rules.hours) == 1:
        message.rules.hours_of_day.start_hour, message.rules.hours_of_day.end_hour = rules.hours[0]
    for name, value in (("min_bill_amount", rules.min_bill), ("max_bill_amount", rules.max_bill)):
        if value is not None:
            getattr(message.rules, name).CopyFrom(money_pb2.Money(amount_minor=value.amount_minor,
                                                                   currency_code=value.currency_code))
    if offer.price_points:
        message.reward.kind = resources.REWARD_KIND_REWARD
        message.reward.price_points = offer.price_points
    if offer.discount_amount is not None:
        message.reward.kind = message.reward.kind or resources.REWARD_KIND_DISCOUNT_AMOUNT
        message.reward.discount_amount.CopyFrom(money_pb2.Money(amount_minor=offer.discount_amount.amount_minor,
                                                                currency_code=offer.discount_amount.currency_code))
    elif offer.discount_percent_bps:
        message.reward.kind = resources.REWARD_KIND_DISCOUNT_PERCENT
        message.reward.discount_percent_bps = offer.discount_percent_bps
    elif offer.extra_points:
        message.reward.kind = resources.REWARD_KIND_EXTRAPOINT
        message.reward.extra_points = offer.extra_points
    elif offer.points_multiplier_bps:
        message.reward.kind = resources.REWARD_KIND_MULTIPLIER
        message.reward.points_multiplier_bps = offer.points_multiplier_bps
    if offer.free_item_sku:
        message.reward.kind = message.reward.kind or resources.REWARD_KIND_FREE_ITEM
        message.reward.free_item_sku = offer.free_item_sku
    return message


def code_series_to_proto(series: CodeSeries) -> resources.CodeSeries:
    message = resources.CodeSeries(
        code_series_id=series.code_series_id, offer_id=series.offer_id, type=series.type, alphabet=series.alphabet,
        length=series.length, prefix=series.prefix, common_code=series.common_code, code_count=series.code_count)
    if series.create_time is not None:
        message.create_time.CopyFrom(timestamp(series.create_time))
    return message


def coupon_to_proto(view: CouponView) -> resources.Coupon:
    coupon = view.coupon
    message = resources.Coupon(coupon_id=coupon.coupon_id, code=coupon.code, offer_id=coupon.offer_id,
                               account_id=coupon.account_id, state=int(view.state), redemption_count=coupon.use_count,
                               reversed=coupon.reversal_count > 0 and coupon.use_count == 0)
    for name in ("issue_time", "activate_time", "expire_time", "last_redeem_time", "revoke_time"):
        value = getattr(coupon, name)
        if value is not None:
            getattr(message, name).CopyFrom(timestamp(value))
    message.state_change_time.CopyFrom(timestamp(coupon.state_change_time or coupon.issue_time))
    message.account_coupon_id = account_coupon_id(coupon.offer_id, coupon.account_id)
    return message


def listing_to_proto(item: OfferListing) -> resources.Offer:
    message = offer_to_proto(item.offer)
    message.issued_count, message.redeemed_count = item.issued_count, item.redeemed_count
    message.remaining_issue_count = item.remaining_issue_count
    if item.issue_threshold_reach_time is not None:
        message.issue_threshold_reach_time.CopyFrom(timestamp(item.issue_threshold_reach_time))
    return message


def deal_to_proto(deal: Deal) -> resources.Deal:
    offer = offer_to_proto(deal.offer)
    message = resources.Deal(
        offer_id=offer.offer_id, program_id=offer.program_id, display_name=offer.display_name,
        description=offer.description, reward=offer.reward, content=offer.content,
        coupons=[coupon_to_proto(view) for view in deal.coupons],
        remaining_redemption_count=deal.account_remaining_count,
        remaining_total_redemption_count=deal.total_remaining_count)
    if offer.rules.HasField("end_time"):
        message.end_time.CopyFrom(offer.rules.end_time)
    if deal.next_redemption_time is not None:
        message.next_redemption_time.CopyFrom(timestamp(deal.next_redemption_time))
    return message


def account_coupon_to_proto(item: AccountCoupon) -> resources.Coupon:
    message = coupon_to_proto(item.view)
    message.account_redemption_count = item.account_redemption_count
    message.offer_redemption_count = item.offer_redemption_count
    terms = item.terms
    if terms is not None:  # The offer's terms, as seed 001's account coupon carries them.
        message.max_account_redemption_count = terms.max_account_redemptions
        message.max_redemption_count = terms.max_redemptions
        message.reward.CopyFrom(offer_to_proto(terms.offer).reward)
        message.content.CopyFrom(content_to_proto(terms.offer.content))
        for name, value in (("redeemable_from_time", terms.redeemable_from),
                            ("redeemable_until_time", terms.redeemable_until)):
            if value is not None:
                getattr(message, name).CopyFrom(timestamp(value))
    return message


_REDEEM_METHOD = "/rewards.coupons.v1.CouponService/RedeemCoupon"


def _redeem_command(request: coupon_api.RedeemCouponRequest) -> RedeemCoupon:
    return RedeemCoupon(request.request_id, request.code, request.account_id, request.store_id,
                        money_from_proto(request.bill_amount), request.account_coupon_id, request.zone_id,
                        request.interaction_point_id, _identifier(request), bill_lines_from_proto(request),
                        request.concept_id)


def bill_lines_from_proto(request) -> tuple[BillLine, ...]:
    """A request's bill_lines (ValidateCoupon, RedeemCoupon), each in the bill_amount's currency."""
    for n, line in enumerate(request.bill_lines):
        if line.line_amount.currency_code != request.bill_amount.currency_code:
            raise field_invalid(f"bill_lines[{n}].line_amount.currency_code", "the bill_amount's currency")
    return tuple(BillLine(line.sku, line.item_count, line.line_amount.amount_minor, line.category)
                 for line in request.bill_lines)


def _redemption_reply(request: coupon_api.RedeemCouponRequest, redemption) -> coupon_api.RedeemCouponResponse:
    return coupon_api.RedeemCouponResponse(
        redemption_id=redemption.redemption_id,
        reward=resources.AppliedReward(
            # A reply stored before kinds were recorded has 0: those were all discounts.
            kind=redemption.reward_kind or resources.REWARD_KIND_DISCOUNT_AMOUNT,
            discount_amount=money_pb2.Money(amount_minor=redemption.discount_minor,
                                            currency_code=redemption.currency_code),
            free_item_sku=redemption.free_item_sku),
        coupon=resources.Coupon(code=request.code, offer_id=redemption.offer_id, account_id=redemption.account_id,
                                state=resources.COUPON_STATE_REDEEMED,
                                last_redeem_time=timestamp(redemption.redeem_time),
                                account_coupon_id=account_coupon_id(redemption.offer_id, redemption.account_id)),
        redeem_time=timestamp(redemption.redeem_time),
        remaining_account_redemption_count=redemption.remaining_account_redemptions,
        remaining_redemption_count=redemption.remaining_redemptions)
