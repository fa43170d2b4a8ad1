"""Update masks (AIP-134), shared by every Update* handler: the mask's own rules, and applying
the named fields of a patch to the current resource."""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Mapping, Sequence
from typing import TypeVar

from core.domain.errors import DomainError, ErrorReason, field_invalid, field_required

T = TypeVar("T")


def require_update_mask(paths: Sequence[str]) -> None:
    """An update mask must name fields: empty -> FIELD_REQUIRED, "*" -> FIELD_INVALID."""
    if not paths:
        raise field_required("update_mask")
    if "*" in paths:
        raise field_invalid("update_mask", "the fields to change; '*' is not allowed")


def apply_mask(current: T, patch: T, paths: Sequence[str], *, updatable: Mapping[str, str],
               immutable: Collection[str] = (), output_only: Collection[str] = (), resource: str,
               prefix: str = "") -> T:
    """`current` with the fields named by `paths` taken from `patch`. `updatable` maps a mask
    path (after `prefix`) to the attribute; an immutable path must keep its value
    (FIELD_IMMUTABLE); output-only paths are ignored; anything else is FIELD_INVALID."""
    require_update_mask(paths)
    changes = {}
    for path in paths:
        if path in output_only:
            continue
        if path in immutable:
            if getattr(patch, path) != getattr(current, path):
                raise DomainError(ErrorReason.FIELD_IMMUTABLE, metadata={"field": f"{resource}.{prefix}{path}"})
        elif path in updatable:
            changes[updatable[path]] = getattr(patch, updatable[path])
        else:
            raise field_invalid("update_mask", f"an updatable {resource} field, not {prefix + path!r}")
    return dataclasses.replace(current, **changes)
