"""Offers over gRPC: UpdateOffer (masks, etags, limits that hold at once, races), ListOffers,
offer content and its bounds, the location / calendar / customer / currency rules, ListDeals."""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid

import pytest
from google.protobuf import duration_pb2, field_mask_pb2
from rewards.coupons.v1 import coupon_service_pb2 as coupons
from rewards.coupons.v1 import offer_service_pb2 as offers
from rewards.coupons.v1 import resources_pb2 as resources

from rewards_client import RewardsClient, errors
from tests.e2e import builders
from tests.e2e.coupon_accounts import new_account as real_account
from tests.e2e.programs import ensure_program
from tests.e2e.builders import eur, reason_of, redeem


async def program(client: RewardsClient) -> str:
    return await ensure_program(client)


create = builders.create_offer


async def with_code(client: RewardsClient, offer: resources.Offer) -> tuple[str, str]:
    created = await create(client, offer)
    return created.offer_id, await builders.add_common_code(client, created.offer_id, prefix="OFR")


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
    created = await create(client, builders.offer(description="old", max_redemption_count=7))
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
    created = await create(client, builders.offer())
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
    created = await create(client, builders.offer())
    reward = resources.Reward(kind=resources.REWARD_KIND_DISCOUNT_AMOUNT, discount_amount=eur(900))
    patch = resources.Offer(offer_id=created.offer_id, program_id="other", display_name="Changed", reward=reward)

    assert await reason_of(client.call(client.offers.UpdateOffer, update(patch, "display_name", *paths)
                                       if paths else update(patch))) == reason
    read = await get(client, created.offer_id)
    assert (read.display_name, read.etag, read.reward) == (created.display_name, created.etag, created.reward)


async def test_the_reward_of_a_draft_offer_can_change(client):
    created = await create(client, builders.offer(state=resources.OFFER_STATE_DRAFT))
    reward = resources.Reward(kind=resources.REWARD_KIND_DISCOUNT_PERCENT, discount_percent_bps=1_500)

    updated = (await client.call(client.offers.UpdateOffer, update(
        resources.Offer(offer_id=created.offer_id, reward=reward), "reward"))).offer

    assert updated.reward == reward


async def test_update_offer_of_an_unknown_offer_is_not_found(client):
    assert await reason_of(client.call(client.offers.UpdateOffer, update(
        resources.Offer(offer_id=str(uuid.uuid4()), display_name="x"), "display_name"))) == "OFFER_NOT_FOUND"


async def test_update_offer_is_idempotent_by_request_id(client):
    created = await create(client, builders.offer())
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
    offer_id, code = await with_code(client, builders.offer(max_redemption_count=10))
    for _ in range(3):
        await client.call(client.coupons.RedeemCoupon, redeem(code, await real_account(client)))

    await client.call(client.offers.UpdateOffer, update(resources.Offer(
        offer_id=offer_id, rules=resources.OfferRules(max_redemption_count=3)), "rules.max_redemption_count"))
    lowered = await reason_of(client.call(client.coupons.RedeemCoupon, redeem(code, await real_account(client))))
    await client.call(client.offers.UpdateOffer, update(resources.Offer(
        offer_id=offer_id, rules=resources.OfferRules(max_redemption_count=4)), "rules.max_redemption_count"))
    raised = await reason_of(client.call(client.coupons.RedeemCoupon, redeem(code, await real_account(client))))
    full = await reason_of(client.call(client.coupons.RedeemCoupon, redeem(code, await real_account(client))))

    assert (lowered, raised, full) == ("REDEMPTION_LIMIT_REACHED", None, "REDEMPTION_LIMIT_REACHED")


async def test_a_lowered_account_limit_holds_at_once_in_validate_too(client):
    offer_id, code = await with_code(client, builders.offer(max_account_redemption_count=5))
    account = await real_account(client)
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
    created = await create(client, builders.offer())
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
    assert await reason_of(create(client, builders.offer(content=content))) == reason


