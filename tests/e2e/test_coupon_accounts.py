"""The coupon path checks the account over gRPC: a LOCKED, deleted, never-created account or one
of another program is refused by IssueCoupon, BulkIssueCoupons, ValidateCoupon, RedeemCoupon,
ActivateCoupon / DeactivateCoupon and ListDeals; a lock holds at once and an unlock too; every
coupon RPC that takes an account takes one of its identifiers instead."""

from __future__ import annotations

import uuid

import pytest
from core.adapters.redis.client import connect_sync
from rewards.coupons.v1 import coupon_service_pb2 as coupons
from rewards.coupons.v1 import offer_service_pb2 as offers
from rewards.coupons.v1 import resources_pb2 as resources

from rewards_client import RewardsClient
from tests.e2e.coupon_accounts import PROGRAM, card, delete, lock, new_account, unlock
from tests.e2e.builders import eur, offer_with_code, reason_of, redeem

OTHER_PROGRAM = "prog-other"
Row = coupons.BulkIssueCouponsRequest.Row


async def unique_offer(client: RewardsClient, **rules) -> str:
    """An ACTIVE offer of PROGRAM without series: each issue makes a unique code."""
    created = await client.call(client.offers.CreateOffer, offers.CreateOfferRequest(offer=resources.Offer(
        program_id=PROGRAM, display_name="5 EUR off", state=resources.OFFER_STATE_ACTIVE,
        reward=resources.Reward(kind=resources.REWARD_KIND_DISCOUNT_AMOUNT, discount_amount=eur(500)),
        rules=resources.OfferRules(**rules))))
    return created.offer.offer_id


async def issue(client: RewardsClient, offer_id: str, account: str) -> resources.Coupon:
    return (await client.call(client.coupons.IssueCoupon, coupons.IssueCouponRequest(
        offer_id=offer_id, account_id=account))).coupon


def validate(code: str, account: str = "", **fields) -> coupons.ValidateCouponRequest:
    return coupons.ValidateCouponRequest(code=code, account_id=account, store_id="store-1", bill_amount=eur(2_000),
                                         **fields)


async def deal_offers(client: RewardsClient, **query) -> list[str]:
    reply = await client.call(client.coupons.ListDeals, coupons.ListDealsRequest(page_size=500, **query))
    return [deal.offer_id for deal in reply.deals]


async def refused_account(client: RewardsClient, kind: str) -> str:
    if kind == "never_created":
        return str(uuid.uuid4())
    account = await new_account(client, OTHER_PROGRAM if kind == "other_program" else PROGRAM)
    if kind == "locked":
        await lock(client, account)
    elif kind == "deleted":
        await delete(client, account)
    return account


@pytest.mark.parametrize("kind, reason", [
    ("locked", "ACCOUNT_NOT_ACTIVE"), ("deleted", "ACCOUNT_NOT_FOUND"), ("other_program", "ACCOUNT_NOT_FOUND"),
    ("never_created", "ACCOUNT_NOT_FOUND")])
async def test_an_account_that_may_not_take_coupons_is_refused_by_issue_bulk_validate_redeem_and_deals(
        client, stores, kind, reason):
    offer_id = await unique_offer(client)
    common_offer, code = await offer_with_code(client)
    account = await refused_account(client, kind)

    issued = await reason_of(client.call(client.coupons.IssueCoupon, coupons.IssueCouponRequest(
        offer_id=offer_id, account_id=account)))
    [bulk] = await client.exchange(client.coupons.BulkIssueCoupons, [coupons.BulkIssueCouponsRequest(
        request_id=uuid.uuid4().hex, offer_id=offer_id, rows=[Row(account_id=account)])])
    validation = await client.call(client.coupons.ValidateCoupon, validate(code, account))
    redeemed = await reason_of(client.call(client.coupons.RedeemCoupon, redeem(code, account)))

    assert issued == reason
    assert (bulk.issued_count, bulk.rows[0].reason) == (0, reason)
    assert (validation.redeemable, validation.reason) == (False, reason) and reason in validation.reasons
    assert redeemed == reason
    if kind == "other_program":  # Its own program's deals, never this program's offers.
        assert common_offer not in await deal_offers(client, account_id=account)
    else:
        assert await reason_of(client.call(client.coupons.ListDeals, coupons.ListDealsRequest(
            account_id=account))) == reason


