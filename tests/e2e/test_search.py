"""SearchService.Search (seed 001's domain search) over gRPC: accounts (identifiers, members'
personal data), issued coupons (codes) and offers (names, content titles) in one query, grouped
by type, each hit with a preview, a type filter, the program filter, pages, the scope per type."""

from __future__ import annotations

import uuid

import pytest
from rewards.accounts.v1 import account_service_pb2 as accounts_api
from rewards.accounts.v1 import resources_pb2 as accounts
from rewards.accounts.v1 import search_service_pb2 as api
from rewards.coupons.v1 import coupon_service_pb2 as coupons
from rewards.coupons.v1 import resources_pb2 as resources

from rewards_client import RewardsClient
from tests.e2e import builders
from tests.e2e.builders import reason_of
from tests.e2e.programs import ensure_program

ACCOUNT, COUPON, OFFER = api.SEARCH_TYPE_ACCOUNT, api.SEARCH_TYPE_COUPON, api.SEARCH_TYPE_OFFER


def word() -> str:
    """A word no other test data holds (letters only: one lexeme)."""
    return "w" + "".join(chr(ord("a") + int(c, 16) % 26) for c in uuid.uuid4().hex[:10])


async def search(client: RewardsClient, query: str, **fields) -> list[api.SearchHit]:
    hits, token = [], ""
    while True:
        page = await client.call(client.search.Search, api.SearchRequest(query=query, page_token=token, **fields))
        hits += page.hits
        token = page.next_page_token
        if not token:
            return hits


async def member_account(client: RewardsClient, program_id: str, family_name: str, card: str, **user) -> str:
    account = (await client.call(client.accounts.CreateAccount, accounts_api.CreateAccountRequest(
        program_id=program_id, identifiers=[accounts.Identifier(type=accounts.IDENTIFIER_TYPE_CARDCODE,
                                                                value=card)]))).account
    created = (await client.call(client.accounts.CreateUser, accounts_api.CreateUserRequest(user=accounts.User(
        given_name=user.pop("given_name", "Max"), family_name=family_name,
        email=user.pop("email", f"{family_name}@example.com"), **user)))).user
    await client.call(client.accounts.AddMembership, accounts_api.AddMembershipRequest(
        account_id=account.account_id, user_id=created.user_id, role=accounts.MEMBERSHIP_ROLE_OWNER))
    return account.account_id


@pytest.fixture
async def world(client):
    """A program with two members' accounts of one family name, an anonymous account, an offer
    titled with the same word, and a coupon of it issued to the first account."""
    name = word()
    program_id = await ensure_program(client)
    card = "SRCH" + uuid.uuid4().hex[:10].upper()
    first = await member_account(client, program_id, name, card, birth_date="1965-03-05",
                                 address=accounts.PostalAddress(city="München", postal_code="80469"))
    second = await member_account(client, program_id, name, "SRCH" + uuid.uuid4().hex[:10].upper(), given_name="Erika")
    anonymous = (await client.call(client.accounts.CreateAccount, accounts_api.CreateAccountRequest(
        program_id=program_id, identifiers=[accounts.Identifier(type=accounts.IDENTIFIER_TYPE_CARDCODE,
                                                                value=name.upper() + "X1")]))).account.account_id
    offer = await builders.create_offer(client, builders.offer(program_id, content=resources.OfferContent(
        texts=[resources.OfferText(language_code="en", title=f"Summer {name} deal")])))
    coupon = (await client.call(client.coupons.IssueCoupon, coupons.IssueCouponRequest(
        offer_id=offer.offer_id, account_id=first))).coupon
    return {"name": name, "program_id": program_id, "card": card, "first": first, "second": second,
            "anonymous": anonymous, "offer_id": offer.offer_id, "code": coupon.code}


async def test_one_query_finds_accounts_and_offers_grouped_by_type_with_previews(client, world):
    hits = await search(client, world["name"])

    assert [hit.type for hit in hits] == [ACCOUNT] * 3 + [OFFER]
    accounts_found = {hit.ref_id: hit for hit in hits if hit.type == ACCOUNT}
    assert set(accounts_found) == {world["first"], world["second"], world["anonymous"]}
    assert [hit.ref_id for hit in hits if hit.type == ACCOUNT] == sorted(accounts_found)
    assert accounts_found[world["first"]].preview == f"name: Max {world['name']}, email: {world['name']}@example.com"
    assert accounts_found[world["anonymous"]].preview == f"identifier: {world['name'].upper()}X1"
    assert all(hit.program_id == world["program_id"] and hit.account_id == hit.ref_id for hit in accounts_found.values())
    offer = hits[-1]
    assert (offer.ref_id, offer.preview, offer.account_id) == (
        world["offer_id"], f"title: Summer {world['name']} deal, type: DISCOUNT_AMOUNT", "")


async def test_every_term_must_match_and_member_fields_are_indexed(client, world):
    name = world["name"]

    assert [h.ref_id for h in await search(client, f"{name} erika", types=[ACCOUNT])] == [world["second"]]
    assert [h.ref_id for h in await search(client, f"{name} 1965-03", types=[ACCOUNT])] == [world["first"]]
    assert [h.ref_id for h in await search(client, f"münch {name}", types=[ACCOUNT])] == [world["first"]]
    assert [h.ref_id for h in await search(client, world["card"].lower(), types=[ACCOUNT])] == [world["first"]]
    assert [h.ref_id for h in await search(client, f"SUMM {name}", types=[OFFER])] == [world["offer_id"]]
    assert await search(client, f"{name} nobody{name}") == []


