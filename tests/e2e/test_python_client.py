"""The Python client (rewards_client.RewardsClient) against the real server."""

from __future__ import annotations

import uuid

import grpc
import psycopg
import pytest
from rewards.accounts.v1 import account_service_pb2 as accounts
from rewards.accounts.v1 import resources_pb2 as resources

from rewards_client import RewardsClient, errors


@pytest.fixture
async def client(server, credentials):
    async with RewardsClient.connect(server.target, credentials, backoff_base_s=0.01) as client:
        yield client


def create(card: str) -> accounts.CreateAccountRequest:
    return accounts.CreateAccountRequest(program_id="py-client", identifiers=[
        resources.Identifier(type=resources.IDENTIFIER_TYPE_CARDCODE, value=card)])


async def test_a_call_fills_the_request_id_gets_a_token_and_signs(client):
    request = create(uuid.uuid4().hex)

    response = await client.call(client.accounts.CreateAccount, request)

    assert request.request_id and response.account.account_id


async def test_a_retry_after_unavailable_reuses_the_request_id_and_executes_once(client, stores):
    card = uuid.uuid4().hex
    attempts = []

    async def flaky(request, timeout=None):
        attempts.append(request.request_id)
        response = await client.accounts.CreateAccount(request, timeout=timeout)
        if len(attempts) == 1:  # The reply is lost after the server committed.
            raise grpc.aio.AioRpcError(grpc.StatusCode.UNAVAILABLE, grpc.aio.Metadata(), grpc.aio.Metadata(), "lost")
        return response

    response = await client.call(flaky, create(card))

    assert len(attempts) == 2 and attempts[0] == attempts[1]
    with psycopg.connect(stores.database_url) as connection:
        holders = connection.execute("SELECT account_id FROM account_identifiers WHERE value = %s", (card,)).fetchall()
    assert [str(h[0]) for h in holders] == [response.account.account_id]


async def test_errors_are_typed_with_the_reason(client):
    with pytest.raises(errors.NotFound) as missing:
        await client.call(client.accounts.GetAccount, accounts.GetAccountRequest(account_id=str(uuid.uuid4())))

    assert missing.value.reason == "ACCOUNT_NOT_FOUND" and missing.value.domain == "rewards.accounts"
    assert missing.value.request_id


async def test_tokens_are_refreshed_ahead_of_expiry_through_refresh_token(client, stores):
    await client.tokens.access_token()
    first_refresh = client.tokens._refresh
    client.tokens._margin = 15 * 60 + 10  # The 15-minute access token now counts as expiring.

    await client.call(client.accounts.CreateAccount, create(uuid.uuid4().hex))
    await client.tokens.renewal()  # The still-valid token served the call; the refresh ran beside it.

    with psycopg.connect(stores.database_url) as connection:
        (status,) = connection.execute("SELECT status FROM refresh_tokens WHERE token_id = %s",
                                       (first_refresh.split(".")[0],)).fetchone()
    assert status == 2 and client.tokens._refresh != first_refresh  # Rotated by RefreshToken.
