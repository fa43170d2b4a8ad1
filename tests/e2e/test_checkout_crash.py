"""A server killed (SIGKILL) in the middle of a burst of basket authorizations and captures, then
restarted, the checkouts retrying with the same request_ids: every captured basket is posted
exactly once (its coupon, burn and earn), the offer's limit holds, and once the dead worker's
reservations are past their deadline and swept nothing is held: Redis agrees with the ledger."""

from __future__ import annotations

import asyncio
import shutil
import tempfile
import time
import uuid
from pathlib import Path

import psycopg
import pytest
from core.adapters.redis.client import connect_sync
from google.protobuf import duration_pb2
from rewards.checkout.v1 import checkout_service_pb2 as api
from rewards.checkout.v1 import resources_pb2 as baskets

from core.domain import limits
from rewards_client import RewardsClient, errors
from tests.e2e.harness import ServerProcess
from tests.e2e.test_checkout import authorize, burn, off, offer
from tests.e2e.test_points import earn, new_account, new_program
from tests.ledger import check_ledger

BASKETS = 40
LIMIT = 30
HOLD_S = 20
SETTLED_S = HOLD_S + limits.BASKET_SWEEP_MARGIN_MS / 1000 + 45
"""The dead worker's holds reach their deadline (hold + margin), then a sweep (10 s) settles them."""
UNDECIDED = ("", "REQUEST_IN_FLIGHT", "STATE_REBUILDING", "STORE_UNAVAILABLE")


@pytest.fixture
def data_dir():
    directory = Path(tempfile.mkdtemp(prefix="rc-bcrash-", dir="/tmp"))
    yield directory
    shutil.rmtree(directory, ignore_errors=True)


def server_of(stores, data_dir: Path, name: str) -> ServerProcess:
    process = ServerProcess(data_dir / name, redis_url=stores.redis_url, database_url=stores.database_url, env={
        "REWARDS_OTP_SENDER": f"capture:{data_dir / 'otp.jsonl'}", "REWARDS_OTP_RATE_MAX": "1000"})
    process.otp_file = data_dir / "otp.jsonl"
    return process.start()


async def answer(call):
    """The basket, or a final refusal reason; None when the call got no definite answer."""
    try:
        return (await call).basket
    except errors.RewardsError as error:
        return None if error.reason in UNDECIDED or not error.reason else error.reason


async def step(client: RewardsClient, pair: tuple, state: list) -> None:
    """Authorize (if undecided), then capture (if authorized and undecided)."""
    authorization, capture_id = pair
    if state[0] is None:
        state[0] = await answer(client.call(client.checkout.AuthorizeBasket, authorization))
    if isinstance(state[0], baskets.Basket) and state[1] is None:
        state[1] = await answer(client.call(client.checkout.CaptureBasket, api.CaptureBasketRequest(
            request_id=capture_id, basket_id=state[0].basket_id)))


