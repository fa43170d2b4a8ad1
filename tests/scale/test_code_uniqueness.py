"""Scale checks that take seconds to tens of seconds (the pure-Python twin is ~10x slower than the
compiled one): kept out of tests/unit, which stays a sub-10-second loop, and run by `make test`."""

from __future__ import annotations

from core.codegen import DEFAULT_ALPHABET, CodeGenerator

SEED = bytes(range(32))


def test_ten_million_codes_of_length_10_are_unique():
    generator = CodeGenerator(DEFAULT_ALPHABET, 10, seed=SEED)
    seen: set[str] = set()
    for _ in range(10):
        seen.update(generator.generate(1_000_000))
    assert len(seen) == 10_000_000 == generator.generated_count
