"""The one refund flow (DESIGN §3.4, §3.7): money goes back through the channel that paid it.

Every refund — a staff cancel of a paid order, an after-sale — comes here:

1. ``record_refund`` (inside the caller's transaction, the order row locked):
   what to refund is split over the channels that paid the order, and each
   part becomes a PENDING ``refunds`` row, idempotent by its refund number.
   The external part claims its amount on the paid attempt with a conditional
   UPDATE ``refunded_minor + n <= amount_minor``: however many refunds race,
   never more goes back than was paid.
2. ``send`` (outside any transaction): asks each provider, idempotently by
   the refund number; a refusal or an outage leaves the row PENDING for
   ``retry_pending`` (the reconciliation job) to ask again.
3. The provider's refund callback (``receive_refund_callback``, verified like
   a payment callback) moves the row PENDING → REFUNDED (the order's
   ``refundStatus`` becomes PARTIAL or FULL) or → FAILED (the claim is given
   back, so staff may refund again).
   The same door takes the refund notices of money sent back outside this
   flow: late money of an order (``flows/settlement``) and a top-up paid
   with another amount (``flows/topping_up``, trade numbers ``T…``).
4. A provider that confirms a refund it had reported failed has sent the
   money after all: never ignored. The row goes FAILED → REFUNDED and claims
   its amount again if the payment still has that much to refund and its
   after-sale (if any) is still REFUND_FAILED (then REFUNDED too). Otherwise
   the money went back on top of what was owed — staff may have refunded
   again meanwhile — and the row becomes OVER_REFUNDED, claiming nothing,
   with an outbox row ``refund.needs_attention`` for staff. Both are logged
   at ERROR.

Every refund recomputes the order's rebates in its transaction
(``flows.rebate_refunds``): their locks are taken after the stock and
before the first ledger posting; what the rebates no longer owe is clawed
back after the refund's own postings.

Points are not money and have no refund row: the points an after-sale's
units paid go back to the lots they came from (``wallet.order_points``),
once per after-sale, in the transaction that starts its refund; a staff
cancel of a paid order gives back all its points not yet back.

Channels, in the order §3.0 takes them: rebate credit and balance (the
wallet: a row each, REFUNDED at once by one ledger entry each from
ORDER_PAYMENTS back to the account that paid, ``wallet.order_funds``), then
the external payment (``_EXTERNAL``, through its provider). A whole refund
(``amount_minor=None``) returns what is left of each; an after-sale refund
gives its parts (``Split``), computed per line from the lines' own parts.
What is left of a wallet part is what the order paid with it minus its
REFUNDED rows, read under the order's row lock: two refunds of one order
cannot both take the last of it.
"""

from __future__ import annotations

import datetime as dt
import enum
import logging
from collections.abc import Mapping
from dataclasses import dataclass

from tortoise.expressions import F

from mall.core.actors import Actor
from mall.core.clock import clock
from mall.core.money import allocate, minor_to_decimal
from mall.flows import rebate_refunds, topping_up
from mall.infra import outbox
from mall.infra.transactions import transaction
from mall.orders import after_sale_requests, attempts, lifecycle
from mall.orders.attempts import AttemptStatus
from mall.orders.errors import InvalidState
from mall.orders.lifecycle import wallet_parts
from mall.orders.models import AfterSale, AfterSaleLine, Order, Payment, Refund
from mall.orders.states import RefundStatus
from mall.payments.errors import CallbackRejected, ProviderNotConfigured, ProviderRejected, ProviderUnavailable
from mall.payments.providers import provider
from mall.payments.providers.base import (
    CallbackAnswer,
    ProviderKind,
    RefundNotice,
    RefundRequest,
)
from mall.payments.providers.base import (
    RefundStatus as ProviderRefundStatus,
)
from mall.wallet import order_funds, order_points, top_ups, vouchers
from mall.wallet.chart import Asset
from mall.wallet.order_funds import WalletParts

_EXTERNAL = "EXTERNAL"
_WALLET_CHANNELS = {Asset.REBATE_CREDIT.value: "-R", Asset.BALANCE.value: "-B"}  # refund number suffixes
_log = logging.getLogger(__name__)
BATCH = 100  # pending refunds asked again per reconciliation run


