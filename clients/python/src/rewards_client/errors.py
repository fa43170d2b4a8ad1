"""Server errors read back as typed exceptions.

Every rewards-core error is a google.rpc.Status with an ErrorInfo: `reason` (stable,
UPPER_SNAKE_CASE), `domain` (`rewards.<context>`) and `metadata`. `from_rpc_error` turns a
grpc.RpcError into the RewardsError subclass for its status code, carrying those fields and the
RetryInfo delay when the server suggests one. Switch on `error.reason` for precise handling.
"""

from __future__ import annotations

import grpc
from google.rpc import error_details_pb2
from grpc_status import rpc_status


class RewardsError(Exception):
    """Base of every typed error. `retryable` is true only for UNAVAILABLE (AIP-194) and for
    reasons the server marks with a RetryInfo."""

    code: grpc.StatusCode = grpc.StatusCode.UNKNOWN

    def __init__(self, message: str, *, code: grpc.StatusCode, reason: str | None = None,
                 domain: str | None = None, metadata: dict[str, str] | None = None,
                 retry_delay_s: float | None = None, request_id: str | None = None) -> None:
        super().__init__(f"{reason or code.name}: {message}")
        self.message = message
        self.code = code
        self.reason = reason
        self.domain = domain
        self.metadata = dict(metadata or {})
        self.retry_delay_s = retry_delay_s
        self.request_id = request_id

    @property
    def retryable(self) -> bool:
        return self.code is grpc.StatusCode.UNAVAILABLE or self.retry_delay_s is not None


class InvalidArgument(RewardsError): pass
class NotFound(RewardsError): pass
class AlreadyExists(RewardsError): pass
class PermissionDenied(RewardsError): pass
class Unauthenticated(RewardsError): pass
class FailedPrecondition(RewardsError): pass
class ResourceExhausted(RewardsError): pass
class Aborted(RewardsError): pass
class OutOfRange(RewardsError): pass
class Unimplemented(RewardsError): pass
class Unavailable(RewardsError): pass
class DeadlineExceeded(RewardsError): pass
class Cancelled(RewardsError): pass
class Internal(RewardsError): pass


_BY_CODE: dict[grpc.StatusCode, type[RewardsError]] = {
    grpc.StatusCode.INVALID_ARGUMENT: InvalidArgument,
    grpc.StatusCode.NOT_FOUND: NotFound,
    grpc.StatusCode.ALREADY_EXISTS: AlreadyExists,
    grpc.StatusCode.PERMISSION_DENIED: PermissionDenied,
    grpc.StatusCode.UNAUTHENTICATED: Unauthenticated,
    grpc.StatusCode.FAILED_PRECONDITION: FailedPrecondition,
    grpc.StatusCode.RESOURCE_EXHAUSTED: ResourceExhausted,
    grpc.StatusCode.ABORTED: Aborted,
    grpc.StatusCode.OUT_OF_RANGE: OutOfRange,
    grpc.StatusCode.UNIMPLEMENTED: Unimplemented,
    grpc.StatusCode.UNAVAILABLE: Unavailable,
    grpc.StatusCode.DEADLINE_EXCEEDED: DeadlineExceeded,
    grpc.StatusCode.CANCELLED: Cancelled,
    grpc.StatusCode.INTERNAL: Internal,
}


def from_rpc_error(error: grpc.RpcError) -> RewardsError:
    """The typed error for a failed call (works for sync and asyncio calls)."""
    code = error.code()
    status = rpc_status.from_call(error)
    reason = domain = None
    metadata: dict[str, str] = {}
    retry_delay_s = None
    for detail in status.details if status is not None else ():
        if detail.Is(error_details_pb2.ErrorInfo.DESCRIPTOR):
            info = error_details_pb2.ErrorInfo()
            detail.Unpack(info)
            reason, domain, metadata = info.reason, info.domain, dict(info.metadata)
        elif detail.Is(error_details_pb2.RetryInfo.DESCRIPTOR):
            retry = error_details_pb2.RetryInfo()
            detail.Unpack(retry)
            retry_delay_s = retry.retry_delay.ToTimedelta().total_seconds()
    trailing = dict(error.trailing_metadata() or ())
    kind = _BY_CODE.get(code, RewardsError)
    return kind(error.details() or "", code=code, reason=reason, domain=domain,
                metadata=metadata, retry_delay_s=retry_delay_s,
                request_id=trailing.get("x-request-id"))


class TypedErrorsInterceptor(grpc.aio.UnaryUnaryClientInterceptor):
    """asyncio channel interceptor: unary calls raise RewardsError subclasses, not AioRpcError."""

    async def intercept_unary_unary(self, continuation, client_call_details, request):
        call = await continuation(client_call_details, request)
        try:
            return await call
        except grpc.aio.AioRpcError as error:
            raise from_rpc_error(error) from None
