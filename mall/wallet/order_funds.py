"""Wallet funds an order pays with: held at orderCreate, captured at orderPay, released or refunded (DESIGN §3.4, §3.5).

One HELD account per customer serves every hold (orders, withdrawals): the
order itself records how much of its hold came from rebate credit and how
much from balance (``rebate_credit_used_minor``, ``balance_used_minor``), so
a release and a refund give each part back to the account that paid it
without a held sub-account per asset.

Movements, each one ledger entry under a key made of the order's id (a
retry posts nothing twice, and no two of them can both happen):

- hold     REBATE_CREDIT −r, BALANCE −b, HELD +(r+b)            ``order:<id>:hold``
- capture  HELD −(r+b), ORDER_PAYMENTS +(r+b)                    ``order:<id>:capture``
- release  HELD −(r+b) (or ORDER_PAYMENTS, once captured),      ``order:<id>:release``
           REBATE_CREDIT +r, BALANCE +b
- refund   ORDER_PAYMENTS −(r+b), REBATE_CREDIT +r, BALANCE +b   ``refund:<refund number>:wallet``

A hold that the wallet no longer covers (spent meanwhile by another order
or a withdrawal) fails on the ledger's conditional UPDATE with
INSUFFICIENT_FUNDS: the order is refused, never an account overdrawn.
"""

from __future__ import annotations

from dataclasses import dataclass

from mall.core.actors import Actor
from mall.wallet import ledger
from mall.wallet.chart import AccountRef, Asset, SystemCode
from mall.wallet.journal import Cause, Leg


@dataclass(frozen=True, slots=True)
class WalletParts:
    """An amount of wallet funds by the account it comes from or goes back to (fen)."""

    rebate_credit_minor: int = 0
    balance_minor: int = 0

    @property
    def total_minor(self) -> int:
        return self.rebate_credit_minor + self.balance_minor


def _to_accounts(customer_id: int, parts: WalletParts, sign: int) -> list[Leg]:
    legs = []
    for asset, amount in ((Asset.REBATE_CREDIT, parts.rebate_credit_minor), (Asset.BALANCE, parts.balance_minor)):
        if amount:
            legs.append(Leg(AccountRef.customer(customer_id, asset), sign * amount))
    return legs


def _hold_key(order_id: int) -> str:
    return f"order:{order_id}:hold"


def _capture_key(order_id: int) -> str:
    return f"order:{order_id}:capture"


def _release_key(order_id: int) -> str:
    return f"order:{order_id}:release"


async def hold(actor: Actor, *, customer_id: int, order_id: int, parts: WalletParts) -> None:
    """Set ``parts`` aside for the order (call inside the order's transaction); INSUFFICIENT_FUNDS if it is not there."""
    if parts.total_minor == 0:
        return
    legs = [*_to_accounts(customer_id, parts, -1), Leg(AccountRef.customer(customer_id, Asset.HELD), parts.total_minor)]
    await ledger.post(key=_hold_key(order_id), cause=Cause.ORDER_HOLD, cause_id=order_id, actor=actor, legs=legs,
                      memo="Held for an order")


async def capture(actor: Actor, *, customer_id: int, order_id: int, parts: WalletParts) -> None:
    """The held funds become the order's payment (orderPay); a second call posts nothing more."""
    if parts.total_minor == 0:
        return
    legs = [Leg(AccountRef.customer(customer_id, Asset.HELD), -parts.total_minor),
            Leg(AccountRef.system(SystemCode.ORDER_PAYMENTS), parts.total_minor)]
    await ledger.post(key=_capture_key(order_id), cause=Cause.ORDER_PAYMENT, cause_id=order_id, actor=actor,
                      legs=legs, memo="Paid for an order")


async def captured(order_id: int) -> bool:
    """Whether the order's wallet funds were captured (orderPay ran its first step)."""
    return await ledger.find(_capture_key(order_id)) is not None


async def release(actor: Actor, *, customer_id: int, order_id: int, parts: WalletParts) -> None:
    """An unpaid order cancelled or expired: its funds back where they came from, held or already captured."""
    if parts.total_minor == 0 or await ledger.find(_hold_key(order_id)) is None:
        return
    source = (AccountRef.system(SystemCode.ORDER_PAYMENTS) if await captured(order_id)
              else AccountRef.customer(customer_id, Asset.HELD))
    legs = [Leg(source, -parts.total_minor), *_to_accounts(customer_id, parts, 1)]
    await ledger.post(key=_release_key(order_id), cause=Cause.ORDER_RELEASE, cause_id=order_id, actor=actor,
                      legs=legs, memo="Released from a cancelled order")


async def refund(actor: Actor, *, customer_id: int, refund_id: int, key: str, parts: WalletParts) -> None:
    """Wallet parts of a refund back to the accounts that paid them (from what orders captured)."""
    if parts.total_minor == 0:
        return
    legs = [Leg(AccountRef.system(SystemCode.ORDER_PAYMENTS), -parts.total_minor), *_to_accounts(customer_id, parts, 1)]
    await ledger.post(key=key, cause=Cause.REFUND, cause_id=refund_id, actor=actor, legs=legs, memo="Refund")
