"""AccountService users, memberships and search over gRPC: happy paths, boundaries, bad input,
idempotent retries, races."""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid

import pytest
from google.protobuf import field_mask_pb2
from rewards.accounts.v1 import account_service_pb2 as api
from rewards.accounts.v1 import account_service_pb2_grpc
from rewards.accounts.v1 import resources_pb2 as resources

from core.domain import limits
from rewards_client import errors
from tests.e2e.programs import ensure_program


@pytest.fixture
def stub(typed_channel):
    return account_service_pb2_grpc.AccountServiceStub(typed_channel)


def rid() -> str:
    return uuid.uuid4().hex


def person(**fields) -> resources.User:
    defaults = dict(
        external_user_id="crm-" + rid(), given_name="Anna Maria", family_name="Müller", display_name="Anna",
        email=f"anna.{rid()[:8]}@example.com", phone_number="+4915112345678", birth_date="1990-05-17",
        address=resources.PostalAddress(lines=["Hauptstraße 1", "2. OG"], city="Berlin", postal_code="10115",
                                        region="BE", country_code="DE"),
        properties={"tier": "gold", "source.channel": "app"})
    return resources.User(**{**defaults, **fields})


async def new_user(stub, **fields) -> resources.User:
    return (await stub.CreateUser(api.CreateUserRequest(request_id=rid(), user=person(**fields)))).user


async def new_account(stub, program_id: str = "e2e-members", *identifiers) -> resources.Account:
    identifiers = identifiers or (resources.Identifier(type=resources.IDENTIFIER_TYPE_CARDCODE, value=rid()),)
    request = api.CreateAccountRequest(request_id=rid(), program_id=program_id, identifiers=identifiers)
    return (await stub.CreateAccount(request)).account


def join(account_id: str, user_id: str, role=resources.MEMBERSHIP_ROLE_COOWNER, **fields) -> api.AddMembershipRequest:
    fields.setdefault("request_id", rid())
    return api.AddMembershipRequest(account_id=account_id, user_id=user_id, role=role, **fields)


# --- users ---------------------------------------------------------------------------------------

async def test_a_created_user_is_read_back_with_all_personal_data(stub):
    sent = person()

    created = (await stub.CreateUser(api.CreateUserRequest(request_id=rid(), user=sent))).user
    read = (await stub.GetUser(api.GetUserRequest(user_id=created.user_id))).user

    assert read == created
    assert uuid.UUID(created.user_id) and created.create_time == created.update_time
    expected = resources.User()
    expected.CopyFrom(sent)
    expected.user_id = created.user_id
    expected.create_time.CopyFrom(created.create_time)
    expected.update_time.CopyFrom(created.update_time)
    assert created == expected


async def test_a_retried_create_user_returns_the_first_response(stub):
    request = api.CreateUserRequest(request_id=rid(), user=person())

    first = await stub.CreateUser(request)
    retries = await asyncio.gather(*(stub.CreateUser(request) for _ in range(5)))

    assert all(r == first for r in retries)


async def test_an_external_user_id_is_unique_in_the_organisation(stub):
    taken = await new_user(stub)

    with pytest.raises(errors.AlreadyExists) as conflict:
        await new_user(stub, external_user_id=taken.external_user_id)

    assert (conflict.value.reason, conflict.value.metadata) == (
        "USER_ALREADY_EXISTS", {"external_user_id": taken.external_user_id})


async def test_users_without_external_id_do_not_collide(stub):
    first, second = await new_user(stub, external_user_id=""), await new_user(stub, external_user_id="")

    assert first.user_id != second.user_id and first.external_user_id == second.external_user_id == ""


TODAY = dt.date.today()


@pytest.mark.parametrize("fields", [
    {"birth_date": f"{limits.BIRTH_YEAR_MIN}-01-01"}, {"birth_date": TODAY.isoformat()}, {"birth_date": ""},
    {"given_name": "g" * limits.USER_NAME_LENGTH_MAX},
    {"address": resources.PostalAddress(lines=["l"] * limits.ADDRESS_LINES_MAX)},
    {"properties": {f"k{n}": "v" for n in range(limits.USER_PROPERTIES_MAX)}},
    {"properties": {"k": "v" * limits.USER_PROPERTY_VALUE_LENGTH_MAX}},
    {"phone_number": "", "email": ""},
])
async def test_user_data_at_its_limits_is_accepted(stub, fields):
    user = await new_user(stub, **fields)

    assert (await stub.GetUser(api.GetUserRequest(user_id=user.user_id))).user == user


