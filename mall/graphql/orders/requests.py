"""OrderCreateInput as the order service's request (ids decoded; bad ones are userErrors)."""

from __future__ import annotations

from mall.core.errors import ErrorCode, InvalidInput, Problem
from mall.graphql.orders.inputs import OrderCreateInput
from mall.graphql.relay import decode_id
from mall.orders.checkout_input import Invoice, OrderRequest
from mall.orders.models import InvoiceKind

MAX_VOUCHERS = 20


def order_request(given: OrderCreateInput) -> OrderRequest:
    if len(given.voucher_ids) > MAX_VOUCHERS:
        raise InvalidInput([Problem(ErrorCode.LIMIT_EXCEEDED, f"At most {MAX_VOUCHERS} vouchers.", ("voucherIds",))])
    invoice = given.invoice
    return OrderRequest(
        lines=(),
        address_id=decode_id(given.address_id, "Address", field="addressId"),
        invoice=None if invoice is None else Invoice(InvoiceKind(invoice.kind.value), invoice.title, invoice.tax_id),
        note=given.note,
        voucher_ids=tuple(
            decode_id(voucher, "Voucher", field="voucherIds") for voucher in given.voucher_ids
        ),
        points_to_use=given.points_to_use,
        use_wallet_funds=given.use_wallet_funds,
    )
