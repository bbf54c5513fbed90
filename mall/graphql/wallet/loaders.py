"""Batch loads for wallets: every wallet's balances, and its points due to expire, in one query each, whatever the page shows."""

from __future__ import annotations

from collections.abc import Iterable

from aiodataloader import DataLoader

from mall.wallet import points, statements
from mall.wallet.statements import WalletBalances


class WalletBalancesByCustomerIdLoader(DataLoader[int, WalletBalances]):
    async def batch_load_fn(self, keys: Iterable[int]) -> list[WalletBalances]:
        keys = list(keys)
        found = await statements.balances(keys)
        return [found[key] for key in keys]


class PointsExpiringByCustomerIdLoader(DataLoader[int, list[points.Expiring]]):
    async def batch_load_fn(self, keys: Iterable[int]) -> list[list[points.Expiring]]:
        keys = list(keys)
        found = await points.expiring_for(keys)
        return [found[key] for key in keys]