class RefundState(enum.StrEnum):
    PENDING = "PENDING"
    REFUNDED = "REFUNDED"
    FAILED = "FAILED"
    # Confirmed by the provider after it reported a failure, when the money was no longer owed: staff must look.
    OVER_REFUNDED = "OVER_REFUNDED"


class RefundUnmatched(CallbackRejected):
    """A verified refund notice that matches none of our refunds."""


@dataclass(frozen=True, slots=True)
class Split:
    """A refund by the channel it goes back through (fen)."""

    rebate_credit_minor: int
    balance_minor: int
    external_minor: int

    @property
    def total_minor(self) -> int:
        return self.rebate_credit_minor + self.balance_minor + self.external_minor


async def record_refund(
    order: Order, *, refund_number: str, split: Split | None, reason: str, after_sale_id: int | None = None,
    actor: Actor | None = None,
) -> list[Refund]:
    """Refund ``split`` of ``order`` (``None``: all that is left of every part), as rows per channel.

    Call inside the transaction that locked the order row and, for a PAID
    order (a refund may close it and release its stock after posting), its
    stock rows first (``lifecycle.lock_stock_before_refund``). Wallet parts are
    REFUNDED at once; the external part is PENDING until its provider
    answers. Asking again with the same refund number returns the rows of
    the first ask and claims nothing more. More than is left of a part to
    refund is INVALID_STATE.
    """
    numbers = [refund_number, *(refund_number + suffix for suffix in _WALLET_CHANNELS.values())]
    existing = await Refund.filter(refund_number__in=numbers).order_by("id")
    if existing:
        return existing
    rows = await _wallet(order, refund_number, split, reason, after_sale_id, actor or Actor.system())
    external = await _external(order, refund_number, None if split is None else split.external_minor, reason,
                               after_sale_id)
    if external is not None:
        rows.append(external)
    if rows and all(row.status == RefundState.REFUNDED for row in rows):
        await _update_refund_status(order)
    return rows


async def _wallet(
    order: Order, refund_number: str, split: Split | None, reason: str, after_sale_id: int | None, actor: Actor
) -> list[Refund]:
    """The wallet parts: a REFUNDED row per account and its ledger entry back to that account."""
    paid = wallet_parts(order)
    if paid.total_minor == 0:
        if split is not None and split.rebate_credit_minor + split.balance_minor:
            raise InvalidState("Nothing was paid from the wallet for this order to refund.")
        return []
    refunded = await _wallet_refunded(order_id=order.id)
    left = {Asset.REBATE_CREDIT: paid.rebate_credit_minor - refunded.get(Asset.REBATE_CREDIT.value, 0),
            Asset.BALANCE: paid.balance_minor - refunded.get(Asset.BALANCE.value, 0)}
    wanted = dict(left) if split is None else {Asset.REBATE_CREDIT: split.rebate_credit_minor,
                                               Asset.BALANCE: split.balance_minor}
    if any(wanted[asset] > left[asset] for asset in wanted):
        raise InvalidState("This refund is more than what is left of the wallet payment to refund.")
    now = clock.now()
    rows = []
    for asset in (Asset.REBATE_CREDIT, Asset.BALANCE):
        amount = wanted[asset]
        if amount <= 0:
            continue
        rows.append(await Refund.create(
            order_id=order.id, refund_number=refund_number + _WALLET_CHANNELS[asset.value], channel=asset.value,
            payment_id=None, after_sale_id=after_sale_id, amount_minor=amount, currency=order.currency,
            status=RefundState.REFUNDED, reason=reason[:80], created_at=now, updated_at=now, refunded_at=now,
        ))
    if not rows:
        return rows
    # One entry for both accounts: the ledger locks one entry's accounts in one total order,
    # so this never waits on a hold or withdrawal taking the same two accounts the other way.
    parts = WalletParts(rebate_credit_minor=max(wanted[Asset.REBATE_CREDIT], 0), balance_minor=max(wanted[Asset.BALANCE], 0))
    await order_funds.refund(actor, customer_id=order.user_id, refund_id=rows[0].id,
                             key=f"refund:{refund_number}:wallet", parts=parts)
    for row in rows:
        await _announce(row, order, RefundState.REFUNDED, now)
    return rows


