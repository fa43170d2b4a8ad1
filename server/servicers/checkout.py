"""rewards.checkout.v1.CheckoutService: proto <-> command translation around core.service.checkout."""

from __future__ import annotations

from rewards.checkout.v1 import checkout_service_pb2 as api
from rewards.checkout.v1 import checkout_service_pb2_grpc
from rewards.checkout.v1 import resources_pb2 as resources
from rewards.coupons.v1 import resources_pb2 as coupon_resources
from rewards.type.v1 import money_pb2

from core.domain.checkout import Basket, BasketInput, BasketLine, BasketRefund, ReturnedLine
from core.domain.errors import field_invalid
from core.service.accounts import AccountRef
from core.service.checkout import AuthorizeBasket, CaptureBasket, Checkout, ListBaskets, RefundBasket, VoidBasket
from core.service.interaction_points import InteractionPoints
from server.context import current_caller
from server.servicers.interaction_points import locate_request
from server.convert import timedelta_of, timestamp
from server.servicers.accounts import identifier_from_proto


class CheckoutServicer(checkout_service_pb2_grpc.CheckoutServiceServicer):
    def __init__(self, checkout: Checkout, interaction_points: InteractionPoints | None = None) -> None:
        self._checkout = checkout
        self._located = interaction_points
        """Resolves a basket's interaction point (header or field) into its location."""

    async def AuthorizeBasket(self, request: api.AuthorizeBasketRequest, context) -> api.AuthorizeBasketResponse:
        if self._located is not None:
            await locate_request(self._located, request, context)
        identifier = (identifier_from_proto(request.account_identifier, "account_identifier")
                      if request.HasField("account_identifier") else None)
        hold = None
        if timedelta_of(request, "hold_duration") is not None:  # Well formed; exact to the nanosecond.
            hold = request.hold_duration.seconds + request.hold_duration.nanos / 1e9
        basket = BasketInput(
            request.store_id, request.transaction_id,
            tuple(BasketLine(line.sku, line.item_count, line.line_amount.amount_minor, line.category)
                  for line in request.lines),
            request.total_amount.amount_minor, request.total_amount.currency_code,
            tuple([("code", code) for code in request.coupon_codes]
                  + [("account_coupon_id", value) for value in request.account_coupon_ids]),
            # A burn asked in money has its points once the program is known (CheckoutService.authorize).
            request.points_burn.points if request.HasField("points_burn") and not request.points_burn.HasField("amount")
            else None, request.payment_card_type,
            request.zone_id, request.interaction_point_id, hold, request.concept_id)
        for n, line in enumerate(request.lines):
            if line.line_amount.currency_code != request.total_amount.currency_code:
                raise field_invalid(f"lines[{n}].line_amount.currency_code", "the total_amount's currency")
        command = AuthorizeBasket(
            request.request_id, AccountRef(account_id=request.account_id, identifier=identifier), basket,
            request.points_burn.otp_id, request.points_burn.otp_code, request.earn_points,
            request.skip_invalid_coupons,
            (request.points_burn.amount.amount_minor, request.points_burn.amount.currency_code)
            if request.points_burn.HasField("amount") else None, request.points_burn.points)
        return api.AuthorizeBasketResponse(basket=basket_to_proto(await self._checkout.authorize(command,
                                                                                                  current_caller())))

    async def CaptureBasket(self, request: api.CaptureBasketRequest, context) -> api.CaptureBasketResponse:
        final = request.final_total_amount if request.HasField("final_total_amount") else None
        command = CaptureBasket(request.request_id, request.basket_id, final.amount_minor if final else None,
                                final.currency_code if final else "")
        return api.CaptureBasketResponse(basket=basket_to_proto(await self._checkout.capture(command,
                                                                                              current_caller())))

    async def VoidBasket(self, request: api.VoidBasketRequest, context) -> api.VoidBasketResponse:
        basket = await self._checkout.void(VoidBasket(request.request_id, request.basket_id), current_caller())
        return api.VoidBasketResponse(basket=basket_to_proto(basket))

    async def GetBasket(self, request: api.GetBasketRequest, context) -> api.GetBasketResponse:
        return api.GetBasketResponse(basket=basket_to_proto(await self._checkout.get(request.basket_id,
                                                                                      current_caller())))

    async def ListBaskets(self, request: api.ListBasketsRequest, context) -> api.ListBasketsResponse:
        identifier = (identifier_from_proto(request.account_identifier, "account_identifier")
                      if request.HasField("account_identifier") else None)
        page, token = await self._checkout.list(ListBaskets(
            AccountRef(account_id=request.account_id, identifier=identifier), tuple(request.states),
            request.page_size, request.page_token), current_caller())
        return api.ListBasketsResponse(baskets=[basket_to_proto(basket) for basket in page], next_page_token=token)

    async def RefundBasket(self, request: api.RefundBasketRequest, context) -> api.RefundBasketResponse:
        command = RefundBasket(request.request_id, request.basket_id,
                               tuple(ReturnedLine(line.line_index, line.item_count) for line in request.lines))
        refund, basket = await self._checkout.refund(command, current_caller())
        return api.RefundBasketResponse(refund=refund_to_proto(refund, basket.currency_code),
                                        basket=basket_to_proto(basket))


