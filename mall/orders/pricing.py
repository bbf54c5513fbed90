"""What an order costs and how each fen of it is paid (DESIGN §3.0, §3.4, §3.5, §3.6).

Order of payment (§3.0): vouchers, then points, then rebate credit, then
stored balance, then external payment. Readings this module makes:

- Shipping is a flat fee, free when the goods subtotal (list prices times
  quantities, before any discount) reaches the threshold: the customer sees
  the threshold against the prices in the cart.
- Vouchers and points pay for goods only, never shipping. Each voucher, in
  the order chosen, pays only for the lines it covers, at most what the
  vouchers before it left of them, split over those lines by what is left
  of each: a voucher for one product never pays for another line.
- Points pay at most ``max_share`` of the goods still due after vouchers
  ("up to MALL_POINTS_MAX_SHARE of an order", §3.5: the part of the order
  points may pay for, once vouchers have come off). The cap is rounded down
  once, in fen, then to whole points.
- Rebate credit, then balance (when the customer uses wallet funds), then
  the external payment pay the rest, shipping included. Within that sequence
  goods are paid before shipping, so shipping falls on the last channel that
  pays: rebate credit goes to goods first, which keeps the rebate basis from
  counting value paid with rebates (§3.6: never rebated on rebates).

Every other order-level part is split over the lines by the largest-remainder
method, one part after another in the order of payment, each in proportion
to what is still unpaid on each line: no line's part ever exceeds what is
left of it, and whatever is left after balance is the line's external part.
A line's rebate basis is its total minus its vouchers, points and rebate
credit, i.e. what the customer paid for it with money of their own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from mall.core.money import MAX_MINOR, MINOR_PER_MAJOR, allocate
from mall.orders.errors import OrderTooLarge


@dataclass(frozen=True, slots=True)
class OrderLine:
    """A line to price: the catalog's current unit price (never the client's) and a quantity."""

    variant_id: int
    unit_price_minor: int
    quantity: int

    def __post_init__(self) -> None:
        _require_non_negative(unit_price_minor=self.unit_price_minor)
        if self.quantity < 1:
            raise ValueError(f"quantity must be at least 1, not {self.quantity}")


@dataclass(frozen=True, slots=True)
class ShippingRule:
    """A flat fee, waived when the goods subtotal is at least ``free_from_minor`` (``None``: never)."""

    flat_fee_minor: int
    free_from_minor: int | None = None

    def __post_init__(self) -> None:
        _require_non_negative(flat_fee_minor=self.flat_fee_minor, free_from_minor=self.free_from_minor or 0)

    def fee_for(self, subtotal_minor: int) -> int:
        """The shipping fee of an order whose goods cost ``subtotal_minor``."""
        if self.free_from_minor is not None and subtotal_minor >= self.free_from_minor:
            return 0
        return self.flat_fee_minor


@dataclass(frozen=True, slots=True)
class PointsRule:
    """What a point is worth (``per_yuan`` points make one yuan) and how much of an order points may pay."""

    per_yuan: int
    max_share: Decimal

    def __post_init__(self) -> None:
        if self.per_yuan < 1 or MINOR_PER_MAJOR % self.per_yuan:
            # DESIGN §3.0: one point is worth a whole number of fen.
            raise ValueError(f"per_yuan must divide {MINOR_PER_MAJOR}, not be {self.per_yuan}")
        if not Decimal(0) <= self.max_share <= Decimal(1):
            raise ValueError(f"max_share must be between 0 and 1, not {self.max_share}")

    @property
    def minor_per_point(self) -> int:
        return MINOR_PER_MAJOR // self.per_yuan

    def max_points_for(self, payable_minor: int) -> int:
        """The most points that may pay towards ``payable_minor`` of goods."""
        cap_minor = int(payable_minor * Fraction(self.max_share))  # floor: both are non-negative
        return cap_minor // self.minor_per_point


@dataclass(frozen=True, slots=True)
class VoucherUse:
    """A chosen voucher: its value, and which of the order's lines it covers (``None``: all)."""

    value_minor: int
    covers: tuple[bool, ...] | None = None

    def __post_init__(self) -> None:
        _require_non_negative(value_minor=self.value_minor)


