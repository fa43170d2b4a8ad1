"""Coupon codes: unique random codes of a chosen alphabet and length behind a fixed prefix.

    generator = CodeGenerator(DEFAULT_ALPHABET, 10, prefix="SUMMER-")
    codes = generator.generate(1_000)   # never repeats a code this generator returned

The work is done by the compiled `core._speedups.codegen` or by its pure-Python twin
`core._speedups._py_codegen` (identical interface and outputs), chosen at import by the
environment variable REWARDS_IMPL:

    c       the compiled module; ImportError if it is not built (run `make build`)
    python  the pure-Python twin
    unset   the compiled module if it can be imported, else the twin

`IMPLEMENTATION` says which one ("c" or "python"). Uniqueness holds within one generator; across
generators and runs the database's unique constraint on codes is the guard.
"""

from __future__ import annotations

import os
from types import ModuleType

from core._speedups._errors import CodeSpaceExhausted
from core.domain.code_series import DEFAULT_ALPHABET

IMPLEMENTATION_VARIABLE = "REWARDS_IMPL"


def _load() -> tuple[str, ModuleType]:
    requested = os.environ.get(IMPLEMENTATION_VARIABLE, "")
    if requested not in ("", "c", "python"):
        raise ValueError(f"{IMPLEMENTATION_VARIABLE} must be 'c', 'python' or unset, "
                         f"got {requested!r}")
    if requested != "python":
        try:
            from core._speedups import codegen as compiled
        except ImportError as error:
            if requested == "c":
                raise ImportError(
                    f"{IMPLEMENTATION_VARIABLE}=c but the compiled module core._speedups.codegen "
                    f"cannot be imported ({error}): run `make build`") from error
        else:
            return "c", compiled
    from core._speedups import _py_codegen as twin
    return "python", twin


IMPLEMENTATION, _implementation = _load()

CodeGenerator = _implementation.CodeGenerator
ALPHABET_SIZE_MIN: int = _implementation.ALPHABET_SIZE_MIN
ALPHABET_SIZE_MAX: int = _implementation.ALPHABET_SIZE_MAX
LENGTH_MIN: int = _implementation.LENGTH_MIN
LENGTH_MAX: int = _implementation.LENGTH_MAX
PREFIX_LENGTH_MAX: int = _implementation.PREFIX_LENGTH_MAX
SEED_BYTES: int = _implementation.SEED_BYTES
COUNT_MAX: int = _implementation.COUNT_MAX
BLOCK_BYTES: int = _implementation.BLOCK_BYTES

__all__ = ["ALPHABET_SIZE_MAX", "ALPHABET_SIZE_MIN", "BLOCK_BYTES", "COUNT_MAX", "DEFAULT_ALPHABET",
           "IMPLEMENTATION", "LENGTH_MAX", "LENGTH_MIN", "PREFIX_LENGTH_MAX", "SEED_BYTES",
           "CodeGenerator", "CodeSpaceExhausted"]
