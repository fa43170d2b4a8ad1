"""The security model over real gRPC: tokens, refresh rotation, revocation, request signatures,
scopes, stores and rate limits. In every rejected case the handler never ran and nothing changed."""

from __future__ import annotations

import asyncio
import base64
import datetime as dt
import json
import shutil
import tempfile
import time
import uuid
from pathlib import Path

import grpc
import jwt
import psycopg
import pytest
from cryptography.hazmat.primitives import serialization
from google.rpc import error_details_pb2
from grpc_status import rpc_status
from rewards.accounts.v1 import account_service_pb2 as accounts
from rewards.accounts.v1 import resources_pb2 as resources
from rewards.auth.v1 import auth_service_pb2 as auth_api
from rewards.auth.v1 import auth_service_pb2_grpc

from core.domain.auth import signature as sign
from core.domain.auth import signing_key
from core.domain.limits import TOKEN_LEEWAY_SECONDS
from core.service.clients import create_client
from rewards_client import Credentials
from tests.e2e import inprocess
from tests.e2e.harness import ServerProcess
from tests.e2e.programs import ensure_program_at

CREATE = "/rewards.accounts.v1.AccountService/CreateAccount"
GET = "/rewards.accounts.v1.AccountService/GetAccount"
ISSUER = AUDIENCE = "rewards-core"
CLOCKED_GRACE_S = 30
"""The refresh grace window of the FixedClock worker (its Redis replay copy lives 31 real seconds)."""


@pytest.fixture(scope="module")
def secured(stores):
    """A server with a 1 s refresh grace window (so tests can step past it)."""
    data_dir = Path(tempfile.mkdtemp(prefix="rc-sec-", dir="/tmp"))
    process = ServerProcess(data_dir, redis_url=stores.redis_url, database_url=stores.database_url,
                            env={"REWARDS_REFRESH_GRACE_S": "1"})
    try:
        yield process.start()
    finally:
        process.kill()
        shutil.rmtree(data_dir, ignore_errors=True)


@pytest.fixture(scope="module")
async def sec_program(secured, stores):
    """The program the tests open accounts in (in their organisation, org-sec)."""
    from tests.conftest import ALL_SCOPES
    await ensure_program_at(secured.target, Credentials("org-sec", *create_client(
        stores.database_url, "org-sec", ALL_SCOPES)), "sec")


@pytest.fixture
async def channel(secured, sec_program):
    async with grpc.aio.insecure_channel(secured.target) as channel:
        yield channel


def new_client(stores, scopes=("accounts:read", "accounts:write"), **options) -> Credentials:
    client_id, secret = create_client(stores.database_url, "org-sec", list(scopes), **options)
    return Credentials("org-sec", client_id, secret)


async def issue(channel, credentials: Credentials) -> auth_api.IssueTokenResponse:
    return await auth_service_pb2_grpc.AuthServiceStub(channel).IssueToken(auth_api.IssueTokenRequest(
        org_id=credentials.org_id, client_id=credentials.client_id, client_secret=credentials.client_secret))


async def refresh(channel, refresh_token: str) -> auth_api.RefreshTokenResponse:
    return await auth_service_pb2_grpc.AuthServiceStub(channel).RefreshToken(
        auth_api.RefreshTokenRequest(request_id=uuid.uuid4().hex, refresh_token=refresh_token))


def create_body(card: str | None = None, request_id: str | None = None) -> bytes:
    return accounts.CreateAccountRequest(
        request_id=request_id or uuid.uuid4().hex, program_id="sec",
        identifiers=[resources.Identifier(type=resources.IDENTIFIER_TYPE_CARDCODE, value=card or uuid.uuid4().hex)],
    ).SerializeToString()


