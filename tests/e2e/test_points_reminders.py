"""Points-expiring reminders and message languages over gRPC, end to end: real in-process
workers (every interceptor and servicer) on a Redis and a database of their own, a local SMTP
server (aiosmtpd) and a local HTTP SMS gateway, a FixedClock moved by hand (no waiting for days).

- Program.points_reminders: unknown tags, unparsable or over-long templates, bad reminders, a
  default language without its template: refused at CreateProgram and UpdateProgram with precise
  ErrorInfo reasons; accepted settings read back; a refused update changes nothing.
- Reminders go out N days before the local day the points expire, at HH:MM in the program's
  zone, not a minute before, to the account OWNER, once per account, expiry and reminder across
  two workers running rounds at once; lots expiring at one instant are told together (their
  sum); a points.expiring outbox event is written with each.
- Language: the owner's User.language picks the template (exact, else primary language), else
  the program's / offer's default language, else the first; User.language is validated and
  updatable."""

from __future__ import annotations

import asyncio
import datetime as dt
from zoneinfo import ZoneInfo

import psycopg
import pytest
from google.protobuf import duration_pb2, field_mask_pb2
from rewards.accounts.v1 import account_service_pb2 as accounts_api
from rewards.accounts.v1 import resources_pb2 as accounts
from rewards.coupons.v1 import offer_service_pb2 as offers
from rewards.coupons.v1 import resources_pb2 as coupon_resources
from rewards.events.v1 import event_service_pb2 as events_api
from rewards.loyalty.v1 import program_service_pb2 as programs_api
from rewards.loyalty.v1 import resources_pb2 as loyalty

from core.domain import limits
from tests.e2e.delivery_worker import client_of, own_stores
from tests.e2e.inprocess import fixed_clock
from tests.e2e.message_receivers import SmsGateway, SmtpInbox, until
from tests.e2e.test_accounts_users import rid
from tests.e2e.test_delivery_messages import ISSUE, delivery, issue, messaging_worker, offer_message, owner, \
    refused, template
from tests.e2e.test_points import earn, new_account, new_program

ORG = "org-delivery"
"""client_of's organisation."""
SMS, EMAIL = loyalty.REMINDER_CHANNEL_SMS, loyalty.REMINDER_CHANNEL_EMAIL
DE = "Hallo {{ customer_name }}, {{ points }} Punkte bei {{ program_name }} verfallen am {{ expiry }}"
EN = "Hi {{ customer_name }}, {{ points }} points at {{ program_name }} expire on {{ expiry }}"


def points_template(language: str, text: str, **fields) -> loyalty.PointsReminderTemplate:
    return loyalty.PointsReminderTemplate(language_code=language, text=text, **fields)


def settings(*templates, reminders=None, default="") -> loyalty.PointsReminders:
    if reminders is None:
        reminders = [loyalty.PointsReminder(days_before_expiry=3, channel=SMS, local_time="09:30")]
    return loyalty.PointsReminders(reminders=list(reminders), templates=list(templates or (
        points_template("en", EN),)), default_language_code=default)


@pytest.fixture
async def stores_of_its_own(stores):
    async with own_stores(stores) as urls:
        yield urls


@pytest.fixture
async def receivers():
    inbox, gateway = SmtpInbox(), SmsGateway()
    try:
        yield inbox, gateway
    finally:
        inbox.close()
        gateway.close()


async def create_program(client, reminders: loyalty.PointsReminders, **fields) -> loyalty.Program:
    program_id = "p-" + rid()[:10]
    return (await client.call(client.programs.CreateProgram, programs_api.CreateProgramRequest(
        request_id=rid(), program=loyalty.Program(
            program_id=program_id, display_name=fields.pop("display_name", "Bonusclub"), currency_code="EUR",
            time_zone="Europe/Berlin", points_reminders=reminders, **fields)))).program


# --- validation ----------------------------------------------------------------------------------

