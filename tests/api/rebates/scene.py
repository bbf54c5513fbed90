"""What the rebate rule tests share: the admin console's operations, a staff member who manages rebates,
and a full read of a rule."""

from __future__ import annotations

from typing import Any

from mall.core.actors import Permission
from tests import factories
from tests.operations import contract

RULE_CREATE = contract("RebateRuleCreate")
RULE_UPDATE = contract("RebateRuleUpdate")
RULES = contract("RebateRules")

# Every term of a rule, as a staff console's edit form would read it.
RULE_DETAIL = """
query RuleDetail($id: ID!) {
  node(id: $id) {
    id
    ... on AdminRebateRule {
      name description kind status ratio tiers { from { amount } rate } tierMode threshold { amount }
      reward { amount } repeat payoutForm voucherValidDays voucherMinSpend { amount } installmentCount period
      scope { kind ids } startsAt endsAt priority stackable perCustomerCap { amount } budget { amount }
      budgetRemaining { amount } marginCapShare version
    }
  }
}
"""

FIXED_RATIO = {"name": "Spring 10%", "kind": "FIXED_RATIO", "ratio": "0.10", "payoutForm": "REBATE_CREDIT"}


async def manager() -> factories.Account:
    return await factories.staff(Permission.MANAGE_REBATES)


async def create(api, staff: factories.Account, **terms: Any) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """rebateRuleCreate by ``staff``: its payload."""
    answer = await api(RULE_CREATE, {"input": terms}, token=staff.access_token)
    return answer.data["rebateRuleCreate"]


async def created(api, staff: factories.Account, **terms: Any) -> str:  # type: ignore[no-untyped-def]
    """The id of a rule created with ``terms`` (FIXED_RATIO 10% when none are given)."""
    payload = await create(api, staff, **(terms or FIXED_RATIO))
    assert payload["userErrors"] == []
    return payload["rule"]["id"]


async def update(api, staff: factories.Account, rule_id: str, **changes: Any) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    answer = await api(RULE_UPDATE, {"input": {"ruleId": rule_id, **changes}}, token=staff.access_token)
    return answer.data["rebateRuleUpdate"]


async def detail(api, staff: factories.Account, rule_id: str) -> dict[str, Any] | None:  # type: ignore[no-untyped-def]
    return (await api(RULE_DETAIL, {"id": rule_id}, token=staff.access_token)).data["node"]


ORDER_PAY = contract("OrderPay")
SANDBOX_PAYMENT_SIMULATE = contract("SandboxPaymentSimulate")


async def active_rule(api, staff: factories.Account, **terms: Any) -> int:  # type: ignore[no-untyped-def]
    """The database id of a rule created with ``terms`` and made ACTIVE."""
    from mall.graphql.relay import decode_id

    rule_id = await created(api, staff, **terms)
    assert (await update(api, staff, rule_id, status="ACTIVE"))["userErrors"] == []
    return decode_id(rule_id, "RebateRule", field="id")


async def ordered(buyer: factories.Account, *lines: tuple[int, int]):  # type: ignore[no-untyped-def]
    """A PENDING_PAYMENT order of ``buyer`` for ``lines`` of (variant id, quantity), paid by nothing yet."""
    return await factories.order(buyer, *lines)


async def start_paying(api, buyer: factories.Account, order) -> str:  # type: ignore[no-untyped-def]
    """orderPay through the sandbox: the payment's id."""
    from mall.graphql.relay import encode_id

    paying = (await api(ORDER_PAY, {"input": {"orderId": encode_id("Order", order.id), "provider": "SANDBOX",
                                              "channel": "NATIVE"}}, token=buyer.access_token)).data["orderPay"]
    assert paying["userErrors"] == []
    return paying["payment"]["id"]


async def settle(api, buyer: factories.Account, payment_id: str) -> None:  # type: ignore[no-untyped-def]
    """The provider's signed callback for ``payment_id``: paid."""
    answer = await api(SANDBOX_PAYMENT_SIMULATE, {"input": {"paymentId": payment_id, "outcome": "SUCCESS"}},
                       token=buyer.access_token)
    assert answer.data["sandboxPaymentSimulate"]["userErrors"] == []


async def pay(api, buyer: factories.Account, order) -> None:  # type: ignore[no-untyped-def]
    await settle(api, buyer, await start_paying(api, buyer, order))
