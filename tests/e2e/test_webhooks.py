"""Outbox and webhooks over gRPC, end to end: a real server (its own Redis and database, short
backoff), a real HTTP receiver started here on port 0 that checks every signature.

Events are written in the transaction of their change and delivered at least once with a stable
event id; 500s are retried with backoff; a delivery out of attempts parks its event as FAILED
until RetryEvent; a replayed request writes no second event; an account's events arrive in
commit order."""

from __future__ import annotations

import asyncio
import json
import shutil
import tempfile
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import psycopg
import pytest
from rewards.coupons.v1 import coupon_service_pb2 as coupons
from rewards.coupons.v1 import offer_service_pb2 as offers
from rewards.events.v1 import event_service_pb2 as events_api
from rewards.events.v1 import event_service_pb2_grpc
from rewards.events.v1 import resources_pb2 as resources
from rewards.events.v1 import webhook_service_pb2 as webhooks_api
from rewards.events.v1 import webhook_service_pb2_grpc

from core.adapters.embedded import EmbeddedRedis
from core.adapters.postgres.migrations import migrate
from core.domain.outbox import signature_valid
from core.service.clients import create_client
from rewards_client import Credentials, RewardsClient, errors
from tests.conftest import ALL_SCOPES
from tests.e2e.harness import ServerProcess
from rewards.loyalty.v1 import loyalty_service_pb2 as loyalty_api
from tests.e2e.test_checkout import authorize, capture, off, offer, void
from tests.e2e.test_points import earn, eur, new_account, new_program, otp, redeem

WAIT_S = 60
"""Longest wait for a delivery: far above what it takes (tenths of a second) on a loaded machine."""
ATTEMPTS_MAX = 3
BACKOFF_BASE_S = 0.3


class Receiver:
    """An HTTP endpoint per path: answers the statuses queued for the path (then `default[path]`,
    200 unless set), records every request with its arrival time and signature check."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.received: list[dict] = []
        self.queued: dict[str, list[int]] = {}
        self.default: dict[str, int] = {}
        self.secrets: dict[str, bytes] = {}
        self.hang: dict[str, threading.Event] = {}
        """path -> released: the path's first request is recorded, then held until released."""
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers["content-length"]))
                with receiver.lock:
                    release = receiver.hang.pop(self.path, None)
                    if release is not None:
                        receiver.received.append({"path": self.path, "at": time.monotonic(), "status": 0,
                                                  "event": json.loads(raw), "header_id": None, "valid": False})
                if release is not None:
                    release.wait(WAIT_S)
                    return
                with receiver.lock:
                    secret = receiver.secrets.get(self.path, b"")
                    queue = receiver.queued.get(self.path, [])
                    status = queue.pop(0) if queue else receiver.default.get(self.path, 200)
                    receiver.received.append({
                        "path": self.path, "at": time.monotonic(), "status": status, "event": json.loads(raw),
                        "header_id": self.headers.get("x-rewards-event-id"),
                        "valid": signature_valid(secret, self.headers.get("x-rewards-signature", ""), raw,
                                                 int(time.time()))})
                self.send_response(status)
                self.send_header("content-length", "0")
                self.end_headers()

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server.server_port}{path}"

    def requests(self, path: str, *, event_id: str | None = None, account_id: str | None = None) -> list[dict]:
        with self.lock:
            return [r for r in self.received if r["path"] == path
                    and (event_id is None or r["event"]["id"] == event_id)
                    and (account_id is None or r["event"]["aggregate"]["id"] == account_id)]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def events_server(stores):
    """A server of its own (its own Redis and database: its delivery task is the only one that
    sees these events), polling every 0.1 s, backoff from 0.3 s, 3 attempts."""
    data_dir = Path(tempfile.mkdtemp(prefix="rc-events-", dir="/tmp"))
    store = EmbeddedRedis(data_dir / "redis")
    redis_url, database_url = store.start(), stores.create_database()
    migrate(database_url)
    process = ServerProcess(data_dir, redis_url=redis_url, database_url=database_url, env={
        "REWARDS_EVENT_POLL_S": "0.1", "REWARDS_EVENT_BACKOFF_BASE_S": str(BACKOFF_BASE_S),
        "REWARDS_EVENT_ATTEMPTS_MAX": str(ATTEMPTS_MAX), "REWARDS_OTP_SENDER": f"capture:{data_dir / 'otp.jsonl'}"})
    process.otp_file = data_dir / "otp.jsonl"
    process.database_url = database_url
    process.credentials = Credentials("org-test", *create_client(database_url, "org-test", ALL_SCOPES))
    try:
        yield process.start()
    finally:
        process.kill()
        store.stop()
        shutil.rmtree(data_dir, ignore_errors=True)


