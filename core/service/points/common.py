"""What every part of the points engine shares: the ledger's account names, the checks of request
fields, and the small helpers that chain settlements."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Awaitable, Callable, Sequence
from typing import TypeVar

from core.adapters.postgres.ledger_writer import Row
from core.adapters.postgres.users import UserStore
from core.domain import limits
from core.domain.accounts import Account, MembershipRole
from core.domain.errors import DomainError, ErrorReason, field_invalid, field_required, field_too_long
from core.domain.loyalty import EarnEvent, Program, ProgramRules
from core.service.accounts import REQUEST_FIELDS, AccountRef, require_active, resolve_account
from core.service.context import Caller, Deps

BUILT_IN_EVENTS = frozenset({EarnEvent.ACCOUNT_CREATED, EarnEvent.FIRST_PURCHASE, EarnEvent.MARKETING_OPT_IN})
"""The events the server sees and pays by itself (built_in_event), once per account and rule."""
SYSTEM_CLIENT = "system"
"""The client id of the server's own movements (expiry)."""
OTP_CODE_DIGITS = 6
PAYMENT_CARD_TYPE_LENGTH_MAX = 64

MS_PER_S = 1000
EPOCH_FENCE = "points_transactions_epoch_fence"
WALLET_FLOOR = "points_wallets_floor"

Action = Callable[[], Awaitable[None]]
H = TypeVar("H")
RulesSource = Callable[[Deps, str, str], Awaitable[ProgramRules]]
"""(deps, org id, program id) -> the program's rules: core.service.programs.load_rules."""


# --- the ledger's accounts ------------------------------------------------------------------


def wallet_account(account_id: str) -> str:
    return f"wallet:{account_id}"


def issuance_account(program_id: str) -> str:
    return f"issuance:{program_id}"


def redeemed_account(program_id: str) -> str:
    return f"redeemed:{program_id}"


def expired_account(program_id: str) -> str:
    return f"expired:{program_id}"


def adjustment_account(program_id: str) -> str:
    return f"adjustment:{program_id}"


def event_award_key(earn_rule_id: str, account_id: str) -> str:
    return f"event:{earn_rule_id}:{account_id}"


def request_key(caller: Caller, request_id: str) -> str:
    """A wallet reservation's key: the request, per client."""
    return f"{caller.client_id}:{request_id}"


def debit_rejections() -> dict[str, DomainError]:
    """What the ledger's refusals of a wallet debit mean."""
    return {EPOCH_FENCE: DomainError(ErrorReason.STATE_REBUILDING),
            WALLET_FLOOR: DomainError(ErrorReason.INSUFFICIENT_POINTS)}


async def require_owner(deps: Deps, program: Program, account: Account, action: str, *,
                        users: UserStore | None = None) -> None:
    """Registered members only (seed 001): MEMBERSHIP_REQUIRED if the program lets only accounts
    with an OWNER membership `action` ("earn" or "burn") and this one has none."""
    required = program.earn_requires_owner if action == "earn" else program.burn_requires_owner
    if not required:
        return
    members = await (users or UserStore(deps.pool)).members(account.account_id)
    if MembershipRole.OWNER not in members.values():
        raise DomainError(ErrorReason.MEMBERSHIP_REQUIRED,
                          f"Only registered members (an OWNER membership) may {action} points in this program.",
                          metadata={"action": action, "program_id": program.program_id,
                                    "account_id": account.account_id})


async def account_of(deps: Deps, caller: Caller, ref: AccountRef, *, active: bool = True) -> Account:
    account = await resolve_account(deps, caller.org_id, ref, fields=REQUEST_FIELDS)
    if active:
        require_active(account)
    return account


# --- request fields -------------------------------------------------------------------------


def check_points(points: int, field: str) -> None:
    if points <= 0 or points > limits.POINTS_MAX:
        raise DomainError(ErrorReason.FIELD_OUT_OF_RANGE, f"{field} must be 1..{limits.POINTS_MAX}.",
                          metadata={"field": field, "min": 1, "max": limits.POINTS_MAX})


def check_text(value: str, field: str, length_max: int, required: bool = True) -> None:
    if not value:
        if required:
            raise field_required(field)
        return
    if len(value) > length_max:
        raise field_too_long(field, length_max)
    if not value.isprintable():
        raise field_invalid(field, "printable characters only")


def check_otp_code(code: str, field: str) -> None:
    if not code:
        raise field_required(field)
    if len(code) != OTP_CODE_DIGITS or not code.isdigit():
        raise field_invalid(field, f"{OTP_CODE_DIGITS} digits")


def check_redeemable(program: Program, available: int, points: int) -> None:
    """The checks wallet_reserve makes, for an OTP request (which reserves nothing)."""
    if points < program.min_redeem_points:
        raise DomainError(ErrorReason.REDEEM_AMOUNT_TOO_LOW, metadata={"min_redeem_points": program.min_redeem_points})
    if available < program.min_redemption_balance_points:
        raise DomainError(ErrorReason.REDEMPTION_THRESHOLD_NOT_MET,
                          metadata={"min_redemption_balance_points": program.min_redemption_balance_points})
    if available < points:
        raise DomainError(ErrorReason.INSUFFICIENT_POINTS, metadata={"available_points": available})
    if available - points < program.min_remaining_balance_points:
        raise DomainError(ErrorReason.REDEMPTION_THRESHOLD_NOT_MET,
                          metadata={"min_remaining_balance_points": program.min_remaining_balance_points})


# --- settlements ----------------------------------------------------------------------------


def all_of(actions: Sequence[Action | None]) -> Action | None:
    """One callback that runs every given one (None: none to run)."""
    present = [action for action in actions if action is not None]
    if not present:
        return None

    async def run() -> None:
        await asyncio.gather(*(action() for action in present))

    return run


def each(action: Callable[[H], Awaitable[None]], holds: Sequence[H]) -> Action | None:
    """One callback that runs `action` on every hold (None: no holds)."""
    if not holds:
        return None

    async def run() -> None:
        await asyncio.gather(*(action(hold) for hold in holds))

    return run


async def run_all(actions: Sequence[Action | None]) -> None:
    await asyncio.gather(*(action() for action in actions if action is not None))


def ms(value: dt.datetime | None) -> int | str:
    """Milliseconds since the epoch, as the wallet scripts take times ("" for none)."""
    return int(value.timestamp() * MS_PER_S) if value is not None else ""


def column(row: Row, name: str) -> object:
    """A value of a row to commit, by its column's name."""
    return row.values[row.columns.index(name)]
