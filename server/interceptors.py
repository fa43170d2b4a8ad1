"""The outer stages of the interceptor chain (server/chain.py; the order and why: server/bootstrap.py):

    RequestIdInterceptor  request id in a ContextVar (from `x-request-id` or new), echoed back
    MetricsInterceptor    grpc-prometheus RPC metrics; with tracing on, the RPC's span
    ErrorInterceptor      DomainError -> google.rpc.Status; anything else -> logged, INTERNAL
    DecodingInterceptor   strict request decoding: malformed bytes, unknown fields and control
                          characters in strings are rejected; the SHA-256 of the bytes received
                          is kept on the call for request signatures, and the digest of a
                          mutating request's deterministic bytes for its idempotency fingerprint
    ... then the security stages of server/security.py

Each builds its wrapper once per method and passes the request deserializer through (decoding
replaces it), so the innermost deserializer is the one gRPC uses.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import re
import time
import uuid
from collections.abc import AsyncIterator, Callable

import grpc
from google.protobuf import descriptor as protobuf_descriptor
from google.protobuf import message as protobuf_message
from google.protobuf.message import DecodeError
from google.protobuf.unknown_fields import UnknownFieldSet

from core.adapters.failures import as_domain_error
from core.domain.errors import DomainError, ErrorReason, field_invalid
from core.domain.received import set_received
from server import metrics
from server.chain import Inner, Stage, responses  # noqa: F401 - responses: imported from here too.
from server.errors import to_status
from server.logs import request_id_var

log = logging.getLogger("rewards.rpc")

REQUEST_ID_HEADER = "x-request-id"
_REQUEST_ID_LENGTH_MAX = 128


class RequestIdInterceptor(Stage):
    @staticmethod
    def _begin(context, call) -> None:
        sent = call.headers.get(REQUEST_ID_HEADER)
        request_id = sent if sent and len(sent) <= _REQUEST_ID_LENGTH_MAX and sent.isprintable() else uuid.uuid4().hex
        request_id_var.set(request_id)
        context.set_trailing_metadata(((REQUEST_ID_HEADER, request_id),))

    def unary(self, method, handler, inner):
        begin = self._begin

        async def wrapped(request, context, call):
            begin(context, call)
            return await inner(request, context, call)
        return wrapped

    def streaming(self, method, handler, inner):
        begin = self._begin

        async def wrapped(request, context, call):
            begin(context, call)
            async for response in inner(request, context, call):
                yield response
        return wrapped


class MetricsInterceptor(Stage):
    """grpc-prometheus metrics of every RPC (server/metrics.py), and with a `tracer` (tracing on,
    server/tracing.py) one SERVER span per RPC, the parent of the store calls' spans. The series
    of a method are bound once (metrics.rpc_metrics); without a tracer no span code runs."""

    def __init__(self, tracer=None) -> None:
        self._tracer = tracer

    def unary(self, method, handler, inner):
        if self._tracer is not None:
            inner = _traced_unary(self._tracer, method, inner)
        measured = metrics.rpc_metrics(_GRPC_TYPES[(handler.request_streaming, handler.response_streaming)], method)
        request_streaming = handler.request_streaming

        async def wrapped(request, context, call):
            started = time.perf_counter()
            measured.started.inc()
            if request_streaming:
                request = _counted(measured, request)
            else:
                measured.received.inc()
            metrics.RPC_IN_FLIGHT.inc()
            try:
                response = await inner(request, context, call)
            except BaseException as error:
                _record(measured, context, started, error)
                raise
            finally:
                metrics.RPC_IN_FLIGHT.dec()
            measured.sent.inc()
            _record(measured, context, started, None)
            return response
        return wrapped

    def streaming(self, method, handler, inner):
        if self._tracer is not None:
            inner = _traced_streaming(self._tracer, method, inner)
        measured = metrics.rpc_metrics(_GRPC_TYPES[(handler.request_streaming, handler.response_streaming)], method)
        request_streaming = handler.request_streaming

        async def wrapped(request, context, call):
            started = time.perf_counter()
            measured.started.inc()
            if request_streaming:
                request = _counted(measured, request)
            else:
                measured.received.inc()
            metrics.RPC_IN_FLIGHT.inc()
            try:
                async for response in inner(request, context, call):
                    measured.sent.inc()
                    yield response
            except BaseException as error:
                _record(measured, context, started, error)
                raise
            finally:
                metrics.RPC_IN_FLIGHT.dec()
            _record(measured, context, started, None)
        return wrapped


def _record(measured, context, started: float, failed: BaseException | None) -> None:
    measured.handled(_status_name(context, failed)).inc()
    measured.handling.observe(time.perf_counter() - started)


async def _counted(measured, requests) -> AsyncIterator:
    async for request in requests:
        measured.received.inc()
        yield request


_GRPC_TYPES = {(False, False): "unary", (True, False): "client_stream",
               (False, True): "server_stream", (True, True): "bidi_stream"}
_SERVER_ERRORS = frozenset({"UNKNOWN", "DEADLINE_EXCEEDED", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE",
                            "DATA_LOSS"})
"""The codes that mark a server span as an error (OpenTelemetry's gRPC conventions)."""


class _Span:
    """Starts and finishes a method's SERVER spans (a child of the caller's `traceparent`)."""

    def __init__(self, tracer, method: str) -> None:
        from opentelemetry import propagate, trace

        self._tracer, self._propagate, self._trace = tracer, propagate, trace
        self.name = method.lstrip("/")
        service, _, name = self.name.rpartition("/")
        self.attributes = {"rpc.system": "grpc", "rpc.service": service, "rpc.method": name}

    def start(self, call):
        from opentelemetry.trace import SpanKind

        parent = self._propagate.extract(call.headers)
        request_id = request_id_var.get()
        span = self._tracer.start_span(self.name, context=parent, kind=SpanKind.SERVER,
                                       attributes={**self.attributes, "rewards.request_id": request_id or ""})
        return span, self._trace.use_span(span, end_on_exit=True, record_exception=False,
                                          set_status_on_exception=False)

    @staticmethod
    def finish(span, context, failed: BaseException | None) -> None:
        from opentelemetry.trace import Status, StatusCode

        code = _status_name(context, failed)
        span.set_attribute("rpc.grpc.status_code", grpc.StatusCode[code].value[0])
        if code in _SERVER_ERRORS:
            span.set_status(Status(StatusCode.ERROR, code))


def _traced_unary(tracer, method: str, inner: Inner) -> Inner:
    spans = _Span(tracer, method)

    async def wrapped(request, context, call):
        span, current = spans.start(call)
        with current:
            try:
                response = await inner(request, context, call)
            except BaseException as error:
                spans.finish(span, context, error)
                raise
            spans.finish(span, context, None)
            return response
    return wrapped


def _traced_streaming(tracer, method: str, inner: Inner) -> Inner:
    spans = _Span(tracer, method)

    async def wrapped(request, context, call):
        span, current = spans.start(call)
        with current:
            try:
                async for response in inner(request, context, call):
                    yield response
            except BaseException as error:
                spans.finish(span, context, error)
                raise
            spans.finish(span, context, None)
    return wrapped


def _status_name(context, failed: BaseException | None) -> str:
    if failed is None:
        return "OK"
    code = context.code()
    if isinstance(code, grpc.StatusCode):
        return code.name
    return "CANCELLED" if isinstance(failed, asyncio.CancelledError) else "UNKNOWN"


class ErrorInterceptor(Stage):
    @staticmethod
    def _failer(method: str):
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
        return fail

    def unary(self, method, handler, inner):
        fail = self._failer(method)

        async def wrapped(request, context, call):
            try:
                return await inner(request, context, call)
            except Exception as error:  # noqa: BLE001 - every error leaves as a Status.
                await fail(context, error)
        return wrapped

    def streaming(self, method, handler, inner):
        fail = self._failer(method)

        async def wrapped(request, context, call):
            try:
                async for response in inner(request, context, call):
                    yield response
            except Exception as error:  # noqa: BLE001
                await fail(context, error)
        return wrapped


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


def _accept(request):
    if isinstance(request, _Rejected):
        raise request.error
    return request.message


def _accept_unary(request, call, name: str):
    message = _accept(request)
    call.body_sha256 = request.body_sha256
    request_id = getattr(message, "request_id", None)
    if request_id:
        # The idempotency fingerprint (core/domain/received.py): the message's deterministic
        # bytes, so that a retry re-encoded by its client (fields or map entries in another
        # order) still replays.
        set_received(name, request_id, hashlib.sha256(message.SerializeToString(deterministic=True)).digest())
    return message


async def _accept_stream(requests) -> AsyncIterator:
    async for request in requests:
        yield _accept(request)


def _streamed(requests, call, name: str = "") -> AsyncIterator:
    # A request stream is signed as a call (method, timestamp, nonce) over an empty body: its
    # messages are not known when the call is admitted.
    call.body_sha256 = EMPTY_BODY_SHA256
    return _accept_stream(requests)


class DecodingInterceptor(Stage):
    """Rejects malformed request bytes (REQUEST_MALFORMED), fields the server does not know
    (REQUEST_UNKNOWN_FIELD) and control characters in any string (FIELD_INVALID, see
    `control_character_path`) with INVALID_ARGUMENT, before any handler runs: an old server must
    not silently drop a field a newer client relies on, and no control character reaches a
    handler, a log line or a store. A method without a deserializer (raw bytes) is left alone."""

    def deserializer(self, method, handler, deserialize):
        return deserialize if handler.request_deserializer is None else _strict(deserialize)

    def unary(self, method, handler, inner):
        if handler.request_deserializer is None:
            return inner
        if handler.stream_unary:
            async def streamed(requests, context, call):
                return await inner(_streamed(requests, call), context, call)
            return streamed

        name = _method_name(method)

        async def wrapped(request, context, call):
            return await inner(_accept_unary(request, call, name), context, call)
        return wrapped

    def streaming(self, method, handler, inner):
        if handler.request_deserializer is None:
            return inner
        accept = _streamed if handler.stream_stream else _accept_unary
        name = _method_name(method)

        async def wrapped(request, context, call):
            async for response in inner(accept(request, call, name), context, call):
                yield response
        return wrapped


def _method_name(method: str) -> str:
    """`RedeemCoupon` of `/rewards.coupons.v1.CouponService/RedeemCoupon`."""
    return method.rpartition("/")[2]


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
        path = control_character_path(message)
        if path is not None:
            return _Rejected(field_invalid(path, CONTROL_CHARACTER_RULE))
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


FREE_TEXT_FIELDS = frozenset({"description", "booking_text", "note"})
"""String fields (by name, in any message) that hold multi-line free text: they may contain tab,
line feed and carriage return. Every other string (ids, codes, names, titles, tokens) is one line."""

CONTROL_CHARACTER_RULE = "no control characters (U+0000..U+001F, U+007F..U+009F)"
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_CONTROL_IN_FREE_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

_FD = protobuf_descriptor.FieldDescriptor


class _StringPlan:
    """Where the strings of one message type are: its string fields (with the pattern each must
    not match) and its message fields whose type can hold a string somewhere below."""

    __slots__ = ("strings", "messages")

    def __init__(self) -> None:
        self.strings: tuple[tuple[str, bool, re.Pattern], ...] = ()
        """(name, repeated, forbidden pattern) per string field."""
        self.messages: tuple[tuple[str, int], ...] = ()
        """(name, kind) per message field worth walking: _SINGULAR, _REPEATED, or a map kind."""


_SINGULAR, _REPEATED, _MAP_OF_STRINGS, _MAP_OF_MESSAGES, _MAP_STRING_KEYS = range(5)
_PLANS: dict[str, _StringPlan] = {}


def _repeated(field: protobuf_descriptor.FieldDescriptor) -> bool:
    return field.is_repeated if hasattr(field, "is_repeated") else field.label == _FD.LABEL_REPEATED


def _plan(descriptor: protobuf_descriptor.Descriptor) -> _StringPlan:
    """The cached plan of `descriptor`, built once per message type."""
    plan = _PLANS.get(descriptor.full_name)
    if plan is not None:
        return plan
    plan = _StringPlan()
    strings, messages = [], []
    for field in descriptor.fields:
        if field.type == _FD.TYPE_STRING:
            pattern = _CONTROL_IN_FREE_TEXT if field.name in FREE_TEXT_FIELDS else _CONTROL
            strings.append((field.name, _repeated(field), pattern))
        elif field.message_type is not None:
            entry = field.message_type
            if entry.GetOptions().map_entry:
                key, value = entry.fields_by_name["key"], entry.fields_by_name["value"]
                if value.type == _FD.TYPE_STRING:
                    messages.append((field.name, _MAP_OF_STRINGS))
                elif value.message_type is not None and _may_hold_strings(value.message_type):
                    messages.append((field.name, _MAP_OF_MESSAGES))
                elif key.type == _FD.TYPE_STRING:
                    messages.append((field.name, _MAP_STRING_KEYS))
            elif _may_hold_strings(entry):
                messages.append((field.name, _REPEATED if _repeated(field) else _SINGULAR))
    plan.strings, plan.messages = tuple(strings), tuple(messages)
    _PLANS[descriptor.full_name] = plan
    return plan


def _may_hold_strings(descriptor: protobuf_descriptor.Descriptor, seen: frozenset = frozenset()) -> bool:
    if descriptor.full_name in seen:
        return False  # A cycle adds no string that the types on it do not have already.
    seen = seen | {descriptor.full_name}
    for field in descriptor.fields:
        if field.type == _FD.TYPE_STRING:
            return True
        if field.message_type is not None and _may_hold_strings(field.message_type, seen):
            return True
    return False


def control_character_path(message: protobuf_message.Message, prefix: str = "") -> str | None:
    """The path of the first string in `message` holding a control character (C0 incl. NUL, DEL,
    C1), e.g. `offer.content[0].title` or `attributes['k']`, or None. Tab, line feed and carriage
    return are allowed in the FREE_TEXT_FIELDS only. Only string fields, and message fields that
    can hold one, are looked at (the plan is cached per message type)."""
    plan = _plan(message.DESCRIPTOR)
    for name, repeated, pattern in plan.strings:
        value = getattr(message, name)
        if not value:
            continue
        if repeated:
            for index, item in enumerate(value):
                if pattern.search(item):
                    return f"{prefix}{name}[{index}]"
        elif pattern.search(value):
            return f"{prefix}{name}"
    for name, kind in plan.messages:
        if kind == _SINGULAR:
            if message.HasField(name):
                found = control_character_path(getattr(message, name), f"{prefix}{name}.")
                if found is not None:
                    return found
            continue
        value = getattr(message, name)
        if not value:
            continue
        if kind == _REPEATED:
            for index, item in enumerate(value):
                found = control_character_path(item, f"{prefix}{name}[{index}].")
                if found is not None:
                    return found
            continue
        for key, item in value.items():
            if isinstance(key, str) and _CONTROL.search(key):
                return f"{prefix}{name}[{key!r}]"
            if kind == _MAP_OF_STRINGS and _CONTROL.search(item):
                return f"{prefix}{name}[{key!r}]"
            if kind == _MAP_OF_MESSAGES:
                found = control_character_path(item, f"{prefix}{name}[{key!r}].")
                if found is not None:
                    return found
    return None