@pytest.fixture(scope="module")
def receiver():
    receiver = Receiver()
    yield receiver
    receiver.close()


@pytest.fixture
async def client(events_server):
    async with RewardsClient.connect(events_server.target, events_server.credentials, timeout_s=60) as client:
        client.webhooks = webhook_service_pb2_grpc.WebhookServiceStub(client.channel)
        client.events = event_service_pb2_grpc.EventServiceStub(client.channel)
        yield client
        # Each test's webhooks go with it: the next test's events reach only its own.
        for webhook in (await client.call(client.webhooks.ListWebhooks, webhooks_api.ListWebhooksRequest())).webhooks:
            await client.call(client.webhooks.DeleteWebhook, webhooks_api.DeleteWebhookRequest(
                webhook_id=webhook.webhook_id))


async def subscribe(client, receiver: Receiver, path: str, *types: str) -> webhooks_api.CreateWebhookResponse:
    created = await client.call(client.webhooks.CreateWebhook, webhooks_api.CreateWebhookRequest(
        webhook=resources.Webhook(url=receiver.url(path), event_types=list(types))))
    receiver.secrets[path] = created.secret.encode()
    return created


async def until(condition, what: str):
    deadline = time.monotonic() + WAIT_S
    while True:
        value = condition()
        if value:
            return value
        assert time.monotonic() < deadline, f"not within {WAIT_S} s: {what}"
        await asyncio.sleep(0.05)


def outbox_rows(server, account_id: str, type: str) -> int:
    with psycopg.connect(server.database_url) as connection:
        return connection.execute("SELECT count(*) FROM outbox_events WHERE aggregate_id = %s AND type = %s",
                                  (account_id, type)).fetchone()[0]


async def test_each_event_reaches_the_webhook_once_signed_and_a_replay_sends_none(client, events_server, receiver):
    path = "/once-" + uuid.uuid4().hex[:6]
    await subscribe(client, receiver, path, "coupon.redeemed", "points.earned")
    program_id = await new_program(client)
    account_id = await new_account(client, program_id)
    offer_id, code = await offer(client, program_id, off(500))
    # An event no webhook subscribes to is settled at once (DELIVERED): it holds none back.
    await client.call(client.coupons.IssueCoupon, coupons.IssueCouponRequest(offer_id=offer_id, account_id=account_id))
    earned = await earn(client, account_id, 2_000)
    redeem = coupons.RedeemCouponRequest(request_id="redeem-" + uuid.uuid4().hex, code=code, account_id=account_id,
                                         store_id="store-1", bill_amount=eur(3_000))
    redeemed = await client.call(client.coupons.RedeemCoupon, redeem)

    got = await until(lambda: len(receiver.requests(path, account_id=account_id)) >= 2 and
                      receiver.requests(path, account_id=account_id), "both events delivered")
    assert [r["event"]["type"] for r in got] == ["points.earned", "coupon.redeemed"]  # The account's order.
    assert all(r["valid"] and r["status"] == 200 and r["header_id"] == r["event"]["id"] for r in got)
    assert got[0]["event"]["payload"]["transactions"][0]["points_transaction_id"] == \
        earned.transaction.points_transaction_id
    assert got[1]["event"]["payload"]["redemption_id"] == redeemed.redemption_id
    assert len({r["event"]["id"] for r in got}) == 2

    # The same request again: the stored reply, no second event (none written, none sent).
    again = await client.call(client.coupons.RedeemCoupon, redeem)
    assert again.redemption_id == redeemed.redemption_id
    # A later event of the same account goes out after any earlier one: once it is here, a
    # second redemption event would have been too.
    later = await earn(client, account_id, 1_000)
    await until(lambda: any(r["event"]["payload"].get("transactions", [{}])[0].get("points_transaction_id") ==
                            later.transaction.points_transaction_id
                            for r in receiver.requests(path, account_id=account_id)), "the later earn delivered")
    assert [r["event"]["type"] for r in receiver.requests(path, account_id=account_id)] == [
        "points.earned", "coupon.redeemed", "points.earned"]
    assert outbox_rows(events_server, account_id, "coupon.redeemed") == 1


