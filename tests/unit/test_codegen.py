"""The coupon-code generator, through `core.codegen`: runs on whichever implementation
REWARDS_IMPL selects (CI runs the suite under both `c` and `python`)."""

from __future__ import annotations

import hashlib
import itertools
import os
import string
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from core import codegen
from core._speedups import _errors
from core.codegen import DEFAULT_ALPHABET, CodeGenerator, CodeSpaceExhausted

ROOT = Path(__file__).resolve().parents[2]
PRINTABLE = "".join(chr(code) for code in range(0x21, 0x7F))
SEED = bytes(range(32))
OTHER_SEED = bytes(range(1, 33))

CHI_SQUARE_CRITICAL = {2: 27.631, 31: 83.643, 93: 172.747}
"""Chi-square values exceeded with probability 1e-6 for these degrees of freedom
(scipy.stats.chi2.isf(1e-6, df); for df=2 it is exactly -2 ln 1e-6)."""


def reference_codes(alphabet: str, length: int, prefix: str, seed: bytes, count: int) -> list[str]:
    """The documented rule written out byte by byte, independently of both implementations."""
    limit = 256 - 256 % len(alphabet)

    def characters():
        for block_index in itertools.count():
            block = hashlib.shake_256(seed + block_index.to_bytes(8, "big")).digest(65536)
            for byte in block:
                if byte < limit:
                    yield alphabet[byte % len(alphabet)]

    stream = characters()
    seen: set[str] = set()
    codes = []
    while len(codes) < count:
        code = prefix + "".join(itertools.islice(stream, length))
        if code not in seen:
            seen.add(code)
            codes.append(code)
    return codes


def import_codegen_in_a_new_interpreter(implementation: str | None, block_compiled: bool = False):
    """Imports core.codegen in a fresh interpreter; returns (returncode, stdout, stderr)."""
    environment = {key: value for key, value in os.environ.items() if key != "REWARDS_IMPL"}
    if implementation is not None:
        environment["REWARDS_IMPL"] = implementation
    block = "import sys; sys.modules['core._speedups.codegen'] = None; " if block_compiled else ""
    program = block + "import core.codegen as c; print(c.IMPLEMENTATION)"
    result = subprocess.run([sys.executable, "-c", program], cwd=ROOT, env=environment,
                            capture_output=True, text=True, timeout=60)
    return result.returncode, result.stdout.strip(), result.stderr


# Choosing the implementation.

def test_the_implementation_is_the_one_rewards_impl_forces():
    requested = os.environ.get("REWARDS_IMPL", "")
    if requested:
        assert codegen.IMPLEMENTATION == requested
    else:
        assert codegen.IMPLEMENTATION in ("c", "python")


def test_rewards_impl_python_selects_the_twin():
    assert import_codegen_in_a_new_interpreter("python")[:2] == (0, "python")


def test_an_unknown_rewards_impl_is_a_value_error():
    returncode, _, stderr = import_codegen_in_a_new_interpreter("cython")
    assert returncode != 0
    assert "ValueError: REWARDS_IMPL must be 'c', 'python' or unset, got 'cython'" in stderr


def test_rewards_impl_c_without_the_compiled_module_fails_and_says_to_build_it():
    returncode, _, stderr = import_codegen_in_a_new_interpreter("c", block_compiled=True)
    assert returncode != 0
    assert "ImportError" in stderr and "run `make build`" in stderr


def test_without_rewards_impl_a_missing_compiled_module_falls_back_to_the_twin():
    assert import_codegen_in_a_new_interpreter(None, block_compiled=True)[:2] == (0, "python")


def test_code_space_exhausted_is_the_one_shared_class():
    assert CodeSpaceExhausted is _errors.CodeSpaceExhausted
    assert issubclass(CodeSpaceExhausted, Exception)


# Parameter validation, at each boundary.

@pytest.mark.parametrize(("alphabet", "accepted"), [
    ("A", False),
    ("AB", True),
    (PRINTABLE, True),  # 94: every printable non-space ASCII character
    (PRINTABLE + "A", False),  # 95 cannot be distinct printable ASCII
    ("".join(chr(code) for code in range(256)), False),
    ("".join(chr(code) for code in range(257)), False),
], ids=["1", "2", "94", "95", "256", "257"])
def test_the_alphabet_must_have_2_to_94_characters(alphabet, accepted):
    if accepted:
        assert CodeGenerator(alphabet, 1, seed=SEED).space_size == len(alphabet)
    else:
        with pytest.raises(ValueError, match=f"alphabet must have 2 to 94 characters, got {len(alphabet)}"):
            CodeGenerator(alphabet, 1, seed=SEED)


def test_an_alphabet_with_a_duplicate_character_is_refused():
    with pytest.raises(ValueError, match="alphabet has the character 'A' more than once"):
        CodeGenerator("ABCA", 4, seed=SEED)


