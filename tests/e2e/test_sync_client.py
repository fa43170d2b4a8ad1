"""The synchronous Python client (rewards_client.sync.RewardsClient) against the real server, and
against a small real gRPC server whose IssueToken stalls (as test_client_token_deadline.py does
for the asyncio client)."""

from __future__ import annotations

import json
import threading
import time
import uuid
from concurrent import futures

import grpc
import psycopg
import pytest
from google.protobuf.timestamp_pb2 import Timestamp
from rewards.accounts.v1 import account_service_pb2 as accounts_api
from rewards.accounts.v1 import account_service_pb2_grpc
from rewards.accounts.v1 import resources_pb2 as accounts
from rewards.auth.v1 import auth_service_pb2 as auth_api
from rewards.auth.v1 import auth_service_pb2_grpc
from rewards.coupons.v1 import coupon_service_pb2 as coupons_api
from rewards.coupons.v1 import offer_service_pb2 as offers_api
from rewards.coupons.v1 import resources_pb2 as coupons
from rewards.loyalty.v1 import loyalty_service_pb2 as loyalty_api
from rewards.loyalty.v1 import program_service_pb2 as programs_api
from rewards.loyalty.v1 import resources_pb2 as loyalty
from rewards.type.v1 import money_pb2

from rewards_client import Credentials, errors
from rewards_client.sync import RewardsClient

THREADS = 16
DEADLINE_S = 1.0
BOUND_S = 4.0  # a call with a 1 s deadline answers within this, even on a loaded 2-core machine
STALL_S = 30.0


def eur(minor: int) -> money_pb2.Money:
    return money_pb2.Money(amount_minor=minor, currency_code="EUR")


@pytest.fixture
def client(server, credentials):
    with RewardsClient.connect(server.target, credentials, backoff_base_s=0.01, timeout_s=60) as client:
        yield client


def new_program(client: RewardsClient) -> str:
    program_id = "sync-" + uuid.uuid4().hex[:10]
    client.call(client.programs.CreateProgram, programs_api.CreateProgramRequest(program=loyalty.Program(
        program_id=program_id, display_name="Sync", currency_code="EUR", time_zone="Europe/Berlin")))
    client.call(client.programs.CreateEarnRule, programs_api.CreateEarnRuleRequest(earn_rule=loyalty.EarnRule(
        program_id=program_id, display_name="1 point per EUR",
        ratio=loyalty.RatioEarnRule(points_numerator=1, amount_minor_denominator=100))))
    return program_id


def new_account(client: RewardsClient, program_id: str, card: str | None = None) -> str:
    return client.call(client.accounts.CreateAccount, accounts_api.CreateAccountRequest(
        program_id=program_id, identifiers=[accounts.Identifier(
            type=accounts.IDENTIFIER_TYPE_CARDCODE, value=card or "S" + uuid.uuid4().hex[:12].upper())])
    ).account.account_id


def otp_code(server, otp_id: str) -> str:
    for line in server.otp_file.read_text().splitlines():
        message = json.loads(line)
        if message["otp_id"] == otp_id:
            return message["code"]
    raise AssertionError(f"no OTP {otp_id} was sent")