async def _wallet_refunded(**of: int) -> dict[str, int]:
    """What wallet refunds of an order (``order_id=``) or an after-sale (``after_sale_id=``) have returned so far,
    per channel (they never fail)."""
    rows = await Refund.filter(**of, channel__in=list(_WALLET_CHANNELS),
                               status=RefundState.REFUNDED).values_list("channel", "amount_minor")
    totals: dict[str, int] = {}
    for channel, amount in rows:
        totals[channel] = totals.get(channel, 0) + amount
    return totals


async def _external(
    order: Order, refund_number: str, amount_minor: int | None, reason: str, after_sale_id: int | None
) -> Refund | None:
    payment = await Payment.get_or_none(order_id=order.id, status=AttemptStatus.SUCCEEDED)
    if payment is None:
        if amount_minor:
            raise InvalidState("Nothing was paid externally for this order to refund.")
        return None
    amount = payment.amount_minor - payment.refunded_minor if amount_minor is None else amount_minor
    if amount <= 0:
        return None
    if not await _claim(payment, amount):
        raise InvalidState("This refund is more than what is left of the payment to refund.")
    now = clock.now()
    return await Refund.create(
        order_id=order.id, refund_number=refund_number, channel=_EXTERNAL, payment_id=payment.id,
        after_sale_id=after_sale_id, amount_minor=amount, currency=payment.currency, status=RefundState.PENDING,
        reason=reason[:80], created_at=now, updated_at=now,
    )


async def _claim(payment: Payment, amount_minor: int) -> bool:
    """Claim ``amount_minor`` of what is left of ``payment`` to refund; whether it fitted (a conditional UPDATE)."""
    claimed = await Payment.filter(id=payment.id, refunded_minor__lte=payment.amount_minor - amount_minor).update(
        refunded_minor=F("refunded_minor") + amount_minor
    )
    return claimed == 1


async def send(refunds: list[Refund]) -> None:
    """Ask the provider for each PENDING external refund; outside any transaction."""
    due = [refund for refund in refunds if refund.status == RefundState.PENDING and refund.payment_id is not None]
    payments = {payment.id: payment for payment in await Payment.filter(id__in=[r.payment_id for r in due])} if due else {}
    for refund in due:
        payment = payments[refund.payment_id]
        try:
            gateway = provider(ProviderKind(payment.provider))
            result = await gateway.refund(RefundRequest(
                refund_no=refund.refund_number, trade_no=payment.trade_number, amount_minor=refund.amount_minor,
                total_minor=payment.amount_minor, currency=refund.currency, reason=refund.reason,
            ))
        except (ProviderUnavailable, ProviderRejected, ProviderNotConfigured) as exc:
            _log.warning("refund %s not accepted yet: %s", refund.refund_number, exc.message)
            continue
        if result.status is ProviderRefundStatus.SUCCESS:
            await _settle(refund.refund_number, succeeded=True, provider_refund_id=result.refund_id)


async def cancel_order(actor: Actor, *, order_id: int, reason: str = "") -> Order:
    """``orderCancel``: a paid order cancelled by staff gets back everything it paid, through this flow."""
    refunds: list[Refund] = []

    async def refund_everything(order: Order) -> None:
        # The rebates' locks (rules, totals, rebates) before any ledger posting: the lock order of every path.
        rebates = await rebate_refunds.plan(order, everything=True)
        # Points first, as every transaction moving points and money takes them (wallet.points).
        await order_points.refund(actor, customer_id=order.user_id, order_id=order.id,
                                  refund_number=f"RC{order.number}", amount=None)
        refunds.extend(await record_refund(
            order, refund_number=f"RC{order.number}", split=None, reason="Order cancelled by staff", actor=actor,
        ))
        await vouchers.restore(order.id)  # the whole order is cancelled: its vouchers come back
        await after_sale_requests.close_with_cancelled_order(order)
        await rebate_refunds.finish(actor, rebates, refund_number=f"RC{order.number}")

    order = await lifecycle.cancel_order(actor, order_id=order_id, reason=reason, refund_paid=refund_everything)
    await send(refunds)
    return order


