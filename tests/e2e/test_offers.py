"""Offers over gRPC: UpdateOffer (masks, etags, limits that hold at once, races), ListOffers,
offer content and its bounds, the location / calendar / customer / currency rules, ListDeals."""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid

import pytest
from google.protobuf import field_mask_pb2
from rewards.coupons.v1 import coupon_service_pb2 as coupons
from rewards.coupons.v1 import offer_service_pb2 as offers
from rewards.coupons.v1 import resources_pb2 as resources

from rewards_client import RewardsClient, errors
from tests.e2e.test_coupons import eur, reason_of, redeem


@pytest.fixture
async def client(server, credentials):
    async with RewardsClient.connect(server.target, credentials, timeout_s=30) as client:
        yield client


def program() -> str:
    return "p-" + uuid.uuid4().hex[:12]


def new_offer(program_id: str = "prog", state: int = resources.OFFER_STATE_ACTIVE, content=None,
              description: str = "", **rules) -> resources.Offer:
    return resources.Offer(
        program_id=program_id, display_name="5 EUR off", state=state, content=content, description=description,
        reward=resources.Reward(kind=resources.REWARD_KIND_DISCOUNT_AMOUNT, discount_amount=eur(500)),
        rules=resources.OfferRules(**rules))


async def create(client: RewardsClient, offer: resources.Offer) -> resources.Offer:
    return (await client.call(client.offers.CreateOffer, offers.CreateOfferRequest(offer=offer))).offer


async def with_code(client: RewardsClient, offer: resources.Offer) -> tuple[str, str]:
    created = await create(client, offer)
    code = "OFR" + uuid.uuid4().hex[:10].upper()
    await client.call(client.offers.CreateCodeSeries, offers.CreateCodeSeriesRequest(code_series=resources.CodeSeries(
        offer_id=created.offer_id, type=resources.CODE_SERIES_TYPE_COMMON, common_code=code)))
    return created.offer_id, code


def update(offer: resources.Offer, *paths: str, request_id: str = "") -> offers.UpdateOfferRequest:
    return offers.UpdateOfferRequest(request_id=request_id, offer=offer,
                                     update_mask=field_mask_pb2.FieldMask(paths=list(paths)))


async def get(client: RewardsClient, offer_id: str) -> resources.Offer:
    return (await client.call(client.offers.GetOffer, offers.GetOfferRequest(offer_id=offer_id))).offer


CONTENT = resources.OfferContent(
    texts=[resources.OfferText(language_code="en", title="5 off", subtitle="today", description="Five euros off.",
                               booking_text="PROMO 5"),
           resources.OfferText(language_code="de-CH", title="5 weniger")],
    image_uris=["https://img.example.com/5off.png"], custom_properties={"campaign": "spring", "tier": "gold"},
    external_reference="CRM-4711", external_code="POS-5OFF")


# --- UpdateOffer -----------------------------------------------------------------------------


async def test_update_offer_changes_only_the_masked_fields_and_moves_the_etag(client):
    created = await create(client, new_offer(description="old", max_redemption_count=7))
    patch = resources.Offer(offer_id=created.offer_id, display_name="New name", description="ignored",
                            content=CONTENT)

    updated = (await client.call(client.offers.UpdateOffer, update(patch, "display_name", "content"))).offer
    read = await get(client, created.offer_id)

    assert updated.display_name == "New name" and updated.description == created.description
    assert updated.content == CONTENT and read.content == CONTENT and read.display_name == "New name"
    assert updated.rules.max_redemption_count == 7
    assert updated.etag != created.etag and read.etag == updated.etag
    assert read.update_time.ToDatetime() > read.create_time.ToDatetime()


async def test_update_offer_with_a_stale_etag_is_aborted_and_changes_nothing(client):
    created = await create(client, new_offer())
    await client.call(client.offers.UpdateOffer, update(resources.Offer(
        offer_id=created.offer_id, display_name="First", etag=created.etag), "display_name"))

    with pytest.raises(errors.Aborted) as refused:
        await client.call(client.offers.UpdateOffer, update(resources.Offer(
            offer_id=created.offer_id, display_name="Second", etag=created.etag), "display_name"))

    assert refused.value.reason == "OFFER_ETAG_MISMATCH"
    assert (await get(client, created.offer_id)).display_name == "First"


