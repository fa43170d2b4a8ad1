"""Issuance rules over gRPC: customer lists, issue gaps, resending on a re-match, the notification
threshold, account coupon ids (GetAccountCoupon, redeem by id) and BulkIssueCoupons' per-row reasons."""

from __future__ import annotations

import asyncio
import re
import uuid

import psycopg
import pytest
from google.protobuf import duration_pb2
from rewards.accounts.v1 import account_service_pb2 as account_api
from rewards.accounts.v1 import resources_pb2 as account_resources
from rewards.coupons.v1 import coupon_service_pb2 as coupons
from rewards.coupons.v1 import offer_service_pb2 as offers
from rewards.coupons.v1 import resources_pb2 as resources
from rewards.type.v1 import money_pb2

from rewards_client import RewardsClient
from tests.e2e import builders
from tests.e2e.coupon_accounts import new_account, new_accounts
from tests.e2e.test_points import error_of as failure
from tests.e2e.test_points import reason_of

PROGRAM = "issuance-e2e"
Row = coupons.BulkIssueCouponsRequest.Row



def eur(amount_minor: int) -> money_pb2.Money:
    return money_pb2.Money(amount_minor=amount_minor, currency_code="EUR")


async def new_offer(client: RewardsClient, common_code: str = "", **rules) -> str:
    return await builders.new_offer(client, PROGRAM, common_code=common_code, discount_minor=200, **rules)


async def issue(client: RewardsClient, offer_id: str, account_id: str) -> coupons.IssueCouponResponse:
    return await client.call(client.coupons.IssueCoupon, coupons.IssueCouponRequest(
        offer_id=offer_id, account_id=account_id))




def redeem_by_id(account_coupon_id: str, **fields) -> coupons.RedeemCouponRequest:
    return coupons.RedeemCouponRequest(account_coupon_id=account_coupon_id, store_id="store-1",
                                       bill_amount=eur(1_000), **fields)


def seconds(value: int) -> duration_pb2.Duration:
    return duration_pb2.Duration(seconds=value)


# --- customer lists --------------------------------------------------------------------------

async def test_a_listed_only_offer_issues_only_to_listed_accounts(client):
    offer_id = await new_offer(client, listed_accounts_only=True)
    listed, other = await new_account(client, PROGRAM), await new_account(client, PROGRAM)
    assert await reason_of(issue(client, offer_id, listed)) == "ACCOUNT_NOT_LISTED"
    added = await client.call(client.offers.AddOfferCustomers, offers.AddOfferCustomersRequest(
        offer_id=offer_id, account_ids=[listed, listed.upper()]))
    assert added.added_count == 1  # The same UUID twice counts once.
    again = await client.call(client.offers.AddOfferCustomers, offers.AddOfferCustomersRequest(
        offer_id=offer_id, account_ids=[listed]))
    assert again.added_count == 0
    assert (await issue(client, offer_id, listed)).coupon.account_id == listed
    assert await reason_of(issue(client, offer_id, other)) == "ACCOUNT_NOT_LISTED"


async def test_add_offer_customers_refuses_bad_input_and_lists_nobody(client, stores):
    offer_id = await new_offer(client, listed_accounts_only=True)
    good = str(uuid.uuid4())
    error = await failure(client.call(client.offers.AddOfferCustomers, offers.AddOfferCustomersRequest(
        offer_id=offer_id, account_ids=[good, "not-a-uuid"])))
    assert (error.reason, error.metadata["field"]) == ("FIELD_INVALID", "account_ids[1]")
    too_many = [str(uuid.uuid4()) for _ in range(1_001)]
    error = await failure(client.call(client.offers.AddOfferCustomers, offers.AddOfferCustomersRequest(
        offer_id=offer_id, account_ids=too_many)))
    assert error.reason == "FIELD_TOO_LONG"
    added = await client.call(client.offers.AddOfferCustomers, offers.AddOfferCustomersRequest(
        offer_id=offer_id, account_ids=too_many[:1_000]))
    assert added.added_count == 1_000  # The limit is inclusive.
    with psycopg.connect(stores.database_url) as connection:
        assert connection.execute("SELECT count(*) FROM offer_customers WHERE offer_id = %s AND account_id = %s",
                                  (offer_id, good)).fetchone()[0] == 0


# --- gaps, limits and re-matches -------------------------------------------------------------

