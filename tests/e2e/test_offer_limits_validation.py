"""Offer limits are validated once, in the domain (core.domain.coupons.validate_limits), for
CreateOffer and UpdateOffer alike, over gRPC: a negative count limit or an issue gap out of range
is FIELD_OUT_OF_RANGE naming the field, and changes nothing."""

from __future__ import annotations

import pytest
from google.protobuf import duration_pb2
from rewards.coupons.v1 import resources_pb2 as resources

from core.domain import limits
from rewards_client import RewardsClient, errors
from tests.e2e.programs import ensure_program
from tests.e2e.builders import offer as new_offer
from tests.e2e.test_offers import create, get, update

LIMIT_FIELDS = ("max_account_redemption_count", "max_redemption_count", "max_account_issue_count", "max_issue_count")


async def refusal(awaitable) -> tuple[str, str] | None:
    try:
        await awaitable
    except errors.RewardsError as error:
        return error.reason, error.metadata.get("field", "")
    return None


@pytest.mark.parametrize("field", LIMIT_FIELDS)
@pytest.mark.parametrize("value, refused", [(0, False), (1, False), (-1, True)])
async def test_a_count_limit_is_zero_or_more_at_create(client: RewardsClient, field, value, refused):
    await ensure_program(client)

    result = await refusal(create(client, new_offer(**{field: value})))

    assert result == (("FIELD_OUT_OF_RANGE", f"offer.rules.{field}") if refused else None)


@pytest.mark.parametrize("seconds, refused", [(0, False), (limits.COUPON_VALIDITY_SECONDS_MAX, False),
                                              (limits.COUPON_VALIDITY_SECONDS_MAX + 1, True), (-1, True)])
async def test_the_issue_gap_is_bounded_at_create(client: RewardsClient, seconds, refused):
    await ensure_program(client)

    result = await refusal(create(client, new_offer(min_issue_gap=duration_pb2.Duration(seconds=seconds))))

    assert result == (("FIELD_OUT_OF_RANGE", "offer.rules.min_issue_gap") if refused else None)


async def test_an_update_to_a_negative_limit_is_refused_and_changes_nothing(client: RewardsClient):
    await ensure_program(client)
    offer = await create(client, new_offer(max_redemption_count=5))

    result = await refusal(client.call(client.offers.UpdateOffer, update(
        resources.Offer(offer_id=offer.offer_id, rules=resources.OfferRules(max_redemption_count=-1)),
        "rules.max_redemption_count")))

    assert result == ("FIELD_OUT_OF_RANGE", "offer.rules.max_redemption_count")
    assert (await get(client, offer.offer_id)).rules.max_redemption_count == 5