async def call(channel, credentials: Credentials, token: str | None, body: bytes, *, method: str = CREATE,
               skew_s: int = 0, nonce: str | None = None, signed: bool = True, sent_body: bytes | None = None):
    """A raw call: `body` is signed, `sent_body` (default: body) is what goes on the wire."""
    metadata = []
    if token is not None:
        metadata.append(("authorization", f"Bearer {token}"))
    if signed:
        timestamp, nonce = str(int(time.time()) + skew_s), nonce or uuid.uuid4().hex
        metadata += [("x-rewards-timestamp", timestamp), ("x-rewards-nonce", nonce),
                     ("x-rewards-signature", sign(signing_key(credentials.client_secret), method, timestamp, nonce, body))]
    return await channel.unary_unary(method)(body if sent_body is None else sent_body, metadata=metadata, timeout=10)


async def rejected(awaitable) -> tuple[grpc.StatusCode, str, dict]:
    with pytest.raises(grpc.aio.AioRpcError) as failure:
        await awaitable
    for detail in rpc_status.from_call(failure.value).details:
        if detail.Is(error_details_pb2.ErrorInfo.DESCRIPTOR):
            info = error_details_pb2.ErrorInfo()
            detail.Unpack(info)
            return failure.value.code(), info.reason, dict(info.metadata)
    raise AssertionError("no ErrorInfo")


def accounts_holding(stores, card: str) -> int:
    with psycopg.connect(stores.database_url) as connection:
        return connection.execute("SELECT count(*) FROM account_identifiers WHERE value = %s", (card,)).fetchone()[0]


def active_key(stores) -> tuple[str, object, str]:
    with psycopg.connect(stores.database_url) as connection:
        kid, private_sealed, public_pem = connection.execute(
            "SELECT kid, private_sealed, public_pem FROM signing_keys WHERE active").fetchone()
    from core.adapters.sealing import MasterKeys, jwt_private_context  # Keys at rest are sealed.

    private_pem = MasterKeys.from_env().open(private_sealed, jwt_private_context(kid))
    return kid, serialization.load_pem_private_key(private_pem, None), public_pem


def claims_for(credentials: Credentials, **overrides) -> dict:
    now = int(time.time())
    claims = {"iss": ISSUER, "aud": AUDIENCE, "sub": credentials.client_id, "org": credentials.org_id,
              "scopes": ["accounts:read", "accounts:write"], "stores": [], "rate": [100, 100],
              "iat": now, "nbf": now, "exp": now + 600, "jti": uuid.uuid4().hex}
    claims.update(overrides)
    return {k: v for k, v in claims.items() if v is not None}


def forge(stores, claims: dict, *, kid: str | None = None, typ: str = "at+jwt") -> str:
    active_kid, private, _ = active_key(stores)
    return jwt.encode(claims, private, algorithm="EdDSA", headers={"kid": kid or active_kid, "typ": typ})


