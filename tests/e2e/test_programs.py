"""ProgramService over gRPC against real Postgres: programs, earn rules (create, update with
masks and etags, paginated list, delete), tiers and streamed one-time earn codes. Every bad
input answers a precise reason and changes nothing; every mutation is idempotent."""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid

import psycopg
import pytest
from google.protobuf import duration_pb2, field_mask_pb2, timestamp_pb2
from rewards.loyalty.v1 import program_service_pb2 as api
from rewards.loyalty.v1 import resources_pb2 as resources
from rewards.type.v1 import money_pb2

from rewards_client import RewardsClient, errors




def eur(amount_minor: int, currency: str = "EUR") -> money_pb2.Money:
    return money_pb2.Money(amount_minor=amount_minor, currency_code=currency)


def at(moment: dt.datetime) -> timestamp_pb2.Timestamp:
    stamp = timestamp_pb2.Timestamp()
    stamp.FromDatetime(moment)
    return stamp


def new_program(**fields) -> resources.Program:
    values = {"program_id": "p-" + uuid.uuid4().hex[:12], "display_name": "Club", "currency_code": "EUR",
              "time_zone": "Europe/Berlin", **fields}
    return resources.Program(**values)


async def reason_of(awaitable) -> str | None:
    try:
        await awaitable
    except errors.RewardsError as error:
        return error.reason
    return None


async def invalid(awaitable) -> tuple[str, str]:
    with pytest.raises(errors.InvalidArgument) as refused:
        await awaitable
    return refused.value.reason, refused.value.metadata.get("field", "")


async def program(client: RewardsClient, **fields) -> str:
    created = await client.call(client.programs.CreateProgram, api.CreateProgramRequest(program=new_program(**fields)))
    return created.program.program_id


def ratio(program_id: str, numerator: int = 1, denominator: int = 100, **fields) -> resources.EarnRule:
    return resources.EarnRule(program_id=program_id, display_name="1 point per EUR",
                              ratio=resources.RatioEarnRule(points_numerator=numerator,
                                                            amount_minor_denominator=denominator, **fields))


async def create_rule(client: RewardsClient, rule: resources.EarnRule, request_id: str = "") -> resources.EarnRule:
    reply = await client.call(client.programs.CreateEarnRule,
                              api.CreateEarnRuleRequest(request_id=request_id, earn_rule=rule))
    return reply.earn_rule


def count_rows(stores, sql: str, *args) -> int:
    with psycopg.connect(stores.database_url) as connection:
        return connection.execute(sql, args).fetchone()[0]


# --- programs --------------------------------------------------------------------------------

async def test_a_program_is_created_with_its_policy_and_read_back(client):
    sent = new_program(points_expiry=duration_pb2.Duration(seconds=90 * 86_400), min_redemption_balance_points=500,
                       points_expiry_mode=resources.POINTS_EXPIRY_MODE_MONTH_END, points_expiry_months=3,
                       min_remaining_balance_points=10, min_redeem_points=100,
                       refund_overdraft=resources.REFUND_OVERDRAFT_POLICY_ALLOW_NEGATIVE)

    created = (await client.call(client.programs.CreateProgram, api.CreateProgramRequest(program=sent))).program
    read = (await client.call(client.programs.GetProgram, api.GetProgramRequest(program_id=sent.program_id))).program

    assert read == created
    assert created.create_time.seconds > 0 and created.update_time == created.create_time
    created.ClearField("create_time")
    created.ClearField("update_time")
    assert created == sent


async def test_an_unset_policy_reads_back_as_its_defaults(client):
    program_id = await program(client)

    read = (await client.call(client.programs.GetProgram, api.GetProgramRequest(program_id=program_id))).program

    assert not read.HasField("points_expiry")
    assert read.points_expiry_mode == resources.POINTS_EXPIRY_MODE_DURATION
    assert read.refund_overdraft == resources.REFUND_OVERDRAFT_POLICY_REJECT


async def test_a_program_id_taken_is_already_exists_and_a_retry_gets_the_first_reply(client):
    sent = new_program()
    request = api.CreateProgramRequest(request_id=uuid.uuid4().hex, program=sent)

    first = await client.call(client.programs.CreateProgram, request)
    retried = await client.call(client.programs.CreateProgram, request)
    taken = await reason_of(client.call(client.programs.CreateProgram, api.CreateProgramRequest(program=sent)))
    reused = await reason_of(client.call(client.programs.CreateProgram, api.CreateProgramRequest(
        request_id=request.request_id, program=new_program())))

    assert retried == first
    assert (taken, reused) == ("PROGRAM_ALREADY_EXISTS", "IDEMPOTENCY_KEY_REUSED")


