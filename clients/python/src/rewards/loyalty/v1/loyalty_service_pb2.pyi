import datetime

from google.protobuf import duration_pb2 as _duration_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from rewards.accounts.v1 import resources_pb2 as _resources_pb2
from rewards.loyalty.v1 import resources_pb2 as _resources_pb2_1
from rewards.type.v1 import item_error_pb2 as _item_error_pb2
from rewards.type.v1 import money_pb2 as _money_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class EarnPointsRequest(_message.Message):
    __slots__ = ("request_id", "account_id", "store_id", "transaction_id", "bill_amount", "coupon_codes", "payment_card_type", "account_identifier", "lines", "receipt_details", "receipt_type", "posted_by", "interaction_point_id")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    STORE_ID_FIELD_NUMBER: _ClassVar[int]
    TRANSACTION_ID_FIELD_NUMBER: _ClassVar[int]
    BILL_AMOUNT_FIELD_NUMBER: _ClassVar[int]
    COUPON_CODES_FIELD_NUMBER: _ClassVar[int]
    PAYMENT_CARD_TYPE_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_IDENTIFIER_FIELD_NUMBER: _ClassVar[int]
    LINES_FIELD_NUMBER: _ClassVar[int]
    RECEIPT_DETAILS_FIELD_NUMBER: _ClassVar[int]
    RECEIPT_TYPE_FIELD_NUMBER: _ClassVar[int]
    POSTED_BY_FIELD_NUMBER: _ClassVar[int]
    INTERACTION_POINT_ID_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    account_id: str
    store_id: str
    transaction_id: str
    bill_amount: _money_pb2.Money
    coupon_codes: _containers.RepeatedScalarFieldContainer[str]
    payment_card_type: str
    account_identifier: _resources_pb2.Identifier
    lines: _containers.RepeatedCompositeFieldContainer[_resources_pb2_1.PurchaseLine]
    receipt_details: _containers.RepeatedCompositeFieldContainer[_resources_pb2_1.ReceiptDetail]
    receipt_type: _resources_pb2_1.ReceiptType
    posted_by: str
    interaction_point_id: str
    def __init__(self, request_id: _Optional[str] = ..., account_id: _Optional[str] = ..., store_id: _Optional[str] = ..., transaction_id: _Optional[str] = ..., bill_amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., coupon_codes: _Optional[_Iterable[str]] = ..., payment_card_type: _Optional[str] = ..., account_identifier: _Optional[_Union[_resources_pb2.Identifier, _Mapping]] = ..., lines: _Optional[_Iterable[_Union[_resources_pb2_1.PurchaseLine, _Mapping]]] = ..., receipt_details: _Optional[_Iterable[_Union[_resources_pb2_1.ReceiptDetail, _Mapping]]] = ..., receipt_type: _Optional[_Union[_resources_pb2_1.ReceiptType, str]] = ..., posted_by: _Optional[str] = ..., interaction_point_id: _Optional[str] = ...) -> None: ...

class EarnPointsResponse(_message.Message):
    __slots__ = ("transaction", "balance", "event_transactions", "applied_coupons", "card_type", "card_type_multiplier_bps")
    TRANSACTION_FIELD_NUMBER: _ClassVar[int]
    BALANCE_FIELD_NUMBER: _ClassVar[int]
    EVENT_TRANSACTIONS_FIELD_NUMBER: _ClassVar[int]
    APPLIED_COUPONS_FIELD_NUMBER: _ClassVar[int]
    CARD_TYPE_FIELD_NUMBER: _ClassVar[int]
    CARD_TYPE_MULTIPLIER_BPS_FIELD_NUMBER: _ClassVar[int]
    transaction: _resources_pb2_1.PointsTransaction
    balance: _resources_pb2_1.Balance
    event_transactions: _containers.RepeatedCompositeFieldContainer[_resources_pb2_1.PointsTransaction]
    applied_coupons: _containers.RepeatedCompositeFieldContainer[AppliedEarnCoupon]
    card_type: _resources_pb2_1.Tier
    card_type_multiplier_bps: int
    def __init__(self, transaction: _Optional[_Union[_resources_pb2_1.PointsTransaction, _Mapping]] = ..., balance: _Optional[_Union[_resources_pb2_1.Balance, _Mapping]] = ..., event_transactions: _Optional[_Iterable[_Union[_resources_pb2_1.PointsTransaction, _Mapping]]] = ..., applied_coupons: _Optional[_Iterable[_Union[AppliedEarnCoupon, _Mapping]]] = ..., card_type: _Optional[_Union[_resources_pb2_1.Tier, _Mapping]] = ..., card_type_multiplier_bps: _Optional[int] = ...) -> None: ...

