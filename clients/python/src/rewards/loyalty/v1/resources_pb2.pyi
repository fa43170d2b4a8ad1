import datetime

from google.protobuf import duration_pb2 as _duration_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from rewards.type.v1 import money_pb2 as _money_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ReceiptType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    RECEIPT_TYPE_UNSPECIFIED: _ClassVar[ReceiptType]
    RECEIPT_TYPE_SINGLE: _ClassVar[ReceiptType]
    RECEIPT_TYPE_COMBINE: _ClassVar[ReceiptType]

class ReminderChannel(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    REMINDER_CHANNEL_UNSPECIFIED: _ClassVar[ReminderChannel]
    REMINDER_CHANNEL_SMS: _ClassVar[ReminderChannel]
    REMINDER_CHANNEL_EMAIL: _ClassVar[ReminderChannel]

class LuckyDrawEntryState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    LUCKY_DRAW_ENTRY_STATE_UNSPECIFIED: _ClassVar[LuckyDrawEntryState]
    LUCKY_DRAW_ENTRY_STATE_ACTIVE: _ClassVar[LuckyDrawEntryState]
    LUCKY_DRAW_ENTRY_STATE_VOIDED: _ClassVar[LuckyDrawEntryState]

class PointsExpiryMode(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    POINTS_EXPIRY_MODE_UNSPECIFIED: _ClassVar[PointsExpiryMode]
    POINTS_EXPIRY_MODE_DURATION: _ClassVar[PointsExpiryMode]
    POINTS_EXPIRY_MODE_MONTH_END: _ClassVar[PointsExpiryMode]

class RefundOverdraftPolicy(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    REFUND_OVERDRAFT_POLICY_UNSPECIFIED: _ClassVar[RefundOverdraftPolicy]
    REFUND_OVERDRAFT_POLICY_REJECT: _ClassVar[RefundOverdraftPolicy]
    REFUND_OVERDRAFT_POLICY_ALLOW_NEGATIVE: _ClassVar[RefundOverdraftPolicy]

class RoundingMode(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    ROUNDING_MODE_UNSPECIFIED: _ClassVar[RoundingMode]
    ROUNDING_MODE_FLOOR: _ClassVar[RoundingMode]
    ROUNDING_MODE_HALF_UP: _ClassVar[RoundingMode]
    ROUNDING_MODE_CEILING: _ClassVar[RoundingMode]

class EarnRuleKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    EARN_RULE_KIND_UNSPECIFIED: _ClassVar[EarnRuleKind]
    EARN_RULE_KIND_EVENT: _ClassVar[EarnRuleKind]
    EARN_RULE_KIND_RATIO: _ClassVar[EarnRuleKind]
    EARN_RULE_KIND_TIER: _ClassVar[EarnRuleKind]
    EARN_RULE_KIND_PROMOTION: _ClassVar[EarnRuleKind]
    EARN_RULE_KIND_REFERRAL: _ClassVar[EarnRuleKind]
    EARN_RULE_KIND_CARD_TYPE: _ClassVar[EarnRuleKind]

class EarnEvent(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    EARN_EVENT_UNSPECIFIED: _ClassVar[EarnEvent]
    EARN_EVENT_ACCOUNT_CREATED: _ClassVar[EarnEvent]
    EARN_EVENT_FIRST_PURCHASE: _ClassVar[EarnEvent]
    EARN_EVENT_MARKETING_OPT_IN: _ClassVar[EarnEvent]
    EARN_EVENT_CUSTOM: _ClassVar[EarnEvent]

class CapPeriod(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CAP_PERIOD_UNSPECIFIED: _ClassVar[CapPeriod]
    CAP_PERIOD_DAY: _ClassVar[CapPeriod]
    CAP_PERIOD_WEEK: _ClassVar[CapPeriod]
    CAP_PERIOD_MONTH: _ClassVar[CapPeriod]
    CAP_PERIOD_YEAR: _ClassVar[CapPeriod]

class PointsTransactionType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    POINTS_TRANSACTION_TYPE_UNSPECIFIED: _ClassVar[PointsTransactionType]
    POINTS_TRANSACTION_TYPE_EARN: _ClassVar[PointsTransactionType]
    POINTS_TRANSACTION_TYPE_EARN_BY_CODE: _ClassVar[PointsTransactionType]
    POINTS_TRANSACTION_TYPE_EVENT: _ClassVar[PointsTransactionType]
    POINTS_TRANSACTION_TYPE_REFERRAL: _ClassVar[PointsTransactionType]
    POINTS_TRANSACTION_TYPE_COUPON_EXTRA_POINTS: _ClassVar[PointsTransactionType]
    POINTS_TRANSACTION_TYPE_REDEEM: _ClassVar[PointsTransactionType]
    POINTS_TRANSACTION_TYPE_COUPON_PURCHASE: _ClassVar[PointsTransactionType]
    POINTS_TRANSACTION_TYPE_REFUND: _ClassVar[PointsTransactionType]
    POINTS_TRANSACTION_TYPE_EXPIRE: _ClassVar[PointsTransactionType]
    POINTS_TRANSACTION_TYPE_VOID: _ClassVar[PointsTransactionType]
    POINTS_TRANSACTION_TYPE_ADJUST: _ClassVar[PointsTransactionType]

class PointsTransactionState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    POINTS_TRANSACTION_STATE_UNSPECIFIED: _ClassVar[PointsTransactionState]
    POINTS_TRANSACTION_STATE_PENDING: _ClassVar[PointsTransactionState]
    POINTS_TRANSACTION_STATE_POSTED: _ClassVar[PointsTransactionState]
    POINTS_TRANSACTION_STATE_VOIDED: _ClassVar[PointsTransactionState]
RECEIPT_TYPE_UNSPECIFIED: ReceiptType
RECEIPT_TYPE_SINGLE: ReceiptType
RECEIPT_TYPE_COMBINE: ReceiptType
REMINDER_CHANNEL_UNSPECIFIED: ReminderChannel
REMINDER_CHANNEL_SMS: ReminderChannel
REMINDER_CHANNEL_EMAIL: ReminderChannel
LUCKY_DRAW_ENTRY_STATE_UNSPECIFIED: LuckyDrawEntryState
LUCKY_DRAW_ENTRY_STATE_ACTIVE: LuckyDrawEntryState
LUCKY_DRAW_ENTRY_STATE_VOIDED: LuckyDrawEntryState
POINTS_EXPIRY_MODE_UNSPECIFIED: PointsExpiryMode
POINTS_EXPIRY_MODE_DURATION: PointsExpiryMode
POINTS_EXPIRY_MODE_MONTH_END: PointsExpiryMode
REFUND_OVERDRAFT_POLICY_UNSPECIFIED: RefundOverdraftPolicy
REFUND_OVERDRAFT_POLICY_REJECT: RefundOverdraftPolicy
REFUND_OVERDRAFT_POLICY_ALLOW_NEGATIVE: RefundOverdraftPolicy
ROUNDING_MODE_UNSPECIFIED: RoundingMode
ROUNDING_MODE_FLOOR: RoundingMode
ROUNDING_MODE_HALF_UP: RoundingMode
ROUNDING_MODE_CEILING: RoundingMode
EARN_RULE_KIND_UNSPECIFIED: EarnRuleKind
EARN_RULE_KIND_EVENT: EarnRuleKind
EARN_RULE_KIND_RATIO: EarnRuleKind
EARN_RULE_KIND_TIER: EarnRuleKind
EARN_RULE_KIND_PROMOTION: EarnRuleKind
EARN_RULE_KIND_REFERRAL: EarnRuleKind
EARN_RULE_KIND_CARD_TYPE: EarnRuleKind
EARN_EVENT_UNSPECIFIED: EarnEvent
EARN_EVENT_ACCOUNT_CREATED: EarnEvent
EARN_EVENT_FIRST_PURCHASE: EarnEvent
EARN_EVENT_MARKETING_OPT_IN: EarnEvent
EARN_EVENT_CUSTOM: EarnEvent
CAP_PERIOD_UNSPECIFIED: CapPeriod
CAP_PERIOD_DAY: CapPeriod
CAP_PERIOD_WEEK: CapPeriod
CAP_PERIOD_MONTH: CapPeriod
CAP_PERIOD_YEAR: CapPeriod
POINTS_TRANSACTION_TYPE_UNSPECIFIED: PointsTransactionType
POINTS_TRANSACTION_TYPE_EARN: PointsTransactionType
POINTS_TRANSACTION_TYPE_EARN_BY_CODE: PointsTransactionType
POINTS_TRANSACTION_TYPE_EVENT: PointsTransactionType
POINTS_TRANSACTION_TYPE_REFERRAL: PointsTransactionType
POINTS_TRANSACTION_TYPE_COUPON_EXTRA_POINTS: PointsTransactionType
POINTS_TRANSACTION_TYPE_REDEEM: PointsTransactionType
POINTS_TRANSACTION_TYPE_COUPON_PURCHASE: PointsTransactionType
POINTS_TRANSACTION_TYPE_REFUND: PointsTransactionType
POINTS_TRANSACTION_TYPE_EXPIRE: PointsTransactionType
POINTS_TRANSACTION_TYPE_VOID: PointsTransactionType
POINTS_TRANSACTION_TYPE_ADJUST: PointsTransactionType
POINTS_TRANSACTION_STATE_UNSPECIFIED: PointsTransactionState
POINTS_TRANSACTION_STATE_PENDING: PointsTransactionState
POINTS_TRANSACTION_STATE_POSTED: PointsTransactionState
POINTS_TRANSACTION_STATE_VOIDED: PointsTransactionState

class Program(_message.Message):
    __slots__ = ("program_id", "display_name", "currency_code", "time_zone", "points_expiry", "min_redemption_balance_points", "create_time", "update_time", "points_expiry_mode", "points_expiry_months", "min_remaining_balance_points", "min_redeem_points", "refund_overdraft", "lucky_draw", "earn_requires_owner", "burn_requires_owner", "points_value", "receipt_number_format", "points_reminders")
    PROGRAM_ID_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_CODE_FIELD_NUMBER: _ClassVar[int]
    TIME_ZONE_FIELD_NUMBER: _ClassVar[int]
    POINTS_EXPIRY_FIELD_NUMBER: _ClassVar[int]
    MIN_REDEMPTION_BALANCE_POINTS_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    POINTS_EXPIRY_MODE_FIELD_NUMBER: _ClassVar[int]
    POINTS_EXPIRY_MONTHS_FIELD_NUMBER: _ClassVar[int]
    MIN_REMAINING_BALANCE_POINTS_FIELD_NUMBER: _ClassVar[int]
    MIN_REDEEM_POINTS_FIELD_NUMBER: _ClassVar[int]
    REFUND_OVERDRAFT_FIELD_NUMBER: _ClassVar[int]
    LUCKY_DRAW_FIELD_NUMBER: _ClassVar[int]
    EARN_REQUIRES_OWNER_FIELD_NUMBER: _ClassVar[int]
    BURN_REQUIRES_OWNER_FIELD_NUMBER: _ClassVar[int]
    POINTS_VALUE_FIELD_NUMBER: _ClassVar[int]
    RECEIPT_NUMBER_FORMAT_FIELD_NUMBER: _ClassVar[int]
    POINTS_REMINDERS_FIELD_NUMBER: _ClassVar[int]
    program_id: str
    display_name: str
    currency_code: str
    time_zone: str
    points_expiry: _duration_pb2.Duration
    min_redemption_balance_points: int
    create_time: _timestamp_pb2.Timestamp
    update_time: _timestamp_pb2.Timestamp
    points_expiry_mode: PointsExpiryMode
    points_expiry_months: int
    min_remaining_balance_points: int
    min_redeem_points: int
    refund_overdraft: RefundOverdraftPolicy
    lucky_draw: LuckyDrawPolicy
    earn_requires_owner: bool
    burn_requires_owner: bool
    points_value: PointsValue
    receipt_number_format: str
    points_reminders: PointsReminders
    def __init__(self, program_id: _Optional[str] = ..., display_name: _Optional[str] = ..., currency_code: _Optional[str] = ..., time_zone: _Optional[str] = ..., points_expiry: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., min_redemption_balance_points: _Optional[int] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., points_expiry_mode: _Optional[_Union[PointsExpiryMode, str]] = ..., points_expiry_months: _Optional[int] = ..., min_remaining_balance_points: _Optional[int] = ..., min_redeem_points: _Optional[int] = ..., refund_overdraft: _Optional[_Union[RefundOverdraftPolicy, str]] = ..., lucky_draw: _Optional[_Union[LuckyDrawPolicy, _Mapping]] = ..., earn_requires_owner: _Optional[bool] = ..., burn_requires_owner: _Optional[bool] = ..., points_value: _Optional[_Union[PointsValue, _Mapping]] = ..., receipt_number_format: _Optional[str] = ..., points_reminders: _Optional[_Union[PointsReminders, _Mapping]] = ...) -> None: ...

class PointsValue(_message.Message):
    __slots__ = ("points", "value")
    POINTS_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    points: int
    value: _money_pb2.Money
    def __init__(self, points: _Optional[int] = ..., value: _Optional[_Union[_money_pb2.Money, _Mapping]] = ...) -> None: ...

class PaymentMethod(_message.Message):
    __slots__ = ("code", "name")
    CODE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    code: str
    name: str
    def __init__(self, code: _Optional[str] = ..., name: _Optional[str] = ...) -> None: ...

class ReceiptDetail(_message.Message):
    __slots__ = ("store_id", "payment_method", "amount", "note", "invoice_photo_uri", "transaction_time")
    STORE_ID_FIELD_NUMBER: _ClassVar[int]
    PAYMENT_METHOD_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    INVOICE_PHOTO_URI_FIELD_NUMBER: _ClassVar[int]
    TRANSACTION_TIME_FIELD_NUMBER: _ClassVar[int]
    store_id: str
    payment_method: PaymentMethod
    amount: _money_pb2.Money
    note: str
    invoice_photo_uri: str
    transaction_time: _timestamp_pb2.Timestamp
    def __init__(self, store_id: _Optional[str] = ..., payment_method: _Optional[_Union[PaymentMethod, _Mapping]] = ..., amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., note: _Optional[str] = ..., invoice_photo_uri: _Optional[str] = ..., transaction_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class Receipt(_message.Message):
    __slots__ = ("receipt_number", "receipt_type", "posted_by", "details")
    RECEIPT_NUMBER_FIELD_NUMBER: _ClassVar[int]
    RECEIPT_TYPE_FIELD_NUMBER: _ClassVar[int]
    POSTED_BY_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    receipt_number: str
    receipt_type: ReceiptType
    posted_by: str
    details: _containers.RepeatedCompositeFieldContainer[ReceiptDetail]
    def __init__(self, receipt_number: _Optional[str] = ..., receipt_type: _Optional[_Union[ReceiptType, str]] = ..., posted_by: _Optional[str] = ..., details: _Optional[_Iterable[_Union[ReceiptDetail, _Mapping]]] = ...) -> None: ...

class PointsReminders(_message.Message):
    __slots__ = ("reminders", "templates", "default_language_code")
    REMINDERS_FIELD_NUMBER: _ClassVar[int]
    TEMPLATES_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_LANGUAGE_CODE_FIELD_NUMBER: _ClassVar[int]
    reminders: _containers.RepeatedCompositeFieldContainer[PointsReminder]
    templates: _containers.RepeatedCompositeFieldContainer[PointsReminderTemplate]
    default_language_code: str
    def __init__(self, reminders: _Optional[_Iterable[_Union[PointsReminder, _Mapping]]] = ..., templates: _Optional[_Iterable[_Union[PointsReminderTemplate, _Mapping]]] = ..., default_language_code: _Optional[str] = ...) -> None: ...

class PointsReminder(_message.Message):
    __slots__ = ("days_before_expiry", "channel", "local_time")
    DAYS_BEFORE_EXPIRY_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    LOCAL_TIME_FIELD_NUMBER: _ClassVar[int]
    days_before_expiry: int
    channel: ReminderChannel
    local_time: str
    def __init__(self, days_before_expiry: _Optional[int] = ..., channel: _Optional[_Union[ReminderChannel, str]] = ..., local_time: _Optional[str] = ...) -> None: ...

class PointsReminderTemplate(_message.Message):
    __slots__ = ("language_code", "subject", "text", "allow_unicode")
    LANGUAGE_CODE_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    ALLOW_UNICODE_FIELD_NUMBER: _ClassVar[int]
    language_code: str
    subject: str
    text: str
    allow_unicode: bool
    def __init__(self, language_code: _Optional[str] = ..., subject: _Optional[str] = ..., text: _Optional[str] = ..., allow_unicode: _Optional[bool] = ...) -> None: ...

class LuckyDrawPolicy(_message.Message):
    __slots__ = ("points_numerator", "amount_minor_denominator", "rounding_mode", "number_width", "draw_period")
    POINTS_NUMERATOR_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_MINOR_DENOMINATOR_FIELD_NUMBER: _ClassVar[int]
    ROUNDING_MODE_FIELD_NUMBER: _ClassVar[int]
    NUMBER_WIDTH_FIELD_NUMBER: _ClassVar[int]
    DRAW_PERIOD_FIELD_NUMBER: _ClassVar[int]
    points_numerator: int
    amount_minor_denominator: int
    rounding_mode: RoundingMode
    number_width: int
    draw_period: CapPeriod
    def __init__(self, points_numerator: _Optional[int] = ..., amount_minor_denominator: _Optional[int] = ..., rounding_mode: _Optional[_Union[RoundingMode, str]] = ..., number_width: _Optional[int] = ..., draw_period: _Optional[_Union[CapPeriod, str]] = ...) -> None: ...

class LuckyDrawEntry(_message.Message):
    __slots__ = ("points_transaction_id", "account_id", "program_id", "draw_period", "from_number", "to_number", "count", "state", "create_time", "void_points_transaction_id", "void_time", "regular_points", "bonus_points", "reward_points")
    POINTS_TRANSACTION_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    PROGRAM_ID_FIELD_NUMBER: _ClassVar[int]
    DRAW_PERIOD_FIELD_NUMBER: _ClassVar[int]
    FROM_NUMBER_FIELD_NUMBER: _ClassVar[int]
    TO_NUMBER_FIELD_NUMBER: _ClassVar[int]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    VOID_POINTS_TRANSACTION_ID_FIELD_NUMBER: _ClassVar[int]
    VOID_TIME_FIELD_NUMBER: _ClassVar[int]
    REGULAR_POINTS_FIELD_NUMBER: _ClassVar[int]
    BONUS_POINTS_FIELD_NUMBER: _ClassVar[int]
    REWARD_POINTS_FIELD_NUMBER: _ClassVar[int]
    points_transaction_id: str
    account_id: str
    program_id: str
    draw_period: str
    from_number: str
    to_number: str
    count: int
    state: LuckyDrawEntryState
    create_time: _timestamp_pb2.Timestamp
    void_points_transaction_id: str
    void_time: _timestamp_pb2.Timestamp
    regular_points: int
    bonus_points: int
    reward_points: int
    def __init__(self, points_transaction_id: _Optional[str] = ..., account_id: _Optional[str] = ..., program_id: _Optional[str] = ..., draw_period: _Optional[str] = ..., from_number: _Optional[str] = ..., to_number: _Optional[str] = ..., count: _Optional[int] = ..., state: _Optional[_Union[LuckyDrawEntryState, str]] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., void_points_transaction_id: _Optional[str] = ..., void_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., regular_points: _Optional[int] = ..., bonus_points: _Optional[int] = ..., reward_points: _Optional[int] = ...) -> None: ...

class EventEarnRule(_message.Message):
    __slots__ = ("event", "points", "custom_event", "once_per_account", "max_points_per_period", "cap_period")
    EVENT_FIELD_NUMBER: _ClassVar[int]
    POINTS_FIELD_NUMBER: _ClassVar[int]
    CUSTOM_EVENT_FIELD_NUMBER: _ClassVar[int]
    ONCE_PER_ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    MAX_POINTS_PER_PERIOD_FIELD_NUMBER: _ClassVar[int]
    CAP_PERIOD_FIELD_NUMBER: _ClassVar[int]
    event: EarnEvent
    points: int
    custom_event: str
    once_per_account: bool
    max_points_per_period: int
    cap_period: CapPeriod
    def __init__(self, event: _Optional[_Union[EarnEvent, str]] = ..., points: _Optional[int] = ..., custom_event: _Optional[str] = ..., once_per_account: _Optional[bool] = ..., max_points_per_period: _Optional[int] = ..., cap_period: _Optional[_Union[CapPeriod, str]] = ...) -> None: ...

class RatioEarnRule(_message.Message):
    __slots__ = ("points_numerator", "amount_minor_denominator", "rounding_mode", "store_ids", "bands")
    POINTS_NUMERATOR_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_MINOR_DENOMINATOR_FIELD_NUMBER: _ClassVar[int]
    ROUNDING_MODE_FIELD_NUMBER: _ClassVar[int]
    STORE_IDS_FIELD_NUMBER: _ClassVar[int]
    BANDS_FIELD_NUMBER: _ClassVar[int]
    points_numerator: int
    amount_minor_denominator: int
    rounding_mode: RoundingMode
    store_ids: _containers.RepeatedScalarFieldContainer[str]
    bands: _containers.RepeatedCompositeFieldContainer[SpendBand]
    def __init__(self, points_numerator: _Optional[int] = ..., amount_minor_denominator: _Optional[int] = ..., rounding_mode: _Optional[_Union[RoundingMode, str]] = ..., store_ids: _Optional[_Iterable[str]] = ..., bands: _Optional[_Iterable[_Union[SpendBand, _Mapping]]] = ...) -> None: ...

class SpendBand(_message.Message):
    __slots__ = ("min_bill_amount", "points_numerator", "amount_minor_denominator")
    MIN_BILL_AMOUNT_FIELD_NUMBER: _ClassVar[int]
    POINTS_NUMERATOR_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_MINOR_DENOMINATOR_FIELD_NUMBER: _ClassVar[int]
    min_bill_amount: _money_pb2.Money
    points_numerator: int
    amount_minor_denominator: int
    def __init__(self, min_bill_amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., points_numerator: _Optional[int] = ..., amount_minor_denominator: _Optional[int] = ...) -> None: ...

class EarnTier(_message.Message):
    __slots__ = ("min_bill_amount", "points")
    MIN_BILL_AMOUNT_FIELD_NUMBER: _ClassVar[int]
    POINTS_FIELD_NUMBER: _ClassVar[int]
    min_bill_amount: _money_pb2.Money
    points: int
    def __init__(self, min_bill_amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., points: _Optional[int] = ...) -> None: ...

class TierEarnRule(_message.Message):
    __slots__ = ("tiers",)
    TIERS_FIELD_NUMBER: _ClassVar[int]
    tiers: _containers.RepeatedCompositeFieldContainer[EarnTier]
    def __init__(self, tiers: _Optional[_Iterable[_Union[EarnTier, _Mapping]]] = ...) -> None: ...

class PromotionEarnRule(_message.Message):
    __slots__ = ("start_time", "end_time", "multiplier_bps", "store_ids")
    START_TIME_FIELD_NUMBER: _ClassVar[int]
    END_TIME_FIELD_NUMBER: _ClassVar[int]
    MULTIPLIER_BPS_FIELD_NUMBER: _ClassVar[int]
    STORE_IDS_FIELD_NUMBER: _ClassVar[int]
    start_time: _timestamp_pb2.Timestamp
    end_time: _timestamp_pb2.Timestamp
    multiplier_bps: int
    store_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, start_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., end_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., multiplier_bps: _Optional[int] = ..., store_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class ReferralEarnRule(_message.Message):
    __slots__ = ("referrer_points", "referred_points")
    REFERRER_POINTS_FIELD_NUMBER: _ClassVar[int]
    REFERRED_POINTS_FIELD_NUMBER: _ClassVar[int]
    referrer_points: int
    referred_points: int
    def __init__(self, referrer_points: _Optional[int] = ..., referred_points: _Optional[int] = ...) -> None: ...

class CardTypeEarnRule(_message.Message):
    __slots__ = ("card_types", "multiplier_bps")
    CARD_TYPES_FIELD_NUMBER: _ClassVar[int]
    MULTIPLIER_BPS_FIELD_NUMBER: _ClassVar[int]
    card_types: _containers.RepeatedScalarFieldContainer[str]
    multiplier_bps: int
    def __init__(self, card_types: _Optional[_Iterable[str]] = ..., multiplier_bps: _Optional[int] = ...) -> None: ...

class EarnRule(_message.Message):
    __slots__ = ("earn_rule_id", "program_id", "display_name", "event", "ratio", "tier", "promotion", "referral", "card_type", "etag", "create_time", "update_time")
    EARN_RULE_ID_FIELD_NUMBER: _ClassVar[int]
    PROGRAM_ID_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    EVENT_FIELD_NUMBER: _ClassVar[int]
    RATIO_FIELD_NUMBER: _ClassVar[int]
    TIER_FIELD_NUMBER: _ClassVar[int]
    PROMOTION_FIELD_NUMBER: _ClassVar[int]
    REFERRAL_FIELD_NUMBER: _ClassVar[int]
    CARD_TYPE_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    earn_rule_id: str
    program_id: str
    display_name: str
    event: EventEarnRule
    ratio: RatioEarnRule
    tier: TierEarnRule
    promotion: PromotionEarnRule
    referral: ReferralEarnRule
    card_type: CardTypeEarnRule
    etag: str
    create_time: _timestamp_pb2.Timestamp
    update_time: _timestamp_pb2.Timestamp
    def __init__(self, earn_rule_id: _Optional[str] = ..., program_id: _Optional[str] = ..., display_name: _Optional[str] = ..., event: _Optional[_Union[EventEarnRule, _Mapping]] = ..., ratio: _Optional[_Union[RatioEarnRule, _Mapping]] = ..., tier: _Optional[_Union[TierEarnRule, _Mapping]] = ..., promotion: _Optional[_Union[PromotionEarnRule, _Mapping]] = ..., referral: _Optional[_Union[ReferralEarnRule, _Mapping]] = ..., card_type: _Optional[_Union[CardTypeEarnRule, _Mapping]] = ..., etag: _Optional[str] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class OperatorStamp(_message.Message):
    __slots__ = ("by", "at", "client_id", "operator", "points_transaction_id")
    BY_FIELD_NUMBER: _ClassVar[int]
    AT_FIELD_NUMBER: _ClassVar[int]
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    OPERATOR_FIELD_NUMBER: _ClassVar[int]
    POINTS_TRANSACTION_ID_FIELD_NUMBER: _ClassVar[int]
    by: str
    at: _timestamp_pb2.Timestamp
    client_id: str
    operator: str
    points_transaction_id: str
    def __init__(self, by: _Optional[str] = ..., at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., client_id: _Optional[str] = ..., operator: _Optional[str] = ..., points_transaction_id: _Optional[str] = ...) -> None: ...

class PointsTransaction(_message.Message):
    __slots__ = ("points_transaction_id", "account_id", "type", "state", "points", "store_id", "transaction_id", "bill_amount", "refunded_points_transaction_id", "refunded_points", "basket_id", "create_time", "expire_time", "regular_points", "bonus_points", "reward_points", "note", "lines", "voided", "adjusted", "lucky_draw", "receipt", "card_type_id", "card_type_multiplier_bps", "points_value", "interaction_point_id")
    POINTS_TRANSACTION_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    POINTS_FIELD_NUMBER: _ClassVar[int]
    STORE_ID_FIELD_NUMBER: _ClassVar[int]
    TRANSACTION_ID_FIELD_NUMBER: _ClassVar[int]
    BILL_AMOUNT_FIELD_NUMBER: _ClassVar[int]
    REFUNDED_POINTS_TRANSACTION_ID_FIELD_NUMBER: _ClassVar[int]
    REFUNDED_POINTS_FIELD_NUMBER: _ClassVar[int]
    BASKET_ID_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    EXPIRE_TIME_FIELD_NUMBER: _ClassVar[int]
    REGULAR_POINTS_FIELD_NUMBER: _ClassVar[int]
    BONUS_POINTS_FIELD_NUMBER: _ClassVar[int]
    REWARD_POINTS_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    LINES_FIELD_NUMBER: _ClassVar[int]
    VOIDED_FIELD_NUMBER: _ClassVar[int]
    ADJUSTED_FIELD_NUMBER: _ClassVar[int]
    LUCKY_DRAW_FIELD_NUMBER: _ClassVar[int]
    RECEIPT_FIELD_NUMBER: _ClassVar[int]
    CARD_TYPE_ID_FIELD_NUMBER: _ClassVar[int]
    CARD_TYPE_MULTIPLIER_BPS_FIELD_NUMBER: _ClassVar[int]
    POINTS_VALUE_FIELD_NUMBER: _ClassVar[int]
    INTERACTION_POINT_ID_FIELD_NUMBER: _ClassVar[int]
    points_transaction_id: str
    account_id: str
    type: PointsTransactionType
    state: PointsTransactionState
    points: int
    store_id: str
    transaction_id: str
    bill_amount: _money_pb2.Money
    refunded_points_transaction_id: str
    refunded_points: int
    basket_id: str
    create_time: _timestamp_pb2.Timestamp
    expire_time: _timestamp_pb2.Timestamp
    regular_points: int
    bonus_points: int
    reward_points: int
    note: str
    lines: _containers.RepeatedCompositeFieldContainer[PurchaseLine]
    voided: OperatorStamp
    adjusted: OperatorStamp
    lucky_draw: LuckyDrawEntry
    receipt: Receipt
    card_type_id: str
    card_type_multiplier_bps: int
    points_value: _money_pb2.Money
    interaction_point_id: str
    def __init__(self, points_transaction_id: _Optional[str] = ..., account_id: _Optional[str] = ..., type: _Optional[_Union[PointsTransactionType, str]] = ..., state: _Optional[_Union[PointsTransactionState, str]] = ..., points: _Optional[int] = ..., store_id: _Optional[str] = ..., transaction_id: _Optional[str] = ..., bill_amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., refunded_points_transaction_id: _Optional[str] = ..., refunded_points: _Optional[int] = ..., basket_id: _Optional[str] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., expire_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., regular_points: _Optional[int] = ..., bonus_points: _Optional[int] = ..., reward_points: _Optional[int] = ..., note: _Optional[str] = ..., lines: _Optional[_Iterable[_Union[PurchaseLine, _Mapping]]] = ..., voided: _Optional[_Union[OperatorStamp, _Mapping]] = ..., adjusted: _Optional[_Union[OperatorStamp, _Mapping]] = ..., lucky_draw: _Optional[_Union[LuckyDrawEntry, _Mapping]] = ..., receipt: _Optional[_Union[Receipt, _Mapping]] = ..., card_type_id: _Optional[str] = ..., card_type_multiplier_bps: _Optional[int] = ..., points_value: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., interaction_point_id: _Optional[str] = ...) -> None: ...

class PurchaseLine(_message.Message):
    __slots__ = ("sku", "quantity", "amount")
    SKU_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    sku: str
    quantity: int
    amount: _money_pb2.Money
    def __init__(self, sku: _Optional[str] = ..., quantity: _Optional[int] = ..., amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ...) -> None: ...

class Tier(_message.Message):
    __slots__ = ("tier_id", "program_id", "display_name", "target_spend", "min_spend", "multiplier_bps", "evaluation_days", "create_time", "points_expiry", "level_up_evaluation_days", "level_down_evaluation_days", "default_tier", "active", "image_uri")
    TIER_ID_FIELD_NUMBER: _ClassVar[int]
    PROGRAM_ID_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    TARGET_SPEND_FIELD_NUMBER: _ClassVar[int]
    MIN_SPEND_FIELD_NUMBER: _ClassVar[int]
    MULTIPLIER_BPS_FIELD_NUMBER: _ClassVar[int]
    EVALUATION_DAYS_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    POINTS_EXPIRY_FIELD_NUMBER: _ClassVar[int]
    LEVEL_UP_EVALUATION_DAYS_FIELD_NUMBER: _ClassVar[int]
    LEVEL_DOWN_EVALUATION_DAYS_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_TIER_FIELD_NUMBER: _ClassVar[int]
    ACTIVE_FIELD_NUMBER: _ClassVar[int]
    IMAGE_URI_FIELD_NUMBER: _ClassVar[int]
    tier_id: str
    program_id: str
    display_name: str
    target_spend: _money_pb2.Money
    min_spend: _money_pb2.Money
    multiplier_bps: int
    evaluation_days: int
    create_time: _timestamp_pb2.Timestamp
    points_expiry: _duration_pb2.Duration
    level_up_evaluation_days: int
    level_down_evaluation_days: int
    default_tier: bool
    active: bool
    image_uri: str
    def __init__(self, tier_id: _Optional[str] = ..., program_id: _Optional[str] = ..., display_name: _Optional[str] = ..., target_spend: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., min_spend: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., multiplier_bps: _Optional[int] = ..., evaluation_days: _Optional[int] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., points_expiry: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., level_up_evaluation_days: _Optional[int] = ..., level_down_evaluation_days: _Optional[int] = ..., default_tier: _Optional[bool] = ..., active: _Optional[bool] = ..., image_uri: _Optional[str] = ...) -> None: ...

class Balance(_message.Message):
    __slots__ = ("account_id", "posted_points", "pending_points", "available_points", "expiring_points", "next_expire_time", "balance_time", "tier_id")
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    POSTED_POINTS_FIELD_NUMBER: _ClassVar[int]
    PENDING_POINTS_FIELD_NUMBER: _ClassVar[int]
    AVAILABLE_POINTS_FIELD_NUMBER: _ClassVar[int]
    EXPIRING_POINTS_FIELD_NUMBER: _ClassVar[int]
    NEXT_EXPIRE_TIME_FIELD_NUMBER: _ClassVar[int]
    BALANCE_TIME_FIELD_NUMBER: _ClassVar[int]
    TIER_ID_FIELD_NUMBER: _ClassVar[int]
    account_id: str
    posted_points: int
    pending_points: int
    available_points: int
    expiring_points: int
    next_expire_time: _timestamp_pb2.Timestamp
    balance_time: _timestamp_pb2.Timestamp
    tier_id: str
    def __init__(self, account_id: _Optional[str] = ..., posted_points: _Optional[int] = ..., pending_points: _Optional[int] = ..., available_points: _Optional[int] = ..., expiring_points: _Optional[int] = ..., next_expire_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., balance_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., tier_id: _Optional[str] = ...) -> None: ...