@pytest.mark.parametrize("fields, reason, field", [
    ({"birth_date": f"{limits.BIRTH_YEAR_MIN - 1}-12-31"}, "FIELD_INVALID", "user.birth_date"),
    ({"birth_date": (TODAY + dt.timedelta(days=2)).isoformat()}, "FIELD_INVALID", "user.birth_date"),
    ({"birth_date": "2023-02-29"}, "FIELD_INVALID", "user.birth_date"),
    ({"birth_date": "17.05.1990"}, "FIELD_INVALID", "user.birth_date"),
    ({"birth_date": "1990-5-17"}, "FIELD_INVALID", "user.birth_date"),
    ({"email": "anna"}, "FIELD_INVALID", "user.email"),
    ({"email": "a" * 250 + "@x.de"}, "FIELD_TOO_LONG", "user.email"),
    ({"phone_number": "015112345678"}, "FIELD_INVALID", "user.phone_number"),
    ({"given_name": "g" * (limits.USER_NAME_LENGTH_MAX + 1)}, "FIELD_TOO_LONG", "user.given_name"),
    ({"family_name": " Müller"}, "FIELD_INVALID", "user.family_name"),
    ({"external_user_id": "x" * (limits.EXTERNAL_USER_ID_LENGTH_MAX + 1)}, "FIELD_TOO_LONG", "user.external_user_id"),
    ({"address": resources.PostalAddress(lines=["l"] * (limits.ADDRESS_LINES_MAX + 1))}, "FIELD_TOO_LONG", "user.address.lines"),
    ({"address": resources.PostalAddress(city="c" * (limits.CITY_LENGTH_MAX + 1))}, "FIELD_TOO_LONG", "user.address.city"),
    ({"address": resources.PostalAddress(postal_code="1" * (limits.POSTAL_CODE_LENGTH_MAX + 1))}, "FIELD_TOO_LONG",
     "user.address.postal_code"),
    ({"address": resources.PostalAddress(country_code="de")}, "FIELD_INVALID", "user.address.country_code"),
    ({"properties": {f"k{n}": "v" for n in range(limits.USER_PROPERTIES_MAX + 1)}}, "FIELD_TOO_LONG", "user.properties"),
    ({"properties": {"Bad Key": "v"}}, "FIELD_INVALID", "user.properties[Bad Key]"),
    ({"properties": {"k": "v" * (limits.USER_PROPERTY_VALUE_LENGTH_MAX + 1)}}, "FIELD_TOO_LONG", "user.properties[k]"),
])
async def test_bad_user_data_names_the_field(stub, fields, reason, field):
    with pytest.raises(errors.InvalidArgument) as invalid:
        await new_user(stub, **fields)

    assert (invalid.value.reason, invalid.value.metadata["field"]) == (reason, field)


async def test_an_unknown_user_is_not_found(stub):
    missing = str(uuid.uuid4())

    with pytest.raises(errors.NotFound) as not_found:
        await stub.GetUser(api.GetUserRequest(user_id=missing))
    with pytest.raises(errors.InvalidArgument) as invalid:
        await stub.GetUser(api.GetUserRequest(user_id="nope"))

    assert (not_found.value.reason, not_found.value.metadata) == ("USER_NOT_FOUND", {"user_id": missing})
    assert (invalid.value.reason, invalid.value.metadata["field"]) == ("FIELD_INVALID", "user_id")


async def test_update_user_replaces_only_the_masked_fields(stub):
    user = await new_user(stub)
    change = resources.User(user_id=user.user_id, family_name="Schmidt", given_name="ignored",
                            address=resources.PostalAddress(city="Hamburg", postal_code="20095"))

    updated = (await stub.UpdateUser(api.UpdateUserRequest(
        request_id=rid(), user=change, update_mask=field_mask_pb2.FieldMask(paths=["family_name", "address"])))).user

    assert (updated.family_name, updated.given_name, updated.address.city, list(updated.address.lines)) == (
        "Schmidt", user.given_name, "Hamburg", [])
    assert updated.create_time == user.create_time and updated.update_time.ToDatetime() >= user.update_time.ToDatetime()
    assert (await stub.GetUser(api.GetUserRequest(user_id=user.user_id))).user == updated