async def test_an_update_over_a_content_bound_changes_nothing(client):
    created = await create(client, builders.offer(content=CONTENT))

    refused = await reason_of(client.call(client.offers.UpdateOffer, update(resources.Offer(
        offer_id=created.offer_id, content=resources.OfferContent(external_code="c" * 65)), "content.external_code")))

    assert refused == "FIELD_TOO_LONG" and (await get(client, created.offer_id)).content == CONTENT


async def test_checkouts_read_the_content_with_the_coupon_before_redemption(client):
    _, code = await with_code(client, builders.offer(content=CONTENT))

    validation = await client.call(client.coupons.ValidateCoupon, coupons.ValidateCouponRequest(
        code=code, account_id=await real_account(client), store_id="store-1", bill_amount=eur(2_000)))

    assert validation.redeemable and validation.content == CONTENT


# --- ListOffers ------------------------------------------------------------------------------


async def test_list_offers_pages_newest_first_with_opaque_tokens(client):
    program_id = await program(client)
    created = [await create(client, builders.offer(program_id)) for _ in range(5)]
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
    program_id = await program(client)
    draft = await create(client, builders.offer(program_id, state=resources.OFFER_STATE_DRAFT))
    in_store = await create(client, builders.offer(program_id, store_ids=["s-1", "s-2"]))
    in_zone = await create(client, builders.offer(program_id, zone_ids=["north"]))

    async def ids(**query) -> list[str]:
        page = await client.call(client.offers.ListOffers, offers.ListOffersRequest(program_id=program_id, **query))
        return [offer.offer_id for offer in page.offers]

    assert await ids(states=[resources.OFFER_STATE_DRAFT]) == [draft.offer_id]
    assert await ids(states=[resources.OFFER_STATE_ACTIVE]) == [in_zone.offer_id, in_store.offer_id]
    assert await ids(store_id="s-2") == [in_store.offer_id]
    assert await ids(zone_id="north") == [in_zone.offer_id]
    assert await ids(zone_id="south") == []


async def test_list_offers_refuses_bad_pages(client):
    program_id = await program(client)
    for _ in range(2):
        await create(client, builders.offer(program_id))
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


async def test_list_offers_returns_the_content_and_the_counters(client):
    program_id = await program(client)
    _, code = await with_code(client, builders.offer(program_id, content=CONTENT, max_issue_count=5))
    for _ in range(2):
        await client.call(client.coupons.RedeemCoupon, redeem(code, await real_account(client, program_id)))

    page = await client.call(client.offers.ListOffers, offers.ListOffersRequest(program_id=program_id))
    listed = page.offers[0]

    assert listed.content == CONTENT and listed.etag
    assert (listed.redeemed_count, listed.remaining_issue_count) == (2, 5)
    assert (await get(client, listed.offer_id)).redeemed_count == 2


# --- the new rules, over gRPC ----------------------------------------------------------------

def validate(code: str, account: str, bill=None, store_id: str = "store-1", **where) -> coupons.ValidateCouponRequest:
    return coupons.ValidateCouponRequest(code=code, account_id=account, store_id=store_id,
                                         bill_amount=bill or eur(2_000), **where)


async def reasons_of(client: RewardsClient, request: coupons.ValidateCouponRequest) -> list[str]:
    return list((await client.call(client.coupons.ValidateCoupon, request)).reasons)


async def redeem_at(client: RewardsClient, code: str, account: str | None = None, store_id: str = "store-1",
                    bill=None, **where) -> coupons.RedeemCouponRequest:
    """A redemption by `account` (a new one of the program "prog" if None)."""
    request = redeem(code, account or await real_account(client))
    request.store_id = store_id
    if bill is not None:
        request.bill_amount.CopyFrom(bill)
    for name, value in where.items():
        setattr(request, name, value)
    return request


