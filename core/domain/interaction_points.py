"""Interaction points (seed 001's interaction-id): tills, online shops, apps and kiosks of an
organisation, each mapped to a store. A call that names one is located at the point: its store,
zone and concept are the point's."""

from __future__ import annotations

import datetime as dt
import enum
import re
from dataclasses import dataclass

from core.domain import limits
from core.domain.errors import DomainError, ErrorReason, field_invalid, field_required, field_too_long

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
ID_RULE = "letters, digits, '_', '.', '-', starting with a letter or digit"
HEADER = "interaction-id"
"""The request header that names the interaction point of a call (seed 001)."""


class InteractionPointKind(enum.IntEnum):
    TILL = 1
    ESHOP = 2
    APP = 3
    KIOSK = 4


@dataclass(frozen=True, slots=True)
class InteractionPoint:
    interaction_point_id: str
    kind: InteractionPointKind
    store_id: str
    zone_id: str = ""
    concept_id: str = ""
    display_name: str = ""
    create_time: dt.datetime | None = None

    def to_json(self) -> dict:
        return {"interaction_point_id": self.interaction_point_id, "kind": int(self.kind), "store_id": self.store_id,
                "zone_id": self.zone_id, "concept_id": self.concept_id, "display_name": self.display_name,
                "create_time": self.create_time.isoformat() if self.create_time else None}

    @classmethod
    def from_json(cls, data: dict) -> InteractionPoint:
        return cls(data["interaction_point_id"], InteractionPointKind(data["kind"]), data["store_id"], data["zone_id"],
                   data["concept_id"], data["display_name"],
                   dt.datetime.fromisoformat(data["create_time"]) if data["create_time"] else None)


def validate_point_id(value: str, field_name: str = "interaction_point_id") -> None:
    if not value:
        raise field_required(field_name)
    if len(value) > limits.INTERACTION_POINT_ID_LENGTH_MAX:
        raise field_too_long(field_name, limits.INTERACTION_POINT_ID_LENGTH_MAX)
    if not value.isascii() or not _ID.match(value):
        raise field_invalid(field_name, ID_RULE)


def _bounded(value: str, field_name: str, length_max: int) -> None:
    if len(value) > length_max:
        raise field_too_long(field_name, length_max)
    if value and (not value.isprintable() or value.strip() != value):
        raise field_invalid(field_name, "printable, without leading or trailing spaces")


def validate_point(point: InteractionPoint, prefix: str = "interaction_point") -> None:
    """A point as CreateInteractionPoint takes it (kind checked by the edge: None is unset)."""
    validate_point_id(point.interaction_point_id, f"{prefix}.interaction_point_id")
    if point.kind is None:
        raise field_required(f"{prefix}.kind")
    if not point.store_id:
        raise field_required(f"{prefix}.store_id")
    for name in ("store_id", "zone_id", "concept_id"):
        _bounded(getattr(point, name), f"{prefix}.{name}", limits.STORE_ID_LENGTH_MAX)
    _bounded(point.display_name, f"{prefix}.display_name", limits.INTERACTION_POINT_NAME_LENGTH_MAX)


def named_point(header: str, field_value: str) -> str:
    """The interaction point a call names: the `interaction-id` header or the request field (the
    same one when both are set, else INTERACTION_POINT_MISMATCH); "" when neither."""
    if header and field_value and header != field_value:
        raise DomainError(ErrorReason.INTERACTION_POINT_MISMATCH, metadata={
            "header": header, "interaction_point_id": field_value})
    if header:
        validate_point_id(header, HEADER)
    elif field_value:
        validate_point_id(field_value)
    return header or field_value


def located(point: InteractionPoint, store_id: str, zone_id: str = "", concept_id: str = "") -> tuple[str, str, str]:
    """(store, zone, concept) of a call at `point`: the point's where it sets them (a request
    naming another one fails with INTERACTION_POINT_STORE_MISMATCH), the request's where the
    point leaves a zone or concept empty."""
    found = []
    for name, asked, own in (("store_id", store_id, point.store_id), ("zone_id", zone_id, point.zone_id),
                             ("concept_id", concept_id, point.concept_id)):
        if asked and own and asked != own:
            raise DomainError(ErrorReason.INTERACTION_POINT_STORE_MISMATCH, metadata={
                "field": name, "interaction_point_id": point.interaction_point_id, "requested": asked,
                "interaction_point_value": own})
        found.append(own or asked)
    return found[0], found[1], found[2]
