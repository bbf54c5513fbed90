"""The checkout scenario's moving parts (issue 7): a shop to buy from, buyers, and the audit.

- ``seed()``: 25 products × 2 variants with ample stock and 20 signed-in
  buyers with an address, made by the services (no HTTP);
- ``buy_once()``: one whole order as a storefront sends it, over any httpx
  client: cartLinesAdd (a random variant, 1–2 units) → orderCreate (with an
  idempotency key) → orderPay (SANDBOX) → sandboxPaymentSimulate (the buyer
  pays their own sandbox attempt: a signed callback handed to the same
  verification and settlement a real callback reaches);
- ``run_buyers()``: buyers looping ``buy_once`` over real HTTP for a while;
- ``audit()``: what a run left behind: each variant's stock against the
  orders that hold or shipped it (an oversell, or a unit held twice or never
  released, is a violation), orders and payments by status.

The database parts run in a process with the bench database's MALL_*
environment: ``python -m bench_lib.checkout seed <shop.json>``,
``sql <shop.json> <result.json>`` (SQL statements per step, in process) and
``audit <shop.json>``. bench_lib.checkout_bench drives the scenario.
"""

from __future__ import annotations

import asyncio
import json
import random
import secrets
import sys
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx

from bench_lib.in_mall import connected
from bench_lib.queries import CART_LINES_ADD, HEADERS, ORDER_CREATE, ORDER_PAY, SANDBOX_PAYMENT_SIMULATE
from bench_lib.stats import percentile

STEPS = ("cartLinesAdd", "orderCreate", "orderPay", "sandboxPaymentSimulate")
# Units a run can never use up: 20 buyers at a few hundred orders/s, 1–2 units each,
# spread over 50 variants, for minutes. Availability never reaches zero.
AMPLE_STOCK = 1_000_000


# --- the shop ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Buyer:
    access_token: str
    address_id: str  # global id


@dataclass(frozen=True)
class Shop:
    variant_ids: list[str]  # global ids, what the storefront sends
    initial_stock: dict[int, int]  # variant primary key -> on hand before the run
    buyers: list[Buyer]

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(asdict(self)), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> Shop:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return cls(raw["variant_ids"], {int(k): v for k, v in raw["initial_stock"].items()},
                   [Buyer(**b) for b in raw["buyers"]])


async def seed(*, products: int = 25, variants_per_product: int = 2, buyers: int = 20,
               stock: int = AMPLE_STOCK, seed_value: int = 2026) -> Shop:
    """The shop, by the services: products (the newest, so a Products(first:20) page shows
    the variants being bought) and customers, each with an address and a session."""
    from mall.accounts import addresses, registration, sessions
    from mall.accounts.addresses import AddressFields
    from mall.catalog import products as catalog
    from mall.catalog.models import ProductStatus, Variant
    from mall.catalog.products import ProductFields
    from mall.catalog.variants import VariantFields
    from mall.core.actors import Actor
    from mall.graphql.relay import encode_id

    rng = random.Random(seed_value)
    run = secrets.token_hex(3)
    product_ids = []
    for number in range(1, products + 1):
        base = Decimal(rng.randint(1990, 19900)) / 100
        variants = [VariantFields(sku=f"BENCH-{run}-{number:03d}-{index + 1}", title=f"款式 Style {index + 1}",
                                  price=base + index * 10, cost_price=(base / 2).quantize(Decimal("0.01")),
                                  stock=stock, options=[("款式 Style", str(index + 1))])
                    for index in range(variants_per_product)]
        fields = ProductFields(title=f"结账压测 Checkout bench {number:03d}", slug=f"bench-{run}-{number:03d}",
                               description="", status=ProductStatus.ACTIVE)
        product = await catalog.product_create(Actor.system(), fields=fields, variants=variants)
        product_ids.append(product.id)
    rows = await Variant.filter(product_id__in=product_ids).order_by("id").values_list("id", "on_hand")

    people = []
    for number in range(1, buyers + 1):
        user = await registration.create_user(email=f"buyer-{run}-{number:02d}@bench.example", mobile=None,
                                              password=f"bench-{secrets.token_urlsafe(12)}-42", name=f"压测买家 Buyer {number:02d}")
        address = await addresses.address_create(sessions.actor_for(user), fields=AddressFields(
            recipient="张三", phone="13800138000", province="浙江省", city="杭州市", district="西湖区",
            street=f"文三路 {number} 号", postal_code="310000"))
        pair = await sessions.start_session(user, client_ip="127.0.0.1", user_agent="mall-bench")
        people.append(Buyer(pair.access_token, encode_id("Address", address.id)))
    return Shop([encode_id("ProductVariant", pk) for pk, _ in rows], dict(rows), people)


