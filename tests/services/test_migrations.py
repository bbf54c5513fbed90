"""Each dialect's aerich history builds exactly the schema the models describe (DESIGN §5).

Each history is applied to an empty scratch database; the result must match
a database built from the models by Tortoise, carry every CHECK constraint
the models declare (aerich emits none: they are hand-written), refuse rows
that break them, and leave aerich nothing to generate.
"""

from __future__ import annotations

import asyncio
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import uuid
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import asyncpg
import pytest
from tortoise import Tortoise

from mall.settings import Settings
from tests.services.schema_snapshot import postgres_snapshot, sqlite_snapshot

ROOT = Path(__file__).resolve().parents[2]

# A rebate rule, all but its installment count, threshold, budget and what is left of it.
_RULE_INSERT = (
    "INSERT INTO rebate_rules (name, description, kind, ratio_scaled, tiers, repeat, payout_form, scope_kind, "
    "scope_ids, priority, stackable, status, version, installment_count, threshold_minor, budget_minor, "
    "budget_remaining_minor, created_at, updated_at) VALUES ('R', '', 'FIXED_RATIO', 1000, '[]', {false}, 'POINTS', "
    "'ALL', '[]', 0, {true}, 'DRAFT', 1, "
)

_USER_INSERT = (
    "INSERT INTO users (id, email, name, password_hash, is_active, is_staff, is_superuser, permissions, created_at, "
    "updated_at) VALUES (1, 'a@example.com', 'A', 'x', {true}, {false}, {false}, '[]', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);"
)
# Rebate 1 of rule 1 for customer 1, all but its amount and what it holds of the budget.
_REBATE_INSERT = (
    "INSERT INTO rebates (id, order_id, customer_id, rule_id, rule_version, status, payout_form, minor_per_point, "
    "original_amount_minor, released_minor, clawed_back_minor, unrecovered_minor, snapshot, computation, lines, "
    "created_at, updated_at, amount_minor, budget_reserved_minor) VALUES (1, 1, 1, (SELECT MAX(id) FROM rebate_rules), "
    "1, 'PENDING', 'POINTS', 1, "
    "100, 0, 0, 0, '{{}}', '{{}}', '[]', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, "
)