async def refund_after_sale(
    actor: Actor, *, after_sale_id: int, amount_minor: int | None = None, note: str = ""
) -> AfterSale:
    """``afterSaleRefund`` (MANAGE_FINANCE): REFUNDING, and its amount back through the channels that paid.

    Each try has its own refund number (a retry after REFUND_FAILED is a new
    refund at the provider). Nothing to refund (a zero amount) is REFUNDED at once.
    """
    async with transaction():
        after_sale, order = await after_sale_requests.start_refund(
            actor, after_sale_id=after_sale_id, amount_minor=amount_minor, note=note
        )
        # Stock first: this refund may close the order and release it after posting (the lock order everywhere).
        await lifecycle.lock_stock_before_refund(order)
        # Then the rebates' locks, before any ledger posting; they are recomputed on what this refund leaves.
        rebates = await rebate_refunds.plan(order)
        # The units' points go back to their lots once per after-sale, before the money; in proportion when staff
        # refund less money than computed.
        await order_points.refund(actor, customer_id=order.user_id, order_id=order.id,
                                  refund_number=f"RA{after_sale.id:010d}", amount=await _after_sale_points(after_sale))
        tries = await Refund.filter(after_sale_id=after_sale.id, channel=_EXTERNAL).count()
        split = await _still_owed(after_sale.id, await after_sale_split(after_sale))
        refunds = await record_refund(
            order, refund_number=f"RA{after_sale.id:010d}T{tries + 1}", split=split,
            reason="After-sale refund", after_sale_id=after_sale.id, actor=actor,
        ) if after_sale.refund_minor else []
        if all(refund.status == RefundState.REFUNDED for refund in refunds):
            await after_sale_requests.finish_refund(after_sale.id, order, succeeded=True)
        if not refunds and order.total_minor == 0:
            await _update_refund_status(order)  # paid with points and vouchers only: no money row to settle it
        await rebate_refunds.finish(actor, rebates, refund_number=f"RA{after_sale.id:010d}T{tries + 1}")
    await send(refunds)
    return await AfterSale.get(id=after_sale_id)


async def _after_sale_points(after_sale: AfterSale) -> int:
    """The points the after-sale's units paid; when staff refund less money than computed, that share of them
    (rounded down to whole points). Points alone (nothing computed in money) go back whole."""
    lines = await AfterSaleLine.filter(after_sale_id=after_sale.id).values_list("points", "refund_minor")
    points = sum(line[0] for line in lines)
    computed = sum(line[1] for line in lines)
    if computed and after_sale.refund_minor < computed:
        return points * after_sale.refund_minor // computed
    return points


async def after_sale_split(after_sale: AfterSale) -> Split:
    """The after-sale's refund by channel: its lines' parts, or — when staff refund less than computed — that
    amount split over them in proportion (largest remainder, so the parts add up to it exactly)."""
    lines = await AfterSaleLine.filter(after_sale_id=after_sale.id).values_list(
        "refund_minor", "rebate_credit_minor", "balance_minor")
    rebate_credit = sum(line[1] for line in lines)
    balance = sum(line[2] for line in lines)
    external = sum(line[0] for line in lines) - rebate_credit - balance
    computed = rebate_credit + balance + external
    if after_sale.refund_minor < computed:
        rebate_credit, balance, external = allocate(after_sale.refund_minor, [rebate_credit, balance, external])
    return Split(rebate_credit_minor=rebate_credit, balance_minor=balance, external_minor=external)


async def _still_owed(after_sale_id: int, split: Split) -> Split:
    """A retry after REFUND_FAILED: the wallet parts went back the first time (they never fail); only the
    external part is asked again."""
    returned = await _wallet_refunded(after_sale_id=after_sale_id)
    if not returned:
        return split
    return Split(rebate_credit_minor=max(split.rebate_credit_minor - returned.get(Asset.REBATE_CREDIT.value, 0), 0),
                 balance_minor=max(split.balance_minor - returned.get(Asset.BALANCE.value, 0), 0),
                 external_minor=split.external_minor)


async def retry_pending(*, limit: int = BATCH) -> int:
    """Ask again for the refunds still PENDING, oldest first (the reconciliation job); how many."""
    pending = await Refund.filter(status=RefundState.PENDING).order_by("id").limit(limit)
    await send(list(pending))
    return len(pending)