async def test_an_issue_inside_the_gap_is_refused_until_it_has_elapsed(client):
    offer_id = await new_offer(client, min_issue_gap=seconds(2))
    account = await new_account(client, PROGRAM)
    await issue(client, offer_id, account)
    error = await failure(issue(client, offer_id, account))
    assert error.reason == "ISSUE_GAP_NOT_MET" and "retry_time" in error.metadata
    assert (await issue(client, offer_id, await new_account(client, PROGRAM))).coupon.coupon_id  # Per account only.
    await asyncio.sleep(2.1)
    assert (await issue(client, offer_id, account)).coupon.account_id == account


async def test_a_rematch_resends_the_held_coupon_only_while_it_is_redeemable(client):
    offer_id = await new_offer(client, max_account_issue_count=1,
                               rematch_policy=resources.REMATCH_POLICY_RESEND_EXISTING)
    account = await new_account(client, PROGRAM)
    first = await issue(client, offer_id, account)
    assert not first.resent
    second = await issue(client, offer_id, account)
    assert second.resent and second.coupon.coupon_id == first.coupon.coupon_id
    await client.call(client.coupons.RedeemCoupon, coupons.RedeemCouponRequest(
        code=first.coupon.code, account_id=account, store_id="store-1", bill_amount=eur(1_000)))
    assert await reason_of(issue(client, offer_id, account)) == "ISSUE_LIMIT_PER_CUSTOMER_REACHED"


async def test_send_nothing_refuses_a_rematch(client):
    offer_id = await new_offer(client, max_account_issue_count=1,
                               rematch_policy=resources.REMATCH_POLICY_SEND_NOTHING)
    account = await new_account(client, PROGRAM)
    issued = await issue(client, offer_id, account)
    # The answer carries the offer's rules, for the checkout or app to show with the coupon.
    assert (issued.offer.offer_id, issued.offer.rules.max_account_issue_count) == (offer_id, 1)
    assert issued.offer.reward.discount_amount.amount_minor == 200
    assert await reason_of(issue(client, offer_id, account)) == "ISSUE_LIMIT_PER_CUSTOMER_REACHED"


async def test_the_issuance_rules_read_back(client):
    offer_id = await new_offer(client, min_issue_gap=seconds(86_400), listed_accounts_only=True,
                               rematch_policy=resources.REMATCH_POLICY_RESEND_EXISTING, max_issue_count=10,
                               issue_notification_threshold=3)
    offer = (await client.call(client.offers.GetOffer, offers.GetOfferRequest(offer_id=offer_id))).offer
    rules = offer.rules
    assert (rules.min_issue_gap.seconds, rules.listed_accounts_only, rules.rematch_policy,
            rules.issue_notification_threshold) == (86_400, True, resources.REMATCH_POLICY_RESEND_EXISTING, 3)
    assert offer.remaining_issue_count == 10 and not offer.HasField("issue_threshold_reach_time")


@pytest.mark.parametrize("rules, field", [
    ({"max_issue_count": 5, "issue_notification_threshold": 5}, "offer.rules.issue_notification_threshold"),
    ({"issue_notification_threshold": 1}, "offer.rules.issue_notification_threshold"),
    ({"min_issue_gap": duration_pb2.Duration(seconds=-1)}, "offer.rules.min_issue_gap"),
])
async def test_bad_issuance_rules_are_out_of_range(client, rules, field):
    error = await failure(new_offer(client, **rules))
    assert (error.reason, error.metadata["field"]) == ("FIELD_OUT_OF_RANGE", field)


async def test_the_notification_threshold_is_recorded_once_when_it_is_reached(client, stores):
    offer_id = await new_offer(client, max_issue_count=6, issue_notification_threshold=2)
    for _ in range(3):
        await issue(client, offer_id, await new_account(client, PROGRAM))
    offer = (await client.call(client.offers.GetOffer, offers.GetOfferRequest(offer_id=offer_id))).offer
    assert offer.remaining_issue_count == 3 and not offer.HasField("issue_threshold_reach_time")
    results = await asyncio.gather(*(reason_of(issue(client, offer_id, account))
                                     for account in await new_accounts(client, 5, PROGRAM)))
    assert sorted(results, key=str) == [None, None, None] + ["OFFER_ISSUE_LIMIT_REACHED"] * 2
    offer = (await client.call(client.offers.GetOffer, offers.GetOfferRequest(offer_id=offer_id))).offer
    assert offer.remaining_issue_count == 0 and offer.HasField("issue_threshold_reach_time")
    with psycopg.connect(stores.database_url) as connection:
        events = connection.execute("SELECT detail FROM offer_events WHERE offer_id = %s", (offer_id,)).fetchall()
    assert [event[0]["remaining_issue_count"] for event in events] == [2]


