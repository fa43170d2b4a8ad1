"""End to end over gRPC on a real Redis Cluster (3 masters + 3 replicas): the server built with
REDIS_URL=redis+cluster://... serves coupons, points and replays, every script on its own slot."""

from __future__ import annotations

import asyncio
import uuid

import psycopg
import pytest
from rewards.coupons.v1 import coupon_service_pb2 as coupons

from core.adapters.redis.client import connect_sync
from core.adapters.redis.slots import read_records, spanning
from core.service.coupons import offer_keys
from tests.e2e.builders import offer_with_code, reason_of, redeem
from tests.e2e.coupon_accounts import new_accounts
from tests.e2e.test_points import balance, earn, new_account, new_program, otp
from tests.e2e.test_points import redeem as redeem_points

pytestmark = pytest.mark.e2e

LIMIT = 20
CALLERS = 60


def redemption_count(database_url: str, offer_id: str) -> int:
    with psycopg.connect(database_url) as connection:
        return connection.execute("SELECT count(*) FROM coupon_redemptions WHERE offer_id = %s",
                                  (offer_id,)).fetchone()[0]


async def test_concurrent_redemptions_of_a_hot_offer_stop_exactly_at_its_limit(
        cluster_client, redis_cluster, cluster_database):
    client = cluster_client
    offer_id, code = await offer_with_code(client, "cluster", max_redemption_count=LIMIT)
    accounts = await new_accounts(client, CALLERS, "cluster")

    reasons = await asyncio.gather(*(reason_of(client.call(client.coupons.RedeemCoupon, redeem(code, account)))
                                     for account in accounts))

    assert reasons.count(None) == LIMIT
    assert set(reasons) == {None, "REDEMPTION_LIMIT_REACHED"}
    assert redemption_count(cluster_database, offer_id) == LIMIT
    with connect_sync(redis_cluster.url) as store:  # The offer's counter, on its slot's master.
        assert int(store.get(offer_keys(offer_id, "-", "-")[1])) == LIMIT


async def test_an_earn_then_an_otp_redemption_move_the_wallet_and_a_retry_replays(cluster_client, cluster_server):
    client = cluster_client
    account = await new_account(client, await new_program(client))
    assert (await earn(client, account, 10_000)).transaction.points == 100
    otp_id, code = await otp(client, cluster_server, account, 30)
    request = redeem_points(account, 30, otp_id, code, request_id=uuid.uuid4().hex)

    first = await client.call(client.loyalty.RedeemPoints, request)
    again = await client.call(client.loyalty.RedeemPoints, request)

    assert again == first
    assert (first.transaction.points, first.balance.available_points) == (-30, 70)
    assert (await balance(client, account)).posted_points == 70


async def test_a_replayed_request_id_answers_the_first_redemption_and_a_reused_one_is_refused(cluster_client):
    client = cluster_client
    offer_id, code = await offer_with_code(client, "cluster", max_redemption_count=5)
    first_account, other_account = await new_accounts(client, 2, "cluster")
    request = redeem(code, first_account, request_id=uuid.uuid4().hex)

    answers = await asyncio.gather(*(client.call(client.coupons.RedeemCoupon, request) for _ in range(10)))
    reused = coupons.RedeemCouponRequest()
    reused.CopyFrom(request)
    reused.account_id = other_account

    assert len({answer.redemption_id for answer in answers}) == 1
    assert await reason_of(client.call(client.coupons.RedeemCoupon, reused)) == "IDEMPOTENCY_KEY_REUSED"


async def test_every_script_call_of_the_server_keeps_its_keys_on_one_slot(cluster_client, cluster_server):
    client = cluster_client
    offer_id, code = await offer_with_code(client, "cluster", max_redemption_count=50)
    accounts = await new_accounts(client, 8, "cluster")
    await asyncio.gather(*(client.call(client.coupons.RedeemCoupon, redeem(code, account)) for account in accounts))
    account = await new_account(client, await new_program(client))
    await earn(client, account, 5_000)

    records = read_records(cluster_server.slots_file)
    names = {name for name, _ in records}

    assert {"coupon_redeem", "idempotency_claim", "admit_request", "wallet_reserve"} <= names
    assert spanning(records) == []
    assert len({slot for _, slots in records for slot in slots}) > 3  # Spread over the slots, not one.


async def test_two_servers_on_the_cluster_share_one_limit_and_one_request_id(
        cluster_client, redis_cluster, cluster_database, cluster_credentials):
    """A second supervisor on the same cluster and database (as another machine would be), calls
    spread over both round robin: the hot offer's limit is counted once across them, and a
    request_id answered by one replays on the other."""
    import shutil
    import tempfile
    from pathlib import Path

    from rewards_client import RewardsClient
    from tests.e2e.harness import ServerProcess

    data_dir = Path(tempfile.mkdtemp(prefix="rc-cl2-", dir="/tmp"))
    second = ServerProcess(data_dir, redis_url=redis_cluster.url, database_url=cluster_database).start()
    try:
        one = cluster_client  # The program exists: made on the first server.
        async with RewardsClient.connect(second.target, cluster_credentials, timeout_s=60) as other:
            offer_id, code = await offer_with_code(one, "cluster", max_redemption_count=LIMIT)
            accounts = await new_accounts(other, CALLERS, "cluster")
            clients = (one, other)
            reasons = await asyncio.gather(*(
                reason_of(clients[index % 2].call(clients[index % 2].coupons.RedeemCoupon, redeem(code, account)))
                for index, account in enumerate(accounts)))
            replayed_offer, replayed_code = await offer_with_code(one, "cluster", max_redemption_count=5)
            request = redeem(replayed_code, accounts[0], request_id=uuid.uuid4().hex)
            first = await one.call(one.coupons.RedeemCoupon, request)
            again = await other.call(other.coupons.RedeemCoupon, request)
    finally:
        second.kill()
        shutil.rmtree(data_dir, ignore_errors=True)

    assert reasons.count(None) == LIMIT
    assert set(reasons) == {None, "REDEMPTION_LIMIT_REACHED"}
    assert redemption_count(cluster_database, offer_id) == LIMIT
    assert again == first and redemption_count(cluster_database, replayed_offer) == 1