async def test_a_refused_account_metadata_names_the_account_and_the_offers_program(client):
    _, code = await offer_with_code(client)
    account = await new_account(client, OTHER_PROGRAM)

    from rewards_client import errors
    with pytest.raises(errors.NotFound) as missing:
        await client.call(client.coupons.RedeemCoupon, redeem(code, account))

    assert missing.value.reason == "ACCOUNT_NOT_FOUND"
    assert missing.value.metadata == {"account_id": account, "program_id": PROGRAM}


async def test_a_lock_after_the_issue_refuses_redemption_at_once_and_an_unlock_allows_it_again(client, stores):
    offer_id = await unique_offer(client)
    _, common = await offer_with_code(client)
    account = await new_account(client)
    coupon = await issue(client, offer_id, account)
    assert (await client.call(client.coupons.ValidateCoupon, validate(coupon.code, account))).redeemable

    await lock(client, account)
    locked = await reason_of(client.call(client.coupons.RedeemCoupon, redeem(coupon.code, account)))
    locked_common = await reason_of(client.call(client.coupons.RedeemCoupon, redeem(common, account)))
    validation = await client.call(client.coupons.ValidateCoupon, validate(coupon.code, account))
    await unlock(client, account)
    redeemed = await client.call(client.coupons.RedeemCoupon, redeem(coupon.code, account))

    assert (locked, locked_common) == ("ACCOUNT_NOT_ACTIVE", "ACCOUNT_NOT_ACTIVE")
    assert (validation.redeemable, list(validation.reasons)) == (False, ["ACCOUNT_NOT_ACTIVE"])
    assert redeemed.coupon.account_id == account and redeemed.reward.discount_amount == eur(500)


async def test_a_deletion_after_the_issue_refuses_redemption_at_once(client):
    offer_id = await unique_offer(client)
    account = await new_account(client)
    coupon = await issue(client, offer_id, account)

    await delete(client, account)

    assert await reason_of(client.call(client.coupons.RedeemCoupon, redeem(coupon.code, account))) == \
        "ACCOUNT_NOT_FOUND"


async def test_a_lock_holds_when_redis_lost_the_accounts_state(client, stores):
    _, code = await offer_with_code(client)
    account = await new_account(client)
    await client.call(client.coupons.RedeemCoupon, redeem(code, account))  # Its state is in Redis now.
    await lock(client, account)

    connection = connect_sync(stores.redis_url)
    try:
        assert connection.delete(f"rewards:{{a:{account}}}:state") == 1
    finally:
        connection.close()

    assert await reason_of(client.call(client.coupons.RedeemCoupon, redeem(code, account))) == "ACCOUNT_NOT_ACTIVE"


async def test_a_retried_redemption_replays_its_reply_after_the_account_was_locked(client):
    _, code = await offer_with_code(client)
    account = await new_account(client)
    request = redeem(code, account, request_id=uuid.uuid4().hex)
    first = await client.call(client.coupons.RedeemCoupon, request)

    await lock(client, account)

    assert await client.call(client.coupons.RedeemCoupon, request) == first
    assert await reason_of(client.call(client.coupons.RedeemCoupon, redeem(code, account))) == "ACCOUNT_NOT_ACTIVE"


@pytest.mark.parametrize("kind, reason", [("locked", "ACCOUNT_NOT_ACTIVE"), ("deleted", "ACCOUNT_NOT_FOUND")])
async def test_activation_and_deactivation_refuse_an_account_locked_or_deleted_after_the_issue(client, kind, reason):
    offer_id = await unique_offer(client, activation_required=True)
    account = await new_account(client)
    waiting = await issue(client, offer_id, account)
    active = await issue(client, offer_id, account)
    await client.call(client.coupons.ActivateCoupon, coupons.ActivateCouponRequest(code=active.code,
                                                                                   account_id=account))

    await (lock if kind == "locked" else delete)(client, account)
    activated = await reason_of(client.call(client.coupons.ActivateCoupon, coupons.ActivateCouponRequest(
        code=waiting.code, account_id=account)))
    deactivated = await reason_of(client.call(client.coupons.DeactivateCoupon, coupons.DeactivateCouponRequest(
        code=active.code, account_id=account)))

    assert (activated, deactivated) == (reason, reason)
    for stranger in (await new_account(client, OTHER_PROGRAM), str(uuid.uuid4())):  # Holds no coupon.
        assert await reason_of(client.call(client.coupons.ActivateCoupon, coupons.ActivateCouponRequest(
            code=waiting.code, account_id=stranger))) == "COUPON_NOT_FOUND"
    if kind == "locked":
        await unlock(client, account)
        again = await client.call(client.coupons.ActivateCoupon, coupons.ActivateCouponRequest(
            code=waiting.code, account_id=account))
        assert again.coupon.state == resources.COUPON_STATE_ACTIVE