class AppliedEarnCoupon(_message.Message):
    __slots__ = ("code", "offer_id", "coupon_id", "redemption_id", "automatic")
    CODE_FIELD_NUMBER: _ClassVar[int]
    OFFER_ID_FIELD_NUMBER: _ClassVar[int]
    COUPON_ID_FIELD_NUMBER: _ClassVar[int]
    REDEMPTION_ID_FIELD_NUMBER: _ClassVar[int]
    AUTOMATIC_FIELD_NUMBER: _ClassVar[int]
    code: str
    offer_id: str
    coupon_id: str
    redemption_id: str
    automatic: bool
    def __init__(self, code: _Optional[str] = ..., offer_id: _Optional[str] = ..., coupon_id: _Optional[str] = ..., redemption_id: _Optional[str] = ..., automatic: _Optional[bool] = ...) -> None: ...

class EarnByCodeRequest(_message.Message):
    __slots__ = ("request_id", "account_id", "code", "account_identifier", "store_id")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_IDENTIFIER_FIELD_NUMBER: _ClassVar[int]
    STORE_ID_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    account_id: str
    code: str
    account_identifier: _resources_pb2.Identifier
    store_id: str
    def __init__(self, request_id: _Optional[str] = ..., account_id: _Optional[str] = ..., code: _Optional[str] = ..., account_identifier: _Optional[_Union[_resources_pb2.Identifier, _Mapping]] = ..., store_id: _Optional[str] = ...) -> None: ...

class EarnByCodeResponse(_message.Message):
    __slots__ = ("transaction", "balance")
    TRANSACTION_FIELD_NUMBER: _ClassVar[int]
    BALANCE_FIELD_NUMBER: _ClassVar[int]
    transaction: _resources_pb2_1.PointsTransaction
    balance: _resources_pb2_1.Balance
    def __init__(self, transaction: _Optional[_Union[_resources_pb2_1.PointsTransaction, _Mapping]] = ..., balance: _Optional[_Union[_resources_pb2_1.Balance, _Mapping]] = ...) -> None: ...

class RequestRedemptionOtpRequest(_message.Message):
    __slots__ = ("request_id", "account_id", "points", "user_id", "account_identifier", "amount")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    POINTS_FIELD_NUMBER: _ClassVar[int]
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_IDENTIFIER_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    account_id: str
    points: int
    user_id: str
    account_identifier: _resources_pb2.Identifier
    amount: _money_pb2.Money
    def __init__(self, request_id: _Optional[str] = ..., account_id: _Optional[str] = ..., points: _Optional[int] = ..., user_id: _Optional[str] = ..., account_identifier: _Optional[_Union[_resources_pb2.Identifier, _Mapping]] = ..., amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ...) -> None: ...

class RequestRedemptionOtpResponse(_message.Message):
    __slots__ = ("otp_id", "expire_time", "points", "points_value")
    OTP_ID_FIELD_NUMBER: _ClassVar[int]
    EXPIRE_TIME_FIELD_NUMBER: _ClassVar[int]
    POINTS_FIELD_NUMBER: _ClassVar[int]
    POINTS_VALUE_FIELD_NUMBER: _ClassVar[int]
    otp_id: str
    expire_time: _timestamp_pb2.Timestamp
    points: int
    points_value: _money_pb2.Money
    def __init__(self, otp_id: _Optional[str] = ..., expire_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., points: _Optional[int] = ..., points_value: _Optional[_Union[_money_pb2.Money, _Mapping]] = ...) -> None: ...

