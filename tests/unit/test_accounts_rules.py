"""Account validation rules at their boundaries (no I/O)."""

from __future__ import annotations

import datetime as dt

import pytest

from core.domain import limits
from core.domain.accounts import (Account, AccountStatus, Address, Identifier, IdentifierType, UserData,
                                  check_transition, parse_search_query, user_search_lexemes, validate_birth_date,
                                  validate_email, validate_identifier, validate_identifiers, validate_phone,
                                  validate_program_id)
from core.domain.errors import DomainError, ErrorReason
from core.service.accounts import validate_request_id


def reason_of(call, *args) -> ErrorReason | None:
    try:
        call(*args)
    except DomainError as error:
        return error.reason
    return None


@pytest.mark.parametrize("program_id, reason", [
    ("", ErrorReason.FIELD_REQUIRED),
    ("p", None),
    ("p" * limits.PROGRAM_ID_LENGTH_MAX, None),
    ("p" * (limits.PROGRAM_ID_LENGTH_MAX + 1), ErrorReason.FIELD_TOO_LONG),
    ("-leading-dash", ErrorReason.FIELD_INVALID),
    ("has space", ErrorReason.FIELD_INVALID),
    ("shop_1.eu-west", None),
])
def test_program_id_rules(program_id, reason):
    assert reason_of(validate_program_id, program_id) is reason


def card(value: str) -> Identifier:
    return Identifier(IdentifierType.CARDCODE, value)


@pytest.mark.parametrize("identifiers, reason", [
    ((), None),
    (tuple(card(str(i)) for i in range(limits.ACCOUNT_IDENTIFIERS_MAX)), None),
    (tuple(card(str(i)) for i in range(limits.ACCOUNT_IDENTIFIERS_MAX + 1)), ErrorReason.FIELD_TOO_LONG),
    ((card(""),), ErrorReason.FIELD_REQUIRED),
    ((Identifier(None, "x"),), ErrorReason.FIELD_REQUIRED),
    ((card("v" * limits.IDENTIFIER_VALUE_LENGTH_MAX),), None),
    ((card("v" * (limits.IDENTIFIER_VALUE_LENGTH_MAX + 1)),), ErrorReason.FIELD_TOO_LONG),
    ((card(" padded"),), ErrorReason.FIELD_INVALID),
    ((card("tab\there"),), ErrorReason.FIELD_INVALID),
    ((card("same"), card("same")), ErrorReason.FIELD_INVALID),
    ((card("same"), Identifier(IdentifierType.EXTERNALCODE, "same")), None),
])
def test_identifier_rules(identifiers, reason):
    assert reason_of(validate_identifiers, identifiers) is reason


@pytest.mark.parametrize("request_id, reason", [
    ("", ErrorReason.FIELD_REQUIRED),
    ("r" * limits.REQUEST_ID_LENGTH_MAX, None),
    ("r" * (limits.REQUEST_ID_LENGTH_MAX + 1), ErrorReason.FIELD_TOO_LONG),
    ("new\nline", ErrorReason.FIELD_INVALID),
])
def test_request_id_rules(request_id, reason):
    assert reason_of(validate_request_id, request_id) is reason


@pytest.mark.parametrize("value, ok", [
    ("+" + "4" * limits.PHONE_DIGITS_MIN, True),
    ("+" + "4" * (limits.PHONE_DIGITS_MIN - 1), False),
    ("+" + "4" * limits.PHONE_DIGITS_MAX, True),
    ("+" + "4" * (limits.PHONE_DIGITS_MAX + 1), False),
    ("+04915112345", False),
    ("4915112345", False),
    ("+49151123x5", False),
])
def test_phone_rules(value, ok):
    assert reason_of(validate_phone, value, "phone") is (None if ok else ErrorReason.FIELD_INVALID)