@pytest.mark.parametrize("fields, reason, field", [
    ({"program_id": ""}, "FIELD_REQUIRED", "program.program_id"),
    ({"program_id": "-bad"}, "FIELD_INVALID", "program.program_id"),
    ({"display_name": ""}, "FIELD_REQUIRED", "program.display_name"),
    ({"currency_code": "eur"}, "FIELD_INVALID", "program.currency_code"),
    ({"currency_code": "XYZ"}, "FIELD_INVALID", "program.currency_code"),
    ({"time_zone": "Mars/Olympus_Mons"}, "FIELD_INVALID", "program.time_zone"),
    ({"time_zone": ""}, "FIELD_REQUIRED", "program.time_zone"),
    ({"points_expiry": duration_pb2.Duration(seconds=3_660 * 86_400 + 1)}, "FIELD_OUT_OF_RANGE",
     "program.points_expiry"),
    ({"points_expiry": duration_pb2.Duration(seconds=-1)}, "FIELD_OUT_OF_RANGE", "program.points_expiry"),
    ({"points_expiry_months": 121}, "FIELD_OUT_OF_RANGE", "program.points_expiry_months"),
    ({"points_expiry_mode": 9}, "FIELD_INVALID", "program.points_expiry_mode"),
    ({"refund_overdraft": 9}, "FIELD_INVALID", "program.refund_overdraft"),
    ({"min_redeem_points": 10**12 + 1}, "FIELD_OUT_OF_RANGE", "program.min_redeem_points"),
    ({"min_remaining_balance_points": -1}, "FIELD_OUT_OF_RANGE", "program.min_remaining_balance_points"),
])
async def test_bad_program_input_is_invalid_argument_and_creates_nothing(client, stores, fields, reason, field):
    sent = new_program(**fields)

    assert await invalid(client.call(client.programs.CreateProgram, api.CreateProgramRequest(program=sent))) == (
        reason, field)
    assert count_rows(stores, "SELECT count(*) FROM programs WHERE program_id = %s", sent.program_id) == 0


async def test_an_unknown_program_is_not_found(client):
    with pytest.raises(errors.NotFound) as missing:
        await client.call(client.programs.GetProgram, api.GetProgramRequest(program_id="no-such-program"))

    assert (missing.value.reason, missing.value.domain) == ("PROGRAM_NOT_FOUND", "rewards.loyalty")


async def update_program(client, sent: resources.Program, *paths: str, request_id: str = "") -> resources.Program:
    reply = await client.call(client.programs.UpdateProgram, api.UpdateProgramRequest(
        request_id=request_id, program=sent, update_mask=field_mask_pb2.FieldMask(paths=list(paths))))
    return reply.program


async def test_an_update_changes_the_masked_program_fields_and_a_retry_gets_the_first_reply(client):
    program_id = await program(client, min_redeem_points=10)
    before = (await client.call(client.programs.GetProgram, api.GetProgramRequest(program_id=program_id))).program
    change = new_program(program_id=program_id, display_name="Renamed", time_zone="UTC", min_redeem_points=99,
                         points_expiry=duration_pb2.Duration(seconds=86_400))
    request_id = uuid.uuid4().hex

    updated = await update_program(client, change, "display_name", "points_expiry", request_id=request_id)
    again = await update_program(client, change, "display_name", "points_expiry", request_id=request_id)
    read = (await client.call(client.programs.GetProgram, api.GetProgramRequest(program_id=program_id))).program

    assert read == updated == again
    assert (updated.display_name, updated.points_expiry.seconds) == ("Renamed", 86_400)
    assert (updated.time_zone, updated.min_redeem_points) == ("Europe/Berlin", 10)
    assert updated.create_time == before.create_time
    assert updated.update_time.ToDatetime() > before.update_time.ToDatetime()


async def test_concurrent_program_updates_all_land(client):
    program_id = await program(client)
    fields = ["min_redeem_points", "min_remaining_balance_points", "min_redemption_balance_points"]

    await asyncio.gather(*(update_program(client, new_program(program_id=program_id, **{name: 7}), name)
                           for name in fields))
    read = (await client.call(client.programs.GetProgram, api.GetProgramRequest(program_id=program_id))).program

    assert [getattr(read, name) for name in fields] == [7, 7, 7]


