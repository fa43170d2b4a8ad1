"""rewards.loyalty.v1.LoyaltyService: proto <-> command translation around core.service.points."""

from __future__ import annotations


from rewards.loyalty.v1 import loyalty_service_pb2 as api
from rewards.loyalty.v1 import loyalty_service_pb2_grpc
from rewards.loyalty.v1 import resources_pb2 as resources
from rewards.type.v1 import item_error_pb2, money_pb2

from core.domain.errors import DomainError
from core.domain.loyalty import BPS
from core.domain.receipts import Receipt, ReceiptDetail
from core.service import points
from core.service.accounts import AccountRef
from core.service.points.admin import AdjustPoints, AllocateRow, PointsAdmin, VoidTransaction
from core.domain.lucky_draws import format_number
from core.service.points import LuckyDrawEntry, Movement, Points, PointsTransaction
from core.service.batch import check_batch_size
from core.service.interaction_points import InteractionPoints
from server.context import current_caller
from server.servicers.interaction_points import header_of, locate_request
from server.convert import datetime_of, timedelta_of, timestamp
from server.errors import item_error
from server.servicers.accounts import identifier_from_proto
from server.servicers.programs import tier_to_proto


def _ref(request) -> AccountRef:
    """The account a request names: account_id, or account_identifier (exactly one)."""
    identifier = (identifier_from_proto(request.account_identifier, "account_identifier")
                  if request.HasField("account_identifier") else None)
    return AccountRef(account_id=request.account_id, identifier=identifier)


