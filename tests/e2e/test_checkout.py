"""CheckoutService over gRPC: one basket of coupons, a points burn and an earn, authorized all or
nothing, then captured, voided or expired; retries replay. After each test the points ledger
balances and Redis agrees with Postgres (no wallet reservation left)."""

from __future__ import annotations

import asyncio
import time
import uuid

import psycopg
import pytest
from core.adapters.redis.client import connect_sync
from google.protobuf import duration_pb2
from rewards.checkout.v1 import checkout_service_pb2 as api
from rewards.checkout.v1 import resources_pb2 as baskets
from rewards.coupons.v1 import coupon_service_pb2 as coupons
from rewards.coupons.v1 import offer_service_pb2 as offers
from rewards.coupons.v1 import resources_pb2 as resources
from rewards.loyalty.v1 import loyalty_service_pb2 as loyalty_api

from rewards_client import RewardsClient, errors
from tests.e2e import builders
from tests.e2e.test_points import earn, eur, new_account, new_program, otp
from tests.ledger import check_ledger


@pytest.fixture(autouse=True)
def ledger_invariants(stores):
    yield
    check_ledger(stores.database_url, stores.redis_url)


@pytest.fixture
async def member(client):
    """A program (1 point per EUR) and an account holding 1000 points."""
    program_id = await new_program(client)
    account_id = await new_account(client, program_id)
    await earn(client, account_id, 100_000)
    return program_id, account_id


async def offer(client: RewardsClient, program_id: str, reward: resources.Reward, **rules) -> tuple[str, str]:
    created = await client.call(client.offers.CreateOffer, offers.CreateOfferRequest(offer=resources.Offer(
        program_id=program_id, display_name="basket offer", state=resources.OFFER_STATE_ACTIVE, reward=reward,
        rules=resources.OfferRules(**rules))))
    code = "BK" + uuid.uuid4().hex[:10].upper()
    await client.call(client.offers.CreateCodeSeries, offers.CreateCodeSeriesRequest(code_series=resources.CodeSeries(
        offer_id=created.offer.offer_id, type=resources.CODE_SERIES_TYPE_COMMON, common_code=code)))
    return created.offer.offer_id, code


def off(amount_minor: int) -> resources.Reward:
    return resources.Reward(kind=resources.REWARD_KIND_DISCOUNT_AMOUNT, discount_amount=eur(amount_minor))


def percent(bps: int) -> resources.Reward:
    return resources.Reward(kind=resources.REWARD_KIND_DISCOUNT_PERCENT, discount_percent_bps=bps)


