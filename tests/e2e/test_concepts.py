"""Concepts (seed 003): store groups of the kind "concept" beside zones, over gRPC. An offer
tagged to concepts applies in them (and in its named stores and zones); a zone or concept
restriction matches only the offers tagged to it (ListOffers, ListDeals), not those of the
stores in it; the refusal names the concept."""

from __future__ import annotations

import uuid

from rewards.accounts.v1 import account_service_pb2 as accounts_api
from rewards.coupons.v1 import coupon_service_pb2 as coupons
from rewards.coupons.v1 import offer_service_pb2 as offers
from rewards.coupons.v1 import resources_pb2 as resources

from rewards_client import RewardsClient
from tests.e2e import builders
from tests.e2e.builders import eur, reason_of, redeem
from tests.e2e.coupon_accounts import new_account as real_account
from tests.e2e.programs import ensure_program


async def with_code(client: RewardsClient, offer: resources.Offer) -> tuple[str, str]:
    created = await builders.create_offer(client, offer)
    return created.offer_id, await builders.add_common_code(client, created.offer_id, prefix="CPT")


async def redeem_at(client: RewardsClient, code: str, **where) -> str | None:
    request = redeem(code, await real_account(client))
    for name, value in where.items():
        setattr(request, name, value)
    return await reason_of(client.call(client.coupons.RedeemCoupon, request))


async def validate_at(client: RewardsClient, code: str, **where) -> list[str]:
    request = coupons.ValidateCouponRequest(code=code, account_id=await real_account(client), bill_amount=eur(2_000),
                                            **{"store_id": "store-1", **where})
    return list((await client.call(client.coupons.ValidateCoupon, request)).reasons)


async def test_an_offer_tagged_to_a_concept_applies_in_it_and_in_its_named_stores_only(client):
    offer_id, code = await with_code(client, builders.offer(concept_ids=["outlet"], store_ids=["s-named"]))

    in_concept = await redeem_at(client, code, store_id="s-1", concept_id="outlet")
    named_store = await redeem_at(client, code, store_id="s-named")
    other_concept = await redeem_at(client, code, store_id="s-1", concept_id="flagship")
    no_concept = await validate_at(client, code, store_id="s-1")
    stored = (await client.call(client.offers.GetOffer, offers.GetOfferRequest(offer_id=offer_id))).offer

    assert (in_concept, named_store, other_concept, no_concept) == (
        None, None, "OFFER_CONCEPT_NOT_ALLOWED", ["OFFER_CONCEPT_NOT_ALLOWED"])
    assert list(stored.rules.concept_ids) == ["outlet"]


async def test_with_zones_and_concepts_either_one_admits_and_the_refusal_names_the_zone(client):
    _, code = await with_code(client, builders.offer(zone_ids=["north"], concept_ids=["outlet"]))

    assert await redeem_at(client, code, zone_id="north") is None
    assert await redeem_at(client, code, concept_id="outlet") is None
    assert await redeem_at(client, code, zone_id="south", concept_id="flagship") == "OFFER_ZONE_NOT_ALLOWED"


async def test_a_concept_id_is_bounded_and_concept_ids_are_validated(client):
    _, code = await with_code(client, builders.offer())

    assert await redeem_at(client, code, concept_id="c" * 65) == "FIELD_TOO_LONG"
    assert await redeem_at(client, code, concept_id="c" * 64) is None
    assert await reason_of(builders.create_offer(client, builders.offer(concept_ids=["c" * 65]))) == "FIELD_INVALID"
    assert await reason_of(builders.create_offer(client, builders.offer(concept_ids=[""]))) == "FIELD_INVALID"
    assert await reason_of(builders.create_offer(client, builders.offer(
        concept_ids=[f"c{n}" for n in range(1_001)]))) == "FIELD_TOO_LONG"


async def test_list_offers_by_concept_lists_only_the_offers_tagged_to_it(client):
    program_id = await ensure_program(client, "e2e-concepts-" + uuid.uuid4().hex[:8])
    in_store = await builders.create_offer(client, builders.offer(program_id, store_ids=["s-1"]))
    in_concept = await builders.create_offer(client, builders.offer(program_id, concept_ids=["outlet"]))
    await builders.create_offer(client, builders.offer(program_id))  # Anywhere: not tagged to the concept.

    async def ids(**query) -> list[str]:
        page = await client.call(client.offers.ListOffers, offers.ListOffersRequest(program_id=program_id, **query))
        return [offer.offer_id for offer in page.offers]

    assert await ids(concept_id="outlet") == [in_concept.offer_id]
    assert await ids(concept_id="flagship") == []
    assert await ids(store_id="s-1") == [in_store.offer_id]
    first = await client.call(client.offers.ListOffers, offers.ListOffersRequest(
        program_id=program_id, page_size=1))
    assert await reason_of(client.call(client.offers.ListOffers, offers.ListOffersRequest(
        program_id=program_id, page_size=1, page_token=first.next_page_token, concept_id="outlet"))) == "FIELD_INVALID"


async def test_list_deals_in_a_concept_lists_its_offers_not_those_of_its_stores(client):
    program_id = await ensure_program(client, "e2e-concepts-" + uuid.uuid4().hex[:8])
    account = (await client.call(client.accounts.CreateAccount, accounts_api.CreateAccountRequest(
        program_id=program_id))).account.account_id
    named = {}
    for name, rules in (("anywhere", {}), ("store", {"store_ids": ["s-1"]}), ("concept", {"concept_ids": ["outlet"]}),
                        ("zone", {"zone_ids": ["north"]})):
        named[name], _ = await with_code(client, builders.offer(program_id, **rules))

    async def listed(**where) -> set[str]:
        page = await client.call(client.coupons.ListDeals, coupons.ListDealsRequest(account_id=account, **where))
        return {name for name, offer_id in named.items() if offer_id in {deal.offer_id for deal in page.deals}}

    assert await listed(concept_id="outlet") == {"anywhere", "concept"}
    assert await listed(concept_id="flagship") == {"anywhere"}
    assert await listed(store_id="s-1", concept_id="outlet") == {"anywhere", "store", "concept"}
    assert await listed(store_id="s-1") == {"anywhere", "store"}
    assert await listed() == {"anywhere", "store", "concept", "zone"}


async def test_a_basket_in_a_concept_applies_its_offers_and_a_till_of_the_concept_names_it(client):
    from tests.e2e.test_checkout import authorize
    from tests.e2e.test_points import new_account, new_program

    program_id = await new_program(client)
    account = await new_account(client, program_id)
    concept = "outlet-" + uuid.uuid4().hex[:8]
    _, code = await with_code(client, builders.offer(program_id, concept_ids=[concept]))
    till = await builders.ensure_interaction_point(client, store_id="store-1", concept_id=concept)

    async def result(request, **call) -> tuple[bool, str]:
        basket = (await client.call(client.checkout.AuthorizeBasket, request, **call)).basket
        return basket.coupon_results[0].applied, basket.coupon_results[0].reason

    in_concept = await result(authorize(account, code, concept_id=concept))
    outside = await result(authorize(account, code, skip_invalid_coupons=True))
    at_till = authorize(account, code)
    at_till.ClearField("store_id")
    by_till = await result(at_till, interaction_id=till)

    assert (in_concept, outside, by_till) == ((True, ""), (False, "OFFER_CONCEPT_NOT_ALLOWED"), (True, ""))
