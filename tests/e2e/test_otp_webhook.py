"""The OTP webhook sender over real HTTP: a receiver started by the test checks the Stripe-style
signature (`t=<unix>,v1=<hex HMAC-SHA256 over "<t>.<body>">`) and gets the OTP, which then redeems
the points; a failing receiver is retried a bounded number of times, then the request answers
UNAVAILABLE / OTP_NOT_SENT. `log` is refused when TLS is configured."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import grpc
import pytest
from rewards.loyalty.v1 import loyalty_service_pb2 as api

from rewards_client import RewardsClient
from tests.e2e.harness import ServerProcess, authenticated_channel
from tests.e2e.test_points import balance, earn, new_account, new_program, redeem
from tests.e2e.test_security import rejected

pytestmark = pytest.mark.e2e

SECRET = "whsec_" + "0123456789abcdef" * 2


class Receiver:
    """An HTTP endpoint that accepts a delivery only with a valid, fresh signature."""

    def __init__(self) -> None:
        self.deliveries: list[dict] = []
        self.refused: list[str] = []
        self.attempts = 0
        self.failing = False
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["content-length"]))
                receiver.attempts += 1
                if receiver.failing:
                    return self._answer(503)
                header = dict(part.split("=", 1) for part in self.headers.get("x-rewards-signature", "").split(","))
                expected = hmac.new(SECRET.encode(), f"{header.get('t')}.".encode() + body, hashlib.sha256).hexdigest()
                if not hmac.compare_digest(expected, header.get("v1", "")) or abs(time.time() - int(header["t"])) > 300:
                    receiver.refused.append(self.headers.get("x-rewards-signature", ""))
                    return self._answer(400)
                receiver.deliveries.append(json.loads(body))
                self._answer(204)

            def _answer(self, status: int) -> None:
                self.send_response(status)
                self.send_header("content-length", "0")
                self.end_headers()

            def log_message(self, *args) -> None:
                pass

        self.http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.http.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.http.server_address[1]}/otp"

    def code(self, otp_id: str) -> str:
        (found,) = [d for d in self.deliveries if d["otp_id"] == otp_id]
        return found["code"]


@pytest.fixture(scope="module")
def receiver():
    receiver = Receiver()
    yield receiver
    receiver.http.shutdown()


@pytest.fixture(scope="module")
def webhook_server(stores, receiver):
    data_dir = Path(tempfile.mkdtemp(prefix="rc-hook-", dir="/tmp"))
    process = ServerProcess(data_dir, redis_url=stores.redis_url, database_url=stores.database_url, env={
        "REWARDS_OTP_SENDER": f"webhook:{receiver.url}", "REWARDS_OTP_WEBHOOK_SECRET": SECRET})
    try:
        yield process.start()
    finally:
        process.kill()
        shutil.rmtree(data_dir, ignore_errors=True)


async def test_the_otp_arrives_signed_at_the_webhook_and_redeems(webhook_server, receiver, credentials):
    async with RewardsClient.connect(webhook_server.target, credentials, timeout_s=60) as client:
        account = await new_account(client, await new_program(client))
        await earn(client, account, 100_000)
        ticket = await client.call(client.loyalty.RequestRedemptionOtp, api.RequestRedemptionOtpRequest(
            account_id=account, points=300))
        code = receiver.code(ticket.otp_id)
        response = await client.call(client.loyalty.RedeemPoints, redeem(account, 300, ticket.otp_id, code))

        assert response.transaction.points == -300 and (await balance(client, account)).posted_points == 700
    (delivery,) = [d for d in receiver.deliveries if d["otp_id"] == ticket.otp_id]
    assert delivery["type"] == "redemption_otp" and delivery["account_id"] == account and delivery["points"] == 300
    assert receiver.refused == []
    assert not any("redemption OTP" in str(line.get("message")) for line in webhook_server.log)  # Not logged.


async def test_a_failing_webhook_is_retried_a_bounded_number_of_times_then_not_sent(
        webhook_server, receiver, credentials):
    from core.domain import limits

    async with RewardsClient.connect(webhook_server.target, credentials, timeout_s=60) as client:
        account = await new_account(client, await new_program(client))
        await earn(client, account, 100_000)
    receiver.failing, receiver.attempts = True, 0
    try:
        async with authenticated_channel(webhook_server.target, credentials) as channel:
            request = api.RequestRedemptionOtpRequest(request_id="otp-" + account, account_id=account, points=10)
            code, reason, _ = await rejected(channel.unary_unary(
                "/rewards.loyalty.v1.LoyaltyService/RequestRedemptionOtp")(request.SerializeToString(), timeout=30))
    finally:
        receiver.failing = False

    assert (code, reason) == (grpc.StatusCode.UNAVAILABLE, "OTP_NOT_SENT")
    assert receiver.attempts == limits.OTP_WEBHOOK_ATTEMPTS_MAX


@pytest.mark.parametrize("env, message", [
    ({"REWARDS_OTP_SENDER": "log", "REWARDS_TLS_CERT_FILE": "c.pem", "REWARDS_TLS_KEY_FILE": "k.pem"},
     "refused when TLS is configured"),
    ({"REWARDS_OTP_SENDER": ""}, "REWARDS_OTP_SENDER is required with DATABASE_URL or TLS"),
    ({"REWARDS_OTP_SENDER": "webhook:http://127.0.0.1:9/otp"}, "needs REWARDS_OTP_WEBHOOK_SECRET"),
    ({"REWARDS_OTP_SENDER": "webhook:http://127.0.0.1:9/otp", "REWARDS_OTP_WEBHOOK_SECRET": "short"},
     "at least 16 characters"),
])
def test_an_unsafe_or_incomplete_otp_sender_refuses_to_start(stores, env, message):
    environment = {**os.environ, "DATABASE_URL": stores.database_url, "REDIS_URL": stores.redis_url,
                   "REWARDS_ADDRESS": "127.0.0.1:0", "REWARDS_METRICS_ADDRESS": "", **env}
    environment = {k: v for k, v in environment.items() if v != ""}
    started = subprocess.run([sys.executable, "-m", "server.cli", "serve", "--workers", "1"], env=environment,
                             capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)

    assert started.returncode != 0 and message in started.stderr
    assert "rewards-core started" not in started.stderr