async def test_a_coupon_is_found_by_the_start_of_its_code(client, world):
    hits = await search(client, world["code"][:-2].lower(), types=[COUPON], program_id=world["program_id"])

    assert [(h.type, h.ref_id, h.account_id) for h in hits] == [(COUPON, world["code"], world["first"])]
    assert hits[0].preview == f"code: {world['code']}, offer: 5 EUR off"


async def test_the_program_filter_and_the_type_filter_narrow_the_hits(client, world):
    other = await ensure_program(client)

    assert await search(client, world["name"], program_id=other) == []
    assert [h.type for h in await search(client, world["name"], types=[OFFER, ACCOUNT])] == [ACCOUNT] * 3 + [OFFER]
    assert [h.type for h in await search(client, world["name"], types=[OFFER])] == [OFFER]


async def test_pages_are_complete_and_stable_and_a_token_is_bound_to_its_query(client, world):
    full = await search(client, world["name"])
    paged, token, pages = [], "", 0
    while True:
        page = await client.call(client.search.Search, api.SearchRequest(query=world["name"], page_size=1,
                                                                          page_token=token))
        paged += page.hits
        pages += 1
        token = page.next_page_token
        if not token:
            break
        assert await reason_of(client.call(client.search.Search, api.SearchRequest(
            query=world["name"] + " x1", page_size=1, page_token=token))) == "FIELD_INVALID"

    assert paged == full and pages == len(full)


@pytest.mark.parametrize("fields, reason, field", [
    ({"query": ""}, "FIELD_REQUIRED", "query"),
    ({"query": "   "}, "FIELD_REQUIRED", "query"),
    ({"query": "a"}, "FIELD_INVALID", "query"),
    ({"query": " ".join(f"t{n}" for n in range(9))}, "FIELD_TOO_LONG", "query"),  # 9 distinct terms.
    ({"query": "x" * 257}, "FIELD_TOO_LONG", "query"),
    ({"query": "abc", "types": [0]}, "FIELD_INVALID", "types[0]"),
    ({"query": "abc", "types": [9]}, "FIELD_INVALID", "types[0]"),
    ({"query": "abc", "types": [ACCOUNT, ACCOUNT]}, "FIELD_INVALID", "types"),
    ({"query": "abc", "program_id": "bad id"}, "FIELD_INVALID", "program_id"),
    ({"query": "abc", "page_size": -1}, "FIELD_OUT_OF_RANGE", "page_size"),
    ({"query": "abc", "page_token": "junk"}, "FIELD_INVALID", "page_token"),
])
async def test_bad_search_input_names_the_field(client, fields, reason, field):
    from rewards_client import errors
    with pytest.raises(errors.RewardsError) as refused:
        await client.call(client.search.Search, api.SearchRequest(**fields))

    assert (refused.value.reason, refused.value.metadata["field"]) == (reason, field)


async def test_a_term_and_a_query_at_their_limits_are_accepted(client, world):
    assert await search(client, " ".join([world["name"]] + [f"z{n}" for n in range(7)]), types=[ACCOUNT]) == []
    assert await search(client, world["name"][:2] + "q" * 254, types=[OFFER]) == []


async def scoped(server, stores, *scopes: str) -> RewardsClient:
    from core.service.clients import create_client
    from rewards_client import Credentials
    client_id, secret = create_client(stores.database_url, "org-test", list(scopes))
    return RewardsClient.connect(server.target, Credentials("org-test", client_id, secret))


async def test_each_type_needs_the_scope_that_reads_it(server, stores, world):
    async with await scoped(server, stores, "accounts:read") as reader:
        only_accounts = await search(reader, world["name"])
        offers = await reason_of(reader.call(reader.search.Search, api.SearchRequest(query=world["name"],
                                                                                     types=[OFFER])))
    async with await scoped(server, stores, "coupons:read") as coupon_reader:
        coupon_hits = await search(coupon_reader, world["code"])
    async with await scoped(server, stores, "loyalty:read") as neither:
        nothing = await reason_of(neither.call(neither.search.Search, api.SearchRequest(query=world["name"])))
    another_org = await search_other_org(server, stores, world["name"])

    assert {hit.type for hit in only_accounts} == {ACCOUNT} and len(only_accounts) == 3
    assert (offers, nothing) == ("SCOPE_MISSING", "SCOPE_MISSING")
    assert [hit.ref_id for hit in coupon_hits] == [world["code"]]
    assert another_org == []


async def search_other_org(server, stores, query: str) -> list[api.SearchHit]:
    """The same query as another organisation's client with every scope."""
    from core.service.clients import create_client
    from rewards_client import Credentials
    from tests.conftest import ALL_SCOPES
    org_id = "org-other-" + uuid.uuid4().hex[:8]
    client_id, secret = create_client(stores.database_url, org_id, ALL_SCOPES)
    async with RewardsClient.connect(server.target, Credentials(org_id, client_id, secret)) as other:
        return await search(other, query)
