"""Coupons: offers, issuance, redemption, code series, earn-time coupons (one module each).

    commands    the requests and answers (dataclasses)
    offers      create, read, update, activate offers; common codes; customer lists
    issuance    IssueCoupon, BulkIssueCoupons
    lifecycle   activation, revocation
    queries     an account's coupons, ListDeals
    redemption  ValidateCoupon, RedeemCoupon, ReverseRedemption, coupons at an earn
    recovery    rebuilding an offer's Redis state, the reservation sweep
    series      code series (CreateCodeSeries, GenerateCodes, ImportCodes); pools: their Redis pools
    earn        EXTRAPOINT and MULTIPLIER coupons that apply by themselves at an earn
    engine      Coupons, the facade the servicers and the other contexts hold

Storage is in core/adapters (postgres/offers, coupons, redemptions, code_series; redis/coupons).
The names below are those other code imported from the former module core/service/coupons.py.
"""

from core.adapters.postgres.coupons import LEGACY_COUPON_SELECT as _COUPON_SELECT
from core.adapters.postgres.offers import offer_definition, offer_from_row
from core.adapters.postgres.redemptions import REDEMPTION_COLUMNS as _REDEMPTION_COLUMNS
from core.adapters.redis.coupons import Reserved, coupon_keys, offer_keys
from core.service.coupons.base import CODE_LENGTH, OFFER_CACHE_SECONDS, RESERVATION_TTL_MS
from core.service.coupons.checks import validate_redeem
from core.service.coupons.commands import (AccountCoupon, ActivateCoupon, AddOfferCustomers, BulkIssue, BulkRow,
                                           BulkRowResult, CouponView, Deal, HeldRedemption, IssueCoupon, ListAccountCoupons,
                                           ListDeals, Listing, ListOffers, OfferListing, RedeemCoupon, Redemption,
                                           Reversal, ReverseRedemption, Revocation, RevocationMode, RevokeCoupon,
                                           RevokeCoupons, UpdateOffer, Validation, offer_etag)
from core.service.coupons.engine import Coupons
from core.service.coupons.ports import HeldPayment, PointsPayer
from core.service.coupons.recovery import load_offer_state, publish_limits, rebuild_coupon_counters
from core.service.coupons.series import CodeSeries, CodeSeriesBook, CreateCodeSeries, GenerateCodes, ImportBatch
from core.service.coupons.stores import CouponStores

__all__ = [
    "_COUPON_SELECT", "_REDEMPTION_COLUMNS", "AccountCoupon", "ActivateCoupon", "AddOfferCustomers", "BulkIssue",
    "BulkRow", "BulkRowResult", "CODE_LENGTH", "CodeSeries", "CodeSeriesBook", "CouponStores", "CouponView",
    "Coupons", "CreateCodeSeries", "Deal", "GenerateCodes", "HeldPayment", "HeldRedemption", "ImportBatch",
    "IssueCoupon", "ListAccountCoupons", "ListDeals", "ListOffers", "Listing", "OFFER_CACHE_SECONDS",
    "OfferListing", "PointsPayer", "RESERVATION_TTL_MS", "RedeemCoupon", "Redemption", "Reserved", "Reversal",
    "ReverseRedemption", "Revocation", "RevocationMode", "RevokeCoupon", "RevokeCoupons", "UpdateOffer",
    "Validation", "coupon_keys", "load_offer_state", "offer_definition", "offer_etag", "offer_from_row",
    "offer_keys", "publish_limits", "rebuild_coupon_counters", "validate_redeem"]
