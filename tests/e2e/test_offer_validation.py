"""Admin input the server used to accept, over gRPC: an offer without a reward or in an unknown
program, reward values outside their bounds (each tested at its boundary), activating an offer
whose code series hold no code, and an account in an unknown program. Each refusal has its
precise reason and changes nothing."""

from __future__ import annotations

import uuid

import grpc
import psycopg
import pytest
from google.protobuf import field_mask_pb2
from rewards.accounts.v1 import account_service_pb2 as accounts_api
from rewards.coupons.v1 import offer_service_pb2 as offers
from rewards.coupons.v1 import resources_pb2 as resources
from rewards.type.v1 import money_pb2

from core.domain import limits
from rewards_client import RewardsClient, errors
from tests.e2e.programs import ensure_program
from tests.e2e.test_code_series import IMPORTED, UNIQUE, generate, import_codes

K = resources


def eur(amount_minor: int) -> money_pb2.Money:
    return money_pb2.Money(amount_minor=amount_minor, currency_code="EUR")


def offer(program_id: str = "prog", reward: resources.Reward | None = None,
          state: int = resources.OFFER_STATE_DRAFT) -> resources.Offer:
    if reward is None:
        reward = resources.Reward(kind=K.REWARD_KIND_DISCOUNT_AMOUNT, discount_amount=eur(500))
    return resources.Offer(program_id=program_id, display_name="An offer", state=state, reward=reward)


async def create(client: RewardsClient, message: resources.Offer) -> resources.Offer:
    return (await client.call(client.offers.CreateOffer, offers.CreateOfferRequest(offer=message))).offer


async def refusal(awaitable) -> tuple[grpc.StatusCode | None, str | None, str | None]:
    try:
        await awaitable
    except errors.RewardsError as error:
        return error.code, error.reason, error.metadata.get("field") or error.metadata.get("program_id")
    return None, None, None


def offers_in(stores, program_id: str) -> int:
    with psycopg.connect(stores.database_url) as connection:
        return connection.execute("SELECT count(*) FROM offers WHERE org_id = 'org-test' AND program_id = %s",
                                  (program_id,)).fetchone()[0]


async def test_an_offer_in_an_unknown_program_is_program_not_found_and_stores_nothing(client, stores):
    unknown = "p-" + uuid.uuid4().hex[:12]

    assert await refusal(create(client, offer(unknown))) == (grpc.StatusCode.NOT_FOUND, "PROGRAM_NOT_FOUND", unknown)
    assert await refusal(create(client, offer(""))) == (
        grpc.StatusCode.INVALID_ARGUMENT, "FIELD_REQUIRED", "offer.program_id")
    assert offers_in(stores, unknown) == 0
    await ensure_program(client, unknown)
    assert (await create(client, offer(unknown))).program_id == unknown


@pytest.mark.parametrize("reward", [
    resources.Reward(),                                                          # no kind at all
    resources.Reward(kind=K.REWARD_KIND_DISCOUNT_AMOUNT),                        # a kind without its value
    resources.Reward(kind=K.REWARD_KIND_DISCOUNT_PERCENT),
    resources.Reward(kind=K.REWARD_KIND_EXTRAPOINT),
    resources.Reward(kind=K.REWARD_KIND_MULTIPLIER),
    resources.Reward(kind=K.REWARD_KIND_DISCOUNT_AMOUNT, extra_points=5),       # another kind's value
])
async def test_an_offer_without_a_reward_is_field_required_and_stores_nothing(client, stores, reward):
    program_id = await ensure_program(client)

    assert await refusal(create(client, offer(program_id, reward))) == (
        grpc.StatusCode.INVALID_ARGUMENT, "FIELD_REQUIRED", "offer.reward")
    assert offers_in(stores, program_id) == 0


