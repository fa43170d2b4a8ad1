"""The domain search of seed 001 (SearchService.Search): the types it covers, the scope each
needs, and the preview of a hit. Matching itself is the store's (core/adapters/postgres/search.py)."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from core.domain.errors import DomainError, ErrorReason, field_invalid

PREVIEW_LENGTH_MAX = 256
"""Characters of a hit's preview (longer ones end in "…")."""


class SearchType(enum.IntEnum):
    ACCOUNT = 1
    COUPON = 2
    OFFER = 3


SCOPE_OF = {SearchType.ACCOUNT: "accounts:read", SearchType.COUPON: "coupons:read",
            SearchType.OFFER: "coupons:admin"}
"""The token scope that reads each type (the scope of its own Get RPC)."""


@dataclass(frozen=True, slots=True)
class SearchHit:
    type: SearchType
    ref_id: str
    preview: str
    program_id: str
    account_id: str = ""


def searched_types(asked: tuple[SearchType, ...], scopes: frozenset[str]) -> tuple[SearchType, ...]:
    """The types a search covers, in result order: the asked ones (each needs its scope:
    SCOPE_MISSING), or every type the caller may read (none: SCOPE_MISSING)."""
    if len(set(asked)) != len(asked):
        raise field_invalid("types", "no duplicates")
    for kind in asked:
        if SCOPE_OF[kind] not in scopes:
            raise DomainError(ErrorReason.SCOPE_MISSING, metadata={"scope": SCOPE_OF[kind], "type": kind.name})
    found = tuple(sorted(asked or (kind for kind in SearchType if SCOPE_OF[kind] in scopes)))
    if not found:
        raise DomainError(ErrorReason.SCOPE_MISSING, metadata={"scope": SCOPE_OF[SearchType.ACCOUNT]})
    return found


def preview(*parts: tuple[str, str]) -> str:
    """ "name: value, name: value" of the parts with a value, at most PREVIEW_LENGTH_MAX characters."""
    text = ", ".join(f"{name}: {value}" for name, value in parts if value)
    return text if len(text) <= PREVIEW_LENGTH_MAX else text[:PREVIEW_LENGTH_MAX - 1] + "…"


def account_preview(given_name: str, family_name: str, display_name: str, email: str,
                    identifier: str = "") -> str:
    """The seed's "name: Name of Person, email: E-Mail of Person", or the account's first
    identifier when it has no member."""
    name = " ".join(part for part in (given_name, family_name) if part) or display_name
    if not (name or email):
        return preview(("identifier", identifier))
    return preview(("name", name), ("email", email))

