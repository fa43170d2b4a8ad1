"""Card types over gRPC (seed 004's `card_type`): tiers with separate level-up and level-down
windows, a default card type, an active flag and an image, created, listed and updated
(UpdateTier); an earn answers the card type it earned in and its multiplier, and the history keeps
them. After each test the ledger balances."""

from __future__ import annotations

import uuid

import pytest
from google.protobuf import field_mask_pb2
from rewards.loyalty.v1 import loyalty_service_pb2 as api
from rewards.loyalty.v1 import program_service_pb2 as programs_api
from rewards.loyalty.v1 import resources_pb2 as loyalty

from tests.e2e.test_points import earn, error_of, eur, new_account, new_program
from tests.ledger import check_ledger


@pytest.fixture(autouse=True)
def ledger_invariants(stores):
    yield
    check_ledger(stores.database_url, stores.redis_url)


async def create_tier(client, program: str, name: str, target: int, multiplier: int, **fields) -> loyalty.Tier:
    return (await client.call(client.programs.CreateTier, programs_api.CreateTierRequest(tier=loyalty.Tier(
        program_id=program, display_name=name, target_spend=eur(target), multiplier_bps=multiplier,
        evaluation_days=30, **fields)))).tier


async def update_tier(client, tier_id: str, paths: list[str], request_id: str = "", **fields) -> loyalty.Tier:
    return (await client.call(client.programs.UpdateTier, programs_api.UpdateTierRequest(
        request_id=request_id, tier=loyalty.Tier(tier_id=tier_id, **fields),
        update_mask=field_mask_pb2.FieldMask(paths=paths)))).tier


async def listed(client, program: str) -> dict[str, loyalty.Tier]:
    tiers = await client.call(client.programs.ListTiers, programs_api.ListTiersRequest(program_id=program))
    return {tier.display_name: tier for tier in tiers.tiers}


async def test_a_card_type_keeps_its_windows_default_flag_activity_and_image(client):
    program = await new_program(client)
    gold = await create_tier(client, program, "Gold", 500_000, 20_000, level_up_evaluation_days=20,
                             level_down_evaluation_days=365, default_tier=True, active=False,
                             image_uri="https://cdn.example.com/gold.png")
    silver = await create_tier(client, program, "Silver", 0, 10_000)

    tiers = await listed(client, program)
    assert (tiers["Gold"].level_up_evaluation_days, tiers["Gold"].level_down_evaluation_days,
            tiers["Gold"].default_tier, tiers["Gold"].active, tiers["Gold"].image_uri) == (
        20, 365, True, False, "https://cdn.example.com/gold.png")
    assert (silver.active, silver.default_tier, silver.level_up_evaluation_days, silver.image_uri) == (
        True, False, 0, "")  # unset active: active
    assert tiers["Gold"] == gold


async def test_an_account_that_reaches_no_tier_earns_in_the_default_card_type(client):
    program = await new_program(client)
    blue = await create_tier(client, program, "Blue", 50_000, 15_000, default_tier=True)
    await create_tier(client, program, "Gold", 100_000, 20_000)
    account = await new_account(client, program)

    earned = await earn(client, account, 10_000)  # 100 points base, 1.5x as Blue

    assert (earned.transaction.regular_points, earned.transaction.bonus_points) == (100, 50)
    assert (earned.card_type.tier_id, earned.card_type.display_name, earned.card_type_multiplier_bps) == (
        blue.tier_id, "Blue", 15_000)
    assert earned.card_type.target_spend.currency_code == "EUR"
    read = await client.call(client.loyalty.GetTransaction, api.GetTransactionRequest(
        points_transaction_id=earned.transaction.points_transaction_id))
    assert (read.transaction.card_type_id, read.transaction.card_type_multiplier_bps) == (blue.tier_id, 15_000)


async def test_an_earn_without_tiers_answers_no_card_type_and_a_neutral_multiplier(client):
    account = await new_account(client, await new_program(client))
    earned = await earn(client, account, 1_000)
    assert not earned.HasField("card_type") and earned.card_type_multiplier_bps == 10_000
    assert (earned.transaction.card_type_id, earned.transaction.card_type_multiplier_bps) == ("", 10_000)


async def test_an_inactive_tier_is_skipped_until_it_is_active_again(client):
    program = await new_program(client)
    await create_tier(client, program, "Silver", 0, 10_000)
    gold = await create_tier(client, program, "Gold", 10_000, 20_000)
    account = await new_account(client, program)
    await earn(client, account, 10_000)  # the spend reaches Gold

    assert (await earn(client, account, 1_000)).card_type.display_name == "Gold"
    assert (await update_tier(client, gold.tier_id, ["active"], active=False)).active is False
    as_silver = await earn(client, account, 1_000)
    await update_tier(client, gold.tier_id, ["active"], active=True)
    as_gold = await earn(client, account, 1_000)

    assert (as_silver.card_type.display_name, as_silver.transaction.bonus_points) == ("Silver", 0)
    assert (as_gold.card_type.display_name, as_gold.transaction.bonus_points) == ("Gold", 10)