def authorize(account_id: str, *codes: str, total: int = 10_000, request_id: str = "", **fields
              ) -> api.AuthorizeBasketRequest:
    lines = [baskets.BasketLine(sku="SKU-1", item_count=1, line_amount=eur(total - total // 4)),
             baskets.BasketLine(sku="SKU-2", item_count=2, line_amount=eur(total // 4))]
    return api.AuthorizeBasketRequest(
        request_id=request_id, account_id=account_id, store_id="store-1",
        transaction_id=fields.pop("transaction_id", uuid.uuid4().hex), lines=lines, total_amount=eur(total),
        coupon_codes=list(codes), **fields)


async def burn(client, server, account_id: str, points: int) -> baskets.PointsBurn:
    otp_id, code = await otp(client, server, account_id, points)
    return baskets.PointsBurn(points=points, otp_id=otp_id, otp_code=code)


async def refusal(awaitable) -> errors.RewardsError:
    with pytest.raises(errors.RewardsError) as refused:
        await awaitable
    return refused.value


async def balance(client, account_id: str):
    return (await client.call(client.loyalty.GetBalance, loyalty_api.GetBalanceRequest(account_id=account_id))).balance


async def capture(client, basket_id: str, request_id: str = "", **fields) -> baskets.Basket:
    return (await client.call(client.checkout.CaptureBasket, api.CaptureBasketRequest(
        request_id=request_id, basket_id=basket_id, **fields))).basket


async def void(client, basket_id: str, request_id: str = "") -> baskets.Basket:
    return (await client.call(client.checkout.VoidBasket, api.VoidBasketRequest(
        request_id=request_id, basket_id=basket_id))).basket


def redemptions(stores, offer_id: str) -> int:
    with psycopg.connect(stores.database_url) as connection:
        return connection.execute("SELECT count(*) FROM coupon_redemptions WHERE offer_id = %s",
                                  (offer_id,)).fetchone()[0]


def redis_count(stores, offer_id: str) -> int:
    """The offer's redemption counter in Redis (reserved + confirmed)."""
    client = connect_sync(stores.redis_url)
    try:
        return int(client.get(f"rewards:{{o:{offer_id}}}:redeemed") or 0)
    finally:
        client.close()


async def test_a_basket_of_two_coupons_a_burn_and_an_earn_is_held_then_posted_by_its_capture(client, server,
                                                                                             stores, member):
    _, account_id = member
    fixed_id, fixed = await offer(client, member[0], off(500))
    share_id, share = await offer(client, member[0], percent(1_000))

    authorized = (await client.call(client.checkout.AuthorizeBasket, authorize(
        account_id, fixed, share, points_burn=await burn(client, server, account_id, 300), earn_points=True))).basket

    # 5 EUR off 100 EUR, then 10% of the 95 EUR left; the earn: 1 point per EUR of 85.50 EUR.
    assert [(r.code, r.applied, r.reward.discount_amount.amount_minor, r.reward.kind)
            for r in authorized.coupon_results] == [
        (fixed, True, 500, resources.REWARD_KIND_DISCOUNT_AMOUNT),
        (share, True, 950, resources.REWARD_KIND_DISCOUNT_PERCENT)]
    assert (authorized.state, authorized.discount_amount.amount_minor, authorized.payable_amount.amount_minor,
            authorized.burned_points, authorized.earned_points) == (baskets.BASKET_STATE_AUTHORIZED, 1_450, 8_550,
                                                                    300, 85)
    assert authorized.expire_time.seconds - authorized.authorize_time.seconds == 900
    held = await balance(client, account_id)
    assert (held.posted_points, held.pending_points, held.available_points) == (1_000, 300, 700)
    assert (redemptions(stores, fixed_id), redemptions(stores, share_id)) == (0, 0)
    assert (redis_count(stores, fixed_id), redis_count(stores, share_id)) == (1, 1)

    captured = await capture(client, authorized.basket_id)

    assert captured.state == baskets.BASKET_STATE_CAPTURED and captured.capture_time.seconds
    assert (captured.earned_points, captured.burned_points, captured.payable_amount.amount_minor) == (85, 300, 8_550)
    after = await balance(client, account_id)
    assert (after.posted_points, after.pending_points, after.available_points) == (785, 0, 785)
    assert (redemptions(stores, fixed_id), redemptions(stores, share_id)) == (1, 1)
    assert (redis_count(stores, fixed_id), redis_count(stores, share_id)) == (1, 1)
    with psycopg.connect(stores.database_url) as connection:
        moves = connection.execute(
            "SELECT type, points, transaction_id FROM points_transactions WHERE account_id = %s"
            " ORDER BY type, points DESC",
            (account_id,)).fetchall()
    assert sorted((kind, points) for kind, points, _ in moves) == [(1, 85), (1, 1_000), (6, -300)]
    assert {t for kind, points, t in moves if points in (85, -300)} == {authorized.transaction_id}
    got = (await client.call(client.checkout.GetBasket, api.GetBasketRequest(basket_id=authorized.basket_id))).basket
    assert got == captured


async def test_a_basket_whose_third_coupon_is_exhausted_holds_nothing(client, stores, member):
    program_id, account_id = member
    first_id, first = await offer(client, program_id, off(500), max_redemption_count=1)
    second_id, second = await offer(client, program_id, off(300), max_account_redemption_count=1)
    third_id, third = await offer(client, program_id, off(100), max_redemption_count=1)
    await client.call(client.coupons.RedeemCoupon, coupons.RedeemCouponRequest(
        code=third, account_id=await new_account(client, program_id), store_id="store-1", bill_amount=eur(2_000)))

    refused = await refusal(client.call(client.checkout.AuthorizeBasket, authorize(account_id, first, second, third)))

    assert (refused.reason, refused.metadata["coupon_code"]) == ("REDEMPTION_LIMIT_REACHED", third)
    assert (redis_count(stores, first_id), redis_count(stores, second_id), redis_count(stores, third_id)) == (0, 0, 1)
    with psycopg.connect(stores.database_url) as connection:
        assert connection.execute("SELECT count(*) FROM baskets WHERE account_id = %s",
                                  (account_id,)).fetchone()[0] == 0
    # Both limits are whole again: the account redeems the second, another account the first.
    await client.call(client.coupons.RedeemCoupon, coupons.RedeemCouponRequest(
        code=second, account_id=account_id, store_id="store-1", bill_amount=eur(2_000)))
    await client.call(client.coupons.RedeemCoupon, coupons.RedeemCouponRequest(
        code=first, account_id=await new_account(client, program_id), store_id="store-1", bill_amount=eur(2_000)))
    assert (redemptions(stores, first_id), redemptions(stores, second_id)) == (1, 1)


async def test_a_burn_beyond_the_balance_releases_the_coupons_already_held(client, server, stores, member):
    program_id, account_id = member
    first_id, first = await offer(client, program_id, off(500), max_redemption_count=1)
    second_id, second = await offer(client, program_id, percent(500), max_redemption_count=1)
    await earn(client, account_id, 50_000)  # 1500 points
    ticket = await burn(client, server, account_id, 1_200)
    await client.call(client.loyalty.RedeemPoints, loyalty_api.RedeemPointsRequest(
        account_id=account_id, points=1_200, otp_id=ticket.otp_id, otp_code=ticket.otp_code))  # 300 left
    too_much = await burn(client, server, account_id, 300)
    await client.call(client.loyalty.RedeemPoints, loyalty_api.RedeemPointsRequest(
        account_id=account_id, points=300, otp_id=too_much.otp_id, otp_code=too_much.otp_code))  # 0 left
    again = baskets.PointsBurn(points=300, otp_id=too_much.otp_id, otp_code=too_much.otp_code)

    refused = await refusal(client.call(client.checkout.AuthorizeBasket, authorize(
        account_id, first, second, points_burn=again)))

    assert refused.reason == "OTP_ALREADY_USED"
    assert (redis_count(stores, first_id), redis_count(stores, second_id)) == (0, 0)
    assert (await balance(client, account_id)).pending_points == 0


async def test_skip_invalid_coupons_leaves_a_failing_coupon_out_and_reports_it(client, stores, member):
    program_id, account_id = member
    good_id, good = await offer(client, program_id, off(500))
    spent_id, spent = await offer(client, program_id, off(100), max_redemption_count=1)
    await client.call(client.coupons.RedeemCoupon, coupons.RedeemCouponRequest(
        code=spent, account_id=await new_account(client, program_id), store_id="store-1", bill_amount=eur(2_000)))

    basket = (await client.call(client.checkout.AuthorizeBasket, authorize(
        account_id, spent, "NO-SUCH-CODE", good, skip_invalid_coupons=True))).basket

    assert [(r.code, r.applied, r.reason) for r in basket.coupon_results] == [
        (spent, False, "REDEMPTION_LIMIT_REACHED"), ("NO-SUCH-CODE", False, "COUPON_NOT_FOUND"), (good, True, "")]
    assert basket.discount_amount.amount_minor == 500 and redis_count(stores, spent_id) == 1
    await void(client, basket.basket_id)
    assert redis_count(stores, good_id) == 0


async def test_a_lower_final_total_prices_the_coupons_again_and_drops_one_whose_bill_rule_fails(client, stores,
                                                                                                member):
    program_id, account_id = member
    big_id, big = await offer(client, program_id, off(500), min_bill_amount=eur(8_000))
    share_id, share = await offer(client, program_id, percent(1_000))
    basket = (await client.call(client.checkout.AuthorizeBasket, authorize(
        account_id, big, share, earn_points=True))).basket
    assert (basket.discount_amount.amount_minor, basket.earned_points) == (1_450, 85)

    captured = await capture(client, basket.basket_id, final_total_amount=eur(7_000))

    assert [(r.code, r.applied, r.reason, r.reward.discount_amount.amount_minor)
            for r in captured.coupon_results] == [(big, False, "BILL_AMOUNT_TOO_LOW", 0), (share, True, "", 700)]
    assert (captured.total_amount.amount_minor, captured.discount_amount.amount_minor,
            captured.payable_amount.amount_minor, captured.earned_points) == (7_000, 700, 6_300, 63)
    assert (redemptions(stores, big_id), redis_count(stores, big_id)) == (0, 0)
    assert (redemptions(stores, share_id), redis_count(stores, share_id)) == (1, 1)
    assert (await balance(client, account_id)).posted_points == 1_063


async def test_a_final_total_above_the_authorized_one_is_refused_and_changes_nothing(client, member):
    basket = (await client.call(client.checkout.AuthorizeBasket, authorize(member[1]))).basket

    above = await refusal(client.call(client.checkout.CaptureBasket, api.CaptureBasketRequest(
        request_id=uuid.uuid4().hex, basket_id=basket.basket_id, final_total_amount=eur(10_001))))

    assert (above.reason, above.code.name) == ("CAPTURE_AMOUNT_EXCEEDS_AUTHORIZED", "INVALID_ARGUMENT")
    assert (await capture(client, basket.basket_id)).state == baskets.BASKET_STATE_CAPTURED


async def test_a_basket_is_captured_once_and_a_captured_basket_cannot_be_voided(client, server, stores, member):
    program_id, account_id = member
    offer_id, code = await offer(client, program_id, off(500))
    basket = (await client.call(client.checkout.AuthorizeBasket, authorize(
        account_id, code, points_burn=await burn(client, server, account_id, 100), earn_points=True))).basket
    request_id = uuid.uuid4().hex

    first, retry = await asyncio.gather(capture(client, basket.basket_id, request_id),
                                        capture(client, basket.basket_id, request_id))
    again = await refusal(capture(client, basket.basket_id))
    voided = await refusal(void(client, basket.basket_id))

    assert first == retry and first.state == baskets.BASKET_STATE_CAPTURED
    assert (again.reason, again.code.name) == ("BASKET_ALREADY_CAPTURED", "FAILED_PRECONDITION")
    assert voided.reason == "BASKET_ALREADY_CAPTURED"
    assert redemptions(stores, offer_id) == 1
    assert (await balance(client, account_id)).posted_points == 1_000 - 100 + 95


async def test_a_void_gives_everything_back_and_a_voided_basket_is_never_captured(client, server, stores, member):
    program_id, account_id = member
    offer_id, code = await offer(client, program_id, off(500), max_redemption_count=1)
    basket = (await client.call(client.checkout.AuthorizeBasket, authorize(
        account_id, code, points_burn=await burn(client, server, account_id, 400), earn_points=True))).basket
    assert (await balance(client, account_id)).available_points == 600

    voided = await void(client, basket.basket_id)
    twice = await void(client, basket.basket_id)
    captured = await refusal(capture(client, basket.basket_id))

    assert voided.state == twice.state == baskets.BASKET_STATE_VOIDED and voided.void_time == twice.void_time
    assert captured.reason == "BASKET_VOIDED"
    after = await balance(client, account_id)
    assert (after.posted_points, after.pending_points, after.available_points) == (1_000, 0, 1_000)
    assert (redemptions(stores, offer_id), redis_count(stores, offer_id)) == (0, 0)
    # The offer's only redemption is free again; the same purchase may be authorized again.
    again = (await client.call(client.checkout.AuthorizeBasket, authorize(
        account_id, code, transaction_id=basket.transaction_id))).basket
    assert again.coupon_results[0].applied
    await void(client, again.basket_id)


async def test_an_expired_hold_is_refused_at_capture_and_released_by_the_sweep(client, server, stores, member):
    program_id, account_id = member
    offer_id, code = await offer(client, program_id, off(500), max_redemption_count=1)
    basket = (await client.call(client.checkout.AuthorizeBasket, authorize(
        account_id, code, points_burn=await burn(client, server, account_id, 200),
        hold_duration=duration_pb2.Duration(seconds=1)))).basket
    assert basket.expire_time.seconds - basket.authorize_time.seconds == 1
    await asyncio.sleep(1.2)

    expired = await refusal(capture(client, basket.basket_id))

    assert expired.reason == "BASKET_EXPIRED"
    deadline = time.monotonic() + 60  # The sweep runs every 10 s.
    while True:
        state = (await client.call(client.checkout.GetBasket, api.GetBasketRequest(
            basket_id=basket.basket_id))).basket
        if state.state == baskets.BASKET_STATE_EXPIRED or time.monotonic() > deadline:
            break
        await asyncio.sleep(0.5)
    assert state.state == baskets.BASKET_STATE_EXPIRED and state.void_time.seconds
    assert (await balance(client, account_id)).pending_points == 0
    assert redis_count(stores, offer_id) == 0
    assert (await refusal(capture(client, basket.basket_id))).reason == "BASKET_EXPIRED"
    assert (await void(client, basket.basket_id)).state == baskets.BASKET_STATE_EXPIRED


async def test_the_hold_duration_is_bounded(client, member):
    for seconds, nanos in ((0, 999_999_999), (3_600, 1)):
        refused = await refusal(client.call(client.checkout.AuthorizeBasket, authorize(
            member[1], hold_duration=duration_pb2.Duration(seconds=seconds, nanos=nanos))))
        assert (refused.reason, refused.metadata["field"]) == ("FIELD_OUT_OF_RANGE", "hold_duration")
    for seconds in (1, 3_600):
        basket = (await client.call(client.checkout.AuthorizeBasket, authorize(
            member[1], hold_duration=duration_pb2.Duration(seconds=seconds)))).basket
        assert basket.expire_time.seconds - basket.authorize_time.seconds == seconds
        await void(client, basket.basket_id)


async def test_the_holds_outlive_the_generic_reservation_deadline(client, server, stores, member):
    """A basket's reservations carry its expire_time (plus a margin) as their deadline, so the
    reservation sweeps (30 s deadlines) never release a basket still authorized."""
    program_id, account_id = member
    offer_id, code = await offer(client, program_id, off(500))
    basket = (await client.call(client.checkout.AuthorizeBasket, authorize(
        account_id, code, points_burn=await burn(client, server, account_id, 100)))).basket
    expire_ms = basket.expire_time.seconds * 1000
    store = connect_sync(stores.redis_url)
    try:
        with psycopg.connect(stores.database_url) as connection:
            (epoch,) = connection.execute("SELECT epoch FROM redis_epoch").fetchone()
        coupon_deadline = int(next(iter(store.hgetall(f"rewards:{{o:{offer_id}}}:reservations:{epoch}").values())
                                   ).decode().split("|")[1])
        wallet_deadlines = [score for bucket in range(16) for member_, score in
                            store.zrange(f"rewards:{{wr:{bucket}}}:pending", 0, -1, withscores=True)
                            if member_.decode().startswith(account_id)]
    finally:
        store.close()
    assert coupon_deadline > expire_ms and wallet_deadlines and min(wallet_deadlines) > expire_ms
    await void(client, basket.basket_id)


async def test_concurrent_baskets_on_a_hot_offer_never_exceed_its_limit(client, stores):
    program_id = await new_program(client)
    offer_id, code = await offer(client, program_id, off(500), max_redemption_count=10)
    accounts = await asyncio.gather(*(new_account(client, program_id) for _ in range(40)))

    async def attempt(account_id: str):
        try:
            return (await client.call(client.checkout.AuthorizeBasket, authorize(account_id, code))).basket
        except errors.RewardsError as error:
            return error.reason

    outcomes = await asyncio.gather(*(attempt(account_id) for account_id in accounts))

    held = [o for o in outcomes if not isinstance(o, str)]
    assert len(held) == 10 and {o for o in outcomes if isinstance(o, str)} == {"REDEMPTION_LIMIT_REACHED"}
    assert redis_count(stores, offer_id) == 10
    await asyncio.gather(*(capture(client, b.basket_id) for b in held[:5]),
                         *(void(client, b.basket_id) for b in held[5:]))
    assert redemptions(stores, offer_id) == redis_count(stores, offer_id) == 5


async def test_a_retry_of_each_rpc_replays_its_first_answer(client, server, stores, member):
    program_id, account_id = member
    offer_id, code = await offer(client, program_id, off(500))
    request = authorize(account_id, code, request_id=uuid.uuid4().hex,
                        points_burn=await burn(client, server, account_id, 100), earn_points=True)

    first, second = await asyncio.gather(*(client.call(client.checkout.AuthorizeBasket, request) for _ in range(2)))
    third = await client.call(client.checkout.AuthorizeBasket, request)
    assert first == second == third and redis_count(stores, offer_id) == 1
    assert (await balance(client, account_id)).pending_points == 100
    reused = await refusal(client.call(client.checkout.AuthorizeBasket, authorize(
        account_id, request_id=request.request_id)))
    assert reused.reason == "IDEMPOTENCY_KEY_REUSED"

    void_id = uuid.uuid4().hex
    voided = await void(client, first.basket.basket_id, void_id)
    assert await void(client, first.basket.basket_id, void_id) == voided
    basket = (await client.call(client.checkout.AuthorizeBasket, authorize(account_id, code))).basket
    capture_id = uuid.uuid4().hex
    captured = await capture(client, basket.basket_id, capture_id)
    assert await capture(client, basket.basket_id, capture_id) == captured
    assert redemptions(stores, offer_id) == 1


async def test_bad_baskets_get_a_precise_reason_and_hold_nothing(client, stores, member):
    program_id, account_id = member
    offer_id, code = await offer(client, program_id, off(500))
    transaction_id = uuid.uuid4().hex
    held = (await client.call(client.checkout.AuthorizeBasket, authorize(
        account_id, code, transaction_id=transaction_id))).basket

    cases = {
        "TRANSACTION_ALREADY_AUTHORIZED": authorize(account_id, code, transaction_id=transaction_id),
        "TOTAL_AMOUNT_MISMATCH": api.AuthorizeBasketRequest(
            account_id=account_id, store_id="s", transaction_id="t", total_amount=eur(100),
            lines=[baskets.BasketLine(sku="A", item_count=1, line_amount=eur(99))]),
        "FIELD_TOO_LONG": authorize(account_id, *[f"C{n}" for n in range(33)]),
        "FIELD_INVALID": authorize(account_id, code, code.lower()),
        "CURRENCY_MISMATCH": api.AuthorizeBasketRequest(
            account_id=account_id, store_id="s", transaction_id="t",
            total_amount=eur(100).__class__(amount_minor=100, currency_code="USD")),
        "ACCOUNT_NOT_FOUND": authorize(str(uuid.uuid4()), code),
        "FIELD_REQUIRED": api.AuthorizeBasketRequest(account_id=account_id, total_amount=eur(1)),
    }
    for reason, request in cases.items():
        assert (await refusal(client.call(client.checkout.AuthorizeBasket, request))).reason == reason, reason
    assert redis_count(stores, offer_id) == 1
    missing = await refusal(client.call(client.checkout.GetBasket, api.GetBasketRequest(
        basket_id=str(uuid.uuid4()))))
    assert (missing.reason, missing.code.name) == ("BASKET_NOT_FOUND", "NOT_FOUND")
    await void(client, held.basket_id)
    assert redis_count(stores, offer_id) == 0


async def test_a_basket_names_its_account_by_identifier_and_its_coupons_by_account_coupon_id(client, stores):
    from rewards.accounts.v1 import account_service_pb2 as accounts_api
    from rewards.accounts.v1 import resources_pb2 as accounts

    program_id = await new_program(client)
    card = "C" + uuid.uuid4().hex[:12].upper()
    created = await client.call(client.accounts.CreateAccount, accounts_api.CreateAccountRequest(
        program_id=program_id, identifiers=[accounts.Identifier(type=accounts.IDENTIFIER_TYPE_CARDCODE, value=card)]))
    account_id = created.account.account_id
    issued = await client.call(client.offers.CreateOffer, offers.CreateOfferRequest(offer=resources.Offer(
        program_id=program_id, display_name="own coupon", state=resources.OFFER_STATE_ACTIVE, reward=off(700))))
    coupon = (await client.call(client.coupons.IssueCoupon, coupons.IssueCouponRequest(
        offer_id=issued.offer.offer_id, account_id=account_id))).coupon
    till_id, till_code = await offer(client, program_id, off(100), interaction_point_ids=["till-7"])
    request = authorize("", till_code, account_identifier=accounts.Identifier(
        type=accounts.IDENTIFIER_TYPE_CARDCODE, value=card), account_coupon_ids=[coupon.account_coupon_id],
        interaction_point_id=await builders.ensure_interaction_point(client, "co-till-9"), skip_invalid_coupons=True)
    request.ClearField("account_id")

    basket = (await client.call(client.checkout.AuthorizeBasket, request)).basket

    assert basket.account_id == account_id
    assert [(r.code, r.applied, r.reason, r.reward.discount_amount.amount_minor) for r in basket.coupon_results] == [
        (till_code, False, "INTERACTION_POINT_NOT_ALLOWED", 0), (coupon.account_coupon_id, True, "", 700)]
    await capture(client, basket.basket_id)
    assert redemptions(stores, issued.offer.offer_id) == 1 and redemptions(stores, till_id) == 0
    # The issued coupon is single use: a second basket cannot hold it again.
    again = await refusal(client.call(client.checkout.AuthorizeBasket, authorize(
        account_id, account_coupon_ids=[coupon.account_coupon_id])))
    assert (again.reason, again.metadata["coupon_code"]) == ("COUPON_ALREADY_REDEEMED", coupon.account_coupon_id)


async def test_an_extrapoint_coupon_adds_to_the_basket_s_earn(client, stores, member):
    program_id, account_id = member
    bonus_id, bonus = await offer(client, program_id, resources.Reward(
        kind=resources.REWARD_KIND_EXTRAPOINT, extra_points=50))

    basket = (await client.call(client.checkout.AuthorizeBasket, authorize(account_id, bonus, earn_points=True))
              ).basket
    assert [(r.applied, r.reward.kind, r.reward.extra_points, r.reward.discount_amount.amount_minor)
            for r in basket.coupon_results] == [(True, resources.REWARD_KIND_EXTRAPOINT, 50, 0)]
    assert (basket.discount_amount.amount_minor, basket.earned_points) == (0, 150)
    captured = await capture(client, basket.basket_id)

    assert captured.earned_points == 150 and (await balance(client, account_id)).posted_points == 1_150
    with psycopg.connect(stores.database_url) as connection:
        (linked,) = connection.execute("SELECT points_transaction_id::text FROM coupon_redemptions"
                                       " WHERE offer_id = %s", (bonus_id,)).fetchone()
    assert linked == captured.earn_points_transaction_id


async def test_concurrent_baskets_never_overspend_one_wallet(client, server, member):
    _, account_id = member
    burns = [await burn(client, server, account_id, 300) for _ in range(8)]

    async def attempt(points_burn):
        try:
            return (await client.call(client.checkout.AuthorizeBasket, authorize(
                account_id, points_burn=points_burn))).basket
        except errors.RewardsError as error:
            return error.reason

    outcomes = await asyncio.gather(*(attempt(b) for b in burns))

    held = [o for o in outcomes if not isinstance(o, str)]
    assert len(held) == 3 and {o for o in outcomes if isinstance(o, str)} == {"INSUFFICIENT_POINTS"}
    during = await balance(client, account_id)
    assert (during.posted_points, during.pending_points, during.available_points) == (1_000, 900, 100)
    await asyncio.gather(*(capture(client, b.basket_id) for b in held[:2]), void(client, held[2].basket_id))
    after = await balance(client, account_id)
    assert (after.posted_points, after.pending_points, after.available_points) == (400, 0, 400)


async def test_of_concurrent_captures_and_voids_of_one_basket_exactly_one_wins(client, server, stores, member):
    program_id, account_id = member
    offer_id, code = await offer(client, program_id, off(500))
    outcomes = []
    for _ in range(3):
        basket = (await client.call(client.checkout.AuthorizeBasket, authorize(
            account_id, code, points_burn=await burn(client, server, account_id, 100), earn_points=True))).basket

        async def attempt(call):
            try:
                return (await call).state
            except errors.RewardsError as error:
                return error.reason

        results = await asyncio.gather(*(attempt(capture(client, basket.basket_id)) for _ in range(4)),
                                       attempt(void(client, basket.basket_id)))
        won = [r for r in results if not isinstance(r, str)]
        assert len(won) == 1, results
        lost = {r for r in results if isinstance(r, str)}
        if won == [baskets.BASKET_STATE_CAPTURED]:
            assert lost == {"BASKET_ALREADY_CAPTURED"}, results
        else:
            assert won == [baskets.BASKET_STATE_VOIDED] and lost == {"BASKET_VOIDED"}, results
        outcomes.append(won[0])
    captured = outcomes.count(baskets.BASKET_STATE_CAPTURED)
    assert redemptions(stores, offer_id) == redis_count(stores, offer_id) == captured
    after = await balance(client, account_id)
    assert (after.posted_points, after.pending_points) == (1_000 + captured * (95 - 100), 0)
