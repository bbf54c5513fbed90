"""When the next rule window opens or closes: how long a cached catalog answer may live (DESIGN §3.6).

Products show the live rules (``rebateHints``) in the cached anonymous
catalog. Writes (a rule created, edited, paused, ended or exhausted) expire
that cache; a window opening or closing is no write, yet it changes what
the catalog shows. So no cached answer may outlive the next boundary —
``startsAt`` or ``endsAt`` — of any ACTIVE rule: the response cache caps
each entry's lifetime at it.

Reading the rules for every stored answer would cost a query per miss; the
next boundary is remembered instead (one value per process: bounded),
together with the ``generation`` it was read under (the catalog cache's
version, which every rule change moves) and the moment it was read for. It
is read again when the generation moves, when that boundary has passed,
when the clock went back before the moment it was read for (the sandbox
clock can move either way), and at least every ``MAX_AGE`` anyway: should
the generation ever repeat (a flushed Redis starts versions again at 0), a
remembered boundary is wrong for a minute at most.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from mall.rebates.models import RebateRule
from mall.rebates.statuses import RuleStatus


@dataclass(frozen=True, slots=True)
class _Known:
    generation: object
    since: dt.datetime
    boundary: dt.datetime | None  # None: no ACTIVE rule has a window boundary ahead


MAX_AGE = dt.timedelta(minutes=1)

_known: _Known | None = None


def _holds(known: _Known | None, after: dt.datetime, generation: object) -> bool:
    return (known is not None and known.generation == generation and known.since <= after < known.since + MAX_AGE
            and (known.boundary is None or after < known.boundary))


async def next_boundary(after: dt.datetime, generation: object) -> dt.datetime | None:
    """The first ``startsAt`` or ``endsAt`` of an ACTIVE rule later than ``after`` (``None``: none ahead)."""
    global _known
    known = _known
    if _holds(known, after, generation):
        assert known is not None
        return known.boundary
    active = RebateRule.filter(status=RuleStatus.ACTIVE.value)
    starts = await active.filter(starts_at__gt=after).order_by("starts_at").first().values_list("starts_at", flat=True)
    ends = await active.filter(ends_at__gt=after).order_by("ends_at").first().values_list("ends_at", flat=True)
    ahead = [moment for moment in (starts, ends) if moment is not None]
    boundary = min(ahead) if ahead else None
    _known = _Known(generation, after, boundary)
    return boundary


def forget() -> None:
    """Forget the remembered boundary (tests)."""
    global _known
    _known = None
