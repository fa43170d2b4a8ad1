"""rewards.loyalty.v1 ProgramService: programs, earn rules, tiers and one-time earn codes.

Thin translation: proto request -> command -> core.service.programs handler -> proto response.
Enum values the contract does not know are reported as FIELD_INVALID here; every other rule is
the domain's.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum

from google.protobuf import duration_pb2
from rewards.loyalty.v1 import program_service_pb2 as api
from rewards.loyalty.v1 import program_service_pb2_grpc
from rewards.loyalty.v1 import resources_pb2 as resources
from rewards.type.v1 import money_pb2

from core.domain import limits
from core.domain.coupons import Money
from core.domain.errors import field_invalid
from core.domain.lucky_draws import DrawPeriod, LuckyDrawPolicy
from core.domain.messages import CHANNEL_EMAIL, CHANNEL_SMS, PointsReminder, PointsReminders, PointsTemplate
from core.domain.loyalty import (CardTypeRule, EarnRule, EarnTier, EventRule, PointsExpiryMode, PointsValue, Program,
                                 PromotionRule,
                                 RatioRule, ReferralRule, RoundingMode, SpendBand, Tier, TierRule)
from core.service import programs
from core.service.context import Deps
from server.context import current_caller
from server.convert import datetime_of, timedelta_of, timestamp

_UTC = dt.timezone.utc


class ProgramServicer(program_service_pb2_grpc.ProgramServiceServicer):
    def __init__(self, deps: Deps) -> None:
        self._deps = deps

    async def CreateProgram(self, request: api.CreateProgramRequest, context) -> api.CreateProgramResponse:
        command = programs.CreateProgram(request.request_id, program_from_proto(request.program))
        program = await programs.create_program(command, current_caller(), self._deps)
        return api.CreateProgramResponse(program=program_to_proto(program))

    async def GetProgram(self, request: api.GetProgramRequest, context) -> api.GetProgramResponse:
        program = await programs.get_program(request.program_id, current_caller(), self._deps)
        return api.GetProgramResponse(program=program_to_proto(program))

    async def UpdateProgram(self, request: api.UpdateProgramRequest, context) -> api.UpdateProgramResponse:
        command = programs.UpdateProgram(request.request_id, program_from_proto(request.program),
                                         tuple(request.update_mask.paths))
        program = await programs.update_program(command, current_caller(), self._deps)
        return api.UpdateProgramResponse(program=program_to_proto(program))

    async def CreateEarnRule(self, request: api.CreateEarnRuleRequest, context) -> api.CreateEarnRuleResponse:
        command = programs.CreateEarnRule(request.request_id, earn_rule_from_proto(request.earn_rule))
        rule = await programs.create_earn_rule(command, current_caller(), self._deps)
        return api.CreateEarnRuleResponse(earn_rule=earn_rule_to_proto(rule))

    async def UpdateEarnRule(self, request: api.UpdateEarnRuleRequest, context) -> api.UpdateEarnRuleResponse:
        command = programs.UpdateEarnRule(request.request_id, earn_rule_from_proto(request.earn_rule),
                                          tuple(request.update_mask.paths))
        rule = await programs.update_earn_rule(command, current_caller(), self._deps)
        return api.UpdateEarnRuleResponse(earn_rule=earn_rule_to_proto(rule))

    async def GetEarnRule(self, request: api.GetEarnRuleRequest, context) -> api.GetEarnRuleResponse:
        rule = await programs.get_earn_rule(request.earn_rule_id, current_caller(), self._deps)
        return api.GetEarnRuleResponse(earn_rule=earn_rule_to_proto(rule))

    async def ListEarnRules(self, request: api.ListEarnRulesRequest, context) -> api.ListEarnRulesResponse:
        query = programs.ListEarnRules(request.program_id, request.kind, request.page_size, request.page_token)
        rules, token = await programs.list_earn_rules(query, current_caller(), self._deps)
        return api.ListEarnRulesResponse(earn_rules=[earn_rule_to_proto(rule) for rule in rules],
                                         next_page_token=token)

    async def DeleteEarnRule(self, request: api.DeleteEarnRuleRequest, context) -> api.DeleteEarnRuleResponse:
        await programs.delete_earn_rule(programs.DeleteEarnRule(request.request_id, request.earn_rule_id),
                                        current_caller(), self._deps)
        return api.DeleteEarnRuleResponse()

    async def CreateTier(self, request: api.CreateTierRequest, context) -> api.CreateTierResponse:
        tier = request.tier
        command = programs.CreateTier(request.request_id, dataclasses.replace(tier_from_proto(tier), tier_id=""),
                                      tier.target_spend.currency_code, tier.min_spend.currency_code)
        created = await programs.create_tier(command, current_caller(), self._deps)
        return api.CreateTierResponse(tier=tier_to_proto(created, tier.target_spend.currency_code))

    async def UpdateTier(self, request: api.UpdateTierRequest, context) -> api.UpdateTierResponse:
        tier = request.tier
        command = programs.UpdateTier(request.request_id, tier_from_proto(tier), tuple(request.update_mask.paths),
                                      tier.target_spend.currency_code, tier.min_spend.currency_code)
        updated = await programs.update_tier(command, current_caller(), self._deps)
        program = await programs.get_program(updated.program_id, current_caller(), self._deps)
        return api.UpdateTierResponse(tier=tier_to_proto(updated, program.currency_code))

    async def ListTiers(self, request: api.ListTiersRequest, context) -> api.ListTiersResponse:
        program, tiers = await programs.list_tiers(request.program_id, current_caller(), self._deps)
        return api.ListTiersResponse(tiers=[tier_to_proto(tier, program.currency_code) for tier in tiers])

    async def CreateEarnCodes(self, request: api.CreateEarnCodesRequest, context):
        command = programs.CreateEarnCodes(
            request.request_id, request.program_id, request.points, request.count,
            datetime_of(request, "expire_time"),
            request.prefix, request.length, tuple(request.store_ids))
        async for chunk in await programs.create_earn_codes(command, current_caller(), self._deps):
            yield api.CreateEarnCodesResponse(earn_code_batch_id=chunk.batch_id, codes=chunk.codes,
                                              created_count=chunk.created_count, total_count=chunk.total_count,
                                              done=chunk.done)


# --- programs --------------------------------------------------------------------------------

_EXPIRY_MODES = {resources.POINTS_EXPIRY_MODE_UNSPECIFIED: PointsExpiryMode.DURATION,
                 resources.POINTS_EXPIRY_MODE_DURATION: PointsExpiryMode.DURATION,
                 resources.POINTS_EXPIRY_MODE_MONTH_END: PointsExpiryMode.MONTH_END}
_OVERDRAFT = {resources.REFUND_OVERDRAFT_POLICY_UNSPECIFIED: False, resources.REFUND_OVERDRAFT_POLICY_REJECT: False,
              resources.REFUND_OVERDRAFT_POLICY_ALLOW_NEGATIVE: True}


def _known(table: dict, value: int, field_name: str, kind: type[enum.Enum] | str):
    if value not in table:
        raise field_invalid(field_name, f"a {getattr(kind, '__name__', kind)} value")
    return table[value]


def program_from_proto(program: resources.Program) -> Program:
    expiry = timedelta_of(program, "points_expiry", "program.points_expiry")
    return Program(
        org_id="", program_id=program.program_id, display_name=program.display_name,
        currency_code=program.currency_code, time_zone=program.time_zone, points_expiry=expiry,
        points_expiry_mode=_known(_EXPIRY_MODES, program.points_expiry_mode, "program.points_expiry_mode",
                                  "PointsExpiryMode"),
        points_expiry_months=program.points_expiry_months,
        min_redemption_balance_points=program.min_redemption_balance_points,
        min_remaining_balance_points=program.min_remaining_balance_points,
        min_redeem_points=program.min_redeem_points,
        allow_negative_refund=_known(_OVERDRAFT, program.refund_overdraft, "program.refund_overdraft",
                                     "RefundOverdraftPolicy"),
        create_time=programs.UNSET_TIME, update_time=programs.UNSET_TIME,
        lucky_draw=_lucky_draw_from_proto(program), earn_requires_owner=program.earn_requires_owner,
        burn_requires_owner=program.burn_requires_owner,
        points_value=(PointsValue(program.points_value.points, program.points_value.value.amount_minor,
                                  program.points_value.value.currency_code)
                      if program.HasField("points_value") else None),
        receipt_number_format=program.receipt_number_format, points_reminders=_reminders_from_proto(program))


_REMINDER_CHANNELS = {resources.REMINDER_CHANNEL_SMS: CHANNEL_SMS, resources.REMINDER_CHANNEL_EMAIL: CHANNEL_EMAIL}
_REMINDER_CHANNELS_OUT = {value: key for key, value in _REMINDER_CHANNELS.items()}


def _reminders_from_proto(program: resources.Program) -> PointsReminders | None:
    """The points reminders as sent (validated by the domain); unset: none."""
    if not program.HasField("points_reminders"):
        return None
    settings = program.points_reminders
    return PointsReminders(
        tuple(PointsReminder(r.days_before_expiry, _REMINDER_CHANNELS.get(r.channel, f"unknown channel {r.channel}"),
                             r.local_time) for r in settings.reminders),
        tuple(PointsTemplate(t.language_code, t.text, t.subject, t.allow_unicode) for t in settings.templates),
        settings.default_language_code)


def _reminders_to_proto(settings: PointsReminders) -> resources.PointsReminders:
    return resources.PointsReminders(
        reminders=[resources.PointsReminder(days_before_expiry=r.days_before, channel=_REMINDER_CHANNELS_OUT[r.channel],
                                            local_time=r.local_time) for r in settings.reminders],
        templates=[resources.PointsReminderTemplate(language_code=t.language_code, text=t.text, subject=t.subject,
                                                    allow_unicode=t.allow_unicode) for t in settings.templates],
        default_language_code=settings.default_language_code)


def _lucky_draw_from_proto(program: resources.Program) -> LuckyDrawPolicy | None:
    """The policy as sent (validated by the domain); unset: no lucky draws."""
    if not program.HasField("lucky_draw"):
        return None
    policy = program.lucky_draw
    return LuckyDrawPolicy(policy.points_numerator, policy.amount_minor_denominator,
                           int(policy.rounding_mode) or int(RoundingMode.FLOOR),
                           policy.number_width or limits.LUCKY_DRAW_NUMBER_WIDTH_DEFAULT,
                           int(policy.draw_period) or int(DrawPeriod.MONTH))


def program_to_proto(program: Program) -> resources.Program:
    message = resources.Program(
        program_id=program.program_id, display_name=program.display_name, currency_code=program.currency_code,
        time_zone=program.time_zone, min_redemption_balance_points=program.min_redemption_balance_points,
        create_time=timestamp(program.create_time), update_time=timestamp(program.update_time),
        points_expiry_mode=(resources.POINTS_EXPIRY_MODE_MONTH_END
                            if program.points_expiry_mode is PointsExpiryMode.MONTH_END
                            else resources.POINTS_EXPIRY_MODE_DURATION),
        points_expiry_months=program.points_expiry_months,
        min_remaining_balance_points=program.min_remaining_balance_points,
        min_redeem_points=program.min_redeem_points,
        refund_overdraft=(resources.REFUND_OVERDRAFT_POLICY_ALLOW_NEGATIVE if program.allow_negative_refund
                          else resources.REFUND_OVERDRAFT_POLICY_REJECT))
    message.earn_requires_owner = program.earn_requires_owner
    message.burn_requires_owner = program.burn_requires_owner
    message.receipt_number_format = program.receipt_number_format
    if program.points_value is not None:
        message.points_value.CopyFrom(resources.PointsValue(points=program.points_value.points, value=money_pb2.Money(
            amount_minor=program.points_value.value_minor, currency_code=program.points_value.currency_code)))
    if program.lucky_draw is not None:
        policy = program.lucky_draw
        message.lucky_draw.CopyFrom(resources.LuckyDrawPolicy(
            points_numerator=policy.points_numerator, amount_minor_denominator=policy.amount_minor_denominator,
            rounding_mode=policy.rounding_mode, number_width=policy.number_width, draw_period=policy.draw_period))
    if program.points_reminders is not None:
        message.points_reminders.CopyFrom(_reminders_to_proto(program.points_reminders))
    if program.points_expiry:
        duration = duration_pb2.Duration()
        duration.FromTimedelta(program.points_expiry)
        message.points_expiry.CopyFrom(duration)
    return message


# --- earn rules ------------------------------------------------------------------------------


def _money(money: money_pb2.Money) -> Money:
    return Money(money.amount_minor, money.currency_code)


def _money_proto(money: Money) -> money_pb2.Money:
    return money_pb2.Money(amount_minor=money.amount_minor, currency_code=money.currency_code)


def _time(message, name: str) -> dt.datetime | None:
    return datetime_of(message, name)


def _config_from_proto(rule: resources.EarnRule):
    which = rule.WhichOneof("config")
    if which == "event":
        e = rule.event
        return EventRule(e.event, e.points, e.custom_event, e.once_per_account, e.max_points_per_period,
                         int(e.cap_period))
    if which == "ratio":
        r = rule.ratio
        return RatioRule(r.points_numerator, r.amount_minor_denominator, r.rounding_mode, tuple(r.store_ids),
                         tuple(SpendBand(_money(b.min_bill_amount), b.points_numerator, b.amount_minor_denominator)
                               for b in r.bands))
    if which == "tier":
        return TierRule(tuple(EarnTier(_money(t.min_bill_amount), t.points) for t in rule.tier.tiers))
    if which == "promotion":
        p = rule.promotion
        return PromotionRule(_time(p, "start_time"), _time(p, "end_time"), p.multiplier_bps, tuple(p.store_ids))
    if which == "referral":
        return ReferralRule(rule.referral.referrer_points, rule.referral.referred_points)
    if which == "card_type":
        return CardTypeRule(tuple(rule.card_type.card_types), rule.card_type.multiplier_bps)
    return None


def earn_rule_from_proto(rule: resources.EarnRule) -> EarnRule:
    return EarnRule(rule.earn_rule_id, rule.program_id, rule.display_name, _config_from_proto(rule), rule.etag)


def _config_to_proto(config, message: resources.EarnRule) -> None:
    if isinstance(config, EventRule):
        message.event.CopyFrom(resources.EventEarnRule(event=config.event, points=config.points,
                                                       custom_event=config.custom_event,
                                                       once_per_account=config.once_per_account,
                                                       max_points_per_period=config.max_points_per_period,
                                                       cap_period=config.cap_period))
    elif isinstance(config, RatioRule):
        message.ratio.CopyFrom(resources.RatioEarnRule(
            points_numerator=config.points_numerator, amount_minor_denominator=config.amount_minor_denominator,
            rounding_mode=config.rounding, store_ids=config.store_ids,
            bands=[resources.SpendBand(min_bill_amount=_money_proto(b.min_bill_amount),
                                       points_numerator=b.points_numerator,
                                       amount_minor_denominator=b.amount_minor_denominator) for b in config.bands]))
    elif isinstance(config, TierRule):
        message.tier.CopyFrom(resources.TierEarnRule(tiers=[
            resources.EarnTier(min_bill_amount=_money_proto(t.min_bill_amount), points=t.points)
            for t in config.tiers]))
    elif isinstance(config, PromotionRule):
        message.promotion.CopyFrom(resources.PromotionEarnRule(
            start_time=timestamp(config.start_time), end_time=timestamp(config.end_time),
            multiplier_bps=config.multiplier_bps, store_ids=config.store_ids))
    elif isinstance(config, ReferralRule):
        message.referral.CopyFrom(resources.ReferralEarnRule(referrer_points=config.referrer_points,
                                                             referred_points=config.referred_points))
    elif isinstance(config, CardTypeRule):
        message.card_type.CopyFrom(resources.CardTypeEarnRule(card_types=config.card_types,
                                                              multiplier_bps=config.multiplier_bps))


def earn_rule_to_proto(rule: EarnRule) -> resources.EarnRule:
    message = resources.EarnRule(earn_rule_id=rule.earn_rule_id, program_id=rule.program_id,
                                 display_name=rule.display_name, etag=rule.etag)
    _config_to_proto(rule.config, message)
    if rule.create_time is not None:
        message.create_time.CopyFrom(timestamp(rule.create_time))
    if rule.update_time is not None:
        message.update_time.CopyFrom(timestamp(rule.update_time))
    return message


# --- tiers -----------------------------------------------------------------------------------


def tier_from_proto(tier: resources.Tier) -> Tier:
    """The tier as sent (validated by the domain); `active` unset: true."""
    return Tier(tier.tier_id, tier.program_id, tier.display_name, tier.target_spend.amount_minor,
                tier.min_spend.amount_minor, tier.multiplier_bps, tier.evaluation_days, None,
                _whole_seconds(tier.points_expiry, "tier.points_expiry"),
                level_up_evaluation_days=tier.level_up_evaluation_days,
                level_down_evaluation_days=tier.level_down_evaluation_days, default_tier=tier.default_tier,
                active=tier.active if tier.HasField("active") else True, image_uri=tier.image_uri)


def tier_to_proto(tier: Tier, currency_code: str) -> resources.Tier:
    message = resources.Tier(
        tier_id=tier.tier_id, program_id=tier.program_id, display_name=tier.display_name,
        target_spend=money_pb2.Money(amount_minor=tier.target_spend_minor, currency_code=currency_code),
        min_spend=money_pb2.Money(amount_minor=tier.min_spend_minor, currency_code=currency_code),
        multiplier_bps=tier.multiplier_bps, evaluation_days=tier.evaluation_days,
        level_up_evaluation_days=tier.level_up_evaluation_days,
        level_down_evaluation_days=tier.level_down_evaluation_days, default_tier=tier.default_tier,
        active=tier.active, image_uri=tier.image_uri)
    if tier.create_time is not None:
        message.create_time.CopyFrom(timestamp(tier.create_time))
    if tier.points_expiry_seconds:
        message.points_expiry.seconds = tier.points_expiry_seconds
    return message


def _whole_seconds(duration, field: str) -> int:
    """A Duration in whole, non-negative seconds (FIELD_INVALID otherwise)."""
    if duration.nanos or duration.seconds < 0:
        raise field_invalid(field, "whole, non-negative seconds")
    return duration.seconds
