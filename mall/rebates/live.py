"""The rules that apply at a moment, as the engine reads them (DESIGN §3.6).

A rule applies to an order when it is ACTIVE and its time window holds the
moment the order was created (``startsAt`` ≤ t < ``endsAt``). The preview,
the product hints and the rebate made at payment all start here, so they
read the same rules the same way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from tortoise.expressions import Q

from mall.rebates import snapshots
from mall.rebates.installments import minor_per_point
from mall.rebates.models import RebateCustomerTotal, RebateRule
from mall.rebates.statuses import RuleStatus
from mall.rebates.terms import RuleTerms
from mall.settings import get_settings


def point_value_minor() -> int:
    """What one point is worth in fen (``MALL_POINTS_PER_YUAN``)."""
    return minor_per_point(get_settings().points_per_yuan)


def _live(at: dt.datetime) -> Q:
    return (
        Q(status=RuleStatus.ACTIVE.value)
        & (Q(starts_at__isnull=True) | Q(starts_at__lte=at))
        & (Q(ends_at__isnull=True) | Q(ends_at__gt=at))
    )


async def rules_live_at(at: dt.datetime) -> list[RebateRule]:
    """The ACTIVE rules whose time window holds ``at``, by id."""
    return await RebateRule.filter(_live(at)).order_by("id")


async def lock_live(rule_ids: Iterable[int], at: dt.datetime) -> list[RebateRule]:
    """Those of ``rule_ids`` that are still live at ``at``, their rows locked in id order (PostgreSQL), so
    budgets and statuses read now hold until the caller's transaction ends."""
    ids = sorted(set(rule_ids))
    if not ids:
        return []
    # NO KEY UPDATE: as refunds lock rules; it still excludes another reservation, not the foreign-key checks
    # of rebates written meanwhile (FOR UPDATE would make those wait, and deadlock with a release).
    return await RebateRule.filter(_live(at), id__in=ids).order_by("id").select_for_update(no_key=True)


def columns(rule: RebateRule) -> dict[str, Any]:
    """A rule's stored columns, by name, as ``snapshots`` reads them."""
    return {name: getattr(rule, name) for name in snapshots.SNAPSHOT_COLUMNS}


async def earned_by(customer_id: int, rule_ids: Iterable[int]) -> dict[int, int]:
    """What ``customer_id`` holds under each rule's per-customer cap (0 when nothing yet)."""
    ids = sorted(set(rule_ids))
    if not ids:
        return {}
    rows = await RebateCustomerTotal.filter(customer_id=customer_id, rule_id__in=ids).values_list(
        "rule_id", "earned_minor")
    return {rule_id: earned for rule_id, earned in rows}


def engine_terms(rules: Sequence[RebateRule], earned: dict[int, int] | None = None) -> list[RuleTerms]:
    """The engine's terms of ``rules``, with what is left of each budget and, given ``earned``, of the customer's cap.

    Without ``earned`` (an anonymous reader) the per-customer cap is the whole cap.
    """
    terms = []
    for rule in rules:
        cap = rule.per_customer_cap_minor
        remaining = None if cap is None else max(0, cap - (earned or {}).get(rule.id, 0))
        terms.append(snapshots.rule_terms(
            columns(rule), per_customer_remaining_minor=remaining, budget_remaining_minor=rule.budget_remaining_minor,
        ))
    return terms
