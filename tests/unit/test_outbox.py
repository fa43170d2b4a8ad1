"""The pure parts of webhook delivery: the Stripe-like signature, its tolerance, the backoff."""

from __future__ import annotations

import hashlib
import hmac
import random

from core.domain import limits
from core.domain.outbox import backoff_s, signature, signature_valid

SECRET = b"0123456789abcdef" * 4
BODY = b'{"id":"e1","type":"points.earned"}'


def test_the_signature_is_hmac_sha256_of_timestamp_dot_body():
    expected = hmac.new(SECRET, b"1700000000." + BODY, hashlib.sha256).hexdigest()

    assert signature(SECRET, 1_700_000_000, BODY) == f"t=1700000000,v1={expected}"


def test_a_receiver_accepts_up_to_the_tolerance_and_refuses_beyond_or_a_changed_body():
    header = signature(SECRET, 1_700_000_000, BODY)
    tolerance = limits.WEBHOOK_SIGNATURE_TOLERANCE_S

    assert signature_valid(SECRET, header, BODY, 1_700_000_000 + tolerance)
    assert signature_valid(SECRET, header, BODY, 1_700_000_000 - tolerance)
    assert not signature_valid(SECRET, header, BODY, 1_700_000_000 + tolerance + 1)
    assert not signature_valid(SECRET, header, BODY + b" ", 1_700_000_000)
    assert not signature_valid(b"another secret", header, BODY, 1_700_000_000)
    assert not signature_valid(SECRET, "v1=" + header.split("v1=")[1], BODY, 1_700_000_000)


def test_backoff_doubles_with_full_jitter_and_is_capped():
    rng = random.Random(7)
    for attempts in range(1, 8):
        ceiling = 2.0 * 2 ** (attempts - 1)
        waits = [backoff_s(attempts, 2.0, rng=rng) for _ in range(200)]
        assert all(ceiling / 2 <= wait <= ceiling for wait in waits)
        assert max(waits) - min(waits) > ceiling / 4  # jittered, not constant
    assert all(limits.EVENT_BACKOFF_MAX_S / 2 <= backoff_s(40, 2.0, rng=rng) <= limits.EVENT_BACKOFF_MAX_S
               for _ in range(100))
