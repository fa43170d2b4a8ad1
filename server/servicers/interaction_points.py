"""rewards.accounts.v1.InteractionPointService, and the edge's resolution of a call's interaction
point (seed 001's `interaction-id` header or a request's interaction_point_id field) into the
call's store, zone and concept, before the command is built."""

from __future__ import annotations

from rewards.accounts.v1 import interaction_point_service_pb2 as api
from rewards.accounts.v1 import interaction_point_service_pb2_grpc
from rewards.accounts.v1 import resources_pb2 as resources

from core.domain.errors import field_invalid
from core.domain.interaction_points import HEADER, InteractionPoint, InteractionPointKind
from core.service.context import Caller
from core.service.interaction_points import (CreateInteractionPoint, DeleteInteractionPoint, InteractionPoints,
                                             ListInteractionPoints)
from server.context import current_caller
from server.convert import timestamp


def header_of(context) -> str:
    """The call's `interaction-id` header ("" when absent; the last one when repeated)."""
    found = ""
    for key, value in context.invocation_metadata() or ():
        if key == HEADER:
            found = value if isinstance(value, str) else value.decode("utf-8", "replace")
    return found


async def locate_request(points: InteractionPoints, request, context, caller: Caller | None = None,
                         header: str | None = None) -> None:
    """Resolve the request's interaction point (header or field) in place: its store_id (and
    zone_id, concept_id where the request has them) become the point's, interaction_point_id
    names it. A request that names none is left as it is."""
    fields = request.DESCRIPTOR.fields_by_name
    point_field = "interaction_point_id" if "interaction_point_id" in fields else None
    header = header_of(context) if header is None else header
    if not header and not (point_field and getattr(request, point_field)):
        return
    located = await points.locate(caller or current_caller(), header, getattr(request, point_field, ""),
                                  request.store_id, getattr(request, "zone_id", "") if "zone_id" in fields else "",
                                  request.concept_id if "concept_id" in fields else "")
    request.store_id = located.store_id
    request.interaction_point_id = located.interaction_point_id
    if "zone_id" in fields:
        request.zone_id = located.zone_id
    if "concept_id" in fields:
        request.concept_id = located.concept_id


def point_from_proto(point: resources.InteractionPoint) -> InteractionPoint:
    kind = None
    if point.kind:
        try:
            kind = InteractionPointKind(point.kind)
        except ValueError:
            raise field_invalid("interaction_point.kind", "a known InteractionPointKind") from None
    return InteractionPoint(point.interaction_point_id, kind, point.store_id, point.zone_id,  # type: ignore[arg-type]
                            point.concept_id, point.display_name)


def point_to_proto(point: InteractionPoint) -> resources.InteractionPoint:
    message = resources.InteractionPoint(
        interaction_point_id=point.interaction_point_id, kind=int(point.kind), store_id=point.store_id,
        zone_id=point.zone_id, concept_id=point.concept_id, display_name=point.display_name)
    if point.create_time is not None:
        message.create_time.CopyFrom(timestamp(point.create_time))
    return message


class InteractionPointServicer(interaction_point_service_pb2_grpc.InteractionPointServiceServicer):
    def __init__(self, points: InteractionPoints) -> None:
        self._points = points

    async def CreateInteractionPoint(self, request: api.CreateInteractionPointRequest,
                                     context) -> api.CreateInteractionPointResponse:
        point = await self._points.create(CreateInteractionPoint(request.request_id,
                                                                 point_from_proto(request.interaction_point)),
                                          current_caller())
        return api.CreateInteractionPointResponse(interaction_point=point_to_proto(point))

    async def GetInteractionPoint(self, request: api.GetInteractionPointRequest,
                                  context) -> api.GetInteractionPointResponse:
        point = await self._points.get(request.interaction_point_id, current_caller())
        return api.GetInteractionPointResponse(interaction_point=point_to_proto(point))

    async def ListInteractionPoints(self, request: api.ListInteractionPointsRequest,
                                    context) -> api.ListInteractionPointsResponse:
        page = await self._points.list(ListInteractionPoints(request.store_id, request.page_size, request.page_token),
                                       current_caller())
        return api.ListInteractionPointsResponse(interaction_points=[point_to_proto(p) for p in page.items],
                                                 next_page_token=page.next_page_token)

    async def DeleteInteractionPoint(self, request: api.DeleteInteractionPointRequest,
                                     context) -> api.DeleteInteractionPointResponse:
        await self._points.delete(DeleteInteractionPoint(request.request_id, request.interaction_point_id),
                                  current_caller())
        return api.DeleteInteractionPointResponse()