def b64(data: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


# --- access tokens -----------------------------------------------------------------------------

async def test_a_token_from_issue_token_is_accepted(stores, channel):
    credentials = new_client(stores)
    token = (await issue(channel, credentials)).access_token

    response = accounts.CreateAccountResponse.FromString(await call(channel, credentials, token, create_body()))

    assert response.account.account_id


def attack_tokens(stores, credentials: Credentials) -> dict[str, tuple[str, str]]:
    kid, _, public_pem = active_key(stores)
    good = forge(stores, claims_for(credentials))
    header, payload, signature = good.split(".")
    tampered_payload = b64(claims_for(credentials, scopes=["accounts:read", "accounts:write", "coupons:admin"]))
    flipped = signature[:-2] + ("AA" if signature[-2:] != "AA" else "BB")
    return {
        "alg none": (b64({"alg": "none", "typ": "at+jwt", "kid": kid}) + "." + b64(claims_for(credentials)) + ".",
                     "TOKEN_INVALID"),
        "HS256 keyed with the public key": (_hs256_with(public_pem, claims_for(credentials), kid), "TOKEN_INVALID"),
        "tampered payload": (f"{header}.{tampered_payload}.{signature}", "TOKEN_INVALID"),
        "bad signature": (f"{header}.{payload}.{flipped}", "TOKEN_INVALID"),
        "expired beyond leeway": (forge(stores, claims_for(credentials, exp=int(time.time()) - 10)), "TOKEN_EXPIRED"),
        "nbf in the future": (forge(stores, claims_for(credentials, nbf=int(time.time()) + 60)), "TOKEN_NOT_YET_VALID"),
        "wrong aud": (forge(stores, claims_for(credentials, aud="someone-else")), "TOKEN_INVALID"),
        "wrong iss": (forge(stores, claims_for(credentials, iss="someone-else")), "TOKEN_INVALID"),
        "missing exp": (forge(stores, claims_for(credentials, exp=None)), "TOKEN_INVALID"),
        "unknown kid": (forge(stores, claims_for(credentials), kid="k_unknown"), "TOKEN_INVALID"),
        "not an access token (typ)": (forge(stores, claims_for(credentials), typ="JWT"), "TOKEN_INVALID"),
        "garbage": ("not.a.token", "TOKEN_INVALID"),
    }


def _hs256_with(public_pem: str, claims: dict, kid: str) -> str:
    """The algorithm-confusion attack: HMAC keyed with the server's public key (made by hand:
    PyJWT itself refuses to use a PEM key as an HMAC secret)."""
    import hashlib
    import hmac as hmac_module

    signing_input = b64({"alg": "HS256", "typ": "at+jwt", "kid": kid}) + "." + b64(claims)
    digest = hmac_module.new(public_pem.encode(), signing_input.encode(), hashlib.sha256).digest()
    return signing_input + "." + base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


@pytest.mark.parametrize("attack", ["alg none", "HS256 keyed with the public key", "tampered payload",
                                    "bad signature", "expired beyond leeway", "nbf in the future", "wrong aud",
                                    "wrong iss", "missing exp", "unknown kid", "not an access token (typ)", "garbage"])
async def test_a_bad_access_token_is_unauthenticated_and_changes_nothing(stores, channel, attack):
    credentials = new_client(stores)
    token, reason = attack_tokens(stores, credentials)[attack]
    card = uuid.uuid4().hex

    code, got, _ = await rejected(call(channel, credentials, token, create_body(card)))

    assert (code, got) == (grpc.StatusCode.UNAUTHENTICATED, reason)
    assert accounts_holding(stores, card) == 0


@pytest.fixture(scope="module")
async def clocked(stores):
    """The real worker with a FixedClock (tests/e2e/inprocess.py): token times are exact."""
    async with inprocess.worker(stores, clock=inprocess.fixed_clock(), refresh_grace_s=CLOCKED_GRACE_S) as worker, \
            grpc.aio.insecure_channel(worker.target) as channel:
        worker.channel = channel
        yield worker


@pytest.fixture
def frozen(clocked):
    """The clocked worker, its clock set to the current second for this test."""
    clocked.clock.at = inprocess.fixed_clock().at
    return clocked


async def read_with(frozen, token: str) -> tuple[grpc.StatusCode, str, dict]:
    """An unsigned read: ACCOUNT_NOT_FOUND when the token is accepted."""
    read = accounts.GetAccountRequest(account_id=str(uuid.uuid4())).SerializeToString()
    return await rejected(frozen.channel.unary_unary(GET)(
        read, metadata=[("authorization", f"Bearer {token}")], timeout=10))


@pytest.mark.parametrize("past_s, reason", [(TOKEN_LEEWAY_SECONDS - 1, "ACCOUNT_NOT_FOUND"),
                                             (TOKEN_LEEWAY_SECONDS, "TOKEN_EXPIRED")])
async def test_expiry_within_the_leeway_is_still_accepted_and_at_its_edge_refused(stores, frozen, past_s, reason):
    credentials = new_client(stores)
    now = int(frozen.clock.now().timestamp())
    token = forge(stores, claims_for(credentials, iat=now - 600, nbf=now - 600, exp=now - past_s))

    assert (await read_with(frozen, token))[1] == reason


async def test_a_token_accepted_before_is_refused_once_it_expires(stores, frozen):
    """A worker remembers a verified signature, never a verdict on time."""
    credentials = new_client(stores)
    now = int(frozen.clock.now().timestamp())
    token = forge(stores, claims_for(credentials, iat=now - 600, nbf=now - 600, exp=now - TOKEN_LEEWAY_SECONDS + 1))
    accepted = await read_with(frozen, token)
    frozen.clock.advance(dt.timedelta(seconds=1))

    code, reason, _ = await read_with(frozen, token)

    assert accepted[1] == "ACCOUNT_NOT_FOUND"
    assert (code, reason) == (grpc.StatusCode.UNAUTHENTICATED, "TOKEN_EXPIRED")


async def test_a_missing_token_is_unauthenticated(stores, channel):
    credentials = new_client(stores)

    code, reason, _ = await rejected(call(channel, credentials, None, create_body()))

    assert (code, reason) == (grpc.StatusCode.UNAUTHENTICATED, "TOKEN_MISSING")


async def test_a_refresh_token_used_as_an_access_token_is_refused(stores, channel):
    credentials = new_client(stores)
    pair = await issue(channel, credentials)

    code, reason, _ = await rejected(call(channel, credentials, pair.refresh_token, create_body()))

    assert (code, reason) == (grpc.StatusCode.UNAUTHENTICATED, "TOKEN_INVALID")


async def test_wrong_client_credentials_are_unauthenticated(stores, channel):
    credentials = new_client(stores)
    for wrong in (Credentials("org-sec", credentials.client_id, credentials.client_secret + "x"),
                  Credentials("other-org", credentials.client_id, credentials.client_secret),
                  Credentials("org-sec", "cl_unknown", credentials.client_secret)):
        code, reason, _ = await rejected(issue(channel, wrong))
        assert (code, reason) == (grpc.StatusCode.UNAUTHENTICATED, "CLIENT_CREDENTIALS_INVALID")


# --- refresh tokens ----------------------------------------------------------------------------

async def test_a_refresh_rotates_the_refresh_token(stores, channel):
    credentials = new_client(stores)
    first = await issue(channel, credentials)

    second = await refresh(channel, first.refresh_token)

    assert second.refresh_token != first.refresh_token and second.access_token != first.access_token
    await call(channel, credentials, second.access_token, create_body())


async def test_a_retried_refresh_at_the_end_of_the_grace_window_returns_the_same_pair(stores, frozen):
    credentials = new_client(stores)
    first = await issue(frozen.channel, credentials)

    second = await refresh(frozen.channel, first.refresh_token)
    frozen.clock.advance(dt.timedelta(seconds=CLOCKED_GRACE_S))
    retried = await refresh(frozen.channel, first.refresh_token)

    assert retried == second


async def test_reuse_of_a_rotated_refresh_token_after_the_grace_window_revokes_the_family(stores, frozen):
    credentials = new_client(stores)
    channel = frozen.channel
    first = await issue(channel, credentials)
    second = await refresh(channel, first.refresh_token)
    frozen.clock.advance(dt.timedelta(seconds=CLOCKED_GRACE_S + 1))

    code, reason, _ = await rejected(refresh(channel, first.refresh_token))

    assert (code, reason) == (grpc.StatusCode.UNAUTHENTICATED, "REFRESH_TOKEN_REUSED")
    assert (await rejected(refresh(channel, second.refresh_token)))[1] == "REFRESH_TOKEN_REVOKED"
    assert (await read_with(frozen, second.access_token))[1] == "TOKEN_REVOKED"
    assert (await read_with(frozen, first.access_token))[1] == "TOKEN_REVOKED"


async def test_two_concurrent_refreshes_of_one_token_yield_one_pair(stores, frozen):
    """On the FixedClock worker: the losers' replay never falls out of the grace window, however
    long the machine makes them wait."""
    credentials = new_client(stores)
    channel = frozen.channel
    first = await issue(channel, credentials)

    results = await asyncio.gather(*(refresh(channel, first.refresh_token) for _ in range(8)))

    assert len({r.refresh_token for r in results}) == 1
    with psycopg.connect(stores.database_url) as connection:
        rows = connection.execute("SELECT count(*), count(DISTINCT family_id) FROM refresh_tokens"
                                  " WHERE client_id = %s", (credentials.client_id,)).fetchone()
    assert rows == (2, 1)


async def test_a_revoked_family_refuses_its_refresh_and_access_tokens(stores, channel):
    credentials = new_client(stores)
    pair = await issue(channel, credentials)
    revoke = auth_api.RevokeTokenRequest(request_id=uuid.uuid4().hex, refresh_token=pair.refresh_token)
    await call(channel, credentials, pair.access_token, revoke.SerializeToString(),
               method="/rewards.auth.v1.AuthService/RevokeToken")

    assert (await rejected(refresh(channel, pair.refresh_token)))[1] == "REFRESH_TOKEN_REVOKED"
    assert (await rejected(call(channel, credentials, pair.access_token, create_body())))[1] == "TOKEN_REVOKED"
    fresh = await issue(channel, credentials)  # A new family is not affected.
    await call(channel, credentials, fresh.access_token, create_body())


async def test_a_client_cannot_revoke_another_clients_tokens(stores, channel):
    owner, other = new_client(stores), new_client(stores)
    owner_pair, other_pair = await issue(channel, owner), await issue(channel, other)
    revoke = auth_api.RevokeTokenRequest(request_id=uuid.uuid4().hex, refresh_token=owner_pair.refresh_token)

    code, reason, _ = await rejected(call(channel, other, other_pair.access_token, revoke.SerializeToString(),
                                          method="/rewards.auth.v1.AuthService/RevokeToken"))

    assert (code, reason) == (grpc.StatusCode.UNAUTHENTICATED, "REFRESH_TOKEN_INVALID")
    await refresh(channel, owner_pair.refresh_token)


# --- request signatures ------------------------------------------------------------------------

# The timestamp window at its edges (+/-300 s accepted, +/-301 s refused) and every malformed
# signing header: tests/e2e/test_signing_headers.py, against a server with a FixedClock.


async def test_one_changed_byte_in_the_body_is_rejected(stores, channel):
    credentials = new_client(stores)
    token = (await issue(channel, credentials)).access_token
    card = uuid.uuid4().hex
    body = create_body(card)
    changed = body.replace(card.encode(), card[:-1].encode() + (b"0" if card[-1] != "0" else b"1"))

    code, reason, _ = await rejected(call(channel, credentials, token, body, sent_body=changed))

    assert (code, reason) == (grpc.StatusCode.UNAUTHENTICATED, "SIGNATURE_INVALID")
    assert accounts_holding(stores, card) == 0 and accounts_holding(stores, card[:-1] + card[-1]) == 0


async def test_a_replayed_nonce_is_rejected(stores, channel):
    credentials = new_client(stores)
    token = (await issue(channel, credentials)).access_token
    nonce = uuid.uuid4().hex
    await call(channel, credentials, token, create_body(), nonce=nonce)
    card = uuid.uuid4().hex

    code, reason, _ = await rejected(call(channel, credentials, token, create_body(card), nonce=nonce))

    assert (code, reason) == (grpc.StatusCode.UNAUTHENTICATED, "NONCE_REUSED")
    assert accounts_holding(stores, card) == 0


async def test_an_unsigned_mutation_is_rejected_and_an_unsigned_read_is_not(stores, channel):
    credentials = new_client(stores)
    token = (await issue(channel, credentials)).access_token
    card = uuid.uuid4().hex

    code, reason, _ = await rejected(call(channel, credentials, token, create_body(card), signed=False))
    read = accounts.GetAccountRequest(account_id=str(uuid.uuid4())).SerializeToString()
    read_code, read_reason, _ = await rejected(call(channel, credentials, token, read, method=GET, signed=False))

    assert (code, reason) == (grpc.StatusCode.UNAUTHENTICATED, "SIGNATURE_MISSING")
    assert accounts_holding(stores, card) == 0
    assert (read_code, read_reason) == (grpc.StatusCode.NOT_FOUND, "ACCOUNT_NOT_FOUND")


async def test_a_signature_made_with_another_clients_key_is_rejected(stores, channel):
    credentials, other = new_client(stores), new_client(stores)
    token = (await issue(channel, credentials)).access_token

    code, reason, _ = await rejected(call(channel, other, token, create_body()))

    assert (code, reason) == (grpc.StatusCode.UNAUTHENTICATED, "SIGNATURE_INVALID")


# --- scopes, stores, rate limits ---------------------------------------------------------------

async def test_a_missing_scope_is_permission_denied(stores, channel):
    credentials = new_client(stores, scopes=("accounts:read",))
    token = (await issue(channel, credentials)).access_token
    card = uuid.uuid4().hex

    code, reason, metadata = await rejected(call(channel, credentials, token, create_body(card)))

    assert (code, reason, metadata) == (grpc.StatusCode.PERMISSION_DENIED, "SCOPE_MISSING", {"scope": "accounts:write"})
    assert accounts_holding(stores, card) == 0


async def test_a_client_over_its_rate_is_limited_while_another_client_is_not(stores, channel):
    limited = new_client(stores, rate_per_second=1, rate_burst=3)
    other = new_client(stores)
    limited_token = (await issue(channel, limited)).access_token
    other_token = (await issue(channel, other)).access_token
    read = accounts.GetAccountRequest(account_id=str(uuid.uuid4())).SerializeToString()
    started = time.monotonic()

    outcomes = [await rejected(call(channel, limited, limited_token, read, method=GET)) for _ in range(8)]
    elapsed_s = time.monotonic() - started
    other_outcome = await rejected(call(channel, other, other_token, read, method=GET))

    reasons = [reason for _, reason, _ in outcomes]
    ran = 3 + int(elapsed_s) + 1  # The burst, and at most what the bucket refilled meanwhile.
    assert reasons[:3] == ["ACCOUNT_NOT_FOUND"] * 3  # The handler ran: within the burst.
    assert set(reasons) <= {"ACCOUNT_NOT_FOUND", "RATE_LIMITED"}
    assert reasons.count("ACCOUNT_NOT_FOUND") <= ran  # So RATE_LIMITED at least once unless 4 s passed.
    assert all(code == grpc.StatusCode.RESOURCE_EXHAUSTED and 0 < int(metadata["retry_after_ms"]) <= 1000
               for code, reason, metadata in outcomes if reason == "RATE_LIMITED")
    assert other_outcome[1] == "ACCOUNT_NOT_FOUND"


async def test_tokens_of_a_retired_signing_key_stay_valid_until_they_expire(stores, channel):
    """Runs last in this module: it changes the active key the other tests forge with."""
    from psycopg_pool import AsyncConnectionPool

    from core.adapters.tokens import rotate_signing_key

    credentials = new_client(stores)
    old_token = (await issue(channel, credentials)).access_token
    async with AsyncConnectionPool(stores.database_url, min_size=1, max_size=1) as pool:
        new_kid = await rotate_signing_key(pool)
    await asyncio.sleep(1.1)  # Unknown kids reload the key ring at most once a second.

    await call(channel, credentials, old_token, create_body())
    new_token = forge(stores, claims_for(credentials))
    await call(channel, credentials, new_token, create_body())

    assert jwt.get_unverified_header(new_token)["kid"] == new_kid != jwt.get_unverified_header(old_token)["kid"]
