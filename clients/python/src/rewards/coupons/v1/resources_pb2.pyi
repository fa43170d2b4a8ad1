import datetime

from google.protobuf import duration_pb2 as _duration_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from rewards.type.v1 import day_of_week_pb2 as _day_of_week_pb2
from rewards.type.v1 import money_pb2 as _money_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class OfferState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    OFFER_STATE_UNSPECIFIED: _ClassVar[OfferState]
    OFFER_STATE_DRAFT: _ClassVar[OfferState]
    OFFER_STATE_ACTIVE: _ClassVar[OfferState]
    OFFER_STATE_INACTIVE: _ClassVar[OfferState]

class RewardKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    REWARD_KIND_UNSPECIFIED: _ClassVar[RewardKind]
    REWARD_KIND_DISCOUNT_AMOUNT: _ClassVar[RewardKind]
    REWARD_KIND_DISCOUNT_PERCENT: _ClassVar[RewardKind]
    REWARD_KIND_FREE_ITEM: _ClassVar[RewardKind]
    REWARD_KIND_EXTRAPOINT: _ClassVar[RewardKind]
    REWARD_KIND_MULTIPLIER: _ClassVar[RewardKind]
    REWARD_KIND_REWARD: _ClassVar[RewardKind]

class ExpiryMode(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    EXPIRY_MODE_UNSPECIFIED: _ClassVar[ExpiryMode]
    EXPIRY_MODE_FIXED_END: _ClassVar[ExpiryMode]
    EXPIRY_MODE_RELATIVE_TO_ISSUE: _ClassVar[ExpiryMode]
    EXPIRY_MODE_END_OF_DAY: _ClassVar[ExpiryMode]
    EXPIRY_MODE_RELATIVE_TO_ISSUE_END_OF_DAY: _ClassVar[ExpiryMode]
    EXPIRY_MODE_MONTH_END_AFTER_ISSUE: _ClassVar[ExpiryMode]

class RematchPolicy(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    REMATCH_POLICY_UNSPECIFIED: _ClassVar[RematchPolicy]
    REMATCH_POLICY_SEND_NOTHING: _ClassVar[RematchPolicy]
    REMATCH_POLICY_RESEND_EXISTING: _ClassVar[RematchPolicy]

class DeliveryChannel(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    DELIVERY_CHANNEL_UNSPECIFIED: _ClassVar[DeliveryChannel]
    DELIVERY_CHANNEL_NONE: _ClassVar[DeliveryChannel]
    DELIVERY_CHANNEL_SMS: _ClassVar[DeliveryChannel]
    DELIVERY_CHANNEL_EMAIL: _ClassVar[DeliveryChannel]

class MessageKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    MESSAGE_KIND_UNSPECIFIED: _ClassVar[MessageKind]
    MESSAGE_KIND_ISSUE: _ClassVar[MessageKind]
    MESSAGE_KIND_RESEND: _ClassVar[MessageKind]
    MESSAGE_KIND_REMINDER: _ClassVar[MessageKind]

class CodeSeriesType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CODE_SERIES_TYPE_UNSPECIFIED: _ClassVar[CodeSeriesType]
    CODE_SERIES_TYPE_UNIQUE_GENERATED: _ClassVar[CodeSeriesType]
    CODE_SERIES_TYPE_COMMON: _ClassVar[CodeSeriesType]
    CODE_SERIES_TYPE_IMPORTED: _ClassVar[CodeSeriesType]
    CODE_SERIES_TYPE_RANDOM_WITH_PREFIX: _ClassVar[CodeSeriesType]

class CouponState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    COUPON_STATE_UNSPECIFIED: _ClassVar[CouponState]
    COUPON_STATE_ISSUED: _ClassVar[CouponState]
    COUPON_STATE_ACTIVE: _ClassVar[CouponState]
    COUPON_STATE_REDEEMED: _ClassVar[CouponState]
    COUPON_STATE_EXPIRED: _ClassVar[CouponState]
    COUPON_STATE_REVOKED: _ClassVar[CouponState]
OFFER_STATE_UNSPECIFIED: OfferState
OFFER_STATE_DRAFT: OfferState
OFFER_STATE_ACTIVE: OfferState
OFFER_STATE_INACTIVE: OfferState
REWARD_KIND_UNSPECIFIED: RewardKind
REWARD_KIND_DISCOUNT_AMOUNT: RewardKind
REWARD_KIND_DISCOUNT_PERCENT: RewardKind
REWARD_KIND_FREE_ITEM: RewardKind
REWARD_KIND_EXTRAPOINT: RewardKind
REWARD_KIND_MULTIPLIER: RewardKind
REWARD_KIND_REWARD: RewardKind
EXPIRY_MODE_UNSPECIFIED: ExpiryMode
EXPIRY_MODE_FIXED_END: ExpiryMode
EXPIRY_MODE_RELATIVE_TO_ISSUE: ExpiryMode
EXPIRY_MODE_END_OF_DAY: ExpiryMode
EXPIRY_MODE_RELATIVE_TO_ISSUE_END_OF_DAY: ExpiryMode
EXPIRY_MODE_MONTH_END_AFTER_ISSUE: ExpiryMode
REMATCH_POLICY_UNSPECIFIED: RematchPolicy
REMATCH_POLICY_SEND_NOTHING: RematchPolicy
REMATCH_POLICY_RESEND_EXISTING: RematchPolicy
DELIVERY_CHANNEL_UNSPECIFIED: DeliveryChannel
DELIVERY_CHANNEL_NONE: DeliveryChannel
DELIVERY_CHANNEL_SMS: DeliveryChannel
DELIVERY_CHANNEL_EMAIL: DeliveryChannel
MESSAGE_KIND_UNSPECIFIED: MessageKind
MESSAGE_KIND_ISSUE: MessageKind
MESSAGE_KIND_RESEND: MessageKind
MESSAGE_KIND_REMINDER: MessageKind
CODE_SERIES_TYPE_UNSPECIFIED: CodeSeriesType
CODE_SERIES_TYPE_UNIQUE_GENERATED: CodeSeriesType
CODE_SERIES_TYPE_COMMON: CodeSeriesType
CODE_SERIES_TYPE_IMPORTED: CodeSeriesType
CODE_SERIES_TYPE_RANDOM_WITH_PREFIX: CodeSeriesType
COUPON_STATE_UNSPECIFIED: CouponState
COUPON_STATE_ISSUED: CouponState
COUPON_STATE_ACTIVE: CouponState
COUPON_STATE_REDEEMED: CouponState
COUPON_STATE_EXPIRED: CouponState
COUPON_STATE_REVOKED: CouponState

class Reward(_message.Message):
    __slots__ = ("kind", "discount_amount", "discount_percent_bps", "discount_amount_max", "free_item_sku", "extra_points", "points_multiplier_bps", "price_points")
    KIND_FIELD_NUMBER: _ClassVar[int]
    DISCOUNT_AMOUNT_FIELD_NUMBER: _ClassVar[int]
    DISCOUNT_PERCENT_BPS_FIELD_NUMBER: _ClassVar[int]
    DISCOUNT_AMOUNT_MAX_FIELD_NUMBER: _ClassVar[int]
    FREE_ITEM_SKU_FIELD_NUMBER: _ClassVar[int]
    EXTRA_POINTS_FIELD_NUMBER: _ClassVar[int]
    POINTS_MULTIPLIER_BPS_FIELD_NUMBER: _ClassVar[int]
    PRICE_POINTS_FIELD_NUMBER: _ClassVar[int]
    kind: RewardKind
    discount_amount: _money_pb2.Money
    discount_percent_bps: int
    discount_amount_max: _money_pb2.Money
    free_item_sku: str
    extra_points: int
    points_multiplier_bps: int
    price_points: int
    def __init__(self, kind: _Optional[_Union[RewardKind, str]] = ..., discount_amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., discount_percent_bps: _Optional[int] = ..., discount_amount_max: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., free_item_sku: _Optional[str] = ..., extra_points: _Optional[int] = ..., points_multiplier_bps: _Optional[int] = ..., price_points: _Optional[int] = ...) -> None: ...

class HoursOfDay(_message.Message):
    __slots__ = ("start_hour", "end_hour")
    START_HOUR_FIELD_NUMBER: _ClassVar[int]
    END_HOUR_FIELD_NUMBER: _ClassVar[int]
    start_hour: int
    end_hour: int
    def __init__(self, start_hour: _Optional[int] = ..., end_hour: _Optional[int] = ...) -> None: ...

class OfferRules(_message.Message):
    __slots__ = ("start_time", "end_time", "expiry_mode", "coupon_validity", "redemption_start_time", "min_redemption_gap", "store_ids", "min_bill_amount", "max_bill_amount", "days_of_week", "hours_of_day", "hour_windows", "new_customers_only", "max_account_redemption_count", "max_redemption_count", "max_account_issue_count", "max_issue_count", "activation_required", "coupon_validity_months", "time_zone", "zone_ids", "interaction_point_ids", "days_of_month", "registration_start_time", "registration_end_time", "max_prior_transaction_count", "min_issue_gap", "rematch_policy", "listed_accounts_only", "issue_notification_threshold", "redemption_start_days_after_issue", "redeemable_by_anyone", "past_issue_offer_ids", "past_issue_months", "redeemable_until_days_before_expiry", "applicable_skus", "applicable_categories", "concept_ids")
    START_TIME_FIELD_NUMBER: _ClassVar[int]
    END_TIME_FIELD_NUMBER: _ClassVar[int]
    EXPIRY_MODE_FIELD_NUMBER: _ClassVar[int]
    COUPON_VALIDITY_FIELD_NUMBER: _ClassVar[int]
    REDEMPTION_START_TIME_FIELD_NUMBER: _ClassVar[int]
    MIN_REDEMPTION_GAP_FIELD_NUMBER: _ClassVar[int]
    STORE_IDS_FIELD_NUMBER: _ClassVar[int]
    MIN_BILL_AMOUNT_FIELD_NUMBER: _ClassVar[int]
    MAX_BILL_AMOUNT_FIELD_NUMBER: _ClassVar[int]
    DAYS_OF_WEEK_FIELD_NUMBER: _ClassVar[int]
    HOURS_OF_DAY_FIELD_NUMBER: _ClassVar[int]
    HOUR_WINDOWS_FIELD_NUMBER: _ClassVar[int]
    NEW_CUSTOMERS_ONLY_FIELD_NUMBER: _ClassVar[int]
    MAX_ACCOUNT_REDEMPTION_COUNT_FIELD_NUMBER: _ClassVar[int]
    MAX_REDEMPTION_COUNT_FIELD_NUMBER: _ClassVar[int]
    MAX_ACCOUNT_ISSUE_COUNT_FIELD_NUMBER: _ClassVar[int]
    MAX_ISSUE_COUNT_FIELD_NUMBER: _ClassVar[int]
    ACTIVATION_REQUIRED_FIELD_NUMBER: _ClassVar[int]
    COUPON_VALIDITY_MONTHS_FIELD_NUMBER: _ClassVar[int]
    TIME_ZONE_FIELD_NUMBER: _ClassVar[int]
    ZONE_IDS_FIELD_NUMBER: _ClassVar[int]
    INTERACTION_POINT_IDS_FIELD_NUMBER: _ClassVar[int]
    DAYS_OF_MONTH_FIELD_NUMBER: _ClassVar[int]
    REGISTRATION_START_TIME_FIELD_NUMBER: _ClassVar[int]
    REGISTRATION_END_TIME_FIELD_NUMBER: _ClassVar[int]
    MAX_PRIOR_TRANSACTION_COUNT_FIELD_NUMBER: _ClassVar[int]
    MIN_ISSUE_GAP_FIELD_NUMBER: _ClassVar[int]
    REMATCH_POLICY_FIELD_NUMBER: _ClassVar[int]
    LISTED_ACCOUNTS_ONLY_FIELD_NUMBER: _ClassVar[int]
    ISSUE_NOTIFICATION_THRESHOLD_FIELD_NUMBER: _ClassVar[int]
    REDEMPTION_START_DAYS_AFTER_ISSUE_FIELD_NUMBER: _ClassVar[int]
    REDEEMABLE_BY_ANYONE_FIELD_NUMBER: _ClassVar[int]
    PAST_ISSUE_OFFER_IDS_FIELD_NUMBER: _ClassVar[int]
    PAST_ISSUE_MONTHS_FIELD_NUMBER: _ClassVar[int]
    REDEEMABLE_UNTIL_DAYS_BEFORE_EXPIRY_FIELD_NUMBER: _ClassVar[int]
    APPLICABLE_SKUS_FIELD_NUMBER: _ClassVar[int]
    APPLICABLE_CATEGORIES_FIELD_NUMBER: _ClassVar[int]
    CONCEPT_IDS_FIELD_NUMBER: _ClassVar[int]
    start_time: _timestamp_pb2.Timestamp
    end_time: _timestamp_pb2.Timestamp
    expiry_mode: ExpiryMode
    coupon_validity: _duration_pb2.Duration
    redemption_start_time: _timestamp_pb2.Timestamp
    min_redemption_gap: _duration_pb2.Duration
    store_ids: _containers.RepeatedScalarFieldContainer[str]
    min_bill_amount: _money_pb2.Money
    max_bill_amount: _money_pb2.Money
    days_of_week: _containers.RepeatedScalarFieldContainer[_day_of_week_pb2.DayOfWeek]
    hours_of_day: HoursOfDay
    hour_windows: _containers.RepeatedCompositeFieldContainer[HoursOfDay]
    new_customers_only: bool
    max_account_redemption_count: int
    max_redemption_count: int
    max_account_issue_count: int
    max_issue_count: int
    activation_required: bool
    coupon_validity_months: int
    time_zone: str
    zone_ids: _containers.RepeatedScalarFieldContainer[str]
    interaction_point_ids: _containers.RepeatedScalarFieldContainer[str]
    days_of_month: _containers.RepeatedScalarFieldContainer[int]
    registration_start_time: _timestamp_pb2.Timestamp
    registration_end_time: _timestamp_pb2.Timestamp
    max_prior_transaction_count: int
    min_issue_gap: _duration_pb2.Duration
    rematch_policy: RematchPolicy
    listed_accounts_only: bool
    issue_notification_threshold: int
    redemption_start_days_after_issue: int
    redeemable_by_anyone: bool
    past_issue_offer_ids: _containers.RepeatedScalarFieldContainer[str]
    past_issue_months: int
    redeemable_until_days_before_expiry: int
    applicable_skus: _containers.RepeatedScalarFieldContainer[str]
    applicable_categories: _containers.RepeatedScalarFieldContainer[str]
    concept_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, start_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., end_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., expiry_mode: _Optional[_Union[ExpiryMode, str]] = ..., coupon_validity: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., redemption_start_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., min_redemption_gap: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., store_ids: _Optional[_Iterable[str]] = ..., min_bill_amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., max_bill_amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., days_of_week: _Optional[_Iterable[_Union[_day_of_week_pb2.DayOfWeek, str]]] = ..., hours_of_day: _Optional[_Union[HoursOfDay, _Mapping]] = ..., hour_windows: _Optional[_Iterable[_Union[HoursOfDay, _Mapping]]] = ..., new_customers_only: _Optional[bool] = ..., max_account_redemption_count: _Optional[int] = ..., max_redemption_count: _Optional[int] = ..., max_account_issue_count: _Optional[int] = ..., max_issue_count: _Optional[int] = ..., activation_required: _Optional[bool] = ..., coupon_validity_months: _Optional[int] = ..., time_zone: _Optional[str] = ..., zone_ids: _Optional[_Iterable[str]] = ..., interaction_point_ids: _Optional[_Iterable[str]] = ..., days_of_month: _Optional[_Iterable[int]] = ..., registration_start_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., registration_end_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., max_prior_transaction_count: _Optional[int] = ..., min_issue_gap: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., rematch_policy: _Optional[_Union[RematchPolicy, str]] = ..., listed_accounts_only: _Optional[bool] = ..., issue_notification_threshold: _Optional[int] = ..., redemption_start_days_after_issue: _Optional[int] = ..., redeemable_by_anyone: _Optional[bool] = ..., past_issue_offer_ids: _Optional[_Iterable[str]] = ..., past_issue_months: _Optional[int] = ..., redeemable_until_days_before_expiry: _Optional[int] = ..., applicable_skus: _Optional[_Iterable[str]] = ..., applicable_categories: _Optional[_Iterable[str]] = ..., concept_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class BillLine(_message.Message):
    __slots__ = ("sku", "category", "item_count", "line_amount")
    SKU_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    ITEM_COUNT_FIELD_NUMBER: _ClassVar[int]
    LINE_AMOUNT_FIELD_NUMBER: _ClassVar[int]
    sku: str
    category: str
    item_count: int
    line_amount: _money_pb2.Money
    def __init__(self, sku: _Optional[str] = ..., category: _Optional[str] = ..., item_count: _Optional[int] = ..., line_amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ...) -> None: ...

class OfferText(_message.Message):
    __slots__ = ("language_code", "title", "subtitle", "description", "booking_text")
    LANGUAGE_CODE_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    SUBTITLE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    BOOKING_TEXT_FIELD_NUMBER: _ClassVar[int]
    language_code: str
    title: str
    subtitle: str
    description: str
    booking_text: str
    def __init__(self, language_code: _Optional[str] = ..., title: _Optional[str] = ..., subtitle: _Optional[str] = ..., description: _Optional[str] = ..., booking_text: _Optional[str] = ...) -> None: ...

class OfferContent(_message.Message):
    __slots__ = ("texts", "image_uris", "custom_properties", "external_reference", "external_code")
    class CustomPropertiesEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    TEXTS_FIELD_NUMBER: _ClassVar[int]
    IMAGE_URIS_FIELD_NUMBER: _ClassVar[int]
    CUSTOM_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    EXTERNAL_REFERENCE_FIELD_NUMBER: _ClassVar[int]
    EXTERNAL_CODE_FIELD_NUMBER: _ClassVar[int]
    texts: _containers.RepeatedCompositeFieldContainer[OfferText]
    image_uris: _containers.RepeatedScalarFieldContainer[str]
    custom_properties: _containers.ScalarMap[str, str]
    external_reference: str
    external_code: str
    def __init__(self, texts: _Optional[_Iterable[_Union[OfferText, _Mapping]]] = ..., image_uris: _Optional[_Iterable[str]] = ..., custom_properties: _Optional[_Mapping[str, str]] = ..., external_reference: _Optional[str] = ..., external_code: _Optional[str] = ...) -> None: ...

class Offer(_message.Message):
    __slots__ = ("offer_id", "program_id", "display_name", "description", "reward", "rules", "state", "issued_count", "redeemed_count", "etag", "create_time", "update_time", "content", "remaining_issue_count", "issue_threshold_reach_time", "delivery")
    OFFER_ID_FIELD_NUMBER: _ClassVar[int]
    PROGRAM_ID_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    REWARD_FIELD_NUMBER: _ClassVar[int]
    RULES_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    ISSUED_COUNT_FIELD_NUMBER: _ClassVar[int]
    REDEEMED_COUNT_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    REMAINING_ISSUE_COUNT_FIELD_NUMBER: _ClassVar[int]
    ISSUE_THRESHOLD_REACH_TIME_FIELD_NUMBER: _ClassVar[int]
    DELIVERY_FIELD_NUMBER: _ClassVar[int]
    offer_id: str
    program_id: str
    display_name: str
    description: str
    reward: Reward
    rules: OfferRules
    state: OfferState
    issued_count: int
    redeemed_count: int
    etag: str
    create_time: _timestamp_pb2.Timestamp
    update_time: _timestamp_pb2.Timestamp
    content: OfferContent
    remaining_issue_count: int
    issue_threshold_reach_time: _timestamp_pb2.Timestamp
    delivery: OfferDelivery
    def __init__(self, offer_id: _Optional[str] = ..., program_id: _Optional[str] = ..., display_name: _Optional[str] = ..., description: _Optional[str] = ..., reward: _Optional[_Union[Reward, _Mapping]] = ..., rules: _Optional[_Union[OfferRules, _Mapping]] = ..., state: _Optional[_Union[OfferState, str]] = ..., issued_count: _Optional[int] = ..., redeemed_count: _Optional[int] = ..., etag: _Optional[str] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., content: _Optional[_Union[OfferContent, _Mapping]] = ..., remaining_issue_count: _Optional[int] = ..., issue_threshold_reach_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., delivery: _Optional[_Union[OfferDelivery, _Mapping]] = ...) -> None: ...

class MessageTemplate(_message.Message):
    __slots__ = ("language_code", "kind", "subject", "text", "allow_unicode")
    LANGUAGE_CODE_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    ALLOW_UNICODE_FIELD_NUMBER: _ClassVar[int]
    language_code: str
    kind: MessageKind
    subject: str
    text: str
    allow_unicode: bool
    def __init__(self, language_code: _Optional[str] = ..., kind: _Optional[_Union[MessageKind, str]] = ..., subject: _Optional[str] = ..., text: _Optional[str] = ..., allow_unicode: _Optional[bool] = ...) -> None: ...

class ExpiryReminder(_message.Message):
    __slots__ = ("days_before_expiry", "channel", "local_time")
    DAYS_BEFORE_EXPIRY_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    LOCAL_TIME_FIELD_NUMBER: _ClassVar[int]
    days_before_expiry: int
    channel: DeliveryChannel
    local_time: str
    def __init__(self, days_before_expiry: _Optional[int] = ..., channel: _Optional[_Union[DeliveryChannel, str]] = ..., local_time: _Optional[str] = ...) -> None: ...

class OfferDelivery(_message.Message):
    __slots__ = ("channel", "templates", "reminders", "contact_emails", "default_language_code")
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    TEMPLATES_FIELD_NUMBER: _ClassVar[int]
    REMINDERS_FIELD_NUMBER: _ClassVar[int]
    CONTACT_EMAILS_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_LANGUAGE_CODE_FIELD_NUMBER: _ClassVar[int]
    channel: DeliveryChannel
    templates: _containers.RepeatedCompositeFieldContainer[MessageTemplate]
    reminders: _containers.RepeatedCompositeFieldContainer[ExpiryReminder]
    contact_emails: _containers.RepeatedScalarFieldContainer[str]
    default_language_code: str
    def __init__(self, channel: _Optional[_Union[DeliveryChannel, str]] = ..., templates: _Optional[_Iterable[_Union[MessageTemplate, _Mapping]]] = ..., reminders: _Optional[_Iterable[_Union[ExpiryReminder, _Mapping]]] = ..., contact_emails: _Optional[_Iterable[str]] = ..., default_language_code: _Optional[str] = ...) -> None: ...

class CodeSeries(_message.Message):
    __slots__ = ("code_series_id", "offer_id", "type", "alphabet", "length", "prefix", "common_code", "code_count", "create_time", "sample_code")
    CODE_SERIES_ID_FIELD_NUMBER: _ClassVar[int]
    OFFER_ID_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    ALPHABET_FIELD_NUMBER: _ClassVar[int]
    LENGTH_FIELD_NUMBER: _ClassVar[int]
    PREFIX_FIELD_NUMBER: _ClassVar[int]
    COMMON_CODE_FIELD_NUMBER: _ClassVar[int]
    CODE_COUNT_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    SAMPLE_CODE_FIELD_NUMBER: _ClassVar[int]
    code_series_id: str
    offer_id: str
    type: CodeSeriesType
    alphabet: str
    length: int
    prefix: str
    common_code: str
    code_count: int
    create_time: _timestamp_pb2.Timestamp
    sample_code: str
    def __init__(self, code_series_id: _Optional[str] = ..., offer_id: _Optional[str] = ..., type: _Optional[_Union[CodeSeriesType, str]] = ..., alphabet: _Optional[str] = ..., length: _Optional[int] = ..., prefix: _Optional[str] = ..., common_code: _Optional[str] = ..., code_count: _Optional[int] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., sample_code: _Optional[str] = ...) -> None: ...

class Coupon(_message.Message):
    __slots__ = ("coupon_id", "code", "offer_id", "code_series_id", "account_id", "state", "redemption_count", "issue_time", "activate_time", "expire_time", "last_redeem_time", "revoke_time", "state_change_time", "reversed", "account_redemption_count", "offer_redemption_count", "account_coupon_id", "max_account_redemption_count", "max_redemption_count", "reward", "content", "redeemable_from_time", "redeemable_until_time")
    COUPON_ID_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    OFFER_ID_FIELD_NUMBER: _ClassVar[int]
    CODE_SERIES_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    REDEMPTION_COUNT_FIELD_NUMBER: _ClassVar[int]
    ISSUE_TIME_FIELD_NUMBER: _ClassVar[int]
    ACTIVATE_TIME_FIELD_NUMBER: _ClassVar[int]
    EXPIRE_TIME_FIELD_NUMBER: _ClassVar[int]
    LAST_REDEEM_TIME_FIELD_NUMBER: _ClassVar[int]
    REVOKE_TIME_FIELD_NUMBER: _ClassVar[int]
    STATE_CHANGE_TIME_FIELD_NUMBER: _ClassVar[int]
    REVERSED_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_REDEMPTION_COUNT_FIELD_NUMBER: _ClassVar[int]
    OFFER_REDEMPTION_COUNT_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_COUPON_ID_FIELD_NUMBER: _ClassVar[int]
    MAX_ACCOUNT_REDEMPTION_COUNT_FIELD_NUMBER: _ClassVar[int]
    MAX_REDEMPTION_COUNT_FIELD_NUMBER: _ClassVar[int]
    REWARD_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    REDEEMABLE_FROM_TIME_FIELD_NUMBER: _ClassVar[int]
    REDEEMABLE_UNTIL_TIME_FIELD_NUMBER: _ClassVar[int]
    coupon_id: str
    code: str
    offer_id: str
    code_series_id: str
    account_id: str
    state: CouponState
    redemption_count: int
    issue_time: _timestamp_pb2.Timestamp
    activate_time: _timestamp_pb2.Timestamp
    expire_time: _timestamp_pb2.Timestamp
    last_redeem_time: _timestamp_pb2.Timestamp
    revoke_time: _timestamp_pb2.Timestamp
    state_change_time: _timestamp_pb2.Timestamp
    reversed: bool
    account_redemption_count: int
    offer_redemption_count: int
    account_coupon_id: str
    max_account_redemption_count: int
    max_redemption_count: int
    reward: Reward
    content: OfferContent
    redeemable_from_time: _timestamp_pb2.Timestamp
    redeemable_until_time: _timestamp_pb2.Timestamp
    def __init__(self, coupon_id: _Optional[str] = ..., code: _Optional[str] = ..., offer_id: _Optional[str] = ..., code_series_id: _Optional[str] = ..., account_id: _Optional[str] = ..., state: _Optional[_Union[CouponState, str]] = ..., redemption_count: _Optional[int] = ..., issue_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., activate_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., expire_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., last_redeem_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., revoke_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., state_change_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., reversed: _Optional[bool] = ..., account_redemption_count: _Optional[int] = ..., offer_redemption_count: _Optional[int] = ..., account_coupon_id: _Optional[str] = ..., max_account_redemption_count: _Optional[int] = ..., max_redemption_count: _Optional[int] = ..., reward: _Optional[_Union[Reward, _Mapping]] = ..., content: _Optional[_Union[OfferContent, _Mapping]] = ..., redeemable_from_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., redeemable_until_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class AppliedReward(_message.Message):
    __slots__ = ("kind", "discount_amount", "free_item_sku", "extra_points", "points_multiplier_bps")
    KIND_FIELD_NUMBER: _ClassVar[int]
    DISCOUNT_AMOUNT_FIELD_NUMBER: _ClassVar[int]
    FREE_ITEM_SKU_FIELD_NUMBER: _ClassVar[int]
    EXTRA_POINTS_FIELD_NUMBER: _ClassVar[int]
    POINTS_MULTIPLIER_BPS_FIELD_NUMBER: _ClassVar[int]
    kind: RewardKind
    discount_amount: _money_pb2.Money
    free_item_sku: str
    extra_points: int
    points_multiplier_bps: int
    def __init__(self, kind: _Optional[_Union[RewardKind, str]] = ..., discount_amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., free_item_sku: _Optional[str] = ..., extra_points: _Optional[int] = ..., points_multiplier_bps: _Optional[int] = ...) -> None: ...

class Deal(_message.Message):
    __slots__ = ("offer_id", "display_name", "description", "reward", "coupons", "remaining_redemption_count", "end_time", "content", "remaining_total_redemption_count", "program_id", "next_redemption_time")
    OFFER_ID_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    REWARD_FIELD_NUMBER: _ClassVar[int]
    COUPONS_FIELD_NUMBER: _ClassVar[int]
    REMAINING_REDEMPTION_COUNT_FIELD_NUMBER: _ClassVar[int]
    END_TIME_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    REMAINING_TOTAL_REDEMPTION_COUNT_FIELD_NUMBER: _ClassVar[int]
    PROGRAM_ID_FIELD_NUMBER: _ClassVar[int]
    NEXT_REDEMPTION_TIME_FIELD_NUMBER: _ClassVar[int]
    offer_id: str
    display_name: str
    description: str
    reward: Reward
    coupons: _containers.RepeatedCompositeFieldContainer[Coupon]
    remaining_redemption_count: int
    end_time: _timestamp_pb2.Timestamp
    content: OfferContent
    remaining_total_redemption_count: int
    program_id: str
    next_redemption_time: _timestamp_pb2.Timestamp
    def __init__(self, offer_id: _Optional[str] = ..., display_name: _Optional[str] = ..., description: _Optional[str] = ..., reward: _Optional[_Union[Reward, _Mapping]] = ..., coupons: _Optional[_Iterable[_Union[Coupon, _Mapping]]] = ..., remaining_redemption_count: _Optional[int] = ..., end_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., content: _Optional[_Union[OfferContent, _Mapping]] = ..., remaining_total_redemption_count: _Optional[int] = ..., program_id: _Optional[str] = ..., next_redemption_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...