async def test_update_user_without_a_mask_replaces_everything(stub):
    user = await new_user(stub)

    updated = (await stub.UpdateUser(api.UpdateUserRequest(
        request_id=rid(), user=resources.User(user_id=user.user_id, display_name="Only")))).user

    assert (updated.display_name, updated.email, updated.external_user_id, dict(updated.properties)) == ("Only", "", "", {})


@pytest.mark.parametrize("mask, user_fields, reason, field", [
    (["nickname"], {}, "FIELD_INVALID", "update_mask"),
    (["user_id"], {}, "FIELD_INVALID", "update_mask"),
    (["email"], {"email": "bad"}, "FIELD_INVALID", "user.email"),
])
async def test_a_bad_update_names_the_field_and_changes_nothing(stub, mask, user_fields, reason, field):
    user = await new_user(stub)

    with pytest.raises(errors.InvalidArgument) as invalid:
        await stub.UpdateUser(api.UpdateUserRequest(
            request_id=rid(), user=resources.User(user_id=user.user_id, **user_fields),
            update_mask=field_mask_pb2.FieldMask(paths=mask)))

    assert (invalid.value.reason, invalid.value.metadata["field"]) == (reason, field)
    assert (await stub.GetUser(api.GetUserRequest(user_id=user.user_id))).user == user


async def test_update_user_to_a_taken_external_id_is_already_exists(stub):
    taken, user = await new_user(stub), await new_user(stub)

    with pytest.raises(errors.AlreadyExists) as conflict:
        await stub.UpdateUser(api.UpdateUserRequest(
            request_id=rid(), user=resources.User(user_id=user.user_id, external_user_id=taken.external_user_id),
            update_mask=field_mask_pb2.FieldMask(paths=["external_user_id"])))
    with pytest.raises(errors.NotFound) as missing:
        await stub.UpdateUser(api.UpdateUserRequest(request_id=rid(), user=resources.User(user_id=str(uuid.uuid4()))))

    assert conflict.value.reason == "USER_ALREADY_EXISTS"
    assert missing.value.reason == "USER_NOT_FOUND"


async def test_concurrent_updates_of_one_user_all_apply_in_some_order(stub):
    user = await new_user(stub)
    names = [f"name-{n}" for n in range(5)]

    results = await asyncio.gather(*(stub.UpdateUser(api.UpdateUserRequest(
        request_id=rid(), user=resources.User(user_id=user.user_id, display_name=name),
        update_mask=field_mask_pb2.FieldMask(paths=["display_name"]))) for name in names))

    final = (await stub.GetUser(api.GetUserRequest(user_id=user.user_id))).user
    assert sorted(r.user.display_name for r in results) == names
    assert final.display_name in names and final.email == user.email


# --- memberships ---------------------------------------------------------------------------------

async def test_members_join_with_roles_opt_ins_and_partner_and_are_listed_both_ways(stub):
    account, owner, collector = await new_account(stub), await new_user(stub), await new_user(stub)

    added = (await stub.AddMembership(join(
        account.account_id, owner.user_id, resources.MEMBERSHIP_ROLE_OWNER, partner_id="airline-1",
        marketing_opt_ins=[resources.MARKETING_CHANNEL_SMS, resources.MARKETING_CHANNEL_EMAIL]))).membership
    await stub.AddMembership(join(account.account_id, collector.user_id, resources.MEMBERSHIP_ROLE_COLLECTOR))

    by_account = (await stub.ListMemberships(api.ListMembershipsRequest(account_id=account.account_id))).memberships
    by_identifier = (await stub.ListMemberships(api.ListMembershipsRequest(
        account_identifier=account.identifiers[0]))).memberships
    by_user = (await stub.ListMemberships(api.ListMembershipsRequest(user_id=owner.user_id))).memberships

    assert (added.role, list(added.marketing_opt_ins), added.partner_id) == (
        resources.MEMBERSHIP_ROLE_OWNER, [resources.MARKETING_CHANNEL_EMAIL, resources.MARKETING_CHANNEL_SMS],
        "airline-1")
    assert [m.user_id for m in by_account] == [owner.user_id, collector.user_id]
    assert list(by_identifier) == list(by_account) and by_account[0] == added
    assert list(by_user) == [added]