def test_program_account_earn_coupon_and_points_redemption(client, server):
    program_id = new_program(client)
    account_id = new_account(client, program_id)

    earned = client.call(client.loyalty.EarnPoints, loyalty_api.EarnPointsRequest(
        account_id=account_id, store_id="store-1", transaction_id=uuid.uuid4().hex, bill_amount=eur(12_50)))

    offer = client.call(client.offers.CreateOffer, offers_api.CreateOfferRequest(offer=coupons.Offer(
        program_id=program_id, display_name="1 EUR off", state=coupons.OFFER_STATE_ACTIVE, reward=coupons.Reward(
            kind=coupons.REWARD_KIND_DISCOUNT_AMOUNT, discount_amount=eur(100))))).offer
    series = client.call(client.offers.CreateCodeSeries, offers_api.CreateCodeSeriesRequest(
        code_series=coupons.CodeSeries(offer_id=offer.offer_id, type=coupons.CODE_SERIES_TYPE_UNIQUE_GENERATED,
                                       length=12))).code_series
    generated = client.stream(client.offers.GenerateCodes, offers_api.GenerateCodesRequest(
        code_series_id=series.code_series_id, count=3))
    # A bidirectional stream, signed over an empty body.
    [bulk] = client.exchange(client.coupons.BulkIssueCoupons, [coupons_api.BulkIssueCouponsRequest(
        request_id=uuid.uuid4().hex, offer_id=offer.offer_id,
        rows=[coupons_api.BulkIssueCouponsRequest.Row(account_id=account_id)])])
    code = bulk.rows[0].coupon.code
    validated = client.call(client.coupons.ValidateCoupon, coupons_api.ValidateCouponRequest(
        code=code, account_id=account_id, store_id="store-1", bill_amount=eur(50_00)))
    redeemed = client.call(client.coupons.RedeemCoupon, coupons_api.RedeemCouponRequest(
        code=code, account_id=account_id, store_id="store-1", bill_amount=eur(50_00),
        transaction_id=uuid.uuid4().hex))

    ticket = client.call(client.loyalty.RequestRedemptionOtp, loyalty_api.RequestRedemptionOtpRequest(
        account_id=account_id, points=5))
    client.call(client.loyalty.RedeemPoints, loyalty_api.RedeemPointsRequest(
        account_id=account_id, points=5, otp_id=ticket.otp_id, otp_code=otp_code(server, ticket.otp_id),
        store_id="store-1"))
    balance = client.call(client.loyalty.GetBalance, loyalty_api.GetBalanceRequest(account_id=account_id))

    assert earned.balance.available_points == 12
    assert sum(reply.generated_count for reply in generated) == 3 and generated[-1].done
    assert bulk.issued_count == 1 and code
    assert validated.redeemable and validated.reward.discount_amount.amount_minor == 100
    assert redeemed.redemption_id and redeemed.reward.discount_amount.amount_minor == 100
    assert balance.balance.available_points == 7
    with pytest.raises(errors.FailedPrecondition) as again:
        client.call(client.coupons.RedeemCoupon, coupons_api.RedeemCouponRequest(
            code=code, account_id=account_id, store_id="store-1", bill_amount=eur(50_00),
            transaction_id=uuid.uuid4().hex))
    assert again.value.reason == "COUPON_ALREADY_REDEEMED"


def test_a_retry_after_unavailable_reuses_the_request_id_and_executes_once(client, stores):
    program_id = new_program(client)
    card = "S" + uuid.uuid4().hex[:12].upper()
    attempts = []

    def flaky(request, timeout=None):
        attempts.append(request.request_id)
        response = client.accounts.CreateAccount(request, timeout=timeout)
        if len(attempts) == 1:  # The reply is lost after the server committed.
            raise LostReply()
        return response

    response = client.call(flaky, accounts_api.CreateAccountRequest(program_id=program_id, identifiers=[
        accounts.Identifier(type=accounts.IDENTIFIER_TYPE_CARDCODE, value=card)]))

    assert len(attempts) == 2 and attempts[0] and attempts[0] == attempts[1]
    with psycopg.connect(stores.database_url) as connection:
        holders = connection.execute("SELECT account_id FROM account_identifiers WHERE value = %s", (card,)).fetchall()
    assert [str(h[0]) for h in holders] == [response.account.account_id]


class LostReply(grpc.RpcError):
    def code(self):
        return grpc.StatusCode.UNAVAILABLE

    def details(self):
        return "lost"

    def trailing_metadata(self):
        return ()