async def test_bad_points_reminders_are_refused_with_precise_reasons(stores_of_its_own, receivers):
    async with messaging_worker(*stores_of_its_own, receivers) as worker, client_of(worker) as client:
        prefix = "program.points_reminders"
        error = await refused(create_program(client, settings(points_template("en", "{{ points }} {{ code }}"))))
        assert (error.reason, error.metadata["field"], error.metadata["tag"]) == (
            "TEMPLATE_TAG_UNKNOWN", f"{prefix}.templates[0].text", "code")
        error = await refused(create_program(client, settings(points_template("en", "{{ points "))))
        assert (error.reason, error.metadata["field"]) == ("TEMPLATE_INVALID", f"{prefix}.templates[0].text")
        # The longest rendering: {{ points }} at 19 digits, against SMS 480; the same fits an e-mail.
        at_bound = "x" * (limits.MESSAGE_SMS_LENGTH_MAX - 19) + "{{ points }}"
        assert (await create_program(client, settings(points_template("en", at_bound)))).points_reminders
        error = await refused(create_program(client, settings(points_template("en", "y" + at_bound))))
        assert (error.reason, error.metadata["field"], error.metadata["length"], error.metadata["length_max"]) == (
            "MESSAGE_TOO_LONG", f"{prefix}.templates[0].text", "481", "480")
        by_mail = [loyalty.PointsReminder(days_before_expiry=3, channel=EMAIL, local_time="09:30")]
        assert (await create_program(client, settings(points_template("en", "y" + at_bound), reminders=by_mail)))
        # {{ program_name }} at the program's name: the bound moves with it.
        name_bound = "x" * (limits.MESSAGE_SMS_LENGTH_MAX - 9) + "{{ program_name }}"
        assert await create_program(client, settings(points_template("en", name_bound)), display_name="Bonusclub")
        error = await refused(create_program(client, settings(points_template("en", name_bound)),
                                             display_name="Bonusclubs"))
        assert error.reason == "MESSAGE_TOO_LONG"
        error = await refused(create_program(client, settings(points_template("en", "Ihre {{ points }} ✓"))))
        assert (error.reason, error.metadata["field"]) == ("FIELD_INVALID", f"{prefix}.templates[0].text")
        assert await create_program(client, settings(points_template("en", "Ihre {{ points }} ✓", allow_unicode=True)))
        for reminder, reason, field in (
                (loyalty.PointsReminder(days_before_expiry=0, channel=SMS, local_time="09:00"),
                 "FIELD_OUT_OF_RANGE", f"{prefix}.reminders[0].days_before_expiry"),
                (loyalty.PointsReminder(days_before_expiry=366, channel=SMS, local_time="09:00"),
                 "FIELD_OUT_OF_RANGE", f"{prefix}.reminders[0].days_before_expiry"),
                (loyalty.PointsReminder(days_before_expiry=3, channel=SMS, local_time="9:00"),
                 "FIELD_INVALID", f"{prefix}.reminders[0].local_time"),
                (loyalty.PointsReminder(days_before_expiry=3, local_time="09:00"),
                 "FIELD_INVALID", f"{prefix}.reminders[0].channel")):
            error = await refused(create_program(client, settings(reminders=[reminder])))
            assert (error.reason, error.metadata["field"]) == (reason, field)
        twice = [loyalty.PointsReminder(days_before_expiry=3, channel=SMS, local_time="09:00")] * 2
        error = await refused(create_program(client, settings(reminders=twice)))
        assert (error.reason, error.metadata["field"]) == ("FIELD_INVALID", f"{prefix}.reminders")
        error = await refused(create_program(client, loyalty.PointsReminders(reminders=twice[:1])))
        assert (error.reason, error.metadata["field"]) == (
            "FIELD_REQUIRED", f"{prefix}.templates (a template for the reminders)")
        error = await refused(create_program(client, settings(points_template("en", EN), default="de")))
        assert (error.reason, error.metadata["field"]) == ("FIELD_INVALID", f"{prefix}.default_language_code")
        error = await refused(create_program(client, settings(points_template("en", EN), points_template("EN", EN))))
        assert (error.reason, error.metadata["field"]) == ("FIELD_INVALID", f"{prefix}.templates[1].language_code")
        error = await refused(create_program(client, settings(points_template("e_n", EN))))
        assert (error.reason, error.metadata["field"]) == ("FIELD_INVALID", f"{prefix}.templates[0].language_code")

        # Accepted settings read back; UpdateProgram checks the same and a refused one changes nothing.
        sent = settings(points_template("de", DE, allow_unicode=True), points_template("en", EN, subject="{{ points }}"),
                        default="en")
        created = await create_program(client, sent)
        assert created.points_reminders == sent
        read = (await client.call(client.programs.GetProgram, programs_api.GetProgramRequest(
            program_id=created.program_id))).program
        assert read.points_reminders == sent

        async def update(reminders):
            return (await client.call(client.programs.UpdateProgram, programs_api.UpdateProgramRequest(
                request_id=rid(), program=loyalty.Program(program_id=created.program_id, points_reminders=reminders),
                update_mask=field_mask_pb2.FieldMask(paths=["points_reminders"])))).program

        error = await refused(update(settings(points_template("en", "{{ balance }}"))))
        assert (error.reason, error.metadata["tag"]) == ("TEMPLATE_TAG_UNKNOWN", "balance")
        read = (await client.call(client.programs.GetProgram, programs_api.GetProgramRequest(
            program_id=created.program_id))).program
        assert read.points_reminders == sent
        changed = settings(points_template("fr", "{{ points }} points"))
        assert (await update(changed)).points_reminders == changed
        read = (await client.call(client.programs.GetProgram, programs_api.GetProgramRequest(
            program_id=created.program_id))).program
        assert read.points_reminders == changed
        assert not (await update(None)).HasField("points_reminders")  # Unset: no reminders.