@pytest.mark.parametrize("paths, reason", [
    ((), "FIELD_REQUIRED"), (("*",), "FIELD_INVALID"), (("no_such_field",), "FIELD_INVALID"),
    (("rules.no_such_rule",), "FIELD_INVALID"), (("content.nope",), "FIELD_INVALID"),
    (("program_id",), "FIELD_IMMUTABLE"), (("reward",), "FIELD_IMMUTABLE")])
async def test_update_offer_refuses_a_bad_mask_and_changes_nothing(client, paths, reason):
    created = await create(client, new_offer())
    patch = resources.Offer(offer_id=created.offer_id, program_id="other", display_name="Changed",
                            reward=resources.Reward(kind=resources.REWARD_KIND_DISCOUNT_AMOUNT, discount_amount=eur(900)))

    assert await reason_of(client.call(client.offers.UpdateOffer, update(patch, "display_name", *paths)
                                       if paths else update(patch))) == reason
    assert await get(client, created.offer_id) == created or (await get(client, created.offer_id)).display_name \
        == created.display_name


async def test_the_reward_of_a_draft_offer_can_change(client):
    created = await create(client, new_offer(state=resources.OFFER_STATE_DRAFT))
    reward = resources.Reward(kind=resources.REWARD_KIND_DISCOUNT_PERCENT, discount_percent_bps=1_500)

    updated = (await client.call(client.offers.UpdateOffer, update(
        resources.Offer(offer_id=created.offer_id, reward=reward), "reward"))).offer

    assert updated.reward == reward


async def test_update_offer_of_an_unknown_offer_is_not_found(client):
    assert await reason_of(client.call(client.offers.UpdateOffer, update(
        resources.Offer(offer_id=str(uuid.uuid4()), display_name="x"), "display_name"))) == "OFFER_NOT_FOUND"


async def test_update_offer_is_idempotent_by_request_id(client):
    created = await create(client, new_offer())
    request_id = uuid.uuid4().hex
    request = update(resources.Offer(offer_id=created.offer_id, display_name="Once"), "display_name",
                     request_id=request_id)

    first = await client.call(client.offers.UpdateOffer, request)
    again = await client.call(client.offers.UpdateOffer, request)
    other = await reason_of(client.call(client.offers.UpdateOffer, update(
        resources.Offer(offer_id=created.offer_id, display_name="Twice"), "display_name", request_id=request_id)))

    assert first == again and other == "IDEMPOTENCY_KEY_REUSED"
    assert (await get(client, created.offer_id)).etag == first.offer.etag


async def test_a_lowered_redemption_limit_holds_at_once_and_a_raised_one_too(client):
    offer_id, code = await with_code(client, new_offer(max_redemption_count=10))
    for _ in range(3):
        await client.call(client.coupons.RedeemCoupon, redeem(code))

    await client.call(client.offers.UpdateOffer, update(resources.Offer(
        offer_id=offer_id, rules=resources.OfferRules(max_redemption_count=3)), "rules.max_redemption_count"))
    lowered = await reason_of(client.call(client.coupons.RedeemCoupon, redeem(code)))
    await client.call(client.offers.UpdateOffer, update(resources.Offer(
        offer_id=offer_id, rules=resources.OfferRules(max_redemption_count=4)), "rules.max_redemption_count"))
    raised = await reason_of(client.call(client.coupons.RedeemCoupon, redeem(code)))
    full = await reason_of(client.call(client.coupons.RedeemCoupon, redeem(code)))

    assert (lowered, raised, full) == ("REDEMPTION_LIMIT_REACHED", None, "REDEMPTION_LIMIT_REACHED")


async def test_a_lowered_account_limit_holds_at_once_in_validate_too(client):
    offer_id, code = await with_code(client, new_offer(max_account_redemption_count=5))
    account = str(uuid.uuid4())
    await client.call(client.coupons.RedeemCoupon, redeem(code, account))

    await client.call(client.offers.UpdateOffer, update(resources.Offer(
        offer_id=offer_id, rules=resources.OfferRules(max_account_redemption_count=1)),
        "rules.max_account_redemption_count"))
    validation = await client.call(client.coupons.ValidateCoupon, coupons.ValidateCouponRequest(
        code=code, account_id=account, store_id="store-1", bill_amount=eur(2_000)))

    assert list(validation.reasons) == ["ACCOUNT_REDEMPTION_LIMIT_REACHED"]
    assert await reason_of(client.call(client.coupons.RedeemCoupon, redeem(code, account))) == \
        "ACCOUNT_REDEMPTION_LIMIT_REACHED"