def test_errors_are_typed_with_the_reason_and_not_retried(client):
    attempts = []

    def counted(request, timeout=None):
        attempts.append(request)
        return client.accounts.GetAccount(request, timeout=timeout)

    with pytest.raises(errors.NotFound) as missing:
        client.call(counted, accounts_api.GetAccountRequest(account_id=str(uuid.uuid4())))
    with pytest.raises(errors.InvalidArgument) as invalid:
        client.call(client.loyalty.EarnPoints, loyalty_api.EarnPointsRequest(
            account_id="not-a-uuid", store_id="store-1", transaction_id="t", bill_amount=eur(100)))

    assert missing.value.reason == "ACCOUNT_NOT_FOUND" and missing.value.domain == "rewards.accounts"
    assert missing.value.request_id and len(attempts) == 1
    assert invalid.value.reason == "FIELD_INVALID"


def test_calls_from_16_threads_share_one_token_fetch(client):
    barrier = threading.Barrier(THREADS)
    outcomes: list = []

    def worker() -> None:
        barrier.wait()
        try:
            client.call(client.accounts.GetAccount, accounts_api.GetAccountRequest(account_id=str(uuid.uuid4())))
        except Exception as error:  # noqa: BLE001 (collected and checked below)
            outcomes.append(error)

    threads = [threading.Thread(target=worker) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(outcomes) == THREADS and all(isinstance(o, errors.NotFound) for o in outcomes), outcomes
    assert client.tokens.fetches == 1


def test_tokens_are_refreshed_ahead_of_expiry_through_refresh_token(client, stores):
    client.tokens.access_token()
    first_refresh = client.tokens._refresh
    client.tokens._margin = 15 * 60 + 10  # The 15-minute access token now counts as expiring.

    with pytest.raises(errors.NotFound):
        client.call(client.accounts.GetAccount, accounts_api.GetAccountRequest(account_id=str(uuid.uuid4())))
    client.tokens.renewal(timeout_s=30)  # The still-valid token served the call; the refresh ran beside it.

    with psycopg.connect(stores.database_url) as connection:
        (status,) = connection.execute("SELECT status FROM refresh_tokens WHERE token_id = %s",
                                       (first_refresh.split(".")[0],)).fetchone()
    assert status == 2 and client.tokens._refresh != first_refresh and client.tokens.fetches == 2


# A real gRPC server whose token endpoint stalls.

class StallingAuth(auth_service_pb2_grpc.AuthServiceServicer):
    def __init__(self) -> None:
        self.issued = 0
        self.refreshed = 0
        self.stall_issue = True
        self.stall_refresh = False
        self.release = threading.Event()
        self._lock = threading.Lock()

    def _pair(self, response_type):
        with self._lock:
            n = self.issued + self.refreshed
        now = int(time.time())
        return response_type(access_token=f"access-{n}", refresh_token=f"refresh-{n}",
                             access_token_expire_time=Timestamp(seconds=now + 900),
                             refresh_token_expire_time=Timestamp(seconds=now + 86400))

    def IssueToken(self, request, context):
        with self._lock:
            self.issued += 1
        if self.stall_issue:
            self.release.wait(STALL_S)
        return self._pair(auth_api.IssueTokenResponse)

    def RefreshToken(self, request, context):
        with self._lock:
            self.refreshed += 1
        if self.stall_refresh:
            self.release.wait(STALL_S)
        return self._pair(auth_api.RefreshTokenResponse)


class EchoAccounts(account_service_pb2_grpc.AccountServiceServicer):
    """GetAccount answers with the bearer token it was called with as the account id, once the
    request is signed."""

    def GetAccount(self, request, context):
        metadata = dict(context.invocation_metadata())
        token = metadata.get("authorization", "").removeprefix("Bearer ")
        if not token or not metadata.get("x-rewards-signature"):
            context.abort(grpc.StatusCode.UNAUTHENTICATED, "no token or signature")
        return accounts_api.GetAccountResponse(account=accounts.Account(account_id=token))


@pytest.fixture
def stalling_server():
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=THREADS + 8))
    auth = StallingAuth()
    auth_service_pb2_grpc.add_AuthServiceServicer_to_server(auth, server)
    account_service_pb2_grpc.add_AccountServiceServicer_to_server(EchoAccounts(), server)
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    auth.target = f"127.0.0.1:{port}"
    try:
        yield auth
    finally:
        auth.release.set()
        server.stop(grace=None)


