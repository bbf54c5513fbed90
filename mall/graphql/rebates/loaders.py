"""Batch loads for rebates: one query per kind of row, whatever the page shows.

A product list showing ``rebateHints`` costs two statements for the rules
(the switches, the rules) and, only when a live rule is scoped to
categories, one for every listed product's category lineage — whatever the
page size.
"""

from __future__ import annotations

from collections.abc import Iterable

from aiodataloader import DataLoader

from mall.catalog.tree import lineages
from mall.rebates import previews, reads, totals
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


class LiveHintsLoader(DataLoader[str, previews.LiveHints]):
    """The hints of the rules live now, read once per request (every key gets the same)."""

    async def batch_load_fn(self, keys: Iterable[str]) -> list[previews.LiveHints]:
        hints = await previews.live_hints()
        return [hints for _ in keys]


class CategoryLineageLoader(DataLoader[int, frozenset[int]]):
    """A category with every category above it."""

    async def batch_load_fn(self, keys: Iterable[int]) -> list[frozenset[int]]:
        keys = list(keys)
        found = await lineages(keys)
        return [found.get(key, frozenset()) for key in keys]


class RebateSummaryByCustomerIdLoader(DataLoader[int, totals.Totals]):
    async def batch_load_fn(self, keys: Iterable[int]) -> list[totals.Totals]:
        keys = list(keys)
        found = await totals.customer_summaries(keys)
        return [found[key] for key in keys]
