"""Two servers (two supervisors on their own ports, as two machines would be) sharing one Redis and
one Postgres, and clients spreading their calls over both round robin (as behind any gRPC load
balancer): an offer's limit, a wallet's balance and idempotency hold across them (a request_id
retried against the other server replays the first answer), and under load a SIGKILL of one
loses nothing acknowledged and never lets the limit be exceeded."""

from __future__ import annotations

import asyncio
import itertools
import shutil
import tempfile
import time
import uuid
from pathlib import Path

import psycopg
import pytest
from rewards.coupons.v1 import coupon_service_pb2 as coupons

from core.adapters.redis.client import connect_sync
from core.service.coupons import offer_keys
from rewards_client import RewardsClient, errors
from tests.e2e.builders import offer_with_code, reason_of, redeem
from tests.e2e.coupon_accounts import new_accounts
from tests.e2e.test_points import balance, earn, new_account, new_program, otp
from tests.e2e.test_points import redeem as redeem_points
from tests.ledger import check_ledger

pytestmark = pytest.mark.e2e

PROGRAM = "two-servers"
SETTLED_S = 75
"""Long enough for the dead server's in-flight markers and reservations (30 s) and a sweep."""
UNSETTLED = ("", "REQUEST_IN_FLIGHT", "STATE_REBUILDING", "STORE_UNAVAILABLE")


@pytest.fixture(scope="module")
def servers(stores):
    data_dir = Path(tempfile.mkdtemp(prefix="rc-two-", dir="/tmp"))
    otp_file = data_dir / "otp.jsonl"  # Both capture their OTPs in one file (appends of one line each).
    processes = []
    try:
        for name in ("a", "b"):
            process = ServerPair.start(data_dir / name, stores, otp_file)
            processes.append(process)
        yield processes
    finally:
        for process in processes:
            process.kill()
        shutil.rmtree(data_dir, ignore_errors=True)


class ServerPair:
    @staticmethod
    def start(data_dir: Path, stores, otp_file: Path):
        from tests.e2e.harness import ServerProcess

        process = ServerProcess(data_dir, redis_url=stores.redis_url, database_url=stores.database_url, env={
            "REWARDS_OTP_SENDER": f"capture:{otp_file}", "REWARDS_OTP_RATE_MAX": "1000"})
        process.otp_file = otp_file
        return process.start()


class RoundRobin:
    """One client per server; `next()` hands them out in turn."""

    def __init__(self, clients: list[RewardsClient]) -> None:
        self.clients = clients
        self._turn = itertools.cycle(range(len(clients)))

    def next(self) -> RewardsClient:
        return self.clients[next(self._turn)]


@pytest.fixture
async def spread(servers, credentials):
    clients = [RewardsClient.connect(server.target, credentials, timeout_s=30) for server in servers]
    try:
        await ensure_program_once(clients[0])
        yield RoundRobin(clients)
    finally:
        for client in clients:
            await client.channel.close()


async def ensure_program_once(client: RewardsClient) -> None:
    from tests.e2e.programs import ensure_program

    await ensure_program(client, PROGRAM)


def ledger(stores, offer_id: str) -> dict[str, str]:
    """request_id -> redemption_id of the offer's redemptions in effect."""
    with psycopg.connect(stores.database_url) as connection:
        rows = connection.execute(
            "SELECT request_id, redemption_id::text FROM coupon_redemptions WHERE offer_id = %s", (offer_id,)).fetchall()
    assert len(rows) == len({request_id for request_id, _ in rows}), "a request redeemed twice"
    return dict(rows)


async def test_a_hot_offer_spread_over_two_servers_stops_exactly_at_its_limit(spread, stores):
    limit, callers = 25, 80
    offer_id, code = await offer_with_code(spread.next(), PROGRAM, max_redemption_count=limit)
    accounts = await new_accounts(spread.next(), callers, PROGRAM)

    reasons = await asyncio.gather(*(reason_of(client.call(client.coupons.RedeemCoupon, redeem(code, account)))
                                     for client, account in ((spread.next(), account) for account in accounts)))

    assert reasons.count(None) == limit
    assert set(reasons) == {None, "REDEMPTION_LIMIT_REACHED"}
    assert len(ledger(stores, offer_id)) == limit
    with connect_sync(stores.redis_url) as store:
        assert int(store.get(offer_keys(offer_id, "-", "-")[1])) == limit


async def test_a_request_id_retried_against_the_other_server_replays_and_reused_is_refused(spread):
    first_server, other_server = spread.clients
    offer_id, code = await offer_with_code(first_server, PROGRAM, max_redemption_count=5)
    account, other_account = await new_accounts(first_server, 2, PROGRAM)
    request = redeem(code, account, request_id=uuid.uuid4().hex)

    # The same request on both servers at once, then again on each: one redemption.
    answers = await asyncio.gather(*(client.call(client.coupons.RedeemCoupon, request)
                                     for client in (first_server, other_server) * 5))
    again = await other_server.call(other_server.coupons.RedeemCoupon, request)
    reused = coupons.RedeemCouponRequest()
    reused.CopyFrom(request)
    reused.account_id = other_account

    assert {answer.redemption_id for answer in answers} == {again.redemption_id}
    assert await reason_of(other_server.call(other_server.coupons.RedeemCoupon, reused)) == "IDEMPOTENCY_KEY_REUSED"
    assert await reason_of(first_server.call(first_server.coupons.RedeemCoupon, reused)) == "IDEMPOTENCY_KEY_REUSED"