async def test_user_language_is_validated_and_updatable(stores_of_its_own, receivers):
    async with messaging_worker(*stores_of_its_own, receivers) as worker, client_of(worker) as client:
        program_id = await new_program(client)
        account_id = await new_account(client, program_id)
        user = await owner(client, account_id, language="de-CH")
        assert user.language == "de-CH"
        for bad in ("d", "de_CH", "deutsch-schweiz-123456789", "1de", "de-"):
            error = await refused(client.call(client.accounts.CreateUser, accounts_api.CreateUserRequest(
                request_id=rid(), user=accounts.User(display_name="X", language=bad))))
            assert (error.reason, error.metadata["field"]) == ("FIELD_INVALID", "user.language"), bad
        updated = (await client.call(client.accounts.UpdateUser, accounts_api.UpdateUserRequest(
            request_id=rid(), user=accounts.User(user_id=user.user_id, language="fr"),
            update_mask=field_mask_pb2.FieldMask(paths=["language"])))).user
        assert (updated.language, updated.given_name) == ("fr", user.given_name)
        read = (await client.call(client.accounts.GetUser, accounts_api.GetUserRequest(user_id=user.user_id))).user
        assert read.language == "fr"


# --- reminders -----------------------------------------------------------------------------------

async def test_points_reminders_go_out_on_time_in_the_owners_language_once_across_two_workers(
        stores_of_its_own, receivers):
    inbox, gateway = receivers
    redis_url, database_url = stores_of_its_own
    clock = fixed_clock()
    start = clock.now()
    berlin = ZoneInfo("Europe/Berlin")
    reminders = [loyalty.PointsReminder(days_before_expiry=3, channel=SMS, local_time="09:30"),
                 loyalty.PointsReminder(days_before_expiry=1, channel=EMAIL, local_time="18:00")]
    async with messaging_worker(redis_url, database_url, receivers, clock) as first, \
            messaging_worker(redis_url, database_url, receivers, clock) as second, client_of(first) as client:
        program = await create_program(client, settings(
            points_template("de", DE, allow_unicode=True),
            points_template("en", EN, subject="{{ points }} points expire"), reminders=reminders, default="en"),
            points_expiry=duration_pb2.Duration(seconds=10 * 86_400))
        await client.call(client.programs.CreateEarnRule, programs_api.CreateEarnRuleRequest(
            earn_rule=loyalty.EarnRule(program_id=program.program_id, display_name="1 point per EUR",
                                       ratio=loyalty.RatioEarnRule(points_numerator=1, amount_minor_denominator=100))))
        swiss, french, unknown = [await new_account(client, program.program_id) for _ in range(3)]
        swiss_user = await owner(client, swiss, language="de-CH")     # de (its primary language)
        french_user = await owner(client, french, language="fr")      # no fr: the default, en
        unknown_user = await owner(client, unknown)                   # no language: the default, en
        lonely = await new_account(client, program.program_id)        # no owner: skipped
        await earn(client, swiss, 12_000)
        await earn(client, swiss, 3_000)   # Same instant, same expiry: one reminder of 150 points.
        await earn(client, french, 5_000)
        await earn(client, unknown, 2_000)
        await earn(client, lonely, 1_000)
        expire = start + dt.timedelta(days=10)
        last_day = (expire - dt.timedelta(microseconds=1)).astimezone(berlin).date()
        expiry_text = (expire - dt.timedelta(microseconds=1)).astimezone(berlin).strftime("%Y-%m-%d %H:%M")

        async def rounds(n: int = 4):
            for _ in range(n):
                await asyncio.gather(first.engines.messenger.run_once(), second.engines.messenger.run_once())

        def at(days_before: int, hours: int, minutes: int) -> dt.datetime:
            return dt.datetime.combine(last_day - dt.timedelta(days=days_before), dt.time(hours, minutes), berlin)

        clock.at = at(3, 9, 29)  # One minute early: nothing.
        await rounds()
        assert await first.engines.messenger.store.of_account(ORG, swiss) == []
        assert gateway.to(swiss_user.phone_number) == []
        clock.at = at(3, 9, 30)
        await rounds()
        (sms,) = await until(lambda: gateway.to(swiss_user.phone_number), "the Swiss owner's SMS")
        assert sms["valid"] and sms["body"]["text"] == (
            f"Hallo Jürgen, 150 Punkte bei Bonusclub verfallen am {expiry_text}")
        (sms,) = await until(lambda: gateway.to(french_user.phone_number), "the French owner's SMS")
        assert sms["body"]["text"] == f"Hi Jürgen, 50 points at Bonusclub expire on {expiry_text}"
        (sms,) = await until(lambda: gateway.to(unknown_user.phone_number), "the SMS to an owner of no language")
        assert sms["body"]["text"] == f"Hi Jürgen, 20 points at Bonusclub expire on {expiry_text}"
        clock.at = at(1, 18, 0)
        await rounds()
        (mail,) = await until(lambda: inbox.to(french_user.email), "the 1-day e-mail")
        assert mail["message"]["Subject"] == "50 points expire"
        assert mail["message"].get_content().strip() == f"Hi Jürgen, 50 points at Bonusclub expire on {expiry_text}"
        (mail,) = await until(lambda: inbox.to(swiss_user.email), "the Swiss 1-day e-mail")
        assert mail["message"]["Subject"] == "Bonusclub"  # The de template has no subject: the program's name.
        await rounds()
        await asyncio.sleep(0.5)  # The workers' own rounds too: nothing more goes out.
        for user in (swiss_user, french_user, unknown_user):
            assert len(gateway.to(user.phone_number)) == 1 and len(inbox.to(user.email)) == 1
        store = first.engines.messenger.store
        assert [(m.kind, m.channel, m.state, m.reminder) for m in await store.of_account(ORG, swiss)] \
            == [("points_reminder", "SMS", "sent", "3d@09:30/SMS"), ("points_reminder", "EMAIL", "sent",
                                                                     "1d@18:00/EMAIL")]
        skipped = await store.of_account(ORG, lonely)  # No owner: nothing to send to.
        assert [(m.state, m.last_error) for m in skipped] == [
            ("skipped", "the account has no OWNER with a phone number"),
            ("skipped", "the account has no OWNER with an e-mail address")]

        # Once expired, nothing is queued any more (a late worker sends nothing).
        clock.at = expire + dt.timedelta(hours=1)
        with psycopg.connect(database_url) as connection:
            connection.execute("DELETE FROM messages WHERE kind = 'points_reminder' AND account_id = %s", (swiss,))
        await rounds()
        assert await store.of_account(ORG, swiss) == []

        clock.at = start  # Requests are signed against the clock.
        listed = (await client.call(client.events.ListEvents, events_api.ListEventsRequest(
            type="points.expiring", page_size=100))).events
        by_account = {}
        for event in listed:
            by_account.setdefault(event.aggregate_id, []).append(event)
        assert {account: len(events) for account, events in by_account.items()} == {
            swiss: 2, french: 2, unknown: 2, lonely: 2}
        assert sorted((e.payload["days_before_expiry"], e.payload["points"], e.payload["channel"])
                      for e in by_account[swiss]) == [(1, 150, "EMAIL"), (3, 150, "SMS")]
        assert {e.payload["program_id"] for e in listed} == {program.program_id}