async def test_concurrent_updates_of_different_fields_lose_none(client):
    created = await create(client, new_offer())
    changes = [("display_name", resources.Offer(display_name="Racing")),
               ("description", resources.Offer(description="Raced")),
               ("rules.max_redemption_count", resources.Offer(rules=resources.OfferRules(max_redemption_count=42))),
               ("rules.store_ids", resources.Offer(rules=resources.OfferRules(store_ids=["s-9"]))),
               ("content.external_reference", resources.Offer(content=resources.OfferContent(
                   external_reference="EXT-1")))]
    for _, patch in changes:
        patch.offer_id = created.offer_id

    await asyncio.gather(*(client.call(client.offers.UpdateOffer, update(patch, path)) for path, patch in changes))
    read = await get(client, created.offer_id)

    assert (read.display_name, read.description, read.rules.max_redemption_count, list(read.rules.store_ids),
            read.content.external_reference) == ("Racing", "Raced", 42, ["s-9"], "EXT-1")
    assert int(read.etag) == int(created.etag) + len(changes)


# --- offer content ---------------------------------------------------------------------------


def texts(count: int) -> list[resources.OfferText]:
    return [resources.OfferText(language_code=f"en-{index:02d}", title="t") for index in range(count)]


@pytest.mark.parametrize("content, reason", [
    (resources.OfferContent(texts=texts(32)), None),
    (resources.OfferContent(texts=texts(33)), "FIELD_TOO_LONG"),
    (resources.OfferContent(texts=[resources.OfferText(language_code="en", title="x" * 256)]), None),
    (resources.OfferContent(texts=[resources.OfferText(language_code="en", title="x" * 257)]), "FIELD_TOO_LONG"),
    (resources.OfferContent(texts=[resources.OfferText(language_code="en", booking_text="x" * 1024)]), None),
    (resources.OfferContent(texts=[resources.OfferText(language_code="en", booking_text="x" * 1025)]),
     "FIELD_TOO_LONG"),
    (resources.OfferContent(texts=[resources.OfferText(language_code="en", description="x" * 4097)]),
     "FIELD_TOO_LONG"),
    (resources.OfferContent(texts=[resources.OfferText(language_code="en"), resources.OfferText(language_code="EN")]),
     "FIELD_INVALID"),
    (resources.OfferContent(texts=[resources.OfferText(language_code="not a tag")]), "FIELD_INVALID"),
    (resources.OfferContent(image_uris=["https://x.example/" + "a" * 2030]), None),
    (resources.OfferContent(image_uris=["https://x.example/" + "a" * 2031]), "FIELD_TOO_LONG"),
    (resources.OfferContent(image_uris=["ftp://x.example/a.png"]), "FIELD_INVALID"),
    (resources.OfferContent(image_uris=["https://x.example/a.png"] * 16), None),
    (resources.OfferContent(image_uris=["https://x.example/a.png"] * 17), "FIELD_TOO_LONG"),
    (resources.OfferContent(custom_properties={f"k{index}": "v" for index in range(64)}), None),
    (resources.OfferContent(custom_properties={f"k{index}": "v" for index in range(65)}), "FIELD_TOO_LONG"),
    (resources.OfferContent(custom_properties={"k" * 64: "v" * 1024}), None),
    (resources.OfferContent(custom_properties={"k" * 65: "v"}), "FIELD_INVALID"),
    (resources.OfferContent(custom_properties={"k": "v" * 1025}), "FIELD_TOO_LONG"),
    (resources.OfferContent(custom_properties={"bad key": "v"}), "FIELD_INVALID"),
    (resources.OfferContent(external_reference="r" * 128, external_code="c" * 64), None),
    (resources.OfferContent(external_reference="r" * 129), "FIELD_TOO_LONG"),
    (resources.OfferContent(external_code="c" * 65), "FIELD_TOO_LONG"),
])
async def test_offer_content_is_bounded_at_every_size(client, content, reason):
    assert await reason_of(create(client, new_offer(content=content))) == reason