@pytest.mark.parametrize("reward, field", [
    (resources.Reward(kind=K.REWARD_KIND_DISCOUNT_AMOUNT, discount_amount=eur(1)), None),
    (resources.Reward(kind=K.REWARD_KIND_DISCOUNT_AMOUNT, discount_amount=eur(-1)), "offer.reward.discount_amount"),
    (resources.Reward(kind=K.REWARD_KIND_DISCOUNT_PERCENT, discount_percent_bps=limits.DISCOUNT_PERCENT_BPS_MAX), None),
    (resources.Reward(kind=K.REWARD_KIND_DISCOUNT_PERCENT, discount_percent_bps=limits.DISCOUNT_PERCENT_BPS_MAX + 1),
     "offer.reward.discount_percent_bps"),
    (resources.Reward(kind=K.REWARD_KIND_DISCOUNT_PERCENT, discount_percent_bps=-1),
     "offer.reward.discount_percent_bps"),
    (resources.Reward(kind=K.REWARD_KIND_DISCOUNT_PERCENT, discount_percent_bps=1000,
                      discount_amount_max=money_pb2.Money()), None),  # An empty cap is no cap.
    (resources.Reward(kind=K.REWARD_KIND_DISCOUNT_PERCENT, discount_percent_bps=1000, discount_amount_max=eur(1)),
     None),
    (resources.Reward(kind=K.REWARD_KIND_DISCOUNT_PERCENT, discount_percent_bps=1000, discount_amount_max=eur(0)),
     "offer.reward.discount_amount_max"),
    (resources.Reward(kind=K.REWARD_KIND_DISCOUNT_PERCENT, discount_percent_bps=1000, discount_amount_max=eur(-5)),
     "offer.reward.discount_amount_max"),
    (resources.Reward(kind=K.REWARD_KIND_EXTRAPOINT, extra_points=limits.REWARD_EXTRA_POINTS_MAX), None),
    (resources.Reward(kind=K.REWARD_KIND_EXTRAPOINT, extra_points=limits.REWARD_EXTRA_POINTS_MAX + 1),
     "offer.reward.extra_points"),
    (resources.Reward(kind=K.REWARD_KIND_EXTRAPOINT, extra_points=-1), "offer.reward.extra_points"),
    (resources.Reward(kind=K.REWARD_KIND_MULTIPLIER, points_multiplier_bps=limits.REWARD_MULTIPLIER_BPS_MIN), None),
    (resources.Reward(kind=K.REWARD_KIND_MULTIPLIER, points_multiplier_bps=limits.REWARD_MULTIPLIER_BPS_MIN - 1),
     "offer.reward.points_multiplier_bps"),
    (resources.Reward(kind=K.REWARD_KIND_MULTIPLIER, points_multiplier_bps=limits.REWARD_MULTIPLIER_BPS_MAX), None),
    (resources.Reward(kind=K.REWARD_KIND_MULTIPLIER, points_multiplier_bps=limits.REWARD_MULTIPLIER_BPS_MAX + 1),
     "offer.reward.points_multiplier_bps"),
    (resources.Reward(kind=K.REWARD_KIND_REWARD, discount_amount=eur(500), price_points=limits.REWARD_PRICE_POINTS_MAX),
     None),
    (resources.Reward(kind=K.REWARD_KIND_REWARD, discount_amount=eur(500),
                      price_points=limits.REWARD_PRICE_POINTS_MAX + 1), "offer.reward.price_points"),
])
async def test_each_reward_value_is_bounded_at_its_limit(client, reward, field):
    result = await refusal(create(client, offer("prog", reward)))

    assert result == ((None, None, None) if field is None else
                      (grpc.StatusCode.INVALID_ARGUMENT, "FIELD_OUT_OF_RANGE", field))


async def test_an_update_that_takes_the_reward_away_is_refused_and_changes_nothing(client):
    draft = await create(client, offer())

    result = await refusal(client.call(client.offers.UpdateOffer, offers.UpdateOfferRequest(
        offer=resources.Offer(offer_id=draft.offer_id, reward=resources.Reward()),
        update_mask=field_mask_pb2.FieldMask(paths=["reward"]))))
    after = (await client.call(client.offers.GetOffer, offers.GetOfferRequest(offer_id=draft.offer_id))).offer

    assert result == (grpc.StatusCode.INVALID_ARGUMENT, "FIELD_REQUIRED", "offer.reward")
    assert after.reward == draft.reward and after.etag == draft.etag


# --- ActivateOffer: an offer is activated only with codes to issue -----------------------------


async def activate(client: RewardsClient, offer_id: str) -> resources.Offer:
    return (await client.call(client.offers.ActivateOffer, offers.ActivateOfferRequest(offer_id=offer_id))).offer


