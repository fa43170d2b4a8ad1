"""Failover on a real Redis Cluster (3 masters + 3 replicas of its own): under load on one hot
offer with a limit, the master of the offer's slot is SIGKILLed after its replica fell behind
(SIGSTOPped for a moment, so the replica that takes over has really lost the master's last
writes: reservations whose redemptions the ledger committed). Callers get retryable answers until
the replica is promoted and the server has rebuilt the state from the ledger on the new topology
(core/adapters/redis/state.py; the node fence in prelude/redemption_limits.lua refuses to count
on the promoted node before that); then the load goes on. No limit is exceeded, every
acknowledged redemption is in the ledger, and Redis agrees with the ledger."""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import signal
import tempfile
import time
import uuid
from pathlib import Path

import psycopg
import pytest
import redis
from rewards_client import RewardsClient
from rewards_client.errors import RewardsError

from core.adapters.embedded_cluster import EmbeddedRedisCluster
from core.adapters.postgres.migrations import migrate
from core.adapters.redis.client import connect_sync
from core.adapters.redis.coupons import epoch_key, offer_keys
from tests.e2e.builders import offer_with_code, reason_of, redeem
from tests.e2e.coupon_accounts import new_accounts
from tests.e2e.harness import ServerProcess

pytestmark = pytest.mark.e2e

LIMIT = 60
CALLERS = 120
CONCURRENCY = 8
PACE_S = 0.2
"""Each caller's pause between its redemptions: the load lasts through the failover."""
LAGGING = 20
"""The replica is stopped LAGGING redemptions before the limit, and the master killed once the
limit is reached: the replica that takes over has lost up to LAGGING counted redemptions (so,
unfenced, it would admit that many beyond the limit)."""
LAG_S_MAX = 1.2
"""The longest the replica stays stopped (under the cluster's node timeout, 2 s, so that it
stays eligible for promotion)."""
CALL_TIMEOUT_S = 10
LOAD_DEADLINE_S = 120


@pytest.fixture(scope="module")
def failover_cluster():
    directory = Path(tempfile.mkdtemp(prefix="rc-fo-", dir="/tmp"))
    cluster = EmbeddedRedisCluster(directory)
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.stop()
        shutil.rmtree(directory, ignore_errors=True)


@pytest.fixture(scope="module")
def failover_stack(failover_cluster, stores):
    from core.service.clients import create_client
    from rewards_client import Credentials
    from tests.conftest import ALL_SCOPES

    database_url = stores.create_database()
    migrate(database_url)
    client_id, secret = create_client(database_url, "org-failover", ALL_SCOPES, rate_per_second=100_000,
                                      rate_burst=100_000)
    data_dir = Path(tempfile.mkdtemp(prefix="rc-fos-", dir="/tmp"))
    server = ServerProcess(data_dir, redis_url=failover_cluster.url, database_url=database_url)
    try:
        yield server.start(), database_url, Credentials("org-failover", client_id, secret)
    finally:
        server.kill()
        shutil.rmtree(data_dir, ignore_errors=True)


def ledger_epoch(database_url: str) -> int:
    with psycopg.connect(database_url) as connection:
        return connection.execute("SELECT epoch FROM redis_epoch").fetchone()[0]


def ledger_redemptions(database_url: str, offer_id: str) -> set[str]:
    with psycopg.connect(database_url) as connection:
        return {row[0] for row in connection.execute(
            "SELECT redemption_id::text FROM coupon_redemptions WHERE offer_id = %s", (offer_id,))}


