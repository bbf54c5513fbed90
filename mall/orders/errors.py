"""Order failures.

    DomainError
    ├── InvalidState            INVALID_STATE       the order or after-sale is not in a state that allows this
    ├── OrderTooLarge           LIMIT_EXCEEDED      the amounts would not fit a BIGINT of fen
    ├── InsufficientStock       INSUFFICIENT_STOCK  a line asks for more than can be bought now
    ├── Unavailable             UNAVAILABLE         a line's product is not on sale
    ├── CartEmpty               CART_EMPTY          nothing to order
    ├── TooManyUnpaidOrders     UNPAID_ORDERS_EXCEEDED     the customer holds MALL_ORDER_UNPAID_MAX unpaid orders
    └── TooManyPaymentAttempts  PAYMENT_ATTEMPTS_EXCEEDED  the order had MALL_ORDER_PAY_ATTEMPTS_MAX attempts
"""

from __future__ import annotations

from mall.core.errors import DomainError, ErrorCode


class InvalidState(DomainError):
    """The move is not allowed from the current state, or not for this actor."""

    code = ErrorCode.INVALID_STATE


class OrderTooLarge(DomainError):
    """The order's amounts would not fit the money columns (a BIGINT of fen)."""

    code = ErrorCode.LIMIT_EXCEEDED


class InsufficientStock(DomainError):
    """A line asks for more than is available (on hand minus reserved)."""

    code = ErrorCode.INSUFFICIENT_STOCK


class Unavailable(DomainError):
    """A line's product is not on sale (draft or archived)."""

    code = ErrorCode.UNAVAILABLE


class CartEmpty(DomainError):
    """There is nothing to order."""

    code = ErrorCode.CART_EMPTY


class TooManyUnpaidOrders(DomainError):
    """The customer already holds as many unpaid orders as one may (each holds stock)."""

    code = ErrorCode.UNPAID_ORDERS_EXCEEDED


class TooManyPaymentAttempts(DomainError):
    """The order has had as many payment attempts as one may."""

    code = ErrorCode.PAYMENT_ATTEMPTS_EXCEEDED
