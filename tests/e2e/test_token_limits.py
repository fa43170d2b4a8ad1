"""IssueToken and RefreshToken limits over real gRPC: a token bucket per client id and one per peer
address (RESOURCE_EXHAUSTED / RATE_LIMITED with RetryInfo), and the lock-out of a client id after
repeated wrong secrets (RESOURCE_EXHAUSTED / CLIENT_LOCKED with RetryInfo), checked before any
hash. The buckets refill per minute, so the boundaries hold however slow the machine is."""

from __future__ import annotations

import asyncio
import shutil
import tempfile
from pathlib import Path

import grpc
import pytest
from google.rpc import error_details_pb2
from grpc_status import rpc_status

from rewards_client import Credentials
from tests.e2e.harness import ServerProcess
from tests.e2e.test_security import issue, new_client, refresh, rejected

pytestmark = pytest.mark.e2e

PEER_BUCKET = "rewards:{p:127.0.0.1}:token-bucket"
CLIENT_BURST, PEER_BURST = 3, 8
FAILURES, LOCKOUT_S = 3, 3


def _server(stores, env: dict[str, str]):
    data_dir = Path(tempfile.mkdtemp(prefix="rc-tok-", dir="/tmp"))
    process = ServerProcess(data_dir, redis_url=stores.redis_url, database_url=stores.database_url, env=env)
    return process, data_dir


@pytest.fixture(scope="module")
def limited(stores):
    process, data_dir = _server(stores, {
        "REWARDS_TOKEN_RATE_PER_CLIENT": "1", "REWARDS_TOKEN_BURST_PER_CLIENT": str(CLIENT_BURST),
        "REWARDS_TOKEN_RATE_PER_PEER": "1", "REWARDS_TOKEN_BURST_PER_PEER": str(PEER_BURST)})
    try:
        yield process.start()
    finally:
        process.kill()
        shutil.rmtree(data_dir, ignore_errors=True)


@pytest.fixture(scope="module")
def locking(stores):
    process, data_dir = _server(stores, {
        "REWARDS_CLIENT_LOCKOUT_FAILURES": str(FAILURES), "REWARDS_CLIENT_LOCKOUT_WINDOW_S": "600",
        "REWARDS_CLIENT_LOCKOUT_S": str(LOCKOUT_S)})
    try:
        yield process.start()
    finally:
        process.kill()
        shutil.rmtree(data_dir, ignore_errors=True)


@pytest.fixture(autouse=True)
def fresh_peer_bucket(redis_client):
    """Every server of the session shares one Redis, and so this address's bucket: start each test
    with a full one and leave a full one behind."""
    redis_client.delete(PEER_BUCKET)
    yield
    redis_client.delete(PEER_BUCKET)


def retry_delay_ms(error: grpc.aio.AioRpcError) -> int | None:
    for detail in rpc_status.from_call(error).details:
        if detail.Is(error_details_pb2.RetryInfo.DESCRIPTOR):
            info = error_details_pb2.RetryInfo()
            detail.Unpack(info)
            return info.retry_delay.seconds * 1000 + info.retry_delay.nanos // 1_000_000
    return None


async def refused(awaitable) -> tuple[grpc.StatusCode, str, dict, int]:
    with pytest.raises(grpc.aio.AioRpcError) as failure:
        await awaitable
    code, reason, metadata = await rejected(_raise(failure.value))
    return code, reason, metadata, retry_delay_ms(failure.value)


async def _raise(error):
    raise error


def wrong(credentials: Credentials) -> Credentials:
    return Credentials(credentials.org_id, credentials.client_id, "cs_" + "w" * 43)


async def test_a_client_id_gets_its_burst_of_token_calls_then_rate_limited_while_another_is_not(stores, limited):
    one, other = new_client(stores), new_client(stores)
    async with grpc.aio.insecure_channel(limited.target) as channel:
        pairs = [await issue(channel, one) for _ in range(CLIENT_BURST - 1)]
        await refresh(channel, pairs[0].refresh_token)  # RefreshToken draws on the same bucket.
        code, reason, metadata, delay_ms = await refused(issue(channel, one))
        refresh_refused = await refused(refresh(channel, pairs[1].refresh_token))
        other_pair = await issue(channel, other)

    assert (code, reason, metadata["limit"]) == (grpc.StatusCode.RESOURCE_EXHAUSTED, "RATE_LIMITED", "per client")
    assert 0 < delay_ms <= 60_000 and int(metadata["retry_after_ms"]) == delay_ms
    assert refresh_refused[:2] == (grpc.StatusCode.RESOURCE_EXHAUSTED, "RATE_LIMITED")
    assert other_pair.access_token


async def test_a_peer_gets_its_burst_of_token_calls_whatever_client_ids_it_sends(stores, limited):
    strangers = [Credentials("org-sec", f"cl_unknown{n:06d}", "cs_" + "s" * 43) for n in range(PEER_BURST + 1)]
    real = new_client(stores)
    async with grpc.aio.insecure_channel(limited.target) as channel:
        answers = [await refused(issue(channel, stranger)) for stranger in strangers[:PEER_BURST]]
        over = await refused(issue(channel, strangers[PEER_BURST]))
        real_refused = await refused(issue(channel, real))

    assert {answer[1] for answer in answers} == {"CLIENT_CREDENTIALS_INVALID"}  # Within the burst: hashed.
    assert (over[0], over[1], over[2]["limit"]) == (grpc.StatusCode.RESOURCE_EXHAUSTED, "RATE_LIMITED", "per peer")
    assert 0 < over[3] <= 60_000
    assert real_refused[1] == "RATE_LIMITED"  # Even a right secret: the peer is over its rate.


async def test_wrong_secrets_lock_the_client_id_before_any_hash_and_the_lock_expires(stores, locking):
    credentials = new_client(stores)
    async with grpc.aio.insecure_channel(locking.target) as channel:
        below = [await refused(issue(channel, wrong(credentials))) for _ in range(FAILURES - 1)]
        pair = await issue(channel, credentials)  # One short of the limit: not locked; success resets the count.
        again = [await refused(issue(channel, wrong(credentials))) for _ in range(FAILURES - 1)]
        still_open = await issue(channel, credentials)
        locking_failures = [await refused(issue(channel, wrong(credentials))) for _ in range(FAILURES)]
        locked = await refused(issue(channel, credentials))
        locked_wrong = await refused(issue(channel, wrong(credentials)))
        refreshed = await refresh(channel, pair.refresh_token)  # A running checkout is not logged out.
        await asyncio.sleep(LOCKOUT_S + 1)
        after = await issue(channel, credentials)

    assert {b[1] for b in below + again + locking_failures} == {"CLIENT_CREDENTIALS_INVALID"}
    assert pair.access_token and still_open.access_token
    assert locked[:2] == locked_wrong[:2] == (grpc.StatusCode.RESOURCE_EXHAUSTED, "CLIENT_LOCKED")
    assert 0 < locked[3] <= LOCKOUT_S * 1000
    assert refreshed.access_token and after.access_token


async def test_an_unknown_client_id_is_locked_the_same_way(locking):
    stranger = Credentials("org-sec", "cl_never_created", "cs_" + "u" * 43)
    async with grpc.aio.insecure_channel(locking.target) as channel:
        failures = [await refused(issue(channel, stranger)) for _ in range(FAILURES)]
        locked = await refused(issue(channel, stranger))

    assert {f[1] for f in failures} == {"CLIENT_CREDENTIALS_INVALID"}
    assert locked[:2] == (grpc.StatusCode.RESOURCE_EXHAUSTED, "CLIENT_LOCKED")
