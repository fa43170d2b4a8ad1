"""Code series: where the codes of an offer come from, and the rules a series must keep.

Pure functions over plain values: what a sample code means, which alphabets and lengths are
allowed, and whether a number of codes still fits the series' code space.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from core.domain import limits
from core.domain.errors import DomainError, ErrorReason, field_invalid, field_required

DEFAULT_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
"""32 characters that cannot be misread for one another: no 0/O, no 1/I."""
DIGITS = "0123456789"
ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"

_ALPHABET_CHARACTERS = frozenset(ALPHANUMERIC)
_PREFIX = re.compile(r"[0-9A-Z-]{1,%d}" % limits.CODE_SERIES_PREFIX_LENGTH_MAX)
_SAMPLE = re.compile(r"[0-9A-Za-z]{%d,%d}" % (limits.SAMPLE_CODE_LENGTH_MIN, limits.SAMPLE_CODE_LENGTH_MAX))
_IMPORTED = re.compile(r"[0-9A-Za-z-]{%d,%d}" % (limits.IMPORTED_CODE_LENGTH_MIN, limits.IMPORTED_CODE_LENGTH_MAX))


class SeriesType(enum.IntEnum):
    """The numbers are the contract's CodeSeriesType."""

    UNIQUE_GENERATED = 1
    COMMON = 2
    IMPORTED = 3
    RANDOM_WITH_PREFIX = 4

    @property
    def generated(self) -> bool:
        return self in (SeriesType.UNIQUE_GENERATED, SeriesType.RANDOM_WITH_PREFIX)


@dataclass(frozen=True, slots=True)
class CodeShape:
    """How the codes of a generated series look: prefix + `length` characters of `alphabet`."""

    alphabet: str
    length: int
    prefix: str = ""

    @property
    def space_size(self) -> int:
        return len(self.alphabet) ** self.length


def split_sample_code(sample: str) -> CodeShape:
    """A sample code's shape: its first half (rounded down) is the fixed prefix, the rest is
    random of the same kind and length (digits if the rest is all digits, else [0-9A-Z])."""
    if not _SAMPLE.fullmatch(sample):
        raise field_invalid("code_series.sample_code",
                            f"{limits.SAMPLE_CODE_LENGTH_MIN}..{limits.SAMPLE_CODE_LENGTH_MAX} characters of [0-9A-Za-z]")
    sample = sample.upper()
    half = len(sample) // 2
    random_part = sample[half:]
    return CodeShape(DIGITS if random_part.isdigit() else ALPHANUMERIC, len(random_part), sample[:half])


def series_shape(kind: SeriesType, alphabet: str, length: int, prefix: str, sample_code: str) -> CodeShape:
    """The shape of a new series of `kind` from its request fields (FIELD_* errors on bad input)."""
    if kind is SeriesType.IMPORTED:
        if alphabet or length or prefix or sample_code:
            raise field_invalid("code_series", "an IMPORTED series takes no alphabet, length, prefix or sample_code")
        return CodeShape("", 0)
    if sample_code:
        if kind is not SeriesType.RANDOM_WITH_PREFIX:
            raise field_invalid("code_series.sample_code", "only for RANDOM_WITH_PREFIX")
        if alphabet or length or prefix:
            raise field_invalid("code_series.sample_code", "instead of alphabet, length and prefix, not with them")
        return split_sample_code(sample_code)
    alphabet = alphabet or DEFAULT_ALPHABET
    if (not limits.CODE_SERIES_ALPHABET_SIZE_MIN <= len(alphabet) <= limits.CODE_SERIES_ALPHABET_SIZE_MAX
            or len(set(alphabet)) != len(alphabet) or not set(alphabet) <= _ALPHABET_CHARACTERS):
        raise field_invalid("code_series.alphabet", "2..36 distinct characters of [0-9A-Z]")
    if not limits.CODE_SERIES_LENGTH_MIN <= length <= limits.CODE_SERIES_LENGTH_MAX:
        raise DomainError(ErrorReason.FIELD_OUT_OF_RANGE, metadata={
            "field": "code_series.length", "min": limits.CODE_SERIES_LENGTH_MIN, "max": limits.CODE_SERIES_LENGTH_MAX})
    if kind is SeriesType.RANDOM_WITH_PREFIX:
        if not prefix:
            raise field_required("code_series.prefix")
        if not _PREFIX.fullmatch(prefix):
            raise field_invalid("code_series.prefix", "1..16 characters of [0-9A-Z-]")
    elif prefix:
        raise field_invalid("code_series.prefix", "only for RANDOM_WITH_PREFIX")
    return CodeShape(alphabet, length, prefix)


def check_code_space(shape: CodeShape, existing_count: int, count: int) -> None:
    """CODE_SPACE_TOO_SMALL when the series would hold more than 1% of its possible codes."""
    total = existing_count + count
    if total * 100 > shape.space_size * limits.CODE_SPACE_FILL_PERCENT_MAX:
        raise DomainError(ErrorReason.CODE_SPACE_TOO_SMALL, metadata={
            "space_size": shape.space_size, "code_count": existing_count, "count": count,
            "count_max": max(0, shape.space_size * limits.CODE_SPACE_FILL_PERCENT_MAX // 100 - existing_count)})


def normalised_import(code: str) -> str | None:
    """An imported code as stored (upper case), or None if it is malformed."""
    return code.upper() if _IMPORTED.fullmatch(code) else None
