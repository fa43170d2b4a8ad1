"""The delivery settings (README "Configuration"): SMTP, the SMS gateway, the OTP sender on the
Sender port, the webhook SSRF allowance - each checked when the server starts."""

from __future__ import annotations

import pytest

from core.adapters.senders import MessageOtpSender, Senders
from server.config import Config


def test_the_sender_port_is_built_from_the_settings():
    config = Config.from_env({"REWARDS_SMTP_HOST": "mail.example", "REWARDS_SMTP_FROM": "c@shop.example",
                              "REWARDS_SMS_GATEWAY_URL": "https://sms.example/send",
                              "REWARDS_SMS_GATEWAY_SECRET": "s" * 16, "REWARDS_OTP_SENDER": "messages"})
    senders = config.message_senders()
    assert isinstance(senders, Senders) and senders.has("EMAIL") and senders.has("SMS")
    assert config.smtp_port == 587 and config.smtp_tls == "starttls" and config.webhook_allow_private is False
    assert Config.from_env({}).message_senders() is None
    assert Config.from_env({"REWARDS_WEBHOOK_ALLOW_PRIVATE": "true"}).webhook_allow_private is True


def test_the_otp_sender_on_the_port():
    from core.adapters.otp import sender_from_spec

    assert isinstance(sender_from_spec("messages", None, Senders()), MessageOtpSender)


@pytest.mark.parametrize("environment, message", [
    ({"REWARDS_SMTP_HOST": "mail.example", "REWARDS_SMTP_FROM": "c@shop.example", "REWARDS_SMTP_TLS": "maybe"}, "TLS"),
    ({"REWARDS_SMTP_HOST": "mail.example"}, "From address"),
    ({"REWARDS_SMTP_HOST": "mail.example", "REWARDS_SMTP_FROM": "c@shop.example", "REWARDS_SMTP_USERNAME": "u"},
     "together"),
    ({"REWARDS_SMS_GATEWAY_URL": "https://sms.example/send"}, "secret"),
    ({"REWARDS_SMS_GATEWAY_URL": "ftp://sms.example", "REWARDS_SMS_GATEWAY_SECRET": "s" * 16}, "http"),
    ({"REWARDS_OTP_SENDER": "messages"}, "REWARDS_SMTP_"),
])
def test_bad_settings_stop_the_server(environment, message):
    with pytest.raises(SystemExit, match=message):
        Config.from_env(environment)