@dataclass(frozen=True, slots=True)
class RefundReceipt:
    answer: CallbackAnswer
    refusal: CallbackRejected | None = None


async def receive_refund_callback(kind: ProviderKind, headers: Mapping[str, str], body: bytes) -> RefundReceipt:
    """Verify, then apply, a provider's refund callback; the answer is in the provider's format."""
    gateway = provider(kind)
    try:
        notice = await gateway.verify_refund_callback(headers, body)
        if notice.merchant_id != gateway.merchant_id:
            raise RefundUnmatched(f"Refund {notice.refund_no} is not for this merchant.")
        await _apply(kind, notice)
    except CallbackRejected as refusal:
        _log.warning("%s refund callback refused: %s", kind.value, refusal.message)
        return RefundReceipt(gateway.refuse(refusal.message), refusal)
    return RefundReceipt(gateway.acknowledge())


async def _apply(kind: ProviderKind, notice: RefundNotice) -> None:
    refund = await Refund.get_or_none(refund_number=notice.refund_no)
    if refund is None and top_ups.is_top_up(notice.trade_no):
        # The refund of a top-up paid with another amount (flows/topping_up).
        if not await topping_up.apply_refund_notice(kind, notice):
            raise RefundUnmatched(f"No refund {notice.refund_no} of top-up {notice.trade_no}.")
        return
    if refund is None:
        await _apply_late_money(kind, notice)
        return
    payment = await Payment.get(id=refund.payment_id) if refund.payment_id else None
    if payment is None or payment.provider != kind.value or payment.trade_number != notice.trade_no:
        raise RefundUnmatched(f"No refund {notice.refund_no} of trade {notice.trade_no}.")
    if (notice.amount_minor, notice.currency) != (refund.amount_minor, refund.currency):
        raise RefundUnmatched(
            f"Refund {notice.refund_no} reports {minor_to_decimal(notice.amount_minor)} {notice.currency}, "
            f"expected {minor_to_decimal(refund.amount_minor)} {refund.currency}."
        )
    if notice.status is ProviderRefundStatus.SUCCESS:
        await _settle(refund.refund_number, succeeded=True, provider_refund_id=notice.refund_id)
    elif notice.status in (ProviderRefundStatus.FAILED, ProviderRefundStatus.CLOSED):
        await _settle(refund.refund_number, succeeded=False, provider_refund_id=notice.refund_id)


async def _apply_late_money(kind: ProviderKind, notice: RefundNotice) -> None:
    """The refund of money that came after its order stopped awaiting payment (flows/settlement)."""
    payment = await attempts.by_trade_number(notice.trade_no)
    if payment is None or payment.provider != kind.value or attempts.refund_number(notice.trade_no) != notice.refund_no:
        raise RefundUnmatched(f"No refund {notice.refund_no} of trade {notice.trade_no}.")
    if notice.status is ProviderRefundStatus.SUCCESS:
        async with transaction():
            await attempts.move(payment.id, (AttemptStatus.REFUND_PENDING,), AttemptStatus.REFUNDED)


async def _settle(refund_number: str, *, succeeded: bool, provider_refund_id: str) -> None:
    """PENDING → REFUNDED (the order's refundStatus follows) or → FAILED (the claim is given back), once;
    a FAILED one the provider confirms after all: see step 4 of the module docstring."""
    late: RefundState | None = None
    async with transaction():
        found = await Refund.get(refund_number=refund_number)
        order = await lifecycle.locked(found.order_id)
        refund = await Refund.get(id=found.id)  # as it is under the order's lock (a racing FAILED notice)
        if succeeded and refund.status == RefundState.FAILED:
            late = await _confirmed_after_failure(refund, order, provider_refund_id)
        else:
            await _answered(refund, order, succeeded=succeeded, provider_refund_id=provider_refund_id)
    _log_confirmed_after_failure(refund, late)


