"""Coupon handlers: create an offer, redeem a coupon, reverse a redemption.

A redemption, as DESIGN.md section 4 draws it:

    validate -> claim request_id -> rules without shared state (in process, cached offer)
    -> coupon_redeem.lua: epoch + gap + per-account and global limits, reserve (one round trip)
    -> ledger writer: the redemption row and the stored reply in one group commit
       (a trigger refuses rows admitted under a stale Redis epoch)
    -> coupon_confirm.lua (or coupon_release.lua if the commit failed) -> reply

A reservation left behind by a crash is settled by `sweep_reservations`: confirmed if its
request is in the ledger, released otherwise. Counters are rebuilt from the ledger per offer
(`load_offer_state`) whenever an offer's epoch key is missing or stale.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import datetime as dt
import enum
import hashlib
import json
import time
import uuid
import dataclasses
from collections.abc import Awaitable, Callable, Sequence
from typing import NamedTuple, Protocol
from dataclasses import asdict, dataclass

from psycopg.errors import UniqueViolation
from psycopg.types.json import Jsonb

from core.adapters.failures import as_domain_error
from core.adapters.postgres.ledger_writer import Row
from core.adapters.redis.state import StateGuard
from core.domain import limits
from core.codegen import DEFAULT_ALPHABET, CodeGenerator
from core.domain.accounts import Identifier, IdentifierType, validate_identifier, validate_program_id
from core.domain.coupons import (CouponState, Customer, ExpiryMode, IssuanceRules, IssuedCoupon, Location, Money,
                                 Offer, OfferContent, OfferState, Rates, RedemptionRules, RematchPolicy, RewardKind,
                                 apply_offer_update, coupon_expiry, coupon_failures, coupon_rule_failures, coupon_state,
                                 deal_is_open, discount, failing_rules, parse_account_coupon_id, reward_currencies,
                                 validate_content, activation_refusal, validate_offer)
from core.domain.errors import DomainError, ErrorReason, field_invalid, field_required, field_too_long
from core.domain.masks import require_update_mask
from core.service.account_states import AccountState, account_state, check_state
from core.service.accounts import (REQUEST_FIELDS, AccountRef, require_active, require_program, resolve_account,
                                   validate_ref, validate_request_id)
from core.service.code_series import (CodeSeriesBook, draw_code, load_pools, pool_key, pool_series,
                                      register_common_code, settle_code, sweep_drawn_codes, take_named_code,
                                      unpool_revoked_codes)
from core.service.context import Caller, Deps
from core.service.idempotent import Prepared, execute_once, execute_retrying
from core.adapters.postgres.outbox import event_row
from core.service.events_outbox import evented

RESERVATION_TTL_MS = 30_000
"""A reservation not confirmed or released by then is settled by the recovery sweep."""
OFFER_CACHE_SECONDS = 2.0

_REDEMPTION_COLUMNS = ("redemption_id", "org_id", "offer_id", "code", "account_id", "store_id", "bill_minor",
                       "currency_code", "discount_minor", "request_id", "client_id", "epoch", "redeem_time",
                       "coupon_id", "coupon_use", "points_transaction_id")
_COUPON_COLUMNS = ("coupon_id", "org_id", "offer_id", "code", "account_id", "issue_time", "expire_time",
                   "request_id", "client_id", "epoch", "activation_required", "state_change_time", "common")
_COUPON_SELECT = ("c.coupon_id::text, c.code, c.offer_id::text, c.account_id::text, c.issue_time, c.expire_time,"
                  " c.activation_required, c.activate_time, c.revoke_time, c.use_count, c.reversal_count,"
                  " c.last_redeem_time, c.state_change_time")
"""The columns of an IssuedCoupon, in its field order (prefix `c` = coupons)."""
CODE_LENGTH = 10
_OFFER_SELECT = "o.offer_id, o.state, o.definition, o.common_code, o.version, o.create_time, o.update_time"
"""The columns `_offer_of_row` reads (prefix `o` = offers)."""
_REVERSAL_COLUMNS = ("redemption_id", "request_id", "client_id", "reverse_time")
_EVENT_COLUMNS = ("event_id", "org_id", "offer_id", "kind", "event_time", "detail")


def _tag(offer_id: str) -> str:
    return f"rewards:{{o:{offer_id}}}"


def offer_keys(offer_id: str, account_id: str, epoch: int | str, kind: str = "redeemed") -> list[str]:
    """KEYS of coupon_redeem / coupon_release: epoch, offer count, account count, last, reservations,
    the offer's live limits.

    `kind` "redeemed" counts redemptions; "issued" counts issued coupons (the same script
    enforces the issue limits)."""
    tag = _tag(offer_id)
    if kind == "issued":
        return [f"{tag}:epoch", f"{tag}:issued", f"{tag}:acct:{account_id}:issued",
                f"{tag}:acct:{account_id}:issued-last", f"{tag}:issue-reservations:{epoch}", f"{tag}:limits:issued"]
    return [f"{tag}:epoch", f"{tag}:redeemed", f"{tag}:acct:{account_id}:redeemed",
            f"{tag}:acct:{account_id}:last", f"{tag}:reservations:{epoch}", f"{tag}:limits:redeemed"]


def coupon_keys(offer_id: str, coupon_id: str) -> list[str]:
    """The coupon's use count and reversal count (KEYS[7..8] of coupon_redeem)."""
    tag = _tag(offer_id)
    return [f"{tag}:coupon:{coupon_id}:uses", f"{tag}:coupon:{coupon_id}:reversals"]


@dataclass(frozen=True, slots=True)
class Redemption:
    redemption_id: str
    offer_id: str
    account_id: str
    discount_minor: int
    currency_code: str
    redeem_time: dt.datetime
    offer_redeemed_count: int
    remaining_account_redemptions: int = -1
    """Redemptions of the offer the account has left after this one; -1: no limit."""
    remaining_redemptions: int = -1
    """Redemptions of the offer left in all after this one; -1: no limit."""
    reward_kind: int = 0
    """The offer's RewardKind (0: a reply stored before kinds were recorded)."""
    free_item_sku: str = ""
    """FREE_ITEM, REWARD: the item given for free."""

    def to_json(self) -> dict:
        return {**asdict(self), "redeem_time": self.redeem_time.isoformat()}

    @classmethod
    def from_json(cls, data: dict) -> Redemption:
        return cls(**{**data, "redeem_time": dt.datetime.fromisoformat(data["redeem_time"])})


class Reserved(NamedTuple):
    """What coupon_redeem reserved: the counts include this use; the limits are those applied."""

    epoch: int
    count: int
    reversals: int
    account_count: int
    account_max: int
    offer_max: int

    @property
    def remaining_account(self) -> int:
        return max(0, self.account_max - self.account_count) if self.account_max else -1

    @property
    def remaining(self) -> int:
        return max(0, self.offer_max - self.count) if self.offer_max else -1


@dataclass(frozen=True, slots=True)
class HeldPayment:
    """Points reserved in a wallet whose debit row is about to be committed."""

    row: Row
    rejections: dict
    confirm: Callable[[], Awaitable[None]]
    release: Callable[[], Awaitable[None]]


class PointsPayer(Protocol):
    async def pay(self, account_id: str, points: int, request_id: str, caller: Caller) -> HeldPayment: ...


async def _both(first: Callable[[], Awaitable[None]], second: Callable[[], Awaitable[None]]) -> None:
    await first()
    await second()


@dataclass(frozen=True, slots=True)
class HeldRedemption:
    """A redemption reserved in Redis whose row is about to be committed."""

    redemption: Redemption
    row: Row
    rejections: dict
    offer: Offer
    confirm: Callable[[], Awaitable[None]]
    release: Callable[[], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class Reversal:
    redemption_id: str
    reverse_time: dt.datetime

    def to_json(self) -> dict:
        return {"redemption_id": self.redemption_id, "reverse_time": self.reverse_time.isoformat()}

    @classmethod
    def from_json(cls, data: dict) -> Reversal:
        return cls(data["redemption_id"], dt.datetime.fromisoformat(data["reverse_time"]))


@dataclass(frozen=True, slots=True)
class _CreateOffer:
    request_id: str
    definition: dict
    program_id: str
    state: int


@dataclass(frozen=True, slots=True)
class _OfferResult:
    offer_id: str
    org_id: str
    state: int
    definition: dict
    version: int = 1
    create_time: str = ""
    update_time: str = ""
    common_code: str | None = None

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> _OfferResult:
        return cls(**data)

    @classmethod
    def of(cls, offer: Offer) -> _OfferResult:
        return cls(offer.offer_id, offer.org_id, int(offer.state), offer_definition(offer), offer.version,
                   _iso(offer.create_time), _iso(offer.update_time), offer.common_code)

    def offer(self) -> Offer:
        when = lambda value: dt.datetime.fromisoformat(value) if value else None  # noqa: E731
        return offer_from_row(self.org_id, self.common_code, self.offer_id, self.state, self.definition,
                              self.version, when(self.create_time), when(self.update_time))


def _iso(value: dt.datetime | None) -> str:
    return value.isoformat() if value else ""


@dataclass(frozen=True, slots=True)
class UpdateOffer:
    request_id: str
    offer: Offer
    """offer_id names the offer; the fields named by update_mask are taken from here."""
    etag: str
    """Non-empty: the update applies only to this version of the offer (else OFFER_ETAG_MISMATCH)."""
    update_mask: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _UpdateOffer:
    """UpdateOffer as fingerprinted: the patch in its stored (canonical, sorted) form."""

    request_id: str
    offer_id: str
    etag: str
    definition: dict
    update_mask: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ListOffers:
    program_id: str
    states: tuple[int, ...] = ()
    page_size: int = 0
    page_token: str = ""
    store_id: str = ""
    zone_id: str = ""


@dataclass(frozen=True, slots=True)
class OfferListing:
    """An offer with its counters as of the read (ListOffers, GetOffer, UpdateOffer)."""

    offer: Offer
    issued_count: int
    redeemed_count: int
    """Net of reversals."""
    issue_threshold_reach_time: dt.datetime | None = None

    @property
    def remaining_issue_count(self) -> int:
        """Coupons left to issue; -1 without a limit."""
        limit = self.offer.rules.max_issues
        return max(0, limit - self.issued_count) if limit else -1


@dataclass(frozen=True, slots=True)
class ListDeals:
    account_id: str
    location: Location = Location()
    """Where the account is; an empty field is not checked."""
    page_size: int = 0
    page_token: str = ""
    account_identifier: Identifier | None = None
    """Instead of account_id: one of the account's identifiers."""


@dataclass(frozen=True, slots=True)
class Deal:
    """An offer open now to an account, with its redeemable coupons and the redemptions left."""

    offer: Offer
    coupons: list[CouponView]
    account_remaining_count: int
    """Redemptions the account has left; -1 = no limit."""
    total_remaining_count: int
    """Redemptions the offer has left in all; -1 = no limit."""
    next_redemption_time: dt.datetime | None = None
    """When the account's redemption gap ends, if it has not yet; None = redeemable now."""


_OFFER_CHANGE_COLUMNS = ("offer_id", "version", "org_id", "previous_version", "definition", "update_time",
                         "request_id", "client_id")


def offer_etag(offer: Offer) -> str:
    """The offer's etag: its version (grows with every change: update, activation, code)."""
    return str(offer.version)


@dataclass(frozen=True, slots=True)
class IssueCoupon:
    request_id: str
    offer_id: str
    account_id: str
    code: str = ""
    """A bulk row's code to issue (the offer's common code, or a new code); empty: one is made."""
    code_series_id: str = ""
    """The series to draw the code from; empty: the offer's oldest series with a code left."""
    account_identifier: Identifier | None = None
    """Instead of account_id: one of the account's identifiers (in the offer's program)."""


@dataclass(frozen=True, slots=True)
class Validation:
    failures: list[DomainError]
    """Every failing rule and limit, in precedence order; empty when RedeemCoupon would succeed."""
    offer: Offer | None
    discount_minor: int
    validate_time: dt.datetime
    coupon: CouponView | None = None
    """The issued coupon the code names; None for a common code or an unknown one."""
    code: str = ""
    """The code validated (the one an account coupon id named, if it was used)."""
    account_id: str = ""


@dataclass(frozen=True, slots=True)
class CouponView:
    """An issued coupon and its state as of the read."""

    coupon: IssuedCoupon
    state: CouponState


@dataclass(frozen=True, slots=True)
class RedeemCoupon:
    request_id: str
    code: str
    account_id: str
    store_id: str
    bill: Money
    account_coupon_id: str = ""
    """Instead of code (and account_id): the account's newest coupon of an offer."""
    zone_id: str = ""
    interaction_point_id: str = ""
    account_identifier: Identifier | None = None
    """Instead of account_id: one of the account's identifiers (in the offer's program)."""

    @property
    def location(self) -> Location:
        return Location(self.store_id, self.zone_id, self.interaction_point_id)


@dataclass(frozen=True, slots=True)
class BulkRow:
    """One customer of a BulkIssueCoupons batch: exactly one of the four names, and maybe a code."""

    account_id: str = ""
    external_id: str = ""
    mobile: str = ""
    email: str = ""
    code: str = ""


@dataclass(frozen=True, slots=True)
class BulkIssue:
    request_id: str
    offer_id: str
    rows: tuple[BulkRow, ...]


@dataclass(frozen=True, slots=True)
class BulkRowResult:
    """A row's outcome: its coupon, or the error that left it unissued."""

    index: int
    account_id: str
    coupon: CouponView | None = None
    error: DomainError | None = None


@dataclass(frozen=True, slots=True)
class AddOfferCustomers:
    request_id: str
    offer_id: str
    account_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Listing:
    """AddOfferCustomers' answer."""

    added_count: int

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> Listing:
        return cls(**data)


@dataclass(frozen=True, slots=True)
class ReverseRedemption:
    request_id: str
    redemption_id: str


@dataclass(frozen=True, slots=True)
class ActivateCoupon:
    request_id: str
    code: str
    account_id: str
    active: bool = True
    """False: DeactivateCoupon (take the activation back)."""
    account_identifier: Identifier | None = None
    """Instead of account_id: one of the account's identifiers (in the offer's program)."""


class RevocationMode(enum.IntEnum):
    """Which coupons a revocation covers (the numbers are the contract's; ONE is RevokeCoupon)."""

    ALL_UNREDEEMED = 1
    UNISSUED_ONLY = 2
    CUSTOMERS = 3
    ONE = 4


@dataclass(frozen=True, slots=True)
class RevokeCoupons:
    request_id: str
    offer_id: str
    mode: int
    account_ids: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True, slots=True)
