"""SearchService.Search (seed 001's domain search): one query over accounts, issued coupons and
offers, grouped by type, each hit with a preview, in keyset pages of (type, ref_id)."""

from __future__ import annotations

from dataclasses import dataclass

from core.adapters.postgres.search import SearchStore
from core.domain.accounts import parse_search_query, validate_program_id
from core.domain.errors import field_required
from core.domain.search import SearchHit, SearchType, account_preview, preview, searched_types
from core.service import paging
from core.service.accounts import Page
from core.service.context import Caller, Deps


@dataclass(frozen=True, slots=True)
class Search:
    query: str
    types: tuple[SearchType, ...] = ()
    program_id: str = ""
    page_size: int = 0
    page_token: str = ""


async def search(command: Search, caller: Caller, deps: Deps, *, store: SearchStore | None = None) -> Page:
    if not command.query.strip():
        raise field_required("query")
    terms = parse_search_query(command.query)
    if command.program_id:
        validate_program_id(command.program_id)
    types = searched_types(command.types, caller.scopes)
    size = paging.page_size(command.page_size)
    digest = paging.scope(terms, [int(t) for t in types], command.program_id)
    after = paging.decode(command.page_token, digest, (paging.INT, str))
    store = store or SearchStore(deps.pool)
    hits: list[SearchHit] = []
    for kind in types:
        if after is not None and kind < after[0]:
            continue
        start = str(after[1]) if after is not None and kind == after[0] else None
        hits += await _hits(store, kind, caller.org_id, command.program_id, terms, start, size + 1 - len(hits))
        if len(hits) > size:
            break
    page = tuple(hits[:size])
    token = paging.encode((int(page[-1].type), page[-1].ref_id), digest) if len(hits) > size else ""
    return Page(page, token)


async def _hits(store: SearchStore, kind: SearchType, org_id: str, program_id: str, terms: tuple[str, ...],
                after: str | None, limit: int) -> list[SearchHit]:
    if kind is SearchType.ACCOUNT:
        return [SearchHit(kind, a.account_id, account_preview(a.given_name, a.family_name, a.display_name, a.email,
                                                               a.identifier), a.program_id, a.account_id)
                for a in await store.accounts(org_id, program_id, terms, after, limit)]
    if kind is SearchType.COUPON:
        return [SearchHit(kind, c.code, preview(("code", c.code), ("offer", c.offer_name)), c.program_id, c.account_id)
                for c in await store.coupons(org_id, program_id, terms, after, limit)]
    found = []
    for row, offer_program in await store.offers(org_id, program_id, terms, after, limit):
        offer = row.offer(org_id)
        title = next((text.title for text in offer.content.texts if text.title), "") or offer.display_name
        kind_name = offer.reward_kind.name if offer.reward_kind is not None else ""
        found.append(SearchHit(kind, offer.offer_id, preview(("title", title), ("type", kind_name)), offer_program))
    return found
