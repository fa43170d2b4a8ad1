"""Conversions shared by servicers: times and money between proto and domain types.

A Timestamp or Duration outside the range its well-known type allows (or with nanos out of
range) is bad input: FIELD_INVALID naming the field, never an overflow deeper down."""

from __future__ import annotations

import datetime as dt

from google.protobuf import timestamp_pb2

from core.domain.errors import field_invalid

_TIMESTAMP_SECONDS = (-62_135_596_800, 253_402_300_799)
"""0001-01-01T00:00:00Z .. 9999-12-31T23:59:59Z, the range of google.protobuf.Timestamp."""
_DURATION_SECONDS_MAX = 315_576_000_000
"""About 10,000 years, the range of google.protobuf.Duration."""


def timestamp(value: dt.datetime) -> timestamp_pb2.Timestamp:
    message = timestamp_pb2.Timestamp()
    message.FromDatetime(value.astimezone(dt.timezone.utc))
    return message


def datetime_of(message, name: str, field: str | None = None) -> dt.datetime | None:
    """The Timestamp field `name` of `message` as an aware UTC datetime; None when unset."""
    if not message.HasField(name):
        return None
    value = getattr(message, name)
    if not 0 <= value.nanos < 1_000_000_000 or not _TIMESTAMP_SECONDS[0] <= value.seconds <= _TIMESTAMP_SECONDS[1]:
        raise field_invalid(field or name, "a Timestamp from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z")
    return value.ToDatetime(dt.timezone.utc)


def timedelta_of(message, name: str, field: str | None = None) -> dt.timedelta | None:
    """The Duration field `name` of `message` as a timedelta; None when unset."""
    if not message.HasField(name):
        return None
    value = getattr(message, name)
    if (abs(value.seconds) > _DURATION_SECONDS_MAX or abs(value.nanos) >= 1_000_000_000
            or value.seconds * value.nanos < 0):
        raise field_invalid(field or name, "a Duration of at most 315,576,000,000 seconds, nanos of its sign")
    return value.ToTimedelta()