@pytest.mark.parametrize("fields, paths, reason, field", [
    ({"currency_code": "USD"}, ["currency_code"], "FIELD_IMMUTABLE", "program.currency_code"),
    ({}, [], "FIELD_REQUIRED", "update_mask"),
    ({}, ["*"], "FIELD_INVALID", "update_mask"),
    ({}, ["no_such_field"], "FIELD_INVALID", "update_mask"),
    ({"time_zone": "Mars/Base"}, ["time_zone"], "FIELD_INVALID", "program.time_zone"),
    ({"min_redeem_points": -1}, ["min_redeem_points"], "FIELD_OUT_OF_RANGE", "program.min_redeem_points"),
    ({"display_name": ""}, ["display_name"], "FIELD_REQUIRED", "program.display_name"),
])
async def test_bad_program_updates_are_invalid_argument_and_change_nothing(client, fields, paths, reason, field):
    program_id = await program(client)
    before = (await client.call(client.programs.GetProgram, api.GetProgramRequest(program_id=program_id))).program

    assert await invalid(update_program(client, new_program(program_id=program_id, **fields), *paths)) == (
        reason, field)
    assert (await client.call(client.programs.GetProgram, api.GetProgramRequest(program_id=program_id))).program == before


async def test_updating_an_unknown_program_is_not_found(client):
    assert await reason_of(update_program(client, new_program(), "display_name")) == "PROGRAM_NOT_FOUND"


# --- earn rules ------------------------------------------------------------------------------

async def test_an_earn_rule_of_each_kind_is_created_and_listed_oldest_first(client):
    program_id = await program(client)
    start = dt.datetime(2030, 1, 1, tzinfo=dt.timezone.utc)
    sent = [
        ratio(program_id, rounding_mode=resources.ROUNDING_MODE_HALF_UP, store_ids=["s1"],
              bands=[resources.SpendBand(min_bill_amount=eur(5_000), points_numerator=7, amount_minor_denominator=100)]),
        resources.EarnRule(program_id=program_id, display_name="signup", event=resources.EventEarnRule(
            event=resources.EARN_EVENT_CUSTOM, points=50, custom_event="app.review", once_per_account=True)),
        resources.EarnRule(program_id=program_id, display_name="steps", tier=resources.TierEarnRule(tiers=[
            resources.EarnTier(min_bill_amount=eur(2_000), points=5),
            resources.EarnTier(min_bill_amount=eur(5_000), points=20)])),
        resources.EarnRule(program_id=program_id, display_name="double", promotion=resources.PromotionEarnRule(
            start_time=at(start), end_time=at(start + dt.timedelta(days=7)), multiplier_bps=20_000)),
        resources.EarnRule(program_id=program_id, display_name="friends", referral=resources.ReferralEarnRule(
            referrer_points=500, referred_points=200)),
        resources.EarnRule(program_id=program_id, display_name="card", card_type=resources.CardTypeEarnRule(
            card_types=["COBRAND"], multiplier_bps=15_000)),
    ]

    created = [await create_rule(client, rule) for rule in sent]
    listed = await client.call(client.programs.ListEarnRules, api.ListEarnRulesRequest(program_id=program_id))

    assert list(listed.earn_rules) == created and not listed.next_page_token
    for rule, got in zip(sent, created):
        assert uuid.UUID(got.earn_rule_id) and got.etag and got.create_time == got.update_time
        got.ClearField("earn_rule_id"), got.ClearField("etag"), got.ClearField("create_time")
        got.ClearField("update_time")
        assert got == rule


async def test_a_retried_create_earn_rule_creates_one_rule(client, stores):
    program_id = await program(client)
    request_id = uuid.uuid4().hex

    replies = await asyncio.gather(*(create_rule(client, ratio(program_id), request_id) for _ in range(20)))

    assert all(reply == replies[0] for reply in replies)
    assert count_rows(stores, "SELECT count(*) FROM earn_rules WHERE program_id = %s", program_id) == 1