async def _answered(refund: Refund, order: Order, *, succeeded: bool, provider_refund_id: str) -> None:
    now = clock.now()
    target = RefundState.REFUNDED if succeeded else RefundState.FAILED
    moved = await Refund.filter(id=refund.id, status=RefundState.PENDING).update(
        status=target, provider_refund_id=provider_refund_id, updated_at=now,
        refunded_at=now if succeeded else None,
    )
    if not moved:
        return  # settled before: a duplicate callback
    if succeeded:
        await _update_refund_status(order)
    elif refund.payment_id is not None:
        await Payment.filter(id=refund.payment_id).update(refunded_minor=F("refunded_minor") - refund.amount_minor)
    if refund.after_sale_id is not None:
        await after_sale_requests.finish_refund(refund.after_sale_id, order, succeeded=succeeded)
    await _announce(refund, order, target, now)


async def _confirmed_after_failure(refund: Refund, order: Order, provider_refund_id: str) -> RefundState | None:
    """A FAILED refund the provider now confirms (the order row locked): REFUNDED again if it is still owed,
    OVER_REFUNDED otherwise; ``None`` if a racing duplicate did it first."""
    now = clock.now()
    moved = await Refund.filter(id=refund.id, status=RefundState.FAILED).update(
        status=RefundState.REFUNDED, provider_refund_id=provider_refund_id, updated_at=now, refunded_at=now,
    )
    if not moved:
        return None
    after_sale_waits = refund.after_sale_id is None or await after_sale_requests.refund_failed(refund.after_sale_id)
    payment = await Payment.get(id=refund.payment_id) if refund.payment_id is not None else None
    if after_sale_waits and (payment is None or await _claim(payment, refund.amount_minor)):
        await _update_refund_status(order)
        if refund.after_sale_id is not None:
            await after_sale_requests.finish_late_refund(refund.after_sale_id, order)
        await _announce(refund, order, RefundState.REFUNDED, now)
        return RefundState.REFUNDED
    await Refund.filter(id=refund.id).update(status=RefundState.OVER_REFUNDED)
    await outbox.append(
        topic="refund.needs_attention", aggregate_type="Order", aggregate_id=order.id, customer_id=None,
        payload={
            "orderId": order.id, "number": order.number, "refundNumber": refund.refund_number,
            "afterSaleId": refund.after_sale_id, "amount": str(minor_to_decimal(refund.amount_minor)),
            "currency": refund.currency, "status": RefundState.OVER_REFUNDED.value, "at": now.isoformat(),
            "reason": "The provider confirmed a refund it had reported failed, when the money was no longer "
            "owed: it went back on top of what the payment or the after-sale still owed.",
        },
    )
    return RefundState.OVER_REFUNDED


def _log_confirmed_after_failure(refund: Refund, outcome: RefundState | None) -> None:
    if outcome is RefundState.REFUNDED:
        _log.error("refund %s: confirmed by the provider after it was reported failed; recorded as refunded",
                   refund.refund_number)
    elif outcome is RefundState.OVER_REFUNDED:
        _log.error("refund %s: confirmed by the provider after it was reported failed, but no longer owed "
                   "(refunded again meanwhile, or more than the payment has left): OVER_REFUNDED, staff must look",
                   refund.refund_number)


async def _announce(refund: Refund, order: Order, status: RefundState, now: dt.datetime) -> None:
    await outbox.append(
        topic="order.refund_changed", aggregate_type="Order", aggregate_id=order.id, customer_id=order.user_id,
        payload={
            "orderId": order.id, "number": order.number, "refundNumber": refund.refund_number,
            "amount": str(minor_to_decimal(refund.amount_minor)), "currency": refund.currency,
            "status": status.value, "refundStatus": order.refund_status.value, "at": now.isoformat(),
        },
    )


async def _update_refund_status(order: Order) -> None:
    refunded = sum(await Refund.filter(order_id=order.id, status=RefundState.REFUNDED).values_list(
        "amount_minor", flat=True
    ))
    if order.total_minor:
        status = RefundStatus.FULL if refunded >= order.total_minor else RefundStatus.PARTIAL
    else:  # nothing was paid in money: whole when every unit was refunded
        status = RefundStatus.FULL if await after_sale_requests.every_unit_refunded(order) else RefundStatus.PARTIAL
    await Order.filter(id=order.id).update(refund_status=status, updated_at=clock.now())
    order.refund_status = status
    if status is RefundStatus.FULL:
        await vouchers.restore(order.id)  # refunded whole: its vouchers come back
        await lifecycle.close_fully_refunded(order)