async def test_an_offer_tagged_to_a_zone_applies_in_that_zone_and_in_its_named_stores(client):
    _, code = await with_code(client, builders.offer(zone_ids=["north"], store_ids=["s-named"]))

    in_zone = await reason_of(client.call(client.coupons.RedeemCoupon, await redeem_at(client, code, store_id="s-1",
                                                                                 zone_id="north")))
    named_store = await reason_of(client.call(client.coupons.RedeemCoupon, await redeem_at(client, code, store_id="s-named")))
    elsewhere = await reason_of(client.call(client.coupons.RedeemCoupon, await redeem_at(client, code, store_id="s-1",
                                                                                   zone_id="south")))
    no_zone = await reasons_of(client, validate(code, await real_account(client), store_id="s-1"))

    assert (in_zone, named_store, elsewhere, no_zone) == (None, None, "OFFER_ZONE_NOT_ALLOWED",
                                                          ["OFFER_ZONE_NOT_ALLOWED"])


async def test_an_offer_for_some_interaction_points_refuses_the_others(client):
    till_1, till_2 = [await builders.ensure_interaction_point(client, f"ofr-till-{n}") for n in (1, 2)]
    _, code = await with_code(client, builders.offer(interaction_point_ids=[till_1]))

    assert await reason_of(client.call(client.coupons.RedeemCoupon, await redeem_at(client,
        code, interaction_point_id=till_2))) == "INTERACTION_POINT_NOT_ALLOWED"
    assert await reason_of(client.call(client.coupons.RedeemCoupon, await redeem_at(client,
        code, interaction_point_id=till_1))) is None


async def test_location_ids_are_bounded(client):
    _, code = await with_code(client, builders.offer())

    assert await reason_of(client.call(client.coupons.RedeemCoupon, await redeem_at(client, code, zone_id="z" * 65))) == \
        "FIELD_TOO_LONG"
    assert await reason_of(client.call(client.coupons.RedeemCoupon, await redeem_at(client, code, zone_id="z" * 64))) is None
    assert await reason_of(create(client, builders.offer(zone_ids=["z" * 65]))) == "FIELD_INVALID"
    assert await reason_of(create(client, builders.offer(interaction_point_ids=[f"i{n}" for n in range(1_001)]))) == \
        "FIELD_TOO_LONG"


# Kiritimati is UTC+14 and Pago Pago UTC-11: their calendars never show the same date.
FAR_EAST, FAR_WEST = "Pacific/Kiritimati", "Pacific/Pago_Pago"


def today_in(zone: str) -> int:
    from zoneinfo import ZoneInfo
    return dt.datetime.now(ZoneInfo(zone)).day


async def test_days_of_month_are_those_of_the_offers_time_zone(client):
    day = today_in(FAR_EAST)
    _, today_there = await with_code(client, builders.offer(time_zone=FAR_EAST, days_of_month=[day]))
    _, not_there = await with_code(client, builders.offer(time_zone=FAR_WEST, days_of_month=[day]))
    neighbours = sorted({(day - 2) % 31 + 1, day % 31 + 1})
    _, other_days = await with_code(client, builders.offer(time_zone=FAR_EAST, days_of_month=neighbours))

    assert await reason_of(client.call(client.coupons.RedeemCoupon, await redeem_at(client, today_there))) is None
    assert await reason_of(client.call(client.coupons.RedeemCoupon, await redeem_at(client, not_there))) == \
        "DAY_OF_MONTH_NOT_ALLOWED"
    assert await reasons_of(client, validate(other_days, await real_account(client))) == ["DAY_OF_MONTH_NOT_ALLOWED"]


@pytest.mark.parametrize("days, reason", [([0], "FIELD_OUT_OF_RANGE"), ([32], "FIELD_OUT_OF_RANGE"),
                                          ([1, 1], "FIELD_INVALID"), ([1, 31], None)])
async def test_days_of_month_are_1_to_31_without_duplicates(client, days, reason):
    assert await reason_of(create(client, builders.offer(days_of_month=days))) == reason


async def new_account(client: RewardsClient) -> tuple[str, dt.datetime]:
    from rewards.accounts.v1 import account_service_pb2 as accounts_api
    created = await client.call(client.accounts.CreateAccount, accounts_api.CreateAccountRequest(program_id="prog"))
    return created.account.account_id, created.account.create_time.ToDatetime(dt.timezone.utc)


