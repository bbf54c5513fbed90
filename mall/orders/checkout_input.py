"""What a customer asks to order, checked: lines, invoice request, note, vouchers chosen once, points not negative.

Pure checks (no database); each problem carries its field path in the input.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from mall.core.errors import ErrorCode, Problem
from mall.orders.models import InvoiceKind

MAX_LINES = 100
MAX_QUANTITY = 9_999
MAX_NOTE = 500
MAX_VOUCHERS = 10  # no real order stacks more; bounds the work one request can ask for
MAX_INVOICE_TITLE = 100
# 统一社会信用代码 is 18 characters; older taxpayer ids run 15 to 20.
_TAX_ID = re.compile(r"[0-9A-Z]{15,20}")


@dataclass(frozen=True, slots=True)
class Invoice:
    """An invoice request (发票): a personal or company title, and the company's tax id."""

    kind: InvoiceKind
    title: str
    tax_id: str | None = None


@dataclass(frozen=True, slots=True)
class OrderRequest:
    """An order as asked for; lines are (variant id, quantity)."""

    lines: tuple[tuple[int, int], ...]
    address_id: int
    invoice: Invoice | None = None
    note: str = ""
    voucher_ids: tuple[int, ...] = ()
    points_to_use: int = 0
    use_wallet_funds: bool = False

    def payload(self) -> dict[str, Any]:
        """The request as plain values, for its idempotency fingerprint."""
        invoice = self.invoice
        return {
            "lines": [list(line) for line in self.lines], "addressId": self.address_id,
            "invoice": None if invoice is None else {"kind": invoice.kind.value, "title": invoice.title, "taxId": invoice.tax_id},
            "note": self.note, "voucherIds": list(self.voucher_ids), "pointsToUse": self.points_to_use,
            "useWalletFunds": self.use_wallet_funds,
        }


def check_request(request: OrderRequest) -> list[Problem]:
    """Every problem of the request that needs no database, in input order."""
    problems = _line_problems(request.lines)
    if request.invoice is not None:
        problems += _invoice_problems(request.invoice)
    if len(request.note) > MAX_NOTE:
        problems.append(Problem(ErrorCode.INVALID, f"A note is at most {MAX_NOTE} characters.", ("note",)))
    if len(request.voucher_ids) > MAX_VOUCHERS:
        problems.append(Problem(ErrorCode.LIMIT_EXCEEDED, f"An order takes at most {MAX_VOUCHERS} vouchers.",
                                ("voucherIds",)))
    elif len(set(request.voucher_ids)) != len(request.voucher_ids):
        problems.append(Problem(ErrorCode.DUPLICATE, "A voucher is chosen once.", ("voucherIds",)))
    # How many the order may use, and whether the customer holds them, needs the prices and lots: creation checks.
    if request.points_to_use < 0:
        problems.append(Problem(ErrorCode.INVALID, "Points to use cannot be negative.", ("pointsToUse",)))
    return problems


def _line_problems(lines: Sequence[tuple[int, int]]) -> list[Problem]:
    if len(lines) > MAX_LINES:
        return [Problem(ErrorCode.LIMIT_EXCEEDED, f"An order has at most {MAX_LINES} lines.", ("lines",))]
    problems = []
    seen: set[int] = set()
    for index, (variant_id, quantity) in enumerate(lines):
        where = ("lines", str(index))
        if variant_id in seen:
            problems.append(Problem(ErrorCode.DUPLICATE, "This variant is already on another line.", (*where, "variantId")))
        seen.add(variant_id)
        if not 1 <= quantity <= MAX_QUANTITY:
            problems.append(Problem(ErrorCode.INVALID, f"A quantity is between 1 and {MAX_QUANTITY}.", (*where, "quantity")))
    return problems


def _invoice_problems(invoice: Invoice) -> list[Problem]:
    problems = []
    title = invoice.title.strip()
    if not title or len(title) > MAX_INVOICE_TITLE:
        problems.append(Problem(
            ErrorCode.INVALID, f"An invoice title is 1 to {MAX_INVOICE_TITLE} characters.", ("invoice", "title")
        ))
    if invoice.kind is InvoiceKind.COMPANY and not _TAX_ID.fullmatch(invoice.tax_id or ""):
        problems.append(Problem(
            ErrorCode.INVALID, "A company invoice needs its tax id: 15 to 20 digits or capital letters.",
            ("invoice", "taxId"),
        ))
    if invoice.kind is InvoiceKind.PERSONAL and invoice.tax_id:
        problems.append(Problem(ErrorCode.INVALID, "A personal invoice has no tax id.", ("invoice", "taxId")))
    return problems
