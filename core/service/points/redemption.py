"""OTP-verified redemption: RequestRedemptionOtp (the checks a redemption would make, a rate limit,
a one-time code sent to a member), RedeemPoints (the code checked in wallet_reserve with the
thresholds and the balance), and the same burn held for a checkout basket."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import hmac
import secrets
import uuid

from core.adapters.otp import OtpMessage, OtpSender, otp_hmac_key
from core.adapters.postgres.otp_contacts import OtpContactStore
from core.adapters.redis.wallets import WalletCache, WalletHold
from core.domain import limits
from core.domain.accounts import Account, MembershipRole
from core.domain.errors import DomainError, ErrorReason, field_invalid
from core.domain.loyalty import ProgramRules, TransactionType
from core.service.accounts import parse_uuid, validate_request_id
from core.service.context import Caller, Deps
from core.service.events_outbox import evented
from core.service.idempotent import Prepared, execute_once
from core.service.points.commands import RedeemPoints, RequestOtp
from core.service.points.common import (MS_PER_S, OTP_CODE_DIGITS, account_of, check_otp_code, check_points,
                                        check_redeemable, check_text, debit_rejections, ms, redeemed_account,
                                        request_key, require_owner, wallet_account)
from core.service.points.credits import posted_row
from core.service.points.points_money import burn_points, burn_value
from core.service.points.results import Movement, OtpTicket, PointsTransaction, movement_account
from core.service.points.wallets import Wallets
from core.service.programs import load_rules

OTP_KEY_GRACE_SECONDS = 60
"""An OTP's hash outlives its expiry by this much (a late try answers OTP_NOT_FOUND, not a miss)."""
OTP_HOLDER_ROLES = frozenset({MembershipRole.OWNER, MembershipRole.COOWNER})