def refund_to_proto(refund: BasketRefund, currency_code: str) -> resources.BasketRefund:
    return resources.BasketRefund(
        refund_id=refund.refund_id,
        lines=[resources.ReturnedLine(line_index=line.line_index, item_count=line.item_count)
               for line in refund.lines],
        returned_amount=money_pb2.Money(amount_minor=refund.returned_minor, currency_code=currency_code),
        refunded_points=refund.refunded_points, refund_points_transaction_id=refund.refund_points_transaction_id,
        reversed_redemption_ids=list(refund.reversed_redemption_ids), refund_time=timestamp(refund.refund_time))


def basket_to_proto(basket: Basket) -> resources.Basket:
    money = lambda amount: money_pb2.Money(amount_minor=amount, currency_code=basket.currency_code)  # noqa: E731
    message = resources.Basket(
        basket_id=basket.basket_id, state=basket.state, account_id=basket.account_id, store_id=basket.store_id,
        transaction_id=basket.transaction_id,
        lines=[resources.BasketLine(sku=line.sku, item_count=line.item_count, line_amount=money(line.amount_minor),
                                    category=line.category) for line in basket.lines],
        total_amount=money(basket.total_minor), discount_amount=money(basket.discount_minor),
        payable_amount=money(basket.payable_minor), burned_points=basket.burned_points,
        earned_points=basket.earned_points, authorize_time=timestamp(basket.authorize_time),
        expire_time=timestamp(basket.expire_time), earn_points_transaction_id=basket.earn_points_transaction_id,
        burn_points_transaction_id=basket.burn_points_transaction_id,
        refunds=[refund_to_proto(refund, basket.currency_code) for refund in basket.refunds])
    for result in basket.coupon_results:
        entry = message.coupon_results.add(code=result.code, applied=result.applied, reason=result.reason,
                                           redemption_id=result.redemption_id)
        if result.applied:
            entry.reward.CopyFrom(coupon_resources.AppliedReward(
                kind=result.kind, discount_amount=money(result.discount_minor), free_item_sku=result.free_item_sku,
                extra_points=result.extra_points, points_multiplier_bps=result.points_multiplier_bps))
    if basket.burned_value_minor is not None:
        message.burned_points_value.CopyFrom(money(basket.burned_value_minor))
    if basket.capture_time is not None:
        message.capture_time.CopyFrom(timestamp(basket.capture_time))
    if basket.void_time is not None:
        message.void_time.CopyFrom(timestamp(basket.void_time))
    return message