async def test_a_membership_is_paged_oldest_first(stub):
    account = await new_account(stub)
    members = [await new_user(stub) for _ in range(5)]
    for member in members:
        await stub.AddMembership(join(account.account_id, member.user_id))

    seen, token, pages = [], "", 0
    while True:
        page = await stub.ListMemberships(api.ListMembershipsRequest(account_id=account.account_id, page_size=2,
                                                                     page_token=token))
        seen += [m.user_id for m in page.memberships]
        pages, token = pages + 1, page.next_page_token
        if not token:
            break

    assert seen == [m.user_id for m in members] and pages == 3
    with pytest.raises(errors.InvalidArgument) as other_scope:
        await stub.ListMemberships(api.ListMembershipsRequest(user_id=members[0].user_id, page_token=
            (await stub.ListMemberships(api.ListMembershipsRequest(account_id=account.account_id,
                                                                   page_size=1))).next_page_token))
    assert other_scope.value.metadata["field"] == "page_token"


async def test_a_removed_membership_is_gone(stub):
    account, user = await new_account(stub), await new_user(stub)
    await stub.AddMembership(join(account.account_id, user.user_id))
    request = api.RemoveMembershipRequest(request_id=rid(), account_id=account.account_id, user_id=user.user_id)

    await stub.RemoveMembership(request)
    again = await stub.RemoveMembership(request)
    with pytest.raises(errors.NotFound) as missing:
        await stub.RemoveMembership(api.RemoveMembershipRequest(request_id=rid(), account_id=account.account_id,
                                                                user_id=user.user_id))

    assert again == api.RemoveMembershipResponse()
    assert missing.value.reason == "MEMBERSHIP_NOT_FOUND"
    assert list((await stub.ListMemberships(api.ListMembershipsRequest(user_id=user.user_id))).memberships) == []
    rejoined = await stub.AddMembership(join(account.account_id, user.user_id))
    assert rejoined.membership.user_id == user.user_id


async def test_a_user_joins_an_account_once_and_an_account_has_one_owner(stub):
    account, first, second = await new_account(stub), await new_user(stub), await new_user(stub)
    await stub.AddMembership(join(account.account_id, first.user_id, resources.MEMBERSHIP_ROLE_OWNER))

    with pytest.raises(errors.AlreadyExists) as twice:
        await stub.AddMembership(join(account.account_id, first.user_id, resources.MEMBERSHIP_ROLE_COLLECTOR))
    with pytest.raises(errors.FailedPrecondition) as owner:
        await stub.AddMembership(join(account.account_id, second.user_id, resources.MEMBERSHIP_ROLE_OWNER))

    assert twice.value.reason == "MEMBERSHIP_ALREADY_EXISTS"
    assert (owner.value.reason, owner.value.metadata) == ("ACCOUNT_OWNER_EXISTS", {"account_id": account.account_id})


async def test_of_concurrent_owners_exactly_one_wins(stub):
    account = await new_account(stub)
    users = await asyncio.gather(*(new_user(stub) for _ in range(8)))

    outcomes = await asyncio.gather(*(stub.AddMembership(join(account.account_id, u.user_id, resources.MEMBERSHIP_ROLE_OWNER))
                                      for u in users), return_exceptions=True)

    refused = [o for o in outcomes if isinstance(o, Exception)]
    assert len(refused) == len(users) - 1
    assert {o.reason for o in refused} == {"ACCOUNT_OWNER_EXISTS"}


