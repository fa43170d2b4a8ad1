"""Server interceptors, one concern each, outermost first:

    RequestIdInterceptor  request id in a ContextVar (from `x-request-id` or new), echoed back
    MetricsInterceptor    RPC counts and latency by method and status code
    ErrorInterceptor      DomainError -> google.rpc.Status; anything else -> logged, INTERNAL
    DecodingInterceptor   strict request decoding: malformed bytes or unknown fields are rejected;
                          the SHA-256 of the bytes received is kept for request signatures
    ... then the security interceptors of server/security.py

Each wraps the method handler it is given and passes the request deserializer through, so the
innermost interceptor's deserializer is the one gRPC uses.
"""

from __future__ import annotations

import asyncio
import contextvars
import hashlib
import logging
import time
import uuid
from collections.abc import AsyncIterator, Callable

import grpc
from google.protobuf import message as protobuf_message
from google.protobuf.message import DecodeError
from google.protobuf.unknown_fields import UnknownFieldSet

from core.adapters.failures import as_domain_error
from core.domain.errors import DomainError, ErrorReason
from server import metrics
from server.errors import to_status
from server.logs import request_id_var

log = logging.getLogger("rewards.rpc")

REQUEST_ID_HEADER = "x-request-id"
_REQUEST_ID_LENGTH_MAX = 128

Behavior = Callable


def rewrap(handler: grpc.RpcMethodHandler, unary_response: Callable[[Behavior], Behavior],
           streaming_response: Callable[[Behavior], Behavior],
           request_deserializer: Callable | None = None) -> grpc.RpcMethodHandler:
    """A copy of `handler` whose behavior is wrapped by the matching wrapper."""
    deserializer = request_deserializer or handler.request_deserializer
    serializer = handler.response_serializer
    if handler.unary_unary:
        return grpc.unary_unary_rpc_method_handler(unary_response(handler.unary_unary), deserializer, serializer)
    if handler.stream_unary:
        return grpc.stream_unary_rpc_method_handler(unary_response(handler.stream_unary), deserializer, serializer)
    if handler.unary_stream:
        return grpc.unary_stream_rpc_method_handler(streaming_response(handler.unary_stream), deserializer, serializer)
    return grpc.stream_stream_rpc_method_handler(streaming_response(handler.stream_stream), deserializer, serializer)


class RequestIdInterceptor(grpc.aio.ServerInterceptor):
    async def intercept_service(self, continuation, details):
        handler = await continuation(details)
        if handler is None:
            return None
        sent = dict(details.invocation_metadata or ()).get(REQUEST_ID_HEADER)
        if not sent or len(sent) > _REQUEST_ID_LENGTH_MAX or not sent.isprintable():
            sent = None

        def begin(context) -> None:
            request_id = sent or uuid.uuid4().hex
            request_id_var.set(request_id)
            context.set_trailing_metadata(((REQUEST_ID_HEADER, request_id),))

        def unary(behavior):
            async def wrapped(request, context):
                begin(context)
                return await behavior(request, context)
            return wrapped

        def streaming(behavior):
            async def wrapped(request, context):
                begin(context)
                async for response in behavior(request, context):
                    yield response
            return wrapped

        return rewrap(handler, unary, streaming)


class MetricsInterceptor(grpc.aio.ServerInterceptor):
    async def intercept_service(self, continuation, details):
        handler = await continuation(details)
        if handler is None:
            return None
        method = details.method

        def record(context, started: float, failed: BaseException | None) -> None:
            code = _status_name(context, failed)
            metrics.RPC_REQUESTS.labels(method, code).inc()
            metrics.RPC_SECONDS.labels(method, code).observe(time.perf_counter() - started)

        def unary(behavior):
            async def wrapped(request, context):
                started = time.perf_counter()
                metrics.RPC_IN_FLIGHT.inc()
                try:
                    response = await behavior(request, context)
                except BaseException as error:
                    record(context, started, error)
                    raise
                finally:
                    metrics.RPC_IN_FLIGHT.dec()
                record(context, started, None)
                return response
            return wrapped

        def streaming(behavior):
            async def wrapped(request, context):
                started = time.perf_counter()
                metrics.RPC_IN_FLIGHT.inc()
                try:
                    async for response in behavior(request, context):
                        yield response
                except BaseException as error:
                    record(context, started, error)
                    raise
                finally:
                    metrics.RPC_IN_FLIGHT.dec()
                record(context, started, None)
            return wrapped

        return rewrap(handler, unary, streaming)


def _status_name(context, failed: BaseException | None) -> str:
    if failed is None:
        return "OK"
    code = context.code()
    if isinstance(code, grpc.StatusCode):
        return code.name
    return "CANCELLED" if isinstance(failed, asyncio.CancelledError) else "UNKNOWN"


