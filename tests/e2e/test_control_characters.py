"""Control characters in strings over a real channel: requests that are valid in every other way
(a real program, account, offer and coupon) get one control character in one string at a time,
so that without the check the value would reach the handler and Postgres. Each is refused with
INVALID_ARGUMENT / FIELD_INVALID naming the field's path, and changes nothing.

Refused everywhere: C0 controls (U+0000..U+001F, NUL included), DEL (U+007F) and C1 controls
(U+0080..U+009F). Tab, line feed and carriage return are allowed in the multi-line free-text
fields only (`description`, `booking_text`, `note`; see server/interceptors.py FREE_TEXT_FIELDS).
"""

from __future__ import annotations

import uuid

import psycopg
import pytest
from google.protobuf import descriptor as pb_descriptor
from rewards.accounts.v1 import account_service_pb2 as accounts_api
from rewards.accounts.v1 import resources_pb2 as accounts
from rewards.coupons.v1 import coupon_service_pb2 as coupons
from rewards.coupons.v1 import offer_service_pb2 as offers
from rewards.coupons.v1 import resources_pb2 as resources
from rewards.loyalty.v1 import program_service_pb2 as programs_api
from rewards.loyalty.v1 import resources_pb2 as loyalty
from rewards.type.v1 import money_pb2

from rewards_client import errors
from tests.e2e import builders

STRING = pb_descriptor.FieldDescriptor.TYPE_STRING
FREE_TEXT = {"description", "booking_text", "note"}
REFUSED_EVERYWHERE = ["\x00", "\x01", "\x1b", "\x1f", "\x7f", "\x80", "\x85", "\x9f"]
LINE_BREAKS = ["\t", "\n", "\r"]


def eur(amount_minor: int) -> money_pb2.Money:
    return money_pb2.Money(amount_minor=amount_minor, currency_code="EUR")


def full_offer(program_id: str) -> resources.Offer:
    """An offer with every kind of string set: names, free text, currencies, ids, lists and a map."""
    return resources.Offer(
        program_id=program_id, display_name="Five off", description="Five euros off\nyour next visit",
        state=resources.OFFER_STATE_ACTIVE,
        reward=resources.Reward(kind=resources.REWARD_KIND_DISCOUNT_AMOUNT, discount_amount=eur(500)),
        rules=resources.OfferRules(store_ids=["store-1", "store-2"], zone_ids=["zone-1"],
                                   interaction_point_ids=["pos-1"], time_zone="Europe/Berlin",
                                   min_bill_amount=eur(1_000)),
        content=resources.OfferContent(
            texts=[resources.OfferText(language_code="en", title="Five off", subtitle="This week",
                                       description="Show this\tat the till", booking_text="5 EUR\r\nthank you")],
            image_uris=["https://example.com/five.png"], custom_properties={"campaign": "spring"},
            external_reference="crm-42", external_code="EXT-42"))


def string_slots(message, prefix: str = ""):
    """(path, kind, holder, key) for every string set in `message`, nested ones included: kind
    `attr` (holder.key), `item` (holder[key] of a list), `value` (holder[key] of a map), `key`."""
    for field, value in message.ListFields():
        name = prefix + field.name
        if field.message_type is not None and field.message_type.GetOptions().map_entry:
            value_field = field.message_type.fields_by_name["value"]
            for key in sorted(value):
                if field.message_type.fields_by_name["key"].type == STRING:
                    yield f"{name}[{key!r}]", "key", value, key
                if value_field.type == STRING:
                    yield f"{name}[{key!r}]", "value", value, key
                elif value_field.message_type is not None:
                    yield from string_slots(value[key], f"{name}[{key!r}].")
        elif field.type == STRING:
            if field.is_repeated:
                for index in range(len(value)):
                    yield f"{name}[{index}]", "item", value, index
            else:
                yield name, "attr", message, field.name
        elif field.message_type is not None:
            if field.is_repeated:
                for index, item in enumerate(value):
                    yield from string_slots(item, f"{name}[{index}].")
            else:
                yield from string_slots(value, name + ".")


def poisoned(request, index: int, bad: str):
    """A copy of `request` with `bad` inside its `index`-th string; and the path the server
    must name."""
    copy = type(request)()
    copy.CopyFrom(request)
    path, kind, holder, key = list(string_slots(copy))[index]
    if kind == "attr":
        current = getattr(holder, key)
        setattr(holder, key, current[:1] + bad + current[1:])
    elif kind in ("item", "value"):
        holder[key] = holder[key][:1] + bad + holder[key][1:]
    else:
        new_key = key[:1] + bad + key[1:]
        holder[new_key] = holder[key]
        del holder[key]
        path = path[: path.rindex("[")] + f"[{new_key!r}]"
    return copy, path


def leaf(path: str) -> str:
    return path.rsplit(".", 1)[-1].split("[", 1)[0]


def refused_values(path: str, kind: str) -> list[str]:
    free_text = kind == "attr" and leaf(path) in FREE_TEXT
    return REFUSED_EVERYWHERE + ([] if free_text else LINE_BREAKS)


async def reason_of(awaitable) -> tuple[str, dict] | None:
    try:
        await awaitable
    except errors.RewardsError as error:
        return error.reason, dict(error.metadata or {})
    return None


def count(stores, sql: str, *args) -> int:
    with psycopg.connect(stores.database_url) as connection:
        return connection.execute(sql, args).fetchone()[0]