# A statement breaking each CHECK constraint the models declare. When a model
# gains a constraint, this test fails until its probe is added here.
VIOLATIONS = {
    "users_has_login": (
        "INSERT INTO users (name, password_hash, is_active, is_staff, is_superuser, permissions, created_at, updated_at) "
        "VALUES ('nobody', 'x', {true}, {false}, {false}, '[]', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
    ),
    # A variant may never hold more reserved than on hand (overselling).
    "variants_stock_covers_reserved": (
        "INSERT INTO products (id, slug, title, description, status, attributes, images, min_price_minor, "
        "max_price_minor, sales_count, search_title, search_body, created_at, updated_at) VALUES (1, 'p', 'P', '', "
        "'ACTIVE', '[]', '[]', 0, 0, 0, '', '', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);"
        "INSERT INTO variants (product_id, sku, title, options, price_minor, on_hand, reserved, position, created_at, "
        "updated_at) VALUES (1, 's', 'S', '[]', 100, 1, 2, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
    ),
    "variants_prices_not_negative": (
        "INSERT INTO products (id, slug, title, description, status, attributes, images, min_price_minor, "
        "max_price_minor, sales_count, search_title, search_body, created_at, updated_at) VALUES (1, 'p', 'P', '', "
        "'ACTIVE', '[]', '[]', 0, 0, 0, '', '', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);"
        "INSERT INTO variants (product_id, sku, title, options, price_minor, on_hand, reserved, position, created_at, "
        "updated_at) VALUES (1, 's', 'S', '[]', -1, 0, 0, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
    ),
    # A cart belongs to a customer or to a guest token, never to both or neither.
    "carts_one_owner": "INSERT INTO carts (token_hash, created_at, updated_at) VALUES (NULL, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
    "cart_lines_quantity_positive": (
        "INSERT INTO products (id, slug, title, description, status, attributes, images, min_price_minor, "
        "max_price_minor, sales_count, search_title, search_body, created_at, updated_at) VALUES (1, 'p', 'P', '', "
        "'ACTIVE', '[]', '[]', 0, 0, 0, '', '', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);"
        "INSERT INTO variants (id, product_id, sku, title, options, price_minor, on_hand, reserved, position, created_at, "
        "updated_at) VALUES (1, 1, 's', 'S', '[]', 100, 1, 0, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);"
        "INSERT INTO carts (id, token_hash, created_at, updated_at) VALUES (1, 'h', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);"
        "INSERT INTO cart_lines (cart_id, variant_id, quantity, selected, created_at) "
        "VALUES (1, 1, 0, {true}, CURRENT_TIMESTAMP)"
    ),
    # An order's payment parts always add up to its total (no fen made or lost).
    "orders_amounts_add_up": (
        "INSERT INTO users (id, email, name, password_hash, is_active, is_staff, is_superuser, permissions, created_at, "
        "updated_at) VALUES (1, 'a@example.com', 'A', 'x', {true}, {false}, {false}, '[]', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);"
        "INSERT INTO orders (id, number, user_id, status, refund_status, currency, subtotal_minor, shipping_minor, "
        "voucher_discount_minor, points_used, points_discount_minor, total_minor, rebate_credit_used_minor, "
        "balance_used_minor, external_due_minor, address, note, expires_at, created_at, updated_at) VALUES (1, 'N1', 1, "
        "'PENDING_PAYMENT', 'NONE', 'CNY', 100, 0, 0, 0, 0, 100, 0, 0, 50, '{{}}', '', CURRENT_TIMESTAMP, "
        "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
    ),
    # A line's total is its unit price times its quantity, split exactly into its payment parts.
    "order_lines_amounts_add_up": (
        "INSERT INTO users (id, email, name, password_hash, is_active, is_staff, is_superuser, permissions, created_at, "
        "updated_at) VALUES (1, 'a@example.com', 'A', 'x', {true}, {false}, {false}, '[]', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);"
        "INSERT INTO orders (id, number, user_id, status, refund_status, currency, subtotal_minor, shipping_minor, "
        "voucher_discount_minor, points_used, points_discount_minor, total_minor, rebate_credit_used_minor, "
        "balance_used_minor, external_due_minor, address, note, expires_at, created_at, updated_at) VALUES (1, 'N1', 1, "
        "'PENDING_PAYMENT', 'NONE', 'CNY', 100, 0, 0, 0, 0, 100, 0, 0, 100, '{{}}', '', CURRENT_TIMESTAMP, "
        "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);"
        "INSERT INTO order_lines (order_id, position, variant_id, product_id, title, variant_title, sku, options, "
        "unit_price_minor, quantity, total_minor, voucher_minor, points_minor, rebate_credit_minor, balance_minor, "
        "external_minor, rebate_basis_minor) VALUES (1, 0, 1, 1, 'T', 'V', 'S', '[]', 100, 0, 0, 0, 0, 0, 0, 0, 0)"
    ),
    "payments_amount_positive": (
        "INSERT INTO users (id, email, name, password_hash, is_active, is_staff, is_superuser, permissions, created_at, "
        "updated_at) VALUES (1, 'a@example.com', 'A', 'x', {true}, {false}, {false}, '[]', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);"
        "INSERT INTO orders (id, number, user_id, status, refund_status, currency, subtotal_minor, shipping_minor, "
        "voucher_discount_minor, points_used, points_discount_minor, total_minor, rebate_credit_used_minor, "
        "balance_used_minor, external_due_minor, address, note, expires_at, created_at, updated_at) VALUES (1, 'N1', 1, "
        "'PENDING_PAYMENT', 'NONE', 'CNY', 100, 0, 0, 0, 0, 100, 0, 0, 100, '{{}}', '', CURRENT_TIMESTAMP, "
        "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);"
        "INSERT INTO payments (order_id, provider, channel, trade_number, amount_minor, currency, status, expires_at, "
        "created_at, updated_at) VALUES (1, 'SANDBOX', 'NATIVE', 'T1', 0, 'CNY', 'PENDING', CURRENT_TIMESTAMP, "
        "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
    ),
    "refunds_amount_positive": (
        "INSERT INTO users (id, email, name, password_hash, is_active, is_staff, is_superuser, permissions, created_at, "
        "updated_at) VALUES (1, 'a@example.com', 'A', 'x', {true}, {false}, {false}, '[]', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);"
        "INSERT INTO orders (id, number, user_id, status, refund_status, currency, subtotal_minor, shipping_minor, "
        "voucher_discount_minor, points_used, points_discount_minor, total_minor, rebate_credit_used_minor, "
        "balance_used_minor, external_due_minor, address, note, expires_at, created_at, updated_at) VALUES (1, 'N1', 1, "
        "'PAID', 'NONE', 'CNY', 100, 0, 0, 0, 0, 100, 0, 0, 100, '{{}}', '', CURRENT_TIMESTAMP, "
        "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);"
        "INSERT INTO refunds (order_id, refund_number, channel, amount_minor, currency, status, reason, created_at, "
        "updated_at) VALUES (1, 'RC1', 'EXTERNAL', 0, 'CNY', 'PENDING', '', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
    ),
    "after_sales_refund_not_negative": (
        "INSERT INTO users (id, email, name, password_hash, is_active, is_staff, is_superuser, permissions, created_at, "
        "updated_at) VALUES (1, 'a@example.com', 'A', 'x', {true}, {false}, {false}, '[]', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);"
        "INSERT INTO orders (id, number, user_id, status, refund_status, currency, subtotal_minor, shipping_minor, "
        "voucher_discount_minor, points_used, points_discount_minor, total_minor, rebate_credit_used_minor, "
        "balance_used_minor, external_due_minor, address, note, expires_at, created_at, updated_at) VALUES (1, 'N1', 1, "
        "'PAID', 'NONE', 'CNY', 100, 0, 0, 0, 0, 100, 0, 0, 100, '{{}}', '', CURRENT_TIMESTAMP, "
        "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);"
        "INSERT INTO after_sales (order_id, customer_id, kind, status, reason, images, refund_minor, currency, note, "
        "created_at, updated_at) VALUES (1, 1, 'REFUND_ONLY', 'REQUESTED', '', '[]', -1, 'CNY', '', CURRENT_TIMESTAMP, "
        "CURRENT_TIMESTAMP)"
    ),
    "after_sale_lines_quantity_positive": (
        "INSERT INTO users (id, email, name, password_hash, is_active, is_staff, is_superuser, permissions, created_at, "
        "updated_at) VALUES (1, 'a@example.com', 'A', 'x', {true}, {false}, {false}, '[]', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);"
        "INSERT INTO orders (id, number, user_id, status, refund_status, currency, subtotal_minor, shipping_minor, "
        "voucher_discount_minor, points_used, points_discount_minor, total_minor, rebate_credit_used_minor, "
        "balance_used_minor, external_due_minor, address, note, expires_at, created_at, updated_at) VALUES (1, 'N1', 1, "
        "'PAID', 'NONE', 'CNY', 100, 0, 0, 0, 0, 100, 0, 0, 100, '{{}}', '', CURRENT_TIMESTAMP, "
        "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);"
        "INSERT INTO order_lines (id, order_id, position, variant_id, product_id, title, variant_title, sku, options, "
        "unit_price_minor, quantity, total_minor, voucher_minor, points_minor, rebate_credit_minor, balance_minor, "
        "external_minor, rebate_basis_minor) VALUES (1, 1, 0, 1, 1, 'T', 'V', 'S', '[]', 100, 1, 100, 0, 0, 0, 0, 100, 0);"
        "INSERT INTO after_sales (id, order_id, customer_id, kind, status, reason, images, refund_minor, currency, note, "
        "created_at, updated_at) VALUES (1, 1, 1, 'REFUND_ONLY', 'REQUESTED', '', '[]', 0, 'CNY', '', CURRENT_TIMESTAMP, "
        "CURRENT_TIMESTAMP);"
        "INSERT INTO after_sale_lines (after_sale_id, order_line_id, quantity, refund_minor) VALUES (1, 1, 0, 0)"
    ),
    # A voucher is worth something, and asks for no negative spend.
    "vouchers_amounts_valid": (
        "INSERT INTO users (id, email, name, password_hash, is_active, is_staff, is_superuser, permissions, created_at, "
        "updated_at) VALUES (1, 'a@example.com', 'A', 'x', {true}, {false}, {false}, '[]', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);"
        "INSERT INTO vouchers (code, customer_id, value_minor, min_spend_minor, valid_from, valid_until, scope_kind, "
        "scope_ids, status, created_at, updated_at) VALUES ('V1', 1, 0, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'ALL', "
        "'[]', 'AVAILABLE', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
    ),
    # A customer's wallet never goes below zero, whatever code writes to it (DESIGN §3.5): a raw UPDATE
    # keeping the cached totals consistent is still refused.
    "ledger_accounts_customer_not_negative": (
        "INSERT INTO users (id, email, name, password_hash, is_active, is_staff, is_superuser, permissions, created_at, "
        "updated_at) VALUES (1, 'a@example.com', 'A', 'x', {true}, {false}, {false}, '[]', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);"
        "INSERT INTO ledger_accounts (id, account_key, customer_id, code, unit, balance_minor, debit_minor, credit_minor, "
        "created_at) VALUES (1, 'customer:1:BALANCE', 1, 'BALANCE', 'MONEY', 100, 0, 100, CURRENT_TIMESTAMP);"
        "UPDATE ledger_accounts SET balance_minor = -1, debit_minor = 101 WHERE id = 1"
    ),
    "ledger_accounts_totals_add_up": (
        "INSERT INTO ledger_accounts (account_key, code, unit, balance_minor, debit_minor, credit_minor, created_at) "
        "VALUES ('system:ADJUSTMENTS', 'ADJUSTMENTS', 'MONEY', -5, 0, 0, CURRENT_TIMESTAMP)"
    ),
    "ledger_postings_amount_not_zero": (
        "INSERT INTO ledger_accounts (id, account_key, code, unit, balance_minor, debit_minor, credit_minor, created_at) "
        "VALUES (1, 'system:ADJUSTMENTS', 'ADJUSTMENTS', 'MONEY', 0, 0, 0, CURRENT_TIMESTAMP);"
        "INSERT INTO ledger_entries (id, idempotency_key, fingerprint, cause, memo, actor_kind, created_at) "
        "VALUES (1, 'k', 'f', 'ADJUSTMENT', '', 'SYSTEM', CURRENT_TIMESTAMP);"
        "INSERT INTO ledger_postings (entry_id, account_id, amount_minor, balance_after_minor) VALUES (1, 1, 0, 0)"
    ),
    "top_ups_amount_positive": (
        "INSERT INTO users (id, email, name, password_hash, is_active, is_staff, is_superuser, permissions, created_at, "
        "updated_at) VALUES (1, 'a@example.com', 'A', 'x', {true}, {false}, {false}, '[]', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);"
        "INSERT INTO top_ups (customer_id, provider, channel, trade_number, amount_minor, currency, status, "
        "request_key, request_fingerprint, expires_at, created_at, updated_at) VALUES (1, 'SANDBOX', 'APP', 'T1', 0, "
        "'CNY', 'PENDING', 'k', 'f', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
    ),
    # A withdrawal's fee and payout make up its amount, and so do the accounts it was taken from.
    "withdrawals_fee_adds_up": (
        "INSERT INTO users (id, email, name, password_hash, is_active, is_staff, is_superuser, permissions, created_at, "
        "updated_at) VALUES (1, 'a@example.com', 'A', 'x', {true}, {false}, {false}, '[]', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);"
        "INSERT INTO withdrawals (customer_id, status, amount_minor, fee_minor, payout_minor, from_balance_minor, "
        "from_rebate_credit_minor, provider, payee, request_key, request_fingerprint, payout_no, note, failure, created_at) "
        "VALUES (1, 'REQUESTED', 1000, 100, 800, 1000, 0, 'SANDBOX', 'p', 'k', 'f', 'WD1', '', '', CURRENT_TIMESTAMP)"
    ),
    "withdrawals_sources_add_up": (
        "INSERT INTO users (id, email, name, password_hash, is_active, is_staff, is_superuser, permissions, created_at, "
        "updated_at) VALUES (1, 'a@example.com', 'A', 'x', {true}, {false}, {false}, '[]', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);"
        "INSERT INTO withdrawals (customer_id, status, amount_minor, fee_minor, payout_minor, from_balance_minor, "
        "from_rebate_credit_minor, provider, payee, request_key, request_fingerprint, payout_no, note, failure, created_at) "
        "VALUES (1, 'REQUESTED', 1000, 100, 900, 600, 300, 'SANDBOX', 'p', 'k', 'f', 'WD1', '', '', CURRENT_TIMESTAMP)"
    ),
    # A lot never holds fewer than no points, nor more than it was given.
    "points_lots_remaining_within_granted": (
        "INSERT INTO users (id, email, name, password_hash, is_active, is_staff, is_superuser, permissions, created_at, "
        "updated_at) VALUES (1, 'a@example.com', 'A', 'x', {true}, {false}, {false}, '[]', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);"
        "INSERT INTO ledger_entries (id, idempotency_key, fingerprint, cause, memo, actor_kind, created_at) "
        "VALUES (1, 'k', 'f', 'ADJUSTMENT', '', 'SYSTEM', CURRENT_TIMESTAMP);"
        "INSERT INTO points_lots (id, customer_id, granted, remaining, expires_at, entry_id, cause, expiries, created_at) "
        "VALUES (1, 1, 10, 10, CURRENT_TIMESTAMP, 1, 'ADJUSTMENT', 0, CURRENT_TIMESTAMP);"
        "UPDATE points_lots SET remaining = 11 WHERE id = 1"
    ),
    "points_lot_moves_points_not_zero": (
        "INSERT INTO users (id, email, name, password_hash, is_active, is_staff, is_superuser, permissions, created_at, "
        "updated_at) VALUES (1, 'a@example.com', 'A', 'x', {true}, {false}, {false}, '[]', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);"
        "INSERT INTO ledger_entries (id, idempotency_key, fingerprint, cause, memo, actor_kind, created_at) "
        "VALUES (1, 'k', 'f', 'ADJUSTMENT', '', 'SYSTEM', CURRENT_TIMESTAMP);"
        "INSERT INTO points_lots (id, customer_id, granted, remaining, expires_at, entry_id, cause, expiries, created_at) "
        "VALUES (1, 1, 10, 10, CURRENT_TIMESTAMP, 1, 'ADJUSTMENT', 0, CURRENT_TIMESTAMP);"
        "INSERT INTO points_lot_moves (lot_id, entry_id, kind, points, created_at) "
        "VALUES (1, 1, 'SPEND', 0, CURRENT_TIMESTAMP)"
    ),
    # A rule never has more left to reserve than its budget, nor less than nothing.
    "rebate_rules_budget_remaining_within_budget": (
        _RULE_INSERT + "1, NULL, 100, 101, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
    ),
    "rebate_rules_installments_at_least_one": _RULE_INSERT + "0, NULL, NULL, NULL, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
    "rebate_rules_money_not_negative": _RULE_INSERT + "1, -1, NULL, NULL, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
    "rebate_customer_totals_not_negative": (
        "INSERT INTO rebate_customer_totals (rule_id, customer_id, earned_minor) VALUES (1, 1, -1)"
    ),
    # A refund lowers a rebate, never raises it above what payment froze.
    "rebates_amounts_not_negative": (
        _USER_INSERT + _RULE_INSERT + "1, NULL, NULL, NULL, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);" + _REBATE_INSERT
        + "101, 0)"
    ),
    "rebate_installments_amounts_not_negative": (
        _USER_INSERT + _RULE_INSERT + "1, NULL, NULL, NULL, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);" + _REBATE_INSERT
        + "100, 0);INSERT INTO rebate_installments (rebate_id, customer_id, seq, amount_minor, status, released_minor) "
        "VALUES (1, 1, 1, -1, 'SCHEDULED', 0)"
    ),
}

