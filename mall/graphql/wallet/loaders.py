"""Batch loads for wallets: every wallet's balances, and its points due to expire, in one query each, whatever the page shows."""

from __future__ import annotations

from collections.abc import Iterable

from aiodataloader import DataLoader

from mall.wallet import points, statements, vouchers
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


class VouchersByCustomerLoader(DataLoader[tuple[int, vouchers.VoucherStatus | None], list[vouchers.Voucher]]):
    """Keyed by (customer id, status wanted): one batch per status asked in a request."""

    async def batch_load_fn(
        self, keys: Iterable[tuple[int, vouchers.VoucherStatus | None]]
    ) -> list[list[vouchers.Voucher]]:
        keys = list(keys)
        by_status: dict[vouchers.VoucherStatus | None, dict[int, list[vouchers.Voucher]]] = {}
        for status in {status for _, status in keys}:
            by_status[status] = await vouchers.listed_for([c for c, s in keys if s is status], status)
        return [by_status[status][customer_id] for customer_id, status in keys]