class Redemption:
    def __init__(self, deps: Deps, wallets: Wallets, sender: OtpSender, *,
                 otp_rate_max: int = limits.OTP_PER_ACCOUNT_MAX, cache: WalletCache | None = None,
                 contacts: OtpContactStore | None = None, otp_secret: bytes | None = None) -> None:
        self._deps = deps
        self._wallets = wallets
        self._sender = sender
        self._otp_rate_max = otp_rate_max
        self._cache = cache or WalletCache(deps.redis, deps.scripts)
        self._contacts = contacts or OtpContactStore(deps.pool)
        self._otp_secret = otp_secret
        """The OTP MAC key; read (sealed) from Postgres on first use when not given."""

    # --- RequestRedemptionOtp -------------------------------------------------------------

    async def request_otp(self, command: RequestOtp, caller: Caller) -> OtpTicket:
        validate_request_id(command.request_id)
        if command.amount is None:
            check_points(command.points, "points")
        account = await account_of(self._deps, caller, command.account)
        rules = await load_rules(self._deps, caller.org_id, account.program_id)
        asked = dataclasses.replace(command, points=burn_points(rules.program, command.points, command.amount))
        check_points(asked.points, "points")
        await require_owner(self._deps, rules.program, account, "burn")

        async def prepare() -> Prepared[OtpTicket]:
            ticket = await self._send_otp(asked, account, rules)
            return Prepared(dataclasses.replace(ticket, points=asked.points, currency_code=rules.program.currency_code,
                                                points_value_minor=burn_value(rules.program, asked.points)), ())

        return await execute_once(self._deps, caller, "RequestRedemptionOtp", command, prepare, OtpTicket.from_json)

    async def _send_otp(self, command: RequestOtp, account: Account, rules: ProgramRules) -> OtpTicket:
        now = self._deps.clock.now()
        destination = await self._otp_destination(account.account_id, command.user_id)
        await self._wallets.expire_if_due(account.account_id, now)
        available, _ = await self._wallets.available(account.account_id)
        check_redeemable(rules.program, available, command.points)
        await self._count_request(account.account_id, now)
        otp_id = str(uuid.uuid4())
        code = f"{secrets.randbelow(10**OTP_CODE_DIGITS):0{OTP_CODE_DIGITS}d}"
        expire_time = now + dt.timedelta(seconds=limits.OTP_TTL_SECONDS)
        mac = await self._otp_mac(otp_id, account.account_id, command.points, code)
        await self._cache.store_otp(account_id=account.account_id, otp_id=otp_id, mac=mac, expire_ms=ms(expire_time),
                                    life_s=limits.OTP_TTL_SECONDS + OTP_KEY_GRACE_SECONDS)
        await self._sender.send(OtpMessage(account.account_id, command.user_id, otp_id, code, command.points,
                                           expire_time.isoformat(), destination))
        return OtpTicket(otp_id, expire_time)

    async def _count_request(self, account_id: str, now: dt.datetime) -> None:
        """OTP_RATE_LIMITED beyond the account's OTP requests per window."""
        count = await self._cache.count_otp_request(account_id, limits.OTP_RATE_WINDOW_SECONDS)
        if count > self._otp_rate_max:
            ttl = max(await self._cache.otp_window_ttl_s(account_id), 1)
            raise DomainError(ErrorReason.OTP_RATE_LIMITED, retry_after_ms=ttl * MS_PER_S,
                              metadata={"retry_time": (now + dt.timedelta(seconds=ttl)).isoformat()})

    async def _otp_destination(self, account_id: str, user_id: str) -> str:
        """Where the OTP goes: the named member (an OWNER or COOWNER), else the account's OWNER,
        by phone number or e-mail; "" for an account without members."""
        if user_id:
            user_id = parse_uuid(user_id, "user_id")
            found = await self._contacts.member(account_id, user_id)
        else:
            found = await self._contacts.with_role(account_id, int(MembershipRole.OWNER))
        if found is None:
            if user_id:
                raise DomainError(ErrorReason.MEMBERSHIP_NOT_FOUND, metadata={"user_id": user_id})
            return ""
        if found.role not in OTP_HOLDER_ROLES:
            raise field_invalid("user_id", "an OWNER or COOWNER of the account")
        if not found.phone_number and not found.email:
            raise DomainError(ErrorReason.OTP_DESTINATION_MISSING, metadata={"user_id": user_id})
        return found.phone_number or found.email

    async def _otp_mac(self, otp_id: str, account_id: str, points: int, code: str) -> str:
        """The OTP as stored: an HMAC over its id, account, points and code (never the code)."""
        if self._otp_secret is None:
            self._otp_secret = await otp_hmac_key(self._deps.pool)  # Stored sealed (keys at rest).
        message = f"{otp_id}|{account_id}|{points}|{code}".encode()
        return hmac.new(self._otp_secret, message, hashlib.sha256).hexdigest()

    # --- RedeemPoints ---------------------------------------------------------------------

    async def redeem(self, command: RedeemPoints, caller: Caller) -> Movement:
        validate_request_id(command.request_id)
        if command.amount is None:
            check_points(command.points, "points")
        otp_id = parse_uuid(command.otp_id, "otp_id")
        check_otp_code(command.otp_code, "otp_code")
        check_text(command.store_id, "store_id", limits.STORE_ID_LENGTH_MAX, required=False)
        check_text(command.transaction_id, "transaction_id", limits.TRANSACTION_ID_LENGTH_MAX, required=False)
        account = await account_of(self._deps, caller, command.account)
        rules = await load_rules(self._deps, caller.org_id, account.program_id)
        asked = dataclasses.replace(command, points=burn_points(rules.program, command.points, command.amount))
        check_points(asked.points, "points")
        await require_owner(self._deps, rules.program, account, "burn")

        async def prepare() -> Prepared[Movement]:
            return await self._prepare_redeem(asked, otp_id, caller, account, rules)

        prepare = evented(prepare, self._deps.clock, caller.org_id, "points.redeemed", "account", movement_account)
        return await execute_once(self._deps, caller, "RedeemPoints", command, prepare, Movement.from_json)

    async def _prepare_redeem(self, command: RedeemPoints, otp_id: str, caller: Caller, account: Account,
                              rules: ProgramRules) -> Prepared[Movement]:
        now = self._deps.clock.now()
        program = rules.program
        hold, available = await self._reserve_burn(account, rules, request_key(caller, command.request_id),
                                                   command.points, otp_id, command.otp_code, now)
        transaction = PointsTransaction(str(uuid.uuid4()), account.account_id, TransactionType.REDEEM,
                                        -command.points, now, store_id=command.store_id,
                                        transaction_id=command.transaction_id,
                                        points_value_minor=burn_value(program, command.points),
                                        currency_code=program.currency_code if program.points_value else "",
                                        interaction_point_id=command.interaction_point_id)
        row = posted_row(caller, command.request_id, program.program_id, transaction, hold.epoch,
                         debit=wallet_account(account.account_id), credit=redeemed_account(program.program_id))
        return Prepared(Movement((transaction,), available), (row,), debit_rejections(),
                        on_commit=lambda: self._wallets.confirm(hold), on_abort=lambda: self._wallets.release(hold))

    async def _reserve_burn(self, account: Account, rules: ProgramRules, key: str, points: int, otp_id: str,
                            otp_code: str, now: dt.datetime, deadline_ms: int | None = None
                            ) -> tuple[WalletHold, int]:
        """Expire what is due, then reserve the burn: the OTP, the program's thresholds, the balance."""
        program = rules.program
        await self._wallets.expire_if_due(account.account_id, now)
        mac = await self._otp_mac(otp_id, account.account_id, points, otp_code)
        return await self._wallets.reserve(
            account.account_id, key, -points, before=program.min_redemption_balance_points,
            after=program.min_remaining_balance_points, min_amount=program.min_redeem_points, otp=(otp_id, mac),
            deadline_ms=deadline_ms)

    async def hold_burn(self, account: Account, rules: ProgramRules, key: str, points: int, otp_id: str,
                        otp_code: str, deadline_ms: int) -> WalletHold:
        """Reserve a points burn exactly as RedeemPoints does (OTP, thresholds, balance), held until
        `deadline_ms`; the caller commits, confirms or releases it."""
        hold, _ = await self._reserve_burn(account, rules, key, points, otp_id, otp_code, self._deps.clock.now(),
                                           deadline_ms)
        return hold
