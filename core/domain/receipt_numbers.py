"""Receipt numbers (seed 004's `receipt_number`, e.g. "EA/18/00000012"): the program's pattern
and how a number of its sequence is shown. Pure; no I/O."""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo

from core.domain import limits
from core.domain.errors import field_invalid, field_too_long

_TOKEN = re.compile(r"\{(SEQ:(\d+)|YYYY|YY|MM|DD)\}")


def validate_receipt_format(value: str, field_name: str = "program.receipt_number_format") -> None:
    """Empty, or a pattern with exactly one {SEQ:n} (n in 1..18), any of {YYYY} {YY} {MM} {DD}, and
    printable characters with no other '{' or '}'; at most 64 characters."""
    if not value:
        return
    if len(value) > limits.RECEIPT_NUMBER_FORMAT_LENGTH_MAX:
        raise field_too_long(field_name, limits.RECEIPT_NUMBER_FORMAT_LENGTH_MAX)
    if not value.isprintable():
        raise field_invalid(field_name, "printable characters only")
    sequences = [match for match in _TOKEN.finditer(value) if match.group(2) is not None]
    if len(sequences) != 1:
        raise field_invalid(field_name, "exactly one {SEQ:n} token")
    if not 1 <= int(sequences[0].group(2)) <= limits.RECEIPT_SEQUENCE_WIDTH_MAX:
        raise field_invalid(field_name, f"{{SEQ:n}} with n in 1..{limits.RECEIPT_SEQUENCE_WIDTH_MAX}")
    if "{" in _TOKEN.sub("", value) or "}" in _TOKEN.sub("", value):
        raise field_invalid(field_name, "tokens {SEQ:n}, {YYYY}, {YY}, {MM}, {DD}; no other braces")


def format_receipt_number(pattern: str, sequence: int, time_zone: str, when: dt.datetime) -> str:
    """The pattern with its tokens replaced: the sequence zero-padded (shown in full when longer),
    the date of `when` in the program's time zone."""
    local = when.astimezone(zoneinfo.ZoneInfo(time_zone))

    def token(match: re.Match) -> str:
        if match.group(2) is not None:
            return str(sequence).zfill(int(match.group(2)))
        return {"YYYY": f"{local.year:04d}", "YY": f"{local.year % 100:02d}", "MM": f"{local.month:02d}",
                "DD": f"{local.day:02d}"}[match.group(1)]

    return _TOKEN.sub(token, pattern)
