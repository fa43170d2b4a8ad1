"""rewards.accounts.v1.SearchService: proto <-> command translation around core/service/search.py."""

from __future__ import annotations

from rewards.accounts.v1 import search_service_pb2 as api
from rewards.accounts.v1 import search_service_pb2_grpc

from core.domain.errors import field_invalid
from core.domain.search import SearchType
from core.service import search
from core.service.context import Deps
from server.context import current_caller


def _type(value: int, field: str) -> SearchType:
    try:
        return SearchType(value)
    except ValueError:
        raise field_invalid(field, "a known SearchType, not UNSPECIFIED") from None


class SearchServicer(search_service_pb2_grpc.SearchServiceServicer):
    def __init__(self, deps: Deps) -> None:
        self._deps = deps

    async def Search(self, request: api.SearchRequest, context) -> api.SearchResponse:
        command = search.Search(request.query, tuple(_type(t, f"types[{n}]") for n, t in enumerate(request.types)),
                                request.program_id, request.page_size, request.page_token)
        page = await search.search(command, current_caller(), self._deps)
        return api.SearchResponse(hits=[api.SearchHit(type=int(hit.type), ref_id=hit.ref_id, preview=hit.preview,
                                                      program_id=hit.program_id, account_id=hit.account_id)
                                        for hit in page.items], next_page_token=page.next_page_token)