@dataclass(frozen=True, slots=True)
class WalletFunds:
    """What the customer's wallet can pay, when they chose to use wallet funds."""

    rebate_credit_minor: int
    balance_minor: int

    def __post_init__(self) -> None:
        _require_non_negative(rebate_credit_minor=self.rebate_credit_minor, balance_minor=self.balance_minor)


@dataclass(frozen=True, slots=True)
class PaymentParts:
    """One amount split by the channel that pays it, in the order of payment."""

    voucher_minor: int
    points_minor: int
    rebate_credit_minor: int
    balance_minor: int
    external_minor: int

    @property
    def total_minor(self) -> int:
        paid_by_wallet = self.rebate_credit_minor + self.balance_minor
        return self.voucher_minor + self.points_minor + paid_by_wallet + self.external_minor


@dataclass(frozen=True, slots=True)
class LinePrice:
    """A priced line: its total, who pays which part of it, and the basis its rebates are computed on."""

    variant_id: int
    unit_price_minor: int
    quantity: int
    total_minor: int
    parts: PaymentParts

    @property
    def rebate_basis_minor(self) -> int:
        """The line total minus its vouchers, points and rebate credit (DESIGN §3.6)."""
        return self.total_minor - self.parts.voucher_minor - self.parts.points_minor - self.parts.rebate_credit_minor


@dataclass(frozen=True, slots=True)
class OrderPrice:
    """What an order costs and how it is paid, with every order-level part split over its lines."""

    subtotal_minor: int
    shipping_minor: int
    voucher_discount_minor: int
    max_points: int  # the most points this order may use, whatever the customer holds
    points_used: int
    points_discount_minor: int
    total_minor: int
    voucher_takes_minor: tuple[int, ...]  # what each voucher took, in the order given
    rebate_credit_used_minor: int
    balance_used_minor: int
    external_due_minor: int
    lines: tuple[LinePrice, ...]
    shipping_parts: PaymentParts

    @property
    def wallet_due_minor(self) -> int:
        """What the wallet pays at ``orderPay``: rebate credit and balance."""
        return self.rebate_credit_used_minor + self.balance_used_minor


def price_order(
    lines: Sequence[OrderLine],
    *,
    shipping: ShippingRule,
    points_rule: PointsRule,
    vouchers: Sequence[VoucherUse] = (),
    points: int = 0,
    wallet: WalletFunds | None = None,
) -> OrderPrice:
    """Price ``lines`` and split the payment in the order of DESIGN §3.0.

    ``vouchers`` are the chosen vouchers in the order they apply;
    ``points`` the points the customer offers (at most what they
    hold: the wallet checks), of which as many are used as the cap allows;
    ``wallet`` the funds available when the customer uses wallet funds,
    ``None`` otherwise. Raises ``OrderTooLarge`` when an amount would not fit
    a BIGINT of fen; ``ValueError`` for arguments no caller should pass.
    """
    if not lines:
        raise ValueError("an order needs at least one line")
    _require_non_negative(points=points)
    line_totals = [line.unit_price_minor * line.quantity for line in lines]
    subtotal = sum(line_totals)
    shipping_fee = shipping.fee_for(subtotal)
    if subtotal + shipping_fee > MAX_MINOR:
        raise OrderTooLarge("The order total is too large.")

    voucher_parts, takes = _split_vouchers(line_totals, vouchers)
    voucher = sum(takes)
    max_points = _max_points(line_totals, voucher_parts, points_rule)
    points_used = min(points, max_points)
    points_discount = points_used * points_rule.minor_per_point
    goods_due = subtotal - voucher - points_discount
    total = goods_due + shipping_fee

    funds = wallet or WalletFunds(rebate_credit_minor=0, balance_minor=0)
    rebate_credit = min(funds.rebate_credit_minor, total)
    balance = min(funds.balance_minor, total - rebate_credit)
    # Goods before shipping within each channel's turn: see the module docstring.
    rebate_credit_on_goods = min(rebate_credit, goods_due)
    balance_on_goods = min(balance, goods_due - rebate_credit_on_goods)
    external_on_goods = goods_due - rebate_credit_on_goods - balance_on_goods
    external = total - rebate_credit - balance

    grain = points_rule.minor_per_point
    per_line = _split_over_lines(line_totals, voucher_parts,
                                 [(points_discount, grain), (rebate_credit_on_goods, 1), (balance_on_goods, 1)])
    priced = tuple(
        LinePrice(
            variant_id=line.variant_id,
            unit_price_minor=line.unit_price_minor,
            quantity=line.quantity,
            total_minor=line_total,
            parts=PaymentParts(*parts),
        )
        for line, line_total, parts in zip(lines, line_totals, per_line, strict=True)
    )
    return OrderPrice(
        subtotal_minor=subtotal,
        shipping_minor=shipping_fee,
        voucher_discount_minor=voucher,
        max_points=max_points,
        points_used=points_used,
        points_discount_minor=points_discount,
        total_minor=total,
        voucher_takes_minor=takes,
        rebate_credit_used_minor=rebate_credit,
        balance_used_minor=balance,
        external_due_minor=external,
        lines=priced,
        shipping_parts=PaymentParts(
            voucher_minor=0,
            points_minor=0,
            rebate_credit_minor=rebate_credit - rebate_credit_on_goods,
            balance_minor=balance - balance_on_goods,
            external_minor=external - external_on_goods,
        ),
    )