class ErrorInterceptor(grpc.aio.ServerInterceptor):
    async def intercept_service(self, continuation, details):
        handler = await continuation(details)
        if handler is None:
            return None
        method = details.method

        async def fail(context, error: Exception):
            if isinstance(error, grpc.aio.AbortError):
                raise error
            if isinstance(error, NotImplementedError):
                error = DomainError(ErrorReason.NOT_IMPLEMENTED, metadata={"method": method})
            if not isinstance(error, DomainError):
                error = as_domain_error(error) or error
            if not isinstance(error, DomainError):
                log.error("unexpected error in %s", method, exc_info=error)
                error = DomainError(ErrorReason.INTERNAL_ERROR, metadata={"request_id": request_id_var.get() or ""})
            request_id = request_id_var.get()
            echo = ((REQUEST_ID_HEADER, request_id),) if request_id else ()
            await context.abort_with_status(to_status(error, method, echo))

        def unary(behavior):
            async def wrapped(request, context):
                try:
                    return await behavior(request, context)
                except Exception as error:  # noqa: BLE001 - every error leaves as a Status.
                    await fail(context, error)
            return wrapped

        def streaming(behavior):
            async def wrapped(request, context):
                try:
                    async for response in behavior(request, context):
                        yield response
                except Exception as error:  # noqa: BLE001
                    await fail(context, error)
            return wrapped

        return rewrap(handler, unary, streaming)


body_sha256_var: contextvars.ContextVar[bytes | None] = contextvars.ContextVar("body_sha256", default=None)
"""SHA-256 of the exact request bytes received (unary requests), for request signatures."""


EMPTY_BODY_SHA256 = hashlib.sha256(b"").digest()
"""The body digest a request-streaming call is signed over."""


class _Inbound:
    """A decoded request and the digest of the bytes it was decoded from."""

    __slots__ = ("message", "body_sha256")

    def __init__(self, message, body_sha256: bytes) -> None:
        self.message = message
        self.body_sha256 = body_sha256


class _Rejected:
    """What the strict deserializer returns instead of raising inside gRPC's machinery."""

    __slots__ = ("error",)

    def __init__(self, error: DomainError) -> None:
        self.error = error


class DecodingInterceptor(grpc.aio.ServerInterceptor):
    """Rejects malformed request bytes (REQUEST_MALFORMED) and fields the server does not know
    (REQUEST_UNKNOWN_FIELD) with INVALID_ARGUMENT, before any handler runs: an old server must
    not silently drop a field a newer client relies on."""

    async def intercept_service(self, continuation, details):
        handler = await continuation(details)
        if handler is None or handler.request_deserializer is None:
            return handler
        decode = _strict(handler.request_deserializer)

        def accept(request):
            if isinstance(request, _Rejected):
                raise request.error
            return request.message

        def accept_unary(request):
            message = accept(request)
            body_sha256_var.set(request.body_sha256)
            return message

        async def accept_stream(requests) -> AsyncIterator:
            async for request in requests:
                yield accept(request)

        def streamed(requests) -> AsyncIterator:
            # A request stream is signed as a call (method, timestamp, nonce) over an empty body:
            # its messages are not known when the call is admitted.
            body_sha256_var.set(EMPTY_BODY_SHA256)
            return accept_stream(requests)

        def unary(behavior):
            if handler.stream_unary:
                return lambda requests, context: behavior(streamed(requests), context)
            async def wrapped(request, context):
                return await behavior(accept_unary(request), context)
            return wrapped

        def streaming(behavior):
            async def wrapped(request, context):
                request = streamed(request) if handler.stream_stream else accept_unary(request)
                async for response in behavior(request, context):
                    yield response
            return wrapped

        return rewrap(handler, unary, streaming, request_deserializer=decode)


def _strict(deserialize: Callable[[bytes], protobuf_message.Message]) -> Callable[[bytes], object]:
    def decode(raw: bytes):
        try:
            message = deserialize(raw)
        except (DecodeError, RuntimeError, ValueError) as error:
            return _Rejected(DomainError(ErrorReason.REQUEST_MALFORMED,
                                         "The request is not a valid protobuf message of the expected type.",
                                         {"bytes": str(len(raw)), "error": type(error).__name__}))
        path = _unknown_field_path(message, "")
        if path is not None:
            return _Rejected(DomainError(ErrorReason.REQUEST_UNKNOWN_FIELD,
                                         "The request carries a field this server does not know.",
                                         {"field": path}))
        return _Inbound(message, hashlib.sha256(raw).digest())
    return decode


def _unknown_field_path(message: protobuf_message.Message, prefix: str) -> str | None:
    """The path of the first unknown field in `message` (e.g. `identifiers[0].#7`), or None."""
    unknown = UnknownFieldSet(message)
    if len(unknown):
        return f"{prefix}#{unknown[0].field_number}"
    for field, value in message.ListFields():
        if field.message_type is None:
            continue
        name = f"{prefix}{field.name}"
        if field.message_type.GetOptions().map_entry:
            if field.message_type.fields_by_name["value"].message_type is None:
                continue
            items = ((f"{name}[{key!r}]", item) for key, item in value.items())
        elif field.is_repeated:
            items = ((f"{name}[{index}]", item) for index, item in enumerate(value))
        else:
            items = ((name, value),)
        for item_name, item in items:
            found = _unknown_field_path(item, item_name + ".")
            if found is not None:
                return found
    return None