async def test_an_update_over_a_content_bound_changes_nothing(client):
    created = await create(client, new_offer(content=CONTENT))

    refused = await reason_of(client.call(client.offers.UpdateOffer, update(resources.Offer(
        offer_id=created.offer_id, content=resources.OfferContent(external_code="c" * 65)), "content.external_code")))

    assert refused == "FIELD_TOO_LONG" and (await get(client, created.offer_id)).content == CONTENT


async def test_checkouts_read_the_content_with_the_coupon_before_redemption(client):
    _, code = await with_code(client, new_offer(content=CONTENT))

    validation = await client.call(client.coupons.ValidateCoupon, coupons.ValidateCouponRequest(
        code=code, account_id=str(uuid.uuid4()), store_id="store-1", bill_amount=eur(2_000)))

    assert validation.redeemable and validation.content == CONTENT


# --- ListOffers ------------------------------------------------------------------------------


async def test_list_offers_pages_newest_first_with_opaque_tokens(client):
    program_id = program()
    created = [await create(client, new_offer(program_id)) for _ in range(5)]
    seen, token, pages = [], "", 0
    while True:
        page = await client.call(client.offers.ListOffers, offers.ListOffersRequest(
            program_id=program_id, page_size=2, page_token=token))
        seen += [offer.offer_id for offer in page.offers]
        pages += 1
        token = page.next_page_token
        if not token:
            break

    assert seen == [offer.offer_id for offer in reversed(created)] and pages == 3


async def test_list_offers_filters_by_state_store_and_zone(client):
    program_id = program()
    draft = await create(client, new_offer(program_id, state=resources.OFFER_STATE_DRAFT))
    in_store = await create(client, new_offer(program_id, store_ids=["s-1", "s-2"]))
    in_zone = await create(client, new_offer(program_id, zone_ids=["north"]))

    async def ids(**query) -> list[str]:
        page = await client.call(client.offers.ListOffers, offers.ListOffersRequest(program_id=program_id, **query))
        return [offer.offer_id for offer in page.offers]

    assert await ids(states=[resources.OFFER_STATE_DRAFT]) == [draft.offer_id]
    assert await ids(states=[resources.OFFER_STATE_ACTIVE]) == [in_zone.offer_id, in_store.offer_id]
    assert await ids(store_id="s-2") == [in_store.offer_id]
    assert await ids(zone_id="north") == [in_zone.offer_id]
    assert await ids(zone_id="south") == []


async def test_list_offers_refuses_bad_pages(client):
    program_id = program()
    for _ in range(2):
        await create(client, new_offer(program_id))
    first = await client.call(client.offers.ListOffers, offers.ListOffersRequest(program_id=program_id, page_size=1))

    other_query = await reason_of(client.call(client.offers.ListOffers, offers.ListOffersRequest(
        program_id=program_id, page_size=1, page_token=first.next_page_token, store_id="s-1")))
    garbage = await reason_of(client.call(client.offers.ListOffers, offers.ListOffersRequest(
        program_id=program_id, page_token="not-a-token")))
    negative = await reason_of(client.call(client.offers.ListOffers, offers.ListOffersRequest(
        program_id=program_id, page_size=-1)))
    no_program = await reason_of(client.call(client.offers.ListOffers, offers.ListOffersRequest()))
    huge = await client.call(client.offers.ListOffers, offers.ListOffersRequest(program_id=program_id,
                                                                                 page_size=10_000))

    assert (other_query, garbage, negative, no_program) == ("FIELD_INVALID", "FIELD_INVALID", "FIELD_OUT_OF_RANGE",
                                                            "FIELD_REQUIRED")
    assert len(huge.offers) == 2 and not huge.next_page_token


async def test_list_offers_returns_the_content(client):
    program_id = program()
    await create(client, new_offer(program_id, content=CONTENT))

    page = await client.call(client.offers.ListOffers, offers.ListOffersRequest(program_id=program_id))

    assert page.offers[0].content == CONTENT and page.offers[0].etag
