"""JWT access tokens (Ed25519, `kid`-rotated keys in Postgres) and their verification.

The algorithm allow-list is fixed here (EdDSA only): a token whose header names another
algorithm (`none`, HS256 made with a public key, ...) is refused before any key is used.
exp / nbf / iat are checked against the injectable clock with a small leeway; aud, iss, sub,
jti and the claims handlers need (org, scopes, stores, rate) are required.
"""

from __future__ import annotations

import datetime as dt
import secrets
import time
from dataclasses import dataclass

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from psycopg_pool import AsyncConnectionPool

from core.adapters.sealing import MasterKeys, jwt_private_context
from core.domain import limits
from core.domain.auth import ApiClient
from core.domain.clock import Clock
from core.domain.errors import DomainError, ErrorReason

ALGORITHM = "EdDSA"
TOKEN_TYPE = "at+jwt"  # RFC 9068: an access token, never confused with anything else.
_REQUIRED = ("exp", "iat", "nbf", "aud", "iss", "sub", "jti", "org", "scopes", "stores", "rate")


@dataclass(frozen=True, slots=True)
class AccessClaims:
    client_id: str
    org_id: str
    scopes: frozenset[str]
    store_ids: frozenset[str]
    rate_per_second: int
    rate_burst: int
    jti: str
    expire_unix: int


class KeyRing:
    """The signing keys, loaded from Postgres; one active, retired ones still verify. The private
    keys are stored sealed under the master key (core/adapters/sealing.py)."""

    def __init__(self, pool: AsyncConnectionPool, master_keys: MasterKeys | None = None) -> None:
        self._pool = pool
        self._master_keys = master_keys or MasterKeys.from_env()
        self._public: dict[str, Ed25519PublicKey] = {}
        self._active: tuple[str, Ed25519PrivateKey] | None = None
        self._loaded_at = 0.0

    async def load(self) -> None:
        async with self._pool.connection() as connection:
            cursor = await connection.execute(
                "SELECT kid, private_sealed, private_pem, public_pem, active FROM signing_keys")
            rows = await cursor.fetchall()
        self._public = {kid: serialization.load_pem_public_key(public.encode()) for kid, _, _, public, _ in rows}
        active = [(kid, sealed, plain) for kid, sealed, plain, _, is_active in rows if is_active]
        if active:
            kid, sealed, plain = active[0]
            pem = self._master_keys.open(sealed, jwt_private_context(kid)) if sealed is not None else plain.encode()
            self._active = (kid, serialization.load_pem_private_key(pem, None))
        else:
            self._active = None
        self._loaded_at = time.monotonic()

    async def ensure_active(self) -> None:
        """Create the first key if there is none (safe from several processes at once)."""
        await self.load()
        if self._active is None:
            await rotate_signing_key(self._pool, self._master_keys)
            await self.load()

    @property
    def active(self) -> tuple[str, Ed25519PrivateKey]:
        if self._active is None:
            raise RuntimeError("no active signing key: KeyRing.ensure_active() was not run")
        return self._active

    async def public_key(self, kid: str) -> Ed25519PublicKey | None:
        key = self._public.get(kid)
        stale = time.monotonic() - self._loaded_at
        if key is None and stale >= limits.KEYRING_RELOAD_SECONDS_MIN or stale >= limits.KEYRING_REFRESH_SECONDS:
            await self.load()
            key = self._public.get(kid)
        return key


async def rotate_signing_key(pool: AsyncConnectionPool, master_keys: MasterKeys | None = None) -> str:
    """Make a new active key (stored sealed) and retire the current one; returns the new kid."""
    private = Ed25519PrivateKey.generate()
    kid = "k_" + secrets.token_hex(8)
    private_pem = private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                        serialization.NoEncryption())
    sealed = (master_keys or MasterKeys.from_env()).seal(private_pem, jwt_private_context(kid))
    public_pem = private.public_key().public_bytes(serialization.Encoding.PEM,
                                                   serialization.PublicFormat.SubjectPublicKeyInfo).decode()
    async with pool.connection() as connection, connection.transaction():
        await connection.execute("LOCK TABLE signing_keys IN SHARE ROW EXCLUSIVE MODE")
        await connection.execute("UPDATE signing_keys SET active = false, retire_time = now() WHERE active")
        await connection.execute(
            "INSERT INTO signing_keys (kid, private_sealed, public_pem, active) VALUES (%s, %s, %s, true)",
            (kid, sealed, public_pem))
    return kid