@pytest.mark.parametrize("value, reason", [
    ("a@b.de", None),
    ("first.last+tag@sub.example-shop.com", None),
    ("a" * 64 + "@b.de", None),
    ("a" * 65 + "@b.de", ErrorReason.FIELD_INVALID),
    ("a@" + "b" * 63 + ".de", None),
    ("a@" + "b" * 64 + ".de", ErrorReason.FIELD_INVALID),
    ("a@" + ("b" * 60 + ".") * 5 + "de", ErrorReason.FIELD_TOO_LONG),
    ("a@b", ErrorReason.FIELD_INVALID),
    ("a.@b.de", ErrorReason.FIELD_INVALID),
    ("a@b..de", ErrorReason.FIELD_INVALID),
    ("a@b.de.", ErrorReason.FIELD_INVALID),
    ("a b@c.de", ErrorReason.FIELD_INVALID),
])
def test_email_rules(value, reason):
    assert reason_of(validate_email, value, "email") is reason


def test_email_and_phone_identifiers_are_checked_and_emails_lower_cased():
    stored = validate_identifier(Identifier(IdentifierType.EMAIL, "Max@Example.ORG"), "identifier")

    assert stored.value == "max@example.org"
    assert reason_of(validate_identifier, Identifier(IdentifierType.PHONE, "0151"), "identifier") is ErrorReason.FIELD_INVALID
    assert reason_of(validate_identifiers, (Identifier(IdentifierType.EMAIL, "a@b.de"),
                                            Identifier(IdentifierType.EMAIL, "A@B.DE"))) is ErrorReason.FIELD_INVALID


TODAY = dt.date(2024, 2, 29)


@pytest.mark.parametrize("value, ok", [
    ("2024-02-29", True), ("2024-03-01", False), (f"{limits.BIRTH_YEAR_MIN}-01-01", True),
    (f"{limits.BIRTH_YEAR_MIN - 1}-12-31", False), ("2023-02-29", False), ("1990-5-17", False), ("19900517", False),
])
def test_birth_date_rules(value, ok):
    assert reason_of(validate_birth_date, value, TODAY, "birth_date") is (None if ok else ErrorReason.FIELD_INVALID)


S = AccountStatus


@pytest.mark.parametrize("current, target, ok", [
    (S.ACTIVE, S.LOCKED, True), (S.LOCKED, S.ACTIVE, True), (S.ACTIVE, S.DEACTIVATED, True),
    (S.LOCKED, S.DEACTIVATED, True), (S.DEACTIVATED, S.ACTIVE, False), (S.DEACTIVATED, S.LOCKED, False),
    (S.DEACTIVATED, S.DEACTIVATED, True), (S.ACTIVE, S.ACTIVE, True),
])
def test_status_transitions(current, target, ok):
    account = Account("id", "p", current, (), dt.datetime.now(dt.timezone.utc), dt.datetime.now(dt.timezone.utc))

    expected = None if ok else ErrorReason.ACCOUNT_STATUS_TRANSITION_INVALID
    assert reason_of(check_transition, account, target) is expected


@pytest.mark.parametrize("query, terms", [
    ("", ()), ("  Anna   KELLER anna ", ("anna", "keller")), ("ab", ("ab",)),
])
def test_search_queries_split_into_distinct_lower_case_terms(query, terms):
    assert parse_search_query(query) == terms


@pytest.mark.parametrize("query, reason", [
    ("a", ErrorReason.FIELD_INVALID),
    ("ab c", ErrorReason.FIELD_INVALID),
    (" ".join(f"t{n}" for n in range(limits.SEARCH_TERMS_MAX)), None),
    (" ".join(f"t{n}" for n in range(limits.SEARCH_TERMS_MAX + 1)), ErrorReason.FIELD_TOO_LONG),
    ("q" * limits.SEARCH_QUERY_LENGTH_MAX, None),
    ("q" * (limits.SEARCH_QUERY_LENGTH_MAX + 1), ErrorReason.FIELD_TOO_LONG),
    ("tab\tsplit", ErrorReason.FIELD_INVALID),
])
def test_search_query_limits(query, reason):
    assert reason_of(parse_search_query, query) is reason


def test_a_user_is_searchable_by_name_words_city_zip_email_phone_and_birth_date():
    data = UserData(given_name="Anna Maria", family_name="Van Dijk", email="A@B.DE", phone_number="+4915112345",
                    birth_date="1990-05-17", address=Address(city="Bad Homburg", postal_code="61348"))

    assert user_search_lexemes(data) == sorted({"anna", "maria", "van", "dijk", "bad", "homburg", "bad homburg",
                                                "61348", "a@b.de", "+4915112345", "1990-05-17"})