async def test_an_account_has_at_most_the_membership_limit(stub):
    account = await new_account(stub)
    users = await asyncio.gather(*(new_user(stub) for _ in range(limits.ACCOUNT_MEMBERSHIPS_MAX + 1)))
    for user in users[:-1]:
        await stub.AddMembership(join(account.account_id, user.user_id))

    with pytest.raises(errors.FailedPrecondition) as full:
        await stub.AddMembership(join(account.account_id, users[-1].user_id))

    assert full.value.reason == "ACCOUNT_MEMBERSHIP_LIMIT_REACHED"
    assert full.value.metadata["membership_count_max"] == str(limits.ACCOUNT_MEMBERSHIPS_MAX)


async def test_a_deactivated_account_gets_no_members_and_a_deleted_one_loses_them(stub):
    deactivated, deleted, user = await new_account(stub), await new_account(stub), await new_user(stub)
    await stub.UpdateAccountStatus(api.UpdateAccountStatusRequest(
        request_id=rid(), account_id=deactivated.account_id, status=resources.ACCOUNT_STATUS_DEACTIVATED))
    await stub.AddMembership(join(deleted.account_id, user.user_id))

    with pytest.raises(errors.FailedPrecondition) as inactive:
        await stub.AddMembership(join(deactivated.account_id, user.user_id))
    await stub.DeleteAccount(api.DeleteAccountRequest(request_id=rid(), account_id=deleted.account_id))

    assert inactive.value.reason == "ACCOUNT_NOT_ACTIVE"
    assert list((await stub.ListMemberships(api.ListMembershipsRequest(user_id=user.user_id))).memberships) == []
    with pytest.raises(errors.NotFound):
        await stub.ListMemberships(api.ListMembershipsRequest(account_id=deleted.account_id))


async def test_a_retried_add_membership_returns_the_first_response(stub):
    account, user = await new_account(stub), await new_user(stub)
    request = join(account.account_id, user.user_id)

    first = await stub.AddMembership(request)
    retries = await asyncio.gather(*(stub.AddMembership(request) for _ in range(5)))
    with pytest.raises(errors.AlreadyExists) as reused:
        await stub.AddMembership(join(account.account_id, user.user_id, resources.MEMBERSHIP_ROLE_OWNER,
                                      request_id=request.request_id))

    assert all(r == first for r in retries)
    assert reused.value.reason == "IDEMPOTENCY_KEY_REUSED"


@pytest.mark.parametrize("fields, reason, field", [
    ({"role": resources.MEMBERSHIP_ROLE_UNSPECIFIED}, "FIELD_REQUIRED", "role"),
    ({"role": 9}, "FIELD_INVALID", "role"),
    ({"user_id": ""}, "FIELD_REQUIRED", "user_id"),
    ({"user_id": "x"}, "FIELD_INVALID", "user_id"),
    ({"account_id": ""}, "FIELD_REQUIRED", "account_id"),
    ({"marketing_opt_ins": [resources.MARKETING_CHANNEL_SMS] * 2}, "FIELD_INVALID", "marketing_opt_ins"),
    ({"marketing_opt_ins": [resources.MARKETING_CHANNEL_UNSPECIFIED]}, "FIELD_INVALID", "marketing_opt_ins[0]"),
    ({"marketing_opt_ins": [42]}, "FIELD_INVALID", "marketing_opt_ins[0]"),
    ({"partner_id": "p" * (limits.PARTNER_ID_LENGTH_MAX + 1)}, "FIELD_TOO_LONG", "partner_id"),
    ({"partner_id": "bad partner"}, "FIELD_INVALID", "partner_id"),
])
async def test_bad_membership_input_names_the_field(stub, fields, reason, field):
    account, user = await new_account(stub), await new_user(stub)
    request = {"account_id": account.account_id, "user_id": user.user_id, **fields}

    with pytest.raises(errors.InvalidArgument) as invalid:
        await stub.AddMembership(join(**request))

    assert (invalid.value.reason, invalid.value.metadata["field"]) == (reason, field)
    assert list((await stub.ListMemberships(api.ListMembershipsRequest(account_id=account.account_id))).memberships) == []


