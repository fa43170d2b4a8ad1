"""The interceptor chain on a real in-process gRPC server: unexpected errors never leak."""

from __future__ import annotations

import logging

import grpc
import pytest
from google.rpc import error_details_pb2
from grpc_status import rpc_status

from core.domain.errors import DomainError, ErrorReason
from server.interceptors import (DecodingInterceptor, ErrorInterceptor, MetricsInterceptor,
                                 RequestIdInterceptor)

SECRET = "password=hunter2 SELECT * FROM accounts"


async def explode(request: bytes, context) -> bytes:
    raise RuntimeError(SECRET)


async def refuse(request: bytes, context) -> bytes:
    raise DomainError(ErrorReason.LEDGER_QUEUE_FULL, metadata={"queue_writes_max": "7"})


async def echo(request: bytes, context) -> bytes:
    return request


async def written(request: bytes, context) -> None:
    """A server-streaming behavior in the writer style (as grpc's health Watch): returns None."""
    for part in (b"a", b"b", b"c"):
        await context.write(part)


async def yielded(request: bytes, context):
    for part in (b"a", b"b", b"c"):
        yield part


async def written_then_refused(request: bytes, context) -> None:
    await context.write(b"a")
    raise DomainError(ErrorReason.LEDGER_QUEUE_FULL, metadata={"queue_writes_max": "7"})


@pytest.fixture
async def channel():
    handlers = {name: grpc.unary_unary_rpc_method_handler(behavior)
                for name, behavior in (("Explode", explode), ("Refuse", refuse), ("Echo", echo))}
    handlers.update({name: grpc.unary_stream_rpc_method_handler(behavior) for name, behavior in (
        ("Written", written), ("Yielded", yielded), ("WrittenThenRefused", written_then_refused))})
    server = grpc.aio.server(interceptors=[RequestIdInterceptor(), MetricsInterceptor(),
                                           ErrorInterceptor(), DecodingInterceptor()])
    server.add_generic_rpc_handlers((grpc.method_handlers_generic_handler("rewards.test.v1.Test", handlers),))
    port = server.add_insecure_port("127.0.0.1:0")
    await server.start()
    async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as channel:
        yield channel
    await server.stop(None)


def info_of(error: grpc.RpcError) -> error_details_pb2.ErrorInfo:
    for detail in rpc_status.from_call(error).details:
        if detail.Is(error_details_pb2.ErrorInfo.DESCRIPTOR):
            info = error_details_pb2.ErrorInfo()
            detail.Unpack(info)
            return info
    raise AssertionError("no ErrorInfo")


async def test_an_unexpected_exception_is_logged_with_the_request_id_and_answers_internal(channel, caplog):
    call = channel.unary_unary("/rewards.test.v1.Test/Explode")(b"x", metadata=(("x-request-id", "req-42"),))
    with caplog.at_level(logging.ERROR, logger="rewards.rpc"), pytest.raises(grpc.aio.AioRpcError) as failed:
        await call

    assert failed.value.code() is grpc.StatusCode.INTERNAL
    assert SECRET not in (failed.value.details() or "") and SECRET not in str(failed.value.trailing_metadata())
    info = info_of(failed.value)
    assert (info.reason, info.domain, dict(info.metadata)) == ("INTERNAL_ERROR", "rewards.test", {"request_id": "req-42"})
    (record,) = [r for r in caplog.records if r.name == "rewards.rpc"]
    assert SECRET in str(record.exc_info[1])
    from server.logs import JsonFormatter
    assert '"request_id": "req-42"' in JsonFormatter().format(record)


async def test_a_domain_error_keeps_its_reason_metadata_and_retry_info(channel):
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await channel.unary_unary("/rewards.test.v1.Test/Refuse")(b"")

    assert refused.value.code() is grpc.StatusCode.RESOURCE_EXHAUSTED
    info = info_of(refused.value)
    assert (info.reason, dict(info.metadata)) == ("LEDGER_QUEUE_FULL", {"queue_writes_max": "7"})
    kinds = {d.type_url.rsplit(".", 1)[-1] for d in rpc_status.from_call(refused.value).details}
    assert "RetryInfo" in kinds


async def test_a_fresh_request_id_is_made_when_none_is_sent(channel):
    call = channel.unary_unary("/rewards.test.v1.Test/Echo")(b"hello")

    assert await call == b"hello"
    assert len(dict(await call.trailing_metadata())["x-request-id"]) == 32


@pytest.mark.parametrize("method", ["Written", "Yielded"])
async def test_a_stream_of_either_style_passes_every_interceptor(channel, method):
    call = channel.unary_stream(f"/rewards.test.v1.Test/{method}")(b"", metadata=(("x-request-id", "req-7"),))

    parts = [part async for part in call]

    assert parts == [b"a", b"b", b"c"]
    assert await call.code() is grpc.StatusCode.OK
    assert dict(await call.trailing_metadata())["x-request-id"] == "req-7"


async def test_a_writer_style_stream_that_fails_midway_keeps_its_reason(channel):
    call = channel.unary_stream("/rewards.test.v1.Test/WrittenThenRefused")(b"")
    parts = []
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        async for part in call:
            parts.append(part)

    assert parts == [b"a"]
    assert refused.value.code() is grpc.StatusCode.RESOURCE_EXHAUSTED
    assert info_of(refused.value).reason == "LEDGER_QUEUE_FULL"
