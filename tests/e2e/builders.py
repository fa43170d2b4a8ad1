"""The test builders the e2e modules share: offers and their codes, money, requests, reasons.

One place that knows how a test offer is made over gRPC, so a module states only what its test is
about (the rules, the reward amount) and a change to the Offer message is one edit.
"""

from __future__ import annotations

import uuid

from rewards.coupons.v1 import coupon_service_pb2 as coupons
from rewards.coupons.v1 import offer_service_pb2 as offers
from rewards.coupons.v1 import resources_pb2 as resources
from rewards.type.v1 import money_pb2

from rewards_client import RewardsClient, errors


def eur(amount_minor: int) -> money_pb2.Money:
    return money_pb2.Money(amount_minor=amount_minor, currency_code="EUR")


def offer(program_id: str = "prog", *, discount_minor: int = 500, state: int = resources.OFFER_STATE_ACTIVE,
          content=None, description: str = "", **rules) -> resources.Offer:
    """An Offer message: a fixed EUR discount with the given rules (fields of OfferRules)."""
    return resources.Offer(
        program_id=program_id, display_name=f"{discount_minor / 100:g} EUR off", state=state, content=content,
        description=description,
        reward=resources.Reward(kind=resources.REWARD_KIND_DISCOUNT_AMOUNT, discount_amount=eur(discount_minor)),
        rules=resources.OfferRules(**rules))


async def create_offer(client: RewardsClient, message: resources.Offer) -> resources.Offer:
    return (await client.call(client.offers.CreateOffer, offers.CreateOfferRequest(offer=message))).offer


async def add_common_code(client: RewardsClient, offer_id: str, code: str = "", prefix: str = "E2E") -> str:
    """Gives the offer a COMMON code series; returns the code."""
    code = code or prefix + uuid.uuid4().hex[:10].upper()
    await client.call(client.offers.CreateCodeSeries, offers.CreateCodeSeriesRequest(code_series=resources.CodeSeries(
        offer_id=offer_id, type=resources.CODE_SERIES_TYPE_COMMON, common_code=code)))
    return code


async def new_offer(client: RewardsClient, program_id: str = "prog", *, common_code: str = "",
                    discount_minor: int = 500, **rules) -> str:
    """Creates an active offer (with `common_code` as its COMMON code when given); returns its id."""
    offer_id = (await create_offer(client, offer(program_id, discount_minor=discount_minor, **rules))).offer_id
    if common_code:
        await add_common_code(client, offer_id, common_code)
    return offer_id


async def offer_with_code(client: RewardsClient, program_id: str = "prog", **rules) -> tuple[str, str]:
    """Creates an active offer with a fresh COMMON code; returns (offer id, code)."""
    offer_id = await new_offer(client, program_id, **rules)
    return offer_id, await add_common_code(client, offer_id)


def redeem(code: str, account: str, bill: int = 2_000, request_id: str = "") -> coupons.RedeemCouponRequest:
    return coupons.RedeemCouponRequest(request_id=request_id, code=code, account_id=account,
                                       store_id="store-1", bill_amount=eur(bill))


async def reason_of(awaitable) -> str | None:
    """The ErrorInfo reason the call fails with, None when it succeeds."""
    try:
        await awaitable
    except errors.RewardsError as error:
        return error.reason
    return None


async def ensure_interaction_point(client: RewardsClient, interaction_point_id: str = "", store_id: str = "store-1",
                                   zone_id: str = "", concept_id: str = "", kind: int = 1) -> str:
    """Registers an interaction point (a new random id if none is given; one that exists already
    is fine) mapped to the store; returns its id. kind 1: a till."""
    from rewards.accounts.v1 import interaction_point_service_pb2 as points_api
    from rewards.accounts.v1 import resources_pb2 as accounts_resources
    interaction_point_id = interaction_point_id or "ip-" + uuid.uuid4().hex[:12]
    try:
        await client.call(client.interaction_points.CreateInteractionPoint, points_api.CreateInteractionPointRequest(
            interaction_point=accounts_resources.InteractionPoint(
                interaction_point_id=interaction_point_id, kind=kind, store_id=store_id, zone_id=zone_id,
                concept_id=concept_id)))
    except errors.RewardsError as error:
        if error.reason != "INTERACTION_POINT_ALREADY_EXISTS":
            raise
    return interaction_point_id