# --- identifiers ------------------------------------------------------------------------------

async def test_every_coupon_rpc_takes_an_identifier_instead_of_the_account_id(client):
    identifier = card()
    account = await new_account(client, PROGRAM, identifier)
    offer_id = await unique_offer(client, activation_required=True)
    _, common = await offer_with_code(client)
    by = {"account_identifier": identifier}

    issued = (await client.call(client.coupons.IssueCoupon, coupons.IssueCouponRequest(
        offer_id=offer_id, **by))).coupon
    activated = (await client.call(client.coupons.ActivateCoupon, coupons.ActivateCouponRequest(
        code=issued.code, **by))).coupon
    read = (await client.call(client.coupons.GetCoupon, coupons.GetCouponRequest(code=issued.code, **by))).coupon
    validation = await client.call(client.coupons.ValidateCoupon, validate(issued.code, **by))
    redeemed = await client.call(client.coupons.RedeemCoupon, coupons.RedeemCouponRequest(
        code=issued.code, store_id="store-1", bill_amount=eur(2_000), **by))
    common_redeemed = await client.call(client.coupons.RedeemCoupon, coupons.RedeemCouponRequest(
        code=common, store_id="store-1", bill_amount=eur(2_000), **by))
    listed = await client.call(client.coupons.ListAccountCoupons, coupons.ListAccountCouponsRequest(**by))
    deals = await deal_offers(client, **by)
    second = (await client.call(client.coupons.IssueCoupon, coupons.IssueCouponRequest(
        offer_id=offer_id, **by))).coupon
    revoked = (await client.call(client.coupons.RevokeCoupon, coupons.RevokeCouponRequest(
        code=second.code, **by))).coupon

    assert issued.account_id == account and activated.state == resources.COUPON_STATE_ACTIVE
    assert read.coupon_id == issued.coupon_id and validation.redeemable
    assert redeemed.coupon.account_id == account and common_redeemed.coupon.account_id == account
    assert [coupon.coupon_id for coupon in listed.coupons] == [issued.coupon_id]
    assert offer_id in deals
    assert revoked.state == resources.COUPON_STATE_REVOKED


async def test_an_identifier_is_looked_up_in_the_offers_program(client):
    identifier = card()
    mine = await new_account(client, PROGRAM, identifier)
    await new_account(client, OTHER_PROGRAM, identifier)  # The same card in another program.
    _, code = await offer_with_code(client)

    redeemed = await client.call(client.coupons.RedeemCoupon, coupons.RedeemCouponRequest(
        code=code, store_id="store-1", bill_amount=eur(2_000), account_identifier=identifier))
    ambiguous = await reason_of(client.call(client.coupons.ListAccountCoupons, coupons.ListAccountCouponsRequest(
        account_identifier=identifier)))

    assert redeemed.coupon.account_id == mine
    assert ambiguous == "IDENTIFIER_AMBIGUOUS"  # No offer names the program there.


async def test_an_identifier_of_a_locked_or_unknown_account_is_refused_and_both_names_are_invalid(client):
    identifier = card()
    account = await new_account(client, PROGRAM, identifier)
    _, code = await offer_with_code(client)
    request = lambda **by: coupons.RedeemCouponRequest(code=code, store_id="store-1", bill_amount=eur(2_000), **by)  # noqa: E731

    await lock(client, account)
    locked = await reason_of(client.call(client.coupons.RedeemCoupon, request(account_identifier=identifier)))
    unknown = await reason_of(client.call(client.coupons.RedeemCoupon, request(account_identifier=card())))
    unknown_validation = await client.call(client.coupons.ValidateCoupon, validate(code, account_identifier=card()))
    both = await reason_of(client.call(client.coupons.RedeemCoupon, request(account_id=account,
                                                                            account_identifier=identifier)))

    assert (locked, unknown, both) == ("ACCOUNT_NOT_ACTIVE", "ACCOUNT_NOT_FOUND", "FIELD_INVALID")
    assert (unknown_validation.redeemable, unknown_validation.reason) == (False, "ACCOUNT_NOT_FOUND")
