"""ProgramService.GetEarnRule over gRPC: one rule by id, as the list shows it; a deleted rule,
another organisation's rule and a malformed id answer precise reasons."""

from __future__ import annotations

import uuid

import pytest
from rewards.loyalty.v1 import program_service_pb2 as api
from rewards.loyalty.v1 import resources_pb2 as resources

from rewards_client import Credentials, RewardsClient, errors
from tests.conftest import ALL_SCOPES
from tests.e2e.test_programs import create_rule, program, ratio


async def test_a_rule_is_read_back_by_id_as_the_list_shows_it(client):
    program_id = await program(client)
    created = await create_rule(client, ratio(program_id, 3, 200))
    await create_rule(client, resources.EarnRule(program_id=program_id, display_name="Welcome", event=resources.EventEarnRule(
        event=resources.EARN_EVENT_ACCOUNT_CREATED, points=50)))

    got = await client.call(client.programs.GetEarnRule, api.GetEarnRuleRequest(earn_rule_id=created.earn_rule_id))

    assert got.earn_rule == created
    listed = await client.call(client.programs.ListEarnRules, api.ListEarnRulesRequest(program_id=program_id))
    assert got.earn_rule in list(listed.earn_rules)


async def test_an_unknown_or_deleted_rule_is_not_found(client):
    program_id = await program(client)
    created = await create_rule(client, ratio(program_id))
    await client.call(client.programs.DeleteEarnRule, api.DeleteEarnRuleRequest(
        request_id=str(uuid.uuid4()), earn_rule_id=created.earn_rule_id))

    for earn_rule_id in (created.earn_rule_id, str(uuid.uuid4())):
        with pytest.raises(errors.NotFound) as missing:
            await client.call(client.programs.GetEarnRule, api.GetEarnRuleRequest(earn_rule_id=earn_rule_id))
        assert missing.value.reason == "EARN_RULE_NOT_FOUND"
        assert missing.value.metadata["earn_rule_id"] == earn_rule_id


async def test_another_organisations_rule_is_not_found(client, server, stores):
    from core.service.clients import create_client

    program_id = await program(client)
    created = await create_rule(client, ratio(program_id))
    org_id = "org-other-" + uuid.uuid4().hex[:8]
    client_id, secret = create_client(stores.database_url, org_id, ALL_SCOPES)
    async with RewardsClient.connect(server.target, Credentials(org_id, client_id, secret)) as other:
        with pytest.raises(errors.NotFound) as missing:
            await other.call(other.programs.GetEarnRule, api.GetEarnRuleRequest(earn_rule_id=created.earn_rule_id))

    assert missing.value.reason == "EARN_RULE_NOT_FOUND"


@pytest.mark.parametrize("earn_rule_id, reason", [("", "FIELD_REQUIRED"), ("not-a-uuid", "FIELD_INVALID")])
async def test_a_bad_rule_id_is_refused(client, earn_rule_id, reason):
    with pytest.raises(errors.InvalidArgument) as refused:
        await client.call(client.programs.GetEarnRule, api.GetEarnRuleRequest(earn_rule_id=earn_rule_id))

    assert (refused.value.reason, refused.value.metadata["field"]) == (reason, "earn_rule_id")
