"""The pure rules of code series: sample codes, series shapes, the 1% code space limit."""

from __future__ import annotations

import pytest

from core.domain.code_series import (ALPHANUMERIC, DEFAULT_ALPHABET, DIGITS, CodeShape, SeriesType,
                                     check_code_space, normalised_import, series_shape, split_sample_code)
from core.domain.errors import DomainError


@pytest.mark.parametrize(("sample", "prefix", "alphabet", "length"), [
    ("AB123", "AB", DIGITS, 3),            # 5 characters: the shortest; the prefix rounds down
    ("SUMR12345", "SUMR", DIGITS, 5),
    ("SUMMER2024", "SUMME", ALPHANUMERIC, 5),
    ("ABCDE12345", "ABCDE", DIGITS, 5),    # 10 characters: the longest
    ("abc1x", "AB", ALPHANUMERIC, 3),      # upper-cased; one letter in the random half: alphanumeric
    ("12345", "12", DIGITS, 3),
    ("1234A", "12", ALPHANUMERIC, 3),
])
def test_a_sample_code_splits_into_its_first_half_as_prefix_and_a_random_half_of_the_same_kind(
        sample, prefix, alphabet, length):
    assert split_sample_code(sample) == CodeShape(alphabet, length, prefix)


@pytest.mark.parametrize("sample", ["ABCD", "ABCDE123456", "AB-12", "AB 12", "ABÉ12", ""])
def test_a_sample_code_of_the_wrong_length_or_characters_is_invalid(sample):
    with pytest.raises(DomainError) as refused:
        split_sample_code(sample)

    assert refused.value.reason.name == "FIELD_INVALID"
    assert refused.value.metadata["field"] == "code_series.sample_code"


def test_a_generated_series_defaults_to_the_unambiguous_alphabet():
    assert series_shape(SeriesType.UNIQUE_GENERATED, "", 10, "", "") == CodeShape(DEFAULT_ALPHABET, 10)


@pytest.mark.parametrize(("length", "ok"), [(5, False), (6, True), (32, True), (33, False)])
def test_the_random_length_is_6_to_32(length, ok):
    if ok:
        assert series_shape(SeriesType.UNIQUE_GENERATED, "", length, "", "").length == length
    else:
        with pytest.raises(DomainError) as refused:
            series_shape(SeriesType.UNIQUE_GENERATED, "", length, "", "")
        assert refused.value.reason.name == "FIELD_OUT_OF_RANGE"


@pytest.mark.parametrize(("existing", "count", "ok"), [(0, 40, True), (0, 41, False), (39, 1, True), (40, 1, False)])
def test_a_series_may_hold_at_most_one_percent_of_its_code_space(existing, count, ok):
    shape = CodeShape("ABCD", 6)  # 4096 possible codes: 40.96 is 1%

    if ok:
        check_code_space(shape, existing, count)
    else:
        with pytest.raises(DomainError) as refused:
            check_code_space(shape, existing, count)
        assert refused.value.reason.name == "CODE_SPACE_TOO_SMALL"
        assert refused.value.metadata["count_max"] == str(40 - existing)


@pytest.mark.parametrize(("sent", "stored"), [
    ("abc", "ABC"), ("A-1", "A-1"), ("x" * 64, "X" * 64), ("ab", None), ("x" * 65, None), ("A_1", None),
    ("A 1", None), ("ÄBC", None)])
def test_an_imported_code_is_3_to_64_characters_of_letters_digits_and_dashes_stored_upper_case(sent, stored):
    assert normalised_import(sent) == stored