async def add_series(client: RewardsClient, offer_id: str, **fields) -> resources.CodeSeries:
    if fields["type"] == UNIQUE:
        fields.setdefault("length", 8)
    return (await client.call(client.offers.CreateCodeSeries, offers.CreateCodeSeriesRequest(
        code_series=resources.CodeSeries(offer_id=offer_id, **fields)))).code_series


async def test_an_offer_without_series_is_activated_its_coupons_get_random_codes(client):
    draft = await create(client, offer())

    assert (await activate(client, draft.offer_id)).state == resources.OFFER_STATE_ACTIVE


async def test_an_offer_whose_series_hold_no_code_is_not_activated_until_codes_are_generated(client):
    draft = await create(client, offer())
    series = await add_series(client, draft.offer_id, type=UNIQUE)
    await add_series(client, draft.offer_id, type=IMPORTED)

    refused = await refusal(activate(client, draft.offer_id))
    still = (await client.call(client.offers.GetOffer, offers.GetOfferRequest(offer_id=draft.offer_id))).offer
    await generate(client, series.code_series_id, 1)
    activated = await activate(client, draft.offer_id)

    assert refused[:2] == (grpc.StatusCode.FAILED_PRECONDITION, "OFFER_HAS_NO_CODES")
    assert still.state == resources.OFFER_STATE_DRAFT
    assert activated.state == resources.OFFER_STATE_ACTIVE


async def test_an_imported_series_whose_rows_were_all_rejected_has_no_codes(client, credentials):
    draft = await create(client, offer())
    series = await add_series(client, draft.offer_id, type=IMPORTED)
    rejected = await import_codes(client, credentials, [["x"]], series.code_series_id)  # Too short: CODE_INVALID.

    refused = await refusal(activate(client, draft.offer_id))
    await import_codes(client, credentials, [["ACT-" + uuid.uuid4().hex[:10].upper()]], series.code_series_id)

    assert rejected.imported_count == 0 and refused[1] == "OFFER_HAS_NO_CODES"
    assert (await activate(client, draft.offer_id)).state == resources.OFFER_STATE_ACTIVE


async def test_an_offer_with_a_common_code_is_activated(client):
    draft = await create(client, offer())
    await add_series(client, draft.offer_id, type=UNIQUE)
    await add_series(client, draft.offer_id, type=resources.CODE_SERIES_TYPE_COMMON,
                     common_code="ACT" + uuid.uuid4().hex[:10].upper())

    assert (await activate(client, draft.offer_id)).state == resources.OFFER_STATE_ACTIVE


async def test_an_issued_out_offer_deactivated_can_be_activated_again(client, credentials):
    draft = await create(client, offer())
    series = await add_series(client, draft.offer_id, type=IMPORTED)
    await import_codes(client, credentials, [["ACT-" + uuid.uuid4().hex[:10].upper()]], series.code_series_id)
    await activate(client, draft.offer_id)
    await client.call(client.offers.RevokeCoupons, offers.RevokeCouponsRequest(
        offer_id=draft.offer_id, mode=offers.REVOCATION_MODE_UNISSUED_ONLY))  # Not one code left to issue.
    await client.call(client.offers.DeactivateOffer, offers.DeactivateOfferRequest(offer_id=draft.offer_id))

    assert (await activate(client, draft.offer_id)).state == resources.OFFER_STATE_ACTIVE


# --- CreateAccount -----------------------------------------------------------------------------


async def test_an_account_in_an_unknown_program_is_program_not_found(client, stores):
    unknown = "p-" + uuid.uuid4().hex[:12]
    request = accounts_api.CreateAccountRequest(request_id=uuid.uuid4().hex, program_id=unknown)

    assert await refusal(client.call(client.accounts.CreateAccount, request)) == (
        grpc.StatusCode.NOT_FOUND, "PROGRAM_NOT_FOUND", unknown)
    with psycopg.connect(stores.database_url) as connection:
        assert connection.execute("SELECT count(*) FROM accounts WHERE program_id = %s",
                                  (unknown,)).fetchone()[0] == 0
    await ensure_program(client, unknown)
    created = await client.call(client.accounts.CreateAccount, accounts_api.CreateAccountRequest(
        request_id=uuid.uuid4().hex, program_id=unknown))
    assert created.account.program_id == unknown
