"""Whether a customer's wallet can be closed with their account (accountDelete).

The mall must not erase someone it still owes money to, or who still has
money on the way in or out: the account would hold value nobody can reach.
Points are not money (no cash value, they expire) and do not stop a closing.
"""

from __future__ import annotations

from mall.wallet import statements, top_ups
from mall.wallet.models import TopUp, Withdrawal
from mall.wallet.withdrawal_rules import OPEN


async def why_not_closable(customer_id: int) -> str | None:
    """Why the wallet cannot close now, or ``None``. Call under the customer's row lock.

    Money in flight is read before the balances: a top-up credited or a
    withdrawal released between the two reads then shows in the balances
    (each statement reads what is committed), never in neither.
    """
    if await TopUp.filter(customer_id=customer_id, status=top_ups.PENDING).exists():
        return "A top-up is still waiting for its payment."
    if await Withdrawal.filter(customer_id=customer_id, status__in=[status.value for status in OPEN]).exists():
        return "A withdrawal is still open."
    held = (await statements.balances([customer_id]))[customer_id]
    if held.balance or held.held or held.rebate_credit:
        return "Your wallet still holds money: spend or withdraw it first."
    return None
