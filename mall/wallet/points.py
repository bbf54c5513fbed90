"""Points lots (DESIGN §3.5): the only code that moves a customer's POINTS account.

Points are held in lots, each what one entry gave, spendable until it
expires ``MALL_POINTS_VALID_DAYS`` after it was given (the one clock, so the
sandbox clock too). Every movement is one ledger entry and, in the same
transaction, the lots it changes and a ``PointsLotMove`` per lot:

- ``credit``     a new lot;
- ``spend``      earliest-expiring lots first (ties by id), after the
                 customer's due lots expired: what has expired is never spent;
- ``take_back``  up to n points out of the lots, as ``spend`` takes them
                 (a rebate's released points clawed back: as many as
                 the customer still holds), after counting as back
                 already the points of the lots it names that expired
                 unused;
- ``give_back``  spent points back to the lots that spend took them from,
                 latest-expiring first, each keeping its expiry (a lot
                 already past it expires again on the next run), never more
                 per lot than the spend took minus what came back already;
- ``expire_due`` due lots' remaining points to POINTS_EXPIRED, one entry per
                 lot and expiry (``points-lot:<id>:expiry:<n>``).

Each starts by locking the customer's POINTS account row, then reads the
lots: every movement of one customer's points waits for the one before, so
what it reads of the lots is what the ledger holds (per customer the lots'
remaining points add up to the account's balance; ``verification`` checks
it). The lots' UPDATEs stay conditional (``remaining >= n``) behind the
CHECK of migration 10 all the same. Points come before money in every
transaction that moves both, so two never wait on each other crosswise.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from tortoise import connections
from tortoise.expressions import F
from tortoise.functions import Sum

from mall.core.actors import Actor
from mall.core.clock import clock
from mall.infra.transactions import transaction
from mall.settings import get_settings
from mall.wallet import ledger
from mall.wallet.chart import AccountRef, Asset, SystemCode
from mall.wallet.errors import EntryMismatch, InsufficientFunds, InvalidEntry
from mall.wallet.journal import Cause, transfer
from mall.wallet.ledger import Posted
from mall.wallet.models import LedgerAccount, PointsLot, PointsLotMove

SPEND = "SPEND"
RETURN = "RETURN"
EXPIRE = "EXPIRE"
BATCH = 500  # lots one expiry batch takes at most
MAX_EXPIRY_DATES = 10  # pointsExpiring shows the soonest dates only


@dataclass(frozen=True, slots=True)
class Expiring:
    """Points still held that expire at one moment."""

    expires_at: dt.datetime
    points: int


def _account(customer_id: int) -> AccountRef:
    return AccountRef.customer(customer_id, Asset.POINTS)


async def _lock(customer_id: int) -> None:
    """Lock the customer's POINTS account row (PostgreSQL): their points move one entry at a time."""
    await LedgerAccount.filter(account_key=_account(customer_id).key).select_for_update().first()


async def lock_many(customer_ids: Sequence[int]) -> None:
    """Lock several customers' POINTS account rows in id order (a batch that credits them all)."""
    if not customer_ids:
        return
    keys = [_account(c).key for c in customer_ids]
    connection = connections.get("default")
    if connection.capabilities.dialect == "postgres":
        await connection.execute_query(
            "SELECT a.id FROM unnest($1::text[]) AS k(key) JOIN ledger_accounts AS a ON a.account_key = k.key "
            "ORDER BY a.id FOR UPDATE OF a", [keys])
    # Elsewhere there are no row locks to take (SQLite writes one transaction at a time).


@dataclass(frozen=True, slots=True)
class NewLot:
    """A lot to make for points an entry just credited (``credit`` does it for one entry)."""

    customer_id: int
    points: int
    entry_id: int
    cause: Cause
    cause_id: int | None


