"""Issuing coupons: IssueCoupon, BulkIssueCoupons (each row an IssueCoupon of its own).

An issue reserves on the offer's issue counters (coupon_redeem.lua with the issue keys: the issue
limits, per account and in all, and the gap between an account's issues), takes its code (the
common code, a bulk row's code, one drawn from the offer's series pools, or a fresh random one)
and commits the coupon row with the request's reply; a REWARD coupon's points price is debited
from the wallet in the same commit (the PointsPayer port).
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import uuid

from core.adapters.postgres.coupons import coupon_row
from core.adapters.postgres.offers import offer_event_row
from core.adapters.postgres.outbox import event_row
from core.adapters.redis.coupons import CounterKind, Reserved, keys_of
from core.codegen import DEFAULT_ALPHABET, CodeGenerator
from core.domain import limits
from core.domain.accounts import IdentifierType
from core.domain.coupons import CouponState, IssuedCoupon, Money, Offer, RematchPolicy, coupon_expiry, coupon_state, \
    failing_rules, past_issue_failure, past_issue_since
from core.domain.errors import DomainError, ErrorReason, field_invalid, field_required, field_too_long
from core.service.account_states import AccountState, account_state, check_state
from core.service.accounts import REQUEST_FIELDS, AccountRef, validate_ref, validate_request_id
from core.service.context import Caller
from core.service.coupons.base import CODE_LENGTH, EngineBase, now_ms
from core.service.coupons.checks import bulk_code, bulk_customer, parse_uuid
from core.service.coupons.commands import BulkIssue, BulkRowResult, IssueCoupon
from core.service.coupons.pools import draw_code, pool_series, take_named_code
from core.service.coupons.settlement import Both, DrawnCodeSettlement, HeldReservation
from core.service.events_outbox import evented
from core.service.idempotent import Prepared, execute_once

_OPEN_REASONS = (ErrorReason.OFFER_NOT_ACTIVE, ErrorReason.OFFER_NOT_STARTED, ErrorReason.OFFER_ENDED)
"""The offer rules an issue checks (the others are the redemption's)."""
_BULK_KINDS = {"external_id": IdentifierType.EXTERNALCODE, "mobile": IdentifierType.PHONE,
               "email": IdentifierType.EMAIL}


class IssuancePart(EngineBase):
    async def issue(self, command: IssueCoupon, caller: Caller) -> IssuedCoupon:
        """IssueCoupon: a coupon for an account, within the offer's issuance rules and limits: a
        unique generated code, or the offer's common code (once per account)."""
        return (await self.issue_with_offer(command, caller))[0]

    async def issue_with_offer(self, command: IssueCoupon, caller: Caller) -> tuple[IssuedCoupon, Offer]:
        """IssueCoupon, and the offer (as read for the issue) whose rules the coupon follows."""
        validate_request_id(command.request_id)
        offer_id = parse_uuid(command.offer_id, "offer_id")
        validate_ref(AccountRef(command.account_id, command.account_identifier), REQUEST_FIELDS)
        if command.code_series_id:
            parse_uuid(command.code_series_id, "code_series_id")
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
            self._stores, caller.org_id, offer.offer_id, getattr(command, "code_series_id", ""))
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
        if code and offer.common_code and code != offer.common_code:
            raise field_invalid("code", "the offer's common code (or empty)")

        async def prepare() -> Prepared[IssuedCoupon]:
            return await self._prepare_issue(offer, state, command.request_id, caller, code, series_ids)

        prepare = evented(prepare, self._deps.clock, caller.org_id, "coupon.issued", "account", _account_of_coupon)
        return await execute_once(self._deps, caller, "IssueCoupon", command, prepare, IssuedCoupon.from_json)

    async def _check_issuable(self, offer: Offer, state: AccountState, caller: Caller, now: dt.datetime) -> None:
        """The account is ACTIVE in the offer's program, the offer is open, and the account is
        on the offer's customer list if the offer issues only to those."""
        check_state(state, caller.org_id, offer.program_id)
        for failure in failing_rules(offer, now, "", Money(0, "")):
            if failure.reason in _OPEN_REASONS:
                raise failure
        if offer.issuance.listed_only and not await self._offers.listed(offer.offer_id, [state.account_id]):
            raise DomainError(ErrorReason.ACCOUNT_NOT_LISTED, metadata={"account_id": state.account_id})
        issuance = offer.issuance
        if issuance.past_offer_ids:
            newest = await self._coupon_store.newest_issue(
                org_id=caller.org_id, account_id=state.account_id, offer_ids=sorted(issuance.past_offer_ids),
                since=past_issue_since(issuance, offer.rules.time_zone, now))
            refusal = past_issue_failure(issuance, offer.rules.time_zone, now, newest)
            if refusal is not None:
                raise refusal

    async def _prepare_issue(self, offer: Offer, state: AccountState, request_id: str, caller: Caller, code: str,
                             series_ids: list[str]) -> Prepared[IssuedCoupon]:
        account_id, offer_id = state.account_id, offer.offer_id
        request_key = f"{caller.client_id}:{request_id}"
        now = self._deps.clock.now()
        await self._check_issuable(offer, state, caller, now)
        # org_codes registers every code of the organisation (issued, pooled, common): one read.
        given_series = await self._pool_of(caller.org_id, offer_id, code) if code and not offer.common_code else None
        try:
            reserved = await self._reserve(offer, account_id, request_key, now, kind=CounterKind.ISSUED)
        except DomainError as refusal:
            return Prepared(await self._rematch(offer, account_id, refusal, now), ())
        reservation = HeldReservation(self._pools, keys_of(offer_id, account_id, reserved.epoch, CounterKind.ISSUED),
                                      request_key, reserved.epoch)
        new_code, series_id = await self._issue_code(offer_id, series_ids, reservation, offer.common_code or code)
        if given_series is not None:
            # An unissued code of the offer's own pool, named by a bulk row: out of the pool
            # now (no draw can take it), back in if the issue fails; Postgres marks it issued.
            series_id = given_series
            await take_named_code(self._stores, offer_id, series_id, code, reserved.epoch, now_ms(self._deps))
        coupon = IssuedCoupon(str(uuid.uuid4()), new_code, offer_id, account_id, now, coupon_expiry(offer.rules, now),
                              activation_required=offer.rules.activation_required, state_change_time=now)
        rows = self._issue_rows(offer, coupon, reserved, request_id, caller, series_id)
        settlement = reservation if series_id is None else DrawnCodeSettlement(
            reservation, self._stores, offer_id, series_id, new_code)
        rejections = _issue_rejections(code, account_id)
        if not offer.price_points:
            return Prepared(coupon, rows, rejections, on_commit=settlement.confirm, on_abort=settlement.release)
        return await self._paid_issue(offer, coupon, rows, rejections, settlement, request_id, caller)

    def _issue_rows(self, offer: Offer, coupon: IssuedCoupon, reserved: Reserved, request_id: str, caller: Caller,
                    series_id: str | None) -> tuple:
        """The coupon row, and the offer's threshold event if this issue leaves exactly the
        number of coupons the offer notifies at (counts are atomic: exactly one issue does)."""
        rows = [coupon_row(coupon=coupon, org_id=caller.org_id, request_id=request_id, client_id=caller.client_id,
                           epoch=reserved.epoch, common=offer.common_code is not None, code_series_id=series_id)]
        remaining = offer.rules.max_issues - reserved.count
        if offer.rules.max_issues and offer.issuance.notify_remaining and remaining == offer.issuance.notify_remaining:
            rows.append(offer_event_row(org_id=caller.org_id, offer_id=offer.offer_id, kind="issue_threshold",
                                        event_time=coupon.issue_time, detail={
                                            "remaining_issue_count": remaining, "issued_count": reserved.count,
                                            "coupon_id": coupon.coupon_id}))
            rows.append(event_row(caller.org_id, "offer.issue_threshold_reached", "offer", offer.offer_id, {
                "offer_id": offer.offer_id, "remaining_issue_count": remaining, "issued_count": reserved.count,
                "max_issue_count": offer.rules.max_issues, "coupon_id": coupon.coupon_id}, coupon.issue_time))
        return tuple(rows)

    async def _paid_issue(self, offer: Offer, coupon: IssuedCoupon, rows: tuple, rejections: dict, settlement,
                          request_id: str, caller: Caller) -> Prepared[IssuedCoupon]:
        """A REWARD coupon is bought with points: the second atomic step (the wallet's hash tag)
        debits the price; both rows commit together, or both steps are released."""
        if self._payer is None:
            await settlement.release()
            raise DomainError(ErrorReason.NOT_IMPLEMENTED, "Points are not served by this process.")
        try:
            payment = await self._payer.pay(coupon.account_id, offer.price_points, request_id, caller)
        except BaseException:
            await settlement.release()
            raise
        return Prepared(coupon, (*rows, payment.row), {**rejections, **payment.rejections},
                        on_commit=Both(settlement.confirm, payment.confirm),
                        on_abort=Both(settlement.release, payment.release))

    async def _pool_of(self, org_id: str, offer_id: str, code: str) -> str | None:
        """The series of this offer whose pool holds `code` unissued; None for a code the
        organisation does not hold or holds revoked (the coupon row's trigger takes a revoked code
        again: a transfer); DUPLICATE_CODE for a code of another offer's series or issued."""
        found = await self._coupon_store.org_code(org_id=org_id, code=code)
        if found is None or found.revoked:
            return None
        if found.offer_id != offer_id or found.code_series_id is None or not found.unissued:
            raise DomainError(ErrorReason.DUPLICATE_CODE, metadata={"code": code})
        return found.code_series_id

    async def _issue_code(self, offer_id: str, series_ids: list[str], reservation: HeldReservation,
                          fixed: str) -> tuple[str, str | None]:
        """The new coupon's code and its series: `fixed` (a common code, a bulk row's code), or
        one drawn from the offer's pools, or (an offer without series) one made now.
        CODES_EXHAUSTED when every pool is empty; the issue reservation is released on failure."""
        if fixed or not series_ids:
            return fixed or CodeGenerator(DEFAULT_ALPHABET, CODE_LENGTH).generate(1)[0], None
        try:
            drawn = await draw_code(self._stores, offer_id, series_ids, reservation.epoch, now_ms(self._deps))
        except BaseException:
            await reservation.release()
            raise
        if drawn is None:
            await reservation.release()
            raise DomainError(ErrorReason.CODES_EXHAUSTED, metadata={"offer_id": offer_id})
        return drawn

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

    # --- BulkIssueCoupons ------------------------------------------------------------------

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
        offer_id = parse_uuid(batch.offer_id, "offer_id")
        if not batch.rows:
            raise field_required("rows")
        if len(batch.rows) > limits.BULK_ISSUE_ROWS_MAX:
            raise field_too_long("rows", limits.BULK_ISSUE_ROWS_MAX)
        offer = offer or await self.offer_by_id(caller.org_id, offer_id)
        results: dict[int, BulkRowResult] = {}
        by_account = await self._bulk_accounts(batch, offer, caller, results)
        gate = asyncio.Semaphore(limits.BULK_ISSUE_CONCURRENCY)

        async def issue_rows(account_id: str, rows: list[tuple[int, str]]) -> None:
            async with gate:
                for index, code in rows:
                    results[index] = await self._bulk_row(batch, offer, account_id, index, code, caller)

        await asyncio.gather(*(issue_rows(account_id, rows) for account_id, rows in by_account.items()))
        transient = [result.error for result in results.values() if result.error and result.error.transient]
        if transient:
            raise transient[0]
        return [results[index] for index in range(len(batch.rows))]

    async def _bulk_accounts(self, batch: BulkIssue, offer: Offer, caller: Caller,
                             results: dict[int, BulkRowResult]) -> dict[str, list[tuple[int, str]]]:
        """The rows to issue per account, in row order; a row that names no account (or repeats
        a code) gets its error in `results`."""
        named: list[tuple[str, str] | DomainError] = [bulk_customer(row) for row in batch.rows]
        resolved = await self._resolve_identifiers(
            caller.org_id, offer.program_id, {name for name in named if isinstance(name, tuple) and name[0]})
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
                code = bulk_code(row.code)
                if code and not offer.common_code:
                    if code in seen_codes:
                        raise DomainError(ErrorReason.DUPLICATE_CODE, metadata={"code": code})
                    seen_codes.add(code)
            except DomainError as error:
                results[index] = BulkRowResult(index, account_id, error=error)
                continue
            by_account.setdefault(account_id, []).append((index, code))
        return by_account

    async def _bulk_row(self, batch: BulkIssue, offer: Offer, account_id: str, index: int, code: str,
                        caller: Caller) -> BulkRowResult:
        command = IssueCoupon(f"{batch.request_id}/{index}", offer.offer_id, account_id, code)
        try:
            state = await account_state(self._deps, account_id)
            coupon = await self._issue(offer, state, command, caller, code)
            return BulkRowResult(index, account_id, self.view(coupon))
        except DomainError as error:
            return BulkRowResult(index, account_id, error=error)

    async def _resolve_identifiers(self, org_id: str, program_id: str,
                                   names: set[tuple[str, str]]) -> dict[tuple[str, str], str]:
        """(kind, value) -> account id for identifier-named bulk rows, in one query; a value held
        by accounts of several programs (an offer with no program) resolves to none."""
        if not names:
            return {}
        by_type = {int(_BULK_KINDS[kind]): kind for kind in _BULK_KINDS}
        found = await self._coupon_store.resolve_identifiers(
            org_id=org_id, program_id=program_id,
            names=[(int(_BULK_KINDS[kind]), value) for kind, value in sorted(names)])
        return {(by_type[kind], value): account for (kind, value), account in found.items()}


def _account_of_coupon(coupon: IssuedCoupon) -> str:
    return coupon.account_id


def _issue_rejections(code: str, account_id: str) -> dict[str, DomainError]:
    """What each constraint an issue's row may violate means."""
    taken = (DomainError(ErrorReason.DUPLICATE_CODE, metadata={"code": code}) if code
             else DomainError(ErrorReason.CODE_GENERATION_COLLISION))
    return {"coupons_epoch_fence": DomainError(ErrorReason.STATE_REBUILDING),
            "coupons_common_unique": DomainError(ErrorReason.COMMON_CODE_ALREADY_ISSUED,
                                                 metadata={"account_id": account_id}),
            "coupons_code_unique": taken, "org_codes_pkey": taken,
            "coupons_code_not_in_pool": taken if code else DomainError(ErrorReason.CODE_GENERATION_COLLISION)}
