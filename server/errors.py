"""The one mapping from ErrorReason to gRPC status codes, and the rich error that leaves the server.

Every error is a google.rpc.Status with one ErrorInfo(reason, domain, metadata); transient
reasons also carry RetryInfo. The domain is `rewards.<context>` of the RPC that failed.
"""

from __future__ import annotations

import collections

import grpc
from google.protobuf import duration_pb2
from google.rpc import error_details_pb2, status_pb2
from grpc_status import rpc_status

from core.domain.errors import DomainError, ErrorReason

R = ErrorReason
C = grpc.StatusCode

STATUS_CODES: dict[ErrorReason, grpc.StatusCode] = {
    R.TOKEN_MISSING: C.UNAUTHENTICATED,
    R.TOKEN_INVALID: C.UNAUTHENTICATED,
    R.TOKEN_EXPIRED: C.UNAUTHENTICATED,
    R.TOKEN_NOT_YET_VALID: C.UNAUTHENTICATED,
    R.TOKEN_REVOKED: C.UNAUTHENTICATED,
    R.CLIENT_CREDENTIALS_INVALID: C.UNAUTHENTICATED,
    R.REFRESH_TOKEN_INVALID: C.UNAUTHENTICATED,
    R.REFRESH_TOKEN_EXPIRED: C.UNAUTHENTICATED,
    R.REFRESH_TOKEN_REVOKED: C.UNAUTHENTICATED,
    R.REFRESH_TOKEN_REUSED: C.UNAUTHENTICATED,
    R.SIGNATURE_MISSING: C.UNAUTHENTICATED,
    R.SIGNATURE_INVALID: C.UNAUTHENTICATED,
    R.SIGNATURE_TIMESTAMP_OUT_OF_WINDOW: C.UNAUTHENTICATED,
    R.NONCE_REUSED: C.UNAUTHENTICATED,
    R.SCOPE_MISSING: C.PERMISSION_DENIED,
    R.STORE_NOT_ALLOWED: C.PERMISSION_DENIED,
    R.RATE_LIMITED: C.RESOURCE_EXHAUSTED,
    R.REQUEST_MALFORMED: C.INVALID_ARGUMENT,
    R.REQUEST_UNKNOWN_FIELD: C.INVALID_ARGUMENT,
    R.FIELD_REQUIRED: C.INVALID_ARGUMENT,
    R.FIELD_INVALID: C.INVALID_ARGUMENT,
    R.FIELD_TOO_LONG: C.INVALID_ARGUMENT,
    R.FIELD_OUT_OF_RANGE: C.INVALID_ARGUMENT,
    R.IDEMPOTENCY_KEY_REUSED: C.ALREADY_EXISTS,
    R.REQUEST_IN_FLIGHT: C.ABORTED,
    R.ACCOUNT_NOT_FOUND: C.NOT_FOUND,
    R.USER_NOT_FOUND: C.NOT_FOUND,
    R.MEMBERSHIP_NOT_FOUND: C.NOT_FOUND,
    R.IDENTIFIER_NOT_FOUND: C.NOT_FOUND,
    R.IDENTIFIER_AMBIGUOUS: C.FAILED_PRECONDITION,
    R.ACCOUNT_NOT_ACTIVE: C.FAILED_PRECONDITION,
    R.ACCOUNT_STATUS_TRANSITION_INVALID: C.FAILED_PRECONDITION,
    R.IDENTIFIER_ALREADY_EXISTS: C.ALREADY_EXISTS,
    R.USER_ALREADY_EXISTS: C.ALREADY_EXISTS,
    R.MEMBERSHIP_ALREADY_EXISTS: C.ALREADY_EXISTS,
    R.ACCOUNT_OWNER_EXISTS: C.FAILED_PRECONDITION,
    R.ACCOUNT_IDENTIFIER_LIMIT_REACHED: C.FAILED_PRECONDITION,
    R.ACCOUNT_MEMBERSHIP_LIMIT_REACHED: C.FAILED_PRECONDITION,
    R.ACCOUNT_CHANGED_CONCURRENTLY: C.ABORTED,
    R.OFFER_NOT_FOUND: C.NOT_FOUND,
    R.COUPON_NOT_FOUND: C.NOT_FOUND,
    R.OFFER_NOT_ACTIVE: C.FAILED_PRECONDITION,
    R.COUPON_EXPIRED: C.FAILED_PRECONDITION,
    R.COUPON_ALREADY_REDEEMED: C.FAILED_PRECONDITION,
    R.OFFER_NOT_STARTED: C.FAILED_PRECONDITION,
    R.OFFER_ENDED: C.FAILED_PRECONDITION,
    R.REDEMPTION_NOT_STARTED: C.FAILED_PRECONDITION,
    R.OFFER_STORE_NOT_ALLOWED: C.FAILED_PRECONDITION,
    R.DAY_NOT_ALLOWED: C.FAILED_PRECONDITION,
    R.HOUR_NOT_ALLOWED: C.FAILED_PRECONDITION,
    R.BILL_AMOUNT_TOO_LOW: C.FAILED_PRECONDITION,
    R.BILL_AMOUNT_TOO_HIGH: C.FAILED_PRECONDITION,
    R.CURRENCY_MISMATCH: C.INVALID_ARGUMENT,
    R.REDEMPTION_GAP_NOT_ELAPSED: C.FAILED_PRECONDITION,
    R.ACCOUNT_REDEMPTION_LIMIT_REACHED: C.FAILED_PRECONDITION,
    R.REDEMPTION_LIMIT_REACHED: C.FAILED_PRECONDITION,
    R.CODE_ALREADY_EXISTS: C.ALREADY_EXISTS,
    R.ACCOUNT_ISSUE_LIMIT_REACHED: C.FAILED_PRECONDITION,
    R.ISSUE_LIMIT_REACHED: C.FAILED_PRECONDITION,
    R.CODE_GENERATION_COLLISION: C.ABORTED,
    R.REDEMPTION_NOT_FOUND: C.NOT_FOUND,
    R.REDEMPTION_ALREADY_REVERSED: C.FAILED_PRECONDITION,
    R.PROGRAM_NOT_FOUND: C.NOT_FOUND,
    R.EARN_RULE_NOT_FOUND: C.NOT_FOUND,
    R.FIELD_IMMUTABLE: C.INVALID_ARGUMENT,
    R.EARN_RULE_ETAG_MISMATCH: C.ABORTED,
    R.PROGRAM_ALREADY_EXISTS: C.ALREADY_EXISTS,
    R.TIER_ALREADY_EXISTS: C.ALREADY_EXISTS,
    R.EARN_RULES_LIMIT: C.FAILED_PRECONDITION,
    R.TIERS_LIMIT: C.FAILED_PRECONDITION,
    R.LEDGER_QUEUE_FULL: C.RESOURCE_EXHAUSTED,
    R.STATE_REBUILDING: C.UNAVAILABLE,
    R.STORE_UNAVAILABLE: C.UNAVAILABLE,
    R.SHUTTING_DOWN: C.UNAVAILABLE,
    R.NOT_IMPLEMENTED: C.UNIMPLEMENTED,
    R.INTERNAL_ERROR: C.INTERNAL,
}

