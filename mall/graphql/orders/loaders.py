"""Batch loads for orders: one query per kind of row, whatever the page size."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import TypeVar

from aiodataloader import DataLoader
from tortoise.models import Model

from mall.orders.models import AfterSale, AfterSaleLine, Order, OrderEvent, OrderLine, Shipment, ShipmentEvent

RowT = TypeVar("RowT", bound=Model)


def _grouped(rows: Iterable[RowT], key: str, keys: list[int]) -> list[list[RowT]]:
    groups: dict[int, list[RowT]] = defaultdict(list)
    for row in rows:
        groups[getattr(row, key)].append(row)
    return [groups[k] for k in keys]


class LinesByOrderIdLoader(DataLoader[int, list[OrderLine]]):
    async def batch_load_fn(self, keys: Iterable[int]) -> list[list[OrderLine]]:
        keys = list(keys)
        return _grouped(await OrderLine.filter(order_id__in=keys).order_by("order_id", "position"), "order_id", keys)


class EventsByOrderIdLoader(DataLoader[int, list[OrderEvent]]):
    async def batch_load_fn(self, keys: Iterable[int]) -> list[list[OrderEvent]]:
        keys = list(keys)
        return _grouped(await OrderEvent.filter(order_id__in=keys).order_by("order_id", "id"), "order_id", keys)


class ShipmentsByOrderIdLoader(DataLoader[int, list[Shipment]]):
    async def batch_load_fn(self, keys: Iterable[int]) -> list[list[Shipment]]:
        keys = list(keys)
        return _grouped(await Shipment.filter(order_id__in=keys).order_by("order_id", "id"), "order_id", keys)


class EventsByShipmentIdLoader(DataLoader[int, list[ShipmentEvent]]):
    async def batch_load_fn(self, keys: Iterable[int]) -> list[list[ShipmentEvent]]:
        keys = list(keys)
        rows = await ShipmentEvent.filter(shipment_id__in=keys).order_by("shipment_id", "at", "id")
        return _grouped(rows, "shipment_id", keys)


class AfterSalesByOrderIdLoader(DataLoader[int, list[AfterSale]]):
    async def batch_load_fn(self, keys: Iterable[int]) -> list[list[AfterSale]]:
        keys = list(keys)
        return _grouped(await AfterSale.filter(order_id__in=keys).order_by("order_id", "id"), "order_id", keys)


class LinesByAfterSaleIdLoader(DataLoader[int, list[AfterSaleLine]]):
    async def batch_load_fn(self, keys: Iterable[int]) -> list[list[AfterSaleLine]]:
        keys = list(keys)
        rows = await AfterSaleLine.filter(after_sale_id__in=keys).order_by("after_sale_id", "id")
        return _grouped(rows, "after_sale_id", keys)


class OrderLineByIdLoader(DataLoader[int, OrderLine | None]):
    async def batch_load_fn(self, keys: Iterable[int]) -> list[OrderLine | None]:
        keys = list(keys)
        found = {row.id: row for row in await OrderLine.filter(id__in=keys)}
        return [found.get(k) for k in keys]


class OrderByIdLoader(DataLoader[int, Order | None]):
    async def batch_load_fn(self, keys: Iterable[int]) -> list[Order | None]:
        keys = list(keys)
        found = {row.id: row for row in await Order.filter(id__in=keys)}
        return [found.get(k) for k in keys]
