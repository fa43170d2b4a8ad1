"""Interface of the coupon-code generator, shared by the compiled `codegen.pyx` and its
pure-Python twin `_py_codegen.py` (the rules are documented in the twin)."""

from typing import Final

from core._speedups._errors import CodeSpaceExhausted as CodeSpaceExhausted

ALPHABET_SIZE_MIN: Final[int]  # 2
ALPHABET_SIZE_MAX: Final[int]  # 94: every printable non-space ASCII character once
LENGTH_MIN: Final[int]  # 1
LENGTH_MAX: Final[int]  # 64 random characters after the prefix
PREFIX_LENGTH_MAX: Final[int]  # 32
SEED_BYTES: Final[int]  # 32
COUNT_MAX: Final[int]  # 1_000_000 codes per generate call
BLOCK_BYTES: Final[int]  # 65_536 bytes per shake_256 block of the random stream

class CodeGenerator:
    def __init__(self, alphabet: str, length: int, prefix: str = "",
                 seed: bytes | None = None) -> None: ...
    @property
    def space_size(self) -> int: ...
    @property
    def generated_count(self) -> int: ...
    def generate(self, count: int) -> list[str]: ...
