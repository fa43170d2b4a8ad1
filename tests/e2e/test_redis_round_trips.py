"""What one RedeemCoupon sends Redis, seen by MONITOR on the real Redis behind the e2e server.

Before the reply: the admission (admit_request: revocation, client state, nonce, rate), the
account's state (one GET), and coupon_redeem, which claims the request id with the reservation.
After the commit, in one pipeline of the tick: coupon_confirm and the done marker (SET). A retry
of the same request then replays from the done marker without reserving again.
"""

from __future__ import annotations

import asyncio
import hashlib
import threading
import uuid

import pytest

from core.adapters.idempotency import IdempotencyKey
from core.adapters.redis.client import connect_sync
from core.adapters.redis.coupons import offer_tag
from core.adapters.redis.scripts import SCRIPTS_DIR, load_script
from rewards.coupons.v1 import coupon_service_pb2 as coupons

from tests.e2e.builders import offer_with_code, reason_of, redeem
from tests.e2e.coupon_accounts import new_account


def _shas() -> dict[str, str]:
    return {hashlib.sha1(load_script(path).encode()).hexdigest(): path.stem for path in SCRIPTS_DIR.glob("*.lua")}


class Monitor:
    """Commands Redis receives from clients (not those scripts run inside themselves), in order."""

    def __init__(self, url: str) -> None:
        self._client = connect_sync(url)
        if not hasattr(self._client, "monitor"):  # A cluster client: no single MONITOR stream.
            pytest.skip("MONITOR needs a single Redis")
        self.commands: list[list[str]] = []
        self._started = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        with self._client.monitor() as monitor:
            self._started.set()
            for entry in monitor.listen():
                if entry.get("client_type") != "lua":
                    self.commands.append(entry["command"].split(" "))
                if self._stop.is_set() and entry["command"].startswith("ECHO stop-monitor"):
                    return

    def __enter__(self) -> Monitor:
        self._thread.start()
        assert self._started.wait(10)
        return self

    def __exit__(self, *_) -> None:
        self._stop.set()
        self._client.echo("stop-monitor")
        self._thread.join(10)


def _named(commands: list[list[str]], *needles: str) -> list[str]:
    """The commands that touch any of `needles` (ids), as script names or command names."""
    shas = _shas()
    named = []
    for command in commands:
        if command[0].upper() == "GETRANGE" or not any(needle in part for part in command for needle in needles):
            continue
        name = command[0].upper()
        named.append(shas.get(command[1].strip('"'), "?") if name == "EVALSHA" else name)
    return named


async def settled(stores, credentials, offer_id: str, request_id: str) -> None:
    """Until the request's done marker is set (the settlement runs after the reply; bounded).
    Polled with GETRANGE, which the server never sends (the monitored commands leave it out)."""
    marker = IdempotencyKey(credentials.client_id, request_id, "RedeemCoupon", offer_tag(offer_id)).marker
    redis = connect_sync(stores.redis_url)
    for _ in range(200):
        if redis.getrange(marker, 0, 1) == b"D:":
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"{marker} not done after 10 s")


async def test_a_redemption_sends_three_commands_before_its_reply_and_settles_in_one_pipeline(client, stores,
                                                                                             credentials):
    offer_id, code = await offer_with_code(client)
    account = await new_account(client)
    warm_up = redeem(code, account, request_id=uuid.uuid4().hex)
    await client.call(client.coupons.RedeemCoupon, warm_up)  # Loads the offer's state.
    await settled(stores, credentials, offer_id, warm_up.request_id)
    request = redeem(code, account, request_id=uuid.uuid4().hex)

    with Monitor(stores.redis_url) as monitor:
        await client.call(client.coupons.RedeemCoupon, request)
        await settled(stores, credentials, offer_id, request.request_id)  # The settlement after the reply.
        replay = await client.call(client.coupons.RedeemCoupon, request)

    sent = _named(monitor.commands, offer_id, account, credentials.client_id, request.request_id)
    first, retry = sent[:5], sent[5:]
    assert first[:3] == ["admit_request", "GET", "coupon_redeem"]
    assert sorted(first[3:]) == ["SET", "coupon_confirm"]
    # The retry: coupon_redeem finds the done marker and reserves nothing; the claim reads the
    # record's time from the marker, and the outcome comes from Postgres.
    assert retry == ["admit_request", "GET", "coupon_redeem", "idempotency_claim", "GET"]
    assert replay == await client.call(client.coupons.RedeemCoupon, request)


async def test_a_request_id_reused_on_another_offer_is_refused_and_reserves_nothing_there(client, stores):
    """The claim lives in the offer's slot, so the second offer's script does not see the first
    offer's marker: the Postgres record's guard refuses the commit, and the reservation on the
    second offer is released (its remaining count is untouched)."""
    _, first_code = await offer_with_code(client)
    _, second_code = await offer_with_code(client, max_redemption_count=2)
    account = await new_account(client)
    request_id = uuid.uuid4().hex
    await client.call(client.coupons.RedeemCoupon, redeem(first_code, account, request_id=request_id))

    reused = await reason_of(client.call(client.coupons.RedeemCoupon, redeem(second_code, account,
                                                                                request_id=request_id)))
    again = await reason_of(client.call(client.coupons.RedeemCoupon, redeem(second_code, account,
                                                                               request_id=request_id)))
    validation = await client.call(client.coupons.ValidateCoupon, coupons.ValidateCouponRequest(
        code=second_code, account_id=account, store_id="store-1", bill_amount=redeem("", "").bill_amount))
    other = await client.call(client.coupons.RedeemCoupon, redeem(second_code, await new_account(client)))

    assert reused == again == "IDEMPOTENCY_KEY_REUSED"
    assert validation.redeemable
    assert other.remaining_redemption_count == 1