async def test_500s_are_retried_with_backoff_then_delivered_in_order(client, receiver):
    path = "/flaky-" + uuid.uuid4().hex[:6]
    receiver.queued[path] = [500, 500]
    await subscribe(client, receiver, path, "points.earned")
    program_id = await new_program(client)
    account_id = await new_account(client, program_id)
    first = await earn(client, account_id, 1_000)
    second = await earn(client, account_id, 2_000)

    got = await until(lambda: [r for r in receiver.requests(path, account_id=account_id) if r["status"] == 200]
                      and len(receiver.requests(path, account_id=account_id)) >= 4
                      and receiver.requests(path, account_id=account_id), "both earns delivered")
    ids = [r["event"]["payload"]["transactions"][0]["points_transaction_id"] for r in got]
    # The first event: 500, 500, 200 (same event id each time), and only then the second one.
    assert ids == [first.transaction.points_transaction_id] * 3 + [second.transaction.points_transaction_id]
    assert [r["status"] for r in got] == [500, 500, 200, 200]
    assert len({r["event"]["id"] for r in got[:3]}) == 1 and all(r["valid"] for r in got)
    # Exponential backoff with full jitter: at least half of base, then of 2 x base.
    assert got[1]["at"] - got[0]["at"] >= BACKOFF_BASE_S / 2 * 0.95
    assert got[2]["at"] - got[1]["at"] >= BACKOFF_BASE_S * 0.95

    listed = (await client.call(client.events.ListEvents, events_api.ListEventsRequest(
        state=resources.EVENT_STATE_DELIVERED, type="points.earned", page_size=500))).events
    event = next(e for e in listed if e.event_id == got[0]["event"]["id"])
    assert (event.attempt_count, event.aggregate_id, event.last_error) == (3, account_id, "HTTP 500")


async def test_out_of_attempts_the_event_is_parked_and_retry_event_delivers_it(client, receiver):
    path = "/down-" + uuid.uuid4().hex[:6]
    receiver.default[path] = 503
    await subscribe(client, receiver, path, "points.earned")
    program_id = await new_program(client)
    account_id = await new_account(client, program_id)
    await earn(client, account_id, 1_000)

    async def failed() -> list:
        return [e for e in (await client.call(client.events.ListEvents, events_api.ListEventsRequest(
            state=resources.EVENT_STATE_FAILED, type="points.earned"))).events if e.aggregate_id == account_id]

    deadline = time.monotonic() + WAIT_S
    while not (parked := await failed()):
        assert time.monotonic() < deadline, "the event was not parked"
        await asyncio.sleep(0.1)
    (event,) = parked
    assert (event.attempt_count, event.last_error) == (ATTEMPTS_MAX, "HTTP 503")
    assert len(receiver.requests(path, event_id=event.event_id)) == ATTEMPTS_MAX
    assert event.payload["transactions"][0]["account_id"] == account_id

    receiver.default[path] = 200  # The receiver is fixed.
    retried = await client.call(client.events.RetryEvent, events_api.RetryEventRequest(event_id=event.event_id))
    assert retried.event.state == resources.EVENT_STATE_PENDING
    await until(lambda: [r for r in receiver.requests(path, event_id=event.event_id) if r["status"] == 200],
                "delivered after RetryEvent")
    deadline = time.monotonic() + WAIT_S
    while True:
        listed = (await client.call(client.events.ListEvents, events_api.ListEventsRequest(
            state=resources.EVENT_STATE_DELIVERED, type="points.earned", page_size=500))).events
        if any(e.event_id == event.event_id for e in listed):
            break
        assert time.monotonic() < deadline, "the event did not become DELIVERED"
        await asyncio.sleep(0.1)

    with pytest.raises(errors.RewardsError) as refused:
        await client.call(client.events.RetryEvent, events_api.RetryEventRequest(event_id=event.event_id))
    assert refused.value.reason == "EVENT_NOT_FAILED"
    with pytest.raises(errors.RewardsError) as refused:
        await client.call(client.events.RetryEvent, events_api.RetryEventRequest(event_id=str(uuid.uuid4())))
    assert refused.value.reason == "EVENT_NOT_FOUND"


