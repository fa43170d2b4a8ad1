"""Every RPC of the contract has a policy; scopes exist; only the token endpoints are public."""

from __future__ import annotations

from core.domain.auth import SCOPES
from server.authz import POLICIES, PUBLIC_METHODS
from server.servicers import registry


def test_every_rpc_of_the_contract_has_a_policy():
    methods = {f"/{name}/{m.name}" for name, service in registry().items() for m in service.methods}

    assert set(POLICIES) == methods


def test_every_required_scope_is_a_known_scope():
    assert {p.scope for p in POLICIES.values() if p.scope} <= SCOPES


def test_only_issue_and_refresh_token_are_public():
    assert {m for m, p in POLICIES.items() if p.public} == PUBLIC_METHODS == {
        "/rewards.auth.v1.AuthService/IssueToken", "/rewards.auth.v1.AuthService/RefreshToken"}


def test_rpcs_with_a_request_id_are_mutating_and_so_signed():
    assert POLICIES["/rewards.accounts.v1.AccountService/CreateAccount"].mutating
    assert POLICIES["/rewards.coupons.v1.CouponService/RedeemCoupon"].mutating
    assert not POLICIES["/rewards.accounts.v1.AccountService/GetAccount"].mutating
