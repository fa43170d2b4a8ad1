"""Load tests with locust: checkout-like gRPC users on the synchronous Python client.

    make load                     # headless: LOAD_USERS=32 LOAD_SECONDS=30 by default
    make load-ui                  # the locust web UI, address printed
    REWARDS_SETUP_FILE=setup.json locust -f benchmarks/locustfile.py --headless -u 8 -r 8 -t 20s

The fixtures come from the JSON that benchmarks/setup_bench.py writes (`make load` runs it with
`--run`, which starts a local server and passes the file as REWARDS_SETUP_FILE): target, API
client credentials, accounts holding points, a COMMON coupon code, and the OTP capture file of the
server (REWARDS_OTP_SENDER=capture:<file>). `--host` (host:port) overrides the target.

Each `CheckoutUser` is a till, looping without pause over weighted tasks:
  - coupon (3): ValidateCoupon of the common code, then RedeemCoupon of it (a validation that
    answers "not redeemable" counts as a failure: the fixtures make the code redeemable);
  - earn (3): EarnPoints for a bill of 10-100 EUR;
  - points (1): RequestRedemptionOtp of 1 point, the code read from the capture file, RedeemPoints.
Every RPC is reported to locust as request_type "grpc", name = the RPC's method name, with its
time (the whole `call`: token wait and retries included) and the typed error on failure. The
users of a locust process share one client (one channel, one token), as a checkout service would.
By default a call is not retried (`--attempts 1`), so that failures are counted, not hidden.

The run exits 1 when the failure ratio is above `--max-fail-ratio` (default 0.01) or when no
request was made, else 0.
"""

from __future__ import annotations

import json
import logging
import random
import threading
import time
import uuid

import grpc.experimental.gevent as grpc_gevent

grpc_gevent.init_gevent()  # grpc's blocking API then cooperates with locust's gevent; before any channel

from locust import User, constant, events, task  # noqa: E402
from rewards.coupons.v1 import coupon_service_pb2 as coupons  # noqa: E402
from rewards.loyalty.v1 import loyalty_service_pb2 as loyalty  # noqa: E402
from rewards.type.v1 import money_pb2  # noqa: E402

from rewards_client import Credentials  # noqa: E402
from rewards_client.errors import RewardsError  # noqa: E402
from rewards_client.sync import RewardsClient  # noqa: E402

log = logging.getLogger("rewards.load")
STORE_ID = "load-store"
OTP_WAIT_S = 10.0


@events.init_command_line_parser.add_listener
def _arguments(parser) -> None:
    parser.add_argument("--setup-file", env_var="REWARDS_SETUP_FILE", default="",
                        help="fixtures JSON written by benchmarks/setup_bench.py")
    parser.add_argument("--max-fail-ratio", env_var="REWARDS_MAX_FAIL_RATIO", type=float, default=0.01,
                        help="exit 1 when failures / requests is above this")
    parser.add_argument("--attempts", env_var="REWARDS_ATTEMPTS", type=int, default=1,
                        help="attempts per call (the client's retries of UNAVAILABLE / DEADLINE_EXCEEDED)")
    parser.add_argument("--call-timeout", env_var="REWARDS_CALL_TIMEOUT_S", type=float, default=10.0,
                        help="deadline of each call, seconds")


@events.init.add_listener
def _check_options(environment, **_kwargs) -> None:
    options = environment.parsed_options
    if options is not None and not options.setup_file:
        raise SystemExit("locustfile: no fixtures; pass --setup-file or REWARDS_SETUP_FILE "
                         "(written by benchmarks/setup_bench.py; `make load` does it)")


def eur(minor: int) -> money_pb2.Money:
    return money_pb2.Money(amount_minor=minor, currency_code="EUR")


class UnexpectedAnswer(Exception):
    """An RPC answered, but not as the checkout expects (e.g. the common code not redeemable)."""


class OtpInbox:
    """The OTPs the server sent, read from its capture file ({"otp_id": ..., "code": ...} lines)
    incrementally, shared by every user."""

    def __init__(self, path: str) -> None:
        self._path = path
        self._offset = 0
        self._codes: dict[str, str] = {}
        self._lock = threading.Lock()

    def code(self, otp_id: str, wait_s: float = OTP_WAIT_S) -> str:
        deadline = time.monotonic() + wait_s
        while True:
            with self._lock:
                self._read()
                code = self._codes.pop(otp_id, None)
            if code is not None:
                return code
            if time.monotonic() > deadline:
                raise LookupError(f"OTP {otp_id} not in {self._path} after {wait_s} s")
            time.sleep(0.02)

    def _read(self) -> None:
        try:
            with open(self._path, "rb") as file:
                file.seek(self._offset)
                data = file.read()
        except FileNotFoundError:
            return
        end = data.rfind(b"\n") + 1  # a partial last line is read again next time
        self._offset += end
        for line in data[:end].splitlines():
            sent = json.loads(line)
            self._codes[sent["otp_id"]] = sent["code"]


