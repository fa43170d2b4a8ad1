"""Every RPC of the contract, fed bad input over a real channel: each answer is a success or a
precise google.rpc.Status with an ErrorInfo reason, never INTERNAL or UNKNOWN.

For each method, the requests are: the empty message, then each field (and each field of a
nested message, one level down) set on its own to values at and past the edges of its type:
empty and oversized strings, strings that are not UUIDs or are not printable, the extreme
integers, unknown enum numbers, out-of-range timestamps and durations. Mutating requests carry a
fresh request_id, so that validation past it is reached.
"""

from __future__ import annotations

import asyncio
import uuid

import grpc
import pytest
from google.protobuf import descriptor as pb_descriptor
from google.protobuf import message_factory
from google.rpc import error_details_pb2
from grpc_status import rpc_status

from server.servicers import registry

FD = pb_descriptor.FieldDescriptor
STRINGS = ["", " x ", "not-a-uuid", "x" * 5_000, "\x00\n", "Ü" * 200, "-1"]
INT32 = [-1, 2**31 - 1, -(2**31)]
INT64 = [-1, 2**63 - 1, -(2**63)]
UINT = [0, 2**32 - 1]
FLOATS = [-1.0, float("inf"), float("nan")]
INT32_TYPES = (FD.TYPE_INT32, FD.TYPE_SINT32, FD.TYPE_SFIXED32)
INT64_TYPES = (FD.TYPE_INT64, FD.TYPE_SINT64, FD.TYPE_SFIXED64)
REFUSED = {grpc.StatusCode.INTERNAL, grpc.StatusCode.UNKNOWN}
# A stream that would run long on a legal value (and is bounded by its own tests).
SKIPPED = {"/rewards.loyalty.v1.ProgramService/CreateEarnCodes", "/rewards.coupons.v1.OfferService/GenerateCodes"}


def methods() -> list[tuple[str, pb_descriptor.MethodDescriptor]]:
    return [(f"/{service}/{method.name}", method) for service, descriptor in sorted(registry().items())
            for method in descriptor.methods if f"/{service}/{method.name}" not in SKIPPED]


def scalar_values(field: pb_descriptor.FieldDescriptor) -> list:
    if field.type == FD.TYPE_STRING:
        return STRINGS
    if field.type == FD.TYPE_BYTES:
        return [b"", b"\xff" * 5_000]
    if field.type in INT32_TYPES:
        return INT32
    if field.type in INT64_TYPES:
        return INT64
    if field.type in (FD.TYPE_UINT32, FD.TYPE_FIXED32, FD.TYPE_UINT64, FD.TYPE_FIXED64):
        return UINT
    if field.type in (FD.TYPE_FLOAT, FD.TYPE_DOUBLE):
        return FLOATS
    if field.type == FD.TYPE_BOOL:
        return [True]
    if field.type == FD.TYPE_ENUM:
        return [999, -1] + [value.number for value in field.enum_type.values[-1:]]
    return []


def repeated(field: pb_descriptor.FieldDescriptor) -> bool:
    return field.is_repeated if hasattr(field, "is_repeated") else field.label == FD.LABEL_REPEATED


def with_value(message, field: pb_descriptor.FieldDescriptor, value) -> bool:
    """Set `field` of `message` to `value` (one element for a repeated field); False if it cannot
    take it (a map, or a value protobuf itself refuses)."""
    if field.message_type is not None and field.message_type.GetOptions().map_entry:
        return False
    try:
        if repeated(field):
            getattr(message, field.name).append(value)
        else:
            setattr(message, field.name, value)
    except (ValueError, TypeError):
        return False
    return True