async def test_webhook_crud_rotation_and_bad_input(client, receiver):
    path = "/crud-" + uuid.uuid4().hex[:6]
    created = await subscribe(client, receiver, path, "points.earned")
    assert len(created.secret) == 64
    webhook_id = created.webhook.webhook_id
    updated = await client.call(client.webhooks.UpdateWebhook, webhooks_api.UpdateWebhookRequest(
        webhook_id=webhook_id, event_types=["points.earned", "coupon.issued"]))
    assert list(updated.webhook.event_types) == ["points.earned", "coupon.issued"]
    rotated = await client.call(client.webhooks.RotateWebhookSecret, webhooks_api.RotateWebhookSecretRequest(
        webhook_id=webhook_id))
    assert rotated.secret != created.secret and len(rotated.secret) == 64
    receiver.secrets[path] = rotated.secret.encode()
    listed = (await client.call(client.webhooks.ListWebhooks, webhooks_api.ListWebhooksRequest())).webhooks
    assert [w.webhook_id for w in listed] == [webhook_id]

    # Deliveries are signed with the new secret.
    program_id = await new_program(client)
    account_id = await new_account(client, program_id)
    await earn(client, account_id, 1_000)
    (got,) = await until(lambda: receiver.requests(path, account_id=account_id), "delivered")
    assert got["valid"]

    async def refusal(request) -> errors.RewardsError:
        with pytest.raises(errors.RewardsError) as refused:
            await client.call(client.webhooks.CreateWebhook, request)
        return refused.value

    bad = lambda url, types: webhooks_api.CreateWebhookRequest(  # noqa: E731
        webhook=resources.Webhook(url=url, event_types=types))
    error = await refusal(bad("ftp://example.com/x", ["points.earned"]))
    assert (error.reason, error.metadata["field"]) == ("FIELD_INVALID", "url")
    error = await refusal(bad(receiver.url("/x"), ["points.nope"]))
    assert (error.reason, error.metadata["field"]) == ("FIELD_INVALID", "webhook.event_types")
    error = await refusal(bad(receiver.url("/x"), []))
    assert error.reason == "FIELD_REQUIRED"
    long = "http://127.0.0.1/" + "a" * (2048 - len("http://127.0.0.1/"))
    error = await refusal(bad(long + "a", ["points.earned"]))
    assert (error.reason, error.metadata["field"]) == ("FIELD_TOO_LONG", "url")
    with pytest.raises(errors.RewardsError) as refused:
        await client.call(client.webhooks.DeleteWebhook, webhooks_api.DeleteWebhookRequest(
            webhook_id=str(uuid.uuid4())))
    assert refused.value.reason == "WEBHOOK_NOT_FOUND"

    # At most 32 webhooks per organisation: the 32nd is taken (a URL of exactly 2048 characters),
    # the 33rd refused.
    for _ in range(32 - 1 - 1):
        await client.call(client.webhooks.CreateWebhook, bad(receiver.url("/unused"), ["basket.voided"]))
    await client.call(client.webhooks.CreateWebhook, bad(long, ["basket.voided"]))
    error = await refusal(bad(receiver.url("/unused"), ["basket.voided"]))
    assert error.reason == "WEBHOOK_LIMIT_REACHED"