async def test_coupon_messages_use_the_holders_language_else_the_offers_default(stores_of_its_own, receivers):
    _, gateway = receivers
    async with messaging_worker(*stores_of_its_own, receivers) as worker, client_of(worker) as client:
        program_id = await new_program(client)
        settings_ = delivery(coupon_resources.DELIVERY_CHANNEL_SMS,
                             template(ISSUE, "Ihr Code {{ code }}", language="de"),
                             template(ISSUE, "Your code {{ code }}", language="en-GB"),
                             template(ISSUE, "Votre code {{ code }}", language="fr"))
        settings_.default_language_code = "en-GB"
        error = await refused(client.call(client.offers.CreateOffer, offers.CreateOfferRequest(offer=offer_message(
            program_id, coupon_resources.OfferDelivery(channel=settings_.channel, templates=settings_.templates,
                                                       default_language_code="it")))))
        assert (error.reason, error.metadata["field"]) == ("FIELD_INVALID", "offer.delivery.default_language_code")
        offer = (await client.call(client.offers.CreateOffer, offers.CreateOfferRequest(
            offer=offer_message(program_id, settings_)))).offer
        assert offer.delivery.default_language_code == "en-GB"
        expected = {"de-AT": "Ihr Code", "FR": "Votre code", "en": "Your code", "it": "Your code", "": "Your code"}
        for language, text in expected.items():
            account_id = await new_account(client, program_id)
            user = await owner(client, account_id, language=language)
            coupon = (await issue(client, offer.offer_id, account_id)).coupon
            (sms,) = await until(lambda phone=user.phone_number: gateway.to(phone),
                                 f"the SMS to a holder of {language!r}")
            assert sms["body"]["text"] == f"{text} {coupon.code}", language
        # No default: the first template of the kind.
        plain = (await client.call(client.offers.CreateOffer, offers.CreateOfferRequest(offer=offer_message(
            program_id, delivery(coupon_resources.DELIVERY_CHANNEL_SMS,
                                 template(ISSUE, "Ihr Code {{ code }}", language="de"),
                                 template(ISSUE, "Your code {{ code }}", language="en")))))).offer
        account_id = await new_account(client, program_id)
        user = await owner(client, account_id, language="it")
        coupon = (await issue(client, plain.offer_id, account_id)).coupon
        (sms,) = await until(lambda: gateway.to(user.phone_number), "the SMS in the first language")
        assert sms["body"]["text"] == f"Ihr Code {coupon.code}"