@pytest.mark.parametrize("rule, reason, field", [
    (resources.EarnRule(display_name="x"), "FIELD_REQUIRED", "earn_rule.program_id"),
    (resources.EarnRule(program_id="p"), "FIELD_REQUIRED", "earn_rule.display_name"),
    (resources.EarnRule(program_id="p", display_name="x"), "FIELD_REQUIRED", "earn_rule.config"),
    (ratio("p", numerator=0), "FIELD_OUT_OF_RANGE", "earn_rule.ratio.points_numerator"),
    (ratio("p", numerator=10**6 + 1), "FIELD_OUT_OF_RANGE", "earn_rule.ratio.points_numerator"),
    (ratio("p", denominator=10**9 + 1), "FIELD_OUT_OF_RANGE", "earn_rule.ratio.amount_minor_denominator"),
    (ratio("p", rounding_mode=7), "FIELD_INVALID", "earn_rule.ratio.rounding_mode"),
    (ratio("p", bands=[resources.SpendBand(min_bill_amount=eur(10), points_numerator=1, amount_minor_denominator=1),
                       resources.SpendBand(min_bill_amount=eur(10), points_numerator=2, amount_minor_denominator=1)]),
     "FIELD_INVALID", "earn_rule.ratio.bands[1].min_bill_amount"),
    (resources.EarnRule(program_id="p", display_name="x", event=resources.EventEarnRule(points=1)),
     "FIELD_REQUIRED", "earn_rule.event.event"),
    (resources.EarnRule(program_id="p", display_name="x", promotion=resources.PromotionEarnRule(
        start_time=at(dt.datetime(2030, 1, 1)), end_time=at(dt.datetime(2030, 1, 1)), multiplier_bps=20_000)),
     "FIELD_INVALID", "earn_rule.promotion.end_time"),
    (resources.EarnRule(program_id="p", display_name="x", promotion=resources.PromotionEarnRule(
        start_time=at(dt.datetime(2030, 1, 1)), end_time=at(dt.datetime(2030, 1, 2)), multiplier_bps=10_000)),
     "FIELD_OUT_OF_RANGE", "earn_rule.promotion.multiplier_bps"),
    (resources.EarnRule(program_id="p", display_name="x", card_type=resources.CardTypeEarnRule(multiplier_bps=20_000)),
     "FIELD_REQUIRED", "earn_rule.card_type.card_types"),
])
async def test_bad_earn_rule_input_is_invalid_argument(client, rule, reason, field):
    assert await invalid(client.call(client.programs.CreateEarnRule, api.CreateEarnRuleRequest(earn_rule=rule))) == (
        reason, field)


async def test_money_of_a_rule_must_be_in_the_program_currency(client, stores):
    program_id = await program(client)
    in_dollars = ratio(program_id, bands=[resources.SpendBand(min_bill_amount=eur(5_000, "USD"), points_numerator=7,
                                                              amount_minor_denominator=100)])

    assert await invalid(client.call(client.programs.CreateEarnRule, api.CreateEarnRuleRequest(
        earn_rule=in_dollars))) == ("FIELD_INVALID", "earn_rule.ratio.bands[0].min_bill_amount.currency_code")
    assert count_rows(stores, "SELECT count(*) FROM earn_rules WHERE program_id = %s", program_id) == 0


async def test_a_rule_of_an_unknown_program_is_not_found(client):
    assert await reason_of(create_rule(client, ratio("no-such-program"))) == "PROGRAM_NOT_FOUND"


async def test_a_program_holds_at_most_100_rules_even_when_created_concurrently(client, stores):
    program_id = await program(client)

    reasons = await asyncio.gather(*(reason_of(create_rule(client, ratio(program_id))) for _ in range(110)))

    assert reasons.count(None) == 100 and set(reasons) == {None, "EARN_RULES_LIMIT"}
    assert count_rows(stores, "SELECT count(*) FROM earn_rules WHERE program_id = %s", program_id) == 100


async def update(client, rule: resources.EarnRule, *paths: str, request_id: str = "") -> resources.EarnRule:
    reply = await client.call(client.programs.UpdateEarnRule, api.UpdateEarnRuleRequest(
        request_id=request_id, earn_rule=rule, update_mask=field_mask_pb2.FieldMask(paths=list(paths))))
    return reply.earn_rule


