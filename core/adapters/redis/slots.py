"""Hash slots of script calls: a cluster runs a script only when all its keys share one slot.

Every key a script touches carries one hash tag (DESIGN.md section 4: `{o:<offer>}`,
`{a:<account>}`, ...), so each call lives on one slot. `slot_check_for(client)` gives the check
`Scripts.run` makes before sending a call:
- on a Redis Cluster client, a call whose keys span two slots fails at once with
  RedisClusterException (alone: unchecked, it would fail the whole pipeline of its tick);
- with REWARDS_SCRIPT_SLOTS_FILE set (tests), every call's script name and slots are appended to
  that file, one line each (`name<TAB>slot[,slot...]`, slot -1 for a call without keys; appends
  of one short line are atomic, so the workers of a server may share the file), on a single
  Redis as on a cluster. `read_records` reads them back; `spanning` lists the calls on two slots.
None when neither applies: the single-Redis hot path pays nothing.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

import redis.asyncio as redis
from redis.crc import key_slot
from redis.exceptions import RedisClusterException

SLOTS_FILE_ENV = "REWARDS_SCRIPT_SLOTS_FILE"
NO_KEY_SLOT = -1

SlotCheck = Callable[[str, Sequence[object]], None]


def slots_of(keys: Sequence[object]) -> set[int]:
    return {key_slot(key if isinstance(key, bytes) else str(key).encode()) for key in keys}


def slot_check_for(client: object) -> SlotCheck | None:
    cluster = isinstance(client, redis.RedisCluster)
    path = os.environ.get(SLOTS_FILE_ENV)
    if not cluster and not path:
        return None
    record = _Recorder(Path(path)) if path else None

    def check(name: str, keys: Sequence[object]) -> None:
        slots = slots_of(keys)
        if record is not None:
            record(name, slots)
        if cluster and len(slots) > 1:
            raise RedisClusterException(f"script {name}: keys on {len(slots)} slots {sorted(slots)}; a script"
                                        " call must keep all its keys under one hash tag")
    return check


class _Recorder:
    def __init__(self, path: Path) -> None:
        self._path = path
        self._file = None

    def __call__(self, name: str, slots: set[int]) -> None:
        if self._file is None:
            self._file = open(self._path, "a", buffering=1, encoding="ascii")
        self._file.write(f"{name}\t{','.join(map(str, sorted(slots) or [NO_KEY_SLOT]))}\n")


def read_records(path: Path) -> list[tuple[str, tuple[int, ...]]]:
    """The (script, slots) of every recorded call, in order."""
    if not path.exists():
        return []
    records = []
    for line in path.read_text(encoding="ascii").splitlines():
        name, _, slots = line.partition("\t")
        records.append((name, tuple(int(slot) for slot in slots.split(","))))
    return records


def spanning(records: list[tuple[str, tuple[int, ...]]]) -> list[tuple[str, tuple[int, ...]]]:
    """The recorded calls whose keys span two slots or more."""
    return [record for record in records if len(record[1]) > 1]
