"""The outbox events of issue 15 that were missing, end to end over gRPC (ListEvents) and, for
some, through a signed webhook to a real HTTP receiver: real in-process workers on a Redis and
a database of their own, a FixedClock moved by hand.

- offer.issue_threshold_reached: written with the issue that leaves the threshold, once.
- offer.ended: DeactivateOffer of an ACTIVE offer, once (deactivating an inactive offer changes
  nothing and writes nothing); an ACTIVE offer reaching its end_time, once across two workers.
- points.expired: one per expired lot, with the EXPIRE transfer; a second run writes none.
- tier.changed: at the earn or basket capture that moves an account up, and at the evaluation
  that moves it down.
- coupon.expiring: with each expiry reminder queued, once across two workers."""

from __future__ import annotations

import asyncio
import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from google.protobuf import duration_pb2, field_mask_pb2, timestamp_pb2
from rewards.coupons.v1 import offer_service_pb2 as offers
from rewards.coupons.v1 import resources_pb2 as resources
from rewards.events.v1 import event_service_pb2 as events_api
from rewards.events.v1 import resources_pb2 as event_resources
from rewards.events.v1 import webhook_service_pb2 as webhooks_api
from rewards.loyalty.v1 import program_service_pb2 as programs_api

from core.adapters.webhooks import WebhookSender
from core.domain.outbox import EVENT_TYPES
from tests.e2e.delivery_worker import client_of, delivery_worker, own_stores
from tests.e2e.inprocess import fixed_clock
from tests.e2e.test_accounts_users import rid
from tests.e2e.test_checkout import authorize, capture
from tests.e2e.test_delivery_messages import REMINDER, customer, delivery, issue, offer_message, template
from tests.e2e.test_points import earn, new_account, new_program
from tests.e2e.test_programs import tier
from tests.e2e.test_webhooks import Receiver, until


@pytest.fixture
async def stores_of_its_own(stores):
    async with own_stores(stores) as urls:
        yield urls


async def events_of(client, type: str, aggregate_id: str = "") -> list[event_resources.Event]:
    listed = (await client.call(client.events.ListEvents, events_api.ListEventsRequest(
        type=type, page_size=500))).events
    return [e for e in listed if not aggregate_id or e.aggregate_id == aggregate_id]


async def test_offer_threshold_and_end_events(stores_of_its_own):
    async with delivery_worker(*stores_of_its_own) as worker, client_of(worker) as client:
        program_id = await new_program(client)
        offer = (await client.call(client.offers.CreateOffer, offers.CreateOfferRequest(offer=offer_message(
            program_id, max_issue_count=3, issue_notification_threshold=1)))).offer
        for _ in range(3):  # The second issue leaves 1 to issue.
            await issue(client, offer.offer_id, await new_account(client, program_id))
        (reached,) = await events_of(client, "offer.issue_threshold_reached", offer.offer_id)
        assert reached.aggregate_type == "offer"
        assert (reached.payload["remaining_issue_count"], reached.payload["issued_count"],
                reached.payload["max_issue_count"]) == (1, 2, 3)

        assert await events_of(client, "offer.ended", offer.offer_id) == []
        for _ in range(2):  # The second deactivation changes nothing: no second event.
            await client.call(client.offers.DeactivateOffer, offers.DeactivateOfferRequest(
                request_id=rid(), offer_id=offer.offer_id))
        (ended,) = await events_of(client, "offer.ended", offer.offer_id)
        assert (ended.payload["cause"], ended.payload["offer_id"]) == ("DeactivateOffer", offer.offer_id)

        # UpdateOffer (state is output only there) writes none.
        await client.call(client.offers.UpdateOffer, offers.UpdateOfferRequest(
            offer=resources.Offer(offer_id=offer.offer_id, display_name="Renamed"),
            update_mask=field_mask_pb2.FieldMask(paths=["display_name"])))
        assert len(await events_of(client, "offer.ended", offer.offer_id)) == 1