def _split_vouchers(line_totals: list[int], vouchers: Sequence[VoucherUse]) -> tuple[list[int], tuple[int, ...]]:
    """Each voucher in turn over the lines it covers, by what the vouchers before it left of each.

    Returns the vouchers' part of each line and what each voucher took.
    """
    left = list(line_totals)
    takes = []
    for use in vouchers:
        if use.covers is not None and len(use.covers) != len(line_totals):
            raise ValueError(f"a voucher covers {len(use.covers)} lines of {len(line_totals)}")
        covered = [index for index in range(len(left)) if use.covers is None or use.covers[index]]
        take = min(use.value_minor, sum(left[index] for index in covered))
        if take:
            for index, share in zip(covered, allocate(take, [left[index] for index in covered]), strict=True):
                left[index] -= share
        takes.append(take)
    return [total - rest for total, rest in zip(line_totals, left, strict=True)], tuple(takes)


def _max_points(line_totals: list[int], voucher_parts: list[int], rule: PointsRule) -> int:
    """The share cap on the goods after vouchers, and no more than the lines can take in whole points."""
    after_vouchers = [total - part for total, part in zip(line_totals, voucher_parts, strict=True)]
    room = sum(left // rule.minor_per_point for left in after_vouchers)
    return min(rule.max_points_for(sum(after_vouchers)), room)


def _split_over_lines(line_totals: list[int], voucher_parts: list[int],
                      amounts: list[tuple[int, int]]) -> list[list[int]]:
    """After the vouchers' parts, each (amount, grain) over the lines in turn, by what is still unpaid on
    each; the rest of each line comes last.

    An amount is split in whole grains (the points in whole points: ``grain``
    fen each), weighted by how many whole grains each line still has unpaid,
    so no line's share exceeds what is left of it.
    """
    unpaid = [total - part for total, part in zip(line_totals, voucher_parts, strict=True)]
    per_line: list[list[int]] = [[part] for part in voucher_parts]
    for amount, grain in amounts:
        assert amount % grain == 0, f"{amount} is not a whole number of {grain}-fen grains"
        weights = [left // grain for left in unpaid]
        shares = [share * grain for share in allocate(amount // grain, weights)]
        for index, share in enumerate(shares):
            per_line[index].append(share)
            unpaid[index] -= share
    for index, rest in enumerate(unpaid):
        per_line[index].append(rest)
    return per_line


def _require_non_negative(**values: int) -> None:
    for name, value in values.items():
        if value < 0:
            raise ValueError(f"{name} must not be negative, not {value}")
