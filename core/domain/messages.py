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


# --- an offer's delivery settings -------------------------------------------------------------

_GSM = frozenset("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                 "ÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà^{}\\[~]|€")
"""GSM 03.38: the basic character set and its extension table (a text within it needs no Unicode SMS)."""


def needs_unicode(text: str) -> bool:
    return any(character not in _GSM for character in text)


@dataclass(frozen=True, slots=True)
class MessageTemplate:
    language_code: str
    kind: str
    """issue, resend or reminder (TEMPLATE_KINDS)."""
    text: str
    subject: str = ""
    allow_unicode: bool = False


@dataclass(frozen=True, slots=True)
class ExpiryReminder:
    days_before: int
    channel: str
    local_time: str
    """"HH:MM" in the offer's time zone."""


@dataclass(frozen=True, slots=True)
class OfferDelivery:
    channel: str = CHANNEL_NONE
    templates: tuple[MessageTemplate, ...] = ()
    reminders: tuple[ExpiryReminder, ...] = ()
    contact_emails: tuple[str, ...] = ()
    """Told (by e-mail) when the offer's issue threshold is reached."""

    def template(self, kind: str, language_code: str = "") -> MessageTemplate | None:
        """The template of `kind` in `language_code`, else the first of that kind."""
        of_kind = [t for t in self.templates if t.kind == kind]
        for template in of_kind:
            if language_code and template.language_code.lower() == language_code.lower():
                return template
        return of_kind[0] if of_kind else None

    def to_json(self) -> dict:
        return {"channel": self.channel,
                "templates": [[t.language_code, t.kind, t.text, t.subject, t.allow_unicode] for t in self.templates],
                "reminders": [[r.days_before, r.channel, r.local_time] for r in self.reminders],
                "contact_emails": list(self.contact_emails)}

    @classmethod
    def from_json(cls, data: dict | None) -> OfferDelivery:
        if not data:
            return cls()
        return cls(data["channel"], tuple(MessageTemplate(*t) for t in data["templates"]),
                   tuple(ExpiryReminder(*r) for r in data["reminders"]), tuple(data.get("contact_emails", ())))


def length_max(channel: str) -> int:
    from core.domain import limits

    return limits.MESSAGE_EMAIL_LENGTH_MAX if channel == CHANNEL_EMAIL else limits.MESSAGE_SMS_LENGTH_MAX


def validate_delivery(delivery: OfferDelivery, prefix: str = "offer.delivery") -> None:
    """The bounds that need no template engine (the tags and lengths: core/adapters/templates.py)."""
    from core.domain import limits
    from core.domain.errors import DomainError, ErrorReason, field_invalid, field_required, field_too_long

    if delivery.channel not in CHANNELS:
        raise field_invalid(f"{prefix}.channel", "NONE, SMS or EMAIL")
    if len(delivery.templates) > limits.MESSAGE_TEMPLATES_MAX:
        raise DomainError(ErrorReason.FIELD_OUT_OF_RANGE, metadata={
            "field": f"{prefix}.templates", "max": str(limits.MESSAGE_TEMPLATES_MAX)})
    seen = set()
    for index, template in enumerate(delivery.templates):
        field = f"{prefix}.templates[{index}]"
        if not template.language_code:
            raise field_required(f"{field}.language_code")
        if len(template.language_code) > limits.MESSAGE_LANGUAGE_CODE_LENGTH_MAX:
            raise field_too_long(f"{field}.language_code", limits.MESSAGE_LANGUAGE_CODE_LENGTH_MAX)
        if template.kind not in TEMPLATE_KINDS:
            raise field_required(f"{field}.kind")
        if (template.language_code.lower(), template.kind) in seen:
            raise field_invalid(f"{field}.language_code", "one template per language and kind")
        seen.add((template.language_code.lower(), template.kind))
        if not template.text.strip():
            raise field_required(f"{field}.text")
        if len(template.subject) > limits.MESSAGE_SUBJECT_LENGTH_MAX:
            raise field_too_long(f"{field}.subject", limits.MESSAGE_SUBJECT_LENGTH_MAX)
        if not template.allow_unicode:
            for part in ("text", "subject"):
                if needs_unicode(getattr(template, part)):
                    raise field_invalid(f"{field}.{part}", "GSM 03.38 characters only, or allow_unicode")
    if len(delivery.reminders) > limits.REMINDERS_PER_OFFER_MAX:
        raise DomainError(ErrorReason.FIELD_OUT_OF_RANGE, metadata={
            "field": f"{prefix}.reminders", "max": str(limits.REMINDERS_PER_OFFER_MAX)})
    for index, reminder in enumerate(delivery.reminders):
        field = f"{prefix}.reminders[{index}]"
        if not 1 <= reminder.days_before <= limits.REMINDER_DAYS_BEFORE_MAX:
            raise DomainError(ErrorReason.FIELD_OUT_OF_RANGE, metadata={
                "field": f"{field}.days_before_expiry", "min": "1", "max": str(limits.REMINDER_DAYS_BEFORE_MAX)})
        if reminder.channel not in (CHANNEL_SMS, CHANNEL_EMAIL):
            raise field_invalid(f"{field}.channel", "SMS or EMAIL")
        if local_minutes(reminder.local_time) is None:
            raise field_invalid(f"{field}.local_time", "HH:MM, 00:00..23:59")
    if len(set(delivery.reminders)) != len(delivery.reminders):
        raise field_invalid(f"{prefix}.reminders", "no duplicates")
    if len(delivery.contact_emails) > limits.OFFER_CONTACT_EMAILS_MAX:
        raise DomainError(ErrorReason.FIELD_OUT_OF_RANGE, metadata={
            "field": f"{prefix}.contact_emails", "max": str(limits.OFFER_CONTACT_EMAILS_MAX)})
    for index, address in enumerate(delivery.contact_emails):
        field = f"{prefix}.contact_emails[{index}]"
        if len(address) > limits.EMAIL_LENGTH_MAX:
            raise field_too_long(field, limits.EMAIL_LENGTH_MAX)
        local, at, domain = address.rpartition("@")
        if not at or not local or "." not in domain or not address.isprintable() or any(c.isspace() for c in address):
            raise field_invalid(field, "an e-mail address")
    if len(set(delivery.contact_emails)) != len(delivery.contact_emails):
        raise field_invalid(f"{prefix}.contact_emails", "no duplicates")
    if delivery.channel != CHANNEL_NONE and delivery.template("issue") is None:
        raise field_required(f"{prefix}.templates (an ISSUE template for channel {delivery.channel})")
    if delivery.reminders and delivery.template("reminder") is None:
        raise field_required(f"{prefix}.templates (a REMINDER template for the reminders)")


def local_minutes(local_time: str) -> int | None:
    """Minutes after midnight of "HH:MM", None when it is not one."""
    if len(local_time) != 5 or local_time[2] != ":" or not (local_time[:2] + local_time[3:]).isdigit():
        return None
    hours, minutes = int(local_time[:2]), int(local_time[3:])
    return hours * 60 + minutes if hours < 24 and minutes < 60 else None