async def test_an_offer_reaching_its_end_time_is_reported_once_across_two_workers(stores_of_its_own):
    redis_url, database_url = stores_of_its_own
    clock = fixed_clock()
    start = clock.now()
    async with delivery_worker(redis_url, database_url, clock) as first, \
            delivery_worker(redis_url, database_url, clock) as second, client_of(first) as client:
        program_id = await new_program(client)
        end = timestamp_pb2.Timestamp(seconds=int((start + dt.timedelta(hours=1)).timestamp()))
        offer = (await client.call(client.offers.CreateOffer, offers.CreateOfferRequest(offer=offer_message(
            program_id, end_time=end)))).offer
        never = (await client.call(client.offers.CreateOffer, offers.CreateOfferRequest(
            offer=offer_message(program_id)))).offer

        async def rounds(n: int = 4):
            for _ in range(n):
                await asyncio.gather(first.engines.messenger.run_once(), second.engines.messenger.run_once())

        clock.at = start + dt.timedelta(minutes=59)
        await rounds()
        clock.at = start
        assert await events_of(client, "offer.ended", offer.offer_id) == []
        clock.at = start + dt.timedelta(hours=1)
        await rounds()
        clock.at = start + dt.timedelta(days=3)
        await rounds()
        clock.at = start
        (ended,) = await events_of(client, "offer.ended", offer.offer_id)
        assert (ended.payload["cause"], ended.occur_time.ToDatetime(dt.timezone.utc)) == (
            "end_time", start + dt.timedelta(hours=1))
        assert await events_of(client, "offer.ended", never.offer_id) == []


async def test_points_expired_and_tier_changed_events_reach_a_webhook(stores_of_its_own):
    receiver = Receiver()
    clock = fixed_clock()
    start = clock.now()
    try:
        # No delivery task (event_poll_s=0): deliveries are run by hand below, once the clock is
        # back (each delivery is signed with the clock's time, checked by the receiver).
        async with delivery_worker(*stores_of_its_own, clock, webhook_allow_private=True, event_poll_s=0) as worker, \
                client_of(worker) as client:
            dispatcher = worker.engines.dispatcher(WebhookSender(guard=worker.engines.url_guard), worker.config)
            path = "/loyalty-" + rid()[:6]
            created = await client.call(client.webhooks.CreateWebhook, webhooks_api.CreateWebhookRequest(
                request_id=rid(), webhook=event_resources.Webhook(
                    url=receiver.url(path), event_types=["points.expired", "tier.changed"])))
            receiver.secrets[path] = created.secret.encode()
            program_id = await new_program(client, points_expiry=duration_pb2.Duration(seconds=86_400))
            gold = (await client.call(client.programs.CreateTier, programs_api.CreateTierRequest(
                tier=tier(program_id, 10_000, 10_000, evaluation_days=30, multiplier_bps=10_000)))).tier
            account_id = await new_account(client, program_id)
            await earn(client, account_id, 15_000)  # 150 EUR: gold from now on.
            await earn(client, account_id, 2_000)   # Already gold: no second move.
            (up,) = await events_of(client, "tier.changed", account_id)
            assert (up.payload["from_tier_id"], up.payload["to_tier_id"], up.payload["cause"]) == (
                "", gold.tier_id, "earn")

            clock.at = start + dt.timedelta(days=2)  # Both lots expired; the spend still in the 30 days.
            assert await worker.points.expire_due() == 2
            assert await worker.points.expire_due() == 0  # Nothing more: no more events.
            assert await worker.points.evaluate_tiers() == 0  # Spend still in the window: stays gold.
            clock.at = start + dt.timedelta(days=40)
            assert await worker.points.evaluate_tiers() == 1
            assert await worker.points.evaluate_tiers() == 0
            clock.at = start  # Requests are signed against the clock.

            expired = await events_of(client, "points.expired", account_id)
            assert sorted(e.payload["points"] for e in expired) == [20, 150]
            assert all(e.payload["program_id"] == program_id and e.payload["points_transaction_id"]
                       for e in expired)
            down = [e for e in await events_of(client, "tier.changed", account_id) if e.event_id != up.event_id]
            assert [(e.payload["from_tier_id"], e.payload["to_tier_id"], e.payload["cause"]) for e in down] == [
                (gold.tier_id, "", "evaluation")]
            # Through the webhook, signed, in commit order for the account.
            for _ in range(10):
                await dispatcher.run_once()
            got = await until(lambda: len(receiver.requests(path, account_id=account_id)) >= 4
                              and receiver.requests(path, account_id=account_id), "the four events delivered")
            assert [r["event"]["type"] for r in got] == ["tier.changed", "points.expired", "points.expired",
                                                         "tier.changed"]
            assert all(r["valid"] for r in got)
    finally:
        receiver.close()


