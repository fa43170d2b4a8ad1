"""The fingerprint of the request being served, made by the transport from the request it received.

A mutating request's idempotency fingerprint (core/service/idempotent.py) tells a retry (the same
request again: replayed) from a different request under the same request_id
(IDEMPOTENCY_KEY_REUSED). The transport has the request as a message already: the server's
decoding stage (server/interceptors.py) sets here, for a request with a request_id, the SHA-256 of
the message's deterministic serialization (one byte string per message content, whatever the order
in which a client wrote its fields or map entries), so that the core does not encode the command's
fields again. The core never sees a protobuf type, only the bytes' digest.

It is kept for the RPC's method name and request_id: `execute_once` takes it only for the command
with that request_id under that method, so a command that came another way (an inner command of
another method, a command with its own request_id, no RPC at all) is fingerprinted from its fields
as before. The request_id is part of the bytes hashed; that changes nothing, a fingerprint is only
ever compared with one of the same (client, request_id, method). The value is a ContextVar set once
per call, as the deadline is (core/domain/deadline.py).
"""

from __future__ import annotations

import contextvars

_received: contextvars.ContextVar[tuple[str, str, bytes] | None] = contextvars.ContextVar(
    "rewards_received_fingerprint", default=None)


def set_received(method: str, request_id: str, digest: bytes) -> None:
    """The request of the call being served: its RPC's method name (e.g. `RedeemCoupon`), its
    request_id and the SHA-256 of its deterministic serialization."""
    _received.set((method, request_id, digest))


def received(method: str, request_id: str) -> bytes | None:
    """The digest of the request being served if it is `method`'s with `request_id`, else None."""
    found = _received.get()
    if found is None or found[0] != method or found[1] != request_id or not request_id:
        return None
    return found[2]