async def test_a_wallet_debited_through_both_servers_at_once_never_goes_below_zero(spread, servers, stores):
    client = spread.next()
    account = await new_account(client, await new_program(client))
    earns = await asyncio.gather(*(earn(spread.next(), account, 1_000) for _ in range(10)))  # 10 x 10 points.
    assert sum(reply.transaction.points for reply in earns) == 100
    tickets = [await otp(spread.next(), servers[0], account, 30) for _ in range(8)]

    results = await asyncio.gather(*(reason_of(c.call(c.loyalty.RedeemPoints, redeem_points(account, 30, *ticket)))
                                     for c, ticket in ((spread.next(), ticket) for ticket in tickets)))

    assert results.count(None) == 3  # 3 x 30 of 100 points, whichever server took them.
    assert set(results) - {None} == {"INSUFFICIENT_POINTS"}
    for one in spread.clients:
        assert (await balance(one, account)).posted_points == 10
    check_ledger(stores.database_url, stores.redis_url)


async def answer(client: RewardsClient, request):
    """The reply or the final refusal reason; None when the call got no definite answer."""
    try:
        return await client.call(client.coupons.RedeemCoupon, request)
    except errors.RewardsError as error:
        if error.reason in UNSETTLED or error.code.name == "UNAVAILABLE" and not error.reason:
            return None
        return error.reason


async def test_one_of_two_servers_killed_under_load_loses_nothing_acknowledged_and_keeps_the_limit(
        stores, credentials):
    limit, callers = 60, 200
    data_dir = Path(tempfile.mkdtemp(prefix="rc-two-kill-", dir="/tmp"))
    doomed = ServerPair.start(data_dir / "doomed", stores, data_dir / "otp.jsonl")
    survivor = ServerPair.start(data_dir / "survivor", stores, data_dir / "otp.jsonl")
    clients = [RewardsClient.connect(server.target, credentials, timeout_s=10, attempts_max=1)
               for server in (doomed, survivor)]
    try:
        await ensure_program_once(clients[1])
        offer_id, code = await offer_with_code(clients[1], PROGRAM, max_redemption_count=limit)
        accounts = await new_accounts(clients[1], callers, PROGRAM)
        requests = [redeem(code, account, request_id=uuid.uuid4().hex) for account in accounts]
        # Round robin: every other request goes to the server that is about to die.
        burst = [asyncio.ensure_future(answer(clients[index % 2], request)) for index, request in enumerate(requests)]
        while sum(task.done() for task in burst) < 10:
            await asyncio.sleep(0.001)
        doomed.kill()  # Mid-burst: some answered, some committed unanswered, some reserved only.
        answers = await asyncio.gather(*burst)
        acknowledged = {request.request_id: reply.redemption_id for request, reply in zip(requests, answers)
                        if isinstance(reply, coupons.RedeemCouponResponse)}
        assert acknowledged

        # The callers retry what got no definite answer on the server left (the balancer's only one).
        client = clients[1]
        deadline = time.monotonic() + SETTLED_S
        final = list(answers)
        while any(result is None for result in final) and time.monotonic() < deadline:
            final = list(await asyncio.gather(*(answer(client, request) if result is None else _same(result)
                                                for request, result in zip(requests, final))))
            await asyncio.sleep(1)
        assert all(result is not None for result in final)
        replays = await asyncio.gather(*(answer(client, request) for request in requests[:40]))
        assert replays == final[:40]  # Those first answered by the dead server replay on the other.

        in_ledger = ledger(stores, offer_id)
        succeeded = {request.request_id: result.redemption_id for request, result in zip(requests, final)
                     if isinstance(result, coupons.RedeemCouponResponse)}
        assert set(acknowledged.items()) <= set(in_ledger.items())  # Nothing acknowledged was lost.
        assert succeeded == in_ledger  # Every success is one ledger row, and every row was answered.
        assert len(in_ledger) <= limit
        assert {result for result in final if isinstance(result, str)} <= {"REDEMPTION_LIMIT_REACHED"}
        # Once the dead server's reservations are swept by the survivor, Redis counts the ledger,
        # and the offer fills up to its limit exactly.
        counter = offer_keys(offer_id, "-", "-")[1]
        with connect_sync(stores.redis_url) as store:
            while int(store.get(counter) or 0) != len(in_ledger) and time.monotonic() < deadline + 30:
                await asyncio.sleep(0.5)
            assert int(store.get(counter) or 0) == len(in_ledger)
        more = [redeem(code, account) for account in await new_accounts(client, limit, PROGRAM)]
        extra = await asyncio.gather(*(answer(client, request) for request in more))
        assert sum(isinstance(result, coupons.RedeemCouponResponse) for result in extra) == limit - len(in_ledger)
        assert len(ledger(stores, offer_id)) == limit
    finally:
        for client in clients:
            await client.channel.close()
        doomed.kill()
        survivor.kill()
        shutil.rmtree(data_dir, ignore_errors=True)


async def _same(result):
    return result
