"""Moved to core/service/coupons/series.py (code series) and pools.py (their Redis pools); this
module re-exports the names other code imported from here."""

from core.service.coupons.pools import (draw_code, load_pools, pool_series, settle_code, sweep_drawn_codes,
                                        take_named_code, unpool_revoked_codes)
from core.service.coupons.series import (CodeSeries, CodeSeriesBook, CreateCodeSeries, GenerateCodes,
                                         GenerateProgress, ImportBatch, ImportResult, RejectedRow)

__all__ = ["CodeSeries", "CodeSeriesBook", "CreateCodeSeries", "GenerateCodes", "GenerateProgress", "ImportBatch",
           "ImportResult", "RejectedRow", "draw_code", "load_pools", "pool_series", "settle_code",
           "sweep_drawn_codes", "take_named_code", "unpool_revoked_codes"]
