"""Servicers: thin translators, proto request -> command -> handler -> result -> proto response.

Every service of the contract is registered. A service or RPC that is drafted but not served yet
answers UNIMPLEMENTED with reason NOT_IMPLEMENTED (through the generated base servicer).
"""

from __future__ import annotations

import importlib
import pkgutil

import grpc

import rewards
from core.service.auth import Auth
from core.service.checkout import Checkout
from core.service.context import Deps
from core.service.coupons import Coupons
from core.service.events_outbox import Events
from core.service.interaction_points import InteractionPoints
from core.service.points import Points
from server.servicers.accounts import AccountServicer
from server.servicers.auth import AuthServicer
from server.servicers.checkout import CheckoutServicer
from server.servicers.coupons import CouponServicer, OfferServicer
from server.servicers.events import EventServicer, WebhookServicer
from server.servicers.interaction_points import InteractionPointServicer
from server.servicers.search import SearchServicer
from server.servicers.loyalty import LoyaltyServicer
from server.servicers.programs import ProgramServicer


def _grpc_modules():
    for info in pkgutil.walk_packages(rewards.__path__, "rewards."):
        if info.name.endswith("_pb2_grpc"):
            yield importlib.import_module(info.name)


def _services() -> dict[str, tuple[type, object, object]]:
    """Full service name -> (generated base servicer, add_*_to_server, ServiceDescriptor)."""
    found = {}
    for module in _grpc_modules():
        descriptor_module = importlib.import_module(module.__name__[: -len("_grpc")])
        for name, service in descriptor_module.DESCRIPTOR.services_by_name.items():
            found[service.full_name] = (getattr(module, f"{name}Servicer"),
                                        getattr(module, f"add_{name}Servicer_to_server"), service)
    return dict(sorted(found.items()))


_REGISTRY = _services()
SERVICES: tuple[str, ...] = tuple(_REGISTRY)
"""Every rewards.* service of the contract, by full name."""


def registry() -> dict:
    """Full service name -> its ServiceDescriptor, for every rewards.* service."""
    return {name: descriptor for name, (_, _, descriptor) in _REGISTRY.items()}


def add_servicers(server: grpc.aio.Server, deps: Deps, auth: Auth, coupons: Coupons, points: Points,
                  checkout: Checkout | None = None, events: Events | None = None, messenger=None) -> None:
    directory = InteractionPoints(deps)  # One per worker: the interaction points cached in process.
    implemented = {"rewards.accounts.v1.AccountService": AccountServicer(deps, points.built_in_event),
                   "rewards.auth.v1.AuthService": AuthServicer(auth),
                   "rewards.coupons.v1.OfferService": OfferServicer(coupons),
                   "rewards.coupons.v1.CouponService": CouponServicer(coupons, messenger, directory),
                   "rewards.loyalty.v1.LoyaltyService": LoyaltyServicer(points, directory),
                   "rewards.loyalty.v1.ProgramService": ProgramServicer(deps),
                   "rewards.accounts.v1.InteractionPointService": InteractionPointServicer(directory),
                   "rewards.accounts.v1.SearchService": SearchServicer(deps)}
    if checkout is not None:
        implemented["rewards.checkout.v1.CheckoutService"] = CheckoutServicer(checkout, directory)
    if events is not None:
        implemented["rewards.events.v1.EventService"] = EventServicer(events)
        implemented["rewards.events.v1.WebhookService"] = WebhookServicer(events)
    for name, (base, add, _) in _REGISTRY.items():
        add(implemented.get(name) or base(), server)
