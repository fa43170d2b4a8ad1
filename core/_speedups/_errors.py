"""Errors shared by a compiled hot path and its pure-Python twin, so that both raise the very
same class (pure Python, importable whether or not the extension is built)."""


class CodeSpaceExhausted(Exception):
    """A generator was asked for more codes than remain unissued in its code space
    (len(alphabet) ** length). Raised before any code is generated: nothing is consumed."""
