"""Lua scripts kept next to the code that calls them: one `.lua` file each, loaded by SHA.

Script calls are pipelined per event-loop tick: every `run` made while the loop runs the tasks
that are ready now joins one pipeline of EVALSHAs, sent when they have all had their turn (no
linger: a lone call goes out on the next tick, alone). Under load this turns the scripts of many
requests in flight into one round trip (one write, one read, one pooled connection) instead of
one each. A NOSCRIPT reply (after a Redis restart or SCRIPT FLUSH: the script did not run) loads
the script and runs that call again. Every run is timed for the `rewards_redis_script_seconds`
histogram, and traced (a child span of the caller's) when tracing is on (core/adapters/tracing.py).

A rule several scripts share is written once, in `scripts/prelude/<name>.lua` (local functions),
and prepended by the loader to every script that names it on a line of its header:
`-- prelude: <name>` (load_script).
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import redis.asyncio as redis
from redis.exceptions import NoScriptError

from core.adapters.redis.slots import slot_check_for
from core.adapters.tracing import script_span

SCRIPTS_DIR = Path(__file__).with_name("scripts")
PIPELINE_COMMANDS_MAX = 512
"""Script calls sent in one pipeline; more in one tick go out in several."""

ScriptObserver = Callable[[str, float], None]
"""Called after each script run with (script name, seconds)."""
_COMMAND = "<command>"
"""The name a plain command (Scripts.command) goes by in the pending calls."""
_PRELUDE = re.compile(r"^-- prelude: ([a-z_]+)$", re.M)


def load_script(path: Path) -> str:
    """A script's source with the preludes it names prepended, in the order named."""
    source = path.read_text()
    preludes = [(path.parent / "prelude" / f"{name}.lua").read_text() for name in _PRELUDE.findall(source)]
    return "".join(preludes) + source


class Scripts:
    def __init__(self, client: redis.Redis, observe: ScriptObserver | None = None,
                 directory: Path = SCRIPTS_DIR, *, pipelined: bool = True) -> None:
        self._client = client
        self._observe = observe
        self._scripts = {path.stem: client.register_script(load_script(path))
                         for path in sorted(directory.glob("*.lua"))}
        self._pipelined = pipelined
        self._pending: list[tuple[str, Sequence[str], Sequence[object], asyncio.Future]] = []
        self._flushing: set[asyncio.Task] = set()
        self._slot_check = slot_check_for(client)  # Cluster: one slot per call (core/adapters/redis/slots.py).

    @script_span
    async def run(self, name: str, keys: Sequence[str], args: Sequence[object]):
        started = time.perf_counter()
        try:
            if self._slot_check is not None:
                self._slot_check(name, keys)
            if not self._pipelined:
                return await self._scripts[name](keys=keys, args=args)
            return await self._queued(name, keys, args)
        finally:
            if self._observe is not None:
                self._observe(name, time.perf_counter() - started)

    async def command(self, *args: object):
        """One plain command (GET, SET, ...) sent in the tick's pipeline with the scripts, so that
        it costs no write and read of its own: a single-key command, so one slot on a cluster."""
        if not self._pipelined:
            return await self._client.execute_command(*args)
        return await self._queued(_COMMAND, (), args)

    async def _queued(self, name: str, keys: Sequence[str], args: Sequence[object]):
        """Join the tick's pipeline (sent once the ready tasks have had their turn) and wait for the answer."""
        loop = asyncio.get_running_loop()
        future = loop.create_future()
        if not self._pending:
            loop.call_soon(self._flush)
        self._pending.append((name, keys, args, future))
        # A cancelled caller does not unsend its command: the pipeline still answers it.
        return await asyncio.shield(future)

    def _flush(self) -> None:
        pending, self._pending = self._pending, []
        for start in range(0, len(pending), PIPELINE_COMMANDS_MAX):
            task = asyncio.get_running_loop().create_task(self._send(pending[start:start + PIPELINE_COMMANDS_MAX]))
            self._flushing.add(task)
            task.add_done_callback(self._flushing.discard)

    async def _send(self, calls: list[tuple[str, Sequence[str], Sequence[object], asyncio.Future]]) -> None:
        try:
            if len(calls) == 1:
                name, keys, args, future = calls[0]
                results: list = [await (self._client.execute_command(*args) if name is _COMMAND
                                        else self._scripts[name](keys=keys, args=args))]
            else:
                pipe = self._client.pipeline(transaction=False)
                for name, keys, args, _ in calls:
                    if name is _COMMAND:
                        pipe.execute_command(*args)
                    else:
                        pipe.evalsha(self._scripts[name].sha, len(keys), *keys, *args)
                results = await pipe.execute(raise_on_error=False)
                for index, result in enumerate(results):
                    if isinstance(result, NoScriptError):
                        name, keys, args, _ = calls[index]
                        try:
                            results[index] = await self._scripts[name](keys=keys, args=args)
                        except Exception as error:  # noqa: BLE001 - this call's own answer.
                            results[index] = error
        except BaseException as error:
            for *_, future in calls:
                if not future.done():
                    future.set_exception(error)
            if not isinstance(error, Exception):
                raise
            return
        for (*_, future), result in zip(calls, results):
            if future.done():
                continue
            if isinstance(result, Exception):
                future.set_exception(result)
            else:
                future.set_result(result)
