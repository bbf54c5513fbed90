"""withdrawalCreate and withdrawalApprove: money out of the wallet through a provider's payout (DESIGN §3.5, §3.7).

withdrawalCreate checks the request, the payout provider and the payment
password, then (idempotent by key) ``wallet.withdrawals.create`` holds the
amount. The payment password is left out of the fingerprint, as orderPay
does.

withdrawalApprove never holds a transaction across the provider:

1. ``approve``: REQUESTED → APPROVED (audited), committed;
2. ``claim_payout``: APPROVED → PAYING by one conditional update; a caller
   that loses the claim (a second approve, a double click) answers the
   withdrawal as it stands and asks the provider nothing: one payout;
3. outside any transaction, the provider's ``payout`` under the
   withdrawal's own payout number (providers deduplicate transfers by it);
4. ``settle_payout``: PAID_OUT and posted, or FAILED with the hold released.
   An unreachable provider puts the withdrawal back to APPROVED: the
   decision stands, approving again retries the same payout number. A
   payout the provider accepted but has not finished (PENDING) posts
   nothing: the withdrawal stays PAYING, its amount HELD.

``settle_paying`` (the job ``withdrawals.settle-paying``) gives every
withdrawal PAYING for more than ``SETTLE_AFTER`` its final answer: the
provider is asked, by the payout number, where the payout stands, and the
answer settles it as in step 4 (still in progress: asked again next run).
This also finishes a withdrawal whose process died between steps 2 and 4.
When the provider has no payout of that number, the payout is sent again
under the same number rather than put back to APPROVED: providers
deduplicate by it, so a send that did reach them (or is still on its way)
can never become a second transfer, and the staff's decision is carried out
without anyone approving again. Two workers may both ask; settle_payout's
conditional change lets one alone post.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from mall.accounts import customers, security
from mall.core import text
from mall.core.actors import Actor, Permission
from mall.core.errors import ErrorCode, InvalidInput, Problem, SandboxDisabled
from mall.core.idempotency import request_fingerprint
from mall.core.money import MoneyFormatError, decimal_to_minor
from mall.infra import idempotency
from mall.payments.errors import ProviderNotConfigured, ProviderRejected, ProviderUnavailable
from mall.payments.providers import provider
from mall.payments.providers.base import PaymentProvider, PayoutRequest, PayoutResult, PayoutStatus, ProviderKind
from mall.settings import get_settings
from mall.wallet import withdrawal_rules, withdrawals
from mall.wallet.chart import MAX_AMOUNT, Unit
from mall.wallet.withdrawal_rules import WithdrawalStatus
from mall.wallet.withdrawals import Withdrawal

OPERATION = "withdrawalCreate"
MAX_PAYEE_LENGTH = 100
MAX_NOTE_LENGTH = 200
# Longer than any provider's payout call takes (their HTTP timeouts are seconds): a withdrawal PAYING
# this long is either in progress at the provider or was left by a process that died mid-call.
SETTLE_AFTER = dt.timedelta(minutes=1)
BATCH = 100  # withdrawals per settle_paying run: a run stays short, the next one takes the rest

_log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class WithdrawRequest:
    amount: Decimal
    provider: ProviderKind
    account: str | None = None
    payment_password: str = dataclasses.field(default="", repr=False)

    def payload(self) -> dict[str, Any]:
        """What the idempotency fingerprint covers: everything but the payment password."""
        return {"amount": self.amount, "provider": self.provider, "account": self.account}


async def withdrawal_create(actor: Actor, *, request: WithdrawRequest, idempotency_key: str) -> Withdrawal:
    """Ask to withdraw ``request.amount`` (fee included); the amount is held until staff decide."""
    user_id = actor.require_user()
    amount, fee, account = _check(request, idempotency_key)
    payee = await _payee(user_id, request.provider, account)
    provider(request.provider)  # SANDBOX_DISABLED or PAYMENT_PROVIDER_UNAVAILABLE before anything is held
    await security.payment_password_verify(user_id, request.payment_password)
    fingerprint = request_fingerprint(OPERATION, request.payload())
    ask = withdrawals.WithdrawalAsk(amount=amount, fee=fee, provider=request.provider.value, payee=payee,
                                    request_key=idempotency_key, fingerprint=fingerprint)

    async def work() -> Withdrawal:
        return await withdrawals.create(actor, ask)

    async def recall(stored: dict[str, Any]) -> Withdrawal:
        return await withdrawals.require(int(stored["withdrawalId"]))

    return await idempotency.once(user_id=user_id, operation=OPERATION, key=idempotency_key, fingerprint=fingerprint,
                                  work=work, remember=lambda row: {"withdrawalId": row.id}, recall=recall)


def _check(request: WithdrawRequest, key: str) -> tuple[int, int, str | None]:
    """The amount and fee in fen and the cleaned account; every problem with the input at once."""
    settings = get_settings()
    problems: list[Problem] = []
    amount = fee = 0
    try:
        amount = decimal_to_minor(request.amount)
    except MoneyFormatError as exc:
        problems.append(Problem(ErrorCode.INVALID, f"Not an amount: {exc}.", ("amount",)))
    else:
        fee = withdrawal_rules.fee(max(amount, 0), min_fee_minor=settings.withdrawal_min_fee_minor,
                                   rate=settings.withdrawal_fee_rate)
        if amount > MAX_AMOUNT[Unit.MONEY]:
            problems.append(Problem(ErrorCode.INVALID, "That is more than a wallet can hold.", ("amount",)))
        elif amount < max(settings.withdrawal_min_minor, 1) or amount <= fee:
            problems.append(Problem(
                ErrorCode.INVALID, f"Withdraw at least {settings.withdrawal_min} and more than the fee "
                f"(at least {settings.withdrawal_min_fee}).", ("amount",)))
    account = None
    try:
        account = text.clean(request.account, field="account", max_length=MAX_PAYEE_LENGTH, required=False) or None
    except InvalidInput as exc:
        problems.extend(exc.problems)
    if request.provider is ProviderKind.ALIPAY and account is None:
        problems.append(Problem(ErrorCode.REQUIRED, "Alipay pays the Alipay login given as account.", ("account",)))
    try:
        idempotency.check_key(key)
    except InvalidInput as exc:
        problems.extend(exc.problems)
    if problems:
        raise InvalidInput(problems)
    return amount, fee, account


async def _payee(user_id: int, kind: ProviderKind, account: str | None) -> str:
    """Who the provider pays: WeChat the bound openid, Alipay the account given, the sandbox either."""
    if kind is ProviderKind.WECHAT_PAY:
        openid = await customers.wechat_openid(user_id)
        if openid is None:
            raise InvalidInput.one("provider", "WeChat Pay pays your bound WeChat account: bind one first (wechatBind).")
        return openid
    return account or f"sandbox-user-{user_id}"


def clean_note(note: str | None) -> str:
    return text.clean(note, field="note", max_length=MAX_NOTE_LENGTH, required=False) or ""


async def withdrawal_approve(actor: Actor, *, withdrawal_id: int, note: str | None) -> Withdrawal:
    """Approve and pay out: one payout however often or concurrently it is approved."""
    actor.require(Permission.MANAGE_FINANCE)
    await _provider_ready(withdrawal_id)
    approved = await withdrawals.approve(actor, withdrawal_id=withdrawal_id, note=clean_note(note))
    if approved.status != WithdrawalStatus.APPROVED:
        return approved  # paying or paid already
    claimed = await withdrawals.claim_payout(approved.id)
    if claimed is None:  # another approve is asking the provider
        return await withdrawals.require(approved.id)
    return await _pay_out(actor, claimed)


async def _provider_ready(withdrawal_id: int) -> None:
    """SANDBOX_DISABLED or PAYMENT_PROVIDER_UNAVAILABLE before anything changes: a withdrawal approved and
    claimed for a provider this process cannot ask would sit PAYING with nobody asked to pay."""
    row = await withdrawals.get(withdrawal_id)
    if row is not None and row.status in (WithdrawalStatus.REQUESTED, WithdrawalStatus.APPROVED):
        provider(ProviderKind(row.provider))


def payout_request(row: Withdrawal) -> PayoutRequest:
    """What the provider is asked to pay for ``row``: the same every time, under its own payout number."""
    return PayoutRequest(payout_no=row.payout_no, payee=row.payee, amount_minor=row.payout_minor,
                         currency=get_settings().currency, description=f"Withdrawal {row.id}")


async def _pay_out(actor: Actor, row: Withdrawal) -> Withdrawal:
    gateway = provider(ProviderKind(row.provider))
    try:
        result = await gateway.payout(payout_request(row))
    except ProviderRejected as exc:
        _log.warning("withdrawal %s: the provider refused the payout: %s", row.id, exc.message)
        return await withdrawals.settle_payout(actor, withdrawal_id=row.id, paid=False, failure=exc.message)
    except ProviderUnavailable:
        _log.warning("withdrawal %s: the provider could not be reached; back to APPROVED", row.id)
        await withdrawals.unclaim_payout(row.id)
        raise
    settled, _ = await _settle_once(actor, row, result)
    return settled


async def _settle_once(actor: Actor, row: Withdrawal, result: PayoutResult) -> tuple[Withdrawal, bool]:
    """The provider's answer applied: SUCCESS paid out, FAILED released, PENDING left PAYING (nothing posted)."""
    if result.status is PayoutStatus.FAILED:
        return await withdrawals.settle_payout_once(actor, withdrawal_id=row.id, paid=False,
                                                    payout_id=result.payout_id,
                                                    failure="The provider reported the payout failed.")
    paid = True if result.status is PayoutStatus.SUCCESS else None
    return await withdrawals.settle_payout_once(actor, withdrawal_id=row.id, paid=paid, payout_id=result.payout_id)


