"""One ErrorReason enum, each reason mapped to exactly one gRPC code, transient or final."""

from __future__ import annotations

import grpc
import pytest
from google.rpc import error_details_pb2

from core.domain.errors import DomainError, ErrorReason, Kind
from server.errors import STATUS_CODES, domain_of, to_status


def test_every_kind_is_a_grpc_code_and_each_reason_answers_its_kind():
    assert {kind.name for kind in Kind} <= {code.name for code in grpc.StatusCode}
    assert all(STATUS_CODES[reason].name == reason.kind.name for reason in ErrorReason)


@pytest.mark.parametrize("reason, code", [
    (ErrorReason.TOKEN_MISSING, grpc.StatusCode.UNAUTHENTICATED),
    (ErrorReason.FIELD_INVALID, grpc.StatusCode.INVALID_ARGUMENT),
    (ErrorReason.COUPON_NOT_FOUND, grpc.StatusCode.NOT_FOUND),
    (ErrorReason.IDEMPOTENCY_KEY_REUSED, grpc.StatusCode.ALREADY_EXISTS),
    (ErrorReason.REDEMPTION_LIMIT_REACHED, grpc.StatusCode.FAILED_PRECONDITION),
    (ErrorReason.REQUEST_IN_FLIGHT, grpc.StatusCode.ABORTED),
    (ErrorReason.RATE_LIMITED, grpc.StatusCode.RESOURCE_EXHAUSTED),
    (ErrorReason.STORE_UNAVAILABLE, grpc.StatusCode.UNAVAILABLE),
    (ErrorReason.NOT_IMPLEMENTED, grpc.StatusCode.UNIMPLEMENTED),
])
def test_reasons_answer_the_status_code_of_their_kind(reason, code):
    assert STATUS_CODES[reason] is code


def test_reasons_are_upper_snake_case_and_ordered_by_precedence():
    precedences = [reason.precedence for reason in ErrorReason]
    assert precedences == sorted(precedences) == list(range(1, len(ErrorReason) + 1))
    for reason in ErrorReason:
        assert reason.name.isupper() and " " not in reason.name
        assert reason.description.endswith(".")


@pytest.mark.parametrize("reason", [ErrorReason.REQUEST_IN_FLIGHT, ErrorReason.LEDGER_QUEUE_FULL,
                                    ErrorReason.STATE_REBUILDING, ErrorReason.STORE_UNAVAILABLE,
                                    ErrorReason.SHUTTING_DOWN])
def test_transient_reasons_carry_a_retry_delay(reason):
    status = to_status(DomainError(reason), "/rewards.accounts.v1.AccountService/CreateAccount")
    kinds = {detail.type_url.rsplit(".", 1)[-1] for detail in _details(status)}

    assert reason.transient
    assert kinds == {"ErrorInfo", "RetryInfo"}


def test_a_final_reason_carries_error_info_with_domain_and_metadata():
    error = DomainError(ErrorReason.FIELD_REQUIRED, "program_id is required.", {"field": "program_id"})

    status = to_status(error, "/rewards.accounts.v1.AccountService/CreateAccount")

    assert status.code is grpc.StatusCode.INVALID_ARGUMENT
    (detail,) = _details(status)
    info = error_details_pb2.ErrorInfo()
    detail.Unpack(info)
    assert (info.reason, info.domain, dict(info.metadata)) == (
        "FIELD_REQUIRED", "rewards.accounts", {"field": "program_id"})


def test_the_domain_is_the_context_of_the_method():
    assert domain_of("/rewards.coupons.v1.CouponService/RedeemCoupon") == "rewards.coupons"
    assert domain_of("/grpc.health.v1.Health/Check") == "rewards.core"


def test_an_error_round_trips_through_json():
    error = DomainError(ErrorReason.IDENTIFIER_ALREADY_EXISTS, metadata={"program_id": "p"})

    again = DomainError.from_json(error.to_json())

    assert (again.reason, again.message, again.metadata) == (error.reason, error.message, error.metadata)


def _details(status: grpc.Status):
    from google.rpc import status_pb2

    for key, value in status.trailing_metadata:
        if key == "grpc-status-details-bin":
            return list(status_pb2.Status.FromString(value).details)
    raise AssertionError("no status details")
