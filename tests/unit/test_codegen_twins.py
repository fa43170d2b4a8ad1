"""The compiled coupon-code generator and its pure-Python twin agree: same codes for the same
parameters and calls, same errors for the same bad inputs (hypothesis, differential).

Skipped when the compiled module is not built, unless REWARDS_IMPL=c, which makes it a failure.
"""

from __future__ import annotations

import os
import pickle

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from core._speedups import _py_codegen as twin
from core._speedups._errors import CodeSpaceExhausted

try:
    from core._speedups import codegen as compiled
except ImportError as error:
    compiled = None
    COMPILED_IMPORT_ERROR = str(error)

PRINTABLE = "".join(chr(code) for code in range(0x21, 0x7F))
CONSTANTS = ["ALPHABET_SIZE_MIN", "ALPHABET_SIZE_MAX", "LENGTH_MIN", "LENGTH_MAX",
             "PREFIX_LENGTH_MAX", "SEED_BYTES", "COUNT_MAX", "BLOCK_BYTES"]


@pytest.fixture(autouse=True)
def _compiled_module_is_built():
    if compiled is not None:
        return
    message = f"core._speedups.codegen is not built ({COMPILED_IMPORT_ERROR}); run `make build`"
    if os.environ.get("REWARDS_IMPL") == "c":
        pytest.fail(f"REWARDS_IMPL=c but {message}")
    pytest.skip(message)


def outcome(action):
    """What an action did: ("ok", its result) or ("error", exception type, message)."""
    try:
        return ("ok", action())
    except Exception as error:  # noqa: BLE001 - the very point is to compare any error
        return ("error", type(error), str(error))


def run_calls(module, alphabet, length, prefix, seed, counts):
    generator = module.CodeGenerator(alphabet, length, prefix, seed)
    results = [outcome(lambda count=count: generator.generate(count)) for count in counts]
    return results, generator.generated_count, generator.space_size


alphabets = st.lists(st.sampled_from(PRINTABLE), min_size=2, max_size=64, unique=True).map("".join)
prefixes = st.text(alphabet=PRINTABLE, max_size=32)
seeds = st.binary(min_size=32, max_size=32)


def test_both_have_the_same_limits():
    assert {name: getattr(compiled, name) for name in CONSTANTS} == \
           {name: getattr(twin, name) for name in CONSTANTS}


def test_both_raise_the_one_shared_code_space_exhausted():
    assert compiled.CodeSpaceExhausted is twin.CodeSpaceExhausted is CodeSpaceExhausted


@settings(max_examples=300, deadline=None)
@given(alphabet=alphabets, length=st.integers(1, 16), prefix=prefixes, seed=seeds,
       counts=st.lists(st.integers(0, 400), min_size=1, max_size=5))
def test_both_return_the_same_codes_for_the_same_calls(alphabet, length, prefix, seed, counts):
    assert run_calls(compiled, alphabet, length, prefix, seed, counts) == \
           run_calls(twin, alphabet, length, prefix, seed, counts)


@settings(max_examples=20, deadline=None)
@given(alphabet=alphabets, length=st.integers(8, 16), seed=seeds)
def test_both_agree_on_large_calls_across_many_blocks(alphabet, length, seed):
    assume(len(alphabet) ** length >= 100_000)
    counts = [30_000, 1, 20_000]
    assert run_calls(compiled, alphabet, length, "", seed, counts) == \
           run_calls(twin, alphabet, length, "", seed, counts)


@settings(max_examples=300, deadline=None)
@given(alphabet=st.one_of(st.text(max_size=100), alphabets, st.binary(max_size=4), st.none()),
       length=st.one_of(st.integers(-3, 70), st.just("8"), st.just(8.0)),
       prefix=st.one_of(st.text(max_size=40), prefixes, st.just(b"P")),
       seed=st.one_of(st.none(), st.binary(min_size=0, max_size=40), st.just(bytearray(32))))
def test_both_accept_or_refuse_the_same_parameters_with_the_same_error(alphabet, length, prefix,
                                                                       seed):
    def construct(module):
        module.CodeGenerator(alphabet, length, prefix, seed)
        return "constructed"

    assert outcome(lambda: construct(compiled)) == outcome(lambda: construct(twin))


@pytest.mark.parametrize("count", [-1, 0, 8, 9, 1_000_000, 1_000_001, "1", 1.0, None, True])
def test_both_accept_or_refuse_the_same_counts_with_the_same_error(count):
    # A space of 8 codes: a valid count above 8 is CodeSpaceExhausted, found without drawing.
    results = [outcome(lambda module=module: module.CodeGenerator("AB", 3, "", bytes(32)).generate(count))
               for module in (compiled, twin)]
    assert results[0] == results[1]


def test_both_refuse_to_be_pickled():
    for module in (compiled, twin):
        with pytest.raises(TypeError, match="cannot pickle 'CodeGenerator' object"):
            pickle.dumps(module.CodeGenerator("AB", 3, seed=bytes(32)))
