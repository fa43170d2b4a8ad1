"""Handlers: one per command, `handler(command, deps)`; no transport types anywhere."""