class AccessTokens:
    def __init__(self, keyring: KeyRing, clock: Clock, *, issuer: str, audience: str,
                 ttl_seconds: int = limits.ACCESS_TOKEN_TTL_SECONDS_DEFAULT) -> None:
        self._keyring = keyring
        self._clock = clock
        self.issuer = issuer
        self.audience = audience
        self.ttl_seconds = ttl_seconds
        self._verified: dict[str, tuple[str, dict]] = {}
        """token -> (kid, claims) whose signature, algorithm, audience and issuer were verified.
        A token is immutable, so its signature is checked once per worker; times, the key's
        presence in the key ring and the shape are checked on every call, revocation by the
        admission script. Bounded: the oldest entry goes first."""

    def issue(self, client: ApiClient) -> tuple[str, str, int]:
        """A signed access token for `client`: (token, jti, expire unix seconds)."""
        kid, key = self._keyring.active
        now = int(self._clock.now().timestamp())
        jti = secrets.token_hex(16)
        claims = {
            "iss": self.issuer, "aud": self.audience, "sub": client.client_id, "org": client.org_id,
            "scopes": list(client.scopes), "stores": list(client.store_ids),
            "rate": [client.rate_per_second, client.rate_burst],
            "iat": now, "nbf": now, "exp": now + self.ttl_seconds, "jti": jti,
        }
        token = jwt.encode(claims, key, algorithm=ALGORITHM, headers={"kid": kid, "typ": TOKEN_TYPE})
        return token, jti, now + self.ttl_seconds

    async def verify(self, token: str) -> AccessClaims:
        known = self._verified.get(token)
        if known is not None and await self._keyring.public_key(known[0]) is not None:
            return self._check_times_and_shape(known[1])
        kid, claims = await self._verify_signed(token)
        if len(self._verified) >= limits.VERIFIED_TOKENS_CACHED_MAX:
            del self._verified[next(iter(self._verified))]
        self._verified[token] = (kid, claims)
        return self._check_times_and_shape(claims)

    async def _verify_signed(self, token: str) -> tuple[str, dict]:
        """(kid, claims) of a token whose header, signature, audience and issuer are right."""
        try:
            header = jwt.get_unverified_header(token)
        except jwt.InvalidTokenError:
            raise invalid("malformed") from None
        if header.get("alg") != ALGORITHM:
            raise invalid("algorithm not allowed")
        if header.get("typ") != TOKEN_TYPE:
            raise invalid("not an access token")
        kid = header.get("kid")
        key = await self._keyring.public_key(kid) if isinstance(kid, str) else None
        if key is None:
            raise invalid("unknown key id")
        try:
            claims = jwt.decode(token, key, algorithms=[ALGORITHM], audience=self.audience,
                                issuer=self.issuer, options={
                                    "require": list(_REQUIRED), "verify_exp": False,
                                    "verify_nbf": False, "verify_iat": False})
        except jwt.InvalidAudienceError:
            raise invalid("wrong audience") from None
        except jwt.InvalidIssuerError:
            raise invalid("wrong issuer") from None
        except jwt.MissingRequiredClaimError as error:
            raise invalid(f"missing claim {error.claim}") from None
        except jwt.InvalidTokenError:
            raise invalid("bad signature") from None
        return kid, claims

    def _check_times_and_shape(self, claims: dict) -> AccessClaims:
        now = self._clock.now().timestamp()
        leeway = limits.TOKEN_LEEWAY_SECONDS
        try:
            exp, nbf, iat = int(claims["exp"]), int(claims["nbf"]), int(claims["iat"])
            rate, burst = (int(value) for value in claims["rate"])
            parsed = AccessClaims(str(claims["sub"]), str(claims["org"]), frozenset(map(str, claims["scopes"])),
                                  frozenset(map(str, claims["stores"])), rate, burst, str(claims["jti"]), exp)
        except (TypeError, ValueError):
            raise invalid("malformed claims") from None
        if exp <= now - leeway:
            raise DomainError(ErrorReason.TOKEN_EXPIRED,
                              metadata={"expire_time": dt.datetime.fromtimestamp(exp, dt.timezone.utc).isoformat()})
        if nbf > now + leeway or iat > now + leeway:
            raise DomainError(ErrorReason.TOKEN_NOT_YET_VALID)
        return parsed


def invalid(why: str) -> DomainError:
    return DomainError(ErrorReason.TOKEN_INVALID, metadata={"why": why})



