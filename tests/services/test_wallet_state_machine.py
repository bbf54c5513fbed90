"""A hypothesis state machine of one customer's wallet money, every way in and out, against the real database.

Rules mix, through the services the flows use: top-ups credited by (repeated)
callbacks; staff adjustments in and out (audited); withdrawals asked for,
rejected, approved and paid out, failed, or left in progress at the provider (then
settled by the job that asks for its final answer); orders using wallet
funds (the hold at orderCreate), paid with the payment password (capture),
cancelled or expired unpaid (release), and refunded after payment — whole
(staff cancel) or one unit at a time (an approved REFUND_ONLY after-sale). After
every step (DESIGN §3.5):

- the customer's BALANCE and HELD equal a plain model; HELD is exactly the open
  withdrawals (those in progress at the provider too) plus the unpaid orders' holds;
- the withdrawable BALANCE never exceeds what came in (topped up, refunded to
  balance, adjusted in) minus what left it (adjusted out, paid out, paid for
  orders), and BALANCE + HELD is exactly that difference;
- no order got back more than it paid from the wallet;
- ``verify`` finds nothing wrong with the ledger.

The model keeps money per flow (``Flows``), so a rule for another asset — points
lots expiring, say — adds its own tallies and invariant beside these.

Like the ledger's machine, it runs in a worker thread and hands each
database call to the test's event loop.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
import uuid
from collections.abc import Coroutine
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, TypeVar

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from tortoise import connections

from mall.accounts import security, sessions
from mall.cart import lines as cart_lines
from mall.cart.owners import Owner
from mall.core.actors import Permission
from mall.core.clock import clock
from mall.core.errors import DomainError
from mall.flows import checkout, paying, payouts, refunds
from mall.orders import after_sale_requests, lifecycle
from mall.orders.after_sale_requests import RequestedLine
from mall.orders.after_sales import AfterSaleKind
from mall.orders.checkout_input import OrderRequest
from mall.orders.errors import TooManyUnpaidOrders
from mall.orders.models import Order, OrderLine
from mall.payments.providers.base import PayoutResult, PayoutStatus
from mall.payments.providers.sandbox import SandboxProvider
from mall.settings import get_settings
from mall.wallet import adjustments, top_ups, withdrawal_rules, withdrawals
from mall.wallet.chart import Asset
from mall.wallet.statements import balances
from mall.wallet.verification import verify
from tests import factories

T = TypeVar("T")
PAYMENT_PASSWORD = "290417"


@dataclass
class Flows:
    """Fen into and out of BALANCE, by where they came from or went."""

    topped_up: int = 0
    adjusted_in: int = 0
    refunded: int = 0
    adjusted_out: int = 0
    paid_out: int = 0  # withdrawals the provider paid
    paid_for_orders: int = 0

    @property
    def came_in(self) -> int:
        return self.topped_up + self.adjusted_in + self.refunded

    @property
    def left(self) -> int:
        return self.adjusted_out + self.paid_out + self.paid_for_orders


@dataclass
class PaidOrder:
    paid: int  # fen of BALANCE the order captured
    refunded: int = 0
    units_left: int = 0  # units no after-sale has taken yet
    line_id: int = 0


async def test_every_way_money_moves_through_a_wallet_keeps_every_invariant(monkeypatch):
    account = await factories.customer()
    customer_id = account.user.id
    customer = sessions.actor_for(account.user)
    staff = sessions.actor_for((await factories.staff(Permission.MANAGE_FINANCE, Permission.MANAGE_ORDERS)).user)
    address = await factories.address(account)
    await security.payment_password_set(customer, password=factories.PASSWORD, payment_password=PAYMENT_PASSWORD)
    loop = asyncio.get_running_loop()
    outcome = {"status": PayoutStatus.SUCCESS, "final": PayoutStatus.SUCCESS}

    async def payout(self, request):  # type: ignore[no-untyped-def]
        return PayoutResult(payout_no=request.payout_no, payout_id="p" + request.payout_no,
                            amount_minor=request.amount_minor, status=outcome["status"])

    async def query_payout(self, payout_no):  # type: ignore[no-untyped-def]
        return PayoutResult(payout_no=payout_no, payout_id="p" + payout_no, amount_minor=1, status=outcome["final"])

    monkeypatch.setattr(SandboxProvider, "payout", payout)
    monkeypatch.setattr(SandboxProvider, "query_payout", query_payout)
    settings_now = get_settings()

    def run(work: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(work, loop).result(timeout=60)

    class WalletMachine(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            run(_forget(customer_id))
            self.balance = self.held = 0
            self.flows = Flows()
            self.open: dict[int, int] = {}  # withdrawal id -> amount held
            self.paying: dict[int, int] = {}  # in progress at the provider: still held
            self.unpaid: dict[int, int] = {}  # order id -> BALANCE it holds
            self.payable: set[int] = set()  # unpaid orders the wallet covers whole (no provider part)
            self.paid: dict[int, PaidOrder] = {}
            self.keys = (f"wsm-{uuid.uuid4().hex[:8]}-{n}" for n in itertools.count())

        @initialize(amount=st.one_of(st.just(0), st.integers(20_000, 300_000)))
        def start_with(self, amount: int) -> None:
            if amount:  # most examples start with money for a few orders; some start empty
                self.top_up(amount, 1)

        # --- money in and out by staff and providers ---------------------------------------------------

        @rule(amount=st.integers(1, 20_000))
        def adjust_in(self, amount: int) -> None:
            run(adjustments.wallet_adjust(staff, customer_id=customer_id, asset=Asset.BALANCE,
                                          amount=Decimal(amount) / 100, reason="in", idempotency_key=next(self.keys)))
            self.balance += amount
            self.flows.adjusted_in += amount

        @rule(amount=st.integers(1, 20_000), callbacks=st.integers(1, 3))
        def top_up(self, amount: int, callbacks: int) -> None:
            key = next(self.keys)
            row, _ = run(top_ups.open_top_up(customer, amount=amount, provider="SANDBOX", channel="NATIVE",
                                             request_key=key, fingerprint=key, lifetime=dt.timedelta(minutes=30)))
            credited = [run(top_ups.settle_paid(row, transaction_id="t" + key)) for _ in range(callbacks)]
            assert credited == [True] + [False] * (callbacks - 1)  # a repeated callback credits nothing
            self.balance += amount
            self.flows.topped_up += amount

        @rule(amount=st.integers(1, 20_000))
        def adjust_out(self, amount: int) -> None:
            try:
                run(adjustments.wallet_adjust(staff, customer_id=customer_id, asset=Asset.BALANCE,
                                              amount=-Decimal(amount) / 100, reason="out",
                                              idempotency_key=next(self.keys)))
            except DomainError:
                assert amount > self.balance
                return
            assert amount <= self.balance
            self.balance -= amount
            self.flows.adjusted_out += amount

        # --- withdrawals ---------------------------------------------------------------------------

        @rule(amount=st.integers(1000, 30_000))
        def withdraw(self, amount: int) -> None:
            fee = withdrawal_rules.fee(amount, min_fee_minor=settings_now.withdrawal_min_fee_minor,
                                       rate=settings_now.withdrawal_fee_rate)
            key = next(self.keys)
            ask = withdrawals.WithdrawalAsk(amount=amount, fee=fee, provider="SANDBOX", payee="p", request_key=key,
                                            fingerprint=key)
            try:
                row = run(withdrawals.create(customer, ask))
            except DomainError as exc:
                waiting = len(self.open) + len(self.paying)
                assert amount > self.balance or waiting >= settings_now.withdrawal_open_max, exc
                return
            assert amount <= self.balance
            self.balance -= amount
            self.held += amount
            self.open[row.id] = amount

        @precondition(lambda self: self.open)
        @rule(data=st.data())
        def reject(self, data: st.DataObject) -> None:
            withdrawal_id = data.draw(st.sampled_from(sorted(self.open)))
            row = run(payouts.withdrawal_reject(staff, withdrawal_id=withdrawal_id, note="no"))
            assert row.status == "REJECTED"
            amount = self.open.pop(withdrawal_id)
            self.held -= amount
            self.balance += amount

        @precondition(lambda self: self.open)
        @rule(data=st.data(), answer=st.sampled_from(list(PayoutStatus)), twice=st.booleans())
        def approve(self, data: st.DataObject, answer: PayoutStatus, twice: bool) -> None:
            withdrawal_id = data.draw(st.sampled_from(sorted(self.open)))
            outcome["status"] = answer
            row = run(payouts.withdrawal_approve(staff, withdrawal_id=withdrawal_id, note=""))
            if twice:
                assert run(payouts.withdrawal_approve(staff, withdrawal_id=withdrawal_id, note="")).status == row.status
            amount = self.open.pop(withdrawal_id)
            if answer is PayoutStatus.PENDING:  # nothing posted: still held until the final answer
                assert row.status == "PAYING"
                self.paying[withdrawal_id] = amount
            else:
                self._payout_settled(row.status, amount, paid=answer is PayoutStatus.SUCCESS)

        @precondition(lambda self: self.paying)
        @rule(final=st.sampled_from(list(PayoutStatus)))
        def final_answer(self, final: PayoutStatus) -> None:
            outcome["final"] = final
            run(payouts.settle_paying(clock.now() + dt.timedelta(minutes=2)))
            for withdrawal_id in sorted(self.paying):
                row = run(withdrawals.require(withdrawal_id))
                if final is PayoutStatus.PENDING:
                    assert row.status == "PAYING"
                    continue
                self._payout_settled(row.status, self.paying.pop(withdrawal_id), paid=final is PayoutStatus.SUCCESS)

        def _payout_settled(self, status: str, amount: int, *, paid: bool) -> None:
            self.held -= amount
            if paid:
                assert status == "PAID_OUT"
                self.flows.paid_out += amount
            else:
                assert status == "FAILED"
                self.balance += amount

        # --- orders paid from the wallet ------------------------------------------------------------

        @rule(price=st.integers(1, 40), quantity=st.integers(1, 3), then_pay=st.booleans())
        def order_create(self, price: int, quantity: int, then_pay: bool) -> None:
            try:
                order = run(_order_with_wallet_funds(customer, address.id, f"{price}.00", quantity, next(self.keys)))
            except TooManyUnpaidOrders:
                assert len(self.unpaid) >= settings_now.order_unpaid_max
                run(_empty_cart(customer))  # the refused order's lines stay in the cart; the next one starts anew
                return
            assert len(self.unpaid) < settings_now.order_unpaid_max
            # Balance first, up to the whole total; what it does not cover is due through a provider.
            assert order.balance_used_minor == min(self.balance, order.total_minor)
            assert order.external_due_minor == order.total_minor - order.balance_used_minor
            self.balance -= order.balance_used_minor
            self.held += order.balance_used_minor
            self.unpaid[order.id] = order.balance_used_minor
            if order.external_due_minor == 0:
                self.payable.add(order.id)
                if then_pay:  # as most buyers do; otherwise it waits for order_pay, a cancel or the expiry
                    self._pay(order.id, retried=False)

        @precondition(lambda self: self.payable)
        @rule(data=st.data(), retried=st.booleans())
        def order_pay(self, data: st.DataObject, retried: bool) -> None:
            self._pay(data.draw(st.sampled_from(sorted(self.payable))), retried=retried)

        def _pay(self, order_id: int, *, retried: bool) -> None:
            key = next(self.keys)
            request = paying.PayRequest(order_id=order_id, payment_password=PAYMENT_PASSWORD)
            for _ in range(2 if retried else 1):  # a retry under the key captures nothing twice
                answer = run(paying.order_pay(customer, request=request, idempotency_key=key))
                assert answer.payment is None and answer.order.status.value == "PAID"
            self.payable.discard(order_id)
            amount = self.unpaid.pop(order_id)
            self.held -= amount
            self.flows.paid_for_orders += amount
            line = run(_line_of(order_id))
            self.paid[order_id] = PaidOrder(paid=amount, units_left=line.quantity, line_id=line.id)

        @precondition(lambda self: self.unpaid)
        @rule(data=st.data())
        def order_cancel_unpaid(self, data: st.DataObject) -> None:
            order_id = data.draw(st.sampled_from(sorted(self.unpaid)))
            order = run(refunds.cancel_order(customer, order_id=order_id, reason="changed my mind"))
            assert order.status.value == "CANCELLED"
            self._released(order_id)

        @precondition(lambda self: self.unpaid)
        @rule()
        def orders_expire(self) -> None:
            run(lifecycle.expire_due_orders(clock.now() + dt.timedelta(days=1)))
            statuses = run(_statuses(list(self.unpaid)))
            assert set(statuses.values()) <= {"CANCELLED"}
            for order_id in list(self.unpaid):
                self._released(order_id)

        def _released(self, order_id: int) -> None:
            amount = self.unpaid.pop(order_id)
            self.payable.discard(order_id)
            self.held -= amount
            self.balance += amount

        # --- refunds of paid orders -------------------------------------------------------------------

        @precondition(lambda self: self.paid)
        @rule(data=st.data())
        def refund_whole(self, data: st.DataObject) -> None:
            order_id = data.draw(st.sampled_from(sorted(self.paid)))
            order = run(refunds.cancel_order(staff, order_id=order_id, reason="out of stock"))
            assert order.status.value == "CANCELLED"
            paid = self.paid.pop(order_id)
            # A whole refund gives back what is left of the wallet payment, shipping included.
            self.balance += paid.paid - paid.refunded
            self.flows.refunded += paid.paid - paid.refunded

        @precondition(lambda self: any(paid.units_left for paid in self.paid.values()))
        @rule(data=st.data())
        def refund_one_unit(self, data: st.DataObject) -> None:
            open_orders = sorted(order_id for order_id, paid in self.paid.items() if paid.units_left)
            order_id = data.draw(st.sampled_from(open_orders))
            paid = self.paid[order_id]
            after_sale = run(after_sale_requests.create(
                customer, order_id=order_id, kind=AfterSaleKind.REFUND_ONLY,
                lines=[RequestedLine(order_line_id=paid.line_id, quantity=1)], reason="不想要了", images=[]))
            run(after_sale_requests.approve(staff, after_sale_id=after_sale.id))
            done = run(refunds.refund_after_sale(staff, after_sale_id=after_sale.id))
            assert done.status.value == "REFUNDED"  # a wallet refund needs no provider: done at once
            assert 0 < after_sale.refund_minor <= paid.paid - paid.refunded
            paid.refunded += after_sale.refund_minor
            paid.units_left -= 1
            self.balance += after_sale.refund_minor
            self.flows.refunded += after_sale.refund_minor
            if run(_statuses([order_id]))[order_id] == "CANCELLED":  # refunded in full before shipping
                assert paid.refunded == paid.paid
                del self.paid[order_id]

        # --- invariants --------------------------------------------------------------------------------

        @invariant()
        def the_wallet_matches_the_model_and_the_ledger_verifies(self) -> None:
            held = run(balances([customer_id]))[customer_id]
            assert (held.balance, held.held) == (self.balance, self.held)
            assert self.held == sum(self.open.values()) + sum(self.paying.values()) + sum(self.unpaid.values())
            # Withdrawable balance never exceeds what came in minus what left or is held (for a withdrawal or
            # an unpaid order); nothing else makes up the difference.
            assert 0 <= held.balance <= self.flows.came_in - self.flows.left - held.held
            assert held.balance + held.held == self.flows.came_in - self.flows.left
            assert all(0 <= paid.refunded <= paid.paid for paid in self.paid.values())
            assert run(verify()).problems == ()

    await asyncio.to_thread(run_state_machine_as_test, WalletMachine, settings=settings(
        max_examples=40, stateful_step_count=30, deadline=None, suppress_health_check=[HealthCheck.too_slow],
    ))


async def _order_with_wallet_funds(customer, address_id: int, price: str, quantity: int, key: str) -> Order:  # type: ignore[no-untyped-def]
    """A new product's variant in the cart, then orderCreate using wallet funds (as the storefront asks)."""
    variant = await factories.variant_of(await factories.product(prices=(price,), stock=10))
    await cart_lines.lines_add(Owner.of(customer, None), [cart_lines.LineAdd(variant_id=variant.id, quantity=quantity)])
    request = OrderRequest(lines=(), address_id=address_id, use_wallet_funds=True)
    return await checkout.order_create(customer, request=request, idempotency_key=key)


async def _empty_cart(customer) -> None:  # type: ignore[no-untyped-def]
    await cart_lines.clear(Owner.of(customer, None))


async def _line_of(order_id: int) -> OrderLine:
    return await OrderLine.get(order_id=order_id)


async def _statuses(order_ids: list[int]) -> dict[int, str]:
    rows = await Order.filter(id__in=order_ids).values_list("id", "status")
    return {order_id: getattr(status, "value", status) for order_id, status in rows}


async def _forget(customer_id: int) -> None:
    """A fresh wallet for each example: the customer's unpaid orders, withdrawals and the whole ledger go.

    Orders an earlier example left unpaid are closed first, so an expiry in this one releases nothing of theirs
    into the emptied ledger.
    """
    await connections.get("default").execute_script(
        f"UPDATE orders SET status = 'CANCELLED' WHERE user_id = {int(customer_id)} AND status = 'PENDING_PAYMENT'; "
        f"DELETE FROM withdrawals WHERE customer_id = {int(customer_id)}; DELETE FROM top_ups; DELETE FROM ledger_postings; "
        "DELETE FROM ledger_entries; DELETE FROM ledger_accounts; DELETE FROM idempotency_keys; DELETE FROM audit_records;"
    )
