"""Points handlers: earn, earn by code, events and referrals, OTP-verified redemption, refunds,
expiry, balances and history, on the double-entry ledger of 0006_points_ledger.sql. The engine is
`Points` (engine.py, which names the parts); operators' movements are `PointsAdmin` (admin.py).

The names other code imports from `core.service.points` are re-exported here."""

from core.adapters.redis.wallets import (REGISTRY_BUCKETS, WalletHold, otp_key, refund_field, registry_key,
                                         wallet_keys)
from core.domain.loyalty import TransactionState, TransactionType
from core.service.accounts import AccountRef
from core.service.points.commands import (AdjustPoints, AllocateEvent, AllocateRow, EarnByCode, EarnPoints,
                                          ListLuckyDrawEntries, ListTransactions, RedeemPoints, RefundPoints,
                                          RequestOtp, RowResult, VoidTransaction)
from core.service.points.common import BUILT_IN_EVENTS, SYSTEM_CLIENT, wallet_account
from core.service.points.engine import Points
from core.service.points.results import (Balance, LuckyDrawEntry, Movement, OtpTicket, PointsTransaction,
                                         TransactionDetails)
from core.service.points.wallets import Wallets

TxType = TransactionType
"""The former name of TransactionType."""
POSTED = TransactionState.POSTED

__all__ = ["AccountRef", "AdjustPoints", "AllocateEvent", "AllocateRow", "BUILT_IN_EVENTS", "Balance", "EarnByCode",
           "EarnPoints", "ListLuckyDrawEntries", "ListTransactions", "LuckyDrawEntry", "Movement", "OtpTicket", "POSTED",
           "Points", "PointsTransaction", "REGISTRY_BUCKETS", "RedeemPoints", "RefundPoints", "RequestOtp", "RowResult",
           "SYSTEM_CLIENT", "TransactionDetails", "TransactionState", "TransactionType", "TxType", "VoidTransaction",
           "WalletHold", "Wallets", "otp_key", "refund_field", "registry_key", "wallet_account", "wallet_keys"]