def ts(value: dt.datetime):
    from google.protobuf import timestamp_pb2
    message = timestamp_pb2.Timestamp()
    message.FromDatetime(value)
    return message


MICROSECOND = dt.timedelta(microseconds=1)


@pytest.mark.parametrize("window, reason", [
    (lambda t: {"registration_start_time": ts(t)}, None),
    (lambda t: {"registration_start_time": ts(t + MICROSECOND)}, "ACCOUNT_REGISTERED_OUTSIDE_WINDOW"),
    (lambda t: {"registration_end_time": ts(t + MICROSECOND)}, None),
    (lambda t: {"registration_end_time": ts(t)}, "ACCOUNT_REGISTERED_OUTSIDE_WINDOW"),
])
async def test_the_registration_window_at_its_exact_boundaries(client, window, reason):
    account, registered = await new_account(client)
    _, code = await with_code(client, builders.offer(**window(registered)))

    assert await reason_of(client.call(client.coupons.RedeemCoupon, await redeem_at(client, code, account))) == reason


async def test_customer_rules_need_a_known_account(client):
    _, code = await with_code(client, builders.offer(new_customers_only=True))

    assert await reason_of(client.call(client.coupons.RedeemCoupon, await redeem_at(client, code, str(uuid.uuid4())))) == \
        "ACCOUNT_NOT_FOUND"
    assert await reasons_of(client, validate(code, str(uuid.uuid4()))) == ["ACCOUNT_NOT_FOUND"]


async def test_at_most_n_prior_transactions_lets_n_through_and_refuses_n_plus_1(client):
    account, _ = await new_account(client)
    _, purchases = await with_code(client, builders.offer())
    _, for_new = await with_code(client, builders.offer(max_prior_transaction_count=2))
    _, only_new = await with_code(client, builders.offer(new_customers_only=True))

    assert await reasons_of(client, validate(only_new, account)) == []
    for _ in range(2):
        await client.call(client.coupons.RedeemCoupon, await redeem_at(client, purchases, account))
    at_n = await reasons_of(client, validate(for_new, account))
    not_new = await reasons_of(client, validate(only_new, account))
    await client.call(client.coupons.RedeemCoupon, await redeem_at(client, purchases, account))
    past_n = await reason_of(client.call(client.coupons.RedeemCoupon, await redeem_at(client, for_new, account)))

    assert (at_n, not_new, past_n) == ([], ["NOT_NEW_CUSTOMER"], "NOT_NEW_CUSTOMER")


@pytest.mark.parametrize("count, reason", [(0, None), (1_000_000, None), (1_000_001, "FIELD_OUT_OF_RANGE"),
                                           (-1, "FIELD_OUT_OF_RANGE")])
async def test_max_prior_transaction_count_range(client, count, reason):
    assert await reason_of(create(client, builders.offer(max_prior_transaction_count=count))) == reason


def usd(amount_minor: int):
    from rewards.type.v1 import money_pb2
    return money_pb2.Money(amount_minor=amount_minor, currency_code="USD")


@pytest.fixture(scope="module")
def usd_to_eur(stores):
    from core.service.rates import set_currency_rate
    return set_currency_rate(stores.database_url, "org-test", "USD", "EUR", "0.9234")


@pytest.mark.parametrize("discount, expected", [(1_000, 923), (1_083, 1_000), (1_082, 999), (100_000, 2_000)])
async def test_a_discount_in_another_currency_is_converted_and_rounded_down(client, usd_to_eur, discount, expected):
    offer = builders.offer()
    offer.reward.discount_amount.CopyFrom(usd(discount))
    _, code = await with_code(client, offer)

    validation = await client.call(client.coupons.ValidateCoupon, validate(code, await real_account(client)))
    redeemed = await client.call(client.coupons.RedeemCoupon, await redeem_at(client, code))

    assert validation.reward.discount_amount == eur(expected) and redeemed.reward.discount_amount == eur(expected)


