# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True, initializedcheck=False
"""Coupon-code generator, compiled twin of `_py_codegen.py`: same interface, same outputs byte for
byte. The rules (byte stream, rejection sampling, redraws), the uniqueness scope, the exhaustion
behaviour and the lack of thread safety are documented there.

How it is fast: hashlib produces one 64 KiB block at a time; a 256-entry C table maps each byte
to its ASCII character or to 0 (rejected), so drawing a character is one load; candidates are
drawn 32 at a time and their hash-table slots prefetched; a code becomes a str once, copied
straight into the new object. Issued codes live in a C open-addressing hash set (linear probing,
load <= 0.7, sized once per call for all the codes it asks for): the random part of each code
in an arena, `length` bytes, plus an 8-byte slot, instead of a str object and a set entry.
"""

import hashlib
import os

cimport cython
from cpython.mem cimport PyMem_Free, PyMem_Malloc, PyMem_Realloc
from libc.stdint cimport uint64_t
from libc.string cimport memcmp, memcpy, memset

from core._speedups._errors import CodeSpaceExhausted

cdef extern from "Python.h":
    object PyUnicode_New(Py_ssize_t size, Py_UCS4 maxchar)
    void* PyUnicode_DATA(object text)

cdef extern from *:
    """
    #if defined(__GNUC__) || defined(__clang__)
    #define CODEGEN_PREFETCH(address) __builtin_prefetch(address)
    #else
    #define CODEGEN_PREFETCH(address) ((void)(address))
    #endif
    """
    void CODEGEN_PREFETCH(const void* address) noexcept nogil

ALPHABET_SIZE_MIN = 2
ALPHABET_SIZE_MAX = 94
LENGTH_MIN = 1
LENGTH_MAX = 64
PREFIX_LENGTH_MAX = 32
SEED_BYTES = 32
COUNT_MAX = 1_000_000
BLOCK_BYTES = 65_536

_CHARACTER_FIRST = "!"
_CHARACTER_LAST = "~"

__all__ = ["ALPHABET_SIZE_MAX", "ALPHABET_SIZE_MIN", "BLOCK_BYTES", "COUNT_MAX", "LENGTH_MAX",
           "LENGTH_MIN", "PREFIX_LENGTH_MAX", "SEED_BYTES", "CodeGenerator", "CodeSpaceExhausted"]

cdef enum:
    _BLOCK_BYTES = 65536
    _PREFIX_BYTES_MAX = 32
    _LENGTH_MAX = 64
    _CODE_BYTES_MAX = 96  # _PREFIX_BYTES_MAX + _LENGTH_MAX
    _SLOTS_INITIAL = 1024
    _ARENA_CODES_INITIAL = 1024
    _BATCH_CODES = 32  # candidates drawn and hashed ahead, their slots prefetched
    _ASCII_MAX = 127

# A slot of the issued-codes table: 0 if empty, else the high 24 bits of the code's hash (compared
# before touching the arena) above the code's arena index + 1 in the low 40 bits.
cdef uint64_t _INDEX_MASK = (<uint64_t>1 << 40) - 1
cdef uint64_t _TAG_MASK = ~_INDEX_MASK


