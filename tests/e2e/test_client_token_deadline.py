"""The Python client's token fetch against a real gRPC server whose AuthService stalls.

The server here is a small grpc.aio server started by each test (a real channel, real HTTP/2),
implementing AuthService.IssueToken / RefreshToken, which stall until the test releases them,
and AccountService.GetAccount as the trivial business call. It counts the token RPCs it gets.
No stores are involved: the behaviour under test is the client's own.
"""

from __future__ import annotations

import asyncio
import time

import grpc
import pytest
from google.protobuf.timestamp_pb2 import Timestamp
from rewards.accounts.v1 import account_service_pb2 as accounts
from rewards.accounts.v1 import account_service_pb2_grpc
from rewards.accounts.v1 import resources_pb2
from rewards.auth.v1 import auth_service_pb2 as auth_api
from rewards.auth.v1 import auth_service_pb2_grpc

from rewards_client import Credentials, RewardsClient, errors

CALLS = 8
DEADLINE_S = 1.0
BOUND_S = 4.0  # a call with a 1 s deadline answers within this, even on a loaded 2-core machine
STALL_S = 30.0


class StallingAuth(auth_service_pb2_grpc.AuthServiceServicer):
    """IssueToken / RefreshToken that wait for `release` (at most STALL_S) when `stall` is set."""

    def __init__(self) -> None:
        self.issued = 0
        self.refreshed = 0
        self.stall_issue = True
        self.stall_refresh = False
        self.release = asyncio.Event()

    def _pair(self, response_type, n: int):
        now = int(time.time())
        return response_type(access_token=f"access-{n}", refresh_token=f"refresh-{n}",
                             access_token_expire_time=Timestamp(seconds=now + 900),
                             refresh_token_expire_time=Timestamp(seconds=now + 86400))

    async def _maybe_stall(self, stall: bool) -> None:
        if stall:
            try:
                await asyncio.wait_for(self.release.wait(), STALL_S)
            except TimeoutError:
                pass

    async def IssueToken(self, request, context):
        self.issued += 1
        n = self.issued + self.refreshed
        await self._maybe_stall(self.stall_issue)
        return self._pair(auth_api.IssueTokenResponse, n)

    async def RefreshToken(self, request, context):
        self.refreshed += 1
        n = self.issued + self.refreshed
        await self._maybe_stall(self.stall_refresh)
        return self._pair(auth_api.RefreshTokenResponse, n)


class EchoAccounts(account_service_pb2_grpc.AccountServiceServicer):
    """GetAccount answers at once with the bearer token it was called with as the account id."""

    async def GetAccount(self, request, context):
        metadata = dict(context.invocation_metadata())
        token = metadata.get("authorization", "").removeprefix("Bearer ")
        if not token:
            await context.abort(grpc.StatusCode.UNAUTHENTICATED, "no token")
        return accounts.GetAccountResponse(account=resources_pb2.Account(account_id=token))


@pytest.fixture
async def stalling_server():
    server = grpc.aio.server()
    auth = StallingAuth()
    auth_service_pb2_grpc.add_AuthServiceServicer_to_server(auth, server)
    account_service_pb2_grpc.add_AccountServiceServicer_to_server(EchoAccounts(), server)
    port = server.add_insecure_port("127.0.0.1:0")
    await server.start()
    auth.target = f"127.0.0.1:{port}"
    try:
        yield auth
    finally:
        auth.release.set()
        await server.stop(grace=None)


def connect(target: str, **options) -> RewardsClient:
    return RewardsClient.connect(target, Credentials("org", "client", "secret"), backoff_base_s=0.01, **options)


async def get(client: RewardsClient, timeout_s: float = DEADLINE_S):
    return await client.call(client.accounts.GetAccount, accounts.GetAccountRequest(account_id="x"),
                             timeout_s=timeout_s)


async def timed(awaitable):
    began = time.monotonic()
    try:
        return await awaitable, time.monotonic() - began
    except errors.RewardsError as error:
        return error, time.monotonic() - began


async def test_concurrent_calls_fail_at_their_deadline_while_issue_token_stalls_and_share_one_fetch(stalling_server):
    auth = stalling_server
    async with connect(auth.target, token_timeout_s=60) as client:
        results = await asyncio.gather(*(timed(get(client)) for _ in range(CALLS)))

        for outcome, elapsed in results:
            assert isinstance(outcome, errors.DeadlineExceeded), outcome
            assert DEADLINE_S * 0.9 <= elapsed < BOUND_S, elapsed
        assert auth.issued == 1  # one fetch for all of them, still in flight

        # A later call with a deadline of its own joins the same fetch and fails at its deadline too.
        outcome, elapsed = await timed(get(client))
        assert isinstance(outcome, errors.DeadlineExceeded) and elapsed < BOUND_S
        assert auth.issued == 1

        auth.release.set()  # The stall ends: the fetch in flight completes.
        response, elapsed = await timed(get(client, timeout_s=5))
        assert response.account.account_id == "access-1" and elapsed < BOUND_S
        assert auth.issued == 1


async def test_a_failed_fetch_does_not_poison_later_calls(stalling_server):
    auth = stalling_server
    # The fetch's own ceiling (1 s) is shorter than the calls' deadlines (5 s): it fails for them
    # (one attempt each: a retry would start a new fetch, as the next call does below).
    async with connect(auth.target, token_timeout_s=DEADLINE_S, attempts_max=1) as client:
        results = await asyncio.gather(*(timed(get(client, timeout_s=5)) for _ in range(CALLS)))

        for outcome, elapsed in results:
            assert isinstance(outcome, errors.DeadlineExceeded), outcome
            assert elapsed < BOUND_S, elapsed
        assert auth.issued == 1

        auth.stall_issue = False
        response, elapsed = await timed(get(client, timeout_s=5))
        assert response.account.account_id == "access-2" and elapsed < BOUND_S
        assert auth.issued == 2  # The next call started a new fetch.


async def test_calls_with_a_valid_token_never_wait_for_a_refresh_in_progress(stalling_server):
    auth = stalling_server
    auth.stall_issue = False
    # One attempt of 5 s each, shorter than the refresh's 30 s stall: a call that waited for the
    # refresh would fail; each must succeed with the current token.
    async with connect(auth.target, attempts_max=1) as client:
        first = await get(client, timeout_s=5)
        assert first.account.account_id == "access-1"

        auth.stall_refresh = True
        client.tokens._margin = 15 * 60 + 10  # The valid 15-minute token now counts as expiring.
        results = await asyncio.gather(*(timed(get(client, timeout_s=5)) for _ in range(CALLS)))

        for response, elapsed in results:
            assert not isinstance(response, Exception), response
            assert response.account.account_id == "access-1" and elapsed < 5, elapsed
        assert auth.refreshed == 1 and auth.issued == 1  # One refresh, in flight beside the calls.

        auth.release.set()
        await client.tokens.renewal()
        client.tokens._margin = 60
        renewed = await get(client, timeout_s=5)
        assert renewed.account.account_id == "access-2" and auth.refreshed == 1
