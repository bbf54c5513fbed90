"""Batch loads for rebates: one query per kind of row, whatever the page shows."""

from __future__ import annotations

from collections.abc import Iterable

from aiodataloader import DataLoader

from mall.rebates import reads
from mall.rebates.reads import Rebate, RebateInstallment


class InstallmentsByRebateIdLoader(DataLoader[int, list[RebateInstallment]]):
    async def batch_load_fn(self, keys: Iterable[int]) -> list[list[RebateInstallment]]:
        keys = list(keys)
        found = await reads.installments_of(keys)
        return [found.get(key, []) for key in keys]


class RebatesByOrderIdLoader(DataLoader[int, list[Rebate]]):
    async def batch_load_fn(self, keys: Iterable[int]) -> list[list[Rebate]]:
        keys = list(keys)
        found = await reads.by_orders(keys)
        return [found.get(key, []) for key in keys]
