"""Micro-benchmark of the coupon-code generator: the compiled module beside its pure-Python twin,
against a ceiling measured in the same run.

The ceiling is the random byte stream alone: shake_256 producing, block by block exactly as the
generator does, the bytes that `--count` codes consume; expressed as the codes per second the
generator would reach if mapping bytes to codes, checking uniqueness and building strings were
free. Each figure is the best of `--repeat` runs, each from a fresh generator with a fixed seed.

    python benchmarks/bench_codegen.py [--count 1000000] [--length 10] [--repeat 3]
"""

from __future__ import annotations

import argparse
import hashlib
import math
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core._speedups import _py_codegen as twin
from core.codegen import DEFAULT_ALPHABET

try:
    from core._speedups import codegen as compiled
except ImportError:
    compiled = None

SEED = bytes(range(32))


def best_seconds(action, repeat: int) -> float:
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        result = action()
        timings.append(time.perf_counter() - started)
        del result  # freeing the codes is the caller's business: not timed
    return min(timings)


def stream_bytes(count: int, length: int, alphabet_size: int) -> int:
    """Bytes the generator consumes for `count` codes: accepted characters over the acceptance
    rate (collisions, negligible in a large space, are left out)."""
    accepted_per_byte = (256 - 256 % alphabet_size) / 256
    return math.ceil(count * length / accepted_per_byte)


def ceiling_seconds(byte_count: int, repeat: int) -> float:
    block_count = math.ceil(byte_count / twin.BLOCK_BYTES)

    def produce():
        for block_index in range(block_count):
            hashlib.shake_256(SEED + block_index.to_bytes(8, "big")).digest(twin.BLOCK_BYTES)

    return best_seconds(produce, repeat)


def generator_seconds(module, count: int, length: int, repeat: int) -> float:
    def generate():
        return module.CodeGenerator(DEFAULT_ALPHABET, length, seed=SEED).generate(count)

    return best_seconds(generate, repeat)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1_000_000, help="codes per run")
    parser.add_argument("--length", type=int, default=10, help="random characters per code")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure; the best counts")
    arguments = parser.parse_args()
    count, length, repeat = arguments.count, arguments.length, arguments.repeat

    byte_count = stream_bytes(count, length, len(DEFAULT_ALPHABET))
    rates = {"ceiling": count / ceiling_seconds(byte_count, repeat)}
    if compiled is not None:
        rates["c"] = count / generator_seconds(compiled, count, length, repeat)
    rates["python"] = count / generator_seconds(twin, count, length, repeat)

    print(f"codegen: {count:,} codes of {length} characters from a {len(DEFAULT_ALPHABET)}-character "
          f"alphabet, best of {repeat}, Python {platform.python_version()}")
    print(f"{'implementation':<16}{'codes/s':>14}{'of ceiling':>12}{'x python':>10}")
    for name, rate in rates.items():
        print(f"{name:<16}{rate:>14,.0f}{rate / rates['ceiling']:>12.1%}"
              f"{rate / rates['python']:>9.1f}x")
    if compiled is None:
        print(f"{'c':<16}{'not built: run make build':>36}")
    print(f"ceiling: shake_256 alone producing the {byte_count:,} bytes the codes consume")


if __name__ == "__main__":
    main()
