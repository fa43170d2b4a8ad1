"""The coupon engine's requests and answers: plain frozen dataclasses, no behaviour beyond their
JSON form (the stored reply of an idempotent request)."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass

from core.adapters.postgres.ledger_writer import Row
from core.adapters.postgres.offers import offer_definition, offer_from_definition
from core.domain.accounts import Identifier
from core.domain.coupons import BillLine, CouponState, CouponTerms, IssuedCoupon, Location, Money, Offer
from core.domain.errors import DomainError


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
        # Field by field (dataclasses.asdict deep-copies every value: a tenth of a redemption's CPU).
        return {"redemption_id": self.redemption_id, "offer_id": self.offer_id, "account_id": self.account_id,
                "discount_minor": self.discount_minor, "currency_code": self.currency_code,
                "redeem_time": self.redeem_time.isoformat(), "offer_redeemed_count": self.offer_redeemed_count,
                "remaining_account_redemptions": self.remaining_account_redemptions,
                "remaining_redemptions": self.remaining_redemptions, "reward_kind": self.reward_kind,
                "free_item_sku": self.free_item_sku}

    @classmethod
    def from_json(cls, data: dict) -> Redemption:
        return cls(**{**data, "redeem_time": dt.datetime.fromisoformat(data["redeem_time"])})


@dataclass(frozen=True, slots=True)
class HeldRedemption:
    """A redemption reserved in Redis whose row is about to be committed."""

    redemption: Redemption
    row: Row
    rejections: dict
    offer: Offer
    confirm: Callable[[], Awaitable[None]]
    release: Callable[[], Awaitable[None]]
    code: str = ""
    """The code redeemed."""
    coupon_id: str | None = None
    """The issued coupon redeemed (None: a common code)."""


@dataclass(frozen=True, slots=True)
class Reversal:
    redemption_id: str
    reverse_time: dt.datetime
    code: str = ""
    """The code whose redemption was reversed (empty in replies recorded before it was kept)."""
    account_id: str = ""

    def to_json(self) -> dict:
        return {"redemption_id": self.redemption_id, "reverse_time": self.reverse_time.isoformat(),
                "code": self.code, "account_id": self.account_id}

    @classmethod
    def from_json(cls, data: dict) -> Reversal:
        return cls(data["redemption_id"], dt.datetime.fromisoformat(data["reverse_time"]),
                   data.get("code", ""), data.get("account_id", ""))


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
        return offer_from_definition(org_id=self.org_id, offer_id=self.offer_id, state=self.state,
                                     definition=self.definition, common_code=self.common_code, version=self.version,
                                     create_time=_time(self.create_time), update_time=_time(self.update_time))


def _iso(value: dt.datetime | None) -> str:
    return value.isoformat() if value else ""


def _time(value: str) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value else None


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
    concept_id: str = ""


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
    lines: tuple[BillLine, ...] = ()
    """The bill's lines (for offers restricted to products); empty: none."""
    concept_id: str = ""

    @property
    def location(self) -> Location:
        return Location(self.store_id, self.zone_id, self.interaction_point_id, self.concept_id)


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
    terms: CouponTerms | None = None
    """The offer's terms (ListAccountCoupons, GetAccountCoupon); None when its offer is gone."""