async def add_lots(lots: Sequence[NewLot], *, now: dt.datetime) -> None:
    """The lots of entries just written by ``ledger.post_many`` (their accounts locked by the caller), in one
    statement: each expires ``MALL_POINTS_VALID_DAYS`` from ``now``."""
    if not lots:
        return
    expires_at = now + dt.timedelta(days=get_settings().points_valid_days)
    connection = connections.get("default")
    if connection.capabilities.dialect == "postgres":
        await connection.execute_query(
            "INSERT INTO points_lots (customer_id, granted, remaining, entry_id, expires_at, cause, cause_id, expiries, "
            "created_at) SELECT c, p, p, e, $4, cause, ci, 0, $5 FROM unnest($1::bigint[], "
            "$2::bigint[], $3::bigint[], $6::text[], $7::bigint[]) AS v(c, p, e, cause, ci)",
            [[lot.customer_id for lot in lots], [lot.points for lot in lots], [lot.entry_id for lot in lots],
             expires_at, now, [lot.cause.value for lot in lots],
             [lot.cause_id for lot in lots]])
        return
    await PointsLot.bulk_create([
        PointsLot(customer_id=lot.customer_id, granted=lot.points, remaining=lot.points, entry_id=lot.entry_id,
                  expires_at=expires_at, cause=lot.cause.value, cause_id=lot.cause_id, created_at=now)
        for lot in lots
    ])


async def credit(
    actor: Actor, *, customer_id: int, points: int, key: str, cause: Cause, cause_id: int | None,
    source: SystemCode, memo: str = "",
) -> Posted:
    """``points`` from ``source`` into a new lot of the customer's; a retry with ``key`` posts nothing more."""
    legs = transfer(AccountRef.system(source), _account(customer_id), points)
    async with transaction():
        await _lock(customer_id)
        posted = await ledger.post(key=key, cause=cause, cause_id=cause_id, legs=legs, actor=actor, memo=memo)
        if posted.created:
            await add_lots([NewLot(customer_id, points, posted.entry_id, cause, cause_id)], now=clock.now())
    return posted


async def spend(
    actor: Actor, *, customer_id: int, points: int, key: str, cause: Cause, cause_id: int | None,
    destination: SystemCode, memo: str = "",
) -> Posted:
    """``points`` out of the customer's lots into ``destination``; INSUFFICIENT_FUNDS if unexpired lots hold less."""
    legs = transfer(_account(customer_id), AccountRef.system(destination), points)
    async with transaction():
        await _lock(customer_id)
        earlier = await ledger.find(key)
        if earlier is not None:  # a retry: answer it (post checks the fingerprint) before expiring anything
            return await ledger.post(key=key, cause=cause, cause_id=cause_id, legs=legs, actor=actor, memo=memo)
        now = clock.now()
        await _expire_due(customer_id, now)
        posted = await ledger.post(key=key, cause=cause, cause_id=cause_id, legs=legs, actor=actor, memo=memo)
        lots = await PointsLot.filter(customer_id=customer_id, remaining__gt=0).order_by("expires_at", "id")
        await _take(lots, points, posted.entry_id, now)
    return posted


@dataclass(frozen=True, slots=True)
class LotsOf:
    """The lots that entries of one cause gave (``cause_id`` among ``cause_ids``): a rebate's own lots."""

    cause: Cause
    cause_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class TakenBack:
    """What ``take_back`` recovered, in points: ``taken`` by its entry out of the customer's lots, and
    ``expired``: points of the named lots that had expired unused, counted as back already."""

    taken: int
    expired: int = 0

    @property
    def points(self) -> int:
        return self.taken + self.expired


async def take_back(
    actor: Actor, *, customer_id: int, points: int, key: str, cause: Cause, cause_id: int | None,
    destination: SystemCode, memo: str = "", expired_of: LotsOf | None = None, expired_counted: int = 0,
) -> TakenBack:
    """At most ``points`` back from the customer, under their account lock; what came back.

    The customer's due lots expire first. Then, with ``expired_of``: the
    points those lots lost to expiry (every EXPIRE move on them, this call's
    included) went to POINTS_EXPIRED unused, so they are back already; less
    the ``expired_counted`` an earlier call counted, they count first, up to
    ``points``. Only the rest is taken out of the customer's unexpired lots
    (any lots, as ``spend`` takes them) into ``destination``, as much as they
    hold. A retry with ``key`` answers the first entry's count as ``taken``
    and counts no expiry (its first call did).
    """
    async with transaction():
        await _lock(customer_id)
        earlier = await ledger.find(key)
        if earlier is not None:
            return TakenBack(taken=-earlier.leg(_account(customer_id)).amount)
        now = clock.now()
        await _expire_due(customer_id, now)
        expired = 0
        if expired_of is not None and points > 0:
            expired = min(points, max(await _expired(customer_id, expired_of) - expired_counted, 0))
        lots = await PointsLot.filter(customer_id=customer_id, remaining__gt=0).order_by("expires_at", "id")
        taken = min(points - expired, sum(lot.remaining for lot in lots))
        if taken <= 0:
            return TakenBack(taken=0, expired=expired)
        posted = await ledger.post(key=key, cause=cause, cause_id=cause_id, actor=actor, memo=memo,
                                   legs=transfer(_account(customer_id), AccountRef.system(destination), taken))
        await _take(lots, taken, posted.entry_id, now)
    return TakenBack(taken=taken, expired=expired)


