"""Messages to people, the pure parts: the `Sender` port, channels, template tags and bounds.

A `Message` goes out on a channel (SMS or EMAIL) to one address through a `Sender`: the SMTP
adapter (core/adapters/email.py), the HTTP SMS gateway adapter (core/adapters/sms.py), or
`Senders` (core/adapters/senders.py) routing by channel. `message_id` is stable for one message
(a coupon's delivery, one reminder, one resend, one OTP): a retried send carries the same id, so
the gateway or the mail client can de-duplicate (delivery is at least once).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

CHANNEL_NONE = "NONE"
"""The caller delivers the coupon itself: nothing is sent."""
CHANNEL_SMS = "SMS"
CHANNEL_EMAIL = "EMAIL"
CHANNELS = (CHANNEL_NONE, CHANNEL_SMS, CHANNEL_EMAIL)

TEMPLATE_TAGS = ("code", "expiry", "offer_title", "customer_name")
"""The tags a message template may use, as {{ code }} ..."""

TEMPLATE_KINDS = ("issue", "resend", "reminder")


@dataclass(frozen=True, slots=True)
class Message:
    message_id: str
    channel: str
    to: str
    text: str
    subject: str = ""


class MessageNotSent(Exception):
    """The sender could not hand the message over (the outbox retries it)."""


class Sender(Protocol):
    async def send(self, message: Message) -> None:
        """Hand `message` over to its channel; raises MessageNotSent when that failed."""
        ...
