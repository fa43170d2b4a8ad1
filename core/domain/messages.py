"""Messages to people, the pure parts: the `Sender` port, channels, template tags and bounds.

A `Message` goes out on a channel (SMS or EMAIL) to one address through a `Sender`: the SMTP
adapter (core/adapters/email.py), the HTTP SMS gateway adapter (core/adapters/sms.py), or
`Senders` (core/adapters/senders.py) routing by channel. `message_id` is stable for one message
(a coupon's delivery, one reminder, one resend, one OTP): a retried send carries the same id, so
the gateway or the mail client can de-duplicate (delivery is at least once).
"""

from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Sequence
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
    default_language_code: str = ""
    """The language for a holder whose language no template of the kind matches ("": the first)."""

    def template(self, kind: str, language_code: str = "") -> MessageTemplate | None:
        """The template of `kind` for a holder of `language_code` (language_choice: exact, then
        primary language, then the offer's default language, then the first of that kind)."""
        of_kind = [t for t in self.templates if t.kind == kind]
        index = language_choice([t.language_code for t in of_kind], language_code, self.default_language_code)
        return None if index is None else of_kind[index]

    def to_json(self) -> dict:
        data = {"channel": self.channel,
                "templates": [[t.language_code, t.kind, t.text, t.subject, t.allow_unicode] for t in self.templates],
                "reminders": [[r.days_before, r.channel, r.local_time] for r in self.reminders],
                "contact_emails": list(self.contact_emails)}
        if self.default_language_code:
            data["default_language_code"] = self.default_language_code
        return data

    @classmethod
    def from_json(cls, data: dict | None) -> OfferDelivery:
        if not data:
            return cls()
        return cls(data["channel"], tuple(MessageTemplate(*t) for t in data["templates"]),
                   tuple(ExpiryReminder(*r) for r in data["reminders"]), tuple(data.get("contact_emails", ())),
                   data.get("default_language_code", ""))


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
    if delivery.default_language_code and delivery.default_language_code.lower() not in {
            t.language_code.lower() for t in delivery.templates}:
        raise field_invalid(f"{prefix}.default_language_code", "the language of one of the templates")


def local_minutes(local_time: str) -> int | None:
    """Minutes after midnight of "HH:MM", None when it is not one."""
    if len(local_time) != 5 or local_time[2] != ":" or not (local_time[:2] + local_time[3:]).isdigit():
        return None
    hours, minutes = int(local_time[:2]), int(local_time[3:])
    return hours * 60 + minutes if hours < 24 and minutes < 60 else None


# --- languages ---------------------------------------------------------------------------------

_LANGUAGE_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")


def language_valid(tag: str) -> bool:
    """A BCP 47-shaped tag: 2..8 letters, then '-'-separated subtags of 1..8 letters or digits."""
    from core.domain import limits

    if not tag or len(tag) > limits.MESSAGE_LANGUAGE_CODE_LENGTH_MAX or not set(tag) <= _LANGUAGE_CHARS:
        return False
    primary, *rest = tag.split("-")
    return 2 <= len(primary) <= 8 and primary.isalpha() and all(1 <= len(part) <= 8 for part in rest)


def primary_language(tag: str) -> str:
    return tag.split("-", 1)[0].lower()


def language_choice(available: Sequence[str], wanted: str, default: str = "") -> int | None:
    """Which of the `available` languages (index) a message to someone of language `wanted`
    uses: the exact tag (case-insensitive), else the first with its primary language ("de-CH"
    takes "de", "de" takes "de-AT"), else `default` the same way, else the first; None if
    there is none."""
    if not available:
        return None
    for language in (wanted, default):
        if not language:
            continue
        lowered = [tag.lower() for tag in available]
        if language.lower() in lowered:
            return lowered.index(language.lower())
        primaries = [primary_language(tag) for tag in available]
        if primary_language(language) in primaries:
            return primaries.index(primary_language(language))
    return 0


# --- a program's points-expiring reminders -----------------------------------------------------

POINTS_TEMPLATE_TAGS = ("points", "expiry", "program_name", "customer_name")
"""The tags a points reminder template may use."""


@dataclass(frozen=True, slots=True)
class PointsReminder:
    days_before: int
    channel: str
    local_time: str
    """"HH:MM" in the program's time zone."""

    @property
    def key(self) -> str:
        """The reminder's key in `messages` (with the account and expiry: sent once)."""
        return f"{self.days_before}d@{self.local_time}/{self.channel}"


