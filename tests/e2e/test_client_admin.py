"""`rewards-core clients list | disable | enable | rotate-secret`, run as the operator runs them (a
subprocess on the test stores), and their effect over real gRPC on a running server: a disabled
client's access tokens (reads and writes), refresh tokens and IssueToken are refused with
CLIENT_DISABLED from the next call on; enable restores them; a rotated-away secret stops working for
IssueToken and request signing at once and the new one works."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid

import grpc
import psycopg
import pytest
from rewards.accounts.v1 import account_service_pb2 as accounts

from core.adapters.sealing import MasterKeys, client_signing_context
from core.domain.auth import signing_key
from core.service.clients import client_state_key, rebuild_client_states
from rewards_client import Credentials
from tests.e2e.test_security import GET, call, issue, new_client, refresh, rejected

pytestmark = pytest.mark.e2e

DELETE = "/rewards.accounts.v1.AccountService/DeleteAccount"


@pytest.fixture
async def channel(server):
    async with grpc.aio.insecure_channel(server.target) as channel:
        yield channel


def cli(stores, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": stores.database_url, "REDIS_URL": stores.redis_url}
    return subprocess.run([sys.executable, "-m", "server.cli", *args], env=env, capture_output=True, text=True,
                          timeout=120, stdin=subprocess.DEVNULL)


def read_body() -> bytes:
    return accounts.GetAccountRequest(account_id=str(uuid.uuid4())).SerializeToString()


def write_body() -> bytes:
    return accounts.DeleteAccountRequest(request_id=uuid.uuid4().hex, account_id=str(uuid.uuid4())).SerializeToString()


async def read(channel, credentials, token):
    return await rejected(call(channel, credentials, token, read_body(), method=GET, signed=False))


async def write(channel, credentials, token):
    return await rejected(call(channel, credentials, token, write_body(), method=DELETE))


ADMITTED = (grpc.StatusCode.NOT_FOUND, "ACCOUNT_NOT_FOUND")
DISABLED = (grpc.StatusCode.PERMISSION_DENIED, "CLIENT_DISABLED")


async def test_a_disabled_client_is_refused_everywhere_until_it_is_enabled(stores, channel):
    credentials = new_client(stores)
    pair = await issue(channel, credentials)
    assert (await read(channel, credentials, pair.access_token))[:2] == ADMITTED
    assert (await write(channel, credentials, pair.access_token))[:2] == ADMITTED  # Signing key now cached.

    disabled = cli(stores, "clients", "disable", credentials.client_id)

    assert disabled.returncode == 0, disabled.stderr
    assert json.loads(disabled.stdout)["disabled"] is True
    assert (await read(channel, credentials, pair.access_token))[:2] == DISABLED
    assert (await write(channel, credentials, pair.access_token))[:2] == DISABLED
    assert (await rejected(refresh(channel, pair.refresh_token)))[:2] == DISABLED
    assert (await rejected(issue(channel, credentials)))[:2] == DISABLED
    wrong = Credentials(credentials.org_id, credentials.client_id, "cs_" + "x" * 43)
    assert (await rejected(issue(channel, wrong)))[:2] == (  # The secret is checked first: nothing leaks.
        grpc.StatusCode.UNAUTHENTICATED, "CLIENT_CREDENTIALS_INVALID")
    listed = [json.loads(line) for line in cli(stores, "clients", "list", "--org", "org-sec").stdout.splitlines()]
    assert {c["client_id"]: c["disabled"] for c in listed}[credentials.client_id] is True

    enabled = cli(stores, "clients", "enable", credentials.client_id)

    assert enabled.returncode == 0, enabled.stderr
    assert (await read(channel, credentials, pair.access_token))[:2] == ADMITTED
    assert (await write(channel, credentials, pair.access_token))[:2] == ADMITTED
    refreshed = await refresh(channel, pair.refresh_token)  # The refused refresh did not spend it.
    assert (await read(channel, credentials, refreshed.access_token))[:2] == ADMITTED
    assert (await issue(channel, credentials)).access_token


async def test_a_rotated_secret_stops_working_and_the_new_one_works(stores, channel):
    credentials = new_client(stores)
    token = (await issue(channel, credentials)).access_token
    assert (await write(channel, credentials, token))[:2] == ADMITTED  # The old signing key is cached.

    rotated = cli(stores, "clients", "rotate-secret", credentials.client_id)

    assert rotated.returncode == 0, rotated.stderr
    answer = json.loads(rotated.stdout)
    assert answer["secret_version"] == 2 and answer["client_secret"] != credentials.client_secret
    assert "cannot be shown again" in rotated.stderr
    new = Credentials(credentials.org_id, credentials.client_id, answer["client_secret"])
    code, reason, metadata = await write(channel, credentials, token)
    assert (code, reason) == (grpc.StatusCode.UNAUTHENTICATED, "SIGNATURE_INVALID")
    assert (await write(channel, new, token))[:2] == ADMITTED
    assert (await write(channel, credentials, token))[:2] == (grpc.StatusCode.UNAUTHENTICATED, "SIGNATURE_INVALID")
    assert (await rejected(issue(channel, credentials)))[:2] == (
        grpc.StatusCode.UNAUTHENTICATED, "CLIENT_CREDENTIALS_INVALID")
    new_token = (await issue(channel, new)).access_token
    assert (await write(channel, new, new_token))[:2] == ADMITTED
    with psycopg.connect(stores.database_url) as connection:
        sealed, plain = connection.execute("SELECT signing_key_sealed, signing_key FROM api_clients"
                                           " WHERE client_id = %s", (credentials.client_id,)).fetchone()
    assert plain is None
    assert MasterKeys.from_env().open(sealed, client_signing_context(new.client_id)) == signing_key(new.client_secret)


def test_the_cli_lists_clients_without_secrets_and_names_an_unknown_client(stores):
    credentials = new_client(stores, scopes=("coupons:read",), store_ids=["s-1"])

    listed = cli(stores, "clients", "list", "--org", "org-sec")
    unknown = cli(stores, "clients", "disable", "cl_does_not_exist")

    assert listed.returncode == 0, listed.stderr
    (mine,) = [c for c in map(json.loads, listed.stdout.splitlines()) if c["client_id"] == credentials.client_id]
    assert mine["scopes"] == ["coupons:read"] and mine["store_ids"] == ["s-1"] and mine["disabled"] is False
    assert credentials.client_secret not in listed.stdout and "secret_hash" not in listed.stdout
    assert unknown.returncode == 2 and "cl_does_not_exist" in unknown.stderr


async def test_a_redis_rebuild_copies_disabled_clients_from_postgres(stores, redis_client):
    """Postgres is the truth: a client disabled there (by hand, or while Redis was lost) is
    disabled in Redis by the state rebuild (and at every worker start)."""
    import redis.asyncio as aredis

    credentials = new_client(stores)
    with psycopg.connect(stores.database_url) as connection:
        connection.execute("UPDATE api_clients SET disable_time = now() WHERE client_id = %s",
                           (credentials.client_id,))
    assert redis_client.hgetall(client_state_key(credentials.client_id)) == {}

    client = aredis.Redis.from_url(stores.redis_url)
    try:
        async with await psycopg.AsyncConnection.connect(stores.database_url) as connection:
            await rebuild_client_states(client, connection, 0)
    finally:
        await client.aclose()

    assert redis_client.hgetall(client_state_key(credentials.client_id)) == {b"disabled": b"1", b"secret": b"1"}
