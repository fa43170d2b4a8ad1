"""Who may call what: the scope each RPC needs, which RPCs are public, which must be signed.

An RPC is *mutating* when its request has a `request_id` (AIP-155); mutating RPCs must be
signed, reads only when REWARDS_SIGN_READS is set. Every RPC of the contract appears here: a
test walks the descriptors and fails on a method without a policy.
"""

from __future__ import annotations

from dataclasses import dataclass

from server.servicers import registry

PUBLIC_METHODS = frozenset({
    "/rewards.auth.v1.AuthService/IssueToken",
    "/rewards.auth.v1.AuthService/RefreshToken",
})
"""Called without an access token: they carry credentials of their own."""

_SERVICE_SCOPES = {
    "rewards.auth.v1.AuthService": None,  # RevokeToken: any authenticated client, its own tokens only.
    "rewards.accounts.v1.AccountService": "accounts:write",
    "rewards.coupons.v1.OfferService": "coupons:admin",
    "rewards.coupons.v1.CouponService": "coupons:redeem",
    "rewards.loyalty.v1.ProgramService": "loyalty:admin",
    "rewards.loyalty.v1.LoyaltyService": "loyalty:earn",
    "rewards.checkout.v1.CheckoutService": "checkout",
    "rewards.events.v1.EventService": "events:admin",
    "rewards.events.v1.WebhookService": "events:admin",
    "rewards.accounts.v1.InteractionPointService": "accounts:write",
    # Search: any valid token; each type searched needs the scope that reads it (core/domain/search.py).
    "rewards.accounts.v1.SearchService": None,
}
_METHOD_SCOPES = {
    "rewards.accounts.v1.AccountService/GetAccount": "accounts:read",
    "rewards.accounts.v1.AccountService/LookupAccount": "accounts:read",
    "rewards.accounts.v1.AccountService/SearchAccounts": "accounts:read",
    "rewards.accounts.v1.AccountService/ListMemberships": "accounts:read",
    "rewards.accounts.v1.AccountService/GetUser": "accounts:read",
    "rewards.accounts.v1.InteractionPointService/GetInteractionPoint": "accounts:read",
    "rewards.accounts.v1.InteractionPointService/ListInteractionPoints": "accounts:read",
    "rewards.coupons.v1.CouponService/GetCoupon": "coupons:read",
    "rewards.coupons.v1.CouponService/ValidateCoupon": "coupons:read",
    "rewards.coupons.v1.CouponService/ListDeals": "coupons:read",
    "rewards.coupons.v1.CouponService/RevokeCoupon": "coupons:admin",
    "rewards.coupons.v1.CouponService/ListAccountCoupons": "coupons:read",
    "rewards.loyalty.v1.LoyaltyService/RequestRedemptionOtp": "loyalty:redeem",
    "rewards.loyalty.v1.LoyaltyService/RedeemPoints": "loyalty:redeem",
    "rewards.loyalty.v1.LoyaltyService/GetBalance": "loyalty:read",
    "rewards.loyalty.v1.LoyaltyService/ListTransactions": "loyalty:read",
    "rewards.loyalty.v1.LoyaltyService/GetTransaction": "loyalty:read",
    "rewards.loyalty.v1.LoyaltyService/ListLuckyDrawEntries": "loyalty:read",
    # An operator's credits and debits create or remove points: back-office clients only. A void
    # (like a refund) stays with the checkout's loyalty:earn.
    "rewards.loyalty.v1.LoyaltyService/AdjustPoints": "loyalty:admin",
    "rewards.loyalty.v1.LoyaltyService/BatchAllocatePoints": "loyalty:admin",
}


@dataclass(frozen=True, slots=True)
class MethodPolicy:
    scope: str | None
    """The scope the caller's token must carry; None: any valid token."""
    mutating: bool
    public: bool


def _policies() -> dict[str, MethodPolicy]:
    policies = {}
    for service_name, service in registry().items():
        for method in service.methods:
            key = f"{service_name}/{method.name}"
            scope = _METHOD_SCOPES.get(key, _SERVICE_SCOPES[service_name])
            policies["/" + key] = MethodPolicy(scope, _mutating(method.input_type), "/" + key in PUBLIC_METHODS)
    return policies


def _mutating(request) -> bool:
    """A request with a request_id, or a batch of them (a repeated `requests` of such requests)."""
    fields = request.fields_by_name
    if "request_id" in fields:
        return True
    batch = fields.get("requests")
    return batch is not None and batch.message_type is not None and "request_id" in batch.message_type.fields_by_name


POLICIES: dict[str, MethodPolicy] = _policies()
"""Full method name (`/pkg.Service/Method`) -> policy, for every RPC of the contract."""