@dataclass(frozen=True, slots=True)
class PointsTemplate:
    language_code: str
    text: str
    subject: str = ""
    allow_unicode: bool = False


@dataclass(frozen=True, slots=True)
class PointsReminders:
    reminders: tuple[PointsReminder, ...] = ()
    templates: tuple[PointsTemplate, ...] = ()
    default_language_code: str = ""

    def template(self, language_code: str = "") -> PointsTemplate | None:
        index = language_choice([t.language_code for t in self.templates], language_code,
                                self.default_language_code)
        return None if index is None else self.templates[index]

    def to_json(self) -> dict:
        return {"reminders": [[r.days_before, r.channel, r.local_time] for r in self.reminders],
                "templates": [[t.language_code, t.text, t.subject, t.allow_unicode] for t in self.templates],
                "default_language_code": self.default_language_code}

    @classmethod
    def from_json(cls, data: dict | None) -> PointsReminders | None:
        if not data:
            return None
        return cls(tuple(PointsReminder(*r) for r in data["reminders"]),
                   tuple(PointsTemplate(*t) for t in data["templates"]), data.get("default_language_code", ""))


def validate_points_reminders(settings: PointsReminders | None, prefix: str = "program.points_reminders") -> None:
    """The bounds that need no template engine (tags and lengths: core/adapters/templates.py)."""
    from core.domain import limits
    from core.domain.errors import DomainError, ErrorReason, field_invalid, field_required, field_too_long

    if settings is None:
        return
    if len(settings.reminders) > limits.REMINDERS_PER_OFFER_MAX:
        raise DomainError(ErrorReason.FIELD_OUT_OF_RANGE, metadata={
            "field": f"{prefix}.reminders", "max": str(limits.REMINDERS_PER_OFFER_MAX)})
    for index, reminder in enumerate(settings.reminders):
        field = f"{prefix}.reminders[{index}]"
        if not 1 <= reminder.days_before <= limits.REMINDER_DAYS_BEFORE_MAX:
            raise DomainError(ErrorReason.FIELD_OUT_OF_RANGE, metadata={
                "field": f"{field}.days_before_expiry", "min": "1", "max": str(limits.REMINDER_DAYS_BEFORE_MAX)})
        if reminder.channel not in (CHANNEL_SMS, CHANNEL_EMAIL):
            raise field_invalid(f"{field}.channel", "SMS or EMAIL")
        if local_minutes(reminder.local_time) is None:
            raise field_invalid(f"{field}.local_time", "HH:MM, 00:00..23:59")
    if len(set(settings.reminders)) != len(settings.reminders):
        raise field_invalid(f"{prefix}.reminders", "no duplicates")
    if len(settings.templates) > limits.MESSAGE_TEMPLATES_MAX:
        raise DomainError(ErrorReason.FIELD_OUT_OF_RANGE, metadata={
            "field": f"{prefix}.templates", "max": str(limits.MESSAGE_TEMPLATES_MAX)})
    seen = set()
    for index, template in enumerate(settings.templates):
        field = f"{prefix}.templates[{index}]"
        if not template.language_code:
            raise field_required(f"{field}.language_code")
        if not language_valid(template.language_code):
            raise field_invalid(f"{field}.language_code", "a BCP 47 language tag")
        if template.language_code.lower() in seen:
            raise field_invalid(f"{field}.language_code", "one template per language")
        seen.add(template.language_code.lower())
        if not template.text.strip():
            raise field_required(f"{field}.text")
        if len(template.subject) > limits.MESSAGE_SUBJECT_LENGTH_MAX:
            raise field_too_long(f"{field}.subject", limits.MESSAGE_SUBJECT_LENGTH_MAX)
        if not template.allow_unicode:
            for part in ("text", "subject"):
                if needs_unicode(getattr(template, part)):
                    raise field_invalid(f"{field}.{part}", "GSM 03.38 characters only, or allow_unicode")
    if settings.reminders and not settings.templates:
        raise field_required(f"{prefix}.templates (a template for the reminders)")
    if settings.default_language_code and settings.default_language_code.lower() not in seen:
        raise field_invalid(f"{prefix}.default_language_code", "the language of one of the templates")
