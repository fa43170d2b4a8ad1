"""Who is calling, and the dependencies a handler may use."""

from __future__ import annotations

from dataclasses import dataclass, field

from core.adapters.infrastructure import Deps

__all__ = ["Caller", "Deps"]


@dataclass(frozen=True, slots=True)
class Caller:
    """The authenticated API client, as the access token's claims describe it.

    Handlers read everything they need from here; no lookup is made per call.
    """

    client_id: str
    org_id: str
    scopes: frozenset[str] = field(default_factory=frozenset)
    store_ids: frozenset[str] = field(default_factory=frozenset)
