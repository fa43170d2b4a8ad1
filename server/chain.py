"""The interceptor chain, built once per method.

gRPC calls a server interceptor on every RPC, and an interceptor that wraps the handler it is given
makes new wrapper functions and closures each time. `Chain` is one interceptor that holds the
stages (server/interceptors.py, server/security.py, server/deadline.py; their order and why:
server/bootstrap.py) and, the first time a method is called, composes their wrappers around the
method's behavior once; every later call of the method finds the composed handler in a dict and
runs it. Nothing per call is built but the `Call` below.

The stages cooperate through one explicit per-call object, `Call`, handed from stage to stage with
the request and the gRPC context: the call's metadata (parsed into a dict once), the digest of the
request bytes (decoding -> signing), the token's claims and the admission the security stages fill
in. Values read by code outside the chain stay in ContextVars: the caller (servicers, through
server/context.py), the request id (logs) and the deadline (core/domain/deadline.py).

An inner behavior takes `(request, context, call)`: a unary-response one returns an awaitable of
the response, a streaming-response one is an async iterator of the responses. A server-streaming
servicer behavior comes in two styles and the innermost adapter takes both (`responses`): an async
generator that yields its responses, or a coroutine that writes them with `context.write()` and
returns None (grpc's own health servicer: `grpc.health.v1.Health/Watch`).
"""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator, Callable, Iterable

import grpc

Inner = Callable
"""(request, context, call) -> awaitable response (unary response) or async iterator (streaming)."""


class Call:
    """One RPC's state, shared by the stages of the chain (see the module docstring)."""

    __slots__ = ("method", "metadata", "headers", "body_sha256", "claims", "admission")

    def __init__(self, method: str, metadata) -> None:
        self.method = method
        self.metadata: tuple = tuple(metadata or ())
        """The invocation metadata as received: (key, value) pairs, repeated keys kept."""
        self.headers: dict = dict(self.metadata)
        """The same as a dict (the last value of a repeated key), parsed once per call."""
        self.body_sha256: bytes | None = None
        """SHA-256 of the exact request bytes received (set by decoding), for request signatures."""
        self.claims = None
        """The verified access token's claims (set by authentication)."""
        self.admission = None
        """What the admission script must check (set by authentication, filled by rate limits and signing)."""


class Stage(grpc.aio.ServerInterceptor):
    """One concern of the chain. `unary` / `streaming` get the method's name, its original handler
    and the inner behavior, and return that behavior wrapped (or unchanged, when the stage has
    nothing to do for the method); `deserializer` may replace the request deserializer. They run
    once per method.

    A stage also works alone as a gRPC interceptor (a chain of one), but stages that hand each
    other values through `Call` (decoding and the security stages) must be in one `Chain`."""

    def unary(self, method: str, handler: grpc.RpcMethodHandler, inner: Inner) -> Inner:
        return inner

    def streaming(self, method: str, handler: grpc.RpcMethodHandler, inner: Inner) -> Inner:
        return inner

    def deserializer(self, method: str, handler: grpc.RpcMethodHandler, deserialize: Callable | None):
        return deserialize

    async def intercept_service(self, continuation, details):
        alone = self.__dict__.get("_alone")
        if alone is None:
            alone = self.__dict__["_alone"] = Chain((self,))
        return await alone.intercept_service(continuation, details)


class Chain(grpc.aio.ServerInterceptor):
    """The stages, outermost first, composed once per method (see the module docstring)."""

    def __init__(self, stages: Iterable[Stage]) -> None:
        self.stages = tuple(stages)
        self._built: dict[str, tuple[grpc.RpcMethodHandler, grpc.RpcMethodHandler]] = {}
        self.builds = 0
        """How many handlers were composed (one per method called, unless its handler changed)."""

    async def intercept_service(self, continuation, details):
        handler = await continuation(details)
        if handler is None:
            return None
        built = self._built.get(details.method)
        if built is None or built[0] is not handler:
            built = self._built[details.method] = (handler, self.build(details.method, handler))
        return built[1]

    def build(self, method: str, handler: grpc.RpcMethodHandler) -> grpc.RpcMethodHandler:
        """`handler` with every stage's wrapper around its behavior."""
        self.builds += 1
        behavior = handler.unary_unary or handler.stream_unary or handler.unary_stream or handler.stream_stream
        deserialize = handler.request_deserializer
        if handler.response_streaming:
            async def inner(request, context, call):
                async for response in responses(behavior, request, context):
                    yield response
            for stage in reversed(self.stages):
                inner = stage.streaming(method, handler, inner)
                deserialize = stage.deserializer(method, handler, deserialize)

            async def outer(request, context):
                async for response in inner(request, context, Call(method, context.invocation_metadata())):
                    yield response
        else:
            def inner(request, context, call):
                return behavior(request, context)
            for stage in reversed(self.stages):
                inner = stage.unary(method, handler, inner)
                deserialize = stage.deserializer(method, handler, deserialize)

            async def outer(request, context):
                return await inner(request, context, Call(method, context.invocation_metadata()))
        serialize = handler.response_serializer
        if handler.unary_unary:
            return grpc.unary_unary_rpc_method_handler(outer, deserialize, serialize)
        if handler.stream_unary:
            return grpc.stream_unary_rpc_method_handler(outer, deserialize, serialize)
        if handler.unary_stream:
            return grpc.unary_stream_rpc_method_handler(outer, deserialize, serialize)
        return grpc.stream_stream_rpc_method_handler(outer, deserialize, serialize)


def before_unary(check: Callable, inner: Inner) -> Inner:
    """`inner` with `await check(request, context, call)` run first."""
    async def wrapped(request, context, call):
        await check(request, context, call)
        return await inner(request, context, call)
    return wrapped


def before_streaming(check: Callable, inner: Inner) -> Inner:
    async def wrapped(request, context, call):
        await check(request, context, call)
        async for response in inner(request, context, call):
            yield response
    return wrapped


async def responses(behavior: Callable, request, context) -> AsyncIterator:
    """The responses of a server-streaming servicer `behavior`, whatever its style: those an async
    generator (or iterator) yields, or none from a coroutine that wrote its responses with
    `context.write()` itself (they went out as it wrote them) and returned None."""
    result = behavior(request, context)
    if inspect.isawaitable(result):
        result = await result
    if result is None:
        return
    if hasattr(result, "__aiter__"):
        async for response in result:
            yield response
    else:
        for response in result:
            yield response
