"""The idempotency fingerprint takes the transport's digest of the request only for the command
it belongs to (core/domain/received.py): same method, same request_id; else the command's fields."""

from __future__ import annotations

import contextvars
from dataclasses import dataclass

from core.domain.received import set_received
from core.service.idempotent import fingerprint


@dataclass(frozen=True)
class Redeem:
    request_id: str
    code: str


DIGEST = b"\x01" * 32


def in_call(*calls):
    """`calls` run in one fresh context (one RPC's), the received request set first."""
    def run():
        set_received("RedeemCoupon", "r-1", DIGEST)
        return [call() for call in calls]
    return contextvars.copy_context().run(run)


def test_the_received_digest_is_the_fingerprint_of_its_own_command():
    assert in_call(lambda: fingerprint(Redeem("r-1", "A"), "RedeemCoupon")) == [DIGEST]


def test_another_method_another_request_id_or_no_rpc_fingerprint_the_fields():
    by_fields = fingerprint(Redeem("r-1", "A"), "RedeemCoupon")  # No request received here.

    other_method, other_id, no_method = in_call(lambda: fingerprint(Redeem("r-1", "A"), "IssueCoupon"),
                                                lambda: fingerprint(Redeem("r-2", "A"), "RedeemCoupon"),
                                                lambda: fingerprint(Redeem("r-1", "A")))

    assert by_fields != DIGEST and len(by_fields) == 32
    assert other_method == by_fields and no_method == by_fields
    assert other_id == fingerprint(Redeem("r-2", "A")) != DIGEST
    assert fingerprint(Redeem("r-1", "B")) != by_fields  # The fields still tell payloads apart.