@cython.auto_pickle(False)
cdef class CodeGenerator:
    """Hands out unique random codes: `prefix` followed by `length` characters of `alphabet`."""

    cdef Py_ssize_t _length
    cdef Py_ssize_t _prefix_length
    cdef unsigned char _prefix[_PREFIX_BYTES_MAX]
    cdef unsigned char _mapping[256]  # byte -> ASCII character, 0 if rejected
    cdef bytes _seed
    cdef object _space_size
    cdef object _shake_256
    cdef bytes _block
    cdef const unsigned char* _block_data
    cdef Py_ssize_t _block_position
    cdef object _block_index
    cdef uint64_t* _slots
    cdef Py_ssize_t _slot_mask
    cdef unsigned char* _arena
    cdef Py_ssize_t _arena_codes_max
    cdef Py_ssize_t _issued_count

    def __init__(self, alphabet, length, prefix="", seed=None):
        cdef bytes prefix_bytes
        _check_alphabet(alphabet)
        _check_length(length)
        _check_prefix(prefix)
        _check_seed(seed)
        self._release()
        self._length = length
        self._prefix_length = len(prefix)
        prefix_bytes = prefix.encode("ascii")
        memcpy(self._prefix, <const char*>prefix_bytes, self._prefix_length)
        self._seed = os.urandom(SEED_BYTES) if seed is None else seed
        self._space_size = len(alphabet) ** length
        self._fill_mapping(alphabet.encode("ascii"))
        self._shake_256 = hashlib.shake_256
        self._block = b""
        self._block_data = self._block
        self._block_position = _BLOCK_BYTES  # the first draw computes block 0
        self._block_index = 0
        self._issued_count = 0
        self._slots = <uint64_t*>PyMem_Malloc(_SLOTS_INITIAL * sizeof(uint64_t))
        self._arena = <unsigned char*>PyMem_Malloc(_ARENA_CODES_INITIAL * self._length)
        if self._slots == NULL or self._arena == NULL:
            self._release()
            raise MemoryError()
        memset(self._slots, 0, _SLOTS_INITIAL * sizeof(uint64_t))
        self._slot_mask = _SLOTS_INITIAL - 1
        self._arena_codes_max = _ARENA_CODES_INITIAL

    def __dealloc__(self):
        self._release()

    @property
    def space_size(self):
        """How many distinct codes exist: len(alphabet) ** length."""
        return self._space_size

    @property
    def generated_count(self):
        """Codes this generator has handed out so far."""
        return self._issued_count

    def generate(self, count):
        """`count` new codes, none ever returned before by this generator.

        Raises CodeSpaceExhausted, before drawing anything, if fewer than `count` codes remain.
        """
        cdef unsigned char drawn[_BATCH_CODES * _LENGTH_MAX]
        cdef uint64_t hashes[_BATCH_CODES]
        cdef Py_ssize_t length = self._length
        cdef Py_ssize_t wanted
        cdef Py_ssize_t produced = 0
        cdef Py_ssize_t batch
        cdef Py_ssize_t index
        cdef list codes = []
        _check_count(count)
        _check_space(self._issued_count, count, self._space_size)
        if self._slots == NULL:
            raise RuntimeError("CodeGenerator.__init__ was not called")
        wanted = count
        self._reserve(self._issued_count + wanted)
        while produced < wanted:
            # Candidates are consecutive runs of `length` accepted characters. One candidate
            # gives at most one code, so drawing no more than are still wanted never consumes
            # stream that a later call should see.
            batch = min(wanted - produced, <Py_ssize_t>_BATCH_CODES)
            self._draw(drawn, batch * length)
            for index in range(batch):
                hashes[index] = _hash(drawn + index * length, length)
                CODEGEN_PREFETCH(&self._slots[hashes[index] & <uint64_t>self._slot_mask])
            for index in range(batch):
                if self._issue(drawn + index * length, hashes[index]):
                    codes.append(self._text(drawn + index * length))
                    produced += 1
        return codes

    def __reduce__(self):
        raise TypeError(f"cannot pickle {type(self).__name__!r} object")

    cdef int _fill_mapping(self, bytes alphabet) except -1:
        """Byte b maps to alphabet[b % n] if b < 256 - 256 % n, else to 0 (rejected)."""
        cdef const unsigned char* letters = alphabet
        cdef int alphabet_size = len(alphabet)
        cdef int limit = 256 - 256 % alphabet_size
        cdef int byte
        memset(self._mapping, 0, 256)
        for byte in range(limit):
            self._mapping[byte] = letters[byte % alphabet_size]
        return 0

    @cython.final
    cdef int _draw(self, unsigned char* out, Py_ssize_t character_count) except -1:
        """Writes the next character_count accepted characters of the stream to out."""
        cdef const unsigned char* data = self._block_data
        cdef Py_ssize_t position = self._block_position
        cdef Py_ssize_t filled = 0
        cdef unsigned char character
        while filled < character_count:
            if position == _BLOCK_BYTES:
                self._next_block()
                data = self._block_data
                position = 0
            character = self._mapping[data[position]]
            position += 1
            out[filled] = character  # a rejected byte maps to 0 and is overwritten next
            filled += character != 0
        self._block_position = position
        return 0

    @cython.final
    cdef object _text(self, const unsigned char* drawn):
        """The code as a new str: the prefix then `length` drawn characters, copied once."""
        cdef object text = PyUnicode_New(self._prefix_length + self._length, _ASCII_MAX)
        cdef unsigned char* data = <unsigned char*>PyUnicode_DATA(text)
        memcpy(data, self._prefix, self._prefix_length)
        memcpy(data + self._prefix_length, drawn, self._length)
        return text

    cdef int _next_block(self) except -1:
        message = self._seed + self._block_index.to_bytes(8, "big")
        self._block = self._shake_256(message).digest(_BLOCK_BYTES)
        self._block_data = self._block
        self._block_index += 1
        return 0

    @cython.final
    cdef bint _issue(self, const unsigned char* code, uint64_t hash_value) noexcept:
        """True after remembering code if this generator never issued it, else False.
        Room for it must be reserved."""
        cdef Py_ssize_t length = self._length
        cdef uint64_t tag = hash_value & _TAG_MASK
        cdef Py_ssize_t position = <Py_ssize_t>(hash_value & <uint64_t>self._slot_mask)
        cdef uint64_t slot
        while True:
            slot = self._slots[position]
            if slot == 0:
                break
            if (slot & _TAG_MASK) == tag and memcmp(
                    self._arena + <Py_ssize_t>((slot & _INDEX_MASK) - 1) * length, code, length) == 0:
                return False
            position = (position + 1) & self._slot_mask
        memcpy(self._arena + self._issued_count * length, code, length)
        self._issued_count += 1
        self._slots[position] = tag | <uint64_t>self._issued_count
        return True

    cdef int _reserve(self, Py_ssize_t codes_max) except -1:
        """Grows the arena and the slot table (load <= 0.7) to hold codes_max codes."""
        cdef Py_ssize_t arena_codes_max = self._arena_codes_max
        cdef Py_ssize_t slot_count = self._slot_mask + 1
        while arena_codes_max < codes_max:
            arena_codes_max *= 2
        while codes_max * 10 > slot_count * 7:
            slot_count *= 2
        if arena_codes_max != self._arena_codes_max:
            self._grow_arena(arena_codes_max)
        if slot_count != self._slot_mask + 1:
            self._grow_slots(slot_count)
        return 0

    cdef int _grow_arena(self, Py_ssize_t codes_max) except -1:
        cdef unsigned char* arena
        if <uint64_t>codes_max >= _INDEX_MASK:
            raise MemoryError(f"a code generator issues fewer than {<uint64_t>_INDEX_MASK} codes")
        arena = <unsigned char*>PyMem_Realloc(self._arena, codes_max * self._length)
        if arena == NULL:
            raise MemoryError()
        self._arena = arena
        self._arena_codes_max = codes_max
        return 0

    cdef int _grow_slots(self, Py_ssize_t slot_count) except -1:
        """Replaces the slot table by one of slot_count slots and places every issued code again
        (a batch of hashes ahead, their slots prefetched)."""
        cdef Py_ssize_t mask = slot_count - 1
        cdef uint64_t* slots = <uint64_t*>PyMem_Malloc(slot_count * sizeof(uint64_t))
        cdef uint64_t hashes[_BATCH_CODES]
        cdef Py_ssize_t start
        cdef Py_ssize_t index
        cdef Py_ssize_t position
        cdef Py_ssize_t batch
        if slots == NULL:
            raise MemoryError()
        memset(slots, 0, slot_count * sizeof(uint64_t))
        for start in range(0, self._issued_count, _BATCH_CODES):
            batch = min(self._issued_count - start, <Py_ssize_t>_BATCH_CODES)
            for index in range(batch):
                hashes[index] = _hash(self._arena + (start + index) * self._length, self._length)
                CODEGEN_PREFETCH(&slots[hashes[index] & <uint64_t>mask])
            for index in range(batch):
                position = <Py_ssize_t>(hashes[index] & <uint64_t>mask)
                while slots[position] != 0:
                    position = (position + 1) & mask
                slots[position] = (hashes[index] & _TAG_MASK) | <uint64_t>(start + index + 1)
        PyMem_Free(self._slots)
        self._slots = slots
        self._slot_mask = mask
        return 0

    cdef void _release(self) noexcept:
        PyMem_Free(self._slots)
        PyMem_Free(self._arena)
        self._slots = NULL
        self._arena = NULL
        self._issued_count = 0


