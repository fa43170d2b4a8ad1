"""Moved to core/service/coupons/earn.py; this module re-exports what core/service/points.py imports."""

from core.service.coupons.earn import AppliedCoupon, EarnCoupons

__all__ = ["AppliedCoupon", "EarnCoupons"]