@pytest.fixture
async def world(client):
    """A program, an account in it, an offer with every kind of string, and a coupon of it; the
    interaction point pos-1 (of store-1, in zone-1) the redemptions name."""
    await builders.ensure_interaction_point(client, "pos-1", "store-1", "zone-1")
    program_id = "cc-" + uuid.uuid4().hex[:10]
    await client.call(client.programs.CreateProgram, programs_api.CreateProgramRequest(program=loyalty.Program(
        program_id=program_id, display_name="Control", currency_code="EUR", time_zone="Europe/Berlin")))
    account = (await client.call(client.accounts.CreateAccount, accounts_api.CreateAccountRequest(
        program_id=program_id, identifiers=[accounts.Identifier(type=accounts.IDENTIFIER_TYPE_CARDCODE,
                                                                value="CC" + uuid.uuid4().hex[:12].upper())]))).account
    offer = (await client.call(client.offers.CreateOffer, offers.CreateOfferRequest(
        offer=full_offer(program_id)))).offer
    coupon = (await client.call(client.coupons.IssueCoupon, coupons.IssueCouponRequest(
        offer_id=offer.offer_id, account_id=account.account_id))).coupon
    return {"program_id": program_id, "account_id": account.account_id, "offer_id": offer.offer_id,
            "code": coupon.code}


async def refusals(client, method, request, fresh_request_id: bool) -> tuple[list[str], int]:
    """Every string of `request` poisoned with every refused value, one at a time: the answers
    that are not FIELD_INVALID with the right path, and how many were sent."""
    wrong, sent = [], 0
    for index, (path, kind, _, _) in enumerate(list(string_slots(request))):
        for bad in refused_values(path, kind):
            bad_request, expected = poisoned(request, index, bad)
            if fresh_request_id and path != "request_id":
                bad_request.request_id = uuid.uuid4().hex
            outcome = await reason_of(client.call(method, bad_request))
            sent += 1
            if outcome is None or outcome[0] != "FIELD_INVALID" or outcome[1].get("field") != expected:
                wrong.append(f"{expected} with {bad!r}: {outcome}")
    return wrong, sent


async def test_create_offer_refuses_a_control_character_in_any_string_and_creates_nothing(client, world, stores):
    request = offers.CreateOfferRequest(request_id=uuid.uuid4().hex, offer=full_offer(world["program_id"]))
    offers_before = count(stores, "SELECT count(*) FROM offers WHERE org_id = %s", "org-test")

    wrong, sent = await refusals(client, client.offers.CreateOffer, request, fresh_request_id=True)
    offers_after = count(stores, "SELECT count(*) FROM offers WHERE org_id = %s", "org-test")
    created = await client.call(client.offers.CreateOffer, request)  # Valid as it is.

    assert len(list(string_slots(request))) == 21 and sent > 200
    assert wrong == []
    assert offers_after == offers_before
    assert created.offer.content.texts[0].booking_text == "5 EUR\r\nthank you"


async def test_redeem_validate_and_get_coupon_refuse_a_control_character_and_change_nothing(client, world, stores):
    redeem = coupons.RedeemCouponRequest(request_id=uuid.uuid4().hex, code=world["code"],
                                         account_id=world["account_id"], store_id="store-1",
                                         bill_amount=eur(2_000), transaction_id="receipt-1", zone_id="zone-1",
                                         interaction_point_id="pos-1")
    validate = coupons.ValidateCouponRequest(code=world["code"], account_id=world["account_id"], store_id="store-1",
                                             bill_amount=eur(2_000), zone_id="zone-1", interaction_point_id="pos-1")
    get = coupons.GetCouponRequest(code=world["code"], account_id=world["account_id"])
    assert (await client.call(client.coupons.ValidateCoupon, validate)).reason == ""  # Valid as they are.
    await client.call(client.coupons.GetCoupon, get)

    wrong = []
    for method, request, mutating in ((client.coupons.RedeemCoupon, redeem, True),
                                      (client.coupons.ValidateCoupon, validate, False),
                                      (client.coupons.GetCoupon, get, False)):
        found, _ = await refusals(client, method, request, fresh_request_id=mutating)
        wrong += found
    redeemed_before = count(stores, "SELECT count(*) FROM coupon_redemptions WHERE offer_id = %s", world["offer_id"])
    redeemed = await client.call(client.coupons.RedeemCoupon, redeem)

    assert wrong == []
    assert redeemed_before == 0 and redeemed.redemption_id


async def test_list_offers_refuses_a_control_character_in_its_filters(client, world):
    request = offers.ListOffersRequest(program_id=world["program_id"], store_id="store-1", zone_id="zone-1")
    listed = await client.call(client.offers.ListOffers, request)

    wrong, _ = await refusals(client, client.offers.ListOffers, request, fresh_request_id=False)

    assert [offer.offer_id for offer in listed.offers] == [world["offer_id"]]
    assert wrong == []


@pytest.mark.parametrize("text", ["two\nlines", "tab\tseparated", "windows\r\nline"])
async def test_line_breaks_are_kept_in_free_text_and_refused_in_a_name(client, world, text):
    offer = full_offer(world["program_id"])
    offer.description = text
    offer.content.texts[0].booking_text = text
    named = full_offer(world["program_id"])
    named.display_name = text

    created = await client.call(client.offers.CreateOffer, offers.CreateOfferRequest(offer=offer))
    refused = await reason_of(client.call(client.offers.CreateOffer, offers.CreateOfferRequest(offer=named)))

    assert (created.offer.description, created.offer.content.texts[0].booking_text) == (text, text)
    assert refused == ("FIELD_INVALID", {"field": "offer.display_name",
                                         "rule": "no control characters (U+0000..U+001F, U+007F..U+009F)"})