class LoyaltyServicer(loyalty_service_pb2_grpc.LoyaltyServiceServicer):
    def __init__(self, engine: Points, interaction_points: InteractionPoints | None = None) -> None:
        self._points = engine
        self._admin = PointsAdmin(engine._deps, engine, engine._coupons)
        self._located = interaction_points
        """Resolves a request's interaction point (header or field) into its store."""

    async def _locate(self, request, context) -> None:
        if self._located is not None:
            await locate_request(self._located, request, context)

    async def VoidTransaction(self, request: api.VoidTransactionRequest, context) -> api.VoidTransactionResponse:
        movement = await self._admin.void(VoidTransaction(request.request_id, request.points_transaction_id,
                                                          request.operator, request.note), current_caller())
        return api.VoidTransactionResponse(transaction=transaction_to_proto(movement.transactions[0]),
                                           voided_transaction=transaction_to_proto(movement.transactions[1]),
                                           balance=_movement_balance(movement))

    async def AdjustPoints(self, request: api.AdjustPointsRequest, context) -> api.AdjustPointsResponse:
        movement = await self._admin.adjust(AdjustPoints(request.request_id, _ref(request), request.points,
                                                         request.reason, request.operator), current_caller())
        return api.AdjustPointsResponse(transaction=transaction_to_proto(movement.transactions[0]),
                                        balance=_movement_balance(movement))

    async def BatchAllocatePoints(self, request: api.BatchAllocatePointsRequest,
                                  context) -> api.BatchAllocatePointsResponse:
        rows: list[AllocateRow | DomainError] = []
        for index, row in enumerate(request.rows):
            try:
                identifier = (identifier_from_proto(row.account_identifier, f"rows[{index}].account_identifier")
                              if row.HasField("account_identifier") else None)
            except DomainError as error:  # This row's own failure, not the call's.
                rows.append(error)
                continue
            rows.append(AllocateRow(row.request_id, AccountRef(account_id=row.account_id, identifier=identifier),
                                    row.points, row.reason))
        results = await self._admin.batch_allocate(request.request_id, rows, request.operator, current_caller())
        reply = api.BatchAllocatePointsResponse()
        for result in results:
            out = reply.rows.add(row_index=result.index, request_id=result.request_id)
            if result.transaction is not None:
                out.transaction.CopyFrom(transaction_to_proto(result.transaction))
                reply.posted_count += 1
            else:
                error = result.error
                out.error.CopyFrom(api.RowError(reason=error.reason.name, message=error.message,
                                                metadata={k: str(v) for k, v in error.metadata.items()}))
                reply.failed_count += 1
        return reply

    async def EarnPoints(self, request: api.EarnPointsRequest, context) -> api.EarnPointsResponse:
        await self._locate(request, context)
        return _earn_reply(await self._points.earn(_earn_command(request), current_caller()))

    async def BatchEarnPoints(self, request: api.BatchEarnPointsRequest, context) -> api.BatchEarnPointsResponse:
        caller = current_caller()
        check_batch_size(len(request.requests))
        header = header_of(context) if self._located is not None else ""
        outcomes: list = [None] * len(request.requests)
        commands, places = [], []
        for index, item in enumerate(request.requests):
            try:
                if self._located is not None:
                    await locate_request(self._located, item, context, caller, header)
            except DomainError as refused:  # This item's interaction point: its own answer.
                outcomes[index] = refused
                continue
            commands.append(_earn_command(item))
            places.append(index)
        if commands:
            for index, outcome in zip(places, await self._points.earn_batch(commands, caller), strict=True):
                outcomes[index] = outcome
        return api.BatchEarnPointsResponse(results=[
            api.BatchEarnPointsResult(error=item_error_pb2.ItemError(**item_error(outcome, _EARN_METHOD)))
            if isinstance(outcome, DomainError) else api.BatchEarnPointsResult(response=_earn_reply(outcome))
            for outcome in outcomes])

    async def EarnByCode(self, request: api.EarnByCodeRequest, context) -> api.EarnByCodeResponse:
        movement = await self._points.earn_by_code(points.EarnByCode(request.request_id, _ref(request), request.code,
                                                                     request.store_id), current_caller())
        return api.EarnByCodeResponse(transaction=transaction_to_proto(movement.transactions[0]),
                                      balance=_movement_balance(movement))

    async def AllocateEvent(self, request: api.AllocateEventRequest, context) -> api.AllocateEventResponse:
        command = points.AllocateEvent(request.request_id, _ref(request), int(request.event), request.custom_event,
                                       request.referrer_account_id)
        movement = await self._points.allocate_event(command, current_caller())
        return api.AllocateEventResponse(transactions=[transaction_to_proto(t) for t in movement.transactions])

    async def RequestRedemptionOtp(self, request: api.RequestRedemptionOtpRequest,
                                   context) -> api.RequestRedemptionOtpResponse:
        ticket = await self._points.request_otp(
            points.RequestOtp(request.request_id, _ref(request), request.points, request.user_id,
                              _amount(request)), current_caller())
        reply = api.RequestRedemptionOtpResponse(otp_id=ticket.otp_id, expire_time=timestamp(ticket.expire_time),
                                                 points=ticket.points)
        if ticket.points_value_minor is not None:
            reply.points_value.CopyFrom(money_pb2.Money(amount_minor=ticket.points_value_minor,
                                                        currency_code=ticket.currency_code))
        return reply

    async def RedeemPoints(self, request: api.RedeemPointsRequest, context) -> api.RedeemPointsResponse:
        await self._locate(request, context)
        command = points.RedeemPoints(request.request_id, _ref(request), request.points, request.otp_id,
                                      request.otp_code, request.store_id, request.transaction_id, _amount(request),
                                      interaction_point_id=request.interaction_point_id)
        movement = await self._points.redeem(command, current_caller())
        message = transaction_to_proto(movement.transactions[0])
        reply = api.RedeemPointsResponse(transaction=message, balance=_movement_balance(movement))
        if message.HasField("points_value"):
            reply.points_value.CopyFrom(message.points_value)
        return reply

    async def RefundPoints(self, request: api.RefundPointsRequest, context) -> api.RefundPointsResponse:
        command = points.RefundPoints(request.request_id, request.points_transaction_id, request.points, request.note)
        movement = await self._points.refund(command, current_caller())
        return api.RefundPointsResponse(transaction=transaction_to_proto(movement.transactions[0]),
                                        balance=_movement_balance(movement))

    async def GetBalance(self, request: api.GetBalanceRequest, context) -> api.GetBalanceResponse:
        window = timedelta_of(request, "expiry_window")
        balance = await self._points.balance(_ref(request), window, current_caller())
        message = resources.Balance(
            account_id=balance.account_id, posted_points=balance.posted_points,
            pending_points=balance.pending_points, available_points=balance.available_points,
            expiring_points=balance.expiring_points, balance_time=timestamp(balance.balance_time),
            tier_id=balance.tier_id)
        if balance.next_expire_time is not None:
            message.next_expire_time.CopyFrom(timestamp(balance.next_expire_time))
        return api.GetBalanceResponse(balance=message)

    async def ListTransactions(self, request: api.ListTransactionsRequest, context) -> api.ListTransactionsResponse:
        query = points.ListTransactions(
            _ref(request), tuple(int(t) for t in request.types),
            datetime_of(request, "start_time"), datetime_of(request, "end_time"),
            request.page_size, request.page_token)
        page, token = await self._points.transactions(query, current_caller())
        return api.ListTransactionsResponse(transactions=[transaction_to_proto(t) for t in page],
                                            next_page_token=token)

    async def GetTransaction(self, request: api.GetTransactionRequest, context) -> api.GetTransactionResponse:
        details = await self._points.transaction_details(request.points_transaction_id, current_caller())
        return api.GetTransactionResponse(
            transaction=transaction_to_proto(details.transaction),
            movements=[api.LedgerMovement(ledger_account=account, points=points)
                       for account, points in details.movements],
            refunds=[transaction_to_proto(t) for t in details.reversals])

    async def ListLuckyDrawEntries(self, request: api.ListLuckyDrawEntriesRequest,
                                   context) -> api.ListLuckyDrawEntriesResponse:
        query = points.ListLuckyDrawEntries(_ref(request), request.program_id, request.draw_period,
                                            request.active_only, request.page_size, request.page_token)
        page, token = await self._points.lucky_draw_entries(query, current_caller())
        return api.ListLuckyDrawEntriesResponse(entries=[lucky_draw_to_proto(e) for e in page],
                                                next_page_token=token)