class RedeemPointsRequest(_message.Message):
    __slots__ = ("request_id", "account_id", "points", "otp_id", "otp_code", "store_id", "transaction_id", "account_identifier", "amount", "interaction_point_id")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    POINTS_FIELD_NUMBER: _ClassVar[int]
    OTP_ID_FIELD_NUMBER: _ClassVar[int]
    OTP_CODE_FIELD_NUMBER: _ClassVar[int]
    STORE_ID_FIELD_NUMBER: _ClassVar[int]
    TRANSACTION_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_IDENTIFIER_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    INTERACTION_POINT_ID_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    account_id: str
    points: int
    otp_id: str
    otp_code: str
    store_id: str
    transaction_id: str
    account_identifier: _resources_pb2.Identifier
    amount: _money_pb2.Money
    interaction_point_id: str
    def __init__(self, request_id: _Optional[str] = ..., account_id: _Optional[str] = ..., points: _Optional[int] = ..., otp_id: _Optional[str] = ..., otp_code: _Optional[str] = ..., store_id: _Optional[str] = ..., transaction_id: _Optional[str] = ..., account_identifier: _Optional[_Union[_resources_pb2.Identifier, _Mapping]] = ..., amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., interaction_point_id: _Optional[str] = ...) -> None: ...

class RedeemPointsResponse(_message.Message):
    __slots__ = ("transaction", "balance", "points_value")
    TRANSACTION_FIELD_NUMBER: _ClassVar[int]
    BALANCE_FIELD_NUMBER: _ClassVar[int]
    POINTS_VALUE_FIELD_NUMBER: _ClassVar[int]
    transaction: _resources_pb2_1.PointsTransaction
    balance: _resources_pb2_1.Balance
    points_value: _money_pb2.Money
    def __init__(self, transaction: _Optional[_Union[_resources_pb2_1.PointsTransaction, _Mapping]] = ..., balance: _Optional[_Union[_resources_pb2_1.Balance, _Mapping]] = ..., points_value: _Optional[_Union[_money_pb2.Money, _Mapping]] = ...) -> None: ...

class RefundPointsRequest(_message.Message):
    __slots__ = ("request_id", "points_transaction_id", "points", "note")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    POINTS_TRANSACTION_ID_FIELD_NUMBER: _ClassVar[int]
    POINTS_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    points_transaction_id: str
    points: int
    note: str
    def __init__(self, request_id: _Optional[str] = ..., points_transaction_id: _Optional[str] = ..., points: _Optional[int] = ..., note: _Optional[str] = ...) -> None: ...

class RefundPointsResponse(_message.Message):
    __slots__ = ("transaction", "balance")
    TRANSACTION_FIELD_NUMBER: _ClassVar[int]
    BALANCE_FIELD_NUMBER: _ClassVar[int]
    transaction: _resources_pb2_1.PointsTransaction
    balance: _resources_pb2_1.Balance
    def __init__(self, transaction: _Optional[_Union[_resources_pb2_1.PointsTransaction, _Mapping]] = ..., balance: _Optional[_Union[_resources_pb2_1.Balance, _Mapping]] = ...) -> None: ...

class GetBalanceRequest(_message.Message):
    __slots__ = ("account_id", "expiry_window", "account_identifier")
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    EXPIRY_WINDOW_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_IDENTIFIER_FIELD_NUMBER: _ClassVar[int]
    account_id: str
    expiry_window: _duration_pb2.Duration
    account_identifier: _resources_pb2.Identifier
    def __init__(self, account_id: _Optional[str] = ..., expiry_window: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., account_identifier: _Optional[_Union[_resources_pb2.Identifier, _Mapping]] = ...) -> None: ...

class GetBalanceResponse(_message.Message):
    __slots__ = ("balance",)
    BALANCE_FIELD_NUMBER: _ClassVar[int]
    balance: _resources_pb2_1.Balance
    def __init__(self, balance: _Optional[_Union[_resources_pb2_1.Balance, _Mapping]] = ...) -> None: ...