async def test_a_killed_master_with_a_lagging_replica_loses_no_acknowledged_redemption_and_no_limit(
        failover_cluster, failover_stack):
    server, database_url, credentials = failover_stack
    async with RewardsClient.connect(server.target, credentials, timeout_s=CALL_TIMEOUT_S, attempts_max=1) as client:
        from tests.e2e.programs import ensure_program

        await ensure_program(client, "failover")
        offer_id, code = await offer_with_code(client, "failover", max_redemption_count=LIMIT)
        accounts = await new_accounts(client, CALLERS, "failover")
        epoch_before = ledger_epoch(database_url)
        master = failover_cluster.master_port_of(epoch_key(offer_id))
        (replica,) = failover_cluster.replica_ports_of(master)

        queue: asyncio.Queue[str] = asyncio.Queue()
        for account in accounts:
            queue.put_nowait(account)
        acknowledged: dict[str, str] = {}
        refused: list[str] = []
        retryable: list[str] = []
        enough, full = asyncio.Event(), asyncio.Event()
        deadline = time.monotonic() + LOAD_DEADLINE_S

        async def caller() -> None:
            while not queue.empty():
                account = queue.get_nowait()
                request = redeem(code, account, request_id=uuid.uuid4().hex)
                while True:  # The same request (and request_id) until a definitive answer.
                    assert time.monotonic() < deadline, "the load never finished"
                    try:
                        reply = await client.call(client.coupons.RedeemCoupon, request)
                    except RewardsError as error:
                        if error.retryable:
                            retryable.append(error.reason or error.code.name)
                            await asyncio.sleep(0.05)
                            continue
                        refused.append(error.reason)
                        break
                    acknowledged[account] = reply.redemption_id
                    if len(acknowledged) >= LIMIT - LAGGING:
                        enough.set()
                    if len(acknowledged) >= LIMIT:
                        full.set()
                    break
                await asyncio.sleep(PACE_S)

        callers = [asyncio.create_task(caller()) for _ in range(CONCURRENCY)]
        await asyncio.wait_for(enough.wait(), LOAD_DEADLINE_S)
        os.kill(failover_cluster.node(replica).process.pid, signal.SIGSTOP)
        acknowledged_while_lagging = len(acknowledged)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(full.wait(), LAG_S_MAX)
        acknowledged_while_lagging = len(acknowledged) - acknowledged_while_lagging
        failover_cluster.kill(master)
        os.kill(failover_cluster.node(replica).process.pid, signal.SIGCONT)
        promoted = await asyncio.to_thread(failover_cluster.wait_promoted, master, epoch_key(offer_id))
        await asyncio.gather(*callers)

    assert promoted == replica
    assert acknowledged_while_lagging > 0  # The promoted replica missed these redemptions' reservations.
    internal = [str(entry.get("exception", entry))[-1500:] for entry in server.log
                if entry.get("level") in ("error", "critical")]
    assert retryable and set(retryable) <= {"STORE_UNAVAILABLE", "STATE_REBUILDING", "REQUEST_IN_FLIGHT"}, internal[:3]
    assert len(acknowledged) == LIMIT
    assert set(refused) == {"REDEMPTION_LIMIT_REACHED"}
    assert ledger_redemptions(database_url, offer_id) == set(acknowledged.values())
    assert ledger_epoch(database_url) > epoch_before  # Rebuilt from the ledger on the new topology.
    with connect_sync(failover_cluster.url) as store:
        assert int(store.get(offer_keys(offer_id, "-", "-")[1])) == LIMIT
    assert any(entry.get("message") == "redis cluster topology changed: rebuilding" for entry in server.log)