# Indexes aerich cannot generate, hand-written into one dialect's history.
HAND_WRITTEN_INDEXES = {"postgres": {"products_search_gin"}, "sqlite": set()}


def _probe(action: str, url: str) -> Any:
    result = subprocess.run(
        [sys.executable, "-m", "tests.services.migration_probe", action, url],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
        env={k: v for k, v in os.environ.items() if not k.startswith("MALL_")},
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def declared_checks() -> dict[str, set[str]]:
    checks: dict[str, set[str]] = {}
    for model in Tortoise.apps.get_models_iterable():
        names = {c.name for c in getattr(model._meta, "constraints", []) if hasattr(c, "check")}
        if names:
            checks[model._meta.db_table] = names
    return checks


@pytest.fixture
async def scratch(settings: Settings) -> AsyncIterator[Callable[[], Any]]:
    """Factory of empty databases of the suite's dialect: returns (url, snapshot, execute)."""
    made: list[str] = []
    directory = tempfile.mkdtemp(prefix="mall-migrations-")

    async def new() -> tuple[str, Callable[[], Any], Callable[[str], Any]]:
        name = f"mall_scratch_{uuid.uuid4().hex[:10]}"
        if settings.is_sqlite:
            path = f"{directory}/{name}.db"

            async def snapshot() -> Any:
                return sqlite_snapshot(path)

            async def execute(sql: str) -> None:
                connection = sqlite3.connect(path)
                try:
                    connection.executescript("BEGIN;" + sql.format(true=1, false=0) + ";COMMIT;")
                finally:
                    connection.close()

            return f"sqlite://{path}", snapshot, execute

        base = settings.database_url.rpartition("/")[0]
        admin = await asyncpg.connect(base.replace("postgres://", "postgresql://", 1) + "/postgres")
        await admin.execute(f'CREATE DATABASE "{name}"')
        await admin.close()
        made.append(name)
        url = f"{base}/{name}"

        async def pg_snapshot() -> Any:
            return await postgres_snapshot(url)

        async def pg_execute(sql: str) -> None:
            connection = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1))
            try:
                await connection.execute(sql.format(true="true", false="false"))
            finally:
                await connection.close()

        return url, pg_snapshot, pg_execute

    yield new
    if made:
        base = settings.database_url.rpartition("/")[0]
        admin = await asyncpg.connect(base.replace("postgres://", "postgresql://", 1) + "/postgres")
        for name in made:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