class RevokeCoupon:
    request_id: str
    code: str
    account_id: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class Revocation:
    revocation_id: str
    revoke_time: dt.datetime
    revoked_count: int = 0
    redeemed_count: int = 0

    def to_json(self) -> dict:
        return {"revocation_id": self.revocation_id, "revoke_time": self.revoke_time.isoformat()}

    @classmethod
    def from_json(cls, data: dict) -> Revocation:
        return cls(data["revocation_id"], dt.datetime.fromisoformat(data["revoke_time"]))


@dataclass(frozen=True, slots=True)
class ListAccountCoupons:
    account_id: str
    offer_id: str = ""
    page_size: int = 0
    page_token: str = ""


@dataclass(frozen=True, slots=True)
class AccountCoupon:
    """A coupon in an account's list, with the redemption counts of its offer."""

    view: CouponView
    account_redemption_count: int
    offer_redemption_count: int


class Coupons:
    """The coupon engine of one worker: offer cache, Redis scripts, ledger writes."""

    def __init__(self, deps: Deps, guard: StateGuard) -> None:
        self._deps = deps
        self._guard = guard
        self._by_code: dict[tuple[str, str], tuple[Offer | None, float]] = {}
        self.wallet: PointsPayer | None = None
        """Debits the points price of REWARD coupons (the loyalty context sets it)."""
        self.series = CodeSeriesBook(deps, guard, self)
        """Code series: CreateCodeSeries, GenerateCodes, ImportCodes."""

    # --- offers ---------------------------------------------------------------------------

    async def create_offer(self, offer: Offer, program_id: str) -> Offer:
        """Store a new offer directly (tests and tools; the RPC uses create_offer_once)."""
        now = self._deps.clock.now()
        async with self._deps.pool.connection() as connection:
            await connection.execute(
                "INSERT INTO offers (offer_id, org_id, program_id, state, definition, common_code, create_time,"
                " update_time) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
                (offer.offer_id, offer.org_id, program_id, int(offer.state), Jsonb(offer_definition(offer)),
                 offer.common_code, now, now))
            if offer.common_code:
                await register_common_code(connection, offer.org_id, offer.common_code, offer.offer_id)
        return offer

    async def create_offer_once(self, request_id: str, offer: Offer, caller: Caller) -> Offer:
        """CreateOffer: idempotent by request_id, committed through the ledger writer."""
        validate_request_id(request_id)
        validate_program_id(offer.program_id, "offer.program_id")
        validate_offer(offer)
        command = _CreateOffer(request_id, offer_definition(offer), offer.program_id, int(offer.state))

        async def prepare() -> Prepared[_OfferResult]:
            await require_program(self._deps, caller.org_id, offer.program_id)
            now = self._deps.clock.now()
            created = _OfferResult(str(uuid.uuid4()), caller.org_id, int(offer.state), offer_definition(offer),
                                   create_time=now.isoformat(), update_time=now.isoformat())
            row = Row("offers", ("offer_id", "org_id", "program_id", "state", "definition", "create_time",
                                 "update_time"),
                      (created.offer_id, caller.org_id, offer.program_id, int(offer.state),
                       Jsonb(created.definition), now, now))
            return Prepared(created, (row,))

        result = await execute_once(self._deps, caller, "CreateOffer", command, prepare, _OfferResult.from_json)
        return result.offer()

    async def set_common_code(self, request_id: str, offer_id: str, code: str, caller: Caller) -> str:
        """CreateCodeSeries of type COMMON: one code for every customer of the offer."""
        validate_request_id(request_id)
        offer_id = _uuid(offer_id, "code_series.offer_id")
        if not code:
            raise field_required("code_series.common_code")
        if len(code) > limits.COUPON_CODE_LENGTH_MAX or not code.isprintable() or code.strip() != code:
            raise field_invalid("code_series.common_code", f"1..{limits.COUPON_CODE_LENGTH_MAX} printable characters")
        code = code.upper()  # Codes are stored upper case and compared case-insensitively.
        async with self._deps.pool.connection() as connection, connection.transaction():
            try:
                cursor = await connection.execute(
                    "UPDATE offers SET common_code = %s, version = version + 1 WHERE offer_id = %s AND org_id = %s"
                    " AND (common_code IS NULL OR common_code = %s)", (code, offer_id, caller.org_id, code))
            except UniqueViolation:
                raise DomainError(ErrorReason.CODE_ALREADY_EXISTS, metadata={"code": code}) from None
            if cursor.rowcount == 0:
                raise DomainError(ErrorReason.OFFER_NOT_FOUND, metadata={"offer_id": offer_id})
            if not await register_common_code(connection, caller.org_id, code, offer_id):
                raise DomainError(ErrorReason.CODE_ALREADY_EXISTS, metadata={"code": code})
        self._by_code.pop((caller.org_id, code), None)
        return code

    async def offer_by_code(self, org_id: str, code: str) -> Offer:
        return (await self.lookup_code(org_id, code))[0]

    async def lookup_code(self, org_id: str, code: str, account_id: str = "") -> tuple[Offer, IssuedCoupon | None]:
        """The offer a code belongs to: a common code (its offer cached for OFFER_CACHE_SECONDS),
        or an issued coupon's unique code. An issued coupon is read afresh on every call: its state
        (activation, revocation, uses) changes, possibly in another worker, and must never be
        served stale; it costs the one indexed read a unique code needed anyway (each unique code
        is looked up about once, so a cache would rarely hit). Codes compare case-insensitively.
        A transferred code names its live coupon and the revoked ones before it: `account_id`'s
        own coupon of the code if it holds one, else the live one (else the newest)."""
        code = code.upper()
        cached = self._by_code.get((org_id, code))
        if cached is not None and time.monotonic() - cached[1] < OFFER_CACHE_SECONDS:
            return cached[0], None
        found = await self._find_code(org_id, code, account_id)
        if found is None:
            raise DomainError(ErrorReason.COUPON_NOT_FOUND, metadata={"code": code})
        if found[1] is None:
            self._by_code[(org_id, code)] = (found[0], time.monotonic())
        return found

    async def _find_code(self, org_id: str, code: str,
                         account_id: str = "") -> tuple[Offer, IssuedCoupon | None] | None:
        """One round trip: the offer of a common code, or the issued coupon of a unique one (of
        several coupons of a transferred code: the account's, else the live one, else the newest)."""
        nulls = ", ".join(["NULL"] * 13)
        async with self._deps.pool.connection() as connection:
            cursor = await connection.execute(
                f"SELECT o.offer_id, o.state, o.definition, o.version, false, {nulls}, 0"
                " FROM offers o WHERE o.org_id = %(org)s AND o.common_code = %(code)s"
                f" UNION ALL SELECT o.offer_id, o.state, o.definition, o.version, true, {_COUPON_SELECT},"
                " CASE WHEN c.account_id::text = %(account)s THEN 1 WHEN c.revoke_time IS NULL THEN 2 ELSE 3 END"
                " FROM coupons c JOIN offers o USING (offer_id)"
                " WHERE c.org_id = %(org)s AND c.code = %(code)s AND NOT c.common"
                " ORDER BY 19, 10 DESC NULLS LAST LIMIT 1",  # The rank, then the issue time.
                {"org": org_id, "code": code, "account": account_id})
            found = await cursor.fetchone()
        if not found:
            return None
        offer_id, state, definition, version, issued, *coupon = found[:-1]
        if not issued:
            return offer_from_row(org_id, code, offer_id, state, definition, version), None
        return offer_from_row(org_id, None, offer_id, state, definition, version), IssuedCoupon(*coupon)

    async def offer_by_id(self, org_id: str, offer_id: str) -> Offer:
        async with self._deps.pool.connection() as connection:
            cursor = await connection.execute(f"SELECT {_OFFER_SELECT} FROM offers o WHERE o.offer_id = %s"
                                              " AND o.org_id = %s", (offer_id, org_id))
            found = await cursor.fetchone()
        if found is None:
            raise DomainError(ErrorReason.OFFER_NOT_FOUND, metadata={"offer_id": offer_id})
        return _offer_of_row(org_id, found)

    async def update_offer(self, command: UpdateOffer, caller: Caller) -> Offer:
        """UpdateOffer (AIP-134): the change is a row of offer_changes whose trigger applies it
        only to the version it was computed from (one statement). A change that lost a race is
        computed again from the new state, up to CONCURRENT_CHANGE_ATTEMPTS_MAX times; with an
        etag it fails OFFER_ETAG_MISMATCH instead. Once committed, the offer's limits are
        published to Redis (offer_limits.lua) before the reply, so every worker's next redemption
        or issue script holds them."""
        validate_request_id(command.request_id)
        offer_id = _uuid(command.offer.offer_id, "offer.offer_id")
        require_update_mask(command.update_mask)
        fingerprinted = _UpdateOffer(command.request_id, offer_id, command.etag, offer_definition(command.offer),
                                     tuple(command.update_mask))

        async def prepare() -> Prepared[_OfferResult]:
            current = await self.offer_by_id(caller.org_id, offer_id)
            if command.etag and command.etag != offer_etag(current):
                raise DomainError(ErrorReason.OFFER_ETAG_MISMATCH, metadata={
                    "offer_id": offer_id, "etag": offer_etag(current)})
            updated = apply_offer_update(current, command.offer, command.update_mask)
            validate_offer(updated)
            now = max(self._deps.clock.now(), current.update_time + dt.timedelta(microseconds=1))
            updated = dataclasses.replace(updated, version=current.version + 1, update_time=now)
            row = Row("offer_changes", _OFFER_CHANGE_COLUMNS, (
                offer_id, updated.version, caller.org_id, current.version, Jsonb(offer_definition(updated)), now,
                command.request_id, caller.client_id))
            lost = (DomainError(ErrorReason.OFFER_ETAG_MISMATCH, metadata={"offer_id": offer_id}) if command.etag
                    else DomainError(ErrorReason.OFFER_CHANGED_CONCURRENTLY, metadata={"offer_id": offer_id}))
            return Prepared(_OfferResult.of(updated), (row,), {"offers_changed": lost, "offer_changes_pkey": lost},
                            on_commit=lambda: self._publish_limits(updated))

        result = await execute_retrying(self._deps, caller, "UpdateOffer", fingerprinted, prepare,
                                        _OfferResult.from_json, ErrorReason.OFFER_CHANGED_CONCURRENTLY)
        return result.offer()

    async def _publish_limits(self, offer: Offer) -> None:
        """Make the offer's (new) limits the ones every worker's scripts apply, and drop this
        worker's cached copy of it."""
        await publish_limits(self._deps, offer)
        if offer.common_code:
            self._by_code.pop((offer.org_id, offer.common_code), None)

    async def list_offers(self, query: ListOffers, caller: Caller) -> tuple[list[OfferListing], str]:
        """ListOffers: a program's offers, newest first, by state, store and zone; keyset pages."""
        validate_program_id(query.program_id, "program_id")
        if any(state not in OfferState._value2member_map_ for state in query.states):
            raise field_invalid("states", "OfferState values")
        _check_location(Location(query.store_id, query.zone_id))
        size = _page_size(query.page_size)
        scope = _scope(query.program_id, sorted(set(query.states)), query.store_id, query.zone_id)
        after = _page_position(query.page_token, scope)
        async with self._deps.pool.connection() as connection:
            cursor = await connection.execute(_LIST_OFFERS, {
                "org": caller.org_id, "program": query.program_id, "states": sorted(set(query.states)),
                "store": query.store_id, "zone": query.zone_id, "limit": size + 1,
                "after_time": after[0] if after else None, "after_id": after[1] if after else None})
            rows = await cursor.fetchall()
        page = [OfferListing(_offer_of_row(caller.org_id, row[:-3]), *row[-3:]) for row in rows[:size]]
        last = page[-1].offer if page else None
        token = _page_token(scope, last.create_time, last.offer_id) if len(rows) > size else ""
        return page, token

    async def list_deals(self, query: ListDeals, caller: Caller) -> tuple[list[Deal], str]:
        """ListDeals: the ACTIVE offers of the account's program that its rules let the account
        redeem now at the location named (a dimension left empty is not checked), soonest end
        first, each with the account's redeemable coupons and the redemptions left (offers with
        none left are skipped). One page examines at most DEALS_SCANNED_PER_PAGE_MAX offers."""
        ref = validate_ref(AccountRef(query.account_id, query.account_identifier), REQUEST_FIELDS)
        location = query.location
        _check_location(location)
        size = _page_size(query.page_size)
        account = await resolve_account(self._deps, caller.org_id, ref, fields=REQUEST_FIELDS)
        require_active(account)
        account_id = account.account_id
        scope = _scope(account_id, location.store_id, location.zone_id, location.interaction_point_id)
        after = _page_position(query.page_token, scope)
        now = self._deps.clock.now()
        customer: list[Customer] = []

        async def is_open(offer: Offer) -> bool:
            if offer.rules.needs_customer and not customer:
                customer.append(await customer_facts(self._deps, caller.org_id, account_id, now))
            return deal_is_open(offer, now, location, customer[0] if offer.rules.needs_customer else None)

        offers, position = await self._scan_deals(caller.org_id, account.program_id, after, size, is_open)
        deals = await self._deals(offers, account_id, caller.org_id, now)
        return deals, _page_token(scope, *position) if position else ""

    async def _scan_deals(self, org_id: str, program_id: str, after: tuple[dt.datetime, str] | None, size: int,
                          is_open: Callable[[Offer], Awaitable[bool]]
                          ) -> tuple[list[Offer], tuple[dt.datetime, str] | None]:
        """Up to `size` open offers after `after` in (end, offer_id) order, and where the next
        page starts (None: nothing left)."""
        found: list[Offer] = []
        scanned = 0
        while len(found) < size and scanned < limits.DEALS_SCANNED_PER_PAGE_MAX:
            batch = min(size + 1, limits.DEALS_SCANNED_PER_PAGE_MAX - scanned)
            async with self._deps.pool.connection() as connection:
                cursor = await connection.execute(_LIST_DEAL_OFFERS, {
                    "org": org_id, "program": program_id, "active": int(OfferState.ACTIVE), "limit": batch,
                    "after_end": after[0] if after else None, "after_id": after[1] if after else None})
                rows = await cursor.fetchall()
            for index, row in enumerate(rows):
                offer = _offer_of_row(org_id, row[:-1])
                after, scanned = (row[-1], offer.offer_id), scanned + 1
                if await is_open(offer):
                    found.append(offer)
                if len(found) == size:
                    return found, after if index + 1 < len(rows) or len(rows) == batch else None
            if len(rows) < batch:
                return found, None
        return found, after

    async def _deals(self, offers: list[Offer], account_id: str, org_id: str, now: dt.datetime) -> list[Deal]:
        """The account's redeemable coupons of each offer and the redemptions left (from the
        counters and live limits the redemption script enforces)."""
        if not offers:
            return []
        async with self._deps.pool.connection() as connection:
            cursor = await connection.execute(
                f"SELECT {_COUPON_SELECT} FROM coupons c WHERE c.org_id = %s AND c.account_id = %s"
                " AND c.offer_id = ANY(%s::uuid[]) ORDER BY c.issue_time, c.coupon_id",
                (org_id, account_id, [offer.offer_id for offer in offers]))
            held = [IssuedCoupon(*row) for row in await cursor.fetchall()]
        async with self._deps.redis.pipeline(transaction=False) as pipe:
            for offer in offers:
                keys = offer_keys(offer.offer_id, account_id, "-")
                pipe.get(keys[2])
                pipe.get(keys[1])
                pipe.get(keys[3])
                pipe.hmget(keys[5], "version", "account_max", "max", "gap")
            replies = await pipe.execute()
        deals = []
        for index, offer in enumerate(offers):
            account_count, total_count, last_ms, live = replies[4 * index:4 * index + 4]
            account_max, total_max, gap_ms = _live_limits(offer, live)
            views = [CouponView(coupon, coupon_state(coupon, now)) for coupon in held
                     if coupon.offer_id == offer.offer_id]
            deal = Deal(offer, [view for view in views if view.state in (CouponState.ISSUED, CouponState.ACTIVE)],
                        _remaining(account_max, account_count), _remaining(total_max, total_count),
                        _gap_end(last_ms, gap_ms, now))
            if deal.account_remaining_count and deal.total_remaining_count:
                deals.append(deal)
        return deals


    async def issue(self, command: IssueCoupon, caller: Caller) -> IssuedCoupon:
        """IssueCoupon: a coupon for an account, within the offer's issuance rules and limits: a
        unique generated code, or the offer's common code (once per account)."""
        return (await self.issue_with_offer(command, caller))[0]

    async def issue_with_offer(self, command: IssueCoupon, caller: Caller) -> tuple[IssuedCoupon, Offer]:
        """IssueCoupon, and the offer (as read for the issue) whose rules the coupon follows."""
        validate_request_id(command.request_id)
        offer_id = _uuid(command.offer_id, "offer_id")
        validate_ref(AccountRef(command.account_id, command.account_identifier), REQUEST_FIELDS)
        if command.code_series_id:
            _uuid(command.code_series_id, "code_series_id")
        offer = await self.offer_by_id(caller.org_id, offer_id)
        state = await self._account_of(command.account_id, command.account_identifier, offer.program_id, caller)
        return await self._issue(offer, state, command, caller), offer

    async def _issue(self, offer: Offer, state: AccountState, command: object, caller: Caller,
                     code: str = "") -> IssuedCoupon:
        """Issue one coupon of `offer` (IssueCoupon, or one bulk row: `command` is what the
        request_id is idempotent over); `code` names the code to issue (bulk rows), else one is
        drawn from the offer's series (or made, for an offer without series). Runs again when
        Postgres refused a drawn code (a stale pool: that code is dropped) or the state was
        rebuilt meanwhile: both errors are transient, so the request's claim was released.
        The account (`state`) must exist in the offer's program and be ACTIVE."""
        series_ids = [] if code or offer.common_code else await pool_series(
            self._deps, caller.org_id, offer.offer_id, getattr(command, "code_series_id", ""))
        for attempt in range(1, limits.CODE_POOL_DRAWS_MAX + 1):
            try:
                return await self._issue_once(offer, state, command, caller, code, series_ids)
            except DomainError as error:
                if attempt == limits.CODE_POOL_DRAWS_MAX or error.reason not in (
                        ErrorReason.CODE_GENERATION_COLLISION, ErrorReason.STATE_REBUILDING):
                    raise
                if error.reason is ErrorReason.STATE_REBUILDING:
                    await self._guard.ensure()
        raise AssertionError("unreachable")

    async def _issue_once(self, offer: Offer, state: AccountState, command: object, caller: Caller, code: str,
                          series_ids: list[str]) -> IssuedCoupon:
        account_id = state.account_id
        request_id = command.request_id
        request_key = f"{caller.client_id}:{request_id}"
        offer_id = offer.offer_id
        if code and offer.common_code and code != offer.common_code:
            raise field_invalid("code", "the offer's common code (or empty)")

        async def prepare() -> Prepared[IssuedCoupon]:
            check_state(state, caller.org_id, offer.program_id)
            now = self._deps.clock.now()
            for failure in failing_rules(offer, now, "", Money(0, "")):
                if failure.reason in (ErrorReason.OFFER_NOT_ACTIVE, ErrorReason.OFFER_NOT_STARTED,
                                      ErrorReason.OFFER_ENDED):
                    raise failure
            if offer.issuance.listed_only and not await self._listed(offer_id, account_id):
                raise DomainError(ErrorReason.ACCOUNT_NOT_LISTED, metadata={"account_id": account_id})
            # org_codes registers every code of the organisation (issued, pooled, common): one read.
            given_series = (await self._pool_of(caller.org_id, offer_id, code)
                            if code and not offer.common_code else None)
            try:
                epoch, count, *_ = await self._reserve(offer, account_id, request_key, now, kind="issued")
            except DomainError as refusal:
                held = await self._rematch(offer, account_id, refusal, now)
                return Prepared(held, ())
            keys = offer_keys(offer_id, account_id, epoch, "issued")
            common = offer.common_code is not None
            release = lambda: self._deps.scripts.run("coupon_release", keys, [request_key, epoch])  # noqa: E731
            new_code, series_id = await self._issue_code(offer_id, series_ids, epoch, release,
                                                         offer.common_code or code)
            if given_series is not None:
                # An unissued code of the offer's own pool, named by a bulk row: out of the pool
                # now (no draw can take it), back in if the issue fails; Postgres marks it issued.
                series_id = given_series
                await take_named_code(self._deps, offer_id, series_id, code, epoch, int(now.timestamp() * 1000))
            coupon = IssuedCoupon(str(uuid.uuid4()), new_code, offer_id, account_id, now,
                                  coupon_expiry(offer.rules, now),
                                  activation_required=offer.rules.activation_required, state_change_time=now)
            rows = [Row("coupons", _COUPON_COLUMNS + ("code_series_id",), (
                coupon.coupon_id, caller.org_id, offer_id, coupon.code, account_id, now, coupon.expire_time,
                request_id, caller.client_id, epoch, coupon.activation_required, now, common, series_id))]
            remaining = offer.rules.max_issues - count
            if offer.rules.max_issues and offer.issuance.notify_remaining and remaining == offer.issuance.notify_remaining:
                # Counts are atomic: exactly one committed issue leaves this many.
                rows.append(Row("offer_events", _EVENT_COLUMNS, (
                    str(uuid.uuid4()), caller.org_id, offer_id, "issue_threshold", now,
                    Jsonb({"remaining_issue_count": remaining, "issued_count": count, "coupon_id": coupon.coupon_id}))))
            confirm = lambda: self._confirm(keys, request_key, epoch)  # noqa: E731
            if series_id is not None:
                confirm, release = self._code_settlement(confirm, release, offer_id, series_id, new_code, epoch)
            taken = (DomainError(ErrorReason.DUPLICATE_CODE, metadata={"code": code}) if code
                     else DomainError(ErrorReason.CODE_GENERATION_COLLISION))
            rejections = {"coupons_epoch_fence": DomainError(ErrorReason.STATE_REBUILDING),
                          "coupons_common_unique": DomainError(ErrorReason.COMMON_CODE_ALREADY_ISSUED,
                                                               metadata={"account_id": account_id}),
                          "coupons_code_unique": taken, "org_codes_pkey": taken,
                          "coupons_code_not_in_pool": taken if code else DomainError(
                              ErrorReason.CODE_GENERATION_COLLISION)}
            if not offer.price_points:
                return Prepared(coupon, tuple(rows), rejections, on_commit=confirm, on_abort=release)
            # A REWARD coupon is bought with points: the second atomic step (the wallet's hash
            # tag) debits the price; both rows commit together, or both steps are released.
            if self.wallet is None:
                await release()
                raise DomainError(ErrorReason.NOT_IMPLEMENTED, "Points are not served by this process.")
            try:
                payment = await self.wallet.pay(account_id, offer.price_points, request_id, caller)
            except BaseException:
                await release()
                raise
            return Prepared(coupon, (*rows, payment.row), {**rejections, **payment.rejections},
                            on_commit=lambda: _both(confirm, payment.confirm),
                            on_abort=lambda: _both(release, payment.release))

        prepare = evented(prepare, self._deps.clock, caller.org_id, "coupon.issued", "account", lambda c: c.account_id)
        return await execute_once(self._deps, caller, "IssueCoupon", command, prepare, IssuedCoupon.from_json)

    async def _pool_of(self, org_id: str, offer_id: str, code: str) -> str | None:
        """The series of this offer whose pool holds `code` unissued; None for a code the
        organisation does not hold or holds revoked (the coupon row's trigger takes a revoked code
        again: a transfer); DUPLICATE_CODE for a code of another offer's series or issued."""
        async with self._deps.pool.connection() as connection:
            cursor = await connection.execute(
                "SELECT offer_id::text, code_series_id::text, coupon_id IS NULL, revoke_time IS NOT NULL"
                " FROM org_codes WHERE org_id = %s AND code = %s", (org_id, code))
            found = await cursor.fetchone()
        if found is None or found[3]:
            return None
        owner, series_id, unissued, _ = found
        if owner != offer_id or series_id is None or not unissued:
            raise DomainError(ErrorReason.DUPLICATE_CODE, metadata={"code": code})
        return series_id

    async def _issue_code(self, offer_id: str, series_ids: list[str], epoch: int,
                          release: Callable[[], Awaitable[None]], fixed: str) -> tuple[str, str | None]:
        """The new coupon's code and its series: `fixed` (a common code, a bulk row's code), or
        one drawn from the offer's pools, or (an offer without series) one made now.
        CODES_EXHAUSTED when every pool is empty; the issue reservation is released on failure."""
        if fixed or not series_ids:
            return fixed or CodeGenerator(DEFAULT_ALPHABET, CODE_LENGTH).generate(1)[0], None
        try:
            drawn = await draw_code(self._deps, offer_id, series_ids, epoch,
                                    int(self._deps.clock.now().timestamp() * 1000))
        except BaseException:
            await release()
            raise
        if drawn is None:
            await release()
            raise DomainError(ErrorReason.CODES_EXHAUSTED, metadata={"offer_id": offer_id})
        return drawn

    def _code_settlement(self, confirm: Callable[[], Awaitable[None]], release: Callable[[], Awaitable[None]],
                         offer_id: str, series_id: str, code: str, epoch: int) -> tuple[Callable, Callable]:
        """`confirm` and `release` of an issue, each followed by the settlement of its drawn code:
        forgotten as drawn once issued, or given back to its pool (if Postgres has it unissued)."""
        settle = lambda issued: lambda: settle_code(self._deps, offer_id, series_id, code, epoch, issued)  # noqa: E731
        return lambda: _both(confirm, settle(True)), lambda: _both(release, settle(False))

    async def ensure_offer_loaded(self, offer_id: str) -> int:
        """The epoch the offer's Redis state (counters and pools) is loaded under, loading it now
        if it is not."""
        epoch = self._guard.require_ready()
        if await self._deps.redis.get(f"{_tag(offer_id)}:epoch") != str(epoch).encode():
            await load_offer_state(self._deps, offer_id, epoch)
        return epoch

    async def bulk_issue(self, batch: BulkIssue, caller: Caller,
                         offer: Offer | None = None) -> list[BulkRowResult]:
        """One BulkIssueCoupons batch: each row resolved, checked and issued as its own
        IssueCoupon (request_id "<batch request_id>/<row index>", so a replayed batch replays
        every row); a bad row gets its reason and changes nothing. Rows of one account are issued
        in row order; different accounts' rows run concurrently (their writes share group
        commits), so when the offer's total limit runs out within a batch, which of those
        accounts' rows it stops is not ordered. A transient failure of any row fails the batch
        after every row has run; sending it again replays the rows that were issued."""
        validate_request_id(batch.request_id)
        offer_id = _uuid(batch.offer_id, "offer_id")
        if not batch.rows:
            raise field_required("rows")
        if len(batch.rows) > limits.BULK_ISSUE_ROWS_MAX:
            raise field_too_long("rows", limits.BULK_ISSUE_ROWS_MAX)
        offer = offer or await self.offer_by_id(caller.org_id, offer_id)
        named: list[tuple[str, str] | DomainError] = [_bulk_customer(row) for row in batch.rows]
        resolved = await self._resolve_identifiers(
            caller.org_id, offer.program_id, {name for name in named if isinstance(name, tuple) and name[0]})
        results: dict[int, BulkRowResult] = {}
        by_account: dict[str, list[tuple[int, str]]] = {}
        seen_codes: set[str] = set()
        for index, (row, name) in enumerate(zip(batch.rows, named)):
            account_id = ""
            try:
                if isinstance(name, DomainError):
                    raise name
                kind, value = name
                account_id = resolved.get(name, "") if kind else value
                if not account_id:
                    raise DomainError(ErrorReason.ACCOUNT_NOT_FOUND, metadata={kind: value})
                code = _bulk_code(row.code)
                if code and not offer.common_code:
                    if code in seen_codes:
                        raise DomainError(ErrorReason.DUPLICATE_CODE, metadata={"code": code})
                    seen_codes.add(code)
            except DomainError as error:
                results[index] = BulkRowResult(index, account_id, error=error)
                continue
            by_account.setdefault(account_id, []).append((index, code))
        gate = asyncio.Semaphore(limits.BULK_ISSUE_CONCURRENCY)

        async def issue_rows(account_id: str, rows: list[tuple[int, str]]) -> None:
            async with gate:
                for index, code in rows:
                    command = IssueCoupon(f"{batch.request_id}/{index}", offer_id, account_id, code)
                    try:
                        state = await account_state(self._deps, account_id)
                        coupon = await self._issue(offer, state, command, caller, code)
                        results[index] = BulkRowResult(index, account_id, self.view(coupon))
                    except DomainError as error:
                        results[index] = BulkRowResult(index, account_id, error=error)

        await asyncio.gather(*(issue_rows(account_id, rows) for account_id, rows in by_account.items()))
        transient = [result.error for result in results.values() if result.error and result.error.transient]
        if transient:
            raise transient[0]
        return [results[index] for index in range(len(batch.rows))]

    async def _resolve_identifiers(self, org_id: str, program_id: str,
                                   names: set[tuple[str, str]]) -> dict[tuple[str, str], str]:
        """(kind, value) -> account id for identifier-named bulk rows, in one query; a value held
        by accounts of several programs (an offer with no program) resolves to none."""
        if not names:
            return {}
        kinds = {"external_id": IdentifierType.EXTERNALCODE, "mobile": IdentifierType.PHONE,
                 "email": IdentifierType.EMAIL}
        by_type = {int(kinds[kind]): kind for kind in kinds}
        ordered = sorted(names)
        async with self._deps.pool.connection() as connection:
            cursor = await connection.execute(
                "SELECT r.identifier_type, r.value, min(r.account_id::text), count(*) FROM account_identifiers r"
                " JOIN accounts a ON a.account_id = r.account_id AND a.delete_time IS NULL"
                " WHERE r.org_id = %s AND (%s = '' OR r.program_id = %s)"
                " AND (r.identifier_type, r.value) IN (SELECT * FROM unnest(%s::int[], %s::text[]))"
                " GROUP BY r.identifier_type, r.value",
                (org_id, program_id, program_id, [int(kinds[kind]) for kind, _ in ordered],
                 [value for _, value in ordered]))
            return {(by_type[kind], value): account for kind, value, account, holders in await cursor.fetchall()
                    if holders == 1}

    async def _listed(self, offer_id: str, account_id: str) -> bool:
        async with self._deps.pool.connection() as connection:
            cursor = await connection.execute(
                "SELECT 1 FROM offer_customers WHERE offer_id = %s AND account_id = %s", (offer_id, account_id))
            return await cursor.fetchone() is not None

    async def _rematch(self, offer: Offer, account_id: str, refusal: DomainError, now: dt.datetime) -> IssuedCoupon:
        """An account refused another coupon by its limit or gap: under RESEND_EXISTING, the
        redeemable coupon it holds (resent); otherwise the refusal."""
        if (offer.issuance.rematch is not RematchPolicy.RESEND_EXISTING or refusal.reason not in
                (ErrorReason.ISSUE_LIMIT_PER_CUSTOMER_REACHED, ErrorReason.ISSUE_GAP_NOT_MET)):
            raise refusal
        for coupon in await self._coupons_of(offer.org_id, offer.offer_id, account_id):
            if coupon_state(coupon, now) in (CouponState.ISSUED, CouponState.ACTIVE):
                return dataclasses.replace(coupon, resent=True)
        raise refusal

    async def _coupons_of(self, org_id: str, offer_id: str, account_id: str, limit: int = 100) -> list[IssuedCoupon]:
        """An account's coupons of one offer, newest issue first."""
        async with self._deps.pool.connection() as connection:
            cursor = await connection.execute(_LIST_ACCOUNT_COUPONS, {
                "org": org_id, "account": account_id, "offer": offer_id, "limit": limit,
                "after_time": None, "after_id": None})
            return [IssuedCoupon(*row) for row in await cursor.fetchall()]

    async def add_offer_customers(self, command: AddOfferCustomers, caller: Caller) -> Listing:
        """AddOfferCustomers: put accounts on the offer's customer list (accounts listed already
        are skipped); answers how many were added."""
        validate_request_id(command.request_id)
        offer_id = _uuid(command.offer_id, "offer_id")
        if not command.account_ids:
            raise field_required("account_ids")
        if len(command.account_ids) > limits.OFFER_CUSTOMERS_PER_CALL_MAX:
            raise field_too_long("account_ids", limits.OFFER_CUSTOMERS_PER_CALL_MAX)
        accounts = sorted({_uuid(value, f"account_ids[{index}]") for index, value in enumerate(command.account_ids)})
        await self.offer_by_id(caller.org_id, offer_id)

        async def prepare() -> Prepared[Listing]:
            async with self._deps.pool.connection() as connection:
                cursor = await connection.execute(
                    "SELECT account_id::text FROM offer_customers WHERE offer_id = %s AND account_id = ANY(%s::uuid[])",
                    (offer_id, accounts))
                listed = {row[0] for row in await cursor.fetchall()}
            now = self._deps.clock.now()
            rows = tuple(Row("offer_customers", ("offer_id", "account_id", "org_id", "add_time"),
                             (offer_id, account, caller.org_id, now)) for account in accounts if account not in listed)
            # A concurrent call listed one of them first: transient, so the loop below decides again.
            return Prepared(Listing(len(rows)), rows,
                            {"offer_customers_pkey": DomainError(ErrorReason.OFFER_CHANGED_CONCURRENTLY)})

        for _ in range(3):
            try:
                return await execute_once(self._deps, caller, "AddOfferCustomers", command, prepare,
                                          Listing.from_json)
            except DomainError as error:
                if error.reason is not ErrorReason.OFFER_CHANGED_CONCURRENTLY:
                    raise
        raise DomainError(ErrorReason.OFFER_CHANGED_CONCURRENTLY)

    async def get_coupon(self, code: str, account_id: str, caller: Caller) -> tuple[CouponView, Offer]:
        """An issued coupon of this account (COUPON_NOT_FOUND otherwise), as of now, and its offer."""
        offer, coupon = await self._holders_coupon(code, account_id, caller)
        now = self._deps.clock.now()
        return CouponView(coupon, coupon_state(coupon, now)), offer

    def view(self, coupon: IssuedCoupon) -> CouponView:
        """The coupon with its state as of now (server clock)."""
        return CouponView(coupon, coupon_state(coupon, self._deps.clock.now()))

    async def _account_of(self, account_id: str, identifier: Identifier | None, program_id: str,
                          caller: Caller) -> AccountState:
        """The state of the account a request names: by id, one Redis read (account_states, no
        Postgres round trip on the hot path); by identifier, one indexed query narrowed to the
        offer's program (`program_id`; empty: any program of the organisation). ACCOUNT_NOT_FOUND
        for an identifier no account holds; otherwise not checked yet (check_state)."""
        ref = validate_ref(AccountRef(account_id, identifier), REQUEST_FIELDS)
        if ref.identifier is None:
            return await account_state(self._deps, ref.account_id)
        account = await resolve_account(self._deps, caller.org_id, AccountRef("", ref.identifier, program_id),
                                        fields=REQUEST_FIELDS)
        return AccountState(account.account_id, caller.org_id, account.program_id, account.status, 0)

    async def account_id_of(self, code: str, account_id: str, identifier: Identifier | None,
                            caller: Caller) -> str:
        """The account id of a request that names an account by id or by identifier beside a
        code (GetCoupon, RevokeCoupon) or without one (`code` empty: ListAccountCoupons): an
        identifier is resolved in the program of the code's offer (without a code: in any
        program of the organisation). An id is returned as given (the caller validates it)."""
        if identifier is None:
            return account_id
        validate_ref(AccountRef(account_id, identifier), REQUEST_FIELDS)
        program_id = ""
        if code:
            if len(code) > limits.COUPON_CODE_LENGTH_MAX:
                raise field_too_long("code", limits.COUPON_CODE_LENGTH_MAX)
            program_id = (await self.lookup_code(caller.org_id, code))[0].program_id
        return (await self._account_of("", identifier, program_id, caller)).account_id

    async def _holders_coupon(self, code: str, account_id: str, caller: Caller) -> tuple[Offer, IssuedCoupon]:
        if not code:
            raise field_required("code")
        if len(code) > limits.COUPON_CODE_LENGTH_MAX:
            raise field_too_long("code", limits.COUPON_CODE_LENGTH_MAX)
        account_id = _uuid(account_id, "account_id")
        offer, coupon = await self.lookup_code(caller.org_id, code, account_id)
        if coupon is None:
            coupon = await self._common_coupon(offer, account_id)
        if coupon is None or coupon.account_id != account_id:
            raise DomainError(ErrorReason.COUPON_NOT_FOUND, metadata={"code": code})
        return offer, coupon

    async def _common_coupon(self, offer: Offer, account_id: str) -> IssuedCoupon | None:
        """The account's coupon of the offer's common code (one at most), if it was issued one."""
        held = await self._coupons_of(offer.org_id, offer.offer_id, account_id, limit=1)
        return held[0] if held and held[0].code == offer.common_code else None

    # --- lifecycle: activation, revocation, an account's coupons ---------------------------

    async def activate(self, command: ActivateCoupon, caller: Caller) -> IssuedCoupon:
        """ActivateCoupon: an ISSUED coupon becomes redeemable; an ACTIVE one is returned unchanged.
        DeactivateCoupon (command.active False): an ACTIVE, unredeemed coupon goes back to ISSUED;
        an ISSUED one is returned unchanged. Either is an event row whose trigger changes
        activate_time under the coupon's row lock, refusing a coupon revoked (or, to deactivate,
        redeemed) in the meantime."""
        validate_request_id(command.request_id)
        account_id = await self.account_id_of(command.code, command.account_id, command.account_identifier, caller)
        offer, coupon = await self._holders_coupon(command.code, account_id, caller)
        state = await account_state(self._deps, coupon.account_id)
        check_state(state, caller.org_id, offer.program_id, active=False)
        if not command.active and not coupon.activation_required:
            raise DomainError(ErrorReason.COUPON_ACTIVATION_NOT_REQUIRED, metadata={"code": coupon.code})

        async def prepare() -> Prepared[IssuedCoupon]:
            check_state(state, caller.org_id, offer.program_id)
            now = self._deps.clock.now()
            failures = [f for f in coupon_failures(coupon, now) if f.reason is not ErrorReason.COUPON_NOT_ACTIVATED]
            if offer.state is not OfferState.ACTIVE:
                failures.append(DomainError(ErrorReason.OFFER_NOT_ACTIVE, metadata={"offer_id": offer.offer_id}))
            if failures:
                raise min(failures, key=lambda failure: failure.reason.precedence)
            if coupon.activated is command.active:
                return Prepared(coupon, ())
            changed = dataclasses.replace(coupon, activate_time=now if command.active else None, state_change_time=now)
            row = Row("coupon_activations",
                      ("coupon_id", "org_id", "activate_time", "request_id", "client_id", "active"),
                      (coupon.coupon_id, caller.org_id, now, command.request_id, caller.client_id, command.active))
            return Prepared(changed, (row,), {
                "coupon_activations_coupon_revoked": DomainError(ErrorReason.COUPON_REVOKED,
                                                                 metadata={"code": coupon.code}),
                "coupon_activations_coupon_redeemed": DomainError(ErrorReason.COUPON_ALREADY_REDEEMED,
                                                                  metadata={"code": coupon.code})})

        method = "ActivateCoupon" if command.active else "DeactivateCoupon"
        return await execute_once(self._deps, caller, method, command, prepare, IssuedCoupon.from_json)

    async def revoke_coupons(self, command: RevokeCoupons, caller: Caller) -> Revocation:
        """RevokeCoupons: revoke an offer's unredeemed coupons in bulk (see revoke_protocol)."""
        validate_request_id(command.request_id)
        offer_id = _uuid(command.offer_id, "offer_id")
        mode, account_ids = _revocation_scope(command)
        _validate_note(command.note)
        await self.offer_by_id(caller.org_id, offer_id)
        return await self._revoke(command, caller, "RevokeCoupons", offer_id, mode, account_ids, None)

    async def revoke_coupon(self, command: RevokeCoupon, caller: Caller) -> IssuedCoupon:
        """RevokeCoupon: revoke one coupon; a redeemed one fails COUPON_ALREADY_REDEEMED, a revoked
        one is returned unchanged."""
        validate_request_id(command.request_id)
        _validate_note(command.note)
        _, coupon = await self._holders_coupon(command.code, command.account_id, caller)
        if coupon.revoke_time is None:
            await self._revoke(command, caller, "RevokeCoupon", coupon.offer_id, RevocationMode.ONE, None,
                               coupon.coupon_id)
        _, coupon = await self._holders_coupon(command.code, command.account_id, caller)
        return coupon

    async def _revoke(self, command, caller: Caller, method: str, offer_id: str, mode: RevocationMode,
                      account_ids: list[str] | None, coupon_id: str | None) -> Revocation:
        """The revocation protocol, safe against a concurrent redemption of the same coupon:

        1. The revocation is one event row in coupon_revocations, committed by the ledger writer
           with the request's stored reply. Its trigger locks every coupon in scope (FOR UPDATE,
           in coupon_id order), reads each as last committed, and revokes those with no
           redemption in effect (use_count = 0) in the same statement.
        2. A redemption reserves in Redis (coupon_redeem.lua) without knowing about revocations,
           then commits its row; that row's trigger locks the coupon's row too and refuses the
           redemption if the coupon is revoked (COUPON_REVOKED; the reservation is released).
        3. So the coupon's row lock orders the two: a redemption committed first keeps its use
           (the revocation counts the coupon as redeemed and leaves it), a revocation committed
           first makes the redemption fail. A CHECK (revoke_time IS NULL OR use_count = 0)
           states the invariant, and reversals and activations of a revoked coupon are refused
           by their triggers under the same lock.
        Redis needs no revocation state: the in-process check (the coupon is read afresh on every
        redemption) answers COUPON_REVOKED at once, and the row lock decides the races.
        4. ALL_UNREDEEMED and UNISSUED_ONLY also revoke the offer's unissued codes, in the same
           trigger (their org_codes rows, locked in code order): from then on Postgres refuses
           them to any issue (one that drew a revoked code draws again) and no pool rebuild loads
           them. After the commit they are taken out of the Redis pools (unpool_revoked_codes),
           so that the next issue finds only unrevoked codes; a retry of the request (same
           request_id) takes them out again, should the worker have died in between."""

        async def prepare() -> Prepared[Revocation]:
            now = self._deps.clock.now()
            revocation = Revocation(str(uuid.uuid4()), now)
            row = Row("coupon_revocations", _REVOCATION_COLUMNS, (
                revocation.revocation_id, caller.org_id, offer_id, int(mode), account_ids, coupon_id,
                command.note, now, command.request_id, caller.client_id))
            event = event_row(caller.org_id, "coupons.revoked", "offer", offer_id, {
                **revocation.to_json(), "offer_id": offer_id, "mode": mode.name, "account_ids": list(account_ids or ()),
                "coupon_id": coupon_id, "note": command.note}, now)
            return Prepared(revocation, (row, event), {"coupon_revocations_coupon_redeemed": DomainError(
                ErrorReason.COUPON_ALREADY_REDEEMED, metadata={"coupon_id": coupon_id or ""})})

        revocation = await execute_once(self._deps, caller, method, command, prepare, Revocation.from_json)
        if mode in (RevocationMode.ALL_UNREDEEMED, RevocationMode.UNISSUED_ONLY):
            await unpool_revoked_codes(self._deps, offer_id, revocation.revocation_id, self._guard.require_ready())
        async with self._deps.pool.connection() as connection:
            cursor = await connection.execute(
                "SELECT revoked_count, redeemed_count FROM coupon_revocations WHERE revocation_id = %s",
                (revocation.revocation_id,))
            revoked, redeemed = await cursor.fetchone()
        return dataclasses.replace(revocation, revoked_count=revoked, redeemed_count=redeemed)

    async def list_account_coupons(self, query: ListAccountCoupons,
                                   caller: Caller) -> tuple[list[AccountCoupon], str]:
        """ListAccountCoupons: an account's coupons, newest issue first, with the redemption counts
        of their offers (the account's and everyone's, net of reversals), and the next page token."""
        account_id = _uuid(query.account_id, "account_id")
        offer_id = _uuid(query.offer_id, "offer_id") if query.offer_id else None
        size = _page_size(query.page_size)
        scope = hashlib.sha256(f"{account_id}|{offer_id}".encode()).hexdigest()[:16]
        after = _page_position(query.page_token, scope)
        async with self._deps.pool.connection() as connection:
            cursor = await connection.execute(_LIST_ACCOUNT_COUPONS, {
                "org": caller.org_id, "account": account_id, "offer": offer_id, "limit": size + 1,
                "after_time": after[0] if after else None, "after_id": after[1] if after else None})
            rows = await cursor.fetchall()
        coupons = [IssuedCoupon(*row) for row in rows[:size]]
        counts = await self._redemption_counts(coupons)
        now = self._deps.clock.now()
        page = [AccountCoupon(CouponView(coupon, coupon_state(coupon, now)), *count)
                for coupon, count in zip(coupons, counts)]
        token = ""
        if len(rows) > size:
            last = page[-1].view.coupon
            token = _page_token(scope, last.issue_time, last.coupon_id)
        return page, token

    async def _redemption_counts(self, coupons: list[IssuedCoupon]) -> list[tuple[int, int]]:
        """(the account's, everyone's) redemptions of each coupon's offer: the counters the
        redemption script enforces limits on (in-flight reservations included)."""
        epoch = self._guard.require_ready()
        async with self._deps.redis.pipeline(transaction=False) as pipe:
            for coupon in coupons:
                keys = offer_keys(coupon.offer_id, coupon.account_id, epoch)
                pipe.get(keys[2])
                pipe.get(keys[1])
            values = [int(value or 0) for value in await pipe.execute()]
        return list(zip(values[::2], values[1::2]))

    async def get_offer(self, offer_id: str, caller: Caller) -> Offer:
        """GetOffer: the offer (offer_listing adds its counters)."""
        return await self.offer_by_id(caller.org_id, _uuid(offer_id, "offer_id"))

    async def offer_listing(self, offer: Offer) -> OfferListing:
        """The offer with its counters as of now (coupons issued, redemptions in effect, when the
        issue notification threshold was reached)."""
        async with self._deps.pool.connection() as connection:
            cursor = await connection.execute(f"SELECT {_OFFER_COUNTS} FROM offers o WHERE o.offer_id = %s",
                                              (offer.offer_id,))
            return OfferListing(offer, *await cursor.fetchone())

    async def set_offer_state(self, request_id: str, offer_id: str, state: OfferState, caller: Caller) -> Offer:
        """Activate or deactivate an offer (idempotent: setting the state it has changes nothing).
        An offer is activated only with codes to issue (activation_refusal: OFFER_HAS_NO_CODES)."""
        validate_request_id(request_id)
        offer_id = _uuid(offer_id, "offer_id")
        if state is OfferState.ACTIVE:
            current = await self.offer_by_id(caller.org_id, offer_id)
            if current.state is not OfferState.ACTIVE:
                async with self._deps.pool.connection() as connection:
                    cursor = await connection.execute(
                        "SELECT code_count FROM code_series WHERE offer_id = %s AND org_id = %s",
                        (offer_id, caller.org_id))
                    refusal = activation_refusal(current, [count for (count,) in await cursor.fetchall()])
                if refusal is not None:
                    raise refusal
        async with self._deps.pool.connection() as connection:
            cursor = await connection.execute(
                "UPDATE offers SET state = %s, version = version + (state <> %s)::int, update_time = %s"
                " WHERE offer_id = %s AND org_id = %s RETURNING common_code",
                (int(state), int(state), self._deps.clock.now(), offer_id, caller.org_id))
            found = await cursor.fetchone()
        if found is None:
            raise DomainError(ErrorReason.OFFER_NOT_FOUND, metadata={"offer_id": offer_id})
        if found[0]:
            self._by_code.pop((caller.org_id, found[0]), None)
        return await self.get_offer(offer_id, caller)

    # --- redemption -----------------------------------------------------------------------

    async def validate(self, code: str, account_id: str, location: Location | str, bill: Money,
                       caller: Caller, account_coupon_id: str = "",
                       account_identifier: Identifier | None = None) -> Validation:
        """ValidateCoupon's dry run: every failing rule and limit in precedence order (empty when
        RedeemCoupon would succeed now), the offer, and the discount it would give. Reserves nothing.
        `location` may be a bare store id. An unknown coupon or account (ACCOUNT_NOT_FOUND: never
        created, deleted, of another program than the offer's) is the only failure reported."""
        location = Location(location) if isinstance(location, str) else location
        command = RedeemCoupon("dry-run", code, account_id, location.store_id, bill, account_coupon_id,
                               location.zone_id, location.interaction_point_id, account_identifier)
        validate_redeem(command)
        try:
            offer, coupon, code, state = await self._named(command, caller)
        except DomainError as missing:
            if missing.reason not in (ErrorReason.COUPON_NOT_FOUND, ErrorReason.ACCOUNT_NOT_FOUND):
                raise
            return Validation([missing], None, 0, self._deps.clock.now())
        account_id = state.account_id
        now = self._deps.clock.now()
        failures: list[DomainError] = []
        try:
            check_state(state, caller.org_id, offer.program_id)
        except DomainError as refused:
            if refused.reason is ErrorReason.ACCOUNT_NOT_FOUND:
                return Validation([refused], offer, 0, now, None, code, account_id)
            failures.append(refused)
        try:
            customer, rates = await self._facts(offer, account_id, bill, now, caller)
        except DomainError as missing:  # The account is unknown (only when the rules read it).
            return Validation([missing], offer, 0, now, None, code, account_id)
        failures += failing_rules(offer, now, location.store_id, bill, location=location, customer=customer,
                                  rates=rates)
        if coupon is not None:
            failures += coupon_failures(coupon, now) + coupon_rule_failures(offer.rules, coupon, now)
        rules = offer.rules
        for _ in range(2):
            epoch = self._guard.require_ready()
            keys = offer_keys(offer.offer_id, account_id, epoch)
            result = await self._deps.scripts.run("coupon_check", keys[:4] + keys[5:], [
                epoch, int(now.timestamp() * 1000), rules.min_gap_seconds * 1000, rules.max_account_redemptions,
                rules.max_redemptions, offer.version])
            if list(result[:2]) != [1, 0]:
                break
            await self._guard.ensure()
            await load_offer_state(self._deps, offer.offer_id, self._guard.require_ready())
        failures += [_refusal(int(code), int(detail)) for code, detail in zip(result[::2], result[1::2])]
        amount = 0
        if not any(f.reason is ErrorReason.CURRENCY_MISMATCH for f in failures):
            try:
                amount = discount(offer, bill, rates)
            except DomainError as mismatch:  # A missing rate the bill bounds reported already counts once.
                if not any(f.reason is mismatch.reason and f.metadata == mismatch.metadata for f in failures):
                    failures.append(mismatch)
        view = CouponView(coupon, coupon_state(coupon, now)) if coupon is not None else None
        return Validation(sorted(failures, key=lambda f: f.reason.precedence), offer, amount, now, view, code,
                          account_id)

    async def redeem(self, command: RedeemCoupon, caller: Caller) -> Redemption:
        try:
            return await self._redeem(command, caller)
        except DomainError as error:
            if error.reason is not ErrorReason.STATE_REBUILDING:
                raise
        # The fence refused the commit: Redis is behind the ledger. Rebuild, then answer.
        await self._guard.ensure()
        return await self._redeem(command, caller)

    async def _redeem(self, command: RedeemCoupon, caller: Caller) -> Redemption:
        validate_redeem(command)
        offer, coupon, code, state = await self._named(command, caller)
        account_id = state.account_id
        if offer.applies_at_earn:
            raise DomainError(ErrorReason.COUPON_APPLIES_AT_EARN, metadata={"code": command.code})

        async def prepare() -> Prepared[Redemption]:
            # Checked inside the request: a retry of a committed redemption replays its reply
            # even if the account was locked since.
            check_state(state, caller.org_id, offer.program_id)
            held = await self._redemption(offer, coupon, code, account_id, command.location,
                                          command.bill, command.request_id, caller)
            return Prepared(held.redemption, (held.row,), held.rejections, on_commit=held.confirm,
                            on_abort=held.release)

        prepare = evented(prepare, self._deps.clock, caller.org_id, "coupon.redeemed", "account", lambda r: r.account_id)
        return await execute_once(self._deps, caller, "RedeemCoupon", command, prepare, Redemption.from_json)

    async def redeem_batch(self, commands: Sequence[RedeemCoupon],
                           caller: Caller) -> list[Redemption | DomainError]:
        """BatchRedeemCoupons: each command redeemed exactly as `redeem` does (its own request id,
        its own answer), BATCH_CONCURRENCY at a time; a refusal is that item's answer. Not atomic
        across items."""
        if not commands:
            raise field_required("requests")
        if len(commands) > limits.BATCH_ITEMS_MAX:
            raise DomainError(ErrorReason.FIELD_OUT_OF_RANGE, metadata={
                "field": "requests", "max": limits.BATCH_ITEMS_MAX})
        seen: set[str] = set()
        duplicates = set()
        for command in commands:
            if command.request_id in seen:
                duplicates.add(command.request_id)
            seen.add(command.request_id)
        gate = asyncio.Semaphore(limits.BATCH_CONCURRENCY)

        async def one(index: int, command: RedeemCoupon) -> Redemption | DomainError:
            if not command.request_id:
                return field_required(f"requests[{index}].request_id")
            if command.request_id in duplicates:
                return field_invalid(f"requests[{index}].request_id", "a request_id used by one item of the batch")
            if caller.store_ids and command.store_id not in caller.store_ids:
                return DomainError(ErrorReason.STORE_NOT_ALLOWED, metadata={"store_id": command.store_id})
            async with gate:
                try:
                    return await self.redeem(command, caller)
                except DomainError as error:
                    return error
                except Exception as error:  # noqa: BLE001 - a store failure is this item's answer.
                    unavailable = as_domain_error(error)
                    if unavailable is None:
                        raise
                    return unavailable

        return list(await asyncio.gather(*(one(n, command) for n, command in enumerate(commands))))

    async def _named(self, command: RedeemCoupon,
                     caller: Caller) -> tuple[Offer, IssuedCoupon | None, str, AccountState]:
        """(offer, issued coupon or None for a common code, code, the account's state, not
        checked yet) of a redemption named by code and account (id or identifier), or by account
        coupon id."""
        if not command.account_coupon_id:
            offer, coupon = await self.lookup_code(caller.org_id, command.code)
            state = await self._account_of(command.account_id, command.account_identifier, offer.program_id, caller)
            if coupon is not None and coupon.account_id != state.account_id:
                # A transferred code names a revoked coupon of its old holder and the new one's:
                # the account's own comes first.
                offer, coupon = await self.lookup_code(caller.org_id, command.code, state.account_id)
            coupon = await self._held(offer, coupon, command.code, state.account_id)
            return offer, coupon, command.code.upper(), state
        offer, coupon, account_id = await self._account_coupon(command.account_coupon_id, caller)
        if command.account_id and _uuid(command.account_id, "account_id") != account_id:
            raise field_invalid("account_id", "empty, or the account the account_coupon_id names")
        state = await account_state(self._deps, account_id)
        if coupon is None:
            return offer, None, offer.common_code or "", state
        return offer, coupon, coupon.code, state

    async def _account_coupon(self, value: str, caller: Caller) -> tuple[Offer, IssuedCoupon | None, str]:
        """The offer, the account's newest coupon of it (None: the account holds none but the
        offer has a common code) and the account of an account coupon id; COUPON_NOT_FOUND else."""
        offer_id, account_id = parse_account_coupon_id(value)
        try:
            offer = await self.offer_by_id(caller.org_id, offer_id)
        except DomainError:
            raise DomainError(ErrorReason.COUPON_NOT_FOUND, metadata={"account_coupon_id": value}) from None
        coupons = await self._coupons_of(caller.org_id, offer_id, account_id, limit=1)
        if offer.common_code and not offer.rules.activation_required:
            return offer, None, account_id  # The common code itself is redeemed.
        if coupons:
            return offer, coupons[0], account_id
        raise DomainError(ErrorReason.COUPON_NOT_FOUND, metadata={"account_coupon_id": value})

    async def get_account_coupon(self, value: str, caller: Caller) -> AccountCoupon:
        """GetAccountCoupon: the account's newest coupon of the offer, with its redemption counts."""
        if not value:
            raise field_required("account_coupon_id")
        offer_id, account_id = parse_account_coupon_id(value)
        coupons = await self._coupons_of(caller.org_id, offer_id, account_id, limit=1)
        if not coupons:
            raise DomainError(ErrorReason.COUPON_NOT_FOUND, metadata={"account_coupon_id": value})
        counts = await self._redemption_counts(coupons)
        return AccountCoupon(self.view(coupons[0]), *counts[0])

    async def _code_of(self, code: str, account_id: str, caller: Caller) -> tuple[Offer, IssuedCoupon | None]:
        """The offer and the coupon a code names for an account. A common code is redeemed as
        such (None), unless its offer needs activation: then the account's own coupon of the
        code, issued and activated, is what is redeemed (single use, like any issued coupon)."""
        offer, coupon = await self.lookup_code(caller.org_id, code, str(uuid.UUID(account_id)))
        return offer, await self._held(offer, coupon, code, account_id)

    async def _held(self, offer: Offer, coupon: IssuedCoupon | None, code: str, account_id: str) -> IssuedCoupon | None:
        """_code_of once the code is looked up."""
        if coupon is None and offer.rules.activation_required:
            coupon = await self._common_coupon(offer, str(uuid.UUID(account_id)))
            if coupon is None:
                raise DomainError(ErrorReason.COUPON_NOT_FOUND, metadata={"code": code})
        if (coupon is not None and coupon.account_id != str(uuid.UUID(account_id))
                and not offer.rules.anyone_may_redeem):
            raise DomainError(ErrorReason.COUPON_NOT_FOUND, metadata={"code": code})
        return coupon

    async def _redemption(self, offer: Offer, coupon: IssuedCoupon | None, code: str, account_id: str,
                          location: Location, bill: Money, request_id: str, caller: Caller,
                          points_transaction_id: str | None = None,
                          deadline_ms: int | None = None) -> HeldRedemption:
        """Check every rule, reserve the redemption in Redis and return its ledger row with the
        means to confirm or release it. The caller commits the row (with its own rows).
        `deadline_ms`: the reservation's deadline (default: now + RESERVATION_TTL_MS)."""
        now = self._deps.clock.now()
        request_key = f"{caller.client_id}:{request_id}"
        store_id = location.store_id
        customer, rates = await self._facts(offer, account_id, bill, now, caller)
        failures = failing_rules(offer, now, store_id, bill, location=location, customer=customer, rates=rates)
        if coupon is not None:  # Its use is left to the script and the Postgres guard.
            failures += coupon_failures(coupon, now, uses=False) + coupon_rule_failures(offer.rules, coupon, now)
        if failures:
            raise min(failures, key=lambda failure: failure.reason.precedence)
        amount = 0 if offer.applies_at_earn else discount(offer, bill, rates)
        reserved = await self._reserve(offer, account_id, request_key, now, coupon=coupon, deadline_ms=deadline_ms)
        epoch, reversals = reserved.epoch, reserved.reversals
        redemption = Redemption(str(uuid.uuid4()), offer.offer_id, account_id, amount, bill.currency_code, now,
                                reserved.count, reserved.remaining_account, reserved.remaining,
                                int(offer.reward_kind or 0), offer.free_item_sku)
        row = Row("coupon_redemptions", _REDEMPTION_COLUMNS, (
            redemption.redemption_id, caller.org_id, offer.offer_id, code, account_id, store_id, bill.amount_minor,
            bill.currency_code, amount, request_id, caller.client_id, epoch, now,
            coupon.coupon_id if coupon else None, f"{coupon.coupon_id}:{reversals}" if coupon else None,
            points_transaction_id))
        keys = offer_keys(offer.offer_id, account_id, epoch)
        if coupon is not None:
            keys += coupon_keys(offer.offer_id, coupon.coupon_id)[:1]
        rejections = {
            "coupon_redemptions_epoch_fence": DomainError(ErrorReason.STATE_REBUILDING),
            "coupon_redemptions_coupon_use_unique": DomainError(ErrorReason.COUPON_ALREADY_REDEEMED,
                                                                metadata={"code": code}),
            # A revocation or (never) a lost activation won the coupon's row lock first.
            "coupon_redemptions_coupon_revoked": DomainError(ErrorReason.COUPON_REVOKED, metadata={"code": code}),
            "coupon_redemptions_coupon_not_activated": DomainError(ErrorReason.COUPON_NOT_ACTIVATED,
                                                                   metadata={"code": code})}
        return HeldRedemption(
            redemption, row, rejections, offer,
            confirm=lambda: self._confirm(keys, request_key, epoch),
            release=lambda: self._deps.scripts.run("coupon_release", keys, [request_key, epoch]))

    async def _facts(self, offer: Offer, account_id: str, bill: Money | None, now: dt.datetime,
                     caller: Caller) -> tuple[Customer | None, Rates]:
        """What the rules read beyond the request, read only when the offer needs it: the
        account's registration time and earlier purchases (customer rules), and the rates that
        convert the reward's currencies into the bill's."""
        customer = await customer_facts(self._deps, caller.org_id, account_id, now) \
            if offer.rules.needs_customer else None
        foreign = reward_currencies(offer) - {bill.currency_code} if bill is not None else set()
        return customer, (await currency_rates(self._deps, caller.org_id, foreign, bill.currency_code)
                          if foreign else {})

    async def earn_coupons(self, codes: Sequence[str], account_id: str, store_id: str, bill: Money,
                           request_id: str, caller: Caller, points_transaction_id: str) -> list[HeldRedemption]:
        """Apply EXTRAPOINT and MULTIPLIER coupons to an earn: each is checked and reserved like a
        redemption (rules, gap, both limits, single use) and its row joins the earn's commit; the
        caller confirms or releases them all with the earn. On a refusal, those already reserved
        are released and the refusal is raised."""
        held: list[HeldRedemption] = []
        try:
            for index, code in enumerate(codes):
                offer, coupon = await self._code_of(code, account_id, caller)
                if not offer.applies_at_earn:
                    raise DomainError(ErrorReason.COUPON_NOT_FOR_EARN, metadata={"code": code})
                # One redemption row per coupon: each has a request id of its own.
                held.append(await self._redemption(offer, coupon, code, account_id, Location(store_id), bill,
                                                   f"{request_id}#coupon{index}", caller, points_transaction_id))
        except BaseException:
            for each in held:
                await each.release()
            raise
        return held

    async def apply_at_earn(self, offer: Offer, coupon: IssuedCoupon, account_id: str, store_id: str, bill: Money,
                            request_id: str, caller: Caller, points_transaction_id: str) -> HeldRedemption:
        """One held EXTRAPOINT or MULTIPLIER coupon applied to an earn by itself
        (core/service/earn_coupons.py): checked and reserved exactly as a listed code is."""
        return await self._redemption(offer, coupon, coupon.code, account_id, Location(store_id), bill, request_id,
                                      caller, points_transaction_id)

    async def earn_reversals(self, points_transaction_id: str, request_id: str,
                             caller: Caller) -> tuple[tuple[Row, ...], Callable[[], Awaitable[None]]]:
        """Reversal rows for the coupon redemptions an earn made (when the earn is refunded in full)
        and the means to give their counts back once committed."""
        async with self._deps.pool.connection() as connection:
            cursor = await connection.execute(
                "SELECT r.redemption_id::text, r.offer_id::text, r.account_id::text, r.coupon_id::text"
                " FROM coupon_redemptions r WHERE r.points_transaction_id = %s AND NOT EXISTS"
                " (SELECT 1 FROM coupon_reversals v WHERE v.redemption_id = r.redemption_id)", (points_transaction_id,))
            found = await cursor.fetchall()
        now = self._deps.clock.now()
        rows = tuple(Row("coupon_reversals", _REVERSAL_COLUMNS, (redemption_id, f"{request_id}#coupon{n}",
                                                                 caller.client_id, now))
                     for n, (redemption_id, *_) in enumerate(found))

        async def give_back() -> None:
            for _, offer_id, account_id, coupon_id in found:
                keys = offer_keys(offer_id, account_id, "-")
                await self._deps.scripts.run("coupon_unredeem", [keys[1], keys[2]] + (
                    coupon_keys(offer_id, coupon_id) if coupon_id else []), [-1])

        return rows, give_back

    async def _reserve(self, offer: Offer, account_id: str, request_key: str, now: dt.datetime,
                       coupon: IssuedCoupon | None = None, kind: str = "redeemed",
                       deadline_ms: int | None = None) -> Reserved:
        """Run coupon_redeem for a redemption (or, with kind "issued", an issue)."""
        rules = offer.rules
        limits_ = ((rules.max_account_issues, rules.max_issues) if kind == "issued"
                   else (rules.max_account_redemptions, rules.max_redemptions))
        for _ in range(2):  # Once more after loading the offer's state.
            epoch = self._guard.require_ready()
            keys = offer_keys(offer.offer_id, account_id, epoch, kind)
            args = [epoch, request_key, int(now.timestamp() * 1000),
                    (rules.min_gap_seconds if kind == "redeemed" else offer.issuance.min_gap_seconds) * 1000,
                    *limits_, deadline_ms or int(now.timestamp() * 1000) + RESERVATION_TTL_MS, account_id,
                    1 if coupon is not None else 0, offer.version]  # Issued coupons are single use.
            if coupon is not None:
                keys += coupon_keys(offer.offer_id, coupon.coupon_id)
            reply = await self._deps.scripts.run("coupon_redeem", keys, args)
            if reply[0] == 0:
                return Reserved(epoch, *(int(value) for value in reply[1:6]))
            if reply[0] != 1:
                raise _refusal(int(reply[0]), int(reply[1]), kind)
            await self._guard.ensure()
            await load_offer_state(self._deps, offer.offer_id, self._guard.require_ready())
        raise DomainError(ErrorReason.STATE_REBUILDING)

    async def _confirm(self, keys: list[str], request_key: str, epoch: int) -> None:
        if await self._deps.scripts.run("coupon_confirm", [keys[0], keys[4]], [request_key, epoch]) == 0:
            # The sweep released it before the commit landed: count the redemption again.
            await self._deps.scripts.run("coupon_unredeem", [keys[1], keys[2]], [1])

    async def reverse(self, command: ReverseRedemption, caller: Caller) -> Reversal:
        validate_request_id(command.request_id)
        redemption_id = _uuid(command.redemption_id, "redemption_id")
        return await execute_once(self._deps, caller, "ReverseRedemption", command,
                                  lambda: self.prepare_reverse(command, caller, redemption_id), Reversal.from_json)

    async def prepare_reverse(self, command: ReverseRedemption, caller: Caller,
                              redemption_id: str) -> Prepared[Reversal]:
        """ReverseRedemption's row and count give-back, for ReverseRedemption and for the
        checkout's basket refunds (which commit them with their own rows)."""
        async with self._deps.pool.connection() as connection:
            cursor = await connection.execute(
                "SELECT r.offer_id, r.account_id, v.redemption_id IS NOT NULL, r.coupon_id, c.revoke_time"
                " FROM coupon_redemptions r LEFT JOIN coupon_reversals v USING (redemption_id)"
                " LEFT JOIN coupons c ON c.coupon_id = r.coupon_id"
                " WHERE r.redemption_id = %s AND r.org_id = %s", (redemption_id, caller.org_id))
            found = await cursor.fetchone()
        if found is None:
            raise DomainError(ErrorReason.REDEMPTION_NOT_FOUND, metadata={"redemption_id": redemption_id})
        offer_id, account_id, reversed_already, coupon_id, revoke_time = str(found[0]), str(found[1]), *found[2:]
        if revoke_time is not None:
            raise DomainError(ErrorReason.COUPON_REVOKED, metadata={"revoke_time": revoke_time.isoformat()})
        if reversed_already:
            raise DomainError(ErrorReason.REDEMPTION_ALREADY_REVERSED, metadata={"redemption_id": redemption_id})
        now = self._deps.clock.now()
        keys = offer_keys(offer_id, account_id, "-")
        row = Row("coupon_reversals", _REVERSAL_COLUMNS, (redemption_id, command.request_id, caller.client_id, now))
        event = event_row(caller.org_id, "coupon.redemption_reversed", "account", account_id, {
            **Reversal(redemption_id, now).to_json(), "offer_id": offer_id, "account_id": account_id,
            "coupon_id": str(coupon_id) if coupon_id else None}, now)
        return Prepared(Reversal(redemption_id, now), (row, event),
                        {"coupon_reversals_pkey": DomainError(ErrorReason.REDEMPTION_ALREADY_REVERSED,
                                                              metadata={"redemption_id": redemption_id}),
                         "coupon_reversals_coupon_revoked": DomainError(ErrorReason.COUPON_REVOKED)},
                        on_commit=lambda: self._deps.scripts.run("coupon_unredeem", [keys[1], keys[2]] + (
                            coupon_keys(offer_id, str(coupon_id)) if coupon_id else []), [-1]))

    async def sweep_reservations(self, offer_ids: list[str]) -> tuple[int, int]:
        """Settle reservations past their deadline, and give back the codes drawn by issues that
        died: (confirmed, released)."""
        confirmed = released = 0
        epoch = self._guard.require_ready()
        now_ms = int(self._deps.clock.now().timestamp() * 1000)
        for offer_id in offer_ids:
            # Redemptions land in coupon_redemptions, issues in coupons: both by (client, request).
            for kind, hash_name, table in (("redeemed", "reservations", "coupon_redemptions"),
                                           ("issued", "issue-reservations", "coupons")):
                reservations = await self._deps.redis.hgetall(f"{_tag(offer_id)}:{hash_name}:{epoch}")
                for request_key, value in reservations.items():
                    account_id, deadline, *_ = value.decode().split("|")
                    if int(deadline) > now_ms:
                        continue
                    client_id, _, request_id = request_key.decode().partition(":")
                    keys = offer_keys(offer_id, account_id, epoch, kind)
                    # Fence first: after it, no write of this request can commit, so the ledger's
                    # answer is final (a write still committing is waited for by the fence).
                    await self._deps.idempotency.fence_request(request_key.decode(), now_ms)
                    if await _in_ledger(self._deps, table, client_id, request_id):
                        confirmed += await self._deps.scripts.run("coupon_confirm", [keys[0], keys[4]],
                                                                  [request_key, epoch]) == 1
                    else:
                        released += await self._deps.scripts.run("coupon_release", keys,
                                                                  [request_key, epoch]) == 1
        released += await sweep_drawn_codes(self._deps, offer_ids, epoch, now_ms)
        return confirmed, released