RETRY_DELAY_MS = 100
"""Suggested back-off for transient reasons (RetryInfo)."""


def domain_of(method: str) -> str:
    """`/rewards.accounts.v1.AccountService/CreateAccount` -> `rewards.accounts`."""
    service = method.lstrip("/").split("/", 1)[0]
    parts = service.split(".")
    if len(parts) >= 2 and parts[0] == "rewards":
        return f"rewards.{parts[1]}"
    return "rewards.core"


class _Status(collections.namedtuple("_Status", ("code", "details", "trailing_metadata")), grpc.Status):
    pass


def to_status(error: DomainError, method: str,
              trailing_metadata: tuple[tuple[str, str], ...] = ()) -> grpc.Status:
    """The rich status for `error`; `trailing_metadata` is sent beside the status details."""
    code = STATUS_CODES[error.reason]
    info = error_details_pb2.ErrorInfo(reason=error.reason.name, domain=domain_of(method),
                                       metadata=error.metadata)
    details = [info]
    if error.transient:
        delay = duration_pb2.Duration()
        delay.FromMilliseconds(error.retry_after_ms or RETRY_DELAY_MS)
        details.append(error_details_pb2.RetryInfo(retry_delay=delay))
    status = status_pb2.Status(code=code.value[0], message=error.message)
    for detail in details:
        status.details.add().Pack(detail)
    converted = rpc_status.to_status(status)
    return _Status(converted.code, converted.details,
                   tuple(converted.trailing_metadata) + tuple(trailing_metadata))