# --- common codes ----------------------------------------------------------------------------

async def test_a_common_code_is_issued_once_per_account(client):
    code = "COMMON" + uuid.uuid4().hex[:8].upper()
    offer_id = await new_offer(client, common_code=code)
    account = await new_account(client, PROGRAM)
    coupon = (await issue(client, offer_id, account)).coupon
    assert coupon.code == code
    assert (await issue(client, offer_id, await new_account(client, PROGRAM))).coupon.code == code
    assert await reason_of(issue(client, offer_id, account)) == "COMMON_CODE_ALREADY_ISSUED"
    # The common code still redeems for anyone, within the offer's limits.
    redeemed = await client.call(client.coupons.RedeemCoupon, coupons.RedeemCouponRequest(
        code=code, account_id=account, store_id="store-1", bill_amount=eur(1_000)))
    assert redeemed.reward.discount_amount.amount_minor == 200


async def test_an_activatable_common_code_redeems_only_each_account_s_activated_coupon_once(client):
    code = "ACTC" + uuid.uuid4().hex[:8].upper()
    offer_id = await new_offer(client, common_code=code, activation_required=True)
    holder, revoked, stranger = await new_accounts(client, 3, PROGRAM)

    def redeem(account: str) -> coupons.RedeemCouponRequest:
        return coupons.RedeemCouponRequest(code=code, account_id=account, store_id="store-1", bill_amount=eur(1_000))

    assert await reason_of(client.call(client.coupons.RedeemCoupon, redeem(stranger))) == "COUPON_NOT_FOUND"
    issued = (await issue(client, offer_id, holder)).coupon
    assert issued.state == resources.COUPON_STATE_ISSUED
    assert await reason_of(client.call(client.coupons.RedeemCoupon, redeem(holder))) == "COUPON_NOT_ACTIVATED"
    activated = (await client.call(client.coupons.ActivateCoupon, coupons.ActivateCouponRequest(
        code=code.lower(), account_id=holder))).coupon
    assert (activated.coupon_id, activated.state) == (issued.coupon_id, resources.COUPON_STATE_ACTIVE)
    await client.call(client.coupons.RedeemCoupon, redeem(holder))
    assert await reason_of(client.call(client.coupons.RedeemCoupon, redeem(holder))) == "COUPON_ALREADY_REDEEMED"
    read = (await client.call(client.coupons.GetCoupon, coupons.GetCouponRequest(code=code, account_id=holder))).coupon
    assert (read.state, read.redemption_count) == (resources.COUPON_STATE_REDEEMED, 1)

    await issue(client, offer_id, revoked)
    await client.call(client.coupons.ActivateCoupon, coupons.ActivateCouponRequest(code=code, account_id=revoked))
    await client.call(client.coupons.RevokeCoupon, coupons.RevokeCouponRequest(code=code, account_id=revoked))
    assert await reason_of(client.call(client.coupons.RedeemCoupon, redeem(revoked))) == "COUPON_REVOKED"


# --- account coupon ids ----------------------------------------------------------------------

async def test_an_account_coupon_id_reads_validates_and_redeems_the_coupon(client):
    offer_id = await new_offer(client)
    account = await new_account(client, PROGRAM)
    coupon = (await issue(client, offer_id, account)).coupon
    assert re.fullmatch(r"AC1[A-Z2-7]{52}", coupon.account_coupon_id)
    read = (await client.call(client.coupons.GetAccountCoupon, coupons.GetAccountCouponRequest(
        account_coupon_id=coupon.account_coupon_id))).coupon
    assert (read.coupon_id, read.state, read.account_redemption_count) == (coupon.coupon_id,
                                                                            resources.COUPON_STATE_ACTIVE, 0)
    validated = await client.call(client.coupons.ValidateCoupon, coupons.ValidateCouponRequest(
        account_coupon_id=coupon.account_coupon_id, store_id="store-1", bill_amount=eur(1_000)))
    assert validated.redeemable and validated.coupon.code == coupon.code
    redeemed = await client.call(client.coupons.RedeemCoupon, redeem_by_id(coupon.account_coupon_id))
    assert redeemed.coupon.account_id == account
    read = (await client.call(client.coupons.GetAccountCoupon, coupons.GetAccountCouponRequest(
        account_coupon_id=coupon.account_coupon_id))).coupon
    assert (read.state, read.account_redemption_count, read.offer_redemption_count) == (
        resources.COUPON_STATE_REDEEMED, 1, 1)
    assert await reason_of(client.call(client.coupons.RedeemCoupon, redeem_by_id(
        coupon.account_coupon_id))) == "COUPON_ALREADY_REDEEMED"