_COUNTS = {
    # Redemptions in effect per account, and the time of the last one.
    "redeemed": "SELECT r.account_id::text, count(*), max(r.redeem_time) FROM coupon_redemptions r"
                " WHERE r.offer_id = %(offer)s AND NOT EXISTS (SELECT 1 FROM coupon_reversals v"
                " WHERE v.redemption_id = r.redemption_id) GROUP BY r.account_id",
    # Issued coupons per account, and the time of the last issue.
    "issued": "SELECT account_id::text, count(*), max(issue_time) FROM coupons WHERE offer_id = %(offer)s"
              " GROUP BY account_id",
    # Per issued coupon: uses in effect, and reversals so far.
    "coupons": "SELECT r.coupon_id::text, count(*) FILTER (WHERE v.redemption_id IS NULL),"
               " count(v.redemption_id) FROM coupon_redemptions r LEFT JOIN coupon_reversals v USING (redemption_id)"
               " WHERE r.offer_id = %(offer)s AND r.coupon_id IS NOT NULL GROUP BY r.coupon_id",
}


async def publish_limits(deps: Deps, offer: Offer) -> None:
    """Publish the offer's limits (per account, in all, gaps) to its live-limits hashes, unless
    those hold a newer version already (offer_limits.lua)."""
    rules = offer.rules
    keys = offer_keys(offer.offer_id, "-", "-")[5:] + offer_keys(offer.offer_id, "-", "-", "issued")[5:]
    await deps.scripts.run("offer_limits", keys, [
        offer.version, rules.min_gap_seconds * 1000, rules.max_account_redemptions, rules.max_redemptions,
        rules.max_account_issues, rules.max_issues, offer.issuance.min_gap_seconds * 1000])