async def test_an_update_changes_the_masked_fields_and_the_etag(client):
    program_id = await program(client)
    rule = await create_rule(client, ratio(program_id, store_ids=["s1"]))
    change = resources.EarnRule(earn_rule_id=rule.earn_rule_id, etag=rule.etag, display_name="renamed",
                                ratio=resources.RatioEarnRule(points_numerator=99,
                                                              rounding_mode=resources.ROUNDING_MODE_CEILING))

    updated = await update(client, change, "display_name", "ratio.rounding_mode")
    listed = await client.call(client.programs.ListEarnRules, api.ListEarnRulesRequest(program_id=program_id))

    assert updated.display_name == "renamed" and updated.etag != rule.etag
    assert updated.ratio.rounding_mode == resources.ROUNDING_MODE_CEILING
    assert (updated.ratio.points_numerator, list(updated.ratio.store_ids)) == (1, ["s1"])
    assert updated.create_time == rule.create_time and list(listed.earn_rules) == [updated]


async def test_an_update_with_a_stale_etag_is_aborted_and_changes_nothing(client):
    program_id = await program(client)
    rule = await create_rule(client, ratio(program_id))
    await update(client, resources.EarnRule(earn_rule_id=rule.earn_rule_id, display_name="first"), "display_name")

    with pytest.raises(errors.Aborted) as stale:
        await update(client, resources.EarnRule(earn_rule_id=rule.earn_rule_id, etag=rule.etag, display_name="second"),
                     "display_name")
    listed = await client.call(client.programs.ListEarnRules, api.ListEarnRulesRequest(program_id=program_id))

    assert stale.value.reason == "EARN_RULE_ETAG_MISMATCH"
    assert listed.earn_rules[0].display_name == "first"


async def test_concurrent_updates_of_one_version_let_exactly_one_through(client):
    program_id = await program(client)
    rule = await create_rule(client, ratio(program_id))

    reasons = await asyncio.gather(*(reason_of(update(client, resources.EarnRule(
        earn_rule_id=rule.earn_rule_id, etag=rule.etag, display_name=f"name {i}"), "display_name")) for i in range(10)))

    assert reasons.count(None) == 1 and set(reasons) == {None, "EARN_RULE_ETAG_MISMATCH"}


async def test_a_retried_update_gets_the_first_reply(client):
    program_id = await program(client)
    rule = await create_rule(client, ratio(program_id))
    change = resources.EarnRule(earn_rule_id=rule.earn_rule_id, etag=rule.etag, display_name="renamed")
    request_id = uuid.uuid4().hex

    first = await update(client, change, "display_name", request_id=request_id)
    again = await update(client, change, "display_name", request_id=request_id)

    assert again == first


@pytest.mark.parametrize("change, paths, reason, field", [
    ({"program_id": "other"}, ["program_id"], "FIELD_IMMUTABLE", "earn_rule.program_id"),
    ({"promotion": resources.PromotionEarnRule(multiplier_bps=20_000)}, ["promotion"], "FIELD_IMMUTABLE",
     "earn_rule.promotion"),
    ({}, ["event.points"], "FIELD_IMMUTABLE", "earn_rule.event"),
    ({}, [], "FIELD_REQUIRED", "update_mask"),
    ({}, ["*"], "FIELD_INVALID", "update_mask"),
    ({}, ["no_such_field"], "FIELD_INVALID", "update_mask"),
    ({"display_name": ""}, ["display_name"], "FIELD_REQUIRED", "earn_rule.display_name"),
    ({}, ["ratio.points_numerator"], "FIELD_OUT_OF_RANGE", "earn_rule.ratio.points_numerator"),
])
async def test_bad_updates_are_invalid_argument_and_change_nothing(client, change, paths, reason, field):
    program_id = await program(client)
    rule = await create_rule(client, ratio(program_id))

    assert await invalid(update(client, resources.EarnRule(earn_rule_id=rule.earn_rule_id, **change), *paths)) == (
        reason, field)
    listed = await client.call(client.programs.ListEarnRules, api.ListEarnRulesRequest(program_id=program_id))
    assert list(listed.earn_rules) == [rule]


async def test_updating_an_unknown_rule_is_not_found(client):
    missing = resources.EarnRule(earn_rule_id=str(uuid.uuid4()), display_name="x")

    assert await reason_of(update(client, missing, "display_name")) == "EARN_RULE_NOT_FOUND"
    assert await invalid(update(client, resources.EarnRule(earn_rule_id="nope"), "display_name")) == (
        "FIELD_INVALID", "earn_rule.earn_rule_id")


