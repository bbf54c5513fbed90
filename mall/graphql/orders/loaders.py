"""Batch loads for orders: one query per kind of row, whatever the page size."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import TypeVar

from aiodataloader import DataLoader
from tortoise.models import Model

from mall.orders.models import OrderEvent, OrderLine, Shipment, ShipmentEvent

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