async def load_offer_state(deps: Deps, offer_id: str, epoch: int, connection=None) -> bool:
    """Recount one offer's counters from the ledger and load them under `epoch`, and publish its
    limits as Postgres holds them (so a rebuilt Redis never applies an older copy's)."""
    if connection is None:
        async with deps.pool.connection() as own:
            return await load_offer_state(deps, offer_id, epoch, own)
    found = await (await connection.execute(f"SELECT {_OFFER_SELECT} FROM offers o WHERE o.offer_id = %s",
                                            (offer_id,))).fetchone()
    if found is not None:
        await publish_limits(deps, _offer_of_row("", found))
    counts = {name: await (await connection.execute(sql, {"offer": offer_id})).fetchall()
              for name, sql in _COUNTS.items()}
    tag = _tag(offer_id)
    keys = [f"{tag}:epoch", f"{tag}:reservations:{epoch}", f"{tag}:issue-reservations:{epoch}"]
    values: list[object] = [epoch]

    def put(key: str, value: object) -> None:
        keys.append(key)
        values.append(value)

    for kind, last_name in (("redeemed", "last"), ("issued", "issued-last")):
        put(f"{tag}:{kind}", sum(count for _, count, _ in counts[kind]))
        for account_id, count, last in counts[kind]:
            put(f"{tag}:acct:{account_id}:{kind}", count)
            put(f"{tag}:acct:{account_id}:{last_name}", int(last.timestamp() * 1000) if last else 0)
    for coupon_id, uses, reversals in counts["coupons"]:
        put(f"{tag}:coupon:{coupon_id}:uses", uses)
        put(f"{tag}:coupon:{coupon_id}:reversals", reversals)
    await load_pools(deps, offer_id, epoch, connection)
    return bool(await deps.scripts.run("coupon_load", keys, values))