async def _expire_due(customer_id: int, now: dt.datetime) -> None:
    """The customer's lots past their expiry go to POINTS_EXPIRED before points move (account locked by the caller)."""
    for lot in await PointsLot.filter(customer_id=customer_id, remaining__gt=0, expires_at__lte=now).order_by("id"):
        await _expire(Actor.system(), lot)


async def _expired(customer_id: int, lots_of: LotsOf) -> int:
    """The points the customer's lots of ``lots_of`` ever lost to expiry (their EXPIRE moves)."""
    if not lots_of.cause_ids:
        return 0
    moved = await PointsLotMove.filter(lot__customer_id=customer_id, lot__cause=lots_of.cause.value,
                                       lot__cause_id__in=list(lots_of.cause_ids), kind=EXPIRE).values_list(
        "points", flat=True)
    return -sum(moved)


async def _take(lots: Sequence[PointsLot], points: int, entry_id: int, now: dt.datetime) -> None:
    moves = []
    need = points
    for lot in lots:
        if need == 0:
            break
        taken = min(lot.remaining, need)
        if not await PointsLot.filter(id=lot.id, remaining__gte=taken).update(remaining=F("remaining") - taken):
            raise InsufficientFunds("Your points changed meanwhile; look again.")
        moves.append(PointsLotMove(lot_id=lot.id, entry_id=entry_id, kind=SPEND, points=-taken, created_at=now))
        need -= taken
    if need:  # the ledger let the points go, so the lots hold them: anything else is a broken ledger
        raise InsufficientFunds("Your points lots hold less than your points account.")
    await PointsLotMove.bulk_create(moves)


async def _left_per_lot(spend_entry_id: int) -> dict[int, int]:
    left: dict[int, int] = {}
    for lot_id, points in await PointsLotMove.filter(entry_id=spend_entry_id, kind=SPEND).values_list("lot_id", "points"):
        left[lot_id] = left.get(lot_id, 0) - points
    for lot_id, points in await PointsLotMove.filter(spend_entry_id=spend_entry_id, kind=RETURN).values_list(
        "lot_id", "points"
    ):
        left[lot_id] = left.get(lot_id, 0) - points
    return left


async def give_back(
    actor: Actor, *, customer_id: int, spend_key: str, key: str, points: int | None, cause: Cause,
    cause_id: int | None, memo: str = "",
) -> Posted | None:
    """Spent points back to the lots ``spend_key`` took them from (``None``: all not yet given back).

    ``None`` when there is nothing to give (nothing spent, or all back
    already); a retry with ``key`` answers the first entry. More than is
    left of the spend is ``InvalidEntry``, nothing changed.
    """
    async with transaction():
        await _lock(customer_id)
        earlier = await ledger.find(key)
        if earlier is not None:
            if points is not None and earlier.leg(_account(customer_id)).amount != points:
                raise EntryMismatch(f"Points were given back under {key} already, {earlier.leg(_account(customer_id)).amount}"
                                    f" of them, not {points}.")
            return earlier
        spent = await ledger.find(spend_key)
        if spent is None:
            if points:
                raise InvalidEntry("No points were spent under this key to give back.")
            return None
        left = await _left_per_lot(spent.entry_id)
        wanted = sum(left.values()) if points is None else points
        if wanted > sum(left.values()):
            raise InvalidEntry("That is more points than are left to give back.")
        if wanted <= 0:
            return None
        source = next(leg.account for leg in spent.legs if not leg.account.is_customer)
        posted = await ledger.post(key=key, cause=cause, cause_id=cause_id, actor=actor, memo=memo,
                                   legs=transfer(source, _account(customer_id), wanted))
        await _return(spent.entry_id, left, wanted, posted.entry_id)
    return posted


