"""Released rebate value taken back from the account it was paid to (DESIGN §3.6: a refund claws back).

The rebates domain decides what is owed (``rebates.refunding``); this takes
as much of it as the customer still holds, and says how much:

- REBATE_CREDIT: customer REBATE_CREDIT → REBATE_EXPENSE, at most the
  account's balance, read under its row lock (rebate credit held for an
  unpaid order is in HELD, not taken);
- POINTS: points of the rebate's own lots (those its released installments
  created: cause REBATE_RELEASE, id the installment) that expired unused
  went to POINTS_EXPIRED: the shop has them back, so they count as
  recovered first, up to what is owed; the rest is taken as whole points
  out of the customer's unexpired lots back to POINTS_ISSUED, through
  ``points.take_back`` (the only mover of points). An expired point counts
  once across all the refunds of a rebate: what earlier clawbacks of it
  counted as expired is what they recorded as recovered (the rebate's
  ``clawed_back_minor``, ``recovered_minor`` here) minus what their ledger
  entries (cause REBATE_CLAWBACK, id the rebate) took from the customer —
  those entries being the only other way a POINTS rebate recovers anything;
- VOUCHER: the vouchers its released installments issued that are still
  AVAILABLE (even past their validity: they were never spent) are REVOKED,
  latest installment first, each by a conditional UPDATE. A voucher is
  taken only whole and only when it is worth no more than what is still
  owed: one worth more stays with the customer and the rest is owed (the
  rebate's unrecovered amount, deducted from later releases) — a refund
  never takes more than the rebate lost. Vouchers are not in the ledger
  (``vouchers``), so nothing is posted for them.

Each posting has the idempotency key the caller gives (one per rebate and
refund): a retry posts nothing twice and answers what the first took.
"""

from __future__ import annotations

from collections.abc import Sequence

from mall.core.actors import Actor
from mall.core.clock import clock
from mall.wallet import ledger, points
from mall.wallet.chart import AccountRef, Asset, SystemCode
from mall.wallet.journal import Cause, transfer
from mall.wallet.models import LedgerAccount, Posting, Voucher
from mall.wallet.rebate_payouts import Form
from mall.wallet.vouchers import VoucherStatus

# What clawbacks post to (points expire on the way: take_back expires due lots first).
_CLAWBACK_SYSTEM = (SystemCode.REBATE_EXPENSE, SystemCode.POINTS_ISSUED, SystemCode.POINTS_EXPIRED)



async def lock_accounts(customer_id: int) -> None:
    """Lock the customer's accounts a clawback may take from, before the refund posts anything.

    The clawback comes after the refund's own postings, which lock the
    shop-wide system accounts (ORDER_PAYMENTS, …); taking the customer's
    POINTS and then their money accounts (by id, as every entry takes them)
    only then would invert the lock order of every other path — customers
    before system accounts — and deadlock with another refund of the same
    customer. Rows not there yet hold nothing to take back.
    """
    await points.lock_many([customer_id])
    await LedgerAccount.filter(customer_id=customer_id).exclude(code=Asset.POINTS.value).order_by(
        "id").select_for_update()
    # And the system accounts clawbacks post to, together and by id, as a release batch takes them: a
    # clawback of points then of credit would otherwise hold one while waiting for the other.
    await LedgerAccount.filter(account_key__in=[AccountRef.system(code).key for code in _CLAWBACK_SYSTEM]).order_by(
        "id").select_for_update()


async def take_back(
    actor: Actor, *, form: Form, customer_id: int, rebate_id: int, owed_minor: int, minor_per_point: int,
    installment_ids: Sequence[int], key: str, recovered_minor: int = 0,
) -> int:
    """Take back up to ``owed_minor`` (fen) of a rebate paid as ``form``; what was recovered, in fen.

    ``installment_ids`` are the rebate's RELEASED installments;
    ``recovered_minor`` is what earlier refunds of the rebate recovered
    (POINTS: to count each expired point once). Call inside the refund's
    transaction, after the rebate rows are locked.
    """
    if owed_minor <= 0:
        return 0
    form = Form(form)
    if form is Form.REBATE_CREDIT:
        return await _credit(actor, customer_id, rebate_id, owed_minor, key)
    if form is Form.POINTS:
        back = await points.take_back(
            actor, customer_id=customer_id, points=owed_minor // minor_per_point, key=key,
            cause=Cause.REBATE_CLAWBACK, cause_id=rebate_id, destination=SystemCode.POINTS_ISSUED,
            memo="Rebate points taken back after a refund",
            expired_of=points.LotsOf(Cause.REBATE_RELEASE, tuple(installment_ids)),
            expired_counted=await _expiry_counted(customer_id, rebate_id, recovered_minor // minor_per_point, key))
        return back.points * minor_per_point
    if form is Form.VOUCHER:
        return await _vouchers(customer_id, owed_minor, installment_ids)
    raise ValueError(f"no such payout form {form!r}")


async def _expiry_counted(customer_id: int, rebate_id: int, recovered_points: int, key: str) -> int:
    """Points earlier clawbacks of the rebate counted as expired: what they recovered minus what their entries
    took from the customer's POINTS account (this clawback's own entry, a retry's, left out)."""
    if recovered_points <= 0:
        return 0
    taken = await Posting.filter(
        entry__cause=Cause.REBATE_CLAWBACK.value, entry__cause_id=rebate_id,
        account__account_key=AccountRef.customer(customer_id, Asset.POINTS).key,
    ).exclude(entry__idempotency_key=key).values_list("amount_minor", flat=True)
    return max(recovered_points + sum(taken), 0)  # postings out of the account are negative


async def _credit(actor: Actor, customer_id: int, rebate_id: int, owed_minor: int, key: str) -> int:
    account = AccountRef.customer(customer_id, Asset.REBATE_CREDIT)
    earlier = await ledger.find(key)
    if earlier is not None:
        return -earlier.leg(account).amount
    row = await LedgerAccount.filter(account_key=account.key).select_for_update().first()
    taken = min(owed_minor, row.balance_minor if row is not None else 0)
    if taken > 0:
        await ledger.post(key=key, cause=Cause.REBATE_CLAWBACK, cause_id=rebate_id, actor=actor,
                          memo="Rebate credit taken back after a refund",
                          legs=transfer(account, AccountRef.system(SystemCode.REBATE_EXPENSE), taken))
    return taken


async def _vouchers(customer_id: int, owed_minor: int, installment_ids: Sequence[int]) -> int:
    order = {installment_id: n for n, installment_id in enumerate(installment_ids)}
    found = await Voucher.filter(customer_id=customer_id, rebate_installment_id__in=list(installment_ids),
                                 status=VoucherStatus.AVAILABLE)
    left = owed_minor
    now = clock.now()
    for voucher in sorted(found, key=lambda v: order[v.rebate_installment_id]):
        if voucher.value_minor > left:
            continue
        revoked = await Voucher.filter(id=voucher.id, status=VoucherStatus.AVAILABLE).update(
            status=VoucherStatus.REVOKED, updated_at=now)
        if revoked:
            left -= voucher.value_minor
    return owed_minor - left