async def test_a_new_default_card_type_takes_the_place_of_the_previous_one(client):
    program = await new_program(client)
    silver = await create_tier(client, program, "Silver", 0, 10_000, default_tier=True)
    gold = await create_tier(client, program, "Gold", 10_000, 20_000)

    updated = await update_tier(client, gold.tier_id, ["default_tier", "image_uri"], default_tier=True,
                                image_uri="http://cdn.example.com/g.png")
    tiers = await listed(client, program)

    assert (updated.default_tier, updated.image_uri) == (True, "http://cdn.example.com/g.png")
    assert (tiers["Gold"].default_tier, tiers["Silver"].default_tier) == (True, False)
    assert tiers["Silver"].tier_id == silver.tier_id


async def test_update_tier_is_idempotent_and_leaves_unnamed_fields_alone(client):
    program = await new_program(client)
    tier = await create_tier(client, program, "Gold", 10_000, 20_000, image_uri="https://x.example/a.png")
    request_id = uuid.uuid4().hex

    first = await update_tier(client, tier.tier_id, ["level_down_evaluation_days"], request_id,
                              level_down_evaluation_days=3660, display_name="ignored")
    again = await update_tier(client, tier.tier_id, ["level_down_evaluation_days"], request_id,
                              level_down_evaluation_days=3660, display_name="ignored")
    reused = await error_of(update_tier(client, tier.tier_id, ["level_down_evaluation_days"], request_id,
                                        level_down_evaluation_days=1))

    assert first == again
    assert (first.level_down_evaluation_days, first.display_name, first.image_uri, first.multiplier_bps) == (
        3660, "Gold", "https://x.example/a.png", 20_000)
    assert reused.reason == "IDEMPOTENCY_KEY_REUSED"


async def test_update_tier_refusals_are_precise(client):
    program = await new_program(client)
    await create_tier(client, program, "Silver", 0, 10_000)
    gold = await create_tier(client, program, "Gold", 10_000, 20_000)

    unknown = await error_of(update_tier(client, str(uuid.uuid4()), ["active"], active=False))
    moved = await error_of(update_tier(client, gold.tier_id, ["program_id"], program_id="other"))
    clash = await error_of(update_tier(client, gold.tier_id, ["target_spend"], target_spend=eur(0)))
    no_mask = await error_of(update_tier(client, gold.tier_id, []))
    bad_field = await error_of(update_tier(client, gold.tier_id, ["tier_color"]))

    assert unknown.reason == "TIER_NOT_FOUND"
    assert (moved.reason, moved.metadata["field"]) == ("FIELD_IMMUTABLE", "tier.program_id")
    assert clash.reason == "TIER_ALREADY_EXISTS"
    assert no_mask.reason == "FIELD_REQUIRED"
    assert (bad_field.reason, bad_field.metadata["field"]) == ("FIELD_INVALID", "update_mask")
    assert (await listed(client, program))["Gold"].target_spend.amount_minor == 10_000


@pytest.mark.parametrize("fields, reason, field", [
    ({"level_up_evaluation_days": 3661}, "FIELD_OUT_OF_RANGE", "tier.level_up_evaluation_days"),
    ({"level_down_evaluation_days": -1}, "FIELD_OUT_OF_RANGE", "tier.level_down_evaluation_days"),
    ({"image_uri": "ftp://cdn.example.com/a.png"}, "FIELD_INVALID", "tier.image_uri"),
    ({"image_uri": "https://" + "a" * 2041}, "FIELD_TOO_LONG", "tier.image_uri")])
async def test_card_type_fields_out_of_bounds_are_refused(client, fields, reason, field):
    program = await new_program(client)
    error = await error_of(create_tier(client, program, "Gold", 0, 10_000, **fields))
    assert (error.reason, error.metadata["field"]) == (reason, field)
    assert await listed(client, program) == {}


async def test_card_type_fields_at_their_bounds_are_allowed(client):
    program = await new_program(client)
    tier = await create_tier(client, program, "Gold", 0, 10_000, level_up_evaluation_days=3660,
                             level_down_evaluation_days=1, image_uri="https://" + "a" * 2040)
    assert (tier.level_up_evaluation_days, tier.level_down_evaluation_days, len(tier.image_uri)) == (3660, 1, 2048)