cdef inline uint64_t _hash(const unsigned char* code, Py_ssize_t length) noexcept nogil:
    """FNV-1a over the bytes, then the splitmix64 finalizer to spread them over all 64 bits."""
    cdef uint64_t value = 0xcbf29ce484222325ULL
    cdef Py_ssize_t index
    for index in range(length):
        value = (value ^ code[index]) * 0x100000001b3ULL
    value = (value ^ (value >> 30)) * 0xbf58476d1ce4e5b9ULL
    value = (value ^ (value >> 27)) * 0x94d049bb133111ebULL
    return value ^ (value >> 31)


# Validation: the same checks, in the same order, with the same messages as the twin.

def _check_alphabet(alphabet):
    if not isinstance(alphabet, str):
        raise TypeError(f"alphabet must be a str, not {type(alphabet).__name__}")
    if not ALPHABET_SIZE_MIN <= len(alphabet) <= ALPHABET_SIZE_MAX:
        raise ValueError(f"alphabet must have {ALPHABET_SIZE_MIN} to {ALPHABET_SIZE_MAX} "
                         f"characters, got {len(alphabet)}")
    _check_characters("alphabet", alphabet)
    seen = set()
    for character in alphabet:
        if character in seen:
            raise ValueError(f"alphabet has the character {character!r} more than once")
        seen.add(character)


