"""Seed 001's user object over gRPC: the gender code (genderCode) beside the personal data the
user already had, on CreateUser, GetUser and UpdateUser; validated, masked, replayed."""

from __future__ import annotations

import uuid

import pytest
from google.protobuf import field_mask_pb2
from rewards.accounts.v1 import account_service_pb2 as api
from rewards.accounts.v1 import account_service_pb2_grpc
from rewards.accounts.v1 import resources_pb2 as resources

from rewards_client import errors
from tests.e2e.builders import reason_of


@pytest.fixture
def stub(typed_channel):
    return account_service_pb2_grpc.AccountServiceStub(typed_channel)


def rid() -> str:
    return uuid.uuid4().hex


def seed_user(**fields) -> resources.User:
    """The seed's example user, field by field."""
    defaults = dict(birth_date="1965-03-05", email="member1@example.com", family_name="Mustermann", given_name="Max",
                    gender_code=resources.GENDER_CODE_MALE, phone_number="+49654324563",
                    address=resources.PostalAddress(lines=["Bahnhofstraße 1"], city="München", postal_code="80469",
                                                    country_code="DE"),
                    properties={"favourite_store": "s-1"})
    return resources.User(**{**defaults, **fields})


async def test_the_seed_user_object_is_stored_and_read_back_with_its_gender_code(stub):
    created = (await stub.CreateUser(api.CreateUserRequest(request_id=rid(), user=seed_user()))).user
    read = (await stub.GetUser(api.GetUserRequest(user_id=created.user_id))).user

    assert read == created
    assert read.gender_code == resources.GENDER_CODE_MALE
    assert (read.given_name, read.family_name, read.birth_date, read.address.city, read.address.postal_code,
            read.address.country_code, read.address.lines, read.email, read.phone_number, dict(read.properties)) == (
        "Max", "Mustermann", "1965-03-05", "München", "80469", "DE", ["Bahnhofstraße 1"], "member1@example.com",
        "+49654324563", {"favourite_store": "s-1"})


@pytest.mark.parametrize("code", [resources.GENDER_CODE_UNSPECIFIED, resources.GENDER_CODE_FEMALE,
                                  resources.GENDER_CODE_DIVERSE])
async def test_every_gender_code_and_none_is_accepted(stub, code):
    created = (await stub.CreateUser(api.CreateUserRequest(request_id=rid(), user=seed_user(gender_code=code)))).user

    assert (await stub.GetUser(api.GetUserRequest(user_id=created.user_id))).user.gender_code == code


async def test_an_unknown_gender_code_is_refused_and_changes_nothing(stub):
    created = (await stub.CreateUser(api.CreateUserRequest(request_id=rid(), user=seed_user()))).user

    with pytest.raises(errors.RewardsError) as refused:
        await stub.CreateUser(api.CreateUserRequest(request_id=rid(), user=seed_user(gender_code=9)))
    bad = resources.User(user_id=created.user_id, gender_code=4)
    update = await reason_of(stub.UpdateUser(api.UpdateUserRequest(
        request_id=rid(), user=bad, update_mask=field_mask_pb2.FieldMask(paths=["gender_code"]))))

    assert (refused.value.reason, refused.value.metadata["field"]) == ("FIELD_INVALID", "user.gender_code")
    assert update == "FIELD_INVALID"
    assert (await stub.GetUser(api.GetUserRequest(user_id=created.user_id))).user == created


async def test_update_user_changes_the_gender_code_by_mask_only(stub):
    created = (await stub.CreateUser(api.CreateUserRequest(request_id=rid(), user=seed_user()))).user
    change = resources.User(user_id=created.user_id, gender_code=resources.GENDER_CODE_DIVERSE, given_name="Other")

    updated = (await stub.UpdateUser(api.UpdateUserRequest(
        request_id=rid(), user=change, update_mask=field_mask_pb2.FieldMask(paths=["gender_code"])))).user
    other = (await stub.UpdateUser(api.UpdateUserRequest(
        request_id=rid(), user=resources.User(user_id=created.user_id, given_name="Moritz"),
        update_mask=field_mask_pb2.FieldMask(paths=["given_name"])))).user
    read = (await stub.GetUser(api.GetUserRequest(user_id=created.user_id))).user

    assert (updated.gender_code, updated.given_name) == (resources.GENDER_CODE_DIVERSE, "Max")
    assert (other.gender_code, read.gender_code, read.given_name) == (
        resources.GENDER_CODE_DIVERSE, resources.GENDER_CODE_DIVERSE, "Moritz")


async def test_update_user_without_a_mask_clears_an_unset_gender_code(stub):
    created = (await stub.CreateUser(api.CreateUserRequest(request_id=rid(), user=seed_user()))).user
    replacement = seed_user(gender_code=resources.GENDER_CODE_UNSPECIFIED)
    replacement.user_id = created.user_id

    await stub.UpdateUser(api.UpdateUserRequest(request_id=rid(), user=replacement))

    read = (await stub.GetUser(api.GetUserRequest(user_id=created.user_id))).user
    assert read.gender_code == resources.GENDER_CODE_UNSPECIFIED


async def test_a_retried_create_user_replays_the_gender_code(stub):
    request = api.CreateUserRequest(request_id=rid(), user=seed_user(gender_code=resources.GENDER_CODE_FEMALE))

    first = (await stub.CreateUser(request)).user
    again = (await stub.CreateUser(request)).user

    assert again == first and again.gender_code == resources.GENDER_CODE_FEMALE
