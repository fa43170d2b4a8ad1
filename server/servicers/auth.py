"""rewards.auth.v1.AuthService: client credentials -> tokens, refresh, revoke."""

from __future__ import annotations

import datetime as dt
import urllib.parse

from rewards.auth.v1 import auth_service_pb2 as api
from rewards.auth.v1 import auth_service_pb2_grpc

from core.domain.auth import TokenPair
from core.service.auth import Auth
from server.context import current_caller
from server.convert import timestamp


class AuthServicer(auth_service_pb2_grpc.AuthServiceServicer):
    def __init__(self, auth: Auth) -> None:
        self._auth = auth

    async def IssueToken(self, request: api.IssueTokenRequest, context) -> api.IssueTokenResponse:
        pair = await self._auth.issue_token(request.org_id, request.client_id, request.client_secret,
                                            peer_address(context.peer()))
        return api.IssueTokenResponse(**_pair(pair))

    async def RefreshToken(self, request: api.RefreshTokenRequest, context) -> api.RefreshTokenResponse:
        pair = await self._auth.refresh(request.refresh_token, peer_address(context.peer()))
        return api.RefreshTokenResponse(**_pair(pair))

    async def RevokeToken(self, request: api.RevokeTokenRequest, context) -> api.RevokeTokenResponse:
        await self._auth.revoke(current_caller(), request.refresh_token)
        return api.RevokeTokenResponse()


def peer_address(peer: str) -> str:
    """The caller's address without its port (the token limits are per address):
    `ipv4:10.0.0.1:51234` -> `10.0.0.1`, `ipv6:[::1]:51234` -> `::1`, `unix:...` -> `unix`."""
    kind, _, rest = urllib.parse.unquote(peer or "").partition(":")
    if kind == "ipv4":
        return rest.rpartition(":")[0] or rest
    if kind == "ipv6":
        return rest.rpartition(":")[0].strip("[]") or rest
    return kind or "unknown"


def _pair(pair: TokenPair) -> dict:
    return {
        "access_token": pair.access_token,
        "access_token_expire_time": timestamp(dt.datetime.fromtimestamp(pair.access_expire_unix, dt.timezone.utc)),
        "refresh_token": pair.refresh_token,
        "refresh_token_expire_time": timestamp(dt.datetime.fromtimestamp(pair.refresh_expire_unix, dt.timezone.utc)),
        "token_type": "Bearer",
    }