async def test_every_change_of_the_account_sends_its_event_in_commit_order_and_a_refusal_none(
        client, events_server, receiver):
    path = "/all-" + uuid.uuid4().hex[:6]
    await subscribe(client, receiver, path, "coupon.issued", "coupon.redeemed", "coupon.redemption_reversed",
                    "coupons.revoked", "points.earned", "points.redeemed", "points.refunded", "basket.captured",
                    "basket.voided")
    program_id = await new_program(client)
    account_id = await new_account(client, program_id)
    offer_id, code = await offer(client, program_id, off(100))
    issued = await client.call(client.coupons.IssueCoupon, coupons.IssueCouponRequest(
        offer_id=offer_id, account_id=account_id))
    redeemed = await client.call(client.coupons.RedeemCoupon, coupons.RedeemCouponRequest(
        code=code, account_id=account_id, store_id="store-1", bill_amount=eur(3_000)))
    await client.call(client.coupons.ReverseRedemption, coupons.ReverseRedemptionRequest(
        redemption_id=redeemed.redemption_id))
    revoked = await client.call(client.offers.RevokeCoupons, offers.RevokeCouponsRequest(
        offer_id=offer_id, mode=offers.REVOCATION_MODE_CUSTOMERS, account_ids=[account_id]))
    with pytest.raises(errors.RewardsError) as refused:  # Refused: no event.
        await client.call(client.coupons.ReverseRedemption, coupons.ReverseRedemptionRequest(
            redemption_id=redeemed.redemption_id))
    assert refused.value.reason == "REDEMPTION_ALREADY_REVERSED"
    earned = await earn(client, account_id, 10_000)
    await client.call(client.loyalty.RedeemPoints, redeem(account_id, 10, *await otp(
        client, events_server, account_id, 10)))
    await client.call(client.loyalty.RefundPoints, loyalty_api.RefundPointsRequest(
        points_transaction_id=earned.transaction.points_transaction_id, points=5))
    captured = await capture(client, (await client.call(client.checkout.AuthorizeBasket, authorize(
        account_id, earn_points=True))).basket.basket_id)
    voided = await void(client, (await client.call(client.checkout.AuthorizeBasket, authorize(
        account_id))).basket.basket_id)
    await void(client, voided.basket_id)  # Voided already: nothing changes, no event.

    expected = ["coupon.issued", "coupon.redeemed", "coupon.redemption_reversed", "points.earned",
                "points.redeemed", "points.refunded", "basket.captured", "basket.voided"]
    got = await until(lambda: len(receiver.requests(path, account_id=account_id)) >= len(expected)
                      and receiver.requests(path, account_id=account_id), "every account event")
    assert [r["event"]["type"] for r in got] == expected
    payloads = {r["event"]["type"]: r["event"]["payload"] for r in got}
    assert payloads["coupon.issued"]["coupon_id"] == issued.coupon.coupon_id
    assert payloads["coupon.redemption_reversed"]["redemption_id"] == redeemed.redemption_id
    assert payloads["basket.captured"]["basket_id"] == captured.basket_id
    assert payloads["basket.voided"]["basket_id"] == voided.basket_id
    (revocation,) = await until(lambda: receiver.requests(path, account_id=offer_id), "the revocation")
    assert revocation["event"]["type"] == "coupons.revoked"
    assert revocation["event"]["payload"]["revocation_id"] == revoked.revocation_id
    assert revocation["event"]["payload"]["account_ids"] == [account_id]
    assert all(r["valid"] for r in got + [revocation])
    with psycopg.connect(events_server.database_url) as connection:
        assert connection.execute("SELECT count(*) FROM outbox_events WHERE aggregate_id IN (%s, %s)",
                                  (account_id, offer_id)).fetchone()[0] == len(expected) + 1


async def test_a_worker_killed_mid_delivery_leaves_the_event_to_be_redelivered_with_its_id(stores, receiver):
    data_dir = Path(tempfile.mkdtemp(prefix="rc-events-kill-", dir="/tmp"))
    store = EmbeddedRedis(data_dir / "redis")
    redis_url, database_url = store.start(), stores.create_database()
    migrate(database_url)
    credentials = Credentials("org-test", *create_client(database_url, "org-test", ALL_SCOPES))
    env = {"REWARDS_EVENT_POLL_S": "0.1", "REWARDS_EVENT_LEASE_S": "2"}
    path, released = "/kill-" + uuid.uuid4().hex[:6], threading.Event()
    receiver.hang[path] = released
    first = ServerProcess(data_dir / "first", redis_url=redis_url, database_url=database_url, env=env).start()
    second = None
    try:
        async with RewardsClient.connect(first.target, credentials, timeout_s=60) as client:
            client.webhooks = webhook_service_pb2_grpc.WebhookServiceStub(client.channel)
            await subscribe(client, receiver, path, "points.earned")
            account_id = await new_account(client, await new_program(client))
            await earn(client, account_id, 1_000)
            (held,) = await until(lambda: receiver.requests(path), "the first attempt reached the receiver")
        first.kill()  # SIGKILL while the POST waits for its answer.
        released.set()
        second = ServerProcess(data_dir / "second", redis_url=redis_url, database_url=database_url, env=env).start()
        delivered = await until(lambda: [r for r in receiver.requests(path) if r["status"] == 200],
                                "redelivered after the lease")
        assert [r["event"]["id"] for r in delivered] == [held["event"]["id"]] and delivered[0]["valid"]
        with psycopg.connect(database_url) as connection:
            deadline = time.monotonic() + WAIT_S
            while connection.execute("SELECT state FROM outbox_events WHERE event_id = %s",
                                     (held["event"]["id"],)).fetchone()[0] != "delivered":
                assert time.monotonic() < deadline, "the event did not become delivered"
                time.sleep(0.05)
    finally:
        released.set()
        first.kill()
        if second is not None:
            second.kill()
        store.stop()
        shutil.rmtree(data_dir, ignore_errors=True)