class ListTransactionsRequest(_message.Message):
    __slots__ = ("account_id", "types", "start_time", "end_time", "page_size", "page_token", "account_identifier")
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    TYPES_FIELD_NUMBER: _ClassVar[int]
    START_TIME_FIELD_NUMBER: _ClassVar[int]
    END_TIME_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_IDENTIFIER_FIELD_NUMBER: _ClassVar[int]
    account_id: str
    types: _containers.RepeatedScalarFieldContainer[_resources_pb2_1.PointsTransactionType]
    start_time: _timestamp_pb2.Timestamp
    end_time: _timestamp_pb2.Timestamp
    page_size: int
    page_token: str
    account_identifier: _resources_pb2.Identifier
    def __init__(self, account_id: _Optional[str] = ..., types: _Optional[_Iterable[_Union[_resources_pb2_1.PointsTransactionType, str]]] = ..., start_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., end_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., account_identifier: _Optional[_Union[_resources_pb2.Identifier, _Mapping]] = ...) -> None: ...

class ListTransactionsResponse(_message.Message):
    __slots__ = ("transactions", "next_page_token")
    TRANSACTIONS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    transactions: _containers.RepeatedCompositeFieldContainer[_resources_pb2_1.PointsTransaction]
    next_page_token: str
    def __init__(self, transactions: _Optional[_Iterable[_Union[_resources_pb2_1.PointsTransaction, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class AllocateEventRequest(_message.Message):
    __slots__ = ("request_id", "account_id", "account_identifier", "event", "custom_event", "referrer_account_id")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_IDENTIFIER_FIELD_NUMBER: _ClassVar[int]
    EVENT_FIELD_NUMBER: _ClassVar[int]
    CUSTOM_EVENT_FIELD_NUMBER: _ClassVar[int]
    REFERRER_ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    account_id: str
    account_identifier: _resources_pb2.Identifier
    event: _resources_pb2_1.EarnEvent
    custom_event: str
    referrer_account_id: str
    def __init__(self, request_id: _Optional[str] = ..., account_id: _Optional[str] = ..., account_identifier: _Optional[_Union[_resources_pb2.Identifier, _Mapping]] = ..., event: _Optional[_Union[_resources_pb2_1.EarnEvent, str]] = ..., custom_event: _Optional[str] = ..., referrer_account_id: _Optional[str] = ...) -> None: ...

class AllocateEventResponse(_message.Message):
    __slots__ = ("transactions",)
    TRANSACTIONS_FIELD_NUMBER: _ClassVar[int]
    transactions: _containers.RepeatedCompositeFieldContainer[_resources_pb2_1.PointsTransaction]
    def __init__(self, transactions: _Optional[_Iterable[_Union[_resources_pb2_1.PointsTransaction, _Mapping]]] = ...) -> None: ...

class VoidTransactionRequest(_message.Message):
    __slots__ = ("request_id", "points_transaction_id", "operator", "note")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    POINTS_TRANSACTION_ID_FIELD_NUMBER: _ClassVar[int]
    OPERATOR_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    points_transaction_id: str
    operator: str
    note: str
    def __init__(self, request_id: _Optional[str] = ..., points_transaction_id: _Optional[str] = ..., operator: _Optional[str] = ..., note: _Optional[str] = ...) -> None: ...

class VoidTransactionResponse(_message.Message):
    __slots__ = ("transaction", "voided_transaction", "balance")
    TRANSACTION_FIELD_NUMBER: _ClassVar[int]
    VOIDED_TRANSACTION_FIELD_NUMBER: _ClassVar[int]
    BALANCE_FIELD_NUMBER: _ClassVar[int]
    transaction: _resources_pb2_1.PointsTransaction
    voided_transaction: _resources_pb2_1.PointsTransaction
    balance: _resources_pb2_1.Balance
    def __init__(self, transaction: _Optional[_Union[_resources_pb2_1.PointsTransaction, _Mapping]] = ..., voided_transaction: _Optional[_Union[_resources_pb2_1.PointsTransaction, _Mapping]] = ..., balance: _Optional[_Union[_resources_pb2_1.Balance, _Mapping]] = ...) -> None: ...

class AdjustPointsRequest(_message.Message):
    __slots__ = ("request_id", "account_id", "account_identifier", "points", "reason", "operator")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_IDENTIFIER_FIELD_NUMBER: _ClassVar[int]
    POINTS_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    OPERATOR_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    account_id: str
    account_identifier: _resources_pb2.Identifier
    points: int
    reason: str
    operator: str
    def __init__(self, request_id: _Optional[str] = ..., account_id: _Optional[str] = ..., account_identifier: _Optional[_Union[_resources_pb2.Identifier, _Mapping]] = ..., points: _Optional[int] = ..., reason: _Optional[str] = ..., operator: _Optional[str] = ...) -> None: ...

class AdjustPointsResponse(_message.Message):
    __slots__ = ("transaction", "balance")
    TRANSACTION_FIELD_NUMBER: _ClassVar[int]
    BALANCE_FIELD_NUMBER: _ClassVar[int]
    transaction: _resources_pb2_1.PointsTransaction
    balance: _resources_pb2_1.Balance
    def __init__(self, transaction: _Optional[_Union[_resources_pb2_1.PointsTransaction, _Mapping]] = ..., balance: _Optional[_Union[_resources_pb2_1.Balance, _Mapping]] = ...) -> None: ...

class BatchAllocatePointsRequest(_message.Message):
    __slots__ = ("rows", "operator", "request_id")
    class Row(_message.Message):
        __slots__ = ("request_id", "account_id", "account_identifier", "points", "reason")
        REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
        ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
        ACCOUNT_IDENTIFIER_FIELD_NUMBER: _ClassVar[int]
        POINTS_FIELD_NUMBER: _ClassVar[int]
        REASON_FIELD_NUMBER: _ClassVar[int]
        request_id: str
        account_id: str
        account_identifier: _resources_pb2.Identifier
        points: int
        reason: str
        def __init__(self, request_id: _Optional[str] = ..., account_id: _Optional[str] = ..., account_identifier: _Optional[_Union[_resources_pb2.Identifier, _Mapping]] = ..., points: _Optional[int] = ..., reason: _Optional[str] = ...) -> None: ...
    ROWS_FIELD_NUMBER: _ClassVar[int]
    OPERATOR_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    rows: _containers.RepeatedCompositeFieldContainer[BatchAllocatePointsRequest.Row]
    operator: str
    request_id: str
    def __init__(self, rows: _Optional[_Iterable[_Union[BatchAllocatePointsRequest.Row, _Mapping]]] = ..., operator: _Optional[str] = ..., request_id: _Optional[str] = ...) -> None: ...

class RowError(_message.Message):
    __slots__ = ("reason", "message", "metadata")
    class MetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    REASON_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    reason: str
    message: str
    metadata: _containers.ScalarMap[str, str]
    def __init__(self, reason: _Optional[str] = ..., message: _Optional[str] = ..., metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class BatchAllocatePointsResponse(_message.Message):
    __slots__ = ("rows", "posted_count", "failed_count")
    class Row(_message.Message):
        __slots__ = ("row_index", "request_id", "transaction", "error")
        ROW_INDEX_FIELD_NUMBER: _ClassVar[int]
        REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
        TRANSACTION_FIELD_NUMBER: _ClassVar[int]
        ERROR_FIELD_NUMBER: _ClassVar[int]
        row_index: int
        request_id: str
        transaction: _resources_pb2_1.PointsTransaction
        error: RowError
        def __init__(self, row_index: _Optional[int] = ..., request_id: _Optional[str] = ..., transaction: _Optional[_Union[_resources_pb2_1.PointsTransaction, _Mapping]] = ..., error: _Optional[_Union[RowError, _Mapping]] = ...) -> None: ...
    ROWS_FIELD_NUMBER: _ClassVar[int]
    POSTED_COUNT_FIELD_NUMBER: _ClassVar[int]
    FAILED_COUNT_FIELD_NUMBER: _ClassVar[int]
    rows: _containers.RepeatedCompositeFieldContainer[BatchAllocatePointsResponse.Row]
    posted_count: int
    failed_count: int
    def __init__(self, rows: _Optional[_Iterable[_Union[BatchAllocatePointsResponse.Row, _Mapping]]] = ..., posted_count: _Optional[int] = ..., failed_count: _Optional[int] = ...) -> None: ...

class GetTransactionRequest(_message.Message):
    __slots__ = ("points_transaction_id",)
    POINTS_TRANSACTION_ID_FIELD_NUMBER: _ClassVar[int]
    points_transaction_id: str
    def __init__(self, points_transaction_id: _Optional[str] = ...) -> None: ...

class LedgerMovement(_message.Message):
    __slots__ = ("ledger_account", "points")
    LEDGER_ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    POINTS_FIELD_NUMBER: _ClassVar[int]
    ledger_account: str
    points: int
    def __init__(self, ledger_account: _Optional[str] = ..., points: _Optional[int] = ...) -> None: ...

class GetTransactionResponse(_message.Message):
    __slots__ = ("transaction", "movements", "refunds")
    TRANSACTION_FIELD_NUMBER: _ClassVar[int]
    MOVEMENTS_FIELD_NUMBER: _ClassVar[int]
    REFUNDS_FIELD_NUMBER: _ClassVar[int]
    transaction: _resources_pb2_1.PointsTransaction
    movements: _containers.RepeatedCompositeFieldContainer[LedgerMovement]
    refunds: _containers.RepeatedCompositeFieldContainer[_resources_pb2_1.PointsTransaction]
    def __init__(self, transaction: _Optional[_Union[_resources_pb2_1.PointsTransaction, _Mapping]] = ..., movements: _Optional[_Iterable[_Union[LedgerMovement, _Mapping]]] = ..., refunds: _Optional[_Iterable[_Union[_resources_pb2_1.PointsTransaction, _Mapping]]] = ...) -> None: ...

class ListLuckyDrawEntriesRequest(_message.Message):
    __slots__ = ("account_id", "account_identifier", "program_id", "draw_period", "active_only", "page_size", "page_token")
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_IDENTIFIER_FIELD_NUMBER: _ClassVar[int]
    PROGRAM_ID_FIELD_NUMBER: _ClassVar[int]
    DRAW_PERIOD_FIELD_NUMBER: _ClassVar[int]
    ACTIVE_ONLY_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    account_id: str
    account_identifier: _resources_pb2.Identifier
    program_id: str
    draw_period: str
    active_only: bool
    page_size: int
    page_token: str
    def __init__(self, account_id: _Optional[str] = ..., account_identifier: _Optional[_Union[_resources_pb2.Identifier, _Mapping]] = ..., program_id: _Optional[str] = ..., draw_period: _Optional[str] = ..., active_only: _Optional[bool] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListLuckyDrawEntriesResponse(_message.Message):
    __slots__ = ("entries", "next_page_token")
    ENTRIES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    entries: _containers.RepeatedCompositeFieldContainer[_resources_pb2_1.LuckyDrawEntry]
    next_page_token: str
    def __init__(self, entries: _Optional[_Iterable[_Union[_resources_pb2_1.LuckyDrawEntry, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class BatchEarnPointsRequest(_message.Message):
    __slots__ = ("requests",)
    REQUESTS_FIELD_NUMBER: _ClassVar[int]
    requests: _containers.RepeatedCompositeFieldContainer[EarnPointsRequest]
    def __init__(self, requests: _Optional[_Iterable[_Union[EarnPointsRequest, _Mapping]]] = ...) -> None: ...

class BatchEarnPointsResponse(_message.Message):
    __slots__ = ("results",)
    RESULTS_FIELD_NUMBER: _ClassVar[int]
    results: _containers.RepeatedCompositeFieldContainer[BatchEarnPointsResult]
    def __init__(self, results: _Optional[_Iterable[_Union[BatchEarnPointsResult, _Mapping]]] = ...) -> None: ...

class BatchEarnPointsResult(_message.Message):
    __slots__ = ("response", "error")
    RESPONSE_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    response: EarnPointsResponse
    error: _item_error_pb2.ItemError
    def __init__(self, response: _Optional[_Union[EarnPointsResponse, _Mapping]] = ..., error: _Optional[_Union[_item_error_pb2.ItemError, _Mapping]] = ...) -> None: ...