async def test_history_builds_the_models_schema_with_its_checks_and_nothing_pending(scratch):
    migrated_url, migrated_snapshot, execute = await scratch()
    modelled_url, modelled_snapshot, _ = await scratch()

    applied = await asyncio.to_thread(_probe, "upgrade", migrated_url)
    await asyncio.to_thread(_probe, "generate", modelled_url)

    assert applied, "the history applied no migration to an empty database"
    assert await asyncio.to_thread(_probe, "unapplied", migrated_url) == []
    assert await asyncio.to_thread(_probe, "pending", migrated_url) == [], "run aerich migrate: models changed"
    migrated, modelled = await migrated_snapshot(), await modelled_snapshot()
    dialect = "sqlite" if migrated_url.startswith("sqlite") else "postgres"
    assert migrated.pop("_expression_indexes", set()) == HAND_WRITTEN_INDEXES[dialect]
    modelled.pop("_expression_indexes", None)
    checks = declared_checks()
    for table, schema in migrated.items():
        assert schema["checks"] == checks.get(table, set()), f"CHECK constraints of {table}"
        schema["checks"] = set()
    assert migrated == modelled


async def test_every_declared_check_is_enforced_by_the_migrated_database(scratch):
    url, _, execute = await scratch()
    await asyncio.to_thread(_probe, "upgrade", url)
    declared = {name for names in declared_checks().values() for name in names}

    assert declared == set(VIOLATIONS), "add a violating statement for each CHECK constraint"
    for name, statement in VIOLATIONS.items():
        with pytest.raises((sqlite3.IntegrityError, asyncpg.CheckViolationError), match=name):
            await execute(statement)