async def test_a_missing_rate_is_a_precise_reason(client, usd_to_eur):
    offer = builders.offer()
    offer.reward.discount_amount.CopyFrom(usd(1_000))
    _, code = await with_code(client, offer)
    from rewards.type.v1 import money_pb2
    in_chf = money_pb2.Money(amount_minor=2_000, currency_code="CHF")

    with pytest.raises(errors.FailedPrecondition) as refused:
        await client.call(client.coupons.RedeemCoupon, await redeem_at(client, code, bill=in_chf))

    assert refused.value.reason == "CURRENCY_RATE_MISSING"
    assert await reasons_of(client, validate(code, await real_account(client), bill=in_chf)) == ["CURRENCY_RATE_MISSING"]


@pytest.mark.parametrize("bill, reason", [(923, "BILL_AMOUNT_TOO_LOW"), (924, None), (1_846, None),
                                          (1_847, "BILL_AMOUNT_TOO_HIGH")])
async def test_bill_bounds_in_another_currency_are_converted_exactly(client, usd_to_eur, bill, reason):
    # 10.00 USD = 9.234 EUR and 20.00 USD = 18.468 EUR at 0.9234: 923 cents is below, 1847 above.
    _, code = await with_code(client, builders.offer(min_bill_amount=usd(1_000), max_bill_amount=usd(2_000)))

    assert await reasons_of(client, validate(code, await real_account(client), bill=eur(bill))) == ([reason] if reason else [])
    assert await reason_of(client.call(client.coupons.RedeemCoupon, await redeem_at(client, code, bill=eur(bill)))) == reason


async def test_a_bill_bound_without_a_rate_is_reported_once(client, usd_to_eur):
    from rewards.type.v1 import money_pb2
    offer = builders.offer(min_bill_amount=usd(1_000))
    offer.reward.discount_amount.CopyFrom(usd(500))
    _, code = await with_code(client, offer)
    in_chf = money_pb2.Money(amount_minor=2_000, currency_code="CHF")

    assert await reasons_of(client, validate(code, await real_account(client), bill=in_chf)) == ["CURRENCY_RATE_MISSING"]


# --- ListDeals -------------------------------------------------------------------------------

def ends_in(days: int):
    return ts(dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=days))


async def account_in(client: RewardsClient, program_id: str) -> str:
    from rewards.accounts.v1 import account_service_pb2 as accounts_api
    created = await client.call(client.accounts.CreateAccount, accounts_api.CreateAccountRequest(program_id=program_id))
    return created.account.account_id


async def deals(client: RewardsClient, account: str, **query) -> list[resources.Deal]:
    found, token = [], ""
    while True:
        page = await client.call(client.coupons.ListDeals, coupons.ListDealsRequest(
            account_id=account, page_token=token, **query))
        found += page.deals
        token = page.next_page_token
        if not token:
            return found


@pytest.fixture
async def deal_set(client):
    """A program with offers of every location kind, ending on different days, and an account;
    the interaction points till-1 (store s-1) and till-2 (store s-2 in zone north)."""
    await builders.ensure_interaction_point(client, "till-1", "s-1")
    await builders.ensure_interaction_point(client, "till-2", "s-2", "north")
    program_id = await program(client)
    account = await account_in(client, program_id)
    named = {}
    for name, days, rules in (("anywhere", 3, {"max_account_redemption_count": 3, "max_redemption_count": 10}),
                              ("zone", 4, {"zone_ids": ["north"]}),
                              ("zone_and_store", 5, {"zone_ids": ["north"], "store_ids": ["s-1"]}),
                              ("till", 6, {"interaction_point_ids": ["till-1"]}),
                              ("soonest", 1, {})):
        named[name], _ = await with_code(client, builders.offer(program_id, content=CONTENT, end_time=ends_in(days),
                                                           **rules))
    await create(client, builders.offer(program_id, state=resources.OFFER_STATE_DRAFT, end_time=ends_in(2)))
    await create(client, builders.offer(program_id, start_time=ends_in(1), end_time=ends_in(2)))  # Not started.
    return program_id, account, named


