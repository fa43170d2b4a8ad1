"""Coupon-code generator: the pure-Python twin of `codegen.pyx` (same interface, same outputs
byte for byte; tests/unit/test_codegen_twins.py shows they agree). Import `core.codegen`, which
picks the implementation.

Randomness. The byte stream of a generator is the concatenation of the blocks
`shake_256(seed + block_index.to_bytes(8, "big")).digest(BLOCK_BYTES)` for block_index = 0, 1, ...
With n = len(alphabet), a byte b is accepted only if b < 256 - 256 % n and then stands for
alphabet[b % n]; other bytes are skipped (rejection sampling: no modulo bias). A candidate code
is the next `length` accepted characters; a candidate this generator already returned is
discarded and drawing goes on. The stream carries on across `generate` calls, so
`generate(a) + generate(b)` equals `generate(a + b)` for the same seed.

Uniqueness is guaranteed within one generator only (it remembers every code it issued, so its
memory grows with `generated_count`). Across generators and runs the database's unique
constraint is the guard. Exhaustion is checked before anything is drawn; when a call asks for
nearly all of a small space, redrawing may take many draws (coupon collector: about
space_size * ln(space_size) candidates to fill a space completely), which is fine for the small
spaces where it can happen (space_size <= 1_000_000, say).

A generator is not thread-safe: use one per task.
"""

from __future__ import annotations

import hashlib
import os

from core._speedups._errors import CodeSpaceExhausted

ALPHABET_SIZE_MIN = 2
ALPHABET_SIZE_MAX = 94
"""Every printable non-space ASCII character ("!" to "~") at most once."""
LENGTH_MIN = 1
LENGTH_MAX = 64
"""Random characters in a code, after the prefix."""
PREFIX_LENGTH_MAX = 32
SEED_BYTES = 32
COUNT_MAX = 1_000_000
"""Codes one `generate` call may return."""
BLOCK_BYTES = 65_536
"""Bytes of one shake_256 block of the random stream."""

_CHARACTER_FIRST = "!"
_CHARACTER_LAST = "~"

__all__ = ["ALPHABET_SIZE_MAX", "ALPHABET_SIZE_MIN", "BLOCK_BYTES", "COUNT_MAX", "LENGTH_MAX",
           "LENGTH_MIN", "PREFIX_LENGTH_MAX", "SEED_BYTES", "CodeGenerator", "CodeSpaceExhausted"]


class CodeGenerator:
    """Hands out unique random codes: `prefix` followed by `length` characters of `alphabet`."""

    __slots__ = ("_prefix", "_length", "_seed", "_space_size", "_mapping", "_rejected",
                 "_block_index", "_characters", "_offset", "_issued")

    def __init__(self, alphabet: str, length: int, prefix: str = "",
                 seed: bytes | None = None) -> None:
        _check_alphabet(alphabet)
        _check_length(length)
        _check_prefix(prefix)
        _check_seed(seed)
        self._prefix = prefix
        self._length = length
        self._seed = os.urandom(SEED_BYTES) if seed is None else seed
        self._space_size = len(alphabet) ** length
        limit = _acceptance_limit(len(alphabet))
        self._mapping = bytes.maketrans(bytes(range(limit)),
                                        bytes(ord(alphabet[b % len(alphabet)]) for b in range(limit)))
        self._rejected = bytes(range(limit, 256))
        self._block_index = 0
        self._characters = ""  # accepted characters of the current block; [:_offset] are used
        self._offset = 0
        self._issued: set[str] = set()

    @property
    def space_size(self) -> int:
        """How many distinct codes exist: len(alphabet) ** length."""
        return self._space_size

    @property
    def generated_count(self) -> int:
        """Codes this generator has handed out so far."""
        return len(self._issued)

    def generate(self, count: int) -> list[str]:
        """`count` new codes, none ever returned before by this generator.

        Raises CodeSpaceExhausted, before drawing anything, if fewer than `count` codes remain.
        """
        _check_count(count)
        _check_space(len(self._issued), count, self._space_size)
        issued = self._issued
        prefix = self._prefix
        codes: list[str] = []
        while len(codes) < count:
            code = prefix + self._draw()
            if code not in issued:
                issued.add(code)
                codes.append(code)
        return codes

    def __reduce__(self):
        raise TypeError(f"cannot pickle {type(self).__name__!r} object")

    def _draw(self) -> str:
        """The next `length` accepted characters of the stream."""
        end = self._offset + self._length
        if end <= len(self._characters):
            drawn = self._characters[self._offset:end]
            self._offset = end
            return drawn
        parts = [self._characters[self._offset:]]
        missing = self._length - len(parts[0])
        while missing > 0:
            self._characters = self._next_block_characters()
            parts.append(self._characters[:missing])
            self._offset = len(parts[-1])
            missing -= self._offset
        return "".join(parts)

    def _next_block_characters(self) -> str:
        """The accepted characters of the next block: bytes.translate applies the rule of the
        module docstring (map b to alphabet[b % n], delete b >= 256 - 256 % n) at C speed."""
        block = hashlib.shake_256(self._seed + self._block_index.to_bytes(8, "big")).digest(BLOCK_BYTES)
        self._block_index += 1
        return block.translate(self._mapping, self._rejected).decode("ascii")