def _amount(request) -> tuple[int, str] | None:
    """A burn asked in money: (minor units, currency code), or None."""
    if not request.HasField("amount"):
        return None
    return request.amount.amount_minor, request.amount.currency_code


def receipt_detail_from_proto(detail: resources.ReceiptDetail) -> ReceiptDetail:
    return ReceiptDetail(detail.store_id, detail.payment_method.code, detail.payment_method.name,
                         detail.amount.amount_minor, detail.amount.currency_code, detail.note, detail.invoice_photo_uri,
                         datetime_of(detail, "transaction_time"))


def receipt_to_proto(receipt: Receipt) -> resources.Receipt:
    message = resources.Receipt(receipt_number=receipt.receipt_number, receipt_type=receipt.receipt_type,
                                posted_by=receipt.posted_by)
    for detail in receipt.details:
        out = message.details.add(store_id=detail.store_id, note=detail.note,
                                  invoice_photo_uri=detail.invoice_photo_uri,
                                  amount=money_pb2.Money(amount_minor=detail.amount_minor,
                                                         currency_code=detail.currency_code))
        if detail.payment_code:
            out.payment_method.CopyFrom(resources.PaymentMethod(code=detail.payment_code, name=detail.payment_name))
        if detail.transaction_time is not None:
            out.transaction_time.CopyFrom(timestamp(detail.transaction_time))
    return message


def lucky_draw_to_proto(entry: LuckyDrawEntry) -> resources.LuckyDrawEntry:
    message = resources.LuckyDrawEntry(
        points_transaction_id=entry.points_transaction_id, account_id=entry.account_id, program_id=entry.program_id,
        draw_period=entry.draw_period, count=entry.count, state=entry.state, create_time=timestamp(entry.create_time),
        void_points_transaction_id=entry.void_transaction_id, regular_points=entry.regular_points,
        bonus_points=entry.bonus_points, reward_points=entry.reward_points)
    if entry.allocated:
        message.from_number = format_number(entry.first_number, entry.number_width)
        message.to_number = format_number(entry.last_number, entry.number_width)
    if entry.void_time is not None:
        message.void_time.CopyFrom(timestamp(entry.void_time))
    return message