async def test_rules_are_listed_in_pages_by_kind(client):
    program_id = await program(client)
    rules = [await create_rule(client, ratio(program_id, numerator=i + 1)) for i in range(5)]
    referral = await create_rule(client, resources.EarnRule(program_id=program_id, display_name="r",
                                                            referral=resources.ReferralEarnRule(referrer_points=1)))
    pages, token = [], ""
    while True:
        page = await client.call(client.programs.ListEarnRules, api.ListEarnRulesRequest(
            program_id=program_id, kind=resources.EARN_RULE_KIND_RATIO, page_size=2, page_token=token))
        pages.append(list(page.earn_rules))
        token = page.next_page_token
        if not token:
            break
    only_referral = await client.call(client.programs.ListEarnRules, api.ListEarnRulesRequest(
        program_id=program_id, kind=resources.EARN_RULE_KIND_REFERRAL))

    assert [len(page) for page in pages] == [2, 2, 1] and sum(pages, []) == rules
    assert list(only_referral.earn_rules) == [referral]


@pytest.mark.parametrize("request_fields, reason, field", [
    ({"page_size": -1}, "FIELD_OUT_OF_RANGE", "page_size"),
    ({"page_token": "garbage"}, "FIELD_INVALID", "page_token"),
    ({"program_id": ""}, "FIELD_REQUIRED", "program_id"),
])
async def test_bad_list_input_is_invalid_argument(client, request_fields, reason, field):
    program_id = await program(client)
    request = api.ListEarnRulesRequest(**{"program_id": program_id, **request_fields})

    assert await invalid(client.call(client.programs.ListEarnRules, request)) == (reason, field)


async def test_a_page_token_is_refused_with_other_parameters(client):
    program_id = await program(client)
    for numerator in (1, 2):
        await create_rule(client, ratio(program_id, numerator=numerator))
    first = await client.call(client.programs.ListEarnRules, api.ListEarnRulesRequest(program_id=program_id,
                                                                                       page_size=1))

    assert first.next_page_token
    assert await invalid(client.call(client.programs.ListEarnRules, api.ListEarnRulesRequest(
        program_id=program_id, kind=resources.EARN_RULE_KIND_EVENT, page_token=first.next_page_token))) == (
        "FIELD_INVALID", "page_token")


async def test_listing_an_unknown_program_is_not_found(client):
    assert await reason_of(client.call(client.programs.ListEarnRules, api.ListEarnRulesRequest(
        program_id="no-such-program"))) == "PROGRAM_NOT_FOUND"


async def test_a_deleted_rule_is_gone_once_and_a_retry_of_the_delete_succeeds(client):
    program_id = await program(client)
    kept = await create_rule(client, ratio(program_id))
    rule = await create_rule(client, ratio(program_id, numerator=2))
    delete = api.DeleteEarnRuleRequest(request_id=uuid.uuid4().hex, earn_rule_id=rule.earn_rule_id)

    await client.call(client.programs.DeleteEarnRule, delete)
    await client.call(client.programs.DeleteEarnRule, delete)
    again = await reason_of(client.call(client.programs.DeleteEarnRule, api.DeleteEarnRuleRequest(
        earn_rule_id=rule.earn_rule_id)))
    updated = await reason_of(update(client, resources.EarnRule(earn_rule_id=rule.earn_rule_id, display_name="x"),
                                     "display_name"))
    listed = await client.call(client.programs.ListEarnRules, api.ListEarnRulesRequest(program_id=program_id))

    assert (again, updated) == ("EARN_RULE_NOT_FOUND", "EARN_RULE_NOT_FOUND")
    assert list(listed.earn_rules) == [kept]


async def test_a_deleted_rule_frees_its_place_under_the_limit(client):
    program_id = await program(client)
    rules = await asyncio.gather(*(create_rule(client, ratio(program_id)) for _ in range(100)))
    assert await reason_of(create_rule(client, ratio(program_id))) == "EARN_RULES_LIMIT"

    await client.call(client.programs.DeleteEarnRule, api.DeleteEarnRuleRequest(earn_rule_id=rules[0].earn_rule_id))

    assert await reason_of(create_rule(client, ratio(program_id))) is None


# --- tiers -----------------------------------------------------------------------------------

def tier(program_id: str, target: int, min_spend_minor: int = 0, **fields) -> resources.Tier:
    values = {"program_id": program_id, "display_name": f"tier {target}", "target_spend": eur(target),
              "min_spend": eur(min_spend_minor), "multiplier_bps": 12_000, "evaluation_days": 365, **fields}
    return resources.Tier(**values)


async def create_tier(client, sent: resources.Tier, request_id: str = "") -> resources.Tier:
    return (await client.call(client.programs.CreateTier, api.CreateTierRequest(request_id=request_id,
                                                                                tier=sent))).tier


