"""Messages to people over gRPC, end to end: real in-process workers (every interceptor and
servicer) on a Redis and a database of their own, a local SMTP server (aiosmtpd) and a local
HTTP SMS gateway, a FixedClock (no waiting for days).

- Offer delivery settings: unknown tags, unparsable templates, over-long messages (at the
  bound and one over), Unicode without allow_unicode, bad reminders: refused at CreateOffer and
  UpdateOffer with precise ErrorInfo reasons; accepted settings read back.
- An issued coupon goes out on its offer's channel to the account OWNER, through the outbox:
  the message's id is the coupon.issued event's id; a replayed IssueCoupon sends nothing more;
  channel NONE sends nothing.
- ResendCoupon: the RESEND template, idempotent by request_id; not held / redeemed / expired /
  not configured refused with their reasons.
- Expiry reminders: due at N days before the expiry day at HH:MM in the offer's zone; not a
  minute before; two workers (and many rounds) send each reminder once."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import uuid
from zoneinfo import ZoneInfo

import psycopg
import pytest
from google.protobuf import duration_pb2, field_mask_pb2
from rewards.accounts.v1 import account_service_pb2 as accounts_api
from rewards.accounts.v1 import resources_pb2 as accounts
from rewards.coupons.v1 import coupon_service_pb2 as coupons
from rewards.coupons.v1 import offer_service_pb2 as offers
from rewards.coupons.v1 import resources_pb2 as resources

from core.domain import limits
from tests.e2e.inprocess import fixed_clock
from rewards_client import errors
from tests.e2e.builders import eur
from tests.e2e.delivery_worker import client_of, delivery_worker, own_stores
from tests.e2e.message_receivers import SMS_SECRET, SmsGateway, SmtpInbox, until
from tests.e2e.test_accounts_users import person, rid
from tests.e2e.test_points import new_account, new_program

SMS, EMAIL, NONE = resources.DELIVERY_CHANNEL_SMS, resources.DELIVERY_CHANNEL_EMAIL, resources.DELIVERY_CHANNEL_NONE
ISSUE, RESEND, REMINDER = resources.MESSAGE_KIND_ISSUE, resources.MESSAGE_KIND_RESEND, resources.MESSAGE_KIND_REMINDER
ISSUE_TEXT = "Hallo {{ customer_name }}, Ihr Code {{ code }} für {{ offer_title }} gilt bis {{ expiry }} ✓"


def template(kind=ISSUE, text=ISSUE_TEXT, language="de", **fields) -> resources.MessageTemplate:
    fields.setdefault("allow_unicode", True)
    return resources.MessageTemplate(language_code=language, kind=kind, text=text, **fields)


def delivery(channel=SMS, *templates, reminders=()) -> resources.OfferDelivery:
    return resources.OfferDelivery(channel=channel, templates=list(templates or (template(),)),
                                   reminders=list(reminders))


def offer_message(program_id: str, delivery_settings=None, **rules) -> resources.Offer:
    rules.setdefault("time_zone", "Europe/Berlin")
    return resources.Offer(
        program_id=program_id, display_name="Frühlingsrabatt", state=resources.OFFER_STATE_ACTIVE,
        reward=resources.Reward(kind=resources.REWARD_KIND_DISCOUNT_AMOUNT, discount_amount=eur(500)),
        rules=resources.OfferRules(**rules), delivery=delivery_settings)


async def refused(awaitable) -> errors.RewardsError:
    with pytest.raises(errors.RewardsError) as caught:
        await awaitable
    return caught.value


@pytest.fixture
async def receivers():
    inbox, gateway = SmtpInbox(), SmsGateway()
    try:
        yield inbox, gateway
    finally:
        inbox.close()
        gateway.close()


@contextlib.asynccontextmanager
async def messaging_worker(redis_url, database_url, receivers, clock=None, **config):
    inbox, gateway = receivers
    async with delivery_worker(redis_url, database_url, clock, smtp_host="127.0.0.1", smtp_port=inbox.port,
                               smtp_from="coupons@shop.example", smtp_tls="none", sms_gateway_url=gateway.url,
                               sms_gateway_secret=SMS_SECRET, **config) as worker:
        yield worker


async def owner(client, account_id: str, **fields) -> accounts.User:
    phone = "+49151" + str(uuid.uuid4().int % 10**7).zfill(7)
    fields.setdefault("phone_number", phone)
    fields.setdefault("email", f"kunde.{rid()[:8]}@example.com")
    user = (await client.call(client.accounts.CreateUser, accounts_api.CreateUserRequest(
        request_id=rid(), user=person(given_name="Jürgen", **fields)))).user
    await client.call(client.accounts.AddMembership, accounts_api.AddMembershipRequest(
        request_id=rid(), account_id=account_id, user_id=user.user_id, role=accounts.MEMBERSHIP_ROLE_OWNER))
    return user


async def customer(client, program_id: str) -> tuple[str, accounts.User]:
    account_id = await new_account(client, program_id)
    return account_id, await owner(client, account_id)


async def issue(client, offer_id: str, account_id: str, request_id: str = "") -> coupons.IssueCouponResponse:
    return await client.call(client.coupons.IssueCoupon, coupons.IssueCouponRequest(
        request_id=request_id or rid(), offer_id=offer_id, account_id=account_id))


def messages_of(database_url: str, code: str) -> list[tuple]:
    with psycopg.connect(database_url) as connection:
        return connection.execute(
            "SELECT m.message_id::text, m.kind, m.channel, m.state, m.reminder FROM messages m"
            " JOIN coupons c USING (coupon_id) WHERE c.code = %s ORDER BY m.create_time, m.message_id",
            (code,)).fetchall()


@pytest.fixture
async def stores_of_its_own(stores):
    async with own_stores(stores) as urls:
        yield urls


# --- validation ----------------------------------------------------------------------------------

async def test_bad_templates_and_reminders_are_refused_with_precise_reasons(stores_of_its_own, receivers):
    async with messaging_worker(*stores_of_its_own, receivers) as worker, client_of(worker) as client:
        program_id = await new_program(client)

        async def create(settings):
            return await client.call(client.offers.CreateOffer, offers.CreateOfferRequest(
                offer=offer_message(program_id, settings)))

        error = await refused(create(delivery(SMS, template(text="Code {{ code }} {{ voucher }}"))))
        assert (error.reason, error.metadata["field"], error.metadata["tag"]) == (
            "TEMPLATE_TAG_UNKNOWN", "offer.delivery.templates[0].text", "voucher")
        error = await refused(create(delivery(SMS, template(), template(RESEND, "{{ code.upper() }} {{ x }}"))))
        assert (error.reason, error.metadata["field"], error.metadata["tag"]) == (
            "TEMPLATE_TAG_UNKNOWN", "offer.delivery.templates[1].text", "x")
        error = await refused(create(delivery(SMS, template(text="Code {{ code "))))
        assert (error.reason, error.metadata["field"]) == ("TEMPLATE_INVALID", "offer.delivery.templates[0].text")
        # The sandbox: no reaching into Python objects.
        error = await refused(create(delivery(SMS, template(text="{{ code.__class__.__mro__ }}"))))
        assert (error.reason, error.metadata["field"]) == ("TEMPLATE_INVALID", "offer.delivery.templates[0].text")
        # The longest rendering: {{ code }} at its longest (64) + the rest, against SMS 480.
        at_bound = "x" * (limits.MESSAGE_SMS_LENGTH_MAX - limits.MESSAGE_CODE_LENGTH_MAX) + "{{ code }}"
        assert (await create(delivery(SMS, template(text=at_bound)))).offer.delivery.templates[0].text == at_bound
        error = await refused(create(delivery(SMS, template(text="y" + at_bound))))
        assert (error.reason, error.metadata["field"], error.metadata["length"], error.metadata["length_max"]) == (
            "MESSAGE_TOO_LONG", "offer.delivery.templates[0].text", "481", "480")
        # The same text fits an e-mail.
        assert (await create(delivery(EMAIL, template(text="y" + at_bound)))).offer.offer_id
        error = await refused(create(delivery(SMS, template(text="Code {{ code }} ✓", allow_unicode=False))))
        assert (error.reason, error.metadata["field"]) == ("FIELD_INVALID", "offer.delivery.templates[0].text")
        # GSM 03.38 needs no allowance (umlauts, €).
        assert (await create(delivery(SMS, template(text="Für Sie: {{ code }} (5 €)", allow_unicode=False)))).offer
        error = await refused(create(delivery(SMS, template(RESEND))))
        assert (error.reason, error.metadata["field"]) == (
            "FIELD_REQUIRED", "offer.delivery.templates (an ISSUE template for channel SMS)")
        reminder = resources.ExpiryReminder(days_before_expiry=3, channel=SMS, local_time="09:30")
        error = await refused(create(delivery(SMS, template(), template(REMINDER), reminders=[
            reminder] * 2)))
        assert (error.reason, error.metadata["field"]) == ("FIELD_INVALID", "offer.delivery.reminders")
        error = await refused(create(delivery(SMS, template(), template(REMINDER), reminders=[
            resources.ExpiryReminder(days_before_expiry=3, channel=SMS, local_time="24:00")])))
        assert (error.reason, error.metadata["field"]) == ("FIELD_INVALID", "offer.delivery.reminders[0].local_time")
        error = await refused(create(delivery(SMS, template(), template(REMINDER), reminders=[
            resources.ExpiryReminder(days_before_expiry=0, channel=SMS, local_time="09:00")])))
        assert (error.reason, error.metadata["field"]) == (
            "FIELD_OUT_OF_RANGE", "offer.delivery.reminders[0].days_before_expiry")
        many = [resources.ExpiryReminder(days_before_expiry=d, channel=SMS, local_time="09:00")
                for d in range(1, limits.REMINDERS_PER_OFFER_MAX + 2)]
        assert (await create(delivery(SMS, template(), template(REMINDER),
                                      reminders=many[:limits.REMINDERS_PER_OFFER_MAX]))).offer
        error = await refused(create(delivery(SMS, template(), template(REMINDER), reminders=many)))
        assert (error.reason, error.metadata["field"]) == ("FIELD_OUT_OF_RANGE", "offer.delivery.reminders")

        # E-mail's bound, and a subject's.
        mail_bound = "x" * (limits.MESSAGE_EMAIL_LENGTH_MAX - limits.MESSAGE_CODE_LENGTH_MAX) + "{{ code }}"
        assert (await create(delivery(EMAIL, template(text=mail_bound)))).offer
        error = await refused(create(delivery(EMAIL, template(text="y" + mail_bound))))
        assert (error.reason, error.metadata["length_max"]) == ("MESSAGE_TOO_LONG", "4000")
        subject = "s" * (limits.MESSAGE_SUBJECT_LENGTH_MAX - limits.MESSAGE_CUSTOMER_NAME_LENGTH_MAX)
        assert (await create(delivery(EMAIL, template(subject=subject + "{{ customer_name }}")))).offer
        error = await refused(create(delivery(EMAIL, template(subject="s" + subject + "{{ customer_name }}"))))
        assert (error.reason, error.metadata["field"]) == ("MESSAGE_TOO_LONG", "offer.delivery.templates[0].subject")
        # At most 32 templates.
        languages = [template(ISSUE, language=f"l{i}") for i in range(limits.MESSAGE_TEMPLATES_MAX)]
        assert len((await create(delivery(SMS, *languages))).offer.delivery.templates) == 32
        error = await refused(create(delivery(SMS, *languages, template(RESEND))))
        assert (error.reason, error.metadata["field"]) == ("FIELD_OUT_OF_RANGE", "offer.delivery.templates")
        error = await refused(create(delivery(SMS, template(), template(ISSUE))))
        assert (error.reason, error.metadata["field"]) == ("FIELD_INVALID", "offer.delivery.templates[1].language_code")

        # UpdateOffer: the same checks; a refused update changes nothing.
        created = (await create(delivery(SMS, template()))).offer
        patch = offer_message(program_id, delivery(SMS, template(text="{{ coupon_code }}")))
        error = await refused(client.call(client.offers.UpdateOffer, offers.UpdateOfferRequest(
            offer=resources.Offer(offer_id=created.offer_id, delivery=patch.delivery),
            update_mask=field_mask_pb2.FieldMask(paths=["delivery"]))))
        assert (error.reason, error.metadata["tag"]) == ("TEMPLATE_TAG_UNKNOWN", "coupon_code")
        read = (await client.call(client.offers.GetOffer, offers.GetOfferRequest(offer_id=created.offer_id))).offer
        assert read.delivery == created.delivery and read.delivery.templates[0].text == ISSUE_TEXT
        updated = (await client.call(client.offers.UpdateOffer, offers.UpdateOfferRequest(
            offer=resources.Offer(offer_id=created.offer_id, delivery=delivery(EMAIL, template(subject="{{ offer_title }}"))),
            update_mask=field_mask_pb2.FieldMask(paths=["delivery"])))).offer
        assert updated.delivery.channel == EMAIL and updated.delivery.templates[0].subject == "{{ offer_title }}"


# --- delivery on issue, resend -------------------------------------------------------------------

async def test_an_issued_coupon_is_delivered_through_the_outbox_and_resent_on_request(stores_of_its_own, receivers):
    inbox, gateway = receivers
    redis_url, database_url = stores_of_its_own
    async with messaging_worker(redis_url, database_url, receivers) as worker, client_of(worker) as client:
        program_id = await new_program(client)
        sms_offer = (await client.call(client.offers.CreateOffer, offers.CreateOfferRequest(offer=offer_message(
            program_id, delivery(SMS, template(), template(RESEND, "Nochmal: {{ code }}")),
            expiry_mode=resources.EXPIRY_MODE_RELATIVE_TO_ISSUE_END_OF_DAY,
            coupon_validity=duration_pb2.Duration(seconds=7 * 86_400))))).offer
        account_id, user = await customer(client, program_id)
        request_id = rid()
        issued = (await issue(client, sms_offer.offer_id, account_id, request_id)).coupon
        (sms,) = await until(lambda: gateway.to(user.phone_number), "the coupon's SMS")
        text = sms["body"]["text"]
        assert sms["valid"] and issued.code in text and text.startswith("Hallo Jürgen, Ihr Code ")
        assert "für Frühlingsrabatt gilt bis " in text and text.endswith(" 23:59 ✓")
        with psycopg.connect(database_url) as connection:
            (event_id,) = connection.execute(
                "SELECT event_id::text FROM outbox_events WHERE type = 'coupon.issued' AND payload->>'code' = %s",
                (issued.code,)).fetchone()
        assert sms["key"] == sms["body"]["id"] == event_id  # The stable id: the event's.
        # The same request again: the stored reply, no second message.
        assert (await issue(client, sms_offer.offer_id, account_id, request_id)).coupon.code == issued.code

        # ResendCoupon: the RESEND template, once per request_id.
        resend = coupons.ResendCouponRequest(request_id=rid(), code=issued.code, account_id=account_id)
        first = await client.call(client.coupons.ResendCoupon, resend)
        again = await client.call(client.coupons.ResendCoupon, resend)
        assert (first.message_id, first.channel) == (again.message_id, SMS)
        await until(lambda: len(gateway.to(user.phone_number)) == 2, "the resent SMS")
        resent = gateway.to(user.phone_number)[1]
        assert resent["body"] == {"id": first.message_id, "to": user.phone_number, "text": f"Nochmal: {issued.code}"}
        await asyncio.sleep(0.5)  # Several delivery rounds: nothing more goes out.
        assert len(gateway.to(user.phone_number)) == 2
        assert [(kind, state) for _, kind, _, state, _ in messages_of(database_url, issued.code)] == [
            ("issue", "sent"), ("resend", "sent")]

        # Refusals.
        other_account, _ = await customer(client, program_id)
        error = await refused(client.call(client.coupons.ResendCoupon, coupons.ResendCouponRequest(
            request_id=rid(), code=issued.code, account_id=other_account)))
        assert (error.reason, error.metadata["code"]) == ("COUPON_NOT_HELD", issued.code)
        error = await refused(client.call(client.coupons.ResendCoupon, coupons.ResendCouponRequest(
            request_id=rid(), code="NO-SUCH-CODE", account_id=account_id)))
        assert error.reason == "COUPON_NOT_FOUND"
        await client.call(client.coupons.RedeemCoupon, coupons.RedeemCouponRequest(
            request_id=rid(), code=issued.code, account_id=account_id, store_id="store-1", bill_amount=eur(3_000)))
        error = await refused(client.call(client.coupons.ResendCoupon, coupons.ResendCouponRequest(
            request_id=rid(), code=issued.code, account_id=account_id)))
        assert error.reason == "COUPON_ALREADY_REDEEMED"

        # E-mail: to the owner's address, the offer title as subject; NONE: nothing at all.
        mail_offer = (await client.call(client.offers.CreateOffer, offers.CreateOfferRequest(offer=offer_message(
            program_id, delivery(EMAIL, template(text="Ihr Code: {{ code }}")))))).offer
        mail_coupon = (await issue(client, mail_offer.offer_id, account_id)).coupon
        (mail,) = await until(lambda: inbox.to(user.email), "the coupon's e-mail")
        assert mail["message"]["Subject"] == "Frühlingsrabatt"
        assert mail["message"].get_content().strip() == f"Ihr Code: {mail_coupon.code}"
        none_offer = (await client.call(client.offers.CreateOffer, offers.CreateOfferRequest(offer=offer_message(
            program_id, delivery(NONE, template()))))).offer
        none_coupon = (await issue(client, none_offer.offer_id, account_id)).coupon
        error = await refused(client.call(client.coupons.ResendCoupon, coupons.ResendCouponRequest(
            request_id=rid(), code=none_coupon.code, account_id=account_id)))
        assert (error.reason, error.metadata["channel"]) == ("DELIVERY_NOT_CONFIGURED", "NONE")
        await asyncio.sleep(0.5)
        assert messages_of(database_url, none_coupon.code) == []
        # The gateway fails: the message is retried (backoff), same id, until it is taken.
        retried_account, retried_user = await customer(client, program_id)
        gateway.status = 503
        retried_coupon = (await issue(client, sms_offer.offer_id, retried_account)).coupon
        await until(lambda: [r for r in gateway.received if r["body"]["to"] == retried_user.phone_number],
                    "a refused attempt")
        gateway.status = 200
        (taken,) = await until(lambda: gateway.to(retried_user.phone_number), "the retried SMS")
        attempts = [r for r in gateway.received if r["body"]["to"] == retried_user.phone_number]
        assert {r["body"]["id"] for r in attempts} == {taken["body"]["id"]} and attempts[0]["status"] == 503
        assert retried_coupon.code in taken["body"]["text"]
        # An account without an owner: the message is skipped, with the reason.
        lonely = await new_account(client, program_id)
        lonely_coupon = (await issue(client, sms_offer.offer_id, lonely)).coupon
        await until(lambda: [m for m in messages_of(database_url, lonely_coupon.code) if m[3] == "skipped"],
                    "the owner-less message skipped")


# --- expiry reminders ----------------------------------------------------------------------------

async def test_expiry_reminders_go_out_on_time_once_across_two_workers(stores_of_its_own, receivers):
    inbox, gateway = receivers
    redis_url, database_url = stores_of_its_own
    clock = fixed_clock()  # Now (request signatures are checked against it), moved by hand below.
    berlin = ZoneInfo("Europe/Berlin")
    reminders = [resources.ExpiryReminder(days_before_expiry=3, channel=SMS, local_time="09:30"),
                 resources.ExpiryReminder(days_before_expiry=1, channel=EMAIL, local_time="18:00")]
    async with messaging_worker(redis_url, database_url, receivers, clock) as first, \
            messaging_worker(redis_url, database_url, receivers, clock) as second, client_of(first) as client:
        program_id = await new_program(client)
        offer = (await client.call(client.offers.CreateOffer, offers.CreateOfferRequest(offer=offer_message(
            program_id, delivery(NONE, template(REMINDER, "{{ customer_name }}: {{ code }} läuft am {{ expiry }} ab"),
                                 reminders=reminders),
            expiry_mode=resources.EXPIRY_MODE_RELATIVE_TO_ISSUE_END_OF_DAY,
            coupon_validity=duration_pb2.Duration(seconds=10 * 86_400))))).offer
        assert list(offer.delivery.reminders) == reminders
        account_id, user = await customer(client, program_id)
        coupon = (await issue(client, offer.offer_id, account_id)).coupon
        expire = coupon.expire_time.ToDatetime(dt.timezone.utc)
        last_day = (expire - dt.timedelta(microseconds=1)).astimezone(berlin).date()
        assert last_day == clock.now().astimezone(berlin).date() + dt.timedelta(days=10)
        expiry_text = f"{last_day.isoformat()} 23:59"

        # A coupon past its expiry is not resent (a short-lived one: the clock moves a minute).
        short = (await client.call(client.offers.CreateOffer, offers.CreateOfferRequest(offer=offer_message(
            program_id, delivery(SMS, template(), template(RESEND, "{{ code }}")),
            expiry_mode=resources.EXPIRY_MODE_RELATIVE_TO_ISSUE,
            coupon_validity=duration_pb2.Duration(seconds=30))))).offer
        short_account, _ = await customer(client, program_id)
        short_coupon = (await issue(client, short.offer_id, short_account)).coupon
        clock.advance(dt.timedelta(seconds=31))
        error = await refused(client.call(client.coupons.ResendCoupon, coupons.ResendCouponRequest(
            request_id=rid(), code=short_coupon.code, account_id=short_account)))
        assert (error.reason, error.metadata["code"]) == ("COUPON_EXPIRED", short_coupon.code)

        # Both workers run their own rounds (their tasks) while the clock moves; rounds are also
        # forced here, from both at once.
        async def rounds(n: int = 5):
            for _ in range(n):
                await asyncio.gather(first.engines.messenger.run_once(), second.engines.messenger.run_once())

        def at(days_before: int, hours: int, minutes: int) -> dt.datetime:
            return dt.datetime.combine(last_day - dt.timedelta(days=days_before), dt.time(hours, minutes), berlin)

        clock.at = at(3, 9, 29)  # One minute early.
        await rounds()
        assert messages_of(database_url, coupon.code) == [] and gateway.to(user.phone_number) == []
        clock.at = at(3, 9, 30)
        await rounds()
        (sms,) = await until(lambda: gateway.to(user.phone_number), "the 3-day reminder")
        assert sms["body"]["text"] == f"Jürgen: {coupon.code} läuft am {expiry_text} ab"
        clock.at = at(1, 18, 0)
        await rounds()
        (mail,) = await until(lambda: inbox.to(user.email), "the 1-day reminder")
        assert mail["message"].get_content().strip() == f"Jürgen: {coupon.code} läuft am {expiry_text} ab"
        await rounds()
        await asyncio.sleep(0.5)
        assert len(gateway.to(user.phone_number)) == 1 and len(inbox.to(user.email)) == 1
        assert [(kind, channel, state, reminder) for _, kind, channel, state, reminder in
                messages_of(database_url, coupon.code)] == [
            ("reminder", "SMS", "sent", "3d@09:30/SMS"), ("reminder", "EMAIL", "sent", "1d@18:00/EMAIL")]

        # Once expired, no reminder is queued any more (a late worker sends nothing).
        clock.at = expire + dt.timedelta(hours=1)
        with psycopg.connect(database_url) as connection:
            connection.execute("DELETE FROM messages WHERE reminder = '1d@18:00/EMAIL'")
        await rounds()
        assert len(messages_of(database_url, coupon.code)) == 1


async def test_a_message_claimed_by_a_worker_that_died_is_sent_after_its_lease_with_the_same_id(
        stores_of_its_own, receivers):
    _, gateway = receivers
    redis_url, database_url = stores_of_its_own
    async with messaging_worker(redis_url, database_url, receivers, event_poll_s=0) as quiet, \
            client_of(quiet) as client:  # No message task: this worker only claims, by hand.
        program_id = await new_program(client)
        offer = (await client.call(client.offers.CreateOffer, offers.CreateOfferRequest(
            offer=offer_message(program_id, delivery(SMS, template()))))).offer
        account_id, user = await customer(client, program_id)
        coupon = (await issue(client, offer.offer_id, account_id)).coupon
        store = quiet.engines.messenger.store
        assert await store.fan_in(100) == 1
        (claimed,) = await store.claim(32, 2.0)  # ... and the worker dies before it sends.
        assert await store.claim(32, 2.0) == []  # Leased: no one else takes it meanwhile.
    assert gateway.to(user.phone_number) == []
    async with messaging_worker(redis_url, database_url, receivers, event_lease_s=1):
        (sms,) = await until(lambda: gateway.to(user.phone_number), "the message after the lease")
    assert sms["key"] == sms["body"]["id"] == claimed.message_id and coupon.code in sms["body"]["text"]
    with psycopg.connect(database_url) as connection:
        assert connection.execute("SELECT state, attempts FROM messages WHERE message_id = %s",
                                  (claimed.message_id,)).fetchone() == ("sent", 2)


async def test_the_issue_threshold_is_emailed_to_the_offer_contacts_once(stores_of_its_own, receivers):
    inbox, _ = receivers
    redis_url, database_url = stores_of_its_own
    async with messaging_worker(redis_url, database_url, receivers) as worker, client_of(worker) as client:
        program_id = await new_program(client)

        def with_contacts(*addresses) -> resources.OfferDelivery:
            return resources.OfferDelivery(channel=NONE, contact_emails=list(addresses))

        async def create(settings, **rules):
            return (await client.call(client.offers.CreateOffer, offers.CreateOfferRequest(
                offer=offer_message(program_id, settings, **rules)))).offer

        error = await refused(create(with_contacts("brand@example.com", "not-an-address")))
        assert (error.reason, error.metadata["field"]) == ("FIELD_INVALID", "offer.delivery.contact_emails[1]")
        error = await refused(create(with_contacts("brand@example.com", "brand@example.com")))
        assert (error.reason, error.metadata["field"]) == ("FIELD_INVALID", "offer.delivery.contact_emails")
        ten = [f"c{i}@example.com" for i in range(limits.OFFER_CONTACT_EMAILS_MAX)]
        assert len((await create(with_contacts(*ten))).delivery.contact_emails) == 10
        error = await refused(create(with_contacts(*ten, "c10@example.com")))
        assert (error.reason, error.metadata["field"]) == ("FIELD_OUT_OF_RANGE", "offer.delivery.contact_emails")

        brand, agency = f"brand.{rid()[:6]}@example.com", f"agency.{rid()[:6]}@example.com"
        offer = await create(with_contacts(brand, agency), max_issue_count=3, issue_notification_threshold=1)
        for _ in range(3):  # The second issue leaves 1 to issue: the threshold.
            await issue(client, offer.offer_id, await new_account(client, program_id))
        (to_brand,) = await until(lambda: inbox.to(brand), "the brand's notice")
        (to_agency,) = await until(lambda: inbox.to(agency), "the agency's notice")
        assert to_brand["message"]["Subject"] == "Issue limit almost reached: Frühlingsrabatt"
        assert to_brand["message"].get_content().strip() == (
            'The offer "Frühlingsrabatt" has 1 coupons left to issue (2 issued of 3).')
        assert to_brand["message"]["Message-ID"] != to_agency["message"]["Message-ID"]
        await asyncio.sleep(0.5)
        assert len(inbox.to(brand)) == 1 and len(inbox.to(agency)) == 1
