"""Checks of coupon requests that need no store, and the errors the scripts' refusals mean."""

from __future__ import annotations

import datetime as dt
import uuid

from core.adapters.redis.coupons import CounterKind, LimitRefusal, Refused
from core.domain import limits
from core.domain.accounts import Identifier, IdentifierType, validate_identifier
from core.domain.coupons import Location, parse_account_coupon_id, validate_bill_lines
from core.domain.errors import DomainError, ErrorReason, field_invalid, field_required, field_too_long
from core.service.accounts import REQUEST_FIELDS, AccountRef, validate_ref, validate_request_id
from core.service.coupons.commands import BulkRow, RedeemCoupon, RevocationMode, RevokeCoupons


def refusal(refused: Refused, kind: CounterKind = CounterKind.REDEEMED) -> DomainError:
    """The error a coupon_redeem or coupon_check refusal means (for a redemption or an issue)."""
    code, detail = refused.reason, refused.detail
    if code is LimitRefusal.IN_FLIGHT:
        return DomainError(ErrorReason.REQUEST_IN_FLIGHT)
    if code is LimitRefusal.COUPON_USED:
        return DomainError(ErrorReason.COUPON_ALREADY_REDEEMED)
    issued = kind is CounterKind.ISSUED
    if code is LimitRefusal.GAP:
        retry = dt.datetime.fromtimestamp(detail / 1000, dt.timezone.utc).isoformat()
        return DomainError(ErrorReason.ISSUE_GAP_NOT_MET if issued else ErrorReason.REDEMPTION_GAP_NOT_ELAPSED,
                           metadata={"retry_time": retry})
    if code is LimitRefusal.ACCOUNT_LIMIT:
        if issued:
            return DomainError(ErrorReason.ISSUE_LIMIT_PER_CUSTOMER_REACHED, metadata={"max_account_issue_count": detail})
        return DomainError(ErrorReason.ACCOUNT_REDEMPTION_LIMIT_REACHED, metadata={"max_account_redemption_count": detail})
    if issued:
        return DomainError(ErrorReason.OFFER_ISSUE_LIMIT_REACHED, metadata={"max_issue_count": detail})
    return DomainError(ErrorReason.REDEMPTION_LIMIT_REACHED, metadata={"max_redemption_count": detail})


def revocation_scope(command: RevokeCoupons) -> tuple[RevocationMode, list[str] | None]:
    if command.mode == 0:
        raise field_required("mode")
    if command.mode not in (RevocationMode.ALL_UNREDEEMED, RevocationMode.UNISSUED_ONLY, RevocationMode.CUSTOMERS):
        raise field_invalid("mode", "ALL_UNREDEEMED, UNISSUED_ONLY or CUSTOMERS")
    mode = RevocationMode(command.mode)
    if mode is not RevocationMode.CUSTOMERS:
        if command.account_ids:
            raise field_invalid("account_ids", "empty unless mode is CUSTOMERS")
        return mode, None
    if not command.account_ids:
        raise field_required("account_ids")
    if len(command.account_ids) > limits.REVOCATION_ACCOUNTS_MAX:
        raise field_too_long("account_ids", limits.REVOCATION_ACCOUNTS_MAX)
    account_ids = [parse_uuid(account_id, f"account_ids[{index}]") for index, account_id in enumerate(command.account_ids)]
    if len(set(account_ids)) != len(account_ids):
        raise field_invalid("account_ids", "no duplicates")
    return mode, account_ids



def check_location(location: Location) -> None:
    """Store, zone and interaction point ids are bounded (FIELD_TOO_LONG)."""
    for name in ("store_id", "zone_id", "interaction_point_id", "concept_id"):
        if len(getattr(location, name)) > limits.OFFER_LOCATION_ID_LENGTH_MAX:
            raise field_too_long(name, limits.OFFER_LOCATION_ID_LENGTH_MAX)


def validate_note(note: str) -> None:
    if len(note) > limits.COUPON_NOTE_LENGTH_MAX:
        raise field_too_long("note", limits.COUPON_NOTE_LENGTH_MAX)



def bulk_customer(row: BulkRow) -> tuple[str, str] | DomainError:
    """("", account id) or (identifier kind, stored value) of a bulk row, or the row's reason."""
    if row.account_id:
        try:
            return "", str(uuid.UUID(row.account_id))
        except ValueError:
            return DomainError(ErrorReason.INVALID_ACCOUNT_ID, metadata={"account_id": row.account_id[:64]})
    checks = (("external_id", row.external_id, ErrorReason.INVALID_EXTERNAL_ID, None),
              ("mobile", row.mobile, ErrorReason.INVALID_MOBILE, IdentifierType.PHONE),
              ("email", row.email, ErrorReason.INVALID_EMAIL, IdentifierType.EMAIL))
    for kind, value, reason, identifier_type in checks:
        if not value:
            continue
        try:
            stored = validate_identifier(Identifier(identifier_type or IdentifierType.EXTERNALCODE, value), kind)
        except DomainError:
            return DomainError(reason, metadata={kind: value[:limits.IDENTIFIER_VALUE_LENGTH_MAX]})
        return kind, stored.value
    return field_required("customer")


def bulk_code(code: str) -> str:
    """A bulk row's code in stored (upper-case) form; FIELD_INVALID if malformed."""
    if not code:
        return ""
    stored = code.upper()
    if not 3 <= len(stored) <= 64 or not all(ch.isascii() and (ch.isalnum() or ch == "-") for ch in stored):
        raise field_invalid("code", "3..64 characters of [0-9A-Z-]")
    return stored


def validate_redeem(command: RedeemCoupon) -> None:
    validate_request_id(command.request_id)
    if command.account_coupon_id:
        if command.code:
            raise field_invalid("code", "empty when account_coupon_id is set")
        if command.account_identifier is not None:
            raise field_invalid("account_identifier", "empty when account_coupon_id is set")
        parse_account_coupon_id(command.account_coupon_id)
    else:
        if not command.code:
            raise field_required("code")
        if len(command.code) > limits.COUPON_CODE_LENGTH_MAX:
            raise field_invalid("code", f"at most {limits.COUPON_CODE_LENGTH_MAX} characters")
        validate_ref(AccountRef(command.account_id, command.account_identifier), REQUEST_FIELDS)
    if not command.store_id:
        raise field_required("store_id")
    check_location(command.location)
    if command.bill.amount_minor < 0:
        raise DomainError(ErrorReason.FIELD_OUT_OF_RANGE, metadata={"field": "bill_amount.amount_minor"})
    if len(command.bill.currency_code) != 3 or not command.bill.currency_code.isupper():
        raise field_invalid("bill_amount.currency_code", "an ISO-4217 code")
    validate_bill_lines(command.lines, command.bill)


def parse_uuid(value: str, field: str) -> str:
    if not value:
        raise field_required(field)
    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise field_invalid(field, "a UUID") from None