def nested_bad(field: pb_descriptor.FieldDescriptor, depth: int = 3):
    """Messages of a message-typed field with one field at an edge, `depth` levels down at most."""
    cls = message_factory.GetMessageClass(field.message_type)
    full = field.message_type.full_name
    if full == "google.protobuf.Timestamp":
        yield from (cls(seconds=-(2**62)), cls(seconds=2**62), cls(nanos=-1), cls(nanos=10**9))
        return
    if full == "google.protobuf.Duration":
        yield from (cls(seconds=-1), cls(seconds=2**62), cls(seconds=1, nanos=-1))
        return
    if full == "google.protobuf.FieldMask":
        yield from (cls(paths=["no_such_field"]), cls(paths=["*"]), cls(paths=[""]))
        return
    yield cls()
    for inner in field.message_type.fields:
        if inner.message_type is not None:
            if depth > 1 and not inner.message_type.GetOptions().map_entry:
                for value in nested_bad(inner, depth - 1):
                    message = cls()
                    if repeated(inner):
                        getattr(message, inner.name).add().CopyFrom(value)
                    else:
                        getattr(message, inner.name).CopyFrom(value)
                    yield message
            continue
        for value in scalar_values(inner)[:3]:
            message = cls()
            if with_value(message, inner, value):
                yield message


def requests(method: pb_descriptor.MethodDescriptor) -> list[bytes]:
    cls = message_factory.GetMessageClass(method.input_type)
    mutating = "request_id" in method.input_type.fields_by_name

    def fresh():
        message = cls()
        if mutating:
            message.request_id = uuid.uuid4().hex
        return message

    out = [cls().SerializeToString()]
    for field in method.input_type.fields:
        values = list(nested_bad(field)) if field.message_type is not None else scalar_values(field)
        for value in values:
            message = fresh()
            if field.message_type is not None and not repeated(field):
                getattr(message, field.name).CopyFrom(value)
            elif field.message_type is not None:
                if field.message_type.GetOptions().map_entry:
                    continue
                getattr(message, field.name).add().CopyFrom(value)
            elif not with_value(message, field, value):
                continue
            out.append(message.SerializeToString())
    return out


def error_info(error: grpc.RpcError) -> error_details_pb2.ErrorInfo | None:
    status = rpc_status.from_call(error)
    for detail in status.details if status else ():
        if detail.Is(error_details_pb2.ErrorInfo.DESCRIPTOR):
            info = error_details_pb2.ErrorInfo()
            detail.Unpack(info)
            return info
    return None


@pytest.fixture
async def streaming_channel(server, credentials):
    """A channel that authenticates and signs calls of every kind."""
    from rewards_client.auth import AuthInterceptor, TokenSource
    auth = AuthInterceptor(credentials.client_secret)
    async with grpc.aio.insecure_channel(server.target, interceptors=[
            auth, auth.streams(), *auth.request_streams()]) as channel:
        auth.tokens = TokenSource(channel, credentials)
        yield channel


async def outcome(channel, name: str, method: pb_descriptor.MethodDescriptor, body: bytes) -> str | None:
    """None for a success or a precise refusal; otherwise what was wrong with the answer."""
    kind = (method.client_streaming, method.server_streaming)
    call = {(False, False): channel.unary_unary, (False, True): channel.unary_stream,
            (True, False): channel.stream_unary, (True, True): channel.stream_stream}[kind](
        name, request_serializer=None, response_deserializer=None)
    try:
        if kind == (False, False):
            await call(body, timeout=30)
        elif kind == (False, True):
            async for _ in call(body, timeout=30):
                pass
        elif kind == (True, False):
            await call(iter([body]), timeout=30)
        else:
            async for _ in call(iter([body]), timeout=30):
                pass
    except grpc.aio.AioRpcError as error:
        if error.code() in REFUSED:
            return f"{error.code().name}: {error.details()}"
        if error_info(error) is None:
            return f"{error.code().name} without an ErrorInfo: {error.details()}"
    return None


async def test_no_bad_input_gets_internal_or_unknown_or_an_answer_without_a_reason(streaming_channel):
    gate = asyncio.Semaphore(16)
    failures: list[str] = []

    async def check(name: str, method, body: bytes) -> None:
        async with gate:
            problem = await outcome(streaming_channel, name, method, body)
        if problem:
            failures.append(f"{name} {body[:80]!r}: {problem}")

    cases = [(name, method, body) for name, method in methods() for body in requests(method)]
    await asyncio.gather(*(check(*case) for case in cases))

    assert len(cases) > 1_000
    assert not failures, f"{len(failures)} of {len(cases)} bad requests were answered badly:\n" + "\n".join(
        sorted(failures)[:40])