@pytest.mark.parametrize("alphabet", ["ABÉ", "A B", "AB\t", "AB\x7f", "AB\x00", "AB€"])
def test_an_alphabet_outside_printable_non_space_ascii_is_refused(alphabet):
    with pytest.raises(ValueError, match="alphabet may hold only printable non-space ASCII"):
        CodeGenerator(alphabet, 4, seed=SEED)


@pytest.mark.parametrize(("length", "accepted"), [(0, False), (1, True), (64, True), (65, False)])
def test_the_length_must_be_1_to_64(length, accepted):
    if accepted:
        generator = CodeGenerator("AB", length, seed=SEED)
        assert [len(code) for code in generator.generate(2)] == [length] * 2
    else:
        with pytest.raises(ValueError, match=f"length must be 1 to 64, got {length}"):
            CodeGenerator("AB", length, seed=SEED)


@pytest.mark.parametrize(("prefix_length", "accepted"), [(0, True), (32, True), (33, False)])
def test_the_prefix_may_have_up_to_32_characters(prefix_length, accepted):
    prefix = "P" * prefix_length
    if accepted:
        assert CodeGenerator("AB", 4, prefix=prefix, seed=SEED).generate(1)[0][:-4] == prefix
    else:
        with pytest.raises(ValueError, match="prefix must have at most 32 characters, got 33"):
            CodeGenerator("AB", 4, prefix=prefix, seed=SEED)


@pytest.mark.parametrize("prefix", ["SUMMER 24", "ÉTÉ-", "\n"])
def test_a_prefix_outside_printable_non_space_ascii_is_refused(prefix):
    with pytest.raises(ValueError, match="prefix may hold only printable non-space ASCII"):
        CodeGenerator("AB", 4, prefix=prefix, seed=SEED)


@pytest.mark.parametrize(("seed_bytes", "accepted"), [(31, False), (32, True), (33, False)])
def test_the_seed_must_be_exactly_32_bytes(seed_bytes, accepted):
    seed = bytes(seed_bytes)
    if accepted:
        assert CodeGenerator("AB", 4, seed=seed).generate(1)
    else:
        with pytest.raises(ValueError, match=f"seed must be exactly 32 bytes, got {seed_bytes}"):
            CodeGenerator("AB", 4, seed=seed)


@pytest.mark.parametrize(("arguments", "message"), [
    ((b"AB", 4), "alphabet must be a str, not bytes"),
    (("AB", "4"), "length must be an int, not str"),
    (("AB", 4.0), "length must be an int, not float"),
    (("AB", 4, b"P-"), "prefix must be a str, not bytes"),
    (("AB", 4, "", bytearray(32)), "seed must be bytes or None, not bytearray"),
])
def test_parameters_of_the_wrong_type_are_type_errors(arguments, message):
    with pytest.raises(TypeError, match=message):
        CodeGenerator(*arguments)


@pytest.mark.parametrize(("count", "accepted"), [(-1, False), (0, True), (1, True),
                                                 (1_000_000, True), (1_000_001, False)])
def test_one_call_generates_0_to_1_000_000_codes(count, accepted):
    generator = CodeGenerator(DEFAULT_ALPHABET, 10, seed=SEED)
    if accepted:
        assert len(generator.generate(count)) == count
        assert generator.generated_count == count
    else:
        with pytest.raises(ValueError, match=f"count must be 0 to 1000000, got {count}"):
            generator.generate(count)
        assert generator.generated_count == 0


@pytest.mark.parametrize("count", ["3", 3.0, None])
def test_a_count_that_is_not_an_int_is_a_type_error(count):
    with pytest.raises(TypeError, match="count must be an int"):
        CodeGenerator("AB", 4, seed=SEED).generate(count)


def test_without_a_seed_each_generator_draws_its_own_codes():
    first = CodeGenerator(DEFAULT_ALPHABET, 16).generate(5)
    second = CodeGenerator(DEFAULT_ALPHABET, 16).generate(5)
    assert first != second


# What the codes look like.

def test_every_code_is_the_prefix_then_length_characters_of_the_alphabet():
    codes = CodeGenerator("XYZ123", 12, prefix="SUMMER-24/", seed=SEED).generate(5_000)
    assert all(len(code) == len("SUMMER-24/") + 12 for code in codes)
    assert all(code.startswith("SUMMER-24/") for code in codes)
    assert set("".join(code[len("SUMMER-24/"):] for code in codes)) == set("XYZ123")


def test_the_space_size_is_the_alphabet_size_to_the_power_of_the_length():
    assert CodeGenerator("AB", 3, seed=SEED).space_size == 8
    assert CodeGenerator(DEFAULT_ALPHABET, 10, seed=SEED).space_size == 32 ** 10
    assert CodeGenerator(PRINTABLE, 64, seed=SEED).space_size == 94 ** 64


