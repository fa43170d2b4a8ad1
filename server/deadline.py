"""Hands each call's gRPC deadline to the core (core/domain/deadline.py), so that every wait on a
store is bounded by it. Outermost of the chain's stages, so that everything inside sees it."""

from __future__ import annotations

from core.domain import deadline
from server.chain import Stage


class DeadlineInterceptor(Stage):
    def unary(self, method, handler, inner):
        async def wrapped(request, context, call):
            token = deadline.set_remaining(context.time_remaining())
            try:
                return await inner(request, context, call)
            finally:
                deadline.reset(token)
        return wrapped

    def streaming(self, method, handler, inner):
        async def wrapped(request, context, call):
            # A stream's deadline bounds each store wait made while serving it.
            deadline.set_remaining(context.time_remaining())
            async for response in inner(request, context, call):
                yield response
        return wrapped
