"""Hands each call's gRPC deadline to the core (core/domain/deadline.py), so that every wait on a
store is bounded by it. Outermost of the interceptors, so that everything inside sees it."""

from __future__ import annotations

import grpc

from core.domain import deadline
from server.interceptors import responses, rewrap


class DeadlineInterceptor(grpc.aio.ServerInterceptor):
    async def intercept_service(self, continuation, details):
        handler = await continuation(details)
        if handler is None:
            return None

        def unary(behavior):
            async def wrapped(request, context):
                token = deadline.set_remaining(context.time_remaining())
                try:
                    return await behavior(request, context)
                finally:
                    deadline.reset(token)
            return wrapped

        def streaming(behavior):
            async def wrapped(request, context):
                # A stream's deadline bounds each store wait made while serving it.
                deadline.set_remaining(context.time_remaining())
                async for response in responses(behavior, request, context):
                    yield response
            return wrapped

        return rewrap(handler, unary, streaming)