# --- one order -----------------------------------------------------------------------------------


class StepFailed(Exception):
    """A step answered something other than success; ``str()`` says which and what."""

    def __init__(self, step: str, reason: str) -> None:
        super().__init__(f"{step}: {reason}")


@dataclass
class Bought:
    """One whole order: milliseconds per step, and the server's SQL count per step when it
    sends one (X-Mall-SQL-Statements: debug mode, or sqlcount on in process)."""

    ms: dict[str, float] = field(default_factory=dict)
    sql: dict[str, int] = field(default_factory=dict)

    @property
    def total_ms(self) -> float:
        return sum(self.ms.values())


async def _step(client: httpx.AsyncClient, bought: Bought, name: str, query: str, variables: dict[str, Any],
                token: str) -> dict[str, Any]:
    body = json.dumps({"query": query, "variables": variables}, ensure_ascii=False).encode()
    started = time.perf_counter()
    response = await client.post("/graphql", content=body, headers={**HEADERS, "Authorization": f"Bearer {token}"})
    bought.ms[name] = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise StepFailed(name, f"HTTP {response.status_code}")
    if (statements := response.headers.get("x-mall-sql-statements")) is not None:
        bought.sql[name] = int(statements)
    answer = response.json()
    if answer.get("errors"):
        raise StepFailed(name, answer["errors"][0].get("message", "error"))
    payload = answer["data"][name]
    if payload["userErrors"]:
        raise StepFailed(name, ",".join(e["code"] for e in payload["userErrors"]))
    return payload


async def buy_once(client: httpx.AsyncClient, shop: Shop, buyer: Buyer, rng: random.Random, key: str) -> Bought:
    """cartLinesAdd → orderCreate → orderPay → sandboxPaymentSimulate; ``key`` (unique per
    order, up to 60 characters) makes the idempotency keys. StepFailed when a step fails."""
    bought, token = Bought(), buyer.access_token
    line = {"variantId": rng.choice(shop.variant_ids), "quantity": rng.randint(1, 2)}
    await _step(client, bought, "cartLinesAdd", CART_LINES_ADD, {"input": {"lines": [line]}}, token)
    created = await _step(client, bought, "orderCreate", ORDER_CREATE, {"input": {
        "addressId": buyer.address_id, "idempotencyKey": f"{key}-o", "useWalletFunds": False, "note": ""}}, token)
    paying = await _step(client, bought, "orderPay", ORDER_PAY, {"input": {
        "orderId": created["order"]["id"], "provider": "SANDBOX", "channel": "NATIVE",
        "idempotencyKey": f"{key}-p"}}, token)
    paid = await _step(client, bought, "sandboxPaymentSimulate", SANDBOX_PAYMENT_SIMULATE, {"input": {
        "paymentId": paying["payment"]["id"], "outcome": "SUCCESS"}}, token)
    if paid["payment"]["status"] != "SUCCEEDED":
        raise StepFailed("sandboxPaymentSimulate", f"payment {paid['payment']['status']}")
    return bought


# --- buyers over HTTP ----------------------------------------------------------------------------


@dataclass
class BuyersRun:
    seconds: float  # from the first request to the last answer
    orders: list[Bought]
    failures: Counter[str]

    @property
    def orders_per_second(self) -> float:
        return len(self.orders) / self.seconds if self.seconds else 0.0

    def percentile_ms(self, share: float, step: str | None = None) -> float:
        return percentile([o.ms[step] if step else o.total_ms for o in self.orders], share)


async def run_buyers(base_url: str, shop: Shop, *, seconds: float, label: str) -> BuyersRun:
    """Every buyer loops ``buy_once`` until ``seconds`` have passed (the orders under way then
    finish). ``label`` keeps this run's idempotency keys apart from other runs'."""
    orders: list[Bought] = []
    failures: Counter[str] = Counter()
    limits = httpx.Limits(max_connections=len(shop.buyers), max_keepalive_connections=len(shop.buyers))
    async with httpx.AsyncClient(base_url=base_url, limits=limits, timeout=60) as client:
        started = time.perf_counter()
        deadline = started + seconds

        async def loop(number: int, buyer: Buyer) -> None:
            rng = random.Random(f"{label}-{number}")
            count = 0
            while time.perf_counter() < deadline:
                count += 1
                try:
                    orders.append(await buy_once(client, shop, buyer, rng, f"{label}-{number}-{count}"))
                except StepFailed as failed:
                    failures[str(failed)] += 1
                except httpx.HTTPError as error:
                    failures[f"HTTP error: {type(error).__name__}"] += 1

        await asyncio.gather(*(loop(n, b) for n, b in enumerate(shop.buyers)))
        elapsed = time.perf_counter() - started
    return BuyersRun(elapsed, orders, failures)