def _acceptance_limit(alphabet_size: int) -> int:
    """Bytes below this are accepted: the largest multiple of alphabet_size <= 256."""
    return 256 - 256 % alphabet_size


def _check_alphabet(alphabet: object) -> None:
    if not isinstance(alphabet, str):
        raise TypeError(f"alphabet must be a str, not {type(alphabet).__name__}")
    if not ALPHABET_SIZE_MIN <= len(alphabet) <= ALPHABET_SIZE_MAX:
        raise ValueError(f"alphabet must have {ALPHABET_SIZE_MIN} to {ALPHABET_SIZE_MAX} "
                         f"characters, got {len(alphabet)}")
    _check_characters("alphabet", alphabet)
    seen: set[str] = set()
    for character in alphabet:
        if character in seen:
            raise ValueError(f"alphabet has the character {character!r} more than once")
        seen.add(character)


def _check_length(length: object) -> None:
    if not isinstance(length, int):
        raise TypeError(f"length must be an int, not {type(length).__name__}")
    if not LENGTH_MIN <= length <= LENGTH_MAX:
        raise ValueError(f"length must be {LENGTH_MIN} to {LENGTH_MAX}, got {length}")


def _check_prefix(prefix: object) -> None:
    if not isinstance(prefix, str):
        raise TypeError(f"prefix must be a str, not {type(prefix).__name__}")
    if len(prefix) > PREFIX_LENGTH_MAX:
        raise ValueError(f"prefix must have at most {PREFIX_LENGTH_MAX} characters, "
                         f"got {len(prefix)}")
    _check_characters("prefix", prefix)


def _check_seed(seed: object) -> None:
    if seed is None:
        return
    if not isinstance(seed, bytes):
        raise TypeError(f"seed must be bytes or None, not {type(seed).__name__}")
    if len(seed) != SEED_BYTES:
        raise ValueError(f"seed must be exactly {SEED_BYTES} bytes, got {len(seed)}")


def _check_characters(name: str, text: str) -> None:
    for character in text:
        if not _CHARACTER_FIRST <= character <= _CHARACTER_LAST:
            raise ValueError(f"{name} may hold only printable non-space ASCII characters "
                             f"({_CHARACTER_FIRST} to {_CHARACTER_LAST}), got {character!r}")


def _check_count(count: object) -> None:
    if not isinstance(count, int):
        raise TypeError(f"count must be an int, not {type(count).__name__}")
    if not 0 <= count <= COUNT_MAX:
        raise ValueError(f"count must be 0 to {COUNT_MAX}, got {count}")


def _check_space(generated_count: int, count: int, space_size: int) -> None:
    if generated_count + count > space_size:
        raise CodeSpaceExhausted(f"{count} codes requested but only {space_size - generated_count} "
                                 f"of the {space_size} possible codes remain unissued")