async def customer_facts(deps: Deps, org_id: str, account_id: str, now: dt.datetime) -> Customer:
    """The account's registration time and its purchases before `now`: posted earns, and coupon
    redemptions in effect that were not part of an earn (those count with their earn)."""
    async with deps.pool.connection() as connection:
        cursor = await connection.execute(_CUSTOMER_FACTS, {"org": org_id, "account": account_id, "now": now,
                                                            "earn": _EARN_TYPE})
        found = await cursor.fetchone()
    if found is None:
        raise DomainError(ErrorReason.ACCOUNT_NOT_FOUND, metadata={"account_id": account_id})
    return Customer(found[0], found[1])


async def currency_rates(deps: Deps, org_id: str, from_currencies: set[str], to_currency: str) -> Rates:
    """The organisation's rates from each of `from_currencies` into `to_currency` (missing pairs
    are absent: the conversion reports CURRENCY_RATE_MISSING)."""
    async with deps.pool.connection() as connection:
        cursor = await connection.execute(
            "SELECT from_currency, rate FROM currency_rates WHERE org_id = %s AND to_currency = %s"
            " AND from_currency = ANY(%s)", (org_id, to_currency, sorted(from_currencies)))
        return {(from_currency, to_currency): rate for from_currency, rate in await cursor.fetchall()}


