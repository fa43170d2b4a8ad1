"""Lua scripts kept next to the code that calls them: one `.lua` file each, loaded by SHA.

redis-py's `Script` runs EVALSHA and reloads the script on NOSCRIPT (after a Redis restart or
SCRIPT FLUSH). Every run is timed for the `rewards_redis_script_seconds` histogram.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path

import redis.asyncio as redis

SCRIPTS_DIR = Path(__file__).with_name("scripts")

ScriptObserver = Callable[[str, float], None]
"""Called after each script run with (script name, seconds)."""


class Scripts:
    def __init__(self, client: redis.Redis, observe: ScriptObserver | None = None,
                 directory: Path = SCRIPTS_DIR) -> None:
        self._observe = observe
        self._scripts = {path.stem: client.register_script(path.read_text())
                         for path in sorted(directory.glob("*.lua"))}

    async def run(self, name: str, keys: Sequence[str], args: Sequence[object]):
        started = time.perf_counter()
        try:
            return await self._scripts[name](keys=keys, args=args)
        finally:
            if self._observe is not None:
                self._observe(name, time.perf_counter() - started)