async def _return(spend_entry_id: int, left: dict[int, int], points: int, entry_id: int) -> None:
    lots = await PointsLot.filter(id__in=[lot_id for lot_id, n in left.items() if n > 0])
    now = clock.now()
    moves = []
    need = points
    for lot in sorted(lots, key=lambda lot: (lot.expires_at, lot.id), reverse=True):  # latest-expiring first
        if need == 0:
            break
        back = min(left[lot.id], need)
        if not await PointsLot.filter(id=lot.id, remaining__lte=lot.granted - back).update(
            remaining=F("remaining") + back
        ):
            raise InvalidEntry(f"Points lot {lot.id} cannot take {back} points back.")
        moves.append(PointsLotMove(lot_id=lot.id, entry_id=entry_id, kind=RETURN, points=back,
                                   spend_entry_id=spend_entry_id, created_at=now))
        need -= back
    await PointsLotMove.bulk_create(moves)


async def expire_due(now: dt.datetime, *, batch: int = BATCH) -> int:
    """Expire up to ``batch`` lots due at ``now``, soonest first, each in its own transaction; how many.

    Safe with two workers: each lot is read again under its customer's
    account lock, so the second finds it empty and moves nothing.
    """
    due = await PointsLot.filter(expires_at__lte=now, remaining__gt=0).order_by("expires_at", "id").limit(
        batch
    ).values_list("id", "customer_id")
    expired = 0
    system = Actor.system()
    for lot_id, customer_id in due:
        async with transaction():
            await _lock(customer_id)
            lot = await PointsLot.get(id=lot_id)
            if lot.remaining > 0 and lot.expires_at <= now:
                await _expire(system, lot)
                expired += 1
    return expired


async def _expire(actor: Actor, lot: PointsLot) -> None:
    """The lot's remaining points to POINTS_EXPIRED (the customer's account locked by the caller)."""
    posted = await ledger.post(
        key=f"points-lot:{lot.id}:expiry:{lot.expiries + 1}", cause=Cause.POINTS_EXPIRY, cause_id=lot.id,
        actor=actor, memo="Points expired", legs=transfer(_account(lot.customer_id),
                                                          AccountRef.system(SystemCode.POINTS_EXPIRED), lot.remaining),
    )
    if not await PointsLot.filter(id=lot.id, remaining=lot.remaining, expiries=lot.expiries).update(
        remaining=0, expiries=lot.expiries + 1
    ):
        raise InvalidEntry(f"Points lot {lot.id} changed while it expired.")
    await PointsLotMove.create(lot_id=lot.id, entry_id=posted.entry_id, kind=EXPIRE, points=-lot.remaining,
                               created_at=clock.now())


async def spendable(customer_id: int, now: dt.datetime | None = None) -> int:
    """The points the customer may spend now: what their unexpired lots hold."""
    rows = await PointsLot.filter(customer_id=customer_id, remaining__gt=0,
                                  expires_at__gt=now or clock.now()).values_list("remaining", flat=True)
    return sum(rows)


async def expiring(customer_id: int, *, limit: int = MAX_EXPIRY_DATES) -> list[Expiring]:
    """Points held by the customer's unexpired lots, by expiry, soonest first; the first ``limit`` dates."""
    return (await expiring_for([customer_id], limit=limit))[customer_id]


async def expiring_for(customer_ids: Iterable[int], *, limit: int = MAX_EXPIRY_DATES) -> dict[int, list[Expiring]]:
    """``expiring`` of each customer, in one query (a staff list of customers reads them together)."""
    ids = list(customer_ids)
    rows = await PointsLot.filter(customer_id__in=ids, remaining__gt=0, expires_at__gt=clock.now()).annotate(
        points=Sum("remaining")).group_by("customer_id", "expires_at").order_by("customer_id", "expires_at").values(
        "customer_id", "expires_at", "points")
    found: dict[int, list[Expiring]] = {customer_id: [] for customer_id in ids}
    for row in rows:
        due = found[row["customer_id"]]
        if len(due) < limit:
            due.append(Expiring(expires_at=row["expires_at"], points=int(row["points"])))
    return found