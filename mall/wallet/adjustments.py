"""walletAdjust: staff move value into or out of a customer's wallet, audited (DESIGN §3.5, §3.8).

The other side of every adjustment is the adjustments account of its unit
(ADJUSTMENTS for money, POINTS_ADJUSTMENTS for points). Each adjustment is
first an audit record (action ``wallet.adjust``, target ``User:<id>``, the
asset and amount), and the entry names that record as its cause: a
positive BALANCE adjustment becomes withdrawable stored value, and the
withdrawable-balance rule counts it by that record. The reason is
required; it goes into the audit record and is the entry's memo, which the
customer sees on their statement. Points go through their lots
(``wallet.points``): a positive adjustment is a new lot, a negative one is
spent from the earliest-expiring lots.

Idempotent twice over: the request's key goes through ``infra.idempotency``
(the same key and input answer the first result; other input,
IDEMPOTENCY_MISMATCH; while the first still runs, IDEMPOTENCY_IN_PROGRESS),
and the ledger entry's own key, ``walletAdjust:<staff id>:<key>``, outlives
the request key's 24 hours: a late retry still posts nothing new.
"""

from __future__ import annotations

from decimal import Decimal

from mall.accounts import acting, customers
from mall.audit import services as audit
from mall.core import text
from mall.core.actors import Actor, Permission
from mall.core.errors import ErrorCode, InvalidInput, Problem
from mall.core.idempotency import request_fingerprint
from mall.core.money import MoneyFormatError
from mall.infra import idempotency
from mall.infra.transactions import transaction
from mall.wallet import ledger, points, statements
from mall.wallet.chart import MAX_AMOUNT, AccountRef, Asset, SystemCode, Unit, format_amount, parse_amount
from mall.wallet.journal import MAX_MEMO_LENGTH, Cause, Leg, transfer
from mall.wallet.statements import StatementLine

OPERATION = "walletAdjust"
ADJUSTABLE = (Asset.BALANCE, Asset.REBATE_CREDIT, Asset.POINTS)
_COUNTERPART = {Unit.MONEY: SystemCode.ADJUSTMENTS, Unit.POINTS: SystemCode.POINTS_ADJUSTMENTS}


async def wallet_adjust(
    actor: Actor, *, customer_id: int, asset: Asset, amount: Decimal, reason: str, idempotency_key: str
) -> StatementLine:
    """Add ``amount`` (signed, in the asset's unit: yuan or points) to a customer's asset; their statement line."""
    actor.require(Permission.MANAGE_FINANCE)
    staff_id = actor.require_user()
    units, reason = _check(asset, amount, reason, idempotency_key)
    fingerprint = request_fingerprint(
        OPERATION, {"customerId": customer_id, "asset": asset, "amount": amount, "reason": reason}
    )

    async def work() -> StatementLine:
        async with transaction():
            staff = await acting.require(actor, Permission.MANAGE_FINANCE)
            await customers.require_customer(customer_id)
            wallet = AccountRef.customer(customer_id, asset)
            legs = transfer(AccountRef.system(_COUNTERPART[asset.unit]), wallet, units)
            key = f"{OPERATION}:{staff_id}:{idempotency_key}"
            earlier = await ledger.find(key)
            if earlier is not None:  # posted long ago, its request key since expired
                if {(leg.account, leg.amount) for leg in earlier.legs} != {(leg.account, leg.amount) for leg in legs}:
                    raise idempotency.IdempotencyMismatch(
                        "This idempotency key was used with a different request.", field="idempotencyKey")
                return await _line(earlier.leg(wallet).posting_id)
            # The audit record is the adjustment's cause: the entry names it (cause id).
            record = await audit.record(staff, action="wallet.adjust", target=f"User:{customer_id}", reason=reason,
                                        new={"asset": asset.value, "amount": str(format_amount(units, asset.unit))})
            posted = await _post(staff, customer_id, asset, units, key=key, record_id=record.id, reason=reason, legs=legs)
            return await _line(posted.leg(wallet).posting_id)

    return await idempotency.once(
        user_id=staff_id, operation=OPERATION, key=idempotency_key, fingerprint=fingerprint, work=work,
        remember=lambda line: {"postingId": line.id}, recall=lambda stored: _line(int(stored["postingId"])),
    )


async def _post(
    staff: Actor, customer_id: int, asset: Asset, units: int, *, key: str, record_id: int, reason: str, legs: tuple[Leg, Leg]
) -> ledger.Posted:
    """Money straight through the ledger; points through their lots (a new lot, or spent earliest-expiring first)."""
    if asset is not Asset.POINTS:
        return await ledger.post(key=key, cause=Cause.ADJUSTMENT, cause_id=record_id, actor=staff, memo=reason, legs=legs)
    if units > 0:
        return await points.credit(staff, customer_id=customer_id, points=units, key=key, cause=Cause.ADJUSTMENT,
                                   cause_id=record_id, source=SystemCode.POINTS_ADJUSTMENTS, memo=reason)
    return await points.spend(staff, customer_id=customer_id, points=-units, key=key, cause=Cause.ADJUSTMENT,
                              cause_id=record_id, destination=SystemCode.POINTS_ADJUSTMENTS, memo=reason)


def _check(asset: Asset, amount: Decimal, reason: str, key: str) -> tuple[int, str]:
    """The amount in the asset's integers and the cleaned reason; every problem with the input at once."""
    problems: list[Problem] = []
    units = 0
    if asset not in ADJUSTABLE:
        problems.append(Problem(ErrorCode.INVALID, "Adjust BALANCE, REBATE_CREDIT or POINTS; HELD moves only with "
                                "what it is held for.", ("asset",)))
    try:
        units = parse_amount(amount, Asset(asset).unit)
    except MoneyFormatError as exc:
        problems.append(Problem(ErrorCode.INVALID, f"Not an amount of {asset}: {exc}.", ("amount",)))
    else:
        if units == 0:
            problems.append(Problem(ErrorCode.INVALID, "An adjustment moves something: not zero.", ("amount",)))
        elif abs(units) > MAX_AMOUNT[Asset(asset).unit]:
            limit = format_amount(MAX_AMOUNT[Asset(asset).unit], Asset(asset).unit)
            problems.append(Problem(ErrorCode.INVALID, f"An adjustment moves at most {limit}.", ("amount",)))
    try:
        reason = text.clean(reason, field="reason", max_length=MAX_MEMO_LENGTH, required=True)
    except InvalidInput as exc:
        problems.extend(exc.problems)
    try:
        idempotency.check_key(key)
    except InvalidInput as exc:
        problems.extend(exc.problems)
    if problems:
        raise InvalidInput(problems)
    return units, reason


async def _line(posting_id: int) -> StatementLine:
    line = await statements.line(posting_id)
    assert line is not None, f"posting {posting_id} of an adjustment is a customer's"
    return line
