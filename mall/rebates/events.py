"""Every rebate change written to the outbox with what changed (DESIGN §3.6, §3.9: ``rebateStatusChanged``).

``type`` is STATUS_CHANGED, INSTALLMENT_RELEASED, CLAWED_BACK or ADJUSTED;
for a release or clawback ``fromStatus`` may equal ``toStatus`` and
``amountDelta`` says what moved (signed yuan). Written in the transaction of
the change, so only committed changes are announced.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any, Protocol

from mall.core.money import format_minor
from mall.infra import outbox
from mall.rebates.models import Rebate, RebateInstallment

TOPIC = "rebate.changed"


class ChangeType(enum.StrEnum):
    STATUS_CHANGED = "STATUS_CHANGED"
    INSTALLMENT_RELEASED = "INSTALLMENT_RELEASED"
    CLAWED_BACK = "CLAWED_BACK"
    ADJUSTED = "ADJUSTED"


class RebateView(Protocol):
    """What an announcement reads of a rebate: a ``Rebate`` or the release job's plain row."""

    id: int
    order_id: int
    rule_id: int
    customer_id: int
    status: str
    payout_form: str
    amount_minor: int
    released_minor: int
    unrecovered_minor: int


class InstallmentView(Protocol):
    id: int
    seq: int
    status: str


def _payload(
    rebate: RebateView, change: ChangeType, *, from_status: str | None, amount_delta_minor: int,
    installment: InstallmentView | None,
) -> dict[str, Any]:
    return {
        "type": change.value, "rebateId": rebate.id, "orderId": rebate.order_id, "ruleId": rebate.rule_id,
        "fromStatus": from_status, "toStatus": rebate.status, "payoutForm": rebate.payout_form,
        "amount": format_minor(rebate.amount_minor), "released": format_minor(rebate.released_minor),
        "unrecovered": format_minor(rebate.unrecovered_minor), "amountDelta": format_minor(amount_delta_minor),
        "installment": None if installment is None else {
            "id": installment.id, "seq": installment.seq, "status": installment.status,
        },
    }


async def announce(
    rebate: Rebate, change: ChangeType, *, from_status: str | None, amount_delta_minor: int = 0,
    installment: RebateInstallment | None = None,
) -> None:
    """Record ``change`` of ``rebate`` (as it stands after it); call inside the change's transaction."""
    payload = _payload(rebate, change, from_status=from_status, amount_delta_minor=amount_delta_minor,
                       installment=installment)
    await outbox.append(topic=TOPIC, aggregate_type="Rebate", aggregate_id=rebate.id,
                        customer_id=rebate.customer_id, payload=payload)


@dataclass(frozen=True, slots=True)
class Change:
    """One change for ``announce_many``: what ``announce`` takes."""

    rebate: RebateView
    change: ChangeType
    from_status: str | None
    amount_delta_minor: int = 0
    installment: InstallmentView | None = None


async def announce_many(changes: list[Change]) -> None:
    """``announce`` for a batch (the release job), in one INSERT."""
    await outbox.append_many([
        (TOPIC, "Rebate", c.rebate.id, c.rebate.customer_id,
         _payload(c.rebate, c.change, from_status=c.from_status, amount_delta_minor=c.amount_delta_minor,
                  installment=c.installment))
        for c in changes
    ])