_EARN_TYPE = 1
"""points_transactions.type of a purchase's earn (core.service.points.TxType.EARN)."""
_CUSTOMER_FACTS = (
    "SELECT a.create_time, (SELECT count(*) FROM points_transactions t WHERE t.account_id = a.account_id"
    " AND t.type = %(earn)s AND t.create_time < %(now)s)"
    " + (SELECT count(*) FROM coupon_redemptions r WHERE r.account_id = a.account_id AND r.redeem_time < %(now)s"
    " AND r.points_transaction_id IS NULL AND NOT EXISTS (SELECT 1 FROM coupon_reversals v"
    " WHERE v.redemption_id = r.redemption_id))"
    " FROM accounts a WHERE a.account_id = %(account)s AND a.org_id = %(org)s")


async def _in_ledger(deps: Deps, table: str, client_id: str, request_id: str) -> bool:
    """Whether the request's row landed in `table` (coupon_redemptions or coupons; from code)."""
    async with deps.pool.connection() as connection:
        cursor = await connection.execute(
            f"SELECT 1 FROM {table} WHERE client_id = %s AND request_id = %s", (client_id, request_id))
        return await cursor.fetchone() is not None


def _refusal(code: int, detail: int, kind: str = "redeemed") -> DomainError:
    if code == 2:
        return DomainError(ErrorReason.REQUEST_IN_FLIGHT)
    if code == 6:
        return DomainError(ErrorReason.COUPON_ALREADY_REDEEMED)
    if kind == "issued" and code == 4:
        return DomainError(ErrorReason.ISSUE_LIMIT_PER_CUSTOMER_REACHED, metadata={"max_account_issue_count": detail})
    if kind == "issued" and code == 5:
        return DomainError(ErrorReason.OFFER_ISSUE_LIMIT_REACHED, metadata={"max_issue_count": detail})
    if kind == "issued" and code == 3:
        retry = dt.datetime.fromtimestamp(detail / 1000, dt.timezone.utc)
        return DomainError(ErrorReason.ISSUE_GAP_NOT_MET, metadata={"retry_time": retry.isoformat()})
    if code == 3:
        retry = dt.datetime.fromtimestamp(detail / 1000, dt.timezone.utc)
        return DomainError(ErrorReason.REDEMPTION_GAP_NOT_ELAPSED, metadata={"retry_time": retry.isoformat()})
    if code == 4:
        return DomainError(ErrorReason.ACCOUNT_REDEMPTION_LIMIT_REACHED, metadata={"max_account_redemption_count": detail})
    return DomainError(ErrorReason.REDEMPTION_LIMIT_REACHED, metadata={"max_redemption_count": detail})

