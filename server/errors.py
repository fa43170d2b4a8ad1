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

STATUS_CODES: dict[ErrorReason, grpc.StatusCode] = {
    reason: grpc.StatusCode[reason.kind.name] for reason in ErrorReason}
"""Each reason's status: the gRPC code named like its kind (core/domain/errors.py declares both)."""

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


def item_error(error: DomainError, method: str) -> dict:
    """The fields of a batch item's ItemError: what `to_status` would answer for `error`."""
    fields = {"code": STATUS_CODES[error.reason].value[0], "message": error.message,
              "reason": error.reason.name, "domain": domain_of(method),
              "metadata": {key: str(value) for key, value in error.metadata.items()}}
    if error.transient:
        delay = duration_pb2.Duration()
        delay.FromMilliseconds(error.retry_after_ms or RETRY_DELAY_MS)
        fields["retry_delay"] = delay
    return fields