async def test_a_retried_redemption_by_account_coupon_id_redeems_once(client):
    offer_id = await new_offer(client)
    coupon = (await issue(client, offer_id, await new_account(client, PROGRAM))).coupon
    request = redeem_by_id(coupon.account_coupon_id, request_id=uuid.uuid4().hex)
    replies = await asyncio.gather(*(client.call(client.coupons.RedeemCoupon, request) for _ in range(10)),
                                   return_exceptions=True)
    done = {reply.redemption_id for reply in replies if not isinstance(reply, Exception)}
    assert len(done) == 1


async def test_bad_account_coupon_ids_are_refused(client):
    offer_id = await new_offer(client)
    coupon = (await issue(client, offer_id, await new_account(client, PROGRAM))).coupon
    for value in ("AC1" + "A" * 51, "XX1" + coupon.account_coupon_id[3:], coupon.account_coupon_id[:-1] + "1"):
        error = await failure(client.call(client.coupons.GetAccountCoupon, coupons.GetAccountCouponRequest(
            account_coupon_id=value)))
        assert (error.reason, error.metadata["field"]) == ("FIELD_INVALID", "account_coupon_id")
    stranger = (await issue(client, await new_offer(client), await new_account(client, PROGRAM))).coupon
    # A well-formed id of an account that holds no coupon of the offer.
    from core.domain.coupons import account_coupon_id
    error = await failure(client.call(client.coupons.GetAccountCoupon, coupons.GetAccountCouponRequest(
        account_coupon_id=account_coupon_id(offer_id, stranger.account_id))))
    assert error.reason == "COUPON_NOT_FOUND"
    error = await failure(client.call(client.coupons.RedeemCoupon, redeem_by_id(
        coupon.account_coupon_id, account_id=stranger.account_id)))
    assert (error.reason, error.metadata["field"]) == ("FIELD_INVALID", "account_id")
    error = await failure(client.call(client.coupons.RedeemCoupon, redeem_by_id(
        coupon.account_coupon_id, code=coupon.code)))
    assert (error.reason, error.metadata["field"]) == ("FIELD_INVALID", "code")


# --- bulk issue ------------------------------------------------------------------------------

async def create_account(client: RewardsClient, *identifiers: tuple[int, str]) -> str:
    request = account_api.CreateAccountRequest(program_id=PROGRAM, identifiers=[
        account_resources.Identifier(type=kind, value=value) for kind, value in identifiers])
    return (await client.call(client.accounts.CreateAccount, request)).account.account_id


def batch(offer_id: str, rows: list[Row], request_id: str | None = None) -> coupons.BulkIssueCouponsRequest:
    return coupons.BulkIssueCouponsRequest(request_id=request_id or uuid.uuid4().hex, offer_id=offer_id, rows=rows)


async def test_bulk_issue_gives_every_bad_row_its_reason_and_issues_the_good_ones(client, stores):
    external, mobile, email = uuid.uuid4().hex, "+49" + str(uuid.uuid4().int)[:10], f"{uuid.uuid4().hex}@example.com"
    by_external = await create_account(client, (account_resources.IDENTIFIER_TYPE_EXTERNALCODE, external))
    by_mobile = await create_account(client, (account_resources.IDENTIFIER_TYPE_PHONE, mobile))
    by_email = await create_account(client, (account_resources.IDENTIFIER_TYPE_EMAIL, email))
    offer_id = await new_offer(client, max_account_issue_count=1)
    taken = (await issue(client, await new_offer(client), await new_account(client, PROGRAM))).coupon.code
    fresh = "BULK-" + uuid.uuid4().hex[:10].upper()
    plain = await new_account(client, PROGRAM)
    rows = [
        Row(account_id=plain),                                  # 0 issued
        Row(account_id="not-a-uuid"),                           # 1
        Row(external_id=external),                              # 2 issued
        Row(external_id="x" * 257),                             # 3
        Row(mobile="12345"),                                    # 4
        Row(mobile="+4900000000001"),                           # 5 nobody holds it
        Row(email="not-an-address"),                            # 6
        Row(email=email.upper()),                               # 7 issued (e-mails compare lower-cased)
        Row(mobile=mobile, code=fresh.lower()),                 # 8 issued with its code
        Row(account_id=await new_account(client, PROGRAM), code=fresh),          # 9 the same code again
        Row(account_id=await new_account(client, PROGRAM), code=taken),          # 10 a code the org has
        Row(account_id=plain),                                  # 11 per-customer limit
        Row(account_id=await new_account(client, PROGRAM)),                      # 12 issued
        Row(),                                                  # 13 no customer
    ]
    request = batch(offer_id, rows)
    [reply] = await client.exchange(client.coupons.BulkIssueCoupons, [request])
    reasons = [row.reason for row in reply.rows]
    assert reasons == ["", "INVALID_ACCOUNT_ID", "", "INVALID_EXTERNAL_ID", "INVALID_MOBILE", "ACCOUNT_NOT_FOUND",
                       "INVALID_EMAIL", "", "", "DUPLICATE_CODE", "DUPLICATE_CODE",
                       "ISSUE_LIMIT_PER_CUSTOMER_REACHED", "", "FIELD_REQUIRED"]
    assert (reply.issued_count, reply.failed_count) == (5, 9)
    accounts = {index: reply.rows[index].account_id for index in (0, 2, 7, 8)}
    assert accounts == {0: plain, 2: by_external, 7: by_email, 8: by_mobile}
    assert reply.rows[8].coupon.code == fresh
    with psycopg.connect(stores.database_url) as connection:
        issued = connection.execute("SELECT count(*) FROM coupons WHERE offer_id = %s", (offer_id,)).fetchone()[0]
    assert issued == 5
    # The same batch again replays every row.
    [again] = await client.exchange(client.coupons.BulkIssueCoupons, [request])
    assert again == reply


