"""The interaction point directory against real Postgres and Redis: calls resolve a point without
a Postgres read each (one load per point while nothing changes), a change is seen at once by the
worker that made it and by another worker after its generation check, an unknown id is cached as
unknown too, and a lost generation bump is bounded by the entries' maximum age."""

from __future__ import annotations

import uuid

import pytest

from core.domain import limits
from core.domain.errors import DomainError, ErrorReason
from core.domain.interaction_points import InteractionPoint, InteractionPointKind
from core.service.interaction_points import CreateInteractionPoint, DeleteInteractionPoint, InteractionPoints


class Clock:
    """A monotonic clock the test moves."""

    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now


def rid() -> str:
    return uuid.uuid4().hex


async def create(points: InteractionPoints, caller, store_id: str = "s-1") -> str:
    point_id = "till-" + rid()[:10]
    await points.create(CreateInteractionPoint(rid(), InteractionPoint(point_id, InteractionPointKind.TILL, store_id)),
                        caller)
    return point_id


async def reason(awaitable) -> ErrorReason | None:
    try:
        await awaitable
    except DomainError as error:
        return error.reason
    return None


async def test_resolving_a_point_reads_postgres_once_while_nothing_changes(deps, caller):
    clock = Clock()
    points = InteractionPoints(deps, clock=clock)
    point_id = await create(points, caller)

    for step in range(200):
        clock.now += limits.INTERACTION_POINT_GENERATION_CHECK_S / 10  # Generation checks happen; no change.
        located = await points.locate(caller, point_id if step % 2 else "", "" if step % 2 else point_id, "")
        assert (located.store_id, located.interaction_point_id) == ("s-1", point_id)

    assert points.loads == 1


async def test_a_deletion_is_seen_at_once_here_and_after_the_generation_check_elsewhere(deps, caller):
    clock = Clock()
    here, elsewhere = InteractionPoints(deps, clock=clock), InteractionPoints(deps, clock=clock)
    point_id = await create(here, caller)
    await here.point(caller.org_id, point_id)
    await elsewhere.point(caller.org_id, point_id)

    await here.delete(DeleteInteractionPoint(rid(), point_id), caller)

    assert await reason(here.point(caller.org_id, point_id)) is ErrorReason.INTERACTION_POINT_NOT_FOUND
    clock.now += limits.INTERACTION_POINT_GENERATION_CHECK_S * 0.9
    assert (await elsewhere.point(caller.org_id, point_id)).store_id == "s-1"  # Within the bound: still cached.
    clock.now += limits.INTERACTION_POINT_GENERATION_CHECK_S * 0.2
    assert await reason(elsewhere.point(caller.org_id, point_id)) is ErrorReason.INTERACTION_POINT_NOT_FOUND


async def test_an_unknown_id_is_cached_until_a_point_is_created(deps, caller):
    clock = Clock()
    here, elsewhere = InteractionPoints(deps, clock=clock), InteractionPoints(deps, clock=clock)
    point_id = "till-" + rid()[:10]
    for _ in range(50):
        assert await reason(elsewhere.point(caller.org_id, point_id)) is ErrorReason.INTERACTION_POINT_NOT_FOUND
    assert elsewhere.loads == 1

    await here.create(CreateInteractionPoint(rid(), InteractionPoint(point_id, InteractionPointKind.ESHOP, "web")),
                      caller)
    clock.now += limits.INTERACTION_POINT_GENERATION_CHECK_S

    assert (await elsewhere.point(caller.org_id, point_id)).store_id == "web"
    assert (await here.point(caller.org_id, point_id)).kind is InteractionPointKind.ESHOP


async def test_an_entry_is_reloaded_after_its_maximum_age_even_without_a_generation_change(deps, caller):
    clock = Clock()
    points = InteractionPoints(deps, clock=clock)
    point_id = await create(points, caller)
    await points.point(caller.org_id, point_id)
    loads = points.loads

    clock.now += limits.INTERACTION_POINT_CACHE_ENTRY_MAX_AGE_S - 1
    await points.point(caller.org_id, point_id)
    assert points.loads == loads
    clock.now += 1
    await points.point(caller.org_id, point_id)
    assert points.loads == loads + 1


@pytest.mark.parametrize("asked, expected", [
    ({"store_id": "s-1"}, ("s-1", "north", "")),  # The point's zone.
    ({"store_id": "s-2"}, ErrorReason.INTERACTION_POINT_STORE_MISMATCH),
    ({"zone_id": "north"}, ("s-1", "north", "")),  # The point sets no zone: the request's.
    ({"zone_id": "south"}, ErrorReason.INTERACTION_POINT_STORE_MISMATCH),
    ({"concept_id": "outlet"}, ("s-1", "north", "outlet")),
    ({"concept_id": "flagship"}, ErrorReason.INTERACTION_POINT_STORE_MISMATCH),
])
async def test_the_point_sets_the_location_and_refuses_another_one(deps, caller, asked, expected):
    points = InteractionPoints(deps)
    point_id = "till-" + rid()[:10]
    zone = "" if asked.get("zone_id") == "north" else "north"
    await points.create(CreateInteractionPoint(rid(), InteractionPoint(
        point_id, InteractionPointKind.TILL, "s-1", zone, "outlet" if "concept_id" in asked else "")), caller)

    try:
        located = await points.locate(caller, point_id, "", asked.get("store_id", ""), asked.get("zone_id", ""),
                                      asked.get("concept_id", ""))
    except DomainError as error:
        assert error.reason is expected
    else:
        assert (located.store_id, located.zone_id, located.concept_id) == expected


async def test_header_and_field_must_agree_and_a_restricted_client_keeps_its_stores(deps, caller):
    import dataclasses
    points = InteractionPoints(deps)
    point_id = await create(points, caller, store_id="s-9")

    assert await reason(points.locate(caller, point_id, "other", "")) is ErrorReason.INTERACTION_POINT_MISMATCH
    assert (await points.locate(caller, point_id, point_id, "")).store_id == "s-9"
    restricted = dataclasses.replace(caller, store_ids=frozenset({"s-1"}))
    assert await reason(points.locate(restricted, point_id, "", "")) is ErrorReason.STORE_NOT_ALLOWED
    assert await reason(points.locate(caller, "bad id", "", "")) is ErrorReason.FIELD_INVALID