async def test_the_node_fence_refuses_an_offer_on_a_promoted_replica_until_it_is_loaded_under_a_new_epoch(
        failover_cluster):
    """The scripts alone, no server: counters loaded on a master, then its replica promoted (a
    manual takeover once it holds every write: WAIT): coupon_redeem and coupon_check on the
    new master answer "not loaded", and loading again under the same epoch does not lift it (an
    in-flight commit under it could be missed); a load under a new epoch does."""
    from core.adapters.redis.client import connect
    from core.adapters.redis.coupons import CouponRedis, LimitRefusal, Refused, Reserved, keys_of
    from core.adapters.redis.scripts import Scripts

    epoch = 7
    while True:  # An offer on a shard that still has a replica (the test above killed a master).
        offer_id = uuid.uuid4().hex
        key = epoch_key(offer_id)
        if failover_cluster.replica_ports_of(failover_cluster.master_port_of(key)):
            break

    async def attempt(client, at_epoch: int):
        pools = CouponRedis(client, Scripts(client))
        reply = await pools.redeem(keys=keys_of(offer_id, "acct", at_epoch), coupon_id=None, offer_id=offer_id,
                                   epoch=at_epoch, request_key=uuid.uuid4().hex, now_ms=1, gap_ms=0, account_max=0,
                                   offer_max=10, deadline_ms=60_000, account_id="acct", version=0)
        checked = await pools.check(offer_id=offer_id, account_id="acct", epoch=at_epoch, now_ms=1, gap_ms=0,
                                    account_max=0, offer_max=10, version=0)
        return reply, checked

    async def load(client, at_epoch: int, count: int) -> bool:
        return await CouponRedis(client, Scripts(client)).load(
            offer_id=offer_id, epoch=at_epoch, counters=[(keys_of(offer_id, "-", "-").count, count)])

    client = connect(failover_cluster.url)
    try:
        assert await load(client, epoch, 3)
        reply, checked = await attempt(client, epoch)
        assert isinstance(reply, Reserved) and reply.count == 4 and checked == ()
    finally:
        await client.aclose()
    master = failover_cluster.master_port_of(key)
    (replica,) = failover_cluster.replica_ports_of(master)
    with redis.Redis(host="127.0.0.1", port=master) as direct:
        assert direct.execute_command("WAIT", 1, 5000) == 1
    await asyncio.to_thread(failover_cluster.failover, replica, key, takeover=True)

    client = connect(failover_cluster.url)
    try:
        not_loaded = Refused(LimitRefusal.NOT_LOADED, 0)
        assert await client.get(key) == str(epoch).encode()  # The state was replicated, epoch and all ...
        assert await attempt(client, epoch) == (not_loaded, (not_loaded,))  # ... and is not trusted.
        assert not await load(client, epoch, 4)
        assert await attempt(client, epoch) == (not_loaded, (not_loaded,))
        assert await load(client, epoch + 1, 4)
        reply, checked = await attempt(client, epoch + 1)
        assert isinstance(reply, Reserved) and reply.count == 5 and checked == ()
    finally:
        await client.aclose()


async def test_an_offer_whose_slot_moved_to_another_master_is_served_again_after_a_rebuild(
        failover_cluster, failover_stack):
    """A resharding moves an offer's keys, its node stamp with them, to another master: the node
    fence refuses it there until the server notices the slot map changed and rebuilds (the slots
    are part of the recorded topology), then the offer is served, its count intact."""
    server, database_url, credentials = failover_stack
    async with RewardsClient.connect(server.target, credentials, timeout_s=CALL_TIMEOUT_S, attempts_max=1) as client:
        from tests.e2e.programs import ensure_program

        await ensure_program(client, "failover")
        offer_id, code = await offer_with_code(client, "failover", max_redemption_count=3)
        first, second, third, fourth = await new_accounts(client, 4, "failover")
        await client.call(client.coupons.RedeemCoupon, redeem(code, first))
        key = epoch_key(offer_id)
        source = failover_cluster.master_port_of(key)
        target = next(port for port in failover_cluster.master_ports() if port != source)
        epoch_before = ledger_epoch(database_url)

        await asyncio.to_thread(failover_cluster.move_slot, key, target)

        request = redeem(code, second, request_id=uuid.uuid4().hex)
        deadline = time.monotonic() + 30
        retried = []
        while True:
            try:
                await client.call(client.coupons.RedeemCoupon, request)
                break
            except RewardsError as error:
                assert error.retryable and time.monotonic() < deadline, (error.reason, retried[-3:])
                retried.append(error.reason)
                await asyncio.sleep(0.1)
        await client.call(client.coupons.RedeemCoupon, redeem(code, third))
        limited = await reason_of(client.call(client.coupons.RedeemCoupon, redeem(code, fourth)))

    assert limited == "REDEMPTION_LIMIT_REACHED"

    assert ledger_epoch(database_url) > epoch_before
    assert len(ledger_redemptions(database_url, offer_id)) == 3
    with connect_sync(failover_cluster.url) as store:
        assert int(store.get(offer_keys(offer_id, "-", "-")[1])) == 3
