"""Interaction points (seed 001's interaction-id): their CRUD use cases, and the directory the
edge resolves a call's point through without a Postgres read per call.

The directory caches points (and ids found unknown) per worker. An entry is used while the
organisation's change generation it was read under is current; the generation (Redis,
core/adapters/redis/interaction_points.py) is read at most once per
INTERACTION_POINT_GENERATION_CHECK_S per organisation, and bumped after every committed create or
delete, which also moves this worker's copy at once. So the worker that made a change sees it at
the next call and every other worker within that interval; an entry is reloaded after
INTERACTION_POINT_CACHE_ENTRY_MAX_AGE_S in any case (a bump lost to a Redis outage).
"""

from __future__ import annotations

import dataclasses
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from core.adapters.postgres import interaction_points as store
from core.adapters.postgres.interaction_points import InteractionPointStore
from core.adapters.redis.interaction_points import PointGenerations
from core.domain import limits
from core.domain.errors import DomainError, ErrorReason, field_too_long
from core.domain.interaction_points import InteractionPoint, located, named_point, validate_point, validate_point_id
from core.service import paging
from core.service.accounts import Done, Page, validate_request_id
from core.service.context import Caller, Deps
from core.service.idempotent import Prepared, execute_once

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class CreateInteractionPoint:
    request_id: str
    point: InteractionPoint


@dataclass(frozen=True, slots=True)
class DeleteInteractionPoint:
    request_id: str
    interaction_point_id: str


@dataclass(frozen=True, slots=True)
class ListInteractionPoints:
    store_id: str = ""
    page_size: int = 0
    page_token: str = ""


@dataclass(frozen=True, slots=True)
class Located:
    """Where a call happens once its interaction point is resolved."""

    store_id: str
    zone_id: str
    concept_id: str
    interaction_point_id: str


def not_found(interaction_point_id: str) -> DomainError:
    return DomainError(ErrorReason.INTERACTION_POINT_NOT_FOUND, metadata={"interaction_point_id": interaction_point_id})