async def test_list_deals_lists_the_open_offers_soonest_end_first(client, deal_set):
    _, account, named = deal_set

    listed = await deals(client, account)

    assert [deal.offer_id for deal in listed] == [named[name] for name in ("soonest", "anywhere", "zone",
                                                                           "zone_and_store", "till")]
    assert all(deal.content == CONTENT and deal.end_time.seconds for deal in listed)


@pytest.mark.parametrize("where, expected", [
    ({"store_id": "s-1"}, ["soonest", "anywhere", "zone_and_store", "till"]),  # The zone's offer needs the zone.
    ({"store_id": "s-2"}, ["soonest", "anywhere", "till"]),
    ({"store_id": "s-2", "zone_id": "north"}, ["soonest", "anywhere", "zone", "zone_and_store", "till"]),
    ({"zone_id": "south"}, ["soonest", "anywhere", "till"]),
    ({"interaction_point_id": "till-2"}, ["soonest", "anywhere", "zone", "zone_and_store"]),
    ({"store_id": "s-1", "interaction_point_id": "till-1"}, ["soonest", "anywhere", "zone_and_store", "till"]),
])
async def test_list_deals_at_a_store_zone_or_interaction_point(client, deal_set, where, expected):
    _, account, named = deal_set

    assert [deal.offer_id for deal in await deals(client, account, **where)] == [named[name] for name in expected]


async def test_list_deals_pages_and_refuses_a_token_of_another_query(client, deal_set):
    _, account, named = deal_set

    paged = await deals(client, account, page_size=2)
    first = await client.call(client.coupons.ListDeals, coupons.ListDealsRequest(account_id=account, page_size=2))
    other = await reason_of(client.call(client.coupons.ListDeals, coupons.ListDealsRequest(
        account_id=account, page_size=2, page_token=first.next_page_token, store_id="s-1")))

    assert [deal.offer_id for deal in paged] == [deal.offer_id for deal in await deals(client, account)]
    assert len(first.deals) == 2 and other == "FIELD_INVALID"


async def test_list_deals_shows_the_redemptions_left_and_the_accounts_coupons(client, deal_set):
    program_id, account, named = deal_set
    issued_offer = await create(client, builders.offer(program_id, end_time=ends_in(2), max_account_redemption_count=3,
                                                  max_redemption_count=10))
    def issue() -> coupons.IssueCouponRequest:
        return coupons.IssueCouponRequest(offer_id=issued_offer.offer_id, account_id=account)

    issued = await client.call(client.coupons.IssueCoupon, issue())
    await client.call(client.coupons.RedeemCoupon, await redeem_at(client, issued.coupon.code, account))
    second = await client.call(client.coupons.IssueCoupon, issue())

    listed = {deal.offer_id: deal for deal in await deals(client, account)}
    deal, unlimited = listed[issued_offer.offer_id], listed[named["zone"]]

    assert (deal.remaining_redemption_count, deal.remaining_total_redemption_count) == (2, 9)
    assert [coupon.code for coupon in deal.coupons] == [second.coupon.code]  # The redeemed one is not redeemable.
    assert (unlimited.remaining_redemption_count, unlimited.remaining_total_redemption_count) == (-1, -1)


async def test_an_offer_the_account_used_up_is_no_deal_and_customer_rules_apply(client):
    program_id = await program(client)
    account = await account_in(client, program_id)
    once, code = await with_code(client, builders.offer(program_id, max_account_redemption_count=1))
    only_new, _ = await with_code(client, builders.offer(program_id, new_customers_only=True))

    before = [deal.offer_id for deal in await deals(client, account)]
    await client.call(client.coupons.RedeemCoupon, await redeem_at(client, code, account))
    after = [deal.offer_id for deal in await deals(client, account)]

    assert sorted(before) == sorted([once, only_new]) and after == []


