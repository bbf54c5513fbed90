"""Shortcuts for ledger tests: accounts by name and entries posted straight through ``ledger.post``."""

from __future__ import annotations

import secrets

from mall.core.actors import Actor
from mall.wallet import ledger
from mall.wallet import points as lots
from mall.wallet.chart import AccountRef, Asset, SystemCode
from mall.wallet.journal import Cause, Leg, transfer

ADJUSTMENTS = AccountRef.system(SystemCode.ADJUSTMENTS)
POINTS_ADJUSTMENTS = AccountRef.system(SystemCode.POINTS_ADJUSTMENTS)


def balance(customer_id: int) -> AccountRef:
    return AccountRef.customer(customer_id, Asset.BALANCE)


def held(customer_id: int) -> AccountRef:
    return AccountRef.customer(customer_id, Asset.HELD)


def points(customer_id: int) -> AccountRef:
    return AccountRef.customer(customer_id, Asset.POINTS)


async def post(*legs: Leg, key: str | None = None, cause: Cause = Cause.ADJUSTMENT, memo: str = "") -> ledger.Posted:
    return await ledger.post(key=key or f"test:{secrets.token_hex(8)}", cause=cause, legs=legs, actor=Actor.system(),
                             memo=memo)


async def fund(account: AccountRef, amount: int, *, key: str | None = None) -> ledger.Posted:
    """``amount`` into ``account`` from the adjustments account of its unit (points into a new lot)."""
    if account.unit.value == "POINTS":
        assert account.customer_id is not None
        return await lots.credit(Actor.system(), customer_id=account.customer_id, points=amount,
                                 key=key or f"test:{secrets.token_hex(8)}", cause=Cause.ADJUSTMENT, cause_id=None,
                                 source=SystemCode.POINTS_ADJUSTMENTS)
    return await post(*transfer(ADJUSTMENTS, account, amount), key=key)
