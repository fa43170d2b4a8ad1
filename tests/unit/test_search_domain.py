"""core/domain/search.py: which types a search covers for which scopes, and the previews."""

from __future__ import annotations

import pytest

from core.domain.errors import DomainError, ErrorReason
from core.domain.search import PREVIEW_LENGTH_MAX, SearchType, account_preview, preview, searched_types

ALL = frozenset({"accounts:read", "coupons:read", "coupons:admin"})


@pytest.mark.parametrize("asked, scopes, expected", [
    ((), ALL, (SearchType.ACCOUNT, SearchType.COUPON, SearchType.OFFER)),
    ((), frozenset({"accounts:read"}), (SearchType.ACCOUNT,)),
    ((), frozenset({"coupons:read", "loyalty:read"}), (SearchType.COUPON,)),
    ((SearchType.OFFER, SearchType.ACCOUNT), ALL, (SearchType.ACCOUNT, SearchType.OFFER)),
])
def test_the_types_searched_are_the_asked_or_the_readable_ones_in_result_order(asked, scopes, expected):
    assert searched_types(asked, scopes) == expected


@pytest.mark.parametrize("asked, scopes, scope", [
    ((SearchType.OFFER,), frozenset({"accounts:read", "coupons:read"}), "coupons:admin"),
    ((), frozenset({"loyalty:read"}), "accounts:read"),
    ((), frozenset(), "accounts:read"),
])
def test_a_type_the_caller_may_not_read_is_scope_missing(asked, scopes, scope):
    with pytest.raises(DomainError) as refused:
        searched_types(asked, scopes)

    assert (refused.value.reason, refused.value.metadata["scope"]) == (ErrorReason.SCOPE_MISSING, scope)


def test_duplicate_types_are_refused():
    with pytest.raises(DomainError) as refused:
        searched_types((SearchType.ACCOUNT, SearchType.ACCOUNT), ALL)

    assert refused.value.metadata["field"] == "types"


def test_previews_name_what_is_known_and_are_bounded():
    assert account_preview("Max", "Mustermann", "Maxi", "max@example.com") == \
        "name: Max Mustermann, email: max@example.com"
    assert account_preview("", "", "Maxi", "") == "name: Maxi"
    assert account_preview("", "", "", "", "CARD-1") == "identifier: CARD-1"
    assert account_preview("", "", "", "") == ""
    long = preview(("title", "x" * 1_000))
    assert len(long) == PREVIEW_LENGTH_MAX and long.endswith("…")
    assert len(preview(("t", "x" * (PREVIEW_LENGTH_MAX - 3)))) == PREVIEW_LENGTH_MAX