_REVOCATION_COLUMNS = ("revocation_id", "org_id", "offer_id", "mode", "account_ids", "coupon_id", "note",
                       "revoke_time", "request_id", "client_id")
_LIST_ACCOUNT_COUPONS = (
    f"SELECT {_COUPON_SELECT} FROM coupons c WHERE c.org_id = %(org)s AND c.account_id = %(account)s"
    " AND (%(offer)s::uuid IS NULL OR c.offer_id = %(offer)s::uuid)"
    " AND (%(after_time)s::timestamptz IS NULL OR (c.issue_time, c.coupon_id) < (%(after_time)s, %(after_id)s::uuid))"
    " ORDER BY c.issue_time DESC, c.coupon_id DESC LIMIT %(limit)s")


def _revocation_scope(command: RevokeCoupons) -> tuple[RevocationMode, list[str] | None]:
    if command.mode == 0:
        raise field_required("mode")
    if command.mode not in (RevocationMode.ALL_UNREDEEMED, RevocationMode.UNISSUED_ONLY, RevocationMode.CUSTOMERS):
        raise field_invalid("mode", "ALL_UNREDEEMED, UNISSUED_ONLY or CUSTOMERS")
    mode = RevocationMode(command.mode)
    if mode is not RevocationMode.CUSTOMERS:
        if command.account_ids:
            raise field_invalid("account_ids", "empty unless mode is CUSTOMERS")
        return mode, None
    if not command.account_ids:
        raise field_required("account_ids")
    if len(command.account_ids) > limits.REVOCATION_ACCOUNTS_MAX:
        raise field_too_long("account_ids", limits.REVOCATION_ACCOUNTS_MAX)
    account_ids = [_uuid(account_id, f"account_ids[{index}]") for index, account_id in enumerate(command.account_ids)]
    if len(set(account_ids)) != len(account_ids):
        raise field_invalid("account_ids", "no duplicates")
    return mode, account_ids