async def test_bulk_rows_of_many_accounts_never_exceed_the_offer_issue_limit(client, stores):
    offer_id = await new_offer(client, max_issue_count=60)
    rows = [Row(account_id=account) for account in await new_accounts(client, 100, PROGRAM)]
    [reply] = await client.exchange(client.coupons.BulkIssueCoupons, [batch(offer_id, rows)])

    assert sorted(row.reason for row in reply.rows) == [""] * 60 + ["OFFER_ISSUE_LIMIT_REACHED"] * 40
    assert [row.row_index for row in reply.rows] == list(range(100))  # Answered in row order.
    with psycopg.connect(stores.database_url) as connection:
        assert connection.execute("SELECT count(*) FROM coupons WHERE offer_id = %s", (offer_id,)).fetchone()[0] == 60


async def test_bulk_issue_of_a_common_code_refuses_a_second_coupon_per_account(client):
    code = "BULKC" + uuid.uuid4().hex[:8].upper()
    offer_id = await new_offer(client, common_code=code)
    account = await new_account(client, PROGRAM)
    replies = await client.exchange(client.coupons.BulkIssueCoupons, [
        batch(offer_id, [Row(account_id=account, code=code.lower()), Row(account_id=await new_account(client, PROGRAM))]),
        batch(offer_id, [Row(account_id=account), Row(account_id=await new_account(client, PROGRAM), code="OTHER-CODE")])])
    assert [[row.reason for row in reply.rows] for reply in replies] == [
        ["", ""], ["COMMON_CODE_ALREADY_ISSUED", "FIELD_INVALID"]]
    assert replies[0].rows[0].coupon.code == code


async def test_bulk_issue_rows_meet_the_issue_gap(client):
    offer_id = await new_offer(client, min_issue_gap=seconds(3_600))
    account = await new_account(client, PROGRAM)
    [reply] = await client.exchange(client.coupons.BulkIssueCoupons, [
        batch(offer_id, [Row(account_id=account), Row(account_id=account)])])
    assert [row.reason for row in reply.rows] == ["", "ISSUE_GAP_NOT_MET"]


async def test_a_bulk_batch_over_the_row_limit_or_for_another_offer_fails_the_stream(client):
    offer_id = await new_offer(client)
    accounts = await new_accounts(client, 1_000, PROGRAM)
    rows = [Row(account_id=account) for account in accounts + accounts[:1]]
    error = await failure(client.exchange(client.coupons.BulkIssueCoupons, [batch(offer_id, rows)]))
    assert error.reason == "FIELD_TOO_LONG"
    [reply] = await client.exchange(client.coupons.BulkIssueCoupons, [batch(offer_id, rows[:1_000])])
    assert reply.issued_count == 1_000  # The limit is inclusive.
    other = await new_offer(client)
    error = await failure(client.exchange(client.coupons.BulkIssueCoupons, [
        batch(offer_id, rows[:1]), batch(other, rows[1:2])]))
    assert (error.reason, error.metadata["field"]) == ("FIELD_INVALID", "offer_id")
