"""Card types (seed 004): which tier an account is in, with separate level-up and level-down
windows, a default card type and inactive tiers skipped. Pure rules over core/domain/loyalty.py
Tier; no I/O.

    up window    = the longest level_up_evaluation_days of the active tiers (each 0: its
                   evaluation_days): the spend over it moves an account up, at an earn and at an
                   evaluation
    down window  = the account's tier's level_down_evaluation_days (0: evaluation_days): at an
                   evaluation the account keeps its tier while its spend over it is at least the
                   tier's min_spend; else it goes to the highest active tier that spend reaches
    default      = an account that reaches no active tier is in the program's default tier, if
                   active
    inactive     = no account moves up to it; an account stored in it counts as in none
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from core.domain.loyalty import ProgramRules, Tier, tier_for_spend


def up_days(tier: Tier) -> int:
    return tier.level_up_evaluation_days or tier.evaluation_days


def down_days(tier: Tier) -> int:
    return tier.level_down_evaluation_days or tier.evaluation_days


def active_tiers(rules: ProgramRules) -> tuple[Tier, ...]:
    return tuple(tier for tier in rules.tiers if tier.active)


def default_tier(tiers: Sequence[Tier]) -> Tier | None:
    return next((tier for tier in tiers if tier.default_tier), None)


def up_window_start(rules: ProgramRules, now: dt.datetime) -> dt.datetime:
    """The start of the longest level-up window of the active tiers (of all, if none is active)."""
    tiers = active_tiers(rules) or rules.tiers
    return now - dt.timedelta(days=max(up_days(tier) for tier in tiers))


def down_window_start(tier: Tier, now: dt.datetime) -> dt.datetime:
    return now - dt.timedelta(days=down_days(tier))


def _reached(tiers: Sequence[Tier], spend_minor: int) -> Tier | None:
    return tier_for_spend(tiers, spend_minor, None, evaluation=False)


def earn_tiers(rules: ProgramRules, stored_tier_id: str | None, spend_minor: int,
               bill_minor: int) -> tuple[Tier | None, str | None]:
    """(the tier a purchase earns in, the tier to store if the purchase moves the account).

    The purchase earns in the tier the spend before it reached (only up from the stored tier; the
    default if none); its own bill may then move the account up, for the next purchase."""
    tiers = active_tiers(rules)
    if not tiers:
        return None, None
    fallback = default_tier(tiers)
    current = next((tier for tier in tiers if tier.tier_id == stored_tier_id), None)
    earning = tier_for_spend(tiers, spend_minor, current, evaluation=False) or fallback
    after = tier_for_spend(tiers, spend_minor + bill_minor, earning, evaluation=False) or fallback
    moved = after is not None and after.tier_id != stored_tier_id
    return earning, (after.tier_id if moved else None)


def evaluated_tier(rules: ProgramRules, stored_tier_id: str | None, up_spend_minor: int,
                   down_spend_minor: int) -> Tier | None:
    """The tier an evaluation puts the account in: up by the spend over the up window, down when
    the spend over its tier's down window is below the tier's min_spend."""
    tiers = active_tiers(rules)
    fallback = default_tier(tiers)
    current = next((tier for tier in tiers if tier.tier_id == stored_tier_id), None)
    reached = _reached(tiers, up_spend_minor)
    if current is None:
        return reached or fallback
    if reached is not None and reached.target_spend_minor > current.target_spend_minor:
        return reached
    if down_spend_minor < current.min_spend_minor:
        return _reached(tiers, down_spend_minor) or fallback
    return current
