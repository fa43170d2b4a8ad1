"""Loyalty programs, earn rules and tiers: dataclasses and the pure rules of earning (no I/O).

How the rules of a program combine on one purchase (`compute_earn`, as EarnRule documents it in
proto/rewards/loyalty/v1/resources.proto):

    base   = sum over applicable RATIO rules of bill_minor * numerator / denominator
             (exact fractions; a rule applies in its stores; a spend band reached by the bill
             replaces the rule's rate for the whole bill)
    P      = product of the active PROMOTION factors (start <= time < end, in their stores),
             the matching CARD_TYPE factors and the account tier's factor
    C      = product of the MULTIPLIER coupons' factors
    regular      = round(base)
    with_program = round(base * P)
    with_all     = round(base * P * C)
    bonus  = with_program - regular + the TIER rules' bonus (the highest step each reaches)
    reward = with_all - with_program + the EXTRAPOINT coupons' points

Rounding is the first created applicable RATIO rule's mode (FLOOR when none applies). Every
figure is an int or a Fraction: never a float.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import functools
import re
import zoneinfo
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Union

from core.domain import limits
from core.domain.accounts import validate_program_id
from core.domain.coupons import Money
from core.domain.currencies import is_currency_code
from core.domain.errors import DomainError, ErrorReason, field_invalid, field_required, field_too_long
from core.domain.lucky_draws import LuckyDrawPolicy, validate_policy
from core.domain.messages import PointsReminders, validate_points_reminders
from core.domain.masks import apply_mask, require_update_mask
from core.domain.receipt_numbers import validate_receipt_format

BPS = 10_000
"""Basis points of a factor of one (15_000 = 1.5 times)."""

_NAME = re.compile(r"^[A-Za-z0-9_.-]+$")


class PointsExpiryMode(enum.IntEnum):
    DURATION = 1
    MONTH_END = 2


class RoundingMode(enum.IntEnum):
    FLOOR = 1
    HALF_UP = 2
    CEILING = 3


class EarnRuleKind(enum.IntEnum):
    EVENT = 1
    RATIO = 2
    TIER = 3
    PROMOTION = 4
    REFERRAL = 5
    CARD_TYPE = 6


class EarnEvent(enum.IntEnum):
    ACCOUNT_CREATED = 1
    FIRST_PURCHASE = 2
    MARKETING_OPT_IN = 3
    CUSTOM = 4


# --- programs -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PointsValue:
    """Points as money on the burn side (seed 002's coins-to-currency ratio): `points` points are
    worth `value_minor` minor units of the program's currency."""

    points: int
    value_minor: int
    currency_code: str

    def to_json(self) -> dict:
        return {"points": self.points, "value_minor": self.value_minor, "currency_code": self.currency_code}

    @classmethod
    def from_json(cls, data: dict | None) -> PointsValue | None:
        return cls(**data) if data else None


def points_money_value(value: PointsValue, points: int) -> int:
    """The money value of `points` (minor units), rounded down: never more than they are worth."""
    return points * value.value_minor // value.points


def points_for_money(value: PointsValue, amount_minor: int) -> int:
    """The most points whose value is not above `amount_minor` (rounded down: never burning more
    than asked)."""
    return amount_minor * value.points // value.value_minor


def validate_points_value(value: PointsValue | None, currency_code: str, prefix: str = "program.points_value") -> None:
    if value is None:
        return
    check_range(f"{prefix}.points", value.points, 1, limits.POINTS_VALUE_POINTS_MAX)
    check_currency(f"{prefix}.value.currency_code", value.currency_code, currency_code)
    check_range(f"{prefix}.value.amount_minor", value.value_minor, 1, limits.POINTS_VALUE_MINOR_MAX)


@dataclass(frozen=True, slots=True)
class Program:
    org_id: str
    program_id: str
    display_name: str
    currency_code: str
    time_zone: str
    points_expiry: dt.timedelta | None
    points_expiry_mode: PointsExpiryMode
    points_expiry_months: int
    min_redemption_balance_points: int
    min_remaining_balance_points: int
    min_redeem_points: int
    allow_negative_refund: bool
    create_time: dt.datetime
    update_time: dt.datetime
    lucky_draw: LuckyDrawPolicy | None = None
    """Lucky-draw points and numbers (core/domain/lucky_draws.py); None: none."""
    earn_requires_owner: bool = False
    """Registered members only: an account without an OWNER membership may not earn."""
    burn_requires_owner: bool = False
    """... nor burn."""
    points_value: PointsValue | None = None
    """Points as money on the burn side; None: no stated value."""
    receipt_number_format: str = ""
    """EarnPoints receipt numbers (core/domain/receipts.py); empty: none."""
    points_reminders: PointsReminders | None = None
    """Points-expiring reminders (core/domain/messages.py); None: none."""

    def to_json(self) -> dict:
        data = {name.name: getattr(self, name.name) for name in dataclasses.fields(self)}
        data["lucky_draw"] = self.lucky_draw.to_json() if self.lucky_draw is not None else None
        data["points_value"] = self.points_value.to_json() if self.points_value is not None else None
        data["points_reminders"] = self.points_reminders.to_json() if self.points_reminders is not None else None
        data["points_expiry"] = (self.points_expiry // dt.timedelta(microseconds=1)
                                 if self.points_expiry is not None else None)  # microseconds: no float
        data["points_expiry_mode"] = int(self.points_expiry_mode)
        data["create_time"] = self.create_time.isoformat()
        data["update_time"] = self.update_time.isoformat()
        return data

    @classmethod
    def from_json(cls, data: dict) -> Program:
        expiry = data["points_expiry"]
        return cls(**{**data, "points_expiry": dt.timedelta(microseconds=expiry) if expiry is not None else None,
                      "points_expiry_mode": PointsExpiryMode(data["points_expiry_mode"]),
                      "lucky_draw": LuckyDrawPolicy.from_json(data.get("lucky_draw")),
                      "points_value": PointsValue.from_json(data.get("points_value")),
                      "points_reminders": PointsReminders.from_json(data.get("points_reminders")),
                      "create_time": dt.datetime.fromisoformat(data["create_time"]),
                      "update_time": dt.datetime.fromisoformat(data["update_time"])})


def points_expire_time(program: Program, earn_time: dt.datetime) -> dt.datetime | None:
    """When points earned at `earn_time` expire (they are expired when now >= the result), or
    None if they never do.

    DURATION: earn_time + points_expiry (never when unset or zero). MONTH_END: the first instant
    of the month after (the earn's month + points_expiry_months), in the program's time zone.
    """
    assert earn_time.tzinfo is not None
    if program.points_expiry_mode is PointsExpiryMode.MONTH_END:
        zone = zoneinfo.ZoneInfo(program.time_zone)
        local = earn_time.astimezone(zone)
        month_index = local.year * 12 + (local.month - 1) + program.points_expiry_months + 1
        year, month = divmod(month_index, 12)
        # Midnight of the 1st; in a DST gap at midnight (fold=0) this is the gap's end instant.
        return dt.datetime(year, month + 1, 1, tzinfo=zone).astimezone(dt.timezone.utc)
    if not program.points_expiry:
        return None
    return earn_time + program.points_expiry


# --- earn rules ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EventRule:
    event: int
    """An EarnEvent value (an int so that a bad request value can be reported, not crash)."""
    points: int
    custom_event: str = ""
    once_per_account: bool = False
    max_points_per_period: int = 0
    """A cap on the points of this rule per account per cap_period; 0: none."""
    cap_period: int = 0
    """A CapPeriod value (an int, like `event`)."""


class CapPeriod(enum.IntEnum):
    DAY = 1
    WEEK = 2
    MONTH = 3
    YEAR = 4


def cap_period_bounds(period: CapPeriod, time_zone: str, now: dt.datetime) -> tuple[dt.datetime, dt.datetime]:
    """The [start, end) of the calendar period around `now` in `time_zone`, as UTC instants."""
    zone = zoneinfo.ZoneInfo(time_zone)
    local = now.astimezone(zone)
    day = local.date()
    if period is CapPeriod.DAY:
        start, end = day, day + dt.timedelta(days=1)
    elif period is CapPeriod.WEEK:
        start = day - dt.timedelta(days=day.weekday())
        end = start + dt.timedelta(days=7)
    elif period is CapPeriod.MONTH:
        start = day.replace(day=1)
        end = (start + dt.timedelta(days=32)).replace(day=1)
    else:
        start, end = day.replace(month=1, day=1), day.replace(year=day.year + 1, month=1, day=1)
    midnight = lambda d: dt.datetime.combine(d, dt.time(), zone).astimezone(dt.timezone.utc)  # noqa: E731
    return midnight(start), midnight(end)


@dataclass(frozen=True, slots=True)
class SpendBand:
    min_bill_amount: Money
    points_numerator: int
    amount_minor_denominator: int


@dataclass(frozen=True, slots=True)
class RatioRule:
    points_numerator: int
    amount_minor_denominator: int
    rounding_mode: int = 0
    """A RoundingMode value; 0: FLOOR."""
    store_ids: tuple[str, ...] = ()
    bands: tuple[SpendBand, ...] = ()

    @property
    def rounding(self) -> RoundingMode:
        return RoundingMode(self.rounding_mode or RoundingMode.FLOOR)


@dataclass(frozen=True, slots=True)
class EarnTier:
    min_bill_amount: Money
    points: int


@dataclass(frozen=True, slots=True)
class TierRule:
    tiers: tuple[EarnTier, ...]


@dataclass(frozen=True, slots=True)
class PromotionRule:
    start_time: dt.datetime | None
    end_time: dt.datetime | None
    multiplier_bps: int
    store_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ReferralRule:
    referrer_points: int
    referred_points: int


@dataclass(frozen=True, slots=True)
class CardTypeRule:
    card_types: tuple[str, ...]
    multiplier_bps: int


EarnConfig = Union[EventRule, RatioRule, TierRule, PromotionRule, ReferralRule, CardTypeRule]

KIND_OF_CONFIG: dict[type, EarnRuleKind] = {
    EventRule: EarnRuleKind.EVENT, RatioRule: EarnRuleKind.RATIO, TierRule: EarnRuleKind.TIER,
    PromotionRule: EarnRuleKind.PROMOTION, ReferralRule: EarnRuleKind.REFERRAL,
    CardTypeRule: EarnRuleKind.CARD_TYPE}
CONFIG_FIELDS: dict[str, type] = {
    "event": EventRule, "ratio": RatioRule, "tier": TierRule, "promotion": PromotionRule,
    "referral": ReferralRule, "card_type": CardTypeRule}
"""The EarnRule oneof's field names (as in update masks) -> config class."""
_FIELD_OF_CONFIG = {config: name for name, config in CONFIG_FIELDS.items()}


@dataclass(frozen=True, slots=True)
class EarnRule:
    earn_rule_id: str
    program_id: str
    display_name: str
    config: EarnConfig | None
    etag: str = ""
    create_time: dt.datetime | None = None
    update_time: dt.datetime | None = None

    @property
    def kind(self) -> EarnRuleKind:
        return KIND_OF_CONFIG[type(self.config)]

    def to_json(self) -> dict:
        when = lambda t: t.isoformat() if t else None  # noqa: E731
        return {"earn_rule_id": self.earn_rule_id, "program_id": self.program_id,
                "display_name": self.display_name, "config": config_to_json(self.config),
                "etag": self.etag, "create_time": when(self.create_time), "update_time": when(self.update_time)}

    @classmethod
    def from_json(cls, data: dict) -> EarnRule:
        when = lambda t: dt.datetime.fromisoformat(t) if t else None  # noqa: E731
        return cls(data["earn_rule_id"], data["program_id"], data["display_name"],
                   config_from_json(data["config"]), data["etag"], when(data["create_time"]),
                   when(data["update_time"]))


def config_to_json(config: EarnConfig | None) -> dict | None:
    """The config as JSON (stored in earn_rules.config): {"kind": "<oneof field>", ...fields}."""
    if config is None:
        return None

    def plain(value):
        if isinstance(value, Money):
            return [value.amount_minor, value.currency_code]
        if isinstance(value, dt.datetime):
            return value.isoformat()
        if isinstance(value, tuple):
            return [plain(item) for item in value]
        if dataclasses.is_dataclass(value):
            return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return value

    return {"kind": _FIELD_OF_CONFIG[type(config)], **plain(config)}


def config_from_json(data: dict | None) -> EarnConfig | None:
    if data is None:
        return None
    data = dict(data)
    cls = CONFIG_FIELDS[data.pop("kind")]
    money = lambda m: Money(m[0], m[1])  # noqa: E731
    if cls is RatioRule:
        data["store_ids"] = tuple(data["store_ids"])
        data["bands"] = tuple(SpendBand(money(b["min_bill_amount"]), b["points_numerator"],
                                        b["amount_minor_denominator"]) for b in data["bands"])
    elif cls is TierRule:
        data["tiers"] = tuple(EarnTier(money(t["min_bill_amount"]), t["points"]) for t in data["tiers"])
    elif cls is PromotionRule:
        data["store_ids"] = tuple(data["store_ids"])
        for name in ("start_time", "end_time"):
            data[name] = dt.datetime.fromisoformat(data[name]) if data[name] else None
    elif cls is CardTypeRule:
        data["card_types"] = tuple(data["card_types"])
    return cls(**data)


# --- tiers -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Tier:
    tier_id: str
    program_id: str
    display_name: str
    target_spend_minor: int
    min_spend_minor: int
    multiplier_bps: int
    evaluation_days: int
    create_time: dt.datetime | None = None
    points_expiry_seconds: int = 0
    """Points earned in this tier expire this long after their earn, instead of by the
    program's policy; 0: the program's policy."""
    level_up_evaluation_days: int = 0
    """Card types (core/domain/card_types.py): the window of the move up; 0: evaluation_days."""
    level_down_evaluation_days: int = 0
    """The window of keeping the tier at an evaluation; 0: evaluation_days."""
    default_tier: bool = False
    active: bool = True
    image_uri: str = ""
    update_time: dt.datetime | None = None

    def to_json(self) -> dict:
        data = {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}
        data["create_time"] = self.create_time.isoformat() if self.create_time else None
        data["update_time"] = self.update_time.isoformat() if self.update_time else None
        return data

    @classmethod
    def from_json(cls, data: dict) -> Tier:
        created, updated = data.get("create_time"), data.get("update_time")
        return cls(**{**data, "create_time": dt.datetime.fromisoformat(created) if created else None,
                      "update_time": dt.datetime.fromisoformat(updated) if updated else None})


def tier_for_spend(tiers: Sequence[Tier], spend_minor: int, current: Tier | None, *,
                   evaluation: bool) -> Tier | None:
    """The tier an account with `spend_minor` over the evaluation window belongs in.

    At an earn (evaluation=False) an account only moves up: to the highest tier whose
    target_spend it reaches, if that is above its current tier. At a periodic evaluation it may
    also move down, when its spend is below its current tier's min_spend: then to the highest
    tier whose target_spend it reaches (None if none).
    """
    reached = None
    for tier in sorted(tiers, key=lambda t: t.target_spend_minor):
        if tier.target_spend_minor <= spend_minor:
            reached = tier
    if current is None:
        return reached
    if reached is not None and reached.target_spend_minor > current.target_spend_minor:
        return reached
    if evaluation and spend_minor < current.min_spend_minor:
        return reached
    return current


# --- earning ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Purchase:
    bill_minor: int
    """After coupon discounts; not negative."""
    currency_code: str
    store_id: str
    payment_card_type: str
    time: dt.datetime


@dataclass(frozen=True, slots=True)
class CouponBonus:
    """An activated EXTRAPOINT (extra_points) or MULTIPLIER (multiplier_bps) coupon."""

    offer_id: str
    code: str
    extra_points: int = 0
    multiplier_bps: int = 0


@dataclass(frozen=True, slots=True)
class EarnBreakdown:
    regular: int
    """The RATIO rules' base points."""
    bonus: int
    """Promotions, card types, the account's tier and TIER rules."""
    reward: int
    """MULTIPLIER and EXTRAPOINT coupons."""
    applied_rule_ids: tuple[str, ...]
    """The rules that contributed, oldest first."""

    @property
    def total(self) -> int:
        return self.regular + self.bonus + self.reward


@dataclass(frozen=True, slots=True)
class ProgramRules:
    """A program with its live earn rules (oldest first) and tiers (by target_spend ascending)."""

    program: Program
    earn_rules: tuple[EarnRule, ...] = ()
    tiers: tuple[Tier, ...] = ()

    def rules_of(self, kind: EarnRuleKind) -> list[EarnRule]:
        return [rule for rule in self.earn_rules if rule.kind is kind]

    def event_rules(self, event: EarnEvent, custom_event: str = "") -> list[tuple[EarnRule, EventRule]]:
        """Every EVENT rule for `event` (for CUSTOM: of that name) with its config, oldest first."""
        return [(rule, rule.config) for rule in self.rules_of(EarnRuleKind.EVENT)  # type: ignore[misc]
                if rule.config.event == event  # type: ignore[union-attr]
                and (event != EarnEvent.CUSTOM or rule.config.custom_event == custom_event)]  # type: ignore[union-attr]

    def event_points(self, event: EarnEvent, custom_event: str = "") -> list[tuple[EarnRule, int, bool]]:
        """(rule, points, once_per_account) of every EVENT rule for `event` (for CUSTOM: of that
        name), oldest first."""
        found = []
        for rule in self.rules_of(EarnRuleKind.EVENT):
            config: EventRule = rule.config  # type: ignore[assignment]
            if config.event == event and (event != EarnEvent.CUSTOM or config.custom_event == custom_event):
                found.append((rule, config.points, config.once_per_account))
        return found

    def referral(self) -> tuple[EarnRule, int, int] | None:
        """(rule, referrer_points, referred_points) of the oldest REFERRAL rule, if any."""
        for rule in self.rules_of(EarnRuleKind.REFERRAL):
            config: ReferralRule = rule.config  # type: ignore[assignment]
            return rule, config.referrer_points, config.referred_points
        return None

    def tier(self, tier_id: str) -> Tier | None:
        return next((tier for tier in self.tiers if tier.tier_id == tier_id), None)


def round_points(value: Fraction, mode: RoundingMode) -> int:
    """A non-negative number of points made whole: FLOOR, HALF_UP (halves up) or CEILING."""
    if mode is RoundingMode.HALF_UP:
        return (2 * value.numerator + value.denominator) // (2 * value.denominator)
    if mode is RoundingMode.CEILING:
        return -(-value.numerator // value.denominator)
    return value.numerator // value.denominator


def _in_stores(store_ids: Sequence[str], store_id: str) -> bool:
    return not store_ids or store_id in store_ids


def ratio_points(rule: RatioRule, bill_minor: int) -> Fraction:
    """bill * numerator / denominator at the rate of the highest band the bill reaches."""
    numerator, denominator = rule.points_numerator, rule.amount_minor_denominator
    for band in rule.bands:  # Strictly increasing min_bill_amount.
        if bill_minor >= band.min_bill_amount.amount_minor:
            numerator, denominator = band.points_numerator, band.amount_minor_denominator
    return Fraction(bill_minor * numerator, denominator)


def tier_rule_points(rule: TierRule, bill_minor: int) -> int:
    """The points of the highest step the bill reaches (0 if none)."""
    points = 0
    for step in rule.tiers:
        if bill_minor >= step.min_bill_amount.amount_minor:
            points = step.points
    return points


def _program_factor(rules: ProgramRules, purchase: Purchase, tier: Tier | None) -> tuple[Fraction, list[str]]:
    factor, applied = Fraction(tier.multiplier_bps, BPS) if tier is not None else Fraction(1), []
    for rule in rules.earn_rules:
        config = rule.config
        if isinstance(config, PromotionRule):
            active = (config.start_time <= purchase.time < config.end_time
                      and _in_stores(config.store_ids, purchase.store_id))
        elif isinstance(config, CardTypeRule):
            active = bool(purchase.payment_card_type) and purchase.payment_card_type in config.card_types
        else:
            continue
        if active:
            factor *= Fraction(config.multiplier_bps, BPS)
            applied.append(rule.earn_rule_id)
    return factor, applied


def earn_factors(rules: ProgramRules, purchase: Purchase, tier: Tier | None,
                 coupons: Sequence[CouponBonus] = ()) -> tuple[Fraction, Fraction]:
    """(P, C) of the module docstring: the program's factor (promotions, card types, the tier)
    and the MULTIPLIER coupons' factor, for the lucky-draw points (core/domain/lucky_draws.py)."""
    coupon_factor = Fraction(1)
    for coupon in coupons:
        if coupon.multiplier_bps:
            coupon_factor *= Fraction(coupon.multiplier_bps, BPS)
    return _program_factor(rules, purchase, tier)[0], coupon_factor


def compute_earn(rules: ProgramRules, purchase: Purchase, tier: Tier | None,
                 coupons: Sequence[CouponBonus] = ()) -> EarnBreakdown:
    """The points a purchase earns and their breakdown (see the module docstring)."""
    if purchase.currency_code != rules.program.currency_code:
        raise DomainError(ErrorReason.CURRENCY_MISMATCH, metadata={
            "currency_code": purchase.currency_code, "program_currency_code": rules.program.currency_code})
    if purchase.bill_minor < 0:
        raise DomainError(ErrorReason.FIELD_OUT_OF_RANGE, metadata={"field": "bill_amount.amount_minor"})
    bill = purchase.bill_minor
    base, rounding, applied = Fraction(0), None, []
    for rule in rules.rules_of(EarnRuleKind.RATIO):
        config: RatioRule = rule.config  # type: ignore[assignment]
        if _in_stores(config.store_ids, purchase.store_id):
            base += ratio_points(config, bill)
            rounding = rounding or config.rounding
            applied.append(rule.earn_rule_id)
    rounding = rounding or RoundingMode.FLOOR
    program_factor, program_applied = _program_factor(rules, purchase, tier)
    coupon_factor = Fraction(1)
    for coupon in coupons:
        if coupon.multiplier_bps:
            coupon_factor *= Fraction(coupon.multiplier_bps, BPS)
    regular = round_points(base, rounding)
    with_program = round_points(base * program_factor, rounding)
    with_all = round_points(base * program_factor * coupon_factor, rounding)
    tier_bonus = 0
    for rule in rules.rules_of(EarnRuleKind.TIER):
        points = tier_rule_points(rule.config, bill)  # type: ignore[arg-type]
        if points:
            tier_bonus += points
            applied.append(rule.earn_rule_id)
    applied_ids = set(applied + program_applied)
    return EarnBreakdown(
        regular=regular, bonus=with_program - regular + tier_bonus,
        reward=with_all - with_program + sum(coupon.extra_points for coupon in coupons),
        applied_rule_ids=tuple(rule.earn_rule_id for rule in rules.earn_rules if rule.earn_rule_id in applied_ids))


# --- validation ------------------------------------------------------------------------------


def out_of_range(field_name: str, low: int, high: int) -> DomainError:
    return DomainError(ErrorReason.FIELD_OUT_OF_RANGE, f"{field_name} must be in {low}..{high}.",
                       {"field": field_name, "min": str(low), "max": str(high)})


def check_range(field_name: str, value: int, low: int, high: int) -> None:
    if not low <= value <= high:
        raise out_of_range(field_name, low, high)


def check_display_name(field_name: str, value: str) -> None:
    if not value.strip():
        raise field_required(field_name)
    if len(value) > limits.PROGRAM_DISPLAY_NAME_LENGTH_MAX:
        raise field_too_long(field_name, limits.PROGRAM_DISPLAY_NAME_LENGTH_MAX)
    if not value.isprintable():
        raise field_invalid(field_name, "printable characters only")


def check_currency(field_name: str, currency_code: str, program_currency_code: str | None) -> None:
    """A Money of the program must be in the program's currency (None: not known yet, only
    required)."""
    if not currency_code:
        raise field_required(field_name)
    if program_currency_code is not None and currency_code != program_currency_code:
        raise field_invalid(field_name, f"the program's currency {program_currency_code}")


@functools.cache
def _time_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def validate_program(program: Program) -> None:
    """The first rule a new program breaks, in field order (fields named as in the proto)."""
    validate_program_id(program.program_id, "program.program_id")
    check_display_name("program.display_name", program.display_name)
    if not program.currency_code:
        raise field_required("program.currency_code")
    if not is_currency_code(program.currency_code):
        raise field_invalid("program.currency_code", "an ISO 4217 currency code, upper case")
    if not program.time_zone:
        raise field_required("program.time_zone")
    if program.time_zone not in _time_zones():
        raise field_invalid("program.time_zone", "an IANA time zone name such as Europe/Berlin")
    expiry = program.points_expiry or dt.timedelta(0)
    if not dt.timedelta(0) <= expiry <= dt.timedelta(days=limits.POINTS_EXPIRY_DAYS_MAX):
        raise DomainError(ErrorReason.FIELD_OUT_OF_RANGE, metadata={
            "field": "program.points_expiry", "min": "0s", "max": f"{limits.POINTS_EXPIRY_DAYS_MAX}d"})
    check_range("program.points_expiry_months", program.points_expiry_months, 0, limits.POINTS_EXPIRY_MONTHS_MAX)
    for name in ("min_redemption_balance_points", "min_remaining_balance_points", "min_redeem_points"):
        check_range(f"program.{name}", getattr(program, name), 0, limits.POINTS_THRESHOLD_MAX)
    validate_policy(program.lucky_draw)
    validate_points_value(program.points_value, program.currency_code)
    validate_receipt_format(program.receipt_number_format)
    validate_points_reminders(program.points_reminders)


def validate_earn_rule(rule: EarnRule, currency_code: str | None, prefix: str = "earn_rule") -> None:
    """The first rule an earn rule breaks; Money must be in the program's `currency_code`
    (None: checked later, once the program is read)."""
    check_display_name(f"{prefix}.display_name", rule.display_name)
    if rule.config is None:
        raise field_required(f"{prefix}.config")
    name = _FIELD_OF_CONFIG[type(rule.config)]
    _VALIDATORS[type(rule.config)](rule.config, f"{prefix}.{name}", currency_code)


def _check_event(config: EventRule, prefix: str, currency_code: str) -> None:
    if not config.event:
        raise field_required(f"{prefix}.event")
    if config.event not in EarnEvent._value2member_map_:
        raise field_invalid(f"{prefix}.event", "an EarnEvent")
    check_range(f"{prefix}.points", config.points, 1, limits.EARN_POINTS_MAX)
    if config.event == EarnEvent.CUSTOM:
        _check_name(f"{prefix}.custom_event", config.custom_event, limits.CUSTOM_EVENT_LENGTH_MAX)
    elif config.custom_event:
        raise field_invalid(f"{prefix}.custom_event", "empty unless event is EARN_EVENT_CUSTOM")
    if config.max_points_per_period or config.cap_period:
        check_range(f"{prefix}.max_points_per_period", config.max_points_per_period, 1, limits.POINTS_MAX)
        if config.cap_period not in CapPeriod._value2member_map_:
            raise field_invalid(f"{prefix}.cap_period", "a CapPeriod with max_points_per_period")


def _check_name(field_name: str, value: str, length_max: int) -> None:
    if not value:
        raise field_required(field_name)
    if len(value) > length_max:
        raise field_too_long(field_name, length_max)
    if not _NAME.match(value):
        raise field_invalid(field_name, "letters, digits, '_', '.', '-'")


def _check_rate(prefix: str, numerator: int, denominator: int) -> None:
    check_range(f"{prefix}.points_numerator", numerator, 1, limits.RATIO_NUMERATOR_MAX)
    check_range(f"{prefix}.amount_minor_denominator", denominator, 1, limits.RATIO_DENOMINATOR_MAX)


def _check_stores(field_name: str, store_ids: Sequence[str]) -> None:
    if len(store_ids) > limits.RULE_STORE_IDS_MAX:
        raise field_too_long(field_name, limits.RULE_STORE_IDS_MAX)
    for store_id in store_ids:
        if not store_id or len(store_id) > limits.STORE_ID_LENGTH_MAX or not store_id.isprintable():
            raise field_invalid(field_name, f"1..{limits.STORE_ID_LENGTH_MAX} printable characters each")


def _check_thresholds(field_name: str, amounts: Iterable[Money], currency_code: str | None) -> None:
    """Positive, strictly increasing amounts in the program's currency."""
    previous = 0
    for index, amount in enumerate(amounts):
        check_currency(f"{field_name}[{index}].min_bill_amount.currency_code", amount.currency_code,
                       currency_code)
        if amount.amount_minor <= previous:
            raise field_invalid(f"{field_name}[{index}].min_bill_amount", "positive and strictly increasing")
        previous = amount.amount_minor


def _check_ratio(config: RatioRule, prefix: str, currency_code: str) -> None:
    _check_rate(prefix, config.points_numerator, config.amount_minor_denominator)
    if config.rounding_mode not in (0, *RoundingMode._value2member_map_):
        raise field_invalid(f"{prefix}.rounding_mode", "a RoundingMode")
    _check_stores(f"{prefix}.store_ids", config.store_ids)
    if len(config.bands) > limits.SPEND_BANDS_MAX:
        raise field_too_long(f"{prefix}.bands", limits.SPEND_BANDS_MAX)
    _check_thresholds(f"{prefix}.bands", (band.min_bill_amount for band in config.bands), currency_code)
    for index, band in enumerate(config.bands):
        _check_rate(f"{prefix}.bands[{index}]", band.points_numerator, band.amount_minor_denominator)


def _check_tier(config: TierRule, prefix: str, currency_code: str) -> None:
    if not config.tiers:
        raise field_required(f"{prefix}.tiers")
    if len(config.tiers) > limits.EARN_TIER_STEPS_MAX:
        raise field_too_long(f"{prefix}.tiers", limits.EARN_TIER_STEPS_MAX)
    _check_thresholds(f"{prefix}.tiers", (step.min_bill_amount for step in config.tiers), currency_code)
    previous = 0
    for index, step in enumerate(config.tiers):
        check_range(f"{prefix}.tiers[{index}].points", step.points, 1, limits.EARN_POINTS_MAX)
        if step.points <= previous:
            raise field_invalid(f"{prefix}.tiers[{index}].points", "strictly increasing")
        previous = step.points


def _check_promotion(config: PromotionRule, prefix: str, currency_code: str) -> None:
    if config.start_time is None:
        raise field_required(f"{prefix}.start_time")
    if config.end_time is None:
        raise field_required(f"{prefix}.end_time")
    if config.end_time <= config.start_time:
        raise field_invalid(f"{prefix}.end_time", "after start_time")
    check_range(f"{prefix}.multiplier_bps", config.multiplier_bps, limits.MULTIPLIER_BPS_MIN,
                limits.MULTIPLIER_BPS_MAX)
    _check_stores(f"{prefix}.store_ids", config.store_ids)


def _check_referral(config: ReferralRule, prefix: str, currency_code: str) -> None:
    check_range(f"{prefix}.referrer_points", config.referrer_points, 0, limits.EARN_POINTS_MAX)
    check_range(f"{prefix}.referred_points", config.referred_points, 0, limits.EARN_POINTS_MAX)


def _check_card_type(config: CardTypeRule, prefix: str, currency_code: str) -> None:
    if not config.card_types:
        raise field_required(f"{prefix}.card_types")
    if len(config.card_types) > limits.CARD_TYPES_MAX:
        raise field_too_long(f"{prefix}.card_types", limits.CARD_TYPES_MAX)
    for card_type in config.card_types:
        if not card_type or len(card_type) > limits.CARD_TYPE_LENGTH_MAX or not card_type.isprintable():
            raise field_invalid(f"{prefix}.card_types", f"1..{limits.CARD_TYPE_LENGTH_MAX} printable characters each")
    check_range(f"{prefix}.multiplier_bps", config.multiplier_bps, limits.MULTIPLIER_BPS_MIN,
                limits.MULTIPLIER_BPS_MAX)


_VALIDATORS = {EventRule: _check_event, RatioRule: _check_ratio, TierRule: _check_tier,
               PromotionRule: _check_promotion, ReferralRule: _check_referral, CardTypeRule: _check_card_type}


def validate_tier(tier: Tier) -> None:
    """The first rule a new tier breaks (its Money's currency is checked by the caller)."""
    check_display_name("tier.display_name", tier.display_name)
    check_range("tier.target_spend.amount_minor", tier.target_spend_minor, 0, 2**63 - 1)
    check_range("tier.min_spend.amount_minor", tier.min_spend_minor, 0, tier.target_spend_minor)
    check_range("tier.multiplier_bps", tier.multiplier_bps, limits.TIER_MULTIPLIER_BPS_MIN, limits.MULTIPLIER_BPS_MAX)
    check_range("tier.evaluation_days", tier.evaluation_days, 1, limits.EVALUATION_DAYS_MAX)
    check_range("tier.points_expiry", tier.points_expiry_seconds, 0, limits.POINTS_EXPIRY_DAYS_MAX * 86_400)
    check_range("tier.level_up_evaluation_days", tier.level_up_evaluation_days, 0, limits.EVALUATION_DAYS_MAX)
    check_range("tier.level_down_evaluation_days", tier.level_down_evaluation_days, 0, limits.EVALUATION_DAYS_MAX)
    check_uri("tier.image_uri", tier.image_uri)


def check_uri(field_name: str, value: str) -> None:
    """Empty, or an http(s) URI of at most URI_LENGTH_MAX printable characters without spaces."""
    if not value:
        return
    if len(value) > limits.URI_LENGTH_MAX:
        raise field_too_long(field_name, limits.URI_LENGTH_MAX)
    if not value.startswith(("http://", "https://")) or not value.isprintable() or " " in value \
            or len(value.split("://", 1)[1]) == 0:
        raise field_invalid(field_name, "an http or https URI")


def earn_expire_time(program: Program, tier: Tier | None, earn_time: dt.datetime) -> dt.datetime | None:
    """When points earned at `earn_time` expire: by the account's tier if it sets an expiry,
    else by the program's policy."""
    if tier is not None and tier.points_expiry_seconds:
        return earn_time + dt.timedelta(seconds=tier.points_expiry_seconds)
    return points_expire_time(program, earn_time)


# --- updates ---------------------------------------------------------------------------------

PROGRAM_UPDATABLE_PATHS = {
    "display_name": "display_name", "time_zone": "time_zone", "points_expiry": "points_expiry",
    "points_expiry_mode": "points_expiry_mode", "points_expiry_months": "points_expiry_months",
    "min_redemption_balance_points": "min_redemption_balance_points",
    "min_remaining_balance_points": "min_remaining_balance_points", "min_redeem_points": "min_redeem_points",
    "refund_overdraft": "allow_negative_refund", "lucky_draw": "lucky_draw",
    "earn_requires_owner": "earn_requires_owner", "burn_requires_owner": "burn_requires_owner",
    "points_value": "points_value", "receipt_number_format": "receipt_number_format",
    "points_reminders": "points_reminders"}
"""Program fields (as in an update mask) -> Program attribute."""
PROGRAM_IMMUTABLE_PATHS = ("program_id", "currency_code")
PROGRAM_OUTPUT_ONLY_PATHS = frozenset({"create_time", "update_time"})


def apply_program_update(current: Program, patch: Program, paths: Sequence[str]) -> Program:
    """`current` with the fields named by `paths` taken from `patch` (AIP-134), to be validated
    by the caller. program_id and currency_code cannot change (FIELD_IMMUTABLE)."""
    return apply_mask(current, patch, paths, updatable=PROGRAM_UPDATABLE_PATHS, immutable=PROGRAM_IMMUTABLE_PATHS,
                      output_only=PROGRAM_OUTPUT_ONLY_PATHS, resource="program")


OUTPUT_ONLY_PATHS = frozenset({"earn_rule_id", "etag", "create_time", "update_time"})
"""Output-only fields: ignored in an update mask (AIP-134)."""


def apply_update(current: EarnRule, patch: EarnRule, paths: Sequence[str]) -> EarnRule:
    """`current` with the fields named by `paths` taken from `patch` (AIP-134), then validated by
    the caller. A repeated field is replaced as a whole; a field named but not set in `patch`
    becomes its default. program_id and the rule's kind cannot change (FIELD_IMMUTABLE)."""
    require_update_mask(paths)
    display_name, config = current.display_name, current.config
    for path in paths:
        head, _, rest = path.partition(".")
        if path in OUTPUT_ONLY_PATHS:
            continue
        if path == "display_name":
            display_name = patch.display_name
        elif path == "program_id":
            if patch.program_id != current.program_id:
                raise DomainError(ErrorReason.FIELD_IMMUTABLE, metadata={"field": "earn_rule.program_id"})
        elif head in CONFIG_FIELDS:
            config = _patch_config(config, patch.config, head, rest)
        else:
            raise field_invalid("update_mask", f"an updatable EarnRule field, not {path!r}")
    return dataclasses.replace(current, display_name=display_name, config=config)


def _patch_config(config: EarnConfig, patch: EarnConfig | None, head: str, rest: str) -> EarnConfig:
    kind = CONFIG_FIELDS[head]
    if type(config) is not kind or (patch is not None and type(patch) is not kind):
        raise DomainError(ErrorReason.FIELD_IMMUTABLE, metadata={"field": f"earn_rule.{head}"})
    source = patch if patch is not None else _empty_config(kind)
    if not rest:
        return source
    names = {f.name for f in dataclasses.fields(kind)}
    if rest not in names:
        raise field_invalid("update_mask", f"an updatable EarnRule field, not {head}.{rest!r}")
    return dataclasses.replace(config, **{rest: getattr(source, rest)})


def _empty_config(kind: type) -> EarnConfig:
    """A config of `kind` with every field at its proto default (unset)."""
    return {EventRule: EventRule(0, 0), RatioRule: RatioRule(0, 0), TierRule: TierRule(()),
            PromotionRule: PromotionRule(None, None, 0), ReferralRule: ReferralRule(0, 0),
            CardTypeRule: CardTypeRule((), 0)}[kind]


# --- the ledger's transactions (points_transactions, 0006_points_ledger.sql) -------------------


class TransactionType(enum.IntEnum):
    """points_transactions.type; the numbers are the contract's (rewards.loyalty.v1
    PointsTransactionType) and the ledger's."""

    EARN = 1
    EARN_BY_CODE = 2
    EVENT = 3
    REFERRAL = 4
    COUPON_EXTRA_POINTS = 5
    REDEEM = 6
    COUPON_PURCHASE = 7
    REFUND = 8
    EXPIRE = 9
    VOID = 10
    ADJUST = 11


class TransactionState(enum.IntEnum):
    """points_transactions.state (rewards.loyalty.v1.PointsTransactionState): only POSTED
    transfers move balances (the ledger trigger)."""

    PENDING = 1
    POSTED = 2


# --- voids (LoyaltyService.VoidTransaction, core/service/points/admin.py) ----------------------

VOIDABLE_TYPES = frozenset({TransactionType.EARN, TransactionType.REDEEM})
"""The transactions a void cancels whole."""


def void_deadline(create_time: dt.datetime, window_s: int | None = None) -> dt.datetime:
    """The last moment a transaction posted at `create_time` may be voided (inclusive)."""
    return create_time + dt.timedelta(seconds=limits.VOID_WINDOW_SECONDS if window_s is None else window_s)


def void_refusal(tx_type: int, posted: bool, void_id: str, refunded_points: int, create_time: dt.datetime,
                 now: dt.datetime) -> DomainError | None:
    """Why a transaction cannot be voided now, in this order: not a posted EARN or REDEEM, voided
    already, refunded in part or in full (a void cancels a whole transaction: the refunds made
    stand, the rest is refunded), past the void window. None: it can."""
    if tx_type not in VOIDABLE_TYPES or not posted:
        return DomainError(ErrorReason.POINTS_TRANSACTION_NOT_VOIDABLE, metadata={"type": str(tx_type)})
    if void_id:
        return DomainError(ErrorReason.POINTS_TRANSACTION_ALREADY_VOIDED,
                           metadata={"void_points_transaction_id": void_id})
    if refunded_points:
        return DomainError(ErrorReason.POINTS_TRANSACTION_REFUNDED,
                           metadata={"refunded_points": str(refunded_points)})
    deadline = void_deadline(create_time)
    if now > deadline:
        return DomainError(ErrorReason.VOID_WINDOW_PASSED, metadata={"void_deadline": deadline.isoformat()})
    return None
