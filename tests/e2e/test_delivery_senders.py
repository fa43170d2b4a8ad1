"""The Sender port's real adapters: SMTP e-mail (aiosmtplib) to a local SMTP server (aiosmtpd)
started here, and the HTTP SMS gateway (a signed JSON POST) to a local receiver; failures raise
MessageNotSent. End to end over gRPC: a redemption OTP sent through the same port
(REWARDS_OTP_SENDER=messages) reaches the member's phone through the SMS gateway and redeems."""

from __future__ import annotations

import pytest
from rewards.accounts.v1 import account_service_pb2 as accounts_api
from rewards.accounts.v1 import resources_pb2 as accounts
from rewards.loyalty.v1 import loyalty_service_pb2 as loyalty_api

from core.adapters.email import SmtpSender, SmtpSettings
from core.adapters.senders import Senders
from core.adapters.sms import SmsGatewaySender
from core.domain.messages import Message, MessageNotSent
from tests.e2e.delivery_worker import client_of, delivery_worker
from tests.e2e.message_receivers import SMS_SECRET, SmsGateway, SmtpInbox, free_port
from tests.e2e.test_accounts_users import person, rid
from tests.e2e.test_points import balance, earn, new_account, new_program, redeem


@pytest.fixture
def inbox():
    inbox = SmtpInbox()
    yield inbox
    inbox.close()


@pytest.fixture
def gateway():
    gateway = SmsGateway()
    yield gateway
    gateway.close()


async def test_smtp_sender_delivers_unicode_text_with_the_stable_message_id(inbox):
    sender = SmtpSender(SmtpSettings("127.0.0.1", inbox.port, "coupons@shop.example", tls="none"))
    await sender.send(Message("m-1", "EMAIL", "anna@example.com", "Ihr Gutschein: ABC-123 — gültig bis 31.12. 🎁",
                              "Ihr Gutschein"))
    (got,) = inbox.to("anna@example.com")
    mail = got["message"]
    assert got["from"] == "coupons@shop.example"
    assert (mail["Subject"], mail["Message-ID"]) == ("Ihr Gutschein", "<m-1@rewards-core>")
    assert mail.get_content().strip() == "Ihr Gutschein: ABC-123 — gültig bis 31.12. 🎁"


async def test_smtp_sender_without_a_server_raises_message_not_sent():
    sender = SmtpSender(SmtpSettings("127.0.0.1", free_port(), "coupons@shop.example", tls="none", timeout_s=5))
    with pytest.raises(MessageNotSent, match="SMTP"):
        await sender.send(Message("m-2", "EMAIL", "anna@example.com", "x"))
    # STARTTLS demanded from a server that offers none: refused, not sent in the clear.
    inbox = SmtpInbox()
    try:
        with pytest.raises(MessageNotSent):
            await SmtpSender(SmtpSettings("127.0.0.1", inbox.port, "c@shop.example", tls="starttls")).send(
                Message("m-3", "EMAIL", "anna@example.com", "x"))
        assert inbox.received == []
    finally:
        inbox.close()


def test_smtp_settings_are_checked():
    with pytest.raises(ValueError, match="TLS"):
        SmtpSettings("h", 25, "a@b", tls="maybe")
    with pytest.raises(ValueError, match="together"):
        SmtpSettings("h", 25, "a@b", username="u")
    with pytest.raises(ValueError, match="From"):
        SmtpSettings("h", 25, "nobody")


async def test_sms_gateway_sender_posts_signed_json_and_raises_on_failure(gateway):
    sender = SmsGatewaySender(gateway.url, SMS_SECRET)
    await sender.send(Message("s-1", "SMS", "+4915112345678", "Код: ABC-123 ✓"))
    (got,) = gateway.to("+4915112345678")
    assert got["valid"] and got["key"] == "s-1"
    assert got["body"] == {"id": "s-1", "to": "+4915112345678", "text": "Код: ABC-123 ✓"}
    gateway.status = 503
    with pytest.raises(MessageNotSent, match="HTTP 503"):
        await sender.send(Message("s-2", "SMS", "+4915112345678", "x"))
    await sender.aclose()
    with pytest.raises(MessageNotSent, match="no EMAIL sender"):
        await Senders(sms=sender).send(Message("e-1", "EMAIL", "a@b.example", "x"))


async def test_the_redemption_otp_goes_through_the_sender_port_by_sms(stores, gateway):
    async with delivery_worker(stores.redis_url, stores.database_url, event_poll_s=0, otp_sender="messages",
                               sms_gateway_url=gateway.url, sms_gateway_secret=SMS_SECRET) as worker, \
            client_of(worker, "org-otp-messages") as client:
        program_id = await new_program(client)
        account_id = await new_account(client, program_id)
        phone = "+49151" + str(int(rid()[:7], 16) % 10**7).zfill(7)
        user = (await client.call(client.accounts.CreateUser, accounts_api.CreateUserRequest(
            request_id=rid(), user=person(phone_number=phone)))).user
        await client.call(client.accounts.AddMembership, accounts_api.AddMembershipRequest(
            request_id=rid(), account_id=account_id, user_id=user.user_id, role=accounts.MEMBERSHIP_ROLE_OWNER))
        await earn(client, account_id, 100_000)
        ticket = await client.call(client.loyalty.RequestRedemptionOtp, loyalty_api.RequestRedemptionOtpRequest(
            account_id=account_id, points=300))
        (sms,) = gateway.to(phone)
        assert sms["valid"] and sms["key"] == ticket.otp_id
        code = sms["body"]["text"].split(" is ", 1)[1][:6]
        assert code.isdigit()
        await client.call(client.loyalty.RedeemPoints, redeem(account_id, 300, ticket.otp_id, code))
        assert (await balance(client, account_id)).posted_points == 700