class Shared:
    """The fixtures and the one client of this locust process, made by the first user."""

    _lock = threading.Lock()
    _made: Shared | None = None

    def __init__(self, environment) -> None:
        options = environment.parsed_options
        with open(options.setup_file) as file:
            setup = json.load(file)
        self.accounts: list[str] = setup["accounts"]
        self.common_code: str = setup["common_code"]
        self.otps = OtpInbox(setup["otp_file"])
        target = environment.host or setup["target"]
        self.client = RewardsClient.connect(
            target, Credentials(setup["org_id"], setup["client_id"], setup["client_secret"]),
            attempts_max=options.attempts, timeout_s=options.call_timeout)

    @classmethod
    def get(cls, environment) -> Shared:
        with cls._lock:
            if cls._made is None:
                cls._made = cls(environment)
            return cls._made


class CheckoutUser(User):
    """A till; see the module docstring."""

    wait_time = constant(0)

    def on_start(self) -> None:
        shared = Shared.get(self.environment)
        self.client, self.accounts, self.common_code, self.otps = (
            shared.client, shared.accounts, shared.common_code, shared.otps)

    def rpc(self, stub, method: str, request, expect=None):
        """`client.call` of stub.method, reported to locust; None when it failed (counted there).
        `expect(response)` returns "" for an expected answer, else why it is a failure."""
        began = time.perf_counter()
        response = exception = None
        try:
            response = self.client.call(getattr(stub, method), request)
            why = expect(response) if expect is not None else ""
            if why:
                exception, response = UnexpectedAnswer(f"{method}: {why}"), None
        except RewardsError as error:
            exception = error
        self.environment.events.request.fire(
            request_type="grpc", name=method, response_time=(time.perf_counter() - began) * 1000,
            response_length=response.ByteSize() if response is not None else 0,
            response=response, context={}, exception=exception)
        return response

    def account(self) -> str:
        return random.choice(self.accounts)

    @task(3)
    def coupon(self) -> None:
        account_id, bill = self.account(), eur(random.randint(10, 100) * 100)
        checked = self.rpc(self.client.coupons, "ValidateCoupon", coupons.ValidateCouponRequest(
            code=self.common_code, account_id=account_id, store_id=STORE_ID, bill_amount=bill),
            expect=lambda reply: "" if reply.redeemable else f"not redeemable ({reply.reason})")
        if checked is not None:
            self.rpc(self.client.coupons, "RedeemCoupon", coupons.RedeemCouponRequest(
                code=self.common_code, account_id=account_id, store_id=STORE_ID, bill_amount=bill,
                transaction_id="load-" + uuid.uuid4().hex))

    @task(3)
    def earn(self) -> None:
        self.rpc(self.client.loyalty, "EarnPoints", loyalty.EarnPointsRequest(
            account_id=self.account(), store_id=STORE_ID, transaction_id="load-" + uuid.uuid4().hex,
            bill_amount=eur(random.randint(10, 100) * 100)))

    @task(1)
    def points(self) -> None:
        account_id = self.account()
        ticket = self.rpc(self.client.loyalty, "RequestRedemptionOtp", loyalty.RequestRedemptionOtpRequest(
            account_id=account_id, points=1))
        if ticket is None:
            return
        began = time.perf_counter()
        try:
            code = self.otps.code(ticket.otp_id)
        except LookupError as missing:
            self.environment.events.request.fire(
                request_type="otp", name="OtpDelivery", response_time=(time.perf_counter() - began) * 1000,
                response_length=0, response=None, context={}, exception=missing)
            return
        self.rpc(self.client.loyalty, "RedeemPoints", loyalty.RedeemPointsRequest(
            account_id=account_id, points=1, otp_id=ticket.otp_id, otp_code=code, store_id=STORE_ID))


@events.quitting.add_listener
def _exit_code(environment, **_kwargs) -> None:
    """Exit 1 above the failure bound or without any request; else 0 (locust's own rule would be
    1 on any failure)."""
    total = environment.stats.total
    bound = environment.parsed_options.max_fail_ratio
    if total.num_requests == 0:
        log.error("load: no request was made")
        environment.process_exit_code = 1
    elif total.fail_ratio > bound:
        log.error("load: failure ratio %.4f is above the bound %.4f (%d of %d requests)",
                  total.fail_ratio, bound, total.num_failures, total.num_requests)
        environment.process_exit_code = 1
    else:
        log.info("load: failure ratio %.4f within the bound %.4f (%d of %d requests)",
                 total.fail_ratio, bound, total.num_failures, total.num_requests)
        environment.process_exit_code = 0
