"""Interaction points in Postgres: the rows the ledger writer inserts (a point, a deletion) and
the reads (one live point, a page of them)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from psycopg.rows import class_row
from psycopg_pool import AsyncConnectionPool

from core.adapters.postgres.ledger_writer import Row
from core.domain.interaction_points import InteractionPoint, InteractionPointKind

LIVE_UNIQUE = "interaction_points_live_unique"
"""A live point of the organisation has the id already (CreateInteractionPoint)."""
DELETIONS_LIVE = "interaction_point_deletions_live"
"""The point was deleted in between (DeleteInteractionPoint)."""

_COLUMNS = ("org_id", "interaction_point_id", "kind", "store_id", "zone_id", "concept_id", "display_name",
            "create_time", "client_id", "request_id")
_DELETION_COLUMNS = ("org_id", "interaction_point_id", "delete_time", "client_id", "request_id")
_SELECT = ("SELECT interaction_point_id, kind, store_id, zone_id, concept_id, display_name, create_time"
           " FROM interaction_points")


@dataclass(frozen=True, slots=True)
class PointRecord:
    interaction_point_id: str
    kind: int
    store_id: str
    zone_id: str
    concept_id: str
    display_name: str
    create_time: dt.datetime

    def point(self) -> InteractionPoint:
        return InteractionPoint(self.interaction_point_id, InteractionPointKind(self.kind), self.store_id,
                                self.zone_id, self.concept_id, self.display_name, self.create_time)


def point_row(*, org_id: str, point: InteractionPoint, client_id: str, request_id: str) -> Row:
    return Row("interaction_points", _COLUMNS, (
        org_id, point.interaction_point_id, int(point.kind), point.store_id, point.zone_id, point.concept_id,
        point.display_name, point.create_time, client_id, request_id))


def deletion_row(*, org_id: str, interaction_point_id: str, delete_time: dt.datetime, client_id: str,
                 request_id: str) -> Row:
    return Row("interaction_point_deletions", _DELETION_COLUMNS,
               (org_id, interaction_point_id, delete_time, client_id, request_id))


class InteractionPointStore:
    def __init__(self, pool: AsyncConnectionPool) -> None:
        self._pool = pool

    async def _records(self, query: str, params) -> list[PointRecord]:
        async with self._pool.connection() as connection:
            cursor = connection.cursor(row_factory=class_row(PointRecord))
            await cursor.execute(query, params)
            return await cursor.fetchall()

    async def live(self, org_id: str, interaction_point_id: str) -> InteractionPoint | None:
        """The organisation's live point with this id (interaction_points_live_unique)."""
        found = await self._records(_SELECT + " WHERE org_id = %s AND interaction_point_id COLLATE \"C\" = %s"
                                    " AND delete_time IS NULL", (org_id, interaction_point_id))
        return found[0].point() if found else None

    async def page(self, org_id: str, store_id: str, after: str | None, limit: int) -> list[InteractionPoint]:
        """Live points by id (byte order), of one store when `store_id`, after `after`."""
        sql = _SELECT + " WHERE org_id = %s AND delete_time IS NULL"
        params: list = [org_id]
        if store_id:
            sql += " AND store_id = %s"
            params.append(store_id)
        if after is not None:
            sql += " AND interaction_point_id COLLATE \"C\" > %s"
            params.append(after)
        sql += " ORDER BY interaction_point_id COLLATE \"C\" LIMIT %s"
        return [record.point() for record in await self._records(sql, params + [limit])]
