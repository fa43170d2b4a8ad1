"""The webhook SSRF guard over gRPC: with REWARDS_WEBHOOK_ALLOW_PRIVATE off, CreateWebhook and
UpdateWebhook refuse URLs whose host is or resolves to a loopback, private, link-local,
multicast or unspecified address (WEBHOOK_URL_FORBIDDEN, with the field, host, address and
range), and a delivery to such a host is refused at delivery time too (a name may resolve
elsewhere by then: DNS rebinding) - the event is parked with the reason, the receiver gets
nothing. The rest of the suite runs with the allowance on (tests/conftest.py)."""

from __future__ import annotations

import asyncio
import time
import uuid

import pytest
from rewards.events.v1 import event_service_pb2 as events_api
from rewards.events.v1 import resources_pb2 as resources
from rewards.events.v1 import webhook_service_pb2 as webhooks_api

from core.domain.outbox import address_range
from rewards_client import errors
from tests.e2e.delivery_worker import client_of, delivery_worker, own_stores
from tests.e2e.test_points import earn, new_account, new_program
from tests.e2e.test_webhooks import Receiver

WAIT_S = 60


def test_address_ranges():
    assert address_range("127.0.0.2") == "loopback"
    assert address_range("::1") == "loopback"
    assert address_range("::ffff:127.0.0.1") == "loopback"
    assert address_range("10.1.2.3") == "private"
    assert address_range("192.168.0.1") == "private"
    assert address_range("fd00::1") == "private"
    assert address_range("169.254.169.254") == "link_local"
    assert address_range("fe80::1%eth0") == "link_local"
    assert address_range("224.0.0.1") == "multicast"
    assert address_range("0.0.0.0") == "unspecified"
    assert address_range("100.64.0.1") == "reserved"  # Carrier-grade NAT: not global.
    assert address_range("93.184.216.34") is None
    assert address_range("2606:4700::1111") is None


async def test_private_addresses_are_refused_at_create_and_update_without_the_allowance(stores):
    async with own_stores(stores) as (redis_url, database_url), \
            delivery_worker(redis_url, database_url, webhook_allow_private=False) as worker, \
            client_of(worker) as client:
        cases = [("http://127.0.0.1:8080/hook", "127.0.0.1", "loopback"),
                 ("http://localhost:9/hook", "", "loopback"),
                 ("https://[::1]/hook", "::1", "loopback"),
                 ("http://10.0.0.7/hook", "10.0.0.7", "private"),
                 ("http://169.254.169.254/latest/meta-data", "169.254.169.254", "link_local"),
                 ("http://239.1.1.1/hook", "239.1.1.1", "multicast"),
                 ("http://0.0.0.0/hook", "0.0.0.0", "unspecified")]
        for url, address, range_ in cases:
            with pytest.raises(errors.RewardsError) as refused:
                await client.call(client.webhooks.CreateWebhook, webhooks_api.CreateWebhookRequest(
                    webhook=resources.Webhook(url=url, event_types=["points.earned"])))
            error = refused.value
            assert (error.reason, error.metadata["field"], error.metadata["range"]) == (
                "WEBHOOK_URL_FORBIDDEN", "webhook.url", range_), url
            if address:
                assert error.metadata["address"] == address
        with pytest.raises(errors.RewardsError) as refused:
            await client.call(client.webhooks.CreateWebhook, webhooks_api.CreateWebhookRequest(
                webhook=resources.Webhook(url="http://no-such-host.invalid/hook", event_types=["points.earned"])))
        assert (refused.value.reason, refused.value.metadata["range"]) == ("WEBHOOK_URL_FORBIDDEN", "unresolved")
        # Nothing was created.
        assert not (await client.call(client.webhooks.ListWebhooks, webhooks_api.ListWebhooksRequest())).webhooks

        # Allowed at creation (the setting on), then the server's setting is off: an update to a
        # private URL is refused and leaves the webhook as it was.
        worker.engines.url_guard.allow_private = True
        created = await client.call(client.webhooks.CreateWebhook, webhooks_api.CreateWebhookRequest(
            webhook=resources.Webhook(url="http://127.0.0.1:1/a", event_types=["points.earned"])))
        worker.engines.url_guard.allow_private = False
        with pytest.raises(errors.RewardsError) as refused:
            await client.call(client.webhooks.UpdateWebhook, webhooks_api.UpdateWebhookRequest(
                webhook_id=created.webhook.webhook_id, url="http://192.168.1.10/b"))
        assert (refused.value.reason, refused.value.metadata["field"], refused.value.metadata["range"]) == (
            "WEBHOOK_URL_FORBIDDEN", "url", "private")
        (listed,) = (await client.call(client.webhooks.ListWebhooks, webhooks_api.ListWebhooksRequest())).webhooks
        assert listed.url == "http://127.0.0.1:1/a"


async def test_a_delivery_to_a_forbidden_address_is_refused_at_delivery_time(stores):
    receiver = Receiver()
    path = "/rebound-" + uuid.uuid4().hex[:6]
    try:
        async with own_stores(stores) as (redis_url, database_url), \
                delivery_worker(redis_url, database_url, webhook_allow_private=True) as worker, \
                client_of(worker) as client:
            created = await client.call(client.webhooks.CreateWebhook, webhooks_api.CreateWebhookRequest(
                webhook=resources.Webhook(url=receiver.url(path), event_types=["points.earned"])))
            receiver.secrets[path] = created.secret.encode()
            # The host's address is no longer allowed when the event goes out (as after a DNS
            # rebinding to a loopback address): the delivery is refused, never sent.
            worker.engines.url_guard.allow_private = False
            program_id = await new_program(client)
            account_id = await new_account(client, program_id)
            await earn(client, account_id, 1_000)
            deadline = time.monotonic() + WAIT_S
            while True:
                failed = [e for e in (await client.call(client.events.ListEvents, events_api.ListEventsRequest(
                    state=resources.EVENT_STATE_FAILED, type="points.earned"))).events if e.aggregate_id == account_id]
                if failed:
                    break
                assert time.monotonic() < deadline, "the delivery was not refused"
                await asyncio.sleep(0.05)
            (event,) = failed
            assert event.last_error.startswith("forbidden address: 127.0.0.1 resolves to 127.0.0.1 (loopback)")
            assert event.attempt_count == 2
            assert receiver.requests(path) == []

            # With the allowance the same event goes out after RetryEvent.
            worker.engines.url_guard.allow_private = True
            await client.call(client.events.RetryEvent, events_api.RetryEventRequest(event_id=event.event_id))
            deadline = time.monotonic() + WAIT_S
            while not receiver.requests(path, event_id=event.event_id):
                assert time.monotonic() < deadline, "not delivered after RetryEvent"
                await asyncio.sleep(0.05)
            assert receiver.requests(path, event_id=event.event_id)[0]["valid"]
    finally:
        receiver.close()