_OFFER_COUNTS = (
    "(SELECT count(*) FROM coupons c WHERE c.offer_id = o.offer_id),"
    " (SELECT count(*) FROM coupon_redemptions r WHERE r.offer_id = o.offer_id AND NOT EXISTS"
    " (SELECT 1 FROM coupon_reversals v WHERE v.redemption_id = r.redemption_id)),"
    " (SELECT min(event_time) FROM offer_events e WHERE e.offer_id = o.offer_id AND e.kind = 'issue_threshold')")
"""An offer's counters, in OfferListing's order (prefix `o` = offers)."""
_LIST_OFFERS = (
    f"SELECT {_OFFER_SELECT}, {_OFFER_COUNTS}"
    " FROM offers o WHERE o.org_id = %(org)s AND o.program_id = %(program)s"
    " AND (cardinality(%(states)s::smallint[]) = 0 OR o.state = ANY(%(states)s::smallint[]))"
    " AND (%(store)s = '' OR o.definition -> 'rules' -> 'store_ids' ? %(store)s)"
    " AND (%(zone)s = '' OR o.definition -> 'rules' -> 'zone_ids' ? %(zone)s)"
    " AND (%(after_time)s::timestamptz IS NULL OR (o.create_time, o.offer_id) < (%(after_time)s, %(after_id)s::uuid))"
    " ORDER BY o.create_time DESC, o.offer_id DESC LIMIT %(limit)s")


_LIST_DEAL_OFFERS = (
    f"SELECT {_OFFER_SELECT}, o.end_key FROM (SELECT *, COALESCE((definition -> 'rules' ->> 'end_time')::timestamptz,"
    " '9999-12-31T00:00:00Z'::timestamptz) AS end_key FROM offers WHERE org_id = %(org)s"
    " AND program_id = %(program)s AND state = %(active)s) o"
    " WHERE %(after_end)s::timestamptz IS NULL OR (o.end_key, o.offer_id) > (%(after_end)s, %(after_id)s::uuid)"
    " ORDER BY o.end_key, o.offer_id LIMIT %(limit)s")
"""A program's ACTIVE offers by end (none: last), then offer_id; keyset pages."""


def _live_limits(offer: Offer, live: list) -> tuple[int, int, int]:
    """(per account, in all, gap ms) as the redemption script applies them: the published limits
    when they are at least as new as the offer read, else the offer's."""
    version, account_max, total_max, gap_ms = live
    if version is not None and int(version) >= offer.version:
        return int(account_max), int(total_max), int(gap_ms)
    return offer.rules.max_account_redemptions, offer.rules.max_redemptions, offer.rules.min_gap_seconds * 1000


def _gap_end(last_ms, gap_ms: int, now: dt.datetime) -> dt.datetime | None:
    """When an account's redemption gap ends (from its last redemption), if still ahead."""
    if not gap_ms or not last_ms or not int(last_ms):
        return None
    end = dt.datetime.fromtimestamp((int(last_ms) + gap_ms) / 1000, dt.timezone.utc)
    return end if end > now else None


def _remaining(limit: int, count) -> int:
    return -1 if limit == 0 else max(0, limit - int(count or 0))


def _check_location(location: Location) -> None:
    """Store, zone and interaction point ids are bounded (FIELD_TOO_LONG)."""
    for name in ("store_id", "zone_id", "interaction_point_id"):
        if len(getattr(location, name)) > limits.OFFER_LOCATION_ID_LENGTH_MAX:
            raise field_too_long(name, limits.OFFER_LOCATION_ID_LENGTH_MAX)


def _scope(*fields: object) -> str:
    """A page token's scope: the query's other fields, hashed (a token of another query is refused)."""
    return hashlib.sha256(json.dumps(fields, separators=(",", ":")).encode()).hexdigest()[:16]


def _validate_note(note: str) -> None:
    if len(note) > limits.COUPON_NOTE_LENGTH_MAX:
        raise field_too_long("note", limits.COUPON_NOTE_LENGTH_MAX)


def _page_size(page_size: int) -> int:
    if page_size < 0:
        raise DomainError(ErrorReason.FIELD_OUT_OF_RANGE, metadata={"field": "page_size"})
    return min(page_size or limits.COUPON_PAGE_SIZE_DEFAULT, limits.COUPON_PAGE_SIZE_MAX)


def _page_token(scope: str, issue_time: dt.datetime, coupon_id: str) -> str:
    raw = json.dumps([scope, issue_time.isoformat(), coupon_id], separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode()


def _page_position(token: str, scope: str) -> tuple[dt.datetime, str] | None:
    """The (issue_time, coupon_id) a page starts after; FIELD_INVALID for a token of another query."""
    if not token:
        return None
    try:
        token_scope, issue_time, coupon_id = json.loads(base64.urlsafe_b64decode(token.encode()))
        position = dt.datetime.fromisoformat(issue_time), str(uuid.UUID(coupon_id))
    except (ValueError, TypeError, binascii.Error):
        raise field_invalid("page_token", "a next_page_token of this query") from None
    if token_scope != scope:
        raise field_invalid("page_token", "a next_page_token of this query")
    return position


def _bulk_customer(row: BulkRow) -> tuple[str, str] | DomainError:
    """("", account id) or (identifier kind, stored value) of a bulk row, or the row's reason."""
    if row.account_id:
        try:
            return "", str(uuid.UUID(row.account_id))
        except ValueError:
            return DomainError(ErrorReason.INVALID_ACCOUNT_ID, metadata={"account_id": row.account_id[:64]})
    checks = (("external_id", row.external_id, ErrorReason.INVALID_EXTERNAL_ID, None),
              ("mobile", row.mobile, ErrorReason.INVALID_MOBILE, IdentifierType.PHONE),
              ("email", row.email, ErrorReason.INVALID_EMAIL, IdentifierType.EMAIL))
    for kind, value, reason, identifier_type in checks:
        if not value:
            continue
        try:
            stored = validate_identifier(Identifier(identifier_type or IdentifierType.EXTERNALCODE, value), kind)
        except DomainError:
            return DomainError(reason, metadata={kind: value[:limits.IDENTIFIER_VALUE_LENGTH_MAX]})
        return kind, stored.value
    return field_required("customer")


def _bulk_code(code: str) -> str:
    """A bulk row's code in stored (upper-case) form; FIELD_INVALID if malformed."""
    if not code:
        return ""
    stored = code.upper()
    if not 3 <= len(stored) <= 64 or not all(ch.isascii() and (ch.isalnum() or ch == "-") for ch in stored):
        raise field_invalid("code", "3..64 characters of [0-9A-Z-]")
    return stored


def validate_redeem(command: RedeemCoupon) -> None:
    validate_request_id(command.request_id)
    if command.account_coupon_id:
        if command.code:
            raise field_invalid("code", "empty when account_coupon_id is set")
        if command.account_identifier is not None:
            raise field_invalid("account_identifier", "empty when account_coupon_id is set")
        parse_account_coupon_id(command.account_coupon_id)
    else:
        if not command.code:
            raise field_required("code")
        if len(command.code) > limits.COUPON_CODE_LENGTH_MAX:
            raise field_invalid("code", f"at most {limits.COUPON_CODE_LENGTH_MAX} characters")
        validate_ref(AccountRef(command.account_id, command.account_identifier), REQUEST_FIELDS)
    if not command.store_id:
        raise field_required("store_id")
    _check_location(command.location)
    if command.bill.amount_minor < 0:
        raise DomainError(ErrorReason.FIELD_OUT_OF_RANGE, metadata={"field": "bill_amount.amount_minor"})
    if len(command.bill.currency_code) != 3 or not command.bill.currency_code.isupper():
        raise field_invalid("bill_amount.currency_code", "an ISO-4217 code")


def _uuid(value: str, field: str) -> str:
    if not value:
        raise field_required(field)
    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise field_invalid(field, "a UUID") from None


def _offer_of_row(org_id: str, row: Sequence) -> Offer:
    offer_id, state, definition, code, version, create_time, update_time = row
    return offer_from_row(org_id, code, offer_id, state, definition, version, create_time, update_time)


def offer_definition(offer: Offer) -> dict:
    rules = offer.rules
    money = lambda m: [m.amount_minor, m.currency_code] if m else None  # noqa: E731
    when = lambda t: t.isoformat() if t else None  # noqa: E731
    return {"rules": {
        "start_time": when(rules.start_time), "end_time": when(rules.end_time),
        "redemption_start_time": when(rules.redemption_start_time), "store_ids": sorted(rules.store_ids),
        "min_bill": money(rules.min_bill), "max_bill": money(rules.max_bill),
        "days_of_week": sorted(rules.days_of_week), "hours": [list(window) for window in rules.hours] or None,
        "min_gap_seconds": rules.min_gap_seconds, "max_account_redemptions": rules.max_account_redemptions,
        "max_redemptions": rules.max_redemptions, "time_zone": rules.time_zone,
        "max_account_issues": rules.max_account_issues, "max_issues": rules.max_issues,
        "expiry_mode": int(rules.expiry_mode), "coupon_validity_seconds": rules.coupon_validity_seconds,
        "coupon_validity_months": rules.coupon_validity_months, "activation_required": rules.activation_required,
        "zone_ids": sorted(rules.zone_ids), "interaction_point_ids": sorted(rules.interaction_point_ids),
        "days_of_month": sorted(rules.days_of_month),
        "registration_start_time": when(rules.registration_start_time),
        "registration_end_time": when(rules.registration_end_time),
        "max_prior_transactions": rules.max_prior_transactions, "new_customers_only": rules.new_customers_only,
        "redemption_start_days": rules.redemption_start_days, "anyone_may_redeem": rules.anyone_may_redeem},
        "discount_amount": money(offer.discount_amount), "discount_percent_bps": offer.discount_percent_bps,
        "discount_max": money(offer.discount_max), "program_id": offer.program_id,
        "display_name": offer.display_name, "description": offer.description,
        "extra_points": offer.extra_points, "points_multiplier_bps": offer.points_multiplier_bps,
        "price_points": offer.price_points, "free_item_sku": offer.free_item_sku,
        "content": offer.content.to_json(), "issuance": {
            "min_gap_seconds": offer.issuance.min_gap_seconds, "rematch": int(offer.issuance.rematch),
            "listed_only": offer.issuance.listed_only, "notify_remaining": offer.issuance.notify_remaining}}


def offer_from_row(org_id: str, code: str | None, offer_id, state: int, definition: dict, version: int = 0,
                   create_time: dt.datetime | None = None, update_time: dt.datetime | None = None) -> Offer:
    if isinstance(definition, str):
        definition = json.loads(definition)
    r = definition["rules"]
    money = lambda m: Money(m[0], m[1]) if m else None  # noqa: E731
    when = lambda t: dt.datetime.fromisoformat(t) if t else None  # noqa: E731
    rules = RedemptionRules(
        when(r["start_time"]), when(r["end_time"]), when(r["redemption_start_time"]), frozenset(r["store_ids"]),
        money(r["min_bill"]), money(r["max_bill"]), frozenset(r["days_of_week"]),
        _hour_windows(r["hours"]), r["min_gap_seconds"], r["max_account_redemptions"],
        r["max_redemptions"], r["time_zone"], r.get("max_account_issues", 0), r.get("max_issues", 0),
        ExpiryMode(r.get("expiry_mode", ExpiryMode.FIXED_END)), r.get("coupon_validity_seconds", 0),
        r.get("coupon_validity_months", 0), r.get("activation_required", False),
        frozenset(r.get("zone_ids", ())), frozenset(r.get("interaction_point_ids", ())),
        frozenset(r.get("days_of_month", ())), when(r.get("registration_start_time")),
        when(r.get("registration_end_time")), r.get("max_prior_transactions"), r.get("new_customers_only", False),
        r.get("redemption_start_days", 0), r.get("anyone_may_redeem", False))
    return Offer(str(offer_id), org_id, OfferState(state), rules, money(definition["discount_amount"]),
                 definition["discount_percent_bps"], money(definition["discount_max"]), code,
                 definition.get("program_id", ""), definition.get("display_name", ""),
                 definition.get("description", ""), definition.get("extra_points", 0),
                 definition.get("points_multiplier_bps", 0), definition.get("price_points", 0),
                 _issuance_from_json(definition.get("issuance")), definition.get("free_item_sku", ""),
                 OfferContent.from_json(definition.get("content")), version, create_time, update_time)


def _hour_windows(stored: list | None) -> tuple[tuple[int, int], ...]:
    """Stored hour windows: a list of [start, end] pairs, or (offers stored before several
    windows were allowed) one flat [start, end] pair."""
    if not stored:
        return ()
    if isinstance(stored[0], int):
        return ((stored[0], stored[1]),)
    return tuple((start, end) for start, end in stored)


def _issuance_from_json(data: dict | None) -> IssuanceRules:
    if not data:
        return IssuanceRules()
    return IssuanceRules(data["min_gap_seconds"], RematchPolicy(data["rematch"]), data["listed_only"],
                         data["notify_remaining"])


async def rebuild_coupon_counters(redis, connection, epoch: int, deps: Deps) -> None:
    """StateGuard rebuilder: reload every offer's counters under the new epoch, inside the
    transaction that bumped the epoch (so the counts include every redemption that passed the fence)."""
    cursor = await connection.execute("SELECT offer_id FROM offers")
    for (offer_id,) in await cursor.fetchall():
        await load_offer_state(deps, str(offer_id), epoch, connection)