async def test_tiers_are_created_and_listed_by_target_spend(client):
    program_id = await program(client)
    gold = await create_tier(client, tier(program_id, 100_000, 50_000))
    basic = await create_tier(client, tier(program_id, 0, multiplier_bps=10_000))

    listed = await client.call(client.programs.ListTiers, api.ListTiersRequest(program_id=program_id))

    assert list(listed.tiers) == [basic, gold]
    assert gold.target_spend == eur(100_000) and gold.min_spend == eur(50_000) and uuid.UUID(gold.tier_id)


async def test_a_second_tier_with_the_same_target_is_already_exists_and_a_retry_is_not(client):
    program_id = await program(client)
    request_id = uuid.uuid4().hex
    first = await create_tier(client, tier(program_id, 1_000), request_id)

    assert await create_tier(client, tier(program_id, 1_000), request_id) == first
    assert await reason_of(create_tier(client, tier(program_id, 1_000))) == "TIER_ALREADY_EXISTS"


async def test_a_program_holds_at_most_16_tiers(client):
    program_id = await program(client)

    reasons = await asyncio.gather(*(reason_of(create_tier(client, tier(program_id, 1_000 * i))) for i in range(20)))

    assert reasons.count(None) == 16 and set(reasons) == {None, "TIERS_LIMIT"}


@pytest.mark.parametrize("fields, reason, field", [
    ({"min_spend": eur(2_000)}, "FIELD_OUT_OF_RANGE", "tier.min_spend.amount_minor"),
    ({"target_spend": eur(-1)}, "FIELD_OUT_OF_RANGE", "tier.target_spend.amount_minor"),
    ({"target_spend": eur(1_000, "USD")}, "FIELD_INVALID", "tier.target_spend.currency_code"),
    ({"target_spend": money_pb2.Money()}, "FIELD_REQUIRED", "tier.target_spend.currency_code"),
    ({"multiplier_bps": 9_999}, "FIELD_OUT_OF_RANGE", "tier.multiplier_bps"),
    ({"multiplier_bps": 1_000_001}, "FIELD_OUT_OF_RANGE", "tier.multiplier_bps"),
    ({"evaluation_days": 0}, "FIELD_OUT_OF_RANGE", "tier.evaluation_days"),
    ({"evaluation_days": 3_661}, "FIELD_OUT_OF_RANGE", "tier.evaluation_days"),
    ({"display_name": ""}, "FIELD_REQUIRED", "tier.display_name"),
])
async def test_bad_tier_input_is_invalid_argument_and_creates_nothing(client, stores, fields, reason, field):
    program_id = await program(client)

    assert await invalid(create_tier(client, tier(program_id, 1_000, **fields))) == (reason, field)
    assert count_rows(stores, "SELECT count(*) FROM tiers WHERE program_id = %s", program_id) == 0


async def test_a_tier_of_an_unknown_program_is_not_found(client):
    assert await reason_of(create_tier(client, tier("no-such-program", 0))) == "PROGRAM_NOT_FOUND"
    assert await reason_of(client.call(client.programs.ListTiers, api.ListTiersRequest(
        program_id="no-such-program"))) == "PROGRAM_NOT_FOUND"


# --- earn codes ------------------------------------------------------------------------------

async def stream_codes(client: RewardsClient, credentials, request: api.CreateEarnCodesRequest) -> list:
    """The streamed replies (the client signs server-streaming calls, and fills the request_id)."""
    return await client.stream(client.programs.CreateEarnCodes, request, timeout_s=120)


def codes_request(program_id: str, **fields) -> api.CreateEarnCodesRequest:
    values = {"program_id": program_id, "points": 250, "count": 10,
              "expire_time": at(dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=30)), **fields}
    return api.CreateEarnCodesRequest(**values)


