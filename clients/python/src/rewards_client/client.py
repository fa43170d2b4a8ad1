"""`RewardsClient`: one channel, authenticated and signed, typed errors, safe retries.

    async with RewardsClient.connect("localhost:50051", Credentials(org, client_id, secret)) as client:
        response = await client.call(client.accounts.CreateAccount,
                                     CreateAccountRequest(program_id="p", identifiers=[...]))

`call` fills an empty `request_id` once per logical operation and retries UNAVAILABLE and
DEADLINE_EXCEEDED with the same request_id (the server replays the first answer), with
exponential backoff and full jitter; every other failure raises a typed `RewardsError`.

`timeout_s` is the deadline of each attempt, and it also bounds the wait for an access token: a
call that needs a token while the fetch (IssueToken / RefreshToken, shared by concurrent calls,
at most `token_timeout_s`) is slow fails with `errors.DeadlineExceeded` at its deadline, and that
failure is not retried.
"""

from __future__ import annotations

import asyncio
import random
import uuid

import grpc

from rewards.accounts.v1 import account_service_pb2_grpc, interaction_point_service_pb2_grpc, search_service_pb2_grpc
from rewards.auth.v1 import auth_service_pb2_grpc
from rewards.checkout.v1 import checkout_service_pb2_grpc
from rewards.coupons.v1 import coupon_service_pb2_grpc, offer_service_pb2_grpc
from rewards.loyalty.v1 import loyalty_service_pb2_grpc, program_service_pb2_grpc
from rewards_client.auth import FETCH_TIMEOUT_S, AuthInterceptor, Credentials, TokenDeadlineExceeded, TokenSource
from rewards_client.errors import RewardsError, from_rpc_error

RETRYABLE = frozenset({grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.DEADLINE_EXCEEDED})


def fill_request_id(request) -> None:
    """Give `request` a fresh request_id if it has that field and it is empty (once per logical
    operation: every retry of the operation then carries the same one)."""
    if "request_id" in request.DESCRIPTOR.fields_by_name and not request.request_id:
        request.request_id = uuid.uuid4().hex


def backoff_s(attempt: int, base_s: float, max_s: float) -> float:
    """The pause before retry `attempt` + 1: exponential backoff with full jitter."""
    return random.uniform(0, min(max_s, base_s * 2 ** (attempt - 1)))


class RewardsClient:
    def __init__(self, channel: grpc.aio.Channel, tokens: TokenSource, *, attempts_max: int = 5,
                 backoff_base_s: float = 0.05, backoff_max_s: float = 2.0, timeout_s: float = 5.0) -> None:
        self.channel = channel
        self.tokens = tokens
        self.attempts_max = attempts_max
        self.backoff_base_s = backoff_base_s
        self.backoff_max_s = backoff_max_s
        self.timeout_s = timeout_s
        self.auth = auth_service_pb2_grpc.AuthServiceStub(channel)
        self.accounts = account_service_pb2_grpc.AccountServiceStub(channel)
        self.interaction_points = interaction_point_service_pb2_grpc.InteractionPointServiceStub(channel)
        self.search = search_service_pb2_grpc.SearchServiceStub(channel)
        self.offers = offer_service_pb2_grpc.OfferServiceStub(channel)
        self.coupons = coupon_service_pb2_grpc.CouponServiceStub(channel)
        self.programs = program_service_pb2_grpc.ProgramServiceStub(channel)
        self.loyalty = loyalty_service_pb2_grpc.LoyaltyServiceStub(channel)
        self.checkout = checkout_service_pb2_grpc.CheckoutServiceStub(channel)

    @classmethod
    def connect(cls, target: str, credentials: Credentials, *,
                channel_credentials: grpc.ChannelCredentials | None = None,
                token_timeout_s: float = FETCH_TIMEOUT_S, **options) -> RewardsClient:
        interceptor = AuthInterceptor(credentials.client_secret)
        interceptors = [interceptor, interceptor.streams(), *interceptor.request_streams()]
        channel = (grpc.aio.secure_channel(target, channel_credentials, interceptors=interceptors)
                   if channel_credentials else grpc.aio.insecure_channel(target, interceptors=interceptors))
        interceptor.tokens = TokenSource(channel, credentials, fetch_timeout_s=token_timeout_s)
        return cls(channel, interceptor.tokens, **options)

    async def __aenter__(self) -> RewardsClient:
        return self

    async def __aexit__(self, *exc) -> None:
        await self.channel.close()

    async def call(self, method, request, *, timeout_s: float | None = None, interaction_id: str = ""):
        """Call a unary `method` of one of the stubs; see the module docstring. `interaction_id`:
        the till or e-shop of the call, sent as the `interaction-id` header (seed 001)."""
        fill_request_id(request)
        for attempt in range(1, self.attempts_max + 1):
            try:
                if interaction_id:
                    return await method(request, timeout=timeout_s or self.timeout_s,
                                        metadata=(("interaction-id", interaction_id),))
                return await method(request, timeout=timeout_s or self.timeout_s)
            except grpc.aio.AioRpcError as error:
                if (error.code() not in RETRYABLE or attempt == self.attempts_max
                        or isinstance(error, TokenDeadlineExceeded)):
                    raise from_rpc_error(error) from None
                await asyncio.sleep(self._backoff(attempt))
        raise AssertionError("unreachable")

    async def stream(self, method, request, *, timeout_s: float | None = None) -> list:
        """Call a server-streaming `method` and return its replies, filling an empty request_id
        like `call`. A stream is not retried here: its RPC is idempotent, so call it again with
        the same request (and request_id) to resume."""
        fill_request_id(request)
        try:
            return [reply async for reply in method(request, timeout=timeout_s or self.timeout_s)]
        except grpc.aio.AioRpcError as error:
            raise from_rpc_error(error) from None

    async def exchange(self, method, requests, *, timeout_s: float | None = None) -> list:
        """Call a bidirectional-streaming `method` with `requests` (each with its request_id set,
        e.g. one per batch) and return its replies. Not retried here: send the unanswered
        requests again, with their request_ids, to resume."""
        try:
            return [reply async for reply in method(iter(requests), timeout=timeout_s or self.timeout_s)]
        except grpc.aio.AioRpcError as error:
            raise from_rpc_error(error) from None

    def _backoff(self, attempt: int) -> float:
        return backoff_s(attempt, self.backoff_base_s, self.backoff_max_s)


__all__ = ["Credentials", "RewardsClient", "RewardsError"]
