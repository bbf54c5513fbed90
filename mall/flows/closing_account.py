"""accountDelete: an account is erased only once the mall owes it nothing and nothing of it is under way.

Refused (INVALID_STATE, nothing changed) while the wallet holds money or has
a top-up or withdrawal open, while an order or after-sale is in progress, or
while a rebate is PENDING or ACTIVE (still to be released, or clawed back by
a refund): refunds, payouts and releases would otherwise land on an account
nobody can reach.
"""

from __future__ import annotations

from mall.accounts import security
from mall.core.actors import Actor
from mall.core.errors import DomainError, ErrorCode
from mall.orders import reads as order_reads
from mall.rebates import reads as rebate_reads
from mall.wallet import closing


class AccountStillInUse(DomainError):
    code = ErrorCode.INVALID_STATE


async def account_delete(actor: Actor, *, password: str) -> None:
    await security.account_delete(actor, password=password, refuse_while=_refuse_while_in_use)


async def _refuse_while_in_use(user_id: int) -> None:
    if await order_reads.has_business_in_progress(user_id):
        raise AccountStillInUse("An order or after-sale is still in progress; the account can close once it is done.")
    if await rebate_reads.has_open(user_id):
        raise AccountStillInUse("A rebate is still pending or being released; the account can close once it is done.")
    reason = await closing.why_not_closable(user_id)
    if reason is not None:
        raise AccountStillInUse(reason)