def stalled_client(target: str, **options) -> RewardsClient:
    return RewardsClient.connect(target, Credentials("org", "client", "secret"), backoff_base_s=0.01, **options)


def timed_get(client: RewardsClient, timeout_s: float = DEADLINE_S, attempts: list | None = None):
    def get(request, timeout=None):
        if attempts is not None:
            attempts.append(request)
        return client.accounts.GetAccount(request, timeout=timeout)

    began = time.monotonic()
    try:
        outcome = client.call(get, accounts_api.GetAccountRequest(account_id="x"), timeout_s=timeout_s)
    except errors.RewardsError as error:
        outcome = error
    return outcome, time.monotonic() - began


def test_calls_fail_at_their_deadline_while_issue_token_stalls_and_share_one_fetch(stalling_server):
    auth = stalling_server
    with stalled_client(auth.target, token_timeout_s=60) as client, \
            futures.ThreadPoolExecutor(max_workers=THREADS) as pool:
        attempts: list = []
        results = list(pool.map(lambda _: timed_get(client, attempts=attempts), range(THREADS)))

        for outcome, elapsed in results:
            assert isinstance(outcome, errors.DeadlineExceeded), outcome
            assert DEADLINE_S * 0.9 <= elapsed < BOUND_S, elapsed
        assert len(attempts) == THREADS  # a token wait that ran out is not retried
        assert auth.issued == 1 and client.tokens.fetches == 1

        auth.release.set()  # The stall ends: the fetch in flight completes and serves the next call.
        response, elapsed = timed_get(client, timeout_s=5)
        assert response.account.account_id == "access-1" and elapsed < BOUND_S
        assert auth.issued == 1


def test_a_failed_fetch_does_not_poison_later_calls(stalling_server):
    auth = stalling_server
    # The fetch's own ceiling (1 s) is shorter than the calls' deadlines (5 s): it fails for them.
    with stalled_client(auth.target, token_timeout_s=DEADLINE_S, attempts_max=1) as client, \
            futures.ThreadPoolExecutor(max_workers=THREADS) as pool:
        results = list(pool.map(lambda _: timed_get(client, timeout_s=5), range(THREADS)))

        for outcome, elapsed in results:
            assert isinstance(outcome, errors.DeadlineExceeded), outcome
            assert elapsed < BOUND_S, elapsed
        assert auth.issued == 1

        auth.stall_issue = False
        response, elapsed = timed_get(client, timeout_s=5)
        assert response.account.account_id == "access-2" and auth.issued == 2  # a new fetch


def test_calls_with_a_valid_token_never_wait_for_a_refresh_in_progress(stalling_server):
    auth = stalling_server
    auth.stall_issue = False
    with stalled_client(auth.target, attempts_max=1) as client, \
            futures.ThreadPoolExecutor(max_workers=THREADS) as pool:
        first, _ = timed_get(client, timeout_s=5)
        assert first.account.account_id == "access-1"

        auth.stall_refresh = True
        client.tokens._margin = 15 * 60 + 10  # The valid 15-minute token now counts as expiring.
        results = list(pool.map(lambda _: timed_get(client, timeout_s=5), range(THREADS)))

        for response, elapsed in results:
            assert not isinstance(response, Exception), response
            assert response.account.account_id == "access-1" and elapsed < 5, elapsed
        assert auth.refreshed == 1 and auth.issued == 1  # One refresh, in flight beside the calls.

        auth.release.set()
        client.tokens.renewal(timeout_s=30)
        client.tokens._margin = 60
        renewed, _ = timed_get(client, timeout_s=5)
        assert renewed.account.account_id == "access-2" and auth.refreshed == 1