class InteractionPoints:
    """One per worker: the use cases and the cached directory (they share the invalidation)."""

    def __init__(self, deps: Deps, *, clock: Callable[[], float] = time.monotonic,
                 points: InteractionPointStore | None = None, generations: PointGenerations | None = None) -> None:
        self._deps = deps
        self._clock = clock
        self._store = points or InteractionPointStore(deps.pool)
        self._generations = generations or PointGenerations(deps.redis)
        self._entries: dict[tuple[str, str], tuple[InteractionPoint | None, int, float]] = {}
        self._checked: dict[str, tuple[int, float]] = {}
        self.loads = 0
        """Postgres reads of the directory (a test's and a metric's view of the cache)."""

    # --- the directory ---------------------------------------------------------------------------

    async def _generation(self, org_id: str) -> int:
        now = self._clock()
        checked = self._checked.get(org_id)
        if checked is not None and now - checked[1] < limits.INTERACTION_POINT_GENERATION_CHECK_S:
            return checked[0]
        generation = await self._generations.current(org_id)
        self._checked[org_id] = (generation, now)
        return generation

    async def point(self, org_id: str, interaction_point_id: str) -> InteractionPoint:
        """The organisation's live point; INTERACTION_POINT_NOT_FOUND."""
        generation = await self._generation(org_id)
        key = (org_id, interaction_point_id)
        entry = self._entries.get(key)
        now = self._clock()
        if entry is None or entry[1] != generation or now - entry[2] >= limits.INTERACTION_POINT_CACHE_ENTRY_MAX_AGE_S:
            self.loads += 1
            found = await self._store.live(org_id, interaction_point_id)
            if len(self._entries) >= limits.INTERACTION_POINT_CACHE_MAX:
                self._entries.clear()
            entry = (found, generation, now)
            self._entries[key] = entry
        if entry[0] is None:
            raise not_found(interaction_point_id)
        return entry[0]

    async def locate(self, caller: Caller, header: str, interaction_point_id: str, store_id: str,
                     zone_id: str = "", concept_id: str = "") -> Located:
        """Where a call happens: unchanged when it names no point (header or field); else the
        point's store, zone and concept (INTERACTION_POINT_MISMATCH, INTERACTION_POINT_NOT_FOUND,
        INTERACTION_POINT_STORE_MISMATCH), and STORE_NOT_ALLOWED for a client restricted to
        other stores."""
        named = named_point(header, interaction_point_id)
        if not named:
            return Located(store_id, zone_id, concept_id, "")
        point = await self.point(caller.org_id, named)
        store_id, zone_id, concept_id = located(point, store_id, zone_id, concept_id)
        if caller.store_ids and store_id not in caller.store_ids:
            raise DomainError(ErrorReason.STORE_NOT_ALLOWED, metadata={"store_id": store_id,
                                                                       "interaction_point_id": named})
        return Located(store_id, zone_id, concept_id, named)

    async def _changed(self, org_id: str) -> None:
        """After a committed change: this worker's copy moves at once, the others' at their next
        generation check. Never raises (the change is committed)."""
        self._entries = {key: entry for key, entry in self._entries.items() if key[0] != org_id}
        try:
            generation = await self._generations.bump(org_id)
        except Exception:  # noqa: BLE001 - best effort: other workers reload within the maximum age
            log.warning("interaction point generation not bumped", extra={"org_id": org_id})
            self._checked.pop(org_id, None)
            return
        self._checked[org_id] = (generation, self._clock())

    # --- the use cases ---------------------------------------------------------------------------

    async def create(self, command: CreateInteractionPoint, caller: Caller) -> InteractionPoint:
        validate_request_id(command.request_id)
        validate_point(command.point)

        async def prepare() -> Prepared[InteractionPoint]:
            taken = DomainError(ErrorReason.INTERACTION_POINT_ALREADY_EXISTS,
                                metadata={"interaction_point_id": command.point.interaction_point_id})
            if await self._store.live(caller.org_id, command.point.interaction_point_id) is not None:
                raise taken  # A concurrent create is refused by the unique index (LIVE_UNIQUE).
            point = dataclasses.replace(command.point, create_time=self._deps.clock.now())
            row = store.point_row(org_id=caller.org_id, point=point, client_id=caller.client_id,
                                  request_id=command.request_id)
            return Prepared(point, (row,), {store.LIVE_UNIQUE: taken}, on_commit=lambda: self._changed(caller.org_id))

        return await execute_once(self._deps, caller, "CreateInteractionPoint", command, prepare,
                                  InteractionPoint.from_json)

    async def get(self, interaction_point_id: str, caller: Caller) -> InteractionPoint:
        validate_point_id(interaction_point_id)
        found = await self._store.live(caller.org_id, interaction_point_id)
        if found is None:
            raise not_found(interaction_point_id)
        return found

    async def list(self, query: ListInteractionPoints, caller: Caller) -> Page:
        if len(query.store_id) > limits.STORE_ID_LENGTH_MAX:
            raise field_too_long("store_id", limits.STORE_ID_LENGTH_MAX)
        size = paging.page_size(query.page_size)
        digest = paging.query_scope(query)
        after = paging.decode(query.page_token, digest, (str,))
        found = await self._store.page(caller.org_id, query.store_id, after[0] if after else None, size + 1)
        points = tuple(found[:size])
        token = paging.encode((points[-1].interaction_point_id,), digest) if len(found) > size else ""
        return Page(points, token)

    async def delete(self, command: DeleteInteractionPoint, caller: Caller) -> Done:
        validate_request_id(command.request_id)
        validate_point_id(command.interaction_point_id)
        point_id = command.interaction_point_id

        async def prepare() -> Prepared[Done]:
            if await self._store.live(caller.org_id, point_id) is None:
                raise not_found(point_id)
            row = store.deletion_row(org_id=caller.org_id, interaction_point_id=point_id,
                                     delete_time=self._deps.clock.now(), client_id=caller.client_id,
                                     request_id=command.request_id)
            return Prepared(Done(point_id), (row,), {store.DELETIONS_LIVE: not_found(point_id)},
                            on_commit=lambda: self._changed(caller.org_id))

        return await execute_once(self._deps, caller, "DeleteInteractionPoint", command, prepare, Done.from_json)

