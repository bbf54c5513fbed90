"""Catalog failures.

    DomainError
    └── StockBelowReserved      STOCK_BELOW_RESERVED  an adjustment would leave less on hand than is reserved

Duplicate slugs and SKUs are ``core.errors.Duplicate``; unknown ids ``NotFound``.
"""

from __future__ import annotations

from mall.core.errors import DomainError, ErrorCode


class StockBelowReserved(DomainError):
    code = ErrorCode.STOCK_BELOW_RESERVED
