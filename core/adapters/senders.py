"""The `Sender` the server sends with: e-mail and SMS adapters routed by the message's channel,
and the OTP sender on the same port (REWARDS_OTP_SENDER=messages)."""

from __future__ import annotations

from core.adapters.otp import OtpMessage
from core.domain.errors import DomainError, ErrorReason
from core.domain.messages import CHANNEL_EMAIL, CHANNEL_SMS, Message, MessageNotSent, Sender


class Senders:
    """Routes a message to the sender of its channel; a channel without one is not sent."""

    def __init__(self, *, email: Sender | None = None, sms: Sender | None = None) -> None:
        self._by_channel = {CHANNEL_EMAIL: email, CHANNEL_SMS: sms}

    def has(self, channel: str) -> bool:
        return self._by_channel.get(channel) is not None

    async def send(self, message: Message) -> None:
        sender = self._by_channel.get(message.channel)
        if sender is None:
            raise MessageNotSent(f"no {message.channel} sender is configured")
        await sender.send(message)


class MessageOtpSender:
    """Redemption OTPs through the Sender port: to an e-mail destination by e-mail, to a phone
    number by SMS (the message id is the OTP's id)."""

    def __init__(self, sender: Sender) -> None:
        self._sender = sender

    async def send(self, message: OtpMessage) -> None:
        channel = CHANNEL_EMAIL if "@" in message.destination else CHANNEL_SMS
        text = (f"Your code to redeem {message.points} points is {message.code}. It is valid until"
                f" {message.expire_time}.")
        try:
            await self._sender.send(Message(message.otp_id, channel, message.destination, text,
                                            "Your redemption code"))
        except MessageNotSent as error:
            raise DomainError(ErrorReason.OTP_NOT_SENT, retry_after_ms=1_000, metadata={"why": str(error)}) from error