async def test_a_basket_capture_that_moves_the_account_up_writes_tier_changed(stores_of_its_own):
    async with delivery_worker(*stores_of_its_own) as worker, client_of(worker) as client:
        program_id = await new_program(client)
        gold = (await client.call(client.programs.CreateTier, programs_api.CreateTierRequest(
            tier=tier(program_id, 10_000, 0, multiplier_bps=10_000)))).tier
        account_id = await new_account(client, program_id)
        small = (await client.call(client.checkout.AuthorizeBasket, authorize(
            account_id, total=5_000, earn_points=True))).basket
        await capture(client, small.basket_id)
        assert await events_of(client, "tier.changed", account_id) == []
        big = (await client.call(client.checkout.AuthorizeBasket, authorize(
            account_id, total=6_000, earn_points=True))).basket  # 110 EUR in all: gold.
        await capture(client, big.basket_id)
        (up,) = await events_of(client, "tier.changed", account_id)
        assert (up.payload["from_tier_id"], up.payload["to_tier_id"], up.payload["cause"]) == (
            "", gold.tier_id, "basket")
        await earn(client, account_id, 1_000)  # Gold already: nothing more.
        assert len(await events_of(client, "tier.changed", account_id)) == 1


async def test_coupon_expiring_is_written_with_each_reminder_once_across_two_workers(stores_of_its_own):
    redis_url, database_url = stores_of_its_own
    clock = fixed_clock()
    start = clock.now()
    berlin = ZoneInfo("Europe/Berlin")
    reminders = [resources.ExpiryReminder(days_before_expiry=3, channel=resources.DELIVERY_CHANNEL_SMS,
                                          local_time="09:30")]
    async with delivery_worker(redis_url, database_url, clock) as first, \
            delivery_worker(redis_url, database_url, clock) as second, client_of(first) as client:
        program_id = await new_program(client)
        offer = (await client.call(client.offers.CreateOffer, offers.CreateOfferRequest(offer=offer_message(
            program_id, delivery(resources.DELIVERY_CHANNEL_NONE, template(REMINDER, "{{ code }}"),
                                 reminders=reminders),
            expiry_mode=resources.EXPIRY_MODE_RELATIVE_TO_ISSUE_END_OF_DAY,
            coupon_validity=duration_pb2.Duration(seconds=10 * 86_400))))).offer
        account_id, _ = await customer(client, program_id)
        coupon = (await issue(client, offer.offer_id, account_id)).coupon
        last_day = (coupon.expire_time.ToDatetime(dt.timezone.utc) - dt.timedelta(microseconds=1)).astimezone(
            berlin).date()

        async def rounds(n: int = 4):
            for _ in range(n):
                await asyncio.gather(first.engines.messenger.run_once(), second.engines.messenger.run_once())

        clock.at = dt.datetime.combine(last_day - dt.timedelta(days=3), dt.time(9, 29), berlin)
        await rounds()
        clock.at = start
        assert await events_of(client, "coupon.expiring", account_id) == []
        clock.at = dt.datetime.combine(last_day - dt.timedelta(days=3), dt.time(9, 30), berlin)
        await rounds()
        clock.at = start
        (expiring,) = await events_of(client, "coupon.expiring", account_id)
        assert (expiring.payload["code"], expiring.payload["offer_id"], expiring.payload["days_before_expiry"],
                expiring.payload["reminder"]) == (coupon.code, offer.offer_id, 3, "3d@09:30/SMS")


def test_every_event_type_is_documented_in_the_readme():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    section = readme.split("### Events", 1)[1].split("#### Webhook SSRF guard", 1)[0]
    assert [t for t in sorted(EVENT_TYPES) if f"`{t}`" not in section] == []