async def settle_paying(now: dt.datetime) -> int:
    """The job: the final answer for withdrawals PAYING longer than ``SETTLE_AFTER``; how many this run settled."""
    settled = 0
    for row in await withdrawals.paying_since(now - SETTLE_AFTER, limit=BATCH):
        try:
            gateway = provider(ProviderKind(row.provider))
        except (ProviderNotConfigured, SandboxDisabled):
            _log.warning("withdrawal %s: provider %s is not set up here", row.id, row.provider)
            continue
        settled += await _settle_one(gateway, row)
    return settled


async def _settle_one(gateway: PaymentProvider, row: Withdrawal) -> bool:
    """Ask where the payout stands (outside any transaction), sending it again when the provider has none;
    whether this call settled it."""
    actor = Actor.system()
    try:
        result = await gateway.query_payout(row.payout_no)
    except (ProviderUnavailable, ProviderRejected) as exc:
        _log.warning("withdrawal %s: not settled yet: %s", row.id, exc.message)
        return False
    if result is None:
        _log.warning("withdrawal %s: the provider has no payout %s; sending it again under that number",
                     row.id, row.payout_no)
        try:
            result = await gateway.payout(payout_request(row))
        except ProviderRejected as exc:  # refused, as at approval
            _log.warning("withdrawal %s: the provider refused the payout: %s", row.id, exc.message)
            _, settled = await withdrawals.settle_payout_once(actor, withdrawal_id=row.id, paid=False,
                                                              failure=exc.message)
            return settled
        except ProviderUnavailable as exc:
            _log.warning("withdrawal %s: not settled yet: %s", row.id, exc.message)
            return False
    _, settled = await _settle_once(actor, row, result)
    return settled


async def withdrawal_reject(actor: Actor, *, withdrawal_id: int, note: str | None) -> Withdrawal:
    actor.require(Permission.MANAGE_FINANCE)
    return await withdrawals.reject(actor, withdrawal_id=withdrawal_id, note=clean_note(note))