async def test_membership_of_an_unknown_user_or_account_is_not_found(stub):
    account, user = await new_account(stub), await new_user(stub)

    with pytest.raises(errors.NotFound) as no_user:
        await stub.AddMembership(join(account.account_id, str(uuid.uuid4())))
    with pytest.raises(errors.NotFound) as no_account:
        await stub.AddMembership(join(str(uuid.uuid4()), user.user_id))
    with pytest.raises(errors.NotFound) as no_list:
        await stub.ListMemberships(api.ListMembershipsRequest(user_id=str(uuid.uuid4())))

    assert (no_user.value.reason, no_account.value.reason, no_list.value.reason) == (
        "USER_NOT_FOUND", "ACCOUNT_NOT_FOUND", "USER_NOT_FOUND")


@pytest.mark.parametrize("request_fields, reason, field", [
    ({}, "FIELD_REQUIRED", "scope"),
    ({"user_id": "x"}, "FIELD_INVALID", "user_id"),
    ({"account_id": str(uuid.uuid4()), "page_size": -1}, "FIELD_OUT_OF_RANGE", "page_size"),
    ({"user_id": str(uuid.uuid4()), "page_token": "garbage"}, "FIELD_INVALID", "page_token"),
])
async def test_bad_list_memberships_input_names_the_field(stub, request_fields, reason, field):
    if "page_token" in request_fields or "page_size" in request_fields:
        request_fields = {**request_fields, **({"user_id": (await new_user(stub)).user_id}
                                               if "user_id" in request_fields else
                                               {"account_id": (await new_account(stub)).account_id})}
    with pytest.raises(errors.InvalidArgument) as invalid:
        await stub.ListMemberships(api.ListMembershipsRequest(**request_fields))

    assert (invalid.value.reason, invalid.value.metadata["field"]) == (reason, field)


# --- search --------------------------------------------------------------------------------------

@pytest.fixture
async def town(stub, client):
    """A program of its own: three members in two cities, and an account with no member."""
    program = "search-" + rid()[:12]
    await ensure_program(client, program)
    anna = await new_user(stub, given_name="Anna", display_name="Anna", family_name="Keller", email=f"anna@{program}.de",
                          birth_date="1990-05-17", address=resources.PostalAddress(city="Bad Homburg", postal_code="61348"))
    bernd = await new_user(stub, given_name="Bernd", display_name="Bernd", family_name="Keller", email=f"bernd@{program}.de",
                           birth_date="1985-11-02", address=resources.PostalAddress(city="Berlin", postal_code="10115"))
    clara = await new_user(stub, given_name="Clara", display_name="Clara", family_name="Anders", email=f"clara@{program}.de",
                           birth_date="1990-01-30", address=resources.PostalAddress(city="Berlin", postal_code="10117"))
    accounts = {}
    for name, user in (("anna", anna), ("bernd", bernd), ("clara", clara), ("empty", None)):
        code = resources.Identifier(type=resources.IDENTIFIER_TYPE_CARDCODE, value=f"CARD-{name.upper()}-{rid()[:6]}")
        accounts[name] = await new_account(stub, program, code)
        if user is not None:
            await stub.AddMembership(join(accounts[name].account_id, user.user_id))
    return program, accounts


async def search(stub, program: str, query: str = "", **fields) -> list[str]:
    response = await stub.SearchAccounts(api.SearchAccountsRequest(program_id=program, query=query, **fields))
    return [a.account_id for a in response.accounts]


@pytest.mark.parametrize("query, names", [
    ("keller", ["anna", "bernd"]),
    ("KELLER berlin", ["bernd"]),
    ("berlin", ["bernd", "clara"]),
    ("bad hom", ["anna"]),
    ("1011", ["bernd", "clara"]),
    ("10117", ["clara"]),
    ("1990", ["anna", "clara"]),
    ("1990-05", ["anna"]),
    ("1990-05-17", ["anna"]),
    ("bernd@", ["bernd"]),
    ("card-clara", ["clara"]),
    ("card- berlin", ["bernd", "clara"]),
    ("card-empty", ["empty"]),
    ("anna berlin", []),
    ("zz", []),
    ("", ["anna", "bernd", "clara", "empty"]),
])
async def test_search_terms_must_all_match_identifiers_or_member_data(stub, town, query, names):
    program, accounts = town

    assert await search(stub, program, query) == [accounts[n].account_id for n in names]