async def test_a_deal_inside_the_account_s_redemption_gap_says_when_it_opens_again(client):
    program_id = await program(client)
    account = await account_in(client, program_id)
    offer_id, code = await with_code(client, builders.offer(program_id, min_redemption_gap=duration_pb2.Duration(
        seconds=3_600)))
    [before] = await deals(client, account)
    redeemed = await client.call(client.coupons.RedeemCoupon, await redeem_at(client, code, account))
    [after] = await deals(client, account)

    assert not before.HasField("next_redemption_time")
    assert after.offer_id == offer_id
    opens = redeemed.redeem_time.ToDatetime() + dt.timedelta(hours=1)
    assert abs(after.next_redemption_time.ToDatetime() - opens) < dt.timedelta(milliseconds=1)


async def test_list_deals_of_an_unknown_account_is_not_found(client):
    assert await reason_of(client.call(client.coupons.ListDeals, coupons.ListDealsRequest(
        account_id=str(uuid.uuid4())))) == "ACCOUNT_NOT_FOUND"
    assert await reason_of(client.call(client.coupons.ListDeals, coupons.ListDealsRequest(
        account_id=str(uuid.uuid4()), page_size=-1))) == "FIELD_OUT_OF_RANGE"


async def test_get_coupon_returns_the_offers_content(client):
    offer_id = (await create(client, builders.offer(content=CONTENT))).offer_id
    account, _ = await new_account(client)
    issued = await client.call(client.coupons.IssueCoupon, coupons.IssueCouponRequest(offer_id=offer_id,
                                                                                      account_id=account))

    read = await client.call(client.coupons.GetCoupon, coupons.GetCouponRequest(code=issued.coupon.code,
                                                                                account_id=account))

    assert read.content == CONTENT


async def test_a_new_issue_gap_and_a_lowered_issue_limit_hold_at_once(client):
    from google.protobuf import duration_pb2
    created = await create(client, builders.offer(max_account_issue_count=5))
    account, _ = await new_account(client)

    def issue() -> coupons.IssueCouponRequest:
        return coupons.IssueCouponRequest(offer_id=created.offer_id, account_id=account)

    await client.call(client.coupons.IssueCoupon, issue())
    await client.call(client.offers.UpdateOffer, update(resources.Offer(
        offer_id=created.offer_id, rules=resources.OfferRules(min_issue_gap=duration_pb2.Duration(seconds=3_600))),
        "rules.min_issue_gap"))
    gap = await reason_of(client.call(client.coupons.IssueCoupon, issue()))
    await client.call(client.offers.UpdateOffer, update(resources.Offer(
        offer_id=created.offer_id, rules=resources.OfferRules(max_account_issue_count=1)),
        "rules.max_account_issue_count", "rules.min_issue_gap"))
    limit = await reason_of(client.call(client.coupons.IssueCoupon, issue()))

    assert (gap, limit) == ("ISSUE_GAP_NOT_MET", "ISSUE_LIMIT_PER_CUSTOMER_REACHED")


async def test_concurrent_updates_with_the_same_etag_have_exactly_one_winner(client):
    created = await create(client, builders.offer())

    outcomes = await asyncio.gather(*(reason_of(client.call(client.offers.UpdateOffer, update(resources.Offer(
        offer_id=created.offer_id, display_name=f"Racer {n}", etag=created.etag), "display_name")))
        for n in range(8)))

    assert sorted(outcomes, key=str) == [None] + ["OFFER_ETAG_MISMATCH"] * 7
    assert int((await get(client, created.offer_id)).etag) == int(created.etag) + 1


@pytest.mark.parametrize("threshold, reason", [(9, None), (10, "FIELD_OUT_OF_RANGE"), (-1, "FIELD_OUT_OF_RANGE")])
async def test_the_issue_notification_threshold_is_checked_against_the_updated_offer(client, threshold, reason):
    created = await create(client, builders.offer(max_issue_count=10))

    outcome = await reason_of(client.call(client.offers.UpdateOffer, update(resources.Offer(
        offer_id=created.offer_id, rules=resources.OfferRules(issue_notification_threshold=threshold)),
        "rules.issue_notification_threshold")))

    assert outcome == reason