def _check_length(length):
    if not isinstance(length, int):
        raise TypeError(f"length must be an int, not {type(length).__name__}")
    if not LENGTH_MIN <= length <= LENGTH_MAX:
        raise ValueError(f"length must be {LENGTH_MIN} to {LENGTH_MAX}, got {length}")


def _check_prefix(prefix):
    if not isinstance(prefix, str):
        raise TypeError(f"prefix must be a str, not {type(prefix).__name__}")
    if len(prefix) > PREFIX_LENGTH_MAX:
        raise ValueError(f"prefix must have at most {PREFIX_LENGTH_MAX} characters, "
                         f"got {len(prefix)}")
    _check_characters("prefix", prefix)


def _check_seed(seed):
    if seed is None:
        return
    if not isinstance(seed, bytes):
        raise TypeError(f"seed must be bytes or None, not {type(seed).__name__}")
    if len(seed) != SEED_BYTES:
        raise ValueError(f"seed must be exactly {SEED_BYTES} bytes, got {len(seed)}")


def _check_characters(name, text):
    for character in text:
        if not _CHARACTER_FIRST <= character <= _CHARACTER_LAST:
            raise ValueError(f"{name} may hold only printable non-space ASCII characters "
                             f"({_CHARACTER_FIRST} to {_CHARACTER_LAST}), got {character!r}")


def _check_count(count):
    if not isinstance(count, int):
        raise TypeError(f"count must be an int, not {type(count).__name__}")
    if not 0 <= count <= COUNT_MAX:
        raise ValueError(f"count must be 0 to {COUNT_MAX}, got {count}")


def _check_space(generated_count, count, space_size):
    if generated_count + count > space_size:
        raise CodeSpaceExhausted(f"{count} codes requested but only {space_size - generated_count} "
                                 f"of the {space_size} possible codes remain unissued")
