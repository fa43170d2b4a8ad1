"""One codec for every list's page token, and one rule for page sizes.

A token is opaque to clients: the position of the last item returned (a keyset, newest first or
oldest first as the list orders) and a digest of the query's other fields, so a token is refused
(FIELD_INVALID on `page_token`) when it is replayed with different filters or was not made by us.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import json
import uuid
from collections.abc import Callable, Iterable

from core.domain import limits
from core.domain.errors import DomainError, ErrorReason, field_invalid

Position = tuple[object, ...]
TIME: Callable[[object], dt.datetime] = lambda value: dt.datetime.fromisoformat(str(value))  # noqa: E731
UUID: Callable[[object], str] = lambda value: str(uuid.UUID(str(value)))  # noqa: E731
INT: Callable[[object], int] = lambda value: int(str(value))  # noqa: E731
TIME_AND_ID = (TIME, UUID)
"""The usual keyset: (create or issue time, id)."""

_NOT_OURS = "a next_page_token of a request with the same other fields"


def page_size(value: int, default: int = limits.PAGE_SIZE_DEFAULT, maximum: int = limits.PAGE_SIZE_MAX) -> int:
    """The rows one page holds: `default` for 0, at most `maximum`; FIELD_OUT_OF_RANGE below 0."""
    if value < 0:
        raise DomainError(ErrorReason.FIELD_OUT_OF_RANGE, "page_size is negative.",
                          {"field": "page_size", "min": "0"})
    return min(value or default, maximum)


def scope(*parts: object) -> str:
    """A short digest of the query fields a token is only valid with."""
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()[:16]


def query_scope(query: object, ignored: Iterable[str] = ("page_size", "page_token")) -> str:
    """The scope of a slotted query dataclass: every field but the paging ones."""
    skip = set(ignored)
    return scope({name: getattr(query, name) for name in query.__slots__  # type: ignore[attr-defined]
                  if name not in skip})


def encode(position: Position, query: str) -> str:
    """The token for the page after `position` (datetimes as ISO 8601, the rest as JSON)."""
    values = [value.isoformat() if isinstance(value, dt.datetime) else value for value in position]
    raw = json.dumps([query, *values], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode(token: str, query: str, parsers: tuple[Callable[[object], object], ...] = TIME_AND_ID
           ) -> Position | None:
    """The position a page starts after, None for the first page; FIELD_INVALID for a token that
    is malformed, of another shape, or of a request with different other fields."""
    if not token:
        return None
    try:
        digest, *values = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
        if digest != query or len(values) != len(parsers):
            raise ValueError(token)
        return tuple(parse(value) for parse, value in zip(parsers, values, strict=True))
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError):
        raise field_invalid("page_token", _NOT_OURS) from None
