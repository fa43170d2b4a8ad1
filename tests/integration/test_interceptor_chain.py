"""The interceptor chain (server/chain.py) on a real in-process gRPC server: each method's wrapped
handler is composed once, on its first call, and every call runs the stages in order with one
per-call object."""

from __future__ import annotations

import grpc
import pytest

from server.chain import Chain, Stage
from server.interceptors import DecodingInterceptor, ErrorInterceptor, MetricsInterceptor, RequestIdInterceptor


class Recording(Stage):
    """Counts how often it is asked to wrap, and records each call it sees (with the call's headers)."""

    def __init__(self, name: str, seen: list) -> None:
        self.name, self.seen, self.wraps = name, seen, 0

    def unary(self, method, handler, inner):
        self.wraps += 1

        async def wrapped(request, context, call):
            self.seen.append((self.name, call.headers.get("x-probe"), id(call)))
            return await inner(request, context, call)
        return wrapped

    def streaming(self, method, handler, inner):
        self.wraps += 1

        async def wrapped(request, context, call):
            self.seen.append((self.name, call.headers.get("x-probe"), id(call)))
            async for response in inner(request, context, call):
                yield response
        return wrapped


async def echo(request: bytes, context) -> bytes:
    return request


async def parts(request: bytes, context):
    for part in (b"a", b"b"):
        yield part


@pytest.fixture
async def served():
    seen: list = []
    outer, inner = Recording("outer", seen), Recording("inner", seen)
    chain = Chain([RequestIdInterceptor(), outer, MetricsInterceptor(), ErrorInterceptor(), DecodingInterceptor(),
                   inner])
    server = grpc.aio.server(interceptors=[chain])
    handlers = {"Echo": grpc.unary_unary_rpc_method_handler(echo),
                "Other": grpc.unary_unary_rpc_method_handler(echo),
                "Parts": grpc.unary_stream_rpc_method_handler(parts)}
    server.add_generic_rpc_handlers((grpc.method_handlers_generic_handler("rewards.test.v1.Chain", handlers),))
    port = server.add_insecure_port("127.0.0.1:0")
    await server.start()
    async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as channel:
        yield channel, chain, outer, inner, seen
    await server.stop(None)


async def test_each_method_is_composed_once_however_often_it_is_called(served):
    channel, chain, outer, inner, seen = served
    for n in range(5):
        assert await channel.unary_unary("/rewards.test.v1.Chain/Echo")(b"%d" % n) == b"%d" % n
    assert await channel.unary_unary("/rewards.test.v1.Chain/Other")(b"x") == b"x"
    for _ in range(3):
        assert [p async for p in channel.unary_stream("/rewards.test.v1.Chain/Parts")(b"")] == [b"a", b"b"]

    assert chain.builds == 3  # Echo, Other, Parts.
    assert (outer.wraps, inner.wraps) == (3, 3)
    assert len(seen) == 2 * 9


async def test_every_call_runs_the_stages_in_order_with_its_own_call_object(served):
    channel, chain, outer, inner, seen = served

    for probe in ("one", "two"):
        await channel.unary_unary("/rewards.test.v1.Chain/Echo")(b"", metadata=(("x-probe", probe),))

    assert [(name, probe) for name, probe, _ in seen] == [("outer", "one"), ("inner", "one"),
                                                          ("outer", "two"), ("inner", "two")]
    first, second = {ident for _, probe, ident in seen if probe == "one"}, {i for _, p, i in seen if p == "two"}
    assert len(first) == 1 and len(second) == 1  # One Call per RPC, shared by its stages.
