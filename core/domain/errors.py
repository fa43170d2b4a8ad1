"""The one ErrorReason enum, ordered by precedence, each reason transient or final.

A reason is stable forever once released (AIP-193): clients switch on it. `transient` says whether
the same request may succeed if retried unchanged (a retry with the same request_id is safe: the
idempotency store replays the first answer). The mapping to transport status codes lives in
`server/errors.py`; the context (`rewards.<context>`) comes from the RPC that failed.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping


class Kind(enum.Enum):
    """The class of failure a reason belongs to. The edge answers each kind with one transport
    status (server/errors.py: the gRPC status code of the same name), so a new reason is declared
    here, once, with its kind."""

    INVALID_ARGUMENT = enum.auto()
    NOT_FOUND = enum.auto()
    ALREADY_EXISTS = enum.auto()
    FAILED_PRECONDITION = enum.auto()
    ABORTED = enum.auto()
    UNAUTHENTICATED = enum.auto()
    PERMISSION_DENIED = enum.auto()
    RESOURCE_EXHAUSTED = enum.auto()
    UNAVAILABLE = enum.auto()
    UNIMPLEMENTED = enum.auto()
    INTERNAL = enum.auto()


K = Kind


class ErrorReason(enum.Enum):
    """Why a request failed. Declaration order is precedence order: when a request breaks
    several rules, the first reason in this list is the one reported."""

    def __new__(cls, description: str, transient: bool, kind: Kind) -> ErrorReason:
        member = object.__new__(cls)
        member._value_ = member_count = len(cls.__members__) + 1
        member.precedence = member_count
        member.description = description
        member.transient = transient
        member.kind = kind
        return member

    # Authentication (UNAUTHENTICATED) and authorisation (PERMISSION_DENIED): checked first.
    TOKEN_MISSING = ("The call carries no access token (authorization: Bearer <token>).", False, K.UNAUTHENTICATED)
    TOKEN_INVALID = ("The access token is malformed, not signed by a known key, or not for this server.",
                     False, K.UNAUTHENTICATED)
    TOKEN_EXPIRED = ("The access token has expired; refresh it.", False, K.UNAUTHENTICATED)
    TOKEN_NOT_YET_VALID = ("The access token is not valid yet (nbf is in the future).", False, K.UNAUTHENTICATED)
    TOKEN_REVOKED = ("The access token was revoked.", False, K.UNAUTHENTICATED)
    CLIENT_CREDENTIALS_INVALID = ("Unknown client, wrong organisation or wrong secret.", False, K.UNAUTHENTICATED)
    CLIENT_DISABLED = ("The API client is disabled (`rewards-core clients disable`); its tokens are refused.",
                       False, K.PERMISSION_DENIED)
    CLIENT_LOCKED = ("Too many wrong secrets for this client id: IssueToken is locked; retry after the delay.",
                     True, K.RESOURCE_EXHAUSTED)
    REFRESH_TOKEN_INVALID = ("The refresh token is malformed or unknown.", False, K.UNAUTHENTICATED)
    REFRESH_TOKEN_EXPIRED = ("The refresh token has expired; issue a new token.", False, K.UNAUTHENTICATED)
    REFRESH_TOKEN_REVOKED = ("The refresh token's family was revoked; issue a new token.", False, K.UNAUTHENTICATED)
    REFRESH_TOKEN_REUSED = ("A rotated refresh token was used again; its whole family is now revoked.", False, K.UNAUTHENTICATED)
    SIGNATURE_MISSING = ("This RPC must be signed (x-rewards-timestamp, -nonce, -signature).", False, K.UNAUTHENTICATED)
    SIGNATURE_INVALID = ("The request signature does not match the request.", False, K.UNAUTHENTICATED)
    SIGNATURE_TIMESTAMP_OUT_OF_WINDOW = ("The signature timestamp is too far from the server's clock.", False, K.UNAUTHENTICATED)
    NONCE_REUSED = ("The signature nonce was already used.", False, K.UNAUTHENTICATED)
    SCOPE_MISSING = ("The access token lacks the scope this RPC needs.", False, K.PERMISSION_DENIED)
    STORE_NOT_ALLOWED = ("The client may not act for this store.", False, K.PERMISSION_DENIED)
    RATE_LIMITED = ("The client is over its request rate; retry after the suggested delay.", True, K.RESOURCE_EXHAUSTED)

    # The request itself.
    REQUEST_MALFORMED = ("The request bytes are not a valid message of the RPC's request type.", False, K.INVALID_ARGUMENT)
    REQUEST_UNKNOWN_FIELD = ("The request carries a field this server does not know.", False, K.INVALID_ARGUMENT)
    FIELD_REQUIRED = ("A required field is missing or empty.", False, K.INVALID_ARGUMENT)
    FIELD_INVALID = ("A field's value is not allowed.", False, K.INVALID_ARGUMENT)
    FIELD_TOO_LONG = ("A string or list field is longer than its limit.", False, K.INVALID_ARGUMENT)
    FIELD_OUT_OF_RANGE = ("A number is outside its allowed range.", False, K.INVALID_ARGUMENT)

    # Idempotency (AIP-155).
    IDEMPOTENCY_KEY_REUSED = ("The request_id was used before with different parameters.", False, K.ALREADY_EXISTS)
    REQUEST_IN_FLIGHT = ("A request with this request_id is still being processed.", True, K.ABORTED)

    # Accounts.
    ACCOUNT_NOT_FOUND = ("No account has this id or identifier in the caller's organisation (or it was deleted).",
                         False, K.NOT_FOUND)
    USER_NOT_FOUND = ("No user has this id in the caller's organisation.", False, K.NOT_FOUND)
    MEMBERSHIP_NOT_FOUND = ("The user is not a member of the account.", False, K.NOT_FOUND)
    IDENTIFIER_NOT_FOUND = ("The account does not hold this identifier.", False, K.NOT_FOUND)
    IDENTIFIER_AMBIGUOUS = ("Accounts of several programs hold this identifier; name the program.", False, K.FAILED_PRECONDITION)
    ACCOUNT_NOT_ACTIVE = ("The account is not ACTIVE (LOCKED or DEACTIVATED).", False, K.FAILED_PRECONDITION)
    ACCOUNT_STATUS_TRANSITION_INVALID = ("The account cannot move from its status to the requested one.",
                                         False, K.FAILED_PRECONDITION)
    IDENTIFIER_ALREADY_EXISTS = ("Another account in the program already holds this identifier.", False, K.ALREADY_EXISTS)
    USER_ALREADY_EXISTS = ("Another user of the organisation has this external_user_id.", False, K.ALREADY_EXISTS)
    MEMBERSHIP_ALREADY_EXISTS = ("The user is already a member of the account.", False, K.ALREADY_EXISTS)
    ACCOUNT_OWNER_EXISTS = ("The account already has an OWNER.", False, K.FAILED_PRECONDITION)
    ACCOUNT_IDENTIFIER_LIMIT_REACHED = ("The account holds the maximum number of identifiers.", False, K.FAILED_PRECONDITION)
    ACCOUNT_MEMBERSHIP_LIMIT_REACHED = ("The account has the maximum number of members.", False, K.FAILED_PRECONDITION)
    ACCOUNT_CHANGED_CONCURRENTLY = ("The account or user changed while this request ran; retry it.", True, K.ABORTED)

    # Interaction points (tills, e-shops: seed 001 interaction-id).
    INTERACTION_POINT_NOT_FOUND = ("No interaction point has this id in the caller's organisation.", False, K.NOT_FOUND)
    INTERACTION_POINT_ALREADY_EXISTS = ("The organisation already has an interaction point with this id.", False,
                                        K.ALREADY_EXISTS)
    INTERACTION_POINT_MISMATCH = ("The interaction-id header and the request's interaction point differ.", False,
                                  K.INVALID_ARGUMENT)
    INTERACTION_POINT_STORE_MISMATCH = ("The request's store is not the store of its interaction point.", False,
                                        K.FAILED_PRECONDITION)

    # Coupons, in the precedence order of a redemption.
    OFFER_NOT_FOUND = ("No offer has this id in the caller's organisation.", False, K.NOT_FOUND)
    COUPON_NOT_FOUND = ("No coupon has this code for this account.", False, K.NOT_FOUND)
    OFFER_NOT_ACTIVE = ("The offer is not active.", False, K.FAILED_PRECONDITION)
    COUPON_REVOKED = ("The coupon was revoked; it can no longer be activated, redeemed or reversed.",
                      False, K.FAILED_PRECONDITION)
    COUPON_NOT_ACTIVATED = ("The coupon must be activated (ActivateCoupon) before it can be redeemed.",
                            False, K.FAILED_PRECONDITION)
    COUPON_EXPIRED = ("The coupon has expired.", False, K.FAILED_PRECONDITION)
    COUPON_ALREADY_REDEEMED = ("The coupon has been used up.", False, K.FAILED_PRECONDITION)
    OFFER_NOT_STARTED = ("The offer's validity window has not begun.", False, K.FAILED_PRECONDITION)
    OFFER_ENDED = ("The offer's validity window is over.", False, K.FAILED_PRECONDITION)
    REDEMPTION_NOT_STARTED = ("Redemptions of this offer have not begun.", False, K.FAILED_PRECONDITION)
    REDEMPTION_CLOSED_BEFORE_EXPIRY = ("The coupon is no longer redeemable: the offer ends redemptions a number of"
                                       " days before the coupon's expiry.", False, K.FAILED_PRECONDITION)
    OFFER_STORE_NOT_ALLOWED = ("The offer cannot be redeemed at this store.", False, K.FAILED_PRECONDITION)
    OFFER_ZONE_NOT_ALLOWED = ("The offer cannot be redeemed in this zone (nor at this store).", False, K.FAILED_PRECONDITION)
    OFFER_CONCEPT_NOT_ALLOWED = ("The offer cannot be redeemed in this concept (nor at this store).", False,
                                 K.FAILED_PRECONDITION)
    INTERACTION_POINT_NOT_ALLOWED = ("The offer cannot be redeemed at this interaction point.", False, K.FAILED_PRECONDITION)
    DAY_NOT_ALLOWED = ("The offer cannot be redeemed on this day of the week.", False, K.FAILED_PRECONDITION)
    DAY_OF_MONTH_NOT_ALLOWED = ("The offer cannot be redeemed on this day of the month.", False, K.FAILED_PRECONDITION)
    HOUR_NOT_ALLOWED = ("The offer cannot be redeemed at this hour.", False, K.FAILED_PRECONDITION)
    ACCOUNT_REGISTERED_OUTSIDE_WINDOW = ("The account was not registered within the offer's registration window.",
                                         False, K.FAILED_PRECONDITION)
    NOT_NEW_CUSTOMER = ("The account has more earlier purchases than the offer allows.", False, K.FAILED_PRECONDITION)
    BILL_AMOUNT_TOO_LOW = ("The bill is below the offer's minimum.", False, K.FAILED_PRECONDITION)
    BILL_AMOUNT_TOO_HIGH = ("The bill is above the offer's maximum.", False, K.FAILED_PRECONDITION)
    NO_APPLICABLE_PRODUCT = ("No line of the bill is of a product (sku or category) the offer applies to.",
                             False, K.FAILED_PRECONDITION)
    CURRENCY_MISMATCH = ("The bill's currency is not the offer's.", False, K.INVALID_ARGUMENT)
    CURRENCY_RATE_MISSING = ("No exchange rate converts the offer's currency into the bill's.", False, K.FAILED_PRECONDITION)
    REDEMPTION_GAP_NOT_ELAPSED = ("The account redeemed this offer too recently.", False, K.FAILED_PRECONDITION)
    ACCOUNT_REDEMPTION_LIMIT_REACHED = ("The account has used all its redemptions of this offer.", False, K.FAILED_PRECONDITION)
    REDEMPTION_LIMIT_REACHED = ("The offer has no redemptions left.", False, K.FAILED_PRECONDITION)
    CODE_ALREADY_EXISTS = ("The code is taken by another offer or series of the organisation.", False, K.ALREADY_EXISTS)
    ISSUE_LIMIT_PER_CUSTOMER_REACHED = ("The account holds all the coupons of this offer it may get.",
                                        False, K.FAILED_PRECONDITION)
    OFFER_ISSUE_LIMIT_REACHED = ("The offer has no coupons left to issue.", False, K.FAILED_PRECONDITION)
    CODES_EXHAUSTED = ("No code is left in the offer's series (or the series named): each is issued or revoked.",
                       False, K.FAILED_PRECONDITION)
    OFFER_CHANGED_CONCURRENTLY = ("The offer changed while this request ran, again and again; retry it.", True, K.ABORTED)
    ACCOUNT_NOT_LISTED = ("The offer is issued only to the accounts on its customer list; this one is not.",
                          False, K.FAILED_PRECONDITION)
    PAST_COUPON_ISSUED = ("The account was issued a coupon of an offer this offer excludes, within its past-issue"
                          " period.", False, K.FAILED_PRECONDITION)
    ISSUE_GAP_NOT_MET = ("The account was issued a coupon of this offer too recently.", False, K.FAILED_PRECONDITION)
    COMMON_CODE_ALREADY_ISSUED = ("The account holds this offer's common code already.", False, K.ALREADY_EXISTS)
    DUPLICATE_CODE = ("The code exists already in the organisation (or earlier in the same upload).", False, K.ALREADY_EXISTS)
    INVALID_ACCOUNT_ID = ("A bulk row's account id is not a UUID.", False, K.INVALID_ARGUMENT)
    INVALID_EXTERNAL_ID = ("A bulk row's external id is empty or too long.", False, K.INVALID_ARGUMENT)
    INVALID_MOBILE = ("A bulk row's mobile number is not in E.164 form (+ and 8..15 digits).", False, K.INVALID_ARGUMENT)
    INVALID_EMAIL = ("A bulk row's e-mail address is not an address.", False, K.INVALID_ARGUMENT)
    CODE_GENERATION_COLLISION = ("A generated code collided with an existing one; retry.", True, K.ABORTED)
    CODE_SERIES_NOT_FOUND = ("No code series has this id in the caller's organisation.", False, K.NOT_FOUND)
    CODE_SERIES_TYPE_MISMATCH = ("The code series is not of the type this RPC fills.", False, K.FAILED_PRECONDITION)
    CODE_SPACE_TOO_SMALL = ("The codes would fill more than 1% of the series' code space (too easy to guess).",
                            False, K.FAILED_PRECONDITION)
    CODE_INVALID = ("An imported code is malformed (3..64 characters of [0-9A-Za-z-]).", False, K.INVALID_ARGUMENT)
    REDEMPTION_NOT_FOUND = ("No redemption has this id in the caller's organisation.", False, K.NOT_FOUND)
    REDEMPTION_ALREADY_REVERSED = ("The redemption was reversed already.", False, K.FAILED_PRECONDITION)
    COUPON_ACTIVATION_NOT_REQUIRED = ("The coupon's offer needs no activation: it cannot be deactivated.",
                                      False, K.FAILED_PRECONDITION)
    COUPON_APPLIES_AT_EARN = ("EXTRAPOINT and MULTIPLIER coupons are applied by EarnPoints, not redeemed by hand.",
                              False, K.FAILED_PRECONDITION)
    COUPON_NOT_FOR_EARN = ("Only EXTRAPOINT and MULTIPLIER coupons can be applied to an earn.", False, K.FAILED_PRECONDITION)
    OFFER_ETAG_MISMATCH = ("The offer changed since the etag was read; read it again.", False, K.ABORTED)
    OFFER_HAS_NO_CODES = ("The offer has code series but not one code in them: generate or import codes first.",
                          False, K.FAILED_PRECONDITION)

    # Loyalty programs.
    PROGRAM_NOT_FOUND = ("No loyalty program has this id in the caller's organisation.", False, K.NOT_FOUND)
    EARN_RULE_NOT_FOUND = ("No earn rule has this id in the caller's organisation (or it was deleted).", False, K.NOT_FOUND)
    FIELD_IMMUTABLE = ("The update would change a field that cannot change (program_id, the rule's kind,"
                       " an offer's reward once out of DRAFT).", False, K.INVALID_ARGUMENT)
    EARN_RULE_ETAG_MISMATCH = ("The earn rule changed since the etag was read; read it again.", False, K.ABORTED)
    PROGRAM_ALREADY_EXISTS = ("A program with this program_id exists in the organisation.", False, K.ALREADY_EXISTS)
    TIER_ALREADY_EXISTS = ("A tier of the program has the same target_spend.", False, K.ALREADY_EXISTS)
    EARN_RULES_LIMIT = ("The program has the maximum number of earn rules.", False, K.FAILED_PRECONDITION)
    TIERS_LIMIT = ("The program has the maximum number of tiers.", False, K.FAILED_PRECONDITION)
    PROGRAM_CHANGED_CONCURRENTLY = ("The program changed while this update ran, again and again; retry it.", True, K.ABORTED)

    # Loyalty points, in the precedence order of a movement.
    ACCOUNT_PROGRAM_MISMATCH = ("The accounts named belong to different programs.", False, K.FAILED_PRECONDITION)
    POINTS_TRANSACTION_NOT_FOUND = ("No points transaction has this id in the caller's organisation.", False, K.NOT_FOUND)
    MEMBERSHIP_REQUIRED = ("The program lets only registered members (accounts with an OWNER membership) earn or"
                           " burn points, as metadata 'action' says.", False, K.FAILED_PRECONDITION)
    PURCHASE_ALREADY_EARNED = ("The account earned on this transaction_id before (with another request_id).",
                               False, K.ALREADY_EXISTS)
    EARN_CODE_NOT_FOUND = ("No earn code of the account's program matches.", False, K.NOT_FOUND)
    EARN_CODE_EXPIRED = ("The earn code has expired.", False, K.FAILED_PRECONDITION)
    EARN_CODE_ALREADY_USED = ("The earn code was used already.", False, K.FAILED_PRECONDITION)
    EARN_CODE_ATTEMPTS_EXCEEDED = ("Too many unknown earn codes were tried for the account; retry later.",
                                   True, K.RESOURCE_EXHAUSTED)
    EVENT_NOT_CONFIGURED = ("No earn rule of the program awards points for this event.", False, K.FAILED_PRECONDITION)
    EVENT_ALREADY_AWARDED = ("This once-only event (or referral pair) was awarded before.", False, K.FAILED_PRECONDITION)
    REFERRAL_ALREADY_REFERRED = ("The account was referred before, by another referrer: an account is referred once.",
                                 False, K.FAILED_PRECONDITION)
    REFERRAL_REVERSE_PAIR = ("The referrer was referred by this account: a pair refers one way only.",
                             False, K.FAILED_PRECONDITION)
    EVENT_AWARDED_CONCURRENTLY = ("A built-in event this request pays was awarded by a concurrent request; retry it.",
                                  True, K.ABORTED)
    EVENT_CAP_REACHED = ("The account has all the points of this event's rules for the period.", False, K.FAILED_PRECONDITION)
    OTP_DESTINATION_MISSING = ("The member the OTP is for has no phone number or e-mail.", False, K.FAILED_PRECONDITION)
    OTP_NOT_FOUND = ("No OTP with this id is pending for the account, or it expired.", False, K.FAILED_PRECONDITION)
    OTP_ALREADY_USED = ("The OTP was used already; request a new one.", False, K.FAILED_PRECONDITION)
    OTP_LOCKED = ("Too many wrong codes: the OTP is locked; request a new one.", False, K.FAILED_PRECONDITION)
    OTP_INVALID = ("The code does not match the OTP (or its account and points).", False, K.FAILED_PRECONDITION)
    OTP_RATE_LIMITED = ("Too many OTPs requested for the account; retry later.", True, K.RESOURCE_EXHAUSTED)
    OTP_NOT_SENT = ("The OTP could not be delivered (the OTP webhook did not accept it); retry.", True, K.UNAVAILABLE)
    REDEEM_AMOUNT_TOO_LOW = ("The points to redeem are below the program's minimum redemption.", False, K.FAILED_PRECONDITION)
    REDEMPTION_THRESHOLD_NOT_MET = ("The balance is below the program's redemption threshold.", False, K.FAILED_PRECONDITION)
    INSUFFICIENT_POINTS = ("The available balance does not cover the points.", False, K.FAILED_PRECONDITION)
    POINTS_TRANSACTION_NOT_REFUNDABLE = ("Only a posted earn can be refunded.", False, K.FAILED_PRECONDITION)
    REFUND_EXCEEDS_TRANSACTION = ("The refund is more than is left to refund of the transaction.", False, K.FAILED_PRECONDITION)
    POINTS_TRANSACTION_NOT_VOIDABLE = ("Only a posted earn or redemption can be voided.", False, K.FAILED_PRECONDITION)
    POINTS_TRANSACTION_ALREADY_VOIDED = ("The transaction was voided already (or a void of it is in flight).",
                                         False, K.FAILED_PRECONDITION)
    POINTS_TRANSACTION_REFUNDED = ("Part or all of the transaction was refunded (or a refund of it is in flight): a"
                                   " void cancels a whole transaction; refund the rest instead.", False, K.FAILED_PRECONDITION)
    VOID_WINDOW_PASSED = ("The transaction is older than the void window; refund it instead.", False, K.FAILED_PRECONDITION)
    EARN_CODE_NOT_FOR_STORE = ("The earn code's batch is restricted to other stores (or the request names no store).",
                               False, K.FAILED_PRECONDITION)
    POINTS_VALUE_NOT_CONFIGURED = ("The program states no money value of points (Program.points_value): a burn cannot"
                                   " be asked in money.", False, K.FAILED_PRECONDITION)
    TIER_NOT_FOUND = ("No tier has this id in the caller's organisation.", False, K.NOT_FOUND)
    TIER_CHANGED_CONCURRENTLY = ("The tier changed while this update ran, again and again; retry it.", True, K.ABORTED)

    # Checkout baskets.
    BASKET_NOT_FOUND = ("No basket has this id in the caller's organisation.", False, K.NOT_FOUND)
    TOTAL_AMOUNT_MISMATCH = ("The lines' amounts do not add up to total_amount.", False, K.INVALID_ARGUMENT)
    TRANSACTION_ALREADY_AUTHORIZED = ("Another authorized or captured basket of the account has this transaction_id.",
                                      False, K.ALREADY_EXISTS)
    BASKET_ALREADY_CAPTURED = ("The basket was captured already (by another request_id); it cannot be captured"
                               " again or voided.", False, K.FAILED_PRECONDITION)
    BASKET_VOIDED = ("The basket was voided: nothing of it can be captured.", False, K.FAILED_PRECONDITION)
    BASKET_EXPIRED = ("The basket's hold expired before it was captured; everything was released.", False, K.FAILED_PRECONDITION)
    CAPTURE_AMOUNT_EXCEEDS_AUTHORIZED = ("The final total is above the authorized total_amount.", False, K.INVALID_ARGUMENT)
    BASKET_NOT_CAPTURED = ("Only a captured basket can be refunded.", False, K.FAILED_PRECONDITION)
    REFUND_EXCEEDS_CAPTURED = ("The refund returns more than is left to return of the captured basket.",
                               False, K.FAILED_PRECONDITION)
    BASKET_REFUNDED_CONCURRENTLY = ("Another refund of the basket committed first; retry.", True, K.ABORTED)

    # Events and webhooks.
    WEBHOOK_NOT_FOUND = ("No webhook has this id in the caller's organisation (or it was deleted).", False, K.NOT_FOUND)
    WEBHOOK_LIMIT_REACHED = ("The organisation has the most webhooks it may have; delete one first.",
                             False, K.FAILED_PRECONDITION)
    WEBHOOK_CHANGED_CONCURRENTLY = ("The webhook changed while this request ran, again and again; retry it.", True, K.ABORTED)
    WEBHOOK_URL_FORBIDDEN = ("The webhook URL's host does not resolve, or resolves to a loopback, private, link-local,"
                             " multicast or otherwise non-public address (allowed only by the server setting"
                             " REWARDS_WEBHOOK_ALLOW_PRIVATE).", False, K.INVALID_ARGUMENT)
    EVENT_NOT_FOUND = ("No event has this id in the caller's organisation.", False, K.NOT_FOUND)
    EVENT_NOT_FAILED = ("Only an event parked as failed can be retried.", False, K.FAILED_PRECONDITION)

    # Messages to people (offer delivery settings, ResendCoupon).
    TEMPLATE_INVALID = ("A message template does not parse (Jinja2 syntax).", False, K.INVALID_ARGUMENT)
    TEMPLATE_TAG_UNKNOWN = ("A message template uses a tag that does not exist (code, expiry, offer_title,"
                            " customer_name).", False, K.INVALID_ARGUMENT)
    MESSAGE_TOO_LONG = ("A message template's longest rendering (every tag at its longest) is over the channel's"
                        " bound.", False, K.INVALID_ARGUMENT)
    COUPON_NOT_HELD = ("The coupon is held by another account than the one named.", False, K.FAILED_PRECONDITION)
    DELIVERY_NOT_CONFIGURED = ("The offer sends nothing for this (channel NONE, or no template of the kind).", False,
                               K.FAILED_PRECONDITION)

    # Capacity and availability.
    LEDGER_QUEUE_FULL = ("The ledger writer's queue is full; retry after a short delay.", True, K.RESOURCE_EXHAUSTED)
    STATE_REBUILDING = ("Redis state is being rebuilt from the ledger; retry shortly.", True, K.UNAVAILABLE)
    STORE_UNAVAILABLE = ("Redis or Postgres could not be reached.", True, K.UNAVAILABLE)
    SHUTTING_DOWN = ("The server is shutting down; retry on another instance.", True, K.UNAVAILABLE)

    # Last resort.
    NOT_IMPLEMENTED = ("This RPC is part of the contract but not served yet.", False, K.UNIMPLEMENTED)
    INTERNAL_ERROR = ("An unexpected error; it was logged with the request id.", True, K.INTERNAL)


class DomainError(Exception):
    """An operating error: a value to report, not a bug. `metadata` holds every dynamic value
    (field names, limits, ids) so that the message itself stays constant."""

    def __init__(self, reason: ErrorReason, message: str | None = None,
                 metadata: Mapping[str, str] | None = None, retry_after_ms: int | None = None) -> None:
        self.reason = reason
        self.retry_after_ms = retry_after_ms
        """For transient reasons: how long the client should wait before retrying, if known."""
        self.message = message or reason.description
        self.metadata = {key: str(value) for key, value in (metadata or {}).items()}
        super().__init__(f"{reason.name}: {self.message}")

    @property
    def transient(self) -> bool:
        return self.reason.transient

    def to_json(self) -> dict:
        return {"reason": self.reason.name, "message": self.message, "metadata": self.metadata}

    @classmethod
    def from_json(cls, data: Mapping) -> DomainError:
        return cls(ErrorReason[data["reason"]], data["message"], data["metadata"])


def field_required(field: str) -> DomainError:
    return DomainError(ErrorReason.FIELD_REQUIRED, f"{field} is required.", {"field": field})


def field_invalid(field: str, rule: str) -> DomainError:
    return DomainError(ErrorReason.FIELD_INVALID, f"{field} is invalid: {rule}.",
                       {"field": field, "rule": rule})


def field_too_long(field: str, length_max: int) -> DomainError:
    return DomainError(ErrorReason.FIELD_TOO_LONG, f"{field} is longer than {length_max}.",
                       {"field": field, "length_max": str(length_max)})
