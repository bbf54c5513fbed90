"""A rule's status and who may move it where (DESIGN §3.6), pure.

Staff move a rule between DRAFT, ACTIVE, PAUSED and ENDED; EXHAUSTED is the
system's word for "no budget left", and a rule that has budget again (raised,
or freed by refunds) is ACTIVE again. ENDED is final: a rule that ran keeps
the terms its rebates were made under.
"""

from __future__ import annotations

import enum

from mall.core.errors import InvalidInput
from mall.rebates.errors import RuleStateInvalid


class RuleStatus(enum.StrEnum):
    DRAFT = "DRAFT"
    ACTIVE = "ACTIVE"
    PAUSED = "PAUSED"
    ENDED = "ENDED"
    EXHAUSTED = "EXHAUSTED"


def after_edit(current: RuleStatus, requested: RuleStatus | None, *, budget_remaining_minor: int | None) -> RuleStatus:
    """The status a staff edit leaves the rule in, with ``budget_remaining_minor`` left after it (``None``: unbounded).

    Raises ``RuleStateInvalid`` for an edit the status forbids and
    ``InvalidInput`` when staff ask for EXHAUSTED.
    """
    if current is RuleStatus.ENDED:
        raise RuleStateInvalid("An ended rule cannot be changed or reopened.", field="ruleId")
    if requested is RuleStatus.EXHAUSTED:
        raise InvalidInput.one("status", "EXHAUSTED is set by the system when the budget runs out.")
    if requested is RuleStatus.DRAFT and current is not RuleStatus.DRAFT:
        raise RuleStateInvalid("A rule that has left DRAFT cannot return to it.", field="status")
    nothing_left = budget_remaining_minor == 0
    if requested is None:
        if current is RuleStatus.EXHAUSTED and not nothing_left:
            return RuleStatus.ACTIVE
        if current is RuleStatus.ACTIVE and nothing_left:
            return RuleStatus.EXHAUSTED
        return current
    if requested is RuleStatus.ACTIVE and nothing_left:
        raise RuleStateInvalid("No budget is left to reserve: raise the budget to activate the rule.", field="status")
    return requested


class RebateStatus(enum.StrEnum):
    """A rebate's life (DESIGN §3.6): PENDING at payment → ACTIVE → COMPLETED; CANCELLED or REVERSED by refunds."""

    PENDING = "PENDING"  # the order is paid; the amount is frozen and its budget reserved
    ACTIVE = "ACTIVE"  # the order completed and its after-sale window (and hold) passed: installments fall due
    COMPLETED = "COMPLETED"  # every installment released
    CANCELLED = "CANCELLED"  # the order was cancelled or refunded whole while PENDING: nothing was released
    REVERSED = "REVERSED"  # a refund took everything back after activation


class InstallmentStatus(enum.StrEnum):
    SCHEDULED = "SCHEDULED"  # not released yet (due_at is set once the rebate is ACTIVE)
    RELEASED = "RELEASED"  # paid to the customer by the release job
    CANCELLED = "CANCELLED"  # a refund took all of it, or the rebate was cancelled, before it was released


# A rebate in these statuses may still move value: refunds recompute it, the release job pays it.
OPEN_REBATE_STATUSES = (RebateStatus.PENDING, RebateStatus.ACTIVE)