async def test_search_combines_filters_and_skips_deleted_accounts(stub, town):
    program, accounts = town
    await stub.UpdateAccountStatus(api.UpdateAccountStatusRequest(
        request_id=rid(), account_id=accounts["clara"].account_id, status=resources.ACCOUNT_STATUS_LOCKED))
    await stub.DeleteAccount(api.DeleteAccountRequest(request_id=rid(), account_id=accounts["empty"].account_id))

    locked = await search(stub, program, "berlin", statuses=[resources.ACCOUNT_STATUS_LOCKED])
    everyone = await search(stub, program)
    by_prefix = await search(stub, program, identifier_type=resources.IDENTIFIER_TYPE_CARDCODE,
                             identifier_value_prefix="CARD-AN")

    assert locked == [accounts["clara"].account_id]
    assert everyone == [accounts[n].account_id for n in ("anna", "bernd", "clara")]
    assert by_prefix == [accounts["anna"].account_id]


async def test_search_pages_are_stable_and_complete(stub, town):
    program, accounts = town

    seen, token = [], ""
    while True:
        page = await stub.SearchAccounts(api.SearchAccountsRequest(program_id=program, page_size=1, page_token=token))
        assert len(page.accounts) <= 1
        seen += [a.account_id for a in page.accounts]
        token = page.next_page_token
        if not token:
            break
    first = await stub.SearchAccounts(api.SearchAccountsRequest(program_id=program, page_size=2))
    with pytest.raises(errors.InvalidArgument) as changed:
        await stub.SearchAccounts(api.SearchAccountsRequest(program_id=program, query="keller", page_size=2,
                                                            page_token=first.next_page_token))

    assert seen == [accounts[n].account_id for n in ("anna", "bernd", "clara", "empty")]
    assert (changed.value.reason, changed.value.metadata["field"]) == ("FIELD_INVALID", "page_token")


async def test_search_page_size_bounds(stub, town):
    program, _ = town

    default = await stub.SearchAccounts(api.SearchAccountsRequest(program_id=program, page_size=0))
    capped = await stub.SearchAccounts(api.SearchAccountsRequest(program_id=program, page_size=10**6))

    assert len(default.accounts) == len(capped.accounts) == 4 and not default.next_page_token


@pytest.mark.parametrize("fields, reason, field", [
    ({"program_id": ""}, "FIELD_REQUIRED", "program_id"),
    ({"query": "a"}, "FIELD_INVALID", "query"),
    ({"query": " ".join(f"t{n}" for n in range(limits.SEARCH_TERMS_MAX + 1))}, "FIELD_TOO_LONG", "query"),
    ({"query": "q" * (limits.SEARCH_QUERY_LENGTH_MAX + 1)}, "FIELD_TOO_LONG", "query"),
    ({"page_size": -1}, "FIELD_OUT_OF_RANGE", "page_size"),
    ({"page_token": "not-a-token"}, "FIELD_INVALID", "page_token"),
    ({"statuses": [resources.ACCOUNT_STATUS_UNSPECIFIED]}, "FIELD_INVALID", "statuses[0]"),
    ({"identifier_type": 99}, "FIELD_INVALID", "identifier_type"),
    ({"identifier_value_prefix": "ab"}, "FIELD_INVALID", "identifier_value_prefix"),
    ({"user_id": "x"}, "FIELD_INVALID", "user_id"),
])
async def test_bad_search_input_names_the_field(stub, fields, reason, field):
    with pytest.raises(errors.InvalidArgument) as invalid:
        await stub.SearchAccounts(api.SearchAccountsRequest(**{"program_id": "p", **fields}))

    assert (invalid.value.reason, invalid.value.metadata["field"]) == (reason, field)


async def test_search_terms_at_their_limits_are_accepted(stub, town):
    program, accounts = town
    terms = ["ke"] * (limits.SEARCH_TERMS_MAX - 1) + ["an"]

    found = await search(stub, program, " ".join(terms))
    quoted = await search(stub, program, "o'brien")
    wildcards = await search(stub, program, "%_")

    assert found == [accounts["anna"].account_id]
    assert quoted == wildcards == []  # Quotes and LIKE wildcards are data, not syntax.