@pytest.mark.parametrize("alphabet", ["abc", DEFAULT_ALPHABET, PRINTABLE[:86], PRINTABLE],
                         ids=["3", "32", "86", "94"])
def test_codes_follow_the_documented_byte_stream_and_rejection_rule(alphabet):
    # 20_000 codes of 20 characters cross several 64 KiB blocks; with 86 characters a third of
    # the bytes are rejected (256 % 86 = 84).
    generator = CodeGenerator(alphabet, 20, prefix="R-", seed=SEED)
    assert generator.generate(20_000) == reference_codes(alphabet, 20, "R-", SEED, 20_000)


def test_the_same_seed_gives_the_same_codes():
    first = CodeGenerator(DEFAULT_ALPHABET, 10, seed=SEED).generate(1_000)
    second = CodeGenerator(DEFAULT_ALPHABET, 10, seed=SEED).generate(1_000)
    assert first == second


def test_the_stream_carries_on_across_calls():
    whole = CodeGenerator(DEFAULT_ALPHABET, 10, seed=SEED).generate(10_000)
    generator = CodeGenerator(DEFAULT_ALPHABET, 10, seed=SEED)
    pieces = [*generator.generate(1), *generator.generate(0), *generator.generate(6_999),
              *generator.generate(3_000)]
    assert pieces == whole


def test_different_seeds_give_different_codes():
    first = CodeGenerator(DEFAULT_ALPHABET, 10, seed=SEED).generate(1_000)
    second = CodeGenerator(DEFAULT_ALPHABET, 10, seed=OTHER_SEED).generate(1_000)
    assert not set(first) & set(second)


@pytest.mark.parametrize(("alphabet", "length", "code_count"), [
    (DEFAULT_ALPHABET, 10, 20_000),  # 200_000 characters
    # 256 % 3 = 1: a modulo-biased draw (accepting byte 255 as alphabet[0]) would push the
    # statistic to about 90 on 3_000_000 characters, far above the critical 27.6.
    ("ABC", 20, 150_000),
    # 256 % 94 = 68: modulo bias would give 68 characters 3/256 and 26 only 2/256.
    (PRINTABLE, 10, 20_000),
], ids=["32", "3", "94"])
def test_characters_are_uniform_without_modulo_bias(alphabet, length, code_count):
    codes = CodeGenerator(alphabet, length, seed=SEED).generate(code_count)
    counts = Counter("".join(codes))
    expected = length * code_count / len(alphabet)
    statistic = sum((counts[character] - expected) ** 2 / expected for character in alphabet)
    assert statistic < CHI_SQUARE_CRITICAL[len(alphabet) - 1]


# Uniqueness and exhaustion.

def test_a_space_of_8_codes_gives_all_8_then_is_exhausted():
    generator = CodeGenerator("AB", 3, seed=SEED)
    codes = generator.generate(8)
    assert sorted(codes) == ["".join(letters) for letters in itertools.product("AB", repeat=3)]
    assert generator.generated_count == 8
    assert generator.generate(0) == []
    with pytest.raises(CodeSpaceExhausted, match="1 codes requested but only 0 of the 8"):
        generator.generate(1)
    assert generator.generated_count == 8


def test_asking_for_more_than_the_space_raises_before_drawing_anything():
    generator = CodeGenerator("AB", 3, seed=SEED)
    with pytest.raises(CodeSpaceExhausted, match="9 codes requested but only 8 of the 8"):
        generator.generate(9)
    assert generator.generated_count == 0
    assert generator.generate(8) == CodeGenerator("AB", 3, seed=SEED).generate(8)


def test_collisions_are_redrawn_so_no_code_repeats_across_calls():
    generator = CodeGenerator("AB", 10, prefix="C", seed=SEED)  # 1_024 codes
    codes = [code for _ in range(100) for code in generator.generate(10)]
    codes += generator.generate(24)
    assert len(set(codes)) == len(codes) == 1_024 == generator.generated_count
    with pytest.raises(CodeSpaceExhausted):
        generator.generate(1)


def test_one_code_at_a_time_fills_a_small_space_without_repeats():
    generator = CodeGenerator("abc", 5, seed=SEED)  # 243 codes
    codes = [generator.generate(1)[0] for _ in range(243)]
    assert len(set(codes)) == 243


def test_the_default_alphabet_has_32_unambiguous_characters():
    assert len(set(DEFAULT_ALPHABET)) == len(DEFAULT_ALPHABET) == 32
    assert not set(DEFAULT_ALPHABET) & set("0O1I")
    assert set(DEFAULT_ALPHABET) <= set(string.ascii_uppercase + string.digits)
