"""Message templates: Jinja2 in its sandboxed environment (no attribute or method access a
template could abuse, no file loader, autoescape off: the output is plain text for SMS and
e-mail bodies), with the tags of core/domain/messages.py TEMPLATE_TAGS and nothing else.

`check` refuses (at CreateOffer / UpdateOffer) a template that does not parse, that names an
unknown tag, or whose longest rendering (every tag at its longest, core/domain/limits.py) is over
its channel's bound; `render` renders one message (the customer name cut to its bound)."""

from __future__ import annotations

import functools

from jinja2 import StrictUndefined, TemplateSyntaxError, meta
from jinja2.sandbox import SandboxedEnvironment

from core.domain import limits
from core.domain.errors import DomainError, ErrorReason
from core.domain.messages import POINTS_TEMPLATE_TAGS, TEMPLATE_TAGS, OfferDelivery, PointsReminders, length_max


@functools.cache
def _environment() -> SandboxedEnvironment:
    return SandboxedEnvironment(autoescape=False, undefined=StrictUndefined, keep_trailing_newline=False)


def _longest(offer_title: str) -> dict[str, str]:
    return {"code": "W" * limits.MESSAGE_CODE_LENGTH_MAX, "expiry": "9" * limits.MESSAGE_EXPIRY_LENGTH,
            "offer_title": offer_title, "customer_name": "W" * limits.MESSAGE_CUSTOMER_NAME_LENGTH_MAX}


def check_template(source: str, field: str, channel: str, offer_title: str, length_bound: int | None = None, *,
                   tags: tuple[str, ...] = TEMPLATE_TAGS, longest: dict[str, str] | None = None) -> None:
    environment = _environment()
    try:
        parsed = environment.parse(source)
    except TemplateSyntaxError as error:
        raise DomainError(ErrorReason.TEMPLATE_INVALID, f"{field}: {error.message} (line {error.lineno})",
                          {"field": field, "line": str(error.lineno), "why": str(error.message)[:200]}) from None
    unknown = sorted(meta.find_undeclared_variables(parsed) - set(tags))
    if unknown:
        raise DomainError(ErrorReason.TEMPLATE_TAG_UNKNOWN, f"{field} uses unknown tag {unknown[0]!r}",
                          {"field": field, "tag": unknown[0], "tags": ", ".join(tags)})
    bound = length_bound if length_bound is not None else length_max(channel)
    try:
        rendered = environment.from_string(source).render(longest if longest is not None else _longest(offer_title))
    except Exception as error:  # noqa: BLE001 - a sandbox refusal or a filter error at render time.
        raise DomainError(ErrorReason.TEMPLATE_INVALID, f"{field}: {error}",
                          {"field": field, "why": f"{type(error).__name__}: {error}"[:200]}) from None
    if len(rendered) > bound:
        raise DomainError(ErrorReason.MESSAGE_TOO_LONG, f"{field} renders up to {len(rendered)} characters",
                          {"field": field, "length": str(len(rendered)), "length_max": str(bound),
                           "channel": channel})


def check_delivery(delivery: OfferDelivery, offer_title: str, prefix: str = "offer.delivery") -> None:
    """Every template of `delivery`: parses, known tags only, fits the bound of each channel it
    can go on (issue and resend: the offer's channel; reminder: each reminder's channel)."""
    for index, template in enumerate(delivery.templates):
        if template.kind == "reminder":
            channels = {r.channel for r in delivery.reminders} or {delivery.channel}
        else:
            channels = {delivery.channel}
        for channel in sorted(channels):
            check_template(template.text, f"{prefix}.templates[{index}].text", channel, offer_title)
            if template.subject:
                check_template(template.subject, f"{prefix}.templates[{index}].subject", channel, offer_title,
                               limits.MESSAGE_SUBJECT_LENGTH_MAX)


def render(source: str, *, code: str, expiry: str, offer_title: str, customer_name: str) -> str:
    return _environment().from_string(source).render(
        code=code, expiry=expiry, offer_title=offer_title,
        customer_name=customer_name[:limits.MESSAGE_CUSTOMER_NAME_LENGTH_MAX])


# --- points-expiring reminders (a program's; tags POINTS_TEMPLATE_TAGS) -------------------------

POINTS_TEXT_LENGTH_MAX = 19
"""{{ points }} at its longest: a 64-bit count."""


def _points_longest(program_name: str) -> dict[str, str]:
    return {"points": "9" * POINTS_TEXT_LENGTH_MAX, "expiry": "9" * limits.MESSAGE_EXPIRY_LENGTH,
            "program_name": program_name, "customer_name": "W" * limits.MESSAGE_CUSTOMER_NAME_LENGTH_MAX}


def check_points_reminders(settings: PointsReminders | None, program_name: str,
                           prefix: str = "program.points_reminders") -> None:
    """Every template: parses, known tags only, fits the bound of each channel of the reminders."""
    if settings is None:
        return
    channels = sorted({r.channel for r in settings.reminders})
    for index, template in enumerate(settings.templates):
        for channel in channels or ["SMS"]:
            check_template(template.text, f"{prefix}.templates[{index}].text", channel, program_name,
                           tags=POINTS_TEMPLATE_TAGS, longest=_points_longest(program_name))
            if template.subject:
                check_template(template.subject, f"{prefix}.templates[{index}].subject", channel, program_name,
                               limits.MESSAGE_SUBJECT_LENGTH_MAX, tags=POINTS_TEMPLATE_TAGS,
                               longest=_points_longest(program_name))


def render_points(source: str, *, points: int, expiry: str, program_name: str, customer_name: str) -> str:
    return _environment().from_string(source).render(
        points=str(points), expiry=expiry, program_name=program_name,
        customer_name=customer_name[:limits.MESSAGE_CUSTOMER_NAME_LENGTH_MAX])