# --- the audit -----------------------------------------------------------------------------------

HOLDING = ("PENDING_PAYMENT", "PAID")  # units reserved, still on hand
SHIPPED = ("SHIPPED", "DELIVERED", "COMPLETED")  # units gone from on hand


def stock_violations(initial: dict[int, int], stock: dict[int, tuple[int, int]],
                     units: dict[tuple[int, str], int]) -> list[str]:
    """Each seeded variant's (on_hand, reserved) against the units its orders hold or
    shipped (``units``: (variant, order status) -> units). None when nothing was oversold,
    held twice or lost."""
    problems = []
    for variant, start in sorted(initial.items()):
        on_hand, reserved = stock.get(variant, (None, None))
        if on_hand is None or reserved is None:
            problems.append(f"variant {variant}: gone")
            continue
        held = sum(units.get((variant, status), 0) for status in HOLDING)
        shipped = sum(units.get((variant, status), 0) for status in SHIPPED)
        if not 0 <= reserved <= on_hand:
            problems.append(f"variant {variant}: reserved {reserved} with {on_hand} on hand")
        if on_hand + shipped != start:
            problems.append(f"variant {variant}: on hand {on_hand} + shipped {shipped} != initial {start}")
        if reserved != held:
            problems.append(f"variant {variant}: reserved {reserved}, orders hold {held}")
    return problems


async def audit(initial: dict[int, int]) -> dict[str, Any]:
    """What the run left (the app's tables, read after the server stopped)."""
    from tortoise import Tortoise

    connection = Tortoise.get_connection("default")
    stock = {r["id"]: (r["on_hand"], r["reserved"])
             for r in await connection.execute_query_dict("SELECT id, on_hand, reserved FROM variants")}
    units = {(r["variant_id"], r["status"]): int(r["units"]) for r in await connection.execute_query_dict(
        "SELECT l.variant_id AS variant_id, o.status AS status, SUM(l.quantity) AS units "
        "FROM order_lines l JOIN orders o ON o.id = l.order_id GROUP BY l.variant_id, o.status")}
    orders = {r["status"]: r["n"] for r in await connection.execute_query_dict(
        "SELECT status, COUNT(*) AS n FROM orders GROUP BY status")}
    payments = {r["status"]: r["n"] for r in await connection.execute_query_dict(
        "SELECT status, COUNT(*) AS n FROM payments GROUP BY status")}
    return {"variants": len(initial), "violations": stock_violations(initial, stock, units),
            "orders": orders, "payments": payments, "units": sum(v for (pk, _), v in units.items() if pk in initial)}


# --- SQL per step, in process ----------------------------------------------------------------------


async def sql_per_step(shop: Shop, orders: int = 5) -> list[dict[str, int]]:
    """Whole orders through the ASGI app with SQL counting on (not under load): the
    statements of each step, one dict per order (a first order warms up, uncounted)."""
    from mall.app import create_app
    from mall.infra import sqlcount
    from mall.settings import get_settings

    app = create_app(get_settings(), manage_database=False, configure_logging=False)
    sqlcount.enable()
    rng = random.Random(7)
    label = secrets.token_hex(3)
    counted = []
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://mall.bench") as client:
        for number in range(orders + 1):
            bought = await buy_once(client, shop, shop.buyers[number % len(shop.buyers)], rng, f"sql-{label}-{number}")
            if number:
                counted.append(bought.sql)
    return counted


def main(command: str, *args: str) -> None:
    if command == "seed":
        asyncio.run(connected(seed())).save(Path(args[0]))
    elif command == "sql":
        counted = asyncio.run(connected(sql_per_step(Shop.load(Path(args[0])))))
        Path(args[1]).write_text(json.dumps(counted), encoding="utf-8")
    elif command == "audit":
        print(json.dumps(asyncio.run(connected(audit(Shop.load(Path(args[0])).initial_stock)))))
    else:
        raise SystemExit(f"unknown command {command!r}")


if __name__ == "__main__":
    main(*sys.argv[1:])
