"""Events and webhooks, the pure parts: event types, the delivery body, its signature, backoff.

A delivery is an HTTP POST of JSON

    {"id": <event id>, "type": <event type>, "time": <RFC 3339>, "aggregate": {"type", "id"},
     "payload": {...}}

with the header `x-rewards-signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`
(the raw body bytes, as Stripe signs). A receiver recomputes v1 over the exact body it got,
compares in constant time and refuses a t further than WEBHOOK_SIGNATURE_TOLERANCE_S from its
clock; it de-duplicates on the event id (delivery is at least once).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import ipaddress
import random

from core.domain import limits

SIGNATURE_HEADER = "x-rewards-signature"
EVENT_ID_HEADER = "x-rewards-event-id"

EVENT_TYPES = frozenset({
    "coupon.issued", "coupon.redeemed", "coupon.redemption_reversed", "coupons.revoked",
    "points.earned", "points.redeemed", "points.refunded",
    "basket.captured", "basket.voided",
    "coupon.expiring", "offer.issue_threshold_reached", "offer.ended",
    "points.expiring", "points.expired", "tier.changed",
})
"""Every event type the outbox writes (webhooks subscribe to some of them)."""

STATES = ("pending", "delivered", "failed")


def body(event_id: str, type: str, occurred_at: dt.datetime, aggregate_type: str, aggregate_id: str,
         payload: dict) -> bytes:
    return json.dumps({"id": event_id, "type": type, "time": occurred_at.isoformat(),
                       "aggregate": {"type": aggregate_type, "id": aggregate_id}, "payload": payload},
                      separators=(",", ":"), sort_keys=True, default=str).encode()


def signature(secret: bytes, timestamp: int, payload: bytes) -> str:
    """The x-rewards-signature header value."""
    mac = hmac.new(secret, str(timestamp).encode() + b"." + payload, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={mac}"


def signature_valid(secret: bytes, header: str, payload: bytes, now: int,
                    tolerance_s: int = limits.WEBHOOK_SIGNATURE_TOLERANCE_S) -> bool:
    """A receiver's check (the one the tests use): every v1 is tried, t must be within tolerance."""
    parts = [item.split("=", 1) for item in header.split(",") if "=" in item]
    stamps = [value for key, value in parts if key == "t"]
    if len(stamps) != 1 or not stamps[0].isdigit() or abs(now - int(stamps[0])) > tolerance_s:
        return False
    expected = signature(secret, int(stamps[0]), payload).split("v1=", 1)[1]
    return any(hmac.compare_digest(expected, value) for key, value in parts if key == "v1")


def backoff_s(attempts: int, base_s: float, cap_s: float = limits.EVENT_BACKOFF_MAX_S,
              rng: random.Random | None = None) -> float:
    """Wait before the next attempt after `attempts` failed ones: exponential with full jitter,
    uniform in [base * 2^(attempts-1) / 2, base * 2^(attempts-1)], capped."""
    ceiling = min(cap_s, base_s * 2 ** max(0, attempts - 1))
    return (rng or random).uniform(ceiling / 2, ceiling)


def address_range(address: str) -> str | None:
    """The non-public range an IP address is in (`loopback`, `private`, `link_local`,
    `multicast`, `unspecified`, `reserved`), or None for a public (global unicast) address. An
    IPv4-mapped or 6to4/Teredo-embedded IPv6 address is judged by its IPv4 address."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is not None:
            ip = embedded
    for name, inside in (("unspecified", ip.is_unspecified), ("loopback", ip.is_loopback),
                         ("link_local", ip.is_link_local), ("multicast", ip.is_multicast),
                         ("private", ip.is_private), ("reserved", ip.is_reserved or not ip.is_global)):
        if inside:
            return name
    return None
