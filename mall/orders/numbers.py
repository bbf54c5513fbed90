"""Order numbers: the local date and twelve random digits, e.g. 20261129 483920175562.

Readable over the phone, sortable by day, and not guessable from one
another (no sequence to walk).
"""

from __future__ import annotations

import datetime as dt
import secrets

from mall.core.clock import clock


def new_order_number(now: dt.datetime) -> str:
    return clock.local(now).strftime("%Y%m%d") + f"{secrets.randbelow(10**12):012d}"