async def test_earn_codes_stream_in_chunks_of_10000_and_a_retry_streams_the_same_codes(client, credentials, stores):
    program_id = await program(client)
    request = codes_request(program_id, count=20_001, prefix="XMAS-", length=8, request_id=uuid.uuid4().hex)

    replies = await stream_codes(client, credentials, request)
    again = await stream_codes(client, credentials, request)

    codes = [code for reply in replies for code in reply.codes]
    assert [len(reply.codes) for reply in replies] == [10_000, 10_000, 1]
    assert [(r.created_count, r.total_count, r.done) for r in replies] == [
        (10_000, 20_001, False), (20_000, 20_001, False), (20_001, 20_001, True)]
    assert len({reply.earn_code_batch_id for reply in replies}) == 1
    assert len(set(codes)) == 20_001
    assert all(len(code) == 13 and code.startswith("XMAS-") and code == code.upper() for code in codes)
    assert sorted(code for reply in again for code in reply.codes) == sorted(codes)
    assert count_rows(stores, "SELECT count(*) FROM earn_codes WHERE program_id = %s AND points = 250",
                      program_id) == 20_001


async def test_default_codes_are_12_characters_and_carry_points_and_expiry(client, credentials, stores):
    program_id = await program(client)
    expire = dt.datetime.now(dt.timezone.utc).replace(microsecond=0) + dt.timedelta(days=3)

    (reply,) = await stream_codes(client, credentials, codes_request(program_id, count=3, expire_time=at(expire)))

    assert reply.done and len(reply.codes) == 3 and all(len(code) == 12 for code in reply.codes)
    with psycopg.connect(stores.database_url) as connection:
        rows = connection.execute("SELECT code, points, expire_time, batch_id::text FROM earn_codes"
                                  " WHERE org_id = 'org-test' AND program_id = %s ORDER BY code",
                                  (program_id,)).fetchall()
    assert rows == [(code, 250, expire, reply.earn_code_batch_id) for code in sorted(reply.codes)]


async def test_an_earn_codes_request_id_with_other_parameters_is_refused(client, credentials):
    program_id = await program(client)
    request = codes_request(program_id, request_id=uuid.uuid4().hex)
    await stream_codes(client, credentials, request)
    request.count = 11

    with pytest.raises(errors.AlreadyExists) as reused:
        await stream_codes(client, credentials, request)

    assert reused.value.reason == "IDEMPOTENCY_KEY_REUSED"


@pytest.mark.parametrize("fields, reason, field", [
    ({"count": 0}, "FIELD_OUT_OF_RANGE", "count"),
    ({"count": 10_000_001}, "FIELD_OUT_OF_RANGE", "count"),
    ({"points": 0}, "FIELD_OUT_OF_RANGE", "points"),
    ({"points": 10**9 + 1}, "FIELD_OUT_OF_RANGE", "points"),
    ({"length": 7}, "FIELD_OUT_OF_RANGE", "length"),
    ({"length": 33}, "FIELD_OUT_OF_RANGE", "length"),
    ({"prefix": "lower-"}, "FIELD_INVALID", "prefix"),
    ({"prefix": "P" * 17}, "FIELD_TOO_LONG", "prefix"),
    ({"expire_time": None}, "FIELD_REQUIRED", "expire_time"),
    ({"expire_time": at(dt.datetime.now(dt.timezone.utc) - dt.timedelta(seconds=1))}, "FIELD_INVALID", "expire_time"),
    ({"program_id": ""}, "FIELD_REQUIRED", "program_id"),
])
async def test_bad_earn_codes_input_is_invalid_argument_and_creates_nothing(client, credentials, stores,
                                                                             fields, reason, field):
    program_id = await program(client)
    request = codes_request(program_id)
    for name, value in fields.items():
        if value is None:
            request.ClearField(name)
        elif name == "expire_time":
            request.expire_time.CopyFrom(value)
        else:
            setattr(request, name, value)

    assert await invalid(stream_codes(client, credentials, request)) == (reason, field)
    assert count_rows(stores, "SELECT count(*) FROM earn_codes WHERE program_id = %s", program_id) == 0


async def test_earn_codes_of_an_unknown_program_are_not_found(client, credentials):
    with pytest.raises(errors.NotFound) as missing:
        await stream_codes(client, credentials, codes_request("no-such-program"))

    assert missing.value.reason == "PROGRAM_NOT_FOUND"


async def test_admin_rpcs_need_the_loyalty_admin_scope(server, stores):
    from core.service.clients import create_client
    from rewards_client import Credentials

    client_id, secret = create_client(stores.database_url, "org-test", ["loyalty:earn"])
    async with RewardsClient.connect(server.target, Credentials("org-test", client_id, secret)) as earner:
        with pytest.raises(errors.PermissionDenied) as denied:
            await earner.call(earner.programs.CreateProgram, api.CreateProgramRequest(program=new_program()))

    assert denied.value.reason == "SCOPE_MISSING"