def _movement_balance(movement: Movement) -> resources.Balance:
    """The balance a movement reply carries: available (and posted) right after it, as the
    atomic reservation saw it. Expiry details come from GetBalance."""
    first = movement.transactions[0]
    return resources.Balance(account_id=first.account_id, posted_points=movement.available_points,
                             available_points=movement.available_points, balance_time=timestamp(first.create_time))


def transaction_to_proto(t: PointsTransaction) -> resources.PointsTransaction:
    message = resources.PointsTransaction(
        points_transaction_id=t.points_transaction_id, account_id=t.account_id, type=t.type, state=t.state,
        points=t.points, store_id=t.store_id, transaction_id=t.transaction_id,
        refunded_points_transaction_id=t.refunded_transaction_id, refunded_points=t.refunded_points,
        create_time=timestamp(t.create_time), regular_points=t.regular_points, bonus_points=t.bonus_points,
        reward_points=t.reward_points, note=t.note, interaction_point_id=t.interaction_point_id,
        lines=[resources.PurchaseLine(sku=sku, quantity=quantity, amount=money_pb2.Money(
            amount_minor=amount, currency_code=t.currency_code)) for sku, quantity, amount in t.lines])
    if t.bill_minor is not None:
        message.bill_amount.CopyFrom(money_pb2.Money(amount_minor=t.bill_minor, currency_code=t.currency_code))
    if t.expire_time is not None:
        message.expire_time.CopyFrom(timestamp(t.expire_time))
    if t.voided_id:
        message.voided.CopyFrom(resources.OperatorStamp(
            by=t.voided_operator or t.voided_client_id, at=timestamp(t.voided_time), client_id=t.voided_client_id,
            operator=t.voided_operator, points_transaction_id=t.voided_id))
    if t.type == points.TxType.ADJUST:
        message.adjusted.CopyFrom(resources.OperatorStamp(
            by=t.operator or t.client_id, at=timestamp(t.create_time), client_id=t.client_id, operator=t.operator,
            points_transaction_id=t.points_transaction_id))
    if t.lucky_draw is not None:
        message.lucky_draw.CopyFrom(lucky_draw_to_proto(t.lucky_draw))
    if t.receipt is not None:
        message.receipt.CopyFrom(receipt_to_proto(t.receipt))
    if t.type == points.TxType.EARN and t.card_type_multiplier_bps:
        message.card_type_id = t.card_type_id
        message.card_type_multiplier_bps = t.card_type_multiplier_bps
    if t.points_value_minor is not None:
        message.points_value.CopyFrom(money_pb2.Money(amount_minor=t.points_value_minor,
                                                      currency_code=t.currency_code))
    return message


_EARN_METHOD = "/rewards.loyalty.v1.LoyaltyService/EarnPoints"


def _earn_command(request: api.EarnPointsRequest) -> points.EarnPoints:
    return points.EarnPoints(request.request_id, _ref(request), request.store_id, request.transaction_id,
                             request.bill_amount.amount_minor, request.bill_amount.currency_code,
                             tuple(request.coupon_codes), request.payment_card_type,
                             tuple((line.sku, line.quantity, line.amount.amount_minor, line.amount.currency_code)
                                   for line in request.lines),
                             tuple(receipt_detail_from_proto(d) for d in request.receipt_details),
                             int(request.receipt_type), request.posted_by,
                             interaction_point_id=request.interaction_point_id)


def _earn_reply(movement) -> api.EarnPointsResponse:
    earned = movement.transactions[0]
    reply = api.EarnPointsResponse(transaction=transaction_to_proto(earned),
                                   balance=_movement_balance(movement),
                                   event_transactions=[transaction_to_proto(t) for t in movement.transactions[1:]],
                                   applied_coupons=[api.AppliedEarnCoupon(
                                       code=c.code, offer_id=c.offer_id, coupon_id=c.coupon_id,
                                       redemption_id=c.redemption_id, automatic=c.automatic)
                                       for c in movement.coupons],
                                   card_type_multiplier_bps=earned.card_type_multiplier_bps or BPS)
    if movement.card_type is not None:
        reply.card_type.CopyFrom(tier_to_proto(movement.card_type, earned.currency_code))
    return reply
