"""Batch loads for wallets: every wallet's balances in one query, whatever the page shows."""

from __future__ import annotations

from collections.abc import Iterable

from aiodataloader import DataLoader

from mall.wallet import statements
from mall.wallet.statements import WalletBalances


class WalletBalancesByCustomerIdLoader(DataLoader[int, WalletBalances]):
    async def batch_load_fn(self, keys: Iterable[int]) -> list[WalletBalances]:
        keys = list(keys)
        found = await statements.balances(keys)
        return [found[key] for key in keys]
