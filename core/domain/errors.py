"""The one ErrorReason enum, ordered by precedence, each reason transient or final.

A reason is stable forever once released (AIP-193): clients switch on it. `transient` says whether
the same request may succeed if retried unchanged (a retry with the same request_id is safe: the
idempotency store replays the first answer). The mapping to transport status codes lives in
`server/errors.py`; the context (`rewards.<context>`) comes from the RPC that failed.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping


class ErrorReason(enum.Enum):
    """Why a request failed. Declaration order is precedence order: when a request breaks
    several rules, the first reason in this list is the one reported."""

    def __new__(cls, description: str, transient: bool) -> ErrorReason:
        member = object.__new__(cls)
        member._value_ = member_count = len(cls.__members__) + 1
        member.precedence = member_count
        member.description = description
        member.transient = transient
        return member

    # Authentication (UNAUTHENTICATED) and authorisation (PERMISSION_DENIED): checked first.
    TOKEN_MISSING = ("The call carries no access token (authorization: Bearer <token>).", False)
    TOKEN_INVALID = ("The access token is malformed, not signed by a known key, or not for this server.", False)
    TOKEN_EXPIRED = ("The access token has expired; refresh it.", False)
    TOKEN_NOT_YET_VALID = ("The access token is not valid yet (nbf is in the future).", False)
    TOKEN_REVOKED = ("The access token was revoked.", False)
    CLIENT_CREDENTIALS_INVALID = ("Unknown client, wrong organisation or wrong secret.", False)
    CLIENT_DISABLED = ("The API client is disabled (`rewards-core clients disable`); its tokens are refused.", False)
    CLIENT_LOCKED = ("Too many wrong secrets for this client id: IssueToken is locked; retry after the delay.", True)
    REFRESH_TOKEN_INVALID = ("The refresh token is malformed or unknown.", False)
    REFRESH_TOKEN_EXPIRED = ("The refresh token has expired; issue a new token.", False)
    REFRESH_TOKEN_REVOKED = ("The refresh token's family was revoked; issue a new token.", False)
    REFRESH_TOKEN_REUSED = ("A rotated refresh token was used again; its whole family is now revoked.", False)
    SIGNATURE_MISSING = ("This RPC must be signed (x-rewards-timestamp, -nonce, -signature).", False)
    SIGNATURE_INVALID = ("The request signature does not match the request.", False)
    SIGNATURE_TIMESTAMP_OUT_OF_WINDOW = ("The signature timestamp is too far from the server's clock.", False)
    NONCE_REUSED = ("The signature nonce was already used.", False)
    SCOPE_MISSING = ("The access token lacks the scope this RPC needs.", False)
    STORE_NOT_ALLOWED = ("The client may not act for this store.", False)
    RATE_LIMITED = ("The client is over its request rate; retry after the suggested delay.", True)

    # The request itself.
    REQUEST_MALFORMED = ("The request bytes are not a valid message of the RPC's request type.", False)
    REQUEST_UNKNOWN_FIELD = ("The request carries a field this server does not know.", False)
    FIELD_REQUIRED = ("A required field is missing or empty.", False)
    FIELD_INVALID = ("A field's value is not allowed.", False)
    FIELD_TOO_LONG = ("A string or list field is longer than its limit.", False)
    FIELD_OUT_OF_RANGE = ("A number is outside its allowed range.", False)

    # Idempotency (AIP-155).
    IDEMPOTENCY_KEY_REUSED = ("The request_id was used before with different parameters.", False)
    REQUEST_IN_FLIGHT = ("A request with this request_id is still being processed.", True)

    # Accounts.
    ACCOUNT_NOT_FOUND = ("No account has this id or identifier in the caller's organisation (or it was deleted).", False)
    USER_NOT_FOUND = ("No user has this id in the caller's organisation.", False)
    MEMBERSHIP_NOT_FOUND = ("The user is not a member of the account.", False)
    IDENTIFIER_NOT_FOUND = ("The account does not hold this identifier.", False)
    IDENTIFIER_AMBIGUOUS = ("Accounts of several programs hold this identifier; name the program.", False)
    ACCOUNT_NOT_ACTIVE = ("The account is not ACTIVE (LOCKED or DEACTIVATED).", False)
    ACCOUNT_STATUS_TRANSITION_INVALID = ("The account cannot move from its status to the requested one.", False)
    IDENTIFIER_ALREADY_EXISTS = ("Another account in the program already holds this identifier.", False)
    USER_ALREADY_EXISTS = ("Another user of the organisation has this external_user_id.", False)
    MEMBERSHIP_ALREADY_EXISTS = ("The user is already a member of the account.", False)
    ACCOUNT_OWNER_EXISTS = ("The account already has an OWNER.", False)
    ACCOUNT_IDENTIFIER_LIMIT_REACHED = ("The account holds the maximum number of identifiers.", False)
    ACCOUNT_MEMBERSHIP_LIMIT_REACHED = ("The account has the maximum number of members.", False)
    ACCOUNT_CHANGED_CONCURRENTLY = ("The account or user changed while this request ran; retry it.", True)

    # Coupons, in the precedence order of a redemption.
    OFFER_NOT_FOUND = ("No offer has this id in the caller's organisation.", False)
    COUPON_NOT_FOUND = ("No coupon has this code for this account.", False)
    OFFER_NOT_ACTIVE = ("The offer is not active.", False)
    COUPON_REVOKED = ("The coupon was revoked; it can no longer be activated, redeemed or reversed.", False)
    COUPON_NOT_ACTIVATED = ("The coupon must be activated (ActivateCoupon) before it can be redeemed.", False)
    COUPON_EXPIRED = ("The coupon has expired.", False)
    COUPON_ALREADY_REDEEMED = ("The coupon has been used up.", False)
    OFFER_NOT_STARTED = ("The offer's validity window has not begun.", False)
    OFFER_ENDED = ("The offer's validity window is over.", False)
    REDEMPTION_NOT_STARTED = ("Redemptions of this offer have not begun.", False)
    OFFER_STORE_NOT_ALLOWED = ("The offer cannot be redeemed at this store.", False)
    OFFER_ZONE_NOT_ALLOWED = ("The offer cannot be redeemed in this zone (nor at this store).", False)
    INTERACTION_POINT_NOT_ALLOWED = ("The offer cannot be redeemed at this interaction point.", False)
    DAY_NOT_ALLOWED = ("The offer cannot be redeemed on this day of the week.", False)
    DAY_OF_MONTH_NOT_ALLOWED = ("The offer cannot be redeemed on this day of the month.", False)
    HOUR_NOT_ALLOWED = ("The offer cannot be redeemed at this hour.", False)
    ACCOUNT_REGISTERED_OUTSIDE_WINDOW = ("The account was not registered within the offer's registration window.", False)
    NOT_NEW_CUSTOMER = ("The account has more earlier purchases than the offer allows.", False)
    BILL_AMOUNT_TOO_LOW = ("The bill is below the offer's minimum.", False)
    BILL_AMOUNT_TOO_HIGH = ("The bill is above the offer's maximum.", False)
    CURRENCY_MISMATCH = ("The bill's currency is not the offer's.", False)
    CURRENCY_RATE_MISSING = ("No exchange rate converts the offer's currency into the bill's.", False)
    REDEMPTION_GAP_NOT_ELAPSED = ("The account redeemed this offer too recently.", False)
    ACCOUNT_REDEMPTION_LIMIT_REACHED = ("The account has used all its redemptions of this offer.", False)
    REDEMPTION_LIMIT_REACHED = ("The offer has no redemptions left.", False)
    CODE_ALREADY_EXISTS = ("The code is taken by another offer or series of the organisation.", False)
    ISSUE_LIMIT_PER_CUSTOMER_REACHED = ("The account holds all the coupons of this offer it may get.", False)
    OFFER_ISSUE_LIMIT_REACHED = ("The offer has no coupons left to issue.", False)
    CODES_EXHAUSTED = ("No code is left in the offer's series (or the series named): each is issued or revoked.",
                       False)
    OFFER_CHANGED_CONCURRENTLY = ("The offer changed while this request ran, again and again; retry it.", True)
    ACCOUNT_NOT_LISTED = ("The offer is issued only to the accounts on its customer list; this one is not.", False)
    ISSUE_GAP_NOT_MET = ("The account was issued a coupon of this offer too recently.", False)
    COMMON_CODE_ALREADY_ISSUED = ("The account holds this offer's common code already.", False)
    DUPLICATE_CODE = ("The code exists already in the organisation (or earlier in the same upload).", False)
    INVALID_ACCOUNT_ID = ("A bulk row's account id is not a UUID.", False)
    INVALID_EXTERNAL_ID = ("A bulk row's external id is empty or too long.", False)
    INVALID_MOBILE = ("A bulk row's mobile number is not in E.164 form (+ and 8..15 digits).", False)
    INVALID_EMAIL = ("A bulk row's e-mail address is not an address.", False)
    CODE_GENERATION_COLLISION = ("A generated code collided with an existing one; retry.", True)
    CODE_SERIES_NOT_FOUND = ("No code series has this id in the caller's organisation.", False)
    CODE_SERIES_TYPE_MISMATCH = ("The code series is not of the type this RPC fills.", False)
    CODE_SPACE_TOO_SMALL = ("The codes would fill more than 1% of the series' code space (too easy to guess).", False)
    CODE_INVALID = ("An imported code is malformed (3..64 characters of [0-9A-Za-z-]).", False)
    REDEMPTION_NOT_FOUND = ("No redemption has this id in the caller's organisation.", False)
    REDEMPTION_ALREADY_REVERSED = ("The redemption was reversed already.", False)
    COUPON_ACTIVATION_NOT_REQUIRED = ("The coupon's offer needs no activation: it cannot be deactivated.", False)
    COUPON_APPLIES_AT_EARN = ("EXTRAPOINT and MULTIPLIER coupons are applied by EarnPoints, not redeemed by hand.", False)
    COUPON_NOT_FOR_EARN = ("Only EXTRAPOINT and MULTIPLIER coupons can be applied to an earn.", False)
    OFFER_ETAG_MISMATCH = ("The offer changed since the etag was read; read it again.", False)
    OFFER_HAS_NO_CODES = ("The offer has code series but not one code in them: generate or import codes first.",
                          False)

    # Loyalty programs.
    PROGRAM_NOT_FOUND = ("No loyalty program has this id in the caller's organisation.", False)
    EARN_RULE_NOT_FOUND = ("No earn rule has this id in the caller's organisation (or it was deleted).", False)
    FIELD_IMMUTABLE = ("The update would change a field that cannot change (program_id, the rule's kind,"
                       " an offer's reward once out of DRAFT).", False)
    EARN_RULE_ETAG_MISMATCH = ("The earn rule changed since the etag was read; read it again.", False)
    PROGRAM_ALREADY_EXISTS = ("A program with this program_id exists in the organisation.", False)
    TIER_ALREADY_EXISTS = ("A tier of the program has the same target_spend.", False)
    EARN_RULES_LIMIT = ("The program has the maximum number of earn rules.", False)
    TIERS_LIMIT = ("The program has the maximum number of tiers.", False)
    PROGRAM_CHANGED_CONCURRENTLY = ("The program changed while this update ran, again and again; retry it.", True)

    # Loyalty points, in the precedence order of a movement.
    ACCOUNT_PROGRAM_MISMATCH = ("The accounts named belong to different programs.", False)
    POINTS_TRANSACTION_NOT_FOUND = ("No points transaction has this id in the caller's organisation.", False)
    PURCHASE_ALREADY_EARNED = ("The account earned on this transaction_id before (with another request_id).", False)
    EARN_CODE_NOT_FOUND = ("No earn code of the account's program matches.", False)
    EARN_CODE_EXPIRED = ("The earn code has expired.", False)
    EARN_CODE_ALREADY_USED = ("The earn code was used already.", False)
    EARN_CODE_ATTEMPTS_EXCEEDED = ("Too many unknown earn codes were tried for the account; retry later.", True)
    EVENT_NOT_CONFIGURED = ("No earn rule of the program awards points for this event.", False)
    EVENT_ALREADY_AWARDED = ("This once-only event (or referral pair) was awarded before.", False)
    REFERRAL_ALREADY_REFERRED = ("The account was referred before, by another referrer: an account is referred once.",
                                 False)
    REFERRAL_REVERSE_PAIR = ("The referrer was referred by this account: a pair refers one way only.", False)
    EVENT_AWARDED_CONCURRENTLY = ("A built-in event this request pays was awarded by a concurrent request; retry it.",
                                  True)
    EVENT_CAP_REACHED = ("The account has all the points of this event's rules for the period.", False)
    OTP_DESTINATION_MISSING = ("The member the OTP is for has no phone number or e-mail.", False)
    OTP_NOT_FOUND = ("No OTP with this id is pending for the account, or it expired.", False)
    OTP_ALREADY_USED = ("The OTP was used already; request a new one.", False)
    OTP_LOCKED = ("Too many wrong codes: the OTP is locked; request a new one.", False)
    OTP_INVALID = ("The code does not match the OTP (or its account and points).", False)
    OTP_RATE_LIMITED = ("Too many OTPs requested for the account; retry later.", True)
    OTP_NOT_SENT = ("The OTP could not be delivered (the OTP webhook did not accept it); retry.", True)
    REDEEM_AMOUNT_TOO_LOW = ("The points to redeem are below the program's minimum redemption.", False)
    REDEMPTION_THRESHOLD_NOT_MET = ("The balance is below the program's redemption threshold.", False)
    INSUFFICIENT_POINTS = ("The available balance does not cover the points.", False)
    POINTS_TRANSACTION_NOT_REFUNDABLE = ("Only a posted earn can be refunded.", False)
    REFUND_EXCEEDS_TRANSACTION = ("The refund is more than is left to refund of the transaction.", False)
    POINTS_TRANSACTION_NOT_VOIDABLE = ("Only a posted earn or redemption can be voided.", False)
    POINTS_TRANSACTION_ALREADY_VOIDED = ("The transaction was voided already (or a void of it is in flight).", False)
    POINTS_TRANSACTION_REFUNDED = ("Part or all of the transaction was refunded (or a refund of it is in flight): a"
                                   " void cancels a whole transaction; refund the rest instead.", False)
    VOID_WINDOW_PASSED = ("The transaction is older than the void window; refund it instead.", False)

    # Checkout baskets.
    BASKET_NOT_FOUND = ("No basket has this id in the caller's organisation.", False)
    TOTAL_AMOUNT_MISMATCH = ("The lines' amounts do not add up to total_amount.", False)
    TRANSACTION_ALREADY_AUTHORIZED = ("Another authorized or captured basket of the account has this transaction_id.",
                                      False)
    BASKET_ALREADY_CAPTURED = ("The basket was captured already (by another request_id); it cannot be captured"
                               " again or voided.", False)
    BASKET_VOIDED = ("The basket was voided: nothing of it can be captured.", False)
    BASKET_EXPIRED = ("The basket's hold expired before it was captured; everything was released.", False)
    CAPTURE_AMOUNT_EXCEEDS_AUTHORIZED = ("The final total is above the authorized total_amount.", False)
    BASKET_NOT_CAPTURED = ("Only a captured basket can be refunded.", False)
    REFUND_EXCEEDS_CAPTURED = ("The refund returns more than is left to return of the captured basket.", False)
    BASKET_REFUNDED_CONCURRENTLY = ("Another refund of the basket committed first; retry.", True)

    # Events and webhooks.
    WEBHOOK_NOT_FOUND = ("No webhook has this id in the caller's organisation (or it was deleted).", False)
    WEBHOOK_LIMIT_REACHED = ("The organisation has the most webhooks it may have; delete one first.", False)
    WEBHOOK_CHANGED_CONCURRENTLY = ("The webhook changed while this request ran, again and again; retry it.", True)
    WEBHOOK_URL_FORBIDDEN = ("The webhook URL's host does not resolve, or resolves to a loopback, private, link-local,"
                             " multicast or otherwise non-public address (allowed only by the server setting"
                             " REWARDS_WEBHOOK_ALLOW_PRIVATE).", False)
    EVENT_NOT_FOUND = ("No event has this id in the caller's organisation.", False)
    EVENT_NOT_FAILED = ("Only an event parked as failed can be retried.", False)

    # Messages to people (offer delivery settings, ResendCoupon).
    TEMPLATE_INVALID = ("A message template does not parse (Jinja2 syntax).", False)
    TEMPLATE_TAG_UNKNOWN = ("A message template uses a tag that does not exist (code, expiry, offer_title,"
                            " customer_name).", False)
    MESSAGE_TOO_LONG = ("A message template's longest rendering (every tag at its longest) is over the channel's"
                        " bound.", False)
    COUPON_NOT_HELD = ("The coupon is held by another account than the one named.", False)
    DELIVERY_NOT_CONFIGURED = ("The offer sends nothing for this (channel NONE, or no template of the kind).", False)

    # Capacity and availability.
    LEDGER_QUEUE_FULL = ("The ledger writer's queue is full; retry after a short delay.", True)
    STATE_REBUILDING = ("Redis state is being rebuilt from the ledger; retry shortly.", True)
    STORE_UNAVAILABLE = ("Redis or Postgres could not be reached.", True)
    SHUTTING_DOWN = ("The server is shutting down; retry on another instance.", True)

    # Last resort.
    NOT_IMPLEMENTED = ("This RPC is part of the contract but not served yet.", False)
    INTERNAL_ERROR = ("An unexpected error; it was logged with the request id.", True)


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