async def test_a_killed_server_posts_every_captured_basket_once_and_holds_nothing_after_the_sweep(
        stores, credentials, data_dir):
    first = server_of(stores, data_dir, "first")
    try:
        async with RewardsClient.connect(first.target, credentials, timeout_s=10, attempts_max=1) as client:
            program_id = await new_program(client)
            offer_id, code = await offer(client, program_id, off(100), max_redemption_count=LIMIT)
            accounts = [await new_account(client, program_id) for _ in range(BASKETS)]
            await asyncio.gather(*(earn(client, account_id, 10_000) for account_id in accounts))  # 100 points each
            pairs = [(authorize(account_id, code, request_id=uuid.uuid4().hex, earn_points=True,
                                points_burn=await burn(client, first, account_id, 10),
                                hold_duration=duration_pb2.Duration(seconds=HOLD_S)), uuid.uuid4().hex)
                     for account_id in accounts]
            states = [[None, None] for _ in pairs]
            burst = [asyncio.ensure_future(step(client, pair, state)) for pair, state in zip(pairs, states)]
            while sum(isinstance(state[1], baskets.Basket) for state in states) < 3 and not all(
                    task.done() for task in burst):
                await asyncio.sleep(0.001)
            first.kill()  # Mid-burst: some baskets captured, some authorized only, some reserved only.
            await asyncio.gather(*burst, return_exceptions=True)
    finally:
        first.kill()
    acknowledged = {pair[1]: state[1].basket_id for pair, state in zip(pairs, states)
                    if isinstance(state[1], baskets.Basket)}
    assert acknowledged and len(acknowledged) < BASKETS

    second = server_of(stores, data_dir, "second")
    try:
        async with RewardsClient.connect(second.target, credentials, timeout_s=10) as client:
            deadline = time.monotonic() + SETTLED_S
            while time.monotonic() < deadline and any(
                    state[0] is None or (isinstance(state[0], baskets.Basket) and state[1] is None)
                    for state in states):
                await asyncio.gather(*(step(client, pair, state) for pair, state in zip(pairs, states)))
                await asyncio.sleep(1)
            # Every checkout has its definite answer: a captured basket, or a precise refusal.
            assert all(state[0] is not None for state in states)
            captured = {pair[1]: state[1].basket_id for pair, state in zip(pairs, states)
                        if isinstance(state[1], baskets.Basket)}
            refusals = {state[0] for state in states if isinstance(state[0], str)} | {
                state[1] for state in states if isinstance(state[1], str)}
            assert set(acknowledged.items()) <= set(captured.items())  # Nothing acknowledged was lost.
            assert refusals <= {"REDEMPTION_LIMIT_REACHED", "BASKET_EXPIRED"}, refusals
            # A retry of a captured pair replays its answers.
            for pair, state in list(zip(pairs, states))[:10]:
                if isinstance(state[1], baskets.Basket):
                    again = await client.call(client.checkout.CaptureBasket, api.CaptureBasketRequest(
                        request_id=pair[1], basket_id=state[1].basket_id))
                    assert again.basket == state[1]

            with psycopg.connect(stores.database_url) as connection:
                rows = connection.execute(
                    "SELECT b.basket_id::text, b.state, count(r.redemption_id),"
                    " (SELECT count(*) FROM points_transactions t WHERE t.account_id = b.account_id AND t.type = 6),"
                    " (SELECT count(*) FROM points_transactions t WHERE t.account_id = b.account_id"
                    "  AND t.transaction_id = b.transaction_id AND t.type = 1)"
                    " FROM baskets b LEFT JOIN coupon_redemptions r ON r.offer_id = %s AND r.client_id = b.client_id"
                    "  AND r.request_id = b.request_id || '#coupon0'"
                    " WHERE b.account_id = ANY(%s::uuid[]) GROUP BY b.basket_id", (offer_id, accounts)).fetchall()
            posted = {basket_id: (redeemed, burned, earned) for basket_id, state, redeemed, burned, earned in rows
                      if state == baskets.BASKET_STATE_CAPTURED}
            assert set(posted) == set(captured.values())  # Every capture answered is posted, and only those.
            assert all(burned == earned == 1 and redeemed <= 1 for redeemed, burned, earned in posted.values())
            assert sum(redeemed for redeemed, _, _ in posted.values()) <= LIMIT
            assert all(redeemed == 0 for basket_id, state, redeemed, *_ in rows if basket_id not in posted)

            # Once every hold is past its deadline and swept, Redis counts what the ledger holds,
            # no basket is left AUTHORIZED and no points are pending.
            store = connect_sync(stores.redis_url)
            try:
                while True:
                    with psycopg.connect(stores.database_url) as connection:
                        (in_ledger,) = connection.execute(
                            "SELECT count(*) FROM coupon_redemptions WHERE offer_id = %s", (offer_id,)).fetchone()
                        (held,) = connection.execute(
                            "SELECT count(*) FROM baskets WHERE account_id = ANY(%s::uuid[]) AND state = 1",
                            (accounts,)).fetchone()
                    counted = int(store.get(f"rewards:{{o:{offer_id}}}:redeemed") or 0)
                    try:
                        assert (counted, held) == (in_ledger, 0)
                        check_ledger(stores.database_url, stores.redis_url)
                        break
                    except AssertionError:
                        if time.monotonic() > deadline + 60:
                            raise
                        await asyncio.sleep(1)
            finally:
                store.close()
            with psycopg.connect(stores.database_url) as connection:
                (pending,) = connection.execute("SELECT coalesce(sum(pending), 0) FROM points_wallets"
                                                " WHERE account_id = ANY(%s::uuid[])", (accounts,)).fetchone()
            assert pending == 0
    finally:
        second.kill()
