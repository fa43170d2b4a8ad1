"""Offer delivery settings and ResendCoupon: proto <-> core (thin)."""

from __future__ import annotations

from rewards.coupons.v1 import coupon_service_pb2 as coupon_api
from rewards.coupons.v1 import resources_pb2 as resources

from core.domain.messages import CHANNEL_EMAIL, CHANNEL_NONE, CHANNEL_SMS, ExpiryReminder, MessageTemplate, OfferDelivery
from core.service.messages import Messenger, ResendCoupon

_CHANNELS = {resources.DELIVERY_CHANNEL_UNSPECIFIED: CHANNEL_NONE, resources.DELIVERY_CHANNEL_NONE: CHANNEL_NONE,
             resources.DELIVERY_CHANNEL_SMS: CHANNEL_SMS, resources.DELIVERY_CHANNEL_EMAIL: CHANNEL_EMAIL}
_CHANNELS_OUT = {CHANNEL_NONE: resources.DELIVERY_CHANNEL_NONE, CHANNEL_SMS: resources.DELIVERY_CHANNEL_SMS,
                 CHANNEL_EMAIL: resources.DELIVERY_CHANNEL_EMAIL}
_KINDS = {resources.MESSAGE_KIND_ISSUE: "issue", resources.MESSAGE_KIND_RESEND: "resend",
          resources.MESSAGE_KIND_REMINDER: "reminder"}
_KINDS_OUT = {value: key for key, value in _KINDS.items()}


def _channel(value: int) -> str:
    return _CHANNELS.get(value, f"unknown channel {value}")


def delivery_from_proto(delivery: resources.OfferDelivery) -> OfferDelivery:
    return OfferDelivery(
        _channel(delivery.channel),
        tuple(MessageTemplate(t.language_code, _KINDS.get(t.kind, ""), t.text, t.subject, t.allow_unicode)
              for t in delivery.templates),
        tuple(ExpiryReminder(r.days_before_expiry, _channel(r.channel), r.local_time) for r in delivery.reminders),
        tuple(delivery.contact_emails), delivery.default_language_code)


def delivery_to_proto(delivery: OfferDelivery) -> resources.OfferDelivery:
    return resources.OfferDelivery(
        channel=_CHANNELS_OUT[delivery.channel],
        templates=[resources.MessageTemplate(language_code=t.language_code, kind=_KINDS_OUT[t.kind], text=t.text,
                                             subject=t.subject, allow_unicode=t.allow_unicode)
                   for t in delivery.templates],
        reminders=[resources.ExpiryReminder(days_before_expiry=r.days_before, channel=_CHANNELS_OUT[r.channel],
                                            local_time=r.local_time) for r in delivery.reminders],
        contact_emails=list(delivery.contact_emails), default_language_code=delivery.default_language_code)


async def resend_coupon(messenger: Messenger, request: coupon_api.ResendCouponRequest,
                        caller) -> coupon_api.ResendCouponResponse:
    resent = await messenger.resend_coupon(ResendCoupon(request.request_id, request.code, request.account_id), caller)
    return coupon_api.ResendCouponResponse(message_id=resent.message_id, channel=_CHANNELS_OUT[resent.channel])
